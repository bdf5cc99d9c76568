/**
 * A worksheet's <dataValidations>, written by PIPbook instead of ExcelJS.
 *
 * ExcelJS 4.4's writer (lib/xlsx/xform/sheet/data-validations-xform.js) renders every formula of a `type: "date"`
 * rule as `dateToExcel(new Date(formula))`: `=Overview!$B$11 … $B$12` became <formula1>37196</formula1>
 * <formula2>37226</formula2> (2001-11-01 … 2001-12-01) and "on or after 1900-03-01" became 22282 (1961-01-01),
 * some references `NaN` (exceljs issue 2191) — Excel then refused every real date. It also writes an error
 * message's line break as a raw newline inside the attribute, which XML attribute-value normalisation (XML 1.0
 * §3.3.3) reads back as a space. So the element is built here from the snapshot, with fast-xml-parser's builder,
 * every formula exactly as Office.js was given it (without its "="), and inserted into the worksheet part where
 * CT_Worksheet (ECMA-376 Part 1, §18.3.1.99) orders it.
 *
 * Office.js semantics kept (DataValidationRule, learn.microsoft.com/javascript/api/excel/excel.datetimedatavalidation):
 * a date operand is a Date, an ISO 8601 date string, or a formula "=A1"; in the file an ISO date is its serial
 * in the 1900 date system (1900-03-01 = 61), a formula is stored without "=". A list source "a,b,c" is stored as
 * the quoted string "\"a,b,c\"", a range source as the reference (ECMA-376 §18.3.1.32 dataValidation).
 */
import { XMLBuilder } from "fast-xml-parser";
import { kept } from "../../a1";
import { isoToSerial } from "../../core/dates";
import type { ValidationSnapshot } from "../../memory-excel";
import { addXlfnPrefixes } from "./xlfn";

/** ST_DataValidationType. */
export type FileValidationType = "whole" | "decimal" | "list" | "date" | "time" | "textLength" | "custom";
/** ST_DataValidationOperator. */
export type FileValidationOperator =
  | "between"
  | "notBetween"
  | "equal"
  | "notEqual"
  | "lessThan"
  | "lessThanOrEqual"
  | "greaterThan"
  | "greaterThanOrEqual";

/** One <dataValidation> as the file stores it. */
export interface FileDataValidation {
  type: FileValidationType;
  /** Absent = between (the schema's default, which Excel omits). */
  operator?: FileValidationOperator;
  allowBlank: boolean;
  showDropDown?: boolean;
  showErrorMessage: boolean;
  errorStyle: "stop" | "warning" | "information";
  errorTitle: string;
  error: string;
  showInputMessage: boolean;
  promptTitle: string;
  prompt: string;
  /** Space-separated areas (ST_Sqref). */
  sqref: string;
  formula1?: string;
  formula2?: string;
}

const TYPES: Record<string, FileValidationType> = {
  wholeNumber: "whole",
  decimal: "decimal",
  list: "list",
  date: "date",
  time: "time",
  textLength: "textLength",
  custom: "custom",
};

/** Office.js DataValidationOperator → ST_DataValidationOperator. */
const OPERATORS: Record<string, FileValidationOperator> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};

const ALERT_STYLES: Record<string, FileDataValidation["errorStyle"]> = { Stop: "stop", Warning: "warning", Information: "information" };

/** "=A1+1" → "A1+1" with _xlfn. prefixes. */
function formulaText(formula: string): string {
  return addXlfnPrefixes(formula.replace(/^=/, ""));
}

