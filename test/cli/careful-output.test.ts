/**
 * What the CLI writes over, tried the way people run it (found from outside, 2026-12-01): `generate -o` onto another
 * employee's workbook merged the two plans; after a Tracking log header was deleted it added every check-in again;
 * a check-in corrected in Excel was kept beside the plan file's without a word; `export -o` its own input and
 * `rollup -o` a PIP workbook replaced them; a replaced file lost its permissions and a symbolic link became a file.
 * Workbooks are changed by openpyxl, a writer PIPbook did not write; the runs under test are the CLI bundle in child
 * processes.
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { EXAMPLE_PLAN, copyOfGeneratedExample, runCli, tempDir } from "./harness";
import { writeFileAtomic } from "../../src/cli/files";
import { CliError } from "../../src/cli/errors";
import { cliText } from "../../src/i18n/cli";
import ExcelJS from "exceljs";
import { recalcWithLibreOffice } from "../../src/cli/libreoffice";
import { excelJsInput } from "../../src/cli/xlsx/bytes";
import { validateParts, xmlPartsOf } from "../support/ooxml";

jest.setTimeout(120_000);

const PYTHON = "/usr/bin/python3";

/** Sets cells of a sheet with openpyxl: [sheet, cell, value | null][]. */
function openpyxlSet(file: string, changes: [string, string, string | number | null][]): void {
  const script = [
    "import json, sys, openpyxl",
    "f, changes = sys.argv[1], json.loads(sys.argv[2])",
    "wb = openpyxl.load_workbook(f)",
    "for sheet, cell, value in changes: wb[sheet][cell] = value",
    "wb.save(f)",
  ].join("\n");
  execFileSync(PYTHON, ["-c", script, file, JSON.stringify(changes)]);
}

let work: string;
let planOfAnother: string;

