/**
 * Excel.Table, its columns and rows, in memory. See https://learn.microsoft.com/javascript/api/excel/excel.table.
 */
import { MAX_ROWS, type Rect, parseAddress, rectRows } from "./address";
import { RangeProxy, afterContentWrite } from "./api-range";
import { tableApiHook } from "./hooks";
import { EventSource, WorksheetProxy } from "./api-workbook";
import { MemoryExcelError, invalidArgument } from "./errors";
import { shiftFormula } from "./formula";
import { type MemoryRequestContext, ClientResult, CollectionProxy, ProxyBase, type ProxySpec, installAccessors } from "./proxy";
import { type SheetState, type TableColumnState, type TableState, type WorkbookState, coerceInput } from "./state";

export class TableCollectionProxy extends CollectionProxy<true, TableProxy> {
  /** `sheetId` null: workbook.tables (every table); otherwise one sheet's tables. */
  constructor(
    context: MemoryRequestContext,
    path: string,
    private readonly sheetId: (() => string) | null,
  ) {
    super(context, path, () => true);
  }

  get _spec(): ProxySpec<this> {
    return { typeName: "TableCollection", props: { count: { get: (self: TableCollectionProxy) => self._listTargets().length } } } as unknown as ProxySpec<this>;
  }

  get _itemSpec(): ProxySpec<TableProxy> {
    return TABLE_SPEC;
  }

  _listTargets(): TableState[] {
    const st = this.context.state;
    if (!this.sheetId) return st.tables;
    const id = this.sheetId();
    return st.tables.filter((t) => t.sheetId === id);
  }

  _itemProxy(target: unknown, index: number): TableProxy {
    const id = (target as TableState).id;
    return new TableProxy(this.context, `${this._path}.items[${index}]`, () => ({ id }));
  }

