/**
 * The defined names a person made (Formulas › Name Manager) survive the CLI rewriting their workbook: `generate -o`
 * over an existing PIP workbook (the update path) and `pipbook repair`. The names are added by openpyxl, a writer
 * PIPbook did not write, and read back by it: every name with its scope, value, hidden flag and comment. A name
 * Excel would take for one of PIPbook's tables stops the update with the add-in's own refusal. The workbook part
 * stays valid against ECMA-376.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { MemoryExcel, createMemoryExcel, type WorkbookSnapshot } from "../../src/memory-excel";
import { snapshotToXlsx } from "../../src/cli/xlsx/write-xlsx";
import { definedNamesOf, readXlsx } from "../../src/cli/xlsx/read-xlsx";
import { withDefinedNames } from "../../src/cli/xlsx/print-areas";
import { validateParts, xmlPartsOf } from "../support/ooxml";
import { EXAMPLE_PLAN, copyOfGeneratedExample, runCli, tempDir, writeInterruptedWorkbook } from "./harness";

jest.setTimeout(180_000);

const PYTHON = "/usr/bin/python3";

interface NameRead {
  name: string;
  scope: string | null;
  value: string;
  hidden: boolean;
  comment: string | null;
}

interface NamesRead {
  names: NameRead[];
  printAreas: Record<string, string[] | null>;
  printTitleRows: Record<string, string>;
  sheets: string[];
}

/** openpyxl 3.0's view of a workbook's names: every defined name, each sheet's print area. */
const DUMP_NAMES = [
  "import sys, json, openpyxl",
  "wb = openpyxl.load_workbook(sys.argv[1])",
  "names = [{'name': n.name, 'scope': None if n.localSheetId is None else wb.sheetnames[n.localSheetId], 'value': n.attr_text, 'hidden': bool(n.hidden), 'comment': n.comment} for n in wb.defined_names.definedName]",
  "areas = {ws.title: ws.print_area for ws in wb.worksheets}",
  "titles = {ws.title: ws.print_title_rows for ws in wb.worksheets if ws.print_title_rows}",
  "print(json.dumps({'names': sorted(names, key=lambda n: (n['name'], n['scope'] or '')), 'printAreas': areas, 'printTitleRows': titles, 'sheets': wb.sheetnames}))",
].join("\n");

/** openpyxl's read of each distinct file content, once: several tests read the same unchanged file. */
const namesRead = new Map<string, string>();
function namesOf(file: string): NamesRead {
  const digest = createHash("sha256").update(readFileSync(file)).digest("hex");
  let json = namesRead.get(digest);
  if (json === undefined) {
    json = execFileSync(PYTHON, ["-c", DUMP_NAMES, file], { encoding: "utf8" });
    namesRead.set(digest, json);
  }
  return JSON.parse(json) as NamesRead;
}

/**
 * What a person adds in Excel's Name Manager, done by openpyxl: a sheet of their own first in the workbook (so that
 * its index changes when PIPbook writes its sheets), a workbook-scoped range name, a sheet-scoped name on that sheet
 * and one on a PIP sheet, a constant, a text constant with & and <, a hidden name with a comment, a name whose sheet
 * does not exist, a Chinese name, a print area on their own sheet and one on a PIP sheet that PIPbook prints itself.
 */
