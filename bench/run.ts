/**
 * `npm run bench`: every speed figure of PIPbook in one table, written to bench/results.json, with budgets.
 * Exits 1 naming each broken budget. Not part of `npm test` (timings belong here, not in tests).
 *
 *   1. write plans S/M/L to the in-memory Excel: syncs, bytes per batch, time   (budget: M ≤ 3 syncs, every batch < 5 MB;
 *      request bytes of the whole write, save journal included: M ≤ 1,000,000 B, S ≤ 250,000 B; L ≤ 3 syncs of data)
 *   2. read + check + analyse the same workbooks: syncs, time                   (budget: 1 sync)
 *      and Save after adding a goal (read, look, write through the port)         (budget: M ≤ 4 syncs)
 *   3. core analysis of 1k…1M tracking rows: time and growth                    (budget: 100k < 100 ms, linear)
 *   4. bundle: gzip of the scripts taskpane.html loads first, each chunk         (budget: ≤ 100,000 B, issue 16)
 *   5. preview: first render in headless Chromium                               (budget: median ≤ 400 ms, issue 16)
 *   6. CLI: `pipbook batch` of 100 employees in workers, and in one thread     (budget: workers ≤ 2.5 s, peak RSS < 400 MB)
 *   7. CLI: `pipbook rollup` of 1,000 workbooks to a dashboard, in workers      (budget: ≤ 40 ms a workbook, peak RSS < 400 MB)
 *
 * `npm run bench -- --skip preview,cli,rollup` leaves steps out (they build and start processes).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchBundle, benchPreviewScripts } from "./bundle.bench";
import { benchCli } from "./cli.bench";
import { benchRollup } from "./rollup.bench";
import { benchCore } from "./core.bench";
import { benchWorkbook } from "./workbook.bench";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const FIVE_MB = 5 * 1024 * 1024;
const BUDGETS = {
  writeSyncsM: 3,
  readSyncs: 1,
  batchBytes: FIVE_MB,
  core100kMs: 100,
  /** msPerRow may not grow by more than this factor from one size to the next (linear ≈ 1). */
  coreGrowth: 2,
  initialGzipBytes: 100_000,
  /** Preview: navigation start → the plan view rendered, median of 3 fresh loads (issue 16). */
  previewFirstRenderMs: 400,
  /** Request bytes of a whole save (every batch, the save journal included), issue 16: a third of 2026-12-01's. */
  writeBytesM: 1_000_000,
  writeBytesS: 250_000,
  /** L plan: syncs that carry data (all but the probe read and the closing batch). */
  writeDataSyncsL: 3,
  /** `pipbook batch` of 100 in worker threads, wall time (issue 16 item 4: a machine of 2 cores, quiet). */
  batch100Ms: 2_500,
  /** Peak RSS of one `pipbook batch` / `pipbook rollup` process, worker threads included. */
  cliPeakRssMb: 400,
  /** `pipbook rollup` of 1,000 workbooks (→ dashboard.xlsx), wall time per workbook (issue 16 item 5). */
  rollupMsPerWorkbook: 40,
};

