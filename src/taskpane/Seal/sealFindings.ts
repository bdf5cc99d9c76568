/**
 * The reader's findings that say a signed plan was changed after signing (src/excel/seal.ts): the App shows the
 * seal banner when there is one. Tiny on purpose — it sits in the first chunk; the banner itself loads on demand.
 */
import type { Finding } from "../../core/findings";

export const SEAL_CODES: ReadonlySet<string> = new Set(["SEAL_CHANGED", "SEAL_ROW_ADDED", "SEAL_ROW_REMOVED", "SEAL_DAMAGED"]);

export function sealFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => SEAL_CODES.has(f.code));
}
