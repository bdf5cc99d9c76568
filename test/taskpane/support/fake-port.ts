/**
 * A small in-memory FAKE of the WorkbookPort for component tests (not the in-memory Excel of src/preview):
 * it stores one plan, returns the findings the test gives it, records every call, and lets a test fire the
 * table change event or make a call fail.
 */
import { deserialize, serialize } from "node:v8";
import type { Finding } from "../../../src/core/findings";
import type { Adjustment, Plan, TrackingEntry } from "../../../src/core/model";
import type { ReadResult, WorkbookPort, WriteOptions, WriteReport } from "../../../src/excel/port";

export interface FakePortCall {
  method: keyof WorkbookPort;
  args: unknown[];
}

export interface FakeWorkbookPort extends WorkbookPort {
  plan: Plan | null;
  findings: Finding[];
  calls: FakePortCall[];
  /** The next call of this method rejects with this error (once). */
  failNext: Partial<Record<keyof WorkbookPort, Error>>;
  /** While set, writePlan waits for this promise (to observe the busy state). */
  holdWrites: Promise<void> | null;
  fireTablesChanged(): void;
  callsOf(method: keyof WorkbookPort): unknown[][];
}

export function createFakeWorkbookPort(initial: { plan?: Plan | null; findings?: Finding[] } = {}): FakeWorkbookPort {
  const handlers = new Set<() => void>();
  const port: FakeWorkbookPort = {
    plan: initial.plan ? clone(initial.plan) : null,
    findings: initial.findings ?? [],
    calls: [],
    failNext: {},
    holdWrites: null,
    fireTablesChanged() {
      for (const h of handlers) h();
    },
    callsOf(method) {
      return port.calls.filter((c) => c.method === method).map((c) => c.args);
    },
    async readPlan(): Promise<ReadResult> {
      record("readPlan", []);
      return { plan: port.plan ? clone(port.plan) : null, findings: port.findings, syncs: 1 };
    },
    async writePlan(plan: Plan, options: WriteOptions): Promise<WriteReport> {
      record("writePlan", [clone(plan), { language: options.language }]);
      options.onProgress?.(0.5);
      if (port.holdWrites) await port.holdWrites;
      port.plan = clone(plan);
      options.onProgress?.(1);
      return { syncs: 3, batchBytes: [1], keptRows: 0 };
    },
    async addTrackingEntry(entry: TrackingEntry) {
      record("addTrackingEntry", [entry]);
      port.plan?.tracking.push(entry);
    },
    async finishInterruptedSave() {
      record("finishInterruptedSave", []);
      return null;
    },
    async addAdjustment(adjustment: Adjustment) {
      record("addAdjustment", [adjustment]);
      port.plan?.adjustments.push(adjustment);
    },
    async refreshEvaluation() {
      record("refreshEvaluation", []);
    },
    async selectCell(sheet: string, cell: string) {
      record("selectCell", [sheet, cell]);
    },
    async highlightFindings(findings: Finding[]) {
      record("highlightFindings", [findings]);
    },
    async onTablesChanged(handler: () => void) {
      record("onTablesChanged", []);
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
  function record(method: keyof WorkbookPort, args: unknown[]): void {
    port.calls.push({ method, args });
    const failure = port.failNext[method];
    if (failure) {
      delete port.failNext[method];
      throw failure;
    }
  }
  return port;
}

/** A deep copy (jsdom's test environment has no structuredClone; NaN survives, unlike a JSON round trip). */
function clone<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}
