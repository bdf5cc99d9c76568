/**
 * The preview's view of what the task pane asks of the workbook: a WorkbookPort wrapper that passes every call
 * through and tells the preview which cell was selected and which cells hold findings, so the grid can show
 * them as Excel would (the selection, the marked cells).
 */
import type { Finding } from "../core/findings";
import type { Language } from "../i18n/language";
import type { WorkbookPort } from "../port";
import { canRunSelfTest } from "../taskpane/Diagnostics/Diagnostics.types";
import { canMakeEmployeeCopy } from "../taskpane/EmployeeCopy/EmployeeCopy.types";

export interface PortObserver {
  onSelect?: (sheet: string, cell: string) => void;
  onHighlight?: (findings: Finding[]) => void;
}

export function observePort(port: WorkbookPort, observer: PortObserver): WorkbookPort {
  return {
    readPlan: () => port.readPlan(),
    writePlan: (plan, options) => port.writePlan(plan, options),
    addTrackingEntry: (entry) => port.addTrackingEntry(entry),
    addAdjustment: (adjustment) => port.addAdjustment(adjustment),
    refreshEvaluation: () => port.refreshEvaluation(),
    finishInterruptedSave: () => port.finishInterruptedSave(),
    async selectCell(sheet, cell) {
      await port.selectCell(sheet, cell);
      observer.onSelect?.(sheet, cell);
    },
    async highlightFindings(findings) {
      await port.highlightFindings(findings);
      observer.onHighlight?.(findings);
    },
    onTablesChanged: (handler) => port.onTablesChanged(handler),
    // The pane's Diagnostics section runs the self-test through the port when the port has it.
    ...(canRunSelfTest(port) ? { runSelfTest: (options?: { language?: Language }) => port.runSelfTest(options) } : {}),
    // The pane's "A copy for the employee" through the port when the port has it (the preview's does).
    ...(canMakeEmployeeCopy(port) ? { employeeCopy: () => port.employeeCopy() } : {}),
  };
}
