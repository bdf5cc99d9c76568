/**
 * "A copy for the employee" in Excel (issue 17, item 2): the open workbook's bytes through Office.js, the copy built
 * from them by the CLI's employee-copy builder (src/excel/employee-copy-build.ts, its own chunk, loaded on click), and
 * the copy opened with `Excel.createWorkbook`. Nothing is written into the open workbook.
 *
 * Office.js, as documented by Microsoft:
 * - `Document.getFileAsync(Office.FileType.Compressed, { sliceSize })` returns the whole document as an Office Open XML
 *   package in slices (requirement sets File and CompressedFile; common API). Slices are at most 4,194,304 bytes (the
 *   default; 65,536 on iPad) — https://learn.microsoft.com/javascript/api/office/office.getfileoptions and
 *   https://learn.microsoft.com/javascript/api/office/office.document#office-office-document-getfileasync-member(1).
 *   Its "Supported FileTypes, by platform" table lists only `Pdf` for Excel on the web (Compressed on Windows and Mac,
 *   nothing on iPad): there the port reads the plan through Excel.run instead (office-port.ts) — same builder.
 * - `File.getSliceAsync(i)` gives slice i; `Slice.data` is "a byte array" for the compressed format
 *   (https://learn.microsoft.com/javascript/api/office/office.slice).
 * - `File.closeAsync()`: "No more than two documents are allowed to be in memory; otherwise the Document.getFileAsync
 *   operation will fail" (https://learn.microsoft.com/javascript/api/office/office.file) — so the file is closed on
 *   every path, a failed slice included.
 * - `Excel.createWorkbook(base64)` (ExcelApi 1.8) "Creates and opens a new workbook … pre-populated with a
 *   Base64-encoded .xlsx file" and resolves to nothing: no handle on the new workbook, which opens in a new window in
 *   Excel on Windows and Mac and in a new browser tab on the web
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#create-a-workbook).
 */

/** What went wrong, for the pane's sentence (src/taskpane/EmployeeCopy): a step, never Office's own text alone. */
export class EmployeeCopyError extends Error {
  readonly employeeCopyStep: "read" | "noPlan" | "open";
  readonly slice: number | null;
  readonly slices: number | null;
  constructor(step: "read" | "noPlan" | "open", detail: string, where: { slice?: number; slices?: number } = {}, options?: { cause?: unknown }) {
    super(`employee copy (${step}): ${detail}`, options);
    this.name = "EmployeeCopyError";
    this.employeeCopyStep = step;
    this.slice = where.slice ?? null;
    this.slices = where.slices ?? null;
  }
}

/** The part of Office.context.document this needs (tests give a stand-in). */
export type FileDocument = Pick<Office.Document, "getFileAsync">;

/** Slices of 1 MiB: under every platform's maximum but iPad's (where Excel has no Compressed file at all). */
export const SLICE_SIZE = 1024 * 1024;

function succeeded<T>(result: Office.AsyncResult<T>): boolean {
  return result.status === Office.AsyncResultStatus.Succeeded;
}

function closeFile(file: Office.File): Promise<void> {
  // A failed close is not the person's concern (the copy is made or already failed): it resolves either way.
  return new Promise((resolve) => file.closeAsync(() => resolve()));
}

/** The open workbook as .xlsx bytes (Office.FileType.Compressed), every slice read, the file always closed. */
export async function readDocumentBytes(document: FileDocument, sliceSize = SLICE_SIZE): Promise<Uint8Array> {
  const file = await new Promise<Office.File>((resolve, reject) => {
    document.getFileAsync(Office.FileType.Compressed, { sliceSize }, (result) => {
      if (succeeded(result)) resolve(result.value);
      else reject(new EmployeeCopyError("read", result.error?.message ?? "getFileAsync failed", {}, { cause: result.error }));
    });
  });
  try {
    const parts: Uint8Array[] = [];
    for (let index = 0; index < file.sliceCount; index++) {
      const slice = await new Promise<Office.Slice>((resolve, reject) => {
        file.getSliceAsync(index, (result) => {
          if (succeeded(result)) resolve(result.value);
          else reject(new EmployeeCopyError("read", result.error?.message ?? "getSliceAsync failed", { slice: index + 1, slices: file.sliceCount }, { cause: result.error }));
        });
      });
      parts.push(Uint8Array.from(slice.data as ArrayLike<number>));
    }
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    return bytes;
  } finally {
    await closeFile(file);
  }
}

/** Whether this Excel gives the workbook as a compressed file (Windows, Mac; not Excel on the web — see above). */
export function canReadCompressedFile(): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported?.("CompressedFile") === true && typeof Office.context.document?.getFileAsync === "function";
}

/** Bytes → base64 (Excel.createWorkbook's argument), in chunks so that no call gets a huge argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Opens `bytes` as a new workbook (a new window, a new tab on the web); nothing comes back to hold on to. */
export async function openAsNewWorkbook(bytes: Uint8Array, createWorkbook: (base64: string) => Promise<void> = (b) => Excel.createWorkbook(b)): Promise<void> {
  try {
    await createWorkbook(toBase64(bytes));
  } catch (error) {
    throw new EmployeeCopyError("open", error instanceof Error ? error.message : String(error), {}, { cause: error });
  }
}
