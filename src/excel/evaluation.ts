/**
 * Writes the Evaluation sheet's derived part (src/workbook/sheets/evaluation.ts declares it): the summary block,
 * status by goal, the quarterly table, the period table — constants and live formulas in one 2-D `formulas`
 * assignment per block, number formats first — and the charts over them.
 *
 * Two entries:
 * - `evaluationSteps`: the write as steps with their request bytes, which the writer packs into its own batches
 *   (src/excel/sheet-extras.ts, no sync of its own). Charts already on the sheet (`existingCharts`, loaded by the
 *   caller) are re-bound; null means the sheet has none.
 * - `refreshEvaluation` (behind WorkbookPort.refreshEvaluation, given the plan the reader just read): loads the
 *   sheet's charts and protection (1 sync), rewrites the rows for the current periods and re-binds the charts
 *   (1 sync per 4 MB of requests).
 *
 * This module imports neither the reader nor the writer, so that the writer's SHEET_EXTRAS can use it without an
 * import cycle.
 *
 * The derived blocks are plain ranges, not Excel tables, so that a rewrite with another number of periods needs
 * no table resize (ExcelApi 1.13) and clearing the area is enough.
 */
import type { Language, Plan } from "../core/model";
import { LAYOUT, SHEETS, defaultSheetNames, type SheetNames } from "../workbook";
import { columnLetter } from "../workbook/layout";
import { evaluationContent, type EvaluationContent, type EvaluationTableContent } from "../workbook/sheets/evaluation";
import { loadExistingCharts, queueCharts, type ExistingChart } from "./charts";
import { COMMAND_BYTES, DEFAULT_MAX_BATCH_BYTES, jsonBytes, packSteps } from "./write/budget";

/** Points per character of the declared widths (the writer's measure, so the sheets look alike). */
const POINTS_PER_CHAR = 6;
/** The last row a derived block may reach; a rewrite clears down to here. */
const LAST_ROW = 1_048_576;

const STYLE = {
  headerFill: "#D9E1F2",
  headerFont: "#1F3864",
  formulaFill: "#F2F2F2",
  helperFont: "#808080",
};

/** One piece of the write, with its estimated request bytes, so that a large plan spreads over several batches. */
export interface EvaluationStep {
  bytes: number;
  run(worksheet: Excel.Worksheet): void;
  /** The step that clears the derived areas (the writer runs it before rewriting any table on a reused sheet). */
  clears?: true;
}

/** Rows of a derived table per step: about 1 MB of formulas at ~3 kB per period row. */
const ROWS_PER_STEP = 300;

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

function headerStep(t: EvaluationTableContent): EvaluationStep {
  return {
    bytes: jsonBytes(t.headers) + COMMAND_BYTES * (6 + t.widths.length),
    run: (ws) => {
      const header = ws.getRange(blockAddress(t, t.headerRow));
      header.numberFormat = [t.headers.map(() => "@")];
      header.values = [t.headers];
      header.format.font.bold = true;
      header.format.font.color = STYLE.headerFont;
      header.format.fill.color = STYLE.headerFill;
      header.format.wrapText = true;
      // One range per run of adjacent columns of the same width.
      for (const [c0, c1] of runsOf(t.widths.length, (i) => i === 0 || t.widths[i] !== t.widths[i - 1]).map(([i], k, all) => [i, (all[k + 1]?.[0] ?? t.widths.length) - 1])) {
        ws.getRange(`${columnLetter(t.firstCol + c0)}:${columnLetter(t.firstCol + c1)}`).format.columnWidth = Math.round(t.widths[c0] * POINTS_PER_CHAR);
      }
    },
  };
}

/** Data rows [from, to) of a block: number formats first, then one 2-D formulas assignment, then shading. */
function bodyStep(t: EvaluationTableContent, from: number, to: number): EvaluationStep {
  const rows = t.rows.slice(from, to);
  const formats = t.numberFormats.slice(from, to);
  const firstRow = t.headerRow + 1 + from;
  const lastRow = t.headerRow + to;
  const formulaColumns = t.rows[0].flatMap((cell, i) => (typeof cell === "string" && cell.startsWith("=") ? [i] : []));
  return {
    bytes: jsonBytes(rows) + jsonBytes(formats) + COMMAND_BYTES * (2 + 2 * formulaColumns.length),
    run: (ws) => {
      const body = ws.getRange(`${columnLetter(t.firstCol)}${firstRow}:${columnLetter(t.firstCol + t.headers.length - 1)}${lastRow}`);
      body.numberFormat = formats;
      body.formulas = rows;
      // Formula columns shaded as on the other sheets; chart data (#N/A for gaps) and helpers in grey.
      for (const i of formulaColumns) {
        const letter = columnLetter(t.firstCol + i);
        const column = ws.getRange(`${letter}${firstRow}:${letter}${lastRow}`);
        column.format.fill.color = STYLE.formulaFill;
        if (t.helperColumns.includes(i)) column.format.font.color = STYLE.helperFont;
      }
    },
  };
}

