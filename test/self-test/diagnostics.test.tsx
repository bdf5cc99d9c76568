/** @jest-environment jsdom */
/**
 * The pane's Diagnostics section: closed at the bottom, runs the self-test through the real port over the in-memory
 * Excel (HyperFormula computing — a stand-in for Excel), lists each check and copies the report as text.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createWorkbookPort } from "../../src/excel/office-port";
import { createMemoryExcel } from "../../src/memory-excel";
import { createHyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";
import { createFakeWorkbookPort } from "../taskpane/support/fake-port";
import { renderPane } from "../taskpane/support/render";

function realPort() {
  const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
  return { excel, port: createWorkbookPort((batch) => excel.run(batch)) };
}

describe("Diagnostics section", () => {
  test("a port without the self-test (a fake) shows no Diagnostics section; the same fake with one does", async () => {
    const fake = createFakeWorkbookPort({ plan: null, findings: [] });
    const { unmount } = await renderPane(Object.assign(Object.create(fake), { runSelfTest: jest.fn() }));
    expect(await screen.findByTestId("diagnostics")).toBeInTheDocument();
    unmount();
    await renderPane(fake);
    // The section's chunk is loaded by now (it was above): not showing it is the port's doing.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByTestId("diagnostics")).toBeNull();
    expect(screen.getByTestId("view-plan")).toBeInTheDocument();
  });

  test("closed by default; Run self-test lists every check passed, Copy report puts the report on the clipboard", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { port, excel } = realPort();
    await renderPane(port);
    const section = await screen.findByTestId("diagnostics");
    expect(within(section).queryByTestId("self-test-run")).toBeNull();
    fireEvent.click(within(section).getByRole("button", { name: "Diagnostics" }));
    fireEvent.click(within(section).getByTestId("self-test-run"));
    await waitFor(() => expect(within(section).getByTestId("self-test-status")).toHaveTextContent("PIPbook self-test: passed"), { timeout: 20_000 });
    const items = within(section).getByTestId("self-test-checks").querySelectorAll("li");
    expect([...items].map((li) => [li.getAttribute("data-check"), li.getAttribute("data-passed")])).toEqual(
      ["blankWorkbook", "write", "readBack", "formulaErrors", "numbers", "validation", "charts", "cleanup"].map((k) => [k, "true"]),
    );
    fireEvent.click(within(section).getByTestId("self-test-copy"));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const copied = writeText.mock.calls[0][0] as string;
    expect(copied).toBe((within(section).getByTestId("self-test-report") as HTMLTextAreaElement).value);
    expect(copied).toMatch(/✓ Every number = PIPbook's own calculation \(1e-9\) \(\d+ checked\)/);
    expect(await within(section).findByText("Report copied.")).toBeInTheDocument();
    // Nothing of the example is left in the workbook.
    expect(excel.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  }, 40_000);
});
