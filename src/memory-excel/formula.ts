/**
 * The in-memory Excel's formula rewrites: fill and copy, sheet and table renames, structured references for the
 * engine. The tokenizer they run on is PIPbook's one (src/a1/formula.ts), re-exported here for the stand-in's files.
 */
import { MAX_COLUMNS, MAX_ROWS, type Rect } from "./address";
import { readBrackets, render, tokenize, type FormulaToken, type RefPart } from "../a1/formula";
import { kept } from "../a1/kept";

export { render, renderRef, tokenize, type FormulaToken, type RefPart, type RenderOptions } from "../a1/formula";

function shiftPart(p: RefPart, dr: number, dc: number): RefPart | null {
  const row = p.row === null || p.rowAbs ? p.row : p.row + dr;
  const col = p.col === null || p.colAbs ? p.col : p.col + dc;
  if (row !== null && (row < 0 || row >= MAX_ROWS)) return null;
  if (col !== null && (col < 0 || col >= MAX_COLUMNS)) return null;
  return { ...p, row, col };
}

/** Moves every relative reference by (dr, dc), as Excel does when a formula is filled or copied; off-sheet → #REF!. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  // A copy tiles a few source formulas over many cells: tokenize keeps each source's tokens (they are only read here).
  const tokens = tokenize(formula).map((t): FormulaToken => {
    if (t.kind !== "ref") return t;
    const a = shiftPart(t.a, dr, dc);
    const b = t.b ? shiftPart(t.b, dr, dc) : null;
    if (!a || (t.b && !b)) return { kind: "text", text: "#REF!" };
    return { ...t, a, b };
  });
  return render(tokens);
}

/**
 * The formula with every relative row written as an offset from `row` (R1C1-like for rows), so formulas filled
 * down a column compare equal.
 */
export function rowRelativeKey(formula: string, row: number): string {
  return tokenize(formula)
    .map((t) => {
      if (t.kind !== "ref") return t.kind === "structured" ? `${t.table ?? ""}[${t.body}]` : t.text;
      const part = (p: RefPart) => `${p.colAbs ? "$" : ""}${p.col ?? ""}:${p.row === null ? "" : p.rowAbs ? `$${p.row}` : `R[${p.row - row}]`}`;
      return `${t.sheet ?? ""}!${part(t.a)}${t.b ? `|${part(t.b)}` : ""}`;
    })
    .join("");
}

export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  const lower = oldName.toLowerCase();
  if (!mayName(formula, lower)) return formula;
  let changed = false;
  const tokens = tokenize(formula).map((t): FormulaToken => {
    if (t.kind === "ref" && t.sheet !== null && t.sheet.toLowerCase() === lower) {
      changed = true;
      return { ...t, sheet: newName };
    }
    return t;
  });
  return changed ? render(tokens) : formula;
}

/** References to a deleted sheet become #REF!, as in Excel. */
export function dropSheetFromFormula(formula: string, sheetName: string): string {
  const lower = sheetName.toLowerCase();
  if (!mayName(formula, lower)) return formula;
  let changed = false;
  const tokens = tokenize(formula).map((t): FormulaToken => {
    if (t.kind === "ref" && t.sheet !== null && t.sheet.toLowerCase() === lower) {
      changed = true;
      return { kind: "text", text: "#REF!" };
    }
    return t;
  });
  return changed ? render(tokens) : formula;
}

export function hasStructuredReference(formula: string): boolean {
  return formula.includes("[") && tokenize(formula).some((t) => t.kind === "structured");
}

// ---- structured references -------------------------------------------------------------------------------

export interface TableGeometry {
  sheet: string;
  /** The whole table, header row (when shown) and totals row (when shown) included. */
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  columns: string[];
}

type RowSpec = "all" | "data" | "headers" | "totals" | "thisRow" | "headersData" | "dataTotals";

interface StructuredSpec {
  rows: RowSpec;
  columns: [string, string] | null;
}

