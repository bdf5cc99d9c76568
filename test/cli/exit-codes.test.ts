/**
 * The exit-code table of the README: analyze exits 1 when the plan has errors (the numbers still printed), as
 * validate does; a window beyond the limit is refused at once instead of building its period grid.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { EXAMPLE_PLAN, runCli, tempDir } from "./harness";

jest.setTimeout(60_000);

let work: string;
let example: Record<string, Record<string, unknown>>;

async function planFile(name: string, edit: (p: Record<string, Record<string, unknown>>) => void): Promise<string> {
  const p = structuredClone(example);
  edit(p);
  const file = path.join(work, name);
  await fs.writeFile(file, JSON.stringify(p, null, 2));
  return file;
}

beforeAll(async () => {
  work = tempDir();
  example = JSON.parse(await fs.readFile(EXAMPLE_PLAN, "utf8"));
});

describe("exit codes", () => {
  test("a plan without errors: validate 0, analyze 0", async () => {
    expect((await runCli(["validate", EXAMPLE_PLAN])).code).toBe(0);
    expect((await runCli(["analyze", EXAMPLE_PLAN, "--as-of", "2024-05-15"])).code).toBe(0);
  });

  test("a plan with errors: validate 1 and analyze 1, analyze still prints its numbers and the error count", async () => {
    const file = await planFile("weights.json", (p) => {
      (p.goals as unknown as { weight: number }[])[0].weight = 0.9;
    });
    const validate = await runCli(["validate", file, "--json"]);
    expect(validate.code).toBe(1);
    const analyze = await runCli(["analyze", file, "--json", "--as-of", "2024-05-15"]);
    expect(analyze.code).toBe(1);
    const json = JSON.parse(analyze.stdout) as { errorCount: number; goals: { toDate: number }[] };
    expect(json.errorCount).toBe((JSON.parse(validate.stdout) as { errorCount: number }).errorCount);
    expect(json.errorCount).toBeGreaterThan(0);
    expect(json.goals[0].toDate).toBeCloseTo(19.1, 9);
  });

  test("a window of 0001-01-01 to 9999-12-31: analyze exits 1 in one line, without computing 521,000 periods", async () => {
    const file = await planFile("long.json", (p) => {
      p.header.planStart = "0001-01-01";
      p.header.planEnd = "9999-12-31";
    });
    const started = Date.now();
    const run = await runCli(["analyze", file, "--as-of", "2024-05-15"]);
    expect(run.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("longer than the limit of 1827 days (5 years)");
    const generate = await runCli(["generate", file, "-o", path.join(work, "long.xlsx")]);
    expect(generate.code).toBe(1);
  });
});
