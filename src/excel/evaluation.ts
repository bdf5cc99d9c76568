/**
 * The Evaluation sheet's as-of refresh (behind WorkbookPort.refreshEvaluation, given the plan the reader just
 * read): loads the sheet's charts and protection (1 sync), rewrites the sheet's plain ranges for the current
 * periods and re-binds its charts (1 sync per 4 MB of requests), with the steps every write uses for them
 * (the writer's `derivedSteps`: the layout's derived tables of src/workbook/sheets/evaluation.ts, written by
 * src/excel/ranges.ts, and the charts of src/excel/charts.ts).
 */
import type { Language, Plan } from "../core/model";
import { LAYOUT, SHEETS, defaultSheetNames, type SheetNames } from "../workbook";
import { loadExistingCharts } from "./charts";
import { packSteps, DEFAULT_MAX_BATCH_BYTES } from "./write/budget";
import { derivedSteps } from "./writer";

export interface RefreshReport {
  /** context.sync() calls made: the chart load, then one per batch (2 for a plan under 4 MB). */
  syncs: number;
  /** Charts on the sheet after the refresh, by name. */
  charts: string[];
}

/** The worksheet name of each layout sheet as the workbook has it now (found by its tables), else the default. */
function currentSheetNames(tables: Record<string, string>, language: Language): SheetNames {
  const names = defaultSheetNames(language);
  for (const sheet of SHEETS) {
    const holder = sheet.tables.map((t) => tables[t.name]).find((n) => n !== undefined);
    if (holder !== undefined) names[sheet.key] = holder;
  }
  return names;
}

/** What a refresh works from: the plan as read from the workbook and where its tables are now. */
export interface EvaluationSource {
  plan: Plan;
  /** PIP table name → the worksheet holding it (the reader's snapshot.tables). */
  tables: Record<string, string>;
  /** Upper bound of the estimated request bytes per sync (default 4,000,000). */
  maxBatchBytes?: number;
}

/**
 * Rewrites the Evaluation sheet's rows for the plan's current periods and re-binds its charts by name, adding the
 * missing ones and deleting those of goals no longer in the plan. A protected sheet is unprotected for the
 * rewrite and protected again with its options.
 */
export async function refreshEvaluation(context: Excel.RequestContext, source: EvaluationSource): Promise<RefreshReport> {
  let syncs = 0;
  const { plan, tables } = source;
  const language: Language = plan.header?.language === "en-US" ? "en-US" : "zh-CN";
  const sheetNames = currentSheetNames(tables, language);
  const sheet = LAYOUT.sheets.get("evaluation")!;
  const ws = context.workbook.worksheets.getItem(sheetNames.evaluation);
  const existing = loadExistingCharts(ws);
  const protection = ws.protection;
  protection.load("protected,options");
  await context.sync();
  syncs++;
  const wasProtected = protection.protected;
  const protectionOptions = protection.options;
  if (wasProtected) protection.unprotect();
  const batches = packSteps(derivedSteps(() => ws, sheet, plan, language, sheetNames, existing(), true), source.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES);
  for (const batch of batches) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const step of batch) step.run();
    // One sync per batch under the request-size limit: the loop runs once for a plan under 4 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
  }
  // Not suspended: after suspendApiCalculationUntilNextSync "it is the developer's responsibility to re-calc the
  // workbook" (Excel.Application, ExcelApi 1.6), so the new period rows show computed values, not stale ones.
  context.application.calculate("Recalculate" as Excel.CalculationType);
  if (wasProtected) protection.protect(protectionOptions);
  const after = ws.charts;
  after.load("items/name");
  await context.sync();
  syncs++;
  return { syncs, charts: after.items.map((c) => c.name) };
}
