/**
 * An in-memory stand-in for the Excel JavaScript API (Office.js), not Excel. The workbook writer and reader in
 * src/excel run unchanged against it — in tests, in the browser preview and in the CLI — because `run` hands
 * them a RequestContext that behaves like Office's: proxies, load/sync, queued commands, null objects, error
 * codes. Formulas are computed by an injected FormulaEngine (HyperFormula in ./hyperformula-engine); without
 * one, formula cells read back `values` null (valueTypes "Unknown").
 *
 * Outside Office.js semantics, for tests and the preview (clearly not API calls): getCellValue,
 * getCellFormula, setCellValues (a user typing or pasting), renameSheet, deleteTableColumn, onChange,
 * snapshot / fromSnapshot, stats.
 */
import { parseAddress, formatAddress, type Rect, rectsIntersect, intersectRects } from "./address";
import { cellSatisfies } from "./api-range";
import { attachWorkbook } from "./api-workbook";
import type { FormulaEngine } from "./engine";
import { isEngineError } from "./engine";
import { MemoryExcelError, invalidArgument } from "./errors";
import { type MemoryExcelHost, MemoryRequestContext } from "./proxy";
import { type SnapshotOptions, type WorkbookSnapshot, fromSnapshot, toSnapshot } from "./snapshot";
import { type ChangeRecord, WorkbookState, coerceInput } from "./state";
import { afterContentWrite } from "./api-range";

export type { FormulaEngine, EngineValue, EngineInput, EngineError, ExcelErrorValue } from "./engine";
export { MemoryExcelError } from "./errors";
export type { MemoryExcelErrorCode } from "./errors";
export type {
  WorkbookSnapshot,
  SnapshotOptions,
  SheetSnapshot,
  CellSnapshot,
  ColumnSnapshot,
  RowSnapshot,
  FormatSnapshot,
  TableSnapshot,
  ValidationSnapshot,
  ConditionalFormatSnapshot,
  ChartSnapshot,
  ChartSeriesSnapshot,
} from "./snapshot";
export { formatValue } from "./number-format";

export interface MemoryExcelOptions {
  /** Computes formulas; null/absent: formula cells read back null. */
  engine?: FormulaEngine | null;
  /** Sheets of a new workbook (default ["Sheet1"], as a new Excel workbook). */
  sheets?: string[];
  /** Reject formulas the engine can't parse with InvalidArgument (default true, as Excel rejects them). */
  strictFormulas?: boolean;
  /**
   * Count each batch's request bytes into `stats.batchBytes` (default true). The count is the JSON of every queued
   * command, a tenth of a write's time here; the CLI, which never reads it, turns it off (`stats.syncs` still counts,
   * `stats.batchBytes` stays empty).
   */
  countBatchBytes?: boolean;
}

export interface MemoryExcelStats {
  /** context.sync() calls that carried commands (an empty sync makes no round trip). */
  syncs: number;
  /** Per such sync: UTF-8 bytes of the JSON of its queued commands — an approximation of Office's request payload. */
  batchBytes: number[];
}

/** What changed, for the preview UI: after a sync or a simulated user edit. */
export interface ChangeNotice {
  source: "api" | "user";
  /** Names of the sheets touched (structure changes of deleted sheets carry no name). */
  sheets: string[];
  kinds: ChangeRecord["kind"][];
}

export interface SetCellValuesOptions {
  /**
   * "paste" (default) writes whatever is given, as a paste does — data validation is not checked, like Excel.
   * "type" is a user typing: a value breaking a Stop-style validation rule is refused with its error message.
   */
  mode?: "paste" | "type";
}

/** One queued Office.js command as the stand-in records it (the JSON its batchBytes count). */
export interface MemoryExcelCommand {
  /** The object's path, e.g. `workbook.worksheets.getItem("Goals").tables`. */
  o: string;
  /** The method called; "set" for a property assignment (`a` is then [property, value]). */
  m: string;
  /** The arguments (a Range argument as its path). */
  a?: unknown[];
}

type Handler = { source: string; handler: (args: unknown) => unknown };

export class MemoryExcel {
  private state: WorkbookState;
  private readonly options: MemoryExcelOptions;
  private readonly handlers = new Map<number, Handler>();
  private nextHandlerId = 1;
  private listeners = new Set<(notice: ChangeNotice) => void>();
  private pendingEvents: Promise<unknown>[] = [];
  readonly stats: MemoryExcelStats = { syncs: 0, batchBytes: [] };
  private readonly host: MemoryExcelHost;
  /** Commands run (or failed) since this workbook was made: the index space of `failCommand`. */
  private commandsRun = 0;
  private failAt: number | null = null;
  private recalcNeeded = false;
  private commandListeners = new Set<(command: MemoryExcelCommand) => void>();

