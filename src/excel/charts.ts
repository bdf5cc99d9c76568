/**
 * Native charts as the layout declares them (ChartDecl, src/workbook/charts.ts: the Evaluation sheet's, or any other
 * sheet's) through the Office.js chart API (features within ExcelApi 1.8).
 *
 * A chart is found by its stable name (PIP_Chart_…): an existing one is re-bound — its series renamed and pointed
 * at the current ranges, surplus series deleted, missing ones added — never added twice. A chart whose name is no
 * longer declared (a goal was removed) is deleted. Charts are created with `seriesBy` given explicitly, and every
 * series is bound with setValues / setXAxisValues (ExcelApi 1.7) rather than left to Excel's guess from a block.
 *
 * Queues commands only; the caller syncs. Which charts exist must be known beforehand (`loadExistingCharts`,
 * one sync), because a command on a chart that is not there fails the whole batch.
 */
import { CHART_PREFIX, type ChartDecl, type SeriesDecl } from "../workbook/charts";
import { at } from "../core/indexed";
import { toXmlText } from "../core/xml-text";

/** A chart found on the sheet: its name and how many series it has. */
export interface ExistingChart {
  name: string;
  seriesCount: number;
}
/** The same, under the name the workbook shape and the reader use. */
export type ExistingChartInfo = ExistingChart;

/**
 * Queues a load of the worksheet's charts (name and series count); call the returned function after the next
 * sync to get them.
 */
export function loadExistingCharts(worksheet: Excel.Worksheet): () => ExistingChart[] {
  const charts = worksheet.charts;
  charts.load("items/name,items/series/count");
  return () => charts.items.map((c) => ({ name: c.name, seriesCount: c.series.count }));
}

/**
 * How a series is bound and styled. `fresh`: what the command that made the series already set (its name by
 * series.add(name); its type by charts.add), so it is not sent again. `firstColumns`: the first column series of the chart —
 * gap width and overlap belong to the chart's column group ("the gap width of a chart series": Excel applies it to
 * every series of the group, as in its Format Data Series pane), so they are set once.
 */
interface SeriesWrite {
  fresh: { name: boolean; type: boolean };
  firstColumns: boolean;
}

function styleSeries(series: Excel.ChartSeries, decl: SeriesDecl, kind: ChartDecl["kind"], how: SeriesWrite): void {
  if (!how.fresh.type) series.chartType = decl.chartType as Excel.ChartType;
  if (decl.chartType === "ColumnClustered") {
    series.format.fill.setSolidColor(decl.color);
    if (how.firstColumns) {
      series.gapWidth = 60;
      // Improvement and decline never share a period: overlapping them keeps each bar centred on its period.
      if (kind === "change") series.overlap = 100;
    }
  } else {
    series.format.line.color = decl.color;
    if (decl.chartType === "Line") {
      series.markerStyle = "None" as Excel.ChartMarkerStyle;
      series.format.line.lineStyle = "Dash" as Excel.ChartLineStyle;
    } else {
      series.markerStyle = "Circle" as Excel.ChartMarkerStyle;
      series.markerBackgroundColor = decl.color;
      series.markerForegroundColor = decl.color;
    }
  }
}

function bindSeries(worksheet: Excel.Worksheet, series: Excel.ChartSeries, decl: SeriesDecl, kind: ChartDecl["kind"], how: SeriesWrite): void {
  // Goal titles reach series names and chart titles: text XML cannot hold is cleaned as in every writer (core/xml-text).
  if (!how.fresh.name) series.name = toXmlText(decl.name);
  series.setValues(worksheet.getRange(decl.values));
  series.setXAxisValues(worksheet.getRange(decl.xValues));
  styleSeries(series, decl, kind, how);
}

function decorate(chart: Excel.Chart, decl: ChartDecl): void {
  chart.title.text = toXmlText(decl.title);
  chart.title.visible = true;
  chart.legend.visible = true;
  chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
  const category = chart.axes.categoryAxis;
  category.title.text = decl.categoryAxisTitle;
  category.title.visible = true;
  const value = chart.axes.valueAxis;
  value.title.text = decl.valueAxisTitle;
  value.title.visible = true;
  value.numberFormat = decl.valueAxisFormat;
  chart.setPosition(decl.position.from, decl.position.to);
}

/**
 * Queues the declared charts on the worksheet: re-binds the existing ones by name, adds the missing ones and
 * deletes stale PIP_Chart_ charts (CHART_PREFIX). `existing` null means "none" (a sheet just created).
 */
export function queueCharts(worksheet: Excel.Worksheet, decls: readonly ChartDecl[], existing: readonly ExistingChart[] | null): void {
  const found = new Map((existing ?? []).map((c) => [c.name, c] as const));
  const wanted = new Set(decls.map((d) => d.name));
  for (const chart of existing ?? []) {
    if (chart.name.startsWith(CHART_PREFIX) && !wanted.has(chart.name)) worksheet.charts.getItem(chart.name).delete();
  }
  for (const decl of decls) {
    if (decl.series.length === 0) continue;
    const old = found.get(decl.name);
    let chart: Excel.Chart;
    let have: number;
    if (old) {
      chart = worksheet.charts.getItem(decl.name);
      chart.chartType = decl.chartType as Excel.ChartType;
      have = old.seriesCount;
    } else {
      chart = worksheet.charts.add(decl.chartType as Excel.ChartType, worksheet.getRange(at(decl.series, 0, `${decl.name}: first series`).values), "Columns" as Excel.ChartSeriesBy);
      chart.name = decl.name;
      have = 1;
    }
    // Surplus series go from the end so that the indexes of the ones kept do not move.
    for (let i = have - 1; i >= decl.series.length; i--) chart.series.getItemAt(i).delete();
    const firstColumns = decl.series.findIndex((s) => s.chartType === "ColumnClustered");
    decl.series.forEach((s, i) => {
      const added = i >= have;
      const series = added ? chart.series.add(toXmlText(s.name)) : chart.series.getItemAt(i);
      // series.add(name) names the series ("add(name, index): Add a new series to the collection", name "Name of the
      // series", https://learn.microsoft.com/javascript/api/excel/excel.chartseriescollection); the first series of a
      // chart charts.add just made has the type the chart was made with. Every other series gets its type set.
      const fresh = { name: added, type: !old && i === 0 && s.chartType === decl.chartType };
      bindSeries(worksheet, series, s, decl.kind, { fresh, firstColumns: i === firstColumns });
    });
    decorate(chart, decl);
  }
}
