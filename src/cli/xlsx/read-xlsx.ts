/**
 * .xlsx → in-memory Excel snapshot, with what the workbook reader looks at: sheets (names, order, visibility),
 * cells (values, formulas, number formats, locked flags) and tables (name, range, headers). Data validation,
 * conditional formats and charts are not read: the plan is in the cells.
 *
 * ExcelJS hands back dates (numbers under a date format) as JS Dates, already converted from the workbook's date
 * system (its `excelToDate(serial, date1904)`); they become serials of the 1900 date system, the one the reader and
 * the writer use, so a workbook saved with "Use 1904 date system" (Excel for Mac's old default) reads the dates Excel
 * shows. Formulas lose their `_xlfn.` prefixes (the form Office.js uses). Other tools' packages are first made
 * readable by ./package-fix.ts (absolute part names, foreign charts, ISO `t="d"` cells, broken shared strings).
 */
import ExcelJS from "exceljs";
import type { CellSnapshot, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../preview/memory-excel";
import { excelJsInput } from "./bytes";
import { normalizePackage, type CellRepair, type PartRepair } from "./package-fix";
import { stripXlfnPrefixes } from "./xlfn";

export class XlsxReadError extends Error {
  constructor(
    readonly kind: "encrypted" | "notZip" | "corrupt",
    message: string,
  ) {
    super(message);
    this.name = "XlsxReadError";
  }
}

export interface XlsxReadOptions {
  /**
   * "formulas": formula cells keep their formula (no value; the in-memory Excel without an engine reads null).
   * "cachedValues": formula cells with a result cached by Excel or LibreOffice become that value, as
   * `Range.values` shows it; those without one keep the formula.
   */
  formulaCells?: "formulas" | "cachedValues";
}

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system (Excel's serial 25569). */
const UNIX_EPOCH_SERIAL_1900 = 25569;

const VISIBILITY: Record<string, string> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/** A Date from ExcelJS (the calendar date Excel shows, whatever the file's date system) → its 1900-system serial. */
function serialOf(date: Date, _date1904: boolean): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL_1900;
}

type Scalar = { value: number | string | boolean | null; type: CellSnapshot["type"] };

function scalarOf(value: unknown, date1904: boolean): Scalar {
  if (value === null || value === undefined) return { value: null, type: "Empty" };
  if (typeof value === "number") return { value, type: "Double" };
  if (typeof value === "string") return value === "" ? { value: null, type: "Empty" } : { value, type: "String" };
  if (typeof value === "boolean") return { value, type: "Boolean" };
  if (value instanceof Date) return { value: serialOf(value, date1904), type: "Double" };
  if (typeof value === "object") {
    const v = value as { error?: string; richText?: { text: string }[]; text?: unknown; hyperlink?: string };
    if (typeof v.error === "string") return { value: v.error, type: "Error" };
    if (Array.isArray(v.richText)) return { value: v.richText.map((run) => run.text).join(""), type: "String" };
    if (v.hyperlink !== undefined) return scalarOf(v.text, date1904);
  }
  return { value: String(value), type: "String" };
}

function cellSnapshot(cell: ExcelJS.Cell, date1904: boolean, formulaCells: XlsxReadOptions["formulaCells"], formulas?: Map<string, string>): CellSnapshot | null {
  const raw = cell.value as unknown;
  const numberFormat = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
  const format: CellSnapshot["format"] = {};
  if (numberFormat) format.numberFormat = numberFormat;
  if (cell.protection?.locked === false) format.locked = false;
  const withFormat = (snapshot: CellSnapshot): CellSnapshot => (Object.keys(format).length > 0 ? { ...snapshot, format } : snapshot);

  const isFormula = typeof raw === "object" && raw !== null && ("formula" in raw || "sharedFormula" in raw);
  if (isFormula) {
    // cell.result, not cell.value.result: ExcelJS 4.4's formula `value` getter drops falsy results (0, FALSE).
    const result: unknown = cell.result;
    const cached = scalarOf(result, date1904);
    if (formulas && cell.formula) formulas.set(cell.address, `=${stripXlfnPrefixes(cell.formula)}`);
    if (formulaCells === "cachedValues" && result !== undefined) {
      return withFormat({ address: cell.address, value: cached.value, type: cached.type, text: cached.value === null ? "" : String(cached.value) });
    }
    const formula = cell.formula;
    if (!formula) return null;
    return withFormat({ address: cell.address, value: null, type: "Unknown", formula: `=${stripXlfnPrefixes(formula)}`, text: "" });
  }
  const scalar = scalarOf(raw, date1904);
  if (scalar.type === "Empty" && Object.keys(format).length === 0) return null;
  return withFormat({ address: cell.address, value: scalar.value, type: scalar.type, text: scalar.value === null ? "" : String(scalar.value) });
}

interface ExcelJsTableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
  style?: { theme?: string; showRowStripes?: boolean; showColumnStripes?: boolean; showFirstColumn?: boolean; showLastColumn?: boolean };
  autoFilterRef?: string;
}

