/**
 * The formula tokenizer, once for the whole of PIPbook: a small reference-aware tokenizer for en-US Excel formulas
 * (the syntax Range.formulas gives), enough to move relative references (calculated columns, fill, rules relative
 * to their first cell), follow sheet renames, and rewrite a formula for a formula engine. It is not a parser:
 * string literals ("…" with ""), quoted sheet names ('…' with ''), error literals and structured references are
 * never read as cell references, and anything that is not a reference passes through untouched.
 */
import { MAX_COLUMNS, MAX_ROWS, columnIndex, columnLetters, quoteSheetName, readQuoted } from "./address";
import { kept } from "./kept";

export interface RefPart {
  /** null for a whole-row reference ("3:5"). */
  col: number | null;
  /** null for a whole-column reference ("B:D"). */
  row: number | null;
  colAbs: boolean;
  rowAbs: boolean;
}

export type FormulaToken =
  | { kind: "text"; text: string }
  | { kind: "ref"; sheet: string | null; a: RefPart; b: RefPart | null }
  | { kind: "structured"; table: string | null; body: string }
  | { kind: "name"; text: string };

const ERROR_LITERAL = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)/i;
const NAME_CHAR_UNICODE = /[\p{L}\p{N}]/u;
/** Letters, digits, "_", ".", "\\", "$" — ASCII checked by code, the rest by Unicode class. */
const NAME_CHAR = {
  test(ch: string): boolean {
    if (ch === "") return false;
    const code = ch.charCodeAt(0);
    if (code < 128) {
      return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 92 || code === 36;
    }
    return NAME_CHAR_UNICODE.test(ch);
  },
};
const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COL_REF = /^(\$?)([A-Za-z]{1,3})$/;

/** A capture group the regular expression always fills when it matches (a missing one is a bug here, said so). */
function group(m: RegExpExecArray, n: number): string {
  const text = m[n];
  if (text === undefined) throw new Error(`a1: group ${n} of ${String(m.input)} did not match`);
  return text;
}

function cellRef(text: string): RefPart | null {
  const m = CELL_REF.exec(text);
  if (!m) return null;
  const col = columnIndex(group(m, 2));
  const row = Number(group(m, 4)) - 1;
  if (col >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS) return null;
  return { col, row, colAbs: m[1] === "$", rowAbs: m[3] === "$" };
}

function colRef(text: string): RefPart | null {
  const m = COL_REF.exec(text);
  if (!m) return null;
  const col = columnIndex(group(m, 2));
  return col < MAX_COLUMNS ? { col, row: null, colAbs: m[1] === "$", rowAbs: false } : null;
}

function rowRef(text: string): RefPart | null {
  const m = /^(\$?)(\d{1,7})$/.exec(text);
  if (!m) return null;
  const row = Number(group(m, 2)) - 1;
  return row >= 0 && row < MAX_ROWS ? { col: null, row, colAbs: false, rowAbs: m[1] === "$" } : null;
}

function readRun(f: string, i: number): number {
  let j = i;
  while (j < f.length && NAME_CHAR.test(f.charAt(j))) j++;
  return j;
}

