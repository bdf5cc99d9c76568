/**
 * The workbook's shape as a save sees it before it writes: which worksheets there are, which PIP table is on which
 * of them (and where), the other tables' and defined names' names, the charts on the sheets with charts, the seal.
 * The reader loads it in its one sync (no second probe for the writer); a save without a read probes it (one sync).
 *
 * Then, with no command: which existing sheet each layout sheet reuses and the name it gets (`assignSheets`), and
 * the names Excel would refuse (`checkNames`).
 */
import type { Language, Plan } from "../../core/model";
import { preflightMessage } from "../../i18n/workbook";
import { LAYOUT, SHEETS, type SheetKey, type SheetNames } from "../../workbook";
import { JOURNAL_SHEET } from "../journal";
import { PreflightError } from "../port";
import { loadSeal, sealUnknown, type SealRead } from "../seal";
import type { ExistingChartInfo } from "../charts";

/** What the writer needs to know about the workbook before it writes (not the in-memory Excel's WorkbookSnapshot). */
export interface WorkbookShape {
  /** Worksheet names, in workbook order. */
  sheets: string[];
  /** PIP_ table name → the worksheet it is on now. */
  tables: Record<string, string>;
  /** Charts on the sheets that have writer extras, by worksheet name (absent: not loaded). */
  charts?: Record<string, ExistingChartInfo[]>;
  /** PIP_ table name → its range now ("Sheet!A4:H20"); absent: not loaded (the writer loads it). */
  ranges?: Record<string, string>;
  /**
   * Every other table's and every defined name's name, with its sheet ("" for a workbook-scoped name): Excel
   * compares them ignoring case, so "pip_goals" blocks adding PIP_Goals. Absent: not loaded (not checked).
   */
  otherNames?: { name: string; sheet: string }[];
  /** The seal of the signed plan the journal sheet holds (src/excel/seal.ts); absent: not loaded. */
  seal?: SealRead;
}

/** Loads the worksheet names, the tables' sheets and the defined names (one sync). */
export async function probeShape(context: Excel.RequestContext): Promise<WorkbookShape> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  return shapeOf(sheets, tables, names);
}

/** The shape from loaded collections (`items/name`, tables with `items/worksheet/name`). */
export function shapeOf(sheets: Excel.WorksheetCollection, tables: Excel.TableCollection, names?: Excel.NamedItemCollection): WorkbookShape {
  const otherNames: { name: string; sheet: string }[] = [];
  const out: WorkbookShape = { sheets: sheets.items.map((s) => s.name), tables: {} };
  // Every PIP_ table, also those a sheet extra (the Evaluation sheet's derived tables) adds: a rewrite removes them all.
  for (const t of tables.items) {
    if (t.name.startsWith("PIP_")) out.tables[t.name] = t.worksheet.name;
    else otherNames.push({ name: t.name, sheet: t.worksheet.name });
  }
  if (!names) return out;
  for (const n of names.items) otherNames.push({ name: n.name, sheet: "" });
  return { ...out, otherNames };
}

/** Excel compares sheet, table and defined names ignoring case (worksheets.add / tables.add throw ItemAlreadyExists). */
// toLowerCase is Unicode's default case mapping, which is what toLocaleLowerCase("en-US") gives (en-US has no
// tailoring) without a trip through Intl on every comparison — assignSheets compares every pair of names.
export const sameName = (a: string, b: string): boolean => a === b || a.toLowerCase() === b.toLowerCase();

/** Which worksheet each layout sheet gets: `names` for all, `existing` for those that reuse a sheet (its name now). */
export interface SheetAssignment {
  names: SheetNames;
  existing: Partial<Record<SheetKey, string>>;
}

/**
 * Which existing sheet each layout sheet reuses (the one holding its tables — never a sheet without PIP tables,
 * which is the user's), and the name it gets: the layout's, or "Name (2)" when a user's sheet already has it —
 * compared as Excel compares sheet names, ignoring case ("actions" takes "Actions").
 */
