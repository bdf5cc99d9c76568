/**
 * When a save's first batch fails, or finishing an interrupted save needs to look first: whether the journal's
 * "saving" marker is in the workbook (`journalMarked`), putting the preflight's structural changes back when it is
 * not (`undoPreflight`), and the unnamed table an interrupted `tables.add` left at a PIP table's anchor
 * (`findDebris`). Each syncs on its own; the writer calls them outside its packed batches.
 */
import { JOURNAL_MARKER, JOURNAL_SHEET } from "../journal";
import { META_SHEET, SHEETS, type SheetDecl } from "../../workbook";
import { rectOf } from "../../workbook/footprint";
import type { WorkbookShape, SheetAssignment } from "./shape";
import { SHEET_PROTECTION } from "./steps";

/** Whether the journal sheet carries the "saving" marker now (one sync). */
export async function journalMarked(context: Excel.RequestContext): Promise<boolean> {
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
export async function undoPreflight(context: Excel.RequestContext, shape: WorkbookShape, { names, existing }: SheetAssignment): Promise<void> {
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
export async function findDebris(context: Excel.RequestContext, shape: WorkbookShape, { names, existing }: SheetAssignment): Promise<string[]> {
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
