/**
 * Rollup benchmark (issue 16 item 5): `pipbook rollup <folder> --json -o dashboard.xlsx` over 1,000 PIP workbooks,
 * read in worker threads (one per core), as a child process of the CLI bundle; wall time, CPU time, peak memory
 * (worker threads included) and the load.
 *
 * The folder: `pipbook batch` writes 20 workbooks from the worked example (20 start dates, 5 departments), each
 * copied 50 times under its own name — every copy is read in full like any other workbook (nothing is cached
 * between files), and preparing 1,000 distinct workbooks would take the bench a minute more.
 *
 * Alone: `npx tsx bench/rollup.bench.ts [workbooks]`.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { cliBundle, roster, runCliChild } from "./cli.bench";

export interface RollupBenchResult {
  name: string;
  workbooks: number;
  ms: number;
  msPerWorkbook: number;
  cpuMs: number;
  peakRssMb: number;
  exitCode: number;
  load: [number, number];
  /** Rows in the rollup's JSON (= workbooks when every one was read). */
  rows: number;
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const DISTINCT = 20;

export async function benchRollup(workbooks = 1_000): Promise<RollupBenchResult[]> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "pipbook-bench-rollup-"));
  try {
    const bundle = cliBundle(work);
    const rosterFile = path.join(work, "roster.csv");
    await fs.writeFile(rosterFile, roster(DISTINCT));
    const made = path.join(work, "made");
    const batch = await runCliChild(work, bundle, ["batch", rosterFile, "--template", path.join(ROOT, "examples/sales-q2-2024.plan.json"), "-o", made]);
    if (batch.exitCode !== 0) throw new Error("rollup bench: the batch that prepares the workbooks failed");
    const folder = path.join(work, "folder");
    await fs.mkdir(folder);
    const sources = (await fs.readdir(made)).filter((f) => f.endsWith(".xlsx")).sort();
    for (let i = 0; i < workbooks; i++) {
      await fs.copyFile(path.join(made, sources[i % sources.length]), path.join(folder, `plan-${String(i + 1).padStart(4, "0")}.xlsx`));
    }
    const json = path.join(work, "rollup.json");
    const dashboard = path.join(work, "dashboard.xlsx");
    // stdout goes to a file: the JSON of 1,000 rows is ~0.5 MB.
    const run = await runCliChild(work, bundle, ["rollup", folder, "--as-of", "2024-05-15", "--json", "-o", dashboard], {}, json);
    let rows = 0;
    try {
      rows = (JSON.parse(await fs.readFile(json, "utf8")) as { rows: unknown[] }).rows.length;
    } catch {
      rows = 0;
    }
    return [
      {
        name: `pipbook rollup ${workbooks} → dashboard.xlsx, workers (main thread + ${Math.max(1, os.availableParallelism() - 1)} worker)`,
        workbooks,
        ms: run.ms,
        msPerWorkbook: Math.round((run.ms / workbooks) * 10) / 10,
        cpuMs: run.cpuMs,
        peakRssMb: run.peakRssMb,
        exitCode: run.exitCode,
        load: run.load,
        rows,
      },
    ];
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchRollup(Number(process.argv[2] ?? 1_000)).then(
    (rows) => console.table(rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
