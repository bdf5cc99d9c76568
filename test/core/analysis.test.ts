import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  analyzePlan,
  attainment,
  goalToDate,
  progress,
  score,
  type GoalAnalysis,
  type PlanAnalysis,
} from "../../src/core/analysis";
import { planSchema, type Action, type Goal, type Plan, type TrackingEntry } from "../../src/core/model";

function goal(over: Partial<Goal> = {}): Goal {
  return {
    id: "G1",
    title: "goal",
    metric: "",
    unit: "",
    baseline: 0,
    target: 10,
    direction: "increase",
    aggregation: "sum",
    weight: 1,
    dueDate: null,
    method: "ratio",
    ...over,
  };
}

function entry(date: string, actual: number, goalId = "G1"): TrackingEntry {
  return { date, goalId, actual, note: "", coachFeedback: "", enteredBy: "" };
}

function action(id: string, end: string, status: Action["status"]): Action {
  return {
    id,
    goalId: "G1",
    causeId: "",
    measure: "m",
    owner: "",
    ownerRole: "employee",
    start: "2024-04-01",
    end,
    completionCriterion: "",
    resources: "",
    status,
  };
}

function plan(over: { goals?: Goal[]; tracking?: TrackingEntry[]; actions?: Action[] } & Partial<Plan["header"]> = {}): Plan {
  const { goals = [goal()], tracking = [], actions = [], ...header } = over;
  // Lists are set after the schema fills the defaults: the reader may hand over rows the schema would reject.
  const parsed = planSchema.parse({
    schemaVersion: 1,
    header: {
      employeeName: "李娜",
      employeeId: "E1",
      manager: "王强",
      planStart: "2024-04-01",
      planEnd: "2024-06-30",
      cadence: "weekly",
      scenario: "post-review",
      ...header,
    },
  });
  return { ...parsed, goals, tracking, actions };
}

/** Every number anywhere in a value (deep). */
function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, out));
  else if (value !== null && typeof value === "object") Object.values(value).forEach((v) => numbersIn(v, out));
  return out;
}

const only = (a: PlanAnalysis): GoalAnalysis => a.goals[0];

describe("formulas per goal (FORMULAS.md)", () => {
  test("increase attainment is v / t: 32 of 50 is 64 %", () => {
    expect(attainment({ target: 50, direction: "increase" }, 32)).toBeCloseTo(0.64, 12);
  });

  test("decrease goals score (2t − v) / t: 3.78 % against a 3 % ceiling is 74 %", () => {
    expect(attainment({ target: 0.03, direction: "decrease" }, 0.0378)).toBeCloseTo(0.74, 12);
    expect(attainment({ target: 0.03, direction: "decrease" }, 0.03)).toBe(1);
    expect(attainment({ target: 0.03, direction: "decrease" }, 0.075)).toBeCloseTo(-0.5, 12);
  });

  test("attainment is empty when t = 0 or v is empty", () => {
    expect(attainment({ target: 0, direction: "increase" }, 5)).toBeNull();
    expect(attainment({ target: 0, direction: "decrease" }, 5)).toBeNull();
    expect(attainment({ target: 50, direction: "increase" }, null)).toBeNull();
  });

  test("progress is (v − b) / (t − b) in both directions, empty when t = b", () => {
    expect(progress({ baseline: 32, target: 45 }, 38.5)).toBeCloseTo(0.5, 12);
    expect(progress({ baseline: 0.05, target: 0.03 }, 0.04)).toBeCloseTo(0.5, 12);
    expect(progress({ baseline: 0.05, target: 0.03 }, 0.06)).toBeCloseTo(-0.5, 12);
    expect(progress({ baseline: 7, target: 7 }, 8)).toBeNull();
    expect(progress({ baseline: 0, target: 7 }, null)).toBeNull();
  });

  test("score takes attainment for method ratio and progress for method progress", () => {
    const g = { baseline: 20, target: 40, direction: "increase" as const };
    expect(score({ ...g, method: "ratio" }, 30)).toBeCloseTo(30 / 40, 12);
    expect(score({ ...g, method: "progress" }, 30)).toBeCloseTo(10 / 20, 12);
  });

  test("to-date value: sum, average, latest; empty with no entry", () => {
    const entries = [entry("2024-04-05", 2), entry("2024-04-12", 5), entry("2024-04-09", 11), entry("2024-04-10", 99, "G2")];
    expect(goalToDate(goal({ aggregation: "sum" }), entries)).toBe(18);
    expect(goalToDate(goal({ aggregation: "average" }), entries)).toBe(6);
    expect(goalToDate(goal({ aggregation: "latest" }), entries)).toBe(5);
    expect(goalToDate(goal({ id: "G3" }), entries)).toBeNull();
  });

  test("latest: a tie on the greatest date goes to the later row", () => {
    const entries = [entry("2024-04-12", 1), entry("2024-04-12", 2), entry("2024-04-05", 3)];
    expect(goalToDate(goal({ aggregation: "latest" }), entries)).toBe(2);
  });

  test("entries with a non-finite actual or an impossible date are ignored", () => {
    const entries = [entry("2024-04-05", 4), entry("2024-04-06", NaN), entry("2024-02-30", 100), entry("2024-04-07", Infinity)];
    expect(goalToDate(goal({ aggregation: "sum" }), entries)).toBe(4);
    expect(goalToDate(goal({ aggregation: "average" }), entries)).toBe(4);
  });
});

