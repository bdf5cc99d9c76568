/**
 * The commands a save queues for one sheet or one table, as steps with their request bytes (src/excel/write/budget.ts):
 * what happens to a PIP table already in the workbook (`tableFate`: rewritten in place, or moved by hand and added
 * again) and the clearing of only PIPbook's footprint; the layout's blocks; a table's grid in row chunks and
 * `tables.add`; the cells of columns a person added; formats, protection flags, data validation and conditional
 * formats from src/workbook/render/rules.ts; the page (widths, freeze panes, print setup); the sheet's plain
 * ranges and charts (`derivedSteps`, also the Evaluation refresh's). Nothing here syncs.
 */
import type { Language, Plan } from "../../core/model";
import { VALIDATION_ALERTS } from "../../i18n/workbook";
import { LAYOUT, SHEETS, columnLetter, firstDataRow, isInput, makeFormulaEnv, type FormulaEnv, type SheetDecl, type SheetNames, type TableDecl } from "../../workbook";
import { TEXT_FORMAT } from "../../workbook/cells";
import { modelRows, rectOf, tableWidth, type Rect } from "../../workbook/footprint";
import { listGrid, type Grid } from "../../workbook/render/grid";
import { POINTS_PER_CHAR, columnWidths, hiddenColumns, printArea } from "../../workbook/render/page";
import { COLORS, columnRanges, conditionalRules, validationRule } from "../../workbook/render/rules";
import { queueCharts, type ExistingChart } from "../charts";
import { clearRangesBytes, filledTableBody, queueClearRanges, rangeSteps } from "../ranges";
import type { ExtraCell, ExtraColumnWrite } from "../extra-columns";
import { COMMAND_BYTES, jsonBytes, type Step } from "./budget";
import { markFormula } from "./marks";
import type { WorkbookShape } from "./shape";

// ---------------------------------------------------------------------------------------------------------------

/** What happens to an existing PIP table in a rewrite. */
export type TableFate =
  /** At its layout anchor on the sheet the layout reuses: cleared, resized, written in place. */
  | { kind: "inPlace"; old: Rect }
  /** Elsewhere (moved by hand, or on another sheet): converted to a range, cleared, added again at its anchor. */
  | { kind: "readd"; old: Rect | null; holder: string }
  | { kind: "new" };

export function tableFate(table: TableDecl, shape: WorkbookShape, reusedSheet: string | undefined): TableFate {
  const holder = shape.tables[table.name];
  if (holder === undefined) return { kind: "new" };
  const old = rectOf(shape.ranges?.[table.name] ?? "");
  if (old && holder === reusedSheet && old.r0 === table.anchor.row && old.c0 === table.anchor.col) return { kind: "inPlace", old };
  return { kind: "readd", old, holder };
}

/** Data validation and conditional formats of a range, its contents and formats left alone. */
export function clearRules(range: Excel.Range): void {
  range.conditionalFormats.clearAll();
  range.dataValidation.clear();
}

export function clearSheet(ws: Excel.Worksheet): void {
  clearOwned(ws.getRange());
  ws.freezePanes.unfreeze();
}

/** Clears what PIPbook put in a range: contents, formats, data validation, conditional formats. */
export function clearOwned(range: Excel.Range): void {
  range.conditionalFormats.clearAll();
  range.dataValidation.clear();
  range.clear("All" as Excel.ClearApplyTo);
}

export function writeBlock(ws: Excel.Worksheet, block: SheetDecl["blocks"][number], env: FormulaEnv, lang: Language): void {
  const range = ws.getRange(block.cell);
  if (block.lines) {
    range.numberFormat = block.lines.map((l) => [l.formula ? (l.numberFormat ?? "General") : TEXT_FORMAT]);
    range.formulas = block.lines.map((l) => [l.formula ? `=${l.formula(env)}` : (l.text?.[lang] ?? "")]);
  } else if (block.formula) {
    range.numberFormat = [[block.numberFormat ?? "General"]];
    range.formulas = [[`=${block.formula(env)}`]];
  } else {
    range.numberFormat = [[TEXT_FORMAT]];
    range.values = [[block.text?.[lang] ?? ""]];
  }
  const font = range.format.font;
  if (block.style === "title") {
    font.bold = true;
    font.size = 14;
    font.color = COLORS.title;
  } else if (block.style === "note") {
    font.italic = true;
    font.color = COLORS.note;
  } else if (block.style === "label") {
    font.bold = true;
  }
}

