/**
 * The batch roster: a CSV with one employee per row. Header names may be English or Chinese (see ROSTER_COLUMNS);
 * the file may be UTF-8 (with or without BOM), UTF-16 LE/BE ("Unicode text"), GB18030/GBK (Excel's Chinese "CSV")
 * or Windows-1252 (./text-encoding.ts), separated by ",", ";" (Excel where the decimal mark is a comma) or tab.
 * Rows are numbered as a spreadsheet shows them: the header is row 1, the first employee row 2, a quoted cell with
 * line breaks is one row, a blank line is a row.
 */
import { parse } from "csv-parse/sync";
import { parseUserDate, serialToIso } from "../core/dates";
import { cliText, type CliMessageKey, type CliParams } from "../i18n/cli";
import { CliError } from "./errors";
import { decodeText, encodingName, type TextEncoding } from "./text-encoding";

export const ROSTER_FIELDS = [
  "employeeName",
  "employeeId",
  "department",
  "position",
  "manager",
  "hrPartner",
  "planStart",
  "planEnd",
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

const REQUIRED: readonly RosterField[] = ["employeeName", "employeeId", "planStart", "planEnd"];

/** Accepted header names per field, compared after lower-casing and removing spaces, "_", "-" and ".". */
export const ROSTER_COLUMNS: Record<RosterField, readonly string[]> = {
  employeeName: ["employeename", "name", "employee", "fullname", "姓名", "员工姓名", "员工", "员工名称"],
  employeeId: ["employeeid", "id", "empid", "staffid", "工号", "员工编号", "员工工号", "编号"],
  department: ["department", "dept", "部门", "所属部门"],
  position: ["position", "role", "jobtitle", "岗位", "职位", "职务"],
  manager: ["manager", "linemanager", "directmanager", "直属上级", "直接上级", "上级", "经理", "直属经理"],
  hrPartner: ["hrpartner", "hr", "hrbp", "人力资源伙伴", "hr伙伴", "人力资源", "人事"],
  planStart: ["planstart", "start", "startdate", "计划开始", "开始日期", "计划开始日期", "计划开始时间", "开始时间", "开始"],
  planEnd: ["planend", "end", "enddate", "计划结束", "结束日期", "计划结束日期", "计划结束时间", "结束时间", "结束"],
};

function normalizeHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_\-.]+/g, "");
}

/** One roster row: values by field ("" when the column is absent), plus where it came from. */
export interface RosterRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  values: Record<RosterField, string>;
}

/** A row that cannot become a plan: its number and a message key with parameters. */
export interface RosterProblem {
  row: number;
  key: CliMessageKey;
  params: CliParams;
}

export interface Roster {
  rows: RosterRow[];
  /** Rows rejected while reading (a bad date, an empty required cell); the batch reports them and goes on. */
  problems: RosterProblem[];
  /** The header text of each field's column as written in the file (for messages). */
  headers: Partial<Record<RosterField, string>>;
}

/** The header names shown in messages, as a person writes them (the first Chinese and English name of each field). */
export const ROSTER_HEADER_NAMES: Record<RosterField, { "zh-CN": string; "en-US": string }> = {
  employeeName: { "zh-CN": "姓名", "en-US": "Employee Name" },
  employeeId: { "zh-CN": "工号", "en-US": "Employee ID" },
  department: { "zh-CN": "部门", "en-US": "Department" },
  position: { "zh-CN": "岗位", "en-US": "Position" },
  manager: { "zh-CN": "直属上级", "en-US": "Manager" },
  hrPartner: { "zh-CN": "HR伙伴", "en-US": "HR Partner" },
  planStart: { "zh-CN": "计划开始", "en-US": "Plan Start" },
  planEnd: { "zh-CN": "计划结束", "en-US": "Plan End" },
};

/** Decode CSV bytes of any of the encodings above (BOM dropped). */
export function decodeCsv(bytes: Uint8Array): string {
  return decodeText(bytes).text;
}

/** Decode and say which encoding was found (for the message when the header does not match). */
export function decodeRoster(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const decoded = decodeText(bytes);
  return { text: decoded.text, encoding: decoded.encoding };
}

const SEPARATORS = [",", ";", "\t"] as const;
type Separator = (typeof SEPARATORS)[number];

/** The separator of the header line: the one of , ; tab that occurs most often outside quotes. */
export function detectSeparator(text: string): Separator {
  const counts = new Map<Separator, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, "")) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch as Separator)) counts.set(ch as Separator, (counts.get(ch as Separator) ?? 0) + 1);
  }
  let best: Separator = ",";
  for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (counts.get(best) ?? 0)) best = s;
  return best;
}

