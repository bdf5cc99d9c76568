/**
 * Evaluation (效果评估): the stage-7 sheet, declared with the layout's own vocabulary:
 *
 * 1. Blocks: title, note, section labels and the summary (a view of Overview's live summary, label | value rows).
 * 2. The stage-7 decision record PIP_Evaluation (date, outcome, decision, measures to standardise, reasons,
 *    extension end, notes), which the writer writes and the reader maps to `plan.evaluation`.
 * 3. Derived list tables (`rowsOf`) written as plain ranges (`SheetDecl.ranges`, src/excel/ranges.ts), whose rows
 *    depend on the plan (goals × periods): PIP_EvalGoals (status by goal, a view of the Goals sheet),
 *    PIP_EvalQuarters (the quarterly review) and PIP_EvalPeriods (every cadence period of every goal). Their
 *    numbers are live formulas over the Tracking log (COUNTIFS / SUMIFS / MAXIFS on the tracking table's row key),
 *    so a manager's new tracking row updates them without the add-in; every formula follows docs/FORMULAS.md
 *    "Per period" exactly as src/core/analysis.ts does. Their rows come in blocks per goal (`fillBlock`), which the
 *    writer fills by Range.copyFrom.
 * 4. The native charts (`SheetDecl.charts`, ChartDecl of ../charts): per goal actual by period vs the target,
 *    attainment by period across goals with a 100 % line, per goal period-over-period change with improvement and
 *    decline as separate series, and attainment by quarter when the plan spans two quarters or more.
 *
 * The sheet in columns: A–I summary (rows 5–12), decision record (15–22) and status by goal (25 ↓); K–AA the
 * chart grid (rows 5 ↓); from AC the quarterly table, then one column apart the period table (header row 5 ↓),
 * each ending in grey helper columns. Every table that grows has nothing below it. Positions are fixed here; only
 * row counts follow the plan.
 *
 * Pure: no Office.js. Formulas are en-US, for `range.formulas`, using only functions that Excel, HyperFormula and
 * LibreOffice compute alike (TOOLCHAIN.md).
 */
import { at } from "../../core/indexed";
import type { Goal, Language, Plan } from "../../core/model";
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
  columnIndexOf,
  columnLetter,
  firstDataRow,
  header,
  parseCell,
  type BlockDecl,
  type ColumnDecl,
  type FormulaEnv,
  type FormulaRow,
  type LayoutIndex,
  type ListTableDecl,
  type SheetDecl,
  type SheetNames,
} from "../layout";
import { CHART_PREFIX, chartText, type ChartDecl, type ChartDeclKind, type ChartDeclType, type SeriesDecl } from "../charts";
import { goalsSheet, type GoalColumn } from "./goals";

// The chart declaration types under their Evaluation names (kept for callers; generic ones in ../charts).
export { chartText };
export type EvaluationChartDecl = ChartDecl;
export type EvaluationSeriesDecl = SeriesDecl;
export type EvaluationChartKind = ChartDeclKind;
export type EvaluationChartType = ChartDeclType;
/** Name prefix of every chart this module declares (a chart with this prefix that is no longer declared is stale). */
export const EVALUATION_CHART_PREFIX = CHART_PREFIX;

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

const h = (id: EvaluationHeaderId): Localized => EVALUATION_HEADERS[id];
const cell = (col: number, row: number) => `${columnLetter(col)}${row}`;

const TRACKING = "PIP_Tracking" as const;
const GOALS = "PIP_Goals" as const;
const GOALS_TABLE = goalsSheet.tables.find((t) => t.name === GOALS)!;
/** INDEX(<PIP_Goals column>, GOALS_OFFSET + goal number) is the goal's cell. */
const GOALS_OFFSET = firstDataRow(GOALS_TABLE) - 1;

/** This row's goal's cell of a PIP_Goals column, by the row's goal number: `INDEX(Goals!$F:$F,3+$AT7)`. */
const goalOf = (r: FormulaRow, key: GoalColumn) => `INDEX(${r.col(GOALS, key)},${GOALS_OFFSET}+${r.here("goalNo")})`;
/** The row is a goal's first period (no period above it to add to or compare with). */
const isFirst = (r: FormulaRow) => r.data.periodNo === 1;

