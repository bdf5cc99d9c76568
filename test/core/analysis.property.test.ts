/**
 * analyzePlan against a deliberately plain reference written from docs/FORMULAS.md: for every number it loops
 * over all tracking entries (no grouping, no typed arrays, no index arithmetic), compares ISO strings for
 * "dated inside", and measures days with Date.UTC. Actuals are multiples of 1/4 or 1/64 so sums are exact in
 * any order and the two sides can be held to 1e-9.
 */
import fc from "fast-check";
import { analyzePlan, type GoalAnalysis, type PeriodValue, type PlanAnalysis } from "../../src/core/analysis";
import { isValidIsoDate } from "../../src/core/dates";
import type { Goal, Plan, TrackingEntry } from "../../src/core/model";
import { periodIndexOf, planPeriods, type Period, type PeriodKind } from "../../src/core/periods";
import { arbPlanWindow, arbValidPlan, shiftIso, testDayOf, testIsoOf } from "../support/arbitraries";

// ---------------------------------------------------------------------------------------------------------------
// The reference

type Num = number | null;

const fin = (x: number): Num => (Number.isFinite(x) ? x : null);

function isUsable(e: TrackingEntry): boolean {
  return typeof e.actual === "number" && Number.isFinite(e.actual) && typeof e.date === "string" && isValidIsoDate(e.date);
}

function aggregateOf(goal: Goal, entries: TrackingEntry[]): Num {
  if (entries.length === 0) return null;
  let sum = 0;
  let latest = entries[0];
  for (const e of entries) {
    sum += e.actual;
    if (e.date >= latest.date) latest = e;
  }
  if (goal.aggregation === "sum") return fin(sum);
  if (goal.aggregation === "average") return fin(sum / entries.length);
  return latest.actual;
}

function refAttainment(goal: Goal, v: Num): Num {
  if (v === null || goal.target === 0) return null;
  return fin(goal.direction === "increase" ? v / goal.target : (2 * goal.target - v) / goal.target);
}

function refProgress(goal: Goal, v: Num): Num {
  if (v === null || goal.target === goal.baseline) return null;
  return fin((v - goal.baseline) / (goal.target - goal.baseline));
}

function refPeriods(goal: Goal, tracking: TrackingEntry[], periods: Period[]): Omit<PeriodValue, "index" | "label">[] {
  const rows: Omit<PeriodValue, "index" | "label">[] = [];
  let previous: Num = null;
  for (const p of periods) {
    const inside = tracking.filter((e) => isUsable(e) && e.goalId === goal.id && p.start <= e.date && e.date <= p.end);
    const upToEnd = tracking.filter((e) => isUsable(e) && e.goalId === goal.id && e.date <= p.end);
    const value = aggregateOf(goal, inside);
    const cumulative = aggregateOf(goal, upToEnd);
    const measured = inside.length === 0 ? null : goal.aggregation === "sum" ? cumulative : value;
    rows.push({
      start: p.start,
      end: p.end,
      entryCount: inside.length,
      value,
      cumulative,
      attainment: refAttainment(goal, measured),
      progress: refProgress(goal, measured),
      change: value !== null && previous !== null && previous !== 0 ? (value - previous) / Math.abs(previous) : null,
    });
    previous = value;
  }
  return rows;
}

function refElapsed(plan: Plan, asOf: string): number {
  const s = testDayOf(plan.header.planStart);
  const e = testDayOf(plan.header.planEnd);
  return Math.min(1, Math.max(0, (testDayOf(asOf) - s + 1) / (e - s + 1)));
}

function refGoal(plan: Plan, goal: Goal, asOf: string) {
  const mine = plan.tracking.filter((e) => isUsable(e) && e.goalId === goal.id);
  const v = aggregateOf(goal, mine);
  const score = goal.method === "ratio" ? refAttainment(goal, v) : refProgress(goal, v);
  const e = refElapsed(plan, asOf);
  let pace: Num = null;
  if (v !== null && e > 0) {
    if (goal.aggregation === "sum") {
      const x = goal.target * e;
      pace = x === 0 ? null : fin(goal.direction === "increase" ? v / x : (2 * x - v) / x);
    } else {
      const progress = refProgress(goal, v);
      pace = progress === null ? null : progress / e;
    }
  }
  return {
    entryCount: mine.length,
    toDate: v,
    attainment: refAttainment(goal, v),
    progress: refProgress(goal, v),
    score,
    pace,
    periods: refPeriods(goal, plan.tracking, planPeriods(plan.header.planStart, plan.header.planEnd, plan.header.cadence)),
    quarters: refPeriods(goal, plan.tracking, planPeriods(plan.header.planStart, plan.header.planEnd, "quarterly")),
  };
}

