/**
 * Runs the real `pipbook` CLI in a child process: the esbuild bundle of src/cli/bin.ts (the same command as
 * `npm run build:cli`, written to a temp folder once per test file), so the tests see exit codes, stdout and
 * stderr exactly as a user does.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";

export const ROOT = path.resolve(__dirname, "../..");
export const EXAMPLE_PLAN = path.join(ROOT, "examples/sales-q2-2024.plan.json");
export const FIXTURES = path.join(ROOT, "test/fixtures/cli");

let bundle: string | null = null;

/** Build the CLI bundle (once per test file) and return its path. */
export function cliBundle(): string {
  if (bundle) return bundle;
  const dir = mkdtempSync(path.join(os.tmpdir(), "pipbook-cli-bundle-"));
  chmodSync(dir, 0o755);
  const outfile = path.join(dir, "pipbook.cjs");
  buildSync({
    entryPoints: [path.join(ROOT, "src/cli/bin.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    logLevel: "warning",
  });
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

export function tempDir(prefix = "pipbook-cli-test-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** True when the text looks like a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)|\n\s+at .+:\d+:\d+/.test(text);
}
