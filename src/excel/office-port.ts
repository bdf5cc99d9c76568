/**
 * WorkbookPort over an `Excel.run`-shaped function: Office.js's `Excel.run` in Excel, the in-memory Excel's `run`
 * in the browser preview and in tests. Each method is one `run`; the port remembers the plan last read or written
 * (the "base") so that a write can tell rows typed in Excel since then from rows the task pane deleted.
 *
 * writePlan = read (1 sync) → merge (src/core/merge.ts: nothing entered is lost) → look at the cells the new
 * footprint takes and at the formulas of columns a person added (src/excel/rewrite.ts: 0 or 1 sync; a write that
 * would cover a person's cells is refused there, before anything changes) → write (1 sync for a normal plan).
 *
 * addTrackingEntry / addAdjustment append without `rows.add` (which conflicts under co-authoring): when the
 * table's last row is empty the entry fills it; otherwise the row is written directly below the table and the
 * table is resized over it with Table.resize (ExcelApi 1.13) where the host has it — on older hosts Excel's
 * AutoCorrect "include new rows in table" takes the row in, as it does when a person types below the table.
 * The Tracking and Adjustments sheets are left unprotected for exactly that reason (Excel does not grow a table
 * on a protected sheet).
 */
import type { Adjustment, Plan, TrackingEntry } from "../core/model";
import type { Finding } from "../core/findings";
import { mergePlans } from "../core/merge";
import type { ReadResult, WorkbookPort, WriteOptions, WriteReport } from "./port";
import { LAYOUT, META_SHEET, SHEETS, columnLetter, listTable, makeFormulaEnv, makeFormulaRow, defaultSheetNames, type ListTableDecl, type TableName } from "../workbook";
import { encodeValue, formatFor } from "./cells";
import { readPlan as readWorkbook, type ReaderResult } from "./reader";
import { markColumn, writePlan as writeWorkbook, type WriterOptions } from "./writer";
import { refreshEvaluation as refreshEvaluationSheet } from "./evaluation";
import { prepareRewrite } from "./rewrite";
import type { SelfTestOptions, SelfTestReport } from "./self-test";

/** The shape of `Excel.run` the port needs (the batch form). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WorkbookPortOptions {
  /** A fixed as-of date for writes (default: the workbook's live =TODAY()). */
  asOf?: string | null;
  /** Feature test for Table.resize (ExcelApi 1.13); default: Office's requirement-set check when Office is there. */
  canResizeTables?: () => boolean;
}

export interface PipWorkbookPort extends WorkbookPort {
  readPlan(): Promise<ReaderResult>;
  writePlan(plan: Plan, options: WriteOptions & Pick<WriterOptions, "asOf" | "maxBatchBytes">): Promise<WriteReport>;
  /** Diagnostics: the self-test (src/excel/self-test.ts, its own chunk) on temporary sheets of this workbook. */
  runSelfTest(options?: Pick<SelfTestOptions, "language">): Promise<SelfTestReport>;
}

function officeSupportsResize(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return Boolean(office?.context?.requirements?.isSetSupported("ExcelApi", "1.13"));
  } catch {
    return false;
  }
}

export function createWorkbookPort(run: ExcelRun, portOptions: WorkbookPortOptions = {}): PipWorkbookPort {
  let base: Plan | null = null;
  const canResize = portOptions.canResizeTables ?? officeSupportsResize;

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
      const range = ws.getRange(address);
      range.numberFormat = [formats];
      range.formulas = [values];
      if (!lastIsEmpty && canResize()) {
        // Keep the table as wide as it is: a column a person added after the layout's stays in the table.
        const [start, end] = all.address.split("!").pop()!.split(":");
        t.resize(`${start}:${end.replace(/\d+$/, "")}${targetRow}`);
      }
      if (ws.protection.protected) ws.protection.protect();
      await context.sync();
    });
  }

  return {
    async readPlan() {
      const result = await run((context) => readWorkbook(context));
      if (result.plan) base = result.plan;
      return result;
    },

    async writePlan(plan, options) {
      return run(async (context) => {
        const read = await readWorkbook(context, { validate: false });
        const incoming: Plan = { ...plan, header: { ...plan.header, language: options.language } };
        const merged = mergePlans(incoming, read.plan, base);
        const prepared = await prepareRewrite(context, read, merged.plan, options.language);
        const report = await writeWorkbook(context, merged.plan, {
          ...options,
          asOf: options.asOf ?? portOptions.asOf ?? null,
          snapshot: read.snapshot,
          keptRows: merged.keptRows,
          extraColumns: prepared.extraColumns,
        });
        base = merged.plan;
        return {
          syncs: read.syncs + prepared.syncs + report.syncs,
          batchBytes: [...read.requestBytes, ...prepared.requestBytes, ...report.batchBytes],
          keptRows: report.keptRows,
        };
      });
    },

    addTrackingEntry(entry: TrackingEntry) {
      return appendRow("PIP_Tracking", entry as unknown as Record<string, unknown>);
    },

    addAdjustment(adjustment: Adjustment) {
      return appendRow("PIP_Adjustments", adjustment as unknown as Record<string, unknown>);
    },

    async refreshEvaluation() {
      // Read the plan as the workbook holds it (1 sync), then rewrite the Evaluation sheet's rows and re-bind its charts.
      await run(async (context) => {
        const read = await readWorkbook(context, { validate: false });
        if (read.plan) await refreshEvaluationSheet(context, { plan: read.plan, tables: read.snapshot.tables });
      });
    },

    async runSelfTest(options) {
      const { runSelfTest } = await import(/* webpackChunkName: "self-test" */ "./self-test");
      return runSelfTest(run, options);
    },

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
          if (i !== undefined && !marks[i].includes(cell)) marks[i].push(cell);
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

/** Rows of the meta sheet cleared before new marks are written. */
const MARK_ROWS = 5000;

function columnIndexOfAddress(address: string): number {
  const a1 = address.split("!").pop() ?? "A1";
  const letters = /^\$?([A-Za-z]+)/.exec(a1)?.[1] ?? "A";
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export type { ReadResult };
