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
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import JSZip from "jszip";
import { generateWorkbook } from "../../src/cli/workbook-io";
import type { Plan } from "../../src/core/model";
import { createWorkbookPort } from "../../src/excel/office-port";
import { createMemoryExcel } from "../../src/memory-excel";
import { downloadEmployeeCopy } from "../../src/preview/workbook-file";
import { createFakeWorkbookPort } from "./support/fake-port";
import { examplePlan } from "./support/example";
import { renderPane } from "./support/render";

jest.setTimeout(180_000);

const SECRETS = { reasons: "Reason-7F3 kept from the employee", notes: "HR-NOTE-9A1 compare with the team", measuresToStandardise: "Measure-2B4 not yet agreed" };

/** The example with an evaluation HR and the manager are still drafting (no date: not decided). */
function draftingPlan(): Plan {
  const plan = examplePlan();
  return {
    ...plan,
    header: { ...plan.header, language: "en-US" },
    evaluation: { ...plan.evaluation, date: null, outcome: "partially-met", decision: "extend", extensionEnd: "2024-08-30", ...SECRETS },
  };
}

async function partsText(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    const raw = await zip.files[name].async("uint8array");
    out.push(`${name}\n${new TextDecoder().decode(raw)}\n${Buffer.from(raw).toString("latin1")}`);
  }
  return out;
}

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

async function analyzeOverall(bytes: Uint8Array, dir: string, name: string): Promise<number> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  // The CLI from its source through tsx (test/cli/harness's esbuild bundle cannot build under jsdom).
  const root = path.join(__dirname, "../..");
  const { stdout } = await promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "src/cli/bin.ts"), "analyze", file, "--json", "--as-of", "2024-05-15"], { cwd: root });
  return (JSON.parse(stdout) as { overall: { attainment: number } }).overall.attainment;
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
  const before = (await partsText(original)).join("\n");
  for (const secret of Object.values(SECRETS)) expect(before).toContain(secret);
  const parts = await partsText(copy);
  expect(parts.length).toBeGreaterThan(10);
  for (const part of parts) for (const secret of Object.values(SECRETS)) expect({ part: part.split("\n")[0], found: part.includes(secret) }).toEqual({ part: part.split("\n")[0], found: false });

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pipbook-pane-copy-"));
  const [overallOriginal, overallCopy] = [await analyzeOverall(original, dir, "plan.xlsx"), await analyzeOverall(copy, dir, "copy.xlsx")];
  expect(typeof overallOriginal).toBe("number");
  expect(overallCopy).toBeCloseTo(overallOriginal, 9);
  await fs.rm(dir, { recursive: true, force: true });
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
