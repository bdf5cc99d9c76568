/** A1 addresses: parsing, formatting, sheet-name quoting. Rows and columns are zero-based inside. */
import { invalidArgument } from "./errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** An inclusive rectangle of cells, zero-based. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Excel quotes a sheet name in a reference when it holds anything but letters, digits, "_" and ".", starts with a
 * digit, or could be read as a cell reference (A1 or R1C1 style). Letters include CJK: `概览!A1` stays unquoted.
 */
export function sheetNameNeedsQuotes(name: string): boolean {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return true;
  if (/^[RrCc]\d*$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return true;
  if (/^(TRUE|FALSE)$/i.test(name)) return true;
  return false;
}

export function quoteSheetName(name: string, always = false): string {
  return always || sheetNameNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
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

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function cellPart(part: string): { r: number; c: number } | null {
  const m = CELL.exec(part);
  if (!m) return null;
  const c = columnIndex(m[1]);
  const r = Number(m[2]) - 1;
  if (c < 0 || c >= MAX_COLUMNS || r < 0 || r >= MAX_ROWS) return null;
  return { r, c };
}

/** Splits "Sheet1!A1:B2" / "'My sheet'!A1" into sheet name (unquoted) and the rest. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i++;
    }
    if (text[i + 1] === "!") return { sheet: name, local: text.slice(i + 2) };
    return { sheet: null, local: text };
  }
  const bang = text.lastIndexOf("!");
  if (bang > 0) return { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
  return { sheet: null, local: text };
}

/** Parses a local A1 reference (no sheet): "A1", "A1:C3", "B:B", "B:D", "3:5". Returns null when malformed. */
export function parseLocalRect(local: string): Rect | null {
  const parts = local.trim().split(":");
  if (parts.length === 1) {
    const cell = cellPart(parts[0]);
    return cell ? { r0: cell.r, c0: cell.c, r1: cell.r, c1: cell.c } : null;
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const ca = cellPart(a);
  const cb = cellPart(b);
  if (ca && cb) return normalizeRect({ r0: ca.r, c0: ca.c, r1: cb.r, c1: cb.c });
  const colA = COL.exec(a);
  const colB = COL.exec(b);
  if (colA && colB) {
    const c0 = columnIndex(colA[1]);
    const c1 = columnIndex(colB[1]);
    if (c0 >= MAX_COLUMNS || c1 >= MAX_COLUMNS) return null;
    return normalizeRect({ r0: 0, c0, r1: MAX_ROWS - 1, c1 });
  }
  const rowA = ROW.exec(a);
  const rowB = ROW.exec(b);
  if (rowA && rowB) {
    const r0 = Number(rowA[1]) - 1;
    const r1 = Number(rowB[1]) - 1;
    if (r0 < 0 || r1 < 0 || r0 >= MAX_ROWS || r1 >= MAX_ROWS) return null;
    return normalizeRect({ r0, c0: 0, r1, c1: MAX_COLUMNS - 1 });
  }
  return null;
}

export function parseAddress(address: string, location?: string): { sheet: string | null; rect: Rect } {
  const { sheet, local } = splitSheet(address);
  const rect = parseLocalRect(local);
  if (!rect) throw invalidArgument(`not an A1 address: "${address}"`, location);
  return { sheet, rect };
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
