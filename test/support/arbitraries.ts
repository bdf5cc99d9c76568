/**
 * fast-check arbitraries for plans.
 *
 * `arbValidPlan()` generates plans that pass every rule of `validatePlan` with no finding at all (errors and
 * warnings): real dates inside the plan window, 1–8 goals whose weights are integer percentages / 100 (their float
 * sum is within 1e-15 of 1), unique ids, every goal with ≥ 1 owned action, tracking inside the window for known
 * goals, employee + manager sign-off, targets on the right side of baselines, ratio targets > 0, and text that
 * includes Chinese and strings starting with = + - @ (the spreadsheet formula-injection starters).
 *
 * `mutations` each break exactly one rule of a valid plan; the property test checks that each gives its code
 * and nothing else.
 *
 * Dates here are computed with plain Date.UTC arithmetic, independently of src/core/dates.ts.
 */
import fc from "fast-check";
import type { Action, Goal, Plan, RootCause, SignOffEntry, TrackingEntry } from "../../src/core/model";
import { CADENCES, FISHBONE, SCENARIOS, SCHEMA_VERSION } from "../../src/core/model";

const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01) of an ISO date; for generation only, assumes a valid date. */
export function testDayOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** ISO date of a day number (days since 1970-01-01), years 1000..9999. */
export function testIsoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function shiftIso(iso: string, days: number): string {
  return testIsoOf(testDayOf(iso) + days);
}

export interface IsoWindow {
  start: string;
  end: string;
}

/** A real calendar date within [min, max] (inclusive, ISO strings). */
export function arbIsoDate(window: IsoWindow = { start: "1990-01-01", end: "2099-12-31" }): fc.Arbitrary<string> {
  const lo = testDayOf(window.start);
  const hi = testDayOf(window.end);
  return fc.integer({ min: lo, max: hi }).map(testIsoOf);
}

/** A plan window: start in 2000..2090, 7..400 days long (so leap days and year ends come up). */
export function arbPlanWindow(): fc.Arbitrary<IsoWindow> {
  return fc
    .tuple(arbIsoDate({ start: "2000-01-01", end: "2090-12-31" }), fc.integer({ min: 6, max: 399 }))
    .map(([start, extra]) => ({ start, end: shiftIso(start, extra) }));
}

/** Person names and free text: Chinese, English, and text a spreadsheet would take for a formula. */
export const SAMPLE_NAMES = ["李娜", "王强", "陈敏", "IT 部", "Alex Chen", "O'Brien", "@王强", "=张三", "+Li", "-Wang"];
export const SAMPLE_TEXT = [
  "每周 2 小时产品培训",
  "每日整理 3 个客户高频问题及答案，经理审核",
  "=SUM(A1:A3)",
  "=HYPERLINK(\"http://example.invalid\",\"x\")",
  "+86 138 0000 0000",
  "-5% 投诉",
  "@王强 请审核",
  "Weekly coaching, 15 min",
  "Quote \"this\" and 'that'",
  "多行\n文本",
  "emoji 🚀 ok",
  "",
  "  leading and trailing spaces  ",
  "Tab\tseparated",
];

export const arbName: fc.Arbitrary<string> = fc.constantFrom(...SAMPLE_NAMES);
export const arbText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SAMPLE_TEXT) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: "grapheme" }) },
);
/** Text for a field the workbook requires (REQUIRED_TEXT_MISSING when blank). */
export const arbRequiredText: fc.Arbitrary<string> = arbText.filter((t) => t.trim() !== "");

const TITLE_PREFIXES = ["Q2 销售额提升至", "客户投诉率降至", "=季度销售额达到", "+Reach", "-Cut defects to", "@团队 NPS to", "Close"];
const UNITS = ["万元", "%", "件", "分", "USD", "tickets", "h"];

/** Goal ids, unique within a plan; some look like formulas or are Chinese. */
const ID_STEMS = ["G", "目标", "=G", "@g", "goal-"];

function arbUniqueIds(prefixes: readonly string[], min: number, max: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(
    fc.tuple(fc.constantFrom(...prefixes), fc.integer({ min: 1, max: 999 })).map(([p, n]) => `${p}${n}`),
    { minLength: min, maxLength: max },
  );
}

