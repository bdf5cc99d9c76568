/**
 * The preview's workbook as a file: "Download .xlsx" writes it with the CLI's own .xlsx writer (ExcelJS plus
 * the parts PIPbook writes itself: data validation, charts), so the file opens in Excel and `pipbook analyze`
 * reads it; "Open .xlsx" reads one with the CLI's reader. Both are loaded on demand (ExcelJS is large).
 */
import type { WorkbookSnapshot } from "../memory-excel";
import type { WorkbookPort } from "../port";

export async function workbookToXlsx(snapshot: WorkbookSnapshot): Promise<Uint8Array> {
  const { snapshotToXlsx } = await import(/* webpackChunkName: "xlsx-writer" */ "../cli/xlsx/write-xlsx");
  return snapshotToXlsx(snapshot);
}

export async function xlsxToWorkbook(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const { xlsxToSnapshot } = await import(/* webpackChunkName: "xlsx-reader" */ "../cli/xlsx/read-xlsx");
  return xlsxToSnapshot(bytes);
}

/**
 * The task pane's "A copy for the employee" in the preview: the plan as the port reads it, written by the CLI's
 * employee-copy builder (src/cli/xlsx/employee-copy.ts: the in-memory Excel and ExcelJS, its own chunk) and offered
 * as a download. The same copy as `pipbook export --for employee`.
 */
export async function downloadEmployeeCopy(port: Pick<WorkbookPort, "readPlan">, asOf: string | null): Promise<{ kind: "downloaded"; fileName: string }> {
  const { plan } = await port.readPlan();
  if (plan === null) throw new Error("the workbook holds no plan");
  const { employeeCopyOfPlan, employeeCopyFileName } = await import(/* webpackChunkName: "employee-copy" */ "../cli/xlsx/employee-copy");
  const { bytes } = await employeeCopyOfPlan(plan, { asOf });
  const fileName = employeeCopyFileName(plan);
  offerDownload(bytes, fileName);
  return { kind: "downloaded", fileName };
}

/** Offers bytes as a download (an object URL on a temporary link). */
export function offerDownload(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
