/**
 * One code path for the add-in and the CLI: the add-in's own writer and reader (src/excel, through the
 * WorkbookPort) run headless against the in-memory Excel (src/memory-excel, with no formula engine —
 * HyperFormula is GPL and not needed here); the CLI only converts between that workbook and an .xlsx file.
 *
 *   generate: plan → port.writePlan on an empty in-memory Excel → snapshot → .xlsx (ExcelJS + chart parts)
 *   update:   .xlsx → in-memory Excel → port.writePlan (the pane's Save: read → merge → write, rows entered in
 *             Excel kept) → snapshot → .xlsx
 *   read:     .xlsx → snapshot (ExcelJS) → in-memory Excel → port.readPlan → plan + findings with sheet and cell
 */
import { createMemoryExcel, MemoryExcel } from "../memory-excel";
import { columnLetter } from "../workbook";
import { createWorkbookPort } from "../excel/office-port";
import { InterruptedSaveError, PreflightError, WorkbookConflictError } from "../excel/port";
import type { Finding } from "../core/findings";
import type { Language, Plan } from "../core/model";
import { cliText } from "../i18n/cli";
import { CliError } from "./errors";
import { snapshotToXlsx } from "./xlsx/write-xlsx";
import { deflateZip } from "./xlsx/deflate-zip";
import { readXlsx, XlsxReadError, type XlsxReadOptions } from "./xlsx/read-xlsx";
import type { CellRepair, PartRepair } from "./xlsx/package-fix";
import { checkPipCells, type CellProbe, type WorkbookProbe } from "../excel/reader-checks";
import type { WorkbookSnapshot } from "../memory-excel";

export interface GenerateOptions {
  /** Language of sheet names and headers. */
  language: Language;
  /** A fixed "as of" date written into the workbook instead of its live =TODAY(). */
  asOf?: string;
}

/** The workbook the add-in makes for `plan`, as .xlsx bytes. */
export async function generateWorkbook(plan: Plan, options: GenerateOptions): Promise<Uint8Array> {
  const memory = createMemoryExcel({ engine: null, sheets: [], countBatchBytes: false });
  const port = createWorkbookPort((batch) => memory.run(batch), { asOf: options.asOf ?? null });
  await port.writePlan(plan, { language: options.language, asOf: options.asOf ?? null });
  return snapshotToXlsx(memory.snapshot({ shownText: false }), { compress: deflateZip });
}

export interface WorkbookRead {
  /** null when the workbook holds no PIP tables. */
  plan: Plan | null;
  /** Reader and validation findings, each with sheet and cell. */
  findings: Finding[];
}

interface LoadedMemory {
  memory: MemoryExcel;
  repairs: CellRepair[];
  partRepairs: PartRepair[];
  probe: WorkbookProbe;
}

/** The reader checks' view of the file: the tables, each cell's shown value and whether it holds a formula. */
function probeOf(snapshot: WorkbookSnapshot, formulas: Map<string, Map<string, string>>): WorkbookProbe {
  const cells = new Map<string, Map<string, CellProbe>>();
  for (const sheet of snapshot.sheets) {
    const byAddress = new Map<string, CellProbe>();
    const sheetFormulas = formulas.get(sheet.name);
    for (const c of sheet.cells) {
      byAddress.set(c.address, { value: c.value, formula: sheetFormulas?.get(c.address) ?? c.formula ?? null, error: c.type === "Error" });
    }
    for (const [address, formula] of sheetFormulas ?? []) if (!byAddress.has(address)) byAddress.set(address, { value: null, formula });
    cells.set(sheet.name, byAddress);
  }
  return {
    formulasKnown: true,
    tables: snapshot.tables.map((t) => ({ name: t.name, sheet: t.sheet, range: t.range, headers: t.headers })),
    cell: (sheet, row, col) => cells.get(sheet)?.get(`${columnLetter(col)}${row}`) ?? null,
  };
}

async function loadMemory(bytes: Uint8Array, file: string, formulaCells: XlsxReadOptions["formulaCells"]): Promise<LoadedMemory> {
  try {
    const read = await readXlsx(bytes, { formulaCells });
    return {
      memory: MemoryExcel.fromSnapshot(read.snapshot, { engine: null, countBatchBytes: false }),
      repairs: read.repairs,
      partRepairs: read.partRepairs,
      probe: probeOf(read.snapshot, read.formulas),
    };
  } catch (error) {
    if (error instanceof XlsxReadError && error.kind === "encrypted") throw new CliError("file.encrypted", { file }, 1, { cause: error });
    // The zip library's or ExcelJS's own sentence is no help to a person: it goes behind --debug (the cause).
    throw new CliError("file.notXlsx", { file }, 1, { cause: error });
  }
}