/** COUNTIFS/SUMIFS criteria pairs: the row's goal, then tracking row keys inside [start, end] (docs on rowKey). */
function inPeriod(r: FormulaRow): string {
  const key = r.col(TRACKING, "rowKey");
  return `${r.col(TRACKING, "goalKey")},${r.here("match")},${key},">="&(${r.here("start")}*1000000),${key},"<"&((${r.here("end")}+1)*1000000)`;
}

/** Criteria pairs: the row's goal, tracking rows dated ≤ period end (any date before, too: FORMULAS.md c_p). */
function toPeriodEnd(r: FormulaRow): string {
  const key = r.col(TRACKING, "rowKey");
  return `${r.col(TRACKING, "goalKey")},${r.here("match")},${key},">0",${key},"<"&((${r.here("end")}+1)*1000000)`;
}

/** The actual of the greatest row key matching `criteria`: the latest date, a tie going to the later row. */
function latestOf(r: FormulaRow, criteria: string): string {
  const key = r.col(TRACKING, "rowKey");
  return `INDEX(${r.col(TRACKING, "actual")},MATCH(MAXIFS(${key},${criteria}),${key},0))`;
}

/**
 * sum Σ actual, average Σ actual / n, latest the latest actual (`latest`); empty when n = 0. Any other label
 * reads as sum, as in the core.
 */
function aggregateOf(r: FormulaRow, count: string, sum: string, latest: string): string {
  const agg = r.here("aggregation");
  return `IF(N(${count})=0,"",IF(${agg}=${r.label("aggregation", "latest")},${latest},${sum}/IF(${agg}=${r.label("aggregation", "average")},${count},1)))`;
}

/** The value period attainment and progress measure: c_p for sum goals, v_p otherwise; empty without an entry. */
function measured(r: FormulaRow): string {
  return `IF(${r.here("aggregation")}=${r.label("aggregation", "sum")},${r.here("cumulative")},${r.here("value")})`;
}

/** The change signed so that up is better: a fall, for a lower-is-better goal. */
function better(r: FormulaRow): string {
  return `${r.here("sign")}*${r.here("change")}`;
}

/** A formula column of a derived table. */
function formula(key: string, headerText: Localized, width: number, f: (r: FormulaRow) => string, more: Partial<ColumnDecl> = {}): ColumnDecl {
  return { key, header: headerText, kind: "formula", width, formula: f, ...more };
}

/** Number formats: a value in the row's goal's unit (`unit` of the row, from rowsOf). */
const UNIT = { unitFormat: "ownRow" } as const;
const PERCENT = { numberFormat: PERCENT_FORMAT } as const;
const COUNT = { numberFormat: "0" } as const;
const MUTED = { muted: true } as const;

/** A line chart draws "" as zero; #N/A is a gap. */
const chartAttainment = formula("chartAttainment", h("chartAttainment"), 11, (r) => `IF(ISNUMBER(${r.here("attainment")}),${r.here("attainment")},NA())`, { ...PERCENT, ...MUTED });

/**
 * Width of every column of the quarterly and period tables: one width, so the writer sets them in one range each
 * (headers wrap).
 */
const W = 11;

/**
 * Columns of the quarterly and period tables. Running totals (entries and Σ actual to the period end) add each
 * period to the one above, as the core accumulates them; the first period of a goal counts everything dated up
 * to its end, entries before the window included.
 */
