/**
 * Overview (概览): the plan header and thresholds as a label/value table, the live summary (as-of date, time
 * elapsed, overall weighted attainment, suggested outcome, check-ins), and the performance-gap table.
 */
import { LIST_LABELS, SHEET_NAMES, SHEET_NOTES, SHEET_TITLES } from "../../i18n/workbook";
import type { PerformanceGap, PlanHeader, Thresholds } from "../../core/model";
import {
  PERCENT_FORMAT,
  attainmentExpr,
  header,
  type ColumnDecl,
  type FormulaEnv,
  type ListTableDecl,
  type NoRow,
  type RecordTableDecl,
  type KeysDeclared, type SheetDecl,
} from "../layout";

type ThresholdField = keyof Thresholds & ("onTrack" | "atRisk" | "met" | "partiallyMet");
/** The header's fields, then the thresholds (entity "thresholds") in the same label/value table. */
export type HeaderField =
  | "title"
  | "employeeName"
  | "employeeId"
  | "department"
  | "position"
  | "manager"
  | "hrPartner"
  | "planStart"
  | "planEnd"
  | "cadence"
  | "scenario"
  | "language"
  | ThresholdField;
export type SummaryField =
  "asOf" | "elapsed" | "overall" | "outcome" | "checkInsPlanned" | "checkInsHeld" | "checkInsMissed" | "adherence";
export type GapColumn =
  "metric" | "period" | "target" | "actual" | "unit" | "direction" | "benchmark" | "description" | "attainment";

const list = (name: keyof typeof LIST_LABELS) => ({ kind: "labels" as const, list: name });

const headerFields = [
  { key: "title", field: "title", header: header("header.title"), kind: "text", width: 30 },
  {
    key: "employeeName",
    field: "employeeName",
    header: header("header.employeeName"),
    kind: "text",
    width: 30,
    required: true,
  },
  {
    key: "employeeId",
    field: "employeeId",
    header: header("header.employeeId"),
    kind: "text",
    width: 30,
    required: true,
  },
  { key: "department", field: "department", header: header("header.department"), kind: "text", width: 30 },
  { key: "position", field: "position", header: header("header.position"), kind: "text", width: 30 },
  { key: "manager", field: "manager", header: header("header.manager"), kind: "text", width: 30, required: true },
  { key: "hrPartner", field: "hrPartner", header: header("header.hrPartner"), kind: "text", width: 30 },
  {
    key: "planStart",
    field: "planStart",
    header: header("header.planStart"),
    kind: "date",
    width: 30,
    required: true,
    validation: { kind: "date" },
  },
  {
    key: "planEnd",
    field: "planEnd",
    header: header("header.planEnd"),
    kind: "date",
    width: 30,
    required: true,
    validation: { kind: "date" },
  },
  {
    key: "cadence",
    field: "cadence",
    header: header("header.cadence"),
    kind: "list",
    list: list("cadence"),
    width: 30,
    required: true,
    validation: { kind: "list" },
  },
  {
    key: "scenario",
    field: "scenario",
    header: header("header.scenario"),
    kind: "list",
    list: list("scenario"),
    width: 30,
    required: true,
    validation: { kind: "list" },
  },
  {
    key: "language",
    field: "language",
    header: header("header.language"),
    kind: "list",
    list: list("language"),
    width: 30,
    validation: { kind: "list" },
  },
] satisfies ColumnDecl<PlanHeader, HeaderField>[];

const thresholdFields = (["onTrack", "atRisk", "met", "partiallyMet"] as const).map(
  (key): ColumnDecl<Thresholds, ThresholdField> & { entity: "thresholds" } => ({
    key,
    field: key,
    entity: "thresholds",
    header: header(`header.${key}`),
    kind: "percent",
    numberFormat: "0%",
    width: 30,
    required: true,
    validation: { kind: "decimal", min: 0, max: 10, alert: "threshold" },
  }),
);

