/**
 * A save's steps, phase by phase, in the order their commands run (README "A save that cannot lose data"):
 * 1. preflight — the commands whose success depends on the workbook's state and that change nothing a person
 *    entered: unprotect, sheets added and renamed, the meta and journal sheets;
 * 2. journal — what the save is about to write, then the "saving" marker;
 * 3. data — the PIP tables' old footprint cleared, every sheet's blocks, tables, rules and page, the cells of
 *    columns a person added, the meta sheet's head, the seal;
 * 4. closing — protection, the Overview shown, application.calculate, the journal emptied.
 * Each phase is a function of what the save knows (`SaveContext`) returning steps with their request bytes; the
 * writer packs phases 1–3 into batches and sends phase 4 as the last one.
 */
import type { Plan } from "../../core/model";
import { LAYOUT, META_SHEET, SHEETS, makeFormulaEnv, type SheetKey, type TableDecl } from "../../workbook";
import { bodyRowsOf, blockRects, rectA1, rectOf, tableRect } from "../../workbook/footprint";
import { listGrid, recordGrid } from "../../workbook/render/grid";
import { ruleBand } from "../../workbook/render/rules";
import { JOURNAL_SHEET, journalGroupBytes, journalGroups, queueJournalDone, queueJournalMarker, queueJournalRows, queueJournalStart } from "../journal";
import { clearRangesBytes, queueClearRanges } from "../ranges";
import { changedAfterSigning, queueSeal, queueSealFlag, sealBytes, sealToWrite } from "../seal";
import type { SaveInput } from "../writer";
import { COMMAND_BYTES, DEFAULT_MAX_BATCH_BYTES, jsonBytes, type Step } from "./budget";
import { queueMetaHead } from "./marks";
import { clearOwned, clearRules, clearSheet, decorationSteps, derivedSteps, pageSteps, printSteps, tableFate, tableSteps, writeBlock } from "./queue";
import type { SheetAssignment, WorkbookShape } from "./shape";

/** How PIPbook protects its sheets: formats and filters stay free, rows are not inserted or deleted by hand. */
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

/** Everything a save's steps are built from: the plan, the options, the workbook's shape and sheet assignment. */
export interface SaveContext {
  context: Excel.RequestContext;
  plan: Plan;
  options: SaveInput;
  shape: WorkbookShape;
  sheets: SheetAssignment;
  /** The journal's column (src/excel/journal.ts). */
  journal: readonly string[];
  /** Unnamed tables an interrupted save left (src/excel/write/recovery.ts findDebris), deleted first among the data. */
  debris: readonly string[];
}

type SaveSheetKey = SheetKey | "meta" | "journal";

/**
 * The worksheets of one save: the preflight's steps put each in place (added, or reused and renamed) in the first
 * batch, and every later step takes it from here. Office.js hands out a worksheet only as the command that adds or
 * finds it is queued, so the steps are built before the sheets exist; asking for one before its preflight step ran
 * would be a mistake in the order of the steps, and says so.
 */
export class SaveSheets {
  private readonly placed = new Map<SaveSheetKey, Excel.Worksheet>();
  place(key: SaveSheetKey, sheet: Excel.Worksheet): Excel.Worksheet {
    this.placed.set(key, sheet);
    return sheet;
  }
  get(key: SaveSheetKey): Excel.Worksheet {
    const sheet = this.placed.get(key);
    if (!sheet) throw new Error(`writer: the ${key} sheet is used before the preflight placed it`);
    return sheet;
  }
}

const small = (run: () => void, commands = 1, sheet?: string): Step => ({ bytes: COMMAND_BYTES * commands, run, sheet });

/** The steps of one save: `head` (preflight + journal, in the first batch), `data`, and `closing` (the last batch). */
export function saveSteps(save: SaveContext): { head: Step[]; data: Step[]; closing: Step[] } {
  const sheets = new SaveSheets();
  return {
    head: [...preflightSteps(save, sheets), ...journalSteps(save, sheets)],
    data: [...debrisSteps(save), ...clearSteps(save, sheets), ...contentSteps(save, sheets), ...sealSteps(save, sheets)],
    closing: closingSteps(save, sheets),
  };
}

