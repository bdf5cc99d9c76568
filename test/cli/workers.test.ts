/**
 * `pipbook batch` and `pipbook rollup` on worker threads (issue 16 items 4 and 5), run from the CLI bundle:
 * - a worker run (PIPBOOK_WORKERS=2) writes the same workbooks as a single-thread run (PIPBOOK_WORKERS=0), part by
 *   part, the package's timestamps aside; rows that fail are reported with their roster row, the same in both;
 * - the progress bar (cli-progress, on a terminal: `script` gives the run a pseudo-terminal) still counts to the end;
 * - rollup's JSON is the same read in workers or in one thread;
 * - runBatch with several workbooks in flight reports in roster order and counts every row once;
 * - the pool's own lane (the main thread answering tasks beside its workers) takes tasks, and a local error is a reply.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { runBatch } from "../../src/cli/batch";
import { WorkerPool, inParallel, workerCount } from "../../src/cli/workers/pool";
import { generateWorkbook } from "../../src/cli/workbook-io";
import { parseRoster } from "../../src/cli/roster";
import { parsePlanJson } from "../../src/core/plan-file";
import { validatePlan } from "../../src/core/validate";
import { EXAMPLE_PLAN, cliBundle, runCli, tempDir } from "./harness";

jest.setTimeout(300_000);

const EMPLOYEES = 10;
/** Row 7's target name, taken by a file that is not a workbook. */
const FOREIGN = "PIP-E0007-员工7.xlsx";

function roster(): string {
  const lines = ["姓名,工号,部门,岗位,直属上级,HRBP,计划开始,计划结束"];
  for (let i = 1; i <= EMPLOYEES; i++) {
    const start = `2024-04-${String(1 + (i % 28)).padStart(2, "0")}`;
    lines.push(`员工${i},E${String(i).padStart(4, "0")},销售${(i % 3) + 1}部,销售代表,经理${(i % 4) + 1},陈敏,${start},2024-07-15`);
    // Row 5 of the file: a date that does not exist.
    if (i === 3) lines.push("坏日期,E0999,销售1部,销售代表,经理1,陈敏,2024-02-30,2024-07-15");
  }
  return `${lines.join("\n")}\n`;
}

/** Every part of every workbook in `dir`, docProps/core.xml without its created/modified timestamps. */
async function parts(dir: string): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const name of (await fs.readdir(dir)).sort()) {
    if (!name.endsWith(".xlsx") || name === FOREIGN) continue;
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, name)));
    const files = new Map<string, string>();
    for (const part of Object.keys(zip.files).sort()) {
      if (zip.files[part].dir) continue;
      let text = await zip.file(part)!.async("string");
      if (part === "docProps/core.xml") text = text.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, "");
      files.set(part, text);
    }
    out.set(name, files);
  }
  return out;
}

let work: string;
let rosterFile: string;
beforeAll(async () => {
  work = tempDir("pipbook-workers-");
  rosterFile = path.join(work, "roster.csv");
  await fs.writeFile(rosterFile, roster());
});

describe("pipbook batch in workers", () => {
  test("the same workbooks as a single-thread run, part by part; the bad row reported with its roster row in both", async () => {
    const runs = [];
    for (const workers of ["0", "2"]) {
      const out = path.join(work, `out-${workers}`);
      // A file at one row's target that is not a PIP workbook: that row fails and the file stays as it was.
      await fs.mkdir(out, { recursive: true });
      await fs.writeFile(path.join(out, FOREIGN), "not a workbook");
      const run = await runCli(["batch", rosterFile, "--template", EXAMPLE_PLAN, "-o", out], { env: { PIPBOOK_WORKERS: workers } });
      runs.push({ run, out });
    }
    const [single, parallel] = runs;
    expect(single.run.code).toBe(1);
    expect(parallel.run.code).toBe(1);
    expect(parallel.run.stdout.replace(parallel.out, "OUT")).toBe(single.run.stdout.replace(single.out, "OUT"));
    expect(parallel.run.stdout).toContain(`${EMPLOYEES - 1} workbook(s) written, 2 failed`);
    const failureLines = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("  "));
    expect(failureLines(parallel.run.stderr)).toEqual(failureLines(single.run.stderr));
    expect(failureLines(parallel.run.stderr).join("\n")).toMatch(/row 5\b/);
    expect(failureLines(parallel.run.stderr).join("\n")).toMatch(/row 9\b[^\n]*PIP-E0007/);
    // Every row has a progress line, done counting 1…N.
    const done = parallel.run.stderr.match(/^\[(\d+)\/(\d+)\]/gm) ?? [];
    expect(done).toEqual(Array.from({ length: EMPLOYEES + 1 }, (_v, i) => `[${i + 1}/${EMPLOYEES + 1}]`));

    const a = await parts(single.out);
    const b = await parts(parallel.out);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(a.size).toBe(EMPLOYEES - 1);
    for (const [name, files] of a) {
      expect([...b.get(name)!.keys()]).toEqual([...files.keys()]);
      for (const [part, text] of files) expect({ name, part, same: b.get(name)!.get(part) === text }).toEqual({ name, part, same: true });
    }
    expect(await fs.readFile(path.join(parallel.out, FOREIGN), "utf8")).toBe("not a workbook");
  });

  test("on a terminal the progress bar counts to the end", async () => {
    const out = path.join(work, "out-tty");
    const command = [process.execPath, cliBundle(), "batch", rosterFile, "--template", EXAMPLE_PLAN, "-o", out].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const output = await new Promise<string>((resolve, reject) => {
      // util-linux `script` runs the command on a pseudo-terminal (Debian bsdutils).
      execFile("script", ["-qec", command, "/dev/null"], { env: { ...process.env, LANG: "en_US.UTF-8", PIPBOOK_WORKERS: "2" }, maxBuffer: 16 << 20 }, (error, stdout) =>
        error && typeof error.code !== "number" ? reject(error) : resolve(stdout),
      );
    });
    expect(output).toContain(`${EMPLOYEES + 1}/${EMPLOYEES + 1}`);
    expect(output).toMatch(/█/);
    expect((await fs.readdir(out)).filter((f) => f.endsWith(".xlsx"))).toHaveLength(EMPLOYEES);
  });
});

