/**
 * The one typed port between the task pane and a workbook (vscode-mssql's webview habit).
 * Implemented once, over an `Excel.run`-shaped function: in Excel that is Office.js's `Excel.run`,
 * in the browser preview and the tests it is the in-memory Excel's `run` (src/memory-excel).
 */
import type { Localized } from "../i18n/findings";
import type { ConflictCell } from "../port";

// The contract's types live in src/port (the task pane may import them, never src/excel); re-exported here for
// src/excel's own callers and the CLI. The errors below are runtime classes the port implementation throws.
export type { ConflictCell, ReadResult, WorkbookPort, WriteOptions, WriteReport } from "../port";

/**
 * A save refused by its preflight (src/excel/preflight.ts) before any command that changes what a person entered:
 * a PIP sheet protected with a password, a table or defined name that Excel takes for a PIP table's (names ignore
 * case), a part larger than a request may be. `sheet` names where; `localized` says what to do.
 */
export class PreflightError extends Error {
  readonly code = "PreflightRefused";
  constructor(
    readonly reason: "sheetProtected" | "nameTaken" | "tooLarge" | "columnMissing" | "failed",
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