describe("the worked example: examples/sales-q2-2024.plan.json", () => {
  const example = planSchema.parse(
    JSON.parse(readFileSync(join(__dirname, "../../examples/sales-q2-2024.plan.json"), "utf8")),
  );
  const sales = example.tracking.filter((e) => e.goalId === "G1").map((e) => e.actual);
  const complaints = example.tracking.filter((e) => e.goalId === "G2").map((e) => e.actual);
  const total = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const final = analyzePlan(example, { asOf: "2024-06-30" });

  test("sales: 13 weekly Friday entries add up to 45.5 against 45, 101.11… %", () => {
    expect(sales).toHaveLength(13);
    const g1 = final.goals[0];
    expect(g1.entryCount).toBe(13);
    expect(g1.toDate).toBeCloseTo(45.5, 9);
    expect(g1.attainment).toBeCloseTo(45.5 / 45, 12);
    expect(g1.attainment).toBeCloseTo(1.0111111111, 9);
    expect(g1.progress).toBeCloseTo((45.5 - 32) / (45 - 32), 12);
  });

  test("complaint rate averages 0.0378461538…, decrease ratio (2·0.03 − v) / 0.03", () => {
    const v = total(complaints) / complaints.length;
    expect(v).toBeCloseTo(0.0378461538, 9);
    const g2 = final.goals[1];
    expect(g2.toDate).toBeCloseTo(v, 12);
    expect(g2.attainment).toBeCloseTo((2 * 0.03 - v) / 0.03, 12);
    expect(g2.score).toBe(g2.attainment);
  });

  test("overall weights 0.6 / 0.4 and the default thresholds suggest partially met", () => {
    const a1 = total(sales) / 45;
    const a2 = (2 * 0.03 - total(complaints) / 13) / 0.03;
    const overall = (0.6 * a1 + 0.4 * a2) / (0.6 + 0.4);
    expect(final.overallAttainment).toBeCloseTo(overall, 12);
    expect(overall).toBeGreaterThanOrEqual(0.8);
    expect(overall).toBeLessThan(1);
    expect(final.outcomeSuggestion).toBe("partially-met");
  });

  test("13 ISO weeks W14..W26, each held; nothing overdue at the end", () => {
    expect(final.isFinal).toBe(true);
    expect(final.elapsed).toBe(1);
    expect(final.checkIns).toMatchObject({ cadence: "weekly", planned: 13, held: 13, missed: 0, adherence: 1 });
    expect(final.checkIns.schedule.map((s) => s.label)).toEqual(
      Array.from({ length: 13 }, (_, i) => `2024-W${String(14 + i).padStart(2, "0")}`),
    );
    expect(final.overdueActions).toEqual([]);
  });

  test("weekly sales periods: value per week, cumulative sum, attainment of the cumulative, PoP change", () => {
    const periods = final.goals[0].periods;
    expect(periods.map((p) => p.value)).toEqual(sales);
    periods.forEach((p, i) => {
      const cumulative = total(sales.slice(0, i + 1));
      expect(p.cumulative).toBeCloseTo(cumulative, 9);
      expect(p.attainment).toBeCloseTo(cumulative / 45, 9);
      if (i > 0) expect(p.change).toBeCloseTo((sales[i] - sales[i - 1]) / Math.abs(sales[i - 1]), 12);
    });
    expect(periods[0].change).toBeNull();
  });

  test("one quarter, Q2 2024, holding all 13 entries; quarter-over-quarter empty", () => {
    const q = final.goals[1].quarters;
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ label: "2024-Q2", start: "2024-04-01", end: "2024-06-30", entryCount: 13, change: null });
    expect(q[0].value).toBeCloseTo(total(complaints) / 13, 12);
  });

  test("as of 2024-05-15 the sales pace is v / (t·e) and the complaint pace progress / e", () => {
    const a = analyzePlan(example, { asOf: "2024-05-15" });
    const e = 45 / 91; // 2024-04-01 .. 05-15 is 45 days of 91
    expect(a.elapsed).toBeCloseTo(e, 12);
    expect(a.isFinal).toBe(false);
    // the log holds entries dated after asOf (weekly, Fridays from 04-05): v is over the 6 dated ≤ 05-15
    const salesSoFar = total(sales.slice(0, 6));
    expect(a.goals[0].pace).toBeCloseTo(salesSoFar / (45 * e), 12);
    const v2 = total(complaints.slice(0, 6)) / 6;
    expect(a.goals[1].pace).toBeCloseTo((v2 - 0.05) / (0.03 - 0.05) / e, 12);
    // A2 (in progress) ends 2024-06-30, after asOf: not overdue yet.
    expect(a.overdueActions).toEqual([]);
  });
});

