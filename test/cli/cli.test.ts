/**
 * End-to-end: the real CLI bundle in a child process — help, version, usage errors (exit 2), validate and
 * analyze on a plan JSON, bad input files (one line naming the file and place, never a stack trace).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { EXAMPLE_PLAN, hasStackTrace, runCli, tempDir } from "./harness";

jest.setTimeout(60_000);

interface ExampleEntry {
  date: string;
  goalId: string;
  actual: number;
}

async function exampleJson(): Promise<{ goals: { id: string; target: number; baseline: number; weight: number }[]; tracking: ExampleEntry[] }> {
  return JSON.parse(await fs.readFile(EXAMPLE_PLAN, "utf8"));
}

describe("help, version and usage errors", () => {
  test("--help lists every command and exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    for (const command of ["generate", "batch", "validate", "analyze", "rollup"]) expect(run.stdout).toContain(command);
  });

  test("help follows LANG=zh_CN and --lang", async () => {
    const zh = await runCli(["--help"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(zh.stdout).toContain("用法：");
    expect(zh.stdout).toContain("校验计划");
    const en = await runCli(["validate", "--help", "--lang", "en-US"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(en.stdout).toContain("Usage:");
    const lcAll = await runCli(["--help"], { env: { LANG: "en_US.UTF-8", LC_ALL: "zh_CN.UTF-8" } });
    expect(lcAll.stdout).toContain("用法：");
  });

  test("--version prints the package version", async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(__dirname, "../../package.json"), "utf8")) as { version: string };
    const run = await runCli(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  test.each([
    [["validate", "--frobnicate", "x.json"], /unknown option '--frobnicate'/],
    [["validate"], /missing argument 'plan.json\|plan.xlsx'/],
    [["generate", "x.json"], /required option '-o, --output <plan.xlsx>' not given/],
    [["frob"], /unknown command 'frob'/],
    [["analyze", "--as-of", "2024-02-30", "x.json"], /--as-of "2024-02-30" is not a date/],
    [["validate", "--lang", "fr-FR", "x.json"], /--lang "fr-FR" is not supported/],
    [["validate", "plan.txt"], /plan.txt: unsupported file type/],
    [[], /Usage: pipbook \[options\] \[command\]/],
  ])("usage error %j exits 2 with one message", async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  test("usage errors are translated for zh-CN", async () => {
    const run = await runCli(["validate", "--frobnicate", "x.json"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("未知选项 '--frobnicate'");
  });
});

describe("validate and analyze on a plan JSON", () => {
  test("validate of the worked example finds nothing and exits 0", async () => {
    const run = await runCli(["validate", EXAMPLE_PLAN]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("no findings");
  });

  test("validate --json lists code, severity, location and message; errors exit 1", async () => {
    const dir = tempDir();
    const plan = JSON.parse(await fs.readFile(EXAMPLE_PLAN, "utf8"));
    plan.header.planEnd = "2024-03-01";
    const file = path.join(dir, "bad.plan.json");
    await fs.writeFile(file, JSON.stringify(plan));
    const run = await runCli(["validate", file, "--json", "--lang", "zh-CN"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.format).toBe("pipbook.validate/1");
    const finding = json.findings.find((f: { code: string }) => f.code === "PLAN_END_BEFORE_START");
    expect(finding).toMatchObject({ severity: "error", location: { entity: "header", field: "planEnd" } });
    expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
    expect(json.errorCount).toBeGreaterThan(0);
  });

  test("analyze --json gives the worked example's numbers (computed here from FORMULAS.md)", async () => {
    const example = await exampleJson();
    const run = await runCli(["analyze", EXAMPLE_PLAN, "--json", "--as-of", "2024-06-30"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.format).toBe("pipbook.analyze/1");
    expect(json.asOf).toBe("2024-06-30");
    const actuals = (id: string) => example.tracking.filter((e) => e.goalId === id).map((e) => e.actual);
    const g1 = actuals("G1").reduce((a, b) => a + b, 0);
    const g2 = actuals("G2").reduce((a, b) => a + b, 0) / actuals("G2").length;
    const [goal1, goal2] = example.goals;
    const att1 = g1 / goal1.target;
    const att2 = (2 * goal2.target - g2) / goal2.target;
    expect(json.goals[0].toDate).toBeCloseTo(g1, 9);
    expect(json.goals[0].attainment).toBeCloseTo(att1, 9);
    expect(json.goals[0].progress).toBeCloseTo((g1 - goal1.baseline) / (goal1.target - goal1.baseline), 9);
    expect(json.goals[1].toDate).toBeCloseTo(g2, 9);
    expect(json.goals[1].attainment).toBeCloseTo(att2, 9);
    const overall = (goal1.weight * att1 + goal2.weight * att2) / (goal1.weight + goal2.weight);
    expect(json.overall.attainment).toBeCloseTo(overall, 9);
    expect(json.overall.outcomeSuggestion).toBe(overall >= 1 ? "met" : overall >= 0.8 ? "partially-met" : "not-met");
    expect(json.goals[0].periods.length).toBe(13);
  });

  test("analyze prints a readable table by default", async () => {
    const run = await runCli(["analyze", EXAMPLE_PLAN, "--as-of", "2024-05-15", "--lang", "en-US"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Goal\s+To date\s+Target\s+Attainment\s+Progress\s+Status/);
    expect(run.stdout).toContain("2024-W14");
    expect(run.stdout).toMatch(/Overall weighted attainment: \d+\.\d%/);
    // the "%" goal's to-date value and target as the percentages they are, as the workbook shows them (they printed
    // as the fractions 0.0437 and 0.03)
    const complaints = run.stdout.split("\n").find((l) => l.startsWith("G2 "));
    expect(complaints).toMatch(/\s4\.37%\s+3%\s+\d+\.\d%/);
    expect(run.stdout).not.toMatch(/(^|\s)0\.0\d+(\s|$)/m);
  });
});

describe("--json when the command fails: stdout still holds JSON a script can read", () => {
  test("a missing file, a file of another kind and an unreadable plan give pipbook.error/1 with the exit code", async () => {
    const dir = tempDir();
    const broken = path.join(dir, "broken.plan.json");
    await fs.writeFile(broken, '{\n  "schemaVersion": 1,\n  "header": { "title": "x", }\n}\n');
    const cases: [string[], number, string][] = [
      [["validate", path.join(dir, "missing.xlsx"), "--json"], 1, "file.missing"],
      [["analyze", path.join(dir, "notes.txt"), "--json"], 2, "usage.badExtension"],
      [["analyze", broken, "--json"], 1, "plan.unreadable"],
    ];
    await fs.writeFile(path.join(dir, "notes.txt"), "hello");
    for (const [args, exitCode, code] of cases) {
      const run = await runCli(args);
      expect(run.code).toBe(exitCode);
      const json = JSON.parse(run.stdout) as { format: string; error: { code: string; exitCode: number; message: string } };
      expect(json.format).toBe("pipbook.error/1");
      expect(json.error).toEqual(expect.objectContaining({ code, exitCode }));
      // the same sentence is still on stderr for a person
      expect(run.stderr).toContain(json.error.message.split(";")[0]!.slice(0, 20));
    }
  });
});

describe("bad input: one line naming the file and place, no stack trace", () => {
  test("malformed JSON names line and column, exit 1", async () => {
    const dir = tempDir();
    const file = path.join(dir, "broken.plan.json");
    await fs.writeFile(file, '{\n  "schemaVersion": 1,\n  "header": { "title": "x", }\n}\n');
    for (const command of ["analyze", "generate"]) {
      const args = command === "generate" ? [command, file, "-o", path.join(dir, "out.xlsx")] : [command, file];
      const run = await runCli(args);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toContain("broken.plan.json");
      expect(run.stderr).toMatch(/line 3, column \d+/);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
    await expect(fs.access(path.join(dir, "out.xlsx"))).rejects.toThrow();
  });

  test("an output folder that does not exist is named, exit 1", async () => {
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", "/nonexistent/dir/plan.xlsx"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("pipbook: /nonexistent/dir/plan.xlsx: cannot be written, the folder /nonexistent/dir does not exist");
  });

  test("a missing file is named, exit 1", async () => {
    const run = await runCli(["validate", "/nonexistent/plan.json"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("pipbook: /nonexistent/plan.json: no such file");
  });

  test("a folder given as a plan is named", async () => {
    const folder = path.join(tempDir(), "sub.json");
    await fs.mkdir(folder);
    const run = await runCli(["analyze", folder]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("is a folder");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  test("--debug shows the stack of an input error's cause", async () => {
    const run = await runCli(["validate", "/nonexistent/plan.json", "--debug"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("pipbook: /nonexistent/plan.json: no such file");
    expect(hasStackTrace(run.stderr)).toBe(true);
  });
});
