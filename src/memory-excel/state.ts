/**
 * The workbook state behind the in-memory Excel: sheets, cells, formats, tables, validation, conditional
 * formats, charts. Plain data plus the operations the Office.js stand-in (api-*.ts) and the direct helpers
 * (index.ts) perform on it. Nothing here knows about proxies, load or sync.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  type Rect,
  boundingRect,
  formatAddress,
  formatRect,
  intersectRects,
  isEntireColumns,
  isEntireRows,
  parseAddress,
  rectContains,
  rectsIntersect,
  sameRect,
  subtractRect,
} from "./address";
import type { EngineError, EngineInput, EngineValue, FormulaEngine } from "./engine";
import { EXCEL_ERRORS, isEngineError } from "./engine";
import { MemoryExcelError, invalidArgument, itemNotFound } from "./errors";
import {
  type TableGeometry,
  dropColumnFromFormula,
  dropSheetFromFormula,
  hasStructuredReference,
  structuredToA1,
  renameColumnInFormula,
  renameSheetInFormula,
  renameTableInFormula,
  rewriteForEngine,
  rowRelativeKey,
  shiftFormula,
} from "./formula";
import { formatValue } from "./number-format";

/** A constant a cell holds. Errors are objects so that the text "#N/A" and the error #N/A stay apart. */
export type CellScalar = number | string | boolean | EngineError;

export interface BorderState {
  style?: string;
  color?: string;
  weight?: string;
}

export type BorderEdge =
  | "EdgeTop"
  | "EdgeBottom"
  | "EdgeLeft"
  | "EdgeRight"
  | "InsideVertical"
  | "InsideHorizontal"
  | "DiagonalDown"
  | "DiagonalUp";

export interface CellFormat {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  strikethrough?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  /** null: explicitly no fill. */
  fill?: string | null;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  locked?: boolean;
  formulaHidden?: boolean;
  borders?: Partial<Record<BorderEdge, BorderState>>;
}

export type FormatKey = Exclude<keyof CellFormat, "borders">;

export const DEFAULT_FORMAT: Required<Omit<CellFormat, "borders" | "fill">> & { fill: string | null } = {
  numberFormat: "General",
  bold: false,
  italic: false,
  underline: "None",
  strikethrough: false,
  fontColor: "#000000",
  fontSize: 11,
  fontName: "Calibri",
  fill: null,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
  indentLevel: 0,
  locked: true,
  formulaHidden: false,
};

export interface CellData {
  value?: CellScalar;
  /** "=…" in en-US syntax, as written. */
  formula?: string;
  format?: CellFormat;
}

/** Points; Excel's defaults for Calibri 11 (8.43 characters = 64 px = 48 pt wide, 20 px = 15 pt high). */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export interface ProtectionState {
  protected: boolean;
  options: Record<string, boolean | string>;
  password: string | null;
}

export interface ValidationProps {
  /** Office's DataValidationRule shape with formulas normalised to strings ("=10", "=$A$1:$A$5"). */
  rule: Record<string, Record<string, unknown>> | null;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ValidationEntry extends ValidationProps {
  rect: Rect;
}

export interface ConditionalFormatEntry {
  id: string;
  rects: Rect[];
  type: string;
  priority: number;
  stopIfTrue: boolean;
  /** The rule and format as Office shapes them for this type: { rule: {...}, format: {...} } or { criteria }. */
  data: Record<string, unknown>;
}

export interface ChartSeriesState {
  name: string;
  /** Absolute address with sheet, or null when not bound. */
  values: string | null;
  xValues: string | null;
  chartType: string | null;
  /** Everything else set on the series (format, markerStyle, hasDataLabels, axisGroup, …). */
  props: Record<string, unknown>;
}

export interface ChartState {
  id: string;
  name: string;
  chartType: string;
  seriesBy: string;
  source: string | null;
  series: ChartSeriesState[];
  /** title, legend, axes, dataLabels, format, plotArea … as set through the API. */
  props: Record<string, unknown>;
  top: number;
  left: number;
  width: number;
  height: number;
  /** Cells given to setPosition, when used. */
  anchor: { from: string; to: string | null } | null;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: string;
  showGridlines: boolean;
  cells: Map<number, CellData>;
  columnFormats: Map<number, CellFormat>;
  rowFormats: Map<number, CellFormat>;
  sheetFormat: CellFormat;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  hiddenRows: Set<number>;
  frozenRows: number;
  frozenColumns: number;
  printArea: Rect | null;
  /** The print area's further areas (`setPrintArea("A1:I27,K5:R22")`); each prints on pages of its own. */
  printAreaMore?: Rect[];
  pageLayout: Record<string, unknown>;
  protection: ProtectionState;
  validations: ValidationEntry[];
  conditionalFormats: ConditionalFormatEntry[];
  charts: ChartState[];
  merges: Rect[];
}

export interface TableColumnState {
  id: number;
  name: string;
  /** Formula of the first data row when the column is a calculated column; new rows get it, shifted. */
  calculatedFormula: string | null;
}

export interface TableState {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  columns: TableColumnState[];
  nextColumnId: number;
}

export interface ChangeRecord {
  sheetId: string;
  rect: Rect;
  kind: "values" | "format" | "structure";
}

// Read once: CommonJS builds of this module (jest's) reach an imported constant through a getter on every use.
const COLUMNS = MAX_COLUMNS;
export const cellKey = (row: number, column: number): number => row * COLUMNS + column;
export const keyRow = (key: number): number => Math.floor(key / COLUMNS);
export const keyColumn = (key: number): number => key % COLUMNS;

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/;

export function validateSheetName(name: unknown, location: string): string {
  if (typeof name !== "string" || name.trim() === "") throw invalidArgument("a sheet name can't be blank", location);
  if (name.length > 31) throw invalidArgument(`sheet name longer than 31 characters: "${name}"`, location);
  if (FORBIDDEN_SHEET_CHARS.test(name)) throw invalidArgument(`sheet name holds one of : \\ / ? * [ ]: "${name}"`, location);
  if (name.startsWith("'") || name.endsWith("'")) throw invalidArgument(`sheet name starts or ends with an apostrophe: "${name}"`, location);
  if (/^history$/i.test(name)) throw invalidArgument(`"History" is reserved by Excel`, location);
  return name;
}

/** Excel's rule for table and defined names: a letter, "_" or "\" first; letters, digits, "_" and "." after; not a cell reference. */
export function validateTableName(name: unknown, location: string): string {
  if (typeof name !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || name.length > 255) {
    throw invalidArgument(`not a valid table name: "${String(name)}"`, location);
  }
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^R\d*C\d*$/i.test(name)) {
    throw invalidArgument(`a table name can't look like a cell reference: "${name}"`, location);
  }
  return name;
}

