/**
 * The lazy chunk behind Excel's "A copy for the employee" (loaded on click by office-port.ts's employeeCopy(), webpack
 * chunk "employee-copy"): the CLI's employee-copy builder (src/cli/xlsx/employee-copy.ts — the in-memory Excel and
 * ExcelJS, so never in the first scripts) over the workbook's bytes read the way `pipbook export` reads them
 * (src/cli/workbook-io.ts readWorkbook: the CLI's .xlsx reader with the file's cached results, the in-memory Excel,
 * the add-in's own reader — not imported from there, as workbook-io compresses with node:zlib, which a browser has
 * not), or over the plan the port read. The same copy as `pipbook export --for employee`.
 *
 * This file is the layer table's one named exception for src/excel (eslint.config.mjs, LAYER_EXCEPTIONS): it alone
 * may import the builder, the .xlsx reader and the in-memory Excel, and only office-port.ts loads it, through import().
 */
import { employeeCopyFileName, employeeCopyOfPlan } from "../cli/xlsx/employee-copy";
import { readXlsx } from "../cli/xlsx/read-xlsx";
import { MemoryExcel } from "../memory-excel";
import type { Plan } from "../core/model";
import { EmployeeCopyError } from "./employee-copy";
import { createWorkbookPort } from "./office-port";

/** The plan of an .xlsx as `pipbook export` reads it (readWorkbook: cached results, no formula checks). */
async function planOfXlsx(bytes: Uint8Array): Promise<Plan | null> {
  const read = await readXlsx(bytes, { formulaCells: "cachedValues" });
  const memory = MemoryExcel.fromSnapshot(read.snapshot, { engine: null });
  const port = createWorkbookPort((batch) => memory.run(batch), { formulaChecks: false, employeeCopy: null });
  return (await port.readPlan()).plan;
}

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
    plan = await planOfXlsx(bytes);
  } catch (error) {
    throw new EmployeeCopyError("read", error instanceof Error ? error.message : String(error), {}, { cause: error });
  }
  if (plan === null) throw new EmployeeCopyError("noPlan", "the workbook holds no plan");
  return copyOfPlan(plan, asOf);
}
