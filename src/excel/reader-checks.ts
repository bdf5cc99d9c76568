/**
 * Checks of the PIP cells a person can break in Excel without the reader noticing from values alone:
 *
 * - a formula cell PIPbook writes (a list table's formula column, a record table's formula row) now holding a typed
 *   value: the workbook no longer computes it (FORMULA_OVERWRITTEN; the next Save writes the formula again);
 * - the Overview's "as of" cell holding text, an error, a boolean or a non-date (AS_OF_NOT_DATE): every status
 *   formula reads it;
 * - rows typed right below a list table that the table did not take in (ROW_BELOW_TABLE): Excel extends a table
 *   over a row typed directly below it only with AutoCorrect's "Include new rows and columns in table" on and not on
 *   a protected sheet (Microsoft support, "Turn automatic completion of table entries on or off" / "Resize a table
 *   by adding or removing rows and columns"); a table shrunk by a row leaves its last row there too;
 * - a record table without its value column, a list table without a formula column (VALUE_COLUMN_MISSING,
 *   FORMULA_COLUMN_MISSING); missing input columns are the reader's own COLUMN_MISSING.
 *
 * Pure: it looks at the tables and cells through a `WorkbookProbe` (the CLI builds one from the .xlsx; the same
 * shape can be filled from Office.js `Range.formulas` / `values`). Returns findings with sheet and cell.
 */
import { columnIndex, sheetReference, splitSheet } from "../a1";
import { serialToIso } from "../core/dates";
import type { Finding, FindingLocation } from "../core/findings";
import type { EntityName } from "../core/model";
import { ENTITY_TABLES, localize, type Localized } from "../i18n/findings";
import { READER_CHECK_MESSAGES, READER_CHECK_WORDS, type ReaderCheckCode } from "../i18n/reader-checks";
import { TABLES, columnLetter, type TableDecl } from "../workbook";
import { columnNamed, headerIndex } from "../workbook/cells";

export interface CellProbe {
  /** The value Excel shows (a formula's result): number, string, boolean, an error text such as "#DIV/0!", or null. */
  value: unknown;
  /** The formula ("=…"), or null for a constant. */
  formula: string | null;
  /** Whether the value is an error (#DIV/0!, #REF! …). */
  error?: boolean;
}

export interface ProbedTable {
  name: string;
  sheet: string;
  /** A1 range without the sheet, header row included ("A3:H29"). */
  range: string;
  headers: string[];
}

export interface WorkbookProbe {
  tables: ProbedTable[];
  /** A cell by 1-based row and 0-based column; null when empty. */
  cell(sheet: string, row: number, col: number): CellProbe | null;
  /**
   * Whether `formula` is known (the CLI reads it from the file). When not (the reader's one-sync load has values
   * only), formula cells cannot be told from typed ones, and only the value checks run (an empty as-of cell is
   * then not reported: it cannot be told from a formula the in-memory Excel did not compute).
   */
  formulasKnown: boolean;
}

/** Which checks to run: those that need values inside the tables, or those that need formulas and cells around them. */
export interface CheckSelection {
  values: boolean;
  formulasAndSurroundings: boolean;
}

/** How far below a table typed rows are looked for (a person types a few, not thousands). */
export const BELOW_ROWS_SCANNED = 50;

function parseRange(range: string): { c1: number; r1: number; c2: number; r2: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(range);
  if (!m) return null;
  const [, c1 = "A", r1, c2 = "A", r2] = m;
  return { c1: columnIndex(c1), r1: Number(r1), c2: columnIndex(c2), r2: Number(r2) };
}


function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Sheet!A1 as the Name Box shows it (quoted when the name needs it). */
function cellName(sheet: string, col: number, row: number): string {
  return sheetReference(sheet, `${columnLetter(col)}${row}`);
}

function shownValue(probe: CellProbe): Localized | string {
  const v = probe.value;
  if (isBlank(v)) return READER_CHECK_WORDS.empty;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (probe.error) return String(v);
  if (typeof v === "string") return localize(READER_CHECK_WORDS.text, { text: v.length > 40 ? `${v.slice(0, 40)}…` : v });
  return String(v);
}

