/**
 * Evaluation (效果评估): the stage-7 sheet. Declared here, in three parts:
 *
 * 1. `evaluationSheet` (the layout's SheetDecl): title, note, section labels and the stage-7 decision record
 *    PIP_Evaluation (date, outcome, decision, measures to standardise, reasons, extension end, notes), which the
 *    generic writer writes and the reader maps to `plan.evaluation`.
 * 2. The derived tables, whose rows depend on the plan (goals × periods) and which src/excel/evaluation.ts writes
 *    and rewrites on refresh: the summary (a view of Overview's live summary), PIP_EvalGoals (status by goal, a
 *    view of the Goals sheet), PIP_EvalQuarters (the quarterly review) and PIP_EvalPeriods (every cadence period of
 *    every goal). Their numbers are live formulas over the Tracking log (COUNTIFS / SUMIFS / MAXIFS on the
 *    tracking table's row key), so a manager's new tracking row updates them without the add-in; every formula
 *    follows docs/FORMULAS.md "Per period" exactly as src/core/analysis.ts does.
 * 3. The native charts (`EvaluationChartDecl`): per goal actual by period vs the target, attainment by period
 *    across goals, and per goal period-over-period change with improvement and decline as separate series.
 *
 * The sheet in columns: A–I summary (rows 5–12), decision record (15–22) and status by goal (25 ↓); K–AA the
 * chart grid (rows 5 ↓); from AC the quarterly table, then one column apart the period table (header row 5 ↓),
 * each ending in grey helper columns. Every table that grows has nothing below it. Positions are fixed here; only
 * row counts follow the plan.
 *
 * Pure: no Office.js. Formulas are en-US, for `range.formulas`, using only functions that Excel, HyperFormula and
 * LibreOffice compute alike (TOOLCHAIN.md).
 */
import type { Goal, Language, Plan } from "../../core/model";
import { isoToSerial } from "../../core/dates";
import { planPeriods, type Period, type PeriodKind } from "../../core/periods";
import { SHEET_NAMES, SHEET_NOTES, SHEET_TITLES, type Localized } from "../../i18n/workbook";
import {
  CHART_AXES,
  CHART_SERIES,
  CHART_TITLES,
  EVALUATION_HEADERS,
  EVALUATION_SECTIONS,
  EVALUATION_SUMMARY_ITEMS,
  fillTemplate,
  type EvaluationHeaderId,
} from "../../i18n/evaluation";
import {
  attainmentExpr,
  DATE_FORMAT,
  PERCENT_FORMAT,
  columnLetter,
  firstDataRow,
  header,
  makeFormulaEnv,
  parseCell,
  unitNumberFormat,
  type FormulaEnv,
  type LayoutIndex,
  type SheetDecl,
  type SheetNames,
} from "../layout";

// ---------------------------------------------------------------------------------------------------------------
// Positions (1-based rows, 0-based columns)

/** Row of the section labels above the summary, the charts and the quarterly and period tables. */
const SECTION_ROW = 4;
/** First row of the summary items (label in column A, value in column B). */
const SUMMARY_ROW = 5;
/** Header row of the decision record (its section label sits one row above). */
const DECISION_HEADER_ROW = 15;
/** Header row of the status-by-goal table. */
const GOALS_HEADER_ROW = 25;
/** Header row of the quarterly and period tables. */
const PERIOD_HEADER_ROW = 5;
const GOALS_COL = 0; // A
const CHARTS_COL = 10; // K
const QUARTERS_COL = 28; // AC; the period table starts one column right of the quarterly table's last

/** Chart grid: each chart spans CHART_COLUMNS default-width columns and CHART_ROWS rows, one column/row apart. */
const CHART_COLUMNS = 8;
const CHART_ROWS = 18;
const CHART_TOP_ROW = 5;

export type EvaluationTableName = "PIP_EvalGoals" | "PIP_EvalQuarters" | "PIP_EvalPeriods";

/** Name prefix of every chart this module declares (a chart with this prefix that is no longer declared is stale). */
export const EVALUATION_CHART_PREFIX = "PIP_Chart_";

// ---------------------------------------------------------------------------------------------------------------
// Derived tables: columns

const h = (id: EvaluationHeaderId): Localized => EVALUATION_HEADERS[id];
const cell = (col: number, row: number) => `${columnLetter(col)}${row}`;