  constructor(options: MemoryExcelOptions = {}) {
    this.options = options;
    this.state = new WorkbookState({ engine: options.engine ?? null, strictFormulas: options.strictFormulas });
    for (const name of options.sheets ?? ["Sheet1"]) this.state.addSheet(name);
    this.state.takeChanges();
    const self = this;
    this.host = {
      get state() {
        return self.state;
      },
      countBytes: options.countBatchBytes !== false,
      recordSync: (bytes) => {
        this.stats.syncs += 1;
        if (options.countBatchBytes !== false) this.stats.batchBytes.push(bytes);
      },
      afterSync: () => this.notify("api"),
      addHandler: (source, handler) => {
        const id = this.nextHandlerId++;
        this.handlers.set(id, { source, handler });
        return id;
      },
      removeHandler: (id) => {
        this.handlers.delete(id);
      },
      beforeCommand: (json) => {
        for (const listener of this.commandListeners) listener(json as MemoryExcelCommand);
        const index = this.commandsRun++;
        if (this.failAt !== null && index === this.failAt) {
          this.failAt = null;
          const method = (json as { m?: unknown } | null)?.m;
          throw new MemoryExcelError("GeneralException", `Injected failure of command ${index} (${String(method)}).`, `injected:${String(method)}`);
        }
        if (isApplicationCalculate(json)) this.recalcNeeded = false;
      },
      afterBatch: (commands) => {
        // Office.js: after suspendApiCalculationUntilNextSync "it is the developer's responsibility to re-calc the
        // workbook, to ensure that any dependencies are propagated" (Excel.Application reference). A batch that
        // suspended calculation leaves the workbook needing a recalculation until application.calculate runs.
        const suspended = commands.some((c) => (c as { m?: unknown } | null)?.m === "suspendApiCalculationUntilNextSync");
        const calculated = commands.some(isApplicationCalculate);
        if (suspended && !calculated) this.recalcNeeded = true;
      },
    };
  }

  /** Builds a workbook from a snapshot (e.g. one the CLI read from an .xlsx). */
  static fromSnapshot(snapshot: WorkbookSnapshot, options: Omit<MemoryExcelOptions, "sheets"> = {}): MemoryExcel {
    const excel = new MemoryExcel({ ...options, sheets: [] });
    excel.loadSnapshot(snapshot);
    return excel;
  }

  /** Replaces the whole workbook with the snapshot's. */
  loadSnapshot(snapshot: WorkbookSnapshot): void {
    const state = new WorkbookState({ engine: this.options.engine ?? null, strictFormulas: this.options.strictFormulas });
    fromSnapshot(snapshot, state);
    this.state = state;
    this.listeners.forEach((l) => l({ source: "api", sheets: state.sheets.map((s) => s.name), kinds: ["structure"] }));
  }

