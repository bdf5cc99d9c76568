/**
 * A plan from a file the user names: a plan JSON (src/core/plan-file.ts) or a PIP workbook (.xlsx, read by the
 * same reader as the add-in through the in-memory Excel). Findings carry the file's places: JSON line/column or
 * path, workbook sheet + cell.
 */
import path from "node:path";
import type { Finding } from "../core/findings";
import { at } from "../core/indexed";
import type { Plan } from "../core/model";
import { parsePlanJson } from "../core/plan-file";
import { CliError, usageError } from "./errors";
import { readInputFile } from "./files";
import { readWorkbook } from "./workbook-io";
import { cliText, type CliMessageKey, type CliParams } from "../i18n/cli";
import { decodeText, encodingName, firstInvalidUtf8, guessLegacyEncoding } from "./text-encoding";

export type PlanFileKind = "json" | "xlsx";

export interface LoadedPlan {
  file: string;
  kind: PlanFileKind;
  /** null when the JSON is malformed or does not fit the schema (the findings say where). */
  plan: Plan | null;
  findings: Finding[];
  /** A plan JSON's text (for placing findings at their line and column). */
  text?: string;
}

export function planFileKind(file: string): PlanFileKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  throw usageError("usage.badExtension", { file });
}

function encodingFinding(key: CliMessageKey, params: CliParams, place: { line?: number; column?: number; byte?: number }): Finding {
  return {
    code: "PLAN_NOT_UTF8",
    severity: "error",
    location: { entity: "header", ...place },
    message: { "zh-CN": cliText("zh-CN", key, params), "en-US": cliText("en-US", key, params) },
  };
}

/**
 * The text of a plan JSON, or the finding that it is not UTF-8 (RFC 8259 §8.1: JSON exchanged between systems is
 * UTF-8). Decoding it anyway would turn every Chinese character into "�" and write those into the workbook.
 */
export function planJsonText(bytes: Uint8Array, file: string): { text: string } | { finding: Finding } {
  const decoded = decodeText(bytes);
  if (decoded.encoding === "utf-16le" || decoded.encoding === "utf-16be") {
    return { finding: encodingFinding("plan.utf16", { file, encoding: encodingName(decoded.encoding) }, {}) };
  }
  const offset = firstInvalidUtf8(bytes);
  if (offset === -1) return { text: decoded.text };
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Everything before the bad byte is valid UTF-8: its characters on that line give the column an editor shows.
  const column = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset)).length + 1;
  const byte = at(bytes, offset, "the first byte that is not UTF-8").toString(16).toUpperCase().padStart(2, "0");
  const encoding = encodingName(guessLegacyEncoding(bytes));
  return { finding: encodingFinding("plan.notUtf8", { file, line, offset, byte, encoding }, { line, column, byte: offset }) };
}

/** Load a plan JSON; bad JSON or schema problems come back as findings, a missing/locked file as a CliError. */
export async function loadPlanJson(file: string): Promise<LoadedPlan> {
  const bytes = await readInputFile(file);
  const decoded = planJsonText(bytes, file);
  if ("finding" in decoded) return { file, kind: "json", plan: null, findings: [decoded.finding] };
  const result = parsePlanJson(decoded.text, file);
  return result.ok
    ? { file, kind: "json", plan: result.plan, findings: [], text: decoded.text }
    : { file, kind: "json", plan: null, findings: result.findings, text: decoded.text };
}

/** Load a plan from .json or .xlsx. A workbook without PIP tables is a CliError (not a PIP workbook). */
export async function loadPlanFile(file: string): Promise<LoadedPlan> {
  const kind = planFileKind(file);
  if (kind === "json") return loadPlanJson(file);
  const bytes = await readInputFile(file);
  const read = await readWorkbook(bytes, file);
  if (read.plan === null) throw new CliError("file.notPip", { file });
  return { file, kind, plan: read.plan, findings: read.findings };
}
