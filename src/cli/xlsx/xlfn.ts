/**
 * Functions added to Excel after 2007 are stored in the .xlsx file with a `_xlfn.` prefix (`_xlfn.MAXIFS(…)`);
 * Excel shows #NAME? for an unprefixed one read from a file, and LibreOffice computes them only with it
 * (TOOLCHAIN.md). Office.js `range.formulas` takes the plain name, so the layout writes plain names and the
 * .xlsx writer adds the prefix; the reader strips it again. String literals and quoted sheet names are left alone.
 *
 * What Excel writes ([MS-XLSX] 2.2.2 "Formulas", the future-function list; checked against files Excel saved, as
 * PhpSpreadsheet's and openpyxl's tests hold them): `_xlfn.NAME` for each function of the list, except FILTER and
 * SORT, which Excel stores as `_xlfn._xlws.FILTER` / `_xlfn._xlws.SORT`; the parameter names of LET and LAMBDA
 * are stored as `_xlpm.name` (`_xlfn.LET(_xlpm.x,1,_xlpm.x+1)`).
 */
import { kept, readQuoted } from "../../a1";
import { at } from "../../core/indexed";


/** Excel 2010+ functions (the "future functions" of [MS-XLSX] 2.2.2 that PIPbook could meet). */
export const FUTURE_FUNCTIONS = new Set([
  "AGGREGATE", "ANCHORARRAY", "ARABIC", "BASE", "BETA.DIST", "BETA.INV", "BINOM.DIST", "BINOM.DIST.RANGE", "BINOM.INV", "BITAND",
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

/** Future functions Excel stores with a second, worksheet-function prefix: `_xlfn._xlws.FILTER`. */
export const XLWS_FUNCTIONS = new Set(["FILTER", "SORT"]);

/** Functions whose arguments name parameters (stored `_xlpm.name`): LET(name, value, …, calc), LAMBDA(p, …, body). */
const PARAMETER_FUNCTIONS = new Set(["LET", "LAMBDA"]);

/** The prefix Excel stores in front of a function name ("" for Excel 2007 functions). */
export function filePrefixOf(name: string): string {
  const upper = name.toUpperCase();
  if (!FUTURE_FUNCTIONS.has(upper)) return "";
  return XLWS_FUNCTIONS.has(upper) ? "_xlfn._xlws." : "_xlfn.";
}

type Token =
  | { kind: "text"; text: string }
  | { kind: "name"; text: string }
  | { kind: "char"; text: string };

/** A name starting exactly at `lastIndex` (sticky: no copy of the formula's rest per character). */
const NAME = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;

/** Strings ("…" with "" escapes), quoted sheet names ('…' with ''), names, and single other characters. */
function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula.charAt(i);
    if (ch === '"' || ch === "'") {
      const { close: j } = readQuoted(formula, i);
      tokens.push({ kind: "text", text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    NAME.lastIndex = i;
    const m = NAME.exec(formula);
    if (m) {
      tokens.push({ kind: "name", text: m[0] });
      i += m[0].length;
      continue;
    }
    tokens.push({ kind: "char", text: ch });
    i++;
  }
  return tokens;
}

/** Is the name at `i` a function call (followed by "(" and not part of a reference such as Sheet1!A1)? */
function isCall(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return after?.kind === "char" && after.text === "(" && !(before?.kind === "char" && /[!$[]/.test(before.text)) && before?.kind !== "name";
}

/** A bare name that may be a LET/LAMBDA parameter: not a call, not after "!" or "[" or inside a structured reference. */
function isBareName(tokens: Token[], i: number, depthInBrackets: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (depthInBrackets > 0) return false;
  if (after?.kind === "char" && (after.text === "(" || after.text === "!" || after.text === "[")) return false;
  if (before?.kind === "char" && (before.text === "!" || before.text === "$")) return false;
  return true;
}

const stripPrefix = (name: string) => name.replace(/^_xlfn\./i, "").replace(/^_xlws\./i, "");

/** Token index of the ")" that closes the "(" at `open`, and the top-level argument boundaries (commas). */
function callExtent(tokens: Token[], open: number): { close: number; commas: number[] } {
  let depth = 0;
  let brackets = 0;
  const commas: number[] = [];
  for (let k = open; k < tokens.length; k++) {
    const t = at(tokens, k, "formula token");
    if (t.kind !== "char") continue;
    if (t.text === "[") brackets++;
    else if (t.text === "]") brackets = Math.max(0, brackets - 1);
    else if (brackets > 0) continue;
    else if (t.text === "(" || t.text === "{") depth++;
    else if (t.text === ")" || t.text === "}") {
      depth--;
      if (depth === 0) return { close: k, commas };
    } else if (t.text === "," && depth === 1) commas.push(k);
  }
  return { close: tokens.length - 1, commas };
}

/** Mark LET/LAMBDA parameter names and their uses inside the call with `_xlpm.` (in place). */
function prefixParameters(tokens: Token[]): void {
  for (const [i, t] of tokens.entries()) {
    if (t.kind !== "name" || !isCall(tokens, i) || !PARAMETER_FUNCTIONS.has(stripPrefix(t.text).toUpperCase())) continue;
    const isLet = stripPrefix(t.text).toUpperCase() === "LET";
    const { close, commas } = callExtent(tokens, i + 1);
    const starts = [i + 2, ...commas.map((c) => c + 1)];
    // LET: arguments 1, 3, 5 … before the last are names; LAMBDA: every argument before the last.
    const nameArgs = starts.slice(0, -1).filter((_, n) => !isLet || n % 2 === 0);
    const params = new Set<string>();
    for (const start of nameArgs) {
      let k = start;
      for (let blank = tokens[k]; blank?.kind === "char" && blank.text.trim() === ""; blank = tokens[k]) k++;
      const p = tokens[k];
      if (p?.kind === "name") params.add(p.text.replace(/^_xlpm\./i, "").toUpperCase());
    }
    if (params.size === 0) continue;
    let brackets = 0;
    for (let k = i + 2; k < close; k++) {
      const u = at(tokens, k, "formula token");
      if (u.kind === "char" && u.text === "[") brackets++;
      if (u.kind === "char" && u.text === "]") brackets = Math.max(0, brackets - 1);
      if (u.kind !== "name" || /^_xlpm\./i.test(u.text) || !params.has(u.text.toUpperCase())) continue;
      if (isBareName(tokens, k, brackets)) u.text = `_xlpm.${u.text}`;
    }
  }
}

/**
 * Add Excel's file prefixes (idempotent): `_xlfn.` to Excel 2010+ function names, `_xlfn._xlws.` to FILTER and
 * SORT, `_xlpm.` to LET/LAMBDA parameters. A leading "=" is kept as it was.
 */
export function addXlfnPrefixes(formula: string): string {
  // Most formulas call no function newer than Excel 2007: nothing to change, no tokenizing (3 % of a batch
  // workbook's CPU). A name that might be one (even inside a string) takes the full path below, once per text:
  // the workbooks of a batch share most of their formulas.
  if (!MIGHT_NEED_PREFIX.test(formula)) return formula;
  return kept(prefixed, formula, PREFIXED_CACHE_SIZE, () => addXlfnPrefixesFully(formula));
}

/** Formulas already given their prefixes (a bounded cache: cleared when full). */
const prefixed = new Map<string, string>();
const PREFIXED_CACHE_SIZE = 2_000;

/** addXlfnPrefixes without the quick test and the cache: every formula tokenized (the tests compare the two). */
export function addXlfnPrefixesFully(formula: string): string {
  const tokens = tokenize(formula);
  for (const [i, t] of tokens.entries()) {
    if (t.kind !== "name" || !isCall(tokens, i)) continue;
    const bare = t.text.replace(/^_xlfn\./i, "").replace(/^_xlws\./i, "");
    const prefix = filePrefixOf(bare);
    if (prefix) t.text = `${prefix}${bare}`;
  }
  prefixParameters(tokens);
  return tokens.map((t) => t.text).join("");
}

/**
 * A future function's (or LET's, LAMBDA's) name followed by "(" anywhere in the formula, strings included, and not
 * the tail of a longer name: a superset of the calls the full path prefixes. A name token there never follows a
 * letter, "_" or "\" (those would have continued it), so the look-behind loses none; it may follow a digit or "."
 * ("1.5*MAXIFS(" is a call), which are let through. One regular-expression test, nothing allocated on a miss.
 */
const MIGHT_NEED_PREFIX = new RegExp(
  `(?<![A-Za-z_\\\\])(?:_xlfn\\.)?(?:_xlws\\.)?(?:${[...FUTURE_FUNCTIONS, ...PARAMETER_FUNCTIONS]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/\./g, "\\."))
    .join("|")})\\s*\\(`,
  "i",
);

/** Remove `_xlfn.`, `_xlws.` and `_xlpm.` prefixes: the form Office.js and the in-memory Excel take. */
export function stripXlfnPrefixes(formula: string): string {
  // Without "_xl" anywhere there is no prefix to remove.
  if (!/_xl/i.test(formula)) return formula;
  return tokenize(formula)
    .map((t) => (t.kind === "name" ? t.text.replace(/^_xlfn\./i, "").replace(/^_xlws\./i, "").replace(/^_xlpm\./i, "") : t.text))
    .join("");
}
