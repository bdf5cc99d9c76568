/**
 * A reader that goes away (`pipbook … | head`, a script killed on a timeout): writes fail with EPIPE, and pipbook
 * ends at once with the status it would have had — it neither spins reporting its own write failures nor turns a
 * failure into 0. The real bundle runs with pipes whose reading ends are closed before it writes a byte.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EXAMPLE_PLAN, ROOT, cliBundle, tempDir } from "./harness";

jest.setTimeout(60_000);

interface Closed {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
}

/** Run pipbook with stdout and/or stderr a pipe nobody reads (closed at once); resolve when it exits. */
function runClosed(args: string[], close: { stdout: boolean; stderr: boolean }): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [cliBundle(), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, LANG: "en_US.UTF-8" },
      stdio: ["ignore", close.stdout ? "pipe" : "ignore", close.stderr ? "pipe" : "ignore"],
    });
    child.stdout?.destroy();
    child.stderr?.destroy();
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`pipbook ${args.join(" ")} still running after 20 s with a closed stream`));
    }, 20_000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

/** The time the same command takes with streams nobody closes (node's start-up and the work itself). */
function runOpen(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [cliBundle(), ...args], { cwd: ROOT, env: { PATH: process.env.PATH, LANG: "en_US.UTF-8" }, stdio: "ignore" });
    child.on("exit", () => resolve(Date.now() - started));
  });
}

const both = { stdout: true, stderr: true };
const MISSING = path.join(ROOT, "no-such-plan.json");

beforeAll(() => {
  cliBundle();
});

describe("EPIPE on stdout and stderr", () => {
  test.each([
    ["a missing file (error on stderr)", ["validate", MISSING], 1],
    ["a good plan (report on stdout)", ["validate", EXAMPLE_PLAN], 0],
    ["a long analysis in JSON", ["analyze", EXAMPLE_PLAN, "--json", "--as-of", "2024-05-15"], 0],
    ["an unknown option (usage error)", ["validate", "--nope"], 2],
    ["help", ["--help"], 0],
  ])("%s: exits with its own status within a second of its normal run time", async (_name, args, status) => {
    const normal = await runOpen(args as string[]);
    const closed = await runClosed(args as string[], both);
    expect(closed.signal).toBeNull();
    expect(closed.code).toBe(status);
    expect(closed.ms).toBeLessThan(normal + 1000);
  });

  test("only stderr closed (`pipbook validate missing.json 2>&1 >/dev/null | head -c 5`): still exit 1", async () => {
    const closed = await runClosed(["validate", MISSING], { stdout: false, stderr: true });
    expect(closed.code).toBe(1);
  });

  test("only stdout closed: a plan with errors still exits 1", async () => {
    const plan = JSON.parse(readFileSync(EXAMPLE_PLAN, "utf8"));
    plan.header.planEnd = "2024-03-01";
    const file = path.join(tempDir(), "ends-before-it-starts.json");
    writeFileSync(file, JSON.stringify(plan));
    const closed = await runClosed(["validate", file], { stdout: true, stderr: false });
    expect(closed.code).toBe(1);
  });
});
