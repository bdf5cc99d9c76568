/**
 * The port contract: what the task pane and a workbook implementation (src/excel, over Office.js or the in-memory
 * Excel) say to each other — types only. Both sides import it; the task pane imports nothing else of src/excel
 * (docs/ARCHITECTURE.md's layer table, enforced by eslint.config.mjs).
 */
import type { Adjustment, Language, Plan, TrackingEntry } from "../core/model";
import type { Finding } from "../core/findings";

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

export type * from "./self-test";