/** The environment of one row of a derived table. */
export interface EvaluationRowEnv extends FormulaEnv {
  row: number;
  /** This row's cell of a column of the same table: `$BC7`. */
  here(key: string): string;
  /** The previous row's cell of a column of the same table: `$BC6`. */
  above(key: string): string;
  /** The row is a goal's first period (no period above it to add to or compare with). */
  first: boolean;
  /** This row's goal's cell of a PIP_Goals column: `INDEX(Goals!$F:$F,3+$AT7)`. */
  goal(key: string): string;
}

export interface EvaluationColumn {
  key: string;
  header: Localized;
  /** Width in characters. */
  width: number;
  /** Formula columns: the en-US formula of one row (without "="). Others take the row's constant. */
  formula?: (r: EvaluationRowEnv) => string;
  /** Default General; `unit` formats a value in the row's goal's unit. */
  numberFormat?: string | "unit";
  /** Chart data (#N/A for gaps) and shared helpers: shown in grey. */
  helper?: boolean;
}

export interface EvaluationTableDecl {
  name: EvaluationTableName;
  /** Header row (1-based) and first column (0-based). */
  anchor: { row: number; col: number };
  columns: EvaluationColumn[];
}

const TRACKING = "PIP_Tracking" as const;
const GOALS = "PIP_Goals" as const;

/** COUNTIFS/SUMIFS criteria pairs: the row's goal, then tracking row keys inside [start, end] (docs on rowKey). */
function inPeriod(r: EvaluationRowEnv): string {
  const key = r.col(TRACKING, "rowKey");
  return `${r.col(TRACKING, "goalKey")},${r.here("match")},${key},">="&(${r.here("start")}*1000000),${key},"<"&((${r.here("end")}+1)*1000000)`;
}

/** Criteria pairs: the row's goal, tracking rows dated ≤ period end (any date before, too: FORMULAS.md c_p). */
function toPeriodEnd(r: EvaluationRowEnv): string {
  const key = r.col(TRACKING, "rowKey");
  return `${r.col(TRACKING, "goalKey")},${r.here("match")},${key},">0",${key},"<"&((${r.here("end")}+1)*1000000)`;
}

/** The actual of the greatest row key matching `criteria`: the latest date, a tie going to the later row. */
function latestOf(r: EvaluationRowEnv, criteria: string): string {
  const key = r.col(TRACKING, "rowKey");
  return `INDEX(${r.col(TRACKING, "actual")},MATCH(MAXIFS(${key},${criteria}),${key},0))`;
}

/**
 * sum Σ actual, average Σ actual / n, latest the latest actual (`latest`); empty when n = 0. Any other label
 * reads as sum, as in the core.
 */
function aggregateOf(r: EvaluationRowEnv, count: string, sum: string, latest: string): string {
  const agg = r.here("aggregation");
  return `IF(N(${count})=0,"",IF(${agg}=${r.label("aggregation", "latest")},${latest},${sum}/IF(${agg}=${r.label("aggregation", "average")},${count},1)))`;
}

/** The value period attainment and progress measure: c_p for sum goals, v_p otherwise; empty without an entry. */
function measured(r: EvaluationRowEnv): string {
  return `IF(${r.here("aggregation")}=${r.label("aggregation", "sum")},${r.here("cumulative")},${r.here("value")})`;
}

/** The change signed so that up is better: a fall, for a lower-is-better goal. */
function better(r: EvaluationRowEnv): string {
  return `${r.here("sign")}*${r.here("change")}`;
}

/**
 * Columns of the quarterly and period tables. Running totals (entries and Σ actual to the period end) add each
 * period to the one above, as the core accumulates them; the first period of a goal counts everything dated up
 * to its end, entries before the window included.
 */
