/**
 * The one byte budget of a save (and of the Evaluation sheet's refresh): how big a request may be, how the writer
 * estimates what it queues, and how queued steps are packed into sync batches under the budget.
 *
 * Excel on the web refuses a request over 5 MB (OfficeDev/office-js-docs-pr issue 2846; "Resource limits and
 * performance optimization for Office Add-ins": https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * section "Excel add-ins").
 * The writer stays under 4 MB per batch, with room for what its estimate does not count. The estimate is an upper
 * bound of the UTF-8 JSON of the queued commands, which is what the in-memory Excel measures.
 */
import { utf8Length } from "../../a1";

/** Excel on the web's request limit: a single command may not exceed it (the preflight refuses such a step). */
export const REQUEST_LIMIT_BYTES = 5_000_000;
/** Upper bound of the estimated request bytes per batch (the default of SaveInput.maxBatchBytes). */
export const DEFAULT_MAX_BATCH_BYTES = 4_000_000;
/** Estimated bytes of one queued command beyond its values (object path, method name, ids). */
export const COMMAND_BYTES = 160;
/** A probe's request: a few collection loads. */
export const PROBE_BYTES = 200;

/** UTF-8 bytes of a value's JSON: what a 2-D `values`/`formulas`/`numberFormat` assignment adds to a request. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/** Queued commands with their estimated request bytes; `sheet` names where, for the preflight's "too large". */
export interface Step {
  bytes: number;
  run: () => void;
  sheet?: string;
}

/** Batches of steps under `maxBytes` each, in order (a step larger than that is a batch of its own). */
export function packSteps<T extends { bytes: number }>(steps: readonly T[], maxBytes: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const step of steps) {
    if (current.length > 0 && bytes + step.bytes > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(step);
    bytes += step.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
