/**
 * Excel.Table, its columns and rows, in memory. See https://learn.microsoft.com/javascript/api/excel/excel.table.
 */
import { MAX_ROWS, type Rect, parseAddress, rectRows } from "./address";
import { RangeProxy, afterContentWrite } from "./api-range";
import { MemoryExcelError, invalidArgument } from "./errors";
import { type MemoryRequestContext, CollectionProxy, EventSource, ProxyBase, type ProxySpec, installAccessors } from "./proxy";
import { type SheetState, type TableColumnState, type TableState, coerceInput } from "./state";

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
        else sheet = st.sheetById(st.activeSheetId ?? st.sheets[0]?.id ?? "");
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

  getDataBodyRange(): RangeProxy {
    return this._range("getDataBodyRange", (t) => this.context.state.dataBodyRect(t));
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
}

const TABLE_SPEC: ProxySpec<TableProxy> = {
  typeName: "Table",
  props: {
    id: { get: (self) => self._table().id },
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
  },
  navs: {
    columns: (self) => new TableColumnCollectionProxy(self),
    worksheet: (self) => self.context.construct.worksheet(`${self._path}.worksheet`, () => ({ id: self._table("Table.worksheet").sheetId })),
  },
};
installAccessors(TableProxy, TABLE_SPEC);

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
