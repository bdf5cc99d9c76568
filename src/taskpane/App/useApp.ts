/**
 * The pane's state and the only code that calls the WorkbookPort: the plan as read, its findings, the wizard's
 * draft, long writes with their progress, errors as MessageBars. Edits in the sheets (the port's table change
 * events) re-run the checks after a 500 ms pause, since a paste bypasses Excel's own data validation.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Finding } from "../../core/findings";
import type { Adjustment, Plan, TrackingEntry } from "../../core/model";
import type { WorkbookPort } from "../../port";
import type { UiKey } from "../../i18n/ui";
import { paneError } from "../ErrorBar/describeError";
import type { PaneError } from "../ErrorBar/ErrorBar.types";
import { planToWrite } from "../plan-merge";
import type { ActionPlace, BusyState, Notice, PaneController } from "./App.types";

export const CHECK_DEBOUNCE_MS = 500;

export function useApp(port: WorkbookPort, asOf: string): PaneController {
  const [phase, setPhase] = useState<"loading" | "ready">("loading");
  const [plan, setPlan] = useState<Plan | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [checks, setChecks] = useState(0);
  const [draft, setDraftState] = useState<Plan | null>(null);
  const [draftDirty, setDraftDirty] = useState(false);
  const [busy, setBusyState] = useState<BusyState | null>(null);
  const [error, setError] = useState<PaneError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  // Refs let the change handler (subscribed once) see the current state.
  const busyRef = useRef(false);
  const dirtyRef = useRef(false);
  const planRef = useRef<Plan | null>(null);
  const findingsRef = useRef<Finding[]>([]);
  const mounted = useRef(true);

  const setBusy = useCallback((next: BusyState | null) => {
    busyRef.current = next !== null;
    if (mounted.current) setBusyState(next);
  }, []);

  const read = useCallback(
    async (errorKey: UiKey): Promise<Plan | null> => {
      try {
        const result = await port.readPlan();
        if (!mounted.current) return result.plan;
        planRef.current = result.plan;
        findingsRef.current = result.findings;
        setPlan(result.plan);
        setFindings(result.findings);
        setChecks((n) => n + 1);
        if (result.plan && !dirtyRef.current) setDraftState(result.plan);
        if (result.plan) {
          // Marking cells is a write: table change events it may raise are ours, not the user's.
          const wasBusy = busyRef.current;
          busyRef.current = true;
          try {
            await port.highlightFindings(result.findings);
          } finally {
            busyRef.current = wasBusy;
          }
        }
        return result.plan;
      } catch (caught) {
        if (mounted.current) setError(paneError(errorKey, caught));
        return null;
      } finally {
        if (mounted.current) setPhase("ready");
      }
    },
    [port],
  );

  useEffect(() => {
    mounted.current = true;
    void read("error.read");
    return () => {
      mounted.current = false;
    };
  }, [read]);

  // The port listens to the PIP tables that exist when it subscribes, so subscribe again after each writePlan
  // (the first one creates the tables).
  const [subscription, setSubscription] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    port
      .onTablesChanged(() => {
        if (busyRef.current) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (!busyRef.current) void read("error.check");
        }, CHECK_DEBOUNCE_MS);
      })
      .then((off) => {
        if (cancelled) off();
        else unsubscribe = off;
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(paneError("error.read", caught));
      });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      unsubscribe?.();
    };
  }, [port, read, subscription]);

  const setDraft = useCallback((update: (draft: Plan) => Plan, fresh: Plan) => {
    dirtyRef.current = true;
    setDraftDirty(true);
    setDraftState((current) => update(current ?? fresh));
  }, []);

  /** Runs one write with the busy flag set, then reads the workbook again. */
  const write = useCallback(
    async (busyKey: UiKey, errorKey: UiKey, action: (onProgress: (f: number) => void) => Promise<unknown>, place?: ActionPlace): Promise<boolean> => {
      if (busyRef.current) return false;
      setBusy({ key: busyKey, progress: null, place });
      setError(null);
      setNotice(null);
      try {
        await action((fraction) => {
          if (mounted.current) setBusyState({ key: busyKey, progress: Math.max(0, Math.min(1, fraction)), place });
        });
      } catch (caught) {
        setBusy(null);
        if (mounted.current) setError(paneError(errorKey, caught));
        return false;
      }
      setBusy(null);
      await read("error.read");
      return true;
    },
    [read, setBusy],
  );

  const saveDraft = useCallback(async (fresh: Plan) => {
    const existed = planRef.current !== null;
    const toWrite = planToWrite(draft ?? fresh, planRef.current);
    dirtyRef.current = false;
    const ok = await write("writing", "error.write", (onProgress) =>
      port.writePlan(toWrite, { language: toWrite.header.language, onProgress }),
      "wizard",
    );
    if (!ok) {
      dirtyRef.current = true;
      return false;
    }
    setSubscription((n) => n + 1);
    setDraftDirty(false);
    const remaining = findingsRef.current.length;
    const parts: Notice["parts"] = [{ key: existed ? "wizard.saved" : "wizard.created" }];
    if (remaining > 0) parts.push({ key: "wizard.remaining", params: { count: remaining } });
    setNotice({ intent: remaining > 0 ? "warning" : "success", parts, place: "wizard", next: "tracking" });
    return true;
  }, [draft, port, write]);

  const saveEvaluation = useCallback(
    async (evaluation: Plan["evaluation"]) => {
      const latest = planRef.current;
      if (!latest) return false;
      const toWrite = { ...latest, evaluation };
      const ok = await write("writing", "error.write", (onProgress) =>
        port.writePlan(toWrite, { language: toWrite.header.language, onProgress }),
        "decision",
      );
      if (ok) {
        setSubscription((n) => n + 1);
        setNotice({ intent: "success", parts: [{ key: "evaluate.decisionSaved" }], place: "decision" });
      }
      return ok;
    },
    [port, write],
  );

  const addTrackingEntry = useCallback(
    async (entry: TrackingEntry) => {
      const ok = await write("working", "error.tracking", () => port.addTrackingEntry(entry), "checkin");
      if (ok) setNotice({ intent: "success", parts: [{ key: "tracking.added" }], place: "checkin" });
      return ok;
    },
    [port, write],
  );

  const addTrackingEntries = useCallback(
    async (entries: TrackingEntry[]) => {
      const ok = await write(
        "working",
        "error.tracking",
        async () => {
          for (const entry of entries) await port.addTrackingEntry(entry);
        },
        "checkin",
      );
      if (ok) setNotice({ intent: "success", parts: [{ key: "tracking.addedMany", params: { count: entries.length } }], place: "checkin" });
      return ok;
    },
    [port, write],
  );

  const replaceTracking = useCallback(
    async (tracking: TrackingEntry[], change: "edited" | "deleted") => {
      const latest = planRef.current;
      if (!latest) return false;
      const toWrite = { ...latest, tracking };
      const ok = await write(
        "writing",
        "error.tracking",
        (onProgress) => port.writePlan(toWrite, { language: toWrite.header.language, onProgress }),
        "history",
      );
      if (ok) {
        setSubscription((n) => n + 1);
        setNotice({ intent: "success", parts: [{ key: change === "edited" ? "history.edited" : "history.deleted" }], place: "history" });
      }
      return ok;
    },
    [port, write],
  );

  const addAdjustment = useCallback(
    async (adjustment: Adjustment) => {
      const ok = await write("working", "error.adjustment", () => port.addAdjustment(adjustment), "adjustment");
      if (ok) setNotice({ intent: "success", parts: [{ key: "adjustment.recorded" }], place: "adjustment" });
      return ok;
    },
    [port, write],
  );

  const refreshEvaluation = useCallback(async () => {
    const ok = await write("working", "error.refresh", () => port.refreshEvaluation(), "refresh");
    if (ok) setNotice({ intent: "success", parts: [{ key: "evaluate.refreshed" }], place: "refresh" });
    return ok;
  }, [port, write]);

  const finishInterruptedSave = useCallback(async () => {
    const ok = await write("writing", "error.finishSave", () => port.finishInterruptedSave());
    if (ok) setNotice({ intent: "success", parts: [{ key: "save.finished" }] });
    return ok;
  }, [port, write]);

  const check = useCallback(async () => {
    if (busyRef.current) return;
    setBusy({ key: "check.running", progress: null });
    setError(null);
    try {
      await read("error.check");
    } finally {
      setBusy(null);
    }
  }, [read, setBusy]);

  const selectCell = useCallback(
    async (sheet: string, cell: string) => {
      try {
        await port.selectCell(sheet, cell);
      } catch (caught) {
        if (mounted.current) setError(paneError("error.select", caught));
      }
    },
    [port],
  );

  const dismissError = useCallback(() => setError(null), []);
  const dismissNotice = useCallback(() => setNotice(null), []);

  return useMemo(
    () => ({
      asOf,
      phase,
      plan,
      findings,
      checks,
      draft,
      draftDirty,
      setDraft,
      busy,
      error,
      notice,
      dismissError,
      dismissNotice,
      check,
      saveDraft,
      saveEvaluation,
      addTrackingEntry,
      addTrackingEntries,
      replaceTracking,
      addAdjustment,
      refreshEvaluation,
      finishInterruptedSave,
      selectCell,
    }),
    [asOf, phase, plan, findings, checks, draft, draftDirty, setDraft, busy, error, notice, dismissError, dismissNotice, check, saveDraft, saveEvaluation, addTrackingEntry, addTrackingEntries, replaceTracking, addAdjustment, refreshEvaluation, finishInterruptedSave, selectCell],
  );
}
