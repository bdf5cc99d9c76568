/**
 * A sheet's page as data: column widths (characters, from the declarations), the hidden helper columns, the print
 * area of the rows written. Pure: src/excel/writer.ts sets them through Range.format and PageLayout.
 */
import { tableWidth } from "../footprint";
import { columnLetter, type SheetDecl, type TableDecl } from "../layout";

/** Points per character of the declared widths. */
export const POINTS_PER_CHAR = 6;

export function columnWidths(sheet: SheetDecl): Map<number, number> {
  const widths = new Map<number, number>();
  const put = (col: number, chars: number) => widths.set(col, Math.max(widths.get(col) ?? 0, chars));
  for (const table of sheet.tables) {
    if (table.shape === "list") table.columns.forEach((c, i) => put(table.anchor.col + i, c.width));
    else {
      put(table.anchor.col, Math.max(...table.fields.map((f) => f.header["zh-CN"].length * 2, 0), 16));
      put(table.anchor.col + 1, Math.max(...table.fields.map((f) => f.width)));
    }
  }
  // Plain ranges (SheetDecl.ranges) give the widths of the columns no table sets.
  for (const range of sheet.ranges ?? []) range.columns.forEach((c, i) => widths.has(range.anchor.col + i) || widths.set(range.anchor.col + i, c.width));
  return widths;
}

/** The print area: from A1 to the right-most table column, down to the last table row written. */
export function printArea(sheet: SheetDecl, rowsOf: (t: TableDecl) => number): string {
  let lastCol = 0;
  let lastRow = 1;
  for (const t of sheet.tables) {
    lastCol = Math.max(lastCol, t.anchor.col + tableWidth(t) - 1);
    lastRow = Math.max(lastRow, t.anchor.row + rowsOf(t));
  }
  for (const b of sheet.blocks) lastRow = Math.max(lastRow, Number(/\d+$/.exec(b.cell)?.[0] ?? 1));
  return `A1:${columnLetter(lastCol)}${lastRow}`;
}

/** Sheet columns (0-based) of the list-table columns declared `hidden` (the Tracking log's Row key and Match key). */
export function hiddenColumns(sheet: SheetDecl): number[] {
  return sheet.tables.flatMap((t) => (t.shape === "list" ? t.columns.flatMap((c, i) => (c.hidden ? [t.anchor.col + i] : [])) : []));
}