/** "hh:mm[:ss]" → fraction of a day. */
function timeFraction(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(text.trim());
  if (!m) return null;
  return (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86400;
}

/** An Office.js operand (number, "=formula", or for dates an ISO string) as the file's formula text. */
export function operandText(value: unknown, type: FileValidationType): string {
  if (typeof value === "number") return String(value);
  if (value instanceof Date) {
    const serial = isoToSerial(value.toISOString().slice(0, 10));
    return serial === null ? "" : String(serial);
  }
  const text = String(value ?? "");
  if (text.startsWith("=")) return formulaText(text);
  if (type === "date") {
    const [day = "", time] = text.split("T");
    const serial = isoToSerial(day);
    if (serial !== null) {
      const fraction = time ? (timeFraction(time.replace(/Z$/, "")) ?? 0) : 0;
      return String(serial + fraction);
    }
  }
  if (type === "time") {
    const fraction = timeFraction(text);
    if (fraction !== null) return String(fraction);
  }
  return formulaText(text);
}

/** The file's rule of a snapshot validation; null when it has no rule (only a prompt or alert was set). */
export function fileValidationOf(v: ValidationSnapshot): FileDataValidation | null {
  if (!v.rule) return null;
  const [kind, body] = Object.entries(v.rule)[0] ?? [];
  const type = kind ? TYPES[kind] : undefined;
  if (!type || !body) return null;
  const rule: FileDataValidation = {
    type,
    allowBlank: v.ignoreBlanks,
    showErrorMessage: v.errorAlert.showAlert,
    errorStyle: ALERT_STYLES[v.errorAlert.style] ?? "stop",
    errorTitle: v.errorAlert.title,
    error: v.errorAlert.message,
    showInputMessage: v.prompt.showPrompt,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    sqref: v.range
      .split(",")
      .map((area) => area.trim())
      .filter((area) => area !== "")
      .join(" "),
  };
  if (type === "list") {
    const source = String(body.source ?? "");
    rule.formula1 = source.startsWith("=") ? formulaText(source) : `"${source.replace(/"/g, '""')}"`;
    // The attribute is inverted: showDropDown="1" hides the in-cell arrow (ECMA-376 §18.3.1.32).
    if (body.inCellDropDown === false) rule.showDropDown = true;
    return rule;
  }
  if (type === "custom") {
    rule.formula1 = operandText(body.formula, type);
    return rule;
  }
  const operator = OPERATORS[String(body.operator)] ?? "between";
  if (operator !== "between") rule.operator = operator;
  rule.formula1 = operandText(body.formula1, type);
  const binary = operator === "between" || operator === "notBetween";
  if (binary && body.formula2 !== undefined && body.formula2 !== null && body.formula2 !== "") rule.formula2 = operandText(body.formula2, type);
  return rule;
}

/**
 * Attribute values keep tabs and line breaks as character references (&#9; &#10; &#13;): a raw one would be
 * read back as a space (XML 1.0 §3.3.3). In element text the references mean the same characters.
 */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: true,
  entities: [
    { regex: /&/g, val: "&amp;" },
    { regex: />/g, val: "&gt;" },
    { regex: /</g, val: "&lt;" },
    { regex: /'/g, val: "&apos;" },
    { regex: /"/g, val: "&quot;" },
    { regex: /\t/g, val: "&#9;" },
    { regex: /\n/g, val: "&#10;" },
    { regex: /\r/g, val: "&#13;" },
  ],
} as ConstructorParameters<typeof XMLBuilder>[0]);

/**
 * Elements already built, by their rules' JSON (every field a string, boolean or absent): a batch's workbooks share
 * their template's rules sheet by sheet. Bounded: cleared when full.
 */
const builtElements = new Map<string, string>();

/** The <dataValidations> element of a sheet's rules ("" when there are none). */
export function dataValidationsXml(rules: readonly FileDataValidation[]): string {
  if (rules.length === 0) return "";
  return kept(builtElements, JSON.stringify(rules), 256, () => buildDataValidationsXml(rules));
}

function buildDataValidationsXml(rules: readonly FileDataValidation[]): string {
  const node = (r: FileDataValidation) => {
    // Attribute order as CT_DataValidation lists them; false flags and empty texts are left out (schema defaults).
    const attrs: Record<string, string> = { "@_type": r.type };
    // errorStyle is written even for "stop" (the schema default, which Excel omits) so that every reader sees it.
    attrs["@_errorStyle"] = r.errorStyle;
    if (r.operator) attrs["@_operator"] = r.operator;
    if (r.allowBlank) attrs["@_allowBlank"] = "1";
    if (r.showDropDown) attrs["@_showDropDown"] = "1";
    if (r.showInputMessage) attrs["@_showInputMessage"] = "1";
    if (r.showErrorMessage) attrs["@_showErrorMessage"] = "1";
    if (r.errorTitle) attrs["@_errorTitle"] = r.errorTitle;
    if (r.error) attrs["@_error"] = r.error;
    if (r.promptTitle) attrs["@_promptTitle"] = r.promptTitle;
    if (r.prompt) attrs["@_prompt"] = r.prompt;
    attrs["@_sqref"] = r.sqref;
    return {
      ...attrs,
      ...(r.formula1 !== undefined ? { formula1: r.formula1 } : {}),
      ...(r.formula2 !== undefined ? { formula2: r.formula2 } : {}),
    };
  };
  return builder.build({ dataValidations: { "@_count": rules.length, dataValidation: rules.map(node) } }) as string;
}

/** CT_Worksheet's elements after <dataValidations>, in schema order: the new element goes before the first present. */
const AFTER_DATA_VALIDATIONS = [
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const NEXT_ELEMENT = new RegExp(`<(?:${AFTER_DATA_VALIDATIONS.join("|")})[\\s/>]|</worksheet>`, "g");
const DATA_VALIDATIONS = /<dataValidations[\s>]/g;

/** The worksheet XML with `element` (a <dataValidations>) inserted where CT_Worksheet orders it. */
export function insertDataValidations(sheetXml: string, element: string): string {
  if (element === "") return sheetXml;
  // All of these come after <sheetData> (CT_Worksheet): the cells, most of the part, are not searched.
  const start = Math.max(0, sheetXml.lastIndexOf("</sheetData>"));
  DATA_VALIDATIONS.lastIndex = start;
  if (DATA_VALIDATIONS.test(sheetXml)) throw new Error("worksheet already has a dataValidations element");
  NEXT_ELEMENT.lastIndex = start;
  const match = NEXT_ELEMENT.exec(sheetXml);
  if (!match) throw new Error("worksheet XML has no closing tag");
  return sheetXml.slice(0, match.index) + element + sheetXml.slice(match.index);
}
