/**
 * The numbers of a plan, exactly as docs/FORMULAS.md defines them: per goal, per period, overall, check-ins.
 *
 * Pure: plain values in, plain values out; the "as of" date is a parameter, never the clock.
 * Robust: an invalid plan never makes these functions throw and never puts NaN or ±Infinity in the output —
 * a number that cannot be computed is `null` ("empty" in FORMULAS.md). Tracking entries whose actual is not a
 * finite number or whose date is not a calendar date are ignored everywhere (counted in `ignoredEntryCount`);
 * entries for an unknown goal id count only as check-ins. Entries dated after the "as of" date are left out of
 * everything — to-date values, periods, quarters, check-ins — so a review of an old plan shows that day's state
 * (counted in `afterAsOfEntryCount`; with an invalid asOf nothing is left out). Entries dated outside the plan window still count in
 * the to-date value (FORMULAS.md sums the goal's entries, not the window's) and in the cumulative values of
 * the periods after them, but in no period's own value.
 *
 * Speed: one pass over the tracking rows (dates parsed by hand, periods found by index arithmetic), then work
 * proportional to goals × periods.
 */
import { CADENCES, DEFAULT_THRESHOLDS, type Action, type ActionStatus, type Cadence, type Goal, type Plan, type TrackingEntry } from "./model";
import { daysInMonth, isoToDay } from "./dates";
import { at } from "./indexed";
import { civilToDay, gridIndexOf, periodGrid, type PeriodGrid, type PeriodKind } from "./periods";

export type { Period, PeriodKind } from "./periods";

export type GoalStatus = "on-track" | "at-risk" | "off-track" | "no-data" | "not-started";
export type OutcomeSuggestion = "met" | "partially-met" | "not-met";

/** The goal fields the formulas read. */
export type GoalFormulaFields = Pick<Goal, "baseline" | "target" | "direction" | "method">;

/** One goal's numbers in one period. */
export interface PeriodValue {
  /** 0-based position of the period in the plan's list of periods of this kind. */
  index: number;
  /** Period label: `2024-W14`, `2024-04-01 – 2024-04-14`, `2024-04` or `2024-Q2`. */
  label: string;
  /** First day of the period (ISO). */
  start: string;
  /** Last day of the period, inclusive (ISO). */
  end: string;
  /** Number of the goal's (valid) tracking entries dated inside the period. */
  entryCount: number;
  /** v_p: the goal's aggregation (sum / average / latest) over the entries in the period; null when none. */
  value: number | null;
  /** The goal's aggregation over all its entries dated ≤ period end (for sum goals: c_p); null when none. */
  cumulative: number | null;
  /** Attainment of `cumulative` (sum goals) or of `value` (average, latest); null when the period has no entry. */
  attainment: number | null;
  /** Progress (gap closed) of `cumulative` (sum goals) or of `value`; null when the period has no entry. */
  progress: number | null;
  /** Period-over-period change (v_p − v_{p−1}) / |v_{p−1}|; null for the first period, an empty one or v_{p−1} = 0. */
  change: number | null;
}

/** One goal's numbers as of the analysis date. */
export interface GoalAnalysis {
  /** The goal's id (`plan.goals[i].id`); goals are listed in plan order. */
  goalId: string;
  /** Number of valid tracking entries of this goal (any date). */
  entryCount: number;
  /** To-date value v: sum / average / latest of all the goal's entries; null when there is none. */
  toDate: number | null;
  /** Attainment of v: increase v/t, decrease (2t − v)/t; null when t = 0 or v is empty. */
  attainment: number | null;
  /** Progress (gap closed) (v − b)/(t − b); null when t = b or v is empty. */
  progress: number | null;
  /** The goal's score: attainment (method ratio) or progress (method progress). */
  score: number | null;
  /** Pace against the time elapsed (FORMULAS.md "Status"); null when not computable. */
  pace: number | null;
  /**
   * no-data: no entry, or pace not computable (t = 0, t = b, invalid window or asOf);
   * not-started: elapsed = 0; otherwise on-track / at-risk / off-track by the plan's thresholds.
   */
  status: GoalStatus;
  /** One row per period of the plan's cadence (weekly / biweekly / monthly), empty periods included. */
  periods: PeriodValue[];
  /** One row per calendar quarter of the plan window; `change` is quarter-over-quarter. */
  quarters: PeriodValue[];
}

