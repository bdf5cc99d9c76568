/**
 * The lazy chunk behind Excel's "A copy for the employee" (loaded on click by office-port.ts's employeeCopy(), webpack
 * chunk "employee-copy"): the CLI's employee-copy builder (src/cli/xlsx/employee-copy.ts — the in-memory Excel and
 * ExcelJS, so never in the first scripts) over the workbook's bytes read with the CLI's .xlsx reader
 * (src/cli/workbook-io.ts), or over the plan the port read. The same copy as `pipbook export --for employee`.
 *
 * This file is the layer table's one named exception for src/excel (eslint.config.mjs, LAYER_EXCEPTIONS): it alone
 * may import those two CLI modules, and only office-port.ts loads it, through import().
 */
import { readWorkbook } from "../cli/workbook-io";
import { employeeCopyFileName, employeeCopyOfPlan } from "../cli/xlsx/employee-copy";
import type { Plan } from "../core/model";
import { EmployeeCopyError } from "./employee-copy";

export interface BuiltCopy {
  bytes: Uint8Array;
  fileName: string;
  /** How many restricted parts were left out. */
  left: number;
}

/** The employee's copy of `plan`. */
export async function copyOfPlan(plan: Plan, asOf: string | null): Promise<BuiltCopy> {
  const { bytes, left } = await employeeCopyOfPlan(plan, { asOf });
  return { bytes, fileName: employeeCopyFileName(plan), left };
}

/** The employee's copy of the workbook in `bytes` (the open workbook as Office.js gave it). */
export async function copyOfXlsx(bytes: Uint8Array, asOf: string | null): Promise<BuiltCopy> {
  let plan: Plan | null;
  try {
    plan = (await readWorkbook(bytes, "workbook.xlsx")).plan;
  } catch (error) {
    throw new EmployeeCopyError("read", error instanceof Error ? error.message : String(error), {}, { cause: error });
  }
  if (plan === null) throw new EmployeeCopyError("noPlan", "the workbook holds no plan");
  return copyOfPlan(plan, asOf);
}