/** Zero-width and other invisible characters do not make a name: removed before a cell is trimmed. */
function cleanCell(text: string): string {
  return text.replace(/[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/g, "").trim();
}

/**
 * A roster date as ISO; null when not a calendar date. The forms people type (the shared parser: 2024-04-01,
 * 2024/4/1, 2024年4月1日, 4/1/2024), and the two a spreadsheet exports: a date cell with its time ("2024/4/1 0:00",
 * Excel's "Save as CSV" of a date-time cell) and a date cell formatted as a number (45383, a serial of Excel's
 * 1900 date system, taken between 1950 and 2100 — 18264 to 73051 — so that an id is not read as a date).
 */
export function parseRosterDate(text: string): string | null {
  const t = text.normalize("NFKC").trim();
  if (/^\d{5}$/.test(t)) {
    const serial = Number(t);
    return serial >= 18264 && serial <= 73051 ? serialToIso(serial) : null;
  }
  const withTime = t.match(/^(.+?)\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?$/);
  return parseUserDate(withTime ? withTime[1]! : t);
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** How the file was read, for the message when its header does not match. */
export interface RosterReading {
  encoding?: TextEncoding;
}

/** Parse roster CSV text. Throws a CliError for a file-level problem (not CSV, no header, missing columns). */
export function parseRoster(text: string, file: string, reading: RosterReading = {}): Roster {
  const separator = detectSeparator(text);
  let records: ParsedRecord[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: false, delimiter: separator }) as unknown as ParsedRecord[];
  } catch (error) {
    // csv-parse counts file lines; a quoted multi-line cell makes that more than the spreadsheet row.
    const line = typeof error === "object" && error !== null && "lines" in error ? Number((error as { lines: unknown }).lines) : 0;
    const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
    // csv-parse's English sentence is replaced by ours; it stays behind --debug (the cause).
    const reason: CliParams[string] =
      code === "CSV_QUOTE_NOT_CLOSED"
        ? { "zh-CN": cliText("zh-CN", "csv.quoteNotClosed", { row: line || "?" }), "en-US": cliText("en-US", "csv.quoteNotClosed", { row: line || "?" }) }
        : code === "CSV_INVALID_CLOSING_QUOTE" || code === "INVALID_OPENING_QUOTE"
          ? { "zh-CN": cliText("zh-CN", "csv.quoteInCell"), "en-US": cliText("en-US", "csv.quoteInCell") }
          : { "zh-CN": cliText("zh-CN", "csv.other"), "en-US": cliText("en-US", "csv.other") };
    throw new CliError("roster.badCsv", { file, row: line || "?", reason }, 1, { cause: error });
  }
  // A spreadsheet shows each record as one row, a blank line as an empty row: row = position among all records.
  const numbered = records.map((r, index) => ({ record: r.record, row: index + 1 }));
  const nonBlank = numbered.filter((r) => r.record.some((cell) => cleanCell(cell) !== ""));
  const [headerRecord, ...dataRecords] = nonBlank;
  if (headerRecord === undefined) throw new CliError("roster.empty", { file });
  const columnOf = new Map<RosterField, number>();
  const headers: Partial<Record<RosterField, string>> = {};
  headerRecord.record.forEach((cell, index) => {
    const normalized = normalizeHeader(cleanCell(cell));
    for (const field of ROSTER_FIELDS) {
      if (!columnOf.has(field) && ROSTER_COLUMNS[field].includes(normalized)) {
        columnOf.set(field, index);
        headers[field] = cleanCell(cell);
        break;
      }
    }
  });
  const missing = REQUIRED.filter((field) => !columnOf.has(field));
  if (missing.length > 0) {
    const found = headerRecord.record.map((cell) => `“${cleanCell(cell).slice(0, 40)}”`).join(", ");
    throw new CliError("roster.missingColumns", {
      file,
      columns: {
        "zh-CN": missing.map((f) => ROSTER_HEADER_NAMES[f]["zh-CN"]).join("、"),
        "en-US": missing.map((f) => ROSTER_HEADER_NAMES[f]["en-US"]).join(", "),
      },
      found: found.length > 200 ? `${found.slice(0, 200)}…` : found,
      count: headerRecord.record.length,
      encoding: reading.encoding ? encodingName(reading.encoding) : "UTF-8",
      separator: separator === "\t" ? "Tab" : separator,
    });
  }

  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  for (const { record, row } of dataRecords) {
    const values = {} as Record<RosterField, string>;
    for (const field of ROSTER_FIELDS) {
      const index = columnOf.get(field);
      values[field] = index === undefined ? "" : cleanCell(record[index] ?? "");
    }
    const problem = checkRow(row, values, headers);
    if (problem) problems.push(problem);
    else rows.push({ row, values });
  }
  return { rows, problems, headers };
}

function checkRow(row: number, values: Record<RosterField, string>, headers: Partial<Record<RosterField, string>>): RosterProblem | null {
  for (const field of REQUIRED) {
    if (values[field] === "") return { row, key: "roster.emptyCell", params: { row, column: headers[field] ?? field } };
  }
  for (const field of ["planStart", "planEnd"] as const) {
    const iso = parseRosterDate(values[field]);
    if (iso === null) return { row, key: "roster.badDate", params: { row, column: headers[field] ?? field, value: values[field] } };
    values[field] = iso;
  }
  if (values.planEnd < values.planStart) {
    return { row, key: "roster.endBeforeStart", params: { row, start: values.planStart, end: values.planEnd } };
  }
  return null;
}
