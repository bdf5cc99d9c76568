/** @jest-environment jsdom */
/**
 * "A copy for the employee" in Excel (issue 17, item 2; src/excel/employee-copy.ts): the Office.js port reads the
 * workbook's file with getFileAsync(Compressed) slice by slice, builds the copy with the CLI's builder (its lazy
 * chunk) and opens it with Excel.createWorkbook. Here Office's document is a stand-in that serves the bytes of an
 * .xlsx the CLI wrote from the example plan in several slices and records getFileAsync/getSliceAsync/closeAsync, and
 * createWorkbook records what it receives: its base64 decodes to an .xlsx with none of the restricted texts in any
 * part, which `pipbook analyze` reads to the original's overall attainment. A slice that fails mid-way and a
 * createWorkbook that fails each give their sentence in both languages, with no file left open (and, for the slice,
 * nothing opened); a getFileAsync that refuses the file up front, or no file at all (Excel on the web), falls back to
 * the plan the port reads.
 */
import "./support/node-globals";
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { generateWorkbook } from "../../src/cli/workbook-io";
import { readDocumentBytes, type FileDocument } from "../../src/excel/employee-copy";
import { createWorkbookPort, type EmployeeCopyHost } from "../../src/excel/office-port";
import { createMemoryExcel } from "../../src/memory-excel";
import { renderPane } from "./support/render";
import { AS_OF, draftingPlan, expectCopyWithoutSecrets, partsText, SECRETS } from "./support/employee-copy";

jest.setTimeout(180_000);

// The Office.js enums the code reads (office-js: FileType.Compressed = "compressed", AsyncResultStatus).
Object.assign(globalThis, { Office: { FileType: { Compressed: "compressed" }, AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } } });

const SLICE = 16 * 1024;

interface FakeDocument extends FileDocument {
  calls: string[];
  open: number;
}

/** Office.context.document serving `bytes` as a compressed file in slices of the size asked; `failAt` fails that slice. */
function fakeDocument(bytes: Uint8Array, options: { failAt?: number; failOpen?: boolean } = {}): FakeDocument {
  const doc = {
    calls: [] as string[],
    open: 0,
    getFileAsync(fileType: unknown, fileOptions: unknown, callback?: unknown) {
      const { sliceSize } = fileOptions as { sliceSize: number };
      const done = callback as (result: unknown) => void;
      doc.calls.push(`getFileAsync(${String(fileType)},${sliceSize})`);
      setTimeout(() => {
        if (options.failOpen) return done({ status: "failed", error: { code: 5001, message: "Internal Error" } });
        doc.open++;
        const sliceCount = Math.ceil(bytes.length / sliceSize);
        const file = {
          size: bytes.length,
          sliceCount,
          getSliceAsync(index: number, cb: (result: unknown) => void) {
            doc.calls.push(`getSliceAsync(${index})`);
            setTimeout(() => {
              if (index === options.failAt) return cb({ status: "failed", error: { code: 5001, message: "Internal Error" } });
              const data = Array.from(bytes.subarray(index * sliceSize, (index + 1) * sliceSize));
              cb({ status: "succeeded", value: { data, index, size: data.length } });
            }, 0);
          },
          closeAsync(cb?: (result: unknown) => void) {
            doc.calls.push("closeAsync");
            doc.open--;
            setTimeout(() => cb?.({ status: "succeeded", value: undefined }), 0);
          },
        };
        done({ status: "succeeded", value: file });
      }, 0);
    },
  };
  return doc as unknown as FakeDocument;
}

function recordingCreateWorkbook(fail = false): EmployeeCopyHost["createWorkbook"] & { received: string[] } {
  const received: string[] = [];
  const fn = async (base64: string) => {
    received.push(base64);
    if (fail) throw new Error("This operation is not allowed due to the extension hardening policy.");
  };
  return Object.assign(fn, { received });
}

