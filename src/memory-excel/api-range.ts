/**
 * Excel.Range and what hangs off it (format, font, fill, borders, protection, data validation, conditional
 * formats), in memory. Semantics follow https://learn.microsoft.com/javascript/api/excel/excel.range.
 */
import {
  type Rect,
  boundingRect,
  intersectRects,
  isEntireColumns,
  isEntireRows,
  parseAddress,
  rectColumns,
  rectInBounds,
  rectRows,
  rectsIntersect,
  subtractRect,
} from "./address";
import { CONDITIONAL_FORMAT_SCHEMA, RecordProxy, type RecordSchema, recordProxy, normalizeColor } from "./api-record";
import { isEngineError } from "./engine";
import { MemoryExcelError, invalidArgument } from "./errors";
import { rewriteForEngine, shiftFormula, tokenize } from "./formula";
import { type MemoryRequestContext, CollectionProxy, ProxyBase, type ProxySpec, installAccessors } from "./proxy";
import {
  type CellFormat,
  type ConditionalFormatEntry,
  type FormatKey,
  type SheetState,
  type TableState,
  type ValidationEntry,
  type ValidationProps,
  WorkbookState,
  cloneCell,
  cloneFormat,
  coerceInput,
  isoDateToSerial,
  keyColumn,
  keyRow,
} from "./state";

export interface RangeTarget {
  sheetId: string;
  rect: Rect;
}

type Grid = unknown[][];

/** Accepts a 2-D array of the range's shape, or a single value for every cell (Excel's broadcast). */
function gridFrom(data: unknown, rect: Rect, location: string): (i: number, j: number) => unknown {
  const rows = rectRows(rect);
  const cols = rectColumns(rect);
  if (!Array.isArray(data)) return () => data;
  if (data.length === 1 && Array.isArray(data[0]) && data[0].length === 1 && rows * cols > 1) {
    const v = (data as Grid)[0]?.[0];
    return () => v;
  }
  if (data.length !== rows || (data as Grid).some((row) => !Array.isArray(row) || row.length !== cols)) {
    const got = `${data.length}×${Array.isArray(data[0]) ? (data[0] as unknown[]).length : "?"}`;
    // Message as Excel's: "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (range ${rows}×${cols}, array ${got})`,
      location,
    );
  }
  return (i, j) => (data as Grid)[i]?.[j];
}

function grid<T>(rect: Rect, cell: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: T[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) row.push(cell(r, c));
    out.push(row);
  }
  return out;
}

/** The value every cell of the rect shares, or null (Excel's answer for mixed formats). */
function common<T>(state: WorkbookState, sheet: SheetState, rect: Rect, read: (r: number, c: number) => T): T | null {
  const cells = rectRows(rect) * rectColumns(rect);
  let first: T | undefined;
  let mixed = false;
  const visit = (r: number, c: number) => {
    const v = read(r, c);
    if (first === undefined) first = v;
    else if (JSON.stringify(v) !== JSON.stringify(first)) mixed = true;
  };
  if (cells <= 200_000) {
    for (let r = rect.r0; r <= rect.r1 && !mixed; r++) for (let c = rect.c0; c <= rect.c1 && !mixed; c++) visit(r, c);
  } else {
    // Huge ranges (whole columns): an untouched row/column stands for all the others.
    const rows = new Set<number>([rect.r0, rect.r1]);
    const cols = new Set<number>([rect.c0, rect.c1]);
    for (const r of sheet.rowFormats.keys()) if (r >= rect.r0 && r <= rect.r1) rows.add(r);
    for (const c of sheet.columnFormats.keys()) if (c >= rect.c0 && c <= rect.c1) cols.add(c);
    for (const key of sheet.cells.keys()) {
      const r = keyRow(key);
      const c = keyColumn(key);
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) {
        rows.add(r);
        cols.add(c);
      }
    }
    const freeRow = [...Array(Math.min(rows.size + 2, rectRows(rect))).keys()].map((k) => rect.r0 + k).find((r) => !rows.has(r));
    if (freeRow !== undefined) rows.add(freeRow);
    for (const r of rows) for (const c of cols) if (!mixed) visit(r, c);
  }
  void state;
  return mixed ? null : (first ?? null);
}

export class RangeProxy extends ProxyBase<RangeTarget> {
  get _spec(): ProxySpec<this> {
    return RANGE_SPEC as unknown as ProxySpec<this>;
  }

  get _state(): WorkbookState {
    return this.context.state;
  }

  _target(location = "Range"): { sheet: SheetState; rect: Rect } {
    const t = this._require(location);
    return { sheet: this._state.sheetById(t.sheetId), rect: t.rect };
  }

  static of(context: MemoryRequestContext, path: string, resolve: () => RangeTarget | null, orNull = false): RangeProxy {
    return new RangeProxy(context, path, resolve, orNull);
  }

  /** A range derived from this one when a command first uses it. */
  _derive(method: string, args: unknown[], derive: (t: { sheet: SheetState; rect: Rect }) => Rect | null, orNull = false): RangeProxy {
    const location = `Range.${method}`;
    return RangeProxy.of(
      this.context,
      `${this._path}.${method}(${args.map((a) => JSON.stringify(a instanceof ProxyBase ? a._path : a)).join(",")})`,
      () => {
        const t = this._target(location);
        const rect = derive(t);
        if (rect === null) return null;
        if (!rectInBounds(rect)) throw invalidArgument("the resulting range is outside the worksheet", location);
        return { sheetId: t.sheet.id, rect };
      },
      orNull,
    );
  }

  /** Another range given as a Range proxy or an address on this range's sheet. */
  _other(other: unknown, location: string): { sheet: SheetState; rect: Rect } {
    if (other instanceof RangeProxy) return other._target(location);
    if (typeof other === "string") {
      const mine = this._target(location);
      const { sheet, rect } = parseAddress(other, location);
      return { sheet: sheet ? this._state.sheetByName(sheet, location) : mine.sheet, rect };
    }
    throw invalidArgument("expected a Range or an address", location);
  }

