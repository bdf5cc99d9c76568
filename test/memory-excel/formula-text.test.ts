import fc from "fast-check";
import { columnIndex, columnLetters, quoteSheetName, subtractRect, type Rect } from "../../src/memory-excel/address";
import {
  parseStructuredBody,
  renameSheetInFormula,
  rewriteForEngine,
  shiftFormula,
  tokenize,
} from "../../src/memory-excel/formula";
import { formatValue } from "../../src/memory-excel/number-format";

describe("A1 helpers", () => {
  test("column letters and indexes are inverse over Excel's 16,384 columns", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnLetters(c)) === c));
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(16383)]).toEqual(["A", "Z", "AA", "XFD"]);
  });

  test("sheet names are quoted when they need it", () => {
    expect(["Sheet1", "Tracking log", "概览", "A1", "2024", "it's"].map((n) => quoteSheetName(n))).toEqual([
      "Sheet1",
      "'Tracking log'",
      "概览",
      "'A1'",
      "'2024'",
      "'it''s'",
    ]);
  });

  test("rect subtraction covers exactly the cells outside the cut", () => {
    const arbRect = fc
      .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }))
      .map(([a, b, c, d]): Rect => ({ r0: Math.min(a, b), r1: Math.max(a, b), c0: Math.min(c, d), c1: Math.max(c, d) }));
    fc.assert(
      fc.property(arbRect, arbRect, (a, b) => {
        const pieces = subtractRect(a, b);
        for (let r = 0; r <= 8; r++) {
          for (let c = 0; c <= 8; c++) {
            const inA = r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;
            const inB = r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1;
            const covers = pieces.filter((p) => r >= p.r0 && r <= p.r1 && c >= p.c0 && c <= p.c1).length;
            if (covers !== (inA && !inB ? 1 : 0)) return false;
          }
        }
        return true;
      }),
    );
  });
});

describe("formula text", () => {
  test("tokenize finds references, not function names, strings or numbers", () => {
    const refs = tokenize('=LOG10(A1)+SUM(\'My sheet\'!$B$2:C3,概览!D:D,5:7)&"A1"+1.5E3+T[Col]')
      .filter((t) => t.kind === "ref" || t.kind === "structured")
      .map((t) => (t.kind === "ref" ? [t.sheet, t.a.col, t.a.row, t.b?.col ?? null, t.b?.row ?? null] : ["table", t.table, t.body]));
    expect(refs).toEqual([
      [null, 0, 0, null, null],
      ["My sheet", 1, 1, 2, 2],
      ["概览", 3, null, 3, null],
      [null, null, 4, null, 6],
      ["table", "T", "Col"],
    ]);
  });

  test("shiftFormula moves relative parts only and gives #REF! off the sheet", () => {
    expect(shiftFormula("=A1+$B$2+C$3+$D4+SUM(E:E)", 2, 1)).toBe("=B3+$B$2+D$3+$D6+SUM(F:F)");
    expect(shiftFormula("=A1", -1, 0)).toBe("=#REF!");
    // Moving there and back is the identity for formulas that stay on the sheet.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (dr, dc) => {
        const f = "=IF($A2>B3,SUM(C3:D9),'x y'!E5)";
        return shiftFormula(shiftFormula(f, dr, dc), -dr, -dc) === f;
      }),
    );
  });

  test("renaming a sheet touches only its references", () => {
    expect(renameSheetInFormula("='Old one'!A1+Other!A1+\"'Old one'!A1\"", "old one", "新 表")).toBe("='新 表'!A1+Other!A1+\"'Old one'!A1\"");
  });

  test("structured references: bodies parse and resolve to absolute areas for the engine", () => {
    expect(parseStructuredBody("[#This Row],[Actual]")).toEqual({ rows: "thisRow", columns: ["Actual", "Actual"] });
    expect(parseStructuredBody("[[Target]:[Actual]]".slice(1, -1))).toEqual({ rows: "data", columns: ["Target", "Actual"] });
    const table = { sheet: "跟踪", rect: { r0: 1, c0: 1, r1: 9, c1: 3 }, showHeaders: true, showTotals: false, columns: ["Date", "Goal", "Actual"] };
    const ctx = { hostSheet: "跟踪", hostRow: 4, hostColumn: 5, table: (n: string) => (n.toLowerCase() === "t" ? table : null), hostTable: () => table };
    expect(rewriteForEngine("=SUM(T[Actual])+[@Goal]+T[#Headers]+TRUE", ctx)).toBe("=SUM('跟踪'!$D$3:$D$10)+'跟踪'!$C$5+'跟踪'!$B$2:$D$2+TRUE()");
    expect(rewriteForEngine("=T[Nope]", ctx)).toBe("=#REF!");
  });
});

describe("number formats (Range.text)", () => {
  test.each([
    [1234.5, "General", "1234.5"],
    [0.1 + 0.2, "General", "0.3"],
    [123456789012, "General", "1.23457E+11"],
    [-2.5, "0", "-3"],
    [0.125, "0.0%", "12.5%"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [-1234, '#,##0;[Red](#,##0)', "(1,234)"],
    [0, '0.00;-0.00;"zero"', "zero"],
    [45383, "yyyy-mm-dd", "2024-04-01"],
    [45383, "d mmm yyyy", "1 Apr 2024"],
    [45383.75, "yyyy/m/d hh:mm", "2024/4/1 18:00"],
    [45383, "dddd", "Monday"],
    [3.2, '0.0 "万元"', "3.2 万元"],
    [3.5, 'General" 万元"', "3.5 万元"],
    [-0.25, 'General" kg"', "-0.25 kg"],
    [1500000, "0.0,,", "1.5"],
    [12345, "0.00E+00", "1.23E+04"],
  ])("%p with %p shows %p", (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });

  test("text, booleans and errors", () => {
    expect(formatValue("abc", '@" kg"')).toBe("abc kg");
    expect(formatValue(true, "0.00")).toBe("TRUE");
    expect(formatValue({ error: "#N/A" }, "0")).toBe("#N/A");
    expect(formatValue(null, "0")).toBe("");
  });
});
