/**
 * Reporting periods of a plan window (docs/FORMULAS.md, "Per period").
 *
 * Every period of the window is listed, empty ones too, as whole calendar periods: the first weekly period is
 * the ISO week holding planStart (it may begin before planStart), the last quarterly period is the quarter
 * holding planEnd (it may end after planEnd), and biweekly blocks are [start + 14k, start + 14k + 13] with
 * the last one possibly reaching past planEnd. Consecutive periods touch: no gaps, no overlaps.
 *
 * Dates cross this module's boundary as ISO strings; inside, they are day numbers (src/core/dates.ts).
 */
import { dayToIso, daysInMonth, isoToDay, isoWeekday } from "./dates";
import { at } from "./indexed";

export const PERIOD_KINDS = ["weekly", "biweekly", "monthly", "quarterly"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** One reporting period. */
export interface Period {
  /** 0-based position in the plan's list of periods of this kind. */
  index: number;
  /** `2024-W14` (weekly), `2024-04-01 – 2024-04-14` (biweekly), `2024-04` (monthly), `2024-Q2` (quarterly). */
  label: string;
  /** First day of the period, ISO `YYYY-MM-DD`. */
  start: string;
  /** Last day of the period (inclusive), ISO `YYYY-MM-DD`. */
  end: string;
}

/** The periods as day numbers, for index arithmetic in hot loops (see `periodGrid`). */
export interface PeriodGrid {
  kind: PeriodKind;
  periods: Period[];
  /** Day number of each period's first day. */
  startDays: Int32Array;
  /** Day number of each period's last day. */
  endDays: Int32Array;
  /** weekly/biweekly: day number of period 0's first day; monthly/quarterly: `firstMonthOrQuarter` below. */
  origin: number;
}

// Howard Hinnant's days_from_civil: proleptic Gregorian date → days since 1970-01-01, no Date object.
// It agrees with dates.ts isoToDay for every valid date (tested); used where millions of rows are parsed.
export function civilToDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar year and month (1-12) of a day number. */
export function dayToYearMonth(day: number): { year: number; month: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** ISO week label of the week starting on Monday `monday` (the week belongs to the year of its Thursday). */
function isoWeekLabel(monday: number): string {
  const thursday = monday + 3;
  const { year } = dayToYearMonth(thursday);
  const week = Math.floor((thursday - civilToDay(year, 1, 1)) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

/**
 * The grid behind `planPeriods`. Empty when planStart or planEnd is not a calendar date or planEnd < planStart.
 */
export function periodGrid(planStart: string, planEnd: string, kind: PeriodKind): PeriodGrid {
  const startDay = isoToDay(planStart);
  const endDay = isoToDay(planEnd);
  const startDays: number[] = [];
  const endDays: number[] = [];
  const labels: string[] = [];
  let origin = 0;
  if (startDay !== null && endDay !== null && endDay >= startDay) {
    if (kind === "weekly" || kind === "biweekly") {
      const length = kind === "weekly" ? 7 : 14;
      origin = kind === "weekly" ? startDay - isoWeekday(startDay) : startDay;
      for (let s = origin; s <= endDay; s += length) {
        startDays.push(s);
        endDays.push(s + length - 1);
        labels.push(kind === "weekly" ? isoWeekLabel(s) : `${dayToIso(s)} – ${dayToIso(s + length - 1)}`);
      }
    } else {
      const months = kind === "monthly" ? 1 : 3;
      const first = dayToYearMonth(startDay);
      const last = dayToYearMonth(endDay);
      // Count in months since year 0 so that monthly and quarterly share one loop.
      const firstSlot = Math.floor((first.year * 12 + first.month - 1) / months);
      const lastSlot = Math.floor((last.year * 12 + last.month - 1) / months);
      origin = firstSlot;
      for (let slot = firstSlot; slot <= lastSlot; slot++) {
        const year = Math.floor((slot * months) / 12);
        const month = ((slot * months) % 12) + 1;
        const s = civilToDay(year, month, 1);
        let e = s - 1;
        for (let k = 0; k < months; k++) e += daysInMonth(year, month + k);
        startDays.push(s);
        endDays.push(e);
        labels.push(kind === "monthly" ? `${pad(year, 4)}-${pad(month, 2)}` : `${pad(year, 4)}-Q${(month + 2) / 3}`);
      }
    }
  }
  const periods = labels.map((label, index) => ({
    index,
    label,
    start: dayToIso(at(startDays, index, "period start")),
    end: dayToIso(at(endDays, index, "period end")),
  }));
  return { kind, periods, startDays: Int32Array.from(startDays), endDays: Int32Array.from(endDays), origin };
}

/** Every period of kind `kind` covering [planStart, planEnd]; [] when the window is not valid. */
export function planPeriods(planStart: string, planEnd: string, kind: PeriodKind): Period[] {
  return periodGrid(planStart, planEnd, kind).periods;
}

/**
 * Index of the grid period holding a day given as day number plus its calendar year and month, or -1.
 * O(1): weekly/biweekly by division, monthly/quarterly by month arithmetic.
 */
export function gridIndexOf(grid: PeriodGrid, day: number, year: number, month: number): number {
  const n = grid.startDays.length;
  if (n === 0) return -1;
  let i: number;
  switch (grid.kind) {
    case "weekly":
      i = Math.floor((day - grid.origin) / 7);
      break;
    case "biweekly":
      i = Math.floor((day - grid.origin) / 14);
      break;
    case "monthly":
      i = year * 12 + month - 1 - grid.origin;
      break;
    case "quarterly":
      i = Math.floor((year * 12 + month - 1) / 3) - grid.origin;
      break;
  }
  return i >= 0 && i < n ? i : -1;
}

const startDayCache = new WeakMap<readonly Period[], Int32Array>();

function startDaysOf(periods: readonly Period[]): Int32Array {
  let days = startDayCache.get(periods);
  if (!days || days.length !== periods.length) {
    days = Int32Array.from(periods, (p) => isoToDay(p.start) ?? 0);
    startDayCache.set(periods, days);
  }
  return days;
}

/**
 * Index of the period holding `isoDate`, or -1 when the date is not a calendar date or lies outside every period.
 * `periods` must be consecutive and sorted, as `planPeriods` returns them; their day numbers are cached per array.
 */
export function periodIndexOf(periods: readonly Period[], isoDate: string): number {
  const day = isoToDay(isoDate);
  if (day === null || periods.length === 0) return -1;
  const starts = startDaysOf(periods);
  if (day < at(starts, 0, "first period start")) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (at(starts, mid, "period start") <= day) lo = mid;
    else hi = mid - 1;
  }
  if (lo === starts.length - 1) {
    const lastEnd = isoToDay(at(periods, lo, "last period").end);
    if (lastEnd === null || day > lastEnd) return -1;
  }
  return lo;
}
