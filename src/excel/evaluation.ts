/**
 * Writes the Evaluation sheet's derived part (src/workbook/sheets/evaluation.ts declares it): the summary block,
 * status by goal, the quarterly table, the period table — constants and live formulas in one 2-D `formulas`
 * assignment per block, number formats first — and the charts over them.
 *
 * Two entries:
 * - `queueEvaluation` queues everything into the writer's batch (no sync of its own); it plugs into the writer as
 *   `evaluationExtra` (src/excel/sheet-extras.ts SHEET_EXTRAS). Charts already on the sheet are re-bound when the
 *   caller says which exist (`existingCharts`), otherwise they are added.
 * - `refreshEvaluationSheet` (WorkbookPort.refreshEvaluation): reads the plan (the reader, 1 sync), loads the
 *   sheet's charts and protection (1 sync), rewrites the rows for the current periods and re-binds the charts
 *   (1 sync).
 *
 * The derived blocks are plain ranges, not Excel tables, so that a rewrite with another number of periods needs
 * no table resize (ExcelApi 1.13) and clearing the area is enough.
 */
import type { Language, Plan } from "../core/model";
import { LAYOUT, SHEETS, defaultSheetNames, type SheetNames } from "../workbook";
import { columnLetter } from "../workbook/layout";
import { evaluationContent, type EvaluationContent, type EvaluationTableContent } from "../workbook/sheets/evaluation";
import { loadExistingCharts, queueCharts, type ExistingChart } from "./charts";
import { readPlan } from "./reader";

/** What `queueEvaluation` needs; the writer's SheetExtraContext plus, optionally, the charts already there. */
export interface EvaluationWriteInput {
  context: Excel.RequestContext;
  worksheet: Excel.Worksheet;
  plan: Plan;
  sheetNames: SheetNames;
  language: Language;
  asOf?: string | null;
  /** Charts on the worksheet before this write (from `loadExistingCharts`); absent or null: none. */
  existingCharts?: readonly ExistingChart[] | null;
}

/** Points per character of the declared widths (the writer's measure, so the sheets look alike). */
const POINTS_PER_CHAR = 6;
/** The last row a derived block may reach; a rewrite clears down to here. */
const LAST_ROW = 1_048_576;

const STYLE = {
  headerFill: "#D9E1F2",
  headerFont: "#1F3864",
  formulaFill: "#F2F2F2",
  chartDataFont: "#808080",
};

const encoder = new TextEncoder();

/** Estimated request bytes of `queueEvaluation` for a plan (for packing the writer's batches under 5 MB). */
export function estimateEvaluationBytes(plan: Plan, language: Language = "zh-CN"): number {
  const content = evaluationContent(plan, { lang: language, names: defaultSheetNames(language), layout: LAYOUT });
  const tables = content.tables.reduce((sum, t) => sum + encoder.encode(JSON.stringify([t.headers, t.rows, t.numberFormats])).length, 0);
  const charts = encoder.encode(JSON.stringify(content.charts)).length * 3;
  return tables + charts + 4_000;
}

function blockAddress(t: EvaluationTableContent, lastRow: number): string {
  return `${columnLetter(t.firstCol)}${t.headerRow}:${columnLetter(t.firstCol + t.headers.length - 1)}${lastRow}`;
}

/** The rows below the header of each derived block, down to the sheet's end (what a rewrite clears). */
function derivedAreas(content: EvaluationContent): string[] {
  const s = content.summary;
  const areas = [`${columnLetter(s.col)}${s.firstRow}:${columnLetter(s.col + 1)}${s.firstRow + s.labels.length - 1}`];
  for (const t of content.tables) areas.push(blockAddress(t, LAST_ROW));
  return areas;
}

