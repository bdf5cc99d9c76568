/**
 * The one-sync reader: every PIP table (found by its stable name, so a renamed or moved sheet is still found)
 * is loaded in ONE batch — header and body `values`, `valueTypes` and `numberFormat` — together with the list of
 * worksheets and tables the writer needs. Rows map back to the Plan by column header (either language), each
 * value keeping its cell address. A cell that does not fit (text where a number belongs, #REF!, a date typed as
 * text, a label not in the list, a required cell left empty), a missing or moved column, a missing table: each is
 * a finding with its sheet and cell, and everything else still reads. Then `validatePlan` runs and its findings
 * are placed on cells through the layout. Nothing here throws on any cell content.
 *
 * About the one sync: the batch asks each PIP table for its range through `getItemOrNullObject`. When a table is
 * missing, Office may fail such a batch (the in-memory Excel does: a method on a null object is ItemNotFound);
 * the reader then falls back to two syncs (list the tables, then load those that exist). A complete PIP workbook
 * is always read in one.
 */
import { DEFAULT_THRESHOLDS, SCHEMA_VERSION, type EntityName, type Language, type Plan } from "../core/model";
import type { Finding, FindingLocation, Severity } from "../core/findings";
import { serialToIso } from "../core/dates";
import { validatePlan } from "../core/validate";
import { entitySubject, type Localized } from "../i18n/findings";
import { readerMessage, type ReaderMessageId } from "../i18n/workbook";
import { BELOW_ROWS_SCANNED, checkLoadedTables } from "./reader-checks";
import type { ReadResult } from "./port";
import {
  LAYOUT,
  SHEETS,
  TABLES,
  columnLetter,
  locate,
  listLabels,
  splitAddress,
  parseCell,
  isInput,
  type CellIndex,
  type ColumnDecl,
  type ListTableDecl,
  type RecordTableDecl,
  type TableDecl,
  type TableName,
  type TablePlacement,
} from "../workbook";
import { decodeValue, headerIndex, type RawCell } from "../workbook/cells";
import type { ExtraCell } from "./extra-columns";
import { shapeOf, type WorkbookShape } from "./write/shape";
import type { ExistingChartInfo } from "./charts";
import { JOURNAL_SHEET, readJournal, type JournalRead, type SaveJournal } from "./journal";
import { readSeal, sealFindings, type SealRead } from "./seal";

/** What the reader read: the port's ReadResult and what a save over it needs (placements, the workbook's shape, the journal). */
export interface WorkbookRead extends ReadResult {
  /** The Overview's as-of date (ISO) as the workbook computes it now (=TODAY() or a typed date); null if unreadable. */
  asOf: string | null;
  /** Where each table was found: sheet, header row, columns, the sheet row of each model row. */
  placement: CellIndex;
  /** Worksheets and PIP tables, for the writer (no second probe). */
  shape: WorkbookShape;
  /** Estimated request bytes of each sync the read made (a failed optimistic batch included). */
  requestBytes: number[];
  /** Columns a person added inside a PIP list table (not in the layout), with their cells, so a rewrite keeps them. */
  extraColumns: ExtraColumnRead[];
  /**
   * A save that did not finish (its journal still carries the "saving" marker): the content it was writing. The
   * tables may be half-written, so `plan` must not be merged against; finish the save from `interrupted.journal`.
   */
  interrupted: { journal: SaveJournal | null; savedAt: string } | null;
}

/** A column a person added inside a PIP list table. */
export interface ExtraColumnRead {
  table: TableName;
  header: string;
  sheet: string;
  /** Column letter on the sheet. */
  column: string;
  /** One cell per model row read (derived tables: per body row), in the reader's row order. */
  cells: ExtraCell[];
  /** The sheet row of each cell. */
  rows: number[];
  /** Rows of the table with no plan data where this column is not empty (a formula filled down, or a person's note). */
  loose: number[];
  /** The table as read: header row, last row, and each column's sheet column now → the column a rewrite gives it. */
  table0: { headerRow: number; lastRow: number; columns: [number, number][] };
}

export interface ReadOptions {
  /** Run validatePlan and place its findings (default true). */
  validate?: boolean;
  /**
   * Load formulas and the rows below list tables, and check them (src/excel/reader-checks.ts: a formula cell typed
   * over, rows typed below a table it did not take in). Default true; the CLI turns it off because its in-memory
   * workbook holds the file's cached results in formula cells and it checks the file's formulas itself.
   */
  formulaChecks?: boolean;
}

