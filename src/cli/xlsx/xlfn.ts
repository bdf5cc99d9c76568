/**
 * Functions added to Excel after 2007 are stored in the .xlsx file with a `_xlfn.` prefix (`_xlfn.MAXIFS(…)`);
 * Excel shows #NAME? for an unprefixed one read from a file, and LibreOffice computes them only with it
 * (TOOLCHAIN.md). Office.js `range.formulas` takes the plain name, so the layout writes plain names and the
 * .xlsx writer adds the prefix; the reader strips it again. String literals and quoted sheet names are left alone.
 */

/** Excel 2010+ functions (the "future functions" list of [MS-XLSX] 2.2.2 that PIPbook could meet). */
export const FUTURE_FUNCTIONS = new Set([
  "AGGREGATE", "ARABIC", "BASE", "BETA.DIST", "BETA.INV", "BINOM.DIST", "BINOM.DIST.RANGE", "BINOM.INV", "BITAND",
  "BITLSHIFT", "BITOR", "BITRSHIFT", "BITXOR", "CEILING.MATH", "CEILING.PRECISE", "CHISQ.DIST", "CHISQ.DIST.RT",
  "CHISQ.INV", "CHISQ.INV.RT", "CHISQ.TEST", "COMBINA", "CONCAT", "CONFIDENCE.NORM", "CONFIDENCE.T", "COT", "COTH",
  "COVARIANCE.P", "COVARIANCE.S", "CSC", "CSCH", "DAYS", "DECIMAL", "ERF.PRECISE", "ERFC.PRECISE", "EXPON.DIST",
  "F.DIST", "F.DIST.RT", "F.INV", "F.INV.RT", "F.TEST", "FILTER", "FILTERXML", "FLOOR.MATH", "FLOOR.PRECISE",
  "FORECAST.ETS", "FORECAST.LINEAR", "FORMULATEXT", "GAMMA", "GAMMA.DIST", "GAMMA.INV", "GAMMALN.PRECISE", "GAUSS",
  "HYPGEOM.DIST", "IFNA", "IFS", "IMCOSH", "IMCOT", "IMCSC", "IMCSCH", "IMSEC", "IMSECH", "IMSINH", "IMTAN", "ISFORMULA",
  "ISOWEEKNUM", "LET", "LAMBDA", "LOGNORM.DIST", "LOGNORM.INV", "MAXIFS", "MINIFS", "MODE.MULT", "MODE.SNGL",
  "NEGBINOM.DIST", "NETWORKDAYS.INTL", "NORM.DIST", "NORM.INV", "NORM.S.DIST", "NORM.S.INV", "NUMBERVALUE",
  "PERCENTILE.EXC", "PERCENTILE.INC", "PERCENTRANK.EXC", "PERCENTRANK.INC", "PERMUTATIONA", "PHI", "POISSON.DIST",
  "QUARTILE.EXC", "QUARTILE.INC", "RANDARRAY", "RANK.AVG", "RANK.EQ", "RRI", "SEC", "SECH", "SEQUENCE", "SHEET",
  "SHEETS", "SINGLE", "SKEW.P", "SORT", "SORTBY", "STDEV.P", "STDEV.S", "SWITCH", "T.DIST", "T.DIST.2T", "T.DIST.RT",
  "T.INV", "T.INV.2T", "T.TEST", "TEXTJOIN", "UNICHAR", "UNICODE", "UNIQUE", "VAR.P", "VAR.S", "WEBSERVICE",
  "WEIBULL.DIST", "WORKDAY.INTL", "XLOOKUP", "XMATCH", "XOR", "Z.TEST",
]);

/** Apply `rewrite` to each function name (identifier directly followed by "(") outside strings and quoted names. */
function mapFunctionNames(formula: string, rewrite: (name: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // "text" with "" escapes, or 'sheet name' with '' escapes
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i));
    if (m) {
      const before = i > 0 ? formula[i - 1] : "";
      const after = formula[i + m[0].length];
      const isFunction = after === "(" && !/[A-Za-z0-9_.$!]/.test(before);
      out += isFunction ? rewrite(m[0]) : m[0];
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Add `_xlfn.` to Excel 2010+ function names (idempotent). A leading "=" is kept as it was. */
export function addXlfnPrefixes(formula: string): string {
  return mapFunctionNames(formula, (name) => (FUTURE_FUNCTIONS.has(name.toUpperCase()) ? `_xlfn.${name}` : name));
}

/** Remove `_xlfn.` (and `_xlws.`, used by FILTER and SORT) prefixes: the form Office.js and the in-memory Excel take. */
export function stripXlfnPrefixes(formula: string): string {
  return mapFunctionNames(formula, (name) => name.replace(/^_xl(fn|ws)\./i, "").replace(/^_xl(fn|ws)\./i, ""));
}
