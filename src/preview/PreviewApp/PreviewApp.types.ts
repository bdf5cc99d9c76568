import type { WorkbookPort } from "../../excel/port";
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

export interface PreviewAppProps {
  workbook: PreviewWorkbook;
  /** The port over the in-memory Excel (the same implementation the add-in uses over Office.js). */
  port: WorkbookPort;
  /** Write DOMAIN.md's worked example into the workbook. */
  loadExample: () => Promise<void>;
  asOf?: string;
}
