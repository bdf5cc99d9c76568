/** Adjustments (计划调整): changes to the plan while it runs. Unprotected, like the tracking log. */
import { SHEET_NAMES, SHEET_NOTES, SHEET_TITLES } from "../../i18n/workbook";
import { header, type ListTableDecl, type KeysDeclared, type SheetDecl } from "../layout";

export type AdjustmentColumn = "date" | "change" | "reason" | "approvedBy";

const adjustments = {
  name: "PIP_Adjustments",
  shape: "list",
  entity: "adjustments",
  sheet: "adjustments",
  anchor: { row: 3, col: 0 },
  columns: [
    {
      key: "date",
      field: "date",
      header: header("adjustments.date"),
      kind: "date",
      width: 12,
      required: true,
      validation: { kind: "dateInWindow" },
    },
    { key: "change", field: "change", header: header("adjustments.change"), kind: "text", width: 40, required: true },
    { key: "reason", field: "reason", header: header("adjustments.reason"), kind: "text", width: 36 },
    { key: "approvedBy", field: "approvedBy", header: header("adjustments.approvedBy"), kind: "text", width: 12 },
  ],
} satisfies ListTableDecl<"adjustments", AdjustmentColumn>;
const _adjustmentsKeysDeclared: KeysDeclared<AdjustmentColumn, typeof adjustments.columns> = true;

export const adjustmentsSheet: SheetDecl = {
  key: "adjustments",
  name: SHEET_NAMES.adjustments,
  freezeRows: 3,
  protect: false,
  orientation: "landscape",
  print: { fitTo: { wide: 1, tall: 0 } },
  blocks: [
    { cell: "A1", text: SHEET_TITLES.adjustments, style: "title" },
    { cell: "A2", text: SHEET_NOTES.adjustments, style: "note" },
  ],
  tables: [adjustments],
};
