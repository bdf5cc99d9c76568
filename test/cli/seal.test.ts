/**
 * Changed after signing through the CLI's .xlsx path (issue 17, item 1): the .xlsx `generate` writes carries the
 * seal of the signed example; a target edited in the file by another program (ExcelJS here) is reported by the
 * CLI's reader with its cell and its value when signed; an edited tracking row is not; an update keeps the seal.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { excelJsInput } from "../../src/cli/xlsx/bytes";
import { generateWorkbook, readWorkbook, updateWorkbook } from "../../src/cli/workbook-io";
import { parsePlanJson } from "../../src/core/plan-file";
import { signingDate } from "../../src/core/seal";
import type { Plan } from "../../src/core/model";
import { cellOf, quoteSheet } from "../../src/workbook";
import { EXAMPLE_PLAN } from "./harness";

function examplePlan(): Plan {
  const parsed = parsePlanJson(readFileSync(EXAMPLE_PLAN, "utf8"));
  if (!parsed.ok) throw new Error("example does not parse");
  return { ...parsed.plan, header: { ...parsed.plan.header, language: "en-US" } };
}

/** The .xlsx with one cell set by ExcelJS, as another program would save it. */
async function editedBy(bytes: Uint8Array, ref: { sheet: string; cell: string }, value: ExcelJS.CellValue): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(excelJsInput(bytes));
  workbook.getWorksheet(ref.sheet)!.getCell(ref.cell).value = value;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const sealCodes = (findings: { code: string }[]) => findings.filter((f) => f.code.startsWith("SEAL_")).map((f) => f.code);

/** The example written in English, as of 2024-05-15: both tests start from these bytes (one generation). */
let written: Promise<Uint8Array> | null = null;
const exampleBytes = () => (written ??= generateWorkbook(examplePlan(), { language: "en-US", asOf: "2024-05-15" }));

describe("the seal through the CLI's .xlsx reader", () => {
  test("a target edited in the .xlsx: SEAL_CHANGED with the cell and the value when signed; a tracking row edited: none", async () => {
    const plan = examplePlan();
    const bytes = await exampleBytes();
    expect(sealCodes((await readWorkbook(bytes, "plan.xlsx")).findings)).toEqual([]);

    const target = cellOf({ entity: "goals", row: 0, field: "target" }, "en-US")!;
    const edited = await editedBy(bytes, target, plan.goals[0].target - 5);
    const read = await readWorkbook(edited, "plan.xlsx");
    const found = read.findings.filter((f) => f.code === "SEAL_CHANGED");
    expect(found).toHaveLength(1);
    expect(found[0].location).toMatchObject({ sheet: target.sheet, cell: target.cell });
    expect(found[0].message["en-US"]).toBe(
      `${quoteSheet(target.sheet)}!${target.cell} was ${plan.goals[0].target} when signed on ${signingDate(plan)}, now ${plan.goals[0].target - 5}: changed after signing — ask both to sign again`,
    );

    const tracking = cellOf({ entity: "tracking", row: 0, field: "actual" }, "en-US")!;
    const tracked = await readWorkbook(await editedBy(bytes, tracking, plan.tracking[0].actual + 1), "plan.xlsx");
    expect(tracked.plan?.tracking[0].actual).toBe(plan.tracking[0].actual + 1);
    expect(sealCodes(tracked.findings)).toEqual([]);
  });

  test("an update of the edited .xlsx (read, merge, write) keeps the seal: the edit is still reported", async () => {
    const plan = examplePlan();
    const bytes = await exampleBytes();
    const target = cellOf({ entity: "goals", row: 0, field: "target" }, "en-US")!;
    const edited = await editedBy(bytes, target, plan.goals[0].target - 5);
    const read = await readWorkbook(edited, "plan.xlsx");
    const updated = await updateWorkbook(edited, "plan.xlsx", read.plan!, { language: "en-US", asOf: "2024-05-15" });
    const again = await readWorkbook(updated.bytes, "plan.xlsx");
    expect(again.findings.filter((f) => f.code === "SEAL_CHANGED").map((f) => f.location.cell)).toEqual([target.cell]);
  });
});
