/**
 * In-memory Excel snapshot → .xlsx. The snapshot is what the add-in's writer produced on the in-memory Excel,
 * so the file holds the same workbook the add-in makes: cells (constants, formulas, number formats, fonts, fills,
 * alignment, borders, locked flags), column widths and row heights, frozen panes, tables, data validation,
 * conditional formats, sheet protection, print areas and titles, merges, hidden sheets — written with ExcelJS —
 * and, added afterwards to the package, the defined names a workbook brought with it (./print-areas.ts: ExcelJS
 * 4.4 keeps range names only, without scope, comment or hidden), the data validation (./data-validations.ts:
 * ExcelJS 4.4 turns date-rule formulas into `new Date(formula)` and loses line breaks in messages) and the charts
 * as DrawingML parts (./charts.ts), which ExcelJS cannot write. Text XML cannot hold is cleaned first (core/xml-text).
 *
 * Formulas get the `_xlfn.` prefix for Excel 2010+ functions (./xlfn.ts). No cached values are written: Excel
 * and LibreOffice compute every formula on open (ExcelJS marks the workbook for a full calculation on load).
 */
import ExcelJS from "exceljs";
import { hashFromPassword } from "./protection";
import type {
  CellSnapshot,
  ChartSnapshot,
  ConditionalFormatSnapshot,
  FormatSnapshot,
  SheetSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "../../memory-excel";
import JSZip from "jszip";
import { parseCell as parseA1Cell } from "../../a1";
import { toXmlTextDeep } from "../../core/xml-text";
import { addChartsToZip, sheetParts, type ChartAnchor, type ChartKind, type ChartSpec, type PackageFiles } from "./charts";
import { dataValidationsXml, fileValidationOf, insertDataValidations, type FileDataValidation } from "./data-validations";
import { addXlfnPrefixes } from "./xlfn";
import { excelJsPrintArea, mergePrintAreas, withDefinedNames } from "./print-areas";

// ---- small conversions -------------------------------------------------------------------------------------

/** "#1F3864" → "FF1F3864". */
function argb(color: string | undefined): string | undefined {
  if (!color) return undefined;
  const hex = color.replace(/^#/, "");
  return /^[0-9a-fA-F]{6}$/.test(hex) ? `FF${hex.toUpperCase()}` : undefined;
}

/** Office column width in points → ExcelJS width in characters of Calibri 11 (7 px per character + 5 px padding). */
export function pointsToCharacters(points: number): number {
  const pixels = (points * 4) / 3;
  return Math.max(0, Math.round(((pixels - 5) / 7) * 100) / 100);
}

/** "=SUM(A1)" → "SUM(A1)" with _xlfn. prefixes, as ExcelJS wants formulas (no leading "="). */
function fileFormula(formula: string): string {
  return addXlfnPrefixes(formula.startsWith("=") ? formula.slice(1) : formula);
}

/** "B7" → { col: 2, row: 7 } (1-based, as ExcelJS counts). */
function parseCell(a1: string): { col: number; row: number } {
  const cell = parseA1Cell(a1);
  if (!cell) throw new Error(`not a cell address: ${a1}`);
  return { col: cell.col + 1, row: cell.row + 1 };
}

function parseRange(range: string): { from: { col: number; row: number }; to: { col: number; row: number } } {
  const [a = "", b] = range.split(":");
  const from = parseCell(a);
  return { from, to: b ? parseCell(b) : from };
}

const HORIZONTAL: Record<string, ExcelJS.Alignment["horizontal"]> = {
  Left: "left",
  Center: "center",
  Right: "right",
  Fill: "fill",
  Justify: "justify",
  CenterAcrossSelection: "centerContinuous",
  Distributed: "distributed",
};
const VERTICAL: Record<string, ExcelJS.Alignment["vertical"]> = {
  Top: "top",
  Center: "middle",
  Bottom: "bottom",
  Justify: "justify",
  Distributed: "distributed",
};
const UNDERLINE: Record<string, ExcelJS.Font["underline"]> = {
  Single: "single",
  Double: "double",
  SingleAccountant: "singleAccounting",
  DoubleAccountant: "doubleAccounting",
};

function borderStyle(style: string | undefined, weight: string | undefined): ExcelJS.BorderStyle | undefined {
  if (!style || style === "None") return undefined;
  const heavy = weight === "Medium" || weight === "Thick";
  switch (style) {
    case "Dash":
      return heavy ? "mediumDashed" : "dashed";
    case "DashDot":
      return heavy ? "mediumDashDot" : "dashDot";
    case "DashDotDot":
      return heavy ? "mediumDashDotDot" : "dashDotDot";
    case "Dot":
      return "dotted";
    case "Double":
      return "double";
    case "SlantDashDot":
      return "slantDashDot";
    default:
      return weight === "Hairline" ? "hair" : weight === "Thick" ? "thick" : weight === "Medium" ? "medium" : "thin";
  }
}

/** ExcelJS style of a snapshot format (only the parts that are set). */
export function styleOf(format: FormatSnapshot | undefined): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (!format) return style;
  if (format.numberFormat !== undefined) style.numFmt = format.numberFormat;
  const font: Partial<ExcelJS.Font> = {};
  if (format.bold) font.bold = true;
  if (format.italic) font.italic = true;
  if (format.strikethrough) font.strike = true;
  if (format.underline && UNDERLINE[format.underline]) font.underline = UNDERLINE[format.underline];
  if (format.fontColor && argb(format.fontColor)) font.color = { argb: argb(format.fontColor)! };
  if (format.fontSize !== undefined) font.size = format.fontSize;
  if (format.fontName !== undefined) font.name = format.fontName;
  if (Object.keys(font).length > 0) style.font = font;
  if (format.fill && argb(format.fill)) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(format.fill)! } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (format.horizontalAlignment && HORIZONTAL[format.horizontalAlignment]) alignment.horizontal = HORIZONTAL[format.horizontalAlignment];
  if (format.verticalAlignment && VERTICAL[format.verticalAlignment]) alignment.vertical = VERTICAL[format.verticalAlignment];
  if (format.wrapText) alignment.wrapText = true;
  if (format.indentLevel) alignment.indent = format.indentLevel;
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  if (format.locked === false || format.formulaHidden) {
    style.protection = { locked: format.locked !== false, hidden: Boolean(format.formulaHidden) };
  }
  if (format.borders) {
    const border: Partial<ExcelJS.Borders> = {};
    const edges: [keyof typeof format.borders, "top" | "bottom" | "left" | "right"][] = [
      ["EdgeTop", "top"],
      ["EdgeBottom", "bottom"],
      ["EdgeLeft", "left"],
      ["EdgeRight", "right"],
    ];
    for (const [edge, side] of edges) {
      const b = format.borders[edge];
      const s = borderStyle(b?.style, b?.weight);
      if (s) border[side] = { style: s, color: argb(b?.color) ? { argb: argb(b?.color)! } : undefined };
    }
    if (Object.keys(border).length > 0) style.border = border;
  }
  return style;
}