/** A copy of a cell's format that shares nothing with it (borders are the one nested part). */
export function cloneFormat(f: CellFormat): CellFormat;
export function cloneFormat(f: CellFormat | undefined): CellFormat | undefined;
export function cloneFormat(f: CellFormat | undefined): CellFormat | undefined {
  if (!f) return undefined;
  const copy: CellFormat = { ...f };
  if (f.borders) {
    const borders: NonNullable<CellFormat["borders"]> = {};
    for (const [edge, border] of Object.entries(f.borders) as [BorderEdge, BorderState | undefined][]) if (border) borders[edge] = { ...border };
    copy.borders = borders;
  }
  return copy;
}

/** A copy of a cell (its value is a scalar or an error object, never changed in place; its format is copied). */
export function cloneCell(cell: CellData | undefined): CellData {
  if (!cell) return {};
  const copy: CellData = { ...cell };
  if (cell.format) copy.format = cloneFormat(cell.format);
  return copy;
}

/** What a values/formulas write turns into for one cell (Excel's input coercion). */
export type CellInput =
  | { kind: "skip" }
  | { kind: "clear" }
  | { kind: "formula"; formula: string }
  | { kind: "value"; value: CellScalar; numberFormat?: string };

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const PERCENT = /^\s*([+-]?(\d+\.?\d*|\.\d+))\s*%\s*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isoDateToSerial(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  const serial = Math.round((ms - Date.UTC(1899, 11, 30)) / 86400000);
  return serial >= 61 ? serial : null;
}

/**
 * Excel's rules for a value written through `Range.values` (or a constant through `Range.formulas`):
 * - null leaves the cell unchanged, "" empties it;
 * - in a cell formatted as Text ("@") every string is stored as text, even "=…";
 * - a leading apostrophe stores the rest as text ('123 → the text "123");
 * - "=…" is a formula, and so is a string starting with "+" or "-" that is not a number ("If the returned value
 *   starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula." —
 *   Range.values, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member);
 * - numeric text becomes a number, "12.5%" becomes 0.125 (and, in a General cell, the format "0.0%"),
 *   TRUE/FALSE become booleans, an error literal ("#N/A") becomes that error, an ISO date (YYYY-MM-DD, the
 *   locale-neutral form the same page recommends) becomes its serial (and, in a General cell, "yyyy-mm-dd");
 *   other text (thousand separators, currency symbols, locale dates) stays text.
 */