/**
 * The tables the reader loads: all of them — those holding plan data, the summary (for the as-of date), and the
 * derived check-in schedule (for its range and any column a person added to it).
 */
const READ_TABLES = TABLES;

/** Estimated request size: the collection loads (sheets, tables, names, the journal), three commands per table. */
const requestEstimate = (tables: number) => 420 + 300 * tables;

interface LoadedTable {
  name: TableName;
  /** null when the table is not in the workbook. */
  range: { address: string; values: unknown[][]; valueTypes?: unknown[][]; numberFormat?: unknown[][]; formulas?: unknown[][] } | null;
  /** The rows right below a list table (formula checks on), for rows typed there that the table did not take in. */
  below?: { address: string; values: unknown[][]; formulas: unknown[][] } | null;
}

/**
 * What the one-sync load asks of each table: with formula checks (src/excel/reader-checks.ts) its formulas too, and
 * for a list table holding plan rows the BELOW_ROWS_SCANNED rows under it (Range.getRowsBelow, ExcelApi 1.2).
 */
function queueTableLoad(table: Excel.Table, name: TableName, formulaChecks: boolean): { range: Excel.Range; below: Excel.Range | null } {
  const range = table.getRange();
  range.load(formulaChecks ? "address,values,valueTypes,numberFormat,formulas" : "address,values,valueTypes,numberFormat");
  const decl = LAYOUT.tables.get(name);
  const below = formulaChecks && decl?.shape === "list" && decl.entity !== null ? range.getRowsBelow(BELOW_ROWS_SCANNED) : null;
  below?.load("address,values,formulas");
  return { range, below };
}

function belowData(below: Excel.Range | null): LoadedTable["below"] {
  return below ? { address: below.address, values: below.values, formulas: below.formulas } : null;
}

async function loadOptimistic(context: Excel.RequestContext, formulaChecks: boolean): Promise<{ tables: LoadedTable[]; shape: WorkbookShape; journal: JournalRead; seal: SealRead }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const collection = context.workbook.tables;
  collection.load("items/name,items/worksheet/name");
  const handles = READ_TABLES.map((t) => {
    const table = collection.getItemOrNullObject(t.name);
    return { name: t.name, table, ...queueTableLoad(table, t.name, formulaChecks) };
  });
  const charts = extraSheetCharts(collection);
  const names = context.workbook.names;
  names.load("items/name");
  // The save journal (a PIP workbook always has its sheet; one without it takes the two-step read).
  const journal = sheets.getItem(JOURNAL_SHEET).getUsedRange(true);
  journal.load("address,values");
  await context.sync();
  const shape = shapeOf(sheets, collection, names);
  shape.charts = charts();
  return {
    shape,
    tables: handles.map((h) => ({ name: h.name, range: h.table.isNullObject ? null : rangeData(h.range, formulaChecks), below: h.table.isNullObject ? null : belowData(h.below) })),
    journal: readJournal(journal.values),
    // The seal of a signed plan: column C of the same sheet (src/excel/seal.ts).
    seal: readSeal(journal.values, journal.address),
  };
}

/**
 * Queues a load of the charts on each sheet that declares charts (found through the sheet's first table, in the
 * same batch); the returned function gives them by worksheet name after the sync.
 */
function extraSheetCharts(collection: Excel.TableCollection, present?: (table: string) => boolean): () => Record<string, ExistingChartInfo[]> {
  const loads = SHEETS.filter((sheet) => sheet.charts).flatMap((sheet) => {
    const table = sheet.tables[0];
    if (!table || (present && !present(table.name))) return [];
    const worksheet = (present ? collection.getItem(table.name) : collection.getItemOrNullObject(table.name)).worksheet;
    worksheet.load("name");
    const charts = worksheet.charts;
    charts.load("items/name,items/series/count");
    return [{ worksheet, charts }];
  });
  return () => {
    const out: Record<string, ExistingChartInfo[]> = {};
    for (const { worksheet, charts } of loads) {
      if (worksheet.isNullObject) continue;
      out[worksheet.name] = charts.items.map((c) => ({ name: c.name, seriesCount: c.series.count }));
    }
    return out;
  };
}

