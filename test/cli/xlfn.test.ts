import { addXlfnPrefixes, stripXlfnPrefixes } from "../../src/cli/xlsx/xlfn";

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
});