/**
 * 1. The commands that fail on the workbook's state, before any that changes a person's cells. A password on a
 * PIP sheet fails unprotect here (the port names the sheet); sheets are added and renamed so that every formula
 * written later finds its sheet.
 */
function preflightSteps({ context, shape, sheets: { names, existing } }: SaveContext, sheets: SaveSheets): Step[] {
  const worksheets = context.workbook.worksheets;
  const holders = new Set<string>([...Object.values(existing), ...Object.values(shape.tables)]);
  const unprotect = [...holders].map((name) => small(() => worksheets.getItem(name).protection.unprotect(), 2, name));
  const layoutSheets = SHEETS.map((sheet) => {
    const old = existing[sheet.key];
    const name = names[sheet.key];
    return small(
      () => {
        if (old === undefined) sheets.place(sheet.key, worksheets.add(name));
        else if (old !== name) sheets.place(sheet.key, worksheets.getItem(old)).name = name;
        else sheets.place(sheet.key, worksheets.getItem(old));
      },
      2,
      name,
    );
  });
  const metaExists = shape.sheets.includes(META_SHEET);
  const meta = small(
    () => {
      sheets.place("meta", metaExists ? worksheets.getItem(META_SHEET) : worksheets.add(META_SHEET)).visibility = "Hidden" as Excel.SheetVisibility;
    },
    2,
    META_SHEET,
  );
  const journalExists = shape.sheets.includes(JOURNAL_SHEET);
  const journal = small(
    () => {
      const sheet = sheets.place("journal", journalExists ? worksheets.getItem(JOURNAL_SHEET) : worksheets.add(JOURNAL_SHEET));
      // VeryHidden: not in Excel's Unhide list, only code reaches it (Excel.SheetVisibility, ExcelApi 1.1).
      sheet.visibility = "VeryHidden" as Excel.SheetVisibility;
      queueJournalStart(sheet);
    },
    4,
    JOURNAL_SHEET,
  );
  return [...unprotect, ...layoutSheets, meta, journal];
}

/** 2. The journal, marker last: from here on a failure leaves an interrupted save, never a half-read plan. */
function journalSteps({ journal }: SaveContext, sheets: SaveSheets): Step[] {
  const rows = journalGroups(journal).map((group): Step => ({ bytes: journalGroupBytes(group), sheet: JOURNAL_SHEET, run: () => queueJournalRows(sheets.get("journal"), group) }));
  return [...rows, small(() => queueJournalMarker(sheets.get("journal")), 1, JOURNAL_SHEET)];
}

/** Finishing an interrupted save: the unnamed table it left at a PIP table's anchor goes before the table is added. */
function debrisSteps({ context, debris }: SaveContext): Step[] {
  if (debris.length === 0) return [];
  return [{ bytes: COMMAND_BYTES * debris.length, run: () => debris.forEach((name) => context.workbook.tables.getItem(name).delete()) }];
}

const extrasOf = (options: SaveInput, table: TableDecl) => (table.shape === "list" ? (options.extraColumns?.[table.name] ?? []) : []);

/**
 * 3a. Each reused sheet: its tables cleared in place (or, when moved by hand, converted and cleared), the layout's
 * blocks cleared — only PIPbook's footprint, so a note beside a table stays; then the sheets put in layout order.
 */