/**
 * A sheet's plain ranges (SheetDecl.ranges: grids built like every list table's, written by src/excel/ranges.ts),
 * its charts and its derived print area, as steps: in every write after the sheet's tables, and alone in the
 * Evaluation sheet's as-of refresh (src/excel/evaluation.ts), `clear` then putting the old rows away first.
 * `existingCharts`: the charts on the sheet now (null: none), since re-adding a chart by name fails the batch.
 */
export function derivedSteps(
  ws: () => Excel.Worksheet,
  sheet: SheetDecl,
  plan: Plan,
  language: Language,
  names: SheetNames,
  existingCharts: readonly ExistingChart[] | null,
  clear = false,
): Step[] {
  const steps: Step[] = [];
  if (clear && sheet.ranges) steps.push({ bytes: clearRangesBytes(sheet), run: () => queueClearRanges(ws(), sheet) });
  const env = makeFormulaEnv(LAYOUT, names, language, sheet.key);
  for (const table of sheet.ranges ?? []) {
    const grid = listGrid(table, plan, env, new Map(), language);
    // A plain range has only the rows its plan gives (no empty row kept for calculated columns).
    const rows = 1 + modelRows(table, plan).length;
    steps.push(...rangeSteps(ws, table, { values: grid.values.slice(0, rows), formats: grid.formats.slice(0, rows) }, table.fillBlock?.(plan) ?? null));
  }
  if (sheet.charts) {
    const charts = sheet.charts(plan, language);
    steps.push({ bytes: jsonBytes(charts) * 3 + COMMAND_BYTES * charts.length * 30, run: () => queueCharts(ws(), charts, existingCharts) });
  }
  if (sheet.print.area === "derived" && sheet.printAreaOf) {
    const printArea = sheet.printAreaOf(plan);
    steps.push({ bytes: COMMAND_BYTES, run: () => ws().pageLayout.setPrintArea(printArea) });
  }
  return steps;
}

function rangeAddress(table: TableDecl, rowFrom: number, rowTo: number, extraColumns = 0): string {
  const c0 = columnLetter(table.anchor.col);
  const c1 = columnLetter(table.anchor.col + tableWidth(table) - 1 + extraColumns);
  return `${c0}${rowFrom}:${c1}${rowTo}`;
}

/**
 * A user-added cell as it goes back into the sheet: its formula, or its constant — text behind an apostrophe so
 * that "=x", "+86 …" or "1/2" stays the text it was (its number format is kept).
 */
function extraCellInput(cell: ExtraCell | null): { value: string | number | boolean; numberFormat: string } {
  if (!cell) return { value: "", numberFormat: "General" };
  if (cell.formula !== undefined && cell.formula.startsWith("=")) return { value: cell.formula, numberFormat: cell.numberFormat };
  const v = cell.value;
  if (typeof v === "number" || typeof v === "boolean") return { value: v, numberFormat: cell.numberFormat };
  const text = v === null || v === undefined ? "" : String(v);
  if (text === "" || cell.numberFormat === TEXT_FORMAT) return { value: text, numberFormat: cell.numberFormat };
  return { value: `'${text}`, numberFormat: cell.numberFormat };
}

/**
 * Values in row chunks (each its own formats + formulas assignment), then tables.add; `late`: the cells of a
 * person's columns, which the caller queues after every table exists.
 */
