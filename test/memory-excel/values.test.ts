import { createMemoryExcel } from "../../src/memory-excel";
import { createHyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";

async function writeAndRead(values: unknown[][], options: { numberFormat?: string; via?: "values" | "formulas"; engine?: boolean } = {}) {
  const excel = createMemoryExcel({ engine: options.engine === false ? null : createHyperFormulaEngine() });
  return excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, values.length, values[0].length);
    if (options.numberFormat) range.numberFormat = values.map((row) => row.map(() => options.numberFormat));
    if (options.via === "formulas") range.formulas = values;
    else range.values = values;
    const read = context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, values.length, values[0].length);
    read.load("values,formulas,valueTypes,text,numberFormat");
    await context.sync();
    return { values: read.values, formulas: read.formulas, valueTypes: read.valueTypes, text: read.text, numberFormat: read.numberFormat };
  });
}

describe("Excel's rules for values written to cells", () => {
  test("a string starting with '=' becomes a formula and values read its result", async () => {
    const r = await writeAndRead([[2, 3, "=A1*B1"]]);
    expect(r.values).toEqual([[2, 3, 6]]);
    expect(r.formulas).toEqual([[2, 3, "=A1*B1"]]);
    expect(r.valueTypes).toEqual([["Double", "Double", "Double"]]);
  });

  test("a leading apostrophe stores the rest as text; values and formulas read it without the apostrophe", async () => {
    const r = await writeAndRead([["'00123", "'=1+1", "'TRUE"]]);
    expect(r.values).toEqual([["00123", "=1+1", "TRUE"]]);
    expect(r.formulas).toEqual([["00123", "=1+1", "TRUE"]]);
    expect(r.valueTypes).toEqual([["String", "String", "String"]]);
  });

  test("a cell formatted as Text ('@') keeps any string as text, even '=…' and digits", async () => {
    const r = await writeAndRead([["=SUM(1,2)", "0042", "TRUE"]], { numberFormat: "@" });
    expect(r.values).toEqual([["=SUM(1,2)", "0042", "TRUE"]]);
    expect(r.valueTypes).toEqual([["String", "String", "String"]]);
    const viaFormulas = await writeAndRead([["=SUM(1,2)"]], { numberFormat: "@", via: "formulas" });
    expect(viaFormulas.values).toEqual([["=SUM(1,2)"]]);
  });

  test("numeric text in a General cell becomes a number; percent text becomes a fraction with a % format", async () => {
    const r = await writeAndRead([["42", " 3.5 ", "1e3", "12.5%", "1,234", "abc"]]);
    expect(r.values).toEqual([[42, 3.5, 1000, 0.125, "1,234", "abc"]]);
    expect(r.numberFormat[0][3]).toBe("0.0%");
    expect(r.text[0][3]).toBe("12.5%");
  });

  test("TRUE/FALSE text becomes booleans, error literals become errors, ISO dates become serials", async () => {
    const r = await writeAndRead([["true", "FALSE", "#N/A", "2024-04-01"]]);
    // 2024-04-01 is 45383 days after Excel's day 0 (1899-12-30).
    const serial = (Date.UTC(2024, 3, 1) - Date.UTC(1899, 11, 30)) / 86400000;
    expect(r.values).toEqual([[true, false, "#N/A", serial]]);
    expect(r.valueTypes).toEqual([["Boolean", "Boolean", "Error", "Double"]]);
    expect(r.text[0][3]).toBe("2024-04-01");
  });

  test("a string starting with '+' or '-' that is not a number is read as a formula", async () => {
    const r = await writeAndRead([["-5", "+7", "-A2", "=-B2"]]);
    expect(r.values[0].slice(0, 2)).toEqual([-5, 7]);
    expect(r.formulas[0][2]).toBe("=-A2");
    expect(r.valueTypes[0][2]).toBe("Double");
  });

  test("a plain value written through formulas is a constant", async () => {
    const r = await writeAndRead([[5, "text", true]], { via: "formulas" });
    expect(r.values).toEqual([[5, "text", true]]);
    expect(r.formulas).toEqual([[5, "text", true]]);
  });

  test("null leaves a cell unchanged and '' empties it", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      r.values = [[1, 2, 3]];
      await context.sync();
      r.values = [[null, "", 9]];
      await context.sync();
    });
    expect([excel.getCellValue("Sheet1", "A1"), excel.getCellValue("Sheet1", "B1"), excel.getCellValue("Sheet1", "C1")]).toEqual([1, "", 9]);
  });

  test("a single value is written to every cell of the range", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [["x"]];
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").numberFormat = [["0.00"]];
      await context.sync();
    });
    expect(excel.getCellValue("Sheet1", "B2")).toBe("x");
  });

  test("without a formula engine a formula cell reads back null with valueTypes Unknown", async () => {
    const r = await writeAndRead([[1, "=A1+1"]], { engine: false });
    expect(r.values).toEqual([[1, null]]);
    expect(r.formulas).toEqual([[1, "=A1+1"]]);
    expect(r.valueTypes).toEqual([["Double", "Unknown"]]);
  });

  test("text follows the number format: 0, 0.00, 0.0%, yyyy-mm-dd, #,##0, General", async () => {
    const excel = createMemoryExcel();
    const text = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:F1");
      r.values = [[2.5, 2.345, 0.6412, 45383, 1234567.891, 1 / 3]];
      r.numberFormat = [["0", "0.00", "0.0%", "yyyy-mm-dd", "#,##0", "General"]];
      r.load("text");
      await context.sync();
      return r.text;
    });
    expect(text).toEqual([["3", "2.35", "64.1%", "2024-04-01", "1,234,568", "0.333333333"]]);
  });

  test("address carries the sheet, quoted when the name needs it", async () => {
    const excel = createMemoryExcel({ sheets: ["Sheet1", "Tracking log", "概览"] });
    const addresses = await excel.run(async (context) => {
      const a = context.workbook.worksheets.getItem("Tracking log").getRange("B:B");
      const b = context.workbook.worksheets.getItem("概览").getRange("C3");
      const c = context.workbook.worksheets.getItem("Sheet1").getRange("2:3");
      [a, b, c].forEach((r) => r.load("address"));
      await context.sync();
      return [a.address, b.address, c.address];
    });
    expect(addresses).toEqual(["'Tracking log'!B:B", "概览!C3", "Sheet1!2:3"]);
  });

  test("range navigation: getCell, getRow, getColumn, getLastRow, getRowsBelow", async () => {
    const excel = createMemoryExcel();
    const got = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("B2:D5");
      const list = [r.getCell(1, 2), r.getRow(3), r.getColumn(0), r.getLastRow(), r.getRowsBelow(2)];
      list.forEach((x) => x.load("address"));
      await context.sync();
      return list.map((x) => x.address);
    });
    expect(got).toEqual(["Sheet1!D3", "Sheet1!B5:D5", "Sheet1!B2:B5", "Sheet1!B5:D5", "Sheet1!B6:D7"]);
  });

  test("used range: top-left cell for an empty sheet; formats count unless valuesOnly", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const used = ws.getUsedRange();
      used.load("address");
      await context.sync();
      expect(used.address).toBe("Sheet1!A1");
      ws.getRange("C3").values = [[1]];
      ws.getRange("E7").format.fill.color = "#FF0000";
      const withFormats = ws.getUsedRange();
      const valuesOnly = ws.getUsedRange(true);
      withFormats.load("address");
      valuesOnly.load("address");
      await context.sync();
      expect(withFormats.address).toBe("Sheet1!C3:E7");
      expect(valuesOnly.address).toBe("Sheet1!C3");
    });
  });

  test("formats: whole-column number format and fill read back per cell; mixed formats read null", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B:B").numberFormat = [["0.00"]];
      ws.getRange("B:B").format.columnWidth = 90;
      ws.getRange("A1").format.font.bold = true;
      ws.getRange("A1").format.font.color = "#ff0000";
      const b7 = ws.getRange("B7");
      b7.load("numberFormat,format/columnWidth");
      const mixed = ws.getRange("A1:A2");
      mixed.load("format/font/bold,format/font/color");
      await context.sync();
      expect(b7.numberFormat).toEqual([["0.00"]]);
      expect(b7.format.columnWidth).toBe(90);
      expect(mixed.format.font.bold).toBeNull();
      expect(mixed.format.font.color).toBeNull();
    });
    expect(excel.getCellValue("Sheet1", "A1")).toBe("");
  });
});
