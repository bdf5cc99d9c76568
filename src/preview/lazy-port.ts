/**
 * The preview's ports without the writer in preview.js (issue 16 item 3): the first paint needs only the reader.
 * `readerOnlyPort` answers a read with src/excel/reader.ts alone (the quick first read of a new workbook);
 * `lazyWorkbookPort` loads the whole office-port (writer, Evaluation, charts, merge: its own chunk) on first use
 * and then forwards every call to it, so the pane sees one ordinary WorkbookPort.
 */
import type { ExcelRun } from "../excel/office-port";
import { readPlan as readWorkbook } from "../excel/reader";
import type { Language } from "../i18n/language";
import type { WorkbookPort } from "../port";
import type { SelfTestReport } from "../excel/self-test";

/** A port that only reads (what portWithQuickFirstRead's `quick` is asked for). */
export function readerOnlyPort(run: ExcelRun, options: { formulaChecks?: boolean } = {}): Pick<WorkbookPort, "readPlan"> {
  return { readPlan: () => run((context) => readWorkbook(context, { formulaChecks: options.formulaChecks })) };
}

type FullPort = WorkbookPort & { runSelfTest(options?: { language?: Language }): Promise<SelfTestReport> };

/** The port `load` makes, loaded at the first call (or at `preload()`), every method forwarded to it. */
export function lazyWorkbookPort(load: () => Promise<FullPort>): FullPort & { preload(): Promise<unknown> } {
  let loading: Promise<FullPort> | null = null;
  const port = () => (loading ??= load());
  return {
    preload: () => port(),
    readPlan: async () => (await port()).readPlan(),
    writePlan: async (plan, options) => (await port()).writePlan(plan, options),
    addTrackingEntry: async (entry) => (await port()).addTrackingEntry(entry),
    addAdjustment: async (adjustment) => (await port()).addAdjustment(adjustment),
    refreshEvaluation: async () => (await port()).refreshEvaluation(),
    finishInterruptedSave: async () => (await port()).finishInterruptedSave(),
    selectCell: async (sheet, cell) => (await port()).selectCell(sheet, cell),
    highlightFindings: async (findings) => (await port()).highlightFindings(findings),
    onTablesChanged: async (handler) => (await port()).onTablesChanged(handler),
    runSelfTest: async (options) => (await port()).runSelfTest(options),
  };
}