/** The real port over an in-memory Excel holding the plan, with Office's file and createWorkbook as given. */
async function excelPort(host: EmployeeCopyHost, plan = draftingPlan()) {
  const excel = createMemoryExcel({ engine: null });
  const port = createWorkbookPort((batch) => excel.run(batch), { asOf: AS_OF, employeeCopy: host });
  await port.writePlan(plan, { language: plan.header.language });
  return port;
}

let original: Uint8Array;
beforeAll(async () => {
  original = await generateWorkbook(draftingPlan(), { language: "en-US", asOf: AS_OF });
});

test("readDocumentBytes reads every slice in order and closes the file", async () => {
  const doc = fakeDocument(original);
  const bytes = await readDocumentBytes(doc, SLICE);
  const slices = Math.ceil(original.length / SLICE);
  expect(slices).toBeGreaterThan(3);
  expect(Buffer.from(bytes).equals(Buffer.from(original))).toBe(true);
  expect(doc.calls).toEqual([`getFileAsync(compressed,${SLICE})`, ...Array.from({ length: slices }, (_, i) => `getSliceAsync(${i})`), "closeAsync"]);
  expect(doc.open).toBe(0);
});

test("a slice that fails mid-way: the file is closed all the same, and the error names the slice", async () => {
  const doc = fakeDocument(original, { failAt: 2 });
  await expect(readDocumentBytes(doc, SLICE)).rejects.toMatchObject({ employeeCopyStep: "read", slice: 3, slices: Math.ceil(original.length / SLICE) });
  expect(doc.calls.slice(-2)).toEqual(["getSliceAsync(2)", "closeAsync"]);
  expect(doc.open).toBe(0);
});

test("Excel's pane opens the employee's copy as a new workbook: no restricted text in any part, the same attainment for pipbook analyze", async () => {
  const doc = fakeDocument(original);
  const createWorkbook = recordingCreateWorkbook();
  const port = await excelPort({ document: doc, createWorkbook, sliceSize: SLICE });
  await renderPane(port, { view: "tracking" });
  const section = await screen.findByTestId("employee-copy");
  const button = within(section).getByTestId("employee-copy-download");
  expect(button).toHaveTextContent("Open the employee's copy as a new workbook");
  fireEvent.click(button);
  await waitFor(() => expect(within(section).getByText("A copy for the employee has been opened in a new window — save it where the employee can get it.")).toBeInTheDocument(), { timeout: 90_000 });
  expect(createWorkbook.received).toHaveLength(1);
  expect(doc.calls.filter((c) => c.startsWith("getSliceAsync"))).toHaveLength(Math.ceil(original.length / SLICE));
  expect(doc.calls.at(-1)).toBe("closeAsync");
  expect(doc.open).toBe(0);

  const copy = new Uint8Array(Buffer.from(createWorkbook.received[0], "base64"));
  await expectCopyWithoutSecrets(original, copy);
});

test.each([
  ["en-US", "Excel could not give PIPbook this workbook's file (part 3 of"],
  ["zh-CN", "Excel 未能把本工作簿的文件交给 PIPbook（第 3 段，共"],
] as const)("a slice that fails in the pane (%s): its sentence, nothing opened, no file left open", async (language, sentence) => {
  const doc = fakeDocument(original, { failAt: 2 });
  const createWorkbook = recordingCreateWorkbook();
  const port = await excelPort({ document: doc, createWorkbook, sliceSize: SLICE });
  await renderPane(port, { view: "tracking", language });
  fireEvent.click(await screen.findByTestId("employee-copy-download"));
  const section = screen.getByTestId("employee-copy");
  await waitFor(() => expect(section).toHaveTextContent(sentence), { timeout: 30_000 });
  expect(createWorkbook.received).toHaveLength(0);
  expect(doc.calls.at(-1)).toBe("closeAsync");
  expect(doc.open).toBe(0);
});

