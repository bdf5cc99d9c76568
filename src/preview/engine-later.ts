/**
 * The preview's in-memory Excel with its formula engine loaded after the first paint (issue 16: the pane paints
 * before HyperFormula, about two thirds of the preview's script, is fetched, parsed and built).
 *
 * Until the engine is ready the page has the workbook it starts from (empty, or the one kept in this browser, whose
 * snapshot holds the computed values and text): the grid draws it, and it can be kept or saved as a file. Every run,
 * every typed cell and every opened file waits for the engine-backed workbook, with one exception: a workbook with
 * no table, no formula and no defined name has nothing a formula engine would compute, so the pane's first read
 * (`readPlan`) of it runs at once on an engine-less copy (it finds no PIP table either way). The page starts the
 * engine after the first view has painted; typing, opening a file and loading the example start it at once; a run
 * only waits for it (the pane subscribes to table events while it mounts, which must not pull the engine in early).
 */
import type { Language } from "../i18n/language";
import type { WorkbookPort } from "../port";
import { canRunSelfTest } from "../taskpane/Diagnostics/Diagnostics.types";
import { createMemoryExcel, type ChangeNotice, type FormulaEngine, type MemoryExcel, type WorkbookSnapshot } from "../memory-excel";

export interface EngineLaterOptions {
  /** The kept workbook to start from, or null for a new one. */
  saved: WorkbookSnapshot | null;
  /** Loads and builds the formula engine (a dynamic import, so it is its own chunk). */
  loadEngine: () => Promise<FormulaEngine>;
}

export interface EngineLaterExcel {
  /** The workbook as it is now: before the engine is ready, the one the page started from. */
  snapshot(): WorkbookSnapshot;
  /** The engine-backed workbook; starts the engine if nobody has yet. */
  ready(): Promise<MemoryExcel>;
  /** Whether the engine-backed workbook exists yet. */
  isReady(): boolean;
  /** Starts loading the engine (idempotent); resolves when it computes the workbook. */
  startEngine(): Promise<MemoryExcel>;
  /** Changes of the engine-backed workbook (and one notice when it replaces a starting workbook with formulas). */
  onChange(listener: (notice: ChangeNotice) => void): () => void;
  /** Like MemoryExcel.run, on the engine-backed workbook, once someone has started the engine. */
  run: MemoryExcel["run"];
  /** True when the starting workbook has nothing to compute: no table, no formula, no defined name. */
  readonly startsEmpty: boolean;
  /** An engine-less copy of the starting workbook, for the one first read (null unless startsEmpty). */
  readonly withoutEngine: MemoryExcel | null;
}

/** Nothing for a formula engine to compute and no PIP table to read: no table, no formula, no defined name. */
export function hasNothingToCompute(snapshot: WorkbookSnapshot | null): boolean {
  if (!snapshot) return true;
  return snapshot.tables.length === 0 && snapshot.names.length === 0 && snapshot.sheets.every((sheet) => sheet.cells.every((cell) => cell.formula === undefined));
}

export function createEngineLaterExcel(options: EngineLaterOptions): EngineLaterExcel {
  const startsEmpty = hasNothingToCompute(options.saved);
  const starting = createMemoryExcel();
  if (options.saved) starting.loadSnapshot(options.saved);
  // The kept snapshot itself carries the values its formulas had; an engine-less load would read them as null.
  const startingSnapshot = options.saved ?? starting.snapshot();
  const listeners = new Set<(notice: ChangeNotice) => void>();
  let engineExcel: MemoryExcel | null = null;
  let loading: Promise<MemoryExcel> | null = null;
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));

  const startEngine = () => {
    markStarted();
    loading ??= options.loadEngine().then((engine) => {
      const excel = createMemoryExcel({ engine });
      if (options.saved) excel.loadSnapshot(options.saved);
      excel.onChange((notice) => listeners.forEach((l) => l(notice)));
      engineExcel = excel;
      // Formulas are now computed here (a TODAY() may differ from the kept value): the grid redraws.
      if (!startsEmpty) listeners.forEach((l) => l({ source: "api", sheets: excel.snapshot().sheets.map((s) => s.name), kinds: ["structure"] }));
      return excel;
    });
    return loading;
  };

  return {
    snapshot: () => (engineExcel ? engineExcel.snapshot() : startingSnapshot),
    ready: startEngine,
    isReady: () => engineExcel !== null,
    startEngine,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // A run waits for the engine without starting it: the pane subscribes to table events while it mounts, and
    // that must not pull HyperFormula in before the first view has painted.
    run: async (batch) => {
      await started;
      return (await startEngine()).run(batch);
    },
    startsEmpty,
    withoutEngine: startsEmpty ? starting : null,
  };
}

/**
 * The port the pane gets: `port` (over the engine-backed workbook) for everything, except the first read of a
 * workbook with nothing to compute before the engine is ready, which `quick` (over the engine-less copy) answers.
 */
export function portWithQuickFirstRead(port: WorkbookPort, quick: Pick<WorkbookPort, "readPlan"> | null, excel: Pick<EngineLaterExcel, "isReady">): WorkbookPort {
  let firstRead = quick !== null;
  const wrapped: WorkbookPort = {
    readPlan: () => {
      const useQuick = firstRead && quick !== null && !excel.isReady();
      firstRead = false;
      return useQuick ? quick.readPlan() : port.readPlan();
    },
    writePlan: (plan, options) => port.writePlan(plan, options),
    addTrackingEntry: (entry) => port.addTrackingEntry(entry),
    addAdjustment: (adjustment) => port.addAdjustment(adjustment),
    refreshEvaluation: () => port.refreshEvaluation(),
    finishInterruptedSave: () => port.finishInterruptedSave(),
    selectCell: (sheet, cell) => port.selectCell(sheet, cell),
    highlightFindings: (findings) => port.highlightFindings(findings),
    onTablesChanged: (handler) => port.onTablesChanged(handler),
  };
  // The pane's Diagnostics section runs the self-test through the port when the port has it (as observePort does).
  if (canRunSelfTest(port)) return Object.assign(wrapped, { runSelfTest: (options?: { language?: Language }) => port.runSelfTest(options) });
  return wrapped;
}
