/**
 * The PIP workbook's layout, declared once. Each sheet module in ./sheets declares its tables (stable names
 * PIP_*), columns (key = model field, header, kind, number format, width, input or formula, validation, list,
 * conditional formats) and free cells (titles, notes); `SHEETS` lists them in workbook order. The writer, the
 * reader, the findings' cell addresses and the charts all look columns up here.
 *
 * Pure data and functions: no Office.js. Positions are fixed by the declarations, never by a plan's row counts
 * (tables that grow sit where nothing is below or beside them), so a formula in one table can point at another.
 *
 * Formulas are en-US templates for `range.formulas`. They use only functions that Excel, HyperFormula and
 * LibreOffice all compute (SUMIFS, COUNTIFS, MAXIFS, INDEX/MATCH, IFERROR, SUBSTITUTE, N, ISNUMBER, ROW …) and
 * refer to other tables by whole columns (`'Tracking log'!$C:$C`): HyperFormula reads no structured references,
 * and a whole column still covers the rows a manager types below a table that Excel grows.
 */
import type { EntityName, Language, Plan } from "../core/model";
import { isPercentUnit } from "../core/percent";
import { COLUMN_HEADERS, LIST_LABELS, RECORD_HEADERS, SHEET_NAMES, type ColumnHeaderId, type ListName, type Localized } from "../i18n/workbook";

export type SheetKey = keyof typeof SHEET_NAMES;

export type TableName =
  | "PIP_Header"
  | "PIP_Summary"
  | "PIP_Gaps"
  | "PIP_Goals"
  | "PIP_Causes"
  | "PIP_Actions"
  | "PIP_Resources"
  | "PIP_Responsibilities"
  | "PIP_SignOff"
  | "PIP_Tracking"
  | "PIP_CheckIns"
  | "PIP_Adjustments"
  | "PIP_Evaluation";

/** Version of this layout, stored in the hidden meta sheet so a later PIPbook can upgrade a workbook. */
export const LAYOUT_VERSION = 1;
/** The hidden sheet holding the layout version and the cells the last check marked (see writer). */
export const META_SHEET = "PIP_Meta";
/**
 * Set by each save to 1 when the plan differs from what was signed (the seal: src/excel/seal.ts, beside it in the
 * very hidden journal sheet); the Sign-off sheet's row 8 then says "changed after signing — ask both to sign again".
 */
export const SEAL_FLAG_CELL = "PIP_Journal!$D$1";

export type ColumnKind = "text" | "number" | "date" | "percent" | "list" | "formula";

/** Where a drop-down's items come from: a fixed list of labels, or another table's id column. */
export type ListSource =
  | { kind: "labels"; list: ListName; nullable?: boolean }
  | { kind: "ids"; table: TableName; column: string; allowBlank?: boolean };

/** Data validation of an input column (ExcelApi 1.8); every rule has a stop alert (VALIDATION_ALERTS). */
export type ValidationRule =
  | { kind: "dateInWindow" }
  | { kind: "date" }
  | { kind: "decimal"; min?: number; max?: number; alert: "decimal" | "weight" | "threshold" }
  | { kind: "list" };

/** Conditional formats of a column (ExcelApi 1.6). */
export type ColumnHighlight =
  /** green ≥ met threshold, amber ≥ partially-met threshold, red below (attainment, progress, score). */
  | "attainmentBands"
  /** green ≥ on-track threshold, amber ≥ at-risk threshold, red below (pace). */
  | "paceBands"
  /** the goal status label: on track green, at risk amber, off track red. */
  | "statusBands"
  /** the row of an overdue action: this column holds the overdue flag. */
  | "overdueRow";

/** Per-row number format for a value in a goal's unit (baseline, target, actual …). */
export type UnitFormat = "ownRow" | "goalOfRow";

