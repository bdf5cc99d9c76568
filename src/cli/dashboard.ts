/**
 * `pipbook rollup <folder> -o dashboard.xlsx`: the HR dashboard (src/workbook/dashboard.ts) as an .xlsx.
 *
 * ExcelJS writes the two sheets, the native table PIP_Rollup and the formulas (with the results the rollup
 * computed, so a viewer that does not recalculate still shows them; Excel and LibreOffice recalculate on load);
 * the charts are the dashboard's chart declarations — the Evaluation sheet's declaration types — given to the
 * same DrawingML writer as the Evaluation sheet's charts (src/cli/xlsx/charts.ts), styled as src/excel/charts.ts
 * styles them through Office.js (columns gap 60; a "Line" series dashed without markers, "LineMarkers" with
 * circles).
 */
import ExcelJS from "exceljs";
import { parseCell, quoteSheetName } from "../a1";
import { toXmlText } from "../core/xml-text";
import { columnLetter } from "../workbook";
import { dashboardContent, type DashboardCell, type DashboardChartDecl, type DashboardContent, type DashboardOptions, type DashboardPlan } from "../workbook/dashboard";
import { addChartsToXlsx, type ChartSpec } from "./xlsx/charts";

function a1(address: string): { col: number; row: number } {
  const cell = parseCell(address);
  if (!cell) throw new Error(`not a cell: ${address}`);
  return cell;
}

const quoted = (sheet: string) => quoteSheetName(sheet, true);

/** A dashboard chart declaration as the .xlsx chart writer's spec (series ranges get the sheet's name). */
export function dashboardChartSpec(decl: DashboardChartDecl, sheet: string): ChartSpec {
  const from = a1(decl.position.from);
  const to = a1(decl.position.to);
  const kindOf = (type: string) => (type === "ColumnClustered" ? "column" : "line") as ChartSpec["kind"];
  return {
    kind: kindOf(decl.chartType),
    name: decl.name,
    title: decl.title,
    // setPosition(from, to) covers the `to` cell: the anchor ends at the next cell's corner.
    anchor: { kind: "cells", from, to: { col: to.col + 1, row: to.row + 1 } },
    series: decl.series.map((s) => ({
      name: s.name,
      values: `${quoted(sheet)}!${s.values}`,
      categories: `${quoted(sheet)}!${s.xValues}`,
      kind: kindOf(s.chartType),
      color: s.color,
      dash: s.chartType === "Line" ? "dash" : undefined,
      marker: s.chartType === "Line" ? "none" : s.chartType === "LineMarkers" ? "circle" : undefined,
      markerSize: s.chartType === "LineMarkers" ? 6 : undefined,
    })),
    valueFormat: decl.valueAxisFormat,
    valueTitle: decl.valueAxisTitle,
    categoryTitle: decl.categoryAxisTitle,
    // Counts start at 0; an attainment axis is left to the host (a quarter without data is a gap, not 0 %).
    valueMin: decl.valueAxisFormat === "0" ? 0 : undefined,
    legend: true,
    legendPosition: "b",
    gapWidth: 60,
  };
}

const STYLES: Record<NonNullable<DashboardCell["style"]>, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 13 } },
  header: { font: { bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } } },
  label: { font: { bold: false } },
  note: { font: { italic: true, color: { argb: "FF595959" } } },
  total: { font: { bold: true } },
};

function cellValue(cell: DashboardCell): ExcelJS.CellValue {
  if (cell.formula !== undefined) {
    const formula = cell.formula.replace(/^=/, "");
    return cell.result === undefined ? { formula } : ({ formula, result: cell.result } as ExcelJS.CellFormulaValue);
  }
  // Text is cleaned of what XML cannot hold, as in every writer (core/xml-text); text stays text (shared strings).
  return typeof cell.value === "string" ? toXmlText(cell.value) : (cell.value ?? null);
}

function put(ws: ExcelJS.Worksheet, address: string, cell: DashboardCell): void {
  const target = ws.getCell(address);
  target.value = cellValue(cell);
  if (cell.numberFormat) target.numFmt = cell.numberFormat;
  if (cell.style) Object.assign(target, STYLES[cell.style]);
}

/** The .xlsx bytes of a dashboard's content. */
export async function dashboardXlsx(content: DashboardContent, options: { created?: Date } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PIPbook";
  workbook.created = options.created ?? new Date();
  workbook.modified = workbook.created;
  workbook.calcProperties.fullCalcOnLoad = true;

  const plans = workbook.addWorksheet(content.plansSheet, { views: [{ state: "frozen", ySplit: content.tableHeaderRow, xSplit: 1 }] });
  for (const [address, cell] of Object.entries(content.plansCells)) put(plans, address, cell);
  content.columns.forEach((c, i) => (plans.getColumn(i + 1).width = c.width));
  plans.addTable({
    name: content.tableName,
    ref: `A${content.tableHeaderRow}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: content.columns.map((c) => ({ name: toXmlText(c.header), filterButton: true })),
    rows: content.tableRows.map((row) => row.map(cellValue)),
  });
  // addTable writes the values; the number formats follow per cell.
  content.tableRows.forEach((row, i) =>
    row.forEach((cell, c) => {
      if (cell.numberFormat) plans.getCell(`${columnLetter(c)}${content.tableHeaderRow + 1 + i}`).numFmt = cell.numberFormat;
    }),
  );

  const dashboard = workbook.addWorksheet(content.dashboardSheet);
  content.dashboardWidths.forEach((w, i) => (dashboard.getColumn(i + 1).width = w));
  for (const [address, cell] of Object.entries(content.dashboardCells)) put(dashboard, address, cell);
  // HR opens the dashboard first; the table is one tab away.
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: "visible" }];

  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const charts = new Map([[content.dashboardSheet, content.charts.map((c) => dashboardChartSpec(c, content.dashboardSheet))]]);
  return addChartsToXlsx(bytes, charts);
}

/** The dashboard workbook of the plans a rollup read. */
export async function writeDashboard(plans: readonly DashboardPlan[], options: DashboardOptions): Promise<Uint8Array> {
  return dashboardXlsx(dashboardContent(plans, options));
}
