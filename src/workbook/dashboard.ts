/**
 * The HR dashboard across plans (`pipbook rollup <folder> -o dashboard.xlsx`, issue 17 item 5), declared as data:
 *
 *   Plans sheet      a native table PIP_Rollup, one row per plan: employee, ID, department, manager, phase, plan
 *                    window, days left, overall attainment, status, outcome suggestion, recorded outcome, overdue
 *                    actions, missed check-ins, changes after signing (the seal's findings), quarter opened and
 *                    ending, file. Phase and days left are live formulas of the dashboard's as-of cell.
 *   Dashboard sheet  the as-of date, then blocks of COUNTIFS / SUMIFS / COUNT / COUNTA over the table's columns
 *                    (plans by status, by phase, by status per department, attainment bands, running plans ending in
 *                    the next 30 days, per quarter opened / closed / outcomes / mean attainment), and native charts
 *                    bound to those blocks, declared with the Evaluation sheet's chart types (ChartDecl, the same
 *                    declarations src/cli/xlsx/charts.ts writes into the .xlsx).
 *
 * Only functions Excel, HyperFormula and LibreOffice all compute (../shared/guide/TOOLCHAIN.md): COUNTIFS, SUMIFS,
 * COUNT, COUNTA, IF, MAX, IFERROR, NA. Table columns are referred to by absolute A1 ranges over the table's rows
 * (HyperFormula has no structured references). Pure: no ExcelJS, no Office.js, no clock.
 */
import { quoteSheetName } from "../a1";
import type { GoalStatus, OutcomeSuggestion } from "../core/analysis";
import type { Language, Outcome } from "../core/model";
import { isoToDay, isoToSerial } from "../core/dates";
import { at } from "../core/indexed";
import { cliText } from "../i18n/cli";
import { dashboardText, type DashboardMessageKey } from "../i18n/dashboard";
import { columnLetter } from "./layout";
import type { EvaluationChartDecl, EvaluationSeriesDecl } from "./sheets/evaluation";

export type DashboardPhase = "upcoming" | "running" | "ended";

/** One plan as the rollup read it (src/cli/commands.ts RollupRow carries these fields). */
export interface DashboardPlan {
  file: string;
  employeeName: string;
  employeeId: string;
  department: string;
  manager: string;
  planStart: string;
  planEnd: string;
  daysLeft: number;
  phase: DashboardPhase;
  overallAttainment: number | null;
  status: GoalStatus;
  outcomeSuggestion: OutcomeSuggestion | null;
  recordedOutcome: Outcome | null;
  overdueActions: number;
  missedCheckIns: number;
  /** Findings of the seal (SEAL_*): 0 when nothing sealed changed after both signed. */
  changedAfterSigning: number;
}

/** A chart declared like the Evaluation sheet's; `kind` names the dashboard block it draws. */
export type DashboardChartDecl = Omit<EvaluationChartDecl, "kind"> & { kind: DashboardBlockKey };

export type DashboardBlockKey = "status" | "phase" | "department" | "attainment" | "ending" | "quarters";

export interface DashboardCell {
  value?: string | number | null;
  /** Formula with its "=", A1 references. */
  formula?: string;
  /** The value the formula computes for the rows written (Excel shows it before recalculating). */
  result?: string | number;
  numberFormat?: string;
  style?: "title" | "header" | "label" | "note" | "total";
}

export interface DashboardColumn {
  key: DashboardColumnKey;
  header: string;
  width: number;
  numberFormat?: string;
}

export interface DashboardBlock {
  key: DashboardBlockKey;
  title: string;
  /** Row of the block's header (1-based); data rows follow, the last one `lastRow`. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** Column headers, from column A. */
  headers: string[];
  /** Row labels (column A), one per data row. */
  labels: string[];
}

export interface DashboardContent {
  language: Language;
  asOf: string;
  plansSheet: string;
  dashboardSheet: string;
  tableName: string;
  /** The table's header row (1-based); its data rows follow. */
  tableHeaderRow: number;
  columns: DashboardColumn[];
  /** One row per plan (at least one row: an empty table still has its body row). */
  tableRows: DashboardCell[][];
  /** Cells outside the table, by A1 address: the Plans sheet's title. */
  plansCells: Record<string, DashboardCell>;
  /** Every cell of the Dashboard sheet, by A1 address. */
  dashboardCells: Record<string, DashboardCell>;
  dashboardWidths: number[];
  blocks: DashboardBlock[];
  charts: DashboardChartDecl[];
}

