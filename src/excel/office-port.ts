/**
 * WorkbookPort over an `Excel.run`-shaped function: Office.js's `Excel.run` in Excel, the in-memory Excel's `run`
 * in the browser preview and in tests. Each method is one `run`; the port remembers the plan last read or written
 * (the "base") so that a write can tell rows typed in Excel since then from rows the task pane deleted.
 *
 * writePlan = read (1 sync) → merge (src/core/merge.ts: nothing entered is lost) → look at the cells the new
 * footprint takes and at the formulas of columns a person added (src/excel/rewrite.ts: 0 or 1 sync; a write that
 * would cover a person's cells is refused there, before anything changes) → write (1 sync for a normal plan).
 *
 * A write that fails half-way (any Excel command can) is explained, not left as an exception: when the save
 * journal's marker is in the workbook (src/excel/journal.ts) it is an InterruptedSaveError — nothing entered is
 * lost, finishInterruptedSave completes it, and the next writePlan finishes it first; without the marker the
 * failure was in the preflight and nothing a person entered changed (PreflightError, naming a password-protected
 * sheet when that was the cause).
 *
 * addTrackingEntry / addAdjustment append without `rows.add` (which conflicts under co-authoring): when the
 * table's last row is empty the entry fills it; otherwise the table is first grown by a row with Table.resize
 * (ExcelApi 1.13; the manifest requires 1.14) and the row is written into it — so a failure leaves either the
 * table as it was or one empty table row, never a row outside the table.
 */
import { columnIndex } from "../a1";
import type { Adjustment, Plan, TrackingEntry } from "../core/model";
import type { Finding } from "../core/findings";
import { mergePlans } from "../core/merge";
import { InterruptedSaveError, PreflightError, type ReadResult, type WorkbookPort, type WriteOptions, type WriteReport } from "./port";
import { JOURNAL_SHEET, readJournal } from "./journal";
import { preflightMessage, readerMessage } from "../i18n/workbook";
import { LAYOUT, META_SHEET, SHEETS, columnLetter, listTable, makeFormulaEnv, makeFormulaRow, defaultSheetNames, type ListTableDecl, type TableName } from "../workbook";
import { encodeValue, formatFor } from "../workbook/cells";
import { errorText, readPlan as readWorkbook, type WorkbookRead } from "./reader";
import { writePlan as writeWorkbook, type SaveInput } from "./writer";
import { markColumn } from "./write/marks";
import { SHEET_PROTECTION } from "./write/steps";
import { refreshEvaluation as refreshEvaluationSheet } from "./evaluation";
import { prepareRewrite } from "./rewrite";
import type { SelfTestOptions, SelfTestReport } from "./self-test";
import { canReadCompressedFile, EmployeeCopyError, openAsNewWorkbook, readDocumentBytes, type FileDocument } from "./employee-copy";

/** The shape of `Excel.run` the port needs (the batch form). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WorkbookPortOptions {
  /** A fixed as-of date for writes (default: the workbook's live =TODAY()). */
  asOf?: string | null;
  /** The clock for the save journal's time (default: now); tests pin it. */
  now?: () => string;
  /** readPlan's formula checks (ReadOptions.formulaChecks; default on). */
  formulaChecks?: boolean;
  /**
   * "A copy for the employee" (employee-copy.ts): where the workbook's file and Excel.createWorkbook come from.
   * Default: Office's own when Excel.createWorkbook is there (ExcelApi 1.8); null: no such command (the CLI's port).
   */
  employeeCopy?: EmployeeCopyHost | null;
}

/** What employeeCopy() needs of Office: the document's file (null where Excel gives none: the web) and createWorkbook. */
export interface EmployeeCopyHost {
  document: FileDocument | null;
  createWorkbook(base64: string): Promise<void>;
  /** getFileAsync's slice size (default employee-copy.ts SLICE_SIZE). */
  sliceSize?: number;
}