  getCell(row: number, column: number): RangeProxy {
    return this._derive("getCell", [row, column], ({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0 + column, r1: rect.r0 + row, c1: rect.c0 + column }));
  }

  getRow(row: number): RangeProxy {
    return this._derive("getRow", [row], ({ rect }) => ({ ...rect, r0: rect.r0 + row, r1: rect.r0 + row }));
  }

  getColumn(column: number): RangeProxy {
    return this._derive("getColumn", [column], ({ rect }) => ({ ...rect, c0: rect.c0 + column, c1: rect.c0 + column }));
  }

  getLastRow(): RangeProxy {
    return this._derive("getLastRow", [], ({ rect }) => ({ ...rect, r0: rect.r1 }));
  }

  getRowsBelow(count = 1): RangeProxy {
    return this._derive("getRowsBelow", [count], ({ rect }) => ({ ...rect, r0: rect.r1 + 1, r1: rect.r1 + count }));
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._derive("getUsedRange", [valuesOnly], ({ sheet, rect }) => {
      const used = this._state.usedRect(sheet, !!valuesOnly);
      const cut = used ? intersectRects(used, rect) : null;
      if (!cut) throw new MemoryExcelError("ItemNotFound", "The range has no used cells.", "Range.getUsedRange");
      return cut;
    });
  }

  /** Writes values or formulas, following Excel's input rules (see coerceInput in state.ts). */
  _write(data: unknown, location: string): void {
    const { sheet, rect } = this._target(location);
    const st = this._state;
    st.assertEditable(sheet, rect, "values", location);
    const at = gridFrom(data, rect, location);
    const inputs: { r: number; c: number; input: ReturnType<typeof coerceInput> }[] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const input = coerceInput(at(r - rect.r0, c - rect.c0), st.formatProp(sheet, r, c, "numberFormat") as string, location);
        st.checkInput(sheet, r, c, input, location);
        inputs.push({ r, c, input });
      }
    }
    const emptyColumns = location === "Range.values" || location === "Range.formulas" || location === "Range.formulasLocal" ? emptyTableColumns(st, sheet, rect) : [];
    for (const { r, c, input } of inputs) st.writeCell(sheet, r, c, input, location, true);
    afterContentWrite(st, sheet, rect);
    fillCalculatedColumns(st, sheet, rect, emptyColumns, inputs);
  }

  clear(applyTo: string = "All"): void {
    this._command("clear", [applyTo], () => {
      const { sheet, rect } = this._target("Range.clear");
      const st = this._state;
      if (applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents") {
        st.assertEditable(sheet, rect, "values", "Range.clear");
        st.clearContents(sheet, rect);
        afterContentWrite(st, sheet, rect);
      }
      if (applyTo === "All" || applyTo === "Formats") {
        st.assertEditable(sheet, rect, "format", "Range.clear");
        st.clearFormats(sheet, rect);
      }
      if (applyTo === "All") {
        st.clearValidation(sheet, rect);
        for (const cf of sheet.conditionalFormats) cf.rects = cf.rects.flatMap((r) => subtractRect(r, rect));
        sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.rects.length > 0);
        sheet.merges = sheet.merges.filter((m) => !rectsIntersect(m, rect));
      }
    });
  }

  merge(across = false): void {
    this._command("merge", [across], () => {
      const { sheet, rect } = this._target("Range.merge");
      const areas = across ? Array.from({ length: rectRows(rect) }, (_, i) => ({ ...rect, r0: rect.r0 + i, r1: rect.r0 + i })) : [rect];
      for (const area of areas) {
        if (this._state.tables.some((t) => t.sheetId === sheet.id && rectsIntersect(t.rect, area))) {
          throw new MemoryExcelError("InvalidOperation", "Cells in a table can't be merged.", "Range.merge");
        }
        // Excel keeps the top-left value only.
        for (const key of [...sheet.cells.keys()]) {
          const r = keyRow(key);
          const c = keyColumn(key);
          if ((r !== area.r0 || c !== area.c0) && r >= area.r0 && r <= area.r1 && c >= area.c0 && c <= area.c1) {
            this._state.writeCell(sheet, r, c, { kind: "clear" }, "Range.merge");
          }
        }
        sheet.merges = sheet.merges.filter((m) => !rectsIntersect(m, area));
        sheet.merges.push(area);
      }
      this._state.noteChange(sheet.id, rect, "format");
    });
  }

  select(): void {
    this._command("select", [], () => {
      const { sheet, rect } = this._target("Range.select");
      this._state.activeSheetId = sheet.id;
      this._state.selection = { sheetId: sheet.id, rect };
    });
  }

  /** Range.copyFrom: tiles the source over this range; formulas move their relative references, as a paste does. */
  copyFrom(source: unknown, copyType: string = "All", skipBlanks = false, transpose = false): void {
    this._command("copyFrom", [source, copyType, skipBlanks, transpose], () => {
      const location = "Range.copyFrom";
      if (transpose) throw new MemoryExcelError("NotImplemented", "copyFrom with transpose isn't in the in-memory Excel.", location);
      const dst = this._target(location);
      const src = this._other(source, location);
      const st = this._state;
      const sr = rectRows(src.rect);
      const sc = rectColumns(src.rect);
      const rows = Math.max(sr, Math.floor(rectRows(dst.rect) / sr) * sr);
      const cols = Math.max(sc, Math.floor(rectColumns(dst.rect) / sc) * sc);
      const target: Rect = { r0: dst.rect.r0, c0: dst.rect.c0, r1: dst.rect.r0 + rows - 1, c1: dst.rect.c0 + cols - 1 };
      st.assertEditable(dst.sheet, target, "values", location);
      const snapshot = grid(src.rect, (r, c) => cloneCell(st.cell(src.sheet, r, c)));
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const from = snapshot[i % sr]?.[j % sc] ?? {};
          const r = target.r0 + i;
          const c = target.c0 + j;
          const dr = r - (src.rect.r0 + (i % sr));
          const dc = c - (src.rect.c0 + (j % sc));
          const blank = from.value === undefined && from.formula === undefined;
          if (copyType !== "Formats" && !(skipBlanks && blank)) {
            if (copyType === "Values") {
              const v = st.value(src.sheet, src.rect.r0 + (i % sr), src.rect.c0 + (j % sc));
              st.writeCell(dst.sheet, r, c, v === null || v === undefined ? { kind: "clear" } : { kind: "value", value: v }, location);
            } else if (from.formula !== undefined) {
              st.writeCell(dst.sheet, r, c, { kind: "formula", formula: shiftFormula(from.formula, dr, dc) }, location);
            } else if (from.value !== undefined) {
              st.writeCell(dst.sheet, r, c, { kind: "value", value: from.value }, location);
            } else {
              st.writeCell(dst.sheet, r, c, { kind: "clear" }, location);
            }
          }
          if (copyType === "All" || copyType === "Formats") {
            const cell = st.cell(dst.sheet, r, c);
            if (from.format) {
              st.setFormat(dst.sheet, { r0: r, c0: c, r1: r, c1: c }, (f) => Object.assign(f, cloneFormat(from.format)));
            } else if (cell?.format) delete cell.format;
          }
        }
      }
      afterContentWrite(st, dst.sheet, target);
    });
  }
}

