/**
 * Shared by the fault-injection suites (crash-safe*.test.ts). A save that cannot lose data (issue 10), on the in-memory Excel — a stand-in for Excel whose failing batches
 * behave as Office.js documents them: the commands before the failing one stay applied, the later ones do not run
 * ("Error handling with the application-specific JavaScript APIs"). Every kind of save is failed at command
 * indexes of every batch (a seeded sample in CI; PIPBOOK_FAULTS=full for every index) and the workbook is read
 * again: it must give the old plan, the new plan, or an interrupted save whose finish gives the new plan — with
 * every Tracking log, Adjustments and Sign-off row and every cell of a person's own column and note kept.
 */
import { MemoryExcel, type WorkbookSnapshot } from "../../src/memory-excel";
import { createWorkbookPort, type ExcelRun, type OfficeWorkbookPort } from "../../src/excel/office-port";
import { InterruptedSaveError, PreflightError } from "../../src/excel/port";
import type { Plan } from "../../src/core/model";
import { defaultSheetNames } from "../../src/workbook";
import fc from "fast-check";
import { arbValidPlan } from "../support/arbitraries";

export const FULL = process.env.PIPBOOK_FAULTS === "full";
export const NOW = () => "2024-06-01T09:00:00.000Z";

export { examplePlan } from "./support";

/**
 * A workbook (from `snapshot`, or empty) and a port over it. With `syncStarts`, every sync of the port's batches
 * first pushes the command index it starts at (MemoryExcel.commandCount), so a sweep knows where each round trip
 * begins and ends.
 */
export function fresh(snapshot?: WorkbookSnapshot, syncStarts?: number[]): { excel: MemoryExcel; port: OfficeWorkbookPort } {
  // Nothing here reads the batches' byte counts (test/evaluation/payload.test.ts and the bench do): they are not made.
  const excel = snapshot ? MemoryExcel.fromSnapshot(snapshot, { engine: null, countBatchBytes: false }) : new MemoryExcel({ engine: null, countBatchBytes: false });
  const run: ExcelRun = syncStarts
    ? (batch) =>
        excel.run((context) => {
          const sync = context.sync.bind(context);
          context.sync = (<T>(value?: T) => {
            syncStarts.push(excel.commandCount);
            return sync(value);
          }) as typeof context.sync;
          return batch(context);
        })
    : (batch) => excel.run(batch);
  return { excel, port: createWorkbookPort(run, { asOf: "2024-05-15", now: NOW }) };
}

/**
 * What must survive: the plan's rows, the cells a person typed into their own column of the Tracking log, a note
 * beside the Tracking log's tables and a note on their own sheet.
 */
export interface Kept {
  plan: Plan | null;
  userCells: Record<string, unknown>;
}

const USER_COLUMN = "Remark";

async function keptOf(excel: MemoryExcel, port: OfficeWorkbookPort): Promise<Kept & { interrupted: boolean }> {
  const read = await port.readPlan();
  const userCells: Record<string, unknown> = {};
  for (const e of read.extraColumns) e.cells.forEach((c, i) => (userCells[`${e.table}:${e.header}:${i}`] = c.value));
  for (const name of excel.workbookState.sheets.map((s) => s.name)) {
    if (name.startsWith("Notes")) userCells[`${name}!A1`] = excel.getCellValue(name, "A1");
  }
  // A note of a person's on a PIP sheet, right of the Tracking log's tables (whatever the sheet is called now; the
  // Tracking log is the sheet left unprotected for people to type on).
  const tracking = excel.workbookState.tables.find((t) => t.name === "PIP_Tracking");
  const trackingSheet = tracking && excel.workbookState.sheets.find((s) => s.id === tracking.sheetId);
  userCells["Tracking!Z2"] = trackingSheet ? excel.getCellValue(trackingSheet.name, "Z2") : null;
  return { plan: read.plan, userCells, interrupted: read.interrupted !== null };
}

/** Plans compared as the reader gives them back (the order of rows and every field). */
function same(a: Kept, b: Kept): boolean {
  return JSON.stringify(a.plan) === JSON.stringify(b.plan) && JSON.stringify(a.userCells) === JSON.stringify(b.userCells);
}