function cellValue(cell: CellSnapshot): ExcelJS.CellValue {
  if (cell.formula !== undefined) return { formula: fileFormula(cell.formula), date1904: false } as ExcelJS.CellFormulaValue;
  if (cell.type === "Error" && typeof cell.value === "string") return { error: cell.value as ExcelJS.CellErrorValue["error"] };
  return cell.value;
}

// ---- tables, validation, conditional formats ---------------------------------------------------------------

/**
 * The table over its range. ExcelJS's addTable writes the rows it is given into the cells; they are given empty,
 * since writeSheet writes every cell of the snapshot over them next with its exact value and format (the table part
 * holds no cell values), so no cell's value is built twice.
 */
function addTable(ws: ExcelJS.Worksheet, table: TableSnapshot): void {
  const { from, to } = parseRange(table.range);
  const firstBodyRow = from.row + (table.showHeaders ? 1 : 0);
  const lastBodyRow = to.row - (table.showTotals ? 1 : 0);
  const width = to.col - from.col + 1;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = firstBodyRow; r <= lastBodyRow; r++) rows.push(new Array<ExcelJS.CellValue>(width).fill(null));
  ws.addTable({
    name: table.name,
    ref: `${ws.getColumn(from.col).letter}${from.row}`,
    headerRow: table.showHeaders,
    totalsRow: table.showTotals,
    style: {
      theme: (table.style || "TableStyleLight9") as ExcelJS.TableStyleProperties["theme"],
      showRowStripes: table.showBandedRows,
      showColumnStripes: table.showBandedColumns,
      showFirstColumn: table.highlightFirstColumn,
      showLastColumn: table.highlightLastColumn,
    },
    columns: table.headers.map((name) => ({ name, filterButton: table.showFilterButton })),
    rows,
  });
}

