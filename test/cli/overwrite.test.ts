/**
 * No silent overwrite: `generate -o` onto an existing PIP workbook merges into it (rows entered in Excel kept, counted
 * here), onto anything else it refuses unless --replace; `batch` never replaces a workbook holding entered rows; the
 * temporary files of a run killed mid-write are removed by the next run. Rows are typed by openpyxl, a writer
 * PIPbook did not write (test/cli/support/add-rows.py). The runs under test are the CLI bundle in child processes;
 * the counting of rows afterwards is the CLI's main in this process and one openpyxl per list of files.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { EXAMPLE_PLAN, FIXTURES, copyOfGeneratedExample, hasStackTrace, runCli, runCliHere, tempDir } from "./harness";

jest.setTimeout(120_000);

const PYTHON = "/usr/bin/python3";
const ADD_ROWS = path.join(__dirname, "support/add-rows.py");

let work: string;
let generated: string;

/** The Adjustments table's row count in each file, read by an independent reader: one python for the list. */
function openpyxlAdjustmentRows(files: readonly string[]): number[] {
  const script = [
    "import openpyxl, sys",
    "from openpyxl.utils import range_boundaries",
    "for f in sys.argv[1:]:",
    "  wb = openpyxl.load_workbook(f)",
    "  for ws in wb.worksheets:",
    "    if 'PIP_Adjustments' in ws.tables:",
    "      b = range_boundaries(ws.tables['PIP_Adjustments'].ref); print(b[3] - b[1])",
  ].join("\n");
  const lines = execFileSync(PYTHON, ["-c", script, ...files], { encoding: "utf8" }).trim().split("\n");
  expect(lines).toHaveLength(files.length);
  return lines.map(Number);
}

/**
 * Rows in each file: check-ins by `pipbook analyze`, adjustments by openpyxl; each file also validates. The CLI
 * reads here are the CLI's main in this process (runCliHere): they measure what the child-process runs under test
 * wrote. A file whose bytes were counted before is not read again (the same bytes give the same counts).
 */
const counted = new Map<string, { tracking: number; adjustments: number }>();
async function counts(...files: string[]): Promise<{ tracking: number; adjustments: number }[]> {
  const digests = await Promise.all(files.map(async (file) => createHash("sha256").update(await fs.readFile(file)).digest("hex")));
  const fresh = files.filter((_file, i) => !counted.has(digests[i]));
  const adjustments = fresh.length > 0 ? openpyxlAdjustmentRows(fresh) : [];
  for (const [k, file] of fresh.entries()) {
    const run = await runCliHere(["analyze", file, "--json", "--as-of", "2024-06-30"]);
    if (run.code !== 0) throw new Error(run.stderr);
    const json = JSON.parse(run.stdout) as { goals: { entryCount: number }[] };
    const tracking = json.goals.reduce((sum, g) => sum + g.entryCount, 0);
    const validate = await runCliHere(["validate", file, "--json"]);
    expect(validate.code).toBe(0);
    counted.set(digests[files.indexOf(file)], { tracking, adjustments: adjustments[k] });
  }
  return digests.map((digest) => counted.get(digest)!);
}

beforeAll(async () => {
  work = tempDir();
  generated = path.join(work, "example.xlsx");
  await copyOfGeneratedExample(generated);
});

