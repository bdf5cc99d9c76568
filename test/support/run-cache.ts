/**
 * What the test files of one jest run can share instead of each building it again: the CLI bundle (an esbuild of
 * src/cli/bin.ts, ~0.4 s CPU) and the .xlsx corpus of test/cli/xlsx-corpus.ts (~3 s). The first file that needs one
 * builds it into a folder of the run; the others read it there.
 *
 * The folder is the run's: named after the jest process whose workers run the files (this process when jest runs in
 * band) and its start time, and after the sources — path, size and modification time of every file under src/,
 * test/ and examples/ and of package.json and package-lock.json — so that an edit between two runs of a watch session
 * builds anew, and two runs never share. The folders of runs that have ended are removed when a new one is made.
 * Without /proc (not Linux) nothing is shared: each file builds its own.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** Field 22 of /proc/<pid>/stat: the process's start time in clock ticks after boot; null when unreadable. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[22 - 3] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sourcesDigest(): string {
  const hash = createHash("sha256");
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) {
        const stat = statSync(full);
        hash.update(`${path.relative(ROOT, full)}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["src", "test", "examples"]) visit(path.join(ROOT, dir));
  for (const file of ["package.json", "package-lock.json"]) {
    const stat = statSync(path.join(ROOT, file));
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

let folder: string | null | undefined;

/** The run's folder (made world-readable: a test runs the CLI as nobody), or null when the run cannot be named. */
export function runFolder(): string | null {
  if (folder !== undefined) return folder;
  // jest's workers are `node …/jest-worker/…/processChild.js`, children of the jest process; in band, jest is this one.
  const inWorker = process.argv.some((arg) => arg.includes(`${path.sep}jest-worker${path.sep}`));
  const pid = inWorker ? process.ppid : process.pid;
  const started = startTime(pid);
  if (started === null) return (folder = null);
  folder = path.join(os.tmpdir(), `${PREFIX}${pid}-${started}-${sourcesDigest()}`);
  if (!existsSync(folder)) removeFinishedRuns();
  mkdirSync(folder, { recursive: true, mode: 0o755 });
  return folder;
}

const PREFIX = "pipbook-test-run-";

/** The folders of runs whose jest process has ended (its pid gone, or another process's start time under it). */
function removeFinishedRuns(): void {
  for (const name of readdirSync(os.tmpdir())) {
    const m = new RegExp(`^${PREFIX}(\\d+)-(\\d+)-`).exec(name);
    if (m && startTime(Number(m[1])) !== m[2]) rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

/**
 * The path of `name` in the run's folder, built by `build(at)` (which writes `at`, a file or a folder) unless a file
 * of the run built it before; null when the run has no folder. The result appears at once (a rename) or not at all;
 * two files building it at the same moment both build, and the first rename wins.
 */
export function sharedSync(name: string, build: (at: string) => void): string | null {
  const dir = runFolder();
  if (dir === null) return null;
  const final = path.join(dir, name);
  if (existsSync(final)) return final;
  const staging = path.join(dir, `.${name}.${process.pid}.building`);
  rmSync(staging, { recursive: true, force: true });
  build(staging);
  try {
    renameSync(staging, final);
  } catch (error) {
    // Another file of the run was quicker (a folder cannot be renamed onto a non-empty one): use its build.
    if (!existsSync(final)) throw error;
    rmSync(staging, { recursive: true, force: true });
  }
  return final;
}

/**
 * As sharedSync for a build that takes seconds: the first file to ask holds a lock while it builds, the others wait
 * for its result (or build themselves when the holder is gone without one).
 */
export async function shared(name: string, build: (at: string) => Promise<void>): Promise<string | null> {
  const dir = runFolder();
  if (dir === null) return null;
  const final = path.join(dir, name);
  const lock = path.join(dir, `.${name}.lock`);
  for (;;) {
    if (existsSync(final)) return final;
    let fd: number | null = null;
    try {
      fd = openSync(lock, "wx");
    } catch {
      // Held by another file of the run (or released since): wait for its result, unless its process is gone.
      let holder = 0;
      try {
        holder = Number(readFileSync(lock, "utf8").trim() || "0");
      } catch {
        continue;
      }
      if (holder > 0 && !isAlive(holder)) rmSync(lock, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      if (existsSync(final)) return final;
      const staging = path.join(dir, `.${name}.${process.pid}.building`);
      rmSync(staging, { recursive: true, force: true });
      await build(staging);
      renameSync(staging, final);
      return final;
    } finally {
      rmSync(lock, { force: true });
    }
  }
}
