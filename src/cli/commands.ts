/**
 * The five commands. Each returns its exit code; bad input is thrown as a CliError (main.ts prints it).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { SingleBar, Presets } from "cli-progress";
import { sheetReference } from "../a1";
import { analyzePlan } from "../core/analysis";
import type { Finding } from "../core/findings";
import { at } from "../core/indexed";
import type { Language, Plan } from "../core/model";
import { rowKey } from "../core/merge";
import { defaultSheetNames } from "../workbook";
import { validatePlan } from "../core/validate";
import { placeInJson } from "../core/plan-file";
import { cliText, type CliMessageKey, type CliParams } from "../i18n/cli";
import { runBatch } from "./batch";
import { writeDashboard } from "./dashboard";
import { readForRollup, type RollupRead, type RollupRow } from "./rollup";
import { inParallel, WorkerPool, workerCount } from "./workers/pool";
import { answerHere } from "./workers/entry";
import type { WorkerReply } from "./workers/protocol";
import { CliError, errorJson, EXIT_FAILED, EXIT_OK, usageError } from "./errors";
import { cleanStaleTemporaries, isTemporaryName, readIfExists, readInputFile, requireDirectory, writeFileAtomic } from "./files";
import { loadPlanFile, loadPlanJson, planFileKind, type LoadedPlan } from "./plan-source";
import { analyzeJson, outcomeText, renderAnalysis, statusText } from "./report";
import { decodeRoster, parseRoster } from "./roster";
import { formatPercent, renderTable } from "./table";
import { enteredRows, generateWorkbook, readWorkbook, updateWorkbook, type WorkbookRead } from "./workbook-io";
import type { CliIo } from "./main";

export interface CommandContext {
  io: CliIo;
  /** Language of messages (and, unless the command says otherwise, of workbooks). */
  language: Language;
  debug: boolean;
}

function say(context: CommandContext, key: CliMessageKey, params: CliParams = {}): string {
  return cliText(context.language, key, params);
}

/**
 * `'Tracking log'!D7` for a workbook place; for a plan JSON `12:17 goals[2].target` (line:column as an editor
 * counts them, then the path), or `12:17` alone for a syntax error.
 */
export function locationText(finding: Finding): string {
  const l = finding.location as Finding["location"] & { line?: number; column?: number };
  if (l.sheet && l.cell) {
    return sheetReference(l.sheet, l.cell);
  }
  let text: string = l.entity;
  if (l.row !== undefined) text += `[${l.row}]`;
  if (l.field) text += `.${l.field}`;
  if (l.line === undefined) return text;
  const place = `${l.line}:${l.column ?? 1}`;
  return finding.code === "PLAN_JSON_SYNTAX" || finding.code === "PLAN_NOT_UTF8" ? place : `${place} ${text}`;
}

function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "error");
}

/** Print findings of a plan that could not be read at all (malformed JSON, wrong schema), one per line. */
function printUnreadable(context: CommandContext, loaded: LoadedPlan): number {
  for (const f of loaded.findings) context.io.stderr(`pipbook: ${f.message[context.language]}\n`);
  return EXIT_FAILED;
}

function validationFindings(loaded: LoadedPlan): Finding[] {
  if (loaded.plan === null) return loaded.findings;
  // The workbook reader already ran validatePlan and mapped each finding to its cell.
  if (loaded.kind === "xlsx") return loaded.findings;
  const findings = validatePlan(loaded.plan);
  return loaded.text === undefined ? findings : placeInJson(findings, loaded.text);
}

// --- generate ---------------------------------------------------------------------------------------------

