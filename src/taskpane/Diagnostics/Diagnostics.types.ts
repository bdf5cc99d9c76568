import type { SelfTestOptions, SelfTestReport } from "../../port";

/**
 * A WorkbookPort that can run the self-test (src/excel/office-port.ts's port does, in Excel and in the preview).
 * A port without it (a test's fake port) gets no Diagnostics section.
 */
export interface SelfTestCapable {
  runSelfTest(options?: Pick<SelfTestOptions, "language">): Promise<SelfTestReport>;
}

export function canRunSelfTest(port: unknown): port is SelfTestCapable {
  return typeof (port as Partial<SelfTestCapable> | null)?.runSelfTest === "function";
}

/** What the section shows: nothing run yet, running, a report, or the error that stopped the run. */
export type DiagnosticsState =
  | { phase: "idle" }
  | { phase: "running" }
  | { phase: "done"; report: SelfTestReport }
  | { phase: "crashed"; message: string };
