/**
 * A native chart as the layout declares it (SheetDecl.charts): series bound to ranges on the chart's own sheet,
 * written through Office.js by src/excel/charts.ts and carried into the .xlsx by src/cli/xlsx/charts.ts. The
 * Evaluation sheet declares its charts with these types (src/workbook/sheets/evaluation.ts); any other sheet or
 * workbook (the HR dashboard) can declare its own the same way.
 *
 * Pure data: no Office.js.
 */

/** Name prefix of every chart PIPbook declares (a chart with this prefix that is no longer declared is stale). */
export const CHART_PREFIX = "PIP_Chart_";

/** What a chart shows; the Office.js writer styles some kinds (change: overlapping bars). */
export type ChartDeclKind = "actual" | "attainment" | "change" | "quarters" | (string & {});
export type ChartDeclType = "ColumnClustered" | "LineMarkers" | "Line";

export interface SeriesDecl {
  /** Legend text. */
  name: string;
  /** A1 range on the chart's sheet (no sheet name). */
  values: string;
  /** Category labels, A1 range on the chart's sheet. */
  xValues: string;
  /** Series chart type (a combo chart's line series on a column chart). "Line" is drawn dashed, without markers. */
  chartType: ChartDeclType;
  /** Fill (columns) or line colour, #RRGGBB. */
  color: string;
}

export interface ChartDecl {
  /** Stable chart name, CHART_PREFIX + …: found by it on a rewrite and re-bound, never added twice. */
  name: string;
  kind: ChartDeclKind;
  /** 0-based goal position for per-goal charts; null for charts across goals. */
  goalIndex: number | null;
  chartType: ChartDeclType;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** Number format of the value axis. */
  valueAxisFormat: string;
  series: SeriesDecl[];
  /** Top-left and bottom-right cells the chart covers (Office.js chart.setPosition). */
  position: { from: string; to: string };
}

/**
 * Text from a plan shown as a chart title or legend: one beginning with = + - @ gets a leading zero-width
 * space, so that no host takes a goal id such as "=G1" for a reference.
 */
export function chartText(text: string): string {
  const trimmed = text.length > 255 ? text.slice(0, 255) : text;
  return /^[=+\-@]/.test(trimmed) ? `\u200B${trimmed}` : trimmed;
}