/** A conditional-format formula for the file: "=…" → "…" (with _xlfn.); a number as is. */
function validationFormula(value: unknown): string {
  if (typeof value === "number") return String(value);
  const text = String(value ?? "");
  return text.startsWith("=") ? fileFormula(text) : text;
}

function conditionalStyle(format: Record<string, unknown> | null): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (!format) return style;
  const fill = format.fill as { color?: string } | undefined;
  const font = format.font as { color?: string; bold?: boolean; italic?: boolean; strikethrough?: boolean } | undefined;
  // In a differential format (dxf) a solid fill's colour is the background colour.
  if (fill?.color && argb(fill.color)) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill.color)! } };
  if (font) {
    const f: Partial<ExcelJS.Font> = {};
    if (font.color && argb(font.color)) f.color = { argb: argb(font.color)! };
    if (font.bold !== undefined) f.bold = font.bold;
    if (font.italic !== undefined) f.italic = font.italic;
    if (font.strikethrough !== undefined) f.strike = font.strikethrough;
    style.font = f;
  }
  // A rule's number format (a Tracking row's unit by its goal) is the dxf's <numFmt> (ECMA-376 §18.8.17). ExcelJS
  // writes it only for a custom format id, so "General" (built-in id 0) goes in as GENERAL_IN_DXF, equal to General
  // on screen, and generalInDxfs puts the built-in code back.
  if (typeof format.numberFormat === "string") style.numFmt = /^general$/i.test(format.numberFormat) ? GENERAL_IN_DXF : format.numberFormat;
  return style;
}

/** "General" followed by an empty literal: a custom code ExcelJS writes into a dxf, shown as General. */
const GENERAL_IN_DXF = 'General""';

/** In styles.xml's differential formats, GENERAL_IN_DXF becomes the built-in General (numFmtId 0). */
export function generalInDxfs(stylesXml: string): string {
  return stylesXml.replace(/<dxfs\b[\s\S]*?<\/dxfs>/, (dxfs) =>
    dxfs.replace(/<numFmt numFmtId="\d+" formatCode="General&quot;&quot;"\s*\/>/g, '<numFmt numFmtId="0" formatCode="General"/>'),
  );
}

/**
 * ExcelJS rule of a snapshot conditional format: a formula rule (the in-memory Excel records Custom ones only,
 * the type PIPbook's writer adds); null for anything else.
 */
export function conditionalRuleOf(cf: ConditionalFormatSnapshot): ExcelJS.ConditionalFormattingRule | null {
  if (cf.type !== "Custom") return null;
  return { priority: cf.priority + 1, style: conditionalStyle(cf.format), type: "expression", formulae: [validationFormula((cf.rule ?? {}).formula)] };
}

// ---- sheets ------------------------------------------------------------------------------------------------

const VISIBILITY: Record<string, ExcelJS.WorksheetState> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

function protectionOptions(options: Record<string, boolean | string>): Partial<ExcelJS.WorksheetProtection> {
  const allow = (key: string, fallback = false) => (typeof options[key] === "boolean" ? (options[key] as boolean) : fallback);
  const selection = typeof options.selectionMode === "string" ? options.selectionMode : "Normal";
  return {
    selectLockedCells: selection === "Normal",
    selectUnlockedCells: selection !== "None",
    formatCells: allow("allowFormatCells"),
    formatColumns: allow("allowFormatColumns"),
    formatRows: allow("allowFormatRows"),
    insertColumns: allow("allowInsertColumns"),
    insertRows: allow("allowInsertRows"),
    insertHyperlinks: allow("allowInsertHyperlinks"),
    deleteColumns: allow("allowDeleteColumns"),
    deleteRows: allow("allowDeleteRows"),
    sort: allow("allowSort"),
    autoFilter: allow("allowAutoFilter"),
    pivotTables: allow("allowPivotTables"),
    objects: allow("allowEditObjects"),
    scenarios: allow("allowEditScenarios"),
  };
}