export const DASHBOARD_TABLE = "PIP_Rollup";
export const DASHBOARD_CHART_PREFIX = "PIP_Chart_Dashboard_";
/** Where the dashboard's as-of date is. */
export const DASHBOARD_AS_OF_CELL = "B2";

export type DashboardColumnKey =
  | "employee"
  | "employeeId"
  | "department"
  | "manager"
  | "phase"
  | "planStart"
  | "planEnd"
  | "daysLeft"
  | "overall"
  | "status"
  | "outcome"
  | "recordedOutcome"
  | "overdueActions"
  | "missedCheckIns"
  | "changedAfterSigning"
  | "quarterOpened"
  | "quarterEnding"
  | "file";

const COLUMNS: { key: DashboardColumnKey; width: number; numberFormat?: string }[] = [
  { key: "employee", width: 14 },
  { key: "employeeId", width: 10 },
  { key: "department", width: 14 },
  { key: "manager", width: 12 },
  { key: "phase", width: 10 },
  { key: "planStart", width: 12, numberFormat: "yyyy-mm-dd" },
  { key: "planEnd", width: 12, numberFormat: "yyyy-mm-dd" },
  { key: "daysLeft", width: 10, numberFormat: "0" },
  { key: "overall", width: 14, numberFormat: "0.0%" },
  { key: "status", width: 10 },
  { key: "outcome", width: 14 },
  { key: "recordedOutcome", width: 14 },
  { key: "overdueActions", width: 12, numberFormat: "0" },
  { key: "missedCheckIns", width: 12, numberFormat: "0" },
  { key: "changedAfterSigning", width: 14, numberFormat: "0" },
  { key: "quarterOpened", width: 12 },
  { key: "quarterEnding", width: 12 },
  { key: "file", width: 30 },
];

export const DASHBOARD_STATUSES: GoalStatus[] = ["on-track", "at-risk", "off-track", "not-started", "no-data"];
const PHASES: DashboardPhase[] = ["upcoming", "running", "ended"];
const OUTCOMES: OutcomeSuggestion[] = ["met", "partially-met", "not-met"];

const STATUS_COLORS: Record<GoalStatus, string> = {
  "on-track": "#2E7D32",
  "at-risk": "#F9A825",
  "off-track": "#C62828",
  "not-started": "#7F7F7F",
  "no-data": "#BFBFBF",
};
const OUTCOME_COLORS: Record<OutcomeSuggestion, string> = { met: "#2E7D32", "partially-met": "#F9A825", "not-met": "#C62828" };
const COLORS = { plans: "#4472C4", opened: "#4472C4", closed: "#ED7D31", attainment: "#1F3864" };

/** `2024-Q2` for an ISO date. */
export function quarterOf(iso: string): string {
  const month = Number(iso.slice(5, 7));
  return `${iso.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Every quarter from `first` to `last` (`2024-Q2` form), in order. */
function quartersBetween(first: string, last: string): string[] {
  const n = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
  const out: string[] = [];
  for (let i = n(first); i <= n(last) && out.length < 400; i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

/** Phase of a plan window on `asOf`, as the table's formula computes it. */
export function phaseOn(planStart: string, planEnd: string, asOf: string): DashboardPhase {
  const day = isoToDay(asOf) ?? 0;
  if (day < (isoToDay(planStart) ?? day)) return "upcoming";
  if (day > (isoToDay(planEnd) ?? day)) return "ended";
  return "running";
}

const q = (sheet: string) => quoteSheetName(sheet, true);
const str = (text: string) => `"${text.replace(/"/g, '""')}"`;
const addr = (col: number, row: number) => `${columnLetter(col)}${row}`;
const abs = (col: number, row: number) => `$${columnLetter(col)}$${row}`;

export interface DashboardOptions {
  language: Language;
  asOf: string;
}