export function coerceInput(raw: unknown, currentNumberFormat: string, location: string): CellInput {
  if (raw === null || raw === undefined) return { kind: "skip" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw invalidArgument(`not a finite number: ${raw}`, location);
    return { kind: "value", value: raw };
  }
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  if (typeof raw !== "string") throw invalidArgument(`a cell value must be a string, number or boolean, got ${typeof raw}`, location);
  if (raw === "") return { kind: "clear" };
  if (currentNumberFormat === "@") return { kind: "value", value: raw };
  if (raw.startsWith("'")) return { kind: "value", value: raw.slice(1) };
  if (raw.startsWith("=") && raw.length > 1) return { kind: "formula", formula: raw };
  if (NUMERIC.test(raw)) return { kind: "value", value: Number(raw) };
  if ((raw.startsWith("+") || raw.startsWith("-")) && raw.length > 1) return { kind: "formula", formula: `=${raw}` };
  const pct = PERCENT.exec(raw);
  if (pct) {
    const digits = pct[1] ?? "";
    const decimals = (digits.split(".")[1] ?? "").length;
    const value = Number(digits) / 100;
    return currentNumberFormat === "General"
      ? { kind: "value", value, numberFormat: decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%" }
      : { kind: "value", value };
  }
  const upper = raw.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  const err = EXCEL_ERRORS.find((e) => e === upper);
  if (err) return { kind: "value", value: { error: err } };
  const serial = isoDateToSerial(raw);
  if (serial !== null) {
    return currentNumberFormat === "General"
      ? { kind: "value", value: serial, numberFormat: "yyyy-mm-dd" }
      : { kind: "value", value: serial };
  }
  return { kind: "value", value: raw };
}

export interface WorkbookStateOptions {
  engine?: FormulaEngine | null;
  /** Reject formulas the engine cannot parse with InvalidArgument (default true), as Excel rejects bad formulas. */
  strictFormulas?: boolean;
}

/**
 * A defined name the workbook brought with it (Formulas › Name Manager), kept so that a rewrite does not lose it:
 * passed through as written, never evaluated (see README.md).
 */
export interface DefinedNameState {
  name: string;
  /** The formula text as the file stores it, without "=" ("Notes!$B$2", "0.8"). */
  formula: string;
  /** The sheet a sheet-scoped name belongs to (by id, so it follows a rename); null: the workbook. */
  scopeSheetId: string | null;
  comment: string;
  visible: boolean;
}

export class WorkbookState {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  names: DefinedNameState[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; rect: Rect } | null = null;
  calculationMode = "Automatic";
  changes: ChangeRecord[] = [];
  readonly engine: FormulaEngine | null;
  readonly strictFormulas: boolean;
  private nextId = 1;
  /** Cells whose formulas use structured references: re-sent to the engine when a table changes shape. */
  private structuredCells = new Set<string>();

  constructor(options: WorkbookStateOptions = {}) {
    this.engine = options.engine ?? null;
    this.strictFormulas = options.strictFormulas ?? true;
  }

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  // ---- sheets ------------------------------------------------------------------------------------------

  sheetById(id: string): SheetState {
    const sheet = this.sheets.find((s) => s.id === id);
    if (!sheet) throw itemNotFound(`worksheet id ${id} was deleted`, "Worksheet");
    return sheet;
  }

  findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetByName(name: string, location: string): SheetState {
    const sheet = this.findSheet(name);
    if (!sheet) throw itemNotFound(`worksheet "${name}"`, location);
    return sheet;
  }

  addSheet(name: string | undefined, location = "WorksheetCollection.add"): SheetState {
    let finalName = name;
    if (finalName === undefined || finalName === null || finalName === "") {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    validateSheetName(finalName, location);
    if (this.findSheet(finalName)) {
      throw new MemoryExcelError("ItemAlreadyExists", `A sheet named "${finalName}" already exists.`, location);
    }
    const sheet = WorkbookState.emptySheet(this.newId("ws"), finalName);
    this.sheets.push(sheet);
    this.engine?.addSheet(finalName);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    this.noteChange(sheet.id, { r0: 0, c0: 0, r1: 0, c1: 0 }, "structure");
    return sheet;
  }

  static emptySheet(id: string, name: string): SheetState {
    return {
      id,
      name,
      visibility: "Visible",
      showGridlines: true,
      cells: new Map(),
      columnFormats: new Map(),
      rowFormats: new Map(),
      sheetFormat: {},
      columnWidths: new Map(),
      rowHeights: new Map(),
      hiddenColumns: new Set(),
      hiddenRows: new Set(),
      frozenRows: 0,
      frozenColumns: 0,
      printArea: null,
      pageLayout: { orientation: "Portrait" },
      protection: { protected: false, options: {}, password: null },
      validations: [],
      conditionalFormats: [],
      charts: [],
      merges: [],
    };
  }

  renameSheet(sheet: SheetState, newName: string, location = "Worksheet.name"): void {
    validateSheetName(newName, location);
    if (newName === sheet.name) return;
    const clash = this.findSheet(newName);
    if (clash && clash.id !== sheet.id) {
      throw new MemoryExcelError("ItemAlreadyExists", `A sheet named "${newName}" already exists.`, location);
    }
    const oldName = sheet.name;
    sheet.name = newName;
    this.engine?.renameSheet(oldName, newName);
    // Excel rewrites every formula that names the sheet (='Old name'!A1 → =New!A1).
    this.rewriteAllFormulas((f) => renameSheetInFormula(f, oldName, newName), false);
    for (const s of this.sheets) {
      for (const chart of s.charts) {
        for (const series of chart.series) {
          if (series.values) series.values = renameSheetInFormula(`=${series.values}`, oldName, newName).slice(1);
          if (series.xValues) series.xValues = renameSheetInFormula(`=${series.xValues}`, oldName, newName).slice(1);
        }
        if (chart.source) chart.source = renameSheetInFormula(`=${chart.source}`, oldName, newName).slice(1);
      }
    }
    // Defined names refer to the sheet by name too, and Excel rewrites them with the cells' formulas (=data1!NAMED
    // → =otherdata!NAMED, as reported from Excel in JanMarvin/openxlsx2#656; ClosedXML#2254 for a sheet's own name).
    // No Microsoft page says it in so many words.
    for (const n of this.names) n.formula = renameSheetInFormula(`=${n.formula}`, oldName, newName).slice(1);
    this.noteChange(sheet.id, { r0: 0, c0: 0, r1: 0, c1: 0 }, "structure");
  }

  deleteSheet(sheet: SheetState, location = "Worksheet.delete"): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0]?.id === sheet.id) {
      throw new MemoryExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.", location);
    }
    this.sheets = this.sheets.filter((s) => s.id !== sheet.id);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    this.engine?.removeSheet(sheet.name);
    for (const key of [...this.structuredCells]) if (key.startsWith(`${sheet.id}:`)) this.structuredCells.delete(key);
    this.rewriteAllFormulas((f) => dropSheetFromFormula(f, sheet.name), true);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
    if (this.selection?.sheetId === sheet.id) this.selection = null;
    this.noteChange(sheet.id, { r0: 0, c0: 0, r1: 0, c1: 0 }, "structure");
  }

  moveSheet(sheet: SheetState, position: number, location = "Worksheet.position"): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw invalidArgument(`position ${position} is outside 0..${this.sheets.length - 1}`, location);
    }
    this.sheets = this.sheets.filter((s) => s.id !== sheet.id);
    this.sheets.splice(position, 0, sheet);
  }

  /** Applies `rewrite` to every stored formula; when `resend`, changed cells go to the engine again. */
  private rewriteAllFormulas(rewrite: (formula: string) => string, resend: boolean): void {
    for (const sheet of this.sheets) {
      sheet.cells.forEach((cell, key) => {
        if (!cell.formula) return;
        const next = rewrite(cell.formula);
        if (next !== cell.formula) {
          cell.formula = next;
          if (resend) this.pushToEngine(sheet, keyRow(key), keyColumn(key));
        }
      });
      for (const v of sheet.validations) if (v.rule) v.rule = rewrittenRule(v.rule, rewrite);
    }
    for (const t of this.tables) for (const c of t.columns) if (c.calculatedFormula) c.calculatedFormula = rewrite(c.calculatedFormula);
  }

  // ---- cells -------------------------------------------------------------------------------------------

  cell(sheet: SheetState, row: number, column: number): CellData | undefined {
    return sheet.cells.get(cellKey(row, column));
  }

  private ensureCell(sheet: SheetState, row: number, column: number): CellData {
    const key = cellKey(row, column);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = {};
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  private dropIfEmpty(sheet: SheetState, row: number, column: number): void {
    const key = cellKey(row, column);
    const cell = sheet.cells.get(key);
    if (cell && cell.value === undefined && cell.formula === undefined && (!cell.format || Object.keys(cell.format).length === 0)) {
      sheet.cells.delete(key);
    }
  }

  /** The value Excel's `values` shows: the constant, or the formula's computed result (null = empty cell). */
  value(sheet: SheetState, row: number, column: number): CellScalar | null | undefined {
    const cell = this.cell(sheet, row, column);
    if (!cell) return null;
    if (cell.formula !== undefined) {
      if (!this.engine) return undefined; // not computed: no engine
      const v: EngineValue = this.engine.getValue(sheet.name, row, column);
      return v === null ? 0 : v; // a formula pointing at an empty cell shows 0 in Excel
    }
    return cell.value ?? null;
  }

  /** Office's `values` element: errors as their strings, empty as "". Without an engine a formula cell is null. */
  officeValue(sheet: SheetState, row: number, column: number): number | string | boolean | null {
    const v = this.value(sheet, row, column);
    if (v === undefined) return null;
    if (v === null) return "";
    if (isEngineError(v)) return v.error;
    return v;
  }

  officeFormula(sheet: SheetState, row: number, column: number): number | string | boolean {
    const cell = this.cell(sheet, row, column);
    if (!cell) return "";
    if (cell.formula !== undefined) return cell.formula;
    const v = cell.value;
    if (v === undefined) return "";
    if (isEngineError(v)) return v.error;
    return v;
  }

  valueType(sheet: SheetState, row: number, column: number): string {
    const v = this.value(sheet, row, column);
    if (v === undefined) return "Unknown";
    if (v === null || v === "") return v === null ? "Empty" : "String";
    if (isEngineError(v)) return "Error";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    return "String";
  }

  text(sheet: SheetState, row: number, column: number): string {
    const v = this.value(sheet, row, column);
    if (v === undefined) return "";
    return formatValue(v, this.formatProp(sheet, row, column, "numberFormat") as string);
  }

  /**
   * Throws InvalidArgument when the input is a formula the engine cannot parse (strict mode). Writers call it for
   * every cell before writing any, so a refused assignment leaves the range as it was, as in Excel.
   */
  checkInput(sheet: SheetState, row: number, column: number, input: CellInput, location: string): void {
    if (input.kind !== "formula" || !this.engine || !this.strictFormulas) return;
    const problem = this.engine.parseError(this.engineFormula(sheet, row, column, input.formula));
    if (problem) {
      throw invalidArgument(`${formatAddress(sheet.name, { r0: row, c0: column, r1: row, c1: column })}: ${input.formula} (${problem})`, location);
    }
  }

  /** Writes one cell's input (after coercion; `checked` when checkInput already ran). Returns true when content changed. */
  writeCell(sheet: SheetState, row: number, column: number, input: CellInput, location: string, checked = false): boolean {
    if (input.kind === "skip") return false;
    if (input.kind === "formula") {
      if (!checked) this.checkInput(sheet, row, column, input, location);
      const cell = this.ensureCell(sheet, row, column);
      cell.formula = input.formula;
      delete cell.value;
    } else if (input.kind === "clear") {
      const cell = this.cell(sheet, row, column);
      if (!cell) return false;
      delete cell.value;
      delete cell.formula;
      this.dropIfEmpty(sheet, row, column);
    } else {
      const cell = this.ensureCell(sheet, row, column);
      cell.value = input.value;
      delete cell.formula;
      if (input.numberFormat) {
        cell.format = { ...cell.format, numberFormat: input.numberFormat };
      }
    }
    this.pushToEngine(sheet, row, column);
    return true;
  }

  private engineFormula(sheet: SheetState, row: number, column: number, formula: string): string {
    return rewriteForEngine(formula, {
      hostSheet: sheet.name,
      hostRow: row,
      hostColumn: column,
      table: (name) => {
        const t = this.findTable(name);
        return t ? this.tableGeometry(t) : null;
      },
      hostTable: () => {
        const t = this.tableAt(sheet, row, column);
        return t ? this.tableGeometry(t) : null;
      },
    });
  }

  private pushToEngine(sheet: SheetState, row: number, column: number): void {
    const cell = this.cell(sheet, row, column);
    const key = `${sheet.id}:${row}:${column}`;
    if (cell?.formula !== undefined && hasStructuredReference(cell.formula)) this.structuredCells.add(key);
    else this.structuredCells.delete(key);
    if (!this.engine) return;
    let input: EngineInput = null;
    if (cell?.formula !== undefined) input = { formula: this.engineFormula(sheet, row, column, cell.formula) };
    else if (cell?.value !== undefined) input = cell.value;
    this.engine.setCell(sheet.name, row, column, input);
  }

  /** Re-sends formulas with structured references after a table moved, grew, or was renamed. */
  refreshStructuredFormulas(): void {
    for (const key of [...this.structuredCells]) {
      const [sheetId, r, c] = key.split(":");
      const sheet = this.sheets.find((s) => s.id === sheetId);
      if (!sheet) {
        this.structuredCells.delete(key);
        continue;
      }
      this.pushToEngine(sheet, Number(r), Number(c));
    }
  }

  /** Rebuilds the engine from the stored cells (after loading a snapshot). */
  rebuildEngine(): void {
    if (!this.engine) return;
    this.engine.reset();
    for (const sheet of this.sheets) this.engine.addSheet(sheet.name);
    for (const sheet of this.sheets) {
      for (const key of sheet.cells.keys()) this.pushToEngine(sheet, keyRow(key), keyColumn(key));
    }
  }

  // ---- formats -----------------------------------------------------------------------------------------

  formatProp<K extends FormatKey>(sheet: SheetState, row: number, column: number, key: K): CellFormat[K] | (typeof DEFAULT_FORMAT)[K] {
    const own = this.cell(sheet, row, column)?.format?.[key];
    if (own !== undefined) return own;
    const rowF = sheet.rowFormats.get(row)?.[key];
    if (rowF !== undefined) return rowF;
    const colF = sheet.columnFormats.get(column)?.[key];
    if (colF !== undefined) return colF;
    const sheetF = sheet.sheetFormat[key];
    if (sheetF !== undefined) return sheetF;
    return DEFAULT_FORMAT[key];
  }

  /**
   * Sets a format property on a range. Whole columns / rows / the sheet keep the format at that level (and drop
   * the property from the cells inside, which would otherwise win), so "B:B" costs one entry, not a million.
   */
  setFormat(sheet: SheetState, rect: Rect, apply: (f: CellFormat) => void, clearKey?: (f: CellFormat) => void): void {
    const cols = isEntireColumns(rect);
    const rows = isEntireRows(rect);
    const clearInside = (pred: (r: number, c: number) => boolean) => {
      for (const [key, cell] of sheet.cells) {
        const r = keyRow(key);
        const c = keyColumn(key);
        if (cell.format && pred(r, c)) {
          if (clearKey) clearKey(cell.format);
          else apply(cell.format);
        }
      }
    };
    if (cols && rows) {
      apply(sheet.sheetFormat);
      for (const f of sheet.columnFormats.values()) (clearKey ?? apply)(f);
      for (const f of sheet.rowFormats.values()) (clearKey ?? apply)(f);
      clearInside(() => true);
    } else if (cols) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const f = sheet.columnFormats.get(c) ?? {};
        apply(f);
        sheet.columnFormats.set(c, f);
      }
      for (const [r, f] of sheet.rowFormats) if (r >= 0) (clearKey ?? apply)(f);
      clearInside((_r, c) => c >= rect.c0 && c <= rect.c1);
    } else if (rows) {
      for (let r = rect.r0; r <= rect.r1; r++) {
        const f = sheet.rowFormats.get(r) ?? {};
        apply(f);
        sheet.rowFormats.set(r, f);
      }
      clearInside((r) => r >= rect.r0 && r <= rect.r1);
    } else {
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = this.ensureCell(sheet, r, c);
          cell.format = cell.format ?? {};
          apply(cell.format);
        }
      }
    }
    this.noteChange(sheet.id, rect, "format");
  }

  setFormatProp<K extends FormatKey>(sheet: SheetState, rect: Rect, key: K, value: CellFormat[K]): void {
    this.setFormat(
      sheet,
      rect,
      (f) => {
        f[key] = value;
      },
      (f) => {
        delete f[key];
      },
    );
  }

  /** Per-cell numberFormat writes (a 2-D array), with Excel's broadcast of a single value. */
  setNumberFormats(sheet: SheetState, rect: Rect, formats: unknown[][]): void {
    for (const [i, row] of formats.entries()) {
      for (const [j, f] of row.entries()) {
        if (f === null || f === undefined) continue;
        const cell = this.ensureCell(sheet, rect.r0 + i, rect.c0 + j);
        cell.format = { ...cell.format, numberFormat: String(f) };
      }
    }
    this.noteChange(sheet.id, rect, "format");
  }

  clearFormats(sheet: SheetState, rect: Rect): void {
    if (isEntireColumns(rect) || isEntireRows(rect)) {
      this.setFormat(sheet, rect, (f) => {
        for (const k of Object.keys(f)) delete (f as Record<string, unknown>)[k];
      });
    }
    for (const [r, c] of this.storedCellsIn(sheet, rect)) {
      const cell = this.cell(sheet, r, c);
      if (!cell) continue;
      delete cell.format;
      this.dropIfEmpty(sheet, r, c);
    }
    this.noteChange(sheet.id, rect, "format");
  }

  clearContents(sheet: SheetState, rect: Rect): void {
    for (const [r, c] of this.storedCellsIn(sheet, rect)) this.writeCell(sheet, r, c, { kind: "clear" }, "Range.clear");
    this.noteChange(sheet.id, rect, "values");
  }

  /**
   * The stored cells inside `rect`, row by row (a list made before any is changed): found by looking up the rect's
   * cells when it is smaller than the sheet's store, else by scanning the store — a clear of a few rows of a table
   * need not visit every cell of the sheet, and a clear of whole columns need not visit a million rows.
   */
  private storedCellsIn(sheet: SheetState, rect: Rect): [number, number][] {
    const out: [number, number][] = [];
    const area = (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
    if (area <= sheet.cells.size) {
      for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) if (sheet.cells.has(cellKey(r, c))) out.push([r, c]);
      return out;
    }
    for (const key of sheet.cells.keys()) {
      const r = keyRow(key);
      const c = keyColumn(key);
      if (rectContains(rect, r, c)) out.push([r, c]);
    }
    return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  columnWidth(sheet: SheetState, column: number): number {
    return sheet.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(sheet: SheetState, row: number): number {
    return sheet.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  /** Points from the sheet's left edge to the left edge of `column` (Range.left). */
  leftOf(sheet: SheetState, column: number): number {
    let total = column * DEFAULT_COLUMN_WIDTH;
    for (const [c, w] of sheet.columnWidths) if (c < column) total += w - DEFAULT_COLUMN_WIDTH;
    return total;
  }

  topOf(sheet: SheetState, row: number): number {
    let total = row * DEFAULT_ROW_HEIGHT;
    for (const [r, h] of sheet.rowHeights) if (r < row) total += h - DEFAULT_ROW_HEIGHT;
    return total;
  }

  /** Used range: the bounding box of cells with content (valuesOnly) or with content or a cell format. */
  usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    for (const [key, cell] of sheet.cells) {
      const hasContent = cell.value !== undefined || cell.formula !== undefined;
      if (!hasContent && (valuesOnly || !cell.format || Object.keys(cell.format).length === 0)) continue;
      const r = keyRow(key);
      const c = keyColumn(key);
      rect = rect ? boundingRect(rect, { r0: r, c0: c, r1: r, c1: c }) : { r0: r, c0: c, r1: r, c1: c };
    }
    return rect;
  }

  noteChange(sheetId: string, rect: Rect, kind: ChangeRecord["kind"]): void {
    this.changes.push({ sheetId, rect, kind });
  }

  takeChanges(): ChangeRecord[] {
    const out = this.changes;
    this.changes = [];
    return out;
  }

  // ---- protection ----------------------------------------------------------------------------------------

  /** Throws AccessDenied when a protected sheet forbids changing `rect` this way (locked cells, formats, objects). */
  assertEditable(sheet: SheetState, rect: Rect | null, what: "values" | "format" | "objects" | "structure", location: string): void {
    if (!sheet.protection.protected) return;
    const o = sheet.protection.options;
    const deny = () => {
      throw new MemoryExcelError(
        "AccessDenied",
        `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}"). Unprotect the sheet first.`,
        location,
      );
    };
    if (what === "format" && !o.allowFormatCells && !o.allowFormatColumns && !o.allowFormatRows) deny();
    if (what === "objects" && !o.allowEditObjects) deny();
    if (what === "structure") deny();
    if (what === "values" && rect) {
      for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 100_000); r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          if (this.formatProp(sheet, r, c, "locked")) deny();
        }
      }
    }
  }

  // ---- tables ------------------------------------------------------------------------------------------

  findTable(name: string): TableState | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  tableById(id: string): TableState {
    const t = this.tables.find((x) => x.id === id);
    if (!t) throw itemNotFound(`table id ${id} was deleted`, "Table");
    return t;
  }

  tableAt(sheet: SheetState, row: number, column: number): TableState | undefined {
    return this.tables.find((t) => t.sheetId === sheet.id && rectContains(t.rect, row, column));
  }

  tableGeometry(t: TableState): TableGeometry {
    return {
      sheet: this.sheetById(t.sheetId).name,
      rect: t.rect,
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      columns: t.columns.map((c) => c.name),
    };
  }

  dataBodyRect(t: TableState): Rect {
    return { r0: t.rect.r0 + (t.showHeaders ? 1 : 0), c0: t.rect.c0, r1: t.rect.r1 - (t.showTotals ? 1 : 0), c1: t.rect.c1 };
  }

  private checkNameFree(name: string, except: TableState | null, location: string): void {
    const clash = this.findTable(name);
    if (clash && clash !== except) {
      throw new MemoryExcelError("ItemAlreadyExists", `A table called "${name}" already exists.`, location);
    }
  }

  /**
   * Tables.add: with hasHeaders the first row's values become the headers; without, Excel inserts a header row
   * above the data ("Excel will automatically generate a header shifting the data down by one row" —
   * TableCollection.add). Blank and duplicate headers are made unique ("Column1", "Name2"), as Excel does.
   */
  addTable(sheet: SheetState, rect: Rect, hasHeaders: boolean, location = "TableCollection.add"): TableState {
    this.assertEditable(sheet, rect, "structure", location);
    if (isEntireColumns(rect) || isEntireRows(rect)) throw invalidArgument("a table can't span whole columns or rows", location);
    let r = { ...rect };
    if (!hasHeaders) {
      this.shiftCellsDown(sheet, { r0: r.r0, c0: r.c0, r1: MAX_ROWS - 2, c1: r.c1 }, 1);
      r = { ...r, r1: r.r1 + 1 };
    }
    if (r.r1 === r.r0) r.r1 = r.r0 + 1; // a table always has at least one data row
    for (const t of this.tables) {
      if (t.sheetId === sheet.id && rectsIntersect(t.rect, r)) {
        throw invalidArgument(`a table can't overlap another table (${t.name})`, location);
      }
    }
    let n = this.tables.length + 1;
    while (this.findTable(`Table${n}`)) n++;
    const table: TableState = {
      id: this.newId("tb"),
      name: `Table${n}`,
      sheetId: sheet.id,
      rect: r,
      showHeaders: true,
      showTotals: false,
      style: "TableStyleMedium2",
      showBandedRows: true,
      showBandedColumns: false,
      showFilterButton: true,
      highlightFirstColumn: false,
      highlightLastColumn: false,
      columns: [],
      nextColumnId: 1,
    };
    for (let c = r.c0; c <= r.c1; c++) table.columns.push({ id: table.nextColumnId++, name: "", calculatedFormula: null });
    this.tables.push(table);
    if (!hasHeaders) {
      for (let i = 0; i < table.columns.length; i++) this.writeCell(sheet, r.r0, r.c0 + i, { kind: "value", value: `Column${i + 1}` }, location);
    }
    this.normalizeHeaders(table);
    // A column whose rows already hold one formula (relative to its row) becomes a calculated column, so a row
    // typed below the new table gets the formula, as Excel extends formulas into new table rows.
    this.updateCalculatedColumns(sheet, this.dataBodyRect(table));
    this.refreshStructuredFormulas();
    this.noteChange(sheet.id, r, "structure");
    return table;
  }

  /** Header cells hold unique, non-blank text; column names follow them (and formulas follow renames). */
  normalizeHeaders(table: TableState): void {
    if (!table.showHeaders) return;
    const sheet = this.sheetById(table.sheetId);
    const used = new Set<string>();
    const names: string[] = [];
    table.columns.forEach((col, i) => {
      const v = this.value(sheet, table.rect.r0, table.rect.c0 + i);
      let name = v === null || v === undefined || v === "" ? "" : isEngineError(v) ? v.error : formatValue(v, "General");
      if (name === "") {
        let k = i + 1;
        while (used.has(`column${k}`)) k++;
        name = `Column${k}`;
      }
      if (used.has(name.toLowerCase())) {
        let k = 2;
        while (used.has(`${name}${k}`.toLowerCase())) k++;
        name = `${name}${k}`;
      }
      used.add(name.toLowerCase());
      names.push(name);
    });
    table.columns.forEach((col, i) => {
      const name = names[i] ?? col.name;
      const cell = this.cell(sheet, table.rect.r0, table.rect.c0 + i);
      if (cell?.formula !== undefined || cell?.value !== name) {
        this.writeCell(sheet, table.rect.r0, table.rect.c0 + i, { kind: "value", value: name }, "Table.headers");
      }
      if (col.name !== "" && col.name !== name) this.renameColumnReferences(table, col.name, name);
      col.name = name;
    });
  }

  private renameColumnReferences(table: TableState, oldName: string, newName: string): void {
    for (const sheet of this.sheets) {
      for (const [key, cell] of sheet.cells) {
        if (!cell.formula || !cell.formula.includes("[")) continue;
        const host = this.tableAt(sheet, keyRow(key), keyColumn(key));
        const next = renameColumnInFormula(cell.formula, table.name, oldName, newName, host?.name ?? null);
        if (next !== cell.formula) cell.formula = next;
      }
    }
    for (const t of this.tables) {
      for (const c of t.columns) {
        if (c.calculatedFormula) c.calculatedFormula = renameColumnInFormula(c.calculatedFormula, table.name, oldName, newName, t.name);
      }
    }
  }

  renameTable(table: TableState, newName: string, location = "Table.name"): void {
    validateTableName(newName, location);
    if (newName === table.name) return;
    this.checkNameFree(newName, table, location);
    const old = table.name;
    table.name = newName;
    this.rewriteAllFormulas((f) => renameTableInFormula(f, old, newName), false);
    this.refreshStructuredFormulas();
  }

  renameTableColumn(table: TableState, index: number, newName: string, location = "TableColumn.name"): void {
    if (typeof newName !== "string" || newName === "") throw invalidArgument("a column name can't be blank", location);
    const sheet = this.sheetById(table.sheetId);
    this.writeCell(sheet, table.rect.r0, table.rect.c0 + index, { kind: "value", value: newName }, location);
    this.normalizeHeaders(table);
    this.refreshStructuredFormulas();
  }

  /**
   * Grows or shrinks a table to `rect` (same header row, overlapping the old range). New rows get the
   * calculated columns' formulas and the number formats of the last data row; new columns get unique headers.
   */
  resizeTable(table: TableState, rect: Rect, location = "Table.resize"): void {
    const sheet = this.sheetById(table.sheetId);
    if (rect.r0 !== table.rect.r0) throw invalidArgument("the header row must stay in the same row", location);
    if (!rectsIntersect(rect, table.rect)) throw invalidArgument("the new range must overlap the table", location);
    if (rect.r1 <= rect.r0) throw invalidArgument("a table needs a header row and at least one data row", location);
    for (const t of this.tables) {
      if (t !== table && t.sheetId === sheet.id && rectsIntersect(t.rect, rect)) {
        throw invalidArgument(`a table can't overlap another table (${t.name})`, location);
      }
    }
    const old = table.rect;
    const oldBody = this.dataBodyRect(table);
    // Columns: keep those still inside, add new ones.
    const cols: TableColumnState[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) {
      const existing = c >= old.c0 && c <= old.c1 ? table.columns[c - old.c0] : null;
      cols.push(existing ?? { id: table.nextColumnId++, name: "", calculatedFormula: null });
    }
    table.columns = cols;
    table.rect = { ...rect };
    this.fillNewRows(table, sheet, oldBody.r1);
    this.normalizeHeaders(table);
    this.refreshStructuredFormulas();
    this.noteChange(sheet.id, boundingRect(old, rect), "structure");
  }

  /** Rows of the data body below `lastOldRow` get the calculated formulas and the number formats above them. */
  private fillNewRows(table: TableState, sheet: SheetState, lastOldRow: number): void {
    const body = this.dataBodyRect(table);
    if (body.r1 <= lastOldRow) return;
    table.columns.forEach((col, i) => {
      const c = table.rect.c0 + i;
      const templateFormat = lastOldRow >= body.r0 ? cloneFormat(this.cell(sheet, lastOldRow, c)?.format) : undefined;
      for (let r = Math.max(lastOldRow + 1, body.r0); r <= body.r1; r++) {
        if (templateFormat && !this.cell(sheet, r, c)?.format) this.ensureCell(sheet, r, c).format = cloneFormat(templateFormat);
        const existing = this.cell(sheet, r, c);
        if (col.calculatedFormula && existing?.value === undefined && existing?.formula === undefined) {
          this.writeCell(sheet, r, c, { kind: "formula", formula: shiftFormula(col.calculatedFormula, r - body.r0, 0) }, "Table");
        }
      }
    });
  }

  /**
   * After cells of a table's data body were written: a column whose every data row now holds the same formula
   * (relative to its row) becomes a calculated column; one written with something else stops being one.
   */
  updateCalculatedColumns(sheet: SheetState, written: Rect): void {
    for (const table of this.tables) {
      if (table.sheetId !== sheet.id) continue;
      const body = this.dataBodyRect(table);
      const cut = intersectRects(body, written);
      if (!cut) continue;
      for (let c = cut.c0; c <= cut.c1; c++) {
        const col = table.columns[c - table.rect.c0];
        if (!col) continue;
        const first = this.cell(sheet, body.r0, c)?.formula;
        let consistent = first !== undefined;
        const key = first !== undefined ? rowRelativeKey(first, body.r0) : "";
        for (let r = body.r0 + 1; consistent && r <= body.r1; r++) {
          const f = this.cell(sheet, r, c)?.formula;
          consistent = f !== undefined && rowRelativeKey(f, r) === key;
        }
        if (consistent && first !== undefined) col.calculatedFormula = first;
        else if (cut.r0 === body.r0 && cut.r1 === body.r1) col.calculatedFormula = null;
      }
    }
  }

  /**
   * Table.convertToRange: structured references to the table anywhere in the workbook (cells, other tables'
   * calculated columns, validation rules) become the A1 references of the cells they point at now — Excel's
   * documented behaviour ("Using structured references with Excel tables", support.microsoft.com: converting a
   * table to a range changes its structured references to A1 references), so they stop following the table.
   */
  private structuredReferencesToA1(table: TableState): void {
    const geometry = this.tableGeometry(table);
    for (const sheet of this.sheets) {
      for (const [key, cell] of sheet.cells) {
        if (!cell.formula || !cell.formula.includes("[")) continue;
        const row = keyRow(key);
        const host = this.tableAt(sheet, row, keyColumn(key));
        const next = structuredToA1(cell.formula, table.name, geometry, sheet.name, row, host === table);
        if (next !== cell.formula) {
          cell.formula = next;
          this.pushToEngine(sheet, row, keyColumn(key));
        }
      }
    }
    for (const t of this.tables) {
      if (t === table) continue;
      const body = this.dataBodyRect(t);
      const sheetName = this.sheetById(t.sheetId).name;
      for (const c of t.columns) if (c.calculatedFormula) c.calculatedFormula = structuredToA1(c.calculatedFormula, table.name, geometry, sheetName, body.r0, false);
    }
  }

  deleteTable(table: TableState, clearCells: boolean, location = "Table.delete"): void {
    const sheet = this.sheetById(table.sheetId);
    this.assertEditable(sheet, table.rect, "structure", location);
    if (!clearCells) this.structuredReferencesToA1(table);
    this.tables = this.tables.filter((t) => t !== table);
    if (clearCells) {
      this.clearContents(sheet, table.rect);
      this.clearFormats(sheet, table.rect);
    }
    this.refreshStructuredFormulas();
    this.noteChange(sheet.id, table.rect, "structure");
  }

  /** Removes a table column and its cells, shifting the columns to its right left inside the table. */
  deleteTableColumn(table: TableState, index: number, location = "TableColumn.delete"): void {
    if (table.columns.length === 1) throw new MemoryExcelError("InvalidOperation", "A table must keep at least one column.", location);
    const sheet = this.sheetById(table.sheetId);
    const c = table.rect.c0 + index;
    const removed = table.columns[index];
    if (!removed) throw itemNotFound(`table column ${index} of ${table.name}`, location);
    for (let r = table.rect.r0; r <= table.rect.r1; r++) {
      for (let cc = c; cc < table.rect.c1; cc++) this.moveCell(sheet, r, cc + 1, r, cc);
      this.writeCell(sheet, r, table.rect.c1, { kind: "clear" }, location);
      const last = this.cell(sheet, r, table.rect.c1);
      if (last) delete last.format;
      this.dropIfEmpty(sheet, r, table.rect.c1);
    }
    table.columns.splice(index, 1);
    table.rect = { ...table.rect, c1: table.rect.c1 - 1 };
    // Excel turns formulas that named the deleted column into #REF!.
    for (const s of this.sheets) {
      for (const [key, cell] of s.cells) {
        if (!cell.formula || !cell.formula.includes("[")) continue;
        const host = this.tableAt(s, keyRow(key), keyColumn(key));
        cell.formula = dropColumnFromFormula(cell.formula, table.name, removed.name, host?.name ?? null);
      }
    }
    this.refreshStructuredFormulas();
    this.noteChange(sheet.id, table.rect, "structure");
  }

  /** Adds a column at the table's right edge (or at `index`, shifting the columns after it right inside the table). */
  addTableColumn(table: TableState, index: number | null, name: string | null, location = "TableColumnCollection.add"): TableColumnState {
    const sheet = this.sheetById(table.sheetId);
    const at = index === null || index === undefined ? table.columns.length : index;
    if (at < 0 || at > table.columns.length) throw invalidArgument(`column index ${at} is outside 0..${table.columns.length}`, location);
    const newC1 = table.rect.c1 + 1;
    for (const t of this.tables) {
      if (t !== table && t.sheetId === sheet.id && rectsIntersect(t.rect, { ...table.rect, c0: newC1, c1: newC1 })) {
        throw invalidArgument(`the table can't grow into another table (${t.name})`, location);
      }
    }
    const c = table.rect.c0 + at;
    for (let r = table.rect.r0; r <= table.rect.r1; r++) {
      for (let cc = newC1; cc > c; cc--) this.moveCell(sheet, r, cc - 1, r, cc);
    }
    const col: TableColumnState = { id: table.nextColumnId++, name: "", calculatedFormula: null };
    table.columns.splice(at, 0, col);
    table.rect = { ...table.rect, c1: newC1 };
    if (name) this.writeCell(sheet, table.rect.r0, c, { kind: "value", value: name }, location);
    this.normalizeHeaders(table);
    this.refreshStructuredFormulas();
    this.noteChange(sheet.id, table.rect, "structure");
    return col;
  }

  /** Moves a cell's content and format (no formula adjustment: used only inside table edits). */
  private moveCell(sheet: SheetState, r0: number, c0: number, r1: number, c1: number): void {
    const from = this.cell(sheet, r0, c0);
    sheet.cells.delete(cellKey(r1, c1));
    if (from) {
      sheet.cells.set(cellKey(r1, c1), from);
      sheet.cells.delete(cellKey(r0, c0));
    }
    this.pushToEngine(sheet, r1, c1);
    this.pushToEngine(sheet, r0, c0);
  }

  /** Shifts the cells of `band` down by `n` rows (cells at the bottom edge fall off the band). */
  shiftCellsDown(sheet: SheetState, band: Rect, n: number): void {
    const moving = [...sheet.cells.entries()]
      .filter(([key]) => rectContains(band, keyRow(key), keyColumn(key)))
      .sort((a, b) => (n > 0 ? b[0] - a[0] : a[0] - b[0]));
    for (const [key] of moving) this.moveCell(sheet, keyRow(key), keyColumn(key), keyRow(key) + n, keyColumn(key));
  }

  /**
   * A user typed or pasted below a table: Excel's AutoCorrect "Include new rows and columns in table" grows
   * the table to take the rows in (only when they start right under the last row and there is no totals row).
   * On a protected sheet Excel does not grow tables (users resort to VBA that unprotects, ListRows.Add and
   * re-protects — e.g. the Stack Exchange question summarised at https://www.volcengine.com/article/2472965),
   * so neither does this.
   */
  autoExpandTables(sheet: SheetState, written: Rect): TableState[] {
    const grown: TableState[] = [];
    if (sheet.protection.protected) return grown;
    for (const table of this.tables) {
      if (table.sheetId !== sheet.id || table.showTotals) continue;
      if (written.r0 !== table.rect.r1 + 1) continue;
      if (written.c1 < table.rect.c0 || written.c0 > table.rect.c1) continue;
      const blocked = this.tables.some((t) => t !== table && t.sheetId === sheet.id && rectsIntersect(t.rect, { ...table.rect, r0: written.r0, r1: written.r1 }));
      if (blocked) continue;
      const oldLast = table.rect.r1;
      table.rect = { ...table.rect, r1: written.r1 };
      this.fillNewRows(table, sheet, oldLast);
      grown.push(table);
    }
    if (grown.length) this.refreshStructuredFormulas();
    return grown;
  }

  // ---- data validation -----------------------------------------------------------------------------------

  /** The settings of a cell without validation: NO_VALIDATION, shared and frozen (copy a part before changing it). */
  static defaultValidationProps(): ValidationProps {
    return NO_VALIDATION;
  }

  /** Applies `patch` to the validation of every cell in `rect`, splitting entries that straddle its edge. */
  updateValidation(sheet: SheetState, rect: Rect, patch: (p: ValidationProps) => void): void {
    const next: ValidationEntry[] = [];
    let uncovered: Rect[] = [rect];
    for (const entry of sheet.validations) {
      const cut = intersectRects(entry.rect, rect);
      if (!cut) {
        next.push(entry);
        continue;
      }
      for (const piece of subtractRect(entry.rect, rect)) next.push({ ...entry, rect: piece });
      const inside: ValidationEntry = { ...entry, rect: cut };
      patch(inside);
      next.push(inside);
      uncovered = uncovered.flatMap((u) => subtractRect(u, cut));
    }
    for (const u of uncovered) {
      const fresh: ValidationEntry = { ...NO_VALIDATION, rect: u };
      patch(fresh);
      next.push(fresh);
    }
    sheet.validations = mergeValidations(next);
  }

  clearValidation(sheet: SheetState, rect: Rect): void {
    const next: ValidationEntry[] = [];
    for (const entry of sheet.validations) {
      for (const piece of subtractRect(entry.rect, rect)) next.push({ ...entry, rect: piece });
    }
    sheet.validations = mergeValidations(next);
  }

  validationsIn(sheet: SheetState, rect: Rect): ValidationEntry[] {
    return sheet.validations.filter((v) => rectsIntersect(v.rect, rect));
  }

  /** The sheet and area a reference formula like "=Sheet1!$A$1:$B$2" points at, or null. */
  resolveReference(formula: string, defaultSheet: SheetState | null): { sheet: SheetState; rect: Rect } | null {
    const text = formula.startsWith("=") ? formula.slice(1) : formula;
    try {
      const { sheet, rect } = parseAddress(text);
      const s = sheet !== null ? this.findSheet(sheet) : defaultSheet;
      return s ? { sheet: s, rect } : null;
    } catch {
      const table = this.findTable(text.replace(/\[.*$/, ""));
      if (table) return { sheet: this.sheetById(table.sheetId), rect: table.rect };
      return null;
    }
  }

  // ---- misc --------------------------------------------------------------------------------------------

  address(sheet: SheetState, rect: Rect, absolute = false): string {
    return formatAddress(sheet.name, rect, absolute);
  }

  localAddress(rect: Rect): string {
    return formatRect(rect);
  }

  isSameRect(a: Rect, b: Rect): boolean {
    return sameRect(a, b);
  }

  get maxRows(): number {
    return MAX_ROWS;
  }
}

