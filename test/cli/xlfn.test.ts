import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { generateWorkbook } from "../../src/cli/workbook-io";
import fc from "fast-check";
import { addXlfnPrefixes, addXlfnPrefixesFully, stripXlfnPrefixes } from "../../src/cli/xlsx/xlfn";
import { parsePlanJson } from "../../src/core/plan-file";
import { EXAMPLE_PLAN } from "./harness";

/**
 * Functions of Excel 2007, and functions Excel added later, as Microsoft's function reference dates them
 * ("Excel functions (alphabetical)": "Excel 2010", "Excel 2013", "Excel 2019", "Microsoft 365"). Kept here, apart
 * from src/cli/xlsx/xlfn.ts, so that a function the layout starts to use must be placed in one list by hand.
 */
// EXACT and TRIM are text functions of every Excel version (support.microsoft.com/en-us/excel/exact-function, …/trim-function), never in the _xlfn. list.
const EXCEL_2007 = new Set(["ABS", "ADDRESS", "AND", "AVERAGE", "AVERAGEIF", "AVERAGEIFS", "COLUMN", "COUNT", "COUNTA", "COUNTIF", "COUNTIFS", "DATE", "EDATE", "EOMONTH", "EXACT", "IF", "IFERROR", "INDEX", "INT", "ISBLANK", "ISERROR", "ISNUMBER", "ISTEXT", "LEFT", "LEN", "LOOKUP", "MATCH", "MAX", "MIN", "MOD", "N", "NA", "NOT", "OR", "RIGHT", "ROUND", "ROW", "SEARCH", "SUBSTITUTE", "SUM", "SUMIFS", "SUMPRODUCT", "TEXT", "TODAY", "TRIM", "WEEKDAY"]);
const NEWER: Record<string, string> = {
  MAXIFS: "_xlfn.", MINIFS: "_xlfn.", IFS: "_xlfn.", SWITCH: "_xlfn.", CONCAT: "_xlfn.", TEXTJOIN: "_xlfn.", ISOWEEKNUM: "_xlfn.",
  IFNA: "_xlfn.", DAYS: "_xlfn.", AGGREGATE: "_xlfn.", XLOOKUP: "_xlfn.", XMATCH: "_xlfn.", UNIQUE: "_xlfn.", SEQUENCE: "_xlfn.",
  LET: "_xlfn.", FILTER: "_xlfn._xlws.", SORT: "_xlfn._xlws.",
};

/** Function names (with any prefix) of every formula in the workbook's sheet parts: cells, validation, conditional formats. */
async function fileFunctionNames(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = new Set<string>();
  for (const file of Object.values(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name))) {
    const xml = await file.async("string");
    const formulas = [...xml.matchAll(/<(f|formula|formula1|formula2)(?:\s[^>]*)?>([^<]*)<\/\1>/g)].map((m) => m[2]);
    for (const raw of formulas) {
      const formula = raw.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'/g, "''");
      for (const m of formula.matchAll(/(?<![A-Za-z0-9_.!])([A-Za-z_][A-Za-z0-9_.]*)\(/g)) names.add(m[1]);
    }
  }
  return [...names].sort();
}

