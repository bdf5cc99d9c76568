/**
 * `pipbook pdf plan.xlsx -o plan.pdf`: the PIP workbook printed for the personnel file, by headless LibreOffice
 * (src/cli/libreoffice.ts) with the print setup the layout declares for each sheet (A4, fit to pages, header rows
 * repeated, the Sign-off sheet on one page). A plan JSON is first made into the workbook the add-in makes
 * (`--lang`, `--as-of` as for generate). The workbook is copied to a private folder, so LibreOffice never touches
 * the user's file, and the PDF is written to its place atomically.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Language } from "../core/model";
import { validatePlan } from "../core/validate";
import { cliText } from "../i18n/cli";
import { CliError, EXIT_FAILED, EXIT_OK, reasonOf, usageError } from "./errors";
import { readInputFile, writeFileAtomic } from "./files";
import { findSoffice, recalcWithLibreOffice } from "./libreoffice";
import { loadPlanJson, planFileKind } from "./plan-source";
import { generateWorkbook } from "./workbook-io";
import type { CommandContext } from "./commands";

/** Pages of a PDF LibreOffice wrote: its page objects (`/Type /Page`, not the `/Pages` tree nodes). */
export function pdfPageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

export async function runPdf(
  context: CommandContext,
  file: string,
  options: { output: string; workbookLanguage?: Language; asOf?: string },
): Promise<number> {
  if (path.extname(options.output).toLowerCase() !== ".pdf") throw usageError("usage.outputNotPdf", { file: options.output });
  const kind = planFileKind(file);
  if (findSoffice() === null) throw new CliError("pdf.noLibreOffice", {});
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "pipbook-pdf-"));
  try {
    let workbook: Uint8Array;
    if (kind === "json") {
      const loaded = await loadPlanJson(file);
      if (loaded.plan === null) {
        for (const f of loaded.findings) context.io.stderr(`pipbook: ${f.message[context.language]}\n`);
        return EXIT_FAILED;
      }
      const errors = validatePlan(loaded.plan).filter((f) => f.severity === "error").length;
      if (errors > 0) {
        context.io.stderr(`pipbook: ${cliText(context.language, "generate.invalidPlan", { file, count: errors })}\n`);
        return EXIT_FAILED;
      }
      workbook = await generateWorkbook(loaded.plan, { language: options.workbookLanguage ?? loaded.plan.header.language, asOf: options.asOf });
    } else {
      workbook = await readInputFile(file);
    }
    const copy = path.join(work, "plan.xlsx");
    await fs.writeFile(copy, workbook);
    let pdfFile: string;
    try {
      const [output] = (await recalcWithLibreOffice([copy], work, { convertTo: "pdf" })).outputs;
      if (output === undefined) throw new Error("LibreOffice wrote no PDF");
      pdfFile = output;
    } catch (error) {
      throw new CliError("pdf.failed", { file, reason: reasonOf(error) }, EXIT_FAILED, { cause: error });
    }
    const pdf = await fs.readFile(pdfFile);
    await writeFileAtomic(options.output, pdf);
    context.io.stdout(`${cliText(context.language, "pdf.done", { file: options.output, pages: pdfPageCount(pdf) })}\n`);
    return EXIT_OK;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
