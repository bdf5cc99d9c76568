import { gridFromSnapshot, parseRangeRef } from "../../src/preview/snapshot-adapter";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/memory-excel";
import { columnLetters, parseCellAddress } from "../../src/preview/grid-model";

function sheet(name: string, position: number, cells: SheetSnapshot["cells"], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return {
    name,
    position,
    visibility: "Visible",
    showGridlines: true,
    cells,
    columns: [],
    rows: [],
    frozenRows: 0,
    frozenColumns: 0,
    printArea: null,
    pageLayout: {},
    protection: { protected: false, options: {}, password: null },
    validations: [],
    conditionalFormats: [],
    charts: [],
    merges: [],
    ...extra,
  };
}

function workbook(sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { format: "pipbook-memory-excel-snapshot", version: 1, activeSheet: null, sheets, tables: [], names: [] };
}

describe("preview grid from the in-memory Excel's snapshot", () => {
  test("addresses: A1 ↔ row/column, ranges with quoted sheet names", () => {
    expect(parseCellAddress("B7")).toEqual({ row: 6, column: 1 });
    expect(parseCellAddress("$AA$10")).toEqual({ row: 9, column: 26 });
    expect(parseCellAddress("B0")).toBeNull();
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(27)).toBe("AB");
    expect(parseRangeRef("'Tracking log'!$C$2:$C$4")).toEqual({ sheet: "Tracking log", from: { row: 1, column: 2 }, to: { row: 3, column: 2 } });
    expect(parseRangeRef("'O''Brien'!A1")).toEqual({ sheet: "O'Brien", from: { row: 0, column: 0 }, to: { row: 0, column: 0 } });
    expect(parseRangeRef("Sheet1!$C:$C")).toBeNull();
  });

  test("visible sheets in tab order, displayed text, fills, numbers right-aligned, a spare row and column", () => {
    const grid = gridFromSnapshot(
      workbook([
        sheet("Second", 1, [{ address: "A1", value: 1, type: "Double", text: "1" }]),
        sheet("Hidden", 2, [], { visibility: "Hidden" }),
        sheet("First", 0, [
          { address: "A1", value: "Goal", type: "String", text: "Goal", format: { bold: true, fill: "#1F4E78" } },
          { address: "C2", value: 0.642, type: "Double", text: "64.2%", formula: "=B2/B3" },
        ]),
      ]),
    );
    expect(grid.sheets.map((s) => s.name)).toEqual(["First", "Second"]);
    const first = grid.sheets[0];
    expect(first.rowCount).toBe(3);
    expect(first.columnCount).toBe(4);
    expect(first.cells.A1).toEqual({ text: "Goal", formula: undefined, fill: "#1F4E78", bold: true, numeric: false });
    expect(first.cells.C2).toMatchObject({ text: "64.2%", formula: "=B2/B3", numeric: true });
  });

  test("a chart's series read their numbers and categories from the cells they name, and keep their recorded colours", () => {
    const cells: SheetSnapshot["cells"] = [
      { address: "A2", value: "2024-W14", type: "String", text: "2024-W14" },
      { address: "A3", value: "2024-W15", type: "String", text: "2024-W15" },
      { address: "B2", value: 2.8, type: "Double", text: "2.8" },
      { address: "B3", value: "#DIV/0!", type: "Error", text: "#DIV/0!" },
    ];
    const chart = {
      name: "Attainment",
      type: "ColumnClustered",
      title: "Attainment by week",
      seriesBy: "Columns",
      source: null,
      series: [
        { name: "G1", values: "Evaluation!$B$2:$B$3", xValues: "Evaluation!$A$2:$A$3", color: "#4472C4", props: {} },
        { name: "Target", values: "Evaluation!$B$2:$B$3", xValues: null, chartType: "Line", lineColor: "#C00000", props: {} },
      ],
      axes: { category: { title: null }, value: { title: null } },
      legend: { visible: true, position: "Bottom" },
      position: { top: 0, left: 0, width: 300, height: 200 },
      props: {},
    };
    const grid = gridFromSnapshot(workbook([sheet("Evaluation", 0, cells, { charts: [chart] })]));
    expect(grid.sheets[0].charts).toEqual([
      {
        name: "Attainment",
        title: "Attainment by week",
        categories: ["2024-W14", "2024-W15"],
        series: [
          { name: "G1", values: [2.8, null], kind: "bar", color: "#4472C4" },
          { name: "Target", values: [2.8, null], kind: "line", color: "#C00000" },
        ],
        // What the workbook set on the axes; only the attainment chart has a reference line.
        categoryAxis: { title: null },
        valueAxis: { title: null },
        reference: null,
      },
    ]);
  });

  test("the attainment chart (PIP_Chart_Attainment) carries its axes' titles and format and a 100 % reference line", () => {
    const chart = {
      name: "PIP_Chart_Attainment",
      type: "LineMarkers",
      title: "Attainment by period",
      seriesBy: "Columns",
      source: null,
      series: [],
      axes: { category: { title: "Period" }, value: { title: "Attainment", numberFormat: "0%" } },
      legend: { visible: true, position: "Bottom" },
      position: { top: 0, left: 0, width: 300, height: 200 },
      props: {},
    };
    const [drawn] = gridFromSnapshot(workbook([sheet("Evaluation", 0, [], { charts: [chart] })])).sheets[0].charts;
    expect(drawn).toMatchObject({ reference: 1, valueAxis: { title: "Attainment", numberFormat: "0%" }, categoryAxis: { title: "Period" } });
  });
});
