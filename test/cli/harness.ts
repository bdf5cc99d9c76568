/**
 * Runs the real `pipbook` CLI in a child process: the esbuild bundle of src/cli/bin.ts (the same command as
 * `npm run build:cli`, built once per jest run into the run's folder, ../support/run-cache.ts), so the tests see
 * exit codes, stdout and stderr exactly as a user does.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { buildSync } from "esbuild";
import { shared, sharedSync } from "../support/run-cache";

export const ROOT = path.resolve(__dirname, "../..");
export const EXAMPLE_PLAN = path.join(ROOT, "examples/sales-q2-2024.plan.json");
export const FIXTURES = path.join(ROOT, "test/fixtures/cli");

let bundle: string | null = null;

function buildBundle(outfile: string): void {
  buildSync({
    entryPoints: [path.join(ROOT, "src/cli/bin.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    logLevel: "warning",
  });
}

/** Build the CLI bundle (once per jest run, shared by its test files: ../support/run-cache.ts) and return its path. */
export function cliBundle(): string {
  if (bundle) return bundle;
  const built = sharedSync("pipbook.cjs", buildBundle);
  if (built !== null) return (bundle = built);
  const dir = mkdtempSync(path.join(os.tmpdir(), "pipbook-cli-bundle-"));
  chmodSync(dir, 0o755);
  const outfile = path.join(dir, "pipbook.cjs");
  buildBundle(outfile);
  bundle = outfile;
  return outfile;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
}

/** Run `pipbook ...args`; LANG defaults to en-US unless the test sets it. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "en_US.UTF-8", ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliBundle(), ...args],
      { env, cwd: options.cwd ?? ROOT, maxBuffer: 64 * 1024 * 1024, uid: options.uid, gid: options.gid },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * `pipbook ...args` in this process: the CLI's own `main` (src/cli/main.ts) with stdout and stderr captured, the same
 * commands and code the bundle runs, without a node start-up and a load of the 5 MB bundle per call (~0.15 s CPU).
 * For a test whose subject is something else (LibreOffice's numbers) and that needs many workbooks or analyses from
 * the CLI. What the user sees of a process — exit status, streams, the bundle itself — is runCli's to check.
 */
export async function runCliHere(args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const { main, localToday } = await import("../../src/cli/main");
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "en_US.UTF-8", ...options.env };
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    today: localToday,
    stderrIsTty: false,
  });
  return { code, stdout, stderr };
}

let example: string | null = null;

/**
 * `pipbook generate examples/sales-q2-2024.plan.json -o <file>` (no --lang, no --as-of): the fresh workbook several
 * test files start from and then change. The child-process run happens once per jest run (../support/run-cache.ts)
 * — where the run has no folder, once per test file — and `file` gets a copy of what it wrote.
 */
export async function copyOfGeneratedExample(file: string): Promise<void> {
  const generate = async (dir: string) => {
    await mkdir(dir, { mode: 0o755 });
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", path.join(dir, "example.xlsx")]);
    if (run.code !== 0) throw new Error(`generate failed: ${run.code} ${run.stderr}`);
  };
  if (example === null) {
    const folder = await shared("generated-example", generate);
    if (folder === null) {
      const dir = path.join(tempDir("pipbook-example-"), "example");
      await generate(dir);
      example = path.join(dir, "example.xlsx");
    } else example = path.join(folder, "example.xlsx");
  }
  await copyFile(example, file);
}

export function tempDir(prefix = "pipbook-cli-test-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** True when the text looks like a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)|\n\s+at .+:\d+:\d+/.test(text);
}

/**
 * An .xlsx at `file` whose save was interrupted: the worked example written in zh-CN, then a save with one more
 * check-in ("周五补录") failed at its 600th command, as the crash-safe save leaves it (finished by `pipbook repair`).
 * Returns the check-in notes the finished save must hold.
 */
export async function writeInterruptedWorkbook(file: string): Promise<string[]> {
  // Imported here, not at the top: most files using this harness only run the bundle (~0.4 s of loading saved).
  const [{ MemoryExcel }, { createWorkbookPort }, { InterruptedSaveError }, { parsePlanJson }, { snapshotToXlsx }] = await Promise.all([
    import("../../src/memory-excel"),
    import("../../src/excel/office-port"),
    import("../../src/excel/port"),
    import("../../src/core/plan-file"),
    import("../../src/cli/xlsx/write-xlsx"),
  ]);
  const parsed = parsePlanJson(await readFile(EXAMPLE_PLAN, "utf8"));
  if (!parsed.ok) throw new Error("example does not parse");
  const plan = parsed.plan;
  const excel = new MemoryExcel({ engine: null });
  const port = createWorkbookPort((batch) => excel.run(batch), { asOf: "2024-05-15" });
  await port.writePlan(plan, { language: "zh-CN" });
  const first = plan.tracking[0];
  if (!first) throw new Error("the example has no check-in");
  const more = { ...plan, tracking: [...plan.tracking, { ...first, note: "周五补录" }] };
  excel.failCommand(600);
  const error = await port.writePlan(more, { language: "zh-CN" }).catch((e: unknown) => e);
  excel.failCommand(null);
  if (!(error instanceof InterruptedSaveError)) throw new Error(`the save was not left interrupted: ${String(error)}`);
  await writeFile(file, await snapshotToXlsx(excel.snapshot()));
  return more.tracking.map((e) => e.note);
}
