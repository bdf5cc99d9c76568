/**
 * The one typed port between the task pane and a workbook (vscode-mssql's webview habit).
 * Implemented once, over an `Excel.run`-shaped function: in Excel that is Office.js's `Excel.run`,
 * in the browser preview and the tests it is the in-memory Excel's `run` (src/memory-excel).
 */
import type { Adjustment, Language, Plan, TrackingEntry } from "../core/model";
import type { Finding } from "../core/findings";
import type { Localized } from "../i18n/findings";

export interface ReadResult {
  /** null when the workbook holds no PIP tables at all. */
  plan: Plan | null;
  /** Reader findings (bad cells, missing columns) and core validation findings, each with sheet + cell. */
  findings: Finding[];
  /** How many context.sync() calls the read took (budget: 1). */
  syncs: number;
}

export interface WriteReport {
  syncs: number;
  /** Bytes of each batch sent by sync (JSON of the queued requests, measured by the in-memory Excel). */
  batchBytes: number[];
  /** Rows kept from the workbook that the plan being written did not know about (never dropped). */
  keptRows: number;
}

export interface WriteOptions {
  language: Language;
  /** A fixed "as of" date for the workbook's status formulas; absent or null: the live =TODAY(). */
  asOf?: string | null;
  /** Report progress 0..1 while a long write runs. */
  onProgress?: (fraction: number) => void;
}

export interface WorkbookPort {
  readPlan(): Promise<ReadResult>;
  /** Write or update the whole plan; rows entered in Excel meanwhile are merged, never lost. */
  writePlan(plan: Plan, options: WriteOptions): Promise<WriteReport>;
  addTrackingEntry(entry: TrackingEntry): Promise<void>;
  addAdjustment(adjustment: Adjustment): Promise<void>;
  /**
   * Finish a save that stopped half-way (the reader's SAVE_INTERRUPTED finding): rewrite the workbook from the save
   * journal it holds. Resolves null when there is nothing to finish.
   */
  finishInterruptedSave(): Promise<WriteReport | null>;
  /** Rewrite the Evaluation sheet's rows for the current periods and re-bind its charts. */
  refreshEvaluation(): Promise<void>;
  /** Select a cell (sheet + A1 address) so the user sees what a finding points at. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Mark the findings' cells in the sheets (conditional format / fill), clearing old marks. */
  highlightFindings(findings: Finding[]): Promise<void>;
  /** Subscribe to edits of any PIP table (Excel's table onChanged); returns an unsubscribe function. */
  onTablesChanged(handler: () => void): Promise<() => void>;
}

/** A cell a rewrite would cover although a person's content is there (src/excel/rewrite.ts). */
export interface ConflictCell {
  sheet: string;
  cell: string;
  /**
   * "occupied": the new layout needs the cell; "noRoom": a user-added column would overlap PIPbook's next table;
   * "loose": a value typed in a user-added column on a table row that holds no plan data (it has no row to go to).
   */
  reason: "occupied" | "noRoom" | "loose";
}

/**
 * A save refused by its preflight (src/excel/preflight.ts) before any command that changes what a person entered:
 * a PIP sheet protected with a password, a table or defined name that Excel takes for a PIP table's (names ignore
 * case), a part larger than a request may be. `sheet` names where; `localized` says what to do.
 */
export class PreflightError extends Error {
  readonly code = "PreflightRefused";
  constructor(
    readonly reason: "sheetProtected" | "nameTaken" | "tooLarge" | "failed",
    readonly sheet: string | null,
    readonly localized: Localized,
  ) {
    super(localized["en-US"]);
    this.name = "PreflightError";
  }
}

/**
 * A save that stopped half-way (an Excel command failed after the save journal was written): the workbook holds
 * the journal, nothing entered is lost, and finishInterruptedSave (pane: "Finish the interrupted save"; CLI:
 * `pipbook repair`) completes it. `failure` is Excel's error.
 */
export class InterruptedSaveError extends Error {
  readonly code = "SaveInterrupted";
  constructor(
    readonly localized: Localized,
    readonly failure?: unknown,
  ) {
    super(localized["en-US"]);
    this.name = "InterruptedSaveError";
  }
}

/** writePlan refused before anything changed: `cells` must be moved or emptied first; `localized` says so. */
export class WorkbookConflictError extends Error {
  readonly code = "WorkbookConflict";
  constructor(
    readonly cells: ConflictCell[],
    readonly localized: Localized,
  ) {
    super(localized["en-US"]);
    this.name = "WorkbookConflictError";
  }
}