function rowsOf(k: Kept): number {
  const p = k.plan;
  return p ? p.tracking.length + p.adjustments.length + p.signOff.length : 0;
}

export interface Scenario {
  name: string;
  /** Builds the workbook before the save (through the port, as the pane would). */
  before(): Promise<{ snapshot: WorkbookSnapshot; base: Plan | null }>;
  /** The save under test, on a port whose base is `base` (the plan the pane last read or wrote). */
  save(port: OfficeWorkbookPort, base: Plan | null): Promise<unknown>;
}

/** A workbook holding `plan`, with a person's Remark column in the Tracking log and a note on their own sheet. */
export async function workbookWith(plan: Plan, language: Plan["header"]["language"], userColumn = true): Promise<{ snapshot: WorkbookSnapshot; base: Plan | null }> {
  const { excel, port } = fresh();
  await port.writePlan(plan, { language });
  const names = defaultSheetNames(language);
  if (userColumn) {
    const t = excel.workbookState.tables.find((x) => x.name === "PIP_Tracking")!;
    const col = t.rect.c1 + 1;
    const letter = String.fromCharCode(65 + col);
    const rows = t.rect.r1 - t.rect.r0;
    await excel.setCellValues(names.tracking, `${letter}${t.rect.r0 + 1}`, [[USER_COLUMN], ...Array.from({ length: rows }, (_, i) => [`note ${i + 1}`])]);
  }
  excel.workbookState.addSheet("Notes");
  await excel.setCellValues("Notes", "A1", [["my own note"]]);
  await excel.setCellValues(names.tracking, "Z2", [["HR: discuss G2 on Monday"]]);
  return { snapshot: excel.snapshot(), base: (await port.readPlan()).plan };
}

function withMoreRows(plan: Plan): Plan {
  const extra = plan.tracking.slice(0, 2).map((e, i) => ({ ...e, date: plan.header.planStart, note: `added ${i}` }));
  return { ...plan, tracking: [...plan.tracking, ...extra] };
}

function withFewerRows(plan: Plan): Plan {
  return { ...plan, tracking: plan.tracking.slice(0, Math.max(0, plan.tracking.length - 2)) };
}

export function scenariosFor(label: string, plan: Plan): Scenario[] {
  const lang = plan.header.language;
  const other = lang === "zh-CN" ? "en-US" : "zh-CN";
  const existing = () => workbookWith(plan, lang);
  return [
    { name: `${label}: new plan`, before: async () => ({ snapshot: fresh().excel.snapshot(), base: null }), save: (port) => port.writePlan(plan, { language: lang }) },
    { name: `${label}: same size`, before: existing, save: (port) => port.writePlan(plan, { language: lang }) },
    { name: `${label}: more rows`, before: existing, save: (port) => port.writePlan(withMoreRows(plan), { language: lang }) },
    { name: `${label}: fewer rows`, before: existing, save: (port) => port.writePlan(withFewerRows(plan), { language: lang }) },
    { name: `${label}: language switch`, before: existing, save: (port) => port.writePlan(plan, { language: other }) },
    {
      name: `${label}: check-in from the pane`,
      before: existing,
      save: (port) => port.addTrackingEntry({ date: plan.header.planStart, goalId: plan.goals[0].id, actual: 1, note: "pane check-in", coachFeedback: "", enteredBy: "manager" }),
    },
    {
      name: `${label}: adjustment from the pane`,
      before: existing,
      save: (port) =>
        port.addAdjustment({ date: plan.header.planStart, change: "pane adjustment: one more week", reason: "test", approvedBy: "HR" }),
    },
    { name: `${label}: Evaluation refresh`, before: existing, save: (port) => port.refreshEvaluation() },
  ];
}

/**
 * The 20 seeded random plans of the sweep (crash-safe-random*.test.ts, ten each): up to two goals, two actions a
 * goal and six check-ins, in a four-week window that keeps each save small.
 */