describe("periods of a goal", () => {
  test("empty periods stay null between filled ones, cumulative keeps the running sum", () => {
    const a = analyzePlan(plan({ tracking: [entry("2024-04-02", 3), entry("2024-04-20", 4)] }), { asOf: "2024-06-30" });
    const [w14, w15, w16] = only(a).periods;
    expect(w14).toMatchObject({ value: 3, cumulative: 3, entryCount: 1, attainment: 0.3, change: null });
    expect(w15).toMatchObject({ value: null, cumulative: 3, entryCount: 0, attainment: null, progress: null, change: null });
    expect(w16).toMatchObject({ value: 4, cumulative: 7, attainment: 0.7 });
    expect(w16.change).toBeNull(); // the immediately preceding week is empty
  });

  test("sum goals' period attainment uses the cumulative value, average goals the period value", () => {
    const tracking = [entry("2024-04-02", 4), entry("2024-04-09", 6)];
    const sum = analyzePlan(plan({ goals: [goal({ target: 20 })], tracking }), { asOf: "2024-06-30" });
    expect(only(sum).periods[1].attainment).toBeCloseTo(10 / 20, 12);
    const avg = analyzePlan(plan({ goals: [goal({ target: 20, aggregation: "average" })], tracking }), { asOf: "2024-06-30" });
    expect(only(avg).periods[1].attainment).toBeCloseTo(6 / 20, 12);
    expect(only(avg).periods[1].cumulative).toBeCloseTo(5, 12);
  });

  test("PoP is empty when the previous value is 0, negative previous values divide by |v|", () => {
    const tracking = [entry("2024-04-02", 0), entry("2024-04-09", 5), entry("2024-04-16", -2), entry("2024-04-23", 1)];
    const a = analyzePlan(plan({ goals: [goal({ baseline: -5 })], tracking }), { asOf: "2024-06-30" });
    const change = only(a).periods.slice(0, 4).map((p) => p.change);
    expect(change[0]).toBeNull();
    expect(change[1]).toBeNull();
    expect(change[2]).toBeCloseTo((-2 - 5) / 5, 12);
    expect(change[3]).toBeCloseTo((1 - -2) / 2, 12);
  });

  test("latest goals take the later row of a tie inside a period", () => {
    const tracking = [entry("2024-04-03", 7), entry("2024-04-03", 8), entry("2024-04-02", 9)];
    const a = analyzePlan(plan({ goals: [goal({ aggregation: "latest" })], tracking }), { asOf: "2024-06-30" });
    expect(only(a).periods[0].value).toBe(8);
    expect(only(a).toDate).toBe(8);
  });

  test("entries outside the window count in v and in later cumulatives, in no period's value", () => {
    const tracking = [entry("2024-03-20", 5), entry("2024-04-03", 1), entry("2024-07-15", 2)];
    const a = analyzePlan(plan({ tracking }), { asOf: "2024-07-31" });
    expect(only(a).toDate).toBe(8);
    expect(only(a).periods[0]).toMatchObject({ value: 1, cumulative: 6, entryCount: 1 });
    expect(only(a).periods.reduce((n, p) => n + p.entryCount, 0)).toBe(1);
  });

  test("biweekly and monthly cadences give their periods; quarters are calendar quarters", () => {
    const tracking = [entry("2024-04-15", 1), entry("2024-05-20", 2)];
    const bi = analyzePlan(plan({ cadence: "biweekly", planStart: "2024-04-03", tracking }), { asOf: "2024-06-30" });
    expect(only(bi).periods[0]).toMatchObject({ start: "2024-04-03", end: "2024-04-16", value: 1 });
    expect(only(bi).periods).toHaveLength(7); // 89 days: six full blocks and one more
    const mo = analyzePlan(plan({ cadence: "monthly", planStart: "2024-03-15", tracking }), { asOf: "2024-06-30" });
    expect(only(mo).periods.map((p) => [p.label, p.value])).toEqual([
      ["2024-03", null],
      ["2024-04", 1],
      ["2024-05", 2],
      ["2024-06", null],
    ]);
    expect(only(mo).quarters.map((q) => [q.label, q.value, q.change])).toEqual([
      ["2024-Q1", null, null],
      ["2024-Q2", 3, null],
    ]);
  });

  test("quarter-over-quarter: (v_q − v_{q−1}) / |v_{q−1}|", () => {
    const tracking = [entry("2024-02-10", 4), entry("2024-05-10", 5), entry("2024-06-10", 1)];
    const a = analyzePlan(plan({ planStart: "2024-01-01", tracking }), { asOf: "2024-06-30" });
    expect(only(a).quarters.map((q) => q.value)).toEqual([4, 6]);
    expect(only(a).quarters[1].change).toBeCloseTo((6 - 4) / 4, 12);
  });
});