function clearSteps({ context, plan, options, shape, sheets: { names, existing } }: SaveContext, sheets: SaveSheets): Step[] {
  const worksheets = context.workbook.worksheets;
  const steps: Step[] = [];
  for (const sheet of SHEETS) {
    const old = existing[sheet.key];
    if (old === undefined) continue;
    const own = new Set(sheet.tables.map((t) => t.name as string));
    steps.push(
      small(
        () => {
          const ws = sheets.get(sheet.key);
          for (const table of sheet.tables) {
            const fate = tableFate(table, shape, old);
            if (fate.kind !== "inPlace") continue;
            const t = context.workbook.tables.getItem(table.name);
            const next = tableRect(table, bodyRowsOf(table, plan), extrasOf(options, table).length);
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
            const decl = LAYOUT.tables.get(table as TableDecl["name"]);
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
      ),
    );
    // Plain ranges (the Evaluation sheet's derived tables) first among the data steps, so that the old derived
    // formulas are gone before tables are renamed (which makes Excel revisit every formula).
    if (sheet.ranges) steps.push({ bytes: clearRangesBytes(sheet), run: () => queueClearRanges(sheets.get(sheet.key), sheet), sheet: names[sheet.key] });
  }
  const metaExists = shape.sheets.includes(META_SHEET);
  steps.push(
    small(() => {
      if (metaExists) clearSheet(sheets.get("meta"));
      SHEETS.forEach((sheet, i) => {
        sheets.get(sheet.key).position = i;
      });
    }, 4 + SHEETS.length),
  );
  return steps;
}

/**
 * 3b. Contents, formats, validation, conditional formats, layout of the page. The cells of columns people added go
 * last, once every table exists, so a formula naming another PIP table finds it; then the meta sheet's head.
 */
function contentSteps({ plan, options, shape, sheets: { names, existing } }: SaveContext, sheets: SaveSheets): Step[] {
  const steps: Step[] = [];
  const late: Step[] = [];
  const maxBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const goalUnits = new Map<string, unknown>();
  for (const goal of Array.isArray(plan.goals) ? plan.goals : []) goalUnits.set(String(goal?.id), goal?.unit);
  for (const sheet of SHEETS) {
    const env = makeFormulaEnv(LAYOUT, names, options.language, sheet.key);
    const ws = () => sheets.get(sheet.key);
    for (const block of sheet.blocks) steps.push(small(() => writeBlock(ws(), block, env, options.language), 1, names[sheet.key]));
    const bodyRows = new Map<TableDecl, number>();
    for (const table of sheet.tables) {
      const extras = extrasOf(options, table);
      const grid = table.shape === "list" ? listGrid(table, plan, env, goalUnits, options.language, extras.map((e) => e.header)) : recordGrid(table, plan, env, options.language, options.asOf);
      bodyRows.set(table, grid.bodyRows);
      const inPlace = tableFate(table, shape, existing[sheet.key]).kind === "inPlace";
      const written = tableSteps(ws, table, grid, maxBytes, extras, !inPlace, plan);
      for (const step of written.steps) steps.push({ ...step, sheet: names[sheet.key] });
      late.push(...written.late);
      steps.push(...decorationSteps(ws, table, grid.bodyRows, env, sheet, goalUnits));
    }
    const reused = existing[sheet.key];
    const charts = reused === undefined ? null : (shape.charts?.[reused] ?? null);
    for (const step of derivedSteps(ws, sheet, plan, options.language, names, charts)) steps.push({ ...step, sheet: names[sheet.key] });
    steps.push(
      small(() => {
        pageSteps(ws(), sheet);
        printSteps(ws(), sheet, (t) => bodyRows.get(t) ?? 1);
      }, 8),
    );
  }
  return [...steps, ...late, small(() => queueMetaHead(sheets.get("meta"), options.language), 2)];
}

/** 3c. The seal of a plan both have signed (first signing, or signed again), after the journal's marker like all data. */
function sealSteps({ plan, shape }: SaveContext, sheets: SaveSheets): Step[] {
  const seal = sealToWrite(plan, shape.seal);
  const changed = changedAfterSigning(plan, shape.seal, seal !== null);
  const write: Step[] = seal ? [{ bytes: sealBytes(seal), sheet: JOURNAL_SHEET, run: () => queueSeal(sheets.get("journal"), seal) }] : [];
  return [...write, small(() => queueSealFlag(sheets.get("journal"), changed), 1, JOURNAL_SHEET)];
}

/** 4. The last batch: protect (after every edit), show the Overview, recalculate, and end the journal. */
function closingSteps({ context }: SaveContext, sheets: SaveSheets): Step[] {
  const protect = SHEETS.filter((sheet) => sheet.protect).map((sheet): Step => ({ bytes: COMMAND_BYTES + jsonBytes(SHEET_PROTECTION), run: () => sheets.get(sheet.key).protection.protect(SHEET_PROTECTION) }));
  return [
    ...protect,
    small(() => sheets.get("overview").activate()),
    small(() => context.application.calculate("Recalculate" as Excel.CalculationType)),
    small(() => queueJournalDone(sheets.get("journal")), 2),
  ];
}
