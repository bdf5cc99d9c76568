/**
 * Print setup as an HR partner lays it out, read from the parts of the .xlsx the CLI writes (and from the in-memory
 * Excel the Office.js writer drove): A4, fit to pages with `<sheetPr><pageSetUpPr fitToPage="1"/>` (without it Excel
 * and LibreOffice ignore fitToWidth), header rows repeated, the Sign-off wording merged and wrapped whole.
 * The PDF itself (page count, text, fonts) is test/cli/pdf.test.ts.
 */
import { promises as fs } from "node:fs";
import JSZip from "jszip";
import { parsePlanJson } from "../../src/core/plan-file";
import type { Plan } from "../../src/core/model";
import { generateWorkbook, updateWorkbook } from "../../src/cli/workbook-io";
import { createMemoryExcel } from "../../src/memory-excel";
import { createWorkbookPort } from "../../src/excel/office-port";
import { defaultSheetNames } from "../../src/workbook";
import { EXAMPLE_PLAN } from "./harness";

async function examplePlan(): Promise<Plan> {
  const parsed = parsePlanJson(await fs.readFile(EXAMPLE_PLAN, "utf8"));
  if (!parsed.ok) throw new Error("example plan does not parse");
  return parsed.plan;
}

/** Sheet name → its worksheet XML, and the workbook's defined names. */
async function parts(bytes: Uint8Array): Promise<{ sheets: Map<string, string>; definedNames: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheets = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const partPath = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
    sheets.set(m[1].replace(/&amp;/g, "&"), await zip.file(partPath)!.async("string"));
  }
  return { sheets, definedNames: /<definedNames>(.*)<\/definedNames>/s.exec(workbook)?.[1] ?? "" };
}

const attr = (xml: string, element: string, name: string) => new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