/** Table columns (sheet column indexes) whose data body cells are all empty, among those `rect` writes into. */
function emptyTableColumns(st: WorkbookState, sheet: SheetState, rect: Rect): { table: TableState; c: number }[] {
  const out: { table: TableState; c: number }[] = [];
  for (const table of st.tables) {
    if (table.sheetId !== sheet.id) continue;
    const body = st.dataBodyRect(table);
    const cut = intersectRects(body, rect);
    if (!cut) continue;
    for (let c = cut.c0; c <= cut.c1; c++) {
      let empty = true;
      for (let r = body.r0; empty && r <= body.r1; r++) {
        const cell = st.cell(sheet, r, c);
        empty = cell?.formula === undefined && (cell?.value === undefined || cell.value === "");
      }
      if (empty) out.push({ table, c });
    }
  }
  return out;
}

/**
 * Excel's AutoCorrect "Fill formulas in tables to create calculated columns" (on by default) applied to an API
 * write, as OfficeDev/office-js issues 2093 ("by design"), 5909 and 6745 report it: formulas written into a table
 * column whose data cells were all empty make it a calculated column, and the bottom-most formula written is
 * filled over every data cell of the column — distinct per-row formulas are replaced. (Typing one formula into an
 * empty table column fills it down the same way: Microsoft, "Use calculated columns in an Excel table".)
 * A column that already held something is left as written (an inconsistent formula is kept, not replaced).
 */
function fillCalculatedColumns(
  st: WorkbookState,
  sheet: SheetState,
  rect: Rect,
  emptyColumns: { table: TableState; c: number }[],
  inputs: { r: number; c: number; input: ReturnType<typeof coerceInput> }[],
): void {
  for (const { table, c } of emptyColumns) {
    const body = st.dataBodyRect(table);
    const written = inputs.filter((i) => i.c === c && i.r >= body.r0 && i.r <= body.r1);
    if (written.length === 0 || !written.every((i) => i.input.kind === "formula")) continue;
    const last = written[written.length - 1];
    if (!last) continue;
    const formula = (last.input as { kind: "formula"; formula: string }).formula;
    const col = table.columns[c - table.rect.c0];
    if (!col) continue;
    for (let r = body.r0; r <= body.r1; r++) {
      if (r === last.r) continue;
      st.writeCell(sheet, r, c, { kind: "formula", formula: shiftFormula(formula, r - last.r, 0) }, "Table");
    }
    col.calculatedFormula = shiftFormula(formula, body.r0 - last.r, 0);
    st.noteChange(sheet.id, { r0: body.r0, c0: c, r1: body.r1, c1: c }, "values");
  }
  void rect;
}

/** After content was written into `rect`: table headers follow their cells, calculated columns are detected. */
export function afterContentWrite(st: WorkbookState, sheet: SheetState, rect: Rect): void {
  for (const table of st.tables) {
    if (table.sheetId !== sheet.id || !rectsIntersect(table.rect, rect)) continue;
    if (table.showHeaders && rect.r0 <= table.rect.r0 && rect.r1 >= table.rect.r0) {
      st.normalizeHeaders(table);
      st.refreshStructuredFormulas();
    }
  }
  st.updateCalculatedColumns(sheet, rect);
  st.noteChange(sheet.id, rect, "values");
}

function rangeProp(get: (self: RangeProxy, t: { sheet: SheetState; rect: Rect }) => unknown, set?: (self: RangeProxy, value: unknown) => void) {
  return { get: (self: RangeProxy) => get(self, self._target()), set };
}

