/**
 * The preview's workbook as a file: "Download .xlsx" writes it with the CLI's own .xlsx writer (ExcelJS plus
 * the parts PIPbook writes itself: data validation, charts), so the file opens in Excel and `pipbook analyze`
 * reads it; "Open .xlsx" reads one with the CLI's reader. Both are loaded on demand (ExcelJS is large).
 */
import type { WorkbookSnapshot } from "../memory-excel";

export async function workbookToXlsx(snapshot: WorkbookSnapshot): Promise<Uint8Array> {
  const { snapshotToXlsx } = await import(/* webpackChunkName: "xlsx-writer" */ "../cli/xlsx/write-xlsx");
  return snapshotToXlsx(snapshot);
}

export async function xlsxToWorkbook(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const { xlsxToSnapshot } = await import(/* webpackChunkName: "xlsx-reader" */ "../cli/xlsx/read-xlsx");
  return xlsxToSnapshot(bytes);
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