function queueTable(ws: Excel.Worksheet, t: EvaluationTableContent): void {
  const last = t.headerRow + t.rows.length;
  const header = ws.getRange(blockAddress(t, t.headerRow));
  header.numberFormat = [t.headers.map(() => "@")];
  header.values = [t.headers];
  header.format.font.bold = true;
  header.format.font.color = STYLE.headerFont;
  header.format.fill.color = STYLE.headerFill;
  header.format.wrapText = true;
  t.widths.forEach((chars, i) => {
    const letter = columnLetter(t.firstCol + i);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = Math.round(chars * POINTS_PER_CHAR);
  });
  if (t.rows.length === 0) return;
  const body = ws.getRange(`${columnLetter(t.firstCol)}${t.headerRow + 1}:${columnLetter(t.firstCol + t.headers.length - 1)}${last}`);
  body.numberFormat = t.numberFormats;
  body.formulas = t.rows;
  // Formula columns shaded as on the other sheets; chart data (#N/A for gaps) in grey.
  t.rows[0].forEach((first, i) => {
    if (typeof first !== "string" || !first.startsWith("=")) return;
    const letter = columnLetter(t.firstCol + i);
    const column = ws.getRange(`${letter}${t.headerRow + 1}:${letter}${last}`);
    column.format.fill.color = STYLE.formulaFill;
    if (t.chartDataColumns.includes(i)) column.format.font.color = STYLE.chartDataFont;
  });
}

/** Queues the Evaluation sheet's derived rows and its charts. Never syncs; the sheet must be unprotected. */
export function queueEvaluation(input: EvaluationWriteInput): void {
  const { worksheet: ws, plan, sheetNames, language } = input;
  const content = evaluationContent(plan, { lang: language, names: sheetNames, layout: LAYOUT });
  for (const area of derivedAreas(content)) ws.getRange(area).clear("All" as Excel.ClearApplyTo);

  const s = content.summary;
  const labels = ws.getRange(`${columnLetter(s.col)}${s.firstRow}:${columnLetter(s.col)}${s.firstRow + s.labels.length - 1}`);
  labels.numberFormat = s.labels.map(() => ["@"]);
  labels.values = s.labels.map((l) => [l]);
  labels.format.font.bold = true;
  const values = ws.getRange(`${columnLetter(s.col + 1)}${s.firstRow}:${columnLetter(s.col + 1)}${s.firstRow + s.labels.length - 1}`);
  values.numberFormat = s.numberFormats.map((f) => [f]);
  values.formulas = s.formulas.map((f) => [f]);
  values.format.fill.color = STYLE.formulaFill;
  values.format.horizontalAlignment = "Right" as Excel.HorizontalAlignment;

  for (const t of content.tables) queueTable(ws, t);
  queueCharts(ws, content.charts, input.existingCharts ?? null);
}

/** The writer's extra step for the Evaluation sheet (SheetExtra in src/excel/sheet-extras.ts). */
export const evaluationExtra = {
  sheet: "evaluation" as const,
  estimateBytes: (plan: Plan) => estimateEvaluationBytes(plan, plan?.header?.language === "en-US" ? "en-US" : "zh-CN"),
  queue: (input: EvaluationWriteInput) => queueEvaluation(input),
};

export interface RefreshReport {
  /** context.sync() calls made (3 when the workbook holds a plan, 1 when it holds none). */
  syncs: number;
  /** Whether a PIP plan was found and its Evaluation sheet rewritten. */
  refreshed: boolean;
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

/**
 * Rewrites the Evaluation sheet's rows for the plan's current periods and re-binds its charts by name
 * (WorkbookPort.refreshEvaluation). `plan` skips the read when the caller has just read it.
 */
export async function refreshEvaluationSheet(context: Excel.RequestContext, options: { plan?: Plan; tables?: Record<string, string> } = {}): Promise<RefreshReport> {
  let syncs = 0;
  let plan = options.plan ?? null;
  let tables = options.tables ?? null;
  if (!plan || !tables) {
    const read = await readPlan(context, { validate: false });
    syncs += read.syncs;
    plan = plan ?? read.plan;
    tables = tables ?? read.snapshot.tables;
  }
  if (!plan) return { syncs, refreshed: false, charts: [] };
  const language: Language = plan.header?.language === "en-US" ? "en-US" : "zh-CN";
  const sheetNames = currentSheetNames(tables, language);
  const ws = context.workbook.worksheets.getItem(sheetNames.evaluation);
  const existing = loadExistingCharts(ws);
  const protection = ws.protection;
  protection.load("protected,options");
  await context.sync();
  syncs++;
  const wasProtected = protection.protected;
  const protectionOptions = protection.options;
  if (wasProtected) protection.unprotect();
  const existingCharts = existing();
  queueEvaluation({ context, worksheet: ws, plan, sheetNames, language, existingCharts });
  if (wasProtected) protection.protect(protectionOptions);
  const after = ws.charts;
  after.load("items/name");
  await context.sync();
  syncs++;
  return { syncs, refreshed: true, charts: after.items.map((c) => c.name) };
}