const RANGE_SPEC: ProxySpec<RangeProxy> = {
  typeName: "Range",
  props: {
    address: rangeProp((s, t) => s._state.address(t.sheet, t.rect)),
    rowCount: rangeProp((_s, t) => rectRows(t.rect)),
    columnCount: rangeProp((_s, t) => rectColumns(t.rect)),
    values: rangeProp(
      (s, t) => grid(t.rect, (r, c) => s._state.officeValue(t.sheet, r, c)),
      (s, v) => s._write(v, "Range.values"),
    ),
    formulas: rangeProp(
      (s, t) => grid(t.rect, (r, c) => s._state.officeFormula(t.sheet, r, c)),
      (s, v) => s._write(v, "Range.formulas"),
    ),
    numberFormat: rangeProp(
      (s, t) => grid(t.rect, (r, c) => s._state.formatProp(t.sheet, r, c, "numberFormat")),
      (s, v) => {
        const { sheet, rect } = s._target("Range.numberFormat");
        s._state.assertEditable(sheet, rect, "format", "Range.numberFormat");
        if (!Array.isArray(v) || isEntireColumns(rect) || isEntireRows(rect)) {
          const single = Array.isArray(v) ? (v as Grid)[0]?.[0] : v;
          if (Array.isArray(v) && (v.length !== 1 || (v as Grid)[0]?.length !== 1)) gridFrom(v, rect, "Range.numberFormat");
          s._state.setFormatProp(sheet, rect, "numberFormat", String(single));
        } else {
          const at = gridFrom(v, rect, "Range.numberFormat");
          s._state.setNumberFormats(sheet, rect, grid(rect, (r, c) => at(r - rect.r0, c - rect.c0)));
        }
      },
    ),
    text: rangeProp((s, t) => grid(t.rect, (r, c) => s._state.text(t.sheet, r, c))),
    valueTypes: rangeProp((s, t) => grid(t.rect, (r, c) => s._state.valueType(t.sheet, r, c))),
    hidden: rangeProp((_s, t) => {
      let all = true;
      let none = true;
      for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 10_000); r++) {
        const h = t.sheet.hiddenRows.has(r);
        all = all && h;
        none = none && !h;
      }
      return all ? true : none ? false : null;
    }),
    columnHidden: rangeProp(
      (_s, t) => {
        const hidden = [...Array(rectColumns(t.rect)).keys()].map((k) => t.sheet.hiddenColumns.has(t.rect.c0 + k));
        return hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false;
      },
      (s, v) => {
        const { sheet, rect } = s._target("Range.columnHidden");
        for (let c = rect.c0; c <= rect.c1; c++) (v ? sheet.hiddenColumns.add(c) : sheet.hiddenColumns.delete(c));
        s._state.noteChange(sheet.id, rect, "format");
      },
    ),
    top: rangeProp((s, t) => s._state.topOf(t.sheet, t.rect.r0)),
    left: rangeProp((s, t) => s._state.leftOf(t.sheet, t.rect.c0)),
    width: rangeProp((s, t) => s._state.leftOf(t.sheet, t.rect.c1 + 1) - s._state.leftOf(t.sheet, t.rect.c0)),
    height: rangeProp((s, t) => s._state.topOf(t.sheet, t.rect.r1 + 1) - s._state.topOf(t.sheet, t.rect.r0)),
    style: rangeProp(() => "Normal"),
  },
  navs: {
    format: (self) => new RangeFormatProxy(self),
    dataValidation: (self) => new DataValidationProxy(self),
    conditionalFormats: (self) => new ConditionalFormatCollectionProxy(self),
  },
};
installAccessors(RangeProxy, RANGE_SPEC);

// ---- format ---------------------------------------------------------------------------------------------

/** Base for objects that read and write cell formats of their range. */
abstract class RangePartProxy extends ProxyBase<RangeTarget> {
  // Declared and assigned, not a parameter property (a class-field definition per proxy; see ProxyBase).
  declare readonly range: RangeProxy;

  constructor(range: RangeProxy, name: string) {
    super(range.context, `${range._path}.${name}`, () => range._resolve());
    this.range = range;
  }

  _t(location: string): { sheet: SheetState; rect: Rect } {
    return this.range._target(location);
  }

  get _state(): WorkbookState {
    return this.context.state;
  }

  _common<T>(read: (sheet: SheetState, r: number, c: number) => T): T | null {
    const { sheet, rect } = this._t(this._spec.typeName);
    return common(this._state, sheet, rect, (r, c) => read(sheet, r, c));
  }

  _setFormat<K extends FormatKey>(key: K, value: CellFormat[K], location: string): void {
    const { sheet, rect } = this._t(location);
    if (key !== "locked" && key !== "formulaHidden") this._state.assertEditable(sheet, rect, "format", location);
    this._state.setFormatProp(sheet, rect, key, value);
  }
}

function formatProp<Self extends RangePartProxy>(key: FormatKey, check?: (v: unknown) => unknown) {
  return {
    get: (self: Self) => self._common((sheet, r, c) => self._state.formatProp(sheet, r, c, key)),
    set: (self: Self, v: unknown) => self._setFormat(key, (check ? check(v) : v) as never, `${self._spec.typeName}.${key}`),
  };
}

export class RangeFormatProxy extends RangePartProxy {
  constructor(range: RangeProxy) {
    super(range, "format");
  }

  get _spec(): ProxySpec<this> {
    return FORMAT_SPEC as unknown as ProxySpec<this>;
  }
}

function positiveNumber(v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw invalidArgument(`expected a number ≥ 0, got ${String(v)}`);
  return v;
}

