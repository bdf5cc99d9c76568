/**
 * Workbooks saved by tools PIPbook did not write read back as Excel shows them: openpyxl (absolute part names in
 * its relationships, its own re-written chart XML), openpyxl with the 1904 date system (`wb.epoch`) and with ISO
 * `t="d"` date cells, LibreOffice Calc, inline strings, and one broken shared-string index — a finding on its cell,
 * not a refusal of the file. Each fixture is made here, from a workbook `pipbook generate` wrote.
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { recalcWithLibreOffice } from "../../src/cli/libreoffice";
import { copyOfGeneratedExample, hasStackTrace, runCli, tempDir } from "./harness";

jest.setTimeout(180_000);

const PYTHON = "/usr/bin/python3";
let work: string;
let generated: string;
let reference: Record<string, unknown>;

/** The files openpyxl saves from the generated workbook: name → what is set on the workbook before its save. */
const OPENPYXL_SAVES: Record<string, string> = {
  "openpyxl.xlsx": "",
  "mac-1904.xlsx": "wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904",
  "iso-dates.xlsx": "wb.iso_dates = True",
  "iso-1904.xlsx": "wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904; wb.iso_dates = True",
};

/** Every file of OPENPYXL_SAVES, loaded from `source` and saved by one python (each its own load). */
function openpyxlSaves(source: string, dir: string): void {
  const script = [
    "import sys, json, openpyxl, openpyxl.utils.datetime",
    "for out, edit in json.loads(sys.argv[2]):",
    "  wb = openpyxl.load_workbook(sys.argv[1])",
    "  exec(edit)",
    "  wb.save(out)",
  ].join("\n");
  const jobs = Object.entries(OPENPYXL_SAVES).map(([name, edit]) => [path.join(dir, name), edit]);
  execFileSync(PYTHON, ["-c", script, source, JSON.stringify(jobs)]);
}

async function analysis(file: string): Promise<Record<string, unknown>> {
  const run = await runCli(["analyze", file, "--json", "--as-of", "2024-05-15"]);
  expect(hasStackTrace(run.stderr)).toBe(false);
  if (run.code !== 0) throw new Error(`analyze ${file}: ${run.code} ${run.stderr}`);
  const json = JSON.parse(run.stdout) as Record<string, unknown>;
  delete json.file;
  return json;
}

async function rewriteZip(file: string, out: string, edit: (zip: JSZip) => Promise<void>): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  await edit(zip);
  await fs.writeFile(out, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

beforeAll(async () => {
  work = tempDir();
  generated = path.join(work, "example.xlsx");
  await copyOfGeneratedExample(generated);
  reference = await analysis(generated);
  openpyxlSaves(generated, work);
});

describe("a workbook saved by another tool reads back the same plan", () => {
  test("openpyxl, opened and saved with no edit (absolute part names, its own chart XML)", async () => {
    const file = path.join(work, "openpyxl.xlsx");
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="/xl/worksheets/sheet1.xml"');
    expect(Object.keys(zip.files).some((n) => n.startsWith("xl/charts/"))).toBe(true);
    const validate = await runCli(["validate", file]);
    expect(validate.stdout.trim()).toBe(`${file}: no findings`);
    expect(await analysis(file)).toEqual(reference);
  });

  test("the 1904 date system (openpyxl's CALENDAR_MAC_1904): 2024-04-01 – 2024-06-30 as Excel shows it", async () => {
    const file = path.join(work, "mac-1904.xlsx");
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<workbookPr[^>]*date1904="1"/);
    const json = await analysis(file);
    expect(json.plan).toMatchObject({ start: "2024-04-01", end: "2024-06-30", isFinal: false });
    expect(json).toEqual(reference);
  });

  test('ISO date cells (t="d", openpyxl iso_dates) are the dates they spell, not serial 2024 (1905-07-16)', async () => {
    const file = path.join(work, "iso-dates.xlsx");
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const sheets = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async("string")));
    expect(sheets.join("")).toMatch(/t="d"><v>2024-04-01T00:00:00<\/v>/);
    expect(await analysis(file)).toEqual(reference);
  });

  test("1904 and t=\"d\" together: ISO cells in a 1904 workbook", async () => {
    const file = path.join(work, "iso-1904.xlsx");
    expect(await analysis(file)).toEqual(reference);
  });

  test("LibreOffice Calc, opened and saved as .xlsx", async () => {
    const out = path.join(work, "libreoffice");
    const result = await recalcWithLibreOffice([generated], out);
    const file = result.outputs[0];
    const validate = await runCli(["validate", file]);
    expect(validate.stdout.trim()).toBe(`${file}: no findings`);
    expect(await analysis(file)).toEqual(reference);
  });

  test("inline strings (t=\"inlineStr\", as streaming writers and Google Sheets' export use) read as text", async () => {
    const file = path.join(work, "inline.xlsx");
    await rewriteZip(generated, file, async (zip) => {
      const shared = await zip.file("xl/sharedStrings.xml")!.async("string");
      const strings = [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
        const xml = await zip.file(name)!.async("string");
        zip.file(
          name,
          xml.replace(/<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_w, ref: string, a: string, b: string, i: string) => `<c r="${ref}"${a} t="inlineStr"${b}><is>${strings[Number(i)]}</is></c>`),
        );
      }
      const sheet2 = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
      expect(sheet2).toContain('t="inlineStr"');
      expect(sheet2).not.toContain('t="s"');
    });
    expect(await analysis(file)).toEqual(reference);
  });
});