export interface ColumnDecl {
  /** The model field name for input columns; a stable name for formula columns. */
  key: string;
  header: Localized;
  kind: ColumnKind;
  /** The model field the column maps to (input columns); absent for formulas and print-only columns. */
  field?: string;
  /** Record tables only: the entity of this row when it differs from the table's (thresholds on Overview). */
  entity?: EntityName;
  list?: ListSource;
  /** Width in characters (the writer converts to points). */
  width: number;
  /** Number format; the default follows the kind (text "@", date yyyy-mm-dd, percent 0.0%). */
  numberFormat?: string;
  /** Formats each row's value with its goal's unit ("%" → percent, else the unit as a suffix). */
  unitFormat?: UnitFormat;
  /** A blank cell is a finding (CELL_EMPTY). */
  required?: boolean;
  validation?: ValidationRule;
  /** Formula columns: the en-US formula of one row. */
  formula?: (f: FormulaRow) => string;
  highlight?: ColumnHighlight;
  /** Record tables: this row's value may be typed over (the as-of date), although it is written as a formula. */
  inputFormula?: boolean;
  /** A helper the formulas need but a person does not read (Row key, Match key): the sheet column is hidden. */
  hidden?: boolean;
  /**
   * Who reads it (README "Who sees what", from DOMAIN.md): "everyone" (the default: the plan, tracking, the final
   * outcome) or "hr-manager" (a draft outcome, reasons and options before the decision), left out of the employee's
   * copy (`pipbook export --for employee`).
   */
  audience?: Audience;
  /** An "hr-manager" field of the Evaluation record that becomes everyone's once the evaluation is dated (decided). */
  sharedOnceDecided?: boolean;
}

export type Audience = "everyone" | "hr-manager";

interface TableBase {
  /** Stable, language-independent Excel table name. */
  name: TableName;
  /** The plan entity the table holds; null for derived tables that the reader skips. */
  entity: EntityName | null;
  sheet: SheetKey;
  /** Top-left cell of the header row: 1-based row, 0-based column. */
  anchor: { row: number; col: number };
}

/** One model row per table row. */
export interface ListTableDecl extends TableBase {
  shape: "list";
  columns: ColumnDecl[];
  /** Derived tables (entity null): the rows the writer puts in, by column key (dates as ISO strings). */
  rowsOf?: (plan: Plan) => Record<string, unknown>[];
}

/** A label/value table: one model record, one field per row (Item | Value). */
export interface RecordTableDecl extends TableBase {
  shape: "record";
  fields: ColumnDecl[];
}

export type TableDecl = ListTableDecl | RecordTableDecl;

/** A free cell: a title, a note, or a formula shown on a printed page. */
export interface BlockDecl {
  /** A1 address. */
  cell: string;
  text?: Localized;
  formula?: (f: FormulaEnv) => string;
  /** Notes are not wrapped: the text runs on across the empty cells to its right, on screen and in print. */
  style: "title" | "note" | "label" | "value";
}

export interface SheetDecl {
  key: SheetKey;
  name: Localized;
  tables: TableDecl[];
  blocks: BlockDecl[];
  /** Rows frozen at the top (through the main table's header row). */
  freezeRows: number;
  /** Columns frozen at the left. */
  freezeColumns?: number;
  /**
   * Protect the sheet (no password). Sheets whose tables managers extend by typing below them stay
   * unprotected, because Excel does not grow a table on a protected sheet.
   */
  protect: boolean;
  orientation: "portrait" | "landscape";
  /** How the sheet prints: an HR partner's page setup, written through Office.js's PageLayout and into the .xlsx. */
  print: PrintDecl;
}

/**
 * A sheet's print setup (Office.js `PageLayout`, ExcelApi 1.9). Paper is A4 everywhere. `fitTo` scales the print
 * area to that many pages wide and tall (`tall: 0` = as many pages as the rows need); in the .xlsx it becomes
 * `<pageSetup fitToWidth fitToHeight>` with `<sheetPr><pageSetUpPr fitToPage="1"/>`, without which Excel and
 * LibreOffice ignore it. The header row of the main table (`freezeRows`) repeats on every printed page.
 */
export interface PrintDecl {
  fitTo: { wide: number; tall: number };
  centerHorizontally?: boolean;
  /**
   * A wording that must print whole: the block's range is merged, wrapped and given this row height (points),
   * instead of running on across empty cells past the print area's edge.
   */
  wrap?: { range: string; rowHeight: number };
  /** Height (points) of the main table's body rows: room for a handwritten signature on the Sign-off sheet. */
  bodyRowHeight?: number;
  /** "derived": the sheet's own writer sets the print area (the Evaluation sheet: src/excel/evaluation.ts). */
  area?: "tables" | "derived";
}

