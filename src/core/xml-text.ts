/**
 * Text that an XML 1.0 document cannot hold, and what PIPbook writes instead.
 *
 * XML 1.0 (§2.2, the Char production) allows only U+0009, U+000A, U+000D, U+0020–U+D7FF, U+E000–U+FFFD and
 * U+10000–U+10FFFF. Every part of an .xlsx is XML, and Excel removes a part that is not well-formed on open, so
 * a goal title holding U+000B (the "soft line break" Word puts on the clipboard for Shift+Enter) or U+FFFE would
 * cost the chart or the shared strings that carry it. The characters that occur in typed or pasted text are:
 * C0 controls other than tab, line feed and carriage return; U+FFFE and U+FFFF; and UTF-16 surrogates that are
 * not part of a pair (a string cut in the middle of an emoji).
 *
 * Decision: U+000B becomes a line feed ("\n"), which is what it meant in Word and what a cell with wrap text
 * shows; U+000C (Word's page break) becomes a line feed too; every other such character is removed. The same
 * function serves the .xlsx writer, the Office.js writer (src/excel/cells.ts) and the task pane's inputs, so a
 * plan reads back the same whichever way it was written. validatePlan reports them first
 * (TEXT_XML_INVALID_CHAR), so nothing vanishes unannounced.
 */

/** One character XML cannot hold, or a lone surrogate (global: use with matchAll / replace). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Characters that stand for a line break where they come from (Word's soft line break and page break). */
const LINE_BREAKS = new Set(["\u000B", "\u000C"]);

/**
 * Any character XML_INVALID could match, surrogates paired or not: one class, no look-around, so the common text
 * (ASCII, Chinese — no surrogates) is cleared by one fast scan; only text with an emoji or a control character takes
 * the exact test.
 */
const MAYBE_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Does the text hold a character that XML 1.0 cannot? */
export function hasXmlInvalidChars(text: string): boolean {
  if (!MAYBE_INVALID.test(text)) return false;
  XML_INVALID.lastIndex = 0;
  const found = XML_INVALID.test(text);
  XML_INVALID.lastIndex = 0;
  return found;
}

export interface XmlInvalidChar {
  /** UTF-16 index in the text. */
  index: number;
  /** "U+000B". */
  codePoint: string;
}

/** Every character of the text that XML 1.0 cannot hold, in order. */
export function xmlInvalidChars(text: string): XmlInvalidChar[] {
  return [...text.matchAll(XML_INVALID)].map((m) => ({
    index: m.index ?? 0,
    codePoint: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  }));
}

/** The text with U+000B and U+000C as line feeds and every other character XML cannot hold removed. */
export function toXmlText(text: string): string {
  if (!hasXmlInvalidChars(text)) return text;
  return text.replace(XML_INVALID, (ch) => (LINE_BREAKS.has(ch) ? "\n" : ""));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Every string inside a JSON-like value (keys included) passed through toXmlText; anything else (numbers, Dates,
 * typed arrays) is kept as it is. Nothing is copied that needs no change: a value without such a character comes
 * back as the same object, and a plain object or array is copied only when something inside it changed (the
 * unchanged parts shared), so a workbook's snapshot — almost always clean — costs one scan and no copy. Treat the
 * result as read-only: it may be the argument itself.
 */
export function toXmlTextDeep<T>(value: T): T {
  if (typeof value === "string") return toXmlText(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const cleaned = toXmlTextDeep(v);
      if (out === null && !Object.is(cleaned, v)) out = value.slice(0, i);
      if (out !== null) out.push(cleaned);
    }
    return (out ?? value) as T;
  }
  if (isPlainObject(value)) {
    let out: Record<string, unknown> | null = null;
    // for…in, not Object.keys: no array per object (a plain object has no enumerable inherited keys).
    for (const k in value) {
      const v = value[k];
      const key = toXmlText(k);
      const cleaned = toXmlTextDeep(v);
      if (out === null && (key !== k || !Object.is(cleaned, v))) {
        out = {};
        for (const before in value) {
          if (before === k) break;
          out[before] = value[before];
        }
      }
      if (out !== null) out[key] = cleaned;
    }
    return (out ?? value) as T;
  }
  return value;
}
