/**
 * What the preview draws: each sheet as a grid of displayed texts (computed values, number formats applied),
 * with fills, and each chart with its series' numbers. Built from the in-memory Excel's snapshot by
 * `gridFromSnapshot` (src/preview/snapshot-adapter.ts); plain data so the grid and chart components are
 * testable without it.
 */
import { parseCell } from "../a1";

export interface GridCell {
  /** The text Excel would show (number format applied). */
  text: string;
  /** The formula, when the cell has one ("=SUM(…)"). */
  formula?: string;
  /** CSS colour of the fill (#RRGGBB), if any. */
  fill?: string | null;
  bold?: boolean;
  /** Right-aligned like Excel's numbers. */
  numeric?: boolean;
}

export interface GridChartSeries {
  name: string;
  values: (number | null)[];
  /** "line" or "bar" (column); the chart's type when the series has none. */
  kind: "line" | "bar";
  /** The colour the workbook set on the series (fill for columns, line for lines), if any. */
  color?: string;
}

/** What the workbook set on a chart axis. */
export interface GridChartAxis {
  title: string | null;
  /** Excel number format of the axis labels ("0%"), if set. */
  numberFormat?: string;
  minimum?: number;
  maximum?: number;
}

export interface GridChart {
  name: string;
  title: string;
  categories: string[];
  series: GridChartSeries[];
  valueAxis?: GridChartAxis;
  categoryAxis?: GridChartAxis;
  /** A horizontal reference line (1 = the 100 % of the attainment chart), if the chart has one. */
  reference?: number | null;
}

export interface GridSheet {
  name: string;
  /** Number of rows and columns to draw (the used range from A1). */
  rowCount: number;
  columnCount: number;
  /** Cells by A1 address ("B7"); absent = empty. */
  cells: Record<string, GridCell>;
  charts: GridChart[];
  /** 0-based columns hidden in the sheet: not drawn. */
  hiddenColumns?: number[];
}

export interface GridWorkbook {
  sheets: GridSheet[];
}

/** Column letters of a 0-based column index (0 → A, 26 → AA): PIPbook's one A1 module. */
export { columnLetters } from "../a1";

/** "B7" → { row: 6, column: 1 }; null when not a single-cell A1 address. */
export function parseCellAddress(address: string): { row: number; column: number } | null {
  const cell = parseCell(address);
  return cell ? { row: cell.row, column: cell.col } : null;
}