describe("pipbook rollup in workers", () => {
  test("the same JSON read in workers as in one thread", async () => {
    const folder = path.join(work, "out-2");
    const single = await runCli(["rollup", folder, "--as-of", "2024-05-15", "--json"], { env: { PIPBOOK_WORKERS: "0" } });
    const parallel = await runCli(["rollup", folder, "--as-of", "2024-05-15", "--json"], { env: { PIPBOOK_WORKERS: "2" } });
    // The file that is not a workbook is skipped and counted as a failure in both.
    expect(parallel.code).toBe(single.code);
    expect(parallel.stderr).toBe(single.stderr);
    expect(parallel.stderr).toContain("PIP-E0007");
    const rows = JSON.parse(parallel.stdout).rows;
    expect(rows).toHaveLength(EMPLOYEES - 1);
    expect(parallel.stdout).toBe(single.stdout);
  });
});

describe("runBatch with workbooks in flight at once", () => {
  test("rows finish out of order; written, failures and the progress count come out in roster order", async () => {
    const parsed = parsePlanJson(await fs.readFile(EXAMPLE_PLAN, "utf8"));
    if (!parsed.ok) throw new Error("example");
    const lines = ["name,id,start,end"];
    for (let i = 1; i <= 12; i++) lines.push(`P${i},E${i},2024-04-01,2024-06-30`);
    const out = tempDir();
    const seen: number[] = [];
    const result = await runBatch({
      roster: parseRoster(lines.join("\n"), "r.csv"),
      template: parsed.plan,
      outDir: out,
      language: "en-US",
      concurrency: 4,
      // Later rows finish first; E5 fails.
      generate: async (plan) => {
        const n = Number(plan.header.employeeId.slice(1));
        await new Promise((r) => setTimeout(r, (13 - n) * 5));
        if (n === 5) throw new Error("disk full");
        return new TextEncoder().encode(plan.header.employeeName);
      },
      validate: validatePlan,
      onRow: ({ done }) => seen.push(done),
    });
    expect(seen).toEqual(Array.from({ length: 12 }, (_v, i) => i + 1));
    expect(result.written.map((f) => path.basename(f))).toEqual(
      Array.from({ length: 12 }, (_v, i) => i + 1)
        .filter((n) => n !== 5)
        .map((n) => `PIP-E${n}-P${n}.xlsx`),
    );
    expect(result.failures.map((f) => [f.row, f.key])).toEqual([[6, "roster.writeFailed"]]);
  });
});

describe("the pool from the TypeScript sources (jest, tsx)", () => {
  test("a worker started from src/cli/workers/main.ts through tsx generates the same workbook as this thread", async () => {
    const parsed = parsePlanJson(await fs.readFile(EXAMPLE_PLAN, "utf8"));
    if (!parsed.ok) throw new Error("example");
    const pool = new WorkerPool(1);
    try {
      const reply = await pool.run({ kind: "generate", plan: parsed.plan, language: "en-US", asOf: "2024-05-15" });
      if (reply.kind !== "bytes") throw new Error(`worker: ${JSON.stringify(reply)}`);
      const here = await generateWorkbook(parsed.plan, { language: "en-US", asOf: "2024-05-15" });
      const dir = tempDir();
      await fs.mkdir(path.join(dir, "a"));
      await fs.mkdir(path.join(dir, "b"));
      await fs.writeFile(path.join(dir, "a", "p.xlsx"), reply.bytes);
      await fs.writeFile(path.join(dir, "b", "p.xlsx"), here);
      const [a, b] = [await parts(path.join(dir, "a")), await parts(path.join(dir, "b"))];
      expect([...a.get("p.xlsx")!.entries()]).toEqual([...b.get("p.xlsx")!.entries()]);
    } finally {
      await pool.close();
    }
  });
});

