/** @jest-environment jsdom */
/**
 * Changed after signing, in the pane (issue 17): when the reader finds the signed plan edited (SEAL_CHANGED,
 * SEAL_ROW_ADDED, SEAL_ROW_REMOVED, SEAL_DAMAGED), a banner over the views says "changed after signing — ask both
 * to sign again" in the user's language and lists each finding with its cell; choosing one selects that cell, as
 * the Check view does. Run on the real port over the in-memory Excel (a stand-in, not Excel) for the edits, and on
 * the fake port for a damaged seal.
 */
import "./support/node-globals";
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createWorkbookPort } from "../../src/excel/office-port";
import { sealMessage } from "../../src/i18n/seal";
import { createMemoryExcel } from "../../src/memory-excel";
import { cellOf, quoteSheet } from "../../src/workbook";
import { createFakeWorkbookPort } from "./support/fake-port";
import { examplePlan } from "./support/example";
import { renderPane } from "./support/render";

jest.setTimeout(60_000);

async function signedWorkbook(language: "en-US" | "zh-CN") {
  const excel = createMemoryExcel({ engine: null });
  const port = createWorkbookPort((batch) => excel.run(batch), { asOf: "2024-05-15", now: () => "2024-06-01T09:00:00.000Z" });
  const plan = { ...examplePlan(), header: { ...examplePlan().header, language } };
  // The example is signed by the employee and the manager: the save seals it.
  await port.writePlan(plan, { language });
  return { excel, port, plan };
}

async function selectedAddress(excel: ReturnType<typeof createMemoryExcel>): Promise<string> {
  return excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("address");
    await context.sync();
    return range.address;
  });
}

test("a target edited in Excel after signing: the banner says so with the cell, and choosing it selects the cell", async () => {
  const { excel, port, plan } = await signedWorkbook("en-US");
  const target = cellOf({ entity: "goals", row: 0, field: "target" }, "en-US")!;
  await excel.setCellValues(target.sheet, target.cell, [[plan.goals[0].target - 5]]);
  await renderPane(port, { view: "tracking" });
  const banner = await screen.findByTestId("seal-banner", {}, { timeout: 5000 });
  expect(within(banner).getByText("Changed after signing — ask both to sign again")).toBeInTheDocument();
  const at = `${quoteSheet(target.sheet)}!${target.cell}`;
  const item = within(banner).getByRole("button", { name: new RegExp(`was ${plan.goals[0].target} when signed on .*, now ${plan.goals[0].target - 5}`) });
  expect(item).toHaveTextContent(`Go to ${at}`);
  fireEvent.click(item);
  await waitFor(async () => expect(await selectedAddress(excel)).toBe(`${quoteSheet(target.sheet)}!${target.cell}`));
});

test("in Chinese: the banner and the finding speak Chinese", async () => {
  const { excel, port, plan } = await signedWorkbook("zh-CN");
  const target = cellOf({ entity: "goals", row: 0, field: "target" }, "zh-CN")!;
  await excel.setCellValues(target.sheet, target.cell, [[plan.goals[0].target + 1]]);
  await renderPane(port, { view: "plan", language: "zh-CN" });
  const banner = await screen.findByTestId("seal-banner", {}, { timeout: 5000 });
  expect(within(banner).getByText("签字后已改动——请双方重新签字")).toBeInTheDocument();
  expect(within(banner).getByText(/签字时为 .*，现为 .*：签字后已改动，请双方重新签字/)).toBeInTheDocument();
  expect(banner.querySelector('[data-code="SEAL_CHANGED"]')).not.toBeNull();
});

test("a signed plan whose sealed parts nobody edited: no banner, though a check-in was typed below the Tracking log", async () => {
  const { excel, port, plan } = await signedWorkbook("en-US");
  // Tracking rows are not sealed (they are meant to grow).
  const typed = cellOf({ entity: "tracking", row: plan.tracking.length, field: "date" }, "en-US")!;
  await excel.setCellValues(typed.sheet, typed.cell.replace(/^[A-Z]+/, "A") + ":" + typed.cell.replace(/^[A-Z]+/, "C"), [["2024-05-20", "G1", 4]]);
  expect(excel.getCellValue(typed.sheet, typed.cell.replace(/^[A-Z]+/, "B"))).toBe("G1");
  await renderPane(port, { view: "tracking" });
  await waitFor(() => expect(screen.getByTestId("view-tracking")).toBeInTheDocument());
  expect(screen.queryByTestId("seal-banner")).toBeNull();
});

test("a damaged seal (fake port): the banner with SEAL_DAMAGED's sentence and its cell, and no other finding in it", async () => {
  const damaged = sealMessage("SEAL_DAMAGED", {});
  const port = createFakeWorkbookPort({
    plan: examplePlan(),
    findings: [
      { code: "SEAL_DAMAGED", severity: "warning", location: { entity: "signOff", row: 0, field: "date", sheet: "Sign-off", cell: "E4" }, message: damaged },
      { code: "CELL_EMPTY", severity: "error", location: { entity: "header", field: "department", sheet: "Overview", cell: "B7" }, message: { "en-US": "Department is empty", "zh-CN": "部门为空" } },
    ],
  });
  await renderPane(port, { view: "check" });
  const banner = await screen.findByTestId("seal-banner", {}, { timeout: 5000 });
  const button = within(banner).getByRole("button", { name: new RegExp(damaged["en-US"].slice(0, 40).replace(/[()]/g, "\\$&")) });
  expect(within(banner).queryByText("Department is empty")).toBeNull();
  fireEvent.click(button);
  await waitFor(() => expect(port.callsOf("selectCell")).toEqual([["Sign-off", "E4"]]));
});
