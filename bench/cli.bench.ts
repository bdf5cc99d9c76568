/**
 * CLI benchmark: `pipbook batch` for 100 employees (the worked example as the template), run as a child
 * process of the CLI bundle (dist/cli/pipbook.cjs when built, else a fresh esbuild bundle in a temp folder), in
 * workers (the default: the main thread and a worker thread per further core) and in one thread (PIPBOOK_WORKERS=0),
 * in the same run.
 * Reports wall time, the child's CPU time and its peak memory (maxRSS from process.resourceUsage() in the child,
 * written at exit by a preload script; worker threads included), the size of the workbooks written, and the load.
 *
 * Alone: `npx tsx bench/cli.bench.ts [employees]` prints the numbers.
 */
import { spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

export interface CliBenchResult {
  name: string;
  employees: number;
  /** Wall time of the whole `pipbook batch` process, ms. */
  ms: number;
  msPerWorkbook: number;
  /** User + system CPU time of the child, ms. */
  cpuMs: number;
  /** Peak resident memory of the child, MB. */
  peakRssMb: number;
  /** Total bytes of the workbooks written. */
  bytes: number;
  exitCode: number;
  /** Load average (1 min) before and after the run. */
  load: [number, number];
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function cliBundle(work: string): string {
  const built = path.join(ROOT, "dist/cli/pipbook.cjs");
  if (existsSync(built)) return built;
  const outfile = path.join(work, "pipbook.cjs");
  buildSync({ entryPoints: [path.join(ROOT, "src/cli/bin.ts")], bundle: true, platform: "node", target: "node20", format: "cjs", outfile, logLevel: "warning" });
  return outfile;
}

function roster(employees: number): string {
  const lines = ["姓名,工号,部门,岗位,直属上级,HRBP,计划开始,计划结束"];
  for (let i = 1; i <= employees; i++) {
    const start = new Date(Date.UTC(2024, 3, 1 + (i % 28)));
    const end = new Date(start.getTime() + 90 * 86_400_000);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    lines.push(`员工${i},E${String(i).padStart(4, "0")},销售${(i % 5) + 1}部,销售代表,经理${(i % 7) + 1},陈敏,${iso(start)},${iso(end)}`);
  }
  return `${lines.join("\n")}\n`;
}

export interface ChildRun {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  exitCode: number;
  /** Load average (1 min) when the run started and when it ended. */
  load: [number, number];
}

/**
 * Run the CLI bundle with `args` as a child process: wall time, the child's CPU time and its peak memory (maxRSS
 * from process.resourceUsage() at exit, written by a preload script; one process, so every worker thread counts).
 */
export async function runCliChild(work: string, bundle: string, args: string[], env: NodeJS.ProcessEnv = {}, stdoutFile?: string): Promise<ChildRun> {
  const usageFile = path.join(work, `usage-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const preload = path.join(work, "usage.cjs");
  await fs.writeFile(
    preload,
    `process.on("exit", () => { if (process.env.PIPBOOK_USAGE_FILE) require("node:fs").writeFileSync(process.env.PIPBOOK_USAGE_FILE, JSON.stringify(process.resourceUsage())); });\n`,
  );
  const out = stdoutFile ? await fs.open(stdoutFile, "w") : null;
  const loadBefore = os.loadavg()[0];
  const started = performance.now();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", preload, bundle, ...args], {
      stdio: ["ignore", out ? out.fd : "ignore", "pipe"],
      env: { ...process.env, LANG: "en_US.UTF-8", ...env, PIPBOOK_USAGE_FILE: usageFile },
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) process.stderr.write(stderr);
      resolve(code ?? 1);
    });
  });
  const ms = performance.now() - started;
  await out?.close();
  const usage = JSON.parse(await fs.readFile(usageFile, "utf8")) as NodeJS.ResourceUsage;
  return {
    ms: Math.round(ms),
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
    peakRssMb: Math.round((usage.maxRSS / 1024) * 10) / 10,
    exitCode,
    load: [Math.round(loadBefore * 100) / 100, Math.round(os.loadavg()[0] * 100) / 100],
  };
}

export { cliBundle, roster };

/**
 * `pipbook batch` of `employees`, on every core (the default: the main thread and a worker per further core) and in one thread
 * (PIPBOOK_WORKERS=0), one after the other in the same run so that their ratio is measured under the same load.
 */
export async function benchCli(employees = 100): Promise<CliBenchResult[]> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "pipbook-bench-cli-"));
  try {
    const bundle = cliBundle(work);
    const rosterFile = path.join(work, "roster.csv");
    await fs.writeFile(rosterFile, roster(employees));
    const results: CliBenchResult[] = [];
    for (const [label, workers] of [
      [`workers (main thread + ${Math.max(1, os.availableParallelism() - 1)} worker)`, undefined],
      ["one thread", "0"],
    ] as const) {
      const out = path.join(work, `out-${workers ?? "w"}`);
      const template = path.join(ROOT, "examples/sales-q2-2024.plan.json");
      const run = await runCliChild(work, bundle, ["batch", rosterFile, "--template", template, "-o", out], workers === undefined ? {} : { PIPBOOK_WORKERS: workers });
      let bytes = 0;
      for (const name of await fs.readdir(out)) bytes += (await fs.stat(path.join(out, name))).size;
      results.push({
        name: `pipbook batch ${employees}, ${label}`,
        employees,
        ms: run.ms,
        msPerWorkbook: Math.round((run.ms / employees) * 10) / 10,
        cpuMs: run.cpuMs,
        peakRssMb: run.peakRssMb,
        bytes,
        exitCode: run.exitCode,
        load: run.load,
      });
    }
    return results;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const employees = Number(process.argv[2] ?? 100);
  benchCli(employees).then(
    (rows) => console.table(rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
