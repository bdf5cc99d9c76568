/**
 * Before a rewrite of an existing PIP workbook (WorkbookPort.writePlan after its read): make sure nothing a
 * person entered is lost.
 *
 * 1. Columns a person added inside a PIP list table (the reader's `extraColumns`): their formulas are loaded
 *    (the read had values only) and their cells are re-aligned to the rows of the plan being written — goals,
 *    causes and actions by id, other rows by content (src/core/merge.ts rowKey) and then the rows left over in
 *    order, the check-in schedule by position — so the writer puts them back after the layout's columns. A formula's
 *    references into the table follow the cells they named (src/workbook/formula-text.ts), references to renamed
 *    sheets follow the rename, and structured references follow their table's header into the new language.
 * 2. Refusals, before anything changes (WorkbookConflictError, naming sheet and cells in both languages): a cell
 *    the new footprint covers that PIPbook did not write before holds something (a note below a table about to
 *    grow); a user column would land on another PIPbook table or block (the Tracking log has one free column, I,
 *    before the check-in schedule); a user column holds a typed value on a table row with no plan data.
 *
 * At most one sync, and none when the workbook holds no PIP table yet or nothing needs looking at.
 */
import type { Language, Plan } from "../core/model";
import { rowKey } from "../core/merge";
import { WorkbookConflictError, type ConflictCell } from "./port";
import { conflictMessage } from "../i18n/workbook";
import {
  LAYOUT,
  SHEETS,
  blockRects,
  moveRefs,
  renameSheets,
  shiftRows,
  translateStructured,
  intersect,
  listTable,
  modelRows,
  plannedFootprint,
  rectA1,
  rectOf,
  splitAddress,
  subtractAll,
  type ListTableDecl,
  type Rect,
  type TableName,
} from "../workbook";
import type { ExtraColumnRead, WorkbookRead } from "./reader";
import type { ExtraCell, ExtraColumnWrite } from "./extra-columns";
import { assignSheets } from "./write/shape";

export { WorkbookConflictError, type ConflictCell } from "./port";

export interface RewritePlan {
  extraColumns: Partial<Record<TableName, ExtraColumnWrite[]>>;
  /** Syncs made (0 or 1). */
  syncs: number;
  /** Estimated request bytes of the sync, when one was made. */
  requestBytes: number[];
}

const LOAD_BYTES = 160;
/** Cells listed in the message at most (the error's `cells` has them all). */
const LISTED = 5;

interface Look {
  sheet: string;
  rect: Rect;
  range?: Excel.Range;
}

/** Loads what it must (≤ 1 sync), refuses a write that would cover a person's cells, aligns user columns to `plan`. */
export async function prepareRewrite(context: Excel.RequestContext, read: WorkbookRead, plan: Plan, language: Language): Promise<RewritePlan> {
  if (read.plan === null) return { extraColumns: {}, syncs: 0, requestBytes: [] };
  const extras = read.extraColumns;
  const extraCount: Partial<Record<TableName, number>> = {};
  for (const e of extras) extraCount[e.table] = (extraCount[e.table] ?? 0) + 1;

  const { looks, noRoom } = footprintLooks(read, plan, language, extraCount);
  if (noRoom.length > 0) throw new WorkbookConflictError(noRoom, conflictMessage(noRoom, LISTED));
  // Each user column's formulas over the rows read (values alone cannot tell "=[@Actual]*2" from its result).
  const formulaLoads = extras.map((e) => {
    const rows = [...e.rows, ...e.loose];
    if (rows.length === 0) return null;
    const first = Math.min(...rows);
    const range = context.workbook.worksheets.getItem(e.sheet).getRange(`${e.column}${first}:${e.column}${Math.max(...rows)}`);
    range.load("formulas");
    return { range, first };
  });
  for (const look of looks) {
    look.range = context.workbook.worksheets.getItem(look.sheet).getRange(rectA1(look.rect));
    look.range.load("formulas");
  }
  const loads = looks.length + formulaLoads.filter((l) => l !== null).length;
  if (loads > 0) await context.sync();

  const conflicts: ConflictCell[] = [];
  const cell = (r: number, c: number) => rectA1({ r0: r, r1: r, c0: c, c1: c });
  for (const look of looks) {
    (look.range!.formulas as unknown[][]).forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== "" && v !== null && v !== undefined) conflicts.push({ sheet: look.sheet, cell: cell(look.rect.r0 + i, look.rect.c0 + j), reason: "occupied" });
      }),
    );
  }
  extras.forEach((e, k) => {
    const load = formulaLoads[k];
    if (!load) return;
    const formulas = load.range.formulas as unknown[][];
    e.cells.forEach((c, i) => {
      const row = e.rows[i];
      const f = row === undefined ? undefined : formulas[row - load.first]?.[0];
      if (typeof f === "string" && f.startsWith("=") && f !== c.value) c.formula = f;
    });
    // A row with no plan data has no row to go back to: refuse rather than drop what is there, unless it is the
    // column's own formula filled down (the same as on the rows with data, moved to that row).
    const dataFormula = e.cells.findIndex((c) => c.formula !== undefined);
    const own = e.cells[dataFormula]?.formula;
    const ownRow = e.rows[dataFormula];
    for (const row of e.loose) {
      const f = formulas[row - load.first]?.[0];
      const filledDown =
        typeof f === "string" &&
        f.startsWith("=") &&
        (own === undefined || ownRow === undefined || f === own || f === shiftRows(own, row - ownRow));
      if (!filledDown) conflicts.push({ sheet: e.sheet, cell: `${e.column}${row}`, reason: "loose" });
    }
  });
  if (conflicts.length > 0) throw new WorkbookConflictError(conflicts, conflictMessage(conflicts, LISTED));

  const from: Language = read.plan.header?.language === "en-US" ? "en-US" : "zh-CN";
  const { names, existing } = assignSheets(read.shape, language);
  const renamed = new Map<string, string>();
  for (const sheet of SHEETS) {
    const old = existing[sheet.key];
    if (old !== undefined && old !== names[sheet.key]) renamed.set(old, names[sheet.key]);
  }
  const tables = (name: string) => {
    const t = LAYOUT.tables.get(name as TableName);
    return t && t.shape === "list" ? t : null;
  };
  const out: Partial<Record<TableName, ExtraColumnWrite[]>> = {};
  for (const e of extras) {
    const table = listTable(e.table);
    const first = table.anchor.row + 1;
    const aligned = alignCells(table, read.plan, e, plan);
    // Where each cell of the table as read now goes: a reference into it follows the value it named.
    const rowTo = new Map<number, number>([[e.table0.headerRow, table.anchor.row]]);
    aligned.forEach((a, i) => {
      if (a) rowTo.set(a.fromRow, first + i);
    });
    const colTo = new Map(e.table0.columns);
    const move = (row: number, col: number) => {
      if (row < e.table0.headerRow || row > e.table0.lastRow) return undefined;
      const c = colTo.get(col);
      if (c === undefined) return undefined;
      const r = rowTo.get(row);
      // A row of the table that no row of the new plan came from was deleted; a row with no plan data stays put.
      if (r === undefined) return e.rows.includes(row) ? null : undefined;
      return { row: r, col: c };
    };
    const cells = aligned.map((a) => {
      if (!a) return null;
      const { cell: c } = a;
      if (!c.formula) return c;
      // Sheets and headers under their new names, references into the table after the cells they named.
      let formula = moveRefs(c.formula, e.sheet, move);
      formula = renameSheets(formula, renamed);
      formula = translateStructured(formula, table, tables, from, language);
      return { ...c, formula };
    });
    (out[e.table] ??= []).push({ header: e.header, cells });
  }
  return { extraColumns: out, syncs: loads > 0 ? 1 : 0, requestBytes: loads > 0 ? [LOAD_BYTES * loads] : [] };
}

