/** Text typed into a form field → model values. Pure, so the rules are unit-tested apart from React. */
import { parseUserDate } from "../../core/dates";
import { plainNumberText } from "../../core/percent";

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; reason?: "decimalComma" | "notNumber" };

/** "1,234.5", "1 234.5" and "４．５" are numbers; "" is empty (null); "4,5" and anything else is not a number. */
export function parseNumberText(text: string, scale = 1): ParsedNumber {
  // full-width digits, grouping commas and a decimal comma as the percent rule reads them (core/percent.ts)
  const plain = plainNumberText(text);
  if (!plain.ok) return { ok: false, reason: plain.reason };
  const cleaned = plain.text;
  if (cleaned === "") return { ok: true, value: null };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return { ok: false };
  const shown = Number(cleaned);
  if (!Number.isFinite(shown)) return { ok: false };
  return { ok: true, value: scale === 1 ? shown : roundFloat(shown / scale) };
}

/** The text a number shows as (percent weights: 0.6 → "60"). */
export function numberToText(value: number | null, scale = 1): string {
  if (value === null || !Number.isFinite(value)) return "";
  return String(scale === 1 ? value : roundFloat(value * scale));
}

/** Removes binary noise from a scaled number (0.07 * 100 = 7.000000000000001 → 7). */
function roundFloat(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}

/** A date in one of the forms people type (2026-04-01, 2026/4/1, 2026年4月1日, 4/1/2026). */
export function isDateText(text: string): boolean {
  return parseUserDate(text) !== null;
}
