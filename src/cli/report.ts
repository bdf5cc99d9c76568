/**
 * What `pipbook analyze` prints: the documented JSON shape (`AnalyzeJson`, format "pipbook.analyze/1") and a
 * readable text rendering of the same numbers. Numbers in the JSON are unrounded; empty is null (FORMULAS.md).
 */
import type { GoalAnalysis, GoalStatus, OutcomeSuggestion, PeriodValue, PlanAnalysis } from "../core/analysis";
import { at } from "../core/indexed";
import type { Aggregation, Cadence, Direction, Language, Method, Plan } from "../core/model";
import { cliText } from "../i18n/cli";
import { formatNumber, formatPercent, renderTable } from "./table";
import { isPercentUnit } from "../core/percent";

export const ANALYZE_FORMAT = "pipbook.analyze/1";

/** One period in the JSON: the core's PeriodValue without its internal index (fields documented there). */
export type PeriodJson = Omit<PeriodValue, "index">;

/** One goal in the JSON: its declaration, then the core's numbers (fields documented on GoalAnalysis). */
export interface GoalJson extends Pick<GoalAnalysis, "entryCount" | "toDate" | "attainment" | "progress" | "score" | "pace" | "status"> {
  id: string;
  title: string;
  unit: string;
  direction: Direction;
  aggregation: Aggregation;
  method: Method;
  baseline: number;
  target: number;
  weight: number;
  periods: PeriodJson[];
  quarters: PeriodJson[];
}

export interface AnalyzeJson {
  format: typeof ANALYZE_FORMAT;
  file: string;
  asOf: string;
  employee: { name: string; id: string; department: string; position: string; manager: string; hrPartner: string };
  plan: { start: string; end: string; cadence: Cadence; elapsed: number | null; isFinal: boolean };
  goals: GoalJson[];
  overall: { attainment: number | null; outcomeSuggestion: OutcomeSuggestion | null };
  checkIns: {
    cadence: Cadence;
    planned: number;
    held: number;
    missed: number;
    adherence: number | null;
    schedule: { label: string; start: string; end: string; held: boolean; overdue: boolean }[];
  };
  overdueActions: string[];
  ignoredEntryCount: number;
  unknownGoalEntryCount: number;
  /** Tracking rows dated after asOf, left out of every number. */
  afterAsOfEntryCount: number;
  /** Number of error findings of the plan (validate lists them). */
  errorCount: number;
}

function periodJson({ index: _index, ...period }: PeriodValue): PeriodJson {
  return period;
}

export function analyzeJson(file: string, plan: Plan, analysis: PlanAnalysis, errorCount: number): AnalyzeJson {
  const h = plan.header;
  return {
    format: ANALYZE_FORMAT,
    file,
    asOf: analysis.asOf,
    employee: {
      name: h.employeeName,
      id: h.employeeId,
      department: h.department,
      position: h.position,
      manager: h.manager,
      hrPartner: h.hrPartner,
    },
    plan: { start: h.planStart, end: h.planEnd, cadence: h.cadence, elapsed: analysis.elapsed, isFinal: analysis.isFinal },
    goals: analysis.goals.map((g, i) => {
      const goal = at(plan.goals, i, "goal of the analysis");
      return {
        id: g.goalId,
        title: goal.title,
        unit: goal.unit,
        direction: goal.direction,
        aggregation: goal.aggregation,
        method: goal.method,
        baseline: goal.baseline,
        target: goal.target,
        weight: goal.weight,
        entryCount: g.entryCount,
        toDate: g.toDate,
        attainment: g.attainment,
        progress: g.progress,
        score: g.score,
        pace: g.pace,
        status: g.status,
        periods: g.periods.map(periodJson),
        quarters: g.quarters.map(periodJson),
      };
    }),
    overall: { attainment: analysis.overallAttainment, outcomeSuggestion: analysis.outcomeSuggestion },
    checkIns: {
      cadence: analysis.checkIns.cadence,
      planned: analysis.checkIns.planned,
      held: analysis.checkIns.held,
      missed: analysis.checkIns.missed,
      adherence: analysis.checkIns.adherence,
      schedule: analysis.checkIns.schedule.map((s) => ({ label: s.label, start: s.start, end: s.end, held: s.held, overdue: s.overdue })),
    },
    overdueActions: analysis.overdueActions,
    ignoredEntryCount: analysis.ignoredEntryCount,
    unknownGoalEntryCount: analysis.unknownGoalEntryCount,
    afterAsOfEntryCount: analysis.afterAsOfEntryCount,
    errorCount,
  };
}