function tableLabel(table: TableDecl): Localized {
  return (table.entity && ENTITY_TABLES[table.entity]) || { "zh-CN": table.name, "en-US": table.name };
}

function finding(code: ReaderCheckCode, severity: Finding["severity"], location: FindingLocation, params: Record<string, string | number | Localized>): Finding {
  return { code, severity, location, message: localize(READER_CHECK_MESSAGES[code], params) };
}

export function checkPipCells(probe: WorkbookProbe, select: CheckSelection = { values: true, formulasAndSurroundings: true }): Finding[] {
  const formulaChecks = select.formulasAndSurroundings && probe.formulasKnown;
  const findings: Finding[] = [];
  const layoutOf = new Map(TABLES.map((t) => [t.name as string, t]));
  for (const table of probe.tables) {
    const decl = layoutOf.get(table.name);
    const r = parseRange(table.range);
    if (!decl || !r) continue;
    const entity = (decl.entity ?? "header") as EntityName;
    const at = (col: number, row: number, field?: string, index?: number): FindingLocation => {
      const l: FindingLocation = { entity, sheet: table.sheet, cell: `${columnLetter(col)}${row}` };
      if (index !== undefined && decl.shape === "list") l.row = index;
      if (field) l.field = field;
      return l;
    };
    if (decl.shape === "list") {
      if (!formulaChecks) continue;
      decl.columns.forEach((column) => {
        if (column.kind !== "formula") return;
        const j = headerIndex(column, table.headers);
        if (j < 0) {
          findings.push(finding("FORMULA_COLUMN_MISSING", "warning", at(r.c1, r.r1), { table: tableLabel(decl), column: column.header }));
          return;
        }
        for (let row = r.r1 + 1; row <= r.r2; row++) {
          const cell = probe.cell(table.sheet, row, r.c1 + j);
          if (cell && cell.formula === null && !isBlank(cell.value)) {
            findings.push(finding("FORMULA_OVERWRITTEN", "warning", at(r.c1 + j, row, undefined, row - r.r1 - 1), { cell: cellName(table.sheet, r.c1 + j, row), value: shownValue(cell) }));
          }
        }
      });
      if (decl.entity !== null) findings.push(...rowsBelow(probe, table, decl, r, entity));
    } else {
      if (r.c2 - r.c1 < 1) {
        if (!select.values) continue;
        findings.push(finding("VALUE_COLUMN_MISSING", "error", at(r.c1, r.r1), { table: tableLabel(decl) }));
        continue;
      }
      for (let row = r.r1 + 1; row <= r.r2; row++) {
        const label = probe.cell(table.sheet, row, r.c1)?.value;
        const field = columnNamed(decl.fields, label);
        if (!field || field.kind !== "formula") continue;
        const cell = probe.cell(table.sheet, row, r.c1 + 1);
        const place = at(r.c1 + 1, row, field.field);
        if (field.inputFormula) {
          if (!select.values) continue;
          // The as-of row may be typed over with a date; anything that is not one breaks every status formula.
          // A formula not computed yet (a file written without cached results) is not known to be wrong. Without
          // formulas (the one-sync load), a blank value may be such a formula too: only a value that is there and is
          // not a date is reported.
          const notComputed = probe.formulasKnown ? cell !== null && cell.formula !== null && isBlank(cell.value) : cell === null || isBlank(cell.value);
          const bad = !notComputed && (!cell || cell.error || typeof cell.value !== "number" || serialToIso(cell.value) === null);
          if (bad) {
            const shown: Localized | string =
              cell && typeof cell.value === "string" && /^\d{4}-\d{1,2}-\d{1,2}$/.test(cell.value.trim())
                ? localize(READER_CHECK_WORDS.notCalendarDate, { text: cell.value.trim() })
                : cell
                  ? shownValue(cell)
                  : READER_CHECK_WORDS.empty;
            findings.push(finding("AS_OF_NOT_DATE", "error", place, { cell: cellName(table.sheet, r.c1 + 1, row), value: shown }));
          }
        } else if (formulaChecks && cell && cell.formula === null && !isBlank(cell.value)) {
          findings.push(finding("FORMULA_OVERWRITTEN", "warning", place, { cell: cellName(table.sheet, r.c1 + 1, row), value: shownValue(cell) }));
        }
      }
    }
  }
  return findings;
}

