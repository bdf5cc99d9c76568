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
import { columnIndex as columnNumber, columnLetters as columnLetter, parseCell as parseA1Cell, quoteSheetName as quoteSheet, splitSheet } from "../a1";
import type { EntityName, Language, Plan } from "../core/model";
import type { ActionColumn } from "./sheets/actions";
import type { AdjustmentColumn } from "./sheets/adjustments";
import type { CauseColumn } from "./sheets/causes";
import type { GoalColumn } from "./sheets/goals";
import type { GapColumn, HeaderField, SummaryField } from "./sheets/overview";
import type { ResourceColumn, ResponsibilityColumn } from "./sheets/resources";
import type { SignOffColumn } from "./sheets/sign-off";
import type { CheckInColumn, TrackingColumn } from "./sheets/tracking";
import type { ChartDecl } from "./charts";
import { isPercentUnit } from "../core/percent";
import {
  COLUMN_HEADERS,
  LIST_LABELS,
  RECORD_HEADERS,
  SHEET_NAMES,
  type ColumnHeaderId,
  type ListName,
  type Localized,
} from "../i18n/workbook";

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
  | "PIP_Evaluation"
  // Plain ranges, not Excel tables (SheetDecl.ranges): the Evaluation sheet's derived tables.
  | "PIP_EvalGoals"
  | "PIP_EvalQuarters"
  | "PIP_EvalPeriods";

/** Version of this layout, stored in the hidden meta sheet so a later PIPbook can upgrade a workbook. */
export const LAYOUT_VERSION = 1;
/** The hidden sheet holding the layout version and the cells the last check marked (see writer). */
export const META_SHEET = "PIP_Meta";
/**
 * Set by each save to 1 when the plan differs from what was signed (the seal: src/excel/seal.ts, beside it in the
 * very hidden journal sheet); the Sign-off sheet's row 8 then says "changed after signing — ask both to sign again".
 */
export const SEAL_FLAG_CELL = "PIP_Journal!$D$1";

/**
 * The column keys of each table, as literal types (declared beside each table in ./sheets): `f.col(table, key)`,
 * `f.value(table, key)` and `f.here(key)` accept only a key the table has, so a formula naming a column that is not
 * there, or a column renamed on one side only, fails tsc. Tables not listed take any string (checked when run).
 */
export interface ColumnKeys {
  PIP_Header: HeaderField;
  PIP_Summary: SummaryField;
  PIP_Gaps: GapColumn;
  PIP_Goals: GoalColumn;
  PIP_Causes: CauseColumn;
  PIP_Actions: ActionColumn;
  PIP_Resources: ResourceColumn;
  PIP_Responsibilities: ResponsibilityColumn;
  PIP_SignOff: SignOffColumn;
  PIP_Tracking: TrackingColumn;
  PIP_CheckIns: CheckInColumn;
  PIP_Adjustments: AdjustmentColumn;
}
export type ColumnKey<T extends TableName> = T extends keyof ColumnKeys ? ColumnKeys[T] : string;
/**
 * tsc's check that a table's key type names no key without a column: `const _goalsKeysDeclared: KeysDeclared<
 * GoalColumn, typeof goals.columns> = true` compiles only when every GoalColumn has its column (tables are declared
 * with `satisfies`, so their columns keep their literal keys); otherwise tsc names the keys without one.
 */
export type KeysDeclared<Key extends string, Columns extends readonly { key: string }[]> = [Exclude<Key, Columns[number]["key"]>] extends [never]
  ? true
  : { keysWithoutAColumn: Exclude<Key, Columns[number]["key"]> };

/** The plan's entities held as lists (one table row per element) and those held as one record (label/value). */
export type ListEntity = { [E in EntityName]: Plan[E] extends readonly unknown[] ? E : never }[EntityName];
export type RecordEntity = Exclude<EntityName, ListEntity>;
/** One model row of an entity: an element of a list entity, or the record itself. */
export type RowOf<E extends EntityName> = Plan[E] extends readonly (infer R extends object)[] ? R : Plan[E] & object;
/** A model row where the entity is not known statically (a loop over every table): field → value. */
export type AnyRow = Readonly<Record<string, unknown>>;
/** The row type a table of entity `E` declares its columns against (any row for derived tables and mixed lists). */
export type RowType<E extends EntityName | null> = [E] extends [null]
  ? NoRow
  : [E] extends [EntityName]
    ? EntityName extends E
      ? AnyRow
      : RowOf<E>
    : AnyRow;
