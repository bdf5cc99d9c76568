/**
 * Refreshing the Evaluation sheet in the in-memory Excel (a stand-in for Excel): a big write spread over several
 * syncs, the sheet's protection kept, the stage-7 decision fields untouched and read back into plan.evaluation,
 * and the period rows following a plan window changed in the workbook.
 */
import { isoToSerial } from "../../src/core/dates";
import type { Plan } from "../../src/core/model";
import { refreshEvaluation } from "../../src/excel/evaluation";
import { readPlan } from "../../src/excel/reader";
import { SHEET_NAMES } from "../../src/i18n/workbook";
import { columnLetter, recordRowOf, recordTable } from "../../src/workbook";
import { compareAll, examplePlan, readColumn, writeWorkbook } from "./support";

describe("refreshEvaluation", () => {
  test("under a small request budget the rewrite spreads over several syncs and computes the same numbers", async () => {
    const plan = examplePlan();
    const wb = await writeWorkbook(plan, "zh-CN", "2024-06-30");
    wb.excel.resetStats();
    const report = await wb.excel.run(async (context) => {
      const read = await readPlan(context, { validate: false });
      return refreshEvaluation(context, { plan: read.plan!, tables: read.shape.tables, maxBatchBytes: 30_000 });
    });
    expect(report.syncs).toBeGreaterThan(3);
    expect(report.charts).toHaveLength(5);
    compareAll(wb, plan, "2024-06-30");
  }, 120_000);

  test("a protected Evaluation sheet is protected again afterwards", async () => {
    const wb = await writeWorkbook(examplePlan(), "en-US", "2024-06-30");
    const sheet = () => wb.excel.snapshot().sheets.find((s) => s.name === wb.sheet)!;
    expect(sheet().protection.protected).toBe(true);
    await wb.refresh();
    expect(sheet().protection.protected).toBe(true);
  }, 120_000);

  test("the stage-7 decision fields survive a refresh and read back into plan.evaluation", async () => {
    const plan: Plan = {
      ...examplePlan(),
      evaluation: {
        date: "2024-06-30",
        outcome: "partially-met",
        decision: "extend",
        measuresToStandardise: "每周 2 小时产品培训",
        reasons: "=客户问题清单执行不足",
        extensionEnd: "2024-08-31",
        notes: "",
      },
    };
    const wb = await writeWorkbook(plan, "zh-CN", "2024-06-30");
    await wb.refresh();
    const read = await wb.port.readPlan();
    expect(read.plan?.evaluation).toEqual(plan.evaluation);
  }, 120_000);

  test("a plan end typed on the Overview: the refresh lists the new weeks and the numbers follow", async () => {
    const plan = examplePlan();
    const wb = await writeWorkbook(plan, "en-US", "2024-06-30");
    const header = recordTable("PIP_Header");
    const overview = SHEET_NAMES.overview["en-US"];
    await wb.excel.setCellValues(overview, `${columnLetter(header.anchor.col + 1)}${recordRowOf(header, "planEnd")}`, [[isoToSerial("2024-07-14")]]);
    await wb.refresh();
    const longer: Plan = { ...plan, header: { ...plan.header, planEnd: "2024-07-14" } };
    // 2024-W14 … 2024-W28 for each goal, and Q2 + Q3
    expect(readColumn(wb, "PIP_EvalPeriods", "period", 15)).toEqual(Array.from({ length: 15 }, (_, i) => `2024-W${14 + i}`));
    expect(readColumn(wb, "PIP_EvalQuarters", "period", 4)).toEqual(["2024-Q2", "2024-Q3", "2024-Q2", "2024-Q3"]);
    compareAll(wb, longer, "2024-06-30");
  }, 120_000);
});