/** One check-in slot of the plan's cadence. */
export interface CheckInSlot {
  /** 0-based position of the period. */
  index: number;
  /** Period label, as in `PeriodValue.label`. */
  label: string;
  /** First day of the period (ISO). */
  start: string;
  /** Last day of the period, inclusive (ISO). */
  end: string;
  /** At least one valid tracking entry (any goal) is dated inside the period. */
  held: boolean;
  /** The period has ended before asOf (end < asOf) and has no entry: a missed check-in. */
  overdue: boolean;
}

/** Check-in adherence over the plan's cadence periods. */
export interface CheckInSummary {
  /** The cadence the slots follow (the plan's `header.cadence`). */
  cadence: Cadence;
  /** Periods that have begun by asOf (start ≤ asOf). */
  planned: number;
  /** Planned periods with at least one tracking entry. */
  held: number;
  /** Periods that ended before asOf (end < asOf) with no entry. */
  missed: number;
  /** held / planned; null when planned = 0. */
  adherence: number | null;
  /** Every cadence period of the window, in order. */
  schedule: CheckInSlot[];
}

/** Everything `analyzePlan` computes. */
export interface PlanAnalysis {
  /** The analysis date, as given. */
  asOf: string;
  /** asOf ≥ planEnd: the numbers are the plan's final result. */
  isFinal: boolean;
  /** Elapsed fraction e of the plan window at asOf, clamped to [0, 1]; null when the window or asOf is invalid. */
  elapsed: number | null;
  /** One entry per plan goal, in plan order. */
  goals: GoalAnalysis[];
  /** Σ w·score / Σ w over the goals with a score; null when none (or Σ w = 0). */
  overallAttainment: number | null;
  /** Suggested outcome from overallAttainment and the plan's thresholds; null when overall is empty. */
  outcomeSuggestion: OutcomeSuggestion | null;
  /** Check-in adherence. */
  checkIns: CheckInSummary;
  /** Ids of actions with end < asOf whose status is neither done nor cancelled, in plan order. */
  overdueActions: string[];
  /** Tracking rows ignored because the actual is not a finite number or the date is not a calendar date. */
  ignoredEntryCount: number;
  /** Valid tracking rows whose goal id matches no goal (they count as check-ins only). */
  unknownGoalEntryCount: number;
  /** Valid tracking rows dated after asOf: left out of every number ("as of" means as of). */
  afterAsOfEntryCount: number;
}

export interface AnalyzeOptions {
  /** The "as of" date (ISO), usually today in the user's time zone; the core never reads the clock. */
  asOf: string;
}

const UNUSABLE_GOAL: Goal = {
  id: "",
  title: "",
  metric: "",
  unit: "",
  baseline: NaN,
  target: NaN,
  direction: "increase",
  aggregation: "sum",
  weight: NaN,
  dueDate: null,
  method: "ratio",
};

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function isNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/** Attainment (ratio): increase v/t, decrease (2t − v)/t; null when v is empty or t = 0. */
export function attainment(goal: Pick<Goal, "target" | "direction">, v: number | null): number | null {
  const t = goal.target;
  if (v === null || !isNumber(v) || !isNumber(t) || t === 0) return null;
  return finiteOrNull(goal.direction === "decrease" ? (2 * t - v) / t : v / t);
}

/** Progress (gap closed): (v − b)/(t − b) for both directions; null when v is empty or t = b. */
export function progress(goal: Pick<Goal, "baseline" | "target">, v: number | null): number | null {
  const t = goal.target;
  const b = goal.baseline;
  if (v === null || !isNumber(v) || !isNumber(t) || !isNumber(b) || t === b) return null;
  return finiteOrNull((v - b) / (t - b));
}

/** Score: attainment for method ratio, progress for method progress. */
export function score(goal: GoalFormulaFields, v: number | null): number | null {
  return goal.method === "progress" ? progress(goal, v) : attainment(goal, v);
}

/**
 * Pace against time elapsed e (0 < e ≤ 1): sum goals compare v with the expected x = t·e (increase v/x,
 * decrease (2x − v)/x); average and latest goals give progress(v)/e. Null when not computable.
 */
export function pace(goal: Pick<Goal, "baseline" | "target" | "direction" | "aggregation">, v: number | null, e: number | null): number | null {
  if (v === null || e === null || !isNumber(e) || e <= 0) return null;
  if (goal.aggregation === "sum") {
    const x = goal.target * e;
    if (!isNumber(x) || x === 0) return null;
    return finiteOrNull(goal.direction === "decrease" ? (2 * x - v) / x : v / x);
  }
  const p = progress(goal, v);
  return p === null ? null : finiteOrNull(p / e);
}

