/**
 * End-to-end with workbooks: generate, validate/analyze on .xlsx, batch, rollup, and the bad-input cases
 * (not a PIP workbook, not an .xlsx, password-protected, locked). The real CLI bundle runs in a child process.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { readChartRefs } from "../../src/cli/xlsx/charts";
import { excelJsInput } from "../../src/cli/xlsx/bytes";
import { LAYOUT, SHEETS, TABLES, defaultSheetNames, firstDataRow, listTable, columnIndexOf, columnLetter } from "../../src/workbook";
import { evaluationContent } from "../../src/workbook/sheets/evaluation";
import { parsePlanJson } from "../../src/core/plan-file";
import { spawnSync } from "node:child_process";
import { EXAMPLE_PLAN, FIXTURES, ROOT, cliBundle, hasStackTrace, runCli, tempDir } from "./harness";

jest.setTimeout(120_000);

async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(excelJsInput(await fs.readFile(file)));
  return workbook;
}

/** Runtime model of ExcelJS 4.4 that its typings omit. */
interface LoadedSheet {
  dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> };
  conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[];
  sheetProtection?: { sheet?: boolean };
  tables: Record<string, unknown>;
}

let work: string;
let generated: string;

beforeAll(async () => {
  work = tempDir();
  generated = path.join(work, "example.xlsx");
  const run = await runCli(["generate", EXAMPLE_PLAN, "-o", generated, "--as-of", "2024-05-15"]);
  if (run.code !== 0) throw new Error(`generate failed: ${run.stderr}`);
});