describe("status against time elapsed", () => {
  // 2024-04-01 .. 2024-04-10 is ten days; asOf 04-05 gives e = 5 / 10.
  const window = { planStart: "2024-04-01", planEnd: "2024-04-10" };
  const at = (g: Goal, actuals: number[], asOf = "2024-04-05") =>
    only(analyzePlan(plan({ ...window, goals: [g], tracking: actuals.map((x) => entry("2024-04-02", x)) }), { asOf }));

  test("sum goal exactly at onTrack (pace 0.9) is on track, at atRisk (0.7) at risk, below off track", () => {
    // expected x = 10 · 0.5 = 5
    expect(at(goal(), [4.5])).toMatchObject({ pace: 0.9, status: "on-track" });
    expect(at(goal(), [3.5])).toMatchObject({ pace: 0.7, status: "at-risk" });
    expect(at(goal(), [3.4]).status).toBe("off-track");
  });

  test("decrease sum goal: pace (2x − v) / x", () => {
    expect(at(goal({ direction: "decrease" }), [5.5])).toMatchObject({ pace: 0.9, status: "on-track" });
    expect(at(goal({ direction: "decrease" }), [6.6]).status).toBe("off-track");
  });

  test("average goal: pace progress / e", () => {
    const g = goal({ aggregation: "average", baseline: 0, target: 10 });
    expect(at(g, [4.5]).pace).toBeCloseTo(0.45 / 0.5, 12);
    expect(at(g, [4.5]).status).toBe("on-track");
    expect(at(g, [3]).status).toBe("off-track");
  });

  test("no entry is no-data; e = 0 before the start is not-started", () => {
    expect(at(goal(), []).status).toBe("no-data");
    // an entry dated before the start (one dated after asOf would be left out: no-data)
    const before = analyzePlan(plan({ ...window, tracking: [entry("2024-03-20", 3)] }), { asOf: "2024-03-31" });
    expect(before.elapsed).toBe(0);
    expect(only(before)).toMatchObject({ status: "not-started", pace: null });
    expect(before.isFinal).toBe(false);
  });

  test("asOf after the end: isFinal and e = 1", () => {
    const after = analyzePlan(plan({ ...window, tracking: [entry("2024-04-02", 9)] }), { asOf: "2024-12-31" });
    expect(after.elapsed).toBe(1);
    expect(after.isFinal).toBe(true);
    expect(only(after)).toMatchObject({ pace: 0.9, status: "on-track" });
  });

  test("the plan's own thresholds are used", () => {
    const p = plan({ ...window, tracking: [entry("2024-04-02", 4.5)] });
    p.thresholds = { onTrack: 0.95, atRisk: 0.9, met: 1, partiallyMet: 0.8 };
    expect(only(analyzePlan(p, { asOf: "2024-04-05" })).status).toBe("at-risk");
  });
});

