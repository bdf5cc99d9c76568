/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { axisNumber, ChartView, labelStep, valueRange } from "../../src/preview/ChartView/ChartView";
import { SheetGrid, textColourOn } from "../../src/preview/SheetGrid/SheetGrid";
import { observePort } from "../../src/preview/observed-port";
import type { GridChart, GridSheet } from "../../src/preview/grid-model";
import { createFakeWorkbookPort } from "../taskpane/support/fake-port";

const sheet: GridSheet = {
  name: "Tracking log",
  rowCount: 3,
  columnCount: 3,
  cells: { A1: { text: "Date", bold: true, fill: "#1F4E78" }, B2: { text: "2.8", numeric: true }, A2: { text: "2024-02-30" } },
  charts: [],
};

describe("preview components", () => {
  test("the grid marks finding cells and the selected cell, and reports a clicked cell", () => {
    const picked: string[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <SheetGrid sheet={sheet} marked={new Set(["A2"])} selected="B2" onPick={(c) => picked.push(c)} label="Workbook: Tracking log" />
      </FluentProvider>,
    );
    const grid = screen.getByRole("region", { name: "Workbook: Tracking log" });
    expect(grid.querySelectorAll("th[scope=col]")).toHaveLength(3);
    expect(grid.querySelector('[data-cell="A2"]')).toHaveAttribute("data-finding", "true");
    expect(grid.querySelector('[data-cell="B2"]')).toHaveAttribute("data-selected", "true");
    expect(grid.querySelector('[data-cell="B2"]')).toHaveAttribute("aria-current", "true");
    expect(grid.querySelector('[data-cell="A1"]')).toHaveTextContent("Date");
    fireEvent.click(grid.querySelector('[data-cell="C3"]')!);
    expect(picked).toEqual(["C3"]);
  });

  test("a column hidden in the sheet (the Tracking log's Row key) is not drawn", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <SheetGrid sheet={{ ...sheet, hiddenColumns: [1] }} marked={new Set()} selected={null} onPick={() => undefined} label="Workbook: Tracking log" />
      </FluentProvider>,
    );
    const grid = screen.getByRole("region", { name: "Workbook: Tracking log" });
    expect([...grid.querySelectorAll("th[scope=col]")].map((th) => th.textContent)).toEqual(["A", "C"]);
    expect(grid.querySelector('[data-cell="B2"]')).toBeNull();
  });

  test("dark fills get white text, light fills dark text", () => {
    expect(textColourOn("#1F4E78")).toBe("#ffffff");
    expect(textColourOn("#FFF2CC")).toBe("#1f1f1f");
    expect(textColourOn("not a colour")).toBe("#1f1f1f");
  });

  test("a chart draws one column per value of a bar series and one polyline per line series", () => {
    const chart: GridChart = {
      name: "c",
      title: "Sales by week",
      categories: ["W14", "W15", "W16"],
      series: [
        { name: "G1", values: [2.8, 3, null], kind: "bar" },
        { name: "target", values: [3, 3, 3], kind: "line" },
      ],
    };
    render(<ChartView chart={chart} />);
    const svg = screen.getByRole("img", { name: "Sales by week" });
    expect(svg.querySelectorAll('rect[data-series="G1"]')).toHaveLength(2);
    expect(svg.querySelectorAll('polyline[data-series="target"]')).toHaveLength(1);
    expect(valueRange(chart)).toEqual({ min: 0, max: 3 });
    expect(valueRange({ ...chart, series: [{ name: "n", values: [-2, 1], kind: "bar" }] })).toEqual({ min: -2, max: 1 });
  });

  test("a series is drawn in the colour the workbook recorded for it, else in the palette's", () => {
    const chart: GridChart = {
      name: "c",
      title: "Change",
      categories: ["W1", "W2"],
      series: [
        { name: "improvement", values: [1, null], kind: "bar", color: "#107C10" },
        { name: "decline", values: [null, -1], kind: "bar", color: "#C00000" },
        { name: "other", values: [0.5, 0.5], kind: "line" },
      ],
    };
    render(<ChartView chart={chart} />);
    const svg = screen.getByRole("img", { name: "Change" });
    expect(svg.querySelector('rect[data-series="improvement"]')).toHaveAttribute("fill", "#107C10");
    expect(svg.querySelector('rect[data-series="decline"]')).toHaveAttribute("fill", "#C00000");
    expect(svg.querySelector('polyline[data-series="other"]')?.getAttribute("stroke")).toMatch(/^#[0-9a-f]{6}$/i);
    expect(svg.querySelector('polyline[data-series="other"]')?.getAttribute("stroke")).not.toBe("#C00000");
  });

  test("the value axis follows the workbook's number format and titles: 0% shows 93%, not 0.933", () => {
    const chart: GridChart = {
      name: "PIP_Chart_Attainment",
      title: "Attainment by period",
      categories: ["P1", "P2"],
      series: [{ name: "G1", values: [0.5, 0.933], kind: "line" }],
      valueAxis: { title: "Attainment", numberFormat: "0%" },
      categoryAxis: { title: "Period" },
      reference: 1,
    };
    render(<ChartView chart={chart} />);
    const svg = screen.getByRole("img", { name: "Attainment by period" });
    const ticks = [...svg.querySelectorAll("[data-tick]")].map((t) => t.textContent);
    expect(ticks).toEqual(["0%", "100%"]);
    expect(svg.querySelector('[data-axis-title="value"]')).toHaveTextContent("Attainment");
    expect(svg.querySelector('[data-axis-title="category"]')).toHaveTextContent("Period");
    // The 100 % line of the attainment chart.
    expect(svg.querySelector('[data-reference="1"]')).toHaveTextContent("100%");
    expect(axisNumber(0.933, "0%")).toBe("93%");
    expect(axisNumber(0.933, "0.0%")).toBe("93.3%");
    expect(axisNumber(9.5, "General")).toBe("9.5");
  });

  test("crowded period labels are thinned to what fits; the title is a caption that wraps", () => {
    const categories = Array.from({ length: 26 }, (_, i) => `2026-W${String(i + 1).padStart(2, "0")}`);
    const chart: GridChart = { name: "c", title: "A long chart title that would be cut inside the drawing", categories, series: [{ name: "v", values: categories.map((_, i) => i), kind: "bar" }] };
    render(<ChartView chart={chart} />);
    const labels = document.querySelectorAll("[data-category-label]");
    const step = labelStep(categories, 360);
    expect(step).toBeGreaterThan(1);
    expect(labels.length).toBe(Math.ceil(26 / step));
    // Each drawn label has room: step slots of 360/26 units for about 10 characters of 5.2 units.
    expect((360 / 26) * step).toBeGreaterThanOrEqual(10 * 5.2);
    expect(screen.getByText("A long chart title that would be cut inside the drawing").tagName).toBe("FIGCAPTION");
  });

  test("a chart without a single number says there is not enough data instead of drawing empty axes", () => {
    const chart: GridChart = { name: "c", title: "Change", categories: ["P1", "P2"], series: [{ name: "v", values: [null, null], kind: "bar" }], reference: 1 };
    render(<ChartView chart={chart} emptyText="数据不足" />);
    expect(screen.getByTestId("chart-empty")).toHaveTextContent("数据不足");
    expect(screen.getByRole("img", { name: "Change: 数据不足" })).toBeInTheDocument();
    expect(document.querySelector("[data-reference]")).toBeNull();
  });

  test("the observed port passes calls through and reports selections and marked findings", async () => {
    const inner = createFakeWorkbookPort();
    const seen: string[] = [];
    const port = observePort(inner, { onSelect: (s, c) => seen.push(`${s}!${c}`), onHighlight: (f) => seen.push(`marked ${f.length}`) });
    await port.selectCell("Goals", "D4");
    await port.highlightFindings([]);
    await port.readPlan();
    expect(seen).toEqual(["Goals!D4", "marked 0"]);
    expect(inner.calls.map((c) => c.method)).toEqual(["selectCell", "highlightFindings", "readPlan"]);
  });
});