function refCheckIns(plan: Plan, asOf: string) {
  const schedule = planPeriods(plan.header.planStart, plan.header.planEnd, plan.header.cadence).map((p) => {
    const held = plan.tracking.some((e) => isUsable(e) && p.start <= e.date && e.date <= p.end);
    return { start: p.start, end: p.end, held, overdue: p.end < asOf && !held };
  });
  const planned = schedule.filter((s) => s.start <= asOf);
  const held = planned.filter((s) => s.held).length;
  return {
    planned: planned.length,
    held,
    missed: schedule.filter((s) => s.overdue).length,
    adherence: planned.length === 0 ? null : held / planned.length,
    schedule,
  };
}

function refOverall(plan: Plan, asOf: string): Num {
  let weighted = 0;
  let weights = 0;
  for (const goal of plan.goals) {
    const s = refGoal(plan, goal, asOf).score;
    if (s !== null) {
      weighted += goal.weight * s;
      weights += goal.weight;
    }
  }
  return weights === 0 ? null : weighted / weights;
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison

function close(actual: Num, expected: Num): boolean {
  if (actual === null || expected === null) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(actual), Math.abs(expected));
}

function expectClose(actual: Num, expected: Num, where: string): void {
  if (!close(actual, expected)) throw new Error(`${where}: analyzePlan ${actual}, reference ${expected}`);
}

function comparePeriods(actual: PeriodValue[], expected: ReturnType<typeof refPeriods>, where: string): void {
  expect(actual.map((p) => [p.start, p.end, p.entryCount])).toEqual(expected.map((p) => [p.start, p.end, p.entryCount]));
  actual.forEach((p, i) => {
    for (const key of ["value", "cumulative", "attainment", "progress", "change"] as const) {
      expectClose(p[key], expected[i][key], `${where} period ${p.label} ${key}`);
    }
  });
}

/** The log as it stood on asOf: "as of" means as of, so the reference never sees a usable entry dated after it. */
function asOfLog(plan: Plan, asOf: string): Plan {
  return { ...plan, tracking: plan.tracking.filter((e) => !isUsable(e) || e.date <= asOf) };
}

function compareWithReference(fullPlan: Plan, asOf: string): PlanAnalysis {
  const analysis = analyzePlan(fullPlan, { asOf });
  const plan = asOfLog(fullPlan, asOf);
  expect(analysis.afterAsOfEntryCount).toBe(fullPlan.tracking.length - plan.tracking.length);
  const t = plan.thresholds;
  plan.goals.forEach((goal, i) => {
    const got: GoalAnalysis = analysis.goals[i];
    const want = refGoal(plan, goal, asOf);
    const where = `goal ${i} (${goal.id})`;
    expect(got.goalId).toBe(goal.id);
    expect(got.entryCount).toBe(want.entryCount);
    for (const key of ["toDate", "attainment", "progress", "score", "pace"] as const) {
      expectClose(got[key], want[key], `${where} ${key}`);
    }
    comparePeriods(got.periods, want.periods, where);
    comparePeriods(got.quarters, want.quarters, `${where} quarters`);
    // Status from the reference pace, unless the pace sits within rounding of a threshold.
    const e = refElapsed(plan, asOf);
    const nearThreshold = want.pace !== null && [t.onTrack, t.atRisk].some((x) => Math.abs(want.pace! - x) < 1e-9);
    if (!nearThreshold) {
      const status =
        want.entryCount === 0
          ? "no-data"
          : e === 0
            ? "not-started"
            : want.pace === null
              ? "no-data"
              : want.pace >= t.onTrack
                ? "on-track"
                : want.pace >= t.atRisk
                  ? "at-risk"
                  : "off-track";
      expect(got.status).toBe(status);
    }
  });
  expectClose(analysis.overallAttainment, refOverall(plan, asOf), "overall");
  expectClose(analysis.elapsed, refElapsed(plan, asOf), "elapsed");
  expect(analysis.isFinal).toBe(asOf >= plan.header.planEnd);
  const checkIns = refCheckIns(plan, asOf);
  expect(analysis.checkIns.schedule.map(({ start, end, held, overdue }) => ({ start, end, held, overdue }))).toEqual(
    checkIns.schedule,
  );
  expect([analysis.checkIns.planned, analysis.checkIns.held, analysis.checkIns.missed]).toEqual([
    checkIns.planned,
    checkIns.held,
    checkIns.missed,
  ]);
  expectClose(analysis.checkIns.adherence, checkIns.adherence, "adherence");
  expect(analysis.overdueActions).toEqual(
    plan.actions.filter((a) => a.end < asOf && a.status !== "done" && a.status !== "cancelled").map((a) => a.id),
  );
  return analysis;
}

function allNumbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allNumbers(v, out));
  else if (value !== null && typeof value === "object") Object.values(value).forEach((v) => allNumbers(v, out));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Messy plans: duplicate and unknown goal ids, t = 0, t = b, NaN and ±Infinity actuals, impossible dates,