const FORMAT_SPEC: ProxySpec<RangeFormatProxy> = {
  typeName: "RangeFormat",
  props: {
    columnWidth: {
      get: (self) => {
        const { sheet, rect } = self._t("RangeFormat.columnWidth");
        const widths = new Set<number>();
        for (let c = rect.c0; c <= rect.c1 && widths.size < 2; c++) widths.add(self._state.columnWidth(sheet, c));
        return widths.size === 1 ? [...widths][0] : null;
      },
      set: (self, v) => {
        const { sheet, rect } = self._t("RangeFormat.columnWidth");
        self._state.assertEditable(sheet, rect, "format", "RangeFormat.columnWidth");
        const w = positiveNumber(v);
        for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths.set(c, w);
        self._state.noteChange(sheet.id, rect, "format");
      },
    },
    rowHeight: {
      get: (self) => {
        const { sheet, rect } = self._t("RangeFormat.rowHeight");
        const heights = new Set<number>();
        for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 10_000) && heights.size < 2; r++) heights.add(self._state.rowHeight(sheet, r));
        return heights.size === 1 ? [...heights][0] : null;
      },
      set: (self, v) => {
        const { sheet, rect } = self._t("RangeFormat.rowHeight");
        self._state.assertEditable(sheet, rect, "format", "RangeFormat.rowHeight");
        const h = positiveNumber(v);
        for (let r = rect.r0; r <= rect.r1; r++) sheet.rowHeights.set(r, h);
        self._state.noteChange(sheet.id, rect, "format");
      },
    },
    horizontalAlignment: formatProp("horizontalAlignment"),
    verticalAlignment: formatProp("verticalAlignment"),
    wrapText: formatProp("wrapText"),
    indentLevel: formatProp("indentLevel"),
  },
  navs: {
    font: (self) => new RangeFontProxy(self.range),
    fill: (self) => new RangeFillProxy(self.range),
    protection: (self) => new FormatProtectionProxy(self.range),
  },
};
installAccessors(RangeFormatProxy, FORMAT_SPEC);

export class RangeFontProxy extends RangePartProxy {
  constructor(range: RangeProxy) {
    super(range, "format.font");
  }

  get _spec(): ProxySpec<this> {
    return FONT_SPEC as unknown as ProxySpec<this>;
  }
}

const FONT_SPEC: ProxySpec<RangeFontProxy> = {
  typeName: "RangeFont",
  props: {
    bold: formatProp("bold"),
    italic: formatProp("italic"),
    color: formatProp("fontColor", normalizeColor),
    size: formatProp("fontSize", positiveNumber),
    name: formatProp("fontName"),
    underline: formatProp("underline"),
    strikethrough: formatProp("strikethrough"),
  },
};
installAccessors(RangeFontProxy, FONT_SPEC);

export class RangeFillProxy extends RangePartProxy {
  constructor(range: RangeProxy) {
    super(range, "format.fill");
  }

  get _spec(): ProxySpec<this> {
    return FILL_SPEC as unknown as ProxySpec<this>;
  }
}

const FILL_SPEC: ProxySpec<RangeFillProxy> = {
  typeName: "RangeFill",
  props: {
    // Excel reads "#FFFFFF" for a cell without fill.
    color: {
      get: (self) => self._common((sheet, r, c) => (self._state.formatProp(sheet, r, c, "fill") as string | null) ?? "#FFFFFF"),
      set: (self, v) => self._setFormat("fill", normalizeColor(v), "RangeFill.color"),
    },
  },
};
installAccessors(RangeFillProxy, FILL_SPEC);

export class FormatProtectionProxy extends RangePartProxy {
  constructor(range: RangeProxy) {
    super(range, "format.protection");
  }

  get _spec(): ProxySpec<this> {
    return PROTECTION_SPEC as unknown as ProxySpec<this>;
  }
}

const PROTECTION_SPEC: ProxySpec<FormatProtectionProxy> = {
  typeName: "FormatProtection",
  props: {
    locked: {
      get: (self) => self._common((sheet, r, c) => self._state.formatProp(sheet, r, c, "locked")),
      set: (self, v) => {
        const { sheet } = self._t("FormatProtection.locked");
        if (sheet.protection.protected) {
          throw new MemoryExcelError("AccessDenied", "Unprotect the sheet before changing locked cells.", "FormatProtection.locked");
        }
        self._setFormat("locked", Boolean(v), "FormatProtection.locked");
      },
    },
    formulaHidden: formatProp("formulaHidden"),
  },
};
installAccessors(FormatProtectionProxy, PROTECTION_SPEC);

// ---- data validation ------------------------------------------------------------------------------------

const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];
const RULE_TYPES: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  list: "List",
  custom: "Custom",
};

/**
 * DataValidation.rule with formulas as Excel reads them back: "When retrieving the value, it will always be
 * returned as a string formula, for example: "=10", "=A1"" (BasicDataValidation.formula1,
 * https://learn.microsoft.com/javascript/api/excel/excel.basicdatavalidation). Ranges become absolute references.
 */
