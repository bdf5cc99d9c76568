/**
 * Workbook benchmark: write and read plans of three sizes in the in-memory Excel stand-in (src/memory-excel),
 * WITHOUT a formula engine — the times are the writer's and reader's own work plus the stand-in's bookkeeping, not
 * formula calculation (in Excel, calculation is suspended during the write and runs afterwards).
 *
 *   S: 5 goals, 20 actions, 65 check-ins · M: 20 / 100 / 1,000 · L: 50 / 300 / 20,000
 *
 * Per size: syncs and request bytes per batch of the write (as the stand-in measures them: UTF-8 JSON of the
 * queued commands), write time, and read time = readPlan (one sync) + validatePlan + analyzePlan. Then a rewrite
 * through the WorkbookPort, as the task pane's Save after adding one goal: read + merge + look at the cells the
 * grown tables take (src/excel/rewrite.ts) + write — its syncs, bytes per sync and time.
 * Alone: `npx tsx bench/workbook.bench.ts` prints a table.
 */
import { pathToFileURL } from "node:url";
import { createMemoryExcel } from "../src/memory-excel";
import { writePlan } from "../src/excel/writer";
import { readPlan } from "../src/excel/reader";
import { analyzePlan } from "../src/core/analysis";
import { createWorkbookPort } from "../src/excel/office-port";
import { sizedPlan } from "../test/excel/support";

export interface WorkbookBenchRow {
  name: string;
  goals: number;
  actions: number;
  tracking: number;
  writeSyncs: number;
  /** Bytes of each batch the write sent. */
  writeBatchBytes: number[];
  writeMs: number;
  /** Request bytes of the save journal inside the write (src/excel/journal.ts). */
  journalBytes: number;
  readSyncs: number;
  readBytes: number;
  /** readPlan (incl. validatePlan) + analyzePlan. */
  readMs: number;
  findings: number;
  /** Save after adding a goal, through the port: read + look + write. */
  rewriteSyncs: number;
  rewriteBatchBytes: number[];
  rewriteMs: number;
}

export const WORKBOOK_SIZES = [
  { name: "S", goals: 5, actions: 20, tracking: 65 },
  { name: "M", goals: 20, actions: 100, tracking: 1_000 },
  { name: "L", goals: 50, actions: 300, tracking: 20_000 },
] as const;

export async function benchWorkbook(sizes: readonly { name: string; goals: number; actions: number; tracking: number }[] = WORKBOOK_SIZES): Promise<WorkbookBenchRow[]> {
  const rows: WorkbookBenchRow[] = [];
  for (const size of sizes) {
    const plan = sizedPlan(size.goals, size.actions, size.tracking);
    // One warm-up round on a throwaway workbook so the first size does not time the JIT.
    const warm = createMemoryExcel({ engine: null });
    await warm.run((ctx) => writePlan(ctx, plan, { language: "zh-CN" }));
    await warm.run((ctx) => readPlan(ctx));

    const excel = createMemoryExcel({ engine: null });
    const t0 = performance.now();
    const written = await excel.run((ctx) => writePlan(ctx, plan, { language: "zh-CN", asOf: "2024-09-15" }));
    const writeMs = performance.now() - t0;
    const writeSyncs = excel.stats.syncs;
    const writeBatchBytes = [...excel.stats.batchBytes];
    excel.resetStats();
    const t1 = performance.now();
    const read = await excel.run((ctx) => readPlan(ctx));
    if (read.plan) analyzePlan(read.plan, { asOf: read.asOf ?? "2024-09-15" });
    const readMs = performance.now() - t1;

    // The pane's Save after adding one goal (the port's base is the plan it wrote, as in the pane).
    const rewritten = createMemoryExcel({ engine: null });
    const port = createWorkbookPort((batch) => rewritten.run(batch), { asOf: "2024-09-15" });
    await port.writePlan(plan, { language: "zh-CN" });
    const extra = sizedPlan(size.goals + 1, size.actions, 0).goals[size.goals];
    const withGoal = { ...plan, goals: [...plan.goals, { ...extra, weight: 0 }] };
    rewritten.resetStats();
    const t2 = performance.now();
    const rewrite = await port.writePlan(withGoal, { language: "zh-CN" });
    const rewriteMs = performance.now() - t2;
    rows.push({
      name: `${size.name} ${size.goals} goals / ${size.actions} actions / ${size.tracking.toLocaleString("en-US")} check-ins`,
      goals: size.goals,
      actions: size.actions,
      tracking: size.tracking,
      writeSyncs,
      writeBatchBytes,
      writeMs,
      journalBytes: written.journalBytes,
      readSyncs: excel.stats.syncs,
      readBytes: excel.stats.batchBytes.reduce((a, b) => a + b, 0),
      readMs,
      findings: read.findings.length,
      rewriteSyncs: rewrite.syncs,
      rewriteBatchBytes: [...rewritten.stats.batchBytes],
      rewriteMs,
    });
  }
  return rows;
}

function printTable(rows: WorkbookBenchRow[]): void {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const lines = [
    ["workbook (in-memory Excel, no formula engine)", "write syncs", "bytes per batch", "write total (B)", "of it journal", "write ms", "read syncs", "read ms"],
    ...rows.map((r) => [
      r.name,
      String(r.writeSyncs),
      r.writeBatchBytes.map(kb).join(" + "),
      r.writeBatchBytes.reduce((a, b) => a + b, 0).toLocaleString("en-US"),
      kb(r.journalBytes),
      r.writeMs.toFixed(0),
      String(r.readSyncs),
      r.readMs.toFixed(0),
    ]),
  ];
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  for (const l of lines) console.log(l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchWorkbook().then(printTable, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
