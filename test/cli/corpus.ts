/**
 * Plans for the LibreOffice cross-check: the worked example, the edge cases of the core issue (a decrease goal,
 * a latest goal with same-day ties, empty periods, sum goals) and random valid plans from a fixed seed.
 * Each comes with the "as of" date it is checked at.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { Goal, Language, Plan, TrackingEntry } from "../../src/core/model";
import { arbValidPlan, shiftIso, testDayOf } from "../support/arbitraries";
import { EXAMPLE_PLAN } from "./harness";

export interface CorpusCase {
  name: string;
  plan: Plan;
  asOf: string;
  language: Language;
}

function example(): Plan {
  return JSON.parse(readFileSync(EXAMPLE_PLAN, "utf8")) as Plan;
}

const entry = (date: string, goalId: string, actual: number): TrackingEntry => ({ date, goalId, actual, note: "", coachFeedback: "", enteredBy: "" });

function withGoals(base: Plan, goals: Partial<Goal>[], tracking: TrackingEntry[], cadence: Plan["header"]["cadence"] = base.header.cadence): Plan {
  return {
    ...base,
    header: { ...base.header, cadence },
    goals: base.goals.map((g, i) => ({ ...g, ...goals[i] })),
    tracking,
  };
}

/** Decrease goals: a sum of costs against a ceiling, and a latest defect count scored by progress. */
function decreasePlan(): Plan {
  const base = example();
  return withGoals(
    base,
    [
      { title: "Q2 差旅费用降至 12 万元以下", metric: "差旅费用", unit: "万元", baseline: 18, target: 12, direction: "decrease", aggregation: "sum", method: "ratio" },
      { title: "缺陷数降至 5 个以下", metric: "缺陷数", unit: "个", baseline: 20, target: 5, direction: "decrease", aggregation: "latest", method: "progress" },
    ],
    [
      entry("2024-04-03", "G1", 1.5),
      entry("2024-04-03", "G2", 18),
      entry("2024-04-17", "G1", 2.25),
      entry("2024-05-02", "G2", 11),
      entry("2024-05-08", "G1", 0.75),
      entry("2024-05-29", "G1", 3.1),
      entry("2024-06-05", "G2", 7),
    ],
  );
}

/** A latest goal with same-day ties (the later row wins) and a row out of date order. */
function latestTiesPlan(): Plan {
  const base = example();
  return withGoals(
    base,
    [
      { title: "技能评分提升至 80 分", metric: "技能评分", unit: "分", baseline: 60, target: 80, direction: "increase", aggregation: "latest", method: "ratio" },
      { aggregation: "average" },
    ],
    [
      entry("2024-04-10", "G1", 65),
      entry("2024-04-10", "G1", 70),
      entry("2024-04-10", "G2", 0.045),
      entry("2024-05-02", "G1", 72),
      entry("2024-05-02", "G1", 71),
      entry("2024-04-20", "G1", 90),
      entry("2024-05-02", "G2", 0.041),
      entry("2024-05-02", "G2", 0.039),
    ],
  );
}

/** Monthly check-ins over two quarters with entries in two months only, and a goal with no entry at all. */
function emptyPeriodsPlan(): Plan {
  const base = example();
  const plan = withGoals(
    base,
    [{}, {}],
    [entry("2024-04-12", "G1", 8), entry("2024-04-26", "G1", 6.5), entry("2024-07-08", "G1", 11), entry("2024-07-30", "G1", 4)],
    "monthly",
  );
  return {
    ...plan,
    header: { ...plan.header, planEnd: "2024-09-30" },
    goals: plan.goals.map((g) => ({ ...g, dueDate: "2024-09-30" })),
  };
}

/** Sum goals, one scored by progress, on biweekly check-ins; checked after the end (final numbers). */
function sumPlan(): Plan {
  const base = example();
  const tracking: TrackingEntry[] = [];
  for (let week = 0; week < 13; week++) {
    const date = shiftIso("2024-04-02", week * 7);
    if (week % 3 !== 2) tracking.push(entry(date, "G1", 2.5 + week * 0.25));
    tracking.push(entry(date, "G2", week % 2 === 0 ? 3 : 1));
  }
  return withGoals(
    base,
    [
      { title: "新客户数提升至 50 个", metric: "新客户数", unit: "个", baseline: 10, target: 50, direction: "increase", aggregation: "sum", method: "progress" },
      { title: "拜访次数达到 30 次", metric: "拜访次数", unit: "次", baseline: 0, target: 30, direction: "increase", aggregation: "sum", method: "ratio" },
    ],
    tracking,
    "biweekly",
  );
}

function middleOf(plan: Plan): string {
  const start = testDayOf(plan.header.planStart);
  const end = testDayOf(plan.header.planEnd);
  return shiftIso(plan.header.planStart, Math.floor((end - start) / 2));
}

export const RANDOM_SEED = 20_241_126;
export const RANDOM_PLANS = 6;

export function corpus(): CorpusCase[] {
  const cases: CorpusCase[] = [
    { name: "worked-example", plan: example(), asOf: "2024-05-15", language: "zh-CN" },
    { name: "worked-example-final-en", plan: example(), asOf: "2024-07-01", language: "en-US" },
    { name: "not-started", plan: example(), asOf: "2024-03-20", language: "zh-CN" },
    { name: "decrease", plan: decreasePlan(), asOf: "2024-06-10", language: "zh-CN" },
    { name: "latest-ties", plan: latestTiesPlan(), asOf: "2024-05-20", language: "en-US" },
    { name: "empty-periods", plan: emptyPeriodsPlan(), asOf: "2024-08-15", language: "zh-CN" },
    { name: "sum", plan: sumPlan(), asOf: "2024-07-10", language: "en-US" },
  ];
  const random = fc.sample(arbValidPlan({ goals: { max: 4 }, tracking: { min: 3, max: 40 } }), { seed: RANDOM_SEED, numRuns: RANDOM_PLANS });
  random.forEach((plan, i) => cases.push({ name: `random-${i + 1}`, plan, asOf: middleOf(plan), language: plan.header.language }));
  return cases;
}
