/**
 * The Evaluation sheet's live formulas, computed by HyperFormula in the in-memory Excel (a stand-in for Excel),
 * equal the core's analyzePlan to 1e-9: per goal × period, per goal × quarter, status by goal, overall, outcome
 * and check-in adherence; and a tracking row typed below the table changes them without the add-in.
 */
import fc from "fast-check";
import { analyzePlan } from "../../src/core/analysis";
import { isoToSerial } from "../../src/core/dates";
import type { Language, Plan } from "../../src/core/model";
import { SHEET_NAMES } from "../../src/i18n/workbook";
import { columnLetter, listTable } from "../../src/workbook";
import { arbIsoDate, arbValidPlan, shiftIso } from "../support/arbitraries";
import { compareAll, examplePlan, firstRowOf, readColumn, writeWorkbook } from "./support";

const RUNS = 12;

describe("Evaluation sheet formulas equal analyzePlan (HyperFormula in the in-memory Excel)", () => {
  test(`random valid plans, both languages, as-of dates around the window (${RUNS} runs)`, async () => {
    const arb = arbValidPlan({ goals: { min: 1, max: 4 }, tracking: { min: 0, max: 40 } }).chain((plan) =>
      fc.record({
        plan: fc.constant(plan),
        language: fc.constantFrom<Language>("zh-CN", "en-US"),
        asOf: arbIsoDate({ start: shiftIso(plan.header.planStart, -7), end: shiftIso(plan.header.planEnd, 7) }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ plan, language, asOf }) => {
        const wb = await writeWorkbook(plan, language, asOf);
        compareAll(wb, plan, asOf);
      }),
      { numRuns: RUNS, seed: 20240401 },
    );
  }, 600_000);

  test("the worked example (Q2 2024, weekly): 45 万元 target, complaint rate ≤ 3 %", async () => {
    const plan = examplePlan();
    const wb = await writeWorkbook(plan, "zh-CN", "2024-06-30");
    compareAll(wb, plan, "2024-06-30");
    const a = analyzePlan(plan, { asOf: "2024-06-30" });
    // 13 weeks of the quarter, from 2024-W14 (holding 04-01) to 2024-W26 (holding 06-30)
    expect(a.goals[0].periods.map((p) => p.label)).toEqual(Array.from({ length: 13 }, (_, i) => `2024-W${14 + i}`));
    const labels = readColumn(wb, "PIP_EvalPeriods", "period", 13);
    expect(labels[0]).toBe("2024-W14");
    expect(labels[12]).toBe("2024-W26");
    expect(readColumn(wb, "PIP_EvalQuarters", "period", 1)).toEqual(["2024-Q2"]);
  }, 120_000);

  test("a period without an entry is an empty cell, not zero", async () => {
    const plan = examplePlan();
    // drop week 3 (2024-04-15 … 04-21) of both goals
    const gap: Plan = { ...plan, tracking: plan.tracking.filter((t) => t.date < "2024-04-15" || t.date > "2024-04-21") };
    const wb = await writeWorkbook(gap, "en-US", "2024-06-30");
    const row = 2; // third week of goal 1
    for (const key of ["value", "attainment", "progress", "change", "improvement", "decline"]) {
      expect(readColumn(wb, "PIP_EvalPeriods", key, 3)[row]).toBe("");
    }
    expect(readColumn(wb, "PIP_EvalPeriods", "entries", 3)[row]).toBe(0);
    // the week after a gap has no period-over-period change either
    expect(readColumn(wb, "PIP_EvalPeriods", "change", 4)[3]).toBe("");
    compareAll(wb, gap, "2024-06-30");
  }, 120_000);
});

describe("live without the add-in", () => {
  test("a tracking row typed below the table changes the Evaluation values", async () => {
    const plan = examplePlan();
    const asOf = "2024-06-30";
    const wb = await writeWorkbook(plan, "zh-CN", asOf);
    const tracking = listTable("PIP_Tracking");
    const sheet = SHEET_NAMES.tracking["zh-CN"];
    const nextRow = tracking.anchor.row + 1 + plan.tracking.length;
    const first = columnLetter(tracking.anchor.col);
    const before = readColumn(wb, "PIP_EvalPeriods", "value", 13)[12];

    // 2024-06-28 is in 2024-W26, the last week: +5 万元 for G1 (date, goal, actual typed by a manager)
    const added = { date: "2024-06-28", goalId: "G1", actual: 5, note: "", coachFeedback: "", enteredBy: "" };
    await wb.excel.setCellValues(sheet, `${first}${nextRow}`, [[isoToSerial(added.date), added.goalId, added.actual]]);
    await wb.excel.flushEvents();

    const after = readColumn(wb, "PIP_EvalPeriods", "value", 13)[12];
    expect(after).not.toEqual(before);
    compareAll(wb, { ...plan, tracking: [...plan.tracking, added] }, asOf);
  }, 120_000);

  test("the period rows exist from the start: a plan without tracking lists every period with empty values", async () => {
    const plan = { ...examplePlan(), tracking: [] };
    const wb = await writeWorkbook(plan, "en-US", "2024-04-01");
    const rows = 2 * 13;
    expect(readColumn(wb, "PIP_EvalPeriods", "period", rows).filter((x) => typeof x === "string" && /^2024-W\d\d$/.test(x))).toHaveLength(rows);
    expect(readColumn(wb, "PIP_EvalPeriods", "value", rows).every((x) => x === "")).toBe(true);
    expect(firstRowOf("PIP_EvalPeriods")).toBeGreaterThan(1);
    compareAll(wb, plan, "2024-04-01");
  }, 120_000);
});
