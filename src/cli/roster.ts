/**
 * The batch roster: a CSV with one employee per row. Header names may be English or Chinese (see ROSTER_COLUMNS);
 * the file may be UTF-8 (with or without BOM) or GB18030/GBK, as Excel in Chinese saves "CSV".
 * Rows are numbered as a spreadsheet shows them: the header is row 1, the first employee row 2.
 */
import { parse } from "csv-parse/sync";
import { parseUserDate } from "../core/dates";
import type { CliMessageKey, CliParams } from "../i18n/cli";
import { CliError, reasonOf } from "./errors";

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
  planStart: ["planstart", "start", "startdate", "计划开始", "开始日期", "计划开始日期", "开始"],
  planEnd: ["planend", "end", "enddate", "计划结束", "结束日期", "计划结束日期", "结束"],
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

/** Decode CSV bytes: UTF-8 when valid (BOM dropped), else GB18030 (a superset of GBK). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** A roster date as ISO (the shared parser: 2024-04-01, 2024/4/1, 2024年4月1日, 4/1/2024); null when not a calendar date. */
export function parseRosterDate(text: string): string | null {
  return parseUserDate(text);
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** Parse roster CSV text. Throws a CliError for a file-level problem (not CSV, no header, missing columns). */
export function parseRoster(text: string, file: string): Roster {
  let records: ParsedRecord[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = typeof error === "object" && error !== null && "lines" in error ? Number((error as { lines: unknown }).lines) : 0;
    throw new CliError("roster.badCsv", { file, row: line || "?", reason: reasonOf(error) }, 1, { cause: error });
  }
  const nonBlank = records.filter((r) => r.record.some((cell) => cell.trim() !== ""));
  if (nonBlank.length === 0) throw new CliError("roster.empty", { file });

  const [headerRecord, ...dataRecords] = nonBlank;
  const columnOf = new Map<RosterField, number>();
  const headers: Partial<Record<RosterField, string>> = {};
  headerRecord.record.forEach((cell, index) => {
    const normalized = normalizeHeader(cell);
    for (const field of ROSTER_FIELDS) {
      if (!columnOf.has(field) && ROSTER_COLUMNS[field].includes(normalized)) {
        columnOf.set(field, index);
        headers[field] = cell.trim();
        break;
      }
    }
  });
  const missing = REQUIRED.filter((field) => !columnOf.has(field));
  if (missing.length > 0) throw new CliError("roster.missingColumns", { file, columns: missing.join(", ") });

  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  // Spreadsheet row numbers count the header as row 1; info.lines is the file line where the record ends.
  for (const { record, info } of dataRecords) {
    const row = info.lines;
    const values = {} as Record<RosterField, string>;
    for (const field of ROSTER_FIELDS) {
      const index = columnOf.get(field);
      values[field] = index === undefined ? "" : (record[index] ?? "").trim();
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
