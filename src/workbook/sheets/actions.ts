/** Actions (行动计划): dated measures with an owner and a completion criterion, and a live overdue flag. */
import { SHEET_NAMES, SHEET_NOTES, SHEET_TITLES } from "../../i18n/workbook";
import type { Action } from "../../core/model";
import { header, type ColumnDecl, type ListTableDecl, type KeysDeclared, type SheetDecl } from "../layout";

export type ActionColumn =
  | "id"
  | "goalId"
  | "causeId"
  | "measure"
  | "owner"
  | "ownerRole"
  | "start"
  | "end"
  | "completionCriterion"
  | "resources"
  | "status"
  | "overdue";

const columns = [
  { key: "id", field: "id", header: header("actions.id"), kind: "text", width: 10, required: true },
  {
    key: "goalId",
    field: "goalId",
    header: header("actions.goalId"),
    kind: "text",
    list: { kind: "ids", table: "PIP_Goals", column: "id" },
    width: 10,
    required: true,
    validation: { kind: "list" },
  },
  {
    key: "causeId",
    field: "causeId",
    header: header("actions.causeId"),
    kind: "text",
    list: { kind: "ids", table: "PIP_Causes", column: "id", allowBlank: true },
    width: 10,
    validation: { kind: "list" },
  },
  { key: "measure", field: "measure", header: header("actions.measure"), kind: "text", width: 36, required: true },
  { key: "owner", field: "owner", header: header("actions.owner"), kind: "text", width: 12 },
  {
    key: "ownerRole",
    field: "ownerRole",
    header: header("actions.ownerRole"),
    kind: "list",
    list: { kind: "labels", list: "ownerRole" },
    width: 12,
    required: true,
    validation: { kind: "list" },
  },
  {
    key: "start",
    field: "start",
    header: header("actions.start"),
    kind: "date",
    width: 12,
    required: true,
    validation: { kind: "dateInWindow" },
  },
  {
    key: "end",
    field: "end",
    header: header("actions.end"),
    kind: "date",
    width: 12,
    required: true,
    validation: { kind: "dateInWindow" },
  },
  {
    key: "completionCriterion",
    field: "completionCriterion",
    header: header("actions.completionCriterion"),
    kind: "text",
    width: 28,
  },
  { key: "resources", field: "resources", header: header("actions.resources"), kind: "text", width: 20 },
  {
    key: "status",
    field: "status",
    header: header("actions.status"),
    kind: "list",
    list: { kind: "labels", list: "actionStatus" },
    width: 10,
    required: true,
    validation: { kind: "list" },
  },
  {
    key: "overdue",
    header: header("actions.overdue"),
    kind: "formula",
    width: 8,
    highlight: "overdueRow",
    // FORMULAS.md: overdue when end < asOf and the status is neither done nor cancelled.
    formula: (f) => {
      const end = f.here("end");
      const asOf = f.value("PIP_Summary", "asOf");
      const status = f.here("status");
      return `IF(AND(ISNUMBER(${end}),ISNUMBER(${asOf})),IF(AND(${end}<${asOf},${status}<>${f.label("actionStatus", "done")},${status}<>${f.label("actionStatus", "cancelled")}),${f.label("overdue", "yes")},""),"")`;
    },
  },
] satisfies ColumnDecl<Action, ActionColumn>[];

const actions = {
  name: "PIP_Actions",
  shape: "list",
  entity: "actions",
  sheet: "actions",
  anchor: { row: 3, col: 0 },
  columns,
  // Every row has the same formulas: written by fill, one block (issue 16).
  fillBlock: () => 0,
} satisfies ListTableDecl<"actions", ActionColumn>;
const _actionsKeysDeclared: KeysDeclared<ActionColumn, typeof actions.columns> = true;

export const actionsSheet: SheetDecl = {
  key: "actions",
  name: SHEET_NAMES.actions,
  freezeRows: 3,
  freezeColumns: 1,
  protect: true,
  orientation: "landscape",
  print: { fitTo: { wide: 1, tall: 0 } },
  blocks: [
    { cell: "A1", text: SHEET_TITLES.actions, style: "title" },
    { cell: "A2", text: SHEET_NOTES.actions, style: "note" },
  ],
  tables: [actions],
};