describe("a broken part is a finding on its cell, not a refusal", () => {
  test("one shared-string index beyond the table: error CELL_UNREADABLE at that cell, the rest of the plan read", async () => {
    const file = path.join(work, "broken-shared-string.xlsx");
    let cell = "";
    await rewriteZip(generated, file, async (zip) => {
      // The Goals sheet (sheet2): its first goal's title cell, pointed at string 99999 of a table far smaller.
      const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
      const match = /<c r="(B4)"([^>]*?) t="s"([^>]*)><v>\d+<\/v><\/c>/.exec(xml);
      expect(match).not.toBeNull();
      cell = match![1];
      zip.file("xl/worksheets/sheet2.xml", xml.replace(match![0], `<c r="${cell}"${match![2]} t="s"${match![3]}><v>99999</v></c>`));
    });
    const run = await runCli(["validate", file, "--json"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { findings: { code: string; location: { sheet?: string; cell?: string }; message: string }[] };
    const finding = json.findings.find((f) => f.code === "CELL_UNREADABLE");
    expect(finding).toMatchObject({ location: { sheet: "改进目标", cell } });
    expect(finding!.message).toContain("retype it");
    const analyzed = await runCli(["analyze", file, "--json", "--as-of", "2024-05-15"]);
    expect((JSON.parse(analyzed.stdout) as { goals: unknown[] }).goals).toHaveLength((reference.goals as unknown[]).length);
  });

  test("a damaged table part is left out as Excel's repair does: PART_DAMAGED names it, the rest of the plan is read", async () => {
    const file = path.join(work, "damaged-table.xlsx");
    let table = "";
    await rewriteZip(generated, file, async (zip) => {
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))) {
        const xml = await zip.file(name)!.async("string");
        if (!xml.includes('name="PIP_Adjustments"')) continue;
        table = "PIP_Adjustments";
        zip.file(name, xml.replace("<tableColumns", "<tableColumns <"));
      }
    });
    expect(table).toBe("PIP_Adjustments");
    const run = await runCli(["validate", file, "--json"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { findings: { code: string; message: string }[] };
    expect(json.findings.find((f) => f.code === "PART_DAMAGED")?.message).toContain("the table PIP_Adjustments is damaged in the file and was left out");
    const analyzed = JSON.parse((await runCli(["analyze", file, "--json", "--as-of", "2024-05-15"])).stdout) as { goals: unknown };
    expect(analyzed.goals).toEqual(reference.goals);
  });

  test("missing cell styles: read with plain ones (a warning), every number and date as before", async () => {
    const file = path.join(work, "no-styles.xlsx");
    await rewriteZip(generated, file, async (zip) => {
      zip.remove("xl/styles.xml");
    });
    const run = await runCli(["validate", file, "--json"]);
    const json = JSON.parse(run.stdout) as { findings: { code: string; severity: string }[] };
    expect(json.findings).toEqual([expect.objectContaining({ code: "PART_DAMAGED", severity: "warning" })]);
    expect(await analysis(file)).toEqual(reference);
  });

  test("a damaged zip is refused in one line without the zip library's or JavaScript's words (they are behind --debug)", async () => {
    const file = path.join(work, "truncated.xlsx");
    const bytes = await fs.readFile(generated);
    await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const run = await runCli(["validate", file]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`pipbook: ${file}: not a valid .xlsx workbook (damaged, or not an Excel file); open it in Excel and save it as .xlsx (--debug shows the details)`);
    const debug = await runCli(["validate", file, "--debug"]);
    expect(debug.stderr.split("\n").length).toBeGreaterThan(2);
  });
});
