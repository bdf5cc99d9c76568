/**
 * The writer's part for plain ranges (SheetDecl.ranges): derived list tables written without an Excel table, whose
 * row count follows the plan (the Evaluation sheet's status by goal, quarterly and period tables). The writer
 * builds their grids like every list table's (header + rows of constants and "=formulas", with number formats)
 * and hands them here:
 * - a header row styled as a table header would be (no table style without a table);
 * - the body, either sent row by row in chunks, or — when the table declares `fillBlock` and its rows are blocks of
 *   the same formulas — each distinct formula once, the rest filled by Range.copyFrom (`filledBody`);
 * - formula columns shaded as on the other sheets, chart data and helpers (`muted`) in grey.
 * A rewrite clears their column bands down to the sheet's last row first (`queueClearRanges`): a plain range has no
 * size to resize, and the next plan may have fewer rows.
 *
 * Queues commands only; the writer packs the steps into its batches and syncs.
 */
import { kept } from "../a1";
import { at } from "../core/indexed";
import { columnLetter, type ListTableDecl, type SheetDecl } from "../workbook/layout";
import { COMMAND_BYTES, jsonBytes } from "./write/budget";

/** The last row a plain range may reach; a rewrite clears down to here. */
const LAST_ROW = 1_048_576;
/** Rows per step when a range is sent row by row: about 1 MB of formulas at ~3 kB per period row. */
const ROWS_PER_STEP = 300;

const STYLE = {
  headerFill: "#D9E1F2",
  headerFont: "#1F3864",
  formulaFill: "#F2F2F2",
  mutedFont: "#808080",
};

export interface RangeStep {
  /** Estimated request bytes of `run`. */
  bytes: number;
  run: () => void;
}

/** A plain range's content: the header row first, then the body rows (numbers, text, "=formulas"), and formats. */
export interface RangeGrid {
  values: (string | number)[][];
  formats: string[][];
}

/** The column band a plain range owns: its columns, from its header row to the sheet's end. */
export function rangeBand(table: ListTableDecl): string {
  return `${columnLetter(table.anchor.col)}${table.anchor.row}:${columnLetter(table.anchor.col + table.columns.length - 1)}${LAST_ROW}`;
}

/** Clears every plain range of the sheet (contents and formats), before a rewrite. */
export function queueClearRanges(ws: Excel.Worksheet, sheet: SheetDecl): void {
  for (const table of sheet.ranges ?? []) ws.getRange(rangeBand(table)).clear("All" as Excel.ClearApplyTo);
}

export function clearRangesBytes(sheet: SheetDecl): number {
  return COMMAND_BYTES * (sheet.ranges?.length ?? 0);
}