/*
 * Validation settings are shared, never changed in place: an entry split by an update keeps its rule, errorAlert
 * and prompt objects in every piece, an update (DataValidation.rule / errorAlert / prompt setters) gives the entries
 * it covers new ones, and a formula rewrite gives the entry a new rule. So each settings object's text is made
 * once and kept with it, and comparing two entries' settings (to merge them) joins four kept texts — a write sets
 * validation on a few hundred ranges and each update used to copy and print every entry it touched.
 */
const SETTINGS_TEXT = new WeakMap<object, string>();

function settingsText(value: object | null): string {
  if (value === null) return "null";
  let text = SETTINGS_TEXT.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    SETTINGS_TEXT.set(value, text);
  }
  return text;
}

function propsKey(p: ValidationProps): string {
  return `${settingsText(p.rule)}\u0000${settingsText(p.errorAlert)}\u0000${settingsText(p.prompt)}\u0000${p.ignoreBlanks}`;
}

/** The settings a cell without validation has, shared by the entries an update creates (each update replaces what it sets). */
const NO_VALIDATION: ValidationProps = Object.freeze({
  rule: null,
  errorAlert: Object.freeze({ showAlert: true, style: "Stop", title: "", message: "" }),
  prompt: Object.freeze({ showPrompt: false, title: "", message: "" }),
  ignoreBlanks: true,
}) as ValidationProps;