function normalizeRule(rule: unknown, host: SheetState, state: WorkbookState, location: string): ValidationProps["rule"] {
  if (!rule || typeof rule !== "object") throw invalidArgument("a data validation rule must be an object", location);
  const entries = Object.entries(rule as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
  const [only, ...more] = entries;
  if (!only || more.length > 0) throw invalidArgument("a data validation rule holds exactly one of wholeNumber, decimal, textLength, date, time, list, custom", location);
  const [type, body] = only;
  if (!RULE_TYPES[type] || !body || typeof body !== "object") throw invalidArgument(`unknown data validation rule type "${type}"`, location);
  const b = body as Record<string, unknown>;
  const formula = (v: unknown, what: string): string => {
    if (v instanceof RangeProxy) {
      const t = v._target(location);
      const abs = state.address(t.sheet, t.rect, true);
      return `=${t.sheet.id === host.id ? abs.slice(abs.indexOf("!") + 1) : abs}`;
    }
    if (typeof v === "number") return `=${v}`;
    if (v instanceof Date) return `=${Math.round(v.getTime() / 86400000 + 25569)}`;
    if (typeof v === "string" && v !== "") {
      if (v.startsWith("=")) return v;
      const serial = isoDateToSerial(v.slice(0, 10));
      if ((type === "date" || type === "time") && serial !== null) return `=${serial}`;
      return `=${v}`;
    }
    throw invalidArgument(`${type}.${what} is missing`, location);
  };
  if (type === "list") {
    const src = b.source;
    const source = src instanceof RangeProxy ? formula(src, "source") : typeof src === "string" && src !== "" ? src : null;
    if (source === null) throw invalidArgument("list.source is missing", location);
    return { list: { inCellDropDown: b.inCellDropDown === undefined ? true : Boolean(b.inCellDropDown), source } };
  }
  if (type === "custom") return { custom: { formula: formula(b.formula, "formula") } };
  const operator = b.operator;
  if (typeof operator !== "string" || !OPERATORS.includes(operator)) throw invalidArgument(`${type}.operator "${String(operator)}" is not one of ${OPERATORS.join(", ")}`, location);
  const out: Record<string, unknown> = { formula1: formula(b.formula1, "formula1"), operator };
  if (operator === "Between" || operator === "NotBetween") out.formula2 = formula(b.formula2, "formula2");
  return { [type]: out };
}

export class DataValidationProxy extends RangePartProxy {
  constructor(range: RangeProxy) {
    super(range, "dataValidation");
  }

  get _spec(): ProxySpec<this> {
    return DV_SPEC as unknown as ProxySpec<this>;
  }

  clear(): void {
    this._command("clear", [], () => {
      const { sheet, rect } = this._t("DataValidation.clear");
      this._state.assertEditable(sheet, rect, "format", "DataValidation.clear");
      this._state.clearValidation(sheet, rect);
      this._state.noteChange(sheet.id, rect, "format");
    });
  }

  _entries(): ValidationEntry[] {
    const { sheet, rect } = this._t("DataValidation");
    return this._state.validationsIn(sheet, rect);
  }

  /** The one entry covering the whole range, or null (none, several, or partial cover). */
  _single(): ValidationEntry | null {
    const { rect } = this._t("DataValidation");
    const list = this._entries();
    const e = list[0];
    if (list.length !== 1 || !e) return null;
    return e.rect.r0 <= rect.r0 && e.rect.r1 >= rect.r1 && e.rect.c0 <= rect.c0 && e.rect.c1 >= rect.c1 ? e : null;
  }

  _update(patch: (p: ValidationProps) => void, location: string): void {
    const { sheet, rect } = this._t(location);
    this._state.assertEditable(sheet, rect, "format", location);
    this._state.updateValidation(sheet, rect, patch);
    this._state.noteChange(sheet.id, rect, "format");
  }
}

function ruleType(rule: ValidationProps["rule"]): string {
  if (!rule) return "None";
  return RULE_TYPES[Object.keys(rule)[0] ?? ""] ?? "None";
}

const DV_SPEC: ProxySpec<DataValidationProxy> = {
  typeName: "DataValidation",
  props: {
    rule: {
      get: (self) => {
        const e = self._single();
        return e?.rule ? JSON.parse(JSON.stringify(e.rule)) : null;
      },
      set: (self, v) => {
        const { sheet } = self._t("DataValidation.rule");
        const rule = normalizeRule(v, sheet, self._state, "DataValidation.rule");
        self._update((p) => {
          p.rule = rule;
        }, "DataValidation.rule");
      },
    },
    errorAlert: {
      // A copy: the state's settings objects are shared between entries and never changed in place (state.ts, SETTINGS_TEXT).
      get: (self) => ({ ...(self._single()?.errorAlert ?? WorkbookState.defaultValidationProps().errorAlert) }),
      set: (self, v) => {
        const patch = (v ?? {}) as Partial<ValidationProps["errorAlert"]>;
        if (patch.style !== undefined && !["Stop", "Warning", "Information"].includes(patch.style)) {
          throw invalidArgument(`errorAlert.style "${patch.style}" is not Stop, Warning or Information`, "DataValidation.errorAlert");
        }
        self._update((p) => {
          p.errorAlert = { ...p.errorAlert, ...patch };
        }, "DataValidation.errorAlert");
      },
    },
    prompt: {
      get: (self) => ({ ...(self._single()?.prompt ?? WorkbookState.defaultValidationProps().prompt) }),
      set: (self, v) => {
        const patch = (v ?? {}) as Partial<ValidationProps["prompt"]>;
        self._update((p) => {
          p.prompt = { ...p.prompt, ...patch };
        }, "DataValidation.prompt");
      },
    },
    ignoreBlanks: {
      get: (self) => self._single()?.ignoreBlanks ?? true,
      set: (self, v) =>
        self._update((p) => {
          p.ignoreBlanks = Boolean(v);
        }, "DataValidation.ignoreBlanks"),
    },
    type: {
      get: (self) => {
        const { rect } = self._t("DataValidation.type");
        const list = self._entries();
        if (list.length === 0) return "None";
        const types = new Set(list.map((e) => ruleType(e.rule)));
        const covered = list.reduce((n, e) => {
          const cut = intersectRects(e.rect, rect);
          return n + (cut ? rectRows(cut) * rectColumns(cut) : 0);
        }, 0);
        if (types.size > 1 || covered < rectRows(rect) * rectColumns(rect)) return "Inconsistent";
        if (new Set(list.map((e) => JSON.stringify(e.rule))).size > 1) return "MixedCriteria";
        return [...types][0];
      },
    },
    valid: {
      get: (self) => {
        const { sheet, rect } = self._t("DataValidation.valid");
        for (const e of self._entries()) {
          const cut = intersectRects(e.rect, rect)!;
          for (let r = cut.r0; r <= cut.r1; r++) {
            for (let c = cut.c0; c <= cut.c1; c++) {
              if (!cellSatisfies(self._state, sheet, e, r, c)) return false;
            }
          }
        }
        return true;
      },
    },
  },
};
installAccessors(DataValidationProxy, DV_SPEC);

/** Evaluates one cell against its validation rule, as Excel's "Circle Invalid Data" would. */
export function cellSatisfies(state: WorkbookState, sheet: SheetState, entry: ValidationEntry, r: number, c: number): boolean {
  if (!entry.rule) return true;
  const v = state.value(sheet, r, c);
  if (v === undefined) return true; // a formula without an engine: can't tell
  if (v === null || v === "") return entry.ignoreBlanks;
  const [type, body] = Object.entries(entry.rule)[0] ?? ["", {}];
  const operand = (f: unknown) => evalOperand(state, sheet, entry, r, c, f);
  if (type === "custom") {
    const res = operand(body.formula);
    return res === true || (typeof res === "number" && res !== 0) || res === undefined;
  }
  if (type === "list") {
    const options = listOptions(state, sheet, String(body.source));
    if (options === null) return true;
    const text = isEngineError(v) ? v.error : typeof v === "string" ? v : state.text(sheet, r, c);
    return options.some((o) => o.toLowerCase() === text.toLowerCase() || (typeof v === "number" && Number(o) === v));
  }
  if (isEngineError(v)) return false;
  let x: number;
  if (type === "textLength") x = (typeof v === "string" ? v : state.text(sheet, r, c)).length;
  else {
    if (typeof v !== "number") return false;
    x = type === "time" ? v - Math.floor(v) : v;
    if (type === "wholeNumber" && !Number.isInteger(v)) return false;
  }
  const a = operand(body.formula1);
  const b = body.formula2 !== undefined ? operand(body.formula2) : undefined;
  if (a === undefined || (typeof a !== "number" && !(body.formula2 !== undefined && typeof b !== "number"))) return true;
  const n1 = Number(a);
  const n2 = Number(b);
  switch (body.operator) {
    case "Between":
      return x >= Math.min(n1, n2) && x <= Math.max(n1, n2);
    case "NotBetween":
      return x < Math.min(n1, n2) || x > Math.max(n1, n2);
    case "EqualTo":
      return x === n1;
    case "NotEqualTo":
      return x !== n1;
    case "GreaterThan":
      return x > n1;
    case "LessThan":
      return x < n1;
    case "GreaterThanOrEqualTo":
      return x >= n1;
    case "LessThanOrEqualTo":
      return x <= n1;
    default:
      return true;
  }
}

/** A rule operand: a literal, or a formula evaluated for cell (r, c) with references relative to the rule's first cell. */
function evalOperand(state: WorkbookState, sheet: SheetState, entry: ValidationEntry, r: number, c: number, f: unknown): unknown {
  if (typeof f === "number") return f;
  if (typeof f !== "string") return undefined;
  const text = f.startsWith("=") ? f.slice(1) : f;
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) return Number(text);
  const shifted = shiftFormula(`=${text}`, r - entry.rect.r0, c - entry.rect.c0);
  if (state.engine) {
    const engineFormula = rewriteForEngine(shifted, {
      hostSheet: sheet.name,
      hostRow: r,
      hostColumn: c,
      table: (name) => {
        const t = state.findTable(name);
        return t ? state.tableGeometry(t) : null;
      },
      hostTable: () => {
        const t = state.tableAt(sheet, r, c);
        return t ? state.tableGeometry(t) : null;
      },
    });
    const v = state.engine.evaluate(sheet.name, engineFormula);
    return isEngineError(v) ? false : v;
  }
  // Without an engine only a single cell reference can be followed.
  const tokens = tokenize(shifted).filter((t) => !(t.kind === "text" && t.text.trim() === "="));
  const [ref] = tokens;
  if (tokens.length === 1 && ref?.kind === "ref" && !ref.b && ref.a.row !== null && ref.a.col !== null) {
    const s = ref.sheet ? state.findSheet(ref.sheet) : sheet;
    return s ? (state.value(s, ref.a.row, ref.a.col) ?? undefined) : undefined;
  }
  return undefined;
}