/** Maximal runs [first, last] of the positions 0…count−1 where `pick` holds. */
export function runsOf(count: number, pick: (i: number) => boolean): [number, number][] {
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
/**
 * Body cell (i, c) is a formula: "=…" in a cell not formatted as text. A text such as "=每周…" goes into a cell
 * formatted "@" first and stays text (the writer's rule for every text column), so it is a constant here.
 */
const formulaIn = (b: Body, i: number, c: number): boolean => isFormula(at(at(b.rows, i, "body row"), c, "body cell")) && b.formats[i]?.[c] !== TEXT;
const TEXT = "@";
const sameRow = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The steps that write one plain range: header, body (filled when it can be), shading. */
export function rangeSteps(ws: () => Excel.Worksheet, table: ListTableDecl, grid: RangeGrid, blockRows: number | null): RangeStep[] {
  const headers = grid.values[0] ?? [];
  const body: Body = {
    origin: { row: table.anchor.row + 1, col: table.anchor.col },
    rows: grid.values.slice(1),
    formats: grid.formats.slice(1),
    muted: table.columns.flatMap((c, i) => (c.muted ? [i] : [])),
    shade: true,
  };
  const steps: RangeStep[] = [headerStep(ws, table, headers)];
  if (body.rows.length === 0) return steps;
  const fill = blockRows === null ? null : fillRows(body, blockRows);
  if (fill !== null) steps.push(filledBodyStep(ws, body, fill));
  else for (let from = 0; from < body.rows.length; from += ROWS_PER_STEP) steps.push(bodyStep(ws, body, from, Math.min(body.rows.length, from + ROWS_PER_STEP)));
  return steps;
}

/**
 * The body of an Excel table the writer adds or rewrites (a list table declaring `fillBlock`), written by fill when
 * its rows allow it; null when they do not (the writer then sends every row). Its shading is the table's own
 * decoration, so none here.
 */
export function filledTableBody(ws: () => Excel.Worksheet, origin: { row: number; col: number }, grid: RangeGrid, blockRows: number): RangeStep | null {
  const body: Body = { origin, rows: grid.values, formats: grid.formats, muted: [], shade: false };
  const fill = fillRows(body, blockRows);
  return fill === null ? null : filledBodyStep(ws, body, fill);
}

interface Body {
  /** First body cell: 1-based row, 0-based column. */
  origin: { row: number; col: number };
  rows: (number | string)[][];
  formats: string[][];
  /** 0-based positions (within the table) of chart-data and helper columns (shown in grey). */
  muted: number[];
  /** Formula columns shaded and muted columns greyed here (plain ranges; a table's decoration does its own). */
  shade: boolean;
}

function headerStep(ws: () => Excel.Worksheet, table: ListTableDecl, headers: (string | number)[]): RangeStep {
  const row = table.anchor.row;
  const address = `${columnLetter(table.anchor.col)}${row}:${columnLetter(table.anchor.col + headers.length - 1)}${row}`;
  return {
    bytes: jsonBytes(headers) * 2 + COMMAND_BYTES * 6,
    run: () => {
      const header = ws().getRange(address);
      header.numberFormat = [headers.map(() => "@")];
      header.values = [headers];
      header.format.font.bold = true;
      header.format.font.color = STYLE.headerFont;
      header.format.fill.color = STYLE.headerFill;
      header.format.wrapText = true;
    },
  };
}

function area(b: Body, c0: number, c1: number, r0: number, r1: number): string {
  return `${columnLetter(b.origin.col + c0)}${b.origin.row + r0}:${columnLetter(b.origin.col + c1)}${b.origin.row + r1}`;
}

/** Data rows [from, to) of a range: number formats first, then one 2-D formulas assignment, then shading. */
function bodyStep(ws: () => Excel.Worksheet, b: Body, from: number, to: number): RangeStep {
  const rows = b.rows.slice(from, to);
  const formats = b.formats.slice(from, to);
  const width = at(b.rows, 0, "body row").length;
  const formulaRuns = runsOf(width, (c) => formulaIn(b, 0, c));
  const mutedRuns = runsOf(width, (c) => formulaIn(b, 0, c) && b.muted.includes(c));
  return {
    bytes: jsonBytes(rows) + jsonBytes(formats) + COMMAND_BYTES * (2 + formulaRuns.length + mutedRuns.length),
    run: () => {
      const w = ws();
      const range = w.getRange(area(b, 0, width - 1, from, to - 1));
      range.numberFormat = formats;
      range.formulas = rows;
      for (const [c0, c1] of formulaRuns) w.getRange(area(b, c0, c1, from, to - 1)).format.fill.color = STYLE.formulaFill;
      for (const [c0, c1] of mutedRuns) w.getRange(area(b, c0, c1, from, to - 1)).format.font.color = STYLE.mutedFont;
    },
  };
}

/**
 * Rows per block when a range's rows are the fill `filledBodyStep` makes, else null: blocks of `blockRows` rows
 * (0: the whole body is one block), and for blocks of one row the same formula text in every row (status by goal
 * reads its goal by ROW()). Formats that differ within a block (a Tracking row in its goal's unit) are sent whole.
 */
function fillRows(b: Body, blockRows: number): number | null {
  // The verdict depends only on the block size and on which cells hold which formula (formulaIn): kept by that,
  // since a batch writes the same template's formulas a hundred times and a save writes the same ones again.
  // The key is made in one pass; the check below moves every formula's references, a regular expression each.
  let key = `${blockRows}`;
  for (let i = 0; i < b.rows.length; i++) {
    const row = b.rows[i] as (number | string)[];
    key += `\u0002${row.length}`;
    // Each formula with its length first, so that no text can run into the next cell's.
    for (let c = 0; c < row.length; c++) key += formulaIn(b, i, c) ? `\u0001${String(row[c]).length}:${String(row[c])}` : "\u0001";
  }
  return kept(FILL_VERDICTS, key, 64, () => fillRowsOf(b, blockRows));
}

const FILL_VERDICTS = new Map<string, number | null>();

function fillRowsOf(b: Body, blockRows: number): number | null {
  const n = blockRows === 0 ? b.rows.length : blockRows;
  if (b.rows.length === 0 || n < 1 || b.rows.length % n !== 0) return null;
  const top = at(b.rows, 0, "body row");
  if (!b.rows.every((r, i) => r.length === top.length && r.every((_, c) => formulaIn(b, i, c) === formulaIn(b, 0, c)))) return null;
  if (n === 1 && !b.rows.every((r, i) => r.every((cell, c) => !formulaIn(b, i, c) || cell === top[c]))) return null;
  // What the copies will hold: rows 3…n of block 1 are its row 2 moved down, and row i of a later block is row i of
  // block 1 moved down, their row-relative references with them. Every formula must be that, or the body is sent
  // row by row.
  // The sources are block 1's rows, each the source of many rows: their relative forms are made once.
  const sourceForms = new Map<number, string[]>();
  const formsOf = (from: number): string[] => {
    let forms = sourceForms.get(from);
    if (!forms) {
      forms = at(b.rows, from, "block 1 row").map((cell, c) => (formulaIn(b, from, c) ? relative(String(cell), from) : ""));
      sourceForms.set(from, forms);
    }
    return forms;
  };
  for (let i = n === 1 ? 1 : 2; i < b.rows.length; i++) {
    const from = i < n ? 1 : i % n;
    const row = at(b.rows, i, "body row");
    const source = formsOf(from);
    for (let c = 0; c < row.length; c++) {
      if (formulaIn(b, i, c) && relative(String(row[c]), i) !== source[c]) return null;
    }
  }
  return n;
}

/**
 * A formula with its row-relative references written relative to its row (`$C7` in row 7 → `$CR[0]`), so that a
 * copy moved down compares equal to its source. Text inside quotes is left alone (a literal does not move).
 */
function relative(formula: string, row: number): string {
  // One scan: a quoted literal matches first and is kept; elsewhere a reference with a relative row is rewritten.
  return formula.replace(RELATIVE_SCAN, (m, quoted: string | undefined, col: string, abs: string, r: string) =>
    quoted !== undefined || abs ? m : `${col}R[${Number(r) - row}]`,
  );
}
const RELATIVE_SCAN = /("(?:[^"]|"")*")|(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(])/g;

