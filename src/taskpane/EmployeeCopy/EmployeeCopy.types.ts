/**
 * A port that can make the employee's copy (issue 17): the plan without what is for HR and the manager only, as a
 * separate .xlsx, built by the CLI's employee-copy builder loaded on demand. The preview's port downloads it; the
 * Office.js port (src/excel/office-port.ts, src/excel/employee-copy.ts) reads the workbook's file through Office.js
 * and opens the copy with Excel.createWorkbook ("opened": no file name is saved, Excel returns no handle). A port
 * without it (an Excel older than ExcelApi 1.8) leaves the pane to name the CLI command.
 */
export type EmployeeCopyOutcome = { kind: "downloaded"; fileName: string } | { kind: "opened"; fileName: string };

export interface EmployeeCopyCapable {
  employeeCopy(): Promise<EmployeeCopyOutcome>;
}

export function canMakeEmployeeCopy(port: unknown): port is EmployeeCopyCapable {
  return typeof (port as Partial<EmployeeCopyCapable> | null)?.employeeCopy === "function";
}

/** Whether the port opens the copy in Excel rather than downloading it (the button says which). */
export function opensEmployeeCopy(port: unknown): boolean {
  return (port as { employeeCopyOpens?: unknown } | null)?.employeeCopyOpens === true;
}

/** The failure the Office.js port reports (src/excel/employee-copy.ts EmployeeCopyError), read by shape. */
export interface EmployeeCopyFailure {
  step: "read" | "noPlan" | "open" | null;
  slice: number | null;
  slices: number | null;
}

export function employeeCopyFailure(error: unknown): EmployeeCopyFailure {
  const e = error as { employeeCopyStep?: unknown; slice?: unknown; slices?: unknown } | null;
  const step = e?.employeeCopyStep === "read" || e?.employeeCopyStep === "noPlan" || e?.employeeCopyStep === "open" ? e.employeeCopyStep : null;
  return { step, slice: typeof e?.slice === "number" ? e.slice : null, slices: typeof e?.slices === "number" ? e.slices : null };
}
