/**
 * jest's test order (test/support/sequencer.cjs): on a machine without jest's cache of the last run's times, the
 * files measured longest run first; a file jest has a time for keeps jest's own order.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MeasuredFirst = require("../support/sequencer.cjs") as new (options: unknown) => { sort(tests: FakeTest[]): FakeTest[] | Promise<FakeTest[]> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const seconds = require("../support/suite-seconds.json") as Record<string, number>;

const root = path.resolve(__dirname, "..", "..");

interface FakeTest {
  path: string;
  duration?: number;
  context: { config: { cacheDirectory: string; id: string }; hasteFS: { getSize(p: string): number } };
}

function testsIn(cacheDirectory: string, files: string[], sizes: Record<string, number>): FakeTest[] {
  const context = { config: { cacheDirectory, id: "sequencer-test" }, hasteFS: { getSize: (p: string) => sizes[path.relative(root, p)] ?? 0 } };
  return files.map((f) => ({ path: path.join(root, f), context }));
}

describe("the test sequencer", () => {
  let cache: string;
  beforeEach(() => {
    cache = mkdtempSync(path.join(os.tmpdir(), "pipbook-sequencer-"));
  });
  afterEach(() => rmSync(cache, { recursive: true, force: true }));

  test("without jest's cache, the longest measured files come first, not the largest", async () => {
    const files = ["test/a1/kept.test.ts", "test/cli/libreoffice.test.ts", "test/excel/crash-safe-random.test.ts"];
    // crash-safe-random.test.ts is the smallest file of the three: by size alone it would run last
    const sizes = { "test/a1/kept.test.ts": 3_000, "test/cli/libreoffice.test.ts": 16_000, "test/excel/crash-safe-random.test.ts": 1_600 };
    const sorted = await new MeasuredFirst({}).sort(testsIn(cache, files, sizes));
    expect(sorted.map((t) => path.relative(root, t.path))).toEqual([
      "test/excel/crash-safe-random.test.ts",
      "test/cli/libreoffice.test.ts",
      "test/a1/kept.test.ts",
    ]);
  });

  test("a file it has no measured seconds for runs first, as jest runs files it has no time for", async () => {
    const files = ["test/excel/crash-safe-random.test.ts", "test/new-suite.test.ts"];
    const sorted = await new MeasuredFirst({}).sort(testsIn(cache, files, {}));
    expect(path.relative(root, sorted[0]!.path)).toBe("test/new-suite.test.ts");
  });

  test("every file listed with its seconds exists", () => {
    const missing = Object.keys(seconds).filter((f) => !existsSync(path.join(root, f)));
    expect(missing).toEqual([]);
    expect(Object.keys(seconds).length).toBeGreaterThan(100);
  });
});
