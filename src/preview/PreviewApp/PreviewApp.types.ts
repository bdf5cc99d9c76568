import type { Language } from "../../i18n/language";
import type { WorkbookPort } from "../../port";
import type { GridWorkbook } from "../grid-model";

/** The in-memory workbook as the preview page sees it. */
export interface PreviewWorkbook {
  /** The sheets as they are now (computed values, fills, charts). */
  grid(): GridWorkbook;
  /**
   * Put text into one cell as a user would: Excel's coercion, then the table change events. "type" is refused
   * by a Stop-style data validation rule (it rejects with the rule's message); "paste" is not, as in Excel.
   */
  typeInto(sheet: string, cell: string, text: string, mode: "type" | "paste"): Promise<void>;
  /** Called after any change of the workbook; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
}

/** Whether the workbook is kept in this browser: kept, too large for the storage, storage off, nothing yet. */
export type KeepStatus = "kept" | "full" | "unavailable" | "none";

/** What the page does with the workbook as a whole: keep it across reloads, forget it, save or open a file. */
export interface PreviewKeeping {
  status: () => KeepStatus;
  onStatus: (listener: (status: KeepStatus) => void) => () => void;
  /** The pane's language changed: keep it with the workbook. */
  setLanguage: (language: Language) => void;
  /** Forget the kept workbook and start from an empty one. */
  startOver: () => void;
  /** The workbook as .xlsx bytes (the CLI's writer). */
  toXlsx: () => Promise<Uint8Array>;
  /** Replace the workbook with an .xlsx file's (the CLI's reader). */
  openXlsx: (bytes: Uint8Array) => Promise<void>;
}

export interface PreviewAppProps {
  workbook: PreviewWorkbook;
  /** The port over the in-memory Excel (the same implementation the add-in uses over Office.js). */
  port: WorkbookPort;
  /** Write DOMAIN.md's worked example into the workbook. */
  loadExample: () => Promise<void>;
  asOf?: string;
  keeping?: PreviewKeeping;
}
