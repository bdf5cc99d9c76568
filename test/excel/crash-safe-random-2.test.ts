/**
 * A save failed at any command loses nothing, for the last ten of the 20 seeded random plans (the first ten:
 * crash-safe-random.test.ts): every kind of save — a new plan, same size, more rows, fewer rows, a language switch,
 * a check-in and an adjustment from the pane, the Evaluation refresh — failed at every sync's first two and last two
 * commands and seeded ones between, 15 a save (all of a smaller save; every index with PIPBOOK_FAULTS=full).
 * crash-safe-support.ts says how a point is checked.
 */
import { randomPlansTest } from "./crash-safe-support";

randomPlansTest(10);
