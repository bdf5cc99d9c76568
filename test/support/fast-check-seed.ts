/**
 * Replays a property-test failure from CI: `FC_SEED=499168316 npx jest test/excel/reader-fuzz.test.ts` runs every
 * property with the seed fast-check printed (FC_PATH too, to jump straight to the shrunk counterexample).
 * Without FC_SEED each run draws a fresh seed, as fast-check does by default.
 */
import fc from "fast-check";

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== "") {
  fc.configureGlobal({ seed: Number(seed), ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) });
}