async function loadTwoStep(context: Excel.RequestContext, formulaChecks: boolean): Promise<{ tables: LoadedTable[]; shape: WorkbookShape; syncs: number; journal: JournalRead; seal: SealRead }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const collection = context.workbook.tables;
  collection.load("items/name,items/worksheet/name");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  const shape = shapeOf(sheets, collection, names);
  const present = READ_TABLES.filter((t) => shape.tables[t.name] !== undefined);
  const journalRange = shape.sheets.includes(JOURNAL_SHEET) ? sheets.getItem(JOURNAL_SHEET).getUsedRange(true) : null;
  journalRange?.load("address,values");
  if (present.length === 0 && !journalRange) return { shape, tables: READ_TABLES.map((t) => ({ name: t.name, range: null })), syncs: 1, journal: { state: "none" }, seal: { state: "none" } };
  const ranges = new Map(present.map((t) => [t.name, queueTableLoad(collection.getItem(t.name), t.name, formulaChecks)] as const));
  const charts = extraSheetCharts(collection, (name) => shape.tables[name] !== undefined);
  await context.sync();
  shape.charts = charts();
  return {
    shape,
    tables: READ_TABLES.map((t) => {
      const loaded = ranges.get(t.name);
      return { name: t.name, range: loaded ? rangeData(loaded.range, formulaChecks) : null, below: loaded ? belowData(loaded.below) : null };
    }),
    syncs: 2,
    journal: journalRange ? readJournal(journalRange.values) : { state: "none" },
    seal: journalRange ? readSeal(journalRange.values, journalRange.address) : { state: "none" },
  };
}

function rangeData(range: Excel.Range, withFormulas: boolean): LoadedTable["range"] {
  const data = { address: range.address, values: range.values, valueTypes: range.valueTypes, numberFormat: range.numberFormat };
  return withFormulas ? { ...data, formulas: range.formulas } : data;
}