function periodColumns(kind: "periods" | "quarters"): EvaluationColumn[] {
  const columns: EvaluationColumn[] = [
    { key: "goalNo", header: h("goalNo"), width: 8, numberFormat: "0" },
    { key: "goal", header: h("goal"), width: 10, formula: (r) => `${r.goal("id")}&""` },
    { key: "aggregation", header: h("aggregation"), width: 9, formula: (r) => `${r.goal("aggregation")}&""` },
    { key: "periodNo", header: h("periodNo"), width: 8, numberFormat: "0" },
    { key: "period", header: h(kind === "quarters" ? "quarter" : "period"), width: kind === "quarters" ? 9 : 12 },
    { key: "start", header: h("start"), width: 11, numberFormat: DATE_FORMAT },
    { key: "end", header: h("end"), width: 11, numberFormat: DATE_FORMAT },
    { key: "entries", header: h("entries"), width: 8, numberFormat: "0", formula: (r) => `COUNTIFS(${inPeriod(r)})` },
    {
      key: "entriesToEnd",
      header: h("entriesToEnd"),
      width: 10,
      numberFormat: "0",
      formula: (r) => (r.first ? `COUNTIFS(${toPeriodEnd(r)})` : `${r.above("entriesToEnd")}+${r.here("entries")}`),
    },
    {
      key: "value",
      header: h("value"),
      width: 12,
      numberFormat: "unit",
      formula: (r) => aggregateOf(r, r.here("entries"), r.here("periodSum"), latestOf(r, inPeriod(r))),
    },
    {
      key: "cumulative",
      header: h("cumulative"),
      width: 14,
      numberFormat: "unit",
      formula: (r) => {
        // latest so far: this period's latest when it has entries, else the one above
        const latest = r.first ? latestOf(r, toPeriodEnd(r)) : `IF(N(${r.here("entries")})>0,${r.here("value")},${r.above("cumulative")})`;
        return aggregateOf(r, r.here("entriesToEnd"), r.here("sumToEnd"), latest);
      },
    },
    { key: "baseline", header: h("baseline"), width: 10, numberFormat: "unit", formula: (r) => r.goal("baseline") },
    { key: "target", header: h("target"), width: 10, numberFormat: "unit", formula: (r) => r.goal("target") },
    {
      key: "attainment",
      header: h("attainment"),
      width: 10,
      numberFormat: PERCENT_FORMAT,
      // increase m/t, decrease (2t − m)/t; empty without an entry in the period or when t = 0
      formula: (r) => {
        const t = r.here("target");
        const m = measured(r);
        return `IF(OR(N(${r.here("entries")})=0,NOT(ISNUMBER(${t})),N(${t})=0),"",${attainmentExpr(m, t, `${r.here("sign")}<0`)})`;
      },
    },
    {
      key: "progress",
      header: h("progress"),
      width: 10,
      numberFormat: PERCENT_FORMAT,
      // (m − b)/(t − b); empty without an entry or when t = b
      formula: (r) => {
        const t = r.here("target");
        const b = r.here("baseline");
        return `IF(OR(N(${r.here("entries")})=0,NOT(ISNUMBER(${t})),NOT(ISNUMBER(${b}))),"",IF(${t}=${b},"",(${measured(r)}-${b})/(${t}-${b})))`;
      },
    },
    {
      key: "change",
      header: h(kind === "quarters" ? "quarterChange" : "change"),
      width: 11,
      numberFormat: PERCENT_FORMAT,
      // (v_p − v_{p−1}) / |v_{p−1}|, against the same goal's previous period (the row above); none for period 1
      formula: (r) => {
        if (r.first) return `""`;
        const v = r.here("value");
        const prev = r.above("value");
        return `IF(OR(NOT(ISNUMBER(${v})),NOT(ISNUMBER(${prev}))),"",IF(${prev}=0,"",(${v}-${prev})/ABS(${prev})))`;
      },
    },
  ];
  const chartColumns: EvaluationColumn[] =
    kind === "quarters"
      ? []
      : [
          {
            key: "improvement",
            header: h("improvement"),
            width: 10,
            numberFormat: PERCENT_FORMAT,
            formula: (r) => `IF(NOT(ISNUMBER(${r.here("change")})),"",IF(${better(r)}>=0,${better(r)},""))`,
          },
          {
            key: "decline",
            header: h("decline"),
            width: 10,
            numberFormat: PERCENT_FORMAT,
            formula: (r) => `IF(NOT(ISNUMBER(${r.here("change")})),"",IF(${better(r)}<0,${better(r)},""))`,
          },
          {
            key: "chartCumulative",
            header: h("chartCumulative"),
            width: 12,
            numberFormat: "unit",
            helper: true,
            // a line chart draws "" as zero; #N/A is a gap. Periods that have not begun by the as-of date stay empty.
            formula: (r) => {
              const asOf = r.value("PIP_Summary", "asOf");
              return `IF(OR(NOT(ISNUMBER(${r.here("cumulative")})),AND(ISNUMBER(${asOf}),${r.here("start")}>${asOf})),NA(),${r.here("cumulative")})`;
            },
          },
          {
            key: "chartAttainment",
            header: h("chartAttainment"),
            width: 12,
            numberFormat: PERCENT_FORMAT,
            helper: true,
            formula: (r) => `IF(ISNUMBER(${r.here("attainment")}),${r.here("attainment")},NA())`,
          },
        ];
  // Helpers the formulas above share, computed once per row (grey, at the right).
  const helpers: EvaluationColumn[] = [
    { key: "match", header: h("match"), width: 10, helper: true, formula: (r) => r.exact(r.here("goal")) },
    { key: "sign", header: h("sign"), width: 8, numberFormat: "0", helper: true, formula: (r) => `IF(${r.goal("direction")}=${r.label("direction", "decrease")},-1,1)` },
    { key: "periodSum", header: h("periodSum"), width: 12, numberFormat: "unit", helper: true, formula: (r) => `SUMIFS(${r.col(TRACKING, "actual")},${inPeriod(r)})` },
    {
      key: "sumToEnd",
      header: h("sumToEnd"),
      width: 12,
      numberFormat: "unit",
      helper: true,
      formula: (r) => (r.first ? `SUMIFS(${r.col(TRACKING, "actual")},${toPeriodEnd(r)})` : `${r.above("sumToEnd")}+${r.here("periodSum")}`),
    },
  ];
  return [...columns, ...chartColumns, ...helpers];
}

