/**
 * The batched writer: layout + plan into a workbook in as few `context.sync()` calls as the 5 MB request limit
 * of Excel on the web allows (a plan of 20 goals, 100 actions and 1,000 tracking rows: one probe + one write).
 *
 * How: every command is queued into "steps" whose request bytes are estimated; steps are packed into batches
 * under `maxBatchBytes` and each batch ends with one sync (there is no sync per table or per row). Per table:
 * number formats first ("@" for text, so user text is never evaluated), then ONE 2-D `formulas` assignment of
 * header + body (constants and "=…" formulas together), then `tables.add` — never `rows.add`. A table too big
 * for one batch is split into row chunks, each its own assignment, and `tables.add` follows the last chunk.
 * Each batch starts with `suspendApiCalculationUntilNextSync()`.
 *
 * Existing PIP sheets are reused (found by their tables, so a renamed sheet is found): unprotected, their
 * PIP tables deleted and their ranges and the layout's blocks cleared — only PIPbook's footprint
 * (src/workbook/footprint.ts), so a note or table a person keeps elsewhere on a PIP sheet stays where it is —
 * renamed to the layout's name and rewritten; other sheets are never touched. Columns a person added inside a
 * PIP table come back after the layout's columns (`extraColumns`). Merging what the workbook already holds
 * (nothing entered is lost) and checking that the new footprint covers no one's cells happen before, in the port.
 */
import type { Plan } from "../core/model";
import { PreflightError, type WriteOptions, type WriteReport } from "./port";
import {
  JOURNAL_MARKER,
  JOURNAL_SHEET,
  journalBytes,
  journalColumn,
  journalGroupBytes,
  journalGroups,
  journalOf,
  queueJournalDone,
  queueJournalMarker,
  queueJournalRows,
  queueJournalStart,
} from "./journal";
import { preflightMessage, VALIDATION_ALERTS } from "../i18n/workbook";
import {
  LAYOUT,
  LAYOUT_VERSION,
  META_SHEET,
  SHEETS,
  columnLetter,
  firstDataRow,
  isInput,
  makeFormulaEnv,
  type FormulaEnv,
  type SheetDecl,
  type SheetKey,
  type SheetNames,
  type TableDecl,
  type TableName,
} from "../workbook";
import { bodyRowsOf, modelRows, rectA1, rectOf, tableRect, tableWidth, blockRects, type Rect } from "../workbook/footprint";
import { TEXT_FORMAT } from "../workbook/cells";
import { listGrid, recordGrid, type Grid } from "../workbook/render/grid";
import { COLORS, ID_LIST_LAST_ROW, RULE_BAND_ROWS, columnRanges, conditionalRules, ruleBand, validationRule } from "../workbook/render/rules";
import { POINTS_PER_CHAR, columnWidths, hiddenColumns, printArea } from "../workbook/render/page";
import { queueCharts, type ExistingChart } from "./charts";
import { clearRangesBytes, queueClearRanges, rangeSteps } from "./ranges";
import { assignSheets, checkNames, probeShape, type WorkbookShape } from "./write/shape";
import { COMMAND_BYTES, DEFAULT_MAX_BATCH_BYTES, PROBE_BYTES, REQUEST_LIMIT_BYTES, jsonBytes, packSteps, type Step } from "./write/budget";
export type { Step } from "./write/budget";
export { ID_LIST_LAST_ROW, RULE_BAND_ROWS };
import { changedAfterSigning, loadSeal, queueSeal, queueSealFlag, sealBytes, sealToWrite, sealUnknown } from "./seal";

/** A cell of a column a person added inside a PIP table: a formula, or a constant with its number format. */
export interface ExtraCellWrite {
  value: unknown;
  numberFormat: string;
  formula?: string;
}

/** A user-added column to write back after the layout's columns: its header and one cell per model row. */
export interface ExtraColumnWrite {
  header: string;
  cells: (ExtraCellWrite | null)[];
}

export interface SaveInput extends WriteOptions {
  /** A fixed as-of date (ISO) for the Overview's as-of cell; default: the live formula =TODAY(). */
  asOf?: string | null;
  /** The workbook as last read; when absent the writer probes it (one extra sync). */
  shape?: WorkbookShape;
  /** Upper bound of the estimated request bytes per batch (default 4,000,000: under Excel on the web's 5 MB). */
  maxBatchBytes?: number;
  /** Rows kept from the workbook by the merge, reported back as WriteReport.keptRows. */
  keptRows?: number;
  /** Columns a person added inside PIP list tables, aligned with the plan's rows (the port aligns them). */
  extraColumns?: Partial<Record<TableName, ExtraColumnWrite[]>>;
  /** The time the save journal records (ISO); default: now. */
  savedAt?: string;
  /**
   * Sheets to reuse for a layout sheet whose tables are not in the workbook (finishing an interrupted save: the
   * sheets it had added before it stopped, from its journal). Only sheets of exactly that name are adopted.
   */
  adoptSheets?: Partial<SheetNames>;
  /**
   * Finishing an interrupted save: a table the interrupted save had added but not yet named (Excel's "Table1", left
   * at a PIP table's anchor when the failure fell between tables.add and the name) is removed before the table is
   * added again. Costs one sync to look at the other tables' ranges on the PIP sheets.
   */
  clearDebris?: boolean;
}

