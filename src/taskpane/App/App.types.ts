import type { Finding } from "../../core/findings";
import type { Adjustment, Plan, TrackingEntry } from "../../core/model";
import type { UiKey, UiParams } from "../../i18n/ui";
import type { PaneError } from "../ErrorBar/ErrorBar.types";

export type ViewName = "plan" | "tracking" | "check" | "evaluate";

/** What each view receives from the pane's frame. */
export interface ViewProps {
  controller: PaneController;
  /** Open another view (the "Go to Tracking" after Create). */
  navigate?: (view: ViewName) => void;
}

export interface AppProps {
  /** The "as of" date for tracking and evaluation (ISO); defaults to today. The preview can pin it. */
  asOf?: string;
  /** The view shown first. */
  initialView?: ViewName;
}

/** Where an action's button sits, so its progress and its result show there (not at the top of the pane). */
export type ActionPlace = "wizard" | "checkin" | "history" | "adjustment" | "refresh" | "decision" | "check";

/** A long write in progress: which one, and how far (0..1) when the port reports it. */
export interface BusyState {
  key: UiKey;
  progress: number | null;
  place?: ActionPlace;
}

/** A message after an action; kept as keys so it follows a language switch. */
export interface Notice {
  parts: { key: UiKey; params?: UiParams }[];
  intent: "success" | "info" | "warning";
  /** Shown beside the button of that place; absent: at the top. */
  place?: ActionPlace;
  /** The next step, offered as a button ("Go to Tracking"). */
  next?: ViewName;
}

/** Everything the views read, and the only ways they change the workbook. */
export interface PaneController {
  asOf: string;
  /** "loading" until the first read of the workbook has finished. */
  phase: "loading" | "ready";
  /** The plan as last read from the workbook (null: none there yet). */
  plan: Plan | null;
  /** The findings of the last read (reader + validation), with sheet and cell. */
  findings: Finding[];
  /** How many times the workbook has been checked (0: not yet). */
  checks: number;
  /** The wizard's working copy (stages 1–5); null until the wizard starts a new plan or one is read. */
  draft: Plan | null;
  draftDirty: boolean;
  /** Change the draft; `fresh` is the new plan to start from when there is no draft yet. */
  setDraft: (update: (draft: Plan) => Plan, fresh: Plan) => void;
  busy: BusyState | null;
  error: PaneError | null;
  notice: Notice | null;
  dismissError: () => void;
  dismissNotice: () => void;
  /** Read the workbook again: plan + findings, and mark the findings' cells. */
  check: () => Promise<void>;
  /** Create or update the plan from the draft (or `fresh` when nothing was typed yet); resolves true when written. */
  saveDraft: (fresh: Plan) => Promise<boolean>;
  /** Write the plan with a new stage-7 evaluation. */
  saveEvaluation: (evaluation: Plan["evaluation"]) => Promise<boolean>;
  addTrackingEntry: (entry: TrackingEntry) => Promise<boolean>;
  /** Several check-ins of one date (a row per goal), written one after the other; resolves true when all are in. */
  addTrackingEntries: (entries: TrackingEntry[]) => Promise<boolean>;
  /**
   * Correct or delete past check-ins: the plan as last read with this Tracking log, written like every write
   * (merged by row content, so rows typed in Excel meanwhile are kept).
   */
  replaceTracking: (tracking: TrackingEntry[], change: "edited" | "deleted") => Promise<boolean>;
  addAdjustment: (adjustment: Adjustment) => Promise<boolean>;
  refreshEvaluation: () => Promise<boolean>;
  /** Finishes a save that stopped half-way, from the journal the workbook holds (WorkbookPort.finishInterruptedSave). */
  finishInterruptedSave: () => Promise<boolean>;
  selectCell: (sheet: string, cell: string) => Promise<void>;
}
