/**
 * Model value ⇄ cell content, one column kind at a time. Shared by the writer (encode) and the reader (decode);
 * no Office.js calls here, so both directions are unit-tested without a workbook.
 *
 * Encoding keeps user text as text: every text or list cell, and any number/date cell that has to hold text,
 * gets the number format "@" (written before the value, in the same batch), so "=cmd|' /C calc'!A0", "+86 …",
 * "-5%" or "@王强" are stored as the characters typed and never evaluated.
 */
import { isoToSerial, serialToIso } from "../core/dates";
import { toXmlText } from "../core/xml-text";
import type { Language } from "../core/model";
import { isInput, listLabel, numberFormatOf, parseListValue, unitNumberFormat, type ColumnDecl } from "./index";

export const TEXT_FORMAT = "@";

/** What a header cell is compared by: its text trimmed, case aside. */
const headerText = (v: unknown) => String(v ?? "").trim().toLowerCase();
/** A column's names as compared (its two headers and its key), made once per column: the reader asks for every cell of a header row. */
const namesOfColumn = new WeakMap<object, readonly string[]>();
/** A header row's cells as compared, made once per row array: every column of a table looks along the same row. */
const textsOfRow = new WeakMap<readonly unknown[], readonly string[]>();

type NamedColumn = { header: Record<Language, string>; key: string };

/**
 * What a header cell's text must be to name `column`: its zh-CN or en-US header or its key, trimmed and case aside
 * (a workbook whose language was switched, or whose header someone retyped in capitals, still reads).
 */
function namesOf(column: NamedColumn): readonly string[] {
  let names = namesOfColumn.get(column);
  if (!names) {
    names = [headerText(column.header["zh-CN"]), headerText(column.header["en-US"]), headerText(column.key)];
    namesOfColumn.set(column, names);
  }
  return names;
}

/** The first of `columns` that the header text names (namesOf), the text normalised once. */
export function columnNamed<C extends NamedColumn>(columns: readonly C[], text: unknown): C | undefined {
  const t = headerText(text);
  return t === "" ? undefined : columns.find((column) => namesOf(column).includes(t));
}

/**
 * The index of the first cell of `cells` (from `from` on) that names `column` (namesOf), or -1.
 * The row's texts are normalised once per array, so finding every column of a table along its header row is
 * linear in the row, not columns × cells.
 */
export function headerIndex(column: NamedColumn, cells: readonly unknown[], from = 0): number {
  let texts = textsOfRow.get(cells);
  if (!texts) {
    texts = cells.map(headerText);
    textsOfRow.set(cells, texts);
  }
  const names = namesOf(column);
  for (let j = from; j < texts.length; j++) {
    const t = texts[j] as string;
    if (t !== "" && names.includes(t)) return j;
  }
  return -1;
}

export interface EncodedCell {
  /** What goes into `range.formulas`: a number, a string ("" for empty) or a formula "=…". */
  value: number | string;
  numberFormat: string;
}

/** The number format a column's cell gets for a row, honouring per-row units. */
export function formatFor(column: ColumnDecl, unit: unknown): string {
  if (column.unitFormat) return unitNumberFormat(unit);
  return numberFormatOf(column);
}