describe("_xlfn. prefixes for Excel 2010+ functions in .xlsx formulas", () => {
  test("MAXIFS, MINIFS, IFS, SWITCH, ISOWEEKNUM and dotted names get the prefix; Excel 2007 functions do not", () => {
    expect(addXlfnPrefixes("=IFERROR(MAXIFS($C:$C,$B:$B,A2),0)+minifs(D:D,E:E,1)")).toBe(
      "=IFERROR(_xlfn.MAXIFS($C:$C,$B:$B,A2),0)+_xlfn.minifs(D:D,E:E,1)",
    );
    expect(addXlfnPrefixes("IFS(A1>1,1,TRUE,0)&SWITCH(B1,1,\"a\",\"b\")&ISOWEEKNUM(C1)&STDEV.S(D:D)")).toBe(
      "_xlfn.IFS(A1>1,1,TRUE,0)&_xlfn.SWITCH(B1,1,\"a\",\"b\")&_xlfn.ISOWEEKNUM(C1)&_xlfn.STDEV.S(D:D)",
    );
    expect(addXlfnPrefixes("=SUMIFS(A:A,B:B,1)/COUNTIFS(B:B,1)")).toBe("=SUMIFS(A:A,B:B,1)/COUNTIFS(B:B,1)");
  });

  test("text in strings and quoted sheet names is not touched, nor are names that are not calls", () => {
    expect(addXlfnPrefixes('="MAXIFS(" & \'IFS(x\'!A1 & MAXIFS')).toBe('="MAXIFS(" & \'IFS(x\'!A1 & MAXIFS');
    expect(addXlfnPrefixes('="a""MAXIFS(b"&MAXIFS(A:A,B:B,1)')).toBe('="a""MAXIFS(b"&_xlfn.MAXIFS(A:A,B:B,1)');
  });

  test("adding is idempotent and stripping undoes it", () => {
    const plain = "=IFERROR(MAXIFS($C:$C,$B:$B,A2),\"\")&IFS(A1,1)";
    const once = addXlfnPrefixes(plain);
    expect(addXlfnPrefixes(once)).toBe(once);
    expect(stripXlfnPrefixes(once)).toBe(plain);
    expect(stripXlfnPrefixes("=_xlfn._xlws.FILTER(A:A,B:B)")).toBe("=FILTER(A:A,B:B)");
  });

  test("FILTER and SORT are stored as _xlfn._xlws., the other dynamic-array functions as _xlfn.", () => {
    expect(addXlfnPrefixes("=SORT(FILTER(A:A,B:B>0))+SORTBY(A:A,B:B)+UNIQUE(A:A)+SEQUENCE(3)+RANDARRAY(2)+XLOOKUP(1,A:A,B:B)")).toBe(
      "=_xlfn._xlws.SORT(_xlfn._xlws.FILTER(A:A,B:B>0))+_xlfn.SORTBY(A:A,B:B)+_xlfn.UNIQUE(A:A)+_xlfn.SEQUENCE(3)+_xlfn.RANDARRAY(2)+_xlfn.XLOOKUP(1,A:A,B:B)",
    );
    // a half-prefixed name (as another tool may have left it) gets the full prefix once
    expect(addXlfnPrefixes("_xlfn.FILTER(A:A,B:B)")).toBe("_xlfn._xlws.FILTER(A:A,B:B)");
  });

  test("LET and LAMBDA parameters are stored as _xlpm.name, also where the body uses them; other names are not", () => {
    expect(addXlfnPrefixes("=LET(x,A1*2,total,SUM(B:B),x+total+y)")).toBe("=_xlfn.LET(_xlpm.x,A1*2,_xlpm.total,SUM(B:B),_xlpm.x+_xlpm.total+y)");
    expect(addXlfnPrefixes("=LAMBDA(a,b,a*b)(2,3)")).toBe("=_xlfn.LAMBDA(_xlpm.a,_xlpm.b,_xlpm.a*_xlpm.b)(2,3)");
    // a sheet or a cell called like a parameter is left alone
    expect(addXlfnPrefixes("=LET(x,1,x!A1+x)")).toBe("=_xlfn.LET(_xlpm.x,1,x!A1+_xlpm.x)");
    const plain = "=LET(rate,MAXIFS(A:A,B:B,1),IF(rate>0,rate,\"rate\"))";
    const stored = addXlfnPrefixes(plain);
    expect(stored).toBe("=_xlfn.LET(_xlpm.rate,_xlfn.MAXIFS(A:A,B:B,1),IF(_xlpm.rate>0,_xlpm.rate,\"rate\"))");
    expect(addXlfnPrefixes(stored)).toBe(stored);
    expect(stripXlfnPrefixes(stored)).toBe(plain);
  });

  test("every function the layout's formulas use is Excel 2007's and unprefixed in the file, or newer and prefixed as Excel writes it", async () => {
    const parsed = parsePlanJson(readFileSync(EXAMPLE_PLAN, "utf8"));
    if (!parsed.ok) throw new Error("example does not parse");
    for (const language of ["zh-CN", "en-US"] as const) {
      const names = await fileFunctionNames(await generateWorkbook(parsed.plan, { language, asOf: "2024-05-15" }));
      expect(names.length).toBeGreaterThan(10);
      for (const name of names) {
        const bare = name.replace(/^_xlfn\.(_xlws\.)?/, "");
        const prefix = name.slice(0, name.length - bare.length);
        if (EXCEL_2007.has(bare)) expect([name, prefix]).toEqual([name, ""]);
        else if (NEWER[bare] !== undefined) expect([name, prefix]).toEqual([name, NEWER[bare]]);
        else throw new Error(`${name}: not in either list of this test; find in which Excel version it came and add it`);
      }
    }
  });
});


test("the quick test before tokenizing and the cache change no formula: same result as tokenizing every one", () => {
  const piece = fc.constantFrom(
    "MAXIFS", "maxifs", "IFS", "COUNTIFS", "SUMIFS", "LET", "OUTLET", "LAMBDA", "FILTER", "_xlfn.", "_xlws.", "_xlpm.", "T.DIST", "NETWORKDAYS",
    "DAYS", "X", "x1", "A1", "Sheet1!", "$", "1", ".", "(", ")", ",", " ", '"', "'", "[", "]", "\\", "+", "_",
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 14 }).map((parts) => `=${parts.join("")}`), (formula) => {
      const full = addXlfnPrefixesFully(formula);
      expect(addXlfnPrefixes(formula)).toBe(full);
      expect(addXlfnPrefixes(formula)).toBe(full);
    }),
    { numRuns: 3000, seed: 20261201 },
  );
});