export function assignSheets(shape: WorkbookShape, lang: Language, adopt: Partial<SheetNames> = {}): SheetAssignment {
  const existing: Partial<Record<SheetKey, string>> = {};
  const claimed = new Set<string>();
  for (const sheet of SHEETS) {
    const holder = sheet.tables.map((t) => shape.tables[t.name]).find((s) => s !== undefined && !claimed.has(s));
    if (holder !== undefined) {
      existing[sheet.key] = holder;
      claimed.add(holder);
    }
  }
  for (const sheet of SHEETS) {
    const name = adopt[sheet.key];
    const holdsTables = name !== undefined && Object.values(shape.tables).includes(name);
    if (existing[sheet.key] === undefined && name !== undefined && shape.sheets.includes(name) && !claimed.has(name) && !holdsTables) {
      existing[sheet.key] = name;
      claimed.add(name);
    }
  }
  const reused = Object.values(existing);
  const used: string[] = [];
  const entries = SHEETS.map((sheet): [SheetKey, string] => {
    const mine = existing[sheet.key];
    const taken = (n: string) =>
      used.some((u) => sameName(u, n)) ||
      shape.sheets.some((s) => sameName(s, n) && s !== mine && !reused.some((r) => sameName(r, n) && r !== mine)) ||
      // a reused sheet keeps its name only when that is the layout's, exactly (a rename to another case is still a rename)
      reused.some((r) => r !== mine && sameName(r, n));
    let name = sheet.name[lang];
    for (let k = 2; taken(name); k++) name = `${sheet.name[lang].slice(0, 26)} (${k})`;
    used.push(name);
    return [sheet.key, name];
  });
  return { names: Object.fromEntries(entries) as SheetNames, existing };
}

/**
 * The preflight's checks that need no command: a table the write adds whose name Excel takes for a user's table or
 * defined name (ignoring case). Throws PreflightError, before anything is queued.
 */
export function checkNames(shape: WorkbookShape): void {
  for (const table of LAYOUT.tables.values()) {
    if (shape.tables[table.name] !== undefined) continue;
    const clash = (shape.otherNames ?? []).find((n) => sameName(n.name, table.name));
    if (clash) throw new PreflightError("nameTaken", clash.sheet || null, preflightMessage("nameTaken", { name: clash.name, sheet: clash.sheet || "—" }));
  }
  const journalClash = shape.sheets.find((s) => sameName(s, JOURNAL_SHEET) && s !== JOURNAL_SHEET);
  if (journalClash) throw new PreflightError("nameTaken", journalClash, preflightMessage("nameTaken", { name: journalClash, sheet: journalClash }));
}

/**
 * What a save needs and the shape may lack, loaded: the charts on the reused sheets that declare charts (re-adding
 * one by name fails the batch) and the PIP tables' ranges (a rewrite clears only those) in one sync; the seal a
 * signed plan would replace (src/excel/seal.ts) in another. `syncs`: how many that took (0 after a full read).
 */
export async function completeShape(context: Excel.RequestContext, plan: Plan, shape: WorkbookShape, existing: SheetAssignment["existing"]): Promise<{ shape: WorkbookShape; syncs: number }> {
  let syncs = 0;
  let out = shape;
  const unknown = SHEETS.filter((s) => s.charts).map((s) => existing[s.key]).filter((n): n is string => n !== undefined && shape.charts?.[n] === undefined);
  const unplaced = Object.keys(shape.tables).filter((t) => shape.ranges?.[t] === undefined);
  if (unknown.length > 0 || unplaced.length > 0) {
    const loads = unknown.map((name) => {
      const charts = context.workbook.worksheets.getItem(name).charts;
      charts.load("items/name,items/series/count");
      return { name, charts };
    });
    const places = unplaced.map((name) => {
      const range = context.workbook.tables.getItem(name).getRange();
      range.load("address");
      return { name, range };
    });
    await context.sync();
    syncs++;
    const charts = { ...shape.charts };
    const ranges = { ...shape.ranges };
    for (const { name, charts: loaded } of loads) charts[name] = loaded.items.map((c) => ({ name: c.name, seriesCount: c.series.count }));
    for (const { name, range } of places) ranges[name] = range.address;
    out = { ...out, charts, ranges };
  }
  if (sealUnknown(plan, out.sheets, JOURNAL_SHEET, out.seal)) {
    out = { ...out, seal: await loadSeal(context, JOURNAL_SHEET) };
    syncs++;
  }
  return { shape: out, syncs };
}
