/**
 * A1 addresses, sheet-name quoting and formula text, seen the way src/excel sees them: through Range.address,
 * Range.copyFrom, a user renaming a sheet, and computed values (the helpers behind them are the layer's own).
 */
import fc from "fast-check";
import { createMemoryExcel, formatValue } from "../../src/memory-excel";
import { createHyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";

/** Bijective base 26, written out here so the test does not trust the code it checks: 0 → A, 25 → Z, 26 → AA. */
function letters(column: number): string {
  let out = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

describe("A1 addresses", () => {
  test("Range.address names the columns A…XFD, and getRange reads that address back as the same column", async () => {
    const excel = createMemoryExcel();
    const columns = fc.sample(fc.integer({ min: 0, max: 16383 }), { numRuns: 200 }).concat([0, 25, 26, 701, 702, 16383]);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const cells = columns.map((c) => ws.getRange("A1").getCell(0, c).load("address"));
      await context.sync();
      expect(cells.map((cell) => cell.address)).toEqual(columns.map((c) => `Sheet1!${letters(c)}1`));
      const back = cells.map((cell) => ws.getRange(cell.address.slice("Sheet1!".length)).getCell(0, 0).getRowsBelow(1).load("address"));
      await context.sync();
      expect(back.map((r) => r.address)).toEqual(columns.map((c) => `Sheet1!${letters(c)}2`));
      expect(cells.slice(-6).map((cell) => cell.address)).toEqual(["Sheet1!A1", "Sheet1!Z1", "Sheet1!AA1", "Sheet1!ZZ1", "Sheet1!AAA1", "Sheet1!XFD1"]);
    });
  });

  test("sheet names are quoted in addresses when Excel quotes them", async () => {
    const names = ["Sheet1", "Tracking log", "概览", "A1", "2024", "it's"];
    const excel = createMemoryExcel({ sheets: names });
    await excel.run(async (context) => {
      const ranges = names.map((n) => context.workbook.worksheets.getItem(n).getRange("B2").load("address"));
      await context.sync();
      expect(ranges.map((r) => r.address)).toEqual(["Sheet1!B2", "'Tracking log'!B2", "概览!B2", "'A1'!B2", "'2024'!B2", "'it''s'!B2"]);
    });
  });

  test("clearing part of a conditional format's range leaves exactly the cells outside the cleared part", async () => {
    const arbRect = fc
      .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }))
      .map(([a, b, c, d]) => ({ r0: Math.min(a, b), r1: Math.max(a, b), c0: Math.min(c, d), c1: Math.max(c, d) }));
    const a1 = (r: { r0: number; r1: number; c0: number; c1: number }) => `${letters(r.c0)}${r.r0 + 1}:${letters(r.c1)}${r.r1 + 1}`;
    const cellsOf = (range: string): Set<string> => {
      const out = new Set<string>();
      for (const area of range.split(",")) {
        const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(area);
        if (!m) throw new Error(`not an area: ${area}`);
        const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const [c0, r0, c1, r1] = [col(m[1]), Number(m[2]) - 1, col(m[3] ?? m[1]), Number(m[4] ?? m[2]) - 1];
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.add(`${r},${c}`);
      }
      return out;
    };
    await fc.assert(
      fc.asyncProperty(arbRect, arbRect, async (a, b) => {
        const excel = createMemoryExcel();
        await excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem("Sheet1");
          const cf = ws.getRange(a1(a)).conditionalFormats.add("Custom");
          cf.custom.rule.formula = "=TRUE";
          cf.custom.format.fill.color = "#FF0000";
          ws.getRange(a1(b)).clear();
          await context.sync();
        });
        const left = excel.snapshot().sheets[0].conditionalFormats.map((f) => cellsOf(f.range));
        const expected = new Set<string>();
        for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) if (!(r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1)) expected.add(`${r},${c}`);
        const covered = left.flatMap((s) => [...s]);
        // every remaining cell once, none of the cleared part
        expect(new Set(covered).size).toBe(covered.length);
        expect(new Set(covered)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe("formula text", () => {
  test("a copied formula moves its relative references only, not function names, strings, numbers or sheet-qualified absolutes", async () => {
    const excel = createMemoryExcel({ sheets: ["Sheet1", "My sheet", "概览"] });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2").formulas = [['=LOG10(A1)+SUM(\'My sheet\'!$B$2:C3,概览!D:D,5:7)&"A1"+1.5E3']];
      ws.getRange("C4").copyFrom("B2");
      await context.sync();
    });
    expect(excel.getCellFormula("Sheet1", "C4")).toBe('=LOG10(B3)+SUM(\'My sheet\'!$B$2:D5,概览!E:E,7:9)&"A1"+1.5E3');
  });

  test("a copied formula keeps $-parts, and a reference moved off the sheet becomes #REF!", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2").formulas = [["=A1+$B$2+C$3+$D4+SUM(E:E)"]];
      ws.getRange("C4").copyFrom("B2");
      ws.getRange("B1").copyFrom("B2");
      await context.sync();
    });
    expect(excel.getCellFormula("Sheet1", "C4")).toBe("=B3+$B$2+D$3+$D6+SUM(F:F)");
    expect(excel.getCellFormula("Sheet1", "B1")).toBe("=#REF!+$B$2+C$3+$D3+SUM(E:E)");
  });

  test("copying a formula there and back gives the formula it started from", async () => {
    const f = "=IF($A2>B3,SUM(C3:D9),'x y'!E5)";
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 20 }), async (dr, dc) => {
        const excel = createMemoryExcel({ sheets: ["Sheet1", "x y"] });
        const there = `${letters(5 + dc)}${10 + dr}`;
        await excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem("Sheet1");
          ws.getRange("F10").formulas = [[f]];
          ws.getRange(there).copyFrom("F10");
          await context.sync();
          ws.getRange("F10").clear();
          ws.getRange("F10").copyFrom(there);
          await context.sync();
        });
        expect(excel.getCellFormula("Sheet1", "F10")).toBe(f);
      }),
      { numRuns: 40 },
    );
  });

  test("a user renaming a sheet changes only the references to it, not text that looks like one", async () => {
    const excel = createMemoryExcel({ sheets: ["Sheet1", "Old one", "Other"] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["='Old one'!A1+Other!A1&\"'Old one'!A1\""]];
      await context.sync();
    });
    excel.renameSheet("Old one", "新 表");
    expect(excel.getCellFormula("Sheet1", "A1")).toBe("='新 表'!A1+Other!A1&\"'Old one'!A1\"");
  });

  test("a rename finds its sheet in any case and with its apostrophe doubled, and leaves formulas naming other sheets as they are", async () => {
    const excel = createMemoryExcel({ sheets: ["Sheet1", "it's", "Its"] });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A3").formulas = [["='IT''S'!B2*2"], ["=Its!B2+1"], ["=SUM(B1:B2)"]];
      await context.sync();
    });
    excel.renameSheet("it's", "Plan's B");
    expect(excel.getCellFormula("Sheet1", "A1")).toBe("='Plan''s B'!B2*2");
    expect(excel.getCellFormula("Sheet1", "A2")).toBe("=Its!B2+1");
    expect(excel.getCellFormula("Sheet1", "A3")).toBe("=SUM(B1:B2)");
  });

  test("structured references compute: whole column, this row, a column span, headers; an unknown column is #REF!", async () => {
    const excel = createMemoryExcel({ engine: createHyperFormulaEngine(), sheets: ["跟踪"] });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("跟踪");
      ws.getRange("B2:D5").values = [
        ["Date", "Goal", "Actual"],
        [1, 10, 3],
        [2, 20, 4],
        [3, 30, 5],
      ];
      ws.tables.add("B2:D5", true).name = "T";
      ws.getRange("F2:F6").formulas = [["=SUM(T[Actual])"], ["=T[[#This Row],[Actual]]*2"], ["=SUM(T[[Goal]:[Actual]])"], ["=COUNTA(T[#Headers])"], ["=T[Nope]"]];
      await context.sync();
    });
    expect(["F2", "F3", "F4", "F5", "F6"].map((a) => excel.getCellValue("跟踪", a))).toEqual([12, 6, 72, 3, "#REF!"]);
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