describe("generate", () => {
  test("writes the add-in's workbook: every sheet and PIP table, validation, conditional formats, protection, frozen panes", async () => {
    const workbook = await loadXlsx(generated);
    const names = defaultSheetNames("zh-CN");
    for (const sheet of SHEETS) expect(workbook.getWorksheet(names[sheet.key])).toBeDefined();
    const tableNames = workbook.worksheets.flatMap((ws) => Object.keys((ws as unknown as LoadedSheet).tables));
    for (const table of TABLES) expect(tableNames).toContain(table.name);

    const goals = workbook.getWorksheet(names.goals)!;
    const loaded = goals as unknown as LoadedSheet;
    expect(Object.keys(loaded.dataValidations.model).length).toBeGreaterThan(0);
    expect(loaded.conditionalFormattings.length).toBeGreaterThan(0);
    expect(loaded.sheetProtection?.sheet).toBe(true);
    expect(goals.views[0]).toMatchObject({ state: "frozen" });
    // Input cells stay editable on the protected sheet; formula cells do not.
    const goalsTable = listTable("PIP_Goals");
    const row = firstDataRow(goalsTable);
    expect(goals.getCell(`${columnLetter(columnIndexOf(goalsTable, "target"))}${row}`).protection?.locked).toBe(false);
    expect(goals.getCell(`${columnLetter(columnIndexOf(goalsTable, "attainment"))}${row}`).protection?.locked).not.toBe(false);
    expect(goals.pageSetup.printArea).toBeTruthy();
  });

  test("formulas newer than Excel 2007 carry the _xlfn. prefix in the file", async () => {
    const workbook = await loadXlsx(generated);
    const formulas: string[] = [];
    workbook.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => c.formula && formulas.push(c.formula))));
    expect(formulas.length).toBeGreaterThan(0);
    const unprefixed = formulas.filter((f) => /(^|[^._A-Za-z])(MAXIFS|MINIFS|IFS|SWITCH|ISOWEEKNUM)\(/.test(f));
    expect(unprefixed).toEqual([]);
  });

  test("--lang en-US writes English sheet names", async () => {
    const file = path.join(work, "en.xlsx");
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", file, "--lang", "en-US"]);
    expect(run.code).toBe(0);
    const workbook = await loadXlsx(file);
    expect(workbook.getWorksheet(defaultSheetNames("en-US").goals)).toBeDefined();
  });

  test("the Evaluation sheet's charts are native chart parts with the declared titles, types and series ranges", async () => {
    const plan = parsePlanJson(await fs.readFile(EXAMPLE_PLAN, "utf8"));
    if (!plan.ok) throw new Error("example plan does not parse");
    const names = defaultSheetNames("zh-CN");
    const declared = evaluationContent(plan.plan, { lang: "zh-CN", names, layout: LAYOUT }).charts;
    const charts = (await readChartRefs(new Uint8Array(await fs.readFile(generated)))).get(names.evaluation) ?? [];
    expect(declared.length).toBeGreaterThan(0);
    const sheet = names.evaluation;
    const absolute = (a1: string) => `${sheet}!${a1.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
    expect(charts.map((c) => c.title)).toEqual(declared.map((d) => d.title));
    declared.forEach((decl, i) => {
      expect(charts[i].series.map((s) => s.values.replace(/'/g, ""))).toEqual(decl.series.map((s) => absolute(s.values)));
      // A column chart with line series is a combination chart: one plot group per type.
      expect(charts[i].series.map((s) => s.kind)).toEqual(decl.series.map((s) => (s.chartType === "ColumnClustered" ? "barChart" : "lineChart")));
    });
  });

  test("an invalid plan writes no workbook and exits 1 naming the problem", async () => {
    const plan = JSON.parse(await fs.readFile(EXAMPLE_PLAN, "utf8"));
    plan.goals[0].weight = 0.9;
    const input = path.join(work, "weights.plan.json");
    await fs.writeFile(input, JSON.stringify(plan));
    const output = path.join(work, "weights.xlsx");
    const run = await runCli(["generate", input, "-o", output]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("WEIGHTS_NOT_100");
    await expect(fs.access(output)).rejects.toThrow();
  });
});

describe("validate and analyze on a generated .xlsx", () => {
  test("validate finds nothing in a fresh workbook", async () => {
    const run = await runCli(["validate", generated]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("no findings");
  });

  test("analyze --json of the workbook equals analyze --json of the plan it came from", async () => {
    const fromXlsx = await runCli(["analyze", generated, "--json", "--as-of", "2024-05-15"]);
    const fromJson = await runCli(["analyze", EXAMPLE_PLAN, "--json", "--as-of", "2024-05-15"]);
    expect(fromXlsx.code).toBe(0);
    const a = JSON.parse(fromXlsx.stdout);
    const b = JSON.parse(fromJson.stdout);
    delete a.file;
    delete b.file;
    expect(a).toEqual(b);
  });

  test("a tracking actual replaced with text is a finding that names its cell; exit 1", async () => {
    const workbook = await loadXlsx(generated);
    const tracking = listTable("PIP_Tracking");
    const sheetName = defaultSheetNames("zh-CN").tracking;
    const cell = `${columnLetter(columnIndexOf(tracking, "actual"))}${firstDataRow(tracking) + 2}`;
    workbook.getWorksheet(sheetName)!.getCell(cell).value = "四十";
    const file = path.join(work, "text-actual.xlsx");
    await workbook.xlsx.writeFile(file);

    const run = await runCli(["validate", file, "--json"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    const finding = json.findings.find((f: { location: { cell?: string } }) => f.location.cell === cell);
    expect(finding).toMatchObject({ code: "CELL_NOT_NUMBER", severity: "error", location: { sheet: sheetName, cell, entity: "tracking", field: "actual" } });
    expect(finding.message).toContain("四十");

    const text = await runCli(["validate", file]);
    expect(text.stdout).toContain(`${sheetName}!${cell}`);
  });
});

describe("batch", () => {
  test("one workbook per good row, the bad-date row reported by number and column, exit 1, no partial files", async () => {
    const out = path.join(work, "batch-out");
    const run = await runCli(["batch", path.join(FIXTURES, "roster-bad-date.csv"), "--template", EXAMPLE_PLAN, "-o", out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("3 workbook(s) written, 1 failed");
    expect(run.stderr).toMatch(/row 4, column "计划开始": "2024-04-31" is not a date/);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect((await fs.readdir(out)).sort()).toEqual(["PIP-E2001-赵敏.xlsx", "PIP-E2002-Alex Chen.xlsx", "PIP-E2004-孙丽.xlsx"]);
    const check = await runCli(["analyze", path.join(out, "PIP-E2002-Alex Chen.xlsx"), "--json", "--as-of", "2024-07-01"]);
    const json = JSON.parse(check.stdout);
    expect(json.employee).toMatchObject({ name: "Alex Chen", id: "E2002", manager: "王强", department: "华北销售部" });
    expect(json.plan).toMatchObject({ start: "2024-05-06", end: "2024-08-04" });
    const validate = await runCli(["validate", path.join(out, "PIP-E2002-Alex Chen.xlsx")]);
    expect(validate.code).toBe(0);
  });

  test("a roster whose rows are all good exits 0 and prints plain progress lines when stderr is not a terminal", async () => {
    const out = path.join(work, "batch-good");
    const run = await runCli(["batch", path.join(FIXTURES, "roster.csv"), "--template", EXAMPLE_PLAN, "-o", out, "--lang", "en-US"]);
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split("\n")).toEqual(["[1/2] PIP-E3001-周杰.xlsx", "[2/2] PIP-E3002-吴芳.xlsx"]);
    const workbook = await loadXlsx(path.join(out, "PIP-E3001-周杰.xlsx"));
    expect(workbook.getWorksheet(defaultSheetNames("en-US").goals)).toBeDefined();
  });

  test("on a terminal the progress is a bar that ends at 2/2 (run under util-linux `script`, a real pseudo-terminal)", async () => {
    const out = path.join(work, "batch-tty");
    const command = [process.execPath, cliBundle(), "batch", path.join(FIXTURES, "roster.csv"), "--template", EXAMPLE_PLAN, "-o", out, "--lang", "en-US"]
      .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
      .join(" ");
    const run = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env: { ...process.env, LANG: "en_US.UTF-8", TERM: "xterm" } });
    expect(run.status).toBe(0);
    // The bar redraws in place (carriage returns / cursor codes) and shows the last file at 2/2.
    expect(run.stdout).toMatch(/Generating .*2\/2 PIP-E3002-吴芳\.xlsx/);
    expect(run.stdout).toMatch(/\r|\u001b\[/);
    expect(run.stdout).not.toContain("[1/2]");
    expect(run.stdout).toContain("2 workbook(s) written, 0 failed");
    expect((await fs.readdir(out)).sort()).toEqual(["PIP-E3001-周杰.xlsx", "PIP-E3002-吴芳.xlsx"]);
  });

  test("a roster without the plan date columns is one clear error", async () => {
    const roster = path.join(work, "no-dates.csv");
    await fs.writeFile(roster, "name,id\nA,E1\n");
    const run = await runCli(["batch", roster, "--template", EXAMPLE_PLAN, "-o", path.join(work, "x")]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `pipbook: ${roster}: row 1 (the header) lacks the column(s) Plan Start, Plan End; read as UTF-8 with the separator “,” it has 2 column(s): “name”, “id”. Check the header names, the file's encoding and its separator`,
    );
  });
});