/** The row of a derived table (entity null): no model field, so no column may name one. */
export type NoRow = Record<never, never>;

/** The rows of a list entity (none when a plan being read or repaired holds something else there). */
export function entityRows(plan: Plan, entity: ListEntity): readonly AnyRow[] {
  const rows = plan[entity];
  return Array.isArray(rows) ? rows : [];
}

/** The record of a record entity (undefined when a plan being read lacks it). */
export function entityRecord(plan: Plan, entity: RecordEntity): AnyRow | undefined {
  const record = plan[entity];
  return record !== null && typeof record === "object" ? record : undefined;
}

export type ColumnKind = "text" | "number" | "date" | "percent" | "list" | "formula";

/** Where a drop-down's items come from: a fixed list of labels, or another table's id column. */
export type ListSource =
  | { kind: "labels"; list: ListName; nullable?: boolean }
  | { [T in TableName]: { kind: "ids"; table: T; column: ColumnKey<T>; allowBlank?: boolean } }[TableName];

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
  | "overdueRow"
  /** the check-in schedule's row (this column holds the missed flag): amber while due, red once missed (tracking.ts). */
  | "checkInRow"
  /** Overview: red while a check-in was missed, amber while the current one is due (overview.ts checkInSummaryRules). */
  | "checkInsMissed"
  | "checkInDue";

/** Per-row number format for a value in a goal's unit (baseline, target, actual …). */
export type UnitFormat = "ownRow" | "goalOfRow";

/**
 * A column of a table whose rows are `Row` (the model's row type: `ColumnDecl<Goal, GoalColumn>`), with the table's
 * column keys `Key`. A field that is not on the model's row, a formula naming a key the table lacks: tsc says so.
 */
export type ColumnDecl<Row extends object = AnyRow, Key extends string = string> = ColumnSpec<keyof Row & string, Key>;