function periodColumns(kind: "periods" | "quarters"): ColumnDecl[] {
  const columns: ColumnDecl[] = [
    { key: "goalNo", header: h("goalNo"), kind: "number", width: W, ...COUNT },
    formula("goal", h("goal"), W, (r) => `${goalOf(r, "id")}&""`),
    formula("aggregation", h("aggregation"), W, (r) => `${goalOf(r, "aggregation")}&""`),
    { key: "periodNo", header: h("periodNo"), kind: "number", width: W, ...COUNT },
    { key: "period", header: h(kind === "quarters" ? "quarter" : "period"), kind: "text", width: W },
    { key: "start", header: h("start"), kind: "date", width: W, numberFormat: DATE_FORMAT },
    { key: "end", header: h("end"), kind: "date", width: W, numberFormat: DATE_FORMAT },
    formula("entries", h("entries"), W, (r) => `COUNTIFS(${inPeriod(r)})`, COUNT),
    formula("entriesToEnd", h("entriesToEnd"), W, (r) => (isFirst(r) ? `COUNTIFS(${toPeriodEnd(r)})` : `${r.above("entriesToEnd")}+${r.here("entries")}`), COUNT),
    formula("value", h("value"), W, (r) => aggregateOf(r, r.here("entries"), r.here("periodSum"), latestOf(r, inPeriod(r))), UNIT),
    formula(
      "cumulative",
      h("cumulative"),
      W,
      (r) => {
        // latest so far: this period's latest when it has entries, else the one above
        const latest = isFirst(r) ? latestOf(r, toPeriodEnd(r)) : `IF(N(${r.here("entries")})>0,${r.here("value")},${r.above("cumulative")})`;
        return aggregateOf(r, r.here("entriesToEnd"), r.here("sumToEnd"), latest);
      },
      UNIT,
    ),
    formula("baseline", h("baseline"), W, (r) => goalOf(r, "baseline"), UNIT),
    formula("target", h("target"), W, (r) => goalOf(r, "target"), UNIT),
    // increase m/t, decrease (2t − m)/t; empty without an entry in the period or when t = 0
    formula(
      "attainment",
      h("attainment"),
      W,
      (r) => {
        const t = r.here("target");
        return `IF(OR(N(${r.here("entries")})=0,NOT(ISNUMBER(${t})),N(${t})=0),"",${attainmentExpr(measured(r), t, `${r.here("sign")}<0`)})`;
      },
      PERCENT,
    ),
    // (m − b)/(t − b); empty without an entry or when t = b
    formula(
      "progress",
      h("progress"),
      W,
      (r) => {
        const t = r.here("target");
        const b = r.here("baseline");
        return `IF(OR(N(${r.here("entries")})=0,NOT(ISNUMBER(${t})),NOT(ISNUMBER(${b}))),"",IF(${t}=${b},"",(${measured(r)}-${b})/(${t}-${b})))`;
      },
      PERCENT,
    ),
    // (v_p − v_{p−1}) / |v_{p−1}|, against the same goal's previous period (the row above); none for period 1
    formula(
      "change",
      h(kind === "quarters" ? "quarterChange" : "change"),
      W,
      (r) => {
        if (isFirst(r)) return `""`;
        const v = r.here("value");
        const prev = r.above("value");
        return `IF(OR(NOT(ISNUMBER(${v})),NOT(ISNUMBER(${prev}))),"",IF(${prev}=0,"",(${v}-${prev})/ABS(${prev})))`;
      },
      PERCENT,
    ),
  ];
  const chartColumns: ColumnDecl[] =
    kind === "quarters"
      ? [chartAttainment]
      : [
          formula("improvement", h("improvement"), W, (r) => `IF(NOT(ISNUMBER(${r.here("change")})),"",IF(${better(r)}>=0,${better(r)},""))`, PERCENT),
          formula("decline", h("decline"), W, (r) => `IF(NOT(ISNUMBER(${r.here("change")})),"",IF(${better(r)}<0,${better(r)},""))`, PERCENT),
          // Periods that have not begun by the as-of date stay empty (#N/A: a gap).
          formula(
            "chartCumulative",
            h("chartCumulative"),
            W,
            (r) => {
              const asOf = r.value("PIP_Summary", "asOf");
              return `IF(OR(NOT(ISNUMBER(${r.here("cumulative")})),AND(ISNUMBER(${asOf}),${r.here("start")}>${asOf})),NA(),${r.here("cumulative")})`;
            },
            { ...UNIT, ...MUTED },
          ),
          chartAttainment,
          // The attainment chart's 100 % line: Office.js binds a series to a range only (ChartSeries.setValues).
          { key: "full", header: h("full"), kind: "number", width: W, ...PERCENT, ...MUTED },
        ];
  // Helpers the formulas above share, computed once per row (grey, at the right).
  const helpers: ColumnDecl[] = [
    formula("match", h("match"), W, (r) => r.exact(r.here("goal")), MUTED),
    formula("sign", h("sign"), W, (r) => `IF(${goalOf(r, "direction")}=${r.label("direction", "decrease")},-1,1)`, { ...COUNT, ...MUTED }),
    formula("periodSum", h("periodSum"), W, (r) => `SUMIFS(${r.col(TRACKING, "actual")},${inPeriod(r)})`, { ...UNIT, ...MUTED }),
    formula(
      "sumToEnd",
      h("sumToEnd"),
      W,
      (r) => (isFirst(r) ? `SUMIFS(${r.col(TRACKING, "actual")},${toPeriodEnd(r)})` : `${r.above("sumToEnd")}+${r.here("periodSum")}`),
      { ...UNIT, ...MUTED },
    ),
  ];
  return [...columns, ...chartColumns, ...helpers];
}