// dates outside the window, asOf before, inside and after the window.

const BAD_DATES = ["2024-02-30", "2023-02-29", "2024-13-01", "2024-4-01", "", "soon"];
const GOAL_IDS = ["G1", "G2", "G3"];

const arbHalfSteps = fc.integer({ min: -6, max: 6 }).map((n) => n / 2);

function arbMessyGoal(): fc.Arbitrary<Goal> {
  return fc.record({
    id: fc.constantFrom(...GOAL_IDS),
    title: fc.constant("goal"),
    metric: fc.constant(""),
    unit: fc.constant(""),
    baseline: arbHalfSteps,
    target: arbHalfSteps,
    direction: fc.constantFrom("increase", "decrease") as fc.Arbitrary<Goal["direction"]>,
    aggregation: fc.constantFrom("sum", "average", "latest") as fc.Arbitrary<Goal["aggregation"]>,
    weight: fc.constantFrom(0, 0.25, 0.5, 1),
    dueDate: fc.constant(null),
    method: fc.constantFrom("ratio", "progress") as fc.Arbitrary<Goal["method"]>,
  });
}

function arbMessyPlan(): fc.Arbitrary<{ plan: Plan; asOf: string }> {
  return fc
    .tuple(
      fc.oneof(arbPlanWindow(), fc.integer({ min: 0, max: 1200 }).map((n) => ({ start: "2025-11-20", end: shiftIso("2025-11-20", n) }))),
      fc.constantFrom("weekly", "biweekly", "monthly") as fc.Arbitrary<Plan["header"]["cadence"]>,
    )
    .chain(([window, cadence]) => {
      const length = testDayOf(window.end) - testDayOf(window.start) + 1;
      const arbDate = fc.oneof(
        { weight: 12, arbitrary: fc.integer({ min: -40, max: length + 40 }).map((k) => shiftIso(window.start, k)) },
        { weight: 1, arbitrary: fc.constantFrom(...BAD_DATES) },
      );
      const arbActual = fc.oneof(
        { weight: 20, arbitrary: fc.integer({ min: -40, max: 40 }).map((n) => n / 4) },
        { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
      );
      const arbEntry = fc.record({
        date: arbDate,
        goalId: fc.constantFrom(...GOAL_IDS, "G9"),
        actual: arbActual,
        note: fc.constant(""),
        coachFeedback: fc.constant(""),
        enteredBy: fc.constant(""),
      });
      const arbAction = fc.record({
        id: fc.constantFrom("A1", "A2", "A3"),
        end: fc.integer({ min: -10, max: length + 10 }).map((k) => shiftIso(window.start, k)),
        status: fc.constantFrom("not-started", "in-progress", "done", "cancelled") as fc.Arbitrary<Plan["actions"][0]["status"]>,
      });
      return fc.record({
        goals: fc.array(arbMessyGoal(), { minLength: 1, maxLength: 4 }),
        tracking: fc.array(arbEntry, { maxLength: 80 }),
        actions: fc.array(arbAction, { maxLength: 4 }),
        asOf: fc.integer({ min: -20, max: length + 20 }).map((k) => shiftIso(window.start, k)),
        onTrack: fc.constantFrom(0.9, 1),
      }).map(({ goals, tracking, actions, asOf, onTrack }) => ({
        asOf,
        plan: {
          schemaVersion: 1 as const,
          header: {
            title: "",
            employeeName: "李娜",
            employeeId: "E1",
            department: "",
            position: "",
            manager: "王强",
            hrPartner: "",
            planStart: window.start,
            planEnd: window.end,
            cadence,
            scenario: "post-review" as const,
            language: "zh-CN" as const,
          },
          gaps: [],
          goals,
          causes: [],
          actions: actions.map((a) => ({
            ...a,
            goalId: "G1",
            causeId: "",
            measure: "m",
            owner: "",
            ownerRole: "employee" as const,
            start: window.start,
            completionCriterion: "",
            resources: "",
          })),
          resources: [],
          responsibilities: [],
          signOff: [],
          tracking,
          adjustments: [],
          evaluation: { date: null, outcome: null, decision: null, measuresToStandardise: "", reasons: "", extensionEnd: null, notes: "" },
          thresholds: { onTrack, atRisk: 0.7, met: 1, partiallyMet: 0.8 },
        },
      }));
    });
}

describe("analyzePlan agrees with the plain reference", () => {
  test("on messy plans (duplicate and unknown ids, t = 0, t = b, NaN, bad dates, outside the window)", () => {
    fc.assert(
      fc.property(arbMessyPlan(), ({ plan, asOf }) => {
        const analysis = compareWithReference(plan, asOf);
        expect(allNumbers(analysis).every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("on valid plans from test/support/arbitraries (actuals rounded to 1/64)", () => {
    fc.assert(
      fc.property(
        arbValidPlan({ tracking: { max: 60 } }),
        fc.integer({ min: -10, max: 500 }),
        (plan, offset) => {
          const dyadic = { ...plan, tracking: plan.tracking.map((e) => ({ ...e, actual: Math.round(e.actual * 64) / 64 })) };
          compareWithReference(dyadic, shiftIso(plan.header.planStart, offset));
        },
      ),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Periods

const KINDS: PeriodKind[] = ["weekly", "biweekly", "monthly", "quarterly"];
const arbWindow = fc.oneof(
  arbPlanWindow(),
  fc.tuple(fc.integer({ min: testDayOf("1999-12-01"), max: testDayOf("2101-01-01") }), fc.integer({ min: 0, max: 1500 })).map(
    ([s, n]) => ({ start: testIsoOf(s), end: testIsoOf(s + n) }),
  ),
);

describe("periods of a plan window", () => {
  test("tile the window: consecutive, no gaps, no overlaps, first holds planStart, last holds planEnd", () => {
    fc.assert(
      fc.property(arbWindow, fc.constantFrom(...KINDS), ({ start, end }, kind) => {
        const periods = planPeriods(start, end, kind);
        expect(periods.length).toBeGreaterThan(0);
        expect(periods[0].start <= start && start <= periods[0].end).toBe(true);
        const last = periods[periods.length - 1];
        expect(last.start <= end && end <= last.end).toBe(true);
        periods.forEach((p, i) => {
          expect(p.index).toBe(i);
          expect(p.start <= p.end).toBe(true);
          if (i > 0) expect(p.start).toBe(shiftIso(periods[i - 1].end, 1));
          const days = testDayOf(p.end) - testDayOf(p.start) + 1;
          const weekday = new Date(testDayOf(p.start) * 86_400_000).getUTCDay();
          if (kind === "weekly") expect([days, weekday]).toEqual([7, 1]);
          if (kind === "biweekly") expect(p.start).toBe(shiftIso(start, 14 * i));
          if (kind === "biweekly") expect(days).toBe(14);
          if (kind === "monthly") {
            expect(p.start.slice(8)).toBe("01");
            expect(shiftIso(p.end, 1).slice(8)).toBe("01");
            expect(p.label).toBe(p.start.slice(0, 7));
          }
          if (kind === "quarterly") {
            expect(["01-01", "04-01", "07-01", "10-01"]).toContain(p.start.slice(5));
            expect(p.label).toBe(`${p.start.slice(0, 4)}-Q${(Number(p.start.slice(5, 7)) + 2) / 3}`);
            expect(days).toBeGreaterThanOrEqual(90);
            expect(days).toBeLessThanOrEqual(92);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  test("every date inside the window falls in exactly one period, the one periodIndexOf names", () => {
    fc.assert(
      fc.property(arbWindow, fc.constantFrom(...KINDS), fc.double({ min: 0, max: 1, noNaN: true }), ({ start, end }, kind, f) => {
        const periods = planPeriods(start, end, kind);
        const date = testIsoOf(Math.floor(testDayOf(start) + f * (testDayOf(end) - testDayOf(start))));
        const holding = periods.filter((p) => p.start <= date && date <= p.end);
        expect(holding).toHaveLength(1);
        expect(periodIndexOf(periods, date)).toBe(holding[0].index);
      }),
      { numRuns: 400 },
    );
  });

  test("every tracking entry dated inside the window is in exactly one cadence period and one quarter", () => {
    fc.assert(
      fc.property(arbMessyPlan(), ({ plan: fullPlan, asOf }) => {
        const analysis = analyzePlan(fullPlan, { asOf });
        const plan = asOfLog(fullPlan, asOf);
        const { planStart, planEnd } = plan.header;
        for (const [i, goal] of plan.goals.entries()) {
          const inside = plan.tracking.filter(
            (e) => isUsable(e) && e.goalId === goal.id && planStart <= e.date && e.date <= planEnd,
          ).length;
          const got = analysis.goals[i];
          // Periods may reach outside the window (whole weeks, months, quarters), so they hold at least these.
          const inWindowCount = (rows: PeriodValue[]) =>
            plan.tracking.filter(
              (e) =>
                isUsable(e) &&
                e.goalId === goal.id &&
                planStart <= e.date &&
                e.date <= planEnd &&
                rows.filter((p) => p.start <= e.date && e.date <= p.end).length === 1,
            ).length;
          expect(inWindowCount(got.periods)).toBe(inside);
          expect(inWindowCount(got.quarters)).toBe(inside);
          expect(got.periods.reduce((n, p) => n + p.entryCount, 0)).toBeGreaterThanOrEqual(inside);
        }
      }),
      { numRuns: 150 },
    );
  });
});
