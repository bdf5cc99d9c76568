/**
 * WorkbookSnapshot: a plain, JSON-serialisable description of the whole in-memory workbook. The CLI turns it
 * into an .xlsx (and reads an .xlsx into one), the browser preview draws it. `toSnapshot(fromSnapshot(s))`
 * equals `s` for every snapshot this module produces.
 *
 * Addresses inside a sheet are local A1 ("B2", "A1:D10"); chart series and names use absolute addresses with
 * the sheet ("'Tracking log'!$B$2:$B$20"). Formats are effective (what Excel shows for the cell, the column
 * and row formats applied) and listed only where they differ from Excel's default.
 */
import { type Rect, formatRect, parseCell, parseLocalRect, columnLetters } from "./address";
import type { EngineError } from "./engine";
import { isEngineError } from "./engine";
import { formatValue } from "./number-format";
import {
  type BorderEdge,
  type CellFormat,
  type ChartState,
  DEFAULT_FORMAT,
  type SheetState,
  type TableState,
  WorkbookState,
  cellKey,
  keyColumn,
  keyRow,
} from "./state";

export type SnapshotValueType = "Empty" | "String" | "Double" | "Boolean" | "Error" | "Unknown";

/** Format properties, each present only when it differs from Excel's default. */
export interface FormatSnapshot {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  strikethrough?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  /** Fill colour "#RRGGBB"; absent = no fill. */
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  /** Present (false) only for unlocked cells: Excel's default is locked. */
  locked?: boolean;
  formulaHidden?: boolean;
  borders?: Partial<Record<BorderEdge, { style?: string; color?: string; weight?: string }>>;
}

export interface CellSnapshot {
  /** Local A1 address, e.g. "B2". */
  address: string;
  /** What Range.values shows: the constant or the computed result; errors as "#DIV/0!"…; null when a formula
   *  could not be computed (no formula engine). */
  value: number | string | boolean | null;
  type: SnapshotValueType;
  /** "=…" (en-US) for formula cells. */
  formula?: string;
  /** What Range.text shows (the value under its number format). */
  text: string;
  format?: FormatSnapshot;
}

export interface ColumnSnapshot {
  /** Zero-based column index and its letters. */
  index: number;
  letter: string;
  /** Points. */
  width?: number;
  hidden?: boolean;
  format?: FormatSnapshot;
}

export interface RowSnapshot {
  index: number;
  height?: number;
  hidden?: boolean;
  format?: FormatSnapshot;
}

