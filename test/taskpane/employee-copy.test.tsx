/** @jest-environment jsdom */
/**
 * "A copy for the employee" from the pane (issue 17). In the preview the port offers it: the plan as the port reads it
 * from the (in-memory) workbook, built by the CLI's employee-copy builder and downloaded. Checked here on the real
 * port over the in-memory Excel with the preview's download (src/preview/workbook-file.ts): the downloaded bytes hold
 * none of the restricted texts (every part scanned, as the CLI export test does, the original shown to hold them) and
 * `pipbook analyze` reads the copy to the same attainment as the original. Without the capability (Excel's port) the
 * section names the CLI command instead.
 */
import "./support/node-globals";
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { generateWorkbook } from "../../src/cli/workbook-io";
import { createWorkbookPort } from "../../src/excel/office-port";
import { createMemoryExcel } from "../../src/memory-excel";
import { downloadEmployeeCopy } from "../../src/preview/workbook-file";
import { createFakeWorkbookPort } from "./support/fake-port";
import { renderPane } from "./support/render";
import { draftingPlan, expectCopyWithoutSecrets } from "./support/employee-copy";
import { examplePlan } from "./support/example";

jest.setTimeout(180_000);

/** Catches what the preview offers as a download (jsdom has no object URLs and does not navigate). */
function catchDownloads(): { files: { name: string; blob: Blob }[] } {
  const caught = { files: [] as { name: string; blob: Blob }[] };
  let last: Blob | null = null;
  Object.assign(URL, { createObjectURL: (blob: Blob) => ((last = blob), "blob:pipbook-test"), revokeObjectURL: () => undefined });
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    if (last) caught.files.push({ name: this.download, blob: last });
  });
  return caught;
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

test("the preview's pane downloads the employee's copy: no restricted text in any part, the same attainment for pipbook analyze", async () => {
  const excel = createMemoryExcel({ engine: null });
  const real = createWorkbookPort((batch) => excel.run(batch), { asOf: "2024-05-15" });
  await real.writePlan(draftingPlan(), { language: "en-US" });
  const port = Object.assign(real, { employeeCopy: () => downloadEmployeeCopy(real, "2024-05-15") });
  const downloads = catchDownloads();
  await renderPane(port, { view: "tracking" });
  const section = await screen.findByTestId("employee-copy");
  expect(within(section).getByText(/without what is for HR and the manager only/)).toBeInTheDocument();
  fireEvent.click(within(section).getByTestId("employee-copy-download"));
  await waitFor(() => expect(within(section).getByText("Saved as E1024-李娜-employee-copy.xlsx.")).toBeInTheDocument(), { timeout: 60_000 });
  expect(downloads.files.map((f) => f.name)).toEqual(["E1024-李娜-employee-copy.xlsx"]);

  const copy = await blobBytes(downloads.files[0].blob);
  const original = await generateWorkbook(draftingPlan(), { language: "en-US", asOf: "2024-05-15" });
  await expectCopyWithoutSecrets(original, copy);
});

test.each([
  ["en-US", "pipbook export plan.xlsx --for employee -o copy.xlsx", "A copy for the employee"],
  ["zh-CN", "在 Excel 中请用 PIPbook 命令行生成", "员工副本"],
] as const)("a port without the command (Excel's, %s): no button, the CLI command named instead", async (language, sentence, title) => {
  await renderPane(createFakeWorkbookPort({ plan: examplePlan() }), { view: "tracking", language });
  const section = await screen.findByTestId("employee-copy");
  expect(within(section).getByRole("heading", { name: title })).toBeInTheDocument();
  expect(within(section).queryByTestId("employee-copy-download")).toBeNull();
  expect(within(section).getByTestId("employee-copy-cli")).toHaveTextContent(sentence);
});

test("a copy that cannot be made says so beside the button, and the workbook is not touched", async () => {
  const fake = createFakeWorkbookPort({ plan: examplePlan() });
  const port = Object.assign(fake, { employeeCopy: () => Promise.reject(new Error("no room")) });
  await renderPane(port, { view: "tracking" });
  fireEvent.click(await screen.findByTestId("employee-copy-download"));
  expect(await screen.findByText("The copy could not be made; the workbook is unchanged.")).toBeInTheDocument();
  expect(fake.callsOf("writePlan")).toHaveLength(0);
});