export function randomPlans(): Plan[] {
  const window = { start: "2024-04-01", end: "2024-04-28" };
  return fc.sample(arbValidPlan({ goals: { max: 2 }, actionsPerGoal: { max: 2 }, tracking: { max: 6 }, window }), { numRuns: 20, seed: 20261201 });
}

/** Every kind of save (scenariosFor) of the random plans at `indexes`, each failed at `sample` command indexes. */
export async function sweepRandomPlans(indexes: readonly number[], sample: number, tally: Tally): Promise<number> {
  const plans = randomPlans();
  let saves = 0;
  for (const i of indexes) {
    for (const scenario of scenariosFor(`random ${i}`, plans[i]!)) {
      await sweep(scenario, FULL ? Infinity : sample, 1000 + i, tally);
      saves++;
    }
  }
  return saves;
}

/**
 * The test of ten of the random plans, from `first` (crash-safe-random.test.ts takes 0, crash-safe-random-2 10: two
 * files so that jest's two workers share them): every kind of save, 15 command indexes a save, and this file's share
 * of issue 10's 2,000 injection points in CI (500 are the worked example's, crash-safe.test.ts).
 */
export function randomPlansTest(first: number): void {
  const label = `random plans ${first + 1}–${first + 10}`;
  const totals = newTally();
  reportAfterAll(totals, label);
  test(`${label}: every kind of save, failed at every sync's edges and sampled commands, loses nothing`, async () => {
    const saves = await sweepRandomPlans(Array.from({ length: 10 }, (_, i) => first + i), 15, totals);
    expect(saves).toBe(10 * 8);
    expect(totals.failures).toEqual([]);
    expect(totals.lost).toBe(0);
    // 1,033 and 1,034 points in the two files on 2026-12-01
    expect(totals.points).toBeGreaterThanOrEqual(1_000);
    expect(totals.edges).toBeGreaterThanOrEqual(saves * 10);
  }, 900_000);
}

export interface Tally {
  points: number;
  /** Of the points, those at a sync's edge (edgesOf). */
  edges: number;
  old: number;
  new: number;
  finished: number;
  preflight: number;
  lost: number;
  /** Failures the save absorbed (the reader falls back to two syncs when its one-sync batch fails). */
  absorbed: number;
  /** Where a row or cell was lost, for the assertion's message. */
  failures: string[];
}

/** Fails `scenario` at each sampled command index and checks what the workbook holds afterwards. */
export async function sweep(scenario: Scenario, sample: number, seed: number, tally: Tally): Promise<void> {
  const { snapshot, base } = await scenario.before();
  const prime = async (excel: MemoryExcel, port: OfficeWorkbookPort) => {
    // The port's base is the plan the pane last had: read once, as the pane does on open.
    if (base) await port.readPlan();
    return { excel, port };
  };
  const oldState = await (async () => {
    const { excel, port } = fresh(snapshot);
    return keptOf(excel, port);
  })();
  // The save once without a fault: its command count, where each of its syncs starts, and the new state.
  const syncStarts: number[] = [];
  const clean = await prime(...(Object.values(fresh(snapshot, syncStarts)) as [MemoryExcel, OfficeWorkbookPort]));
  const start = clean.excel.commandCount;
  syncStarts.length = 0;
  await scenario.save(clean.port, base);
  const commands = clean.excel.commandCount - start;
  const newState = await keptOf(clean.excel, fresh(clean.excel.snapshot()).port);
  expect(newState.interrupted).toBe(false);
  const indexes = pick(commands, sample, seed, syncStarts.map((s) => s - start));
  tally.edges += edgesOf(commands, syncStarts.map((s) => s - start)).filter((k) => indexes.includes(k)).length;
  for (const k of indexes) {
    const { excel, port } = await prime(...(Object.values(fresh(snapshot)) as [MemoryExcel, OfficeWorkbookPort]));
    excel.failCommand(k);
    const failure = await scenario.save(port, base).then(
      () => null,
      (e: unknown) => e,
    );
    excel.failCommand(null);
    tally.points++;
    // Read as the pane would after the failure (a new port: nothing remembered from the failed save).
    const after = { excel, port: createWorkbookPort((batch) => excel.run(batch), { asOf: "2024-05-15", now: NOW }) };
    let state = await keptOf(after.excel, after.port);
    if (state.interrupted) {
      expect(failure).toBeInstanceOf(InterruptedSaveError);
      const finished = await after.port.finishInterruptedSave();
      expect(finished).not.toBeNull();
      state = await keptOf(after.excel, after.port);
      expect(state.interrupted).toBe(false);
      if (!same(state, newState)) {
        tally.lost += Math.max(1, rowsOf(newState) - rowsOf(state));
        tally.failures.push(`${scenario.name} @${k}/${commands}: finished ≠ new`);
      } else tally.finished++;
      continue;
    }
    if (failure === null) {
      tally.absorbed++;
      if (!same(state, newState)) {
        tally.lost += Math.max(1, Math.abs(rowsOf(newState) - rowsOf(state)));
        tally.failures.push(`${scenario.name} @${k}/${commands}: absorbed, ≠ new`);
      }
      continue;
    }
    if (failure instanceof PreflightError) {
      // Refused before any change: the workbook is the one before the save, sheet names and protection included.
      if (JSON.stringify(excel.snapshot()) !== JSON.stringify(snapshot)) tally.failures.push(`${scenario.name} @${k}/${commands}: preflight refusal changed the workbook`);
    }
    if (same(state, oldState)) {
      if (failure instanceof PreflightError) tally.preflight++;
      tally.old++;
    } else if (same(state, newState)) tally.new++;
    else {
      tally.lost += Math.max(1, Math.abs(rowsOf(newState) - rowsOf(state)));
      tally.failures.push(`${scenario.name} @${k}/${commands}: neither old nor new (${String(failure)})`);
    }
  }
}