export function tableSteps(
  ws: () => Excel.Worksheet,
  table: TableDecl,
  grid: Grid,
  maxBatchBytes: number,
  extras: ExtraColumnWrite[] = [],
  add = true,
  plan?: Plan,
): { steps: Step[]; late: Step[] } {
  const steps: Step[] = [];
  const late: Step[] = [];
  const total = grid.values.length;
  const estimate = jsonBytes(grid.values) + jsonBytes(grid.formats);
  const chunkBudget = Math.floor(maxBatchBytes / 2);
  const chunks = Math.max(1, Math.ceil(estimate / chunkBudget));
  const rowsPerChunk = Math.ceil(total / chunks);
  // A table declaring fillBlock (rows of the same formulas) that fits one step: its header, then its body by fill —
  // each distinct formula sent once, Range.copyFrom the rest (src/excel/ranges.ts).
  const fillBlock = table.shape === "list" && plan && chunks === 1 ? table.fillBlock?.(plan) : undefined;
  const filled = fillBlock === undefined ? null : filledTableBody(ws, { row: table.anchor.row + 1, col: table.anchor.col }, { values: grid.values.slice(1), formats: grid.formats.slice(1) }, fillBlock);
  if (filled) {
    const header = { values: grid.values.slice(0, 1), formats: grid.formats.slice(0, 1), address: rangeAddress(table, table.anchor.row, table.anchor.row, extras.length) };
    steps.push({
      bytes: jsonBytes(header.values) + jsonBytes(header.formats) + 2 * COMMAND_BYTES,
      run: () => {
        const range = ws().getRange(header.address);
        range.numberFormat = header.formats;
        range.formulas = header.values;
      },
    });
    steps.push(filled);
  }
  // A table that exists was emptied by the clean phase, and Excel's "Fill formulas in tables to create calculated
  // columns" fills the bottom-most of distinct formulas written into an empty table column over the whole column
  // (OfficeDev/office-js issues 2093, 5909, 6745): the Overview's summary, one formula per row, came back as eight
  // copies of its last. Those columns' formula cells get a placeholder with the rest of the table, then their formulas
  // one cell at a time once the column holds data ("if you type or move a formula in a table column that already
  // contains data, a calculated column is not automatically created": Microsoft, "Use calculated columns in an Excel
  // table"). A column of one formula for every row is written at once: its fill is what it holds anyway.
  // (every PIP table has its header row: tables.add(address, true) below)
  const later = add || filled ? [] : distinctFormulaCells(grid.values, 1, table.anchor.row);
  const placeholder = new Set(later.map((c) => `${c.row}:${c.col}`));
  for (let start = 0; !filled && start < total; start += rowsPerChunk) {
    const end = Math.min(total, start + rowsPerChunk);
    const values = placeholder.size === 0 ? grid.values.slice(start, end) : grid.values.slice(start, end).map((row, i) => row.map((v, c) => (placeholder.has(`${start + i}:${c}`) ? 0 : v)));
    const formats = grid.formats.slice(start, end);
    const address = rangeAddress(table, table.anchor.row + start, table.anchor.row + end - 1, extras.length);
    steps.push({
      // One chunk is the whole grid, whose bytes are the estimate already made.
      bytes: (chunks === 1 ? estimate : jsonBytes(values) + jsonBytes(formats)) + 2 * COMMAND_BYTES,
      run: () => {
        const range = ws().getRange(address);
        range.numberFormat = formats;
        range.formulas = values;
      },
    });
  }
  for (const cell of later) {
    const address = `${columnLetter(table.anchor.col + cell.col)}${table.anchor.row + cell.row}`;
    steps.push({ bytes: jsonBytes(cell.formula) + COMMAND_BYTES, run: () => void (ws().getRange(address).formulas = [[cell.formula]]) });
  }
  const address = rangeAddress(table, table.anchor.row, table.anchor.row + total - 1, extras.length);
  // A table that exists stays (it was cleared and resized in place): adding it again would need convertToRange
  // first, which turns every structured reference to it elsewhere into plain cell references.
  if (add) {
    steps.push({
      bytes: 3 * COMMAND_BYTES,
      run: () => {
        const t = ws().tables.add(address, true);
        t.name = table.name;
        t.style = table.shape === "record" ? "TableStyleLight1" : "TableStyleLight9";
      },
    });
  }
  if (extras.length > 0) {
    // After tables.add (of every table), so that =[@Actual]*2 is inside its table and PIP_Tracking[…] exists.
    const c0 = table.anchor.col + tableWidth(table);
    const first = table.anchor.row + 1;
    extras.forEach((extra, k) => {
      const letter = columnLetter(c0 + k);
      const inputs = Array.from({ length: grid.bodyRows }, (_, i) => extraCellInput(extra.cells[i] ?? null));
      const formats = inputs.map((c) => [c.numberFormat]);
      const body = `${letter}${first}:${letter}${first + grid.bodyRows - 1}`;
      const formulaRows = inputs.flatMap((c, i) => (typeof c.value === "string" && c.value.startsWith("=") ? [i] : []));
      // Excel's "Fill formulas in tables to create calculated columns" (on by default) fills the bottom-most of
      // several formulas written into an empty table column over the whole column (OfficeDev/office-js issues
      // 2093, 5909, 6745), but "if you type or move a formula in a table column that already contains data, a
      // calculated column is not automatically created" (Microsoft, "Use calculated columns in an Excel table").
      // So a column with one formula for every row (a person's calculated column) goes in at once, and a column
      // of distinct formulas first gets a placeholder in each formula cell, then its formulas one cell at a time.
      const oneFormula = formulaRows.length === grid.bodyRows && new Set(formulaRows.map((i) => shiftRowsRelative(String(inputs[i]!.value), first + i))).size === 1;
      const distinct = formulaRows.length > 0 && !oneFormula;
      const firstPass = inputs.map((c) => [distinct && typeof c.value === "string" && c.value.startsWith("=") ? 0 : c.value]);
      late.push({
        bytes: jsonBytes(firstPass) + jsonBytes(formats) + (distinct ? formulaRows.reduce((n, i) => n + jsonBytes(inputs[i]!.value) + COMMAND_BYTES, 0) : 0) + 3 * COMMAND_BYTES,
        run: () => {
          const range = ws().getRange(body);
          range.numberFormat = formats;
          range.formulas = firstPass;
          range.format.protection.locked = false;
          if (!distinct) return;
          for (const i of formulaRows) ws().getRange(`${letter}${first + i}`).formulas = [[inputs[i]!.value]];
        },
      });
    });
  }
  return { steps, late };
}