function unescapeItem(s: string): string {
  return s.replace(/'(.)/g, "$1");
}

const SPECIALS: Record<string, RowSpec> = {
  "#all": "all",
  "#data": "data",
  "#headers": "headers",
  "#totals": "totals",
  "#this row": "thisRow",
};

/** Parses the inside of Table[...]: "Col", "@Col", "#All", "[#This Row],[Col]", "[Col1]:[Col2]", "@[Col A]". */
export function parseStructuredBody(body: string): StructuredSpec | null {
  const trimmed = body.trim();
  if (trimmed === "") return { rows: "data", columns: null };
  if (!trimmed.includes("[")) {
    if (trimmed.startsWith("@")) {
      const col = unescapeItem(trimmed.slice(1).trim());
      return { rows: "thisRow", columns: col ? [col, col] : null };
    }
    const special = SPECIALS[trimmed.toLowerCase()];
    if (special) return { rows: special, columns: null };
    const col = unescapeItem(trimmed);
    return { rows: "data", columns: [col, col] };
  }
  const specials: RowSpec[] = [];
  const cols: string[] = [];
  let range = false;
  let i = 0;
  while (i < trimmed.length) {
    const ch = trimmed[i];
    if (ch === "@") {
      specials.push("thisRow");
      i++;
    } else if (ch === "[") {
      const end = readBrackets(trimmed, i);
      const item = trimmed.slice(i + 1, end - 1);
      const special = SPECIALS[item.trim().toLowerCase()];
      if (special) specials.push(special);
      else cols.push(unescapeItem(item));
      i = end;
    } else if (ch === ":") {
      range = true;
      i++;
    } else if (ch === "," || ch === " ") {
      i++;
    } else {
      return null;
    }
  }
  let rows: RowSpec = "data";
  const [first, second] = cols;
  if (specials.length === 1) rows = specials[0] ?? rows;
  else if (specials.length === 2) {
    const set = new Set(specials);
    if (set.has("headers") && set.has("data")) rows = "headersData";
    else if (set.has("data") && set.has("totals")) rows = "dataTotals";
    else return null;
  } else if (specials.length > 2) return null;
  if (cols.length === 0) return { rows, columns: null };
  if (cols.length === 1 && first !== undefined) return { rows, columns: [first, first] };
  if (cols.length === 2 && range && first !== undefined && second !== undefined) return { rows, columns: [first, second] };
  return null;
}

/** The A1 area a structured reference points at, or null (#REF!) when it names a missing column or row part. */
export function resolveStructured(
  spec: StructuredSpec,
  table: TableGeometry,
  hostRow: number,
): { sheet: string; rect: Rect } | null {
  const headerRow = table.showHeaders ? table.rect.r0 : null;
  const dataTop = table.rect.r0 + (table.showHeaders ? 1 : 0);
  const dataBottom = table.rect.r1 - (table.showTotals ? 1 : 0);
  const totalsRow = table.showTotals ? table.rect.r1 : null;
  let r0: number;
  let r1: number;
  switch (spec.rows) {
    case "all":
      r0 = table.rect.r0;
      r1 = table.rect.r1;
      break;
    case "data":
      r0 = dataTop;
      r1 = dataBottom;
      break;
    case "headers":
      if (headerRow === null) return null;
      r0 = r1 = headerRow;
      break;
    case "totals":
      if (totalsRow === null) return null;
      r0 = r1 = totalsRow;
      break;
    case "thisRow":
      r0 = r1 = hostRow;
      break;
    case "headersData":
      r0 = table.rect.r0;
      r1 = dataBottom;
      break;
    case "dataTotals":
      r0 = dataTop;
      r1 = table.rect.r1;
      break;
  }
  let c0 = table.rect.c0;
  let c1 = table.rect.c1;
  if (spec.columns) {
    const find = (name: string) => table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
    const a = find(spec.columns[0]);
    const b = find(spec.columns[1]);
    if (a < 0 || b < 0) return null;
    c0 = table.rect.c0 + Math.min(a, b);
    c1 = table.rect.c0 + Math.max(a, b);
  }
  return { sheet: table.sheet, rect: { r0, c0, r1, c1 } };
}

export interface EngineRewriteContext {
  hostSheet: string;
  hostRow: number;
  hostColumn: number;
  table(name: string): TableGeometry | null;
  /** The table whose range holds the host cell (for "[@Col]" without a table name). */
  hostTable(): TableGeometry | null;
}

/**
 * The formula as the engine should see it: every sheet name quoted, structured references replaced by absolute
 * A1 areas of the tables' current geometry, and bare TRUE / FALSE written as TRUE() / FALSE() (HyperFormula 3.5
 * reads the bare words as names).
 */
export function rewriteForEngine(formula: string, ctx: EngineRewriteContext): string {
  const tokens = tokenize(formula).map((t): FormulaToken => {
    if (t.kind === "name" && /^(TRUE|FALSE)$/i.test(t.text)) return { kind: "text", text: `${t.text.toUpperCase()}()` };
    if (t.kind !== "structured") return t;
    const table = t.table === null ? ctx.hostTable() : ctx.table(t.table);
    const spec = parseStructuredBody(t.body);
    if (!table || !spec) return { kind: "text", text: "#REF!" };
    const area = resolveStructured(spec, table, ctx.hostRow);
    if (!area) return { kind: "text", text: "#REF!" };
    const { rect } = area;
    const a: RefPart = { col: rect.c0, row: rect.r0, colAbs: true, rowAbs: true };
    const single = rect.r0 === rect.r1 && rect.c0 === rect.c1;
    const b: RefPart | null = single ? null : { col: rect.c1, row: rect.r1, colAbs: true, rowAbs: true };
    return { kind: "ref", sheet: area.sheet, a, b };
  });
  return render(tokens, { quoteAllSheets: true });
}

/**
 * Whether `formula` can name the sheet or table `lowerName` at all (as written, or quoted with its apostrophes
 * doubled): a rename visits every formula of the workbook, and most name something else, so they skip the tokenizer.
 */
function mayName(formula: string, lowerName: string): boolean {
  const test = kept(nameTests, lowerName, 256, () => {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const quoted = lowerName.includes("'") ? `|${escape(lowerName.replace(/'/g, "''"))}` : "";
    return new RegExp(`${escape(lowerName)}${quoted}`, "i");
  });
  return test.test(formula);
}
/** mayName's case-insensitive searches, one per name (a rename asks the same for every formula of the workbook). */
const nameTests = new Map<string, RegExp>();

/** Renames a table inside structured references (Excel keeps formulas pointing at the renamed table). */
export function renameTableInFormula(formula: string, oldName: string, newName: string): string {
  const lower = oldName.toLowerCase();
  if (!mayName(formula, lower)) return formula;
  let changed = false;
  const tokens = tokenize(formula).map((t): FormulaToken => {
    if (t.kind === "structured" && t.table !== null && t.table.toLowerCase() === lower) {
      changed = true;
      return { ...t, table: newName };
    }
    return t;
  });
  return changed ? render(tokens) : formula;
}

function escapeColumnName(name: string): string {
  return name.replace(/(['#[\]@])/g, "'$1");
}

/** Renames a column inside structured references to `table` (or to the host table when `hostTable` is it). */
export function renameColumnInFormula(
  formula: string,
  tableName: string,
  oldColumn: string,
  newColumn: string,
  hostTableName: string | null,
): string {
  const lower = tableName.toLowerCase();
  // A reference to the host table may leave its name out ("[@Goal]"), so only the bracket rules the formula out.
  if (!formula.includes("[")) return formula;
  let changed = false;
  const tokens = tokenize(formula).map((t): FormulaToken => {
    if (t.kind !== "structured") return t;
    const owner = t.table ?? hostTableName;
    if (owner === null || owner.toLowerCase() !== lower) return t;
    const body = renameColumnInBody(t.body, oldColumn, newColumn);
    if (body === t.body) return t;
    changed = true;
    return { ...t, body };
  });
  return changed ? render(tokens) : formula;
}

function renameColumnInBody(body: string, oldColumn: string, newColumn: string): string {
  const matches = (item: string) => unescapeItem(item).trim().toLowerCase() === oldColumn.toLowerCase();
  if (!body.includes("[")) {
    if (body.startsWith("@") && matches(body.slice(1))) return `@[${escapeColumnName(newColumn)}]`;
    if (!body.startsWith("#") && matches(body)) return `[${escapeColumnName(newColumn)}]`;
    return body;
  }
  let out = "";
  let i = 0;
  while (i < body.length) {
    if (body[i] === "[") {
      const end = readBrackets(body, i);
      const item = body.slice(i + 1, end - 1);
      out += matches(item) ? `[${escapeColumnName(newColumn)}]` : body.slice(i, end);
      i = end;
    } else {
      out += body[i];
      i++;
    }
  }
  return out;
}

/** Structured references that name a deleted column of `tableName` become #REF!, as in Excel. */
export function dropColumnFromFormula(formula: string, tableName: string, columnName: string, hostTableName: string | null): string {
  const lowerTable = tableName.toLowerCase();
  const lowerCol = columnName.toLowerCase();
  let changed = false;
  const tokens = tokenize(formula).map((t): FormulaToken => {
    if (t.kind !== "structured") return t;
    const owner = t.table ?? hostTableName;
    if (owner === null || owner.toLowerCase() !== lowerTable) return t;
    const spec = parseStructuredBody(t.body);
    if (!spec?.columns || !spec.columns.some((c) => c.toLowerCase() === lowerCol)) return t;
    changed = true;
    return { kind: "text", text: "#REF!" };
  });
  return changed ? render(tokens) : formula;
}

/**
 * What Excel does to the formulas of a workbook when a table is converted to a range (Table.convertToRange,
 * Table Design › Convert to Range): every structured reference to that table becomes an A1 reference to the
 * cells it points at now, and no longer follows the table. Microsoft, "Using structured references with Excel
 * tables": "If you convert a table to a range, … Excel changes all structured references to the equivalent
 * A1 references." A row reference ([@Col]) keeps its row relative; the rest is absolute.
 */
export function structuredToA1(
  formula: string,
  tableName: string,
  table: TableGeometry,
  hostSheet: string,
  hostRow: number,
  hostIsTable: boolean,
): string {
  let changed = false;
  const tokens = tokenize(formula).map((t): FormulaToken => {
    if (t.kind !== "structured") return t;
    const named = t.table === null ? hostIsTable : t.table.toLowerCase() === tableName.toLowerCase();
    if (!named) return t;
    const spec = parseStructuredBody(t.body);
    const area = spec ? resolveStructured(spec, table, hostRow) : null;
    changed = true;
    if (!spec || !area) return { kind: "text", text: "#REF!" };
    const { rect } = area;
    const rowAbs = spec.rows !== "thisRow";
    const a: RefPart = { col: rect.c0, row: rect.r0, colAbs: true, rowAbs };
    const single = rect.r0 === rect.r1 && rect.c0 === rect.c1;
    const b: RefPart | null = single ? null : { col: rect.c1, row: rect.r1, colAbs: true, rowAbs };
    return { kind: "ref", sheet: area.sheet === hostSheet ? null : area.sheet, a, b };
  });
  return changed ? render(tokens) : formula;
}