/** Joins entries with equal settings whose rectangles together form a rectangle (keeps the snapshot short). */
function mergeValidations(entries: ValidationEntry[]): ValidationEntry[] {
  // Each entry's settings as text, made once (comparing them pairwise was most of a write's validation time).
  const keys = entries.map(propsKey);
  const list = entries.map((e) => ({ ...e }));
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (const [i, first] of list.entries()) {
      for (let j = i + 1; j < list.length; j++) {
        const second = list[j];
        if (!second) break;
        const a = first.rect;
        const b = second.rect;
        const vertical = a.c0 === b.c0 && a.c1 === b.c1 && (a.r1 + 1 === b.r0 || b.r1 + 1 === a.r0);
        const horizontal = a.r0 === b.r0 && a.r1 === b.r1 && (a.c1 + 1 === b.c0 || b.c1 + 1 === a.c0);
        if ((vertical || horizontal) && keys[i] === keys[j]) {
          list[i] = { ...first, rect: boundingRect(a, b) };
          list.splice(j, 1);
          keys.splice(j, 1);
          merged = true;
          break outer;
        }
      }
    }
  }
  return list;
}

/** The rule with its formulas rewritten: a new object when one changed (rules are shared, see SETTINGS_TEXT), else the rule itself. */
function rewrittenRule(rule: Record<string, Record<string, unknown>>, rewrite: (f: string) => string): Record<string, Record<string, unknown>> {
  let out: Record<string, Record<string, unknown>> | null = null;
  for (const [type, body] of Object.entries(rule)) {
    if (!body || typeof body !== "object") continue;
    for (const key of ["formula1", "formula2", "formula", "source"]) {
      const v = body[key];
      if (typeof v !== "string" || !v.startsWith("=")) continue;
      const next = rewrite(v);
      if (next === v) continue;
      out ??= { ...rule };
      if (out[type] === body) out[type] = { ...body };
      (out[type] as Record<string, unknown>)[key] = next;
    }
  }
  return out ?? rule;
}
