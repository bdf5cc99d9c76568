/**
 * What tsc refuses in a layout declaration (run by `npx tsc` and by layout-types.test.ts): each line after an
 * `@ts-expect-error` is a mistake the typed layout catches — ARCHITECTURE.md's "a new column" done wrong.
 */
import type { Action, Goal } from "../../src/core/model";
import type { ColumnDecl, FormulaRow, KeysDeclared, ListTableDecl, RecordTableDecl } from "../../src/workbook/layout";
import type { GoalColumn } from "../../src/workbook/sheets/goals";
import type { HeaderField } from "../../src/workbook/sheets/overview";

const label = { "zh-CN": "列", "en-US": "Column" };

export const fine: ColumnDecl<Goal, GoalColumn> = { key: "title", field: "title", header: label, kind: "text", width: 10 };

export const typoInField: ColumnDecl<Goal, GoalColumn> = {
  key: "title",
  // @ts-expect-error "titel" is not a field of Goal
  field: "titel",
  header: label,
  kind: "text",
  width: 10,
};

export const undeclaredKey: ColumnDecl<Goal, GoalColumn> = {
  // @ts-expect-error "owner" is not one of the Goals table's column keys
  key: "owner",
  header: label,
  kind: "text",
  width: 10,
};

export const formulas = (f: FormulaRow<GoalColumn>): string[] => [
  f.col("PIP_Tracking", "actual"),
  f.here("target"),
  f.value("PIP_Header", "planStart"),
  // @ts-expect-error PIP_Tracking has no column "actuals"
  f.col("PIP_Tracking", "actuals"),
  // @ts-expect-error here() takes the own table's keys: "actual" is a Tracking column, not a Goals one
  f.here("actual"),
  // @ts-expect-error PIP_Header has no field "employee"
  f.value("PIP_Header", "employee"),
  // @ts-expect-error a list of ids names a column of that table
  f.colRange("PIP_Goals", "goalId", 100),
];

export const goalColumnInActions: ListTableDecl<"actions"> = {
  name: "PIP_Actions",
  shape: "list",
  entity: "actions",
  sheet: "actions",
  anchor: { row: 3, col: 0 },
  columns: [
    { key: "measure", field: "measure" satisfies keyof Action, header: label, kind: "text", width: 10 },
    // @ts-expect-error "weight" is a Goal field, not an Action field
    { key: "weight", field: "weight", header: label, kind: "percent", width: 10 },
  ],
};

export const thresholdOnHeader: RecordTableDecl<"header", HeaderField> = {
  name: "PIP_Header",
  shape: "record",
  entity: "header",
  sheet: "overview",
  anchor: { row: 3, col: 0 },
  fields: [
    { key: "met", field: "met", entity: "thresholds", header: label, kind: "percent", width: 10 },
    // @ts-expect-error "met" is a thresholds field: without entity "thresholds" it is not on the header
    { key: "met", field: "met", header: label, kind: "percent", width: 10 },
  ],
};

export const twoOfThree = [
  { key: "id", field: "id", header: label, kind: "text", width: 10 },
  { key: "title", field: "title", header: label, kind: "text", width: 10 },
] satisfies ColumnDecl<Goal, "id" | "title" | "unit">[];
export const allDeclared: KeysDeclared<"id" | "title", typeof twoOfThree> = true;
// @ts-expect-error "unit" is in the table's key type but no column declares it
export const oneMissing: KeysDeclared<"id" | "title" | "unit", typeof twoOfThree> = true;