const QUARTER_COLUMNS = periodColumns("quarters");
const PERIODS_COL = QUARTERS_COL + QUARTER_COLUMNS.length + 1;

/** A view of a PIP_Goals cell of the same goal; text cells are read as text ("" when empty, never 0). */
const goalView = (key: string, text = false) => (r: EvaluationRowEnv) => (text ? `${r.goal(key)}&""` : r.goal(key));

export const EVALUATION_TABLES: Record<EvaluationTableName, EvaluationTableDecl> = {
  PIP_EvalGoals: {
    name: "PIP_EvalGoals",
    anchor: { row: GOALS_HEADER_ROW, col: GOALS_COL },
    columns: [
      { key: "goal", header: h("goal"), width: 30, formula: goalView("id", true) },
      { key: "title", header: h("title"), width: 40, formula: goalView("title", true) },
      { key: "toDate", header: h("toDate"), width: 12, numberFormat: "unit", formula: goalView("toDate") },
      { key: "target", header: h("target"), width: 12, numberFormat: "unit", formula: goalView("target") },
      { key: "attainment", header: h("attainment"), width: 11, numberFormat: PERCENT_FORMAT, formula: goalView("attainment") },
      { key: "progress", header: h("progress"), width: 11, numberFormat: PERCENT_FORMAT, formula: goalView("progress") },
      { key: "score", header: h("score"), width: 11, numberFormat: PERCENT_FORMAT, formula: goalView("score") },
      { key: "pace", header: h("pace"), width: 12, numberFormat: PERCENT_FORMAT, formula: goalView("pace") },
      { key: "status", header: h("status"), width: 11, formula: goalView("status", true) },
    ],
  },
  PIP_EvalQuarters: { name: "PIP_EvalQuarters", anchor: { row: PERIOD_HEADER_ROW, col: QUARTERS_COL }, columns: QUARTER_COLUMNS },
  PIP_EvalPeriods: { name: "PIP_EvalPeriods", anchor: { row: PERIOD_HEADER_ROW, col: PERIODS_COL }, columns: periodColumns("periods") },
};

// ---------------------------------------------------------------------------------------------------------------
// The layout's declaration (after the derived tables: their widths place the period table's label)

