/**
 * Goals (改进目标): the SMART goals, and per goal the live numbers of docs/FORMULAS.md computed from the
 * tracking log — check-ins, to-date value, attainment, progress, score, pace, status — plus the two helper
 * columns the overall weighted attainment sums.
 */
import { SHEET_NAMES, SHEET_NOTES, SHEET_TITLES } from "../../i18n/workbook";
import type { Goal } from "../../core/model";
import {
  PERCENT_FORMAT,
  attainmentExpr,
  header,
  type ColumnDecl,
  type FormulaRow,
  type ListTableDecl,
  type KeysDeclared, type SheetDecl,
} from "../layout";

/** The goal fields a person types, then the live numbers (FORMULAS.md) and the two helpers of the overall score. */
export type GoalColumn =
  | "id"
  | "title"
  | "metric"
  | "unit"
  | "baseline"
  | "target"
  | "direction"
  | "aggregation"
  | "weight"
  | "dueDate"
  | "method"
  | "entries"
  | "toDate"
  | "attainment"
  | "progress"
  | "score"
  | "pace"
  | "status"
  | "weightedScore"
  | "countedWeight";

/** Tracking rows that count: the row key is a number exactly when the date and the actual are numbers. */
function counted(f: FormulaRow<GoalColumn>): string {
  return `${f.col("PIP_Tracking", "goalKey")},${f.exact(f.here("id"))},${f.col("PIP_Tracking", "rowKey")},">0"`;
}

function elapsed(f: FormulaRow<GoalColumn>): string {
  return f.value("PIP_Summary", "elapsed");
}

