/**
 * The .xlsx writer's package without a zip in between (src/cli/xlsx/write-xlsx.ts PackageParts, xlsxParts): ExcelJS's
 * write steps run against it give the parts, texts and order ExcelJS's own writeBuffer zips, and it holds them in
 * the order a JSZip would (folders first, a replaced part in its place) — so the file written is the one written
 * before, part for part. Chart parts built once are reused for an equal input only.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PackageParts, snapshotToXlsx, xlsxParts } from "../../src/cli/xlsx/write-xlsx";
import { createMemoryExcel, type WorkbookSnapshot } from "../../src/memory-excel";
import { createWorkbookPort } from "../../src/excel/office-port";
import { parsePlanJson } from "../../src/core/plan-file";
import type { Language } from "../../src/core/model";
import { EXAMPLE_PLAN } from "./harness";

/** A small workbook touching what PIPbook's writer uses: styles, a table, a merge, a formula, two sheets. */
function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet("目标 & <Goals>");
  ws.addTable({ name: "PIP_Goals", ref: "A1", headerRow: true, columns: [{ name: "Goal" }, { name: "Target" }], rows: [["Sales", 45], ["Complaints", 0.03]] });
  ws.getCell("D1").value = { formula: "SUM(B2:B3)", date1904: false } as ExcelJS.CellFormulaValue;
  ws.getCell("D2").style = { font: { bold: true }, numFmt: "0.0%" };
  ws.mergeCells("F1:G2");
  wb.addWorksheet("Notes").getCell("A1").value = "note";
  return wb;
}

describe("the writer's package", () => {
  test("ExcelJS's write steps give the parts, texts and order its writeBuffer zips", async () => {
    const zipped = await JSZip.loadAsync(await workbook().xlsx.writeBuffer());
    const parts = await xlsxParts(workbook());
    expect(Object.keys(parts.files)).toEqual(Object.keys(zipped.files));
    for (const [name, entry] of Object.entries(zipped.files)) {
      if (entry.dir) continue;
      const text = await entry.async("string");
      // docProps/core.xml carries the same fixed dates; every part is the same text.
      expect([name, await parts.file(name)!.async("string")]).toEqual([name, text]);
    }
  });

  test("parts are held in JSZip's order: a part's folders first, outermost first, a replaced part in its place", async () => {
    const jszip = new JSZip();
    const parts = new PackageParts();
    const steps: [string, string][] = [
      ["[Content_Types].xml", "a"],
      ["xl/worksheets/_rels/sheet1.xml.rels", "b"],
      ["xl/workbook.xml", "c"],
      ["xl/worksheets/sheet1.xml", "d"],
      ["[Content_Types].xml", "e"],
      ["xl/charts/chart1.xml", "f"],
    ];
    for (const [name, text] of steps) {
      jszip.file(name, text);
      parts.file(name, text);
    }
    expect(Object.keys(parts.files)).toEqual(Object.keys(jszip.files));
    expect(Object.values(parts.files).map((p) => p.dir)).toEqual(Object.values(jszip.files).map((f) => f.dir));
    expect(await parts.file("[Content_Types].xml")!.async("string")).toBe("e");
    expect(parts.file("xl/")).toBeNull();
    expect(new TextDecoder().decode(await parts.file("xl/workbook.xml")!.async("uint8array"))).toBe("c");
    const again = await JSZip.loadAsync(await parts.toJSZip().generateAsync({ type: "uint8array" }));
    expect(Object.keys(again.files)).toEqual(Object.keys(jszip.files));
  });
});

async function exampleSnapshot(language: Language): Promise<WorkbookSnapshot> {
  const parsed = parsePlanJson(await readFile(EXAMPLE_PLAN, "utf8"));
  if (!parsed.ok) throw new Error("example does not parse");
  const memory = createMemoryExcel({ engine: null, sheets: [] });
  await createWorkbookPort((batch) => memory.run(batch), { asOf: "2024-05-15" }).writePlan(parsed.plan, { language, asOf: "2024-05-15" });
  return memory.snapshot();
}

async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) out.set(entry.name, await entry.async("string"));
  return out;
}

test("chart parts reused from an earlier workbook are those an equal input builds, and only for an equal input", async () => {
  const created = new Date(Date.UTC(2024, 0, 1));
  const [zh, en] = [await exampleSnapshot("zh-CN"), await exampleSnapshot("en-US")];
  const first = await partsOf(await snapshotToXlsx(zh, { created }));
  const english = await partsOf(await snapshotToXlsx(en, { created }));
  const again = await partsOf(await snapshotToXlsx(structuredClone(zh), { created }));
  expect([...again]).toEqual([...first]);
  const charts = [...first.keys()].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
  expect(charts.length).toBeGreaterThan(0);
  for (const chart of charts) expect(english.get(chart)).not.toBe(first.get(chart));
  expect(first.get("[Content_Types].xml")).toContain("drawingml.chart+xml");
});