/**
 * The formula cells (grid row and column, 0-based) of the columns whose body — the grid's rows from `firstBody` on,
 * the first at sheet row `anchorRow + firstBody` — holds formulas that are not one formula filled down every row.
 */
function distinctFormulaCells(values: readonly (readonly (string | number | boolean | null)[])[], firstBody: number, anchorRow: number): { row: number; col: number; formula: string }[] {
  const body = values.slice(firstBody);
  const width = body[0]?.length ?? 0;
  const out: { row: number; col: number; formula: string }[] = [];
  for (let c = 0; c < width; c++) {
    const cells = body.flatMap((row, i) => {
      const v = row[c];
      return typeof v === "string" && v.startsWith("=") ? [{ row: firstBody + i, col: c, formula: v }] : [];
    });
    if (cells.length === 0) continue;
    const forms = new Set(cells.map((x) => shiftRowsRelative(x.formula, anchorRow + x.row)));
    if (cells.length === body.length && forms.size === 1) continue;
    out.push(...cells);
  }
  return out;
}

/** A formula with its relative row references made relative to `row` (R1C1-like), to compare fill-down copies. */
function shiftRowsRelative(formula: string, row: number): string {
  return formula.replace(/(\$?[A-Z]{1,3})(\$?)(\d+)/g, (m, col: string, abs: string, n: string) => (abs ? m : `${col}R[${Number(n) - row}]`));
}

// ---------------------------------------------------------------------------------------------------------------
// Formats, protection flags, validation, conditional formats