function applyPageLayout(ws: ExcelJS.Worksheet, sheet: SheetSnapshot): void {
  const layout = sheet.pageLayout;
  const setup: Partial<ExcelJS.PageSetup> = {};
  // LibreOffice ignores the "$A1:$I27" ExcelJS would write (it printed the whole Evaluation sheet on 12 pages), and
  // several areas need one defined name: ./print-areas.ts.
  if (sheet.printArea) setup.printArea = excelJsPrintArea(sheet.printArea);
  if (layout.orientation === "Landscape") setup.orientation = "landscape";
  else if (layout.orientation === "Portrait") setup.orientation = "portrait";
  if (typeof layout.printTitleRows === "string" && layout.printTitleRows) setup.printTitlesRow = layout.printTitleRows.replace(/\$/g, "");
  if (typeof layout.printTitleColumns === "string" && layout.printTitleColumns) {
    setup.printTitlesColumn = layout.printTitleColumns.replace(/\$/g, "");
  }
  const zoom = layout.zoom as { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } | undefined;
  if (zoom?.horizontalFitToPages !== undefined || zoom?.verticalFitToPages !== undefined) {
    setup.fitToPage = true;
    setup.fitToWidth = zoom.horizontalFitToPages ?? 0;
    setup.fitToHeight = zoom.verticalFitToPages ?? 0;
  } else if (typeof zoom?.scale === "number") {
    setup.scale = zoom.scale;
  }
  // ECMA-376 §18.3.1.63 paperSize: 9 is A4 (Office.js PaperType "A4"); 1, Letter, is the default when absent.
  if (layout.paperSize === "A4") setup.paperSize = 9;
  if (layout.centerHorizontally === true) setup.horizontalCentered = true;
  if (layout.centerVertically === true) setup.verticalCentered = true;
  Object.assign(ws.pageSetup, setup);
}

/**
 * One ExcelJS style object per distinct cell format (and value kind) of a workbook. ExcelJS's style registry
 * remembers the style id of each style *object* it has seen (StylesXform.addStyleModel's WeakMap, exceljs 4.4), so
 * cells sharing an object skip building and serialising their xf again; a fresh object per cell paid that ~1,400
 * times a workbook. The value kind is part of the key because addStyleModel gives a style without a number format
 * the General format only for a number cell, and that shortcut takes the first cell's answer for every later one.
 * The objects are never changed after a cell takes one (nothing in writeSheet sets a cell's font or fill after its
 * style), so sharing them writes the same styles.xml and the same `s` indexes as before.
 */
/**
 * A format's contents as a string, equal for equal contents (in the same key order): each property's name, the
 * type and value; nested borders as JSON. Five times faster than JSON.stringify of the whole format, which was 2 %
 * of the writer. U+0001/U+0002 cannot occur in the values: toXmlTextDeep has removed them from every string.
 */
function formatKey(format: FormatSnapshot): string {
  let key = "";
  for (const name in format) {
    const value: unknown = format[name as keyof FormatSnapshot];
    key += `${name}\u0002${typeof value}${typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)}\u0001`;
  }
  return key;
}

class CellStyles {
  /** null: the format gives ExcelJS nothing to set. */
  private readonly byKey = new Map<string, Partial<ExcelJS.Style> | null>();

  of(cell: CellSnapshot): Partial<ExcelJS.Style> | null {
    if (!cell.format) return null;
    const numberCell = cell.formula === undefined && typeof cell.value === "number" && cell.type !== "Error";
    const key = `${numberCell ? "n" : "o"}${formatKey(cell.format)}`;
    let style = this.byKey.get(key);
    if (style === undefined) {
      const made = styleOf(cell.format);
      style = Object.keys(made).length > 0 ? made : null;
      this.byKey.set(key, style);
    }
    return style;
  }
}

