/** What the self-test (src/excel/self-test.ts) takes and reports — the task pane's Diagnostics shows it. Types only. */
import type { Language, Plan } from "../core/model";

export type SelfTestCheckKey = "blankWorkbook" | "write" | "readBack" | "formulaErrors" | "numbers" | "validation" | "charts" | "cleanup";

/** One thing that was not as expected, with its place. */
export interface SelfTestProblem {
  /** "Goals!K5", or "" when the problem has no cell. */
  place: string;
  /** What was compared, in the workbook's language ("G1 · 达成率"). */
  subject: string;
  expected: string;
  actual: string;
}

export interface SelfTestCheck {
  key: SelfTestCheckKey;
  passed: boolean;
  /** How many items the check compared (cells, rules, charts, sheets). */
  checked: number;
  /** The first problems (at most MAX_PROBLEMS); `problemCount` says how many there were. */
  problems: SelfTestProblem[];
  problemCount: number;
}

export interface SelfTestHost {
  /** Office.context.diagnostics.host ("Excel"), or what the caller says (the preview: "in-memory Excel"). */
  host: string | null;
  /** Office.context.diagnostics.platform ("PC", "Mac", "OfficeOnline", "iOS"). */
  platform: string | null;
  /** Office.context.diagnostics.version ("16.0.17928.20114"). */
  version: string | null;
  /** Office.context.displayLanguage. */
  displayLanguage: string | null;
}

export interface SelfTestReport {
  /** "notRun": the workbook holds a plan (or cannot be changed); nothing was written. */
  status: "passed" | "failed" | "notRun";
  /** ISO timestamp of the start. */
  startedAt: string;
  durationMs: number;
  host: SelfTestHost;
  /** ExcelApi versions the host supports (isSetSupported), null outside Office. */
  excelApi: string[] | null;
  /** The language the example was written in. */
  language: Language;
  asOf: string;
  checks: SelfTestCheck[];
}

export interface SelfTestOptions {
  /** The plan to write (default: examples/sales-q2-2024.plan.json, DOMAIN.md's worked example). */
  plan?: Plan;
  /** Workbook language (default: the plan's). */
  language?: Language;
  /** The as-of date the workbook and the core compute for (default SELF_TEST_AS_OF, inside the example's window). */
  asOf?: string;
  /** Host description (default: Office.context.diagnostics). */
  host?: SelfTestHost;
  /** Requirement-set check (default: Office.context.requirements.isSetSupported; none outside Office). */
  supports?: ((set: string, version: string) => boolean) | null;
  /** Milliseconds since the epoch (default Date.now). */
  now?: () => number;
}