/** The allowed entries of a list rule: "a,b,c" or a reference ("=$A$1:$A$5", "=Sheet!A:A"). */
function listOptions(state: WorkbookState, sheet: SheetState, source: string): string[] | null {
  if (!source.startsWith("=")) return source.split(",").map((s) => s.trim());
  const ref = state.resolveReference(source, sheet);
  if (!ref) return null;
  const out: string[] = [];
  for (const key of ref.sheet.cells.keys()) {
    const r = keyRow(key);
    const c = keyColumn(key);
    if (r < ref.rect.r0 || r > ref.rect.r1 || c < ref.rect.c0 || c > ref.rect.c1) continue;
    const v = state.value(ref.sheet, r, c);
    if (v !== null && v !== undefined) out.push(state.text(ref.sheet, r, c));
  }
  return out;
}

// ---- conditional formats --------------------------------------------------------------------------------

/**
 * Only the Custom type: PIPbook's highlights are formula rules (ConditionalFormatCollection.add("Custom") with
 * custom.rule.formula and custom.format fill, font and numberFormat —
 * https://learn.microsoft.com/javascript/api/excel/excel.customconditionalformat). Adding another type fails
 * with NotImplemented, so a writer that starts to use one finds out here before Excel.
 */
const CF_TYPES: Record<string, string> = { custom: "Custom" };

const CF_SCHEMAS: Record<string, RecordSchema> = {
  custom: {
    typeName: "CustomConditionalFormat",
    props: [],
    children: {
      rule: { typeName: "ConditionalFormatRule", props: ["formula", "formulaLocal", "formulaR1C1"] },
      format: CONDITIONAL_FORMAT_SCHEMA,
    },
  },
};

/** ConditionalFormat.type → the sub-object that holds its rule and format. */
const TYPE_TO_PART: Record<string, string> = { Custom: "custom" };

export class ConditionalFormatCollectionProxy extends CollectionProxy<RangeTarget, ConditionalFormatProxy> {
  constructor(readonly range: RangeProxy) {
    super(range.context, `${range._path}.conditionalFormats`, () => range._resolve());
  }