/** ExcelJS 4.4 keeps loaded tables in `worksheet.tables` (name → Table, whose `.table` is the model); untyped. */
function tablesOf(ws: ExcelJS.Worksheet): ExcelJsTableModel[] {
  const map = (ws as unknown as { tables?: Record<string, { table?: ExcelJsTableModel; model?: ExcelJsTableModel }> }).tables ?? {};
  return Object.values(map)
    .map((t) => t.table ?? t.model)
    .filter((t): t is ExcelJsTableModel => t !== undefined);
}

function tableSnapshot(sheet: string, t: ExcelJsTableModel): TableSnapshot | null {
  const range = t.tableRef ?? t.ref;
  if (!range || !/^[A-Z]{1,3}\d+:[A-Z]{1,3}\d+$/.test(range)) return null;
  const style = t.style ?? {};
  return {
    name: t.name,
    sheet,
    range,
    headers: t.columns.map((c) => String(c.name)),
    style: style.theme ?? "TableStyleLight9",
    showHeaders: t.headerRow !== false,
    showTotals: t.totalsRow === true,
    showBandedRows: style.showRowStripes !== false,
    showBandedColumns: style.showColumnStripes === true,
    showFilterButton: t.autoFilterRef !== undefined || t.headerRow !== false,
    highlightFirstColumn: style.showFirstColumn === true,
    highlightLastColumn: style.showLastColumn === true,
    columns: t.columns.map((c) => ({ name: String(c.name), calculatedFormula: null })),
  };
}

async function loadWorkbook(
  bytes: Uint8Array,
): Promise<{ workbook: ExcelJS.Workbook; date1904: boolean; repairs: CellRepair[]; partRepairs: PartRepair[]; cellErrors: Map<string, Map<string, string>> }> {
  // An .xlsx is a zip ("PK"); a password-protected workbook (and an old .xls) is an OLE compound file.
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new XlsxReadError("encrypted", "an OLE compound file (password-protected workbook or legacy .xls)");
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new XlsxReadError("notZip", "not a zip package");
  let normalized;
  try {
    normalized = await normalizePackage(bytes);
  } catch (error) {
    throw new XlsxReadError("notZip", error instanceof Error ? error.message : String(error));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(excelJsInput(normalized.bytes));
  } catch (error) {
    throw new XlsxReadError("corrupt", error instanceof Error ? error.message : String(error));
  }
  return { workbook, date1904: normalized.date1904, repairs: normalized.repairs, partRepairs: normalized.partRepairs, cellErrors: normalized.cellErrors };
}

export interface XlsxRead {
  snapshot: WorkbookSnapshot;
  /** The file's date system (the snapshot's dates are converted to the 1900 system either way). */
  date1904: boolean;
  /** Cells emptied because the file's content for them was broken (a finding each). */
  repairs: CellRepair[];
  /** Parts left out or replaced because they were damaged or missing (a finding each). */
  partRepairs: PartRepair[];
  /** Every formula cell's formula by sheet name, then A1 address (the snapshot may hold its cached value instead). */
  formulas: Map<string, Map<string, string>>;
}

export async function xlsxToSnapshot(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<WorkbookSnapshot> {
  return (await readXlsx(bytes, options)).snapshot;
}

export async function readXlsx(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<XlsxRead> {
  const { workbook, date1904, repairs, partRepairs, cellErrors } = await loadWorkbook(bytes);
  const sheets: SheetSnapshot[] = [];
  const tables: TableSnapshot[] = [];
  const formulas = new Map<string, Map<string, string>>();
  workbook.worksheets.forEach((ws, position) => {
    const cells: CellSnapshot[] = [];
    const sheetFormulas = new Map<string, string>();
    formulas.set(ws.name, sheetFormulas);
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        // A merged range's other cells mirror its master's value; only the master holds it.
        if (cell.isMerged && cell.master !== cell) return;
        const snapshot = cellSnapshot(cell, date1904, options.formulaCells ?? "formulas", sheetFormulas);
        // ExcelJS reads a cached formula error (t="e") as NaN; Office.js shows its text ("#DIV/0!").
        const error = cellErrors.get(ws.name)?.get(cell.address);
        if (snapshot && error !== undefined && snapshot.formula === undefined) cells.push({ ...snapshot, value: error, type: "Error", text: error });
        else if (snapshot) cells.push(snapshot);
      });
    });
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number; showGridLines?: boolean } | undefined;
    const frozen = view?.state === "frozen";
    sheets.push({
      name: ws.name,
      position,
      visibility: VISIBILITY[ws.state] ?? "Visible",
      tabColor: "",
      showGridlines: view?.showGridLines !== false,
      cells,
      columns: [],
      rows: [],
      frozenRows: frozen ? (view?.ySplit ?? 0) : 0,
      frozenColumns: frozen ? (view?.xSplit ?? 0) : 0,
      printArea: null,
      pageLayout: {},
      protection: { protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet), options: {}, password: null },
      validations: [],
      conditionalFormats: [],
      charts: [],
      merges: [],
    });
    for (const model of tablesOf(ws)) {
      const table = tableSnapshot(ws.name, model);
      if (table) tables.push(table);
    }
  });
  return {
    snapshot: { format: "pipbook-memory-excel-snapshot", version: 1, activeSheet: sheets[0]?.name ?? null, sheets, tables, names: [] },
    date1904,
    repairs,
    partRepairs,
    formulas,
  };
}
