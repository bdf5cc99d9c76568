/**
 * The save journal: before the first command of a save that changes anything a person entered, the writer stores
 * what it is about to write — the merged plan, the cells of the columns people added, the language and as-of —
 * with a SHA-256 of that content and a "saving" marker, in the workbook itself. The save's last batch empties it.
 *
 * A workbook whose journal carries the marker was left half-written (an Excel command failed part-way through a
 * batch: the commands before it stay applied, the later ones do not run — Microsoft, "Error handling with the
 * application-specific JavaScript APIs"). The reader then reports SAVE_INTERRUPTED instead of a plan to merge
 * against, so a retry never takes the rows a half-done save had not yet written for rows deleted in Excel; the
 * pane's "Finish the interrupted save" and `pipbook repair` rewrite the workbook from the journal.
 *
 * Where: a very hidden worksheet, PIP_Journal (docs/ARCHITECTURE.md says why not a CustomXmlPart): column A holds
 * a title, the marker, the time, the hash, the number of chunks and the content as JSON in chunks under Excel's
 * 32,767-character cell limit, every cell formatted as text ("@") so no chunk is read as a formula. Lists of
 * records whose elements all have the same keys (tracking rows, goals, actions …) are kept as one key list and rows
 * of values (`packRows`, format 2): the keys are not repeated per row, which halves the journal of a plan with many
 * check-ins (issue 16: the journal is part of every save's request). Format 1 journals are still read.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { jsonBytes } from "./write/budget";
import type { Language, Plan } from "../core/model";
import { SCHEMA_VERSION } from "../core/model";
import { LAYOUT_VERSION, type SheetNames, type TableName } from "../workbook";
import type { ExtraColumnWrite } from "./extra-columns";

export const JOURNAL_SHEET = "PIP_Journal";
const TITLE = "PIPbook save journal (do not edit)";
/** Row 2 of the journal while a save is under way. */
export const JOURNAL_MARKER = "saving";
/** Characters per cell: under Excel's 32,767 per cell (Microsoft, "Excel specifications and limits"). */
export const JOURNAL_CHUNK = 30_000;
/** Rows before the first chunk: title, marker, time, hash, chunk count. */
const HEAD_ROWS = 5;

/** What a save writes, as the journal keeps it. */
export interface SaveJournal {
  format: 1 | 2;
  schemaVersion: typeof SCHEMA_VERSION;
  layoutVersion: typeof LAYOUT_VERSION;
  /** ISO time of the save (given by the caller: src/core has no clock, and tests pin it). */
  savedAt: string;
  language: Language;
  asOf: string | null;
  plan: Plan;
  extraColumns: Partial<Record<TableName, ExtraColumnWrite[]>>;
  /** The worksheet name of each layout sheet in this save: a finish adopts a sheet it added that has no table yet. */
  sheetNames: SheetNames;
}

export function journalOf(input: Omit<SaveJournal, "format" | "schemaVersion" | "layoutVersion">): SaveJournal {
  return { format: 2, schemaVersion: SCHEMA_VERSION, layoutVersion: LAYOUT_VERSION, ...input };
}

/** The key of a packed list: `{ [PACKED]: keys, rows: values[][] }`; no model field starts with U+0000. */
const PACKED = "\u0000keys";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A list of two or more records with the same keys in the same order → its keys and rows of values, at any depth. */
export function packRows(value: unknown): unknown {
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    const keys = value.length > 1 && value.every(isRecord) && isRecord(first) ? Object.keys(first) : null;
    const same = keys !== null && value.every((r) => { const k = Object.keys(r); return k.length === keys.length && k.every((x, i) => x === keys[i]); });
    if (same && keys !== null) return { [PACKED]: keys, rows: value.map((r) => keys.map((k) => packRows((r as Record<string, unknown>)[k]))) };
    return value.map(packRows);
  }
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, packRows(v)]));
  return value;
}

/** The inverse of packRows. */
export function unpackRows(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpackRows);
  if (isRecord(value)) {
    const keys = value[PACKED];
    if (Array.isArray(keys) && Array.isArray(value.rows)) {
      return value.rows.map((row) => Object.fromEntries(keys.map((k, i) => [String(k), unpackRows(Array.isArray(row) ? row[i] : undefined)])));
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unpackRows(v)]));
  }
  return value;
}

export function contentHash(json: string): string {
  return bytesToHex(sha256(utf8ToBytes(json)));
}