/**
 * `batchBytes`: the writer's estimate of each of its batches (an upper bound of the UTF-8 JSON of the queued
 * commands, which is what the in-memory Excel measures), the probe included when the writer made one.
 */
export interface SaveOutcome extends WriteReport {
  /** The worksheet name each layout sheet got. */
  sheetNames: SheetNames;
  /** Estimated request bytes of the save journal (part of the first batch). */
  journalBytes: number;
}

export const SHEET_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: true,
  allowEditObjects: true,
  allowInsertRows: false,
  allowDeleteRows: false,
};

/**
 * Writes the plan into the workbook, crash-safe:
 * 1. preflight — every command whose success depends on the workbook's state (unprotect, sheets added and
 *    renamed) comes first and changes nothing a person entered; name collisions and sizes are checked before
 *    anything is queued (PreflightError);
 * 2. the save journal (src/excel/journal.ts) with its "saving" marker, still before any data changes;
 * 3. the data: PIP tables rewritten in place (cleared, Table.resize'd, written — never converted to a range and
 *    added again, so a structured reference to them elsewhere keeps following them), under
 *    suspendApiCalculationUntilNextSync;
 * 4. a last batch: protection, application.calculate (Office leaves it to the add-in after suspending), and
 *    the journal emptied — the marker goes last.
 * A failure anywhere before the marker leaves the workbook as it was; after it, the reader reports the
 * interrupted save and finishing it writes the same plan again.
 */
export async function writePlan(context: Excel.RequestContext, plan: Plan, options: SaveInput): Promise<SaveOutcome> {
  let syncs = 0;
  const batchBytes: number[] = [];
  let shape = options.shape;
  if (!shape) {
    shape = await probeShape(context);
    syncs++;
    batchBytes.push(PROBE_BYTES);
  }
  const lang = options.language;
  const { names, existing } = assignSheets(shape, lang, options.adoptSheets);
  checkNames(shape);
  // An extra on a reused sheet must know the charts already there (re-adding one by name fails the batch), and a
  // rewrite must know the PIP tables' ranges to clear only those: load what the shape lacks, in one sync.
  const unknown = SHEETS.filter((s) => s.charts).map((s) => existing[s.key]).filter((n): n is string => n !== undefined && shape!.charts?.[n] === undefined);
  const unplaced = Object.keys(shape.tables).filter((t) => shape!.ranges?.[t] === undefined);
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
    batchBytes.push(PROBE_BYTES);
    shape = { ...shape, charts: { ...shape.charts }, ranges: { ...shape.ranges } };
    for (const { name, charts } of loads) shape.charts![name] = charts.items.map((c) => ({ name: c.name, seriesCount: c.series.count }));
    for (const { name, range } of places) shape.ranges![name] = range.address;
  }
  // Seal or leave the seal (src/excel/seal.ts): a signed plan needs the seal it would replace, when the read did not give it.
  if (sealUnknown(plan, shape.sheets, JOURNAL_SHEET, shape.seal)) {
    shape = { ...shape, seal: await loadSeal(context, JOURNAL_SHEET) };
    syncs++;
    batchBytes.push(PROBE_BYTES);
  }
  const debris = options.clearDebris ? await findDebris(context, shape, names, existing) : [];
  if (options.clearDebris) {
    syncs++;
    batchBytes.push(PROBE_BYTES);
  }
  const maxBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const journal = journalColumn(
    journalOf({
      savedAt: options.savedAt ?? new Date().toISOString(),
      language: lang,
      asOf: options.asOf ?? null,
      plan,
      extraColumns: options.extraColumns ?? {},
      sheetNames: names,
    }),
  );
  const { head, body, tail } = buildSteps(context, plan, options, shape, names, existing, journal);
  if (debris.length > 0) {
    body.unshift({
      bytes: COMMAND_BYTES * debris.length,
      run: () => {
        for (const name of debris) context.workbook.tables.getItem(name).delete();
      },
    });
  }
  // Excel on the web refuses a request over 5 MB (office-js-docs-pr issue 2846): a step that cannot fit in one is
  // refused here, before anything is queued.
  const hardLimit = Math.max(maxBytes, REQUEST_LIMIT_BYTES);
  const oversized = [...head, ...body, ...tail].find((s) => s.bytes > hardLimit);
  if (oversized) throw new PreflightError("tooLarge", oversized.sheet ?? null, preflightMessage("tooLarge", { sheet: oversized.sheet ?? "—" }));
  const batches = packSteps([...head, ...body], maxBytes);
  const total = batches.length + 1;
  for (let i = 0; i < batches.length; i++) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const step of batches[i]) step.run();
    batchBytes.push(batches[i].reduce((sum, s) => sum + s.bytes, 0));
    try {
      // One sync per packed batch (each under the request limit), not per table or row.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // The head (preflight + journal) runs in the first batch: a failure there before the marker is undone.
      if (i === 0) await undoPreflight(context, shape, names, existing);
      throw error;
    }
    syncs++;
    options.onProgress?.((i + 1) / total);
  }
  // Not suspended: "Once set, it is the developer's responsibility to re-calc the workbook, to ensure that any
  // dependencies are propagated" (Application.suspendApiCalculationUntilNextSync, ExcelApi 1.6). "Recalculate"
  // computes the cells Excel marked dirty — every cell these batches wrote and their dependants
  // (Excel.CalculationType, https://learn.microsoft.com/javascript/api/excel/excel.calculationtype).
  for (const step of tail) step.run();
  batchBytes.push(tail.reduce((sum, s) => sum + s.bytes, 0));
  try {
    await context.sync();
  } catch (error) {
    // The marker is emptied by the batch's next-to-last command; only the journal's content goes after it. With the
    // marker gone the save is complete (what is left of the journal is inert, and the next save clears it).
    if (!(await journalMarked(context))) return { syncs: syncs + 2, batchBytes: [...batchBytes, PROBE_BYTES], keptRows: options.keptRows ?? 0, sheetNames: names, journalBytes: journalBytes(journal) };
    throw error;
  }
  syncs++;
  options.onProgress?.(1);
  return { syncs, batchBytes, keptRows: options.keptRows ?? 0, sheetNames: names, journalBytes: journalBytes(journal) };
}

