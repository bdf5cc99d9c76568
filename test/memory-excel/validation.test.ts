import { createMemoryExcel } from "../../src/memory-excel";
import { createHyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";

describe("data validation", () => {
  test("rule, errorAlert and prompt read back with formulas as strings; type and valid follow the cells", async () => {
    const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const scores = ws.getRange("B2:B5");
      scores.values = [[1], [5], [3], [""]];
      scores.dataValidation.rule = { wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } };
      scores.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Score", message: "1 to 5" };
      scores.dataValidation.prompt = { showPrompt: true, title: "Score", message: "Enter 1–5" };
      const dv = scores.dataValidation;
      dv.load("rule,errorAlert,prompt,type,valid,ignoreBlanks");
      await context.sync();
      expect(dv.rule).toEqual({ wholeNumber: { formula1: "=1", formula2: "=5", operator: "Between" } });
      expect(dv.errorAlert).toEqual({ showAlert: true, style: "Stop", title: "Score", message: "1 to 5" });
      expect(dv.prompt.message).toBe("Enter 1–5");
      expect([dv.type, dv.valid, dv.ignoreBlanks]).toEqual(["WholeNumber", true, true]);
      ws.getRange("B3").values = [[6]];
      ws.getRange("B4").values = [[2.5]];
      const b3 = ws.getRange("B3").dataValidation.load("valid");
      const b4 = ws.getRange("B4").dataValidation.load("valid");
      const b2 = ws.getRange("B2").dataValidation.load("valid");
      const mixed = ws.getRange("B1:B2").dataValidation.load("type");
      await context.sync();
      expect([b2.valid, b3.valid, b4.valid, mixed.type]).toEqual([true, false, false, "Inconsistent"]);
    });
  });

  test("list rules from text and from a range; decimal and textLength; custom formulas relative to each cell", async () => {
    const excel = createMemoryExcel({ engine: createHyperFormulaEngine(), sheets: ["Lists", "Data"] });
    await excel.run(async (context) => {
      const lists = context.workbook.worksheets.getItem("Lists");
      lists.getRange("A1:A3").values = [["达标"], ["部分达标"], ["未达标"]];
      const ws = context.workbook.worksheets.getItem("Data");
      ws.getRange("A1:E2").values = [
        ["sum", "达标", 0.5, "abcd", 10],
        ["median", "其他", 1.5, "abcdef", 4],
      ];
      ws.getRange("A1:A2").dataValidation.rule = { list: { inCellDropDown: true, source: "sum,average,latest" } };
      ws.getRange("B1:B2").dataValidation.rule = { list: { inCellDropDown: true, source: lists.getRange("A1:A3") } };
      ws.getRange("C1:C2").dataValidation.rule = { decimal: { formula1: 0, formula2: 1, operator: "Between" } };
      ws.getRange("D1:D2").dataValidation.rule = { textLength: { formula1: 5, operator: "LessThan" } };
      // Each row: E must exceed C (relative reference, written for the first cell E1).
      ws.getRange("E1:E2").dataValidation.rule = { custom: { formula: "=E1>C1*10" } };
      const checks = ["A", "B", "C", "D", "E"].flatMap((col) => [1, 2].map((row) => ws.getRange(`${col}${row}`).dataValidation.load("valid")));
      const listRule = ws.getRange("B1").dataValidation.load("rule");
      await context.sync();
      expect(checks.map((c) => c.valid)).toEqual([
        // A: "sum" in list, "median" not
        true,
        false,
        // B: from the range
        true,
        false,
        // C: 0.5 in [0,1], 1.5 not
        true,
        false,
        // D: length 4 < 5, 6 not
        true,
        false,
        // E: 10 > 5, 4 > 15 not
        true,
        false,
      ]);
      expect(listRule.rule).toEqual({ list: { inCellDropDown: true, source: "=Lists!$A$1:$A$3" } });
    });
  });

  test("clear() removes the rule; setting a rule on part of a range splits the old one", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A10").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" } };
      ws.getRange("A4:A5").dataValidation.rule = { decimal: { formula1: 0, operator: "LessThan" } };
      ws.getRange("A10").dataValidation.clear();
      await context.sync();
    });
    const ranges = excel.snapshot().sheets[0].validations.map((v) => [v.range, Object.keys(v.rule ?? {})[0]]);
    expect(ranges).toEqual([
      ["A1:A3", "wholeNumber"],
      ["A4:A5", "decimal"],
      ["A6:A9", "wholeNumber"],
    ]);
  });

  test("a bad operator is refused with InvalidArgument", async () => {
    const excel = createMemoryExcel();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
          wholeNumber: { formula1: 1, operator: "Sideways" as Excel.DataValidationOperator },
        };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a user typing a value that breaks a Stop rule is refused; a paste bypasses validation", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5");
      r.dataValidation.rule = { wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } };
      r.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "", message: "1 to 5 only" };
      await context.sync();
    });
    await expect(excel.setCellValues("Sheet1", "A1", [[9]], { mode: "type" })).rejects.toThrow("1 to 5 only");
    expect(excel.getCellValue("Sheet1", "A1")).toBe("");
    await excel.setCellValues("Sheet1", "A1", [[9]]);
    expect(excel.getCellValue("Sheet1", "A1")).toBe(9);
  });

  test("settings shared by split entries stay apart: a loaded errorAlert is a copy, and updating part of a range leaves the rest as it was", async () => {
    const excel = createMemoryExcel({ engine: null });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A10").dataValidation.rule = { list: { inCellDropDown: true, source: "yes,no" } };
      ws.getRange("A1:A10").dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Pick one", message: "yes or no" };
      const loaded = ws.getRange("A1:A10").dataValidation.load("errorAlert");
      await context.sync();
      loaded.errorAlert.title = "changed by the caller";
      // A5 gets its own message: A1:A4 and A6:A10 keep theirs (pieces of one entry, sharing its settings).
      ws.getRange("A5").dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Pick one", message: "only in A5" };
      const [top, middle, bottom] = ["A1:A4", "A5", "A6:A10"].map((a) => ws.getRange(a).dataValidation.load("errorAlert,rule"));
      await context.sync();
      expect(top!.errorAlert).toEqual({ showAlert: true, style: "Stop", title: "Pick one", message: "yes or no" });
      expect(middle!.errorAlert).toEqual({ showAlert: true, style: "Stop", title: "Pick one", message: "only in A5" });
      expect(bottom!.errorAlert).toEqual(top!.errorAlert);
      expect([top!.rule, middle!.rule, bottom!.rule].map((r) => r.list?.source)).toEqual(["yes,no", "yes,no", "yes,no"]);
      // Setting A5 back to the others' message joins the three entries again (equal settings, one rectangle).
      ws.getRange("A5").dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Pick one", message: "yes or no" };
      await context.sync();
    });
    expect(excel.snapshot().sheets[0]!.validations.map((v) => v.range)).toEqual(["A1:A10"]);
  });
});

