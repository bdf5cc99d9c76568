/**
 * The Evaluation sheet through the writer (the layout's plain ranges and charts), in the in-memory Excel: writePlan
 * alone fills the rows and the charts; writing the plan again and refreshing re-bind the same five charts.
 */
import { createMemoryExcel } from "../../src/memory-excel";
import { createHyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";
import { createWorkbookPort } from "../../src/excel/office-port";
import { SHEET_NAMES } from "../../src/i18n/workbook";
import { compareAll, examplePlan, type Workbook } from "./support";

test("writePlan writes the Evaluation rows and charts; a second write and a refresh keep the five charts", async () => {
  const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
  const port = createWorkbookPort((batch) => excel.run(batch), { asOf: "2024-06-30" });
  const plan = examplePlan();
  await port.writePlan(plan, { language: "zh-CN" });
  const wb: Workbook = { excel, port, sheet: SHEET_NAMES.evaluation["zh-CN"], language: "zh-CN", refresh: () => Promise.reject(new Error("unused")) };
  compareAll(wb, plan, "2024-06-30");
  const charts = () => excel.snapshot().sheets.find((s) => s.name === wb.sheet)!.charts.map((c) => `${c.name}:${c.series.length}`);
  const first = charts();
  expect(first).toHaveLength(5);
  await port.writePlan(plan, { language: "zh-CN" });
  expect(charts()).toEqual(first);
  await port.refreshEvaluation();
  expect(charts()).toEqual(first);
  compareAll(wb, plan, "2024-06-30");
}, 120_000);
