/** The one formula tokenizer (src/a1/formula.ts), used by the in-memory Excel's rewrites. */
import fc from "fast-check";
import { readBrackets, readQuoted, render, tokenize, type FormulaToken } from "../../src/a1";

const refs = (formula: string) => tokenize(formula).filter((t): t is Extract<FormulaToken, { kind: "ref" }> => t.kind === "ref");

describe("tokenize", () => {
  it("reads cells, ranges, whole columns and rows, with their sheet and $", () => {
    const [a, b, c, d] = refs("=SUM(A1:$B$2)+'Tracking log'!C:C+Goals!3:5+概览!$D7");
    expect(a).toMatchObject({ sheet: null, a: { col: 0, row: 0, colAbs: false }, b: { col: 1, row: 1, colAbs: true, rowAbs: true } });
    expect(b).toMatchObject({ sheet: "Tracking log", a: { col: 2, row: null }, b: { col: 2, row: null } });
    expect(c).toMatchObject({ sheet: "Goals", a: { col: null, row: 2 }, b: { col: null, row: 4 } });
    expect(d).toMatchObject({ sheet: "概览", a: { col: 3, row: 6, colAbs: true, rowAbs: false }, b: null });
  });

  it("never reads a reference inside a string, an error literal, a function name or a structured reference", () => {
    expect(refs(`="A1"&"B2""C3"`)).toEqual([]);
    expect(refs("=IF(ISERROR(#REF!),LOG10(2),0)")).toEqual([]);
    expect(refs("=PIP_Goals[@[A1]]+[B2]")).toEqual([]);
    expect(tokenize("=PIP_Goals[@Weight]")).toContainEqual({ kind: "structured", table: "PIP_Goals", body: "@Weight" });
  });

  it("unquotes a sheet name with a doubled apostrophe", () => {
    expect(refs("='O''Brien'!A1")[0]?.sheet).toBe("O'Brien");
  });

  it("renders a formula back as it was written when it is written canonically", () => {
    for (const f of ["=SUM(A1:$B$2)*2", "='Tracking log'!$C$5+Goals!A:A", `=IF(A1="x",PIP_Goals[@Weight],1:1)`, "=概览!B2&\"'A1'!B2\""]) {
      expect(render(tokenize(f))).toBe(f);
    }
  });

  it("is stable: rendering what it rendered changes nothing, for any text", () => {
    const piece = fc.constantFrom("A1", "$B$2", ":", "!", "'", "''", '"', "Sheet 1", "SUM(", ")", "+", "[", "]", "@", "#REF!", "1", "2:3", "C:D", "x", "概览", ",", " ");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const once = render(tokenize("=" + pieces.join("")));
        expect(render(tokenize(once))).toBe(once);
      }),
    );
  });
});

describe("the scanners' shared readers", () => {
  it("readQuoted unquotes '' in a sheet name and finds the closing apostrophe, or the end when there is none", () => {
    const f = "='O''Brien''s log'!A1";
    const { inner, close } = readQuoted(f, 1);
    expect(inner).toBe("O'Brien's log");
    expect(f.slice(close, close + 2)).toBe("'!");
    expect(readQuoted("'never closed", 0)).toEqual({ inner: "never closed", close: 13 });
  });

  it("readQuoted reads a string literal with \"\" the same way, and an apostrophe inside it is just a character", () => {
    const f = `="say ""A1"" it's"&B2`;
    const { inner, close } = readQuoted(f, 1);
    expect(inner).toBe(`say "A1" it's`);
    expect(f.slice(close + 1)).toBe("&B2");
  });

  it("readBrackets ends a structured reference at its matching ], with ' escaping a bracket inside", () => {
    const f = "PIP_Goals[[#This Row],[a']b]]+1";
    expect(f.slice(0, readBrackets(f, 9))).toBe("PIP_Goals[[#This Row],[a']b]]");
    expect(readBrackets("[open", 0)).toBe(5);
  });
});