async function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetSnapshot, tables: TableSnapshot[], styles: CellStyles): Promise<void> {
  const ws = workbook.addWorksheet(sheet.name, {
    state: VISIBILITY[sheet.visibility] ?? "visible",
    views: [
      {
        state: sheet.frozenRows > 0 || sheet.frozenColumns > 0 ? "frozen" : "normal",
        xSplit: sheet.frozenColumns,
        ySplit: sheet.frozenRows,
        showGridLines: sheet.showGridlines,
      },
    ],
  });
  for (const column of sheet.columns) {
    const col = ws.getColumn(column.index + 1);
    if (column.width !== undefined) col.width = pointsToCharacters(column.width);
    if (column.hidden) col.hidden = true;
    if (column.format) col.style = styleOf(column.format);
  }
  for (const row of sheet.rows) {
    const r = ws.getRow(row.index + 1);
    if (row.height !== undefined) r.height = row.height;
    if (row.hidden) r.hidden = true;
    if (row.format) {
      const style = styleOf(row.format);
      if (style.numFmt !== undefined) r.numFmt = style.numFmt;
      if (style.font) r.font = style.font;
      if (style.fill) r.fill = style.fill;
      if (style.alignment) r.alignment = style.alignment;
      if (style.border) r.border = style.border;
      if (style.protection) r.protection = style.protection;
    }
  }
  // Tables first: ExcelJS's addTable writes its rows into the cells; the cells are then written over with their
  // exact values and formats.
  for (const table of tables) addTable(ws, table);
  for (const cell of sheet.cells) {
    // Through the row (Row.getCell(column number)): Worksheet.getCell, by address or by (row, column), decodes an
    // address with a regular expression for every cell.
    const at = parseA1Cell(cell.address);
    const target = at ? ws.getRow(at.row + 1).getCell(at.col + 1) : ws.getCell(cell.address);
    target.value = cellValue(cell);
    const style = styles.of(cell);
    if (style) target.style = style;
  }
  for (const merge of sheet.merges) ws.mergeCells(merge);
  // Data validation is not given to ExcelJS: it is written into the sheet part afterwards (./data-validations.ts).
  const conditional = [...sheet.conditionalFormats].sort((a, b) => a.priority - b.priority);
  for (const cf of conditional) {
    const rule = conditionalRuleOf(cf);
    if (rule) ws.addConditionalFormatting({ ref: cf.range.split(",").map((s) => s.trim()).join(" "), rules: [rule] });
  }
  applyPageLayout(ws, sheet);
  const kept = hashFromPassword(sheet.protection.password);
  if (sheet.protection.protected && kept) {
    // A password read from the file: its hash goes back as it was (./protection.ts).
    await ws.protect("", protectionOptions(sheet.protection.options));
    Object.assign((ws as unknown as { sheetProtection: object }).sheetProtection, kept);
  } else if (sheet.protection.protected) await ws.protect(sheet.protection.password ?? "", protectionOptions(sheet.protection.options));
}

// ---- charts ------------------------------------------------------------------------------------------------

function chartKind(type: string): ChartKind {
  if (/^line/i.test(type)) return "line";
  if (/^bar/i.test(type)) return "bar";
  return "column";
}

/** Office.js ChartLineStyle → DrawingML preset dash. */
const LINE_DASHES: Record<string, string | undefined> = {
  Continuous: undefined,
  Dash: "dash",
  DashDot: "dashDot",
  DashDotDot: "sysDashDotDot",
  Dot: "sysDot",
  RoundDot: "sysDot",
  LongDash: "lgDash",
  LongDashDot: "lgDashDot",
  LongDashDotDot: "lgDashDotDot",
  Grey25: undefined,
  Grey50: undefined,
  Grey75: undefined,
  Automatic: undefined,
};