/**
 * The edges of every sync of a save of `n` commands whose syncs start at `syncStarts` (indexes relative to the
 * save's first command): each round trip's first two and last two commands. A failure at a batch's edge is where
 * this sweep found its bugs (the first command after the preflight, between `tables.add` and the table's name, the
 * very last command after the marker was gone).
 */
export function edgesOf(n: number, syncStarts: readonly number[]): number[] {
  const bounds = [...new Set([0, ...syncStarts.filter((s) => s > 0 && s < n), n])].sort((a, b) => a - b);
  const out = new Set<number>();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [s, e] = [bounds[i], bounds[i + 1]];
    for (const k of [s, s + 1, e - 2, e - 1]) if (k >= s && k < e) out.add(k);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The command indexes of [0, n) a sweep fails at: all of them under PIPBOOK_FAULTS=full or when n ≤ sample;
 * otherwise every sync's edges (edgesOf) and seeded random indexes between them, `sample` in all (more when the
 * edges alone are more).
 */
export function pick(n: number, sample: number, seed: number, syncStarts: readonly number[] = []): number[] {
  if (FULL || n <= sample) return Array.from({ length: n }, (_, i) => i);
  const out = new Set<number>([0, n - 1, ...edgesOf(n, syncStarts)]);
  let x = seed >>> 0 || 1;
  while (out.size < sample) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.add(x % n);
  }
  return [...out].sort((a, b) => a - b);
}

export function addTo(total: Tally, part: Tally): void {
  for (const key of ["points", "edges", "old", "new", "finished", "preflight", "lost", "absorbed"] as const) total[key] += part[key];
  total.failures.push(...part.failures);
}



export function newTally(): Tally {
  return { points: 0, edges: 0, old: 0, new: 0, finished: 0, preflight: 0, lost: 0, absorbed: 0, failures: [] };
}

/** Prints a suite's figures (for the README's reliability table) after its tests. */
export function reportAfterAll(totals: Tally, label: string): void {
  afterAll(() => {
    console.log(
      `fault injection (${label}): ${totals.points} injection points (${totals.edges} at a sync's first or last two commands); outcomes: old plan ${totals.old} (${totals.preflight} refused in the preflight), ` +
        `new plan ${totals.new} (${totals.absorbed} failures absorbed by the reader's fallback), interrupted then finished ${totals.finished}; rows lost ${totals.lost}`,
    );
  });
}

