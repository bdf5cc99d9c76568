/**
 * `pipbook export plan.xlsx --for employee -o copy.xlsx`: the employee's copy of a PIP workbook (issue 17, item 2),
 * without what the layout declares HR's and the manager's only (src/workbook/audience.ts; the README's "Who sees
 * what" table). The copy is made the way `generate` makes a workbook — the add-in's own writer, on an empty
 * in-memory Excel — from the plan the workbook holds with the restricted fields emptied (src/cli/xlsx/employee-copy.ts,
 * shared with the preview's pane command).
 */
import path from "node:path";
import { cliText } from "../i18n/cli";
import { EXIT_FAILED, EXIT_OK, usageError } from "./errors";
import { readInputFile, writeFileAtomic } from "./files";
import { readWorkbook } from "./workbook-io";
import { employeeCopyOfPlan } from "./xlsx/employee-copy";
import { deflateZip } from "./xlsx/deflate-zip";
import type { Plan } from "../core/model";
import type { CommandContext } from "./commands";

/** The employee's copy of the PIP workbook in `bytes`, as .xlsx bytes; null when the file holds no plan. */
export async function employeeCopy(bytes: Uint8Array, file: string, options: { asOf?: string } = {}): Promise<{ bytes: Uint8Array; plan: Plan; left: number } | null> {
  const read = await readWorkbook(bytes, file);
  if (read.plan === null) return null;
  return employeeCopyOfPlan(read.plan, { asOf: options.asOf, compress: deflateZip });
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