export const evaluationSheet: SheetDecl = {
  key: "evaluation",
  name: SHEET_NAMES.evaluation,
  freezeRows: 0,
  protect: true,
  orientation: "landscape",
  // The summary, the decision and status by goal on one page, then each chart on a page of its own: a print area
  // of several areas, which src/excel/evaluation.ts sets (it follows the goals and the charts).
  print: { fitTo: { wide: 1, tall: 1 }, area: "derived" },
  blocks: [
    { cell: "A1", text: SHEET_TITLES.evaluation, style: "title" },
    { cell: "A2", text: SHEET_NOTES.evaluation, style: "note" },
    { cell: cell(GOALS_COL, SECTION_ROW), text: EVALUATION_SECTIONS.summary, style: "label" },
    { cell: cell(GOALS_COL, DECISION_HEADER_ROW - 1), text: EVALUATION_SECTIONS.decision, style: "label" },
    { cell: cell(GOALS_COL, GOALS_HEADER_ROW - 1), text: EVALUATION_SECTIONS.goals, style: "label" },
    { cell: cell(CHARTS_COL, SECTION_ROW), text: EVALUATION_SECTIONS.charts, style: "label" },
    { cell: cell(QUARTERS_COL, SECTION_ROW), text: EVALUATION_SECTIONS.quarters, style: "label" },
    { cell: cell(PERIODS_COL, SECTION_ROW), text: EVALUATION_SECTIONS.periods, style: "label" },
  ],
  tables: [
    {
      name: "PIP_Evaluation",
      shape: "record",
      entity: "evaluation",
      sheet: "evaluation",
      anchor: { row: DECISION_HEADER_ROW, col: GOALS_COL },
      fields: [
        { key: "date", field: "date", header: header("evaluation.date"), kind: "date", width: 40, validation: { kind: "date" } },
        { key: "outcome", field: "outcome", header: header("evaluation.outcome"), kind: "list", list: { kind: "labels", list: "outcome", nullable: true }, width: 40, validation: { kind: "list" }, audience: "hr-manager", sharedOnceDecided: true },
        { key: "decision", field: "decision", header: header("evaluation.decision"), kind: "list", list: { kind: "labels", list: "decision", nullable: true }, width: 40, validation: { kind: "list" }, audience: "hr-manager", sharedOnceDecided: true },
        { key: "measuresToStandardise", field: "measuresToStandardise", header: header("evaluation.measuresToStandardise"), kind: "text", width: 40, audience: "hr-manager", sharedOnceDecided: true },
        { key: "reasons", field: "reasons", header: header("evaluation.reasons"), kind: "text", width: 40, audience: "hr-manager", sharedOnceDecided: true },
        { key: "extensionEnd", field: "extensionEnd", header: header("evaluation.extensionEnd"), kind: "date", width: 40, validation: { kind: "date" }, audience: "hr-manager", sharedOnceDecided: true },
        { key: "notes", field: "notes", header: header("evaluation.notes"), kind: "text", width: 40, audience: "hr-manager", sharedOnceDecided: true },
      ],
    },
  ],
};

/** The summary items: a view of Overview's live summary (defined once there), as label | value rows. */
const SUMMARY_ITEMS: { key: keyof typeof EVALUATION_SUMMARY_ITEMS; numberFormat: string }[] = [
  { key: "asOf", numberFormat: DATE_FORMAT },
  { key: "elapsed", numberFormat: PERCENT_FORMAT },
  { key: "overall", numberFormat: PERCENT_FORMAT },
  { key: "outcome", numberFormat: "General" },
  { key: "checkInsPlanned", numberFormat: "0" },
  { key: "checkInsHeld", numberFormat: "0" },
  { key: "checkInsMissed", numberFormat: "0" },
  { key: "adherence", numberFormat: PERCENT_FORMAT },
];

/** Column index (0-based, sheet) of a derived table's column. */
export function evaluationColumnIndex(table: EvaluationTableName, key: string): number {
  const decl = EVALUATION_TABLES[table];
  const i = decl.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`layout: ${table} has no column ${key}`);
  return decl.anchor.col + i;
}

// ---------------------------------------------------------------------------------------------------------------
// Content for a plan

/** One derived range as the Office.js writer puts it in: constants and "=formulas", formats, widths. */
export interface EvaluationTableContent {
  name: EvaluationTableName;
  /** Header row (1-based) and first column (0-based). */
  headerRow: number;
  firstCol: number;
  headers: string[];
  /** Data rows: numbers, text constants (none begins with "=") and "=formula" strings. */
  rows: (number | string)[][];
  /** Number format of every data cell. */
  numberFormats: string[][];
  /** Column widths in characters. */
  widths: number[];
  /** 0-based positions (within the table) of chart-data and helper columns (shown in grey). */
  helperColumns: number[];
  /**
   * Period tables: rows per goal (the periods). Every goal's block holds the same formulas relative to its rows,
   * and within a block every row after the first the same formulas relative to that row, so the writer can send
   * each distinct formula once and let Excel fill the rest (src/excel/evaluation.ts). Null for status by goal.
   */
  blockRows: number | null;
}

/** The summary block: labels in column A, live values in column B. */
export interface EvaluationSummaryContent {
  firstRow: number;
  col: number;
  labels: string[];
  formulas: string[];
  numberFormats: string[];
}

export type EvaluationChartKind = "actual" | "attainment" | "change";
export type EvaluationChartType = "ColumnClustered" | "LineMarkers" | "Line";

export interface EvaluationSeriesDecl {
  /** Legend text. */
  name: string;
  /** A1 range on the Evaluation sheet (no sheet name). */
  values: string;
  /** Category labels (the period labels), A1 range on the Evaluation sheet. */
  xValues: string;
  /** Series chart type (a combo chart's line series on a column chart). */
  chartType: EvaluationChartType;
  /** Fill (columns) or line colour, #RRGGBB. */
  color: string;
}