function rowsBelow(probe: WorkbookProbe, table: ProbedTable, decl: TableDecl, r: { c1: number; r1: number; c2: number; r2: number }, entity: EntityName): Finding[] {
  // Another table starting right below (stacked tables) owns those rows.
  const owned = (row: number, col: number) =>
    probe.tables.some((t) => {
      if (t === table || t.sheet !== table.sheet) return false;
      const o = parseRange(t.range);
      return o !== null && row >= o.r1 && row <= o.r2 && col >= o.c1 && col <= o.c2;
    });
  const out: Finding[] = [];
  for (let row = r.r2 + 1; row <= r.r2 + BELOW_ROWS_SCANNED; row++) {
    let first = -1;
    for (let col = r.c1; col <= r.c2; col++) {
      const cell = probe.cell(table.sheet, row, col);
      if (cell && (!isBlank(cell.value) || cell.formula !== null) && !owned(row, col)) {
        first = col;
        break;
      }
    }
    if (first < 0) break;
    out.push(
      finding("ROW_BELOW_TABLE", "error", { entity, sheet: table.sheet, cell: `${columnLetter(first)}${row}` }, { row, table: tableLabel(decl) }),
    );
  }
  return out;
}

/**
 * A table as the reader's one-sync load gives it: its address with the sheet, values and value types — and, when
 * the reader loads them (the add-in does; the CLI checks the file itself), its formulas and the rows right below it.
 */
export interface LoadedTableValues {
  name: string;
  range: { address: string; values: unknown[][]; valueTypes?: unknown[][]; formulas?: unknown[][] } | null;
  below?: { address: string; values: unknown[][]; formulas: unknown[][] } | null;
}

/**
 * The value checks (the as-of cell, a record table's value column) over what the reader already loaded: no extra
 * request. Office.js `Range.values` gives an empty cell as "" and an error as its text with valueType "Error".
 */
export function checkLoadedTables(tables: readonly LoadedTableValues[]): Finding[] {
  const probed: ProbedTable[] = [];
  type Grid = { sheet: string; c1: number; r1: number; values: unknown[][]; types?: unknown[][]; formulas?: unknown[][] };
  const grids: Grid[] = [];
  const where = (address: string) => {
    const { sheet, local } = splitSheet(address);
    const range = local.replace(/\$/g, "");
    return { sheet: sheet ?? "", range, r: parseRange(range) };
  };
  const present = tables.filter((t) => t.range !== null);
  // Formulas are known when the load brought them for every table (the add-in's reader); then the formula checks
  // and the rows below the tables run too.
  const formulasKnown = present.length > 0 && present.every((t) => Array.isArray(t.range?.formulas));
  for (const t of present) {
    const { sheet, range, r } = where(t.range!.address);
    if (!r) continue;
    probed.push({ name: t.name, sheet, range, headers: (t.range!.values[0] ?? []).map((v) => String(v ?? "")) });
    grids.push({ sheet, c1: r.c1, r1: r.r1, values: t.range!.values, types: t.range!.valueTypes, formulas: t.range!.formulas });
    if (t.below) {
      const b = where(t.below.address);
      if (b.r) grids.push({ sheet: b.sheet, c1: b.r.c1, r1: b.r.r1, values: t.below.values, formulas: t.below.formulas });
    }
  }
  const probe: WorkbookProbe = {
    tables: probed,
    formulasKnown,
    cell(sheet, row, col) {
      for (const g of grids) {
        if (g.sheet !== sheet) continue;
        const values = g.values[row - g.r1];
        if (!values || col < g.c1 || col - g.c1 >= values.length) continue;
        const value = values[col - g.c1];
        const f = g.formulas?.[row - g.r1]?.[col - g.c1];
        const formula = typeof f === "string" && f.startsWith("=") ? f : null;
        if (formula === null && (value === undefined || value === "")) return value === "" ? { value: "", formula: null } : null;
        return { value: value ?? null, formula, error: g.types?.[row - g.r1]?.[col - g.c1] === "Error" };
      }
      return null;
    },
  };
  return checkPipCells(probe, { values: true, formulasAndSurroundings: formulasKnown });
}
