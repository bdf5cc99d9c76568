/**
 * The employee's copy of a plan as .xlsx bytes (issue 17, item 2): the plan with what the layout declares HR's and the
 * manager's only emptied (src/workbook/audience.ts), written by the add-in's own writer on an empty in-memory Excel
 * (so it still computes), the restricted formula cells (the suggested outcome) then left empty, no seal and no
 * journal (the original keeps the record of what was signed), and the CLI's .xlsx writer. Nothing restricted is ever
 * written into the copy: not in a cell, not in the save journal, not in a cached value.
 *
 * Used by `pipbook export --for employee` (src/cli/export.ts) and, loaded on demand, by the preview's task-pane
 * command "Copy for the employee" (the in-memory Excel and ExcelJS are large: never in the first scripts).
 */
import { createMemoryExcel, type WorkbookSnapshot } from "../../memory-excel";
import { createWorkbookPort } from "../../excel/office-port";
import type { Language, Plan } from "../../core/model";
import { columnLetter, defaultSheetNames, recordRowOf } from "../../workbook";
import { employeePlan, restrictedColumns } from "../../workbook/audience";
import { snapshotToXlsx, type XlsxWriteOptions } from "./write-xlsx";

/** The journal sheet (src/excel/journal.ts) and the columns of the seal beside it (src/excel/seal.ts). */
const JOURNAL_SHEET = "PIP_Journal";

/** Empties the restricted formula cells and the seal in a written workbook's snapshot. */
function leaveOut(snapshot: WorkbookSnapshot, plan: Plan, language: Language): WorkbookSnapshot {
  const names = defaultSheetNames(language);
  const drop = new Map<string, Set<string>>();
  for (const { table, column } of restrictedColumns(plan)) {
    if (column.kind !== "formula") continue;
    // Only label/value tables declare restricted formulas (the suggested outcome); a list column would need its rows.
    if (table.shape !== "record") throw new Error(`audience: ${table.name}.${column.key} is a restricted formula column of a list table`);
    const sheet = names[table.sheet];
    if (!drop.has(sheet)) drop.set(sheet, new Set());
    drop.get(sheet)!.add(`${columnLetter(table.anchor.col + 1)}${recordRowOf(table, column.key)}`);
  }
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => {
      const cells = drop.get(sheet.name);
      if (sheet.name === JOURNAL_SHEET) return { ...sheet, cells: [] };
      if (!cells) return sheet;
      return { ...sheet, cells: sheet.cells.map((c) => (cells.has(c.address) ? { address: c.address, value: null, type: "Empty", text: "", format: c.format } : c)) };
    }),
  } as WorkbookSnapshot;
}

/** The employee's copy of `plan` (as read from its workbook): .xlsx bytes, the plan written, how many parts left out. */
export async function employeeCopyOfPlan(
  plan: Plan,
  options: { asOf?: string | null; compress?: XlsxWriteOptions["compress"] } = {},
): Promise<{ bytes: Uint8Array; plan: Plan; left: number }> {
  const language = plan.header.language;
  const copy = employeePlan(plan);
  const memory = createMemoryExcel({ engine: null, sheets: [], countBatchBytes: false });
  const port = createWorkbookPort((batch) => memory.run(batch), { asOf: options.asOf ?? null });
  await port.writePlan(copy, { language, asOf: options.asOf ?? null });
  const snapshot = leaveOut(memory.snapshot(), plan, language);
  return { bytes: await snapshotToXlsx(snapshot, { compress: options.compress }), plan: copy, left: restrictedColumns(plan).length };
}

/** The copy's file name: the employee's id and name, then "employee copy" in the plan's language. */
export function employeeCopyFileName(plan: Plan): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "").trim();
  const who = [safe(String(plan.header.employeeId ?? "")), safe(String(plan.header.employeeName ?? ""))].filter(Boolean).join("-") || "PIP";
  return `${who}-${plan.header.language === "zh-CN" ? "员工副本" : "employee-copy"}.xlsx`;
}
