import type { UiKey } from "../../i18n/ui";
import type { Localized } from "../../i18n/findings";

/** A problem to show the user: a plain sentence (by key, in their language) and the technical details on demand. */
export interface PaneError {
  /** The sentence, e.g. "error.write": "The plan could not be written to the workbook." */
  key: UiKey;
  /** The error's name, code and message as Office.js or the port reported them. */
  details: string;
  /** A sentence the port wrote for the user (e.g. which cells block a rewrite): shown instead of `key`'s. */
  message?: Localized;
  /** "finishSave": the save stopped half-way (InterruptedSaveError); the bar offers to finish it. */
  action?: "finishSave";
}

export interface ErrorBarProps {
  error: PaneError;
  onDismiss: () => void;
  /** Finishes an interrupted save (shown when `error.action` is "finishSave"). */
  onFinishSave?: () => void;
}

export interface NoticeBarProps {
  /** Already translated text. */
  text: string;
  intent: "success" | "info" | "warning";
  onDismiss?: () => void;
}
