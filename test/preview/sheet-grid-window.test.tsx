/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import type { GridSheet } from "../../src/preview/grid-model";
import { ROW_OVERSCAN, SheetGrid, rowWindow } from "../../src/preview/SheetGrid/SheetGrid";

/** A Tracking log of `rows` rows: A{n} holds "row n". */
function tallSheet(rows: number): GridSheet {
  const cells: GridSheet["cells"] = {};
  for (let r = 1; r <= rows; r++) cells[`A${r}`] = { text: `row ${r}` };
  return { name: "Tracking log", rowCount: rows, columnCount: 2, cells, charts: [] };
}

function drawnRows(grid: HTMLElement): number[] {
  return [...grid.querySelectorAll("tbody tr[data-row]")].map((tr) => Number(tr.getAttribute("data-row")));
}

describe("the preview grid draws only the rows in view (issue 16)", () => {
  test("the window: rows in view and the overscan either side, clamped to the sheet", () => {
    // 400 px of 20 px rows scrolled to row 101 (0-based 100): rows 70..150 of 1,000.
    expect(rowWindow(1000, 2000, 400, 20)).toEqual({ start: 100 - ROW_OVERSCAN, end: 100 + 20 + ROW_OVERSCAN });
    expect(rowWindow(1000, 0, 400, 20)).toEqual({ start: 0, end: 20 + ROW_OVERSCAN });
    // At the bottom the window keeps its size instead of shrinking to the last few rows.
    expect(rowWindow(1000, 19_600, 400, 20)).toEqual({ start: 1000 - 20 - ROW_OVERSCAN, end: 1000 });
    expect(rowWindow(10, 0, 400, 20)).toEqual({ start: 0, end: 10 });
    // Before the scroller has a height: the first 60 rows and the overscan.
    expect(rowWindow(1000, 0, 0, 20)).toEqual({ start: 0, end: 60 + ROW_OVERSCAN });
  });

  test("a 1,000-row sheet draws its first rows and a spacer for the rest; a small sheet draws every row", () => {
    const { unmount } = render(
      <FluentProvider theme={webLightTheme}>
        <SheetGrid sheet={tallSheet(1000)} marked={new Set()} selected={null} onPick={() => undefined} label="Workbook: Tracking log" />
      </FluentProvider>,
    );
    const grid = screen.getByRole("region", { name: "Workbook: Tracking log" });
    const rows = drawnRows(grid);
    expect(rows[0]).toBe(1);
    expect(rows.length).toBeLessThan(100);
    expect(grid.querySelector('[data-cell="A1"]')).toHaveTextContent("row 1");
    expect(grid.querySelector('[data-cell="A999"]')).toBeNull();
    const spacer = grid.querySelector<HTMLElement>('tbody tr[aria-hidden="true"]');
    expect(spacer).not.toBeNull();
    expect(parseFloat(spacer!.style.height)).toBeGreaterThan(0);
    unmount();
    render(
      <FluentProvider theme={webLightTheme}>
        <SheetGrid sheet={tallSheet(12)} marked={new Set()} selected={null} onPick={() => undefined} label="Workbook: short" />
      </FluentProvider>,
    );
    expect(drawnRows(screen.getByRole("region", { name: "Workbook: short" }))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  test("a selected cell far down (a finding chosen in Check) is drawn, marked as selected", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <SheetGrid sheet={tallSheet(1000)} marked={new Set(["A900"])} selected="A900" onPick={() => undefined} label="Workbook: Tracking log" />
      </FluentProvider>,
    );
    const grid = screen.getByRole("region", { name: "Workbook: Tracking log" });
    expect(grid.querySelector('[data-cell="A900"]')).toHaveAttribute("data-selected", "true");
    expect(grid.querySelector('[data-cell="A900"]')).toHaveAttribute("data-finding", "true");
    expect(grid.querySelector('[data-cell="A1"]')).toBeNull();
    expect(drawnRows(grid).length).toBeLessThan(150);
  });
});