describe("overall, outcome, check-ins, overdue actions", () => {
  test("overall weighs only goals with a score; outcome thresholds are inclusive", () => {
    const goals = [goal({ id: "A", weight: 0.5, target: 10 }), goal({ id: "B", weight: 0.25, target: 4 }), goal({ id: "C", weight: 0.25 })];
    const tracking = [entry("2024-04-02", 10, "A"), entry("2024-04-02", 1, "B")];
    const a = analyzePlan(plan({ goals, tracking }), { asOf: "2024-06-30" });
    expect(a.goals[2].score).toBeNull();
    const overall = (0.5 * (10 / 10) + 0.25 * (1 / 4)) / (0.5 + 0.25);
    expect(a.overallAttainment).toBeCloseTo(overall, 12);
    expect(a.outcomeSuggestion).toBe("not-met");
    const met = analyzePlan(plan({ tracking: [entry("2024-04-02", 10)] }), { asOf: "2024-06-30" });
    expect(met).toMatchObject({ overallAttainment: 1, outcomeSuggestion: "met" });
    const partly = analyzePlan(plan({ tracking: [entry("2024-04-02", 8)] }), { asOf: "2024-06-30" });
    expect(partly).toMatchObject({ overallAttainment: 0.8, outcomeSuggestion: "partially-met" });
  });

  test("no score anywhere: overall and outcome are empty", () => {
    const a = analyzePlan(plan(), { asOf: "2024-06-30" });
    expect(a.overallAttainment).toBeNull();
    expect(a.outcomeSuggestion).toBeNull();
  });

  test("check-ins: planned = begun by asOf, held = with an entry of any goal, missed = ended without one", () => {
    // Weeks W14 (04-01..07), W15 (04-08..14), W16 (04-15..21), W17 (04-22..28); asOf Wednesday 04-24.
    const tracking = [entry("2024-04-03", 1), entry("2024-04-17", 1, "UNKNOWN"), entry("2024-04-10", NaN)];
    const a = analyzePlan(plan({ tracking }), { asOf: "2024-04-24" });
    expect(a.checkIns).toMatchObject({ planned: 4, held: 2, missed: 1, adherence: 0.5 });
    expect(a.checkIns.schedule.slice(0, 5).map((s) => [s.held, s.overdue])).toEqual([
      [true, false],
      [false, true],
      [true, false],
      [false, false],
      [false, false],
    ]);
    expect(a.unknownGoalEntryCount).toBe(1);
    expect(a.ignoredEntryCount).toBe(1);
  });

  test("check-ins before the plan starts: nothing planned, adherence empty", () => {
    const a = analyzePlan(plan(), { asOf: "2024-03-01" });
    expect(a.checkIns).toMatchObject({ planned: 0, held: 0, missed: 0, adherence: null });
  });

  test("overdue actions: end before asOf and neither done nor cancelled", () => {
    const actions = [
      action("A1", "2024-04-30", "in-progress"),
      action("A2", "2024-04-30", "done"),
      action("A3", "2024-04-30", "cancelled"),
      action("A4", "2024-05-01", "not-started"),
      action("A5", "2024-04-29", "not-started"),
    ];
    expect(analyzePlan(plan({ actions }), { asOf: "2024-05-01" }).overdueActions).toEqual(["A1", "A5"]);
  });
});