describe("rollup", () => {
  test("one row per PIP workbook with plan window, days left, attainment, missed check-ins; other files skipped", async () => {
    const folder = path.join(work, "rollup");
    await fs.mkdir(folder);
    await fs.copyFile(generated, path.join(folder, "a-example.xlsx"));
    const batch = await runCli(["batch", path.join(FIXTURES, "roster.csv"), "--template", EXAMPLE_PLAN, "-o", folder]);
    expect(batch.code).toBe(0);
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Budget").getCell("A1").value = 1;
    await other.xlsx.writeFile(path.join(folder, "budget.xlsx"));
    const summary = path.join(work, "summary.xlsx");

    const run = await runCli(["rollup", folder, "--as-of", "2024-05-15", "--json", "-o", summary]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("budget.xlsx");
    const json = JSON.parse(run.stdout);
    expect(json.rows.map((r: { employeeId: string }) => r.employeeId)).toEqual(["E1024", "E3001", "E3002"]);
    const [example, fresh] = json.rows;
    // Worked example: 2024-05-15 → 2024-06-30 is 46 days; every weekly check-in so far was held.
    expect(example).toMatchObject({ employeeName: "李娜", manager: "王强", planStart: "2024-04-01", planEnd: "2024-06-30", daysLeft: 46, missedCheckIns: 0 });
    expect(example.overallAttainment).toBeGreaterThan(0);
    // A fresh PIP from 2024-04-01 (a Monday) with no tracking: the six weeks that ended by 2024-05-12 were missed.
    expect(fresh).toMatchObject({ employeeName: "周杰", planStart: "2024-04-01", daysLeft: 46, missedCheckIns: 6, overallAttainment: null, status: "no-data" });

    const workbook = await loadXlsx(summary);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell("A3").value).toBe("李娜");
    expect(sheet.getCell("A5").value).toBe("吴芳");

    const table = await runCli(["rollup", folder, "--as-of", "2024-05-15", "--lang", "en-US"]);
    expect(table.stdout).toMatch(/Employee\s+ID\s+Department\s+Manager/);
    expect(table.stdout).toContain("李娜");
  });

  test("a missing folder is named, exit 1", async () => {
    const run = await runCli(["rollup", path.join(work, "nope")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("no such file");
  });
});

describe("bad workbooks: one line naming the file, no stack trace", () => {
  test("an .xlsx that is not a PIP workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").getCell("A1").value = "hello";
    const file = path.join(work, "plain.xlsx");
    await workbook.xlsx.writeFile(file);
    for (const command of ["validate", "analyze"]) {
      const run = await runCli([command, file]);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`pipbook: ${file}: not a PIP workbook (no PIP tables found)`);
    }
  });

  test("a file named .xlsx that is not one, and a password-protected (OLE) workbook", async () => {
    const fake = path.join(work, "fake.xlsx");
    await fs.writeFile(fake, "name,id\n");
    const run = await runCli(["validate", fake]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(new RegExp(`^pipbook: ${fake.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not a valid .xlsx workbook`));
    expect(hasStackTrace(run.stderr)).toBe(false);

    const ole = path.join(work, "locked.xlsx");
    await fs.writeFile(ole, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    const encrypted = await runCli(["analyze", ole, "--lang", "zh-CN"]);
    expect(encrypted.code).toBe(1);
    expect(encrypted.stderr).toContain("工作簿已加密");
    expect(encrypted.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("a file the user may not read (locked) is named as such", async () => {
    const file = path.join(work, "no-access.xlsx");
    await fs.copyFile(generated, file);
    await fs.chmod(file, 0o000);
    // root reads any file: then run the CLI as nobody, for whom the mode bits count.
    const asRoot = process.getuid?.() === 0;
    const run = await runCli(["validate", file], asRoot ? { uid: 65534, gid: 65534, cwd: "/" } : {});
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`pipbook: ${file}: cannot be read (locked or no permission)`);
  });
});

describe("bin/pipbook.cjs", () => {
  test("runs the built bundle, or the TypeScript source with a clear message when the bundle is missing", async () => {
    const { execFile } = await import("node:child_process");
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, [path.join(ROOT, "bin/pipbook.cjs"), "--version"], { cwd: ROOT }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      ),
    );
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const bundleBuilt = await fs.access(path.join(ROOT, "dist/cli/pipbook.cjs")).then(
      () => true,
      () => false,
    );
    if (!bundleBuilt) expect(result.stderr).toContain("npm run build:cli");
  });
});
