/**
 * The workbook layout as one list (`SHEETS`, in workbook order) and the look-ups everyone shares: tables by name
 * and by entity, list labels both ways, and the cell of a model location (for findings).
 *
 * Adding a sheet: write `sheets/<name>.ts` exporting a SheetDecl, add it to SHEETS below, add its names to
 * src/i18n/workbook.ts; the writer, the reader and `cellOf` pick it up. Rows whose number follows the plan but
 * that are no Excel table go in the sheet's `ranges` (derived list tables written as plain ranges), native charts
 * in its `charts` (ChartDecl, ./charts.ts): the Evaluation sheet declares both.
 */
import type { EntityName, Language } from "../core/model";
import type { FindingLocation } from "../core/findings";
import { LIST_LABELS, type ListName, type Localized } from "../i18n/workbook";
import {
  columnLetter,
  defaultSheetNames,
  firstDataRow,
  recordRowOf,
  tableColumns,
  type CellIndex,
  type CellRef,
  type LayoutIndex,
  type ListTableDecl,
  type RecordTableDecl,
  type SheetDecl,
  type SheetKey,
  type SheetNames,
  type TableDecl,
  type TableName,
} from "./layout";
import { overviewSheet } from "./sheets/overview";
import { goalsSheet } from "./sheets/goals";
import { causesSheet } from "./sheets/causes";
import { actionsSheet } from "./sheets/actions";
import { resourcesSheet } from "./sheets/resources";
import { signOffSheet } from "./sheets/sign-off";
import { trackingSheet } from "./sheets/tracking";
import { adjustmentsSheet } from "./sheets/adjustments";
import { evaluationSheet } from "./sheets/evaluation";

export * from "./layout";

/** Every sheet, in workbook order. */
export const SHEETS: readonly SheetDecl[] = [
  overviewSheet,
  goalsSheet,
  causesSheet,
  actionsSheet,
  resourcesSheet,
  signOffSheet,
  trackingSheet,
  adjustmentsSheet,
  evaluationSheet,
];

export const TABLES: readonly TableDecl[] = SHEETS.flatMap((s) => s.tables);

export const LAYOUT: LayoutIndex = {
  tables: new Map(TABLES.map((t) => [t.name, t])),
  sheets: new Map(SHEETS.map((s) => [s.key, s])),
};

export function tableDecl(name: TableName): TableDecl {
  const t = LAYOUT.tables.get(name);
  if (!t) throw new Error(`layout: no table ${name}`);
  return t;
}

export function listTable(name: TableName): ListTableDecl {
  const t = tableDecl(name);
  if (t.shape !== "list") throw new Error(`layout: ${name} is not a list table`);
  return t;
}

export function recordTable(name: TableName): RecordTableDecl {
  const t = tableDecl(name);
  if (t.shape !== "record") throw new Error(`layout: ${name} is not a record table`);
  return t;
}

/** The table holding an entity (thresholds live in the header table on Overview). */
export function tableOfEntity(entity: EntityName): TableDecl | null {
  if (entity === "thresholds") return tableDecl("PIP_Header");
  return TABLES.find((t) => t.entity === entity) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Lists

/** The label of a list value in a language (yes/no lists take booleans). */
export function listLabel(list: ListName, value: unknown, lang: Language): string | null {
  const labels = LIST_LABELS[list] as Record<string, Localized>;
  const entry = labels[String(value)];
  return entry ? entry[lang] : null;
}

export function listLabels(list: ListName, lang: Language): string[] {
  return Object.values(LIST_LABELS[list] as Record<string, Localized>).map((l) => l[lang]);
}

const normalize = (s: string) => s.trim().toLowerCase();
const listLookup = new Map<ListName, Map<string, string>>();

/**
 * The model value of a cell in a list column: its label in either language or the model value itself,
 * ignoring case and surrounding spaces; undefined when it is none of them.
 */
export function parseListValue(list: ListName, cell: string): string | undefined {
  let lookup = listLookup.get(list);
  if (!lookup) {
    lookup = new Map();
    for (const [value, label] of Object.entries(LIST_LABELS[list] as Record<string, Localized>)) {
      lookup.set(normalize(value), value);
      lookup.set(normalize(label["zh-CN"]), value);
      lookup.set(normalize(label["en-US"]), value);
    }
    listLookup.set(list, lookup);
  }
  return lookup.get(normalize(cell));
}

// ---------------------------------------------------------------------------------------------------------------
// Model location → cell

/**
 * The sheet and A1 cell of a model location: a row's field, a row (its first column), a table (its first header
 * cell) or a single-record field (header, thresholds, evaluation). With `placement` from the reader, the cells
 * are where the tables are now (moved columns, renamed sheets, rows skipped); without, where the layout puts them.
 */
export function cellOf(location: FindingLocation, names: SheetNames | Language = "zh-CN", placement?: CellIndex): CellRef | null {
  const table = tableOfEntity(location.entity);
  if (!table) return null;
  const sheetNames = typeof names === "string" ? defaultSheetNames(names) : names;
  const placed = placement?.[table.name];
  const sheet = placed?.sheet ?? sheetNames[table.sheet];
  if (table.shape === "record") {
    const valueCol = placed?.columns.value ?? table.anchor.col + 1;
    if (!location.field) return { sheet, cell: `${columnLetter(table.anchor.col)}${placed?.headerRow ?? table.anchor.row}` };
    const rows = placed?.rows as Record<string, number> | undefined;
    let row = rows?.[location.field];
    if (row === undefined) {
      if (!table.fields.some((f) => f.key === location.field)) return { sheet, cell: `${columnLetter(table.anchor.col)}${table.anchor.row}` };
      row = recordRowOf(table, location.field) + ((placed?.headerRow ?? table.anchor.row) - table.anchor.row);
    }
    return { sheet, cell: `${columnLetter(valueCol)}${row}` };
  }
  const columns = table.columns;
  const firstKey = columns[0]?.key ?? "";
  const key = location.field && columns.some((c) => c.key === location.field) ? location.field : firstKey;
  const col = placed?.columns[key] ?? placed?.columns[firstKey] ?? table.anchor.col + Math.max(0, columns.findIndex((c) => c.key === key));
  const headerRow = placed?.headerRow ?? table.anchor.row;
  if (location.row === undefined) return { sheet, cell: `${columnLetter(col)}${headerRow}` };
  const rows = placed?.rows as number[] | undefined;
  const row = rows?.[location.row] ?? firstDataRow(table) + (headerRow - table.anchor.row) + location.row;
  return { sheet, cell: `${columnLetter(col)}${row}` };
}

/** The finding location with `sheet` and `cell` filled in (unchanged when the entity has no table). */
export function locate(location: FindingLocation, names: SheetNames | Language, placement?: CellIndex): FindingLocation {
  const ref = cellOf(location, names, placement);
  return ref ? { ...location, sheet: ref.sheet, cell: ref.cell } : location;
}

export { tableColumns, defaultSheetNames };
export type { SheetKey, TableName };
export * from "./footprint";
export * from "./formula-text";
