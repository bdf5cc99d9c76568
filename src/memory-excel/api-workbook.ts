/**
 * Excel.Workbook, Application, WorksheetCollection, Worksheet (protection, freeze panes, page layout, events),
 * NamedItemCollection, in memory. See https://learn.microsoft.com/javascript/api/excel/excel.worksheet.
 */
import { MAX_COLUMNS, MAX_ROWS, type Rect, parseAddress, rectInBounds } from "./address";
import { RecordProxy, type RecordSchema } from "./api-record";
import { RangeProxy } from "./api-range";
import { ChartCollectionProxy } from "./api-chart";
import { TableCollectionProxy } from "./api-table";
import { MemoryExcelError, invalidArgument } from "./errors";
import { type MemoryRequestContext, CollectionProxy, ProxyBase, type ProxySpec, installAccessors } from "./proxy";
import type { SheetState } from "./state";

// ---- workbook & application ---------------------------------------------------------------------------

export class ApplicationProxy extends ProxyBase<true> {
  constructor(context: MemoryRequestContext) {
    super(context, "application", () => true);
  }

  get _spec(): ProxySpec<this> {
    return APPLICATION_SPEC as unknown as ProxySpec<this>;
  }

  /** Recalculation is immediate here; suspending it is recorded as a no-op command. */
  suspendApiCalculationUntilNextSync(): void {
    this._command("suspendApiCalculationUntilNextSync", [], () => undefined);
  }

  calculate(calculationType: string): void {
    this._command("calculate", [calculationType], () => undefined);
  }
}

const APPLICATION_SPEC: ProxySpec<ApplicationProxy> = {
  typeName: "Application",
  props: {
    calculationMode: {
      get: (self) => self.context.state.calculationMode,
      set: (self, v) => {
        self.context.state.calculationMode = String(v);
      },
    },
  },
};
installAccessors(ApplicationProxy, APPLICATION_SPEC);

export class WorkbookProxy extends ProxyBase<true> {
  constructor(context: MemoryRequestContext) {
    super(context, "workbook", () => true);
  }

  get _spec(): ProxySpec<this> {
    return WORKBOOK_SPEC as unknown as ProxySpec<this>;
  }