/** Column A of the journal sheet, marker included (row 2). */
export function journalColumn(journal: SaveJournal): string[] {
  // JSON.stringify escapes control characters and lone surrogates but not U+FFFE / U+FFFF, which XML 1.0 cannot
  // hold: escaped here too, so the chunks survive an .xlsx (whose writers strip such characters) unchanged.
  const json = JSON.stringify(journal.format === 2 ? { ...journal, plan: packRows(journal.plan), extraColumns: packRows(journal.extraColumns) } : journal).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += JOURNAL_CHUNK) chunks.push(json.slice(i, i + JOURNAL_CHUNK));
  return [TITLE, JOURNAL_MARKER, journal.savedAt, contentHash(json), String(chunks.length), ...chunks];
}

/** What the reader makes of the journal sheet's values. */
export type JournalRead =
  | { state: "none" }
  | { state: "interrupted"; journal: SaveJournal; savedAt: string }
  /** The marker is there but the content does not check out (edited by hand, or cut short): nothing to finish from. */
  | { state: "damaged"; savedAt: string };

export function readJournal(values: unknown[][] | null | undefined): JournalRead {
  const column = (values ?? []).map((row) => (Array.isArray(row) ? row[0] : undefined));
  if (column[1] !== JOURNAL_MARKER) return { state: "none" };
  const savedAt = String(column[2] ?? "");
  const count = Number(column[4]);
  if (!Number.isInteger(count) || count < 1 || column.length < HEAD_ROWS + count) return { state: "damaged", savedAt };
  const json = column.slice(HEAD_ROWS, HEAD_ROWS + count).map((c) => String(c ?? "")).join("");
  if (contentHash(json) !== column[3]) return { state: "damaged", savedAt };
  try {
    const parsed = JSON.parse(json) as SaveJournal;
    if ((parsed?.format !== 1 && parsed?.format !== 2) || typeof parsed.plan !== "object" || parsed.plan === null) return { state: "damaged", savedAt };
    const journal = parsed.format === 2 ? { ...parsed, plan: unpackRows(parsed.plan) as Plan, extraColumns: unpackRows(parsed.extraColumns) as SaveJournal["extraColumns"] } : parsed;
    return { state: "interrupted", journal, savedAt };
  } catch {
    return { state: "damaged", savedAt };
  }
}

/** The journal's rows grouped for the writer's steps: each group's request stays near `maxBytes`. */
export function journalGroups(column: readonly string[], maxBytes = 1_000_000): { firstRow: number; values: string[] }[] {
  const groups: { firstRow: number; values: string[] }[] = [];
  let current: string[] = [];
  let first = 1;
  let bytes = 0;
  column.forEach((v, i) => {
    const value = i === 1 ? "" : v; // the marker goes in last, on its own (queueJournalMarker)
    const size = JSON.stringify(value).length * 2 + 16;
    if (current.length > 0 && bytes + size > maxBytes) {
      groups.push({ firstRow: first, values: current });
      current = [];
      first = i + 1;
      bytes = 0;
    }
    current.push(value);
    bytes += size;
  });
  if (current.length > 0) groups.push({ firstRow: first, values: current });
  return groups;
}

/** Request bytes of one group (values and their "@" formats). */
export function journalGroupBytes(group: { values: string[] }): number {
  return 400 + jsonBytes(group.values.map((v) => [v])) + group.values.length * 8;
}

/** Queues the old journal's removal (the first journal command of a save). */
export function queueJournalStart(sheet: Excel.Worksheet): void {
  sheet.getRange("A:A").clear("All" as Excel.ClearApplyTo);
}

/** Queues rows of the journal, as text ("@") so no chunk is taken for a formula. */
export function queueJournalRows(sheet: Excel.Worksheet, group: { firstRow: number; values: string[] }): void {
  const range = sheet.getRange(`A${group.firstRow}:A${group.firstRow + group.values.length - 1}`);
  range.numberFormat = group.values.map(() => ["@"]);
  range.values = group.values.map((v) => [v]);
}

/** Queues the marker: after every row of the content, so a marker always comes with its whole content. */
export function queueJournalMarker(sheet: Excel.Worksheet): void {
  sheet.getRange("A2").values = [[JOURNAL_MARKER]];
}

/** Queues the end of a save: the marker first, then the content. */
export function queueJournalDone(sheet: Excel.Worksheet): void {
  sheet.getRange("A2").values = [[""]];
  sheet.getRange("A:A").clear("All" as Excel.ClearApplyTo);
}

/** Request bytes of the whole journal as the writer queues it. */
export function journalBytes(column: readonly string[]): number {
  return journalGroups(column).reduce((n, g) => n + journalGroupBytes(g), 600);
}
