/**
 * Tracking log (跟踪记录): the managers' sheet. One row per check-in (date, goal from a list, actual, note,
 * coach feedback, entered by) and a row key the goal formulas use for "latest, ties → later row". To its right,
 * in columns the tracking table never reaches, the check-in schedule by cadence with planned / held / missed.
 * Not protected: Excel grows a table when someone types below it only on an unprotected sheet.
 */
import { SHEET_NAMES, SHEET_NOTES, SHEET_TITLES } from "../../i18n/workbook";
import { periodGrid } from "../../core/periods";
import type { Plan } from "../../core/model";
import { isPercentUnit } from "../../core/percent";
import {
  header,
  stringLiteral,
  unitNumberFormat,
  type FormulaEnv,
  type ListTableDecl,
  type KeysDeclared, type SheetDecl,
} from "../layout";

export type TrackingColumn =
  "date" | "goalId" | "actual" | "note" | "coachFeedback" | "enteredBy" | "rowKey" | "goalKey";
export type CheckInColumn = "period" | "start" | "end" | "entries" | "planned" | "held" | "missed";

/** Goal and cause ids are looked up down to this row (the writer's ID_LIST_LAST_ROW for drop-downs). */
const GOAL_LOOKUP_LAST_ROW = 2000;

/** A conditional format whose format is a number format: rows whose formula is true show their value in it. */
export interface UnitFormatRule {
  /** en-US, relative to the first cell of the range (its goal id cell `goalCell`). */
  formula: string;
  numberFormat: string;
}

/**
 * The unit format of a Tracking row follows its goal, also for a row typed in Excel below the table (which Excel's
 * AutoExpansion formats like the row above): conditional formats whose format is a number format
 * (ConditionalRangeFormat.numberFormat, ExcelApi 1.6, "Represents Excel's number format code for the given range",
 * https://learn.microsoft.com/javascript/api/excel/excel.conditionalrangeformat#excel-excel-conditionalrangeformat-numberformat-member;
 * in the .xlsx a `<dxf><numFmt/>` referenced by a `cfRule`, ECMA-376 §18.8.17). The row's unit is its goal's, looked
 * up by the goal id (`goalCell`, e.g. `$B4`) in the Goals table, so the rule follows an edit of the goal id or of a
 * goal's unit without a Save. One rule per unit class, lowest priority first (Office.js adds a rule at the top):
 *  1. any goal that exists → "General" (a goal added in Excel with a unit no rule knows shows a plain number rather
 *     than the row above's unit);
 *  2. each other unit of the plan's goals → that unit's format (`General" min"`), compared with EXACT as the
 *     format is case-sensitive;
 *  3. a percent unit by the core's rule (isPercentUnit: "%", "％", 百分比, 百分点), whatever its text → the goal's
 *     percent format, so a "%" goal added in Excel is covered too.
 * A row without a goal id, or with one no goal has, keeps its cell's own format.
 */
export function goalUnitRules(env: FormulaEnv, goalCell: string, goalUnits: Iterable<unknown>): UnitFormatRule[] {
  const ids = env.colRange("PIP_Goals", "id", GOAL_LOOKUP_LAST_ROW);
  const units = env.colRange("PIP_Goals", "unit", GOAL_LOOKUP_LAST_ROW);
  const found = `MATCH(${goalCell},${ids},0)`;
  const unit = `INDEX(${units},${found})`;
  const percentFormat = unitNumberFormat("%");
  const rules: UnitFormatRule[] = [{ formula: `=ISNUMBER(${found})`, numberFormat: "General" }];
  const seen = new Set<string>();
  for (const u of goalUnits) {
    const text = typeof u === "string" ? u.trim() : "";
    if (text === "" || isPercentUnit(text) || seen.has(text)) continue;
    seen.add(text);
    const format = unitNumberFormat(text);
    if (format === "General") continue;
    rules.push({ formula: `=EXACT(TRIM(${unit}),${stringLiteral(text)})`, numberFormat: format });
  }
  rules.push({
    formula: `=OR(ISNUMBER(SEARCH("%",${unit})),ISNUMBER(SEARCH("％",${unit})),TRIM(${unit})="百分比",TRIM(${unit})="百分点")`,
    numberFormat: percentFormat,
  });
  return rules;
}

/** The check-in schedule's rows: every cadence period of the plan window. */
export function checkInRows(plan: Plan): Record<string, unknown>[] {
  const h = plan.header;
  const cadence = h?.cadence === "biweekly" || h?.cadence === "monthly" ? h.cadence : "weekly";
  return periodGrid(String(h?.planStart ?? ""), String(h?.planEnd ?? ""), cadence).periods.map((p) => ({
    period: p.label,
    start: p.start,
    end: p.end,
  }));
}

/** A highlight rule of the check-in schedule or the Overview: its formula (en-US, relative to its first cell) and tone. */
export interface ToneRule {
  formula: string;
  tone: "warn" | "bad";
}

/**
 * The check-in schedule's row, as of the Overview's as-of date (=TODAY() unless fixed; FORMULAS.md): amber while
 * it is due — the as-of date within its period and no entry in it yet, as the pane's "Due this week" says
 * (core/calendar dueThisWeek) — and red once missed (its "missed" flag). `cell(key)` is the row's cell of a
 * schedule column (`$K4`).
 */
export function checkInRowRules(env: FormulaEnv, cell: (key: CheckInColumn) => string): ToneRule[] {
  const asOf = env.value("PIP_Summary", "asOf");
  return [
    { formula: `=AND(ISNUMBER(${asOf}),${cell("start")}<=${asOf},${asOf}<=${cell("end")},${cell("entries")}=0)`, tone: "warn" },
    { formula: `=${cell("missed")}=1`, tone: "bad" },
  ];
}

