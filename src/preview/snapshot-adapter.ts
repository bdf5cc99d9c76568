/**
 * The in-memory Excel's snapshot → what the preview draws (grid-model.ts): the displayed text of every cell,
 * fills and bold, and each chart's series read from the cells its addresses name.
 */
import { splitSheet } from "../a1";
import type { ChartSnapshot, SheetSnapshot, WorkbookSnapshot } from "../memory-excel";
import { columnLetters, parseCellAddress, type GridCell, type GridChart, type GridSheet, type GridWorkbook } from "./grid-model";

/** Drawn at most (the preview is for looking, not for a million rows). */
export const MAX_GRID_ROWS = 400;
export const MAX_GRID_COLUMNS = 40;

interface RangeRef {
  sheet: string | null;
  from: { row: number; column: number };
  to: { row: number; column: number };
}

/** "'Tracking log'!$B$2:$B$20" or "Evaluation!C2" → sheet and corners; null when not a cell range. */
export function parseRangeRef(address: string): RangeRef | null {
  const { sheet, local } = splitSheet(address);
  const [a = "", b = a] = local.split(":");
  const from = parseCellAddress(a);
  const to = parseCellAddress(b);
  if (!from || !to) return null;
  return {
    sheet,
    from: { row: Math.min(from.row, to.row), column: Math.min(from.column, to.column) },
    to: { row: Math.max(from.row, to.row), column: Math.max(from.column, to.column) },
  };
}

type CellIndex = Map<string, Map<string, SheetSnapshot["cells"][number]>>;

function rangeCells(index: CellIndex, ref: RangeRef, fallbackSheet: string): SheetSnapshot["cells"][number][] {
  const cells = index.get(ref.sheet ?? fallbackSheet);
  const out: SheetSnapshot["cells"][number][] = [];
  for (let r = ref.from.row; r <= ref.to.row; r++) {
    for (let c = ref.from.column; c <= ref.to.column; c++) {
      const address = `${columnLetters(c)}${r + 1}`;
      out.push(cells?.get(address) ?? { address, value: null, type: "Empty", text: "" });
    }
  }
  return out;
}


const ATTAINMENT_CHART = "PIP_Chart_Attainment";

function chartFrom(chart: ChartSnapshot, index: CellIndex, sheetName: string): GridChart {
  let categories: string[] = [];
  const series = chart.series.map((s) => {
    const ref = s.values ? parseRangeRef(s.values) : null;
    const values = ref ? rangeCells(index, ref, sheetName).map((c) => (typeof c.value === "number" && Number.isFinite(c.value) ? c.value : null)) : [];
    if (categories.length === 0 && s.xValues) {
      const x = parseRangeRef(s.xValues);
      if (x) categories = rangeCells(index, x, sheetName).map((c) => c.text);
    }
    const type = (s.chartType ?? chart.type).toLowerCase();
    const kind = type.includes("line") ? ("line" as const) : ("bar" as const);
    const color = kind === "line" ? (s.lineColor ?? s.color) : (s.color ?? s.lineColor);
    return { name: s.name, values, kind, ...(color ? { color } : {}) };
  });
  return {
    name: chart.name,
    title: chart.title ?? chart.name,
    categories,
    series,
    valueAxis: chart.axes?.value,
    categoryAxis: chart.axes?.category,
    // The attainment chart (src/workbook/sheets/evaluation.ts: PIP_Chart_Attainment) is read against 100 %.
    reference: chart.name === ATTAINMENT_CHART ? 1 : null,
  };
}

export function gridFromSnapshot(snapshot: WorkbookSnapshot): GridWorkbook {
  const index: CellIndex = new Map(snapshot.sheets.map((s) => [s.name, new Map(s.cells.map((c) => [c.address, c]))]));
  const sheets: GridSheet[] = [...snapshot.sheets]
    .filter((s) => s.visibility === "Visible")
    .sort((a, b) => a.position - b.position)
    .map((s) => {
      let rowCount = 0;
      let columnCount = 0;
      const cells: Record<string, GridCell> = {};
      for (const c of s.cells) {
        const at = parseCellAddress(c.address);
        if (!at || at.row >= MAX_GRID_ROWS || at.column >= MAX_GRID_COLUMNS) continue;
        rowCount = Math.max(rowCount, at.row + 1);
        columnCount = Math.max(columnCount, at.column + 1);
        if (c.type === "Empty" && !c.format?.fill) continue;
        cells[c.address] = {
          text: c.text,
          formula: c.formula,
          fill: c.format?.fill ?? null,
          bold: c.format?.bold,
          numeric: c.type === "Double",
        };
      }
      return {
        name: s.name,
        // One spare row and column, so there is room to type below a table as in Excel.
        rowCount: Math.min(MAX_GRID_ROWS, rowCount + 1),
        columnCount: Math.min(MAX_GRID_COLUMNS, Math.max(columnCount + 1, 4)),
        cells,
        charts: s.charts.map((chart) => chartFrom(chart, index, s.name)),
        // Columns hidden in the sheet (the Tracking log's Row key and Match key) are not drawn, as in Excel.
        hiddenColumns: (s.columns ?? []).filter((c) => c.hidden).map((c) => c.index),
      };
    });
  return { sheets };
}