/** Every block has the same number formats throughout (then formats travel with the copies). */
const uniformFormats = (b: Body, n: number) => b.formats.every((formats, i) => sameRow(formats, at(b.formats, i - (i % n), "block's first formats")));

/**
 * A range of blocks (one of `blockRows` rows per goal) written as Excel's fill would make it: each distinct
 * formula is sent once and Excel derives the others, so the request grows with goals, not goals × periods.
 *
 * - Block 1: its first row (the first period: totals from before the window) and its second row as written, then
 *   the second row copied over the block's other rows, then those rows' constants (period number, label, dates).
 * - Blocks 2…n: block 1 copied over theirs, then what differs from block 1 (the goal number; the unit's number
 *   format, set on the block's first row and copied down).
 *
 * `Range.copyFrom` "replicates the Copy and Paste actions of the Excel UI" and the Formulas / All copy types keep
 * "the relative positioning of those formulas' ranges" (Microsoft, "Cut, copy, and paste ranges using the Excel
 * JavaScript API"; ExcelApi 1.9): a block's formulas name their own row, the row above and the goal number in
 * their row with column-absolute, row-relative references, and everything else absolutely, so the copies are the
 * formulas the layout declares for those rows (test/evaluation/fill.test.ts compares every cell). Every copy goes
 * onto a range of its source's size (rows doubled at each step), so nothing depends on how a paste repeats a
 * smaller source over a larger destination or expands a destination smaller than its source.
 */