function officeEmployeeCopyHost(): EmployeeCopyHost | null {
  if (typeof Excel === "undefined" || typeof Excel.createWorkbook !== "function") return null;
  // Excel.createWorkbook is ExcelApi 1.8 (https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)).
  if (typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.8") === false) return null;
  return { document: canReadCompressedFile() ? Office.context.document : null, createWorkbook: (base64) => Excel.createWorkbook(base64) };
}

export interface OfficeWorkbookPort extends WorkbookPort {
  readPlan(): Promise<WorkbookRead>;
  writePlan(plan: Plan, options: WriteOptions & Pick<SaveInput, "asOf" | "maxBatchBytes">): Promise<WriteReport>;
  /** Diagnostics: the self-test (src/excel/self-test.ts, its own chunk) on temporary sheets of this workbook. */
  runSelfTest(options?: Pick<SelfTestOptions, "language">): Promise<SelfTestReport>;
  /** "A copy for the employee" (issue 17): built in its own chunk, opened as a new workbook; absent outside Excel. */
  employeeCopy?(): Promise<{ kind: "opened"; fileName: string }>;
  employeeCopyOpens?: true;
}

export function createWorkbookPort(run: ExcelRun, portOptions: WorkbookPortOptions = {}): OfficeWorkbookPort {
  let base: Plan | null = null;
  const now = portOptions.now ?? (() => new Date().toISOString());
  const copyHost = portOptions.employeeCopy === undefined ? officeEmployeeCopyHost() : portOptions.employeeCopy;

  /**
   * The employee's copy: the workbook's bytes (Office.js getFileAsync) → the CLI's reader and employee-copy builder
   * (its own chunk) → Excel.createWorkbook. Where Excel gives no file (the web) or refuses it, the plan as this port
   * reads it.
   */
  async function makeEmployeeCopy(host: EmployeeCopyHost): Promise<{ kind: "opened"; fileName: string }> {
    // getFileAsync refused before a slice was read (e.g. "Permission Denied" 7000 in some clients, OfficeDev/office-js#757;
    // a renamed workbook on the web, #98): the plan as this port reads it makes the same copy. A slice failing
    // mid-way is reported instead (the file was given, then broke off).
    let bytes: Uint8Array | null = null;
    if (host.document) {
      try {
        bytes = await readDocumentBytes(host.document, host.sliceSize);
      } catch (error) {
        if (!(error instanceof EmployeeCopyError && error.employeeCopyStep === "read" && error.slice === null)) throw error;
      }
    }
    const build = await import(/* webpackChunkName: "employee-copy" */ "./employee-copy-build");
    const asOf = portOptions.asOf ?? null;
    let copy;
    if (bytes) copy = await build.copyOfXlsx(bytes, asOf);
    else {
      const { plan } = await run((context) => readWorkbook(context, { validate: false, formulaChecks: false }));
      if (plan === null) throw new EmployeeCopyError("noPlan", "the workbook holds no plan");
      copy = await build.copyOfPlan(plan, asOf);
    }
    await openAsNewWorkbook(copy.bytes, (base64) => host.createWorkbook(base64));
    return { kind: "opened", fileName: copy.fileName };
  }

  /** Rewrites the workbook from an interrupted save's journal (the same plan and user columns it was writing). */
  async function finishFrom(context: Excel.RequestContext, read: WorkbookRead): Promise<WriteReport & { plan: Plan }> {
    const journal = read.interrupted?.journal;
    if (!journal) throw new InterruptedSaveError(readerMessage("SAVE_JOURNAL_DAMAGED", { time: read.interrupted?.savedAt ?? "" }));
    const report = await guarded(context, () =>
      writeWorkbook(context, journal.plan, {
        language: journal.language,
        asOf: journal.asOf,
        shape: read.shape,
        extraColumns: journal.extraColumns,
        adoptSheets: journal.sheetNames,
        clearDebris: true,
        savedAt: now(),
      }),
    );
    return { ...report, plan: journal.plan };
  }

  async function appendRow(tableName: TableName, row: Record<string, unknown>): Promise<void> {
    const table = listTable(tableName);
    await run(async (context) => {
      const t = context.workbook.tables.getItem(tableName);
      const all = t.getRange();
      all.load("address");
      const last = t.getDataBodyRange().getLastRow();
      last.load("values,address");
      const ws = t.worksheet;
      ws.load("name");
      ws.protection.load("protected");
      await context.sync();
      const language = base?.header?.language === "en-US" ? "en-US" : "zh-CN";
      const lastValues = (last.values[0] ?? []) as unknown[];
      const inputs = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind !== "formula" && c.field);
      const lastIsEmpty = inputs.every(({ i }) => lastValues[i] === "" || lastValues[i] === null);
      const lastRowNumber = Number(/(\d+)$/.exec(last.address)?.[1] ?? table.anchor.row + 1);
      const targetRow = lastIsEmpty ? lastRowNumber : lastRowNumber + 1;
      const firstColumn = Number(columnIndexOfAddress(all.address));
      const names = { ...defaultSheetNames(language) };
      const env = makeFormulaEnv(LAYOUT, names, language, table.sheet);
      const goalUnits = new Map((base?.goals ?? []).map((g) => [g.id, g.unit] as const));
      const values: (string | number)[] = [];
      const formats: string[] = [];
      for (const column of table.columns) {
        const unit = column.unitFormat === "goalOfRow" ? goalUnits.get(String(row.goalId)) : undefined;
        if (column.kind === "formula" && column.formula) {
          const shifted: ListTableDecl = { ...table, anchor: { ...table.anchor, col: firstColumn } };
          values.push(`=${column.formula(makeFormulaRow(env, shifted, targetRow))}`);
          formats.push(formatFor(column, unit));
          continue;
        }
        const cell = encodeValue(column, column.field ? row[column.field] : null, language, unit);
        values.push(cell.value);
        formats.push(cell.numberFormat);
      }
      const address = `${columnLetter(firstColumn)}${targetRow}:${columnLetter(firstColumn + table.columns.length - 1)}${targetRow}`;
      if (ws.protection.protected) ws.protection.unprotect();
      if (!lastIsEmpty) {
        // Grow first, then write: a failure in between leaves an empty table row, never a row outside the table.
        // Keep the table as wide as it is: a column a person added after the layout's stays in the table.
        const [start = "", end = start] = all.address.split("!").pop()!.split(":");
        t.resize(`${start}:${end.replace(/\d+$/, "")}${targetRow}`);
      }
      const range = ws.getRange(address);
      range.numberFormat = [formats];
      range.formulas = [values];
      if (ws.protection.protected) ws.protection.protect();
      await context.sync();
    });
  }

  return {
    async readPlan() {
      const result = await run((context) => readWorkbook(context, { formulaChecks: portOptions.formulaChecks }));
      if (result.plan) base = result.plan;
      return result;
    },

    async writePlan(plan, options) {
      return run(async (context) => {
        let read = await readWorkbook(context, { validate: false, formulaChecks: false });
        let syncs = read.syncs;
        const batchBytes = [...read.requestBytes];
        if (read.interrupted) {
          // Finish the save that stopped half-way before merging: its tables may be half-written, and a merge
          // against them would take the rows it had not yet written for rows deleted in Excel.
          // The base stays the plan the pane last had: rows the interrupted save was writing are then rows the
          // pane never saw, which the merge keeps (a newer base would take them for rows the pane deleted).
          const finished = await finishFrom(context, read);
          read = await readWorkbook(context, { validate: false, formulaChecks: false });
          syncs += finished.syncs + read.syncs;
          batchBytes.push(...finished.batchBytes, ...read.requestBytes);
        }
        // A PIP table whose column header is gone reads that column empty: every row would differ from the plan's and
        // be merged in again beside it (each check-in twice, found from outside). Refused before anything changes.
        const missing = read.findings.filter((f) => f.code === "COLUMN_MISSING" && f.location.sheet && f.location.cell);
        if (missing.length > 0) {
          const cells = missing.map((f) => `${f.location.sheet}!${f.location.cell}`).join(", ");
          throw new PreflightError("columnMissing", missing[0]!.location.sheet ?? null, preflightMessage("columnMissing", { cells }));
        }
        const incoming: Plan = { ...plan, header: { ...plan.header, language: options.language } };
        const merged = mergePlans(incoming, read.plan, base);
        const prepared = await prepareRewrite(context, read, merged.plan, options.language);
        const report = await guarded(context, () =>
          writeWorkbook(context, merged.plan, {
            ...options,
            asOf: options.asOf ?? portOptions.asOf ?? null,
            shape: read.shape,
            keptRows: merged.keptRows,
            extraColumns: prepared.extraColumns,
            savedAt: now(),
          }),
        );
        base = merged.plan;
        return {
          syncs: syncs + prepared.syncs + report.syncs,
          batchBytes: [...batchBytes, ...prepared.requestBytes, ...report.batchBytes],
          keptRows: report.keptRows,
        };
      });
    },

    async finishInterruptedSave() {
      return run(async (context) => {
        const read = await readWorkbook(context, { validate: false, formulaChecks: false });
        if (!read.interrupted) return null;
        const finished = await finishFrom(context, read);
        return { syncs: read.syncs + finished.syncs, batchBytes: [...read.requestBytes, ...finished.batchBytes], keptRows: 0 };
      });
    },

    addTrackingEntry(entry: TrackingEntry) {
      return appendRow("PIP_Tracking", entry);
    },

    addAdjustment(adjustment: Adjustment) {
      return appendRow("PIP_Adjustments", adjustment);
    },

    async refreshEvaluation() {
      // Read the plan as the workbook holds it (1 sync), then rewrite the Evaluation sheet's rows and re-bind its charts.
      await run(async (context) => {
        const read = await readWorkbook(context, { validate: false, formulaChecks: false });
        if (read.plan) await refreshEvaluationSheet(context, { plan: read.plan, tables: read.shape.tables });
      });
    },

    async runSelfTest(options) {
      const { runSelfTest } = await import(/* webpackChunkName: "self-test" */ "./self-test");
      return runSelfTest(run, options);
    },

    // The pane's "A copy for the employee" (src/taskpane/EmployeeCopy): opened as a new workbook, not downloaded.
    ...(copyHost ? { employeeCopy: () => makeEmployeeCopy(copyHost), employeeCopyOpens: true as const } : {}),

    async selectCell(sheet, cell) {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    },

    async highlightFindings(findings: Finding[]) {
      await run(async (context) => {
        const tables = context.workbook.tables;
        tables.load("items/name,items/worksheet/name");
        const meta = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
        await context.sync();
        if (meta.isNullObject) return;
        const sheetOfTable = new Map(tables.items.map((t) => [t.name, t.worksheet.name] as const));
        const keyOfSheet = new Map<string, number>();
        SHEETS.forEach((sheet, i) => {
          for (const table of sheet.tables) {
            const name = sheetOfTable.get(table.name);
            if (name !== undefined && !keyOfSheet.has(name)) keyOfSheet.set(name, i);
          }
        });
        const marks: string[][] = SHEETS.map(() => []);
        for (const finding of findings) {
          const { sheet, cell } = finding.location;
          if (!sheet || !cell) continue;
          const i = keyOfSheet.get(sheet);
          const list = i === undefined ? undefined : marks[i];
          if (list && !list.includes(cell)) list.push(cell);
        }
        const rows = Math.max(1, ...marks.map((m) => m.length));
        const first = markColumn(0);
        const lastCol = markColumn(SHEETS.length - 1);
        meta.getRange(`${first}2:${lastCol}${MARK_ROWS}`).clear("Contents" as Excel.ClearApplyTo);
        const grid = Array.from({ length: rows }, (_, r) => marks.map((m) => m[r] ?? ""));
        const area = meta.getRange(`${first}2:${lastCol}${rows + 1}`);
        area.numberFormat = grid.map((row) => row.map(() => "@"));
        area.values = grid;
        await context.sync();
      });
    },

    async onTablesChanged(handler: () => void) {
      let active = true;
      const registrations = await run(async (context) => {
        const tables = context.workbook.tables;
        tables.load("items/name");
        await context.sync();
        const results = tables.items
          .filter((t) => LAYOUT.tables.has(t.name as TableName))
          .map((t) =>
            t.onChanged.add(async () => {
              if (active) handler();
            }),
          );
        await context.sync();
        return results;
      });
      return () => {
        // The handler is silenced at once; unregistering needs the registering context, which has ended.
        active = false;
        for (const r of registrations) {
          try {
            r.remove();
            void r.context.sync().catch(() => undefined);
          } catch {
            // context closed: the handler stays registered but does nothing
          }
        }
      };
    },
  };
}