export function statusText(language: Language, status: GoalStatus): string {
  return cliText(language, `status.${status}`);
}

export function outcomeText(language: Language, outcome: OutcomeSuggestion | null): string {
  return cliText(language, outcome === null ? "outcome.none" : `outcome.${outcome}`);
}

/** The readable report: a goal table, one period table per goal, quarters when the plan spans more than one, totals. */
export function renderAnalysis(report: AnalyzeJson, language: Language): string {
  const t = (key: Parameters<typeof cliText>[1], params = {}) => cliText(language, key, params);
  const out: string[] = [];
  out.push(
    t("analyze.title", { employee: report.employee.name, id: report.employee.id, start: report.plan.start, end: report.plan.end, asOf: report.asOf }),
    "",
  );
  const goalLabel = (g: GoalJson) => `${g.id} ${g.title}`;
  // A "%" goal's values are fractions in the model (0.0378): shown as the percentages they are (3.78 %), as the
  // workbook's percent format shows them; the other goals' values in their own unit's numbers.
  const valueOf = (g: GoalJson) => (value: number | null) => (isPercentUnit(g.unit) && value !== null ? `${Number((value * 100).toFixed(2))}%` : formatNumber(value));
  out.push(
    renderTable(
      [t("analyze.col.goal"), t("analyze.col.toDate"), t("analyze.col.target"), t("analyze.col.attainment"), t("analyze.col.progress"), t("analyze.col.status")],
      report.goals.map((g) => [
        goalLabel(g),
        valueOf(g)(g.toDate),
        valueOf(g)(g.target),
        formatPercent(g.attainment),
        formatPercent(g.progress),
        statusText(language, g.status),
      ]),
      ["left", "right", "right", "right", "right", "left"],
    ),
  );
  const periodTable = (g: GoalJson, rows: PeriodJson[], changeKey: "analyze.col.change" | "analyze.col.qoq") =>
    renderTable(
      [t("analyze.col.period"), t("analyze.col.value"), t("analyze.col.attainment"), t(changeKey)],
      rows.map((p) => [p.label, valueOf(g)(p.value), formatPercent(p.attainment), formatPercent(p.change)]),
      ["left", "right", "right", "right"],
    );
  for (const g of report.goals) {
    out.push("", t("analyze.periodsOf", { goal: goalLabel(g) }), periodTable(g, g.periods, "analyze.col.change"));
    if (g.quarters.length > 1) out.push("", t("analyze.quartersOf", { goal: goalLabel(g) }), periodTable(g, g.quarters, "analyze.col.qoq"));
  }
  out.push(
    "",
    t("analyze.overall", { overall: formatPercent(report.overall.attainment), outcome: outcomeText(language, report.overall.outcomeSuggestion) }),
    t("analyze.checkIns", {
      planned: report.checkIns.planned,
      held: report.checkIns.held,
      missed: report.checkIns.missed,
      adherence: formatPercent(report.checkIns.adherence),
    }),
  );
  if (report.overdueActions.length > 0) out.push(t("analyze.overdueActions", { ids: report.overdueActions.join(", ") }));
  if (report.ignoredEntryCount > 0) out.push(t("analyze.ignored", { count: report.ignoredEntryCount }));
  if (report.afterAsOfEntryCount > 0) out.push(t("analyze.afterAsOf", { asOf: report.asOf, count: report.afterAsOfEntryCount }));
  if (report.errorCount > 0) out.push(t("analyze.findingsNote", { count: report.errorCount }));
  return out.join("\n");
}
