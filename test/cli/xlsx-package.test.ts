/**
 * The .xlsx writer's package without a zip in between (src/cli/xlsx/write-xlsx.ts PackageParts, xlsxParts): ExcelJS's
 * write steps run against it give the parts, texts and order ExcelJS's own writeBuffer zips, and it holds them in
 * the order a JSZip would (folders first, a replaced part in its place) — so the file written is the one written
 * before, part for part.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PackageParts, xlsxParts } from "../../src/cli/xlsx/write-xlsx";

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
