/**
 * The hidden meta sheet (PIP_Meta): the layout version and language the workbook was written with, and per layout
 * sheet a column listing the cells the last check pointed at (the port's highlightFindings fills it). Each table
 * carries one conditional format that colours a cell listed there (`markFormula`), so marking findings is one
 * write of the list, not a format per cell.
 */
import type { Language } from "../../core/model";
import { LAYOUT_VERSION, META_SHEET, SHEETS, columnLetter } from "../../workbook";

/** Column of the meta sheet that lists the marked cells of the i-th layout sheet. */
export function markColumn(sheetIndex: number): string {
  return columnLetter(3 + sheetIndex);
}

/** The conditional-format rule that holds on a cell listed in its sheet's column of the meta sheet. */
export function markFormula(sheetIndex: number): string {
  return `=COUNTIF(${META_SHEET}!$${markColumn(sheetIndex)}:$${markColumn(sheetIndex)},ADDRESS(ROW(),COLUMN(),4))>0`;
}

/** The meta sheet's head: PIPbook, the layout version, the language, and the sheet key over each marks column. */
export function queueMetaHead(meta: Excel.Worksheet, language: Language): void {
  meta.getRange("A1:B3").values = [
    ["PIPbook", ""],
    ["layoutVersion", LAYOUT_VERSION],
    ["language", language],
  ];
  meta.getRange(`${markColumn(0)}1:${markColumn(SHEETS.length - 1)}1`).values = [SHEETS.map((s) => s.key)];
}