beforeAll(async () => {
  work = tempDir("pipbook-careful-");
  const example = JSON.parse(await fs.readFile(EXAMPLE_PLAN, "utf8")) as { header: Record<string, unknown> };
  planOfAnother = path.join(work, "zhang-wei.plan.json");
  await fs.writeFile(planOfAnother, JSON.stringify({ ...example, header: { ...example.header, employeeName: "张伟", employeeId: "E2001" } }));
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

async function example(name: string): Promise<string> {
  const file = path.join(work, name);
  await copyOfGeneratedExample(file);
  return file;
}

describe("generate -o onto an existing workbook", () => {
  test("another employee's workbook is refused, naming both, and left as it was", async () => {
    const file = path.join(work, "zhang-wei.xlsx");
    expect((await runCli(["generate", planOfAnother, "-o", file])).code).toBe(0);
    const before = await fs.readFile(file);
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("张伟 (E2001)");
    expect(run.stderr).toContain("李娜 (E1024)");
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    // --replace is the way to overwrite it on purpose
    expect((await runCli(["generate", EXAMPLE_PLAN, "-o", file, "--replace"])).code).toBe(0);
  });

  test("a Tracking log header deleted in the workbook: refused with the header's cell, in the user's language", async () => {
    const file = await example("header-deleted.xlsx");
    openpyxlSet(file, [["跟踪记录", "D3", null]]);
    const before = await fs.readFile(file);
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", file], { env: { LANG: "zh_CN.UTF-8" } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("跟踪记录!D3");
    expect(run.stderr).toContain("表头不见了");
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    // the reader's finding points at the same cell
    const validate = await runCli(["validate", file, "--json"]);
    const findings = JSON.parse(validate.stdout) as { findings: { code: string; location: { sheet?: string; cell?: string } }[] };
    expect(findings.findings.find((f) => f.code === "COLUMN_MISSING")?.location).toEqual(expect.objectContaining({ sheet: "跟踪记录", cell: "D3" }));
  });

  test("a check-in corrected in Excel: both rows kept, and a note names the workbook's value and the plan file's", async () => {
    const file = await example("corrected.xlsx");
    openpyxlSet(file, [["跟踪记录", "C6", 3.2]]);
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(cliText("en-US", "generate.updated", { file, kept: 1 }));
    const note = run.stderr.split("\n").find((l) => l.startsWith("note:"));
    expect(note).toContain("跟踪记录");
    expect(note).toMatch(/workbook: 2024-04-\d\d · G1 · 3\.2/);
    expect(note).toMatch(/plan file: 2024-04-\d\d · G1 · 3 ·/);
  });
});

describe("an updated workbook, read back by readers PIPbook did not write", () => {
  test("generate -o over its own workbook: LibreOffice computes the Overview and Evaluation as in a fresh one; every part valid against ECMA-376", async () => {
    const fresh = await example("fresh.xlsx");
    const updated = await example("updated.xlsx");
    // the second save of a workbook (the pane's Save again; here the CLI's update of it)
    expect((await runCli(["generate", EXAMPLE_PLAN, "-o", updated])).code).toBe(0);
    const report = await validateParts(await xmlPartsOf("updated.xlsx", new Uint8Array(await fs.readFile(updated))));
    expect(report.problems).toEqual([]);
    expect(report.checked).toBeGreaterThan(30);
    const recalculated = await recalcWithLibreOffice([fresh, updated], path.join(work, "lo-updated"));
    const computed = await Promise.all(
      recalculated.outputs.map(async (file) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(excelJsInput(await fs.readFile(file)));
        const cells: Record<string, unknown> = {};
        for (const sheet of ["概览", "效果评估"]) {
          wb.getWorksheet(sheet)!.eachRow((row, r) =>
            row.eachCell((cell, c) => {
              if (cell.formula) cells[`${sheet}!${r}:${c}`] = cell.result;
            }),
          );
        }
        return cells;
      }),
    );
    const [inFresh, inUpdated] = computed as [Record<string, unknown>, Record<string, unknown>];
    expect(Object.keys(inFresh).length).toBeGreaterThan(20);
    expect(inUpdated).toEqual(inFresh);
    // the Overview's summary (E4:E11) computes: no error where the second save once put eight copies of E11
    expect(Object.entries(inUpdated).filter(([k, v]) => k.startsWith("概览!") && typeof v === "object" && v !== null && "error" in v)).toEqual([]);
  });
});

describe("export and rollup never replace a PIP workbook", () => {
  test("export -o its own input is refused and the original keeps everything", async () => {
    const file = await example("original.xlsx");
    const before = await fs.readFile(file);
    const run = await runCli(["export", file, "--for", "employee", "-o", path.join(work, ".", "original.xlsx")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(cliText("en-US", "export.sameFile", { file: path.join(work, "original.xlsx") }));
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });

  test("export -o another HR workbook is refused; over an earlier employee's copy it writes", async () => {
    const original = await example("hr.xlsx");
    const other = path.join(work, "zhang-wei-hr.xlsx");
    expect((await runCli(["generate", planOfAnother, "-o", other])).code).toBe(0);
    const before = await fs.readFile(other);
    const refused = await runCli(["export", original, "--for", "employee", "-o", other]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(cliText("en-US", "export.wouldLose", { file: other }));
    expect((await fs.readFile(other)).equals(before)).toBe(true);
    const copy = path.join(work, "copy.xlsx");
    expect((await runCli(["export", original, "--for", "employee", "-o", copy])).code).toBe(0);
    expect((await runCli(["export", original, "--for", "employee", "-o", copy])).code).toBe(0);
  });

  test("rollup -o a PIP workbook is refused; the workbook stays a PIP workbook", async () => {
    const folder = path.join(work, "team");
    await fs.mkdir(folder);
    const pip = path.join(folder, "li-na.xlsx");
    await copyOfGeneratedExample(pip);
    const before = await fs.readFile(pip);
    const run = await runCli(["rollup", folder, "-o", pip]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(cliText("en-US", "rollup.outputIsPip", { file: pip }));
    expect((await fs.readFile(pip)).equals(before)).toBe(true);
  });
});

describe("rollup's table tells its rows apart", () => {
  test("each row names its file, and an employee id in two workbooks is named on stderr", async () => {
    const folder = path.join(work, "copies");
    await fs.mkdir(folder);
    await copyOfGeneratedExample(path.join(folder, "li-na.xlsx"));
    await copyOfGeneratedExample(path.join(folder, "li-na (copy).xlsx"));
    const run = await runCli(["rollup", folder, "--as-of", "2024-05-15"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^File\s+Employee\s+ID/m);
    expect(run.stdout).toContain("li-na.xlsx");
    expect(run.stdout).toContain("li-na (copy).xlsx");
    expect(run.stderr).toContain(cliText("en-US", "rollup.duplicateId", { id: "E1024", files: "li-na (copy).xlsx, li-na.xlsx" }));
  });
});

describe("a replaced file keeps what the file system says about it", () => {
  test("generate -o keeps a workbook readable by its owner only, and a symbolic link stays a link", async () => {
    const file = await example("private.xlsx");
    await fs.chmod(file, 0o600);
    const link = path.join(work, "link.xlsx");
    await fs.symlink(file, link);
    expect((await runCli(["generate", EXAMPLE_PLAN, "-o", link])).code).toBe(0);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect((await runCli(["validate", file])).code).toBe(0);
  });

  test("a file its user may not write is refused, not replaced (the folder being writable)", async () => {
    const file = path.join(work, "read-only.xlsx");
    await fs.writeFile(file, "kept");
    const access = jest.spyOn(fs, "access").mockRejectedValue(Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }));
    try {
      const error = await writeFileAtomic(file, new Uint8Array([1, 2, 3])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).key).toBe("file.notWritable");
    } finally {
      access.mockRestore();
    }
    expect(await fs.readFile(file, "utf8")).toBe("kept");
  });
});