describe("invalid plans never throw and never give NaN", () => {
  test("unknown goal ids, NaN actuals, impossible dates, dates outside the window, t = 0, t = b", () => {
    const goals = [goal({ id: "Z", target: 0 }), goal({ id: "B", baseline: 3, target: 3, method: "progress", aggregation: "average" })];
    const tracking = [
      entry("2024-04-02", NaN, "Z"),
      entry("2024-13-01", 1, "Z"),
      entry("not a date", 1, "B"),
      entry("2023-01-01", 5, "Z"),
      entry("2025-01-01", 5, "B"),
      entry("2024-04-10", 1, "nobody"),
      entry("2024-04-10", -Infinity, "B"),
    ];
    const a = analyzePlan(plan({ goals, tracking }), { asOf: "2025-01-31" });
    expect(numbersIn(a).every(Number.isFinite)).toBe(true);
    expect(a.goals.map((g) => [g.entryCount, g.toDate, g.attainment, g.score, g.status])).toEqual([
      [1, 5, null, null, "no-data"],
      [1, 5, 5 / 3, null, "no-data"],
    ]);
    expect(a.overallAttainment).toBeNull();
    expect(a.ignoredEntryCount).toBe(4);
  });

  test("an invalid window or asOf gives no periods and an empty elapsed fraction", () => {
    const inverted = analyzePlan(plan({ planStart: "2024-07-01", tracking: [entry("2024-04-02", 1)] }), { asOf: "2024-05-01" });
    expect(inverted.elapsed).toBeNull();
    expect(only(inverted).periods).toEqual([]);
    expect(only(inverted).toDate).toBe(1);
    expect(only(inverted).status).toBe("no-data");
    const badAsOf = analyzePlan(plan({ tracking: [entry("2024-04-02", 1)] }), { asOf: "2024-02-31" });
    expect(badAsOf).toMatchObject({ elapsed: null, isFinal: false, overdueActions: [] });
    expect(badAsOf.checkIns.planned).toBe(0);
    expect(numbersIn([inverted, badAsOf]).every(Number.isFinite)).toBe(true);
  });

  test("a plan with missing lists and a non-object goal still analyses, goals keeping their places", () => {
    const broken = { schemaVersion: 1, header: plan().header, goals: [null, goal()] } as unknown as Plan;
    const a = analyzePlan(broken, { asOf: "2024-05-01" });
    expect(a.goals.map((g) => [g.goalId, g.toDate, g.status])).toEqual([
      ["", null, "no-data"],
      ["G1", null, "no-data"],
    ]);
    expect(a.goals[0].periods.every((p) => p.value === null && p.cumulative === null)).toBe(true);
    expect(a.checkIns.held).toBe(0);
  });

  test("huge values that overflow to Infinity come out empty, not Infinity", () => {
    const tracking = [entry("2024-04-02", 1.5e308), entry("2024-04-03", 1.5e308)];
    const a = analyzePlan(plan({ tracking }), { asOf: "2024-05-01" });
    expect(only(a).toDate).toBeNull();
    expect(numbersIn(a).every(Number.isFinite)).toBe(true);
  });
});
