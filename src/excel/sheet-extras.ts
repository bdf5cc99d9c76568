/**
 * Writer steps beyond the declared tables: charts, rows that are not a table. One entry per step; the writer runs
 * a sheet's extras after its tables, in the same batches (before the sheet is protected).
 *
 * The Evaluation sheet's rows and charts (issue 4) plug in here: add `{ sheet: "evaluation", estimateBytes, queue }`
 * to SHEET_EXTRAS and implement `refreshEvaluationSheet`. Until then both are placeholders.
 */
import type { Language, Plan } from "../core/model";
import type { SheetKey, SheetNames } from "../workbook";

export interface SheetExtraContext {
  context: Excel.RequestContext;
  worksheet: Excel.Worksheet;
  plan: Plan;
  sheetNames: SheetNames;
  language: Language;
  asOf: string | null;
}

export interface SheetExtra {
  sheet: SheetKey;
  /** Estimated request bytes of `queue` (for packing batches under the 5 MB limit). */
  estimateBytes(plan: Plan): number;
  /** Queues the commands; never syncs. */
  queue(ctx: SheetExtraContext): void;
}

export const SHEET_EXTRAS: SheetExtra[] = [];

/** Rewrites the Evaluation sheet's rows and re-binds its charts (placeholder: nothing to refresh yet). */
export async function refreshEvaluationSheet(_context: Excel.RequestContext): Promise<void> {
  return;
}