  getSelectedRange(): RangeProxy {
    return RangeProxy.of(this.context, "workbook.getSelectedRange()", () => {
      const st = this.context.state;
      if (st.selection && st.sheets.some((s) => s.id === st.selection!.sheetId)) return { ...st.selection };
      const active = st.activeSheetId ?? st.sheets[0]?.id;
      if (!active) throw new MemoryExcelError("ItemNotFound", "The workbook has no worksheet.", "Workbook.getSelectedRange");
      return { sheetId: active, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
}

const WORKBOOK_SPEC: ProxySpec<WorkbookProxy> = {
  typeName: "Workbook",
  props: {
    name: { get: () => "Book1" },
  },
  navs: {
    worksheets: (self) => new WorksheetCollectionProxy(self.context),
    tables: (self) => new TableCollectionProxy(self.context, "workbook.tables", null),
    names: (self) => new NamedItemCollectionProxy(self.context),
    application: (self) => self.context.application as ApplicationProxy,
  },
};
installAccessors(WorkbookProxy, WORKBOOK_SPEC);

// ---- worksheets ---------------------------------------------------------------------------------------

export class WorksheetCollectionProxy extends CollectionProxy<true, WorksheetProxy> {

  constructor(context: MemoryRequestContext) {
    super(context, "workbook.worksheets", () => true);
  }

  get _spec(): ProxySpec<this> {
    return { typeName: "WorksheetCollection", props: {} } as unknown as ProxySpec<this>;
  }

  get _itemSpec(): ProxySpec<WorksheetProxy> {
    return WORKSHEET_SPEC;
  }

  _listTargets(): SheetState[] {
    return this.context.state.sheets;
  }

  _itemProxy(target: unknown, index: number): WorksheetProxy {
    const id = (target as SheetState).id;
    return new WorksheetProxy(this.context, `workbook.worksheets.items[${index}]`, () => ({ id }));
  }

  add(name?: string): WorksheetProxy {
    let id: string | null = null;
    this._command("add", [name], () => {
      id = this.context.state.addSheet(name).id;
    });
    return new WorksheetProxy(this.context, `workbook.worksheets.add(${JSON.stringify(name ?? null)})`, () => (id === null ? null : { id }));
  }

  /** By name (case-insensitive, as Excel) or by id. */
  _find(key: string): SheetState | null {
    const st = this.context.state;
    return st.findSheet(key) ?? st.sheets.find((s) => s.id === key) ?? null;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, `workbook.worksheets.getItem(${JSON.stringify(key)})`, () => {
      const s = this._find(key);
      return s ? { id: s.id } : null;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      `workbook.worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      () => {
        const s = this._find(key);
        return s ? { id: s.id } : null;
      },
      true,
    );
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, "workbook.worksheets.getActiveWorksheet()", () => {
      const st = this.context.state;
      const id = st.activeSheetId ?? st.sheets[0]?.id;
      return id ? { id } : null;
    });
  }
}

export class WorksheetProxy extends ProxyBase<{ id: string }> {

  get _spec(): ProxySpec<this> {
    return WORKSHEET_SPEC as unknown as ProxySpec<this>;
  }

  _sheet(location = "Worksheet"): SheetState {
    return this.context.state.sheetById(this._require(location).id);
  }

  _range(path: string, rect: (sheet: SheetState) => Rect | null, orNull = false): RangeProxy {
    return RangeProxy.of(
      this.context,
      `${this._path}.${path}`,
      () => {
        const sheet = this._sheet(`Worksheet.${path}`);
        const r = rect(sheet);
        return r ? { sheetId: sheet.id, rect: r } : null;
      },
      orNull,
    );
  }

  /** getRange(): the whole sheet; getRange("A1:B2"), "B:B", "3:3"; a "Sheet!" prefix must name this sheet. */
  getRange(address?: string): RangeProxy {
    return this._range(`getRange(${JSON.stringify(address ?? "")})`, (sheet) => {
      if (address === undefined || address === null || address === "") return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 };
      const parsed = parseAddress(address, "Worksheet.getRange");
      if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw invalidArgument(`"${address}" names another sheet`, "Worksheet.getRange");
      }
      return parsed.rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this._range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || rowCount < 1 || columnCount < 1 || !rectInBounds(rect)) {
        throw invalidArgument(`getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}) is outside the sheet`, "Worksheet.getRangeByIndexes");
      }
      return rect;
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** "If the worksheet is blank, this function will return the top left cell" (Worksheet.getUsedRange). */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._range(`getUsedRange(${valuesOnly ?? ""})`, (sheet) => this.context.state.usedRect(sheet, !!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  activate(): void {
    this._command("activate", [], () => {
      const sheet = this._sheet("Worksheet.activate");
      if (sheet.visibility !== "Visible") throw new MemoryExcelError("InvalidOperation", "A hidden sheet can't be activated.", "Worksheet.activate");
      const st = this.context.state;
      st.activeSheetId = sheet.id;
      st.selection = { sheetId: sheet.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  delete(): void {
    this._command("delete", [], () => this.context.state.deleteSheet(this._sheet("Worksheet.delete")));
  }

  calculate(_markAllDirty: boolean): void {
    this._command("calculate", [_markAllDirty], () => void this._sheet("Worksheet.calculate"));
  }
}

const VISIBILITIES = ["Visible", "Hidden", "VeryHidden"];

const WORKSHEET_SPEC: ProxySpec<WorksheetProxy> = {
  typeName: "Worksheet",
  props: {
    id: { get: (self) => self._sheet().id },
    name: {
      get: (self) => self._sheet().name,
      set: (self, v) => self.context.state.renameSheet(self._sheet("Worksheet.name"), String(v)),
    },
    position: {
      get: (self) => self.context.state.sheets.indexOf(self._sheet()),
      set: (self, v) => self.context.state.moveSheet(self._sheet("Worksheet.position"), Number(v)),
    },
    visibility: {
      get: (self) => self._sheet().visibility,
      set: (self, v) => {
        const sheet = self._sheet("Worksheet.visibility");
        if (!VISIBILITIES.includes(String(v))) throw invalidArgument(`visibility "${String(v)}" is not Visible, Hidden or VeryHidden`, "Worksheet.visibility");
        const st = self.context.state;
        if (v !== "Visible" && st.sheets.filter((s) => s.visibility === "Visible" && s.id !== sheet.id).length === 0) {
          throw new MemoryExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.visibility");
        }
        sheet.visibility = String(v);
        if (v !== "Visible" && st.activeSheetId === sheet.id) st.activeSheetId = st.sheets.find((s) => s.visibility === "Visible")!.id;
        st.noteChange(sheet.id, { r0: 0, c0: 0, r1: 0, c1: 0 }, "structure");
      },
    },
  },
  navs: {
    tables: (self) => new TableCollectionProxy(self.context, `${self._path}.tables`, () => self._sheet("Worksheet.tables").id),
    charts: (self) => new ChartCollectionProxy(self.context, `${self._path}.charts`, () => self._sheet("Worksheet.charts").id),
    protection: (self) => new WorksheetProtectionProxy(self),
    freezePanes: (self) => new FreezePanesProxy(self),
    pageLayout: (self) => new PageLayoutProxy(self),
  },
};
installAccessors(WorksheetProxy, WORKSHEET_SPEC);

// ---- protection ---------------------------------------------------------------------------------------

export class WorksheetProtectionProxy extends ProxyBase<{ id: string }> {
  constructor(readonly worksheet: WorksheetProxy) {
    super(worksheet.context, `${worksheet._path}.protection`, () => worksheet._resolve());
  }

  get _spec(): ProxySpec<this> {
    return PROTECTION_SPEC as unknown as ProxySpec<this>;
  }

  /** Protecting a protected sheet fails, as in Excel ("the sheet is already protected"). */
  protect(options?: Record<string, unknown>, password?: string): void {
    this._command("protect", [options ?? null, password === undefined ? null : "***"], () => {
      const sheet = this.worksheet._sheet("WorksheetProtection.protect");
      if (sheet.protection.protected) {
        throw new MemoryExcelError("InvalidOperation", `The sheet "${sheet.name}" is already protected.`, "WorksheetProtection.protect");
      }
      const opts: Record<string, boolean | string> = {};
      for (const [k, v] of Object.entries(options ?? {})) if (k !== "context") opts[k] = v as boolean | string;
      sheet.protection = { protected: true, options: opts, password: password ?? null };
      this.context.state.noteChange(sheet.id, { r0: 0, c0: 0, r1: 0, c1: 0 }, "format");
    });
  }

  unprotect(password?: string): void {
    this._command("unprotect", [password === undefined ? null : "***"], () => {
      const sheet = this.worksheet._sheet("WorksheetProtection.unprotect");
      if (sheet.protection.protected && sheet.protection.password !== null && sheet.protection.password !== password) {
        throw invalidArgument("the password is not correct", "WorksheetProtection.unprotect");
      }
      sheet.protection = { protected: false, options: {}, password: null };
      this.context.state.noteChange(sheet.id, { r0: 0, c0: 0, r1: 0, c1: 0 }, "format");
    });
  }
}

const PROTECTION_SPEC: ProxySpec<WorksheetProtectionProxy> = {
  typeName: "WorksheetProtection",
  props: {
    protected: { get: (self) => self.worksheet._sheet().protection.protected },
    options: { get: (self) => ({ ...self.worksheet._sheet().protection.options }) },
  },
};
installAccessors(WorksheetProtectionProxy, PROTECTION_SPEC);

// ---- freeze panes -------------------------------------------------------------------------------------

export class FreezePanesProxy extends ProxyBase<{ id: string }> {
  constructor(readonly worksheet: WorksheetProxy) {
    super(worksheet.context, `${worksheet._path}.freezePanes`, () => worksheet._resolve());
  }

  get _spec(): ProxySpec<this> {
    return { typeName: "WorksheetFreezePanes", props: {} } as unknown as ProxySpec<this>;
  }

  _set(rows: number | null, columns: number | null, location: string): void {
    const sheet = this.worksheet._sheet(location);
    if (rows !== null) {
      if (!Number.isInteger(rows) || rows < 0 || rows >= MAX_ROWS) throw invalidArgument(`can't freeze ${rows} rows`, location);
      sheet.frozenRows = rows;
    }
    if (columns !== null) {
      if (!Number.isInteger(columns) || columns < 0 || columns >= MAX_COLUMNS) throw invalidArgument(`can't freeze ${columns} columns`, location);
      sheet.frozenColumns = columns;
    }
    this.context.state.noteChange(sheet.id, { r0: 0, c0: 0, r1: 0, c1: 0 }, "format");
  }

  /** freezeRows(n) freezes the top n rows (and, like Excel, drops frozen columns). */
  freezeRows(count = 1): void {
    this._command("freezeRows", [count], () => this._set(count, 0, "WorksheetFreezePanes.freezeRows"));
  }

  freezeColumns(count = 1): void {
    this._command("freezeColumns", [count], () => this._set(0, count, "WorksheetFreezePanes.freezeColumns"));
  }

  /** The given range is the frozen top-left block. */
  freezeAt(frozenRange: RangeProxy | string): void {
    this._command("freezeAt", [frozenRange], () => {
      const location = "WorksheetFreezePanes.freezeAt";
      const sheet = this.worksheet._sheet(location);
      const rect = frozenRange instanceof RangeProxy ? frozenRange._target(location).rect : parseAddress(String(frozenRange), location).rect;
      void sheet;
      this._set(rect.r0 === 0 && rect.r1 === MAX_ROWS - 1 ? 0 : rect.r1 + 1, rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1 ? 0 : rect.c1 + 1, location);
    });
  }

  unfreeze(): void {
    this._command("unfreeze", [], () => this._set(0, 0, "WorksheetFreezePanes.unfreeze"));
  }
}

// ---- page layout --------------------------------------------------------------------------------------

const PAGE_LAYOUT_SCHEMA: RecordSchema = {
  typeName: "PageLayout",
  props: [
    "orientation",
    "paperSize",
    "blackAndWhite",
    "centerHorizontally",
    "centerVertically",
    "draftMode",
    "firstPageNumber",
    "printComments",
    "printErrors",
    "printGridlines",
    "printHeadings",
    "printOrder",
    "leftMargin",
    "rightMargin",
    "topMargin",
    "bottomMargin",
    "headerMargin",
    "footerMargin",
    "zoom",
  ],
  defaults: { orientation: "Portrait", printGridlines: false, printHeadings: false },
};

/**
 * PageLayout: scalar settings are recorded; the print area is a range (setPrintArea, ExcelApi 1.9 —
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprintarea-member(1)).
 */
export class PageLayoutProxy extends RecordProxy {
  constructor(readonly worksheet: WorksheetProxy) {
    super(
      worksheet.context,
      `${worksheet._path}.pageLayout`,
      PAGE_LAYOUT_SCHEMA,
      () => worksheet._sheet("PageLayout").pageLayout,
      () => undefined,
      () => worksheet._resolve(),
    );
  }

  setPrintArea(printArea: RangeProxy | string): void {
    this._command("setPrintArea", [printArea], () => {
      const location = "PageLayout.setPrintArea";
      const sheet = this.worksheet._sheet(location);
      let rects: Rect[];
      if (printArea instanceof RangeProxy) {
        const t = printArea._target(location);
        if (t.sheet.id !== sheet.id) throw invalidArgument("the print area must be on this sheet", location);
        rects = [t.rect];
      } else {
        // "The range or ranges of the content to print" (ExcelApi 1.9): a comma-separated address is several areas,
        // https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprintarea-member(1)
        rects = String(printArea)
          .split(",")
          .map((area) => parseAddress(area.trim(), location).rect);
      }
      sheet.printArea = rects[0] ?? null;
      sheet.printAreaMore = rects.length > 1 ? rects.slice(1) : undefined;
    });
  }

  setPrintTitleRows(titleRows: RangeProxy | string): void {
    this._command("setPrintTitleRows", [titleRows], () => {
      const sheet = this.worksheet._sheet("PageLayout.setPrintTitleRows");
      const rect = titleRows instanceof RangeProxy ? titleRows._target("PageLayout.setPrintTitleRows").rect : parseAddress(String(titleRows)).rect;
      sheet.pageLayout.printTitleRows = `$${rect.r0 + 1}:$${rect.r1 + 1}`;
    });
  }
}

// ---- names --------------------------------------------------------------------------------------------

/**
 * Workbook.names (https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection): the workbook-scoped
 * names (Workbook.names is "a collection of workbook-scoped named items", https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-names-member;
 * a sheet's own names are Worksheet.names, not modelled) — those the CLI's .xlsx reader brought in
 * (src/cli/xlsx/read-xlsx.ts), hidden ones included (NamedItem.visible). PIPbook defines none; its writer and reader
 * load only `items/name`, so that a table they add cannot take a name the workbook has: a table's name "must be
 * unique amongst all other displayNames and definedNames in the workbook" (ECMA-376 Part 1 §18.5.1.2 table,
 * displayName), and Excel compares names ignoring case (src/excel/write/shape.ts checkNames refuses the write).
 */
export class NamedItemCollectionProxy extends CollectionProxy<true, NamedItemProxy> {
  constructor(context: MemoryRequestContext) {
    super(context, "workbook.names", () => true);
  }

  get _spec(): ProxySpec<this> {
    return { typeName: "NamedItemCollection", props: {} } as unknown as ProxySpec<this>;
  }

  get _itemSpec(): ProxySpec<NamedItemProxy> {
    return NAMED_ITEM_SPEC;
  }

  _listTargets(): { name: string }[] {
    return this.context.state.names.filter((n) => n.scopeSheetId === null);
  }

  _itemProxy(target: unknown, index: number): NamedItemProxy {
    const item = target as { name: string };
    return new NamedItemProxy(this.context, `workbook.names.items[${index}]`, () => item);
  }
}

export class NamedItemProxy extends ProxyBase<{ name: string }> {
  get _spec(): ProxySpec<this> {
    return NAMED_ITEM_SPEC as unknown as ProxySpec<this>;
  }
}

const NAMED_ITEM_SPEC: ProxySpec<NamedItemProxy> = {
  typeName: "NamedItem",
  props: { name: { get: (self) => self._require("NamedItem.name").name } },
};
installAccessors(NamedItemProxy, NAMED_ITEM_SPEC);

/**
 * Builds the RequestContext a batch receives: `context.workbook`, `context.application`, and the worksheet
 * proxy that Range, Table and Chart hand out (`.worksheet`) but may not import: api-range, api-table and api-chart
 * sit below this module, which imports them.
 */
export function attachWorkbook(context: MemoryRequestContext): void {
  context.construct = {
    worksheet: (path, find) => new WorksheetProxy(context, path, find),
  };
  context.application = new ApplicationProxy(context);
  context.workbook = new WorkbookProxy(context);
}