/**
 * Runs a write; when Excel fails it, says what the failure left. A failed sync does not end the request context
 * (Microsoft, "Error handling with the application-specific JavaScript APIs": commands queued after the failure
 * were not run; the context can queue and sync again), so the same context looks at the journal:
 * - its marker is there: the data had started to change — InterruptedSaveError (finish it; nothing is lost);
 * - no marker: the failure was in the preflight, before any change to what a person entered. Each PIP sheet is then
 *   unprotected on its own, so a password-protected one is named (PreflightError "sheetProtected"), and the sheets
 *   the preflight had unprotected are protected again.
 */
async function guarded<T>(context: Excel.RequestContext, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof PreflightError) throw error;
    throw await explainFailure(context, error);
  }
}

async function explainFailure(context: Excel.RequestContext, error: unknown): Promise<Error> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name,items/worksheet/name");
    const journal = sheets.getItemOrNullObject(JOURNAL_SHEET);
    await context.sync();
    if (!journal.isNullObject) {
      const used = journal.getUsedRange(true);
      used.load("values");
      await context.sync();
      const state = readJournal(used.values);
      if (state.state !== "none") return new InterruptedSaveError(readerMessage(state.state === "interrupted" ? "SAVE_INTERRUPTED" : "SAVE_JOURNAL_DAMAGED", { time: state.savedAt }), error);
    }
    const holders = [...new Set(tables.items.filter((t) => LAYOUT.tables.has(t.name as TableName)).map((t) => t.worksheet.name))];
    const protections = holders.map((name) => {
      const p = sheets.getItem(name).protection;
      p.load("protected");
      return { name, protection: p };
    });
    await context.sync();
    let locked: string | null = null;
    const unprotected: string[] = [];
    for (const { name, protection } of protections) {
      if (!protection.protected) continue;
      try {
        protection.unprotect();
        // One sheet at a time, and only after a failure: the sheet whose unprotect fails is the one with a password.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        unprotected.push(name);
      } catch {
        locked ??= name;
      }
    }
    for (const name of unprotected) sheets.getItem(name).protection.protect(SHEET_PROTECTION);
    if (unprotected.length > 0) await context.sync();
    if (locked !== null) return new PreflightError("sheetProtected", locked, preflightMessage("sheetProtected", { sheet: locked }));
    return new PreflightError("failed", null, preflightMessage("failed", { detail: errorText(error) }));
  } catch {
    return error instanceof Error ? error : new Error(String(error));
  }
}


/** Rows of the meta sheet cleared before new marks are written. */
const MARK_ROWS = 5000;

function columnIndexOfAddress(address: string): number {
  const a1 = address.split("!").pop() ?? "A1";
  return columnIndex(/^\$?([A-Za-z]+)/.exec(a1)?.[1] ?? "A");
}

export type { ReadResult };
