/**
 * `pipbook repair <file.xlsx>`: finishes a save that stopped half-way. The add-in writes a save journal into the
 * workbook before any command that changes what a person entered (src/excel/journal.ts); a workbook whose journal
 * still carries its "saving" marker was left half-written — by Excel failing a command, or by the file being saved
 * while the pane was writing. This runs the add-in's own finish (WorkbookPort.finishInterruptedSave) on the
 * in-memory Excel and writes the file back, after copying the file as it was to <name>.bak.xlsx.
 */
import { copyFile } from "node:fs/promises";
import path from "node:path";
import { MemoryExcel } from "../memory-excel";
import { createWorkbookPort } from "../excel/office-port";
import { cliText } from "../i18n/cli";
import type { CommandContext } from "./commands";
import { CliError, EXIT_FAILED, EXIT_OK } from "./errors";
import { readInputFile, writeFileAtomic } from "./files";
import { readXlsx } from "./xlsx/read-xlsx";
import { snapshotToXlsx } from "./xlsx/write-xlsx";
import { deflateZip } from "./xlsx/deflate-zip";

export async function runRepair(context: CommandContext, file: string): Promise<number> {
  const bytes = await readInputFile(file);
  let memory: MemoryExcel;
  try {
    // Formulas stay formulas, so the file written back computes as before.
    const read = await readXlsx(bytes, { formulaCells: "formulas" });
    memory = MemoryExcel.fromSnapshot(read.snapshot, { engine: null, countBatchBytes: false });
  } catch (error) {
    throw new CliError("file.notXlsx", { file }, 1, { cause: error });
  }
  const port = createWorkbookPort((batch) => memory.run(batch));
  const read = await port.readPlan();
  const say = (key: Parameters<typeof cliText>[1], params: Record<string, string>) => `${cliText(context.language, key, params)}\n`;
  if (!read.interrupted) {
    context.io.stdout(say("repair.nothing", { file }));
    return EXIT_OK;
  }
  if (!read.interrupted.journal) {
    context.io.stderr(`pipbook: ${say("repair.damaged", { file, time: read.interrupted.savedAt })}`);
    return EXIT_FAILED;
  }
  const backup = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.bak.xlsx`);
  await copyFile(file, backup);
  await port.finishInterruptedSave();
  await writeFileAtomic(file, await snapshotToXlsx(memory.snapshot({ shownText: false }), { compress: deflateZip }));
  context.io.stdout(say("repair.done", { file, time: read.interrupted.savedAt, backup }));
  return EXIT_OK;
}