export interface EvaluationChartDecl {
  /** Stable chart name: PIP_Chart_Attainment, PIP_Chart_G1_Actual, PIP_Chart_G1_Change (G<position in the plan>). */
  name: string;
  kind: EvaluationChartKind;
  /** 0-based goal position for per-goal charts. */
  goalIndex: number | null;
  chartType: EvaluationChartType;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** Number format of the value axis. */
  valueAxisFormat: string;
  series: EvaluationSeriesDecl[];
  /** Top-left and bottom-right cells the chart covers (Office.js chart.setPosition). */
  position: { from: string; to: string };
}

export interface EvaluationContent {
  sheetName: string;
  summary: EvaluationSummaryContent;
  tables: EvaluationTableContent[];
  charts: EvaluationChartDecl[];
  /**
   * What prints, area by area, each on a page of its own: the summary, the decision record and status by goal
   * (columns A–I, through the last goal), then each row of the chart grid (two charts side by side, or the wide
   * attainment chart), so no chart is cut across pages.
   */
  printArea: string;
}

export interface EvaluationOptions {
  lang: Language;
  /** The worksheet names the workbook uses (defaultSheetNames(lang) for a new workbook). */
  names: SheetNames;
  /** The layout index (LAYOUT from src/workbook), passed in so this module does not import the index that lists it. */
  layout: LayoutIndex;
}

const COLORS = {
  actual: "#4472C4",
  cumulative: "#1F3864",
  target: "#C00000",
  improvement: "#2E7D32",
  decline: "#C62828",
  goals: ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E", "#636363", "#997300"],
};

/**
 * Text from a plan shown as a chart title or legend: one beginning with = + - @ gets a leading zero-width
 * space, so that no host takes a goal id such as "=G1" for a reference.
 */
export function chartText(text: string): string {
  const trimmed = text.length > 255 ? text.slice(0, 255) : text;
  return /^[=+\-@]/.test(trimmed) ? `\u200B${trimmed}` : trimmed;
}

function cadenceOf(plan: Plan): PeriodKind {
  const c = plan?.header?.cadence;
  return c === "biweekly" || c === "monthly" ? c : "weekly";
}

function goalsOf(plan: Plan): Goal[] {
  return Array.isArray(plan?.goals) ? plan.goals : [];
}

/** The periods the Evaluation sheet lists: the plan's cadence periods and its calendar quarters. */
export function evaluationPeriods(plan: Plan): { periods: Period[]; quarters: Period[] } {
  const start = String(plan?.header?.planStart ?? "");
  const end = String(plan?.header?.planEnd ?? "");
  return { periods: planPeriods(start, end, cadenceOf(plan)), quarters: planPeriods(start, end, "quarterly") };
}

/** Sheet row (1-based) of goal `goalIndex`'s row for period `periodIndex` in the quarterly or period table. */
export function periodRowOf(table: "PIP_EvalQuarters" | "PIP_EvalPeriods", periodCount: number, goalIndex: number, periodIndex: number): number {
  return EVALUATION_TABLES[table].anchor.row + 1 + goalIndex * periodCount + periodIndex;
}

function rowEnv(env: FormulaEnv, decl: EvaluationTableDecl, row: number, goalsOffset: number, first: boolean): EvaluationRowEnv {
  const letter = (key: string) => {
    const i = decl.columns.findIndex((c) => c.key === key);
    if (i < 0) throw new Error(`layout: ${decl.name} has no column ${key}`);
    return columnLetter(decl.anchor.col + i);
  };
  const hasGoalNo = decl.columns.some((c) => c.key === "goalNo");
  return {
    ...env,
    row,
    first,
    here: (key) => `$${letter(key)}${row}`,
    above: (key) => `$${letter(key)}${row - 1}`,
    // PIP_Goals row of this row's goal: by the goal-number column, or (status by goal) by this row's position.
    goal: (key) =>
      hasGoalNo
        ? `INDEX(${env.col(GOALS, key)},${goalsOffset}+$${letter("goalNo")}${row})`
        : `INDEX(${env.col(GOALS, key)},ROW()${signed(goalsOffset - decl.anchor.row)})`,
  };
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : `${n}`;
}

