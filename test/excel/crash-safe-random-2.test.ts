/**
 * A save failed at any command loses nothing, for the last ten of the 20 seeded random plans (the first ten:
 * crash-safe-random.test.ts): every kind of save — a new plan, same size, more rows, fewer rows, a language switch,
 * a check-in and an adjustment from the pane, the Evaluation refresh — failed at every sync's first two and last two
 * commands and seeded ones between, 15 a save (all of a smaller save) (every index with PIPBOOK_FAULTS=full).
 * crash-safe-support.ts says how a point is checked.
 */
import { newTally, reportAfterAll, sweepRandomPlans } from "./crash-safe-support";

const totals = newTally();
reportAfterAll(totals, "random plans 11–20");

test("random plans 11–20: every kind of save, failed at every sync's edges and sampled commands, loses nothing", async () => {
  const saves = await sweepRandomPlans([10, 11, 12, 13, 14, 15, 16, 17, 18, 19], 15, totals);
  expect(saves).toBe(10 * 8);
  expect(totals.failures).toEqual([]);
  expect(totals.lost).toBe(0);
  // issue 10: at least 2,000 injection points in CI — here and in crash-safe-random.test.ts ≥ 1,000 each (1,033 and 1,034 on 2026-12-01), 500 in crash-safe.test.ts
  expect(totals.points).toBeGreaterThanOrEqual(1_000);
  expect(totals.edges).toBeGreaterThanOrEqual(saves * 10);
}, 900_000);