/** A model value as cell content for an input column. */
export function encodeValue(column: ColumnDecl, value: unknown, lang: Language, unit?: unknown): EncodedCell {
  const format = formatFor(column, unit);
  if (value === null || value === undefined) return { value: "", numberFormat: format };
  // Text XML 1.0 cannot hold (U+000B from Word → line feed, U+FFFE … removed) is cleaned as the .xlsx writer
  // cleans it (core/xml-text), so a plan reads back the same from the add-in's workbook and from pipbook's file.
  if (typeof value === "string") value = toXmlText(value);
  switch (column.kind) {
    case "text":
      return { value: typeof value === "string" ? value : String(value), numberFormat: TEXT_FORMAT };
    case "list": {
      if (column.list?.kind === "labels") {
        const label = listLabel(column.list.list, value, lang);
        if (label !== null) return { value: label, numberFormat: TEXT_FORMAT };
      }
      return { value: String(value), numberFormat: TEXT_FORMAT };
    }
    case "number":
    case "percent":
      if (typeof value === "number" && Number.isFinite(value)) return { value, numberFormat: format };
      // Not a number (text read from a cell, NaN): kept as the text it was, never evaluated.
      return { value: typeof value === "number" ? "" : String(value), numberFormat: TEXT_FORMAT };
    case "date": {
      if (typeof value === "number" && Number.isFinite(value)) return { value, numberFormat: format };
      const text = String(value);
      if (text === "") return { value: "", numberFormat: format };
      const serial = isoToSerial(text);
      return serial !== null ? { value: serial, numberFormat: format } : { value: text, numberFormat: TEXT_FORMAT };
    }
    case "formula":
      return { value: typeof value === "number" ? value : String(value), numberFormat: format };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding

export type CellProblem =
  | { code: "CELL_NOT_NUMBER"; shown: string }
  | { code: "CELL_ERROR"; shown: string }
  | { code: "CELL_BAD_DATE"; shown: string }
  | { code: "CELL_NOT_IN_LIST"; shown: string }
  | { code: "CELL_EMPTY"; shown: string };

export interface DecodedCell {
  /** The model value; when the cell is bad, the cell's own content (text stays text) so nothing typed is lost. */
  value: unknown;
  /** True when the cell is empty. */
  blank: boolean;
  problem?: CellProblem;
}

/** What Office reports for one cell (`values`, `valueTypes`, `numberFormat`). */
export interface RawCell {
  value: unknown;
  /** Excel.RangeValueType: "Empty" | "String" | "Double" | "Boolean" | "Error" | …; undefined if not loaded. */
  type?: string;
  numberFormat?: string;
}

const ERROR_TEXT = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

function isErrorCell(raw: RawCell): boolean {
  if (raw.type !== undefined) return raw.type === "Error";
  // Without valueTypes: an error literal that is not in a text-formatted cell (where it would be typed text).
  return typeof raw.value === "string" && ERROR_TEXT.test(raw.value) && raw.numberFormat !== TEXT_FORMAT;
}

function isBlankValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A number format shows a date when it has day or year codes outside quotes and brackets (General has neither). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return /[dy]/i.test(bare);
}

/** The text a number shows in a text column (an id typed as 1024, a date typed into a note). */
function numberAsText(value: number, format: string | undefined): string {
  if (isDateFormat(format)) return serialToIso(value) ?? String(value);
  return String(value);
}

function shownText(value: unknown): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * A cell's content as a model value for an input column. Never throws: a cell that does not fit gives a problem
 * and keeps its content as the value (text where a number belongs stays that text), so validation and the
 * no-loss merge both see exactly what was typed.
 */
export function decodeValue(column: ColumnDecl, raw: RawCell): DecodedCell {
  const value = raw.value;
  if (isErrorCell(raw)) {
    return { value: shownText(value), blank: false, problem: { code: "CELL_ERROR", shown: shownText(value) } };
  }
  const blank = isBlankValue(value);
  if (!isInput(column)) return { value, blank };
  switch (column.kind) {
    case "text": {
      if (blank) return { value: typeof value === "string" ? value : "", blank: true };
      if (typeof value === "number") return { value: numberAsText(value, raw.numberFormat), blank: false };
      return { value: shownText(value), blank: false };
    }
    case "list": {
      if (blank) return { value: null, blank: true };
      const text = typeof value === "number" ? numberAsText(value, raw.numberFormat) : shownText(value);
      if (column.list?.kind !== "labels") return { value: text, blank: false };
      if (typeof value === "boolean" && column.list.list === "yesNo") return { value, blank: false };
      const parsed = parseListValue(column.list.list, text);
      if (parsed === undefined) return { value: text, blank: false, problem: { code: "CELL_NOT_IN_LIST", shown: text } };
      if (column.list.list === "yesNo") return { value: parsed === "true", blank: false };
      return { value: parsed, blank: false };
    }
    case "number":
    case "percent": {
      if (blank) return { value: null, blank: true };
      if (typeof value === "number" && Number.isFinite(value)) return { value, blank: false };
      const shown = shownText(value);
      return { value: typeof value === "string" ? value : shown, blank: false, problem: { code: "CELL_NOT_NUMBER", shown } };
    }
    case "date": {
      if (blank) return { value: null, blank: true };
      if (typeof value === "number") {
        const iso = serialToIso(value);
        if (iso !== null) return { value: iso, blank: false };
        return { value, blank: false, problem: { code: "CELL_BAD_DATE", shown: String(value) } };
      }
      const shown = shownText(value);
      return { value: typeof value === "string" ? value : shown, blank: false, problem: { code: "CELL_BAD_DATE", shown } };
    }
    case "formula":
      return { value, blank };
  }
}
