/**
 * A save failed at any command loses nothing, for 20 seeded random plans (a four-week window keeps each save small):
 * a new plan, more rows, a language switch, failed at 25 sampled command indexes each (every index with
 * PIPBOOK_FAULTS=full). crash-safe-support.ts says how a point is checked.
 */
import fc from "fast-check";
import { arbValidPlan } from "../support/arbitraries";
import { FULL, newTally, reportAfterAll, scenariosFor, sweep } from "./crash-safe-support";

const totals = newTally();
reportAfterAll(totals, "20 random plans");

test("20 seeded random plans: new / more rows / language switch, failed at sampled commands, lose nothing", async () => {
  const window = { start: "2024-04-01", end: "2024-04-28" };
  const plans = fc.sample(arbValidPlan({ goals: { max: 2 }, actionsPerGoal: { max: 2 }, tracking: { max: 6 }, window }), { numRuns: 20, seed: 20261201 });
  for (const [i, p] of plans.entries()) {
    const all = scenariosFor(`random ${i}`, p);
    for (const scenario of [all[0], all[2], all[4]]) await sweep(scenario, FULL ? Infinity : 25, 1000 + i, totals);
  }
  expect(totals.failures).toEqual([]);
  expect(totals.lost).toBe(0);
  expect(totals.points).toBeGreaterThanOrEqual(20 * 3 * 20);
}, 900_000);
