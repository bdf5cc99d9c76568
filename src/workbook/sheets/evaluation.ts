/**
 * Evaluation (效果评估) — PLACEHOLDER until the evaluation-and-charts work (issue 4) replaces this module.
 * It declares the sheet with its title and the stage-7 decision record (PIP_Evaluation: date, outcome, decision,
 * measures to standardise, reasons, extension end, notes), which the reader needs for a full round trip; the
 * replacement should keep that table (or move it) and add the per-period rows and the charts.
 */
import { SHEET_NAMES, SHEET_NOTES, SHEET_TITLES } from "../../i18n/workbook";
import { header, type SheetDecl } from "../layout";

export const evaluationSheet: SheetDecl = {
  key: "evaluation",
  name: SHEET_NAMES.evaluation,
  freezeRows: 0,
  protect: true,
  orientation: "landscape",
  blocks: [
    { cell: "A1", text: SHEET_TITLES.evaluation, style: "title" },
    { cell: "A2", text: SHEET_NOTES.evaluation, style: "note" },
  ],
  tables: [
    {
      name: "PIP_Evaluation",
      shape: "record",
      entity: "evaluation",
      sheet: "evaluation",
      anchor: { row: 3, col: 0 },
      fields: [
        { key: "date", field: "date", header: header("evaluation.date"), kind: "date", width: 40, validation: { kind: "date" } },
        { key: "outcome", field: "outcome", header: header("evaluation.outcome"), kind: "list", list: { kind: "labels", list: "outcome", nullable: true }, width: 40, validation: { kind: "list" } },
        { key: "decision", field: "decision", header: header("evaluation.decision"), kind: "list", list: { kind: "labels", list: "decision", nullable: true }, width: 40, validation: { kind: "list" } },
        { key: "measuresToStandardise", field: "measuresToStandardise", header: header("evaluation.measuresToStandardise"), kind: "text", width: 40 },
        { key: "reasons", field: "reasons", header: header("evaluation.reasons"), kind: "text", width: 40 },
        { key: "extensionEnd", field: "extensionEnd", header: header("evaluation.extensionEnd"), kind: "date", width: 40, validation: { kind: "date" } },
        { key: "notes", field: "notes", header: header("evaluation.notes"), kind: "text", width: 40 },
      ],
    },
  ],
};