export async function runGenerate(
  context: CommandContext,
  planFile: string,
  options: { output: string; workbookLanguage?: Language; asOf?: string; replace?: boolean },
): Promise<number> {
  if (path.extname(options.output).toLowerCase() !== ".xlsx") throw usageError("usage.outputNotXlsx", { file: options.output });
  if (planFileKind(planFile) !== "json") throw usageError("usage.templateNotJson", { file: planFile });
  const loaded = await loadPlanJson(planFile);
  if (loaded.plan === null) return printUnreadable(context, loaded);
  const errors = errorsOf(validationFindings(loaded));
  if (errors.length > 0) {
    for (const f of errors) context.io.stderr(`${locationText(f)}  ${f.code}  ${f.message[context.language]}\n`);
    context.io.stderr(`pipbook: ${say(context, "generate.invalidPlan", { file: planFile, count: errors.length })}\n`);
    return EXIT_FAILED;
  }
  await reportCleanedTemporaries(context, path.dirname(options.output));
  const language = options.workbookLanguage ?? loaded.plan.header.language;
  const existing = options.replace ? null : await readIfExists(options.output);
  if (existing !== null) {
    // Never a silent overwrite: a PIP workbook is updated like the pane's Save (entered rows kept); anything else is refused.
    const read = await readWorkbook(existing, options.output).catch((error: unknown) => {
      throw new CliError("file.existsUnreadable", { file: options.output }, EXIT_FAILED, { cause: error });
    });
    if (read.plan === null) throw new CliError("file.exists", { file: options.output });
    refuseUpdate(options.output, read, loaded.plan);
    const update = await updateWorkbook(existing, options.output, loaded.plan, { language, asOf: options.asOf });
    await writeFileAtomic(options.output, update.bytes);
    for (const edit of keptEdits(read.plan, loaded.plan, context.language)) context.io.stderr(`${say(context, "generate.keptEdited", edit)}\n`);
    context.io.stdout(`${say(context, "generate.updated", { file: options.output, kept: update.keptRows })}\n`);
    return EXIT_OK;
  }
  const replaced = options.replace === true && (await readIfExists(options.output)) !== null;
  const bytes = await generateWorkbook(loaded.plan, { language, asOf: options.asOf });
  await writeFileAtomic(options.output, bytes);
  context.io.stdout(`${say(context, replaced ? "generate.replaced" : "generate.done", { file: options.output })}\n`);
  return EXIT_OK;
}

/** "李娜 (E1024)": who a plan is about, for a message. */
function whoOf(plan: Plan): string {
  const { employeeName, employeeId } = plan.header;
  return employeeId ? `${employeeName} (${employeeId})` : employeeName;
}

/**
 * An update `generate -o` refuses, leaving the workbook as it is: another employee's workbook (the merge would put
 * two people's check-ins and signatures into one plan). A PIP table that lost a column header is the port's own
 * refusal, for the pane's Save too (office-port.ts writePlan: PreflightError "columnMissing").
 */
function refuseUpdate(file: string, read: WorkbookRead, plan: Plan): void {
  const theirs = read.plan!.header;
  const mine = plan.header;
  const differ = (a: string, b: string) => a.trim() !== "" && b.trim() !== "" && a.trim() !== b.trim();
  const other = theirs.employeeId && mine.employeeId ? differ(theirs.employeeId, mine.employeeId) : differ(theirs.employeeName, mine.employeeName);
  if (other) throw new CliError("file.otherEmployee", { file, found: whoOf(read.plan!), plan: whoOf(plan) });
}

/**
 * Rows the workbook holds that the plan file lacks, where the plan file has a row for the same date and goal (a
 * check-in), the same date (an adjustment) or the same role (a signature): most likely corrected in Excel. Both are
 * kept — nothing entered is dropped — and each pair is named by its sheet and values, so that the wrong one can go.
 */
function keptEdits(existing: Plan | null, plan: Plan, language: Language): CliParams[] {
  if (!existing) return [];
  const sheets = defaultSheetNames(existing.header.language);
  const out: CliParams[] = [];
  const pairs = <T extends object>(sheet: string, mine: readonly T[], theirs: readonly T[], same: (a: T, b: T) => boolean, what: CliMessageKey, fields: (keyof T)[]) => {
    const show = (row: T) => fields.map((f) => String(row[f] ?? "")).join(" · ");
    const inPlan = new Set(mine.map(rowKey));
    const inWorkbook = new Set(theirs.map(rowKey));
    for (const row of theirs) {
      if (inPlan.has(rowKey(row))) continue;
      const twin = mine.find((m) => !inWorkbook.has(rowKey(m)) && same(m, row));
      if (twin) out.push({ place: sheet, what: cliText(language, what), workbook: show(row), plan: show(twin) });
    }
  };
  pairs(sheets.tracking, plan.tracking, existing.tracking, (a, b) => a.date === b.date && a.goalId === b.goalId, "generate.sameCheckIn", ["date", "goalId", "actual", "note"]);
  pairs(sheets.adjustments, plan.adjustments, existing.adjustments, (a, b) => a.date === b.date, "generate.sameAdjustment", ["date", "change", "reason"]);
  const signed = (r: { date: string | null }) => (r.date ?? "") !== "";
  pairs(sheets.signOff, plan.signOff, existing.signOff, (a, b) => a.role === b.role && signed(a) && signed(b), "generate.sameSignature", ["role", "name", "date"]);
  return out;
}