/**
 * The cells to look at: on every PIP sheet the write reuses, the new tables' ranges minus what PIPbook held there
 * before (its tables' ranges and the layout's blocks). And, with no look needed, the cells where a user column
 * would overlap another table or block of the layout.
 */
function footprintLooks(
  read: WorkbookRead,
  plan: Plan,
  language: Language,
  extraCount: Partial<Record<TableName, number>>,
): { looks: Look[]; noRoom: ConflictCell[] } {
  const { existing } = assignSheets(read.shape, language);
  const looks: Look[] = [];
  const noRoom: ConflictCell[] = [];
  for (const sheet of SHEETS) {
    const name = existing[sheet.key];
    if (name === undefined) continue;
    const owned: Rect[] = [...blockRects(sheet)];
    for (const address of Object.values(read.shape.ranges ?? {})) {
      const { sheet: on } = splitAddress(address);
      const rect = rectOf(address);
      if (rect && on === name) owned.push(rect);
    }
    const parts = plannedFootprint(sheet, plan, extraCount);
    for (const part of parts) {
      if (part.kind !== "table") continue;
      for (const rect of subtractAll(part.rect, owned)) looks.push({ sheet: name, rect });
      const extra = extraCount[part.name as TableName] ?? 0;
      if (extra === 0) continue;
      const userColumns: Rect = { ...part.rect, c0: part.rect.c1 - extra + 1 };
      for (const other of parts) {
        if (other === part) continue;
        const overlap = intersect(userColumns, other.rect);
        // Reported by its top-left cell: the user column would land on PIPbook's own table or block there.
        if (overlap) noRoom.push({ sheet: name, cell: rectA1({ ...overlap, r1: overlap.r0, c1: overlap.c0 }), reason: "noRoom" });
      }
    }
  }
  return { looks, noRoom };
}

/**
 * The read cells of a user column, one per row of the plan being written (null: a new row), with the sheet row
 * each came from. Goals, causes and actions by id; other rows by content, then — for rows the pane edited, which
 * no longer match by content — the rows left over on both sides in order; the check-in schedule by position.
 */
function alignCells(table: ListTableDecl, readPlan: Plan, column: ExtraColumnRead, plan: Plan): ({ cell: ExtraCell; fromRow: number } | null)[] {
  const to = modelRows(table, plan);
  const at = (i: number) => {
    const cell = column.cells[i];
    const fromRow = column.rows[i];
    return cell && fromRow !== undefined ? { cell, fromRow } : null;
  };
  if (table.entity === null) return to.map((_, i) => at(i));
  const from = modelRows(table, readPlan);
  const byId = ["goals", "causes", "actions"].includes(table.entity);
  const keyOf = (row: Record<string, unknown>) => (byId && typeof row.id === "string" && row.id.trim() !== "" ? `id:${row.id}` : `row:${rowKey(row)}`);
  const waiting = new Map<string, number[]>();
  from.forEach((row, i) => {
    const k = keyOf(row);
    waiting.set(k, [...(waiting.get(k) ?? []), i]);
  });
  const taken = new Set<number>();
  const out = to.map((row) => {
    const i = waiting.get(keyOf(row))?.shift();
    if (i === undefined) return null;
    taken.add(i);
    return at(i);
  });
  if (!byId) {
    const leftover = from.map((_, i) => i).filter((i) => !taken.has(i));
    out.forEach((v, j) => {
      const next = v === null ? leftover.shift() : undefined;
      if (next !== undefined) out[j] = at(next);
    });
  }
  return out;
}