export function dashboardContent(plans: readonly DashboardPlan[], options: DashboardOptions): DashboardContent {
  const lang = options.language;
  const t = (key: DashboardMessageKey, params: Record<string, string | number> = {}) => dashboardText(lang, key, params);
  const statusLabel = (s: GoalStatus) => cliText(lang, `status.${s}`);
  const outcomeLabel = (o: OutcomeSuggestion | null) => cliText(lang, o === null ? "outcome.none" : `outcome.${o}`);
  const phaseLabel = (p: DashboardPhase) => t(`phase.${p}`);
  const plansSheet = t("sheet.plans");
  const dashboardSheet = t("sheet.dashboard");
  const asOfRef = `${q(dashboardSheet)}!$B$2`;

  // ---- the table -------------------------------------------------------------------------------------------
  const tableHeaderRow = 2;
  const firstDataRow = tableHeaderRow + 1;
  const bodyRows = Math.max(1, plans.length);
  const lastDataRow = firstDataRow + bodyRows - 1;
  const colIndex = (key: DashboardColumnKey) => COLUMNS.findIndex((c) => c.key === key);
  const letter = (key: DashboardColumnKey) => columnLetter(colIndex(key));
  /** The table column `key` over its data rows, from the Dashboard sheet. */
  const col = (key: DashboardColumnKey) => `${q(plansSheet)}!$${letter(key)}$${firstDataRow}:$${letter(key)}$${lastDataRow}`;

  const columns: DashboardColumn[] = COLUMNS.map((c) => ({ ...c, header: t(`col.${c.key}`) }));
  const tableRows: DashboardCell[][] = plans.map((p, i) => {
    const r = firstDataRow + i;
    const start = `$${letter("planStart")}${r}`;
    const end = `$${letter("planEnd")}${r}`;
    const phase = phaseOn(p.planStart, p.planEnd, options.asOf);
    const values: Record<DashboardColumnKey, DashboardCell> = {
      employee: { value: p.employeeName },
      employeeId: { value: p.employeeId },
      // An empty department is written as "(no department)": a COUNTIFS criterion of "" is matched differently by the
      // engines (HyperFormula: not a zero-length text), a label is matched by all.
      department: { value: p.department === "" ? t("noDepartment") : p.department },
      manager: { value: p.manager },
      phase: {
        formula: `=IF(${asOfRef}<${start},${str(phaseLabel("upcoming"))},IF(${asOfRef}>${end},${str(phaseLabel("ended"))},${str(phaseLabel("running"))}))`,
        result: phaseLabel(phase),
      },
      planStart: { value: isoToSerial(p.planStart) },
      planEnd: { value: isoToSerial(p.planEnd) },
      daysLeft: { formula: `=MAX(0,${end}-${asOfRef})`, result: p.daysLeft },
      overall: { value: p.overallAttainment },
      status: { value: statusLabel(p.status) },
      outcome: { value: outcomeLabel(p.outcomeSuggestion) },
      recordedOutcome: { value: p.recordedOutcome === null ? t("notRecorded") : outcomeLabel(p.recordedOutcome) },
      overdueActions: { value: p.overdueActions },
      missedCheckIns: { value: p.missedCheckIns },
      changedAfterSigning: { value: p.changedAfterSigning },
      quarterOpened: { value: quarterOf(p.planStart) },
      quarterEnding: { value: quarterOf(p.planEnd) },
      file: { value: p.file },
    };
    return COLUMNS.map((c) => ({ ...values[c.key], numberFormat: c.numberFormat }));
  });
  if (tableRows.length === 0) tableRows.push(COLUMNS.map((c) => ({ value: null, numberFormat: c.numberFormat })));

  const plansCells: Record<string, DashboardCell> = { A1: { value: t("title.plans", { asOf: options.asOf }), style: "title" } };

  // ---- the dashboard's blocks ------------------------------------------------------------------------------
  const cells: Record<string, DashboardCell> = {
    A1: { value: t("title.dashboard", { asOf: options.asOf }), style: "title" },
    A2: { value: t("asOf"), style: "label" },
    B2: { value: isoToSerial(options.asOf), numberFormat: "yyyy-mm-dd" },
    C2: { value: t("asOfNote"), style: "note" },
  };
  const blocks: DashboardBlock[] = [];
  let row = 4;
  /** A block: title, header row, one row per label with formulas per column (c = 1…), then a blank row. */
  const block = (
    key: DashboardBlockKey,
    headers: string[],
    labels: string[],
    formula: (label: string, labelRef: string, c: number, r: number) => string,
    formats: string[] = [],
    totalRow = false,
  ): DashboardBlock => {
    cells[addr(0, row)] = { value: t(`block.${key}`), style: "title" };
    const headerRow = row + 1;
    headers.forEach((h, c) => (cells[addr(c, headerRow)] = { value: h, style: "header" }));
    labels.forEach((label, i) => {
      const r = headerRow + 1 + i;
      cells[addr(0, r)] = { value: label, style: "label" };
      for (let c = 1; c < headers.length; c++) cells[addr(c, r)] = { formula: `=${formula(label, abs(0, r), c, r)}`, numberFormat: formats[c - 1] ?? "0" };
    });
    const lastRow = headerRow + labels.length;
    if (totalRow) {
      const r = lastRow + 1;
      cells[addr(0, r)] = { value: t("total"), style: "total" };
      for (let c = 1; c < headers.length; c++) cells[addr(c, r)] = { formula: `=SUM(${abs(c, headerRow + 1)}:${abs(c, lastRow)})`, numberFormat: "0", style: "total" };
    }
    const b: DashboardBlock = { key, title: t(`block.${key}`), headerRow, firstRow: headerRow + 1, lastRow, headers, labels };
    blocks.push(b);
    row = lastRow + (totalRow ? 3 : 2);
    return b;
  };

  const status = col("status");
  const phase = col("phase");
  block("status", [t("head.status"), t("plans")], DASHBOARD_STATUSES.map(statusLabel), (_l, ref) => `COUNTIFS(${status},${ref})`, [], true);
  block("phase", [t("head.phase"), t("plans")], PHASES.map(phaseLabel), (_l, ref) => `COUNTIFS(${phase},${ref})`, [], true);

  const departments = [...new Set(plans.map((p) => (p.department === "" ? t("noDepartment") : p.department)))].sort((a, b) => a.localeCompare(b, lang));
  const departmentLabels = departments.length > 0 ? departments : [t("noDepartment")];
  const departmentRow0 = row + 2;
  const departmentBlock = block(
    "department",
    [t("head.department"), ...DASHBOARD_STATUSES.map(statusLabel), t("total")],
    departmentLabels,
    (_label, ref, c, r) =>
      c <= DASHBOARD_STATUSES.length ? `COUNTIFS(${col("department")},${ref},${status},${abs(c, departmentRow0 - 1)})` : `SUM(${abs(1, r)}:${abs(DASHBOARD_STATUSES.length, r)})`,
  );

  const overall = col("overall");
  const bands: { key: DashboardMessageKey; criteria: string }[] = [
    { key: "band.below50", criteria: `"<0.5"` },
    { key: "band.50to70", criteria: `">=0.5",${overall},"<0.7"` },
    { key: "band.70to90", criteria: `">=0.7",${overall},"<0.9"` },
    { key: "band.90to100", criteria: `">=0.9",${overall},"<1"` },
    { key: "band.100up", criteria: `">=1"` },
  ];
  const attainmentBlock = block(
    "attainment",
    [t("head.band"), t("plans")],
    [...bands.map((b) => t(b.key)), t("band.noData")],
    (_l, _ref, _c, r) => {
      const i = r - (row + 2);
      // No data: the plans (a name in the first column) minus those with a number.
      return i < bands.length ? `COUNTIFS(${overall},${at(bands, i, "attainment band").criteria})` : `COUNTA(${col("employee")})-COUNT(${overall})`;
    },
  );

  const daysLeft = col("daysLeft");
  const running = str(phaseLabel("running"));
  const ranges: [DashboardMessageKey, number, number][] = [
    ["days.0to7", 0, 7],
    ["days.8to14", 8, 14],
    ["days.15to21", 15, 21],
    ["days.22to30", 22, 30],
  ];
  const endingBlock = block("ending", [t("head.daysLeft"), t("plans")], ranges.map(([k]) => t(k)), (_l, _ref, _c, r) => {
    const [, lo, hi] = at(ranges, r - (row + 2), "days-left range");
    return `COUNTIFS(${phase},${running},${daysLeft},">=${lo}",${daysLeft},"<=${hi}")`;
  });

  const opened = col("quarterOpened");
  const ending = col("quarterEnding");
  const recorded = col("recordedOutcome");
  const ended = str(phaseLabel("ended"));
  const starts = plans.map((p) => quarterOf(p.planStart)).sort();
  const ends = plans.map((p) => quarterOf(p.planEnd)).sort();
  const quarterLabels = plans.length === 0 ? [quarterOf(options.asOf)] : quartersBetween(at(starts, 0, "first quarter"), at(ends, ends.length - 1, "last quarter"));
  const quartersBlock = block(
    "quarters",
    [t("head.quarter"), t("head.opened"), t("head.closed"), ...OUTCOMES.map(outcomeLabel), t("head.quarterAttainment")],
    quarterLabels,
    (_l, ref, c) => {
      const closedIn = `${ending},${ref},${phase},${ended}`;
      if (c === 1) return `COUNTIFS(${opened},${ref})`;
      if (c === 2) return `COUNTIFS(${closedIn})`;
      if (c <= 2 + OUTCOMES.length) {
        // The outcome recorded at the evaluation, else the suggested one.
        const o = str(outcomeLabel(at(OUTCOMES, c - 3, "outcome column")));
        return `COUNTIFS(${closedIn},${recorded},${o})+COUNTIFS(${closedIn},${recorded},${str(t("notRecorded"))},${col("outcome")},${o})`;
      }
      // #N/A, not "", for a quarter without a closed plan that has data: a line chart leaves a gap there.
      return `IFERROR(SUMIFS(${overall},${closedIn})/COUNTIFS(${closedIn},${overall},"<>"),NA())`;
    },
    ["0", "0", "0", "0", "0", "0.0%"],
  );

  // ---- charts: two per row to the right of the blocks ----------------------------------------------------
  const CHART_COL = 9;
  const CHART_W = 8;
  const CHART_H = 16;
  const slot = (i: number) => {
    const left = CHART_COL + (i % 2) * (CHART_W + 1);
    const top = 4 + Math.floor(i / 2) * (CHART_H + 1);
    return { from: addr(left, top), to: addr(left + CHART_W - 1, top + CHART_H - 1) };
  };
  const range = (b: DashboardBlock, c: number) => `${abs(c, b.firstRow)}:${abs(c, b.lastRow)}`;
  const series = (b: DashboardBlock, c: number, name: string, color: string, chartType: EvaluationSeriesDecl["chartType"] = "ColumnClustered"): EvaluationSeriesDecl => ({
    name,
    values: range(b, c),
    xValues: range(b, 0),
    chartType,
    color,
  });
  const chart = (
    i: number,
    name: string,
    kind: DashboardBlockKey,
    title: DashboardMessageKey,
    category: DashboardMessageKey,
    value: DashboardMessageKey,
    list: EvaluationSeriesDecl[],
    format = "0",
  ): DashboardChartDecl => ({
    name: `${DASHBOARD_CHART_PREFIX}${name}`,
    kind,
    goalIndex: null,
    chartType: at(list, 0, `${name}: first series`).chartType,
    title: t(title),
    categoryAxisTitle: t(category),
    valueAxisTitle: t(value),
    valueAxisFormat: format,
    series: list,
    position: slot(i),
  });
  const charts: DashboardChartDecl[] = [
    chart(0, "StatusByDepartment", "department", "chart.department", "axis.department", "axis.plans", DASHBOARD_STATUSES.map((s, k) => series(departmentBlock, k + 1, statusLabel(s), STATUS_COLORS[s]))),
    chart(1, "Attainment", "attainment", "chart.attainment", "axis.band", "axis.plans", [series(attainmentBlock, 1, t("plans"), COLORS.plans)]),
    chart(2, "Ending", "ending", "chart.ending", "axis.daysLeft", "axis.plans", [series(endingBlock, 1, t("plans"), COLORS.plans)]),
    chart(3, "Quarters", "quarters", "chart.quarters", "axis.quarter", "axis.plans", [
      series(quartersBlock, 1, t("head.opened"), COLORS.opened),
      series(quartersBlock, 2, t("head.closed"), COLORS.closed),
    ]),
    chart(4, "Outcomes", "quarters", "chart.outcomes", "axis.quarter", "axis.plans", OUTCOMES.map((o, k) => series(quartersBlock, 3 + k, outcomeLabel(o), OUTCOME_COLORS[o]))),
    chart(5, "QuarterAttainment", "quarters", "chart.quarterAttainment", "axis.quarter", "axis.attainment", [series(quartersBlock, 6, t("head.quarterAttainment"), COLORS.attainment, "LineMarkers")], "0%"),
  ];

  return {
    language: lang,
    asOf: options.asOf,
    plansSheet,
    dashboardSheet,
    tableName: DASHBOARD_TABLE,
    tableHeaderRow,
    columns,
    tableRows,
    plansCells,
    dashboardCells: cells,
    dashboardWidths: [26, 12, 12, 12, 12, 12, 12, 14],
    blocks,
    charts,
  };
}