const LEGEND_POSITIONS: Record<string, ChartSpec["legendPosition"]> = { Right: "r", Left: "l", Top: "t", Bottom: "b" };

export function chartSpecOf(chart: ChartSnapshot): ChartSpec {
  const p = chart.position;
  let anchor: ChartAnchor;
  if (p.from) {
    const from = parseCell(p.from);
    // setPosition(start, end) covers the end cell: the anchor ends at the next cell's top-left corner.
    const to = p.to ? parseCell(p.to) : from;
    anchor = { kind: "cells", from: { col: from.col - 1, row: from.row - 1 }, to: { col: to.col, row: to.row } };
  } else {
    anchor = { kind: "points", left: p.left, top: p.top, width: p.width, height: p.height };
  }
  return {
    kind: chartKind(chart.type),
    name: chart.name,
    title: chart.title ?? "",
    anchor,
    series: chart.series
      .filter((s) => s.values !== null)
      .map((s) => {
        const format = (s.props.format ?? {}) as { line?: { lineStyle?: string } };
        const markerStyle = typeof s.props.markerStyle === "string" ? s.props.markerStyle : undefined;
        const kind = s.chartType ? chartKind(s.chartType) : undefined;
        return {
          name: s.name,
          values: s.values!,
          categories: s.xValues ?? undefined,
          kind,
          color: s.color ?? s.lineColor,
          dash: format.line?.lineStyle ? LINE_DASHES[format.line.lineStyle] : undefined,
          // A "Line" series has no markers, "LineMarkers" the style set (circle by default).
          marker: s.chartType === "Line" || markerStyle === "None" ? "none" : markerStyle ? markerStyle.toLowerCase() : undefined,
          markerSize: typeof s.props.markerSize === "number" ? s.props.markerSize : undefined,
        };
      }),
    gapWidth: chart.series.map((s) => s.props.gapWidth).find((g): g is number => typeof g === "number"),
    valueFormat: chart.axes.value.numberFormat,
    valueTitle: chart.axes.value.title,
    categoryTitle: chart.axes.category.title,
    valueMin: chart.axes.value.minimum,
    valueMax: chart.axes.value.maximum,
    legend: chart.legend.visible,
    legendPosition: LEGEND_POSITIONS[chart.legend.position] ?? "b",
  };
}

// ---- workbook ----------------------------------------------------------------------------------------------

export interface XlsxWriteOptions {
  /** Workbook author shown in File > Info. */
  creator?: string;
  /** Fixed timestamps make the bytes reproducible (tests); default now. */
  created?: Date;
  /**
   * How the finished package is compressed. Default: JSZip's DEFLATE (level 6), which runs everywhere — the
   * browser preview's "Download .xlsx" and the pane's employee copy use this file too. The CLI passes Node's
   * native zlib (./deflate-zip.ts, ~9 ms less a workbook: docs/PERFORMANCE.md); a browser bundle must not
   * import node:zlib, so that choice is made by the Node callers (src/cli/workbook-io.ts, repair.ts, export.ts).
   */
  compress?: (zip: PackageFiles) => Promise<Uint8Array>;
}

// ---- the package, part by part -----------------------------------------------------------------------------

/** One part (or folder) of the package being written, in the shape deflateZip and the chart code read. */
class PackagePart {
  constructor(
    readonly name: string,
    readonly dir: boolean,
    readonly date: Date,
    readonly data: string | Uint8Array,
  ) {}

  async(type: "string"): Promise<string>;
  async(type: "uint8array"): Promise<Uint8Array>;
  async(type: "string" | "uint8array"): Promise<string | Uint8Array> {
    const { data } = this;
    if (type === "string") return Promise.resolve(typeof data === "string" ? data : new TextDecoder().decode(data));
    return Promise.resolve(typeof data === "string" ? new TextEncoder().encode(data) : data);
  }
}

/**
 * The package as ExcelJS renders it, held as its parts' text, in the order a JSZip would hold them: a part's
 * folders are added before it, outermost first (JSZip's `createFolders`, on by default), a replaced part keeps
 * its place. This is what the writer used to get by letting ExcelJS zip the package (stored), opening that zip
 * with JSZip and reading the parts back as strings — an encode, a CRC, a parse and a decode of every part for
 * nothing (about a sixth of the writer's CPU in a profile of the worked example, 2026-12-01).
 */
