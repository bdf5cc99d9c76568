/** Root causes (原因分析): the 5W2H grid, personal | external factor, fishbone category, link to a goal. */
import { SHEET_NAMES, SHEET_NOTES, SHEET_TITLES } from "../../i18n/workbook";
import type { RootCause } from "../../core/model";
import { header, type ColumnDecl, type ListTableDecl, type KeysDeclared, type SheetDecl } from "../layout";

/** The 5W2H text fields, each a column of the same name. */
type TextField = "id" | "description" | "why" | "what" | "where" | "when" | "who" | "how" | "howMuch";
export type CauseColumn = TextField | "goalId" | "factor" | "category";

const text = (key: TextField, width: number, required = false): ColumnDecl<RootCause, TextField> => ({
  key,
  field: key,
  header: header(`causes.${key}`),
  kind: "text",
  width,
  required,
});

const columns = [
  text("id", 10, true),
  {
    key: "goalId",
    field: "goalId",
    header: header("causes.goalId"),
    kind: "text",
    list: { kind: "ids", table: "PIP_Goals", column: "id" },
    width: 10,
    required: true,
    validation: { kind: "list" },
  },
  {
    key: "factor",
    field: "factor",
    header: header("causes.factor"),
    kind: "list",
    list: { kind: "labels", list: "factor" },
    width: 12,
    required: true,
    validation: { kind: "list" },
  },
  {
    key: "category",
    field: "category",
    header: header("causes.category"),
    kind: "list",
    list: { kind: "labels", list: "category", nullable: true },
    width: 12,
    validation: { kind: "list" },
  },
  text("description", 36),
  text("why", 20),
  text("what", 20),
  text("where", 16),
  text("when", 16),
  text("who", 14),
  text("how", 20),
  text("howMuch", 16),
] satisfies ColumnDecl<RootCause, CauseColumn>[];

const causes = {
  name: "PIP_Causes",
  shape: "list",
  entity: "causes",
  sheet: "causes",
  anchor: { row: 3, col: 0 },
  columns,
} satisfies ListTableDecl<"causes", CauseColumn>;
const _causesKeysDeclared: KeysDeclared<CauseColumn, typeof causes.columns> = true;

export const causesSheet: SheetDecl = {
  key: "causes",
  name: SHEET_NAMES.causes,
  freezeRows: 3,
  freezeColumns: 1,
  protect: true,
  orientation: "landscape",
  print: { fitTo: { wide: 1, tall: 0 } },
  blocks: [
    { cell: "A1", text: SHEET_TITLES.causes, style: "title" },
    { cell: "A2", text: SHEET_NOTES.causes, style: "note" },
  ],
  tables: [causes],
};