const ADD_NAMES = [
  "import sys, openpyxl",
  "from openpyxl.workbook.defined_name import DefinedName",
  "wb = openpyxl.load_workbook(sys.argv[1])",
  "notes = wb.create_sheet('Notes', 0); notes['B2'] = 45; notes['C3'] = 0.03",
  "hr = wb.create_sheet('HR notes'); hr['A1'] = 'private'",
  "goals = wb[sys.argv[3]]",
  "add = wb.defined_names.append",
  "add(DefinedName('MyTarget', attr_text='Notes!$B$2'))",
  "add(DefinedName('LocalRate', localSheetId=wb.sheetnames.index('Notes'), attr_text='Notes!$C$3'))",
  "add(DefinedName('GoalsCorner', localSheetId=wb.sheetnames.index(sys.argv[3]), attr_text=\"'\" + sys.argv[3] + \"'!$A$1\"))",
  "add(DefinedName('Rate', attr_text='0.8'))",
  "add(DefinedName('Label', attr_text='\"A&B<C\"'))",
  "add(DefinedName('Secret', attr_text=\"'HR notes'!$A$1:$A$3\", hidden=True, comment='HR only & \"private\" <x>\\nsecond line'))",
  "add(DefinedName('Gone', attr_text='Deleted!$A$1'))",
  "add(DefinedName('目标值', attr_text='Notes!$B$2*2'))",
  "notes.print_area = 'A1:C5'; notes.print_title_rows = '1:2'",
  "goals.print_area = 'A1:B2'",
  "wb.save(sys.argv[2])",
].join("\n");