describe("generate -o onto an existing file", () => {
  test("a PIP workbook with 5 check-ins and an adjustment typed in Excel is updated: 0 rows lost, exit 0", async () => {
    const file = path.join(work, "managed.xlsx");
    execFileSync(PYTHON, [ADD_ROWS, generated, file, "5", "1"]);
    const [before, base] = await counts(file, generated);
    expect(before.tracking).toBe(base.tracking + 5);
    expect(before.adjustments).toBe(base.adjustments + 1);

    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Updated ${file} (kept 6 row(s) entered in the workbook)`);
    const [after] = await counts(file);
    expect(after).toEqual(before);
  });

  test("a workbook saved with the 1904 date system and rows typed in it: updated, its dates and rows as before", async () => {
    const file = path.join(work, "mac-1904.xlsx");
    execFileSync(PYTHON, [ADD_ROWS, generated, file, "3", "1"]);
    execFileSync(PYTHON, ["-c", "import sys, openpyxl, openpyxl.utils.datetime as d\nwb = openpyxl.load_workbook(sys.argv[1]); wb.epoch = d.CALENDAR_MAC_1904; wb.save(sys.argv[1])", file]);
    const analysis = async () => JSON.parse((await runCliHere(["analyze", file, "--json", "--as-of", "2024-06-30"])).stdout) as Record<string, unknown>;
    const before = await analysis();
    expect(before.plan).toMatchObject({ start: "2024-04-01", end: "2024-06-30" });
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", file]);
    expect(run.stdout).toContain("kept 4 row(s)");
    expect(await analysis()).toEqual(before);
  });

  test("a person's own sheet keeps its formatting through an update: bold, fill, a border, a merge, a column width", async () => {
    const file = path.join(work, "own-sheet.xlsx");
    const script = [
      "import sys, openpyxl",
      "from openpyxl.styles import Font, PatternFill, Border, Side",
      "wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.create_sheet('Notes')",
      "ws['A1'] = 'HR notes'; ws['A1'].font = Font(bold=True, color='FFC00000'); ws['A1'].fill = PatternFill('solid', fgColor='FFFFF2CC')",
      "ws['B2'] = 'x'; ws['B2'].border = Border(bottom=Side(style='medium', color='FF1F3864'))",
      "ws.merge_cells('A4:C5'); ws['A4'] = 'merged'; ws.column_dimensions['A'].width = 30",
      "wb.save(sys.argv[2])",
    ].join("\n");
    execFileSync(PYTHON, ["-c", script, generated, file]);
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", file]);
    expect(run.code).toBe(0);
    const check = [
      "import sys, json, openpyxl",
      "ws = openpyxl.load_workbook(sys.argv[1])['Notes']",
      "print(json.dumps([ws['A1'].value, ws['A1'].font.b, ws['A1'].font.color.rgb, ws['A1'].fill.fgColor.rgb, ws['B2'].border.bottom.style,",
      "  [str(m) for m in ws.merged_cells.ranges], round(ws.column_dimensions['A'].width)]))",
    ].join("\n");
    expect(JSON.parse(execFileSync(PYTHON, ["-c", check, file], { encoding: "utf8" }))).toEqual(["HR notes", true, "FFC00000", "FFFFF2CC", "medium", ["A4:C5"], 30]);
  });

  test("a file that is not a PIP workbook is refused in one line and left byte for byte; --replace overwrites it", async () => {
    const file = path.join(work, "someone-else.xlsx");
    execFileSync(PYTHON, ["-c", "import openpyxl,sys\nwb=openpyxl.Workbook(); wb.active['A1']='budget 2025'; wb.save(sys.argv[1])", file]);
    const bytes = await fs.readFile(file);
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", file]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`pipbook: ${file}: the file exists and is not a PIP workbook, left as it is; choose another name, or add --replace to overwrite it`);
    expect(await fs.readFile(file)).toEqual(bytes);

    const replaced = await runCli(["generate", EXAMPLE_PLAN, "-o", file, "--replace"]);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain("--replace");
    expect((await runCli(["validate", file])).code).toBe(0);
  });

  test("a file there that is not a workbook at all is refused too (exit 1, no stack trace, unchanged)", async () => {
    const file = path.join(work, "notes.xlsx");
    await fs.writeFile(file, "meeting notes, not a workbook");
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("cannot be read as a workbook, left as it is");
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(await fs.readFile(file, "utf8")).toBe("meeting notes, not a workbook");
  });
});

describe("batch into a folder that holds last month's workbooks", () => {
  test("a workbook with entered rows is skipped and listed (0 rows lost), one without is rewritten", async () => {
    const out = path.join(work, "batch");
    const first = await runCli(["batch", path.join(FIXTURES, "roster.csv"), "--template", EXAMPLE_PLAN, "-o", out]);
    expect(first.code).toBe(0);
    const names = (await fs.readdir(out)).sort();
    expect(names).toHaveLength(2);
    const managed = path.join(out, names[0]);
    execFileSync(PYTHON, [ADD_ROWS, managed, managed, "3", "2"]);
    const [before] = await counts(managed);
    const bytes = await fs.readFile(managed);

    const again = await runCli(["batch", path.join(FIXTURES, "roster.csv"), "--template", EXAMPLE_PLAN, "-o", out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("1 workbook(s) written, 0 failed");
    expect(again.stdout).toContain("1 workbook(s) holding entered rows left as they were");
    expect(again.stderr).toContain(`row 2: ${names[0]} (5 entered row(s))`);
    expect(await fs.readFile(managed)).toEqual(bytes);
    expect(await counts(managed)).toEqual([before]);
  });

  test("temporary files of a run killed mid-write are removed by the next run; a live process's are kept", async () => {
    const out = path.join(work, "batch-killed");
    await fs.mkdir(out);
    // What `kill -9` mid-write leaves: hidden temp files named after a process that no longer runs.
    const gone = spawnSync("true").pid;
    const dead = [`.PIP-E3001-周杰.xlsx.${gone}.0a1b2c3d.tmp`, `.PIP-E3002-吴芳.xlsx.${gone}.deadbeef.tmp`];
    const alive = `.PIP-E9-x.xlsx.${process.pid}.00112233.tmp`;
    for (const name of [...dead, alive]) await fs.writeFile(path.join(out, name), "");
    const run = await runCli(["batch", path.join(FIXTURES, "roster.csv"), "--template", EXAMPLE_PLAN, "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`removed 2 temporary file(s) left by an interrupted run (${out})`);
    expect((await fs.readdir(out)).sort()).toEqual([alive, "PIP-E3001-周杰.xlsx", "PIP-E3002-吴芳.xlsx"].sort());
  });
});
