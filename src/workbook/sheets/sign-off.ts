/**
 * Sign-off (签字确认): a print-ready page — title, the acknowledgement wording (a signature confirms receipt,
 * not agreement), who and which plan window, then one line per signer with name, date, comment and room for a
 * handwritten signature.
 */
import { SHEET_NAMES, SHEET_NOTES, SHEET_TITLES } from "../../i18n/workbook";
import { SEAL_WORDS } from "../../i18n/seal";
import { header, SEAL_FLAG_CELL, stringLiteral, type ListTableDecl, type KeysDeclared, type SheetDecl } from "../layout";

export type SignOffColumn = "role" | "name" | "date" | "comment" | "signature";

const signOff = {
  name: "PIP_SignOff",
  shape: "list",
  entity: "signOff",
  sheet: "signOff",
  anchor: { row: 9, col: 0 },
  columns: [
    {
      key: "role",
      field: "role",
      header: header("signOff.role"),
      kind: "list",
      list: { kind: "labels", list: "signerRole" },
      width: 14,
      required: true,
      validation: { kind: "list" },
    },
    { key: "name", field: "name", header: header("signOff.name"), kind: "text", width: 16 },
    {
      key: "date",
      field: "date",
      header: header("signOff.date"),
      kind: "date",
      width: 14,
      validation: { kind: "date" },
    },
    { key: "comment", field: "comment", header: header("signOff.comment"), kind: "text", width: 34 },
    // Left empty for a handwritten signature on the printed page; the reader ignores it.
    { key: "signature", header: header("signOff.signature"), kind: "text", width: 22 },
  ],
} satisfies ListTableDecl<"signOff", SignOffColumn>;
const _signOffKeysDeclared: KeysDeclared<SignOffColumn, typeof signOff.columns> = true;

export const signOffSheet: SheetDecl = {
  key: "signOff",
  name: SHEET_NAMES.signOff,
  freezeRows: 0,
  protect: true,
  orientation: "portrait",
  // One A4 page with the wording whole (merged and wrapped across the table's width) and room to sign.
  print: {
    fitTo: { wide: 1, tall: 1 },
    centerHorizontally: true,
    wrap: { range: "A3:E3", rowHeight: 48 },
    bodyRowHeight: 36,
  },
  blocks: [
    { cell: "A1", text: SHEET_TITLES.signOff, style: "title" },
    { cell: "A2", formula: (f) => `""&${f.value("PIP_Header", "title")}`, style: "label" },
    { cell: "A3", text: SHEET_NOTES.signOff, style: "note" },
    { cell: "A5", text: SHEET_NOTES.signOffEmployee, style: "label" },
    {
      cell: "B5",
      formula: (f) =>
        `""&${f.value("PIP_Header", "employeeName")}&IF(${f.value("PIP_Header", "employeeId")}="",""," ("&${f.value("PIP_Header", "employeeId")}&")")`,
      style: "value",
    },
    { cell: "A6", text: SHEET_NOTES.signOffManager, style: "label" },
    { cell: "B6", formula: (f) => `""&${f.value("PIP_Header", "manager")}`, style: "value" },
    { cell: "A7", text: SHEET_NOTES.signOffWindow, style: "label" },
    {
      cell: "B7",
      formula: (f) => {
        const ps = f.value("PIP_Header", "planStart");
        const pe = f.value("PIP_Header", "planEnd");
        return `IF(AND(ISNUMBER(${ps}),ISNUMBER(${pe})),TEXT(${ps},"yyyy-mm-dd")&" – "&TEXT(${pe},"yyyy-mm-dd"),"")`;
      },
      style: "value",
    },
    {
      cell: "A8",
      formula: (f) => `IF(N(${SEAL_FLAG_CELL})=1,${stringLiteral(SEAL_WORDS.changedLine[f.lang])},"")`,
      style: "label",
    },
  ],
  tables: [signOff],
};
