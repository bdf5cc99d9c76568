/**
 * `pipbook export plan.xlsx --for employee -o copy.xlsx`: the employee's copy of a PIP workbook (issue 17, item 2),
 * without what the layout declares HR's and the manager's only (src/workbook/audience.ts; the README's "Who sees
 * what" table). The copy is made the way `generate` makes a workbook — the add-in's own writer, on an empty
 * in-memory Excel — from the plan the workbook holds with the restricted fields emptied, so it still computes; then
 * the restricted formula cells (the suggested outcome) are left empty, and the copy carries no seal and no journal
 * (the original file keeps the record of what was signed). Nothing restricted is ever written into the copy: not in
 * a cell, not in the save journal, not in a cached value.
 */
import path from "node:path";
import { createMemoryExcel, type WorkbookSnapshot } from "../memory-excel";
import { createWorkbookPort } from "../excel/office-port";
import type { Language, Plan } from "../core/model";
import { cliText } from "../i18n/cli";
import { columnLetter, defaultSheetNames, recordRowOf } from "../workbook";
import { employeePlan, restrictedColumns } from "../workbook/audience";
import { EXIT_FAILED, EXIT_OK, usageError } from "./errors";
import { readInputFile, writeFileAtomic } from "./files";
import { readWorkbook } from "./workbook-io";
import { snapshotToXlsx } from "./xlsx/write-xlsx";
import type { CommandContext } from "./commands";

/** The journal sheet (src/excel/journal.ts) and the columns of the seal beside it (src/excel/seal.ts). */
const JOURNAL_SHEET = "PIP_Journal";

/** Empties the restricted formula cells and the seal in a written workbook's snapshot. */
function leaveOut(snapshot: WorkbookSnapshot, plan: Plan, language: Language): WorkbookSnapshot {
  const names = defaultSheetNames(language);
  const drop = new Map<string, Set<string>>();
  for (const { table, column } of restrictedColumns(plan)) {
    if (column.kind !== "formula") continue;
    // Only label/value tables declare restricted formulas (the suggested outcome); a list column would need its rows.
    if (table.shape !== "record") throw new Error(`audience: ${table.name}.${column.key} is a restricted formula column of a list table`);
    const sheet = names[table.sheet];
    if (!drop.has(sheet)) drop.set(sheet, new Set());
    drop.get(sheet)!.add(`${columnLetter(table.anchor.col + 1)}${recordRowOf(table, column.key)}`);
  }
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => {
      const cells = drop.get(sheet.name);
      if (sheet.name === JOURNAL_SHEET) return { ...sheet, cells: [] };
      if (!cells) return sheet;
      return { ...sheet, cells: sheet.cells.map((c) => (cells.has(c.address) ? { address: c.address, value: null, type: "Empty", text: "", format: c.format } : c)) };
    }),
  } as WorkbookSnapshot;
}

/** The employee's copy of the PIP workbook in `bytes`, as .xlsx bytes; null when the file holds no plan. */
export async function employeeCopy(bytes: Uint8Array, file: string, options: { asOf?: string } = {}): Promise<{ bytes: Uint8Array; plan: Plan; left: number } | null> {
  const read = await readWorkbook(bytes, file);
  if (read.plan === null) return null;
  const language = read.plan.header.language;
  const plan = employeePlan(read.plan);
  const memory = createMemoryExcel({ engine: null, sheets: [] });
  const port = createWorkbookPort((batch) => memory.run(batch), { asOf: options.asOf ?? null });
  await port.writePlan(plan, { language, asOf: options.asOf ?? null });
  const snapshot = leaveOut(memory.snapshot(), read.plan, language);
  return { bytes: await snapshotToXlsx(snapshot), plan, left: restrictedColumns(read.plan).length };
}

export async function runExport(context: CommandContext, file: string, options: { output: string; for: string; asOf?: string }): Promise<number> {
  if (options.for !== "employee") throw usageError("usage.exportFor", { value: options.for });
  if (path.extname(options.output).toLowerCase() !== ".xlsx") throw usageError("usage.outputNotXlsx", { file: options.output });
  const copy = await employeeCopy(await readInputFile(file), file, { asOf: options.asOf });
  if (copy === null) {
    context.io.stderr(`pipbook: ${cliText(context.language, "export.noPlan", { file })}\n`);
    return EXIT_FAILED;
  }
  await writeFileAtomic(options.output, copy.bytes);
  context.io.stdout(`${cliText(context.language, "export.done", { file: options.output, count: copy.left })}\n`);
  return EXIT_OK;
}