/** Elapsed fraction (asOf − planStart + 1)/(planEnd − planStart + 1) clamped to [0, 1]; null for an invalid window. */
export function elapsedFraction(planStart: string, planEnd: string, asOf: string): number | null {
  const s = isoToDay(planStart);
  const e = isoToDay(planEnd);
  const a = isoToDay(asOf);
  if (s === null || e === null || a === null || e < s) return null;
  return Math.min(1, Math.max(0, (a - s + 1) / (e - s + 1)));
}

/** Tracking entries in the shape `goalToDate` reads (a TrackingEntry fits). */
export type TrackingValue = Pick<TrackingEntry, "date" | "goalId" | "actual">;

/**
 * To-date value v of a goal over the entries with its id: sum Σ actual, average Σ actual / n, latest the actual
 * with the greatest date (ties → the later entry); null when n = 0. Invalid entries are ignored.
 */
export function goalToDate(goal: Pick<Goal, "id" | "aggregation">, entries: readonly TrackingValue[]): number | null {
  let n = 0;
  let sum = 0;
  let latestDay = -Infinity;
  let latest = 0;
  for (const entry of entries) {
    if (entry.goalId !== goal.id || !isNumber(entry.actual)) continue;
    const day = parseDateParts(entry.date);
    if (day === null) continue;
    n++;
    sum += entry.actual;
    if (day >= latestDay) {
      latestDay = day;
      latest = entry.actual;
    }
  }
  return n === 0 ? null : aggregate(goal.aggregation, n, sum, latest);
}

function aggregate(aggregation: Goal["aggregation"], n: number, sum: number, latest: number): number | null {
  if (n === 0) return null;
  if (aggregation === "average") return finiteOrNull(sum / n);
  if (aggregation === "latest") return latest;
  return finiteOrNull(sum);
}

// Parsed date of the row being read: set by parseDateParts, read right after (avoids an object per row).
let parsedYear = 0;
let parsedMonth = 0;

/**
 * Hand parser for `YYYY-MM-DD` with the rules of dates.ts isoToDay (real calendar dates only), without a regex
 * or a Date object: a million rows parse in tens of milliseconds. Returns the day number or null.
 */