const trackingTable = {
  name: "PIP_Tracking",
  shape: "list",
  entity: "tracking",
  sheet: "tracking",
  anchor: { row: 3, col: 0 },
  // Every row has the same formulas (row key, match key): written by fill, one block (issue 16).
  fillBlock: () => 0,
  columns: [
    {
      key: "date",
      field: "date",
      header: header("tracking.date"),
      kind: "date",
      width: 12,
      required: true,
      validation: { kind: "dateInWindow" },
    },
    {
      key: "goalId",
      field: "goalId",
      header: header("tracking.goalId"),
      kind: "text",
      list: { kind: "ids", table: "PIP_Goals", column: "id" },
      width: 10,
      required: true,
      validation: { kind: "list" },
    },
    // unitFormat "goalOfRow": each row written gets its goal's format, and the rule band carries goalUnitRules.
    {
      key: "actual",
      field: "actual",
      header: header("tracking.actual"),
      kind: "number",
      unitFormat: "goalOfRow",
      width: 12,
      required: true,
      validation: { kind: "decimal", alert: "decimal" },
    },
    { key: "note", field: "note", header: header("tracking.note"), kind: "text", width: 30 },
    { key: "coachFeedback", field: "coachFeedback", header: header("tracking.coachFeedback"), kind: "text", width: 30 },
    { key: "enteredBy", field: "enteredBy", header: header("tracking.enteredBy"), kind: "text", width: 10 },
    {
      key: "rowKey",
      header: header("tracking.rowKey"),
      kind: "formula",
      hidden: true,
      numberFormat: "0",
      width: 6,
      // date serial × 10^6 + row: the greatest key of a goal is its latest entry, a tie on the date going to the
      // later row (FORMULAS.md). Empty unless both the date and the actual are numbers, so it also marks the rows
      // the formulas count. Exact in doubles: 2,958,465 × 10^6 + 1,048,576 < 2^53.
      // A row dated after the Overview's as-of date gets no key either: "as of" means as of (FORMULAS.md), so
      // every to-date, period and check-in formula leaves it out, as the core does.
      formula: (f) => {
        const date = f.here("date");
        const asOf = f.value("PIP_Summary", "asOf");
        return `IF(AND(ISNUMBER(${date}),ISNUMBER(${f.here("actual")}),OR(NOT(ISNUMBER(${asOf})),INT(${date})<=${asOf})),INT(${date})*1000000+ROW(${date}),"")`;
      },
    },
    {
      key: "goalKey",
      header: header("tracking.goalKey"),
      kind: "formula",
      hidden: true,
      width: 6,
      // The goal id behind a letter, so that a criterion "=k…" compares it literally in every engine (an id
      // starting with "=" would otherwise read as an operator; HyperFormula rejects "==…").
      formula: (f) => `"k"&${f.here("goalId")}`,
    },
  ],
} satisfies ListTableDecl<"tracking", TrackingColumn>;
const _trackingTableKeysDeclared: KeysDeclared<TrackingColumn, typeof trackingTable.columns> = true;

const checkIns = {
  name: "PIP_CheckIns",
  shape: "list",
  entity: null,
  sheet: "tracking",
  // One empty column (I) between the tracking table (A–H) and the schedule.
  anchor: { row: 3, col: 9 },
  rowsOf: checkInRows,
  fillBlock: () => 0,
  columns: [
    { key: "period", header: header("checkIns.period"), kind: "text", width: 22 },
    { key: "start", header: header("checkIns.start"), kind: "date", width: 11 },
    { key: "end", header: header("checkIns.end"), kind: "date", width: 11 },
    {
      key: "entries",
      header: header("checkIns.entries"),
      kind: "formula",
      numberFormat: "0",
      width: 8,
      formula: (f) => {
        const key = f.col("PIP_Tracking", "rowKey");
        return `COUNTIFS(${key},">="&(${f.here("start")}*1000000),${key},"<"&((${f.here("end")}+1)*1000000))`;
      },
    },
    {
      key: "planned",
      header: header("checkIns.planned"),
      kind: "formula",
      numberFormat: "0",
      width: 8,
      formula: (f) => {
        const asOf = f.value("PIP_Summary", "asOf");
        return `IF(AND(ISNUMBER(${asOf}),${f.here("start")}<=${asOf}),1,0)`;
      },
    },
    {
      key: "held",
      header: header("checkIns.held"),
      kind: "formula",
      numberFormat: "0",
      width: 8,
      formula: (f) => `IF(AND(${f.here("planned")}=1,${f.here("entries")}>0),1,0)`,
    },
    {
      key: "missed",
      header: header("checkIns.missed"),
      kind: "formula",
      numberFormat: "0",
      width: 8,
      highlight: "checkInRow",
      formula: (f) => {
        const asOf = f.value("PIP_Summary", "asOf");
        return `IF(AND(ISNUMBER(${asOf}),${f.here("end")}<${asOf},${f.here("entries")}=0),1,0)`;
      },
    },
  ],
} satisfies ListTableDecl<null, CheckInColumn>;
const _checkInsKeysDeclared: KeysDeclared<CheckInColumn, typeof checkIns.columns> = true;

export const trackingSheet: SheetDecl = {
  key: "tracking",
  name: SHEET_NAMES.tracking,
  freezeRows: 3,
  protect: false,
  orientation: "landscape",
  print: { fitTo: { wide: 1, tall: 0 } },
  blocks: [
    { cell: "A1", text: SHEET_TITLES.tracking, style: "title" },
    { cell: "A2", text: SHEET_NOTES.tracking, style: "note" },
    { cell: "J2", text: SHEET_NOTES.checkInsTitle, style: "label" },
  ],
  tables: [trackingTable, checkIns],
};
