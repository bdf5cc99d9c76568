/**
 * The self-test's charts and validation checks can fail: the real writer runs, then (inside the same batch) one chart is
 * deleted and one column's data validation cleared — as if Excel had dropped them. The in-memory Excel with
 * HyperFormula stands in for Excel.
 */
import { createMemoryExcel } from "../../src/memory-excel";
import { createHyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";
import { columnIndexOf, columnLetter, firstDataRow, listTable } from "../../src/workbook";

jest.mock("../../src/excel/writer", () => {
  const actual = jest.requireActual("../../src/excel/writer");
  return {
    ...actual,
    writePlan: async (context: Excel.RequestContext, ...rest: unknown[]) => {
      const report = await actual.writePlan(context, ...rest);
      const goals = listTable("PIP_Goals");
      context.workbook.worksheets.getItem(report.sheetNames.evaluation).charts.getItem("PIP_Chart_Attainment").delete();
      const ws = context.workbook.worksheets.getItem(report.sheetNames.goals);
      ws.protection.unprotect();
      ws.getRange(`${columnLetter(columnIndexOf(goals, "weight"))}${firstDataRow(goals)}`).dataValidation.clear();
      await context.sync();
      return report;
    },
  };
});

// Imported after the mock is declared (jest hoists jest.mock above the imports anyway).
import { runSelfTest } from "../../src/excel/self-test";

test("a chart missing and a validation rule cleared: the charts and validation checks fail naming them, the sheets are still removed", async () => {
  const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
  const before = JSON.stringify(excel.snapshot());
  const report = await runSelfTest((batch) => excel.run(batch), { host: { host: "in-memory Excel", platform: "jest", version: null, displayLanguage: "en-US" }, supports: null, language: "en-US" });
  const check = (key: string) => report.checks.find((c) => c.key === key)!;
  expect(report.status).toBe("failed");
  expect(check("charts").problems.map((p) => [p.subject, p.actual])).toEqual([["PIP_Chart_Attainment", "none"]]);
  const goals = listTable("PIP_Goals");
  const validation = check("validation");
  expect(validation.passed).toBe(false);
  expect(validation.problems[0].place).toContain(`Goals!${columnLetter(columnIndexOf(goals, "weight"))}${firstDataRow(goals)}`);
  expect(validation.problems[0].actual).not.toBe("rule Decimal");
  expect(check("numbers").passed).toBe(true);
  expect(check("cleanup").passed).toBe(true);
  expect(JSON.stringify(excel.snapshot())).toBe(before);
});