/**
 * The Overview's check-in cells, as of its as-of date (FORMULAS.md): "Check-ins missed" red while it is above 0,
 * "Check-ins held" amber while the check-in period holding the as-of date has no entry yet (due, as the pane's
 * "Due this week" says: core/calendar dueThisWeek). `c` is the cell the rule is on.
 */
export function checkInSummaryRules(
  kind: "checkInsMissed" | "checkInDue",
  env: FormulaEnv,
  c: string,
): { formula: string; tone: "warn" | "bad" }[] {
  if (kind === "checkInsMissed") return [{ formula: `=AND(ISNUMBER(${c}),${c}>0)`, tone: "bad" }];
  const asOf = env.value("PIP_Summary", "asOf");
  const due = `COUNTIFS(${env.col("PIP_CheckIns", "start")},"<="&${asOf},${env.col("PIP_CheckIns", "end")},">="&${asOf},${env.col("PIP_CheckIns", "entries")},0)`;
  return [{ formula: `=AND(ISNUMBER(${asOf}),${due}>0)`, tone: "warn" }];
}

const summaryFields = [
  {
    key: "asOf",
    header: header("summary.asOf"),
    kind: "formula",
    inputFormula: true,
    numberFormat: "yyyy-mm-dd",
    width: 16,
    formula: () => "TODAY()",
  },
  {
    key: "elapsed",
    header: header("summary.elapsed"),
    kind: "formula",
    numberFormat: PERCENT_FORMAT,
    width: 16,
    formula: (f) => {
      const ps = f.value("PIP_Header", "planStart");
      const pe = f.value("PIP_Header", "planEnd");
      const a = f.value("PIP_Summary", "asOf");
      return `IF(AND(ISNUMBER(${ps}),ISNUMBER(${pe}),ISNUMBER(${a}),${pe}>=${ps}),MIN(1,MAX(0,(${a}-${ps}+1)/(${pe}-${ps}+1))),"")`;
    },
  },
  {
    key: "overall",
    header: header("summary.overall"),
    kind: "formula",
    numberFormat: PERCENT_FORMAT,
    width: 16,
    highlight: "attainmentBands",
    formula: (f) => {
      const cw = f.col("PIP_Goals", "countedWeight");
      return `IF(SUM(${cw})=0,"",SUM(${f.col("PIP_Goals", "weightedScore")})/SUM(${cw}))`;
    },
  },
  {
    key: "outcome",
    header: header("summary.outcome"),
    kind: "formula",
    width: 16,
    // A draft outcome (the thresholds' suggestion) is HR's and the manager's until the decision is communicated.
    audience: "hr-manager",
    formula: (f) => {
      const o = f.value("PIP_Summary", "overall");
      const met = f.value("PIP_Header", "met");
      const pm = f.value("PIP_Header", "partiallyMet");
      return `IF(ISNUMBER(${o}),IF(${o}>=${met},${f.label("outcome", "met")},IF(${o}>=${pm},${f.label("outcome", "partially-met")},${f.label("outcome", "not-met")})),"")`;
    },
  },
  {
    key: "checkInsPlanned",
    header: header("summary.checkInsPlanned"),
    kind: "formula",
    numberFormat: "0",
    width: 16,
    formula: (f) => `SUM(${f.col("PIP_CheckIns", "planned")})`,
  },
  {
    key: "checkInsHeld",
    header: header("summary.checkInsHeld"),
    kind: "formula",
    numberFormat: "0",
    width: 16,
    highlight: "checkInDue",
    formula: (f) => `SUM(${f.col("PIP_CheckIns", "held")})`,
  },
  {
    key: "checkInsMissed",
    header: header("summary.checkInsMissed"),
    kind: "formula",
    numberFormat: "0",
    width: 16,
    highlight: "checkInsMissed",
    formula: (f) => `SUM(${f.col("PIP_CheckIns", "missed")})`,
  },
  {
    key: "adherence",
    header: header("summary.adherence"),
    kind: "formula",
    numberFormat: PERCENT_FORMAT,
    width: 16,
    formula: (f) => {
      const planned = f.value("PIP_Summary", "checkInsPlanned");
      return `IF(N(${planned})=0,"",${f.value("PIP_Summary", "checkInsHeld")}/${planned})`;
    },
  },
] satisfies ColumnDecl<NoRow, SummaryField>[];