  get _spec(): ProxySpec<this> {
    return {
      typeName: "ConditionalFormatCollection",
      props: {},
    } as unknown as ProxySpec<this>;
  }

  get _itemSpec(): ProxySpec<ConditionalFormatProxy> {
    return CF_SPEC;
  }

  _sheet(): { sheet: SheetState; rect: Rect } {
    return this.range._target("ConditionalFormatCollection");
  }

  /** The conditional formats that intersect the range, highest priority first. */
  _listTargets(): ConditionalFormatEntry[] {
    const { sheet, rect } = this._sheet();
    return sheet.conditionalFormats.filter((cf) => cf.rects.some((r) => rectsIntersect(r, rect))).sort((a, b) => a.priority - b.priority);
  }

  _itemProxy(target: unknown, index: number): ConditionalFormatProxy {
    const entry = target as ConditionalFormatEntry;
    const sheetId = this._sheet().sheet.id;
    return new ConditionalFormatProxy(this.context, `${this._path}.getItemAt(${index})`, sheetId, () => entry.id);
  }

  add(type: string): ConditionalFormatProxy {
    let id: string | null = null;
    let sheetId = "";
    this._command("add", [type], () => {
      const { sheet, rect } = this._sheet();
      const norm = CF_TYPES[String(type).toLowerCase()];
      if (!norm) throw new MemoryExcelError("NotImplemented", `Conditional formats of type "${type}" aren't in the in-memory Excel (Custom only).`, "ConditionalFormatCollection.add");
      this.context.state.assertEditable(sheet, rect, "format", "ConditionalFormatCollection.add");
      // A new rule goes on top: priority 0, the others move down.
      for (const cf of sheet.conditionalFormats) cf.priority += 1;
      id = this.context.state.newId("cf");
      sheetId = sheet.id;
      sheet.conditionalFormats.push({ id, rects: [rect], type: norm, priority: 0, stopIfTrue: false, data: {} });
      this.context.state.noteChange(sheet.id, rect, "format");
    });
    return new ConditionalFormatProxy(this.context, `${this._path}.add(${JSON.stringify(type)})`, null, () => id, () => sheetId);
  }

  /** Removes the conditional formats from the range's cells (a rule that also covers other cells keeps those). */
  clearAll(): void {
    this._command("clearAll", [], () => {
      const { sheet, rect } = this._sheet();
      this.context.state.assertEditable(sheet, rect, "format", "ConditionalFormatCollection.clearAll");
      for (const cf of sheet.conditionalFormats) cf.rects = cf.rects.flatMap((r) => subtractRect(r, rect));
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.rects.length > 0);
      this.context.state.noteChange(sheet.id, rect, "format");
    });
  }
}

export class ConditionalFormatProxy extends ProxyBase<{ sheet: SheetState; entry: ConditionalFormatEntry }> {
  constructor(
    context: MemoryRequestContext,
    path: string,
    fixedSheetId: string | null,
    id: () => string | null,
    sheetId: () => string = () => fixedSheetId ?? "",
  ) {
    super(context, path, () => {
      const key = id();
      if (key === null) return null;
      const sheet = context.state.sheetById(fixedSheetId ?? sheetId());
      const entry = sheet.conditionalFormats.find((cf) => cf.id === key);
      return entry ? { sheet, entry } : null;
    });
  }

  /** The rule type's part (`custom`, …; `…OrNullObject` when `orNull`): made on first access, then kept. */
  _part(part: string, schema: RecordSchema, orNull: boolean): RecordProxy {
    const context = this.context;
    return recordProxy(
      context,
      `${this._path}.${part}`,
      schema,
      (create) => {
        const { entry } = this._require(`ConditionalFormat.${part}`);
        if (TYPE_TO_PART[entry.type] !== part) {
          if (orNull) return null;
          throw invalidArgument(`this conditional format is of type ${entry.type}, not ${part}`, `ConditionalFormat.${part}`);
        }
        void create;
        return entry.data;
      },
      () => {
        const t = this._resolve();
        if (t) context.state.noteChange(t.sheet.id, t.entry.rects.reduce(boundingRect), "format");
      },
      () => this._resolve(),
    );
  }

  get _spec(): ProxySpec<this> {
    return CF_SPEC as unknown as ProxySpec<this>;
  }
}

const CF_SPEC: ProxySpec<ConditionalFormatProxy> = {
  typeName: "ConditionalFormat",
  props: {
    id: { get: (self) => self._require("ConditionalFormat.id").entry.id },
    type: { get: (self) => self._require("ConditionalFormat.type").entry.type },
    priority: {
      get: (self) => self._require("ConditionalFormat.priority").entry.priority,
      set: (self, v) => {
        self._require("ConditionalFormat.priority").entry.priority = Number(v);
      },
    },
  },
};
installAccessors(ConditionalFormatProxy, CF_SPEC);
// The parts of a rule (conditionalFormat.custom, .customOrNullObject, …), on the prototype once.
for (const [part, schema] of Object.entries(CF_SCHEMAS)) {
  Object.defineProperty(ConditionalFormatProxy.prototype, part, {
    get(this: ConditionalFormatProxy) {
      return this._nav(part, () => this._part(part, schema, false));
    },
    enumerable: true,
  });
  Object.defineProperty(ConditionalFormatProxy.prototype, `${part}OrNullObject`, {
    get(this: ConditionalFormatProxy) {
      return this._nav(`${part}OrNullObject`, () => this._part(part, schema, true));
    },
    enumerable: false,
  });
}
// Declared after installAccessors (the getters above make the parts); load("custom/rule") needs the names.
CF_SPEC.navs = Object.fromEntries(
  Object.keys(CF_SCHEMAS).map((part) => [part, (self: ConditionalFormatProxy) => (self as unknown as Record<string, ProxyBase>)[part] as ProxyBase]),
);
