/**
 * The seal of a signed plan in the workbook (issue 17, item 1; the canonical form is src/core/seal.ts).
 *
 * Where: column C of the very hidden sheet PIP_Journal (src/excel/journal.ts uses column A and clears only A:A).
 * That sheet is in every PIP workbook, not in Excel's Unhide list (Excel.SheetVisibility "VeryHidden", ExcelApi
 * 1.1), and the reader already loads its used range in its one sync: the seal costs no request of its own.
 * C1 a title, C2 the signing date, C3 the SHA-256 of the content, C4 the number of chunks, then the canonical JSON
 * in chunks under Excel's 32,767 characters per cell, every cell formatted as text ("@").
 *
 * The writer (src/excel/writer.ts) queues the seal in its data phase, after the journal's marker: a save that stops
 * part-way is finished from the journal, and finishing writes the same seal again. It seals when the employee and
 * the manager have both signed and the seal it finds is not of that signing date (first signing, or signed again);
 * otherwise it leaves the seal as it is, so a regenerate or a language switch never seals an edit made after signing.
 *
 * What this detects and what it cannot prevent: anyone with the file can edit it (the hidden column too); the seal
 * shows that a signed section was edited, cell by cell, and an edited seal shows as damaged.
 */
import type { Finding, FindingLocation } from "../core/findings";
import type { Language, Plan } from "../core/model";
import { compareWithSeal, parseSeal, resigned, sealPlan, signingDate, type Seal, type SealChange } from "../core/seal";
import { ENTITY_TABLES, type Localized } from "../i18n/findings";
import { sealMessage, SEAL_WORDS } from "../i18n/seal";
import { LIST_LABELS, type ListName } from "../i18n/workbook";
import { jsonBytes } from "./write/budget";
import { columnNumber, locate, SEAL_FLAG_CELL, quoteSheet, tableColumns, tableOfEntity, type CellIndex, type SheetNames } from "../workbook";

/** The journal sheet's column that holds the seal. */
export const SEAL_COLUMN = "C";
const TITLE = "PIPbook seal of the signed plan (do not edit)";
const HEAD_ROWS = 4;
const CHUNK = 30_000;

export type SealRead = { state: "none" } | { state: "sealed"; seal: Seal } | { state: "damaged"; signedOn: string };

/** Column C as the writer stores it. */
export function sealColumn(seal: Seal): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < seal.json.length; i += CHUNK) chunks.push(seal.json.slice(i, i + CHUNK));
  return [TITLE, seal.content.signedOn, seal.hash, String(chunks.length), ...chunks];
}

/**
 * The seal from the journal sheet's used range (`values` and its `address`: the used range starts at column C
 * when column A is empty, as it is between saves).
 */
export function readSeal(values: unknown[][] | null | undefined, address: string | null | undefined): SealRead {
  const origin = /!?\$?([A-Z]{1,3})\$?(\d+)/.exec(String(address ?? "").split("!").pop() ?? "");
  const col0 = origin?.[1] !== undefined ? columnNumber(origin[1]) : 0;
  const row0 = origin?.[2] !== undefined ? Number(origin[2]) : 1;
  const at = columnNumber(SEAL_COLUMN) - col0;
  if (at < 0 || !Array.isArray(values)) return { state: "none" };
  const cell = (row: number): unknown => values[row - row0]?.[at];
  if (cell(1) !== TITLE) return cell(2) || cell(3) ? { state: "damaged", signedOn: String(cell(2) ?? "") } : { state: "none" };
  const signedOn = String(cell(2) ?? "");
  const count = Number(cell(4));
  if (!Number.isInteger(count) || count < 1) return { state: "damaged", signedOn };
  let json = "";
  for (let i = 0; i < count; i++) json += String(cell(HEAD_ROWS + 1 + i) ?? "");
  const seal = parseSeal(json, String(cell(3) ?? ""));
  if (!seal || seal.content.signedOn !== signedOn) return { state: "damaged", signedOn };
  return { state: "sealed", seal };
}

/** The column the writer stores for `plan`, or null to leave the seal as it is (see the module comment). */
export function sealToWrite(plan: Plan, existing: SealRead | undefined): string[] | null {
  const date = signingDate(plan);
  if (date === null) return null;
  if (existing?.state === "sealed" && existing.seal.content.signedOn === date) return null;
  const seal = sealPlan(plan);
  return seal ? sealColumn(seal) : null;
}

/** Whether the writer must load the seal before deciding (a signed plan, a journal sheet, a snapshot without it). */
export function sealUnknown(plan: Plan, sheets: readonly string[], journalSheet: string, known: SealRead | undefined): boolean {
  return known === undefined && sheets.includes(journalSheet) && signingDate(plan) !== null;
}

/** The seal the journal sheet holds now (one sync). */
export async function loadSeal(context: Excel.RequestContext, journalSheet: string): Promise<SealRead> {
  const used = context.workbook.worksheets.getItem(journalSheet).getUsedRange(true);
  used.load("address,values");
  await context.sync();
  return readSeal(used.values, used.address);
}

/**
 * Whether the plan a save writes differs from what was signed (or the seal is damaged) — the Sign-off sheet's line
 * "changed after signing — ask both to sign again" shows then (its formula reads SEAL_FLAG_CELL).
 */
