/**
 * A plan from a file the user names: a plan JSON (src/core/plan-file.ts) or a PIP workbook (.xlsx, read by the
 * same reader as the add-in through the in-memory Excel). Findings carry the file's places: JSON line/column or
 * path, workbook sheet + cell.
 */
import path from "node:path";
import type { Finding } from "../core/findings";
import type { Plan } from "../core/model";
import { parsePlanJson } from "../core/plan-file";
import { CliError, usageError } from "./errors";
import { readInputFile } from "./files";
import { readWorkbook } from "./workbook-io";

export type PlanFileKind = "json" | "xlsx";

export interface LoadedPlan {
  file: string;
  kind: PlanFileKind;
  /** null when the JSON is malformed or does not fit the schema (the findings say where). */
  plan: Plan | null;
  findings: Finding[];
}

export function planFileKind(file: string): PlanFileKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  throw usageError("usage.badExtension", { file });
}

/** Load a plan JSON; bad JSON or schema problems come back as findings, a missing/locked file as a CliError. */
export async function loadPlanJson(file: string): Promise<LoadedPlan> {
  const bytes = await readInputFile(file);
  const result = parsePlanJson(new TextDecoder("utf-8").decode(bytes), file);
  return result.ok ? { file, kind: "json", plan: result.plan, findings: [] } : { file, kind: "json", plan: null, findings: result.findings };
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