/** Integer percentages summing to exactly 100, each ≥ 1, as fractions. */
function arbWeights(count: number): fc.Arbitrary<number[]> {
  if (count === 1) return fc.constant([1]);
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: count - 1, maxLength: count - 1 })
    .map((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const bounds = [0, ...sorted, 100];
      return bounds.slice(1).map((b, i) => (b - bounds[i]) / 100);
    });
}

export interface GoalNumbers {
  baseline: number;
  target: number;
  direction: Goal["direction"];
  method: Goal["method"];
}

/** Baseline/target/direction/method that satisfy the target rules (right side, ratio target > 0). */
// `|| 0` turns -0 into 0: JSON has no -0, so a round trip through a file would not give the plan back
const round2 = (x: number) => Math.round(x * 100) / 100 || 0;

export function arbGoalNumbers(): fc.Arbitrary<GoalNumbers> {
  const cents = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 100 || 0);
  return fc.oneof(
    // increase, ratio: baseline ≥ 0 so target > 0
    fc.tuple(cents(0, 1_000_000), cents(1, 500_000)).map(([b, d]) => ({
      baseline: b, target: round2(b + d), direction: "increase" as const, method: "ratio" as const,
    })),
    // decrease, ratio: target > 0, baseline above it
    fc.tuple(cents(1, 100_000), cents(1, 100_000)).map(([t, d]) => ({
      baseline: round2(t + d), target: t, direction: "decrease" as const, method: "ratio" as const,
    })),
    // progress: any sign, target on the right side
    fc.tuple(cents(-100_000, 100_000), cents(1, 100_000), fc.boolean()).map(([b, d, up]) => ({
      baseline: b,
      target: round2(up ? b + d : b - d),
      direction: up ? ("increase" as const) : ("decrease" as const),
      method: "progress" as const,
    })),
  );
}

/** A valid goal (without its weight's partners: weight defaults to 1). */
export function arbGoal(window: IsoWindow, id = "G1", weight = 1): fc.Arbitrary<Goal> {
  return fc
    .record({
      numbers: arbGoalNumbers(),
      prefix: fc.constantFrom(...TITLE_PREFIXES),
      unit: fc.constantFrom(...UNITS),
      metric: arbText,
      aggregation: fc.constantFrom("sum", "average", "latest") as fc.Arbitrary<Goal["aggregation"]>,
      dueDate: arbIsoDate(window),
    })
    .map(({ numbers, prefix, unit, metric, aggregation, dueDate }) => ({
      id,
      title: `${prefix} ${numbers.target} ${unit}`,
      metric,
      unit,
      // A "%" goal keeps fractions (PERCENT_IMPLAUSIBLE above 150 %): the same numbers, as rates of at most 1.5.
      baseline: unit === "%" ? numbers.baseline / 1_000_000 : numbers.baseline,
      target: unit === "%" ? numbers.target / 1_000_000 : numbers.target,
      direction: numbers.direction,
      aggregation,
      weight,
      dueDate,
      method: numbers.method,
    }));
}

export function arbTrackingEntry(window: IsoWindow, goalIds: readonly string[]): fc.Arbitrary<TrackingEntry> {
  return fc.record({
    date: arbIsoDate(window),
    goalId: fc.constantFrom(...goalIds),
    actual: fc.integer({ min: -1_000_000, max: 10_000_000 }).map((n) => n / 1000 || 0),
    note: arbText,
    coachFeedback: arbText,
    enteredBy: arbName,
  });
}

function arbAction(window: IsoWindow, id: string, goalId: string, causeIds: readonly string[]): fc.Arbitrary<Action> {
  return fc
    .record({
      a: arbIsoDate(window),
      b: arbIsoDate(window),
      causeId: causeIds.length > 0 ? fc.constantFrom("", ...causeIds) : fc.constant(""),
      measure: arbRequiredText,
      owner: arbName,
      ownerRole: fc.constantFrom("employee", "manager", "department") as fc.Arbitrary<Action["ownerRole"]>,
      completionCriterion: arbText,
      resources: arbText,
      status: fc.constantFrom("not-started", "in-progress", "done", "cancelled") as fc.Arbitrary<Action["status"]>,
    })
    .map(({ a, b, ...rest }) => ({ id, goalId, start: a <= b ? a : b, end: a <= b ? b : a, ...rest }));
}

