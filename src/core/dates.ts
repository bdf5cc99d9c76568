/**
 * Calendar dates without clocks or time zones.
 * ISO strings ("2024-04-01") and Excel serials (1900 date system) are the only forms that cross module
 * boundaries. Internally a date is a day number: days since 1970-01-01, computed with Date.UTC so that
 * no local time zone is ever involved.
 */
import { group } from "./indexed";

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date, or null if the string is not a real calendar date (2027-02-29, 2024-13-01). */
export function isoToDay(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999
  return new Date(0).setUTCFullYear(y, mo - 1, d) / MS_PER_DAY;
}

export function isValidIsoDate(iso: string): boolean {
  return isoToDay(iso) !== null;
}

export function dayToIso(day: number): string {
  const dt = new Date(day * MS_PER_DAY);
  const y = dt.getUTCFullYear();
  const m = dt.getUTCMonth() + 1;
  const d = dt.getUTCDate();
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(y: number, month1: number): number {
  const days = MONTH_DAYS[month1 - 1];
  if (days === undefined) throw new RangeError(`a month is 1 to 12: ${month1}`);
  return month1 === 2 && isLeapYear(y) ? 29 : days;
}

/** Parse a date the caller knows is valid (validated plan); throws on garbage. */
export function dayOf(iso: string): number {
  const day = isoToDay(iso);
  if (day === null) throw new RangeError(`not a calendar date: ${iso}`);
  return day;
}

export function addDays(iso: string, n: number): string {
  return dayToIso(dayOf(iso) + n);
}

/** 0 = Monday … 6 = Sunday. 1970-01-01 (day 0) was a Thursday. */
export function isoWeekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** ISO 8601 week-numbering year and week (weeks start Monday; week 1 holds the year's first Thursday). */
export function isoWeek(iso: string): { year: number; week: number } {
  const day = dayOf(iso);
  const thursday = day - isoWeekday(day) + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = new Date(0).setUTCFullYear(year, 0, 1) / MS_PER_DAY;
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

// Excel's 1900 date system: serial 1 = 1900-01-01, serial 60 = the fictitious 1900-02-29 (Lotus 1-2-3's
// leap-year bug, kept by Excel), serial 61 = 1900-03-01. From 61 on, serial = days since 1899-12-30.
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30) / MS_PER_DAY;
export const FICTITIOUS_1900_02_29 = 60;

/** Excel serial of an ISO date (1900 date system). Dates before 1900-01-01 have no serial: null. */
export function isoToSerial(iso: string): number | null {
  const day = isoToDay(iso);
  if (day === null) return null;
  const sinceEpoch = day - EPOCH_1899_12_30;
  if (sinceEpoch >= 61) return sinceEpoch;
  // 1900-01-01 … 1900-02-28 come before the fictitious leap day: one lower than the day count
  return sinceEpoch >= 2 ? sinceEpoch - 1 : null;
}

/** ISO date of an Excel serial's day part; serial 60 (1900-02-29, which never existed) → null. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const whole = Math.floor(serial);
  if (whole === FICTITIOUS_1900_02_29) return null;
  const day = whole > FICTITIOUS_1900_02_29 ? whole + EPOCH_1899_12_30 : whole + EPOCH_1899_12_30 + 1;
  return dayToIso(day);
}

/**
 * A date as people type it, as ISO, or null when it is not one calendar date:
 * 2024-04-01 / 2024-4-1, 2024/4/1, 2024.4.1, 2024年4月1日 (spaces allowed around 年月日), and en-US 4/1/2024
 * (month first, a four-digit year). Full-width digits and separators (２０２４／４／１) count as their ASCII forms.
 * Pure: no clock, no locale; the caller says nothing about the order, so D/M/YYYY is never guessed
 * (13/4/2024 is null, not 13 April).
 */
export function parseUserDate(text: string): string | null {
  const t = text
    .normalize("NFKC")
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .trim();
  let y: string;
  let mo: string;
  let d: string;
  const ymd = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(t);
  const zh = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$/.exec(t);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (ymd) [y, mo, d] = [group(ymd, 1), group(ymd, 3), group(ymd, 4)];
  else if (zh) [y, mo, d] = [group(zh, 1), group(zh, 2), group(zh, 3)];
  else if (us) [y, mo, d] = [group(us, 3), group(us, 1), group(us, 2)];
  else return null;
  const iso = `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return isValidIsoDate(iso) ? iso : null;
}
