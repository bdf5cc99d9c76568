/**
 * `pipbook export plan.xlsx --for employee -o copy.xlsx`: the employee's copy of a PIP workbook (issue 17, item 2),
 * without what the layout declares HR's and the manager's only (src/workbook/audience.ts; the README's "Who sees
 * what" table). The copy is made the way `generate` makes a workbook — the add-in's own writer, on an empty
 * in-memory Excel — from the plan the workbook holds with the restricted fields emptied (src/cli/xlsx/employee-copy.ts,
 * shared with the preview's pane command).
 */
import path from "node:path";
import { cliText } from "../i18n/cli";
import { CliError, EXIT_FAILED, EXIT_OK, usageError } from "./errors";
import { readIfExists, readInputFile, sameFile, writeFileAtomic } from "./files";
import { minus, rowKey } from "../core/merge";
import { employeePlan } from "../workbook/audience";
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

/**
 * The copy replaces nothing but an earlier copy for the same employee whose every check-in, adjustment and signature
 * the new copy has too — so that nothing is lost: not another person's workbook, not one holding items for HR and the
 * manager only, not any other file (the workbook it is made from is refused before: runExport's sameFile).
 */
async function refuseToReplace(output: string, copy: Plan): Promise<void> {
  const there = await readIfExists(output);
  if (there === null) return;
  const read = await readWorkbook(there, output).catch(() => null);
  if (!read?.plan) throw new CliError("export.exists", { file: output });
  const theirs = read.plan;
  const sameEmployee = theirs.header.employeeId === copy.header.employeeId && theirs.header.employeeName === copy.header.employeeName;
  const onlyShared = rowKey(employeePlan(theirs)) === rowKey(theirs);
  const nothingLost = [minus(theirs.tracking, copy.tracking), minus(theirs.adjustments, copy.adjustments), minus(theirs.signOff, copy.signOff)].every((lost) => lost.length === 0);
  if (!sameEmployee || !onlyShared || !nothingLost) throw new CliError("export.wouldLose", { file: output });
}

export async function runExport(context: CommandContext, file: string, options: { output: string; for: string; asOf?: string }): Promise<number> {
  if (options.for !== "employee") throw usageError("usage.exportFor", { value: options.for });
  if (path.extname(options.output).toLowerCase() !== ".xlsx") throw usageError("usage.outputNotXlsx", { file: options.output });
  if (await sameFile(file, options.output)) throw new CliError("export.sameFile", { file: options.output });
  const copy = await employeeCopy(await readInputFile(file), file, { asOf: options.asOf });
  if (copy === null) {
    context.io.stderr(`pipbook: ${cliText(context.language, "export.noPlan", { file })}\n`);
    return EXIT_FAILED;
  }
  await refuseToReplace(options.output, copy.plan);
  await writeFileAtomic(options.output, copy.bytes);
  context.io.stdout(`${cliText(context.language, "export.done", { file: options.output, count: copy.left })}\n`);
  return EXIT_OK;
}
