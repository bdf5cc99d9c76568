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
 *
 * Defined names (Formulas › Name Manager) are read from the workbook part itself, not from ExcelJS, whose model
 * keeps only names that are ranges and loses their scope, `hidden` and `comment` (definedNamesOf below).
 */
import ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import { passwordFromHash, type PasswordHash } from "./protection";
import type { CellSnapshot, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../memory-excel";
import { excelJsInput } from "./bytes";
import { normalizePackage, type CellRepair, type PartRepair } from "./package-fix";
import { stripXlfnPrefixes } from "./xlfn";
import { columnLetter } from "../../workbook";

type NameSnapshot = WorkbookSnapshot["names"][number];

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

// The inverse of write-xlsx's maps: ExcelJS style words → the Office.js words the snapshot (and Excel) use.
const HORIZONTAL: Record<string, string> = { left: "Left", center: "Center", right: "Right", fill: "Fill", justify: "Justify", centerContinuous: "CenterAcrossSelection", distributed: "Distributed" };
const VERTICAL: Record<string, string> = { top: "Top", middle: "Center", bottom: "Bottom", justify: "Justify", distributed: "Distributed" };
const UNDERLINE: Record<string, string> = { single: "Single", double: "Double", singleAccounting: "SingleAccountant", doubleAccounting: "DoubleAccountant" };
const BORDER: Record<string, { style: string; weight: string }> = {
  thin: { style: "Continuous", weight: "Thin" },
  medium: { style: "Continuous", weight: "Medium" },
  thick: { style: "Continuous", weight: "Thick" },
  hair: { style: "Continuous", weight: "Hairline" },
  dotted: { style: "Dot", weight: "Thin" },
  dashed: { style: "Dash", weight: "Thin" },
  mediumDashed: { style: "Dash", weight: "Medium" },
  dashDot: { style: "DashDot", weight: "Thin" },
  mediumDashDot: { style: "DashDot", weight: "Medium" },
  dashDotDot: { style: "DashDotDot", weight: "Thin" },
  mediumDashDotDot: { style: "DashDotDot", weight: "Medium" },
  double: { style: "Double", weight: "Thick" },
  slantDashDot: { style: "SlantDashDot", weight: "Medium" },
};

/** "FF1F3864" → "#1F3864"; theme and indexed colours (no argb) are left out. */
function hexOf(color: { argb?: string } | undefined): string | undefined {
  const argb = color?.argb;
  return typeof argb === "string" && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
}

/**
 * A cell's formatting as the snapshot holds it (fonts, fill, alignment, borders), so that an update of a workbook
 * (generate -o onto it) writes back what a person formatted outside PIPbook's cells, not only the values.
 */
function styleFormat(cell: ExcelJS.Cell, format: NonNullable<CellSnapshot["format"]>): void {
  const font = cell.font as Partial<ExcelJS.Font> | undefined;
  if (font) {
    if (font.bold) format.bold = true;
    if (font.italic) format.italic = true;
    if (font.strike) format.strikethrough = true;
    if (typeof font.underline === "string" && UNDERLINE[font.underline]) format.underline = UNDERLINE[font.underline];
    else if (font.underline === true) format.underline = "Single";
    const color = hexOf(font.color);
    if (color) format.fontColor = color;
    if (typeof font.size === "number") format.fontSize = font.size;
    if (typeof font.name === "string") format.fontName = font.name;
  }
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const color = hexOf(fill.fgColor);
    if (color) format.fill = color;
  }
  const alignment = cell.alignment as Partial<ExcelJS.Alignment> | undefined;
  if (alignment) {
    if (alignment.horizontal && HORIZONTAL[alignment.horizontal]) format.horizontalAlignment = HORIZONTAL[alignment.horizontal];
    if (alignment.vertical && VERTICAL[alignment.vertical]) format.verticalAlignment = VERTICAL[alignment.vertical];
    if (alignment.wrapText) format.wrapText = true;
    if (typeof alignment.indent === "number" && alignment.indent > 0) format.indentLevel = alignment.indent;
  }
  const border = cell.border as Partial<ExcelJS.Borders> | undefined;
  if (border) {
    const borders: NonNullable<NonNullable<CellSnapshot["format"]>["borders"]> = {};
    for (const [side, edge] of [
      ["top", "EdgeTop"],
      ["bottom", "EdgeBottom"],
      ["left", "EdgeLeft"],
      ["right", "EdgeRight"],
    ] as const) {
      const b = border[side];
      const mapped = b?.style ? BORDER[b.style] : undefined;
      if (mapped) borders[edge] = { ...mapped, ...(hexOf(b?.color) ? { color: hexOf(b?.color) } : {}) };
    }
    if (Object.keys(borders).length > 0) format.borders = borders;
  }
  if (cell.protection?.hidden) format.formulaHidden = true;
}

function cellSnapshot(cell: ExcelJS.Cell, date1904: boolean, formulaCells: XlsxReadOptions["formulaCells"], formulas?: Map<string, string>): CellSnapshot | null {
  const raw = cell.value as unknown;
  const numberFormat = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
  const format: NonNullable<CellSnapshot["format"]> = {};
  if (numberFormat) format.numberFormat = numberFormat;
  if (cell.protection?.locked === false) format.locked = false;
  styleFormat(cell, format);
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

const workbookParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  // Character references (&#10; in a comment, &#x4E2D; in a sheet name) are decoded like the five named entities.
  htmlEntities: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === "definedName" || name === "sheet",
});