describe("print setup in the .xlsx", () => {
  let xml: { sheets: Map<string, string>; definedNames: string };
  const names = defaultSheetNames("en-US");

  beforeAll(async () => {
    xml = await parts(await generateWorkbook(await examplePlan(), { language: "en-US", asOf: "2024-05-15" }));
  }, 60_000);

  test("every PIP sheet is A4 and fit to pages, with the fitToPage flag Excel and LibreOffice need", () => {
    for (const key of ["overview", "goals", "causes", "actions", "resources", "signOff", "tracking", "adjustments", "evaluation"] as const) {
      const sheet = xml.sheets.get(names[key])!;
      expect([key, /<sheetPr>.*<pageSetUpPr fitToPage="1"\/>.*<\/sheetPr>/s.test(sheet)]).toEqual([key, true]);
      expect([key, attr(sheet, "pageSetup", "paperSize")]).toEqual([key, "9"]);
      expect([key, attr(sheet, "pageSetup", "fitToWidth")]).toEqual([key, "1"]);
    }
  });

  test("Goals, Actions and the Tracking log: landscape, one page wide, as many tall as the rows need, header row repeated", () => {
    for (const key of ["goals", "actions", "tracking"] as const) {
      const sheet = xml.sheets.get(names[key])!;
      expect([key, attr(sheet, "pageSetup", "orientation"), attr(sheet, "pageSetup", "fitToHeight")]).toEqual([key, "landscape", "0"]);
      expect(xml.definedNames).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${[...xml.sheets.keys()].indexOf(names[key])}">`);
    }
  });

  test("the Sign-off sheet: portrait, one page, centred; the wording merged across the table and wrapped; rows tall enough to sign", () => {
    const sheet = xml.sheets.get(names.signOff)!;
    expect([attr(sheet, "pageSetup", "orientation"), attr(sheet, "pageSetup", "fitToHeight")]).toEqual(["portrait", "1"]);
    expect(attr(sheet, "printOptions", "horizontalCentered")).toBe("1");
    expect(sheet).toMatch(/<mergeCell ref="A3:E3"\/>/);
    expect(Number(/<row r="3"[^>]*\bht="([\d.]+)"/.exec(sheet)?.[1])).toBeGreaterThanOrEqual(40);
    // the three signers (rows 10–12) have room for a handwritten signature
    for (const r of [10, 11, 12]) expect(Number(new RegExp(`<row r="${r}"[^>]*\\bht="([\\d.]+)"`).exec(sheet)?.[1])).toBeGreaterThanOrEqual(30);
  });

  test("print areas are written with absolute corners ($A$1:$I$27): LibreOffice ignores the $A1:$I27 form", () => {
    const areas = [...xml.definedNames.matchAll(/<definedName name="_xlnm.Print_Area"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(areas).toHaveLength(9); // one defined name per sheet, even for a print area of several areas
    for (const area of areas) expect(area).toMatch(/^(&apos;[^!]+&apos;!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+,?)+$/);
  });

  test("the Evaluation sheet prints its summary, then each row of the chart grid, as areas of one print area", () => {
    const evaluation = [...xml.definedNames.matchAll(/<definedName name="_xlnm.Print_Area"[^>]*>([^<]*)</g)].map((m) => m[1]).find((a) => a.includes("Evaluation"));
    // summary, decision record and status by goal (A–I through the 2 goals' rows); the wide attainment chart;
    // G1's actual and change charts side by side; G2's
    expect(evaluation?.split(",").map((a) => a.replace("&apos;Evaluation&apos;!", ""))).toEqual([
      "$A$1:$I$27",
      "$K$5:$AA$22",
      "$K$24:$AA$41",
      "$K$43:$AA$60",
    ]);
    const anchors = [...xml.sheets.get(names.evaluation)!.matchAll(/<drawing r:id="[^"]+"\/>/g)];
    expect(anchors).toHaveLength(1); // the charts are there to print
  });
});

describe("print setup survives an update (the pane's Save over the workbook: read, merge, write)", () => {
  test("updating the .xlsx keeps one print area per sheet, the Evaluation's four areas and the Sign-off merge", async () => {
    const plan = await examplePlan();
    const first = await generateWorkbook(plan, { language: "en-US", asOf: "2024-05-15" });
    const updated = await parts((await updateWorkbook(first, "plan.xlsx", plan, { language: "en-US", asOf: "2024-05-15" })).bytes);
    const areas = [...updated.definedNames.matchAll(/<definedName name="_xlnm.Print_Area"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(areas).toHaveLength(9);
    expect(areas.find((a) => a.includes("Evaluation"))?.split(",")).toHaveLength(4);
    expect(updated.sheets.get(defaultSheetNames("en-US").signOff)!).toMatch(/<mergeCell ref="A3:E3"\/>/);
  }, 60_000);
});

describe("print setup through Office.js (the writer on the in-memory Excel)", () => {
  test("PageLayout: paperSize A4, zoom in pages wide/tall, centred Sign-off; print areas set", async () => {
    const memory = createMemoryExcel({ engine: null, sheets: [] });
    const port = createWorkbookPort((batch) => memory.run(batch), { asOf: "2024-05-15" });
    await port.writePlan(await examplePlan(), { language: "zh-CN", asOf: "2024-05-15" });
    const snapshot = memory.snapshot();
    const sheet = (name: string) => snapshot.sheets.find((s) => s.name === name)!;
    const zh = defaultSheetNames("zh-CN");
    expect(sheet(zh.signOff).pageLayout).toMatchObject({
      orientation: "Portrait",
      paperSize: "A4",
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
    });
    // one page wide, as many tall as needed: only the width is set (OfficeDev/office-js#1860)
    expect(sheet(zh.tracking).pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1 } });
    expect(sheet(zh.tracking).pageLayout.zoom).not.toHaveProperty("verticalFitToPages");
    expect(sheet(zh.tracking).pageLayout.printTitleRows).toBe("$3:$3");
    expect(sheet(zh.evaluation).printArea).toBe("A1:I27,K5:AA22,K24:AA41,K43:AA60");
    expect(sheet(zh.signOff).merges).toContain("A3:E3");
  }, 60_000);
});