const gapColumns = [
  { key: "metric", field: "metric", header: header("gaps.metric"), kind: "text", width: 30, required: true },
  { key: "period", field: "period", header: header("gaps.period"), kind: "text", width: 30 },
  {
    key: "target",
    field: "target",
    header: header("gaps.target"),
    kind: "number",
    unitFormat: "ownRow",
    width: 12,
    required: true,
    validation: { kind: "decimal", alert: "decimal" },
  },
  {
    key: "actual",
    field: "actual",
    header: header("gaps.actual"),
    kind: "number",
    unitFormat: "ownRow",
    width: 22,
    required: true,
    validation: { kind: "decimal", alert: "decimal" },
  },
  { key: "unit", field: "unit", header: header("gaps.unit"), kind: "text", width: 16 },
  {
    key: "direction",
    field: "direction",
    header: header("gaps.direction"),
    kind: "list",
    list: list("direction"),
    width: 16,
    required: true,
    validation: { kind: "list" },
  },
  {
    key: "benchmark",
    field: "benchmark",
    header: header("gaps.benchmark"),
    kind: "number",
    unitFormat: "ownRow",
    width: 12,
    validation: { kind: "decimal", alert: "decimal" },
  },
  { key: "description", field: "description", header: header("gaps.description"), kind: "text", width: 40 },
  {
    key: "attainment",
    header: header("gaps.attainment"),
    kind: "formula",
    numberFormat: PERCENT_FORMAT,
    width: 12,
    highlight: "attainmentBands",
    // Same definition as a goal's attainment (FORMULAS.md): increase a/t, decrease (2t − a)/t, empty when t = 0.
    formula: (f) => {
      const t = f.here("target");
      const a = f.here("actual");
      return `IF(OR(N(${t})=0,NOT(ISNUMBER(${a}))),"",${attainmentExpr(a, t, `${f.here("direction")}=${f.label("direction", "decrease")}`)})`;
    },
  },
] satisfies ColumnDecl<PerformanceGap, GapColumn>[];

const headerTable = {
  name: "PIP_Header",
  shape: "record",
  entity: "header",
  sheet: "overview",
  anchor: { row: 3, col: 0 },
  fields: [...headerFields, ...thresholdFields],
} satisfies RecordTableDecl<"header", HeaderField>;
const _headerTableKeysDeclared: KeysDeclared<HeaderField, typeof headerTable.fields> = true;
const summary = {
  name: "PIP_Summary",
  shape: "record",
  entity: null,
  sheet: "overview",
  anchor: { row: 3, col: 3 },
  fields: summaryFields,
} satisfies RecordTableDecl<null, SummaryField>;
const _summaryKeysDeclared: KeysDeclared<SummaryField, typeof summary.fields> = true;
const gaps = {
  name: "PIP_Gaps",
  shape: "list",
  entity: "gaps",
  sheet: "overview",
  anchor: { row: 23, col: 0 },
  columns: gapColumns,
} satisfies ListTableDecl<"gaps", GapColumn>;
const _gapsKeysDeclared: KeysDeclared<GapColumn, typeof gaps.columns> = true;

export const overviewSheet: SheetDecl = {
  key: "overview",
  name: SHEET_NAMES.overview,
  freezeRows: 0,
  protect: true,
  orientation: "portrait",
  print: { fitTo: { wide: 1, tall: 1 } },
  blocks: [
    { cell: "A1", text: SHEET_TITLES.overview, style: "title" },
    { cell: "A2", text: SHEET_NOTES.overview, style: "note" },
    { cell: "A22", text: SHEET_NOTES.gapsTitle, style: "label" },
  ],
  tables: [headerTable, summary, gaps],
};