// ---------------------------------------------------------------------------------------------------------------
// Rows for a plan

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

/** Per goal, one row per period (every period listed from the start, so that charts grow as values arrive). */
function periodRows(plan: Plan, periods: Period[]): Record<string, unknown>[] {
  return goalsOf(plan).flatMap((goal, g) =>
    periods.map((p) => ({ goalNo: g + 1, periodNo: p.index + 1, period: p.label, start: p.start, end: p.end, unit: goal?.unit, full: 1 })),
  );
}

/** A view of a PIP_Goals cell of the same goal, by this row's position; text cells are read as text ("" when empty, never 0). */
const goalView = (key: GoalColumn, text = false) => (r: FormulaRow) => {
  const ref = `INDEX(${r.col(GOALS, key)},ROW()${signed(GOALS_OFFSET - GOALS_HEADER_ROW)})`;
  return text ? `${ref}&""` : ref;
};

function signed(n: number): string {
  return n >= 0 ? `+${n}` : `${n}`;
}

const QUARTER_COLUMNS = periodColumns("quarters");
const PERIODS_COL = QUARTERS_COL + QUARTER_COLUMNS.length + 1;

const derived = (name: EvaluationTableName, col: number, row: number, columns: ColumnDecl[], rowsOf: (plan: Plan) => Record<string, unknown>[], fillBlock: (plan: Plan) => number): ListTableDecl => ({
  name,
  shape: "list",
  entity: null,
  sheet: "evaluation",
  anchor: { row, col },
  columns,
  rowsOf,
  fillBlock,
});

export const EVALUATION_TABLES: Record<EvaluationTableName, ListTableDecl> = {
  PIP_EvalGoals: derived(
    "PIP_EvalGoals",
    GOALS_COL,
    GOALS_HEADER_ROW,
    [
      formula("goal", h("goal"), 30, goalView("id", true)),
      formula("title", h("title"), 40, goalView("title", true)),
      formula("toDate", h("toDate"), W, goalView("toDate"), UNIT),
      formula("target", h("target"), W, goalView("target"), UNIT),
      formula("attainment", h("attainment"), W, goalView("attainment"), PERCENT),
      formula("progress", h("progress"), W, goalView("progress"), PERCENT),
      formula("score", h("score"), W, goalView("score"), PERCENT),
      formula("pace", h("pace"), W, goalView("pace"), PERCENT),
      formula("status", h("status"), W, goalView("status", true)),
    ],
    (plan) => goalsOf(plan).map((goal) => ({ unit: goal?.unit })),
    // every row has the same formulas (its goal is found by ROW())
    () => 1,
  ),
  PIP_EvalQuarters: derived("PIP_EvalQuarters", QUARTERS_COL, PERIOD_HEADER_ROW, QUARTER_COLUMNS, (plan) => periodRows(plan, evaluationPeriods(plan).quarters), (plan) => evaluationPeriods(plan).quarters.length),
  PIP_EvalPeriods: derived("PIP_EvalPeriods", PERIODS_COL, PERIOD_HEADER_ROW, periodColumns("periods"), (plan) => periodRows(plan, evaluationPeriods(plan).periods), (plan) => evaluationPeriods(plan).periods.length),
};

/** Column index (0-based, sheet) of a derived table's column. */
export function evaluationColumnIndex(table: EvaluationTableName, key: string): number {
  return columnIndexOf(EVALUATION_TABLES[table], key);
}

/** Sheet row (1-based) of goal `goalIndex`'s row for period `periodIndex` in the quarterly or period table. */
export function periodRowOf(table: "PIP_EvalQuarters" | "PIP_EvalPeriods", periodCount: number, goalIndex: number, periodIndex: number): number {
  return EVALUATION_TABLES[table].anchor.row + 1 + goalIndex * periodCount + periodIndex;
}

// ---------------------------------------------------------------------------------------------------------------
// The summary: a view of Overview's live summary (defined once there), as label | value blocks

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