/** Maximal runs [first, last] of the positions 0…count−1 where `pick` holds. */
function runsOf(count: number, pick: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    if (!pick(i)) continue;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

const isFormula = (cell: number | string): boolean => typeof cell === "string" && cell.startsWith("=");
const sameRow = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A period table (one block of `blockRows` rows per goal) written as Excel's fill would make it: each distinct
 * formula is sent once and Excel derives the others, so the request grows with goals, not goals × periods.
 *
 * - Goal 1: its first row (the first period: totals from before the window) and its second row as written, then
 *   the second row copied over the block's other rows, then those rows' constants (period number, label, dates).
 * - Goals 2…n: goal 1's block copied over theirs, then what differs from goal 1 (the goal number; the unit's
 *   number format, set on the block's first row and copied down).
 *
 * `Range.copyFrom` "replicates the Copy and Paste actions of the Excel UI" and the Formulas / All copy types keep
 * "the relative positioning of those formulas' ranges" (Microsoft, "Cut, copy, and paste ranges using the Excel
 * JavaScript API"; ExcelApi 1.9): a block's formulas name their own row, the row above and the goal number in
 * their row with column-absolute, row-relative references, and everything else absolutely, so the copies are the
 * formulas `evaluationContent` declares for those rows (test/evaluation/fill.test.ts compares every cell). Every
 * copy goes onto a range of its source's size (rows doubled at each step), so nothing depends on how a paste
 * repeats a smaller source over a larger destination or expands a destination smaller than its source.
 */
function filledBodyStep(t: EvaluationTableContent, blockRows: number): EvaluationStep {
  const n = blockRows;
  const goals = t.rows.length / n;
  const width = t.headers.length;
  const rowOf = (i: number) => t.headerRow + 1 + i;
  const area = (c0: number, c1: number, r0: number, r1: number) => `${columnLetter(t.firstCol + c0)}${rowOf(r0)}:${columnLetter(t.firstCol + c1)}${rowOf(r1)}`;
  type Command = { bytes: number; run: (ws: Excel.Worksheet) => void };
  const commands: Command[] = [];
  const setFormats = (c0: number, c1: number, r0: number, r1: number) => {
    const formats = t.numberFormats.slice(r0, r1 + 1).map((r) => r.slice(c0, c1 + 1));
    commands.push({ bytes: jsonBytes(formats) + COMMAND_BYTES, run: (ws) => void (ws.getRange(area(c0, c1, r0, r1)).numberFormat = formats) });
  };
  const setCells = (c0: number, c1: number, r0: number, r1: number) => {
    const cells = t.rows.slice(r0, r1 + 1).map((r) => r.slice(c0, c1 + 1));
    commands.push({ bytes: jsonBytes(cells) + COMMAND_BYTES, run: (ws) => void (ws.getRange(area(c0, c1, r0, r1)).formulas = cells) });
  };
  const copy = (dest: string, source: string, type: "All" | "Formats") =>
    commands.push({ bytes: 2 * COMMAND_BYTES, run: (ws) => ws.getRange(dest).copyFrom(ws.getRange(source), type as Excel.RangeCopyType) });

  // Rows [first, first + total) from their first `unit` rows (total a multiple of unit), each copy onto a range of
  // the same size as its source (1, 2, 4 … units), so no paste relies on Excel repeating or expanding a source.
  const fillDown = (first: number, unit: number, total: number, type: "All" | "Formats") => {
    for (let done = unit; done < total; ) {
      const size = Math.min(done, total - done);
      copy(area(0, width - 1, first + done, first + done + size - 1), area(0, width - 1, first, first + size - 1), type);
      done += size;
    }
  };

  // Goal 1: the first row (and the second) as declared; the second copied over rows 3…n with its formats.
  const explicit = Math.min(n, 2);
  setFormats(0, width - 1, 0, explicit - 1);
  setCells(0, width - 1, 0, explicit - 1);
  if (n > 2) {
    fillDown(1, 1, n - 1, "All");
    for (const [c0, c1] of runsOf(width, (c) => t.rows.slice(2, n).some((r) => !isFormula(r[c]) && r[c] !== t.rows[1][c]))) setCells(c0, c1, 2, n - 1);
  }
  // Goals 2…: goal 1's block repeated, then the constants and number formats that differ. A goal whose formats
  // (its unit) another goal before it already has copies that goal's block's formats.
  if (goals > 1) {
    fillDown(0, n, goals * n, "All");
    const formatted: number[] = [0];
    for (let g = 1; g < goals; g++) {
      const first = g * n;
      const block = t.rows.slice(first, first + n);
      for (const [c0, c1] of runsOf(width, (c) => block.some((r, i) => !isFormula(r[c]) && r[c] !== t.rows[i][c]))) setCells(c0, c1, first, first + n - 1);
      const like = formatted.find((h) => sameRow(t.numberFormats[h * n], t.numberFormats[first]));
      if (like === 0) continue;
      if (like !== undefined) {
        copy(area(0, width - 1, first, first + n - 1), area(0, width - 1, like * n, like * n + n - 1), "Formats");
        continue;
      }
      setFormats(0, width - 1, first, first);
      fillDown(first, 1, n, "Formats");
      formatted.push(g);
    }
  }
  // Formula columns shaded as on the other sheets; chart data (#N/A for gaps) and helpers in grey: one range per
  // run of adjacent columns.
  const last = t.rows.length - 1;
  for (const [c0, c1] of runsOf(width, (c) => isFormula(t.rows[0][c]))) {
    commands.push({ bytes: COMMAND_BYTES, run: (ws) => void (ws.getRange(area(c0, c1, 0, last)).format.fill.color = STYLE.formulaFill) });
  }
  for (const [c0, c1] of runsOf(width, (c) => isFormula(t.rows[0][c]) && t.helperColumns.includes(c))) {
    commands.push({ bytes: COMMAND_BYTES, run: (ws) => void (ws.getRange(area(c0, c1, 0, last)).format.font.color = STYLE.helperFont) });
  }
  return { bytes: commands.reduce((sum, c) => sum + c.bytes, 0), run: (ws) => commands.forEach((c) => c.run(ws)) };
}

/**
 * Rows per block when a table's rows are the fill `filledBodyStep` makes, else null: a period table's blocks (every
 * goal's block with the same formats throughout), or a table whose formulas are the same text in every row (status
 * by goal reads its goal by ROW(), so each row is a block of one).
 */
function fillRows(t: EvaluationTableContent): number | null {
  if (t.rows.length === 0) return null;
  const sameFormulas = t.rows.every((r) => r.every((cell, c) => isFormula(cell) === isFormula(t.rows[0][c]) && (!isFormula(cell) || cell === t.rows[0][c])));
  const n = t.blockRows ?? (sameFormulas ? 1 : null);
  if (n === null || t.rows.length % n !== 0) return null;
  return t.numberFormats.every((formats, i) => sameRow(formats, t.numberFormats[i - (i % n)])) ? n : null;
}

/**
 * The whole write as steps in order: clear the derived areas, write the summary, then each block's header and
 * its rows in chunks of ROWS_PER_STEP, then the charts. `existingCharts` must list the charts already on the sheet
 * (null: none), or re-adding a chart under its existing name fails the batch.
 */
export function evaluationSteps(plan: Plan, language: Language, sheetNames: SheetNames, existingCharts: readonly ExistingChart[] | null = null): EvaluationStep[] {
  const content = evaluationContent(plan, { lang: language, names: sheetNames, layout: LAYOUT });
  const s = content.summary;
  const steps: EvaluationStep[] = [
    {
      bytes: COMMAND_BYTES * 4,
      clears: true,
      run: (ws) => {
        for (const area of derivedAreas(content)) ws.getRange(area).clear("All" as Excel.ClearApplyTo);
      },
    },
    {
      bytes: jsonBytes(s) + COMMAND_BYTES * 12,
      run: (ws) => {
        const column = (col: number) => ws.getRange(`${columnLetter(col)}${s.firstRow}:${columnLetter(col)}${s.firstRow + s.labels.length - 1}`);
        const labels = column(s.col);
        labels.numberFormat = s.labels.map(() => ["@"]);
        labels.values = s.labels.map((l) => [l]);
        labels.format.font.bold = true;
        const values = column(s.col + 1);
        values.numberFormat = s.numberFormats.map((f) => [f]);
        values.formulas = s.formulas.map((f) => [f]);
        values.format.fill.color = STYLE.formulaFill;
        values.format.horizontalAlignment = "Right" as Excel.HorizontalAlignment;
      },
    },
  ];
  for (const t of content.tables) {
    steps.push(headerStep(t));
    const fill = fillRows(t);
    if (fill !== null) steps.push(filledBodyStep(t, fill));
    else for (let from = 0; from < t.rows.length; from += ROWS_PER_STEP) steps.push(bodyStep(t, from, Math.min(t.rows.length, from + ROWS_PER_STEP)));
  }
  steps.push({
    bytes: jsonBytes(content.charts) * 3 + COMMAND_BYTES * content.charts.length * 30,
    run: (ws) => queueCharts(ws, content.charts, existingCharts),
  });
  // The layout declares this sheet's print area "derived" (src/workbook/sheets/evaluation.ts): it follows the goals.
  steps.push({ bytes: COMMAND_BYTES, run: (ws) => ws.pageLayout.setPrintArea(content.printArea) });
  return steps;
}


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
  const ws = context.workbook.worksheets.getItem(sheetNames.evaluation);
  const existing = loadExistingCharts(ws);
  const protection = ws.protection;
  protection.load("protected,options");
  await context.sync();
  syncs++;
  const wasProtected = protection.protected;
  const protectionOptions = protection.options;
  if (wasProtected) protection.unprotect();
  const batches = packSteps(evaluationSteps(plan, language, sheetNames, existing()), source.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES);
  for (let i = 0; i < batches.length; i++) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const step of batches[i]) step.run(ws);
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