test("getFileAsync refusing the file (before any slice): the copy is built from the plan the port reads, nothing left open", async () => {
  const doc = fakeDocument(original, { failOpen: true });
  const createWorkbook = recordingCreateWorkbook();
  const port = await excelPort({ document: doc, createWorkbook, sliceSize: SLICE });
  await renderPane(port, { view: "tracking" });
  fireEvent.click(await screen.findByTestId("employee-copy-download"));
  await waitFor(() => expect(screen.getByTestId("employee-copy")).toHaveTextContent("A copy for the employee has been opened in a new window"), { timeout: 90_000 });
  expect(doc.calls).toEqual([`getFileAsync(compressed,${SLICE})`]);
  expect(doc.open).toBe(0);
  expect(createWorkbook.received).toHaveLength(1);
  const parts = await partsText(new Uint8Array(Buffer.from(createWorkbook.received[0], "base64")));
  for (const part of parts) for (const secret of Object.values(SECRETS)) expect(part.includes(secret)).toBe(false);
});

test("a file the .xlsx reader cannot read (the chunk's read error): the pane's sentence in en-US and zh-CN", async () => {
  for (const [language, sentence] of [
    ["en-US", "Excel could not give PIPbook this workbook's file (the file)"],
    ["zh-CN", "Excel 未能把本工作簿的文件交给 PIPbook（文件）"],
  ] as const) {
    const { EmployeeCopyError } = await import("../../src/excel/employee-copy");
    const port = Object.assign(await excelPort({ document: null, createWorkbook: recordingCreateWorkbook() }), {
      employeeCopy: () => Promise.reject(new EmployeeCopyError("read", "not an .xlsx")),
      employeeCopyOpens: true,
    });
    const view = await renderPane(port, { view: "tracking", language });
    fireEvent.click(await screen.findByTestId("employee-copy-download"));
    await waitFor(() => expect(screen.getByTestId("employee-copy")).toHaveTextContent(sentence), { timeout: 30_000 });
    view.unmount();
  }
});

test.each([
  ["en-US", "The copy was made but Excel did not open it as a new workbook; the workbook is unchanged."],
  ["zh-CN", "副本已生成，但 Excel 未能将其作为新工作簿打开；工作簿未改动。"],
] as const)("createWorkbook failing (%s): its sentence, and the file was closed before", async (language, sentence) => {
  const doc = fakeDocument(original);
  const createWorkbook = recordingCreateWorkbook(true);
  const port = await excelPort({ document: doc, createWorkbook, sliceSize: SLICE });
  await renderPane(port, { view: "tracking", language });
  fireEvent.click(await screen.findByTestId("employee-copy-download"));
  await waitFor(() => expect(screen.getByTestId("employee-copy")).toHaveTextContent(sentence), { timeout: 90_000 });
  expect(createWorkbook.received).toHaveLength(1);
  expect(doc.open).toBe(0);
});

test("where Excel gives no file (Excel on the web: getFileAsync has no Compressed there), the copy is built from the plan the port reads", async () => {
  const createWorkbook = recordingCreateWorkbook();
  const port = await excelPort({ document: null, createWorkbook }, draftingPlan("zh-CN"));
  await renderPane(port, { view: "tracking", language: "zh-CN" });
  fireEvent.click(await screen.findByTestId("employee-copy-download"));
  await waitFor(() => expect(screen.getByTestId("employee-copy")).toHaveTextContent("员工副本已在新窗口中打开——请把它保存到员工能拿到的位置。"), { timeout: 90_000 });
  expect(createWorkbook.received).toHaveLength(1);
  const parts = await partsText(new Uint8Array(Buffer.from(createWorkbook.received[0], "base64")));
  expect(parts.some((p) => p.includes("李娜"))).toBe(true);
  for (const part of parts) for (const secret of Object.values(SECRETS)) expect(part.includes(secret)).toBe(false);
});

test("the CLI's port (no Excel.createWorkbook on the page) offers no such command", () => {
  const excel = createMemoryExcel({ engine: null });
  expect(typeof (createWorkbookPort((batch) => excel.run(batch)) as { employeeCopy?: unknown }).employeeCopy).toBe("undefined");
});