function filledBodyStep(ws: () => Excel.Worksheet, b: Body, blockRows: number): RangeStep {
  const n = blockRows;
  const goals = b.rows.length / n;
  const width = at(b.rows, 0, "body row").length;
  const span = (c0: number, c1: number, r0: number, r1: number) => area(b, c0, c1, r0, r1);
  const commands: RangeStep[] = [];
  const setFormats = (c0: number, c1: number, r0: number, r1: number) => {
    const formats = b.formats.slice(r0, r1 + 1).map((r) => r.slice(c0, c1 + 1));
    commands.push({ bytes: jsonBytes(formats) + COMMAND_BYTES, run: () => void (ws().getRange(span(c0, c1, r0, r1)).numberFormat = formats) });
  };
  // Formats that differ within a block (a Tracking row in its goal's unit, a text typed into a number column) go in
  // whole after the copies, which carry the first rows' formats; the constants of the later rows then come after
  // them, so that a text such as "=x" lands in a cell already formatted as text and stays text.
  const uniform = uniformFormats(b, n);
  const late: RangeStep[] = [];
  const setCells = (c0: number, c1: number, r0: number, r1: number) => {
    const cells = b.rows.slice(r0, r1 + 1).map((r) => r.slice(c0, c1 + 1));
    (uniform || r0 < 2 ? commands : late).push({ bytes: jsonBytes(cells) + COMMAND_BYTES, run: () => void (ws().getRange(span(c0, c1, r0, r1)).formulas = cells) });
  };
  const copy = (dest: string, source: string, type: "All" | "Formats") =>
    commands.push({ bytes: 2 * COMMAND_BYTES, run: () => ws().getRange(dest).copyFrom(ws().getRange(source), type as Excel.RangeCopyType) });

  // Rows [first, first + total) from their first `unit` rows (total a multiple of unit), each copy onto a range of
  // the same size as its source (1, 2, 4 … units), so no paste relies on Excel repeating or expanding a source.
  const fillDown = (first: number, unit: number, total: number, type: "All" | "Formats", c0 = 0, c1 = width - 1) => {
    for (let done = unit; done < total; ) {
      const size = Math.min(done, total - done);
      copy(span(c0, c1, first + done, first + done + size - 1), span(c0, c1, first, first + size - 1), type);
      done += size;
    }
  };

  // Block 1: the first row (and the second) as declared; the second copied over rows 3…n with its formats.
  const explicit = Math.min(n, 2);
  setFormats(0, width - 1, 0, explicit - 1);
  setCells(0, width - 1, 0, explicit - 1);
  if (n > 2) {
    fillDown(1, 1, n - 1, "All");
    const second = at(b.rows, 1, "body row");
    for (const [c0, c1] of runsOf(width, (c) => b.rows.slice(2, n).some((r, k) => !formulaIn(b, 2 + k, c) && r[c] !== second[c]))) setCells(c0, c1, 2, n - 1);
  }
  // Blocks 2…: block 1 repeated, then the constants and number formats that differ. A block whose formats (its
  // goal's unit) a block before it already has copies that block's formats.
  if (goals > 1) {
    fillDown(0, n, goals * n, "All");
    const formatted: number[] = [0];
    for (let g = 1; g < goals; g++) {
      const first = g * n;
      const block = b.rows.slice(first, first + n);
      for (const [c0, c1] of runsOf(width, (c) => block.some((r, i) => !formulaIn(b, first + i, c) && r[c] !== at(b.rows, i, "block 1 row")[c]))) setCells(c0, c1, first, first + n - 1);
      if (!uniform) continue;
      const like = formatted.find((h) => sameRow(at(b.formats, h * n, "formats of a block before"), at(b.formats, first, "block formats")));
      if (like === 0) continue;
      if (like !== undefined) {
        copy(span(0, width - 1, first, first + n - 1), span(0, width - 1, like * n, like * n + n - 1), "Formats");
        continue;
      }
      setFormats(0, width - 1, first, first);
      fillDown(first, 1, n, "Formats");
      formatted.push(g);
    }
  }
  const last = b.rows.length - 1;
  if (!uniform) {
    // Only the columns whose format is not the same all the way down (the others came with the copies).
    for (const [c0, c1] of runsOf(width, (c) => b.formats.some((f) => f[c] !== at(b.formats, 0, "body formats")[c]))) setFormats(c0, c1, 0, last);
    commands.push(...late);
  }
  for (const [c0, c1] of runsOf(width, (c) => b.shade && formulaIn(b, 0, c))) {
    commands.push({ bytes: COMMAND_BYTES, run: () => void (ws().getRange(span(c0, c1, 0, last)).format.fill.color = STYLE.formulaFill) });
  }
  for (const [c0, c1] of runsOf(width, (c) => b.shade && formulaIn(b, 0, c) && b.muted.includes(c))) {
    commands.push({ bytes: COMMAND_BYTES, run: () => void (ws().getRange(span(c0, c1, 0, last)).format.font.color = STYLE.mutedFont) });
  }
  return { bytes: commands.reduce((sum, c) => sum + c.bytes, 0), run: () => commands.forEach((c) => c.run()) };
}