  /**
   * Like Excel.run: creates a RequestContext, runs the batch, then syncs whatever is still queued. The batch
   * must return a promise ("RunMustReturnPromise" otherwise). If it throws, queued commands are dropped.
   */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = new MemoryRequestContext(this.host);
    attachWorkbook(context);
    try {
      const pending = batch(context as unknown as Excel.RequestContext);
      if (!pending || typeof (pending as Promise<T>).then !== "function") {
        throw new MemoryExcelError("RunMustReturnPromise", "The batch function passed to Excel.run must return a promise.", "Excel.run");
      }
      const result = await pending;
      await context.sync();
      return result;
    } finally {
      context.closed = true;
    }
  }

  /**
   * Fault injection: the `index`-th command from now on (0-based, counted over every later batch) fails with
   * GeneralException, as a failing Office.js command does — the commands queued before it in its batch have
   * applied, those after it do not run, and sync() rejects (Microsoft, "Error handling with the
   * application-specific JavaScript APIs"). null disarms it. One failure per arming.
   */
  failCommand(index: number | null): void {
    this.failAt = index === null ? null : this.commandsRun + index;
  }

  /**
   * Every command as it runs, in batch order: what Office would send for it (`o` the object's path, `m` the
   * method or property, `a` its arguments). For tests that check what a writer asks of Excel. Returns the unsubscribe.
   */
  onCommand(listener: (command: MemoryExcelCommand) => void): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  /** Commands run (or failed) so far; the difference before and after a save is its command count. */
  get commandCount(): number {
    return this.commandsRun;
  }

  /**
   * True after a batch that suspended API calculation (suspendApiCalculationUntilNextSync) until
   * application.calculate runs: Office leaves re-calculating to the add-in then.
   */
  get recalculationPending(): boolean {
    return this.recalcNeeded;
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.batchBytes = [];
  }

  /** The workbook as data (snapshot.ts); `{ shownText: false }` for a writer that needs no cell's shown text. */
  snapshot(options?: SnapshotOptions): WorkbookSnapshot {
    return toSnapshot(this.state, options);
  }

  /** The workbook state, for the preview's grid (read-only use). */
  get workbookState(): WorkbookState {
    return this.state;
  }

  // ---- direct helpers (not Office.js) -------------------------------------------------------------------

  private sheetNamed(name: string) {
    const sheet = this.state.findSheet(name);
    if (!sheet) throw new MemoryExcelError("ItemNotFound", `No sheet named "${name}".`, "MemoryExcel");
    return sheet;
  }

  private cellOf(sheetName: string, address: string): { sheet: ReturnType<MemoryExcel["sheetNamed"]>; r: number; c: number } {
    const sheet = this.sheetNamed(sheetName);
    const { rect } = parseAddress(address, "MemoryExcel");
    return { sheet, r: rect.r0, c: rect.c0 };
  }

  /** The value Range.values would show for one cell ("" when empty, errors as "#N/A", null when not computed). */
  getCellValue(sheet: string, address: string): number | string | boolean | null {
    const { sheet: s, r, c } = this.cellOf(sheet, address);
    return this.state.officeValue(s, r, c);
  }

  /** The formula ("=…") of a cell, or its constant as Range.formulas shows it. */
  getCellFormula(sheet: string, address: string): number | string | boolean {
    const { sheet: s, r, c } = this.cellOf(sheet, address);
    return this.state.officeFormula(s, r, c);
  }

  /**
   * A user typing or pasting `values` at `address` (its top-left cell): Excel's input rules apply, a table
   * grows to take rows entered right below it, a protected sheet refuses locked cells, and Table.onChanged
   * handlers fire (source "Local"). Resolves when the handlers have run.
   */
  async setCellValues(sheetName: string, address: string, values: unknown[][], options: SetCellValuesOptions = {}): Promise<void> {
    const sheet = this.sheetNamed(sheetName);
    const { rect: at } = parseAddress(address, "MemoryExcel.setCellValues");
    const width = Array.isArray(values) ? (values[0]?.length ?? 0) : 0;
    if (!Array.isArray(values) || width === 0 || !values.every((row) => Array.isArray(row) && row.length === width)) {
      throw invalidArgument("values must be a non-empty rectangular 2-D array", "MemoryExcel.setCellValues");
    }
    const rect: Rect = { r0: at.r0, c0: at.c0, r1: at.r0 + values.length - 1, c1: at.c0 + width - 1 };
    const st = this.state;
    st.assertEditable(sheet, rect, "values", "MemoryExcel.setCellValues");
    const inputs = values.map((row, i) =>
      row.map((v, j) => {
        const input = coerceInput(v, st.formatProp(sheet, rect.r0 + i, rect.c0 + j, "numberFormat") as string, "MemoryExcel.setCellValues");
        st.checkInput(sheet, rect.r0 + i, rect.c0 + j, input, "MemoryExcel.setCellValues");
        return input;
      }),
    );
    const tablesBefore = new Map(st.tables.map((t) => [t.id, { ...t.rect }]));
    inputs.forEach((row, i) => row.forEach((input, j) => st.writeCell(sheet, rect.r0 + i, rect.c0 + j, input, "MemoryExcel.setCellValues", true)));
    st.autoExpandTables(sheet, rect);
    afterContentWrite(st, sheet, rect);
    if (options.mode === "type") {
      for (const entry of st.validationsIn(sheet, rect)) {
        const cut = intersectRects(entry.rect, rect)!;
        for (let r = cut.r0; r <= cut.r1; r++) {
          for (let c = cut.c0; c <= cut.c1; c++) {
            if (entry.errorAlert.showAlert && entry.errorAlert.style === "Stop" && !cellSatisfies(st, sheet, entry, r, c)) {
              st.writeCell(sheet, r, c, { kind: "clear" }, "MemoryExcel.setCellValues");
              throw new MemoryExcelError(
                "InvalidArgument",
                entry.errorAlert.message || "This value doesn't match the data validation restrictions defined for this cell.",
                `${formatAddress(sheet.name, { r0: r, c0: c, r1: r, c1: c })}`,
              );
            }
          }
        }
      }
    }
    const calls: Promise<unknown>[] = [];
    const fire = (source: string, args: Record<string, unknown>) => {
      for (const h of this.handlers.values()) {
        if (h.source === source) calls.push(Promise.resolve().then(() => h.handler(args)));
      }
    };
    for (const t of st.tables) {
      const before = tablesBefore.get(t.id);
      if (t.sheetId !== sheet.id || !(rectsIntersect(t.rect, rect) || (before && !st.isSameRect(before, t.rect)))) continue;
      const cut = intersectRects(t.rect, rect) ?? rect;
      fire(`tb:${t.id}`, { type: "TableChanged", changeType: "RangeEdited", source: "Local", address: st.localAddress(cut), tableId: t.id, worksheetId: sheet.id });
    }
    this.notify("user");
    const done = Promise.all(calls).then(() => undefined);
    this.pendingEvents.push(done);
    return done;
  }

  /** Waits for event handlers started by setCellValues. */
  async flushEvents(): Promise<void> {
    const pending = this.pendingEvents;
    this.pendingEvents = [];
    await Promise.all(pending);
  }

  /** A user renaming a sheet tab (formulas follow, as in Excel). */
  renameSheet(oldName: string, newName: string): void {
    this.state.renameSheet(this.sheetNamed(oldName), newName, "MemoryExcel.renameSheet");
    this.notify("user");
  }

  /** A user deleting a table column (its cells go, the columns right of it move left inside the table). */
  deleteTableColumn(tableName: string, columnName: string): void {
    const table = this.state.findTable(tableName);
    if (!table) throw new MemoryExcelError("ItemNotFound", `No table named "${tableName}".`, "MemoryExcel.deleteTableColumn");
    const index = table.columns.findIndex((c) => c.name.toLowerCase() === columnName.toLowerCase());
    if (index < 0) throw new MemoryExcelError("ItemNotFound", `Table "${tableName}" has no column "${columnName}".`, "MemoryExcel.deleteTableColumn");
    this.state.deleteTableColumn(table, index, "MemoryExcel.deleteTableColumn");
    this.notify("user");
  }

  /** Subscribes the preview UI to changes (after each sync that changed something, and after user edits). */
  onChange(listener: (notice: ChangeNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Excel raises onChanged for the add-in's own writes too (triggerSource "ThisLocalAddin", ExcelApi 1.14 —
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-triggersource-member):
   * after a sync, one event per written range goes to the tables it touches (Table.onChanged, the one event PIPbook
   * listens to; worksheet events are not modelled).
   */
  private dispatchApiEvents(changes: ChangeRecord[]): void {
    if (this.handlers.size === 0) return;
    const calls: Promise<unknown>[] = [];
    const fire = (source: string, args: Record<string, unknown>) => {
      for (const h of this.handlers.values()) if (h.source === source) calls.push(Promise.resolve().then(() => h.handler(args)));
    };
    for (const ch of changes) {
      if (ch.kind !== "values") continue;
      const sheet = this.state.sheets.find((x) => x.id === ch.sheetId);
      if (!sheet) continue;
      for (const t of this.state.tables) {
        const cut = t.sheetId === sheet.id ? intersectRects(t.rect, ch.rect) : null;
        if (cut) fire(`tb:${t.id}`, { type: "TableChanged", changeType: "RangeEdited", source: "Local", address: this.state.localAddress(cut), tableId: t.id, worksheetId: sheet.id, triggerSource: "ThisLocalAddin" });
      }
    }
    if (calls.length) this.pendingEvents.push(Promise.all(calls));
  }

  private notify(source: ChangeNotice["source"]): void {
    const changes = this.state.takeChanges();
    if (source === "api") this.dispatchApiEvents(changes);
    if (changes.length === 0 || this.listeners.size === 0) return;
    const names = new Set<string>();
    for (const ch of changes) {
      const s = this.state.sheets.find((x) => x.id === ch.sheetId);
      if (s) names.add(s.name);
    }
    const notice: ChangeNotice = { source, sheets: [...names], kinds: [...new Set(changes.map((c) => c.kind))] };
    for (const l of this.listeners) l(notice);
  }
}

function isApplicationCalculate(json: unknown): boolean {
  const c = json as { m?: unknown; o?: unknown } | null;
  return c?.m === "calculate" && String(c.o).endsWith("application");
}

export function createMemoryExcel(options: MemoryExcelOptions = {}): MemoryExcel {
  return new MemoryExcel(options);
}

export { isEngineError };