function tableContent(
  decl: EvaluationTableDecl,
  env: FormulaEnv,
  lang: Language,
  goalsOffset: number,
  rows: { goal: Goal | undefined; values: Record<string, number | string> }[],
  blockRows: number | null = null,
): EvaluationTableContent {
  const out: (number | string)[][] = [];
  const formats: string[][] = [];
  rows.forEach((spec, i) => {
    const row = decl.anchor.row + 1 + i;
    const r = rowEnv(env, decl, row, goalsOffset, spec.values.periodNo === 1);
    const unit = unitNumberFormat(spec.goal?.unit);
    out.push(decl.columns.map((c) => (c.formula ? `=${c.formula(r)}` : (spec.values[c.key] ?? ""))));
    formats.push(decl.columns.map((c) => (c.numberFormat === "unit" ? unit : (c.numberFormat ?? "General"))));
  });
  return {
    name: decl.name,
    headerRow: decl.anchor.row,
    firstCol: decl.anchor.col,
    headers: decl.columns.map((c) => c.header[lang]),
    rows: out,
    numberFormats: formats,
    widths: decl.columns.map((c) => c.width),
    helperColumns: decl.columns.flatMap((c, i) => (c.helper ? [i] : [])),
    blockRows: blockRows !== null && blockRows > 0 ? blockRows : null,
  };
}

function periodRows(goals: Goal[], periods: Period[]): { goal: Goal; values: Record<string, number | string> }[] {
  return goals.flatMap((goal, g) =>
    periods.map((p) => ({
      goal,
      values: {
        goalNo: g + 1,
        periodNo: p.index + 1,
        period: p.label,
        start: isoToSerial(p.start) ?? "",
        end: isoToSerial(p.end) ?? "",
      },
    })),
  );
}

function columnRange(table: EvaluationTableName, key: string, firstRow: number, lastRow: number): string {
  const letter = columnLetter(evaluationColumnIndex(table, key));
  return `$${letter}$${firstRow}:$${letter}$${lastRow}`;
}

/** Top-left and bottom-right cells of grid slot (row, column); `wide` spans both grid columns. */
function chartSlot(gridRow: number, gridCol: 0 | 1, wide = false): { from: string; to: string } {
  const top = CHART_TOP_ROW + gridRow * (CHART_ROWS + 1);
  const left = CHARTS_COL + gridCol * (CHART_COLUMNS + 1);
  const right = wide ? CHARTS_COL + 2 * CHART_COLUMNS : left + CHART_COLUMNS - 1;
  return { from: cell(left, top), to: cell(right, top + CHART_ROWS - 1) };
}

function goalLabel(goal: Goal): string {
  const id = String(goal?.id ?? "");
  const title = String(goal?.title ?? "");
  return title ? `${id} ${title}` : id;
}

function evaluationCharts(goals: Goal[], periods: Period[], lang: Language): EvaluationChartDecl[] {
  if (goals.length === 0 || periods.length === 0) return [];
  const n = periods.length;
  const rowsOf = (g: number) => ({ first: periodRowOf("PIP_EvalPeriods", n, g, 0), last: periodRowOf("PIP_EvalPeriods", n, g, n - 1) });
  const range = (key: string, g: number) => columnRange("PIP_EvalPeriods", key, rowsOf(g).first, rowsOf(g).last);
  const axes = { categoryAxisTitle: CHART_AXES.period[lang] };

  const attainment: EvaluationChartDecl = {
    name: `${EVALUATION_CHART_PREFIX}Attainment`,
    kind: "attainment",
    goalIndex: null,
    chartType: "LineMarkers",
    title: CHART_TITLES.attainment[lang],
    ...axes,
    valueAxisTitle: CHART_AXES.attainment[lang],
    valueAxisFormat: "0%",
    series: goals.map((goal, g) => ({
      name: chartText(goalLabel(goal)),
      values: range("chartAttainment", g),
      xValues: range("period", 0),
      chartType: "LineMarkers",
      color: COLORS.goals[g % COLORS.goals.length],
    })),
    position: chartSlot(0, 0, true),
  };

  const perGoal = goals.flatMap((goal, g): EvaluationChartDecl[] => {
    const x = range("period", g);
    const label = chartText(goalLabel(goal));
    const isSum = goal?.aggregation === "sum";
    const unit = typeof goal?.unit === "string" ? goal.unit.trim() : "";
    const decrease = goal?.direction === "decrease";
    const series: EvaluationSeriesDecl[] = [
      { name: CHART_SERIES.actual[lang], values: range("value", g), xValues: x, chartType: "ColumnClustered", color: COLORS.actual },
    ];
    if (isSum) series.push({ name: CHART_SERIES.cumulative[lang], values: range("chartCumulative", g), xValues: x, chartType: "LineMarkers", color: COLORS.cumulative });
    series.push({ name: CHART_SERIES.target[lang], values: range("target", g), xValues: x, chartType: "Line", color: COLORS.target });
    return [
      {
        name: `${EVALUATION_CHART_PREFIX}G${g + 1}_Actual`,
        kind: "actual",
        goalIndex: g,
        chartType: "ColumnClustered",
        title: fillTemplate((isSum ? CHART_TITLES.actualSum : CHART_TITLES.actual)[lang], { goal: label }),
        ...axes,
        valueAxisTitle: unit && unit !== "%" ? fillTemplate(CHART_AXES.valueWithUnit[lang], { unit }) : CHART_AXES.value[lang],
        valueAxisFormat: unit === "%" ? "0.0%" : "General",
        series,
        position: chartSlot(g + 1, 0),
      },
      {
        name: `${EVALUATION_CHART_PREFIX}G${g + 1}_Change`,
        kind: "change",
        goalIndex: g,
        chartType: "ColumnClustered",
        title: fillTemplate(CHART_TITLES.change[lang], { goal: label }),
        ...axes,
        valueAxisTitle: CHART_AXES.change[lang],
        valueAxisFormat: "0%",
        series: [
          { name: (decrease ? CHART_SERIES.improvementFall : CHART_SERIES.improvementRise)[lang], values: range("improvement", g), xValues: x, chartType: "ColumnClustered", color: COLORS.improvement },
          { name: (decrease ? CHART_SERIES.declineRise : CHART_SERIES.declineFall)[lang], values: range("decline", g), xValues: x, chartType: "ColumnClustered", color: COLORS.decline },
        ],
        position: chartSlot(g + 1, 1),
      },
    ];
  });
  return [attainment, ...perGoal];
}

