/** Numbers as the pane shows them, in the pane's language; an empty value (null) shows as a dash. */
import { isPercentUnit } from "../core/percent";
import type { UiLanguage } from "../i18n/ui";

const DASH = "—";

export function formatPercent(language: UiLanguage, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 }).format(value);
}

/** A percentage with every digit that matters (up to 10 after the point), so it reads as the checks' {sum} does. */
export function formatPercentExact(language: UiLanguage, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 10 }).format(Number(value.toPrecision(12)));
}

export function formatNumber(language: UiLanguage, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(language, { maximumFractionDigits: 4 }).format(value);
}

/** A change with its sign (+3.2 %, −1.5 %). */
export function formatSignedPercent(language: UiLanguage, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(value);
}

export function formatSignedNumber(language: UiLanguage, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(language, { maximumFractionDigits: 4, signDisplay: "exceptZero" }).format(value);
}

/** Today's date in the user's time zone, as ISO. The task pane may read the clock; the core may not. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A measured value with its unit; a "%" unit (and 百分比, "率 (%)") means the value is a fraction (0.03 → 3%). */
export function formatMeasure(language: UiLanguage, value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  if (isPercentUnit(unit)) return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 2 }).format(value);
  const number = formatNumber(language, value);
  return unit.trim() === "" ? number : `${number} ${unit.trim()}`;
}