export function changedAfterSigning(plan: Plan, existing: SealRead | undefined, resealing: boolean): boolean {
  return !resealing && existing !== undefined && sealFindings(existing, plan, "en-US").length > 0;
}

/** Queues the flag the Sign-off sheet's line reads: 1 when changed after signing, else empty. */
export function queueSealFlag(sheet: Excel.Worksheet, changed: boolean): void {
  const cell = sheet.getRange((SEAL_FLAG_CELL.split("!")[1] ?? "").replace(/\$/g, ""));
  cell.values = [[changed ? 1 : ""]];
}

/** Request bytes of the seal as the writer queues it. */
export function sealBytes(column: readonly string[]): number {
  return 600 + jsonBytes(column.map((v) => [v])) + column.length * 8;
}

/** Rows of column C a seal may take: 30 MB of JSON, far beyond what a save's requests can carry. */
const SEAL_MAX_ROWS = 1000;

/**
 * Queues the seal: the old one cleared (a bounded range, not the whole column, which would leave a column-level
 * entry behind), then written as text.
 */
export function queueSeal(sheet: Excel.Worksheet, column: readonly string[]): void {
  if (column.length > SEAL_MAX_ROWS) throw new Error(`seal: ${column.length} rows, more than ${SEAL_MAX_ROWS}`);
  sheet.getRange(`${SEAL_COLUMN}1:${SEAL_COLUMN}${SEAL_MAX_ROWS}`).clear("All" as Excel.ClearApplyTo);
  const range = sheet.getRange(`${SEAL_COLUMN}1:${SEAL_COLUMN}${column.length}`);
  range.numberFormat = column.map(() => ["@"]);
  range.values = column.map((v) => [v]);
}

// ---------------------------------------------------------------------------------------------------------------
// Findings

function display(entity: string, field: string, value: unknown): Localized {
  if (value === null || value === undefined || value === "") return SEAL_WORDS.empty;
  if (typeof value === "boolean") return value ? SEAL_WORDS.yes : SEAL_WORDS.no;
  if (typeof value === "number") return { "zh-CN": String(value), "en-US": String(value) };
  const table = tableOfEntity(entity as never);
  const column = table ? tableColumns(table).find((c) => (c.field ?? c.key) === field && (c.entity === undefined || c.entity === entity)) : undefined;
  if (column?.list?.kind === "labels") {
    const label = (LIST_LABELS[column.list.list as ListName] as Record<string, Localized>)[String(value)];
    if (label) return label;
  }
  const text = String(value);
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return { "zh-CN": `“${short}”`, "en-US": `“${short}”` };
}

function cellText(location: FindingLocation): string {
  return location.sheet && location.cell ? `${quoteSheet(location.sheet)}!${location.cell}` : "";
}

function finding(code: Finding["code"], location: FindingLocation, message: Localized): Finding {
  return { code, severity: "warning", location, message };
}

function changeFinding(change: SealChange, date: string, names: SheetNames | Language, placement?: CellIndex): Finding {
  if (change.kind === "changed") {
    const location = locate({ entity: change.entity, row: change.row, field: change.field }, names, placement);
    return finding(
      "SEAL_CHANGED",
      location,
      sealMessage("SEAL_CHANGED", { cell: cellText(location), date, was: display(change.entity, change.field, change.was), now: display(change.entity, change.field, change.now) }),
    );
  }
  if (change.kind === "added") {
    const location = locate({ entity: change.entity, row: change.row }, names, placement);
    return finding("SEAL_ROW_ADDED", location, sealMessage("SEAL_ROW_ADDED", { cell: cellText(location), date, n: change.row + 1, table: tableLabel(change.entity) }));
  }
  const location = locate({ entity: change.entity }, names, placement);
  const id = change.id ? { "zh-CN": `（${change.id}）`, "en-US": ` (${change.id})` } : "";
  return finding("SEAL_ROW_REMOVED", location, sealMessage("SEAL_ROW_REMOVED", { date, n: change.sealedRow + 1, id, table: tableLabel(change.entity) }));
}

/** The table an entity's rows are in, as the messages name it (the entity's own name if the list lacks it). */
function tableLabel(entity: string): Localized {
  return ENTITY_TABLES[entity] ?? { "zh-CN": entity, "en-US": entity };
}

/**
 * The reader's findings for the seal: every signed value that differs now, with its cell and its value when signed.
 * None when nothing is sealed, or when both have signed again since (the next save seals the plan as it is now).
 */
export function sealFindings(read: SealRead, plan: Plan, names: SheetNames | Language, placement?: CellIndex): Finding[] {
  if (read.state === "none") return [];
  if (read.state === "damaged") {
    if (read.signedOn !== "" && signingDate(plan) !== null && signingDate(plan)! > read.signedOn) return [];
    // Placed on the first signature's date: the signatures are what the seal vouches for.
    return [finding("SEAL_DAMAGED", locate({ entity: "signOff", row: 0, field: "date" }, names, placement), sealMessage("SEAL_DAMAGED", {}))];
  }
  const content = read.seal.content;
  if (resigned(content, plan)) return [];
  return compareWithSeal(content, plan).map((change) => changeFinding(change, content.signedOn, names, placement));
}
