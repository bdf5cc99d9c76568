/**
 * A port that can make the employee's copy (issue 17): the plan without what is for HR and the manager only, as a
 * separate .xlsx. The preview's port offers it (the copy is built by the CLI's .xlsx writer, loaded on demand, and
 * downloaded); the Office.js port does not (see the README's "A copy for the employee": the writer needs the
 * in-memory Excel, which the layer table keeps out of the shipped add-in).
 */
export interface EmployeeCopyOutcome {
  kind: "downloaded";
  fileName: string;
}

export interface EmployeeCopyCapable {
  employeeCopy(): Promise<EmployeeCopyOutcome>;
}

export function canMakeEmployeeCopy(port: unknown): port is EmployeeCopyCapable {
  return typeof (port as Partial<EmployeeCopyCapable> | null)?.employeeCopy === "function";
}