const columns = [
  { key: "id", field: "id", header: header("goals.id"), kind: "text", width: 10, required: true },
  { key: "title", field: "title", header: header("goals.title"), kind: "text", width: 34, required: true },
  { key: "metric", field: "metric", header: header("goals.metric"), kind: "text", width: 16 },
  { key: "unit", field: "unit", header: header("goals.unit"), kind: "text", width: 8 },
  {
    key: "baseline",
    field: "baseline",
    header: header("goals.baseline"),
    kind: "number",
    unitFormat: "ownRow",
    width: 12,
    required: true,
    validation: { kind: "decimal", alert: "decimal" },
  },
  {
    key: "target",
    field: "target",
    header: header("goals.target"),
    kind: "number",
    unitFormat: "ownRow",
    width: 12,
    required: true,
    validation: { kind: "decimal", alert: "decimal" },
  },
  {
    key: "direction",
    field: "direction",
    header: header("goals.direction"),
    kind: "list",
    list: { kind: "labels", list: "direction" },
    width: 18,
    required: true,
    validation: { kind: "list" },
  },
  {
    key: "aggregation",
    field: "aggregation",
    header: header("goals.aggregation"),
    kind: "list",
    list: { kind: "labels", list: "aggregation" },
    width: 10,
    required: true,
    validation: { kind: "list" },
  },
  {
    key: "weight",
    field: "weight",
    header: header("goals.weight"),
    kind: "percent",
    numberFormat: "0%",
    width: 8,
    required: true,
    validation: { kind: "decimal", min: 0, max: 1, alert: "weight" },
  },
  {
    key: "dueDate",
    field: "dueDate",
    header: header("goals.dueDate"),
    kind: "date",
    width: 12,
    validation: { kind: "dateInWindow" },
  },
  {
    key: "method",
    field: "method",
    header: header("goals.method"),
    kind: "list",
    list: { kind: "labels", list: "method" },
    width: 10,
    required: true,
    validation: { kind: "list" },
  },
  {
    key: "entries",
    header: header("goals.entries"),
    kind: "formula",
    numberFormat: "0",
    width: 9,
    formula: (f) => `IF(${f.here("id")}="","",COUNTIFS(${counted(f)}))`,
  },
  {
    key: "toDate",
    header: header("goals.toDate"),
    kind: "formula",
    unitFormat: "ownRow",
    width: 12,
    // sum: Σ actual · average: Σ actual / n · latest: the actual of the greatest row key (date, then row);
    // any other aggregation reads as sum, as in the core.
    formula: (f) => {
      const n = f.here("entries");
      const agg = f.here("aggregation");
      const sum = `SUMIFS(${f.col("PIP_Tracking", "actual")},${counted(f)})`;
      const key = f.col("PIP_Tracking", "rowKey");
      const latest = `INDEX(${f.col("PIP_Tracking", "actual")},MATCH(MAXIFS(${key},${f.col("PIP_Tracking", "goalKey")},${f.exact(f.here("id"))}),${key},0))`;
      return `IF(N(${n})=0,"",IF(${agg}=${f.label("aggregation", "average")},${sum}/${n},IF(${agg}=${f.label("aggregation", "latest")},${latest},${sum})))`;
    },
  },
  {
    key: "attainment",
    header: header("goals.attainment"),
    kind: "formula",
    numberFormat: PERCENT_FORMAT,
    width: 10,
    highlight: "attainmentBands",
    formula: (f) => {
      const v = f.here("toDate");
      const t = f.here("target");
      return `IF(OR(NOT(ISNUMBER(${v})),NOT(ISNUMBER(${t})),N(${t})=0),"",${attainmentExpr(v, t, `${f.here("direction")}=${f.label("direction", "decrease")}`)})`;
    },
  },
  {
    key: "progress",
    header: header("goals.progress"),
    kind: "formula",
    numberFormat: PERCENT_FORMAT,
    width: 10,
    highlight: "attainmentBands",
    formula: (f) => {
      const v = f.here("toDate");
      const t = f.here("target");
      const b = f.here("baseline");
      return `IF(OR(NOT(ISNUMBER(${v})),NOT(ISNUMBER(${t})),NOT(ISNUMBER(${b}))),"",IF(${t}=${b},"",(${v}-${b})/(${t}-${b})))`;
    },
  },
  {
    key: "score",
    header: header("goals.score"),
    kind: "formula",
    numberFormat: PERCENT_FORMAT,
    width: 10,
    highlight: "attainmentBands",
    formula: (f) =>
      `IF(${f.here("method")}=${f.label("method", "progress")},${f.here("progress")},${f.here("attainment")})`,
  },
  {
    key: "pace",
    header: header("goals.pace"),
    kind: "formula",
    numberFormat: PERCENT_FORMAT,
    width: 10,
    highlight: "paceBands",
    // sum goals: expected x = t·e, increase v/x, decrease (2x − v)/x; average and latest: progress / e.
    formula: (f) => {
      const v = f.here("toDate");
      const t = f.here("target");
      const e = elapsed(f);
      const x = `(${t}*${e})`;
      const sumPace = `IF(OR(NOT(ISNUMBER(${t})),N(${t})*${e}=0),"",IF(${f.here("direction")}=${f.label("direction", "decrease")},(2*${x}-${v})/${x},${v}/${x}))`;
      const p = f.here("progress");
      return `IF(OR(NOT(ISNUMBER(${v})),NOT(ISNUMBER(${e}))),"",IF(${e}<=0,"",IF(${f.here("aggregation")}=${f.label("aggregation", "sum")},${sumPace},IF(ISNUMBER(${p}),${p}/${e},""))))`;
    },
  },
  {
    key: "status",
    header: header("goals.status"),
    kind: "formula",
    width: 10,
    highlight: "statusBands",
    formula: (f) => {
      const e = elapsed(f);
      const pace = f.here("pace");
      const onTrack = f.value("PIP_Header", "onTrack");
      const atRisk = f.value("PIP_Header", "atRisk");
      return (
        `IF(${f.here("id")}="","",IF(N(${f.here("entries")})=0,${f.label("goalStatus", "no-data")},` +
        `IF(AND(ISNUMBER(${e}),N(${e})=0),${f.label("goalStatus", "not-started")},` +
        `IF(NOT(ISNUMBER(${pace})),${f.label("goalStatus", "no-data")},` +
        `IF(${pace}>=${onTrack},${f.label("goalStatus", "on-track")},` +
        `IF(${pace}>=${atRisk},${f.label("goalStatus", "at-risk")},${f.label("goalStatus", "off-track")}))))))`
      );
    },
  },
  {
    key: "weightedScore",
    header: header("goals.weightedScore"),
    kind: "formula",
    numberFormat: PERCENT_FORMAT,
    width: 10,
    formula: (f) =>
      `IF(AND(ISNUMBER(${f.here("score")}),ISNUMBER(${f.here("weight")})),${f.here("weight")}*${f.here("score")},"")`,
  },
  {
    key: "countedWeight",
    header: header("goals.countedWeight"),
    kind: "formula",
    numberFormat: "0%",
    width: 10,
    formula: (f) => `IF(AND(ISNUMBER(${f.here("score")}),ISNUMBER(${f.here("weight")})),${f.here("weight")},"")`,
  },
] satisfies ColumnDecl<Goal, GoalColumn>[];

const goals = {
  name: "PIP_Goals",
  shape: "list",
  entity: "goals",
  sheet: "goals",
  anchor: { row: 3, col: 0 },
  columns,
  // Every row has the same formulas: written by fill, one block (issue 16).
  fillBlock: () => 0,
} satisfies ListTableDecl<"goals", GoalColumn>;
const _goalsKeysDeclared: KeysDeclared<GoalColumn, typeof goals.columns> = true;

export const goalsSheet: SheetDecl = {
  key: "goals",
  name: SHEET_NAMES.goals,
  freezeRows: 3,
  freezeColumns: 2,
  protect: true,
  orientation: "landscape",
  print: { fitTo: { wide: 1, tall: 0 } },
  blocks: [
    { cell: "A1", text: SHEET_TITLES.goals, style: "title" },
    { cell: "A2", text: SHEET_NOTES.goals, style: "note" },
  ],
  tables: [goals],
};
