/**
 * Packing queued steps into sync batches under a byte budget (Excel on the web rejects requests over 5 MB).
 * Shared by the writer and the Evaluation sheet's refresh.
 */

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