export function decorationSteps(ws: () => Excel.Worksheet, table: TableDecl, bodyRows: number, env: FormulaEnv, sheet: SheetDecl, goalUnits: Map<string, unknown>): Step[] {
  const steps: Step[] = [];
  const ranges = columnRanges(table, bodyRows);
  const derived = table.entity === null;
  const sheetIndex = SHEETS.findIndex((s) => s.key === sheet.key);
  steps.push({
    bytes: COMMAND_BYTES * (ranges.length * 3 + 4),
    run: () => {
      const w = ws();
      for (const r of ranges) {
        const range = w.getRange(r.address);
        if (r.column.kind === "formula" && !r.column.inputFormula) range.format.fill.color = COLORS.formulaFill;
        if (!derived && isInput(r.column)) range.format.protection.locked = false;
      }
      if (table.shape === "record") {
        const labels = w.getRange(`${columnLetter(table.anchor.col)}${firstDataRow(table)}:${columnLetter(table.anchor.col)}${firstDataRow(table) + bodyRows - 1}`);
        labels.format.font.bold = true;
      }
      // Cells the last check pointed at (listed on the hidden meta sheet by the port's highlightFindings).
      const whole = w.getRange(rangeAddress(table, table.anchor.row, table.anchor.row + bodyRows));
      const mark = whole.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      mark.custom.rule.formula = markFormula(sheetIndex);
      mark.custom.format.fill.color = COLORS.mark.fill;
      mark.custom.format.font.color = COLORS.mark.font;
    },
  });
  for (const r of ranges) {
    // Derived tables (the Overview's summary, the check-in schedule) take no input, so no validation; their
    // highlights (the overall attainment's bands) they do get.
    const rule = derived ? null : validationRule(r.column, env);
    const highlights = conditionalRules(r, table, env, goalUnits);
    if (!rule && highlights.length === 0) continue;
    steps.push({
      bytes: COMMAND_BYTES * (3 + highlights.length * 3) + (rule ? jsonBytes(rule) : 0) + jsonBytes(highlights),
      run: () => {
        const range = ws().getRange(r.rules);
        if (rule) {
          const dv = range.dataValidation;
          dv.ignoreBlanks = true;
          dv.rule = rule.rule;
          dv.errorAlert = { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: VALIDATION_ALERTS.title, message: rule.message };
        }
        for (const h of highlights) {
          const target = h.wholeRow ? ws().getRange(h.wholeRow) : range;
          const cf = target.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
          cf.custom.rule.formula = h.formula;
          // ConditionalRangeFormat.numberFormat (ExcelApi 1.6): "Excel's number format code for the given range"
          // (https://learn.microsoft.com/javascript/api/excel/excel.conditionalrangeformat) — a row's unit format.
          if (h.numberFormat !== undefined) cf.custom.format.numberFormat = h.numberFormat;
          if (h.color) {
            cf.custom.format.fill.color = h.color.fill;
            cf.custom.format.font.color = h.color.font;
          }
        }
      },
    });
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------------------------
// Page: widths, freeze panes, print setup

export function pageSteps(ws: Excel.Worksheet, sheet: SheetDecl): void {
  // One range per run of adjacent columns of the same width.
  const widths = [...columnWidths(sheet)].sort((a, b) => a[0] - b[0]);
  const runs: { from: number; to: number; chars: number }[] = [];
  for (const [col, chars] of widths) {
    const last = runs.at(-1);
    if (last && last.to + 1 === col && last.chars === chars) last.to = col;
    else runs.push({ from: col, to: col, chars });
  }
  for (const run of runs) ws.getRange(`${columnLetter(run.from)}:${columnLetter(run.to)}`).format.columnWidth = Math.round(run.chars * POINTS_PER_CHAR);
  // Range.columnHidden (ExcelApi 1.2) on whole columns: "true when all columns in a range are hidden"
  // (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-columnhidden-member).
  for (const col of hiddenColumns(sheet)) {
    const letter = columnLetter(col);
    ws.getRange(`${letter}:${letter}`).columnHidden = true;
  }
  if (sheet.freezeColumns) ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetter(sheet.freezeColumns - 1)}${Math.max(1, sheet.freezeRows)}`));
  else if (sheet.freezeRows > 0) ws.freezePanes.freezeRows(sheet.freezeRows);
  // PageLayout (ExcelApi 1.9): orientation, paperSize, centerHorizontally and zoom, where zoom takes either a scale
  // or pages wide/tall ("null if percentage scale is used"), https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
  // and excel.pagelayoutzoomoptions. A tall of 0 ("as many pages as needed", ECMA-376 §18.3.1.63 fitToHeight="0") is
  // left unset, as in OfficeDev/office-js#1860's `zoom = { horizontalFitToPages: 1 }`; the .xlsx writer reads it as 0.
  const page = ws.pageLayout;
  page.orientation = (sheet.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
  page.paperSize = "A4" as Excel.PaperType;
  const { wide, tall } = sheet.print.fitTo;
  page.zoom = tall > 0 ? { horizontalFitToPages: wide, verticalFitToPages: tall } : { horizontalFitToPages: wide };
  if (sheet.print.centerHorizontally) page.centerHorizontally = true;
  if (sheet.print.wrap) {
    const wording = ws.getRange(sheet.print.wrap.range);
    wording.merge(false);
    wording.format.wrapText = true;
    wording.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
    wording.format.rowHeight = sheet.print.wrap.rowHeight;
  }
}

/** The print area covers the rows written; the tables' header row repeats on every printed page. */
export function printSteps(ws: Excel.Worksheet, sheet: SheetDecl, rowsOf: (t: TableDecl) => number): void {
  if (sheet.print.area !== "derived") ws.pageLayout.setPrintArea(printArea(sheet, rowsOf));
  const main = sheet.tables[0];
  if (sheet.print.bodyRowHeight && main) {
    const first = firstDataRow(main);
    ws.getRange(`${first}:${first + rowsOf(main) - 1}`).format.rowHeight = sheet.print.bodyRowHeight;
  }
  if (sheet.freezeRows > 0) ws.pageLayout.setPrintTitleRows(`$${sheet.freezeRows}:$${sheet.freezeRows}`);
}