/**
 * Everything src/excel/evaluation.ts writes on the Evaluation sheet for a plan: the summary block, the three
 * derived tables (one row per goal; per goal one row per quarter / cadence period, every period listed from the
 * start so that charts grow as values arrive) and the charts.
 */
export function evaluationContent(plan: Plan, options: EvaluationOptions): EvaluationContent {
  const { lang, names, layout } = options;
  const env = makeFormulaEnv(layout, names, lang, "evaluation");
  const goalsTable = layout.tables.get(GOALS);
  if (!goalsTable) throw new Error("layout: no table PIP_Goals");
  // INDEX(<PIP_Goals column>, goalsOffset + goal number) is the goal's cell
  const goalsOffset = firstDataRow(goalsTable) - 1;
  const goals = goalsOf(plan);
  const { periods, quarters } = evaluationPeriods(plan);

  const summary: EvaluationSummaryContent = {
    firstRow: SUMMARY_ROW,
    col: GOALS_COL,
    labels: SUMMARY_ITEMS.map((item) => EVALUATION_SUMMARY_ITEMS[item.key][lang]),
    formulas: SUMMARY_ITEMS.map((item) => {
      const ref = env.value("PIP_Summary", item.key);
      return `=IF(ISBLANK(${ref}),"",${ref})`;
    }),
    numberFormats: SUMMARY_ITEMS.map((item) => item.numberFormat),
  };

  const tables = [
    tableContent(EVALUATION_TABLES.PIP_EvalGoals, env, lang, goalsOffset, goals.map((goal) => ({ goal, values: {} }))),
    tableContent(EVALUATION_TABLES.PIP_EvalQuarters, env, lang, goalsOffset, periodRows(goals, quarters), quarters.length),
    tableContent(EVALUATION_TABLES.PIP_EvalPeriods, env, lang, goalsOffset, periodRows(goals, periods), periods.length),
  ];
  const goalsDecl = EVALUATION_TABLES.PIP_EvalGoals;
  const charts = evaluationCharts(goals, periods, lang);
  // One area per row of the chart grid: from its left-most chart's top-left to its right-most chart's bottom-right.
  const gridRows = new Map<number, { left: number; right: number; top: number; bottom: number }>();
  for (const c of charts) {
    const from = parseCell(c.position.from)!;
    const to = parseCell(c.position.to)!;
    const row = gridRows.get(from.row) ?? { left: from.col, right: to.col, top: from.row, bottom: to.row };
    gridRows.set(from.row, { ...row, left: Math.min(row.left, from.col), right: Math.max(row.right, to.col), bottom: Math.max(row.bottom, to.row) });
  }
  const printArea = [
    `A1:${cell(goalsDecl.anchor.col + goalsDecl.columns.length - 1, goalsDecl.anchor.row + Math.max(1, goals.length))}`,
    ...[...gridRows.values()].map((r) => `${cell(r.left, r.top)}:${cell(r.right, r.bottom)}`),
  ].join(",");
  return { sheetName: names.evaluation, summary, tables, charts, printArea };
}
