/**
 * Where PIPbook's own content sits on a sheet — its "footprint" — so that a rewrite clears only that and never a
 * cell a person typed elsewhere on a PIP sheet (a note beside a table, their own small table, a signature box).
 *
 * A footprint is the tables' ranges (header + body, plus the columns a user added inside a table) and the layout's
 * blocks (titles, notes, labels). Rows are 1-based, columns 0-based, both ends inclusive, as in the layout's anchors.
 * The plain ranges of a sheet (SheetDecl.ranges: the Evaluation sheet's derived tables) are not here: a rewrite
 * clears their column bands down to the sheet's end (src/excel/ranges.ts).
 *
 * Pure geometry: no Excel, no clock.
 */
import type { Plan } from "../core/model";
import { columnLetter, entityRows, parseCell, type AnyRow, type ListTableDecl, type SheetDecl, type TableDecl, type TableName } from "./layout";

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** "B3:D9" or "B3" (sheet prefix allowed and ignored) → Rect; null when it is not an A1 cell or range. */
export function rectOf(a1: string): Rect | null {
  const local = a1.slice(a1.lastIndexOf("!") + 1);
  const [from = "", to = from] = local.split(":");
  const a = parseCell(from);
  const b = parseCell(to);
  if (!a || !b) return null;
  return { r0: Math.min(a.row, b.row), c0: Math.min(a.col, b.col), r1: Math.max(a.row, b.row), c1: Math.max(a.col, b.col) };
}

export function rectA1(r: Rect): string {
  const from = `${columnLetter(r.c0)}${r.r0}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? from : `${from}:${columnLetter(r.c1)}${r.r1}`;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}

/** a − b as at most four rectangles (bands above and below, then left and right of the overlap). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const o = intersect(a, b);
  if (!o) return [a];
  const out: Rect[] = [];
  if (a.r0 < o.r0) out.push({ ...a, r1: o.r0 - 1 });
  if (o.r1 < a.r1) out.push({ ...a, r0: o.r1 + 1 });
  if (a.c0 < o.c0) out.push({ r0: o.r0, r1: o.r1, c0: a.c0, c1: o.c0 - 1 });
  if (o.c1 < a.c1) out.push({ r0: o.r0, r1: o.r1, c0: o.c1 + 1, c1: a.c1 });
  return out;
}

/** a minus every rectangle of `bs`. */
export function subtractAll(a: Rect, bs: Rect[]): Rect[] {
  let parts = [a];
  for (const b of bs) parts = parts.flatMap((p) => subtract(p, b));
  return parts;
}

/** The model rows a list table holds for `plan` (derived tables: their rowsOf). */
export function modelRows(table: ListTableDecl, plan: Plan): readonly AnyRow[] {
  if (table.rowsOf) return table.rowsOf(plan);
  return table.entity ? entityRows(plan, table.entity) : [];
}

/** Body rows the writer gives a table (≥ 1: an empty list table keeps one empty row for its calculated columns). */
export function bodyRowsOf(table: TableDecl, plan: Plan): number {
  return table.shape === "list" ? Math.max(1, modelRows(table, plan).length) : table.fields.length;
}

export function tableWidth(table: TableDecl): number {
  return table.shape === "list" ? table.columns.length : 2;
}

/** The range a table gets: header row + body, `extraColumns` user-added columns after the layout's. */
export function tableRect(table: TableDecl, bodyRows: number, extraColumns = 0): Rect {
  return { r0: table.anchor.row, c0: table.anchor.col, r1: table.anchor.row + bodyRows, c1: table.anchor.col + tableWidth(table) - 1 + extraColumns };
}

export interface FootprintPart {
  /** The table's name, or the block's cell for a block. */
  name: TableName | string;
  kind: "table" | "block";
  rect: Rect;
}

/** What the writer will occupy on `sheet` for `plan`, with `extraColumns` user-added columns per table. */
export function plannedFootprint(sheet: SheetDecl, plan: Plan, extraColumns: Partial<Record<TableName, number>> = {}): FootprintPart[] {
  const parts: FootprintPart[] = sheet.tables.map((t) => ({ name: t.name, kind: "table", rect: tableRect(t, bodyRowsOf(t, plan), extraColumns[t.name] ?? 0) }));
  for (const b of sheet.blocks) {
    const rect = rectOf(b.cell);
    if (rect) parts.push({ name: b.cell, kind: "block", rect });
  }
  return parts;
}

/** The layout's blocks of a sheet as rectangles (same cells in every language). */
export function blockRects(sheet: SheetDecl): Rect[] {
  return sheet.blocks.map((b) => rectOf(b.cell)).filter((r): r is Rect => r !== null);
}