/** The names ADD_NAMES makes, as openpyxl reads them back (the print areas apart). */
function expectedNames(goalsSheet: string): NameRead[] {
  const name = (n: string, value: string, more: Partial<NameRead> = {}): NameRead => ({ name: n, scope: null, value, hidden: false, comment: null, ...more });
  return [
    name("Gone", "Deleted!$A$1"),
    name("GoalsCorner", `'${goalsSheet}'!$A$1`, { scope: goalsSheet }),
    name("Label", '"A&B<C"'),
    name("LocalRate", "Notes!$C$3", { scope: "Notes" }),
    name("MyTarget", "Notes!$B$2"),
    name("Rate", "0.8"),
    name("Secret", "'HR notes'!$A$1:$A$3", { hidden: true, comment: 'HR only & "private" <x>\nsecond line' }),
    name("目标值", "Notes!$B$2*2"),
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

let work: string;
let generated: string;
/** The example plan's Goals sheet and its print area, as PIPbook writes them. */
let goalsSheet: string;
let goalsPrintArea: string[] | null;

beforeAll(async () => {
  work = tempDir();
  generated = path.join(work, "example.xlsx");
  await copyOfGeneratedExample(generated);
  const read = await readXlsx(await readFile(generated));
  const goals = read.snapshot.tables.find((t) => t.name === "PIP_Goals");
  if (!goals) throw new Error("no PIP_Goals table in the example");
  goalsSheet = goals.sheet;
  goalsPrintArea = namesOf(generated).printAreas[goalsSheet] ?? null;
});

describe("generate -o over a workbook with a person's defined names", () => {
  let updated: string;
  let before: NamesRead;

  beforeAll(async () => {
    updated = path.join(work, "with-names.xlsx");
    execFileSync(PYTHON, ["-c", ADD_NAMES, generated, updated, goalsSheet]);
    before = namesOf(updated);
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", updated]);
    if (run.code !== 0) throw new Error(run.stderr);
    expect(run.stdout).toContain(`Updated ${updated}`);
  });

  test("openpyxl made what a person makes: the names, with Notes first in the workbook", () => {
    expect(before.names).toEqual(expectedNames(goalsSheet));
    expect(before.sheets[0]).toBe("Notes");
    expect(before.printAreas.Notes).toEqual(["$A$1:$C$5"]);
    expect(before.printAreas[goalsSheet]).toEqual(["$A$1:$B$2"]);
  });

  test("every name keeps its scope, value, hidden flag and comment after the update", () => {
    const after = namesOf(updated);
    expect(after.names).toEqual(expectedNames(goalsSheet));
    // Notes moved (PIPbook's sheets come first): its names follow it, not its old index.
    expect(after.sheets.indexOf("Notes")).not.toBe(0);
  });

  test("a print area on the person's own sheet stays; on a PIP sheet, PIPbook's own print area is the one written", () => {
    const after = namesOf(updated);
    expect(before.printTitleRows.Notes).toBe("1:2");
    expect(after.printTitleRows.Notes).toBe(before.printTitleRows.Notes);
    expect(after.printAreas.Notes).toEqual(["$A$1:$C$5"]);
    expect(goalsPrintArea).not.toBeNull();
    expect(after.printAreas[goalsSheet]).toEqual(goalsPrintArea);
  });

  test("the workbook part holds one Print_Area per sheet, the names XML-escaped, valid against ECMA-376", async () => {
    const bytes = await readFile(updated);
    const parts = (await xmlPartsOf("with-names", bytes)).filter((p) => p.part === "xl/workbook.xml");
    expect(parts).toHaveLength(1);
    const xml = new TextDecoder().decode(parts[0]!.bytes);
    const printAreas = [...xml.matchAll(/<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(printAreas).size).toBe(printAreas.length);
    expect(xml).toContain('<definedName name="Label">"A&amp;B&lt;C"</definedName>');
    expect(xml).toContain('comment="HR only &amp; &quot;private&quot; &lt;x&gt;&#10;second line"');
    const report = await validateParts(parts);
    expect(report.problems).toEqual([]);
  });

  test("an update in the other language renames PIPbook's sheets, and a name on one of them follows its sheet", async () => {
    const english = path.join(work, "with-names-en.xlsx");
    await writeFile(english, await readFile(updated));
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", english, "--lang", "en-US"]);
    expect(run.code).toBe(0);
    const after = namesOf(english);
    expect(after.sheets).not.toContain(goalsSheet);
    const corner = after.names.find((n) => n.name === "GoalsCorner");
    expect(corner).toEqual({ name: "GoalsCorner", scope: "Goals", value: "Goals!$A$1", hidden: false, comment: null });
    expect(after.names.filter((n) => n.name !== "GoalsCorner")).toEqual(expectedNames(goalsSheet).filter((n) => n.name !== "GoalsCorner"));
  });

  test("a second update writes the same names again (nothing doubled, nothing lost)", async () => {
    const again = path.join(work, "with-names-again.xlsx");
    await writeFile(again, await readFile(updated));
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", again]);
    expect(run.code).toBe(0);
    expect(namesOf(again)).toEqual(namesOf(updated));
  });
});

describe("a name Excel would take for one of PIPbook's tables", () => {
  test("the update refuses with the add-in's nameTaken message, in en-US and zh-CN, and leaves the file as it was", async () => {
    // The person's workbook lost its PIP_Adjustments table and has a name that Excel, ignoring case, takes for it:
    // the add-in's preflight refuses to add the table (src/excel/write/shape.ts checkNames).
    const file = path.join(work, "clash.xlsx");
    const script = [
      "import sys, openpyxl",
      "from openpyxl.workbook.defined_name import DefinedName",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "for ws in wb.worksheets:",
      "  if 'PIP_Adjustments' in ws.tables: del ws.tables['PIP_Adjustments']",
      "wb.defined_names.append(DefinedName('pip_adjustments', attr_text='0.5'))",
      "wb.save(sys.argv[2])",
    ].join("\n");
    execFileSync(PYTHON, ["-c", script, generated, file]);
    const original = await readFile(file);

    const en = await runCli(["generate", EXAMPLE_PLAN, "-o", file]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("The workbook already has a table or name called “pip_adjustments”");
    expect(en.stderr).toContain("nothing was changed");
    const zh = await runCli(["generate", EXAMPLE_PLAN, "-o", file, "--lang", "zh-CN"]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain("工作簿中已有名为“pip_adjustments”的表格或名称");
    expect(zh.stderr).toContain("工作簿未做任何改动");
    expect((await readFile(file)).equals(original)).toBe(true);
  });

  test("the in-memory Excel lists workbook-scoped names in Workbook.names (hidden ones too), not a sheet's own", async () => {
    const excel = createMemoryExcel({ engine: null, sheets: ["Data"] });
    const snapshot = excel.snapshot();
    snapshot.names = [
      { name: "PIP_Goals", formula: "=Data!$A$1", comment: "", visible: false },
      { name: "Local", formula: "=Data!$B$1", comment: "", visible: true, scope: "Data" },
    ];
    const loaded = MemoryExcel.fromSnapshot(snapshot, { engine: null });
    const listed = await loaded.run(async (context) => {
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();
      return names.items.map((n) => n.name);
    });
    expect(listed).toEqual(["PIP_Goals"]);
  });
});

describe("pipbook repair over a workbook with a person's defined names", () => {
  test("the finished save keeps every name", async () => {
    const interrupted = path.join(work, "interrupted-plain.xlsx");
    await writeInterruptedWorkbook(interrupted);
    const file = path.join(work, "interrupted.xlsx");
    execFileSync(PYTHON, ["-c", ADD_NAMES, interrupted, file, goalsSheet]);

    const run = await runCli(["repair", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("finished the save interrupted");
    const after = namesOf(file);
    expect(after.names).toEqual(expectedNames(goalsSheet));
    expect(after.printAreas.Notes).toEqual(["$A$1:$C$5"]);
  });
});

describe("the .xlsx writer and reader on their own", () => {
  test("a damaged sheet left out of the read takes its own names along; a later sheet's names keep their sheet", async () => {
    const file = path.join(work, "damaged.xlsx");
    const script = [
      "import sys, openpyxl",
      "from openpyxl.workbook.defined_name import DefinedName",
      "wb = openpyxl.Workbook(); wb.active.title = 'A'; wb.create_sheet('B'); wb.create_sheet('C')",
      "wb.defined_names.append(DefinedName('OnB', localSheetId=1, attr_text='B!$A$1'))",
      "wb.defined_names.append(DefinedName('OnC', localSheetId=2, attr_text='C!$A$1'))",
      "wb.defined_names.append(DefinedName('Everywhere', attr_text='C!$B$2'))",
      "wb.save(sys.argv[1])",
    ].join("\n");
    execFileSync(PYTHON, ["-c", script, file]);
    const zip = await JSZip.loadAsync(await readFile(file));
    zip.file("xl/worksheets/sheet2.xml", "<worksheet><sheetData><row>");
    const read = await readXlsx(await zip.generateAsync({ type: "uint8array" }));
    expect(read.partRepairs).toContainEqual(expect.objectContaining({ kind: "sheet", sheet: "B" }));
    expect(read.snapshot.sheets.map((s) => s.name)).toEqual(["A", "C"]);
    expect(read.snapshot.names).toEqual([
      { name: "OnC", formula: "=C!$A$1", comment: "", visible: true, scope: "C" },
      { name: "Everywhere", formula: "=C!$B$2", comment: "", visible: true },
    ]);
  });

  const snapshotWith = (names: WorkbookSnapshot["names"]): WorkbookSnapshot => {
    const snapshot = createMemoryExcel({ engine: null, sheets: ["First", "Second"] }).snapshot();
    return { ...snapshot, names };
  };

  test("a constant, a sheet-scoped name, a hidden name with a comment and text holding $& and $$ round-trip through the file unchanged", async () => {
    const names: WorkbookSnapshot["names"] = [
      { name: "Rate", formula: "=0.8", comment: "", visible: true },
      { name: "Local", formula: "=Second!$B$2", comment: "", visible: true, scope: "Second" },
      { name: "Hidden", formula: "=First!$A$1:$A$9", comment: "a & b", visible: false },
      { name: "Text", formula: '="x<y"', comment: "", visible: true, scope: "First" },
      { name: "Dollars", formula: '="$& $$ $\' $1"', comment: "costs $& $$", visible: true },
    ];
    // A print area makes ExcelJS write a <definedNames> the names are added to.
    const snapshot = snapshotWith(names);
    snapshot.sheets[0]!.printArea = "A1:B2";
    const bytes = await snapshotToXlsx(snapshot, { created: new Date(Date.UTC(2024, 0, 1)) });
    const read = await readXlsx(bytes);
    expect(read.snapshot.names).toEqual([{ name: "_xlnm.Print_Area", formula: "='First'!$A$1:$B$2", comment: "", visible: true, scope: "First" }, ...names]);
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
    expect(xml).toContain('<definedName name="Local" localSheetId="1">Second!$B$2</definedName>');
    expect(xml).toContain('<definedName name="Text" localSheetId="0">"x&lt;y"</definedName>');
  });

  test("ExcelJS 4.4's own definedNames would lose them: a constant is dropped and a sheet's name becomes the workbook's", async () => {
    // Why write-xlsx writes the names into the workbook part itself (./print-areas.ts withDefinedNames). If this
    // starts failing, ExcelJS has changed how it keeps names: look again before handing them back to it.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("First");
    workbook.definedNames.add("First!$A$1", "Cell");
    workbook.definedNames.model = [...workbook.definedNames.model, { name: "Rate", ranges: ["0.8"] }, { name: "Local", ranges: ["First!$B$2"], localSheetId: 0 } as never];
    const xml = await (await JSZip.loadAsync(await workbook.xlsx.writeBuffer())).file("xl/workbook.xml")!.async("string");
    const written = definedNamesOf(xml);
    expect(written.find((n) => n.name === "Rate")).toBeUndefined();
    expect(written.find((n) => n.name === "Local")).toEqual({ name: "Local", formula: "=First!$B$2", comment: "", visible: true });
  });

  test("the writer's own print area on a sheet wins over a brought one, compared ignoring case; other sheets keep theirs", () => {
    const xml =
      '<workbook><sheets><sheet name="A"/><sheet name="B"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">A!$A$1:$B$2</definedName></definedNames><calcPr/></workbook>';
    const out = withDefinedNames(
      xml,
      [
        { name: "_XLNM.print_area", formula: "=A!$C$3", comment: "", visible: true, scope: "A" },
        { name: "_xlnm.Print_Area", formula: "=B!$C$3", comment: "", visible: true, scope: "B" },
        { name: "OnMissingSheet", formula: "=Z!$A$1", comment: "", visible: true, scope: "Z" },
      ],
      ["A", "B"],
    );
    expect(definedNamesOf(out)).toEqual([
      { name: "_xlnm.Print_Area", formula: "=A!$A$1:$B$2", comment: "", visible: true, scope: "A" },
      { name: "_xlnm.Print_Area", formula: "=B!$C$3", comment: "", visible: true, scope: "B" },
    ]);
  });

  test("without any <definedNames>, the element goes where CT_Workbook orders it (before calcPr)", () => {
    const out = withDefinedNames('<workbook><sheets><sheet name="A"/></sheets><calcPr calcId="1"/></workbook>', [{ name: "N", formula: "=1", comment: "", visible: true }], ["A"]);
    expect(out).toBe('<workbook><sheets><sheet name="A"/></sheets><definedNames><definedName name="N">1</definedName></definedNames><calcPr calcId="1"/></workbook>');
  });

  test("a sheet-scoped name goes with its deleted sheet; a workbook name pointing at it keeps its text", async () => {
    const excel = MemoryExcel.fromSnapshot(
      snapshotWith([
        { name: "OnSecond", formula: "=Second!$A$1", comment: "", visible: true, scope: "Second" },
        { name: "ToSecond", formula: "=Second!$A$1", comment: "", visible: true },
      ]),
      { engine: null },
    );
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Second").delete();
      await context.sync();
    });
    expect(excel.snapshot().names).toEqual([{ name: "ToSecond", formula: "=Second!$A$1", comment: "", visible: true }]);
  });
});