  /**
   * add(address, hasHeaders): an address on this sheet (worksheet.tables) or "Sheet!A1:C5" (workbook.tables,
   * else the active sheet), or a Range.
   */
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let id: string | null = null;
    this._command("add", [address, hasHeaders], () => {
      const location = "TableCollection.add";
      const st = this.context.state;
      let sheet: SheetState;
      let rect: Rect;
      if (address instanceof RangeProxy) {
        ({ sheet, rect } = address._target(location));
      } else {
        const parsed = parseAddress(String(address), location);
        rect = parsed.rect;
        if (parsed.sheet !== null) sheet = st.sheetByName(parsed.sheet, location);
        else if (this.sheetId) sheet = st.sheetById(this.sheetId());
        else sheet = st.sheetById(st.activeSheetId ?? st.sheets[0].id);
        if (this.sheetId && sheet.id !== this.sheetId()) throw invalidArgument(`"${address}" is not on this worksheet`, location);
      }
      id = st.addTable(sheet, rect, hasHeaders, location).id;
    });
    return new TableProxy(this.context, `${this._path}.add(${JSON.stringify(address instanceof ProxyBase ? address._path : address)})`, () => (id === null ? null : { id }));
  }

  _find(key: string): TableState | null {
    const st = this.context.state;
    const t = st.findTable(key) ?? st.tables.find((x) => x.id === key) ?? null;
    if (t && this.sheetId && t.sheetId !== this.sheetId()) return null;
    return t;
  }

  getItem(key: string): TableProxy {
    return new TableProxy(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () => {
      const t = this._find(key);
      return t ? { id: t.id } : null;
    });
  }

  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(
      this.context,
      `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => {
        const t = this._find(key);
        return t ? { id: t.id } : null;
      },
      true,
    );
  }

  getItemAt(index: number): TableProxy {
    return new TableProxy(this.context, `${this._path}.getItemAt(${index})`, () => {
      const t = this._listTargets()[index];
      if (!t) throw invalidArgument(`table index ${index} is out of range`, "TableCollection.getItemAt");
      return { id: t.id };
    });
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", [], () => this._listTargets().length);
  }
}

export class TableProxy extends ProxyBase<{ id: string }> {
  private _onChanged: EventSource | undefined;

  get _spec(): ProxySpec<this> {
    return TABLE_SPEC as unknown as ProxySpec<this>;
  }

  _table(location = "Table"): TableState {
    return this.context.state.tableById(this._require(location).id);
  }

  get onChanged(): EventSource {
    this._onChanged ??= new EventSource(this.context, `${this._path}.onChanged`, () => `tb:${this._table("Table.onChanged").id}`);
    return this._onChanged;
  }

  get onSelectionChanged(): EventSource {
    return new EventSource(this.context, `${this._path}.onSelectionChanged`, () => "none");
  }

  _range(method: string, rect: (t: TableState) => Rect | null, orNull = false): RangeProxy {
    return RangeProxy.of(
      this.context,
      `${this._path}.${method}()`,
      () => {
        const t = this._table(`Table.${method}`);
        const r = rect(t);
        return r ? { sheetId: t.sheetId, rect: r } : null;
      },
      orNull,
    );
  }

  getRange(): RangeProxy {
    return this._range("getRange", (t) => t.rect);
  }

  getHeaderRowRange(): RangeProxy {
    return this._range("getHeaderRowRange", (t) => {
      if (!t.showHeaders) throw new MemoryExcelError("InvalidOperation", "The table's header row is hidden.", "Table.getHeaderRowRange");
      return { ...t.rect, r1: t.rect.r0 };
    });
  }

  getDataBodyRange(): RangeProxy {
    return this._range("getDataBodyRange", (t) => this.context.state.dataBodyRect(t));
  }

  getTotalRowRange(): RangeProxy {
    return this._range("getTotalRowRange", (t) => {
      if (!t.showTotals) throw new MemoryExcelError("InvalidOperation", "The table has no total row.", "Table.getTotalRowRange");
      return { ...t.rect, r0: t.rect.r1 };
    });
  }

  /** Table.resize (ExcelApi 1.13): same header row, must overlap the old range. */
  resize(newRange: RangeProxy | string): void {
    this._command("resize", [newRange], () => {
      const location = "Table.resize";
      const t = this._table(location);
      const sheet = this.context.state.sheetById(t.sheetId);
      let rect: Rect;
      if (newRange instanceof RangeProxy) {
        const target = newRange._target(location);
        if (target.sheet.id !== sheet.id) throw invalidArgument("the new range must be on the table's sheet", location);
        rect = target.rect;
      } else {
        const parsed = parseAddress(String(newRange), location);
        if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw invalidArgument("the new range must be on the table's sheet", location);
        rect = parsed.rect;
      }
      this.context.state.assertEditable(sheet, rect, "structure", location);
      this.context.state.resizeTable(t, rect, location);
    });
  }

  /** Table.delete removes the table and its cells' contents and formats. */
  delete(): void {
    this._command("delete", [], () => this.context.state.deleteTable(this._table("Table.delete"), true));
  }

  convertToRange(): RangeProxy {
    let rect: Rect | null = null;
    let sheetId = "";
    this._command("convertToRange", [], () => {
      const t = this._table("Table.convertToRange");
      rect = t.rect;
      sheetId = t.sheetId;
      this.context.state.deleteTable(t, false, "Table.convertToRange");
    });
    return RangeProxy.of(this.context, `${this._path}.convertToRange()`, () => (rect ? { sheetId, rect } : null));
  }

  clearFilters(): void {
    this._command("clearFilters", [], () => void this._table("Table.clearFilters"));
  }

  reapplyFilters(): void {
    this._command("reapplyFilters", [], () => void this._table("Table.reapplyFilters"));
  }
}

function tableFlag(key: "showBandedRows" | "showBandedColumns" | "showFilterButton" | "highlightFirstColumn" | "highlightLastColumn") {
  return {
    get: (self: TableProxy) => self._table()[key],
    set: (self: TableProxy, v: unknown) => {
      self._table(`Table.${key}`)[key] = Boolean(v);
      const t = self._table();
      self.context.state.noteChange(t.sheetId, t.rect, "format");
    },
  };
}

const TABLE_SPEC: ProxySpec<TableProxy> = {
  typeName: "Table",
  props: {
    id: { get: (self) => self._table().id },
    legacyId: { get: (self) => String(Number(self._table().id.replace(/\D/g, ""))) },
    name: {
      get: (self) => self._table().name,
      set: (self, v) => self.context.state.renameTable(self._table("Table.name"), String(v)),
    },
    style: {
      get: (self) => self._table().style,
      set: (self, v) => {
        const t = self._table("Table.style");
        t.style = String(v);
        self.context.state.noteChange(t.sheetId, t.rect, "format");
      },
    },
    showHeaders: {
      get: (self) => self._table().showHeaders,
      set: (self, v) => {
        // Recorded only: the header row stays part of the table's range here.
        self._table("Table.showHeaders").showHeaders = Boolean(v);
      },
    },
    showTotals: {
      get: (self) => self._table().showTotals,
      set: (self, v) => {
        const t = self._table("Table.showTotals");
        const on = Boolean(v);
        if (on === t.showTotals) return;
        const st = self.context.state;
        const sheet = st.sheetById(t.sheetId);
        // The total row takes the row below the table (or gives it back), with "Total" in the first column.
        if (on) {
          if (t.rect.r1 + 1 >= MAX_ROWS) throw invalidArgument("no room for a total row", "Table.showTotals");
          t.rect = { ...t.rect, r1: t.rect.r1 + 1 };
          t.showTotals = true;
          st.writeCell(sheet, t.rect.r1, t.rect.c0, { kind: "value", value: "Total" }, "Table.showTotals");
        } else {
          st.clearContents(sheet, { ...t.rect, r0: t.rect.r1 });
          t.rect = { ...t.rect, r1: t.rect.r1 - 1 };
          t.showTotals = false;
        }
        st.refreshStructuredFormulas();
        st.noteChange(t.sheetId, t.rect, "structure");
      },
    },
    showBandedRows: tableFlag("showBandedRows"),
    showBandedColumns: tableFlag("showBandedColumns"),
    showFilterButton: tableFlag("showFilterButton"),
    highlightFirstColumn: tableFlag("highlightFirstColumn"),
    highlightLastColumn: tableFlag("highlightLastColumn"),
  },
  navs: {
    columns: (self) => new TableColumnCollectionProxy(self),
    rows: (self) => new TableRowCollectionProxy(self),
    worksheet: (self) => new WorksheetProxy(self.context, `${self._path}.worksheet`, () => ({ id: self._table("Table.worksheet").sheetId })),
  },
};
installAccessors(TableProxy, TABLE_SPEC);

tableApiHook.tableProxyWhere = (ctx, path, find, orNull) =>
  new TableProxy(
    ctx,
    path,
    () => {
      const t = find();
      return t ? { id: t.id } : null;
    },
    orNull,
  );

// ---- columns ------------------------------------------------------------------------------------------

export class TableColumnCollectionProxy extends CollectionProxy<{ id: string }, TableColumnProxy> {
  constructor(readonly table: TableProxy) {
    super(table.context, `${table._path}.columns`, () => table._resolve());
  }

  get _spec(): ProxySpec<this> {
    return { typeName: "TableColumnCollection", props: { count: { get: (self: TableColumnCollectionProxy) => self.table._table().columns.length } } } as unknown as ProxySpec<this>;
  }

  get _itemSpec(): ProxySpec<TableColumnProxy> {
    return COLUMN_SPEC;
  }

  _listTargets(): TableColumnState[] {
    return this.table._table("TableColumnCollection").columns;
  }

  _itemProxy(target: unknown, index: number): TableColumnProxy {
    const colId = (target as TableColumnState).id;
    return new TableColumnProxy(this.table, `${this._path}.items[${index}]`, (cols) => cols.find((c) => c.id === colId) ?? null);
  }

  /** getItem(key): by name (case-insensitive) or by id (a number, or its text). */
  getItem(key: string | number): TableColumnProxy {
    return new TableColumnProxy(this.table, `${this._path}.getItem(${JSON.stringify(key)})`, (cols) => findColumn(cols, key));
  }

  getItemOrNullObject(key: string | number): TableColumnProxy {
    return new TableColumnProxy(this.table, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, (cols) => findColumn(cols, key), true);
  }

  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.table, `${this._path}.getItemAt(${index})`, (cols) => {
      const c = cols[index];
      if (!c) throw invalidArgument(`column index ${index} is out of range`, "TableColumnCollection.getItemAt");
      return c;
    });
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", [], () => this.table._table("TableColumnCollection.getCount").columns.length);
  }

  /** add(index?, values?, name?): a new column (at the right edge by default), with optional values incl. header. */
  add(index?: number | null, values?: unknown, name?: string): TableColumnProxy {
    let colId: number | null = null;
    this._command("add", [index ?? null, values ?? null, name ?? null], () => {
      const location = "TableColumnCollection.add";
      const st = this.context.state;
      const t = this.table._table(location);
      const sheet = st.sheetById(t.sheetId);
      st.assertEditable(sheet, t.rect, "structure", location);
      const col = st.addTableColumn(t, index ?? null, name ?? null, location);
      colId = col.id;
      if (values !== undefined && values !== null) {
        const i = t.columns.indexOf(col);
        const c = t.rect.c0 + i;
        const rows = rectRows(t.rect);
        const grid = values as unknown[][];
        if (!Array.isArray(grid) || (grid.length !== rows && grid.length !== rows - 1)) {
          throw invalidArgument(`values must have ${rows} rows (with header) or ${rows - 1} (data only)`, location);
        }
        const r0 = grid.length === rows ? t.rect.r0 : t.rect.r0 + 1;
        grid.forEach((row, k) => {
          const input = coerceInput(Array.isArray(row) ? row[0] : row, st.formatProp(sheet, r0 + k, c, "numberFormat") as string, location);
          st.writeCell(sheet, r0 + k, c, input, location);
        });
        afterContentWrite(st, sheet, { r0: t.rect.r0, c0: c, r1: t.rect.r1, c1: c });
      }
    });
    return new TableColumnProxy(this.table, `${this._path}.add()`, (cols) => cols.find((c) => c.id === colId) ?? null);
  }
}

function findColumn(cols: TableColumnState[], key: string | number): TableColumnState | null {
  if (typeof key === "number") return cols.find((c) => c.id === key) ?? null;
  const lower = String(key).toLowerCase();
  return cols.find((c) => c.name.toLowerCase() === lower) ?? cols.find((c) => String(c.id) === String(key)) ?? null;
}

export class TableColumnProxy extends ProxyBase<{ table: TableState; column: TableColumnState }> {
  constructor(
    readonly table: TableProxy,
    path: string,
    find: (cols: TableColumnState[]) => TableColumnState | null,
    orNull = false,
  ) {
    super(
      table.context,
      path,
      () => {
        const t = table._table("TableColumn");
        const column = find(t.columns);
        return column ? { table: t, column } : null;
      },
      orNull,
    );
  }

  get _spec(): ProxySpec<this> {
    return COLUMN_SPEC as unknown as ProxySpec<this>;
  }

  _where(location: string): { table: TableState; index: number; c: number } {
    const { table, column } = this._require(location);
    const index = table.columns.indexOf(column);
    if (index < 0) throw new MemoryExcelError("ItemNotFound", "The column was deleted.", location);
    return { table, index, c: table.rect.c0 + index };
  }

  _range(method: string, rows: (t: TableState) => { r0: number; r1: number }): RangeProxy {
    return RangeProxy.of(this.context, `${this._path}.${method}()`, () => {
      const { table, c } = this._where(`TableColumn.${method}`);
      const { r0, r1 } = rows(table);
      return { sheetId: table.sheetId, rect: { r0, c0: c, r1, c1: c } };
    });
  }

  getRange(): RangeProxy {
    return this._range("getRange", (t) => ({ r0: t.rect.r0, r1: t.rect.r1 }));
  }

  getDataBodyRange(): RangeProxy {
    return this._range("getDataBodyRange", (t) => {
      const body = this.context.state.dataBodyRect(t);
      return { r0: body.r0, r1: body.r1 };
    });
  }

  getHeaderRowRange(): RangeProxy {
    return this._range("getHeaderRowRange", (t) => ({ r0: t.rect.r0, r1: t.rect.r0 }));
  }

  getTotalRowRange(): RangeProxy {
    return this._range("getTotalRowRange", (t) => {
      if (!t.showTotals) throw new MemoryExcelError("InvalidOperation", "The table has no total row.", "TableColumn.getTotalRowRange");
      return { r0: t.rect.r1, r1: t.rect.r1 };
    });
  }

  delete(): void {
    this._command("delete", [], () => {
      const { table, index } = this._where("TableColumn.delete");
      const sheet = this.context.state.sheetById(table.sheetId);
      this.context.state.assertEditable(sheet, table.rect, "structure", "TableColumn.delete");
      this.context.state.deleteTableColumn(table, index);
    });
  }
}

const COLUMN_SPEC: ProxySpec<TableColumnProxy> = {
  typeName: "TableColumn",
  props: {
    id: { get: (self) => self._require("TableColumn.id").column.id },
    index: { get: (self) => self._where("TableColumn.index").index },
    name: {
      get: (self) => self._require("TableColumn.name").column.name,
      set: (self, v) => {
        const { table, index } = self._where("TableColumn.name");
        self.context.state.renameTableColumn(table, index, String(v));
      },
    },
    values: {
      get: (self) => {
        const { table, c } = self._where("TableColumn.values");
        const sheet = self.context.state.sheetById(table.sheetId);
        const out: unknown[][] = [];
        for (let r = table.rect.r0; r <= table.rect.r1; r++) out.push([self.context.state.officeValue(sheet, r, c)]);
        return out;
      },
      set: (self, v) => {
        const { table, c } = self._where("TableColumn.values");
        const range = RangeProxy.of(self.context, `${self._path}.range`, () => ({ sheetId: table.sheetId, rect: { r0: table.rect.r0, c0: c, r1: table.rect.r1, c1: c } }));
        range._write(v, "TableColumn.values");
      },
    },
  },
};
installAccessors(TableColumnProxy, COLUMN_SPEC);

// ---- rows ---------------------------------------------------------------------------------------------

export class TableRowCollectionProxy extends CollectionProxy<{ id: string }, TableRowProxy> {
  constructor(readonly table: TableProxy) {
    super(table.context, `${table._path}.rows`, () => table._resolve());
  }

  get _spec(): ProxySpec<this> {
    return {
      typeName: "TableRowCollection",
      props: { count: { get: (self: TableRowCollectionProxy) => self._listTargets().length } },
    } as unknown as ProxySpec<this>;
  }

  get _itemSpec(): ProxySpec<TableRowProxy> {
    return ROW_SPEC;
  }

  _listTargets(): number[] {
    const body = this.context.state.dataBodyRect(this.table._table("TableRowCollection"));
    return Array.from({ length: rectRows(body) }, (_, i) => i);
  }

  _itemProxy(target: unknown, index: number): TableRowProxy {
    return new TableRowProxy(this.table, `${this._path}.items[${index}]`, target as number);
  }

  getItemAt(index: number): TableRowProxy {
    return new TableRowProxy(this.table, `${this._path}.getItemAt(${index})`, index);
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", [], () => this._listTargets().length);
  }

  /**
   * rows.add(index?, values?): appends (or inserts at `index`) rows. Cells below the table inside its columns
   * move down when they are not empty; formulas pointing at moved cells are not adjusted here.
   */
  add(index?: number | null, values?: unknown[][] | null, _alwaysInsert?: boolean): TableRowProxy {
    let at = -1;
    this._command("add", [index ?? null, values ?? null], () => {
      const location = "TableRowCollection.add";
      const st = this.context.state;
      const t = this.table._table(location);
      const sheet = st.sheetById(t.sheetId);
      st.assertEditable(sheet, t.rect, "structure", location);
      const body = st.dataBodyRect(t);
      const n = Array.isArray(values) ? values.length : 1;
      if (n < 1) throw invalidArgument("values must hold at least one row", location);
      const count = rectRows(body);
      const pos = index === null || index === undefined ? count : index;
      if (pos < 0 || pos > count) throw invalidArgument(`row index ${pos} is outside 0..${count}`, location);
      // An empty single data row (a fresh table) is filled rather than followed.
      const freshEmpty = count === 1 && pos === 1 && isRowEmpty(st, sheet, body.r0, t);
      const insertAt = freshEmpty ? body.r0 : body.r0 + pos;
      if (!freshEmpty) {
        st.shiftCellsDown(sheet, { r0: insertAt, c0: t.rect.c0, r1: MAX_ROWS - 1 - n, c1: t.rect.c1 }, n);
        const lastOld = t.rect.r1;
        t.rect = { ...t.rect, r1: t.rect.r1 + n };
        void lastOld;
      }
      at = insertAt - body.r0;
      const target = { r0: insertAt, c0: t.rect.c0, r1: insertAt + n - 1, c1: t.rect.c1 };
      t.columns.forEach((col, i) => {
        if (!col.calculatedFormula) return;
        for (let r = target.r0; r <= target.r1; r++) {
          st.writeCell(sheet, r, t.rect.c0 + i, { kind: "formula", formula: shiftFormulaRows(col.calculatedFormula, r - body.r0) }, location);
        }
      });
      if (Array.isArray(values)) {
        const range = RangeProxy.of(this.context, `${this._path}.added`, () => ({ sheetId: sheet.id, rect: target }));
        range._write(values, location);
      }
      st.refreshStructuredFormulas();
      st.noteChange(sheet.id, t.rect, "structure");
    });
    return new TableRowProxy(this.table, `${this._path}.add()`, () => at);
  }

  deleteRowsAt(index: number, count = 1): void {
    this._command("deleteRowsAt", [index, count], () => {
      const location = "TableRowCollection.deleteRowsAt";
      const st = this.context.state;
      const t = this.table._table(location);
      const sheet = st.sheetById(t.sheetId);
      const body = st.dataBodyRect(t);
      if (index < 0 || count < 1 || index + count > rectRows(body)) throw invalidArgument(`rows ${index}..${index + count - 1} are not all in the table`, location);
      deleteBodyRows(st, sheet, t, body.r0 + index, count);
    });
  }
}

function isRowEmpty(st: WorkbookState, sheet: SheetState, r: number, t: TableState): boolean {
  for (let c = t.rect.c0; c <= t.rect.c1; c++) {
    const cell = st.cell(sheet, r, c);
    if (cell?.value !== undefined || cell?.formula !== undefined) return false;
  }
  return true;
}

function shiftFormulaRows(formula: string, rows: number): string {
  return shiftFormula(formula, rows, 0);
}

/** Removes data rows of a table, pulling the rows below (inside the table's columns) up. */
function deleteBodyRows(st: WorkbookState, sheet: SheetState, t: TableState, r: number, count: number): void {
  const body = st.dataBodyRect(t);
  if (rectRows(body) - count < 1) {
    // Excel keeps one (empty) data row.
    st.clearContents(sheet, { ...body });
    if (rectRows(body) > 1) t.rect = { ...t.rect, r1: t.rect.r1 - (rectRows(body) - 1) };
  } else {
    st.clearContents(sheet, { r0: r, c0: t.rect.c0, r1: r + count - 1, c1: t.rect.c1 });
    st.shiftCellsDown(sheet, { r0: r + count, c0: t.rect.c0, r1: MAX_ROWS - 1, c1: t.rect.c1 }, -count);
    t.rect = { ...t.rect, r1: t.rect.r1 - count };
  }
  st.refreshStructuredFormulas();
  st.noteChange(sheet.id, t.rect, "structure");
}

export class TableRowProxy extends ProxyBase<{ table: TableState; index: number }> {
  constructor(
    readonly table: TableProxy,
    path: string,
    index: number | (() => number),
  ) {
    super(table.context, path, () => {
      const t = table._table("TableRow");
      const i = typeof index === "number" ? index : index();
      const body = table.context.state.dataBodyRect(t);
      if (i < 0 || i >= rectRows(body)) throw invalidArgument(`row index ${i} is out of range`, "TableRow");
      return { table: t, index: i };
    });
  }

  get _spec(): ProxySpec<this> {
    return ROW_SPEC as unknown as ProxySpec<this>;
  }

  _rect(location: string): { table: TableState; rect: Rect } {
    const { table, index } = this._require(location);
    const body = this.context.state.dataBodyRect(table);
    return { table, rect: { r0: body.r0 + index, c0: table.rect.c0, r1: body.r0 + index, c1: table.rect.c1 } };
  }

  getRange(): RangeProxy {
    return RangeProxy.of(this.context, `${this._path}.getRange()`, () => {
      const { table, rect } = this._rect("TableRow.getRange");
      return { sheetId: table.sheetId, rect };
    });
  }

  delete(): void {
    this._command("delete", [], () => {
      const { table, rect } = this._rect("TableRow.delete");
      const st = this.context.state;
      deleteBodyRows(st, st.sheetById(table.sheetId), table, rect.r0, 1);
    });
  }
}

const ROW_SPEC: ProxySpec<TableRowProxy> = {
  typeName: "TableRow",
  props: {
    index: { get: (self) => self._require("TableRow.index").index },
    values: {
      get: (self) => {
        const { table, rect } = self._rect("TableRow.values");
        const sheet = self.context.state.sheetById(table.sheetId);
        const row: unknown[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) row.push(self.context.state.officeValue(sheet, rect.r0, c));
        return [row];
      },
      set: (self, v) => {
        const { table, rect } = self._rect("TableRow.values");
        RangeProxy.of(self.context, `${self._path}.range`, () => ({ sheetId: table.sheetId, rect }))._write(v, "TableRow.values");
      },
    },
  },
};
installAccessors(TableRowProxy, ROW_SPEC);