/** Remove what an interrupted run left in `dir` (files.ts), saying so on stderr. */
async function reportCleanedTemporaries(context: CommandContext, dir: string): Promise<void> {
  const count = await cleanStaleTemporaries(dir);
  if (count > 0) context.io.stderr(`pipbook: ${say(context, "temp.cleaned", { count, dir })}\n`);
}

// --- batch ------------------------------------------------------------------------------------------------

export async function runBatchCommand(
  context: CommandContext,
  rosterFile: string,
  options: { template: string; output: string; workbookLanguage?: Language },
): Promise<number> {
  if (planFileKind(options.template) !== "json") throw usageError("usage.templateNotJson", { file: options.template });
  const templateLoaded = await loadPlanJson(options.template);
  if (templateLoaded.plan === null) return printUnreadable(context, templateLoaded);
  const template = templateLoaded.plan;
  const decoded = decodeRoster(await readInputFile(rosterFile));
  const roster = parseRoster(decoded.text, rosterFile, { encoding: decoded.encoding });
  try {
    await fs.mkdir(options.output, { recursive: true });
  } catch (error) {
    throw new CliError("file.writeFailed", { file: options.output, reason: (error as Error).message }, EXIT_FAILED, { cause: error });
  }
  await reportCleanedTemporaries(context, options.output);
  const language = options.workbookLanguage ?? template.header.language;
  const total = roster.rows.length + roster.problems.length;
  const bar = context.io.stderrIsTty
    ? new SingleBar({ stream: process.stderr, format: `${say(context, "batch.progressBar")} {bar} {value}/{total} {name}`, hideCursor: true }, Presets.shades_classic)
    : null;
  bar?.start(total, 0, { name: "" });
  // The workbooks are generated on every core: this thread and a worker thread per further core (PIPBOOK_WORKERS=0:
  // in this thread alone, as before).
  const workers = workerCount(roster.rows.length);
  const pool = workers > 0 ? new WorkerPool(workers, answerHere) : null;
  const result = await runBatch({
    roster,
    template,
    outDir: options.output,
    language: context.language,
    concurrency: pool ? pool.capacity : 1,
    generate: pool ? async (plan) => bytesReply(await pool.run({ kind: "generate", plan, language })) : (plan) => generateWorkbook(plan, { language }),
    validate: validatePlan,
    inspect: async (target) => {
      const existing = await readIfExists(target);
      if (existing === null) return { kind: "none" };
      try {
        const read = await readWorkbook(existing, target);
        return read.plan === null ? { kind: "foreign" } : { kind: "pip", entered: enteredRows(read.plan) };
      } catch {
        return { kind: "unreadable" };
      }
    },
    onRow: ({ done, row, file }) => {
      const name = file ? path.basename(file) : "";
      if (bar) bar.update(done, { name });
      else if (file) context.io.stderr(`${say(context, "batch.progressLine", { done, total, name })}\n`);
      else context.io.stderr(`${say(context, "batch.progressFailedLine", { done, total, row })}\n`);
    },
  }).finally(() => pool?.close());
  bar?.stop();
  context.io.stdout(`${say(context, "batch.summary", { written: result.written.length, failed: result.failures.length, dir: options.output })}\n`);
  if (result.skipped.length > 0) {
    context.io.stdout(`${say(context, "batch.skippedSummary", { skipped: result.skipped.length })}\n`);
    context.io.stderr(`${say(context, "batch.skippedTitle")}\n`);
    for (const skip of result.skipped) context.io.stderr(`  ${say(context, "batch.skippedLine", { row: skip.row, file: path.basename(skip.file), entered: skip.entered })}\n`);
  }
  if (result.failures.length > 0) {
    context.io.stderr(`${say(context, "batch.failuresTitle")}\n`);
    for (const failure of result.failures) context.io.stderr(`  ${rosterFile}: ${say(context, failure.key, failure.params)}\n`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}

// --- validate ---------------------------------------------------------------------------------------------

export const VALIDATE_FORMAT = "pipbook.validate/1";

export async function runValidate(context: CommandContext, file: string, options: { json?: boolean }): Promise<number> {
  const loaded = await loadPlanFile(file);
  const findings = validationFindings(loaded);
  const errors = errorsOf(findings).length;
  const warnings = findings.length - errors;
  if (options.json) {
    const json = {
      format: VALIDATE_FORMAT,
      file,
      errorCount: errors,
      warningCount: warnings,
      findings: findings.map((f) => ({ code: f.code, severity: f.severity, location: f.location, message: f.message[context.language] })),
    };
    context.io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const f of findings) {
      context.io.stdout(`${say(context, `severity.${f.severity}`)}  ${f.code}  ${locationText(f)}  ${f.message[context.language]}\n`);
    }
    context.io.stdout(
      findings.length === 0 ? `${say(context, "validate.ok", { file })}\n` : `${say(context, "validate.summary", { file, errors, warnings })}\n`,
    );
  }
  return errors > 0 ? EXIT_FAILED : EXIT_OK;
}

// --- analyze ----------------------------------------------------------------------------------------------

export async function runAnalyze(context: CommandContext, file: string, options: { json?: boolean; asOf: string }): Promise<number> {
  const loaded = await loadPlanFile(file);
  if (loaded.plan === null) {
    // --json: the findings that made the plan unreadable on stdout as well, as validate --json gives them
    if (options.json) {
      const findings = loaded.findings.map((f) => ({ code: f.code, severity: f.severity, location: f.location, message: f.message[context.language] }));
      context.io.stdout(`${JSON.stringify({ ...errorJson("plan.unreadable", findings.map((f) => f.message).join("; "), EXIT_FAILED, { file }), findings }, null, 2)}\n`);
    }
    return printUnreadable(context, loaded);
  }
  const findings = validationFindings(loaded);
  // A window beyond the limit has no period grid to compute (0001–9999 weekly would be 521,000 periods).
  const tooLong = findings.filter((f) => f.code === "PLAN_WINDOW_TOO_LONG");
  if (tooLong.length > 0) {
    for (const f of tooLong) context.io.stderr(`pipbook: ${file}: ${locationText(f)}  ${f.message[context.language]}\n`);
    return EXIT_FAILED;
  }
  const analysis = analyzePlan(loaded.plan, { asOf: options.asOf });
  const errorCount = errorsOf(findings).length;
  const report = analyzeJson(file, loaded.plan, analysis, errorCount);
  context.io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderAnalysis(report, context.language)}\n`);
  // The numbers are printed either way; a plan with errors is not "ok" (the same status validate gives it).
  return errorCount > 0 ? EXIT_FAILED : EXIT_OK;
}

// --- rollup -----------------------------------------------------------------------------------------------

export const ROLLUP_FORMAT = "pipbook.rollup/1";

export type { PlanPhase, RollupRow } from "./rollup";

const ROLLUP_COLUMNS: CliMessageKey[] = [
  "rollup.col.file",
  "rollup.col.employee",
  "rollup.col.employeeId",
  "rollup.col.department",
  "rollup.col.manager",
  "rollup.col.planStart",
  "rollup.col.planEnd",
  "rollup.col.daysLeft",
  "rollup.col.overall",
  "rollup.col.status",
  "rollup.col.outcome",
  "rollup.col.overdueActions",
  "rollup.col.missedCheckIns",
];

/** A worker's answer to a generate task: the workbook's bytes; its error thrown here, as in one thread. */
function bytesReply(reply: WorkerReply): Uint8Array {
  if (reply.kind === "bytes") return reply.bytes;
  if (reply.kind === "error") throw reply.cliError ? new CliError(reply.cliError.key, reply.cliError.params, reply.cliError.exitCode) : new Error(reply.message);
  throw new Error(`unexpected worker reply ${reply.kind}`);
}

/** A worker's answer to a rollup task; an error that was not a CliError is thrown here, as in one thread. */
function rollupReply(reply: WorkerReply): RollupRead {
  if (reply.kind === "rollup") return reply.read;
  if (reply.kind === "error") throw reply.cliError ? new CliError(reply.cliError.key, reply.cliError.params, reply.cliError.exitCode) : new Error(reply.message);
  throw new Error(`unexpected worker reply ${reply.kind}`);
}

export async function runRollup(
  context: CommandContext,
  folder: string,
  options: { output?: string; json?: boolean; asOf: string },
): Promise<number> {
  await requireDirectory(folder);
  if (options.output && path.extname(options.output).toLowerCase() !== ".xlsx") throw usageError("usage.outputNotXlsx", { file: options.output });
  const outputPath = options.output ? path.resolve(options.output) : null;
  // The summary replaces an earlier summary, never a PIP workbook (someone's plan, check-ins and signatures).
  if (options.output) {
    const there = await readIfExists(options.output);
    const read = there === null ? null : await readWorkbook(there, options.output).catch(() => null);
    if (read?.plan) throw new CliError("rollup.outputIsPip", { file: options.output });
  }
  const names = (await fs.readdir(folder))
    .filter((name) => /\.xlsx$/i.test(name) && !name.startsWith("~$") && !isTemporaryName(name))
    .sort((a, b) => a.localeCompare(b));
  const files = names.map((name) => path.join(folder, name)).filter((file) => path.resolve(file) !== outputPath);
  // Each workbook is read on one of the cores (this thread and a worker per further core; PIPBOOK_WORKERS=0 reads in
  // this thread alone); reported in name order. A read's garbage is larger than a batch workbook's and is kept in a
  // small young generation (8 MB): with 48 the two isolates' heaps took peak RSS of 1,000 reads to ~440 MB.
  const workers = workerCount(files.length);
  const pool = workers > 0 ? new WorkerPool(workers, answerHere, undefined, 8) : null;
  let reads: RollupRead[];
  try {
    reads = await inParallel(files, pool ? pool.capacity : 1, async (file) => {
      if (!pool) return readForRollup(file, options.asOf);
      return rollupReply(await pool.run({ kind: "rollup", file, asOf: options.asOf }));
    });
  } finally {
    await pool?.close();
  }
  const rows: RollupRow[] = [];
  let failed = 0;
  reads.forEach((read, i) => {
    if (read.kind === "row") rows.push(read.row);
    if (read.kind !== "skipped") return;
    if (!read.notPip) failed++;
    const file = at(files, i, "rollup input");
    context.io.stderr(`pipbook: ${say(context, "rollup.skipped", { file, reason: say(context, read.key, { ...read.params, file: path.basename(file) }) })}\n`);
  });
  // Two workbooks of one employee id count one person twice (a copy, an old version): each such id is named.
  const filesOfId = new Map<string, string[]>();
  for (const r of rows) if (r.employeeId.trim() !== "") filesOfId.set(r.employeeId, [...(filesOfId.get(r.employeeId) ?? []), path.basename(r.file)]);
  for (const [id, names] of filesOfId) if (names.length > 1) context.io.stderr(`pipbook: ${say(context, "rollup.duplicateId", { id, files: names.join(", ") })}\n`);
  if (options.json) {
    context.io.stdout(`${JSON.stringify({ format: ROLLUP_FORMAT, folder, asOf: options.asOf, rows }, null, 2)}\n`);
  } else if (rows.length === 0) {
    context.io.stdout(`${say(context, "rollup.none", { dir: folder })}\n`);
  } else {
    const lang = context.language;
    context.io.stdout(`${say(context, "rollup.title", { asOf: options.asOf })}\n`);
    context.io.stdout(
      `${renderTable(
        ROLLUP_COLUMNS.map((key) => cliText(lang, key)),
        rows.map((r) => [
          path.basename(r.file),
          r.employeeName,
          r.employeeId,
          r.department,
          r.manager,
          r.planStart,
          r.planEnd,
          String(r.daysLeft),
          formatPercent(r.overallAttainment),
          statusText(lang, r.status),
          outcomeText(lang, r.outcomeSuggestion),
          String(r.overdueActions),
          String(r.missedCheckIns),
        ]),
        ["left", "left", "left", "left", "left", "left", "left", "right", "right", "left", "left", "right", "right"],
      )}\n`,
    );
  }
  if (options.output) {
    // Each row names its file by its base name in the workbook (the folder is the one rolled up).
    const plans = rows.map((r) => ({ ...r, file: path.basename(r.file) }));
    await writeFileAtomic(options.output, await writeDashboard(plans, { language: context.language, asOf: options.asOf }));
    context.io.stderr(`${say(context, "rollup.written", { file: options.output })}\n`);
  }
  if (failed > 0) {
    context.io.stderr(`pipbook: ${say(context, "rollup.failed", { count: failed })}\n`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}