const skip = new Set(
  (process.argv.includes("--skip") ? process.argv[process.argv.indexOf("--skip") + 1] : "").split(",").filter(Boolean),
);
const broken: string[] = [];
const table: { area: string; measure: string; value: string; budget: string }[] = [];
function row(area: string, measure: string, value: string, budget = "", ok = true): void {
  table.push({ area, measure, value, budget: budget ? `${ok ? "ok" : "BROKEN"} ${budget}` : "" });
  if (!ok) broken.push(`${area}: ${measure} = ${value} (budget ${budget})`);
}
const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status})`);
}

async function main(): Promise<void> {
  const machine = {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((x) => x.toFixed(2)).join(" "),
  };
  const results: Record<string, unknown> = { machine, budgets: BUDGETS };

  const workbook = await benchWorkbook();
  results.workbook = workbook;
  for (const w of workbook) {
    const maxBatch = Math.max(...w.writeBatchBytes);
    const label = w.name;
    // The sync budget is the M plan: 20 goals, 100 actions, 1,000 check-ins.
    const isM = w.goals === 20 && w.actions === 100 && w.tracking === 1_000;
    row("write", `${label} syncs`, String(w.writeSyncs), isM ? `≤ ${BUDGETS.writeSyncsM}` : "", !isM || w.writeSyncs <= BUDGETS.writeSyncsM);
    row("write", `${label} largest batch`, kb(maxBatch), "< 5 MB", maxBatch < BUDGETS.batchBytes);
    const total = w.writeBatchBytes.reduce((a, b) => a + b, 0);
    const isS = w.goals === 5 && w.actions === 20 && w.tracking === 65;
    const isL = w.goals === 50 && w.actions === 300 && w.tracking === 20_000;
    const bytesBudget = isM ? BUDGETS.writeBytesM : isS ? BUDGETS.writeBytesS : null;
    row(
      "write",
      `${label} request bytes (all batches, journal included)`,
      `${total.toLocaleString("en-US")} B (${kb(total)})`,
      bytesBudget === null ? "" : `≤ ${bytesBudget.toLocaleString("en-US")} B`,
      bytesBudget === null || total <= bytesBudget,
    );
    row("write", `${label} save journal (part of the request bytes)`, kb(w.journalBytes));
    // The first sync is the probe read (~0.2 KiB), the last the closing batch (~2 KiB); the others carry the plan.
    const dataSyncs = Math.max(0, w.writeSyncs - 2);
    row("write", `${label} syncs of data`, String(dataSyncs), isL ? `≤ ${BUDGETS.writeDataSyncsL}` : "", !isL || dataSyncs <= BUDGETS.writeDataSyncsL);
    row("write", `${label} time`, `${w.writeMs.toFixed(1)} ms`);
    row("read", `${label} syncs`, String(w.readSyncs), `= ${BUDGETS.readSyncs}`, w.readSyncs <= BUDGETS.readSyncs);
    row("read", `${label} read+check+analyse`, `${w.readMs.toFixed(1)} ms`);
    row("rewrite", `${label} + 1 goal syncs (read, look, write, close)`, String(w.rewriteSyncs), isM ? `≤ ${BUDGETS.writeSyncsM + 1}` : "", !isM || w.rewriteSyncs <= BUDGETS.writeSyncsM + 1);
    row("rewrite", `${label} + 1 goal bytes per sync`, w.rewriteBatchBytes.map(kb).join(" + "));
    row("rewrite", `${label} + 1 goal time`, `${w.rewriteMs.toFixed(1)} ms`);
  }

  const core = await benchCore();
  results.core = core;
  for (const c of core) {
    const is100k = c.rows === 100_000;
    row("core", `analyzePlan ${c.rows.toLocaleString("en-US")} rows`, `${c.ms.toFixed(2)} ms`, is100k ? `< ${BUDGETS.core100kMs} ms` : "", !is100k || c.ms < BUDGETS.core100kMs);
    if (c.growth !== null) {
      row("core", `growth per row at ${c.rows.toLocaleString("en-US")}`, `×${c.growth.toFixed(2)}`, `≤ ×${BUDGETS.coreGrowth}`, c.growth <= BUDGETS.coreGrowth);
    }
  }

  if (!existsSync(path.join(ROOT, "dist/taskpane.html")) || process.argv.includes("--rebuild")) run("npm", ["run", "build"]);
  const bundle = benchBundle();
  results.bundle = bundle;
  row("bundle", "initial scripts (gzip)", `${bundle.initialGzipBytes.toLocaleString("en-US")} B`, `≤ ${BUDGETS.initialGzipBytes.toLocaleString("en-US")} B`, bundle.initialGzipBytes <= BUDGETS.initialGzipBytes);
  row("bundle", "taskpane.html (gzip; holds the theme's CSS variables)", `${bundle.htmlGzipBytes.toLocaleString("en-US")} B`);
  for (const c of bundle.chunks) row("bundle", `${c.initial ? "initial" : "on demand"} ${c.file}`, `${c.gzipBytes.toLocaleString("en-US")} B gzip (${c.rawBytes.toLocaleString("en-US")} raw)`);

  if (!skip.has("preview")) {
    // The browser suite's own measurement: three fresh page loads, navigation start → first view rendered.
    run("node", ["test/e2e/run.mjs", "--only", "first render time"]);
    const timing = JSON.parse(readFileSync(path.join(ROOT, "test-results/preview-timing.json"), "utf8"));
    results.preview = timing;
    row("preview", "first render, headless Chromium (median of 3)", `${timing.median} ms`, `≤ ${BUDGETS.previewFirstRenderMs} ms`, timing.median <= BUDGETS.previewFirstRenderMs);
    const scripts = benchPreviewScripts();
    results.previewScripts = scripts;
    row("preview", `scripts before the first view (${scripts.files.join(", ")})`, `${scripts.rawBytes.toLocaleString("en-US")} B raw, ${scripts.gzipBytes.toLocaleString("en-US")} B gzip; later ${scripts.laterRawBytes.toLocaleString("en-US")} B raw`);
  }

  if (!skip.has("cli")) {
    const cli = await benchCli(100);
    results.cli = cli;
    for (const c of cli) {
      const inWorkers = c.name.includes("workers");
      const value = `${(c.ms / 1000).toFixed(1)} s (${c.msPerWorkbook.toFixed(0)} ms each, CPU ${(c.cpuMs / 1000).toFixed(1)} s), peak ${c.peakRssMb.toFixed(0)} MB, load ${c.load.join("→")}`;
      const ok = c.exitCode === 0 && (!inWorkers || c.ms <= BUDGETS.batch100Ms) && c.peakRssMb < BUDGETS.cliPeakRssMb;
      row("cli", c.name, value, inWorkers ? `≤ ${BUDGETS.batch100Ms} ms, < ${BUDGETS.cliPeakRssMb} MB, exit 0` : `< ${BUDGETS.cliPeakRssMb} MB, exit 0`, ok);
    }
  }

  if (!skip.has("rollup")) {
    const rollup = await benchRollup(1_000);
    results.rollup = rollup;
    for (const r of rollup) {
      const ok = r.exitCode === 0 && r.rows === r.workbooks && r.msPerWorkbook <= BUDGETS.rollupMsPerWorkbook && r.peakRssMb < BUDGETS.cliPeakRssMb;
      row(
        "cli",
        r.name,
        `${(r.ms / 1000).toFixed(1)} s (${r.msPerWorkbook.toFixed(1)} ms each, CPU ${(r.cpuMs / 1000).toFixed(1)} s), ${r.rows} rows, peak ${r.peakRssMb.toFixed(0)} MB, load ${r.load.join("→")}`,
        `≤ ${BUDGETS.rollupMsPerWorkbook} ms each, < ${BUDGETS.cliPeakRssMb} MB`,
        ok,
      );
    }
  }

  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench/results.json"), `${JSON.stringify({ ...results, table, broken }, null, 2)}\n`);
  console.log(`\nmachine: ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadAverage}`);
  console.table(table);
  if (broken.length) {
    console.error(`\nBudgets broken:\n  ${broken.join("\n  ")}`);
    process.exit(1);
  }
  console.log("\nAll budgets kept. Results in bench/results.json.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