/** Excel's message of anything thrown, for a sentence that names it. */
export function errorText(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** Reads the whole plan (one sync for a complete PIP workbook). Never throws. */
export async function readPlan(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookRead> {
  let loaded: { tables: LoadedTable[]; shape: WorkbookShape; journal: JournalRead; seal: SealRead };
  const requestBytes = [requestEstimate(READ_TABLES.length)];
  try {
    loaded = await loadOptimistic(context, options.formulaChecks !== false);
  } catch {
    try {
      const twoStep = await loadTwoStep(context, options.formulaChecks !== false);
      loaded = twoStep;
      requestBytes.push(requestEstimate(0));
      if (twoStep.syncs === 2) requestBytes.push(requestEstimate(READ_TABLES.filter((t) => twoStep.shape.tables[t.name] !== undefined).length));
    } catch (error) {
      const finding = makeFinding("READ_FAILED", "error", { entity: "header" }, readerMessage("READ_FAILED", { detail: errorText(error) }));
      return {
        plan: null,
        findings: [finding],
        syncs: requestBytes.length + 1,
        asOf: null,
        placement: {},
        shape: { sheets: [], tables: {} },
        requestBytes,
        extraColumns: [],
        interrupted: null,
      };
    }
  }
  // The tables' ranges, so that a rewrite clears exactly what PIPbook wrote (src/workbook/footprint.ts).
  const ranges: Record<string, string> = {};
  for (const t of loaded.tables) if (t.range) ranges[t.name] = t.range.address;
  const shape = { ...loaded.shape, ranges, seal: loaded.seal };
  const read = { ...interpret(loaded.tables, options), syncs: requestBytes.length, shape, requestBytes, interrupted: null };
  // PIP cells a person can break (src/excel/reader-checks.ts): the as-of cell, a lost value column, and with formula
  // checks a formula cell typed over and rows typed below a table.
  if (read.plan !== null) read.findings = [...read.findings, ...checkLoadedTables(loaded.tables)];
  // Changed after signing (src/excel/seal.ts); not while a save is interrupted (the tables may be half-written).
  if (read.plan !== null && loaded.journal.state === "none") {
    read.findings = [...read.findings, ...sealFindings(loaded.seal, read.plan, read.plan.header.language === "en-US" ? "en-US" : "zh-CN", read.placement)];
  }
  return withJournal(read, loaded.journal);
}

/**
 * A journal with its marker: the save it records did not finish. The finding comes first, as an error with a
 * stable code, and the result says what the save was writing (the port and `pipbook repair` finish from it).
 */
function withJournal(read: WorkbookRead, journal: JournalRead): WorkbookRead {
  if (journal.state === "none") return read;
  const code = journal.state === "interrupted" ? "SAVE_INTERRUPTED" : "SAVE_JOURNAL_DAMAGED";
  const finding = makeFinding(code, "error", { entity: "header" }, readerMessage(code, { time: journal.savedAt }));
  return {
    ...read,
    findings: [finding, ...read.findings],
    interrupted: { journal: journal.state === "interrupted" ? journal.journal : null, savedAt: journal.savedAt },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// From loaded ranges to a plan

function makeFinding(code: ReaderMessageId, severity: Severity, location: FindingLocation, message: Localized): Finding {
  return { code, severity, location, message };
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");


function cellAt(range: NonNullable<LoadedTable["range"]>, r: number, c: number): RawCell {
  return {
    value: range.values[r]?.[c],
    type: range.valueTypes?.[r]?.[c] as string | undefined,
    numberFormat: range.numberFormat?.[r]?.[c] as string | undefined,
  };
}

interface Context {
  findings: Finding[];
  placement: CellIndex;
  extraColumns: ExtraColumnRead[];
}

function rangeOrigin(address: string): { sheet: string; row: number; col: number } {
  const { sheet, address: a1 } = splitAddress(address);
  const start = parseCell(a1.split(":")[0] ?? "") ?? { col: 0, row: 1 };
  return { sheet, row: start.row, col: start.col };
}

function defaultValue(column: ColumnDecl): unknown {
  if (column.kind === "text") return "";
  if (column.list?.kind === "labels" && column.list.list === "yesNo") return false;
  if (column.list?.kind === "ids") return "";
  return null;
}

function fieldOf(column: ColumnDecl): string | undefined {
  return isInput(column) && column.kind !== "formula" ? column.field : undefined;
}

/** Decodes one cell and files its problem as a finding. */
function readCell(
  ctx: Context,
  column: ColumnDecl,
  raw: RawCell,
  location: FindingLocation,
  subject: Localized,
): unknown {
  const decoded = decodeValue(column, raw);
  const field = column.header;
  if (decoded.problem) {
    const params: Record<string, string | Localized> = { field, value: decoded.problem.shown };
    if (decoded.problem.code === "CELL_NOT_IN_LIST" && column.list?.kind === "labels") {
      params.allowed = { "zh-CN": listLabels(column.list.list, "zh-CN").join("、"), "en-US": listLabels(column.list.list, "en-US").join(", ") };
    }
    ctx.findings.push(makeFinding(decoded.problem.code, "error", location, readerMessage(decoded.problem.code, params, subject)));
    return decoded.value;
  }
  if (decoded.blank) {
    if (column.required && !(column.list?.kind === "labels" && column.list.list === "yesNo")) {
      ctx.findings.push(makeFinding("CELL_EMPTY", "error", location, readerMessage("CELL_EMPTY", { field }, subject)));
    }
    return decoded.value === null || decoded.value === undefined || decoded.value === "" ? defaultValue(column) : decoded.value;
  }
  return decoded.value;
}

function readListTable(ctx: Context, table: ListTableDecl, range: NonNullable<LoadedTable["range"]>): Record<string, unknown>[] {
  const entity = table.entity as EntityName;
  const origin = rangeOrigin(range.address);
  const headerRow = range.values[0] ?? [];
  const columns: Record<string, number> = {};
  const rowsOut: number[] = [];
  const placement: TablePlacement = { sheet: origin.sheet, headerRow: origin.row, columns, rows: rowsOut };
  ctx.placement[table.name] = placement;
  const at = (c: number, r: number) => `${columnLetter(origin.col + c)}${origin.row + r}`;
  const found = new Map<ColumnDecl, number>();
  table.columns.forEach((column, declared) => {
    const j = headerIndex(column, headerRow);
    if (j >= 0) {
      found.set(column, j);
      columns[column.key] = origin.col + j;
      const field = fieldOf(column);
      if (field && j !== declared) {
        ctx.findings.push(
          makeFinding(
            "COLUMN_MOVED",
            "warning",
            { entity, field, sheet: origin.sheet, cell: at(j, 0) },
            readerMessage("COLUMN_MOVED", { field: column.header, expected: columnLetter(origin.col + declared), found: columnLetter(origin.col + j) }, entitySubject(entity)),
          ),
        );
      }
      return;
    }
    const field = fieldOf(column);
    if (!field) return;
    ctx.findings.push(
      makeFinding(
        "COLUMN_MISSING",
        column.required ? "error" : "warning",
        // where its header belongs: the column's declared place in the table
        { entity, field, sheet: origin.sheet, cell: at(declared, 0) },
        readerMessage("COLUMN_MISSING", { table: table.name, field: column.header }, entitySubject(entity)),
      ),
    );
  });
  const inputs = table.columns.filter((c) => fieldOf(c) !== undefined);
  const matched = new Set(found.values());
  const extras = headerRow
    .map((h, j) => ({ h, j }))
    .filter(({ j }) => !matched.has(j))
    .map(({ h, j }): ExtraColumnRead => ({ table: table.name, header: String(h ?? ""), sheet: origin.sheet, column: columnLetter(origin.col + j), cells: [], rows: [], loose: [], table0: { headerRow: 0, lastRow: 0, columns: [] } }));
  const extraIndex = extras.map((e) => headerRow.findIndex((_, j) => !matched.has(j) && columnLetter(origin.col + j) === e.column));
  // Where each column's cells go on a rewrite: the layout's columns to their declared place, people's after them.
  const moves: [number, number][] = [
    ...table.columns.flatMap((column, declared): [number, number][] => (found.has(column) ? [[origin.col + found.get(column)!, table.anchor.col + declared]] : [])),
    ...extraIndex.map((j, k): [number, number] => [origin.col + j, table.anchor.col + table.columns.length + k]),
  ];
  for (const e of extras) e.table0 = { headerRow: origin.row, lastRow: origin.row + range.values.length - 1, columns: moves };
  ctx.extraColumns.push(...extras);
  const keepExtras = (r: number) =>
    extras.forEach((e, k) => {
      const j = extraIndex[k] ?? -1;
      e.cells.push({ value: range.values[r]?.[j], numberFormat: String(range.numberFormat?.[r]?.[j] ?? "General") });
      e.rows.push(origin.row + r);
    });
  if (table.entity === null) {
    // A derived table (the check-in schedule): nothing to read into the plan, only a person's own columns.
    for (let r = 1; r < range.values.length; r++) keepExtras(r);
    return [];
  }
  const out: Record<string, unknown>[] = [];
  for (let r = 1; r < range.values.length; r++) {
    const blank = inputs.every((column) => {
      const j = found.get(column);
      if (j === undefined) return true;
      return isBlank(range.values[r]?.[j]);
    });
    if (blank) {
      // No plan data: not a row of the plan. A person's column may still hold something there (the port refuses a
      // rewrite that would drop a typed note, and lets a formula filled down the column go).
      extras.forEach((e, k) => {
        if (!isBlank(range.values[r]?.[extraIndex[k] ?? -1])) e.loose.push(origin.row + r);
      });
      continue;
    }
    const index = out.length;
    const idColumn = table.columns.find((c) => c.key === "id");
    const idValue = idColumn && found.has(idColumn) ? range.values[r]?.[found.get(idColumn)!] : undefined;
    const subject = entitySubject(entity, index, idValue === undefined || idValue === null ? undefined : String(idValue));
    const row: Record<string, unknown> = {};
    for (const column of inputs) {
      const field = column.field!;
      const j = found.get(column);
      if (j === undefined) {
        row[field] = defaultValue(column);
        continue;
      }
      row[field] = readCell(ctx, column, cellAt(range, r, j), { entity, row: index, field, sheet: origin.sheet, cell: at(j, r) }, subject);
    }
    out.push(row);
    rowsOut.push(origin.row + r);
    keepExtras(r);
  }
  return out;
}

/** Reads a label/value table: rows found by their label in either language. */
function readRecordTable(ctx: Context, table: RecordTableDecl, range: NonNullable<LoadedTable["range"]>): Map<ColumnDecl, unknown> {
  const origin = rangeOrigin(range.address);
  const rows: Record<string, number> = {};
  ctx.placement[table.name] = { sheet: origin.sheet, headerRow: origin.row, columns: { value: origin.col + 1 }, rows };
  const values = new Map<ColumnDecl, unknown>();
  const valueCell = (r: number) => `${columnLetter(origin.col + 1)}${origin.row + r}`;
  // The label column (row 0 is the header): each field finds its row by its label in either language.
  const labels = range.values.map((row) => row[0]);
  for (const field of table.fields) {
    const entity = (field.entity ?? table.entity ?? "header") as EntityName;
    const r = headerIndex(field, labels, 1);
    if (r < 0) {
      if (table.entity === null || !field.field) continue;
      ctx.findings.push(
        makeFinding(
          "FIELD_MISSING",
          field.required ? "error" : "warning",
          { entity, field: field.field, sheet: origin.sheet, cell: `${columnLetter(origin.col)}${origin.row}` },
          readerMessage("FIELD_MISSING", { table: table.name, field: field.header }, entitySubject(entity)),
        ),
      );
      values.set(field, defaultValue(field));
      continue;
    }
    rows[field.key] = origin.row + r;
    const raw = cellAt(range, r, 1);
    if (table.entity === null || !field.field) {
      values.set(field, raw.value);
      continue;
    }
    values.set(
      field,
      readCell(ctx, field, raw, { entity, field: field.field, sheet: origin.sheet, cell: valueCell(r) }, entitySubject(entity)),
    );
  }
  return values;
}

const HEADER_DEFAULTS: Record<string, unknown> = { language: "zh-CN" };
const EVALUATION_DEFAULTS = { date: null, outcome: null, decision: null, measuresToStandardise: "", reasons: "", extensionEnd: null, notes: "" };

function interpret(tables: LoadedTable[], options: ReadOptions): Omit<WorkbookRead, "syncs" | "shape" | "requestBytes" | "interrupted"> {
  const ctx: Context = { findings: [], placement: {}, extraColumns: [] };
  if (tables.every((t) => t.range === null)) return { plan: null, findings: [], asOf: null, placement: {}, extraColumns: [] };
  const byName = new Map(tables.map((t) => [t.name, t.range]));
  const plan: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION };
  const header: Record<string, unknown> = {};
  const thresholds: Record<string, unknown> = { ...DEFAULT_THRESHOLDS };
  const evaluation: Record<string, unknown> = { ...EVALUATION_DEFAULTS };
  let asOf: string | null = null;

  for (const table of READ_TABLES as TableDecl[]) {
    const range = byName.get(table.name) ?? null;
    if (range === null || !Array.isArray(range.values)) {
      if (table.entity !== null) {
        ctx.findings.push(
          makeFinding("TABLE_MISSING", "error", { entity: table.entity }, readerMessage("TABLE_MISSING", { table: table.name, label: entitySubject(table.entity) })),
        );
        if (table.shape === "list") plan[table.entity] = [];
      }
      continue;
    }
    if (table.shape === "list") {
      const rows = readListTable(ctx, table, range);
      if (table.entity !== null) plan[table.entity] = rows;
      continue;
    }
    const values = readRecordTable(ctx, table, range);
    for (const [field, value] of values) {
      if (table.name === "PIP_Summary") {
        if (field.key === "asOf" && typeof value === "number") asOf = serialToIso(value);
        continue;
      }
      if (!field.field) continue;
      const entity = field.entity ?? table.entity;
      if (entity === "thresholds") thresholds[field.field] = value ?? thresholds[field.field];
      else if (entity === "evaluation") evaluation[field.field] = value;
      else header[field.field] = value;
    }
  }
  for (const field of (TABLES.find((t) => t.name === "PIP_Header") as RecordTableDecl).fields) {
    if (field.entity === "thresholds" || !field.field) continue;
    if (header[field.field] === undefined || header[field.field] === null) header[field.field] = HEADER_DEFAULTS[field.field] ?? defaultValue(field);
  }
  plan.header = header;
  plan.thresholds = thresholds;
  plan.evaluation = evaluation;
  // Cells become a plan here: every value was decoded by its column's kind, and validatePlan below checks the rest.
  const result = plan as Plan;

  const findings = [...ctx.findings];
  if (options.validate !== false) {
    const taken = new Set(ctx.findings.map((f) => locationKey(f.location)));
    const language = (header.language === "en-US" ? "en-US" : "zh-CN") as Language;
    for (const finding of validatePlan(result)) {
      if (taken.has(locationKey(finding.location))) continue;
      findings.push({ ...finding, location: locate(finding.location, language, ctx.placement) });
    }
  }
  return { plan: result, findings, asOf, placement: ctx.placement, extraColumns: ctx.extraColumns };
}

function locationKey(l: FindingLocation): string {
  return `${l.entity}|${l.row ?? ""}|${l.field ?? ""}`;
}