interface WorkbookPartXml {
  workbook?: {
    sheets?: { sheet?: { name?: string }[] };
    definedNames?: { definedName?: ({ "#text"?: string; name?: string; localSheetId?: string; hidden?: string; comment?: string } | string)[] };
  };
}

/**
 * The workbook part's `<definedNames>` (ECMA-376 Part 1 §18.2.5 definedName): every name with its formula text as
 * written, its comment, `hidden`, and its scope. `localSheetId` is an index into `<sheets>`; it becomes that sheet's
 * name, because a rewrite adds and reorders sheets (write-xlsx gives each name the index of its sheet as written).
 * Built-in names (`_xlnm.Print_Area`, `_xlnm.Print_Titles`, …) are kept like any other; which of them the writer's own
 * print settings replace is said in ./print-areas.ts. A scope index with no sheet (a damaged file) is dropped.
 */
export function definedNamesOf(workbookXml: string): NameSnapshot[] {
  let parsed: WorkbookPartXml;
  try {
    parsed = workbookParser.parse(workbookXml) as WorkbookPartXml;
  } catch {
    return [];
  }
  const sheetNames = (parsed.workbook?.sheets?.sheet ?? []).map((s) => s.name);
  const out: NameSnapshot[] = [];
  for (const entry of parsed.workbook?.definedNames?.definedName ?? []) {
    if (typeof entry === "string" || !entry.name) continue;
    let scope: string | null = null;
    if (entry.localSheetId !== undefined) {
      const sheet = sheetNames[Number(entry.localSheetId)];
      if (!/^\d+$/.test(entry.localSheetId) || sheet === undefined) continue;
      scope = sheet;
    }
    out.push({
      name: entry.name,
      formula: `=${entry["#text"] ?? ""}`,
      comment: entry.comment ?? "",
      visible: !(entry.hidden === "1" || entry.hidden === "true"),
      ...(scope !== null ? { scope } : {}),
    });
  }
  return out;
}

async function loadWorkbook(bytes: Uint8Array): Promise<{
  workbook: ExcelJS.Workbook;
  date1904: boolean;
  repairs: CellRepair[];
  partRepairs: PartRepair[];
  cellErrors: Map<string, Map<string, string>>;
  workbookXml: string;
}> {
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
  return {
    workbook,
    date1904: normalized.date1904,
    repairs: normalized.repairs,
    partRepairs: normalized.partRepairs,
    cellErrors: normalized.cellErrors,
    workbookXml: normalized.workbookXml,
  };
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

/** ExcelJS width in characters of Calibri 11 → points (the inverse of write-xlsx's pointsToCharacters). */
function charactersToPoints(characters: number): number {
  return Math.round(((characters * 7 + 5) * 3) / 4 * 100) / 100;
}

function columnsOf(ws: ExcelJS.Worksheet): SheetSnapshot["columns"] {
  const out: SheetSnapshot["columns"] = [];
  (ws.columns ?? []).forEach((column, index) => {
    const width = typeof column?.width === "number" ? charactersToPoints(column.width) : undefined;
    if (width === undefined && !column?.hidden) return;
    out.push({ index, letter: columnLetter(index), ...(width !== undefined ? { width } : {}), ...(column.hidden ? { hidden: true } : {}) });
  });
  return out;
}

function rowsOf(ws: ExcelJS.Worksheet): SheetSnapshot["rows"] {
  const out: SheetSnapshot["rows"] = [];
  ws.eachRow({ includeEmpty: true }, (row, number) => {
    const height = (row as unknown as { customHeight?: boolean }).customHeight !== false && typeof row.height === "number" ? row.height : undefined;
    if (height === undefined && !row.hidden) return;
    out.push({ index: number - 1, ...(height !== undefined ? { height } : {}), ...(row.hidden ? { hidden: true } : {}) });
  });
  return out;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { model?: { merges?: unknown } }).model?.merges;
  return Array.isArray(merges) ? merges.filter((m): m is string => typeof m === "string" && /^[A-Z]{1,3}\d+:[A-Z]{1,3}\d+$/.test(m)) : [];
}

export async function xlsxToSnapshot(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<WorkbookSnapshot> {
  return (await readXlsx(bytes, options)).snapshot;
}

/** A sheet's protection as the file states it; a password's hash is carried through (./protection.ts). */
function protectionOf(ws: ExcelJS.Worksheet): SheetSnapshot["protection"] {
  const p = (ws as unknown as { sheetProtection?: ({ sheet?: boolean } & PasswordHash) | null }).sheetProtection;
  return { protected: Boolean(p?.sheet), options: {}, password: p?.sheet ? passwordFromHash(p) : null };
}

export async function readXlsx(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<XlsxRead> {
  const { workbook, date1904, repairs, partRepairs, cellErrors, workbookXml } = await loadWorkbook(bytes);
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
      showGridlines: view?.showGridLines !== false,
      cells,
      columns: columnsOf(ws),
      rows: rowsOf(ws),
      frozenRows: frozen ? (view?.ySplit ?? 0) : 0,
      frozenColumns: frozen ? (view?.xSplit ?? 0) : 0,
      printArea: null,
      pageLayout: {},
      protection: protectionOf(ws),
      validations: [],
      conditionalFormats: [],
      charts: [],
      merges: mergesOf(ws),
    });
    for (const model of tablesOf(ws)) {
      const table = tableSnapshot(ws.name, model);
      if (table) tables.push(table);
    }
  });
  return {
    snapshot: { format: "pipbook-memory-excel-snapshot", version: 1, activeSheet: sheets[0]?.name ?? null, sheets, tables, names: definedNamesOf(workbookXml) },
    date1904,
    repairs,
    partRepairs,
    formulas,
  };
}
