/**
 * The CLI's worker threads (`node:worker_threads`): `pipbook batch` generates workbooks and `pipbook rollup` reads
 * them on every core — the main thread and one worker per further core (`os.availableParallelism()` − 1), or as
 * many workers beside the main thread as PIPBOOK_WORKERS says (0 = everything in the main thread, as before).
 *
 * The worker script is the CLI itself: from the esbuild bundle (dist/cli/pipbook.cjs) the same file is started
 * again and src/cli/bin.ts sees `workerData.pipbookWorker` (./entry.ts serves tasks instead of parsing argv);
 * from the TypeScript sources (tsx, jest) it is ./main.ts through tsx's CommonJS hook.
 *
 * A task's answer comes back in the order the worker finishes; the caller decides what order to report in.
 * A worker that dies fails its task and is replaced, so one bad workbook does not stop a batch.
 */
import os from "node:os";
import path from "node:path";
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { at } from "../../core/indexed";
import type { WorkerReply, WorkerTask } from "./protocol";

/**
 * How many worker threads for `tasks` tasks, beside the main thread, which takes tasks too (WorkerPool's `local`):
 * PIPBOOK_WORKERS if set, else one fewer than the cores, so that every core has one isolate generating; none for a
 * handful of tasks. On 2 cores that is one worker and the main thread: a third isolate would only add its start-up
 * (~0.2 s, the bundle parsed again), its own warm-up and its heap (docs/PERFORMANCE.md).
 */
export function workerCount(tasks: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.PIPBOOK_WORKERS;
  if (asked !== undefined && asked !== "" && /^\d+$/.test(asked)) return Math.min(Number(asked), tasks);
  // Below 4 tasks, or on one core, one thread is quicker than starting another.
  if (tasks < 4) return 0;
  return Math.min(os.availableParallelism() - 1, tasks);
}

/** The worker: the bundle itself, or from the TypeScript sources a CommonJS stub that registers tsx and loads ./main.ts. */
function workerScript(): { file: string; eval: boolean } {
  // In the bundle, __filename is dist/cli/pipbook.cjs itself.
  if (__filename.endsWith(".cjs")) return { file: __filename, eval: false };
  const source = path.join(__dirname, "main.ts");
  if (!existsSync(source)) throw new Error(`worker script not found: ${source}`);
  // tsx's CommonJS hook, as bin/pipbook.cjs uses it when the bundle is not built (jest and tsx alike).
  // Not a literal: the bundle never takes this branch, and esbuild leaves a computed require.resolve alone.
  const hook = ["tsx", "cjs", "api"].join("/");
  const tsx = require.resolve(hook);
  return { file: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, eval: true };
}

interface Pending {
  task: WorkerTask;
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
}

/**
 * Tasks a worker holds at once: the one it works on and the next ones, already posted, so that it never waits for
 * the main thread — which, as a lane itself, reads the worker's answer only between its own tasks (~25–40 ms each).
 * With one task at a time the worker sat idle 1.2 s of a 3.9 s `batch 100` (cpu-prof, 2026-12-01); with two, still
 * 0.4 s of 2.8 s in gaps of 50–75 ms (the main lane's task and the worker's answer crossing); with three, batch 100
 * took 2.81 s against 2.94 s on average over five alternated runs each (min 2.67 / 2.80).
 */
const DEPTH = 3;

