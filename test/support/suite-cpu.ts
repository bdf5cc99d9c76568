/**
 * Measuring only: with PIPBOOK_SUITE_CPU=<file>, each test file appends one JSON line to <file> with the CPU it used —
 * its jest worker's user + system time and that of the child processes it waited for (soffice, python, node), read
 * from /proc/self/stat (Linux; utime, stime, cutime, cstime in clock ticks of 1/100 s). Wall time under a shared
 * machine's load says little; CPU says what a suite costs. `cpuLoad` is the part spent before the first test: loading
 * (and transforming) the file and what it imports. Without the variable this file does nothing.
 */
import { appendFileSync, readFileSync } from "node:fs";

const out = process.env.PIPBOOK_SUITE_CPU;

function ticks(): { self: number; children: number } | null {
  try {
    // the command name (field 2) may hold spaces: split after its closing parenthesis
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const n = (i: number) => Number(fields[i - 3]);
    return { self: n(14) + n(15), children: n(16) + n(17) };
  } catch {
    return null;
  }
}

if (out) {
  const start = ticks();
  const startedAt = Date.now();
  // the first hook runs once the test file and everything it imports has been loaded (and transformed)
  let loaded: { self: number; children: number } | null = null;
  beforeAll(() => {
    loaded = ticks();
  });
  afterAll(() => {
    const end = ticks();
    if (!start || !end) return;
    const line = {
      file: expect.getState().testPath,
      cpuSelf: (end.self - start.self) / 100,
      cpuChildren: (end.children - start.children) / 100,
      cpuLoad: loaded ? (loaded.self - start.self) / 100 : null,
      wall: (Date.now() - startedAt) / 1000,
    };
    appendFileSync(out, `${JSON.stringify(line)}\n`);
  });
}
