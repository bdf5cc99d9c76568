/**
 * The workbook computes every number itself. Here HyperFormula (inside the in-memory Excel stand-in) computes the
 * written formulas, and they must equal analyzePlan's numbers (docs/FORMULAS.md) to 1e-9 for random plans.
 */
import fc from "fast-check";
import { analyzePlan, type GoalStatus } from "../../src/core/analysis";
import type { Plan } from "../../src/core/model";
import { LIST_LABELS } from "../../src/i18n/workbook";
import { writePlan } from "../../src/excel/writer";
import { columnIndexOf, columnLetter, defaultSheetNames, firstDataRow, listTable, recordTable, recordRowOf } from "../../src/workbook";
import { arbValidPlan, shiftIso } from "../support/arbitraries";
import { memoryExcel, sizedPlan } from "./support";
import type { MemoryExcel } from "../../src/memory-excel";

function close(actual: unknown, expected: number | null, what: string): void {
  if (expected === null) {
    expect({ what, value: actual }).toEqual({ what, value: "" });
    return;
  }
  expect({ what, type: typeof actual }).toEqual({ what, type: "number" });
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  if (Math.abs((actual as number) - expected) > tolerance) throw new Error(`${what}: workbook ${String(actual)} ≠ core ${expected}`);
}

const statusOfLabel = (label: unknown, lang: Plan["header"]["language"]): GoalStatus | "" => {
  for (const [status, l] of Object.entries(LIST_LABELS.goalStatus)) if (l[lang] === label) return status as GoalStatus;
  return "";
};

function checkWorkbookAgainstCore(excel: MemoryExcel, plan: Plan, asOf: string, lang: Plan["header"]["language"] = plan.header.language): void {
  const names = defaultSheetNames(lang);
  const analysis = analyzePlan(plan, { asOf });
  const goals = listTable("PIP_Goals");
  const at = (key: string, i: number) => excel.getCellValue(names.goals, `${columnLetter(columnIndexOf(goals, key))}${firstDataRow(goals) + i}`);
  analysis.goals.forEach((g, i) => {
    const label = `goal ${g.goalId}`;
    expect(at("entries", i)).toBe(g.entryCount);
    close(at("toDate", i), g.toDate, `${label} to-date`);
    close(at("attainment", i), g.attainment, `${label} attainment`);
    close(at("progress", i), g.progress, `${label} progress`);
    close(at("score", i), g.score, `${label} score`);
    close(at("pace", i), g.pace, `${label} pace`);
    expect({ label, status: statusOfLabel(at("status", i), lang) }).toEqual({ label, status: g.status });
  });
  const summary = recordTable("PIP_Summary");
  const sum = (key: string) => excel.getCellValue(names.overview, `${columnLetter(summary.anchor.col + 1)}${recordRowOf(summary, key)}`);
  close(sum("elapsed"), analysis.elapsed, "elapsed");
  close(sum("overall"), analysis.overallAttainment, "overall");
  const outcome = analysis.outcomeSuggestion;
  expect(sum("outcome")).toBe(outcome === null ? "" : LIST_LABELS.outcome[outcome][lang]);
  expect(sum("checkInsPlanned")).toBe(analysis.checkIns.planned);
  expect(sum("checkInsHeld")).toBe(analysis.checkIns.held);
  expect(sum("checkInsMissed")).toBe(analysis.checkIns.missed);
  close(sum("adherence"), analysis.checkIns.adherence, "adherence");
  const actions = listTable("PIP_Actions");
  const overdueCol = columnLetter(columnIndexOf(actions, "overdue"));
  const flagged = plan.actions.filter((_, i) => excel.getCellValue(names.actions, `${overdueCol}${firstDataRow(actions) + i}`) !== "").map((a) => a.id);
  expect(flagged).toEqual(analysis.overdueActions);
}

describe("live formulas = analyzePlan (HyperFormula computing the workbook)", () => {
  test("a year-long plan: 2 goals, 26 check-ins, as of 2024-05-15", async () => {
    const plan = sizedPlan(2, 4, 26);
    const { excel } = memoryExcel(true);
    await excel.run((ctx) => writePlan(ctx, plan, { language: "zh-CN", asOf: "2024-05-15" }));
    checkWorkbookAgainstCore(excel, plan, "2024-05-15");
  });

  test("property: random plans and as-of dates around the window, both languages", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbValidPlan({ tracking: { max: 40 } }).chain((plan) =>
          fc.tuple(fc.constant(plan), fc.integer({ min: -10, max: 420 }).map((d) => shiftIso(plan.header.planStart, d))),
        ),
        async ([plan, asOf]) => {
          const { excel } = memoryExcel(true);
          await excel.run((ctx) => writePlan(ctx, plan, { language: plan.header.language, asOf }));
          checkWorkbookAgainstCore(excel, plan, asOf);
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);

  test("latest: the greatest date wins, a tie on the date goes to the later row", async () => {
    const plan = sizedPlan(3, 3, 0);
    const g = plan.goals[2].id; // aggregation "latest"
    plan.tracking = [
      { date: "2024-03-01", goalId: g, actual: 5, note: "", coachFeedback: "", enteredBy: "" },
      { date: "2024-03-08", goalId: g, actual: 7, note: "", coachFeedback: "", enteredBy: "" },
      { date: "2024-03-08", goalId: g, actual: 6, note: "", coachFeedback: "", enteredBy: "" },
      { date: "2024-02-01", goalId: g, actual: 9, note: "", coachFeedback: "", enteredBy: "" },
    ];
    const { excel } = memoryExcel(true);
    await excel.run((ctx) => writePlan(ctx, plan, { language: "en-US", asOf: "2024-04-01" }));
    const goals = listTable("PIP_Goals");
    expect(excel.getCellValue("Goals", `${columnLetter(columnIndexOf(goals, "toDate"))}${firstDataRow(goals) + 2}`)).toBe(6);
    checkWorkbookAgainstCore(excel, plan, "2024-04-01", "en-US");
  });

  test("goal ids that look like criteria (=G1, G*, ~x, <5) match only themselves", async () => {
    const plan = sizedPlan(4, 4, 0);
    const ids = ["=G1", "G*", "~x", "<5"];
    plan.goals.forEach((goal, i) => (goal.id = ids[i]));
    plan.causes.forEach((c, i) => (c.goalId = ids[i]));
    plan.actions.forEach((a, i) => (a.goalId = ids[i]));
    plan.tracking = ids.flatMap((id, i) => [
      { date: "2024-02-01", goalId: id, actual: i + 1, note: "", coachFeedback: "", enteredBy: "" },
      { date: "2024-02-02", goalId: "G1x", actual: 100, note: "", coachFeedback: "", enteredBy: "" },
    ]);
    const { excel } = memoryExcel(true);
    await excel.run((ctx) => writePlan(ctx, plan, { language: "en-US", asOf: "2024-03-01" }));
    checkWorkbookAgainstCore(excel, plan, "2024-03-01", "en-US");
  });
});