const SUMMARY_BLOCKS: BlockDecl[] = [
  {
    cell: `${cell(GOALS_COL, SUMMARY_ROW)}:${cell(GOALS_COL, SUMMARY_ROW + SUMMARY_ITEMS.length - 1)}`,
    lines: SUMMARY_ITEMS.map((item) => ({ text: EVALUATION_SUMMARY_ITEMS[item.key] })),
    style: "label",
  },
  {
    cell: `${cell(GOALS_COL + 1, SUMMARY_ROW)}:${cell(GOALS_COL + 1, SUMMARY_ROW + SUMMARY_ITEMS.length - 1)}`,
    lines: SUMMARY_ITEMS.map((item) => ({
      formula: (f: FormulaEnv) => {
        const ref = f.value("PIP_Summary", item.key);
        return `IF(ISBLANK(${ref}),"",${ref})`;
      },
      numberFormat: item.numberFormat,
    })),
    style: "value",
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Charts

const COLORS = {
  actual: "#4472C4",
  cumulative: "#1F3864",
  target: "#C00000",
  full: "#7F7F7F",
  improvement: "#2E7D32",
  decline: "#C62828",
  goals: ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E", "#636363", "#997300"],
};
/** Goal g's colour, the palette repeating after its last. */
const goalColor = (g: number): string => at(COLORS.goals, g % COLORS.goals.length, "goal colour");

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

/** The charts of the Evaluation sheet for a plan (none without goals or periods). */
export function evaluationCharts(plan: Plan, lang: Language): ChartDecl[] {
  const goals = goalsOf(plan);
  const { periods, quarters } = evaluationPeriods(plan);
  if (goals.length === 0 || periods.length === 0) return [];
  const blockOf = (table: "PIP_EvalQuarters" | "PIP_EvalPeriods", n: number) => (key: string, g: number) =>
    columnRange(table, key, periodRowOf(table, n, g, 0), periodRowOf(table, n, g, n - 1));
  const range = blockOf("PIP_EvalPeriods", periods.length);
  const axes = { categoryAxisTitle: CHART_AXES.period[lang] };

  const attainment: ChartDecl = {
    name: `${CHART_PREFIX}Attainment`,
    kind: "attainment",
    goalIndex: null,
    chartType: "LineMarkers",
    title: CHART_TITLES.attainment[lang],
    ...axes,
    valueAxisTitle: CHART_AXES.attainment[lang],
    valueAxisFormat: "0%",
    series: [
      ...goals.map(
        (goal, g): SeriesDecl => ({
          name: chartText(goalLabel(goal)),
          values: range("chartAttainment", g),
          xValues: range("period", 0),
          chartType: "LineMarkers",
          color: goalColor(g),
        }),
      ),
      // A goal's target reached: a dashed line at 100 % across every period (the first goal's block of 1s).
      { name: CHART_SERIES.full[lang], values: range("full", 0), xValues: range("period", 0), chartType: "Line", color: COLORS.full },
    ],
    position: chartSlot(0, 0, true),
  };

  const perGoal = goals.flatMap((goal, g): ChartDecl[] => {
    const x = range("period", g);
    const label = chartText(goalLabel(goal));
    const isSum = goal?.aggregation === "sum";
    const unit = typeof goal?.unit === "string" ? goal.unit.trim() : "";
    const decrease = goal?.direction === "decrease";
    const series: SeriesDecl[] = [{ name: CHART_SERIES.actual[lang], values: range("value", g), xValues: x, chartType: "ColumnClustered", color: COLORS.actual }];
    if (isSum) series.push({ name: CHART_SERIES.cumulative[lang], values: range("chartCumulative", g), xValues: x, chartType: "LineMarkers", color: COLORS.cumulative });
    series.push({ name: CHART_SERIES.target[lang], values: range("target", g), xValues: x, chartType: "Line", color: COLORS.target });
    return [
      {
        name: `${CHART_PREFIX}G${g + 1}_Actual`,
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
        name: `${CHART_PREFIX}G${g + 1}_Change`,
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

  // Quarter over quarter (issue 17): a plan spanning two quarters or more gets each goal's attainment by quarter,
  // side by side per quarter, below the per-goal charts.
  const quarterly: ChartDecl[] = [];
  if (quarters.length >= 2) {
    const q = blockOf("PIP_EvalQuarters", quarters.length);
    quarterly.push({
      name: `${CHART_PREFIX}Quarters`,
      kind: "quarters",
      goalIndex: null,
      chartType: "ColumnClustered",
      title: CHART_TITLES.quarters[lang],
      categoryAxisTitle: CHART_AXES.quarter[lang],
      valueAxisTitle: CHART_AXES.attainment[lang],
      valueAxisFormat: "0%",
      series: goals.map((goal, g) => ({
        name: chartText(goalLabel(goal)),
        values: q("chartAttainment", g),
        xValues: q("period", 0),
        chartType: "ColumnClustered",
        color: goalColor(g),
      })),
      position: chartSlot(goals.length + 1, 0, true),
    });
  }
  return [attainment, ...perGoal, ...quarterly];
}

/**
 * What prints, area by area, each on a page of its own: the summary, the decision record and status by goal
 * (columns A–I, through the last goal), then each row of the chart grid (two charts side by side, or a wide
 * chart), so no chart is cut across pages.
 */
export function evaluationPrintArea(plan: Plan, charts: readonly ChartDecl[] = evaluationCharts(plan, "zh-CN")): string {
  const goalsDecl = EVALUATION_TABLES.PIP_EvalGoals;
  const gridRows = new Map<number, { left: number; right: number; top: number; bottom: number }>();
  for (const c of charts) {
    const from = parseCell(c.position.from)!;
    const to = parseCell(c.position.to)!;
    const row = gridRows.get(from.row) ?? { left: from.col, right: to.col, top: from.row, bottom: to.row };
    gridRows.set(from.row, { ...row, left: Math.min(row.left, from.col), right: Math.max(row.right, to.col), bottom: Math.max(row.bottom, to.row) });
  }
  return [
    `A1:${cell(goalsDecl.anchor.col + goalsDecl.columns.length - 1, goalsDecl.anchor.row + Math.max(1, goalsOf(plan).length))}`,
    ...[...gridRows.values()].map((r) => `${cell(r.left, r.top)}:${cell(r.right, r.bottom)}`),
  ].join(",");
}

// ---------------------------------------------------------------------------------------------------------------
// The layout's declaration

export const evaluationSheet: SheetDecl = {
  key: "evaluation",
  name: SHEET_NAMES.evaluation,
  freezeRows: 0,
  protect: true,
  orientation: "landscape",
  // The summary, the decision and status by goal on one page, then each chart on a page of its own: a print area
  // of several areas, which follows the goals and the charts (printAreaOf).
  print: { fitTo: { wide: 1, tall: 1 }, area: "derived" },
  blocks: [
    { cell: "A1", text: SHEET_TITLES.evaluation, style: "title" },
    { cell: "A2", text: SHEET_NOTES.evaluation, style: "note" },
    { cell: cell(GOALS_COL, SECTION_ROW), text: EVALUATION_SECTIONS.summary, style: "label" },
    ...SUMMARY_BLOCKS,
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
  ranges: [EVALUATION_TABLES.PIP_EvalGoals, EVALUATION_TABLES.PIP_EvalQuarters, EVALUATION_TABLES.PIP_EvalPeriods],
  charts: evaluationCharts,
  printAreaOf: (plan) => evaluationPrintArea(plan),
};

// ---------------------------------------------------------------------------------------------------------------
// Content for a plan (what tests and the pane's self-test look at)

/** The summary block: labels in column A, live values in column B. */
export interface EvaluationSummaryContent {
  firstRow: number;
  col: number;
  labels: string[];
  numberFormats: string[];
}

export interface EvaluationContent {
  sheetName: string;
  summary: EvaluationSummaryContent;
  charts: ChartDecl[];
  printArea: string;
}

export interface EvaluationOptions {
  lang: Language;
  /** The worksheet names the workbook uses (defaultSheetNames(lang) for a new workbook). */
  names: SheetNames;
  /** Unused since the tables are the layout's own; kept so callers' options stay valid. */
  layout?: LayoutIndex;
}

/** The summary's place and labels, the charts and the print area the writer puts on the Evaluation sheet for a plan. */
export function evaluationContent(plan: Plan, options: EvaluationOptions): EvaluationContent {
  const { lang, names } = options;
  const charts = evaluationCharts(plan, lang);
  return {
    sheetName: names.evaluation,
    summary: {
      firstRow: SUMMARY_ROW,
      col: GOALS_COL,
      labels: SUMMARY_ITEMS.map((item) => EVALUATION_SUMMARY_ITEMS[item.key][lang]),
      numberFormats: SUMMARY_ITEMS.map((item) => item.numberFormat),
    },
    charts,
    printArea: evaluationPrintArea(plan, charts),
  };
}