export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Per worker, the tasks posted to it, in the order it answers them (it answers one at a time: ./entry.ts). */
  private readonly inFlight = new Map<Worker, Pending[]>();
  private readonly queue: Pending[] = [];
  private closed = false;
  /** Whether the main thread's own lane (`local`) is answering a task now. */
  private localBusy = false;

  /**
   * `size` worker threads; with `local`, the main thread answers tasks too, one at a time, beside the workers
   * (each worker is kept DEPTH tasks deep first, so a local task blocking this thread's event loop does not starve
   * them). An error of a local task is its reply (like a worker's); only a crash of the process would stop the batch.
   */
  constructor(
    private readonly size: number,
    private readonly local?: (task: WorkerTask) => Promise<WorkerReply>,
    /** The worker's script (tests give one that dies on cue). */
    private readonly script: () => { file: string; eval: boolean } = workerScript,
    /** The worker's young generation, MB (see spawn). */
    private readonly youngGenerationMb = 48,
  ) {
    for (let i = 0; i < size; i++) this.add();
  }

  private add(): void {
    const worker = this.spawn();
    this.workers.push(worker);
    this.inFlight.set(worker, []);
  }

  private spawn(): Worker {
    const script = this.script();
    // A young generation of 48 MB for `batch` (rollup asks for 8: see runRollup). With one worker beside the main thread (2 cores), a workbook's short-lived data
    // (~20 MB allocated) dies young there instead of being promoted: in-process, a worker generating the example took
    // 55 ms of CPU a workbook with 8 MB, 43 with 32, 39 with 64 and 42 with V8's default; `batch 100` CPU 6.0–6.3 →
    // 5.8–5.9 s at the same peak RSS, ~330 MB (2026-12-01 afternoon, docs/PERFORMANCE.md; with two workers and the
    // code of the morning, 8 MB had been the better choice). The old generation is not limited: a 160 MB limit cost
    // 45 % more CPU in garbage collection, and a large plan must not run out of heap.
    const worker = new Worker(script.file, { eval: script.eval, workerData: { pipbookWorker: true }, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: this.youngGenerationMb } });
    worker.on("message", (reply: WorkerReply) => {
      const pending = this.inFlight.get(worker)?.shift();
      pending?.resolve(reply);
      this.next();
    });
    worker.on("error", (error) => this.lost(worker, error));
    worker.on("exit", (code) => {
      if (!this.closed) this.lost(worker, new Error(`worker exited with code ${code}`));
    });
    return worker;
  }

  /**
   * A worker died: the task it was working on fails (it may be what killed it), the task waiting behind it goes back
   * to the front of the queue, and a new worker takes its place.
   */
  private lost(worker: Worker, error: Error): void {
    const pending = this.inFlight.get(worker);
    if (pending === undefined) return;
    this.inFlight.delete(worker);
    this.workers.splice(this.workers.indexOf(worker), 1);
    const [current, ...waiting] = pending;
    current?.reject(error);
    this.queue.unshift(...waiting);
    if (this.closed) for (const p of waiting) p.reject(error);
    else {
      this.add();
      this.next();
    }
  }

  private next(): void {
    for (let depth = 1; depth <= DEPTH; depth++) {
      for (const worker of this.workers) {
        const posted = this.inFlight.get(worker);
        if (!posted || posted.length >= depth || this.queue.length === 0) continue;
        const pending = this.queue.shift()!;
        posted.push(pending);
        worker.postMessage(pending.task);
      }
    }
    const local = this.local;
    if (local && !this.localBusy && this.queue.length > 0) {
      const pending = this.queue.shift()!;
      this.localBusy = true;
      // After the current turn, so that the workers' messages posted just now go out first.
      setImmediate(() => {
        local(pending.task)
          .then(pending.resolve, pending.reject)
          .finally(() => {
            this.localBusy = false;
            if (!this.closed) this.next();
          });
      });
    }
  }

  run(task: WorkerTask): Promise<WorkerReply> {
    if (this.closed) return Promise.reject(new Error("worker pool closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.next();
    });
  }

  /** Tasks a caller may hand over at once so that no lane waits (DEPTH per worker, and two for the local lane). */
  get capacity(): number {
    return this.size * DEPTH + (this.local ? 2 : 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.workers];
    this.workers.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
}

/** Run `task` over `items` with at most `limit` in flight; results in the items' order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(at(items, i, "work item"), i);
    }
  });
  await Promise.all(lanes);
  return results;
}