function repairFinding(repair: CellRepair): Finding {
  return {
    code: "CELL_UNREADABLE",
    severity: "error",
    location: { entity: "header", sheet: repair.sheet, cell: repair.cell },
    message: { "zh-CN": cliText("zh-CN", "cell.brokenSharedString"), "en-US": cliText("en-US", "cell.brokenSharedString") },
  };
}

function partFinding(repair: PartRepair): Finding {
  const key = `part.${repair.kind}` as const;
  const params = { sheet: repair.sheet ?? repair.part, table: repair.table ?? repair.part };
  const location: Finding["location"] = { entity: "header" };
  if (repair.sheet) location.sheet = repair.sheet;
  return {
    code: "PART_DAMAGED",
    severity: repair.kind === "styles" ? "warning" : "error",
    location,
    message: { "zh-CN": cliText("zh-CN", key, params), "en-US": cliText("en-US", key, params) },
  };
}

/** Read the plan of an .xlsx with the add-in's reader. Throws a CliError naming `file` when it is not a readable .xlsx. */
export async function readWorkbook(bytes: Uint8Array, file: string): Promise<WorkbookRead> {
  // Office.js `Range.values` gives computed results; the file's cached results play that part here.
  const { memory, repairs, partRepairs, probe } = await loadMemory(bytes, file, "cachedValues");
  // Formula cells hold the file's cached results here: the formula checks run on the file itself (below).
  const port = createWorkbookPort((batch) => memory.run(batch), { formulaChecks: false });
  const result = await port.readPlan();
  // The cell checks only mean something in a PIP workbook.
  // The reader ran the value checks itself (checkLoadedTables); the formula and around-the-table checks need the file.
  const checks = result.plan === null ? [] : checkPipCells(probe, { values: false, formulasAndSurroundings: true });
  return { plan: result.plan, findings: [...partRepairs.map(partFinding), ...repairs.map(repairFinding), ...result.findings, ...checks] };
}

/** Rows a person enters in a PIP workbook after it is generated (check-ins, adjustments, signatures, the evaluation). */
export function enteredRows(plan: Plan): number {
  const evaluation = plan.evaluation;
  const evaluated = evaluation.date !== null || evaluation.outcome !== null || evaluation.decision !== null ? 1 : 0;
  return plan.tracking.length + plan.adjustments.length + plan.signOff.filter((s) => s.date !== null).length + evaluated;
}

export interface WorkbookUpdate {
  bytes: Uint8Array;
  /** Rows the workbook held that the plan did not (kept, never dropped). */
  keptRows: number;
}

/**
 * Write `plan` into an existing PIP workbook the way the task pane's Save does: the port reads the workbook,
 * merges (src/core/merge.ts, without a base: every row the workbook holds that the plan lacks is kept) and writes.
 * A write that would cover someone's cells is refused (WorkbookConflictError) and becomes a CliError.
 */
export async function updateWorkbook(bytes: Uint8Array, file: string, plan: Plan, options: GenerateOptions): Promise<WorkbookUpdate> {
  // Formulas stay formulas (not their cached results), so that the file written back computes as before.
  const { memory } = await loadMemory(bytes, file, "formulas");
  const port = createWorkbookPort((batch) => memory.run(batch), { asOf: options.asOf ?? null });
  try {
    const report = await port.writePlan(plan, { language: options.language, asOf: options.asOf ?? null });
    return { bytes: await snapshotToXlsx(memory.snapshot({ shownText: false }), { compress: deflateZip }), keptRows: report.keptRows };
  } catch (error) {
    // A PIP sheet with a password, a name Excel would take for a PIP table's, an unfinished save that cannot be
    // finished: the add-in's own sentence, in both languages, and the file left as it was.
    if (error instanceof PreflightError || error instanceof InterruptedSaveError) {
      throw new CliError("file.saveRefused", { file, reason: error.localized }, 1, { cause: error });
    }
    if (error instanceof WorkbookConflictError) {
      const cells = error.cells.slice(0, 5).map((c) => `${c.sheet}!${c.cell}`).join(", ") + (error.cells.length > 5 ? ", …" : "");
      throw new CliError("file.conflict", { file, cells }, 1, { cause: error });
    }
    throw error;
  }
}
