/**
 * One code path for the add-in and the CLI: the add-in's own writer and reader (src/excel, through the
 * WorkbookPort) run headless against the in-memory Excel (src/preview/memory-excel, with no formula engine —
 * HyperFormula is GPL and not needed here); the CLI only converts between that workbook and an .xlsx file.
 *
 *   generate: plan → port.writePlan on an empty in-memory Excel → snapshot → .xlsx (ExcelJS + chart parts)
 *   read:     .xlsx → snapshot (ExcelJS) → in-memory Excel → port.readPlan → plan + findings with sheet and cell
 */
import { createMemoryExcel, MemoryExcel } from "../preview/memory-excel";
import { createWorkbookPort } from "../excel/office-port";
import type { Finding } from "../core/findings";
import type { Language, Plan } from "../core/model";
import { CliError, reasonOf } from "./errors";
import { snapshotToXlsx } from "./xlsx/write-xlsx";
import { xlsxToSnapshot, XlsxReadError } from "./xlsx/read-xlsx";

export interface GenerateOptions {
  /** Language of sheet names and headers. */
  language: Language;
  /** A fixed "as of" date written into the workbook instead of its live =TODAY(). */
  asOf?: string;
}

/** The workbook the add-in makes for `plan`, as .xlsx bytes. */
export async function generateWorkbook(plan: Plan, options: GenerateOptions): Promise<Uint8Array> {
  const memory = createMemoryExcel({ engine: null, sheets: [] });
  const port = createWorkbookPort((batch) => memory.run(batch), { asOf: options.asOf ?? null, canResizeTables: () => true });
  await port.writePlan(plan, { language: options.language, asOf: options.asOf ?? null });
  return snapshotToXlsx(memory.snapshot());
}

export interface WorkbookRead {
  /** null when the workbook holds no PIP tables. */
  plan: Plan | null;
  /** Reader and validation findings, each with sheet and cell. */
  findings: Finding[];
}

/** Read the plan of an .xlsx with the add-in's reader. Throws a CliError naming `file` when it is not a readable .xlsx. */
export async function readWorkbook(bytes: Uint8Array, file: string): Promise<WorkbookRead> {
  let memory: MemoryExcel;
  try {
    // Office.js `Range.values` gives computed results; the file's cached results play that part here.
    memory = MemoryExcel.fromSnapshot(await xlsxToSnapshot(bytes, { formulaCells: "cachedValues" }), { engine: null });
  } catch (error) {
    if (error instanceof XlsxReadError && error.kind === "encrypted") throw new CliError("file.encrypted", { file }, 1, { cause: error });
    throw new CliError("file.notXlsx", { file, reason: reasonOf(error) }, 1, { cause: error });
  }
  const port = createWorkbookPort((batch) => memory.run(batch));
  const result = await port.readPlan();
  return { plan: result.plan, findings: result.findings };
}