describe("conditional formats", () => {
  test("custom rules with fill, font and number format are recorded in order of priority; clearAll removes those of its range", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const r = ws.getRange("C2:C20");
      const low = r.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      low.custom.rule.formula = "=$C2<0.7";
      low.custom.format.fill.color = "#FFC7CE";
      low.custom.format.font.color = "#9C0006";
      const unit = ws.getRange("D2:D20").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      unit.custom.rule.formula = '=$B2="%"';
      unit.custom.format.numberFormat = "0.0%";
      low.load("type,priority");
      const rule = low.custom.rule.load("formula");
      await context.sync();
      // The second rule was added on top of the first.
      expect([low.type, low.priority, rule.formula]).toEqual(["Custom", 1, "=$C2<0.7"]);
    });
    const cfs = excel.snapshot().sheets[0].conditionalFormats;
    expect(cfs.map((c) => [c.range, c.type, c.priority])).toEqual([
      ["D2:D20", "Custom", 0],
      ["C2:C20", "Custom", 1],
    ]);
    expect(cfs[1].rule).toEqual({ formula: "=$C2<0.7" });
    expect(cfs[1].format).toEqual({ fill: { color: "#FFC7CE" }, font: { color: "#9C0006" } });
    expect(cfs[0].format).toEqual({ numberFormat: "0.0%" });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C:C").conditionalFormats.clearAll();
      await context.sync();
    });
    expect(excel.snapshot().sheets[0].conditionalFormats.map((c) => c.range)).toEqual(["D2:D20"]);
  });

  test("a conditional format type PIPbook does not write (a colour scale) fails the batch with NotImplemented", async () => {
    const excel = createMemoryExcel();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("D2:D20").conditionalFormats.add("ColorScale" as Excel.ConditionalFormatType);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "NotImplemented" });
    expect(excel.snapshot().sheets[0].conditionalFormats).toEqual([]);
  });
});

