/**
 * Headless LibreOffice Calc as a second, independent formula engine: `soffice --convert-to xlsx` loads each
 * workbook, recalculates it and saves it with the computed values cached, which ExcelJS then reads back.
 * One soffice process converts many files (start-up dominates), each run with a private profile so parallel
 * runs and a user's open LibreOffice do not interfere.
 */
import { spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const CANDIDATES = [
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
];

/** The soffice executable: $SOFFICE, else the first of PATH and the usual install places; null when absent. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.SOFFICE && existsSync(env.SOFFICE)) return env.SOFFICE;
  const dirs = (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, "soffice");
    if (existsSync(candidate)) return candidate;
  }
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

export interface RecalcResult {
  /** Converted file per input file (same base name, in outDir). */
  outputs: string[];
  /** Wall time of the soffice run(s), ms. */
  millis: number;
  stdout: string;
  stderr: string;
}

export interface RecalcOptions {
  /** Kill soffice after this long (default 300 s). */
  timeoutMs?: number;
  /** Files per soffice invocation (default all). */
  chunkSize?: number;
  /** soffice's --convert-to target, "xlsx" (default) or "pdf"; each output keeps its input's base name with that extension. */
  convertTo?: "xlsx" | "pdf";
}

function runSoffice(soffice: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Recalculate `files` (.xlsx) with headless LibreOffice into `outDir`. Throws when soffice is missing, fails,
 * or leaves an output file unwritten.
 */
export async function recalcWithLibreOffice(files: readonly string[], outDir: string, options: RecalcOptions = {}): Promise<RecalcResult> {
  const soffice = findSoffice();
  if (soffice === null) {
    throw new Error(
      "LibreOffice (soffice) is not installed: install Debian's libreoffice-calc (apt-get install -y --no-install-recommends libreoffice-calc) or set SOFFICE",
    );
  }
  await fs.mkdir(outDir, { recursive: true });
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "pipbook-lo-profile-"));
  const chunkSize = options.chunkSize ?? files.length;
  const started = performance.now();
  let stdout = "";
  let stderr = "";
  try {
    for (let i = 0; i < files.length; i += chunkSize) {
      const chunk = files.slice(i, i + chunkSize).map((f) => path.resolve(f));
      const args = [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        options.convertTo ?? "xlsx",
        "--outdir",
        path.resolve(outDir),
        ...chunk,
      ];
      const run = await runSoffice(soffice, args, options.timeoutMs ?? 300_000);
      stdout += run.stdout;
      stderr += run.stderr;
      if (run.code !== 0) throw new Error(`soffice exited with ${run.code}: ${run.stderr.trim() || run.stdout.trim()}`);
    }
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  const extension = `.${options.convertTo ?? "xlsx"}`;
  const outputs = files.map((f) => path.join(path.resolve(outDir), path.basename(f, path.extname(f)) + extension));
  const absent = outputs.filter((f) => !existsSync(f));
  if (absent.length > 0) throw new Error(`soffice did not write ${absent.join(", ")}\n${stdout}\n${stderr}`);
  return { outputs, millis: performance.now() - started, stdout, stderr };
}
