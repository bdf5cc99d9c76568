/**
 * Core benchmark: analyzePlan over 1k, 10k, 100k and 1M tracking rows spread over 20 goals and a one-year weekly
 * plan. Data is generated deterministically (a seeded PRNG) before timing; each size is warmed up, then timed
 * several times and the median is reported. `growth` is msPerRow against the previous size (≈ 1 means linear).
 *
 * Alone: `npx tsx bench/core.bench.ts` prints a table.
 */
import { pathToFileURL } from "node:url";
import { analyzePlan } from "../src/core/analysis";
import { dayToIso, isoToDay } from "../src/core/dates";
import type { Goal, Plan, TrackingEntry } from "../src/core/model";

export interface Row {
  name: string;
  rows: number;
  /** Median wall time of one analyzePlan call, in milliseconds. */
  ms: number;
  msPerRow: number;
  /** msPerRow divided by the previous size's msPerRow; null for the first size. */
  growth: number | null;
}

const GOALS = 20;
const PLAN_START = "2024-01-01";
const PLAN_END = "2024-12-31";
const AS_OF = "2024-09-15";

/** mulberry32: a small seeded PRNG, so every run analyses the same rows. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchPlan(rows: number, seed = 42): Plan {
  const random = prng(seed);
  const aggregations: Goal["aggregation"][] = ["sum", "average", "latest"];
  const goals: Goal[] = Array.from({ length: GOALS }, (_, i) => ({
    id: `G${i + 1}`,
    title: `Goal ${i + 1}`,
    metric: "",
    unit: "",
    baseline: 10,
    target: 50 + i,
    direction: i % 4 === 3 ? "decrease" : "increase",
    aggregation: aggregations[i % 3],
    weight: 1 / GOALS,
    dueDate: PLAN_END,
    method: i % 5 === 4 ? "progress" : "ratio",
  }));
  const first = isoToDay(PLAN_START)!;
  const days = isoToDay(PLAN_END)! - first + 1;
  const dates = Array.from({ length: days }, (_, k) => dayToIso(first + k));
  const tracking: TrackingEntry[] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    tracking[r] = {
      date: dates[Math.floor(random() * days)],
      goalId: goals[Math.floor(random() * GOALS)].id,
      actual: Math.round(random() * 10_000) / 100,
      note: "",
      coachFeedback: "",
      enteredBy: "",
    };
  }
  return {
    schemaVersion: 1,
    header: {
      title: "bench",
      employeeName: "李娜",
      employeeId: "E1",
      department: "",
      position: "",
      manager: "王强",
      hrPartner: "",
      planStart: PLAN_START,
      planEnd: PLAN_END,
      cadence: "weekly",
      scenario: "post-review",
      language: "zh-CN",
    },
    gaps: [],
    goals,
    causes: [],
    actions: [],
    resources: [],
    responsibilities: [],
    signOff: [],
    tracking,
    adjustments: [],
    evaluation: { date: null, outcome: null, decision: null, measuresToStandardise: "", reasons: "", extensionEnd: null, notes: "" },
    thresholds: { onTrack: 0.9, atRisk: 0.7, met: 1, partiallyMet: 0.8 },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export async function benchCore(sizes: number[] = [1_000, 10_000, 100_000, 1_000_000]): Promise<Row[]> {
  const results: Row[] = [];
  for (const rows of sizes) {
    const plan = benchPlan(rows);
    const runs = rows >= 1_000_000 ? 5 : rows >= 100_000 ? 9 : 21;
    // Warm up for at least 3 calls and 300 ms, so the first (small) size is not timing the JIT's tiers.
    const warmStart = performance.now();
    for (let i = 0; i < 3 || performance.now() - warmStart < 300; i++) analyzePlan(plan, { asOf: AS_OF });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      analyzePlan(plan, { asOf: AS_OF });
      times.push(performance.now() - t0);
      // Let the event loop breathe between runs so a caller's progress output can flush.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const ms = median(times);
    const previous = results[results.length - 1];
    results.push({
      name: `analyzePlan ${rows.toLocaleString("en-US")} rows × ${GOALS} goals`,
      rows,
      ms,
      msPerRow: ms / rows,
      growth: previous ? ms / rows / previous.msPerRow : null,
    });
  }
  return results;
}

function printTable(rows: Row[]): void {
  const lines = [
    ["benchmark", "rows", "median ms", "µs/row", "growth"],
    ...rows.map((r) => [
      r.name,
      String(r.rows),
      r.ms.toFixed(2),
      (r.msPerRow * 1000).toFixed(3),
      r.growth === null ? "–" : r.growth.toFixed(2),
    ]),
  ];
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  for (const l of lines) console.log(l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchCore().then(printTable, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
