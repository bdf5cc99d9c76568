/**
 * `pipbook rollup`: one row per PIP workbook of a folder (the HR dashboard's table, src/workbook/dashboard.ts).
 * `readForRollup` reads one workbook — the same in the main thread and in a worker (./workers).
 */
import type { GoalStatus } from "../core/analysis";
import { analyzePlan } from "../core/analysis";
import { isoToDay } from "../core/dates";
import type { Finding } from "../core/findings";
import type { Plan } from "../core/model";
import type { CliMessageKey, CliParams } from "../i18n/cli";
import { phaseOn, type DashboardPhase, type DashboardPlan } from "../workbook/dashboard";
import { CliError } from "./errors";
import { readInputFile } from "./files";
import { pipTablesOnly } from "./rollup-read";
import { readWorkbook } from "./workbook-io";

export type PlanPhase = DashboardPhase;

export interface RollupRow extends DashboardPlan {
  /** The worst goal status: off-track, at-risk, on-track, else not-started / no-data. */
  status: GoalStatus;
  outcomeSuggestion: ReturnType<typeof analyzePlan>["outcomeSuggestion"];
}

const STATUS_RANK: GoalStatus[] = ["off-track", "at-risk", "on-track", "not-started", "no-data"];

function worstStatus(statuses: GoalStatus[]): GoalStatus {
  for (const status of STATUS_RANK) if (statuses.includes(status)) return status;
  return "no-data";
}

/**
 * One plan's row. `findings` are the reader's (a workbook's): its seal findings (SEAL_CHANGED, SEAL_ROW_ADDED,
 * SEAL_ROW_REMOVED, SEAL_DAMAGED — src/excel/seal.ts) are counted as changes after signing.
 */
export function rollupRow(file: string, plan: Plan, asOf: string, findings: readonly Finding[] = []): RollupRow {
  const analysis = analyzePlan(plan, { asOf });
  const h = plan.header;
  const asOfDay = isoToDay(asOf) ?? 0;
  const endDay = isoToDay(h.planEnd) ?? asOfDay;
  return {
    file,
    employeeName: h.employeeName,
    employeeId: h.employeeId,
    department: h.department,
    manager: h.manager,
    planStart: h.planStart,
    planEnd: h.planEnd,
    daysLeft: Math.max(0, endDay - asOfDay),
    phase: phaseOn(h.planStart, h.planEnd, asOf),
    overallAttainment: analysis.overallAttainment,
    status: worstStatus(analysis.goals.map((g) => g.status)),
    outcomeSuggestion: analysis.outcomeSuggestion,
    recordedOutcome: plan.evaluation.outcome,
    overdueActions: analysis.overdueActions.length,
    missedCheckIns: analysis.checkIns.missed,
    changedAfterSigning: findings.filter((f) => f.code.startsWith("SEAL_")).length,
  };
}

/** What reading one file gave: its row, nothing (no plan to roll up), or why it was skipped. */
export type RollupRead =
  | { kind: "row"; row: RollupRow }
  | { kind: "none" }
  /** `notPip`: a workbook that is not a PIP workbook (skipped, not a failure). */
  | { kind: "skipped"; key: CliMessageKey; params: CliParams; notPip: boolean };

/**
 * Read `file` (.xlsx) with the add-in's reader — its tables only (./rollup-read.ts; `tablesOnly: false` reads the
 * whole workbook, as `pipbook analyze` does) — and compute its row as of `asOf`.
 */
export async function readForRollup(file: string, asOf: string, options: { tablesOnly?: boolean } = {}): Promise<RollupRead> {
  try {
    const bytes = await readInputFile(file);
    const read = await readWorkbook(options.tablesOnly === false ? bytes : await pipTablesOnly(bytes), file);
    if (read.plan === null) throw new CliError("file.notPip", { file });
    // The workbook reader ran validatePlan already: its findings carry the seal's and the window's.
    if (read.findings.some((f) => f.code === "PLAN_WINDOW_TOO_LONG")) return { kind: "none" };
    return { kind: "row", row: rollupRow(file, read.plan, asOf, read.findings) };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return { kind: "skipped", key: error.key, params: error.params, notPip: error.key === "file.notPip" };
  }
}