// ---------------------------------------------------------------------------------------------------------------
// Building blocks for the sheet modules

export function header(id: ColumnHeaderId): Localized {
  return COLUMN_HEADERS[id];
}

export const DEFAULT_FORMATS: Record<Exclude<ColumnKind, "formula">, string> = {
  text: "@",
  list: "@",
  number: "General",
  percent: "0.0%",
  date: "yyyy-mm-dd",
};
export const DATE_FORMAT = DEFAULT_FORMATS.date;
/**
 * Attainment as docs/FORMULAS.md defines it, as a formula over cell expressions: increase v/t, decrease (2t − v)/t.
 * `decrease` is a condition that holds for lower-is-better goals. Callers add their own guards for empty cells.
 */
export function attainmentExpr(v: string, t: string, decrease: string): string {
  return `IF(${decrease},(2*${t}-${v})/${t},${v}/${t})`;
}

export const PERCENT_FORMAT = "0.0%";

/** Is the column typed in by a person (as opposed to computed)? */
export function isInput(column: ColumnDecl): boolean {
  return column.kind !== "formula" || column.inputFormula === true;
}

export function numberFormatOf(column: ColumnDecl): string {
  if (column.numberFormat) return column.numberFormat;
  if (column.kind === "formula") return "General";
  return DEFAULT_FORMATS[column.kind];
}

/**
 * Number format for a value in a unit: a percentage unit ("%", "％", "百分比", "率 (%)": src/core/percent.ts, whose
 * values the model keeps as fractions) → percent; otherwise General with the unit as a suffix.
 */
export function unitNumberFormat(unit: unknown): string {
  if (typeof unit !== "string") return "General";
  const u = unit.trim();
  if (u === "") return "General";
  if (isPercentUnit(u)) return "0.00%";
  // A format code quotes literal text; a unit that would break the quoting gets no suffix.
  if (/["\\;@[\]]/.test(u) || u.length > 20) return "General";
  return `General" ${u}"`;
}

// ---------------------------------------------------------------------------------------------------------------
// A1 helpers

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses "D7" → {col: 3, row: 7}; null if not a cell address. */
export function parseCell(a1: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  return m ? { col: columnNumber(m[1]), row: Number(m[2]) } : null;
}

/** Sheet name as it appears in a reference: quoted unless plain letters/digits/_ (CJK letters count). */
export function quoteSheet(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet!A1:B2" → { sheet, address }; a sheet name in quotes may contain '' for '. */
export function splitAddress(full: string): { sheet: string; address: string } {
  const bang = full.lastIndexOf("!");
  if (bang < 0) return { sheet: "", address: full };
  let sheet = full.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: full.slice(bang + 1) };
}

// ---------------------------------------------------------------------------------------------------------------
// Names and positions

/** The worksheet names a write uses (the localized names, or others when a user's sheet already holds one). */
export type SheetNames = Record<SheetKey, string>;

export function defaultSheetNames(lang: Language): SheetNames {
  const out = {} as SheetNames;
  for (const key of Object.keys(SHEET_NAMES) as SheetKey[]) out[key] = SHEET_NAMES[key][lang];
  return out;
}

export function tableColumns(table: TableDecl): ColumnDecl[] {
  return table.shape === "list" ? table.columns : table.fields;
}

/** Column index (0-based, sheet) of a list table's column. */
export function columnIndexOf(table: ListTableDecl, key: string): number {
  const i = table.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`layout: ${table.name} has no column ${key}`);
  return table.anchor.col + i;
}

/** Sheet row (1-based) of a record table's field. */
export function recordRowOf(table: RecordTableDecl, key: string): number {
  const i = table.fields.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`layout: ${table.name} has no field ${key}`);
  return table.anchor.row + 1 + i;
}

/** First data row (1-based) of a list table. */
export function firstDataRow(table: TableDecl): number {
  return table.anchor.row + 1;
}