/** Whether the journal sheet carries the "saving" marker now (one sync). */
async function journalMarked(context: Excel.RequestContext): Promise<boolean> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET);
  await context.sync();
  if (sheet.isNullObject) return false;
  const marker = sheet.getRange("A2");
  marker.load("values");
  await context.sync();
  return marker.values[0]?.[0] === JOURNAL_MARKER;
}

/**
 * After a failed first batch: when the journal has no marker, the failure came before any change to what a person
 * entered, and this puts the rest back — the sheets the preflight added are deleted (they are empty: nothing had
 * been written into them), the sheets it renamed get their names back, and PIPbook's sheets it unprotected are
 * protected again — so "nothing was changed" holds for the workbook's structure too. With the marker there the
 * save is interrupted and is left for finishInterruptedSave. Best effort: a failure here leaves the first error.
 */
async function undoPreflight(context: Excel.RequestContext, shape: WorkbookShape, names: SheetNames, existing: Partial<Record<SheetKey, string>>): Promise<void> {
  try {
    if (await journalMarked(context)) return;
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const now = new Set(sheets.items.map((s) => s.name));
    const before = new Set(shape.sheets);
    // Added by this write: the layout sheets it had no sheet for (a reused sheet may carry its new name by now).
    const added = [...SHEETS.filter((sheet) => existing[sheet.key] === undefined).map((sheet) => names[sheet.key]), META_SHEET, JOURNAL_SHEET];
    for (const name of added) {
      if (!before.has(name) && now.has(name)) {
        const ws = sheets.getItem(name);
        // A hidden sheet cannot be the last visible one; deleting needs it visible on some hosts.
        ws.visibility = "Visible" as Excel.SheetVisibility;
        ws.delete();
      }
    }
    // A journal written up to (not including) its marker: its content goes too.
    if (before.has(JOURNAL_SHEET)) sheets.getItem(JOURNAL_SHEET).getRange("A:A").clear("All" as Excel.ClearApplyTo);
    for (const sheet of SHEETS) {
      const old = existing[sheet.key];
      if (old !== undefined && old !== names[sheet.key] && now.has(names[sheet.key])) sheets.getItem(names[sheet.key]).name = old;
    }
    for (const sheet of SHEETS) {
      const old = existing[sheet.key];
      if (old !== undefined && sheet.protect) sheets.getItem(old).protection.protect(SHEET_PROTECTION);
    }
    await context.sync();
  } catch {
    // the original failure is what the caller reports
  }
}

/**
 * Tables that are not PIP tables, on the sheets this write uses, whose range starts at the anchor of a PIP table the
 * write adds: what an interrupted tables.add left before its name was set.
 */
