/**
 * A1 notation, once for the whole of PIPbook: column letters both ways, cell and range parsing and formatting,
 * sheet-name quoting as Excel does it (and, in ./formula.ts, the formula tokenizer). The workbook layout, the
 * Office.js writer and reader, the in-memory Excel, the CLI's .xlsx code, the preview and the task pane all use
 * it. Rows and columns are zero-based inside; it imports nothing of ours (docs/ARCHITECTURE.md).
 */

import { kept } from "./kept";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** An inclusive rectangle of cells, zero-based. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD" (a bijective base-26 numeral). */
export function columnLetters(column: number): string {
  // Every reference a formula renders asks for its letters: the first 1,024 columns are kept once made.
  const known = LETTERS[column];
  if (known !== undefined) return known;
  if (!Number.isInteger(column) || column < 0) throw new RangeError(`a column index is a whole number from 0: ${column}`);
  const letters = lettersOf(column);
  if (column < LETTERS_KEPT) LETTERS[column] = letters;
  return letters;
}

const LETTERS_KEPT = 1024;
const LETTERS: string[] = [];

function lettersOf(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "z" → 25, "AA" → 26, "XFD" → 16383 (case-insensitive); anything but letters A–Z is an error. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) throw new RangeError(`column letters are A–Z: "${letters}"`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B7", "$B$7" → { row: 6, col: 1 } (zero-based); null when not one cell inside A1:XFD1048576. */
export function parseCell(a1: string): { row: number; col: number } | null {
  // What CELL (/^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/ after trimming) matches, read one character at a time: every
  // address of a write and of a snapshot passes here, and the expression plus columnIndex's was a tenth of a save.
  const text = a1.trim(); // any white space, as String.prototype.trim (a no-space string comes back as it is)
  const n = text.length;
  let i = text.charCodeAt(0) === 36 ? 1 : 0; // "$"
  let col = 0;
  const lettersFrom = i;
  for (; i < n; i++) {
    const code = text.charCodeAt(i) | 32; // lower case
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  if (i === lettersFrom || i - lettersFrom > 3) return null;
  if (text.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
  }
  if (i === digitsFrom || i - digitsFrom > 7) return null;
  col -= 1;
  row -= 1;
  if (col >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS) return null;
  return { row, col };
}

/** (6, 1) → "B7"; absolute: "$B$7". Zero-based row and column. */
export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

/**
 * Whether Excel writes this sheet name in quotes in a reference ('Tracking log'!B5, but 概览!A1).
 *
 * Microsoft's grammar of the references Office writes (MS-OI29500 2.1.863, "Part 1 Section 18.17.2.3, Cell
 * References": https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/3c420ebb-6ef1-4b0d-959d-76e88c841c3e)
 * has a bare `sheet-name` and an apostrophe-quoted `sheet-name-special` in which an apostrophe is doubled; which
 * names Excel leaves bare is not published, so the rest is what Excel is observed to do (XlsxWriter#1078's notes,
 * EPPlus#214, apache/poi#545): a name is bare only when it is made of letters (any script: 概览, École), digits, "_"
 * and "."; does not start with a digit or "."; is not a cell of A1:XFD1048576 in either case (Q1, xfd1 — but XFE1
 * and A1048577 are names); and does not start like an R1C1 reference (R, C, RC alone, or followed by a digit: R1C1,
 * C1_x, RC2). TRUE and FALSE are quoted too, as the in-memory Excel always did; a quoted name is always valid.
 */
export function sheetNameNeedsQuotes(name: string): boolean {
  // Asked for every reference a formula or address renders; a workbook has a handful of sheet names.
  return kept(QUOTED, name, 1024, () => needsQuotes(name));
}

const QUOTED = new Map<string, boolean>();

function needsQuotes(name: string): boolean {
  if (!/^[\p{L}\p{M}\p{N}_.]+$/u.test(name)) return true;
  if (/^[\p{N}.]/u.test(name)) return true;
  if (parseCell(name) !== null) return true;
  if (/^(R|C|RC)(\d|$)/i.test(name)) return true;
  if (/^(TRUE|FALSE)$/i.test(name)) return true;
  return false;
}

/** The sheet name as a reference spells it: quoted (apostrophes doubled) when Excel would, or always. */
export function quoteSheetName(name: string, always = false): string {
  return always || sheetNameNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** "Sheet!A1" / "'My sheet'!A1": the sheet name as a reference spells it, then "!", then the cell or range. */
export function sheetReference(sheet: string, local: string): string {
  return `${quoteSheetName(sheet)}!${local}`;
}

export function isEntireColumns(rect: Rect): boolean {
  return rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
}

export function isEntireRows(rect: Rect): boolean {
  return rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1;
}

/** "A1", "A1:B2", "B:B", "3:3", optionally with "$" on every part. */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isEntireColumns(rect) && !isEntireRows(rect)) {
    return `${d}${columnLetters(rect.c0)}:${d}${columnLetters(rect.c1)}`;
  }
  if (isEntireRows(rect)) return `${d}${rect.r0 + 1}:${d}${rect.r1 + 1}`;
  const a = `${d}${columnLetters(rect.c0)}${d}${rect.r0 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${d}${columnLetters(rect.c1)}${d}${rect.r1 + 1}`;
}

export function formatAddress(sheetName: string, rect: Rect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${formatRect(rect, absolute)}`;
}

const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function cellPart(part: string): { r: number; c: number } | null {
  const cell = parseCell(part);
  return cell ? { r: cell.row, c: cell.col } : null;
}

/** A capture group the regular expression always fills when it matches (a missing one is a bug here, said so). */
function group(m: RegExpExecArray, n: number): string {
  const text = m[n];
  if (text === undefined) throw new Error(`a1: group ${n} of ${String(m.input)} did not match`);
  return text;
}

/**
 * The quoted text opening at text[start]: a sheet name in apostrophes ('' stands for ') or a string literal in
 * double quotes ("" stands for "), as Excel writes both. Gives the text unquoted and the index of its closing quote
 * (text.length when it is never closed).
 */
export function readQuoted(text: string, start: number): { inner: string; close: number } {
  const quote = text.charAt(start);
  let i = start + 1;
  let inner = "";
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === quote) {
      if (text.charAt(i + 1) !== quote) break;
      inner += quote;
      i += 2;
      continue;
    }
    inner += ch;
    i++;
  }
  return { inner, close: i };
}

/** Splits "Sheet1!A1:B2" / "'My sheet'!A1" into sheet name (unquoted) and the rest. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    const { inner, close } = readQuoted(text, 0);
    if (text[close + 1] === "!") return { sheet: inner, local: text.slice(close + 2) };
    return { sheet: null, local: text };
  }
  const bang = text.lastIndexOf("!");
  if (bang > 0) return { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
  return { sheet: null, local: text };
}

/**
 * Parsed references, kept by their text: a write names the same few hundred ranges again and again (each sync's
 * getRange, every rule and validation), and the regular expressions were a tenth of a save's time. Bounded; each
 * caller gets its own copy.
 */
const RECTS = new Map<string, Rect | null>();

/** Parses a local A1 reference (no sheet): "A1", "A1:C3", "B:B", "B:D", "3:5". Returns null when malformed. */
export function parseLocalRect(local: string): Rect | null {
  const rect = kept(RECTS, local, 8192, () => parseLocalRectText(local));
  return rect === null ? null : { r0: rect.r0, c0: rect.c0, r1: rect.r1, c1: rect.c1 };
}

function parseLocalRectText(local: string): Rect | null {
  const parts = local.trim().split(":");
  const [a, b] = parts;
  if (a === undefined) return null;
  if (b === undefined) {
    const cell = cellPart(a);
    return cell ? { r0: cell.r, c0: cell.c, r1: cell.r, c1: cell.c } : null;
  }
  if (parts.length !== 2) return null;
  const ca = cellPart(a);
  const cb = cellPart(b);
  if (ca && cb) return normalizeRect({ r0: ca.r, c0: ca.c, r1: cb.r, c1: cb.c });
  const colA = COL.exec(a);
  const colB = COL.exec(b);
  if (colA && colB) {
    const c0 = columnIndex(group(colA, 1));
    const c1 = columnIndex(group(colB, 1));
    if (c0 >= MAX_COLUMNS || c1 >= MAX_COLUMNS) return null;
    return normalizeRect({ r0: 0, c0, r1: MAX_ROWS - 1, c1 });
  }
  const rowA = ROW.exec(a);
  const rowB = ROW.exec(b);
  if (rowA && rowB) {
    const r0 = Number(group(rowA, 1)) - 1;
    const r1 = Number(group(rowB, 1)) - 1;
    if (r0 < 0 || r1 < 0 || r0 >= MAX_ROWS || r1 >= MAX_ROWS) return null;
    return normalizeRect({ r0, c0: 0, r1, c1: MAX_COLUMNS - 1 });
  }
  return null;
}

export function normalizeRect(rect: Rect): Rect {
  return {
    r0: Math.min(rect.r0, rect.r1),
    c0: Math.min(rect.c0, rect.c1),
    r1: Math.max(rect.r0, rect.r1),
    c1: Math.max(rect.c0, rect.c1),
  };
}

export function rectRows(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}

export function rectColumns(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}

export function rectContains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.r0 && r <= outer.r1 && c >= outer.c0 && c <= outer.c1;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function intersectRects(a: Rect, b: Rect): Rect | null {
  if (!rectsIntersect(a, b)) return null;
  return { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
}

export function rectInBounds(rect: Rect): boolean {
  return rect.r0 >= 0 && rect.c0 >= 0 && rect.r1 < MAX_ROWS && rect.c1 < MAX_COLUMNS && rect.r0 <= rect.r1 && rect.c0 <= rect.c1;
}

/** `a` minus `b`: up to four rectangles covering the cells of `a` outside `b`. */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const cut = intersectRects(a, b);
  if (!cut) return [a];
  const out: Rect[] = [];
  if (a.r0 < cut.r0) out.push({ r0: a.r0, c0: a.c0, r1: cut.r0 - 1, c1: a.c1 });
  if (cut.r1 < a.r1) out.push({ r0: cut.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (a.c0 < cut.c0) out.push({ r0: cut.r0, c0: a.c0, r1: cut.r1, c1: cut.c0 - 1 });
  if (cut.c1 < a.c1) out.push({ r0: cut.r0, c0: cut.c1 + 1, r1: cut.r1, c1: a.c1 });
  return out;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}