export class PackageParts implements PackageFiles {
  readonly files: Record<string, PackagePart> = {};

  file(name: string): PackagePart | null;
  file(name: string, data: string | Uint8Array): this;
  file(name: string, data?: string | Uint8Array): PackagePart | null | this {
    if (data === undefined) {
      const part = this.files[name];
      return part && !part.dir ? part : null;
    }
    if (this.files[name] === undefined) this.addFolders(name);
    this.files[name] = new PackagePart(name, false, new Date(), data);
    return this;
  }

  private addFolders(name: string): void {
    const parent = name.replace(/\/$/, "").replace(/[^/]*$/, "");
    if (parent === "" || this.files[parent] !== undefined) return;
    this.addFolders(parent);
    this.files[parent] = new PackagePart(parent, true, new Date(), "");
  }

  /** The same package as a JSZip (for its DEFLATE where node:zlib is not there: the browser). */
  toJSZip(): JSZip {
    const zip = new JSZip();
    for (const part of Object.values(this.files)) {
      if (part.dir) zip.folder(part.name);
      else zip.file(part.name, part.data);
    }
    return zip;
  }
}

/**
 * ExcelJS 4.4's XLSX.write (lib/xlsx/xlsx.js), step by step, each step handing its parts to `zip.append`. Run here
 * with a PackageParts behind `append` instead of ExcelJS's JSZip-backed ZipWriter; the same steps in the same order,
 * so the same parts in the same order. exceljs is pinned exactly (package.json); should a version lack a step, the
 * writer falls back to writeBuffer and reads the zip back (xlsxParts).
 */
interface ExcelJsWriteSteps {
  prepareModel(model: unknown, options: object): void;
  addContentTypes(zip: PartSink, model: unknown): Promise<void>;
  addOfficeRels(zip: PartSink, model: unknown): Promise<void>;
  addWorkbookRels(zip: PartSink, model: unknown): Promise<void>;
  addWorksheets(zip: PartSink, model: unknown): Promise<void>;
  addSharedStrings(zip: PartSink, model: unknown): Promise<void>;
  addDrawings(zip: PartSink, model: unknown): Promise<void>;
  addTables(zip: PartSink, model: unknown): Promise<void>;
  addThemes(zip: PartSink, model: unknown): Promise<void>;
  addStyles(zip: PartSink, model: unknown): Promise<void>;
  addMedia(zip: PartSink, model: unknown): Promise<void>;
  addApp(zip: PartSink, model: unknown): Promise<void>;
  addCore(zip: PartSink, model: unknown): Promise<void>;
  addWorkbook(zip: PartSink, model: unknown): Promise<void>;
}

interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

const WRITE_STEPS: (keyof ExcelJsWriteSteps)[] = [
  "prepareModel", "addContentTypes", "addOfficeRels", "addWorkbookRels", "addWorksheets", "addSharedStrings", "addDrawings",
  "addTables", "addThemes", "addStyles", "addMedia", "addApp", "addCore", "addWorkbook",
];

