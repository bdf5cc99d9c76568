/**
 * Files the tests read from ../shared, the repository cloned beside this one (schemas that are not ours to ship:
 * the Office add-in manifest XSDs, ECMA-376's transitional XSDs). CI's .ci/run runs where ../shared is present, so
 * these tests stay required; on a machine without it, they fail with this sentence instead of an ENOENT or a
 * validator's exit code.
 */
import { existsSync } from "node:fs";
import path from "node:path";

/** ../shared, beside the repository root. */
export const SHARED_ROOT = path.resolve(__dirname, "..", "..", "..", "shared");

/** The sentence a test fails with when `relative` (a path inside ../shared) is missing. */
export function missingSharedMessage(relative: string): string {
  return (
    `this test needs ../shared/${relative} (looked for ${path.join(SHARED_ROOT, relative)}), which is missing: ` +
    "clone the shared repository beside this one (CI's .ci/run runs with ../shared in place)"
  );
}

/** The absolute path of `relative` inside ../shared; throws missingSharedMessage when it is not there. */
export function sharedPath(relative: string): string {
  const absolute = path.join(SHARED_ROOT, relative);
  if (!existsSync(absolute)) throw new Error(missingSharedMessage(relative));
  return absolute;
}