function parseDateParts(iso: unknown): number | null {
  if (typeof iso !== "string" || iso.length !== 10) return null;
  if (iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  parsedYear = y;
  parsedMonth = m;
  return civilToDay(y, m, d);
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Per goal-id group and per period: count, sum and latest (day, value) of the entries. */
class Buckets {
  readonly count: Int32Array;
  readonly sum: Float64Array;
  readonly latestDay: Float64Array;
  readonly latest: Float64Array;
  constructor(size: number) {
    this.count = new Int32Array(size);
    this.sum = new Float64Array(size);
    this.latestDay = new Float64Array(size).fill(-Infinity);
    this.latest = new Float64Array(size);
  }
  add(k: number, day: number, actual: number): void {
    this.count[k] = at(this.count, k, "bucket count") + 1;
    this.sum[k] = at(this.sum, k, "bucket sum") + actual;
    // Rows arrive in row order, so ">=" makes the later row win a tie on the date.
    if (day >= at(this.latestDay, k, "bucket date")) {
      this.latestDay[k] = day;
      this.latest[k] = actual;
    }
  }
}

/** Per-period numbers of one goal from its group's buckets. */
function periodValues(
  goal: Goal,
  grid: PeriodGrid,
  buckets: Buckets,
  before: Buckets,
  group: number,
): PeriodValue[] {
  const n = grid.periods.length;
  const rows: PeriodValue[] = new Array(n);
  const isSum = goal.aggregation === "sum";
  let cumCount = group < 0 ? 0 : at(before.count, group, "entries before the periods");
  let cumSum = group < 0 ? 0 : at(before.sum, group, "sum before the periods");
  let cumLatest = group < 0 ? 0 : at(before.latest, group, "latest before the periods");
  let previous: number | null = null;
  for (let p = 0; p < n; p++) {
    const k = group * n + p;
    const count = group < 0 ? 0 : at(buckets.count, k, "period entries");
    let value: number | null = null;
    if (count > 0) {
      const sum = at(buckets.sum, k, "period sum");
      cumCount += count;
      cumSum += sum;
      // Periods are in date order, so a filled period's latest entry is also the latest so far.
      cumLatest = at(buckets.latest, k, "period latest");
      value = aggregate(goal.aggregation, count, sum, cumLatest);
    }
    const cumulative = aggregate(goal.aggregation, cumCount, cumSum, cumLatest);
    const measured = count > 0 ? (isSum ? cumulative : value) : null;
    const change =
      value !== null && previous !== null && previous !== 0 ? finiteOrNull((value - previous) / Math.abs(previous)) : null;
    const period = at(grid.periods, p, "period");
    rows[p] = {
      index: period.index,
      label: period.label,
      start: period.start,
      end: period.end,
      entryCount: count,
      value,
      cumulative,
      attainment: attainment(goal, measured),
      progress: progress(goal, measured),
      change,
    };
    previous = value;
  }
  return rows;
}

function threshold(value: unknown, fallback: number): number {
  return isNumber(value) ? value : fallback;
}

/** Status from pace: on-track when pace ≥ onTrack, at-risk when pace ≥ atRisk, else off-track. */
export function statusOf(
  entryCount: number,
  elapsed: number | null,
  goalPace: number | null,
  thresholds: { onTrack: number; atRisk: number },
): GoalStatus {
  if (entryCount === 0) return "no-data";
  if (elapsed === 0) return "not-started";
  if (goalPace === null) return "no-data";
  if (goalPace >= thresholds.onTrack) return "on-track";
  if (goalPace >= thresholds.atRisk) return "at-risk";
  return "off-track";
}

/** Outcome suggestion: overall ≥ met → met, ≥ partiallyMet → partially-met, else not-met; null when overall is empty. */
export function outcomeOf(overall: number | null, thresholds: { met: number; partiallyMet: number }): OutcomeSuggestion | null {
  if (overall === null) return null;
  if (overall >= thresholds.met) return "met";
  if (overall >= thresholds.partiallyMet) return "partially-met";
  return "not-met";
}

/**
 * Analyse a plan as of a date. Never throws; see the module comment for how invalid data is treated.
 * Goal periods follow the plan's cadence (weekly, biweekly or monthly); quarters are calendar quarters.
 */
export function analyzePlan(plan: Plan, options: AnalyzeOptions): PlanAnalysis {
  const asOf = typeof options?.asOf === "string" ? options.asOf : "";
  const header = plan?.header;
  const planStart = typeof header?.planStart === "string" ? header.planStart : "";
  const planEnd = typeof header?.planEnd === "string" ? header.planEnd : "";
  const cadence: Cadence = (CADENCES as readonly string[]).includes(header?.cadence) ? header.cadence : "weekly";
  // A goal row that is not even an object keeps its place (analysis.goals[i] belongs to plan.goals[i]) with every
  // number empty.
  const goals: Goal[] = Array.isArray(plan?.goals)
    ? plan.goals.map((g) => (g !== null && typeof g === "object" ? g : UNUSABLE_GOAL))
    : [];
  const tracking: TrackingEntry[] = Array.isArray(plan?.tracking) ? plan.tracking : [];
  const actions: Action[] = Array.isArray(plan?.actions) ? plan.actions : [];
  const t = plan?.thresholds;
  const thresholds = {
    onTrack: threshold(t?.onTrack, DEFAULT_THRESHOLDS.onTrack),
    atRisk: threshold(t?.atRisk, DEFAULT_THRESHOLDS.atRisk),
    met: threshold(t?.met, DEFAULT_THRESHOLDS.met),
    partiallyMet: threshold(t?.partiallyMet, DEFAULT_THRESHOLDS.partiallyMet),
  };

  const startDay = isoToDay(planStart);
  const endDay = isoToDay(planEnd);
  const asOfDay = isoToDay(asOf);
  const elapsed = elapsedFraction(planStart, planEnd, asOf);

  const cadenceGrid = periodGrid(planStart, planEnd, cadence as PeriodKind);
  const quarterGrid = periodGrid(planStart, planEnd, "quarterly");
  const nPeriods = cadenceGrid.periods.length;
  const nQuarters = quarterGrid.periods.length;
  const firstPeriodDay = nPeriods > 0 ? at(cadenceGrid.startDays, 0, "first period") : Infinity;
  const firstQuarterDay = nQuarters > 0 ? at(quarterGrid.startDays, 0, "first quarter") : Infinity;

  // Goals sharing an id share one group of entries (a duplicate id is a validation error, not a crash).
  const groupOf = new Map<string, number>();
  const goalGroup = goals.map((goal) => {
    if (goal === UNUSABLE_GOAL) return -1;
    const id = String(goal.id);
    let g = groupOf.get(id);
    if (g === undefined) {
      g = groupOf.size;
      groupOf.set(id, g);
    }
    return g;
  });
  const nGroups = groupOf.size;
  const toDate = new Buckets(nGroups);
  const byPeriod = new Buckets(nGroups * nPeriods);
  const beforePeriods = new Buckets(nGroups);
  const byQuarter = new Buckets(nGroups * nQuarters);
  const beforeQuarters = new Buckets(nGroups);
  const held = new Uint8Array(nPeriods);

  let ignoredEntryCount = 0;
  let unknownGoalEntryCount = 0;
  let afterAsOfEntryCount = 0;
  const lastCountedDay = asOfDay ?? Infinity;
  let lastGoalId: unknown = undefined;
  let lastGroup = -1;
  for (const entry of tracking) {
    const actual = entry?.actual;
    if (!entry || !isNumber(actual)) {
      ignoredEntryCount++;
      continue;
    }
    const day = parseDateParts(entry.date);
    if (day === null) {
      ignoredEntryCount++;
      continue;
    }
    if (day > lastCountedDay) {
      afterAsOfEntryCount++;
      continue;
    }
    const p = gridIndexOf(cadenceGrid, day, parsedYear, parsedMonth);
    if (p >= 0) held[p] = 1;
    const goalId = entry.goalId;
    if (goalId !== lastGoalId) {
      lastGoalId = goalId;
      lastGroup = groupOf.get(String(goalId)) ?? -1;
    }
    const g = lastGroup;
    if (g < 0) {
      unknownGoalEntryCount++;
      continue;
    }
    toDate.add(g, day, actual);
    if (p >= 0) byPeriod.add(g * nPeriods + p, day, actual);
    else if (day < firstPeriodDay) beforePeriods.add(g, day, actual);
    const q = gridIndexOf(quarterGrid, day, parsedYear, parsedMonth);
    if (q >= 0) byQuarter.add(g * nQuarters + q, day, actual);
    else if (day < firstQuarterDay) beforeQuarters.add(g, day, actual);
  }

  const goalAnalyses: GoalAnalysis[] = goals.map((goal, i) => {
    const g = at(goalGroup, i, "goal group");
    const entryCount = g < 0 ? 0 : at(toDate.count, g, "entries to date");
    const v = g < 0 ? null : aggregate(goal.aggregation, entryCount, at(toDate.sum, g, "sum to date"), at(toDate.latest, g, "latest to date"));
    const goalPace = elapsed !== null && elapsed > 0 ? pace(goal, v, elapsed) : null;
    return {
      goalId: String(goal.id),
      entryCount,
      toDate: v,
      attainment: attainment(goal, v),
      progress: progress(goal, v),
      score: score(goal, v),
      pace: goalPace,
      status: statusOf(entryCount, elapsed, goalPace, thresholds),
      periods: periodValues(goal, cadenceGrid, byPeriod, beforePeriods, g),
      quarters: periodValues(goal, quarterGrid, byQuarter, beforeQuarters, g),
    };
  });

  let weighted = 0;
  let weights = 0;
  goalAnalyses.forEach((analysis, i) => {
    const w = goals[i]?.weight;
    if (analysis.score === null || !isNumber(w)) return;
    weighted += w * analysis.score;
    weights += w;
  });
  const overallAttainment = weights !== 0 ? finiteOrNull(weighted / weights) : null;

  const schedule: CheckInSlot[] = cadenceGrid.periods.map((period, p) => ({
    index: period.index,
    label: period.label,
    start: period.start,
    end: period.end,
    held: held[p] === 1,
    overdue: asOfDay !== null && at(cadenceGrid.endDays, p, "period end") < asOfDay && held[p] === 0,
  }));
  let planned = 0;
  let heldCount = 0;
  let missed = 0;
  if (asOfDay !== null) {
    for (let p = 0; p < nPeriods; p++) {
      if (at(cadenceGrid.startDays, p, "period start") <= asOfDay) {
        planned++;
        if (held[p] === 1) heldCount++;
      }
      if (at(schedule, p, "check-in slot").overdue) missed++;
    }
  }

  const closed: readonly ActionStatus[] = ["done", "cancelled"];
  const overdueActions: string[] = [];
  if (asOfDay !== null) {
    for (const action of actions) {
      const end = typeof action?.end === "string" ? isoToDay(action.end) : null;
      if (end !== null && end < asOfDay && !closed.includes(action.status)) overdueActions.push(String(action.id));
    }
  }

  return {
    asOf,
    isFinal: asOfDay !== null && endDay !== null && startDay !== null && asOfDay >= endDay,
    elapsed,
    goals: goalAnalyses,
    overallAttainment,
    outcomeSuggestion: outcomeOf(overallAttainment, thresholds),
    checkIns: {
      cadence,
      planned,
      held: heldCount,
      missed,
      adherence: planned > 0 ? heldCount / planned : null,
      schedule,
    },
    overdueActions,
    ignoredEntryCount,
    unknownGoalEntryCount,
    afterAsOfEntryCount,
  };
}