/** The parts ExcelJS renders for `workbook`. */
export async function xlsxParts(workbook: ExcelJS.Workbook): Promise<PackageParts> {
  const parts = new PackageParts();
  const xlsx = workbook.xlsx as unknown as Partial<ExcelJsWriteSteps>;
  if (!WRITE_STEPS.every((step) => typeof xlsx[step] === "function")) {
    const zip = await JSZip.loadAsync((await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as Partial<ExcelJS.XlsxWriteOptions>)) as ArrayBuffer);
    for (const entry of Object.values(zip.files)) if (!entry.dir) parts.file(entry.name, await entry.async("string"));
    return parts;
  }
  const steps = xlsx as ExcelJsWriteSteps;
  // Each part is held as UTF-8 bytes from the moment ExcelJS hands it over, as JSZip held it: the text dies young.
  // Held as text until the package was zipped, the parts outlived a worker's small young generation (8 MB,
  // src/cli/workers/pool.ts): `pipbook batch` peaked at 355–405 MB instead of 374–383 (378–391 with bytes).
  const utf8 = new TextEncoder();
  const sink: PartSink = {
    append: (data, { name, base64 }) => {
      if (typeof data !== "string") parts.file(name, data);
      else parts.file(name, base64 ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : utf8.encode(data));
    },
  };
  // As XLSX.write does it: the model once, then the parts (themes and styles, app and core, started together).
  const { model } = workbook as unknown as { model: unknown };
  steps.prepareModel(model, {});
  await steps.addContentTypes(sink, model);
  await steps.addOfficeRels(sink, model);
  await steps.addWorkbookRels(sink, model);
  await steps.addWorksheets(sink, model);
  await steps.addSharedStrings(sink, model);
  await steps.addDrawings(sink, model);
  await steps.addTables(sink, model);
  await Promise.all([steps.addThemes(sink, model), steps.addStyles(sink, model)]);
  await steps.addMedia(sink, model);
  await Promise.all([steps.addApp(sink, model), steps.addCore(sink, model)]);
  await steps.addWorkbook(sink, model);
  return parts;
}

/** The .xlsx bytes of a snapshot. */
export async function snapshotToXlsx(workbookSnapshot: WorkbookSnapshot, options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  // Text XML cannot hold (a goal title pasted from Word with U+000B, a U+FFFE) is cleaned in every string of
  // the workbook before any part is built: cells, shared strings, table headers, validation messages, chart
  // titles and series names, sheet and defined names (core/xml-text: U+000B → line feed, the others removed).
  const snapshot = toXmlTextDeep(workbookSnapshot);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? "PIPbook";
  workbook.created = options.created ?? new Date();
  workbook.modified = workbook.created;
  workbook.calcProperties.fullCalcOnLoad = true;
  const sheets = [...snapshot.sheets].sort((a, b) => a.position - b.position);
  const cellStyles = new CellStyles();
  for (const sheet of sheets) {
    await writeSheet(
      workbook,
      sheet,
      snapshot.tables.filter((t) => t.sheet === sheet.name),
      cellStyles,
    );
  }
  const active = sheets.findIndex((s) => s.name === snapshot.activeSheet);
  if (active >= 0) workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  const charts = new Map(sheets.map((s) => [s.name, s.charts.map(chartSpecOf)] as const));
  const validations = new Map(
    sheets.map((s) => [s.name, s.validations.map(fileValidationOf).filter((v): v is FileDataValidation => v !== null)] as const),
  );
  // ExcelJS renders the parts; PIPbook's own (data validation, charts, defined names) are added to them, and the
  // package is zipped once at the end.
  const zip = await xlsxParts(workbook);
  // The names the workbook brought with it go into the workbook part here, not through ExcelJS (./print-areas.ts).
  const workbookXml = mergePrintAreas(await zip.file("xl/workbook.xml")!.async("string"));
  zip.file("xl/workbook.xml", withDefinedNames(workbookXml, snapshot.names, sheets.map((s) => s.name)));
  const styles = zip.file("xl/styles.xml");
  if (styles) zip.file("xl/styles.xml", generalInDxfs(await styles.async("string")));
  // ExcelJS names sheet n's part after its id (XLSX.addWorksheets: `xl/worksheets/sheet${worksheet.id}.xml`), so
  // the workbook part and its relationships need not be parsed to find it; parsed should a part not be there.
  const named = new Map(workbook.worksheets.map((ws) => [ws.name, `xl/worksheets/sheet${ws.id}.xml`] as const));
  const partOf = [...named.values()].every((part) => zip.file(part) !== null) ? named : await sheetParts(zip);
  for (const [sheetName, rules] of validations) {
    const element = dataValidationsXml(rules);
    const path = partOf.get(sheetName);
    if (element === "" || !path) continue;
    zip.file(path, insertDataValidations(await zip.file(path)!.async("string"), element));
  }
  await addChartsToZip(zip, charts, partOf);
  if (options.compress) return options.compress(zip);
  return zip.toJSZip().generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