/** The header labels of a record table's two columns. */
export const RECORD_COLUMN_HEADERS = RECORD_HEADERS;

// ---------------------------------------------------------------------------------------------------------------
// Formula environment

/** What a formula template may refer to. */
export interface FormulaEnv {
  lang: Language;
  /** Whole column of a list table's column, sheet-qualified when on another sheet: `'Tracking log'!$C:$C`. */
  col(table: TableName, key: string): string;
  /** A bounded column range of a list table (first data row … row `lastRow`), for lists in data validation. */
  colRange(table: TableName, key: string, lastRow: number): string;
  /** Absolute, sheet-qualified cell of a record table's value: `Overview!$B$12`. */
  value(table: TableName, key: string): string;
  /** A list label as a string literal: `"合计"`. */
  label<N extends ListName>(list: N, value: keyof (typeof LIST_LABELS)[N] & string): string;
  /** COUNTIFS/SUMIFS criterion on a key column ("k" & text) matching exactly the text in `ref` (no wildcards, no operators). */
  exact(ref: string): string;
}

/** The environment of one row of a list table. */
export interface FormulaRow extends FormulaEnv {
  /** This row's cell of a column of the same table: `$D7` (column absolute, row relative). */
  here(key: string): string;
  /** The 1-based sheet row. */
  row: number;
}

export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export interface LayoutIndex {
  tables: Map<TableName, TableDecl>;
  sheets: Map<SheetKey, SheetDecl>;
}

export function makeFormulaEnv(index: LayoutIndex, names: SheetNames, lang: Language, fromSheet: SheetKey): FormulaEnv {
  const list = (name: TableName): ListTableDecl => {
    const t = index.tables.get(name);
    if (!t || t.shape !== "list") throw new Error(`layout: ${name} is not a list table`);
    return t;
  };
  const prefix = (sheet: SheetKey) => (sheet === fromSheet ? "" : `${quoteSheet(names[sheet])}!`);
  return {
    lang,
    col(table, key) {
      const t = list(table);
      const letter = columnLetter(columnIndexOf(t, key));
      return `${prefix(t.sheet)}$${letter}:$${letter}`;
    },
    colRange(table, key, lastRow) {
      const t = list(table);
      const letter = columnLetter(columnIndexOf(t, key));
      return `${prefix(t.sheet)}$${letter}$${firstDataRow(t)}:$${letter}$${lastRow}`;
    },
    value(table, key) {
      const t = index.tables.get(table);
      if (!t || t.shape !== "record") throw new Error(`layout: ${table} is not a record table`);
      const valueCol = columnLetter(t.anchor.col + 1);
      return `${quoteSheet(names[t.sheet])}!$${valueCol}$${recordRowOf(t, key)}`;
    },
    label(listName, value) {
      const labels = LIST_LABELS[listName] as Record<string, Localized>;
      return stringLiteral(labels[value][lang]);
    },
    exact(ref) {
      // Criteria treat a leading = < > as an operator and * ? ~ as wildcards. Matched against a key column holding
      // "k" & the text (the tracking table's goalKey), "=k" plus the escaped text is literal in Excel, HyperFormula
      // and LibreOffice alike (case aside: criteria ignore case in all three).
      return `"=k"&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"~","~~"),"*","~*"),"?","~?")`;
    },
  };
}

export function makeFormulaRow(env: FormulaEnv, table: ListTableDecl, row: number): FormulaRow {
  return {
    ...env,
    row,
    here(key) {
      return `$${columnLetter(columnIndexOf(table, key))}${row}`;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Model locations → cells

/** Where the reader found each table: the sheet it is on now and the sheet row of each model row. */
export interface TablePlacement {
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 0-based sheet column of each column key found (list tables) or of the value column (record tables). */
  columns: Record<string, number>;
  /** List tables: sheet row (1-based) of each model row, in model order. Record tables: sheet row of each field. */
  rows: number[] | Record<string, number>;
}

export type CellIndex = Partial<Record<TableName, TablePlacement>>;

export interface CellRef {
  sheet: string;
  cell: string;
}