/** A column by its model field names `Field` and its table's keys `Key` (write ColumnDecl<Row, Key>). */
export interface ColumnSpec<Field extends string = string, Key extends string = string> {
  /** The model field name for input columns; a stable name for formula columns. */
  key: Key;
  header: Localized;
  kind: ColumnKind;
  /** The model field the column maps to (input columns); absent for formulas and print-only columns. */
  field?: Field;
  /** Record tables only: the entity of this row when it differs from the table's (thresholds on Overview). */
  entity?: RecordEntity;
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
  formula?: (f: FormulaRow<Key>) => string;
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
  /** Chart data and helpers of a plain range (SheetDecl.ranges) that a person need not read: shown in grey. */
  muted?: boolean;
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
export interface ListTableDecl<
  E extends ListEntity | null = ListEntity | null,
  Key extends string = string,
> extends TableBase {
  shape: "list";
  entity: E;
  columns: ColumnDecl<RowType<E>, Key>[];
  /** Derived tables (entity null): the rows the writer puts in, by column key (dates as ISO strings). */
  rowsOf?: (plan: Plan) => Record<string, unknown>[];
  /**
   * Plain ranges (SheetDecl.ranges): the rows come in blocks of this many (a goal's periods; 1 when every row has
   * the same formulas), each block's formulas the same relative to its rows, so the writer sends each distinct
   * formula once and lets Range.copyFrom fill the rest (src/excel/ranges.ts); 0: the whole body is one block. Also
   * for Excel tables (the Tracking log, the check-in schedule) whose body fits one step. Absent: every row is sent.
   */
  fillBlock?: (plan: Plan) => number;
}

/** A label/value table: one model record, one field per row (Item | Value). */
export interface RecordTableDecl<
  E extends RecordEntity | null = RecordEntity | null,
  Key extends string = string,
> extends TableBase {
  shape: "record";
  entity: E;
  fields: RecordFieldDecl<E, Key>[];
}

/** A field of a record table: of the table's record, or of another record entity named by `entity` (thresholds). */
export type RecordFieldDecl<E extends RecordEntity | null = RecordEntity | null, Key extends string = string> =
  ColumnDecl<RowType<E>, Key> | { [X in RecordEntity]: ColumnDecl<RowOf<X>, Key> & { entity: X } }[RecordEntity];

export type TableDecl = ListTableDecl | RecordTableDecl;

/** A free cell: a title, a note, or a formula shown on a printed page. */
export interface BlockDecl {
  /** A1 address. */
  cell: string;
  text?: Localized;
  formula?: (f: FormulaEnv) => string;
  /** Notes are not wrapped: the text runs on across the empty cells to its right, on screen and in print. */
  style: "title" | "note" | "label" | "value";
  /** Number format of a formula block (default General). */
  numberFormat?: string;
  /**
   * A block over a column range (`cell` "A5:A12"): one text or formula per row, written in one assignment (the
   * Evaluation sheet's summary labels and values).
   */
  lines?: { text?: Localized; formula?: (f: FormulaEnv) => string; numberFormat?: string }[];
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
  /**
   * Derived list tables (entity null, `rowsOf`) written as plain ranges, not Excel tables: their row count follows
   * the plan (goals × periods), so a rewrite clears their column bands down to the sheet's last row instead of
   * resizing a table (the Evaluation sheet's status by goal, quarterly and period tables). The reader skips them.
   */
  ranges?: ListTableDecl[];
  /** Native charts over the sheet's ranges, re-bound by name on every write (src/excel/charts.ts). */
  charts?: (plan: Plan, lang: Language) => ChartDecl[];
  /** print.area "derived": the print area for a plan (several areas, comma-separated). */
  printAreaOf?: (plan: Plan) => string;
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
  /** "derived": the area follows the plan (SheetDecl.printAreaOf: the Evaluation sheet's goals and charts). */
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
// A1 helpers: PIPbook's one A1 module (src/a1), under the names the layout's callers use.

export { columnLetter, columnNumber, quoteSheet };

/** Parses "D7" → {col: 3, row: 7} (column zero-based, row as written); null if not a cell address. */
export function parseCell(a1: string): { col: number; row: number } | null {
  const cell = parseA1Cell(a1);
  return cell ? { col: cell.col, row: cell.row + 1 } : null;
}

/** "Sheet!A1:B2" → { sheet, address }; a sheet name in quotes may contain '' for '; no sheet: "". */
export function splitAddress(full: string): { sheet: string; address: string } {
  const { sheet, local } = splitSheet(full);
  return { sheet: sheet ?? "", address: local };
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
  col<T extends TableName>(table: T, key: ColumnKey<T>): string;
  /** A bounded column range of a list table (first data row … row `lastRow`), for lists in data validation. */
  colRange<T extends TableName>(table: T, key: ColumnKey<T>, lastRow: number): string;
  /** Absolute, sheet-qualified cell of a record table's value: `Overview!$B$12`. */
  value<T extends TableName>(table: T, key: ColumnKey<T>): string;
  /** A list label as a string literal: `"合计"`. */
  label<N extends ListName>(list: N, value: keyof (typeof LIST_LABELS)[N] & string): string;
  /** COUNTIFS/SUMIFS criterion on a key column ("k" & text) matching exactly the text in `ref` (no wildcards, no operators). */
  exact(ref: string): string;
}

/** The environment of one row of a list table. */
export interface FormulaRow<Key extends string = string> extends FormulaEnv {
  /** This row's cell of a column of the same table: `$D7` (column absolute, row relative). */
  here(key: Key): string;
  /** The previous row's cell of a column of the same table: `$D6` (running totals, change against the row above). */
  above(key: Key): string;
  /** The 1-based sheet row. */
  row: number;
  /** The model row (derived tables: the row `rowsOf` gave; empty when none). */
  data: Readonly<Record<string, unknown>>;
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
      const label = labels[value];
      if (!label) throw new Error(`layout: the list ${listName} has no label ${value}`);
      return stringLiteral(label[lang]);
    },
    exact(ref) {
      // Criteria treat a leading = < > as an operator and * ? ~ as wildcards. Matched against a key column holding
      // "k" & the text (the tracking table's goalKey), "=k" plus the escaped text is literal in Excel, HyperFormula
      // and LibreOffice alike (case aside: criteria ignore case in all three).
      return `"=k"&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"~","~~"),"*","~*"),"?","~?")`;
    },
  };
}

export function makeFormulaRow(
  env: FormulaEnv,
  table: ListTableDecl,
  row: number,
  data: Readonly<Record<string, unknown>> = {},
): FormulaRow {
  return {
    ...env,
    row,
    data,
    here(key) {
      return `$${columnLetter(columnIndexOf(table, key))}${row}`;
    },
    above(key) {
      return `$${columnLetter(columnIndexOf(table, key))}${row - 1}`;
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
