/** Resources & responsibilities (资源与职责): two tables side by side, so both can grow downwards. */
import { SHEET_NAMES, SHEET_NOTES, SHEET_TITLES } from "../../i18n/workbook";
import { header, type ListTableDecl, type KeysDeclared, type SheetDecl } from "../layout";

export type ResourceColumn = "what" | "provider" | "due" | "delivered";
export type ResponsibilityColumn = "role" | "name" | "duties";

const resources = {
  name: "PIP_Resources",
  shape: "list",
  entity: "resources",
  sheet: "resources",
  anchor: { row: 3, col: 0 },
  columns: [
    { key: "what", field: "what", header: header("resources.what"), kind: "text", width: 30, required: true },
    { key: "provider", field: "provider", header: header("resources.provider"), kind: "text", width: 14 },
    {
      key: "due",
      field: "due",
      header: header("resources.due"),
      kind: "date",
      width: 12,
      validation: { kind: "dateInWindow" },
    },
    {
      key: "delivered",
      field: "delivered",
      header: header("resources.delivered"),
      kind: "list",
      list: { kind: "labels", list: "yesNo" },
      width: 8,
      required: true,
      validation: { kind: "list" },
    },
  ],
} satisfies ListTableDecl<"resources", ResourceColumn>;
const _resourcesKeysDeclared: KeysDeclared<ResourceColumn, typeof resources.columns> = true;

const responsibilities = {
  name: "PIP_Responsibilities",
  shape: "list",
  entity: "responsibilities",
  sheet: "resources",
  anchor: { row: 3, col: 5 },
  columns: [
    {
      key: "role",
      field: "role",
      header: header("responsibilities.role"),
      kind: "list",
      list: { kind: "labels", list: "ownerRole" },
      width: 12,
      required: true,
      validation: { kind: "list" },
    },
    { key: "name", field: "name", header: header("responsibilities.name"), kind: "text", width: 14 },
    { key: "duties", field: "duties", header: header("responsibilities.duties"), kind: "text", width: 40 },
  ],
} satisfies ListTableDecl<"responsibilities", ResponsibilityColumn>;
const _responsibilitiesKeysDeclared: KeysDeclared<ResponsibilityColumn, typeof responsibilities.columns> = true;

export const resourcesSheet: SheetDecl = {
  key: "resources",
  name: SHEET_NAMES.resources,
  freezeRows: 3,
  protect: true,
  orientation: "landscape",
  print: { fitTo: { wide: 1, tall: 0 } },
  blocks: [
    { cell: "A1", text: SHEET_TITLES.resources, style: "title" },
    { cell: "A2", text: SHEET_NOTES.resources, style: "note" },
  ],
  tables: [resources, responsibilities],
};
