/**
 * Writer steps beyond the declared tables: charts, rows that are not a table. The writer asks each extra for its
 * steps (each with its estimated request bytes) and packs them with its own into batches under the request limit,
 * after the sheet's tables and before the sheet is protected. Steps queue commands; they never sync.
 *
 * The Evaluation sheet's derived rows and charts (src/excel/evaluation.ts) are the one extra today.
 */
import type { Language, Plan } from "../core/model";
import type { SheetKey, SheetNames } from "../workbook";
import { evaluationSteps } from "./evaluation";

/** A chart already on a sheet (name and number of series), so an extra re-binds it instead of adding it twice. */
export interface ExistingChartInfo {
  name: string;
  seriesCount: number;
}

export interface SheetExtraInput {
  plan: Plan;
  language: Language;
  sheetNames: SheetNames;
  /** Charts on the sheet before this write; null for a sheet created by this write. */
  existingCharts: ExistingChartInfo[] | null;
}

export interface SheetExtraStep {
  /** Estimated request bytes of `run` (for packing batches under the 5 MB limit). */
  bytes: number;
  /** Queues the commands on the (unprotected) worksheet. */
  run(worksheet: Excel.Worksheet): void;
  /** Clears what the extra wrote before: run first, before any table of the workbook is rewritten. */
  clears?: true;
}

export interface SheetExtra {
  sheet: SheetKey;
  steps(input: SheetExtraInput): SheetExtraStep[];
}

export const SHEET_EXTRAS: SheetExtra[] = [
  { sheet: "evaluation", steps: (input) => evaluationSteps(input.plan, input.language, input.sheetNames, input.existingCharts) },
];