function arbCause(id: string, goalId: string): fc.Arbitrary<RootCause> {
  return fc.record({
    id: fc.constant(id),
    goalId: fc.constant(goalId),
    factor: fc.constantFrom("personal", "external") as fc.Arbitrary<RootCause["factor"]>,
    category: fc.constantFrom(null, ...FISHBONE),
    description: arbText,
    why: arbText,
    what: arbText,
    where: arbText,
    when: arbText,
    who: arbName,
    how: arbText,
    howMuch: arbText,
  });
}

export interface ValidPlanOptions {
  /** Number of goals (default 1..8). */
  goals?: { min?: number; max?: number };
  /** Actions per goal (default 1..3; min is at least 1). */
  actionsPerGoal?: { min?: number; max?: number };
  /** Tracking rows (default 0..30). */
  tracking?: { min?: number; max?: number };
  /** Fix the plan window instead of generating one. */
  window?: IsoWindow;
}

export function arbValidPlan(options: ValidPlanOptions = {}): fc.Arbitrary<Plan> {
  const goalMin = Math.max(1, options.goals?.min ?? 1);
  const goalMax = Math.max(goalMin, options.goals?.max ?? 8);
  const actMin = Math.max(1, options.actionsPerGoal?.min ?? 1);
  const actMax = Math.max(actMin, options.actionsPerGoal?.max ?? 3);
  const trackMin = Math.max(0, options.tracking?.min ?? 0);
  const trackMax = Math.max(trackMin, options.tracking?.max ?? 30);
  const windowArb = options.window ? fc.constant(options.window) : arbPlanWindow();

  return fc
    .tuple(windowArb, arbUniqueIds(ID_STEMS, goalMin, goalMax))
    .chain(([window, goalIds]) =>
      fc
        .tuple(
          arbWeights(goalIds.length),
          fc.array(fc.integer({ min: actMin, max: actMax }), { minLength: goalIds.length, maxLength: goalIds.length }),
          fc.array(fc.integer({ min: 0, max: 2 }), { minLength: goalIds.length, maxLength: goalIds.length }),
        )
        .chain(([weights, actionCounts, causeCounts]) => {
          const causeRefs = goalIds.flatMap((g, gi) =>
            Array.from({ length: causeCounts[gi] }, (_, k) => ({ id: `C${gi + 1}.${k + 1}`, goalId: g })),
          );
          const causeIds = causeRefs.map((c) => c.id);
          const actionRefs = goalIds.flatMap((g, gi) =>
            Array.from({ length: actionCounts[gi] }, (_, k) => ({ id: `A${gi + 1}-${k + 1}`, goalId: g })),
          );
          const signBefore = shiftIso(window.start, -14);
          return fc.record({
            window: fc.constant(window),
            goals: fc.tuple(...goalIds.map((id, i) => arbGoal(window, id, weights[i]))),
            causes: fc.tuple(...causeRefs.map((c) => arbCause(c.id, c.goalId))),
            actions: fc.tuple(...actionRefs.map((a) => arbAction(window, a.id, a.goalId, causeIds))),
            tracking: fc.array(arbTrackingEntry(window, goalIds), { minLength: trackMin, maxLength: trackMax }),
            header: fc.record({
              title: arbText,
              employeeName: arbName,
              employeeId: fc.constantFrom("E1024", "=E1", "员工-7", "@e"),
              department: arbText,
              position: arbText,
              manager: arbName,
              hrPartner: arbName,
              cadence: fc.constantFrom(...CADENCES),
              scenario: fc.constantFrom(...SCENARIOS),
              language: fc.constantFrom("zh-CN", "en-US") as fc.Arbitrary<Plan["header"]["language"]>,
            }),
            signDates: fc.array(arbIsoDate({ start: signBefore, end: window.end }), { minLength: 3, maxLength: 3 }),
            gapNumbers: fc.array(
              fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 })),
              { maxLength: 3 },
            ),
            resourceDue: fc.array(fc.option(arbIsoDate(window), { nil: null }), { maxLength: 3 }),
            adjustmentDates: fc.array(arbIsoDate(window), { maxLength: 3 }),
            extend: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
          });
        }),
    )
    .map((g): Plan => {
      const signOff: SignOffEntry[] = [
        { role: "employee", name: g.header.employeeName, date: g.signDates[0], comment: "" },
        { role: "manager", name: g.header.manager, date: g.signDates[1], comment: "承诺提供资源与监督" },
        { role: "hr", name: g.header.hrPartner, date: g.signDates[2], comment: "=hr" },
      ];
      return {
        schemaVersion: SCHEMA_VERSION as 1,
        header: { ...g.header, planStart: g.window.start, planEnd: g.window.end },
        gaps: g.gapNumbers.map(([t, a], i) => ({
          metric: `指标 ${i + 1}`,
          period: "2024 Q1",
          target: t / 100,
          actual: a / 100,
          unit: "万元",
          direction: i % 2 === 0 ? "increase" : "decrease",
          benchmark: i === 0 ? null : t / 200,
          description: "Q1 销售目标 50 万元，实际完成 32 万元",
        })),
        goals: [...g.goals],
        causes: [...g.causes],
        actions: [...g.actions],
        resources: g.resourceDue.map((due, i) => ({ what: `资源 ${i + 1}`, provider: "HR", due, delivered: i % 2 === 0 })),
        responsibilities: [
          { role: "employee", name: g.header.employeeName, duties: "执行改进措施" },
          { role: "manager", name: g.header.manager, duties: "指导与监督" },
        ],
        signOff,
        tracking: g.tracking.map((t) => (g.goals.some((goal) => goal.id === t.goalId && goal.unit === "%") ? { ...t, actual: t.actual / 10_000 } : t)),
        adjustments: g.adjustmentDates.map((date) => ({ date, change: "=调整", reason: "+原因", approvedBy: "王强" })),
        evaluation:
          g.extend === null
            ? { date: null, outcome: null, decision: null, measuresToStandardise: "", reasons: "", extensionEnd: null, notes: "" }
            : {
                date: g.window.end,
                outcome: "partially-met",
                decision: "extend",
                measuresToStandardise: "每周培训",
                reasons: "-措施执行不足",
                extensionEnd: shiftIso(g.window.end, g.extend),
                notes: "",
              },
        thresholds: { onTrack: 0.9, atRisk: 0.7, met: 1, partiallyMet: 0.8 },
      };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations: each breaks exactly one rule of a valid plan (from arbValidPlan) and nothing else.

export interface Mutation {
  /** The finding code the mutated plan must produce (and no other). */
  code: string;
  /** What is broken, for the test's name. */
  name: string;
  apply(plan: Plan): Plan;
}

function clone(plan: Plan): Plan {
  return structuredClone(plan);
}

function unusedId(taken: readonly string[], stem: string): string {
  let id = stem;
  for (let i = 2; taken.includes(id); i++) id = `${stem}${i}`;
  return id;
}

function ensureTracking(p: Plan): void {
  if (p.tracking.length === 0) {
    p.tracking.push({ date: p.header.planStart, goalId: p.goals[0].id, actual: 1, note: "", coachFeedback: "", enteredBy: "" });
  }
}

function mutate(code: string, name: string, change: (p: Plan) => void): Mutation {
  return {
    code,
    name,
    apply(plan) {
      const p = clone(plan);
      change(p);
      return p;
    },
  };
}

export const mutations: Mutation[] = [
  mutate("PLAN_END_BEFORE_START", "planEnd one day before planStart", (p) => {
    p.header.planEnd = shiftIso(p.header.planStart, -1);
  }),
  mutate("DATE_INVALID", "planStart an impossible date", (p) => {
    p.header.planStart = "2027-02-29";
  }),
  mutate("DATE_INVALID", "a goal's due date an impossible date", (p) => {
    p.goals[0].dueDate = "2023-02-29";
  }),
  mutate("DATE_INVALID", "a tracking date in month 13", (p) => {
    ensureTracking(p);
    p.tracking[p.tracking.length - 1].date = "2024-13-01";
  }),
  mutate("DATE_INVALID", "a sign-off date on 1900-02-29", (p) => {
    p.signOff[2].date = "1900-02-29";
  }),
  mutate("DATE_INVALID", "an action end on April 31st", (p) => {
    p.actions[0].end = "2031-04-31";
  }),
  mutate("ACTION_END_BEFORE_START", "an action ending the day before it starts", (p) => {
    const a = p.actions[0];
    const start = a.end > p.header.planStart ? a.end : shiftIso(p.header.planStart, 1);
    a.start = start;
    a.end = shiftIso(start, -1);
  }),
  mutate("ACTION_OUTSIDE_WINDOW", "an action ending the day after planEnd", (p) => {
    p.actions[0].end = shiftIso(p.header.planEnd, 1);
  }),
  mutate("ACTION_OUTSIDE_WINDOW", "an action starting the day before planStart", (p) => {
    p.actions[p.actions.length - 1].start = shiftIso(p.header.planStart, -1);
  }),
  mutate("TRACKING_OUTSIDE_WINDOW", "a check-in the day before planStart", (p) => {
    p.tracking.push({ date: shiftIso(p.header.planStart, -1), goalId: p.goals[0].id, actual: 1, note: "", coachFeedback: "", enteredBy: "" });
  }),
  mutate("TRACKING_OUTSIDE_WINDOW", "a check-in the day after planEnd", (p) => {
    p.tracking.push({ date: shiftIso(p.header.planEnd, 1), goalId: p.goals[0].id, actual: 1, note: "", coachFeedback: "", enteredBy: "" });
  }),
  mutate("GOAL_DUE_OUTSIDE_WINDOW", "a goal due the day after planEnd", (p) => {
    p.goals[0].dueDate = shiftIso(p.header.planEnd, 1);
  }),
  mutate("NUMBER_NOT_FINITE", "a target NaN", (p) => {
    p.goals[0].target = Number.NaN;
  }),
  mutate("NUMBER_NOT_FINITE", "a baseline Infinity", (p) => {
    p.goals[0].baseline = Number.POSITIVE_INFINITY;
  }),
  mutate("NUMBER_NOT_FINITE", "a weight that is a string", (p) => {
    // the workbook reader can build such a Plan from a text cell
    (p.goals[0] as { weight: unknown }).weight = "0.5";
  }),
  mutate("NUMBER_NOT_FINITE", "a tracking actual -Infinity", (p) => {
    ensureTracking(p);
    p.tracking[0].actual = Number.NEGATIVE_INFINITY;
  }),
  mutate("NUMBER_NOT_FINITE", "a gap target NaN", (p) => {
    p.gaps.push({ metric: "m", period: "", target: Number.NaN, actual: 1, unit: "", direction: "increase", benchmark: null, description: "" });
  }),
  mutate("TARGET_EQUALS_BASELINE", "target = baseline (progress method)", (p) => {
    p.goals[0].method = "progress";
    p.goals[0].target = p.goals[0].baseline;
  }),
  mutate("TARGET_WRONG_SIDE", "direction flipped", (p) => {
    p.goals[0].direction = p.goals[0].direction === "increase" ? "decrease" : "increase";
  }),
  mutate("RATIO_TARGET_NOT_POSITIVE", "ratio method, decrease to 0", (p) => {
    const g = p.goals[0];
    g.method = "ratio";
    g.direction = "decrease";
    g.baseline = Math.abs(g.baseline) + 1;
    g.target = 0;
  }),
  mutate("WEIGHTS_NOT_100", "a weight 0.01 too large", (p) => {
    p.goals[0].weight += 0.01;
  }),
  mutate("WEIGHTS_NOT_100", "a weight 1e-6 too small", (p) => {
    p.goals[0].weight -= 1e-6;
  }),
  mutate("GOAL_WITHOUT_ACTION", "a goal's actions removed", (p) => {
    const id = p.goals[0].id;
    p.actions = p.actions.filter((a) => a.goalId !== id);
  }),
  mutate("ACTION_WITHOUT_OWNER", "an action's owner blank", (p) => {
    p.actions[0].owner = "   ";
  }),
  mutate("REQUIRED_TEXT_MISSING", "an action's measure blank", (p) => {
    p.actions[0].measure = " ";
  }),
  mutate("TRACKING_UNKNOWN_GOAL", "a check-in for an unknown goal", (p) => {
    ensureTracking(p);
    p.tracking.push({ ...p.tracking[0], goalId: unusedId(p.goals.map((g) => g.id), "G-unknown") });
  }),
  mutate("ACTION_UNKNOWN_GOAL", "an extra action for an unknown goal", (p) => {
    p.actions.push({ ...p.actions[0], id: unusedId(p.actions.map((a) => a.id), "A-extra"), goalId: unusedId(p.goals.map((g) => g.id), "G-unknown") });
  }),
  mutate("CAUSE_UNKNOWN_GOAL", "an extra cause for an unknown goal", (p) => {
    p.causes.push({
      id: unusedId(p.causes.map((c) => c.id), "C-extra"),
      goalId: unusedId(p.goals.map((g) => g.id), "G-unknown"),
      factor: "external", category: null, description: "CRM 系统客户历史信息不完整",
      why: "", what: "", where: "", when: "", who: "", how: "", howMuch: "",
    });
  }),
  mutate("ACTION_UNKNOWN_CAUSE", "an action citing an unknown cause", (p) => {
    p.actions[0].causeId = unusedId(p.causes.map((c) => c.id), "C-unknown");
  }),
  mutate("DUPLICATE_ID", "an action copied with its id", (p) => {
    p.actions.push({ ...p.actions[0] });
  }),
  mutate("DUPLICATE_ID", "a cause copied with its id", (p) => {
    if (p.causes.length === 0) {
      p.causes.push({ id: "C1", goalId: p.goals[0].id, factor: "personal", category: null, description: "x", why: "", what: "", where: "", when: "", who: "", how: "", howMuch: "" });
    }
    p.causes.push({ ...p.causes[0] });
  }),
  mutate("SIGNOFF_MISSING", "tracking begun, manager's signature date cleared", (p) => {
    ensureTracking(p);
    p.signOff.find((s) => s.role === "manager")!.date = null;
  }),
  mutate("SIGNOFF_MISSING", "tracking begun, employee's sign-off row removed", (p) => {
    ensureTracking(p);
    p.signOff = p.signOff.filter((s) => s.role !== "employee");
  }),
  mutate("GOAL_NO_NUMBER", "a goal title without a number", (p) => {
    p.goals[0].title = "客户满意度达到部门平均水平";
  }),
  mutate("GOAL_NO_UNIT", "a goal without a unit", (p) => {
    p.goals[0].unit = "";
  }),
  mutate("PERCENT_IMPLAUSIBLE", "a % goal with a check-in of 66 (66 % meant, 6600 % stored)", (p) => {
    p.goals[0].unit = "%";
    p.tracking.push({ date: p.header.planStart, goalId: p.goals[0].id, actual: 66, note: "", coachFeedback: "", enteredBy: "" });
  }),
  mutate("GOAL_NO_DUE_DATE", "a goal without a due date", (p) => {
    p.goals[0].dueDate = null;
  }),
  mutate("GOAL_VAGUE_TITLE", "a goal titled 提升销售", (p) => {
    p.goals[0].title = "提升销售";
  }),
  mutate("GOAL_VAGUE_TITLE", "a goal titled Improve sales", (p) => {
    p.goals[0].title = "Improve sales";
  }),
  mutate("THRESHOLDS_INVALID", "atRisk above onTrack", (p) => {
    p.thresholds.atRisk = p.thresholds.onTrack + 0.1;
  }),
  mutate("THRESHOLDS_INVALID", "partiallyMet above met", (p) => {
    p.thresholds.partiallyMet = p.thresholds.met + 0.05;
  }),
  mutate("EXTENSION_WITHOUT_DATE", "decision extend without an extension end", (p) => {
    p.evaluation.decision = "extend";
    p.evaluation.extensionEnd = null;
  }),
  mutate("EXTENSION_NOT_AFTER_END", "extension end on planEnd", (p) => {
    p.evaluation.decision = "extend";
    p.evaluation.extensionEnd = p.header.planEnd;
  }),
  mutate("TEXT_XML_INVALID_CHAR", "an action measure holding Word's soft line break U+000B", (p) => {
    p.actions[0].measure = `${p.actions[0].measure}\u000Bsecond line`;
  }),
];
