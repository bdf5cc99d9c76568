import { createMemoryExcel } from "../../src/memory-excel";

async function evaluationSheet() {
  const excel = createMemoryExcel({ sheets: ["Evaluation 评估"] });
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Evaluation 评估");
    ws.getRange("A1:C4").values = [
      ["Period", "Sales", "Target"],
      ["2024-04", 30, 45],
      ["2024-05", 41, 45],
      ["2024-06", 47, 45],
    ];
    await context.sync();
  });
  return excel;
}

describe("charts", () => {
  test("charts.add lays series out from the source (header row → names, first column → categories)", async () => {
    const excel = await evaluationSheet();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Evaluation 评估");
      const chart = ws.charts.add("ColumnClustered" as Excel.ChartType, ws.getRange("A1:C4"), "Auto" as Excel.ChartSeriesBy);
      chart.load("name,chartType");
      const series = chart.series;
      series.load("items/name,count");
      await context.sync();
      expect([chart.name, chart.chartType, series.count]).toEqual(["Chart 1", "ColumnClustered", 2]);
      expect(series.items.map((s) => s.name)).toEqual(["Sales", "Target"]);
    });
    const [chart] = excel.snapshot().sheets[0].charts;
    expect(chart.seriesBy).toBe("Columns");
    expect(chart.source).toBe("'Evaluation 评估'!$A$1:$C$4");
    expect(chart.series.map((s) => [s.values, s.xValues])).toEqual([
      ["'Evaluation 评估'!$B$2:$B$4", "'Evaluation 评估'!$A$2:$A$4"],
      ["'Evaluation 评估'!$C$2:$C$4", "'Evaluation 评估'!$A$2:$A$4"],
    ]);
  });

  test("names, titles, axes, legend, series binding, colours and position are recorded in the snapshot", async () => {
    const excel = await evaluationSheet();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Evaluation 评估");
      const chart = ws.charts.add("Line" as Excel.ChartType, ws.getRange("B2:B4"), "Columns" as Excel.ChartSeriesBy);
      chart.name = "PIP_Chart_Sales";
      chart.title.text = "Sales 销售额";
      chart.title.visible = true;
      chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
      chart.axes.categoryAxis.title.text = "Month";
      chart.axes.valueAxis.title.text = "万元";
      chart.axes.valueAxis.numberFormat = "0.0";
      const first = chart.series.getItemAt(0);
      first.name = "Sales";
      first.setXAxisValues(ws.getRange("A2:A4"));
      first.format.line.color = "#1F77B4";
      const target = chart.series.add("Target");
      target.setValues(ws.getRange("C2:C4"));
      target.setXAxisValues(ws.getRange("A2:A4"));
      target.chartType = "ColumnClustered" as Excel.ChartType;
      target.format.fill.setSolidColor("#ff7f0e");
      target.markerStyle = "None" as Excel.ChartMarkerStyle;
      chart.setPosition("E2", "L18");
      await context.sync();
      const found = ws.charts.getItem("PIP_Chart_Sales");
      found.load("top,left,width,height");
      await context.sync();
      // E2: 4 default columns (48 pt) to the left, 1 row (15 pt) above; L18 ends after column L and row 18.
      expect([found.left, found.top, found.width, found.height]).toEqual([4 * 48, 15, 8 * 48, 17 * 15]);
    });
    const [chart] = excel.snapshot().sheets[0].charts;
    expect(chart).toMatchObject({
      name: "PIP_Chart_Sales",
      type: "Line",
      title: "Sales 销售额",
      axes: { category: { title: "Month" }, value: { title: "万元", numberFormat: "0.0" } },
      legend: { visible: true, position: "Bottom" },
      position: { from: "E2", to: "L18", left: 192, top: 15 },
    });
    expect(chart.series).toMatchObject([
      { name: "Sales", values: "'Evaluation 评估'!$B$2:$B$4", xValues: "'Evaluation 评估'!$A$2:$A$4", lineColor: "#1F77B4" },
      { name: "Target", values: "'Evaluation 评估'!$C$2:$C$4", chartType: "ColumnClustered", color: "#FF7F0E" },
    ]);
    expect(chart.series[1].props.markerStyle).toBe("None");
  });

  test("delete removes a chart; getItem of a missing chart rejects with ItemNotFound", async () => {
    const excel = await evaluationSheet();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Evaluation 评估");
      const chart = ws.charts.add("Pie" as Excel.ChartType, ws.getRange("A1:B4"), "Columns" as Excel.ChartSeriesBy);
      chart.name = "P";
      await context.sync();
      ws.charts.getItem("P").delete();
      await context.sync();
      ws.charts.getItem("P").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(excel.snapshot().sheets[0].charts).toEqual([]);
  });
});
