import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { excelJsInput } from "../../src/cli/xlsx/bytes";
import { addChartsToXlsx, readChartRefs, type ChartSpec } from "../../src/cli/xlsx/charts";

async function workbookWithTable(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Overview").getCell("A1").value = "x";
  const sheet = workbook.addWorksheet("Eval & 评估");
  sheet.addTable({ name: "T1", ref: "A1", columns: [{ name: "Period" }, { name: "Value" }], rows: [["W1", 1], ["W2", 2]] });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const line: ChartSpec = {
  kind: "line",
  name: "Attainment",
  title: "达成率 <by> week & goal",
  anchor: { kind: "cells", from: { col: 4, row: 1 }, to: { col: 10, row: 16 } },
  series: [{ name: "G1", values: "'Eval & 评估'!$B$2:$B$3", categories: "'Eval & 评估'!$A$2:$A$3" }],
  valueFormat: "0%",
};
const column: ChartSpec = {
  kind: "column",
  name: "Values",
  title: "Values",
  anchor: { kind: "points", left: 0, top: 320, width: 400, height: 220 },
  series: [{ name: "G1", values: "'Eval & 评估'!$B$2:$B$3", categories: "'Eval & 评估'!$A$2:$A$3" }],
};

describe("native charts added to an ExcelJS package", () => {
  test("charts read back with their titles, kinds and series references; the table survives", async () => {
    const bytes = await addChartsToXlsx(await workbookWithTable(), new Map([["Eval & 评估", [line, column]]]));
    const charts = await readChartRefs(bytes);
    expect(charts.get("Eval & 评估")).toEqual([
      { title: "达成率 <by> week & goal", kind: "lineChart", series: [{ kind: "lineChart", values: line.series[0].values, categories: line.series[0].categories }] },
      { title: "Values", kind: "barChart", series: [{ kind: "barChart", values: column.series[0].values, categories: column.series[0].categories }] },
    ]);
    expect(charts.has("Overview")).toBe(false);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(excelJsInput(bytes));
    expect(reread.getWorksheet("Eval & 评估")!.getCell("B3").value).toBe(2);
  });

  test("every part is well-formed XML, registered in [Content_Types].xml, and the sheet's <drawing> precedes <tableParts>", async () => {
    const zip = await JSZip.loadAsync(await addChartsToXlsx(await workbookWithTable(), new Map([["Eval & 评估", [line, column]]])));
    const names = Object.keys(zip.files).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
    for (const name of names) expect([name, XMLValidator.validate(await zip.file(name)!.async("string"))]).toEqual([name, true]);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    for (const part of ["/xl/charts/chart1.xml", "/xl/charts/chart2.xml", "/xl/drawings/drawing1.xml"]) expect(types).toContain(`PartName="${part}"`);
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheet.indexOf("<drawing r:id=")).toBeGreaterThan(0);
    expect(sheet.indexOf("<drawing r:id=")).toBeLessThan(sheet.indexOf("<tableParts"));
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    expect(drawing).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  });

  test("a column chart with line series is a combination chart: bar and line groups on the same axes, colours and dashes kept", async () => {
    const combo: ChartSpec = {
      ...column,
      name: "Combo",
      series: [
        { name: "Actual", values: "'Eval & 评估'!$B$2:$B$3", categories: "'Eval & 评估'!$A$2:$A$3", color: "#4472C4" },
        { name: "Target", values: "'Eval & 评估'!$B$2:$B$3", categories: "'Eval & 评估'!$A$2:$A$3", kind: "line", color: "#C00000", dash: "dash", marker: "none" },
      ],
    };
    const bytes = await addChartsToXlsx(await workbookWithTable(), new Map([["Eval & 评估", [combo]]]));
    const [chart] = (await readChartRefs(bytes)).get("Eval & 评估")!;
    expect(chart.series.map((s) => s.kind)).toEqual(["barChart", "lineChart"]);
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/charts/chart1.xml")!.async("string");
    const axisIds = (group: string) => [...new RegExp(`<c:${group}>.*?</c:${group}>`).exec(xml)![0].matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(axisIds("barChart")).toEqual(axisIds("lineChart"));
    expect(xml).toContain('<a:srgbClr val="4472C4"/>');
    expect(xml).toContain('<a:prstDash val="dash"/>');
    expect(xml).toContain('<c:symbol val="none"/>');
    // Series indexes are unique across the chart's groups.
    expect([...xml.matchAll(/<c:idx val="(\d+)"\/>/g)].map((m) => m[1])).toEqual(["0", "1"]);
  });

  test("no charts leaves the package untouched", async () => {
    const bytes = await workbookWithTable();
    expect(await addChartsToXlsx(bytes, new Map())).toBe(bytes);
  });
});