async function findDebris(context: Excel.RequestContext, shape: WorkbookShape, names: SheetNames, existing: Partial<Record<SheetKey, string>>): Promise<string[]> {
  const sheets = new Map<string, SheetDecl>();
  for (const sheet of SHEETS) {
    sheets.set(existing[sheet.key] ?? names[sheet.key], sheet);
  }
  const candidates = (shape.otherNames ?? []).filter((n) => n.sheet !== "" && sheets.has(n.sheet));
  const loads = candidates.map((n) => {
    const range = context.workbook.tables.getItem(n.name).getRange();
    range.load("address");
    return { ...n, range };
  });
  await context.sync();
  const out: string[] = [];
  for (const { name, sheet, range } of loads) {
    const rect = rectOf(range.address);
    const decl = sheets.get(sheet)!;
    const atAnchor = decl.tables.some((t) => shape.tables[t.name] === undefined && rect !== null && rect.r0 === t.anchor.row && rect.c0 === t.anchor.col);
    if (atAnchor) out.push(name);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

/** What happens to an existing PIP table in a rewrite. */
type TableFate =
  /** At its layout anchor on the sheet the layout reuses: cleared, resized, written in place. */
  | { kind: "inPlace"; old: Rect }
  /** Elsewhere (moved by hand, or on another sheet): converted to a range, cleared, added again at its anchor. */
  | { kind: "readd"; old: Rect | null; holder: string }
  | { kind: "new" };

function tableFate(table: TableDecl, shape: WorkbookShape, reusedSheet: string | undefined): TableFate {
  const holder = shape.tables[table.name];
  if (holder === undefined) return { kind: "new" };
  const old = rectOf(shape.ranges?.[table.name] ?? "");
  if (old && holder === reusedSheet && old.r0 === table.anchor.row && old.c0 === table.anchor.col) return { kind: "inPlace", old };
  return { kind: "readd", old, holder };
}

function buildSteps(
  context: Excel.RequestContext,
  plan: Plan,
  options: SaveInput,
  shape: WorkbookShape,
  names: SheetNames,
  existing: Partial<Record<SheetKey, string>>,
  journal: readonly string[],
): { head: Step[]; body: Step[]; tail: Step[] } {
  const head: Step[] = [];
  const steps: Step[] = [];
  const tail: Step[] = [];
  const small = (into: Step[], run: () => void, commands = 1, sheet?: string): void => {
    into.push({ bytes: COMMAND_BYTES * commands, run, sheet });
  };
  const worksheets = context.workbook.worksheets;
  const proxies = {} as Record<SheetKey, Excel.Worksheet>;
  const maxBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const extrasOf = (table: TableDecl) => (table.shape === "list" ? (options.extraColumns?.[table.name] ?? []) : []);

  // 1. Preflight: the commands that fail on the workbook's state, before any that changes a person's cells.
  //    A password on a PIP sheet fails unprotect here (the port names the sheet); sheets are added and renamed so
  //    that every formula written later finds its sheet.
  const holders = new Set<string>([...Object.values(existing), ...Object.values(shape.tables)]);
  for (const sheetName of holders) small(head, () => worksheets.getItem(sheetName).protection.unprotect(), 2, sheetName);
  for (const sheet of SHEETS) {
    const old = existing[sheet.key];
    small(
      head,
      () => {
        if (old === undefined) {
          proxies[sheet.key] = worksheets.add(names[sheet.key]);
          return;
        }
        const ws = worksheets.getItem(old);
        proxies[sheet.key] = ws;
        if (old !== names[sheet.key]) ws.name = names[sheet.key];
      },
      2,
      names[sheet.key],
    );
  }
  let meta: Excel.Worksheet;
  const metaExists = shape.sheets.includes(META_SHEET);
  small(head, () => {
    meta = metaExists ? worksheets.getItem(META_SHEET) : worksheets.add(META_SHEET);
    meta.visibility = "Hidden" as Excel.SheetVisibility;
  }, 2, META_SHEET);
  // 2. The journal, marker last: from here on a failure leaves an interrupted save, never a half-read plan.
  const journalExists = shape.sheets.includes(JOURNAL_SHEET);
  let journalSheet: Excel.Worksheet;
  small(head, () => {
    journalSheet = journalExists ? worksheets.getItem(JOURNAL_SHEET) : worksheets.add(JOURNAL_SHEET);
    // VeryHidden: not in Excel's Unhide list, only code reaches it (Excel.SheetVisibility, ExcelApi 1.1).
    journalSheet.visibility = "VeryHidden" as Excel.SheetVisibility;
    queueJournalStart(journalSheet);
  }, 4, JOURNAL_SHEET);
  for (const group of journalGroups(journal)) head.push({ bytes: journalGroupBytes(group), sheet: JOURNAL_SHEET, run: () => queueJournalRows(journalSheet, group) });
  small(head, () => queueJournalMarker(journalSheet), 1, JOURNAL_SHEET);

  // 3. Data. Each reused sheet: its tables cleared in place (or, when moved by hand, converted and cleared),
  //    the layout's blocks cleared — only PIPbook's footprint, so a note beside a table stays.
  for (const sheet of SHEETS) {
    const old = existing[sheet.key];
    if (old === undefined) continue;
    const own = new Set(sheet.tables.map((t) => t.name as string));
    small(
      steps,
      () => {
        const ws = proxies[sheet.key];
        for (const table of sheet.tables) {
          const fate = tableFate(table, shape, old);
          if (fate.kind !== "inPlace") continue;
          const t = context.workbook.tables.getItem(table.name);
          const extras = extrasOf(table).length;
          const next = tableRect(table, bodyRowsOf(table, plan), extras);
          const owned = { ...fate.old };
          // A label/value table owns its two columns; a column a person added beside them stays as plain cells.
          if (table.shape === "record") owned.c1 = Math.min(owned.c1, owned.c0 + 1);
          // Rules first, over the header row (the finding marks cover it), the table and — for a list table — the
          // band below it; decorations put them back for the new size. Then the body's contents and formats.
          const rules =
            table.shape === "list"
              ? { ...ruleBand(table, Math.max(next.r1, owned.r1) - table.anchor.row, Math.max(owned.c1, next.c1)), r0: table.anchor.row }
              : { ...owned, r1: owned.r1 + 1 };
          clearRules(ws.getRange(rectA1(rules)));
          if (owned.r1 > owned.r0) clearOwned(ws.getRange(rectA1({ ...owned, r0: owned.r0 + 1 })));
          if (next.r1 !== fate.old.r1 || next.c1 !== fate.old.c1) t.resize(ws.getRange(rectA1(next)));
        }
        for (const [table, holder] of Object.entries(shape.tables)) {
          const decl = LAYOUT.tables.get(table as TableName);
          if (holder !== old && !own.has(table)) continue;
          const fate = decl ? tableFate(decl, shape, old) : ({ kind: "readd", old: rectOf(shape.ranges?.[table] ?? ""), holder } as const);
          if (fate.kind !== "readd") continue;
          const where = holder === old ? ws : worksheets.getItem(holder);
          const rect = fate.old ? { ...fate.old } : null;
          // convertToRange, not delete: the table goes and its cells stay until clearOwned clears PIPbook's part
          // (Table.delete takes every cell of the range with it, a column a person added beside a record table too).
          // Only for a PIP table moved by hand: Excel then turns structured references to it into A1 references.
          if (rect) context.workbook.tables.getItem(table).convertToRange();
          else context.workbook.tables.getItem(table).delete();
          if (rect && decl?.shape === "record") rect.c1 = Math.min(rect.c1, rect.c0 + 1);
          if (rect) clearOwned(where.getRange(rectA1(rect)));
        }
        for (const block of blockRects(sheet)) clearOwned(ws.getRange(rectA1(block)));
        ws.freezePanes.unfreeze();
      },
      8 + 6 * sheet.tables.length + 3 * sheet.blocks.length,
      names[sheet.key],
    );
    // Plain ranges (the Evaluation sheet's derived tables) first among the data steps, so that the old derived
    // formulas are gone before tables are renamed (which makes Excel revisit every formula).
    if (sheet.ranges) steps.push({ bytes: clearRangesBytes(sheet), run: () => queueClearRanges(proxies[sheet.key], sheet), sheet: names[sheet.key] });
  }
  small(steps, () => {
    if (metaExists) clearSheet(meta);
    SHEETS.forEach((sheet, i) => {
      proxies[sheet.key].position = i;
    });
  }, 4 + SHEETS.length);

  // Contents, formats, validation, conditional formats, layout of the page. The cells of columns people added go
  // last, once every table exists, so a formula naming another PIP table finds it.
  const late: Step[] = [];
  const goalUnits = new Map<string, unknown>();
  for (const goal of Array.isArray(plan.goals) ? plan.goals : []) goalUnits.set(String(goal?.id), goal?.unit);
  for (const sheet of SHEETS) {
    const env = makeFormulaEnv(LAYOUT, names, options.language, sheet.key);
    const ws = () => proxies[sheet.key];
    for (const block of sheet.blocks) small(steps, () => writeBlock(ws(), block, env, options.language), 1, names[sheet.key]);
    const bodyRows = new Map<TableDecl, number>();
    for (const table of sheet.tables) {
      const extras = extrasOf(table);
      const grid = table.shape === "list" ? listGrid(table, plan, env, goalUnits, options.language, extras.map((e) => e.header)) : recordGrid(table, plan, env, options.language, options.asOf);
      bodyRows.set(table, grid.bodyRows);
      const inPlace = tableFate(table, shape, existing[sheet.key]).kind === "inPlace";
      const written = tableSteps(ws, table, grid, maxBytes, extras, !inPlace);
      for (const step of written.steps) steps.push({ ...step, sheet: names[sheet.key] });
      late.push(...written.late);
      steps.push(...decorationSteps(ws, table, grid.bodyRows, env, sheet, goalUnits));
    }
    const reused = existing[sheet.key];
    const charts = reused === undefined ? null : (shape.charts?.[reused] ?? null);
    for (const step of derivedSteps(ws, sheet, plan, options.language, names, charts)) steps.push({ ...step, sheet: names[sheet.key] });
    small(steps, () => {
      pageSteps(ws(), sheet);
      printSteps(ws(), sheet, (t) => bodyRows.get(t) ?? 1);
    }, 8);
  }
  steps.push(...late);
  small(steps, () => {
    meta.getRange("A1:B3").values = [
      ["PIPbook", ""],
      ["layoutVersion", LAYOUT_VERSION],
      ["language", options.language],
    ];
    const marksHeader = SHEETS.map((s) => s.key);
    meta.getRange(`${markColumn(0)}1:${markColumn(SHEETS.length - 1)}1`).values = [marksHeader];
  }, 2);
  // The seal of a plan both have signed (first signing, or signed again), after the journal's marker like all data.
  const seal = sealToWrite(plan, shape.seal);
  if (seal) steps.push({ bytes: sealBytes(seal), sheet: JOURNAL_SHEET, run: () => queueSeal(journalSheet, seal) });
  const changed = changedAfterSigning(plan, shape.seal, seal !== null);
  small(steps, () => queueSealFlag(journalSheet, changed), 1, JOURNAL_SHEET);

  // 4. Last batch: protect (after every edit), show the Overview, recalculate, and end the journal.
  for (const sheet of SHEETS) {
    if (sheet.protect) tail.push({ bytes: COMMAND_BYTES + jsonBytes(SHEET_PROTECTION), run: () => proxies[sheet.key].protection.protect(SHEET_PROTECTION) });
  }
  small(tail, () => proxies.overview.activate());
  small(tail, () => context.application.calculate("Recalculate" as Excel.CalculationType));
  small(tail, () => queueJournalDone(journalSheet), 2);
  return { head, body: steps, tail };
}

/** Data validation and conditional formats of a range, its contents and formats left alone. */
function clearRules(range: Excel.Range): void {
  range.conditionalFormats.clearAll();
  range.dataValidation.clear();
}

function clearSheet(ws: Excel.Worksheet): void {
  clearOwned(ws.getRange());
  ws.freezePanes.unfreeze();
}

/** Clears what PIPbook put in a range: contents, formats, data validation, conditional formats. */
function clearOwned(range: Excel.Range): void {
  range.conditionalFormats.clearAll();
  range.dataValidation.clear();
  range.clear("All" as Excel.ClearApplyTo);
}

/** Column of the meta sheet that lists the marked cells of the i-th layout sheet. */
export function markColumn(sheetIndex: number): string {
  return columnLetter(3 + sheetIndex);
}

function writeBlock(ws: Excel.Worksheet, block: SheetDecl["blocks"][number], env: FormulaEnv, lang: WriteOptions["language"]): void {
  const range = ws.getRange(block.cell);
  if (block.formula) {
    range.numberFormat = [[block.numberFormat ?? "General"]];
    range.formulas = [[`=${block.formula(env)}`]];
  } else {
    range.numberFormat = [[TEXT_FORMAT]];
    range.values = [[block.text?.[lang] ?? ""]];
  }
  const font = range.format.font;
  if (block.style === "title") {
    font.bold = true;
    font.size = 14;
    font.color = COLORS.title;
  } else if (block.style === "note") {
    font.italic = true;
    font.color = COLORS.note;
  } else if (block.style === "label") {
    font.bold = true;
  }
}

/**
 * A sheet's plain ranges (SheetDecl.ranges: grids built like every list table's, written by src/excel/ranges.ts),
 * its charts and its derived print area, as steps: in every write after the sheet's tables, and alone in the
 * Evaluation sheet's as-of refresh (src/excel/evaluation.ts), `clear` then putting the old rows away first.
 * `existingCharts`: the charts on the sheet now (null: none), since re-adding a chart by name fails the batch.
 */
export function derivedSteps(
  ws: () => Excel.Worksheet,
  sheet: SheetDecl,
  plan: Plan,
  language: SaveInput["language"],
  names: SheetNames,
  existingCharts: readonly ExistingChart[] | null,
  clear = false,
): Step[] {
  const steps: Step[] = [];
  if (clear && sheet.ranges) steps.push({ bytes: clearRangesBytes(sheet), run: () => queueClearRanges(ws(), sheet) });
  const env = makeFormulaEnv(LAYOUT, names, language, sheet.key);
  for (const table of sheet.ranges ?? []) {
    const grid = listGrid(table, plan, env, new Map(), language);
    // A plain range has only the rows its plan gives (no empty row kept for calculated columns).
    const rows = 1 + modelRows(table, plan).length;
    steps.push(...rangeSteps(ws, table, { values: grid.values.slice(0, rows), formats: grid.formats.slice(0, rows) }, table.fillBlock?.(plan) ?? null));
  }
  if (sheet.charts) {
    const charts = sheet.charts(plan, language);
    steps.push({ bytes: jsonBytes(charts) * 3 + COMMAND_BYTES * charts.length * 30, run: () => queueCharts(ws(), charts, existingCharts) });
  }
  if (sheet.print.area === "derived" && sheet.printAreaOf) {
    const printArea = sheet.printAreaOf(plan);
    steps.push({ bytes: COMMAND_BYTES, run: () => ws().pageLayout.setPrintArea(printArea) });
  }
  return steps;
}

function rangeAddress(table: TableDecl, rowFrom: number, rowTo: number, extraColumns = 0): string {
  const c0 = columnLetter(table.anchor.col);
  const c1 = columnLetter(table.anchor.col + tableWidth(table) - 1 + extraColumns);
  return `${c0}${rowFrom}:${c1}${rowTo}`;
}

/**
 * A user-added cell as it goes back into the sheet: its formula, or its constant — text behind an apostrophe so
 * that "=x", "+86 …" or "1/2" stays the text it was (its number format is kept).
 */
function extraCellInput(cell: ExtraCellWrite | null): { value: string | number | boolean; numberFormat: string } {
  if (!cell) return { value: "", numberFormat: "General" };
  if (cell.formula !== undefined && cell.formula.startsWith("=")) return { value: cell.formula, numberFormat: cell.numberFormat };
  const v = cell.value;
  if (typeof v === "number" || typeof v === "boolean") return { value: v, numberFormat: cell.numberFormat };
  const text = v === null || v === undefined ? "" : String(v);
  if (text === "" || cell.numberFormat === TEXT_FORMAT) return { value: text, numberFormat: cell.numberFormat };
  return { value: `'${text}`, numberFormat: cell.numberFormat };
}

/**
 * Values in row chunks (each its own formats + formulas assignment), then tables.add; `late`: the cells of a
 * person's columns, which the caller queues after every table exists.
 */
function tableSteps(
  ws: () => Excel.Worksheet,
  table: TableDecl,
  grid: Grid,
  maxBatchBytes: number,
  extras: ExtraColumnWrite[] = [],
  add = true,
): { steps: Step[]; late: Step[] } {
  const steps: Step[] = [];
  const late: Step[] = [];
  const total = grid.values.length;
  const estimate = jsonBytes(grid.values) + jsonBytes(grid.formats);
  const chunkBudget = Math.floor(maxBatchBytes / 2);
  const chunks = Math.max(1, Math.ceil(estimate / chunkBudget));
  const rowsPerChunk = Math.ceil(total / chunks);
  for (let start = 0; start < total; start += rowsPerChunk) {
    const end = Math.min(total, start + rowsPerChunk);
    const values = grid.values.slice(start, end);
    const formats = grid.formats.slice(start, end);
    const address = rangeAddress(table, table.anchor.row + start, table.anchor.row + end - 1, extras.length);
    steps.push({
      bytes: jsonBytes(values) + jsonBytes(formats) + 2 * COMMAND_BYTES,
      run: () => {
        const range = ws().getRange(address);
        range.numberFormat = formats;
        range.formulas = values;
      },
    });
  }
  const address = rangeAddress(table, table.anchor.row, table.anchor.row + total - 1, extras.length);
  // A table that exists stays (it was cleared and resized in place): adding it again would need convertToRange
  // first, which turns every structured reference to it elsewhere into plain cell references.
  if (add) {
    steps.push({
      bytes: 3 * COMMAND_BYTES,
      run: () => {
        const t = ws().tables.add(address, true);
        t.name = table.name;
        t.style = table.shape === "record" ? "TableStyleLight1" : "TableStyleLight9";
      },
    });
  }
  if (extras.length > 0) {
    // After tables.add (of every table), so that =[@Actual]*2 is inside its table and PIP_Tracking[…] exists.
    const c0 = table.anchor.col + tableWidth(table);
    const first = table.anchor.row + 1;
    extras.forEach((extra, k) => {
      const letter = columnLetter(c0 + k);
      const inputs = Array.from({ length: grid.bodyRows }, (_, i) => extraCellInput(extra.cells[i] ?? null));
      const formats = inputs.map((c) => [c.numberFormat]);
      const body = `${letter}${first}:${letter}${first + grid.bodyRows - 1}`;
      const formulaRows = inputs.flatMap((c, i) => (typeof c.value === "string" && c.value.startsWith("=") ? [i] : []));
      // Excel's "Fill formulas in tables to create calculated columns" (on by default) fills the bottom-most of
      // several formulas written into an empty table column over the whole column (OfficeDev/office-js issues
      // 2093, 5909, 6745), but "if you type or move a formula in a table column that already contains data, a
      // calculated column is not automatically created" (Microsoft, "Use calculated columns in an Excel table").
      // So a column with one formula for every row (a person's calculated column) goes in at once, and a column
      // of distinct formulas first gets a placeholder in each formula cell, then its formulas one cell at a time.
      const oneFormula = formulaRows.length === grid.bodyRows && new Set(formulaRows.map((i) => shiftRowsRelative(String(inputs[i]!.value), first + i))).size === 1;
      const distinct = formulaRows.length > 0 && !oneFormula;
      const firstPass = inputs.map((c) => [distinct && typeof c.value === "string" && c.value.startsWith("=") ? 0 : c.value]);
      late.push({
        bytes: jsonBytes(firstPass) + jsonBytes(formats) + (distinct ? formulaRows.reduce((n, i) => n + jsonBytes(inputs[i]!.value) + COMMAND_BYTES, 0) : 0) + 3 * COMMAND_BYTES,
        run: () => {
          const range = ws().getRange(body);
          range.numberFormat = formats;
          range.formulas = firstPass;
          range.format.protection.locked = false;
          if (!distinct) return;
          for (const i of formulaRows) ws().getRange(`${letter}${first + i}`).formulas = [[inputs[i]!.value]];
        },
      });
    });
  }
  return { steps, late };
}

/** A formula with its relative row references made relative to `row` (R1C1-like), to compare fill-down copies. */
function shiftRowsRelative(formula: string, row: number): string {
  return formula.replace(/(\$?[A-Z]{1,3})(\$?)(\d+)/g, (m, col: string, abs: string, n: string) => (abs ? m : `${col}R[${Number(n) - row}]`));
}

// ---------------------------------------------------------------------------------------------------------------
// Formats, protection flags, validation, conditional formats

function decorationSteps(ws: () => Excel.Worksheet, table: TableDecl, bodyRows: number, env: FormulaEnv, sheet: SheetDecl, goalUnits: Map<string, unknown>): Step[] {
  const steps: Step[] = [];
  const ranges = columnRanges(table, bodyRows);
  const derived = table.entity === null;
  const sheetIndex = SHEETS.findIndex((s) => s.key === sheet.key);
  steps.push({
    bytes: COMMAND_BYTES * (ranges.length * 3 + 4),
    run: () => {
      const w = ws();
      for (const r of ranges) {
        const range = w.getRange(r.address);
        if (r.column.kind === "formula" && !r.column.inputFormula) range.format.fill.color = COLORS.formulaFill;
        if (!derived && isInput(r.column)) range.format.protection.locked = false;
      }
      if (table.shape === "record") {
        const labels = w.getRange(`${columnLetter(table.anchor.col)}${firstDataRow(table)}:${columnLetter(table.anchor.col)}${firstDataRow(table) + bodyRows - 1}`);
        labels.format.font.bold = true;
      }
      // Cells the last check pointed at (listed on the hidden meta sheet by the port's highlightFindings).
      const whole = w.getRange(rangeAddress(table, table.anchor.row, table.anchor.row + bodyRows));
      const mark = whole.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      mark.custom.rule.formula = `=COUNTIF(${META_SHEET}!$${markColumn(sheetIndex)}:$${markColumn(sheetIndex)},ADDRESS(ROW(),COLUMN(),4))>0`;
      mark.custom.format.fill.color = COLORS.mark.fill;
      mark.custom.format.font.color = COLORS.mark.font;
    },
  });
  for (const r of ranges) {
    // Derived tables (the Overview's summary, the check-in schedule) take no input, so no validation; their
    // highlights (the overall attainment's bands) they do get.
    const rule = derived ? null : validationRule(r.column, env);
    const highlights = conditionalRules(r, table, env, goalUnits);
    if (!rule && highlights.length === 0) continue;
    steps.push({
      bytes: COMMAND_BYTES * (3 + highlights.length * 3) + (rule ? jsonBytes(rule) : 0) + jsonBytes(highlights),
      run: () => {
        const range = ws().getRange(r.rules);
        if (rule) {
          const dv = range.dataValidation;
          dv.ignoreBlanks = true;
          dv.rule = rule.rule;
          dv.errorAlert = { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: VALIDATION_ALERTS.title, message: rule.message };
        }
        for (const h of highlights) {
          const target = h.wholeRow ? ws().getRange(h.wholeRow) : range;
          const cf = target.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
          cf.custom.rule.formula = h.formula;
          // ConditionalRangeFormat.numberFormat (ExcelApi 1.6): "Excel's number format code for the given range"
          // (https://learn.microsoft.com/javascript/api/excel/excel.conditionalrangeformat) — a row's unit format.
          if (h.numberFormat !== undefined) cf.custom.format.numberFormat = h.numberFormat;
          if (h.color) {
            cf.custom.format.fill.color = h.color.fill;
            cf.custom.format.font.color = h.color.font;
          }
        }
      },
    });
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------------------------
// Page: widths, freeze panes, print setup

function pageSteps(ws: Excel.Worksheet, sheet: SheetDecl): void {
  // One range per run of adjacent columns of the same width.
  const widths = [...columnWidths(sheet)].sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < widths.length; ) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1][0] === widths[j][0] + 1 && widths[j + 1][1] === widths[i][1]) j++;
    ws.getRange(`${columnLetter(widths[i][0])}:${columnLetter(widths[j][0])}`).format.columnWidth = Math.round(widths[i][1] * POINTS_PER_CHAR);
    i = j + 1;
  }
  // Range.columnHidden (ExcelApi 1.2) on whole columns: "true when all columns in a range are hidden"
  // (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-columnhidden-member).
  for (const col of hiddenColumns(sheet)) {
    const letter = columnLetter(col);
    ws.getRange(`${letter}:${letter}`).columnHidden = true;
  }
  if (sheet.freezeColumns) ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetter(sheet.freezeColumns - 1)}${Math.max(1, sheet.freezeRows)}`));
  else if (sheet.freezeRows > 0) ws.freezePanes.freezeRows(sheet.freezeRows);
  // PageLayout (ExcelApi 1.9): orientation, paperSize, centerHorizontally and zoom, where zoom takes either a scale
  // or pages wide/tall ("null if percentage scale is used"), https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
  // and excel.pagelayoutzoomoptions. A tall of 0 ("as many pages as needed", ECMA-376 §18.3.1.63 fitToHeight="0") is
  // left unset, as in OfficeDev/office-js#1860's `zoom = { horizontalFitToPages: 1 }`; the .xlsx writer reads it as 0.
  const page = ws.pageLayout;
  page.orientation = (sheet.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
  page.paperSize = "A4" as Excel.PaperType;
  const { wide, tall } = sheet.print.fitTo;
  page.zoom = tall > 0 ? { horizontalFitToPages: wide, verticalFitToPages: tall } : { horizontalFitToPages: wide };
  if (sheet.print.centerHorizontally) page.centerHorizontally = true;
  if (sheet.print.wrap) {
    const wording = ws.getRange(sheet.print.wrap.range);
    wording.merge(false);
    wording.format.wrapText = true;
    wording.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
    wording.format.rowHeight = sheet.print.wrap.rowHeight;
  }
}

/** The print area covers the rows written; the tables' header row repeats on every printed page. */
export function printSteps(ws: Excel.Worksheet, sheet: SheetDecl, rowsOf: (t: TableDecl) => number): void {
  if (sheet.print.area !== "derived") ws.pageLayout.setPrintArea(printArea(sheet, rowsOf));
  const main = sheet.tables[0];
  if (sheet.print.bodyRowHeight && main) {
    const first = firstDataRow(main);
    ws.getRange(`${first}:${first + rowsOf(main) - 1}`).format.rowHeight = sheet.print.bodyRowHeight;
  }
  if (sheet.freezeRows > 0) ws.pageLayout.setPrintTitleRows(`$${sheet.freezeRows}:$${sheet.freezeRows}`);
}