/** The index after the bracket group (a structured reference) opening at f[i] === "[", honouring "'" escapes. */
export function readBrackets(f: string, i: number): number {
  // f[i] === "["; returns the index after the matching "]", honouring "'" escapes inside structured references.
  let depth = 0;
  let j = i;
  while (j < f.length) {
    const ch = f[j];
    if (ch === "'") {
      j += 2;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]") {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return f.length;
}

/** Reads a reference (cell, cell range, column range, row range) at i; returns the token and the end index. */
function readRefAt(f: string, i: number, sheet: string | null): { token: FormulaToken; end: number } | null {
  if (/\d/.test(f[i] ?? "") || (f[i] === "$" && /\d/.test(f[i + 1] ?? ""))) {
    const m = /^(\$?\d{1,7}):(\$?\d{1,7})/.exec(f.slice(i));
    if (m && !NAME_CHAR.test(f[i + m[0].length] ?? "")) {
      const a = rowRef(group(m, 1));
      const b = rowRef(group(m, 2));
      if (a && b) return { token: { kind: "ref", sheet, a, b }, end: i + m[0].length };
    }
    return null;
  }
  const end = readRun(f, i);
  const run = f.slice(i, end);
  if (f[end] === "(") return null;
  const a = cellRef(run);
  if (a) {
    if (f[end] === ":") {
      const end2 = readRun(f, end + 1);
      const b = cellRef(f.slice(end + 1, end2));
      if (b && f[end2] !== "(") return { token: { kind: "ref", sheet, a, b }, end: end2 };
    }
    return { token: { kind: "ref", sheet, a, b: null }, end };
  }
  const ca = colRef(run);
  if (ca && f[end] === ":") {
    const end2 = readRun(f, end + 1);
    const cb = colRef(f.slice(end + 1, end2));
    if (cb && f[end2] !== "(") return { token: { kind: "ref", sheet, a: ca, b: cb }, end: end2 };
  }
  return null;
}

const tokenCache = new Map<string, readonly FormulaToken[]>();

/** Tokens of a formula; callers must not mutate them (they are shared through a cache). */
export function tokenize(formula: string): FormulaToken[] {
  return kept(tokenCache, formula, 20_000, () => tokenizeUncached(formula)) as FormulaToken[];
}

function tokenizeUncached(formula: string): FormulaToken[] {
  const f = formula;
  const out: FormulaToken[] = [];
  const text = (t: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === "text") last.text += t;
    else out.push({ kind: "text", text: t });
  };
  let i = 0;
  while (i < f.length) {
    const ch = f.charAt(i);
    if (ch === '"') {
      const { close: j } = readQuoted(f, i);
      text(f.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      const { inner: name, close: j } = readQuoted(f, i);
      if (f[j + 1] === "!") {
        const ref = readRefAt(f, j + 2, name);
        if (ref) {
          out.push(ref.token);
          i = ref.end;
          continue;
        }
      }
      text(f.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const m = ERROR_LITERAL.exec(f.slice(i));
      if (m) {
        text(m[0]);
        i += m[0].length;
        continue;
      }
      text(ch);
      i++;
      continue;
    }
    if (ch === "[") {
      const end = readBrackets(f, i);
      out.push({ kind: "structured", table: null, body: f.slice(i + 1, end - 1) });
      i = end;
      continue;
    }
    if (/\d/.test(ch) || (ch === "." && /\d/.test(f[i + 1] ?? ""))) {
      const prev = f[i - 1] ?? "";
      if (!NAME_CHAR.test(prev)) {
        const ref = readRefAt(f, i, null);
        if (ref) {
          out.push(ref.token);
          i = ref.end;
          continue;
        }
      }
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(f.slice(i));
      const len = m ? m[0].length : 1;
      text(f.slice(i, i + len));
      i += len;
      continue;
    }
    if (NAME_CHAR.test(ch)) {
      const end = readRun(f, i);
      const run = f.slice(i, end);
      if (f[end] === "!") {
        const ref = readRefAt(f, end + 1, run);
        if (ref) {
          out.push(ref.token);
          i = ref.end;
          continue;
        }
      }
      if (f[end] === "[") {
        const close = readBrackets(f, end);
        out.push({ kind: "structured", table: run, body: f.slice(end + 1, close - 1) });
        i = close;
        continue;
      }
      const ref = readRefAt(f, i, null);
      if (ref) {
        out.push(ref.token);
        i = ref.end;
        continue;
      }
      if (f[end] === "(") text(run);
      else out.push({ kind: "name", text: run });
      i = end;
      continue;
    }
    text(ch);
    i++;
  }
  return out;
}

function renderPart(p: RefPart): string {
  const col = p.col === null ? "" : `${p.colAbs ? "$" : ""}${columnLetters(p.col)}`;
  const row = p.row === null ? "" : `${p.rowAbs ? "$" : ""}${p.row + 1}`;
  return col + row;
}

export interface RenderOptions {
  /** Quote every sheet name (the engine's parser wants that for non-ASCII names). */
  quoteAllSheets?: boolean;
}

export function renderRef(token: Extract<FormulaToken, { kind: "ref" }>, options: RenderOptions = {}): string {
  const sheet = token.sheet === null ? "" : `${quoteSheetName(token.sheet, options.quoteAllSheets)}!`;
  return sheet + renderPart(token.a) + (token.b ? `:${renderPart(token.b)}` : "");
}

export function render(tokens: FormulaToken[], options: RenderOptions = {}): string {
  return tokens
    .map((t) => {
      switch (t.kind) {
        case "text":
        case "name":
          return t.text;
        case "ref":
          return renderRef(t, options);
        case "structured":
          return `${t.table ?? ""}[${t.body}]`;
      }
    })
    .join("");
}
