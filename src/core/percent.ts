/**
 * Percent numbers as Excel takes them. A "%" goal keeps fractions in the model (0.62 = 62 %), as the workbook's
 * percent number format does, while people type 62, 62 % or 0.62 for the same rate (DOMAIN.md, "How people type
 * numbers").
 *
 * The one rule (`parsePercentText`):
 * - with a percent sign ("62%", "62 %", "62％") the number is divided by 100: 62 % → 0.62, 0.5 % → 0.005;
 * - without one, a number whose absolute value is 1 or more is a percentage (62 → 0.62, 100 → 1, 150 → 1.5) and a
 *   number below 1 is already a fraction (0.62 → 0.62).
 * This follows Excel's entry into a cell formatted as Percentage: a whole number typed there is taken as a
 * percentage (32 → 32.00 %) and ".32" as the fraction (32.00 %); Microsoft KB Q138821 "XL: Number Not Formatted as
 * Expected with Percentage Format" gives the table, and the Application.AutoPercentEntry property
 * (learn.microsoft.com/office/vba/api/excel.application.autopercententry) is the switch behind it. Unlike
 * Excel 97's quirk in that KB (0.32 with a leading zero → 0.32 %), every number below 1 is a fraction here, so
 * 0.62 and .62 agree. "1" is 1 %, not 100 %: type "100" or "100 %" for a whole.
 *
 * Pure: no Office, no React, no clock.
 */
import type { Aggregation } from "./model";

export type ParsedPercent = { ok: true; value: number | null } | { ok: false; reason?: "decimalComma" | "notNumber" };

const PERCENT_SIGN = /[%％]\s*$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Is a unit a percentage unit: "%", "％", "百分比", or a unit with a percent sign in it ("率 (%)", "% of calls")? */
export function isPercentUnit(unit: string | null | undefined): boolean {
  if (typeof unit !== "string") return false;
  const u = unit.trim();
  return /[%％]/.test(u) || u === "百分比" || u === "百分点";
}

/**
 * Text typed for a number, made plain — or why it is not a number: full-width characters as a Chinese input method
 * in full-width mode types them (４．５, ６２％, －3: Unicode NFKC), the minus sign, spaces and grouping commas
 * dropped. A comma is a grouping comma only between groups of three digits before any decimal point (1,234 and
 * 1,234.5); "4,5", "3,2" or "1.234,5" — a decimal comma, as much of Europe types it — is refused, not read as 45
 * (it was, and 3,5 % became 35 %).
 */
export function plainNumberText(text: string): { ok: true; text: string } | { ok: false; reason: "decimalComma" | "notNumber" } {
  const spaced = text.normalize("NFKC").trim().replace(/[\s\u00a0]/g, "").replace(/^[−\u2212]/, "-");
  if (!spaced.includes(",")) return { ok: true, text: spaced };
  const [whole = "", ...fraction] = spaced.split(".");
  if (fraction.length <= 1 && /^[-+]?\d{1,3}(,\d{3})+$/.test(whole) && !(fraction[0] ?? "").includes(",")) return { ok: true, text: spaced.replace(/,/g, "") };
  return { ok: false, reason: /\d,\d/.test(spaced) ? "decimalComma" : "notNumber" };
}

/** Text typed for a percentage → the fraction the model keeps (see the rule above); "" is empty (null). */
export function parsePercentText(text: string): ParsedPercent {
  const plain = plainNumberText(text);
  if (!plain.ok) return { ok: false, reason: plain.reason };
  let cleaned = plain.text;
  if (cleaned === "") return { ok: true, value: null };
  const hasSign = PERCENT_SIGN.test(cleaned);
  if (hasSign) cleaned = cleaned.replace(/[%％]$/, "");
  if (!NUMBER.test(cleaned)) return { ok: false };
  const typed = Number(cleaned);
  if (!Number.isFinite(typed)) return { ok: false };
  const fraction = hasSign || Math.abs(typed) >= 1 ? typed / 100 : typed;
  return { ok: true, value: cleanFloat(fraction) };
}

/**
 * The number a fraction shows as beside a "%" suffix: 0.62 → "62"; below 1 % with its sign, 0.005 → "0.5%", since
 * "0.5" typed again would be the fraction 0.5 = 50 % by the rule above (a field shown and left again changed 0.5 %
 * into 50 %).
 */
export function percentToText(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return "";
  const percent = cleanFloat(fraction * 100);
  return percent !== 0 && Math.abs(percent) < 1 ? `${percent}%` : String(percent);
}

/**
 * A stored "%" value above this (150 %) or below its negative is not a plausible rate: almost always a
 * percentage typed where a fraction was expected (62 stored for 62 % shows as 6200 %).
 */
export const PERCENT_PLAUSIBLE_MAX = 1.5;

export function isPlausiblePercent(stored: number): boolean {
  return Math.abs(stored) <= PERCENT_PLAUSIBLE_MAX;
}

/** How a goal's check-ins combine by default: rates average (66 % and 70 % make 68 %, not 136 %), amounts add up. */
export function defaultAggregation(unit: string): Aggregation {
  return isPercentUnit(unit) ? "average" : "sum";
}

/**
 * A number typed before its unit changed, read again under the new unit as the same text: a goal typed 62 and
 * then given the unit "%" keeps 0.62 (the rule above); one turned from "%" to "points" keeps the 62 it showed.
 */
export function valueForUnitChange(value: number, fromUnit: string, toUnit: string): number {
  if (!Number.isFinite(value)) return value;
  const wasPercent = isPercentUnit(fromUnit);
  const isPercent = isPercentUnit(toUnit);
  if (!wasPercent && isPercent) {
    const read = parsePercentText(String(value));
    return read.ok && read.value !== null ? read.value : value;
  }
  if (wasPercent && !isPercent) return cleanFloat(value * 100);
  return value;
}

/** Removes binary noise (0.07 * 100 = 7.000000000000001 → 7). */
function cleanFloat(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}
