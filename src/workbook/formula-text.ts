/**
 * Rewrites of a formula's text for the cells of a column a person added inside a PIP table, which PIPbook writes
 * back after a rewrite (src/excel/rewrite.ts): the row moved, a sheet was renamed, the headers changed language.
 * A small scanner: string literals ("…" with ""), quoted sheet names ('…' with ''), and bracket groups (structured
 * references) are never read as cell references. Pure; en-US formula syntax as Range.formulas gives it.
 */
import type { Language } from "../core/model";
import { readBrackets as bracketEnd, readQuoted } from "../a1";
import { columnLetter, columnNumber, quoteSheet, type ListTableDecl } from "./layout";

type Piece = { kind: "text" | "string" | "sheet" | "ref" | "structured"; text: string; table?: string };

const NAME_CHAR = /[\p{L}\p{N}_.\\]/u;
const REF = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/;

/** Splits a formula into pieces: strings, sheet prefixes ("Name!" / "'Name'!"), A1 cell references, structured references. */
function scan(formula: string): Piece[] {
  const out: Piece[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push({ kind: "text", text });
    text = "";
  };
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const { close: j } = readQuoted(formula, i);
      flush();
      out.push({ kind: "string", text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      const { close: j } = readQuoted(formula, i);
      if (formula[j + 1] === "!") {
        flush();
        out.push({ kind: "sheet", text: formula.slice(i, j + 2) });
        i = j + 2;
        continue;
      }
    }
    const prev = formula[i - 1] ?? "";
    if (!NAME_CHAR.test(prev)) {
      // A name: a sheet prefix (Name!), a table before a structured reference (PIP_Goals[…]), a cell reference, or
      // a function / defined name, which is left as it is.
      const name = /^[\p{L}_\\][\p{L}\p{N}_.]*/u.exec(formula.slice(i))?.[0];
      if (name && formula[i + name.length] === "!") {
        flush();
        out.push({ kind: "sheet", text: `${name}!` });
        i += name.length + 1;
        continue;
      }
      if (name && formula[i + name.length] === "[") {
        const end = bracketEnd(formula, i + name.length);
        flush();
        out.push({ kind: "structured", text: formula.slice(i, end), table: name });
        i = end;
        continue;
      }
      const ref = REF.exec(formula.slice(i));
      if (ref && !/[\p{L}\p{N}_(.!]/u.test(formula[i + ref[0].length] ?? "")) {
        flush();
        out.push({ kind: "ref", text: ref[0] });
        i += ref[0].length;
        continue;
      }
      if (name) {
        text += name;
        i += name.length;
        continue;
      }
    }
    if (ch === "[") {
      const end = bracketEnd(formula, i);
      flush();
      out.push({ kind: "structured", text: formula.slice(i, end) });
      i = end;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

/** Relative row references moved by `dr` rows, as Excel does when a formula is copied; a row before 1 is #REF!. */
export function shiftRows(formula: string, dr: number): string {
  if (dr === 0) return formula;
  return scan(formula)
    .map((p) => {
      if (p.kind !== "ref") return p.text;
      const [, absCol, col, absRow, row] = REF.exec(p.text)!;
      if (absRow) return p.text;
      const next = Number(row) + dr;
      return next < 1 ? "#REF!" : `${absCol}${col}${absRow}${next}`;
    })
    .join("");
}

/**
 * References that point into a table whose cells moved follow them, as Excel adjusts a reference when the cell it
 * names is moved: `move(row, col)` gives the new place (1-based row, 0-based column), undefined to leave the
 * reference as it is, or null when the cell is gone (a deleted row): a single reference becomes #REF! as in Excel,
 * an end of a range is left as it was. Only references on `hostSheet` (no sheet name, or that name) are looked
 * at; `$` stays.
 */
export function moveRefs(
  formula: string,
  hostSheet: string,
  move: (row: number, col: number) => { row: number; col: number } | null | undefined,
): string {
  const pieces = scan(formula);
  let sheetOfPrevious: string | null = null;
  return pieces
    .map((p, k) => {
      if (p.kind !== "ref") return p.text;
      const before = pieces[k - 1];
      let sheet: string | null = null;
      if (before?.kind === "sheet") {
        sheet = sheetOfPiece(before.text);
        // [Book2.xlsx]Goals!A1 is another workbook's sheet.
        if (isExternal(pieces, k - 1)) sheet = "\u0000external";
      } else if (before?.kind === "text" && before.text === ":" && pieces[k - 2]?.kind === "ref") {
        sheet = sheetOfPrevious;
      }
      sheetOfPrevious = sheet;
      if (sheet !== null && sheet !== hostSheet) return p.text;
      const [, absCol = "", col, absRow = "", row] = REF.exec(p.text) ?? [];
      if (col === undefined || row === undefined) return p.text;
      const to = move(Number(row), columnNumber(col));
      if (to === undefined) return p.text;
      if (to === null) {
        const inRange = (before?.kind === "text" && before.text === ":" && pieces[k - 2]?.kind === "ref") || (pieces[k + 1]?.text === ":" && pieces[k + 2]?.kind === "ref");
        return inRange ? p.text : "#REF!";
      }
      return `${absCol}${columnLetter(to.col)}${absRow}${to.row}`;
    })
    .join("");
}

/** References to renamed sheets follow the new names (`'目标'!B4` → `Goals!B4`). */
export function renameSheets(formula: string, names: Map<string, string>): string {
  if (names.size === 0) return formula;
  const pieces = scan(formula);
  return pieces
    .map((p, k) => {
      if (p.kind !== "sheet" || isExternal(pieces, k)) return p.text;
      const renamed = names.get(sheetOfPiece(p.text));
      return renamed === undefined ? p.text : `${quoteSheet(renamed)}!`;
    })
    .join("");
}

/** The sheet a sheet piece ("Goals!" or "'Tracking log'!") names, unquoted. */
function sheetOfPiece(text: string): string {
  return text.startsWith("'") ? readQuoted(text, 0).inner : text.slice(0, -1);
}

/** Is the sheet piece at `k` a sheet of another workbook ([Book2.xlsx]Sheet!, '[Book2.xlsx]Sheet'!)? */
function isExternal(pieces: Piece[], k: number): boolean {
  const before = pieces[k - 1];
  return pieces[k]?.text.startsWith("'[") === true || (before?.kind === "structured" && before.table === undefined && before.text.endsWith("]"));
}

const unescapeItem = (s: string) => s.replace(/'(.)/g, "$1");
const escapeItem = (s: string) => s.replace(/(['#[\]])/g, "'$1");

/**
 * Structured references to PIPbook columns follow their headers into the other language: `[@实际值]` → `[@Actual]`,
 * `PIP_Actions[[#This Row],[所属目标]]` → `PIP_Actions[[#This Row],[Goal ID]]`. A reference without a table name is
 * the host table's; a header is looked up in the table the reference names, and written in the bracketed form
 * (`[@[Check-ins]]`) that every header is valid in.
 */
export function translateStructured(formula: string, host: ListTableDecl, tables: (name: string) => ListTableDecl | null, from: Language, to: Language): string {
  return scan(formula)
    .map((p) => {
      if (p.kind !== "structured") return p.text;
      const table = p.table === undefined ? host : tables(p.table);
      if (!table) return p.text;
      // A header of either language: the Language cell may not say which language the headers were in.
      const rename = (name: string): string | null =>
        (table.columns.find((c) => c.header[from] === name) ?? table.columns.find((c) => c.header["zh-CN"] === name || c.header["en-US"] === name))?.header[to] ?? null;
      const inner = p.text.slice((p.table?.length ?? 0) + 1, -1);
      let body: string;
      if (!inner.includes("[")) {
        const at = inner.startsWith("@") ? "@" : "";
        const renamed = rename(unescapeItem(inner.slice(at.length)).trim());
        body = renamed === null ? inner : `${at}[${escapeItem(renamed)}]`;
      } else {
        body = inner.replace(/\[((?:'.|[^\]'])*)\]/g, (whole, item: string) => {
          const renamed = rename(unescapeItem(item));
          return renamed === null ? whole : `[${escapeItem(renamed)}]`;
        });
      }
      return `${p.table ?? ""}[${body}]`;
    })
    .join("");
}