export interface ValidationSnapshot {
  range: string;
  /** Office's DataValidationRule, formulas as strings ("=10", "=$A$2:$A$9"); null when only prompt/alert were set. */
  rule: Record<string, Record<string, unknown>> | null;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ConditionalFormatSnapshot {
  /** Areas joined with ",", e.g. "B2:B20" or "B2:B20,D2:D20". */
  range: string;
  type: string;
  priority: number;
  stopIfTrue: boolean;
  /** Custom: { formula }; CellValue: { formula1, formula2?, operator }; ContainsText: { operator, text } … */
  rule: Record<string, unknown> | null;
  /** { fill: { color }, font: { color, bold, … }, numberFormat, borders } as set. */
  format: Record<string, unknown> | null;
  /** Everything else recorded for the type (color-scale criteria, data-bar settings, icon sets). */
  settings: Record<string, unknown>;
}

export interface ChartSeriesSnapshot {
  name: string;
  /** Absolute address with sheet, e.g. "Evaluation!$C$2:$C$14"; null when not bound. */
  values: string | null;
  xValues: string | null;
  chartType?: string;
  /** Solid fill colour set through format.fill.setSolidColor, if any. */
  color?: string;
  /** Line colour set through format.line.color, if any. */
  lineColor?: string;
  /** Everything set on the series (markerStyle, hasDataLabels, format, …). */
  props: Record<string, unknown>;
}

export interface ChartAxisSnapshot {
  title: string | null;
  numberFormat?: string;
  minimum?: number;
  maximum?: number;
}

export interface ChartSnapshot {
  name: string;
  type: string;
  title: string | null;
  seriesBy: string;
  /** The range given to charts.add / setData (absolute, with sheet). */
  source: string | null;
  series: ChartSeriesSnapshot[];
  axes: { category: ChartAxisSnapshot; value: ChartAxisSnapshot };
  legend: { visible: boolean; position: string };
  /** Points from the sheet's top-left corner; `from`/`to` are the cells given to setPosition. */
  position: { top: number; left: number; width: number; height: number; from?: string; to?: string };
  /** Everything recorded on the chart (title, legend, axes, data labels, format …) as set. */
  props: Record<string, unknown>;
}

export interface TableSnapshot {
  name: string;
  sheet: string;
  /** Whole table incl. header and total rows, local A1. */
  range: string;
  headers: string[];
  style: string;
  showHeaders: boolean;
  showTotals: boolean;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  /** Per column: the calculated-column formula (as written for the first data row), or null. */
  columns: { name: string; calculatedFormula: string | null }[];
}

export interface SheetSnapshot {
  name: string;
  position: number;
  visibility: string;
  showGridlines: boolean;
  cells: CellSnapshot[];
  columns: ColumnSnapshot[];
  rows: RowSnapshot[];
  /** Format applied to the whole sheet (getRange() with no address). */
  sheetFormat?: FormatSnapshot;
  frozenRows: number;
  frozenColumns: number;
  /** "A1:I27", or several areas comma-separated ("A1:I27,K5:R22"). */
  printArea: string | null;
  pageLayout: Record<string, unknown>;
  protection: { protected: boolean; options: Record<string, boolean | string>; password: string | null };
  validations: ValidationSnapshot[];
  conditionalFormats: ConditionalFormatSnapshot[];
  charts: ChartSnapshot[];
  merges: string[];
}

export interface WorkbookSnapshot {
  format: "pipbook-memory-excel-snapshot";
  version: 1;
  activeSheet: string | null;
  sheets: SheetSnapshot[];
  tables: TableSnapshot[];
  /**
   * The defined names the workbook brought with it (Formulas › Name Manager), passed through unevaluated so that a
   * rewrite keeps them (src/cli/xlsx/read-xlsx.ts reads them, write-xlsx.ts writes them back). PIPbook defines none.
   */
  names: NameSnapshot[];
}

/** A defined name: version 1's shape plus its scope (absent in snapshots saved before names were kept). */
export interface NameSnapshot {
  name: string;
  /** "=" and the formula text as the file stores it, unevaluated and unchanged ("=Notes!$B$2", "=0.8"). */
  formula: string;
  comment: string;
  /** false: hidden (the file's `hidden="1"`; Name Manager does not list it). */
  visible: boolean;
  /** The sheet a sheet-scoped name belongs to, by name; absent or null: the workbook. */
  scope?: string | null;
}

const FORMAT_KEYS = Object.keys(DEFAULT_FORMAT) as (keyof typeof DEFAULT_FORMAT)[];

function diffFormat(resolve: <K extends keyof typeof DEFAULT_FORMAT>(k: K) => unknown, borders: CellFormat["borders"] | undefined): FormatSnapshot | undefined {
  const out: Record<string, unknown> = {};
  for (const k of FORMAT_KEYS) {
    const v = resolve(k);
    if (v !== undefined && v !== null && v !== DEFAULT_FORMAT[k]) out[k] = v;
  }
  if (borders && Object.keys(borders).length) {
    const copy: NonNullable<CellFormat["borders"]> = {};
    for (const [edge, border] of Object.entries(borders) as [keyof typeof copy, (typeof copy)[keyof typeof copy]][]) if (border) copy[edge] = { ...border };
    out.borders = copy;
  }
  return Object.keys(out).length ? (out as FormatSnapshot) : undefined;
}

/**
 * Format layers merged as WorkbookState.formatProp reads them — a key set (not undefined) in a nearer layer wins —
 * and their borders edge by edge, nearer layers over farther ones.
 */
function mergeLayers(...layers: (CellFormat | undefined)[]): CellFormat {
  const merged: Record<string, unknown> = {};
  let borders: CellFormat["borders"] | undefined;
  for (const layer of layers) {
    if (!layer) continue;
    for (const key in layer) {
      const v = layer[key as keyof CellFormat];
      if (v === undefined) continue;
      if (key === "borders") borders = { ...borders, ...(v as CellFormat["borders"]) };
      else merged[key] = v;
    }
  }
  if (borders) merged.borders = borders;
  return merged as CellFormat;
}

function ownFormat(f: CellFormat | undefined): FormatSnapshot | undefined {
  if (!f) return undefined;
  return diffFormat((k) => f[k], f.borders);
}

function snapshotValue(st: WorkbookState, sheet: SheetState, r: number, c: number): { value: CellSnapshot["value"]; type: SnapshotValueType } {
  const v = st.value(sheet, r, c);
  const type = st.valueType(sheet, r, c) as SnapshotValueType;
  if (v === undefined) return { value: null, type };
  if (v === null) return { value: null, type: "Empty" };
  if (isEngineError(v)) return { value: v.error, type: "Error" };
  return { value: v, type };
}

function tableSnapshot(st: WorkbookState, t: TableState): TableSnapshot {
  return {
    name: t.name,
    sheet: st.sheetById(t.sheetId).name,
    range: formatRect(t.rect),
    headers: t.columns.map((c) => c.name),
    style: t.style,
    showHeaders: t.showHeaders,
    showTotals: t.showTotals,
    showBandedRows: t.showBandedRows,
    showBandedColumns: t.showBandedColumns,
    showFilterButton: t.showFilterButton,
    highlightFirstColumn: t.highlightFirstColumn,
    highlightLastColumn: t.highlightLastColumn,
    columns: t.columns.map((c) => ({ name: c.name, calculatedFormula: c.calculatedFormula })),
  };
}

function axisSnapshot(props: Record<string, unknown>, key: string): ChartAxisSnapshot {
  const axis = (props[`axis:${key}`] ?? {}) as Record<string, unknown>;
  const title = (axis.title ?? {}) as Record<string, unknown>;
  const out: ChartAxisSnapshot = { title: typeof title.text === "string" && title.text !== "" && title.visible !== false ? title.text : null };
  if (typeof axis.numberFormat === "string") out.numberFormat = axis.numberFormat;
  if (typeof axis.minimum === "number") out.minimum = axis.minimum;
  if (typeof axis.maximum === "number") out.maximum = axis.maximum;
  return out;
}

function chartSnapshot(chart: ChartState): ChartSnapshot {
  const props = JSON.parse(JSON.stringify(chart.props)) as Record<string, unknown>;
  const title = (props.title ?? {}) as Record<string, unknown>;
  const legend = (props.legend ?? {}) as Record<string, unknown>;
  const position: ChartSnapshot["position"] = { top: chart.top, left: chart.left, width: chart.width, height: chart.height };
  if (chart.anchor) {
    position.from = chart.anchor.from;
    if (chart.anchor.to) position.to = chart.anchor.to;
  }
  return {
    name: chart.name,
    type: chart.chartType,
    title: typeof title.text === "string" && title.text !== "" && title.visible !== false ? title.text : null,
    seriesBy: chart.seriesBy,
    source: chart.source,
    series: chart.series.map((s) => {
      const sp = JSON.parse(JSON.stringify(s.props)) as Record<string, unknown>;
      const format = (sp.format ?? {}) as { fill?: { color?: string }; line?: { color?: string } };
      const out: ChartSeriesSnapshot = { name: s.name, values: s.values, xValues: s.xValues, props: sp };
      if (s.chartType) out.chartType = s.chartType;
      if (format.fill?.color) out.color = format.fill.color;
      if (format.line?.color) out.lineColor = format.line.color;
      return out;
    }),
    axes: { category: axisSnapshot(props, "categoryAxis"), value: axisSnapshot(props, "valueAxis") },
    legend: { visible: legend.visible !== false, position: typeof legend.position === "string" ? legend.position : "Right" },
    position,
    props,
  };
}

const PART_OF_TYPE: Record<string, string> = {
  Custom: "custom",
  CellValue: "cellValue",
  ColorScale: "colorScale",
  DataBar: "dataBar",
  IconSet: "iconSet",
  PresetCriteria: "preset",
  ContainsText: "textComparison",
  TopBottom: "topBottom",
};

export interface SnapshotOptions {
  /**
   * Each cell's `text` as Excel would show it (its number format applied): the default. False leaves every text ""
   * for a reader that never shows one (the .xlsx writer: a file holds values and formats, not their display), which
   * spares formatting every cell of the workbook.
   */
  shownText?: boolean;
}

export function toSnapshot(st: WorkbookState, options: SnapshotOptions = {}): WorkbookSnapshot {
  const shownText = options.shownText ?? true;
  const sheets: SheetSnapshot[] = st.sheets.map((sheet, position) => {
    const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
    const sheetFormatted = Object.keys(sheet.sheetFormat).length > 0;
    const cells: CellSnapshot[] = keys.map((key) => {
      const r = keyRow(key);
      const c = keyColumn(key);
      const cell = sheet.cells.get(key)!;
      const { value, type } = snapshotValue(st, sheet, r, c);
      // The cell's format as Excel resolves it (cell, then row, column, sheet, default: WorkbookState.formatProp):
      // the layers merged once per cell instead of four lookups per key.
      const rowF = sheet.rowFormats.get(r);
      const colF = sheet.columnFormats.get(c);
      const merged = rowF || colF || sheetFormatted ? mergeLayers(sheet.sheetFormat, colF, rowF, cell.format) : (cell.format ?? {});
      const raw = st.value(sheet, r, c);
      const text = raw === undefined || !shownText ? "" : formatValue(raw, (merged.numberFormat ?? DEFAULT_FORMAT.numberFormat));
      const out: CellSnapshot = { address: `${columnLetters(c)}${r + 1}`, value, type, text };
      if (cell.formula !== undefined) out.formula = cell.formula;
      const format = diffFormat((k) => merged[k] ?? DEFAULT_FORMAT[k], merged.borders);
      if (format) out.format = format;
      return out;
    });
    const columnIndexes = new Set<number>([...sheet.columnWidths.keys(), ...sheet.hiddenColumns, ...sheet.columnFormats.keys()]);
    const columns: ColumnSnapshot[] = [...columnIndexes]
      .sort((a, b) => a - b)
      .map((index) => {
        const col: ColumnSnapshot = { index, letter: columnLetters(index) };
        const w = sheet.columnWidths.get(index);
        if (w !== undefined) col.width = w;
        if (sheet.hiddenColumns.has(index)) col.hidden = true;
        const f = ownFormat(sheet.columnFormats.get(index));
        if (f) col.format = f;
        return col;
      })
      // A column whose format layer was emptied (every property set back) says nothing: left out, as fromSnapshot
      // makes no layer for it, so that a workbook made from a snapshot gives the same snapshot back.
      .filter((col) => col.width !== undefined || col.hidden || col.format);
    const rowIndexes = new Set<number>([...sheet.rowHeights.keys(), ...sheet.hiddenRows, ...sheet.rowFormats.keys()]);
    const rows: RowSnapshot[] = [...rowIndexes]
      .sort((a, b) => a - b)
      .map((index) => {
        const row: RowSnapshot = { index };
        const h = sheet.rowHeights.get(index);
        if (h !== undefined) row.height = h;
        if (sheet.hiddenRows.has(index)) row.hidden = true;
        const f = ownFormat(sheet.rowFormats.get(index));
        if (f) row.format = f;
        return row;
      })
      .filter((row) => row.height !== undefined || row.hidden || row.format);
    const out: SheetSnapshot = {
      name: sheet.name,
      position,
      visibility: sheet.visibility,
      showGridlines: sheet.showGridlines,
      cells,
      columns,
      rows,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      printArea: sheet.printArea ? [sheet.printArea, ...(sheet.printAreaMore ?? [])].map((r) => formatRect(r)).join(",") : null,
      pageLayout: JSON.parse(JSON.stringify(sheet.pageLayout)) as Record<string, unknown>,
      protection: { protected: sheet.protection.protected, options: { ...sheet.protection.options }, password: sheet.protection.password },
      validations: [...sheet.validations]
        .sort((a, b) => a.rect.r0 - b.rect.r0 || a.rect.c0 - b.rect.c0)
        .map((v) => ({
          range: formatRect(v.rect),
          rule: v.rule ? (JSON.parse(JSON.stringify(v.rule)) as ValidationSnapshot["rule"]) : null,
          errorAlert: { ...v.errorAlert },
          prompt: { ...v.prompt },
          ignoreBlanks: v.ignoreBlanks,
        })),
      conditionalFormats: [...sheet.conditionalFormats]
        .sort((a, b) => a.priority - b.priority)
        .map((cf) => {
          const data = JSON.parse(JSON.stringify(cf.data)) as Record<string, unknown>;
          const { rule, format, ...settings } = data;
          void PART_OF_TYPE;
          return {
            range: cf.rects.map((r) => formatRect(r)).join(","),
            type: cf.type,
            priority: cf.priority,
            stopIfTrue: cf.stopIfTrue,
            rule: (rule as Record<string, unknown> | undefined) ?? null,
            format: (format as Record<string, unknown> | undefined) ?? null,
            settings,
          };
        }),
      charts: sheet.charts.map(chartSnapshot),
      merges: sheet.merges.map((m) => formatRect(m)),
    };
    const sf = ownFormat(sheet.sheetFormat);
    if (sf) out.sheetFormat = sf;
    return out;
  });
  return {
    format: "pipbook-memory-excel-snapshot",
    version: 1,
    activeSheet: st.activeSheetId ? (st.sheets.find((s) => s.id === st.activeSheetId)?.name ?? null) : null,
    sheets,
    tables: st.tables.map((t) => tableSnapshot(st, t)),
    names: namesSnapshot(st),
  };
}

/**
 * The state's defined names; a sheet-scoped one whose sheet was deleted goes with it, as Excel deletes a sheet's
 * own names with the sheet. A workbook-scoped name that refers to a deleted sheet keeps its text (Excel shows #REF!).
 */
function namesSnapshot(st: WorkbookState): NameSnapshot[] {
  const out: NameSnapshot[] = [];
  for (const n of st.names) {
    const scope = n.scopeSheetId === null ? null : st.sheets.find((s) => s.id === n.scopeSheetId)?.name;
    if (scope === undefined) continue;
    out.push({ name: n.name, formula: `=${n.formula}`, comment: n.comment, visible: n.visible, ...(scope !== null ? { scope } : {}) });
  }
  return out;
}

function rect(address: string, where: string): Rect {
  const r = parseLocalRect(address);
  if (!r) throw new Error(`snapshot: "${address}" is not an A1 range (${where})`);
  return r;
}

function formatFrom(snap: FormatSnapshot | undefined): CellFormat {
  const f: CellFormat = {};
  if (!snap) return f;
  for (const [k, v] of Object.entries(snap)) {
    if (k === "borders") f.borders = JSON.parse(JSON.stringify(v)) as CellFormat["borders"];
    else (f as Record<string, unknown>)[k] = v;
  }
  return f;
}

/**
 * Builds workbook state from a snapshot. Cell formats in a snapshot are effective; a cell keeps as its own
 * format only what its row, column and sheet formats don't already give it.
 */
export function fromSnapshot(snapshot: WorkbookSnapshot, st: WorkbookState): void {
  if (snapshot.format !== "pipbook-memory-excel-snapshot" || snapshot.version !== 1) {
    throw new Error("not a PIPbook memory-excel snapshot (format/version)");
  }
  st.sheets = [];
  st.tables = [];
  const ordered = [...snapshot.sheets].sort((a, b) => a.position - b.position);
  for (const s of ordered) {
    const sheet = WorkbookState.emptySheet(st.newId("ws"), s.name);
    sheet.visibility = s.visibility;
    sheet.showGridlines = s.showGridlines;
    sheet.frozenRows = s.frozenRows;
    sheet.frozenColumns = s.frozenColumns;
    const printAreas = s.printArea ? s.printArea.split(",").map((area) => rect(area, `${s.name} print area`)) : [];
    sheet.printArea = printAreas[0] ?? null;
    if (printAreas.length > 1) sheet.printAreaMore = printAreas.slice(1);
    sheet.pageLayout = JSON.parse(JSON.stringify(s.pageLayout)) as Record<string, unknown>;
    sheet.protection = { protected: s.protection.protected, options: { ...s.protection.options }, password: s.protection.password };
    if (s.sheetFormat) sheet.sheetFormat = formatFrom(s.sheetFormat);
    for (const col of s.columns) {
      if (col.width !== undefined) sheet.columnWidths.set(col.index, col.width);
      if (col.hidden) sheet.hiddenColumns.add(col.index);
      if (col.format) sheet.columnFormats.set(col.index, formatFrom(col.format));
    }
    for (const row of s.rows) {
      if (row.height !== undefined) sheet.rowHeights.set(row.index, row.height);
      if (row.hidden) sheet.hiddenRows.add(row.index);
      if (row.format) sheet.rowFormats.set(row.index, formatFrom(row.format));
    }
    for (const cs of s.cells) {
      const at = parseCell(cs.address);
      if (at === null) throw new Error(`snapshot: bad cell address "${cs.address}" on ${s.name}`);
      const r = at.row;
      const c = at.col;
      const cell: { value?: number | string | boolean | EngineError; formula?: string; format?: CellFormat } = {};
      if (cs.formula !== undefined) cell.formula = cs.formula;
      else if (cs.type === "Error" && typeof cs.value === "string") cell.value = { error: cs.value as EngineError["error"] };
      else if (cs.value !== null && cs.type !== "Empty") cell.value = cs.value;
      sheet.cells.set(cellKey(r, c), cell);
    }
    sheet.validations = s.validations.map((v) => ({
      rect: rect(v.range, `${s.name} validation`),
      rule: v.rule ? (JSON.parse(JSON.stringify(v.rule)) as Record<string, Record<string, unknown>>) : null,
      errorAlert: { ...v.errorAlert },
      prompt: { ...v.prompt },
      ignoreBlanks: v.ignoreBlanks,
    }));
    sheet.conditionalFormats = s.conditionalFormats.map((cf) => {
      const data: Record<string, unknown> = JSON.parse(JSON.stringify(cf.settings)) as Record<string, unknown>;
      if (cf.rule !== null) data.rule = JSON.parse(JSON.stringify(cf.rule));
      if (cf.format !== null) data.format = JSON.parse(JSON.stringify(cf.format));
      return {
        id: st.newId("cf"),
        rects: cf.range.split(",").map((a) => rect(a, `${s.name} conditional format`)),
        type: cf.type,
        priority: cf.priority,
        stopIfTrue: cf.stopIfTrue,
        data,
      };
    });
    sheet.charts = s.charts.map((ch) => ({
      id: st.newId("ch"),
      name: ch.name,
      chartType: ch.type,
      seriesBy: ch.seriesBy,
      source: ch.source,
      series: ch.series.map((se) => ({
        name: se.name,
        values: se.values,
        xValues: se.xValues,
        chartType: se.chartType ?? null,
        props: JSON.parse(JSON.stringify(se.props)) as Record<string, unknown>,
      })),
      props: JSON.parse(JSON.stringify(ch.props)) as Record<string, unknown>,
      top: ch.position.top,
      left: ch.position.left,
      width: ch.position.width,
      height: ch.position.height,
      anchor: ch.position.from ? { from: ch.position.from, to: ch.position.to ?? null } : null,
    }));
    sheet.merges = s.merges.map((m) => rect(m, `${s.name} merge`));
    st.sheets.push(sheet);
  }
  // Cell formats: keep what the row/column/sheet formats don't already provide.
  for (const s of ordered) {
    const sheet = st.findSheet(s.name)!;
    const sheetFormatted = Object.keys(sheet.sheetFormat).length > 0;
    for (const cs of s.cells) {
      const at = parseCell(cs.address)!;
      const r = at.row;
      const c = at.col;
      const rowF = sheet.rowFormats.get(r);
      const colF = sheet.columnFormats.get(c);
      // Nothing to keep: no format of its own and none to differ from (the usual cell).
      if (cs.format === undefined && !rowF && !colF && !sheetFormatted) continue;
      const cell = sheet.cells.get(cellKey(r, c))!;
      const wanted = formatFrom(cs.format);
      // What the cell inherits (WorkbookState.formatProp without the cell: row, then column, then sheet), merged once.
      const inherited = (rowF || colF || sheetFormatted ? mergeLayers(sheet.sheetFormat, colF, rowF) : {}) as Record<string, unknown>;
      const own: CellFormat = {};
      for (const k of FORMAT_KEYS) {
        const target = (wanted as Record<string, unknown>)[k] ?? DEFAULT_FORMAT[k];
        if (target !== (inherited[k] ?? DEFAULT_FORMAT[k])) (own as Record<string, unknown>)[k] = target;
      }
      if (wanted.borders) own.borders = wanted.borders;
      if (Object.keys(own).length) cell.format = own;
    }
  }
  for (const t of snapshot.tables) {
    const sheet = st.findSheet(t.sheet);
    if (!sheet) throw new Error(`snapshot: table ${t.name} is on a missing sheet "${t.sheet}"`);
    const table: TableState = {
      id: st.newId("tb"),
      name: t.name,
      sheetId: sheet.id,
      rect: rect(t.range, `table ${t.name}`),
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      style: t.style,
      showBandedRows: t.showBandedRows,
      showBandedColumns: t.showBandedColumns,
      showFilterButton: t.showFilterButton,
      highlightFirstColumn: t.highlightFirstColumn,
      highlightLastColumn: t.highlightLastColumn,
      columns: t.columns.map((c, i) => ({ id: i + 1, name: c.name, calculatedFormula: c.calculatedFormula })),
      nextColumnId: t.columns.length + 1,
    };
    st.tables.push(table);
  }
  // A name scoped to a sheet the snapshot does not have cannot be placed; every other one is kept as written.
  st.names = [];
  for (const n of snapshot.names ?? []) {
    const scopeSheetId = n.scope ? st.findSheet(n.scope)?.id : null;
    if (scopeSheetId === undefined) continue;
    st.names.push({ name: n.name, formula: n.formula.startsWith("=") ? n.formula.slice(1) : n.formula, scopeSheetId, comment: n.comment, visible: n.visible });
  }
  st.activeSheetId = snapshot.activeSheet ? (st.findSheet(snapshot.activeSheet)?.id ?? null) : (st.sheets[0]?.id ?? null);
  st.selection = null;
  st.rebuildEngine();
  st.refreshStructuredFormulas();
  st.takeChanges();
}