describe("the main thread as one of the pool's lanes", () => {
  test("tasks go to the worker and to the main thread's own lane, each answered once; a local failure is an error reply", async () => {
    const parsed = parsePlanJson(await fs.readFile(EXAMPLE_PLAN, "utf8"));
    if (!parsed.ok) throw new Error("example");
    let workerAnswered!: () => void;
    const aWorkerAnswered = new Promise<void>((resolve) => (workerAnswered = resolve));
    const localTasks: string[] = [];
    // The local lane waits for the worker's first answer, so that both lanes are seen taking tasks however slowly the
    // worker starts; it answers with a one-byte marker, and fails the task of E3.
    const pool = new WorkerPool(1, async (task) => {
      if (task.kind !== "generate") throw new Error("generate only here");
      await aWorkerAnswered;
      localTasks.push(task.plan.header.employeeId);
      if (task.plan.header.employeeId === "E3") return { kind: "error", cliError: null, message: "local failure" };
      return { kind: "bytes", bytes: new Uint8Array([1]) };
    });
    try {
      // Three tasks posted to the worker at once (pool.ts's DEPTH), two for the main thread's lane.
      expect(pool.capacity).toBe(5);
      const ids = Array.from({ length: 6 }, (_v, i) => `E${i + 1}`);
      const replies = await inParallel(ids, pool.capacity, async (id) => {
        const reply = await pool.run({ kind: "generate", plan: { ...parsed.plan, header: { ...parsed.plan.header, employeeId: id } }, language: "en-US", asOf: "2024-05-15" });
        if (reply.kind === "bytes" && reply.bytes.length > 1) workerAnswered();
        return [id, reply] as const;
      });
      const local = replies.filter(([id]) => localTasks.includes(id));
      const byWorker = replies.filter(([id]) => !localTasks.includes(id));
      expect(local.length).toBeGreaterThan(0);
      expect(byWorker.length).toBeGreaterThan(0);
      expect(local.length + byWorker.length).toBe(6);
      for (const [, reply] of byWorker) expect(reply.kind === "bytes" && reply.bytes.length > 1000).toBe(true);
      for (const [id, reply] of local) expect(reply).toEqual(id === "E3" ? { kind: "error", cliError: null, message: "local failure" } : { kind: "bytes", bytes: new Uint8Array([1]) });
    } finally {
      await pool.close();
    }
  });

  test("workerCount: one fewer than the cores beside the main thread (none on one core), PIPBOOK_WORKERS as asked, none for a handful", () => {
    const cores = os.availableParallelism();
    expect(workerCount(100, {})).toBe(cores - 1);
    expect(workerCount(3, {})).toBe(0);
    expect(workerCount(100, { PIPBOOK_WORKERS: "3" })).toBe(3);
    expect(workerCount(2, { PIPBOOK_WORKERS: "3" })).toBe(2);
    expect(workerCount(100, { PIPBOOK_WORKERS: "0" })).toBe(0);
  });
});

describe("a worker that dies", () => {
  test("fails the task it was working on; the task posted behind it and later ones go to the worker that replaces it", async () => {
    // A stand-in worker: answers a rollup task with its file name, and exits on the file "die".
    const script = () => ({
      eval: true,
      file: [
        'const { parentPort } = require("node:worker_threads");',
        'parentPort.on("message", (task) => {',
        '  if (task.file === "die") process.exit(7);',
        '  parentPort.postMessage({ kind: "error", cliError: null, message: "answered " + task.file });',
        "});",
      ].join("\n"),
    });
    const pool = new WorkerPool(1, undefined, script);
    try {
      const run = (file: string) =>
        pool.run({ kind: "rollup", file, asOf: "2024-05-15" }).then(
          (reply) => (reply.kind === "error" ? reply.message : reply.kind),
          (error: Error) => `failed: ${error.message}`,
        );
      // All four handed over at once: "a" and "die" are posted to the worker together (it holds two), "b" after "a".
      const results = await Promise.all(["a", "die", "b", "c"].map(run));
      expect(results).toEqual(["answered a", "failed: worker exited with code 7", "answered b", "answered c"]);
    } finally {
      await pool.close();
    }
  });
});
