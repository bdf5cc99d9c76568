/**
 * A save over a workbook PIPbook wrote gives every sheet the formulas and values a first write of the same plan gives.
 * Found from outside (2026-12-01): pressing Save again on the Plan tab turned the Overview's summary (E4:E11) and the
 * Evaluation sheet's record table into eight copies of their last formula, all #REF!. The in-memory Excel did what
 * Excel does — formulas written into an empty table column fill the bottom-most over the column (OfficeDev/office-js
 * 2093, 5909, 6745) — and the writer wrote the cleared table's distinct formulas at once. HyperFormula computes both
 * workbooks here.
 */
import { createWorkbookPort } from "../../src/excel/office-port";
import type { Plan } from "../../src/core/model";
import type { MemoryExcel } from "../../src/memory-excel";
import { examplePlan, memoryExcel } from "./support";

/** Journal and meta sheets hold the save's own bookkeeping (times, the last check's marks): left out. */
const BOOKKEEPING = /^PIP_(Journal|Meta)$/;

/** Every cell of every sheet but the bookkeeping: sheet!address → formula, or value. */
function cellsOf(excel: MemoryExcel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sheet of excel.snapshot().sheets) {
    if (BOOKKEEPING.test(sheet.name)) continue;
    for (const c of sheet.cells) if (c.formula !== undefined || (c.value !== null && c.value !== "")) out[`${sheet.name}!${c.address}`] = c.formula ?? c.value;
  }
  return out;
}

/** Computed values of every formula cell (HyperFormula), sheet!address → value. */
function resultsOf(excel: MemoryExcel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sheet of excel.snapshot().sheets) {
    if (BOOKKEEPING.test(sheet.name)) continue;
    for (const c of sheet.cells) if (c.formula !== undefined) out[`${sheet.name}!${c.address}`] = c.value;
  }
  return out;
}

/** As the pane writes by default: the Overview's "as of" a live =TODAY() (a fixed date is a constant in that column). */
async function firstWrite(plan: Plan, asOf: string | null = null): Promise<MemoryExcel> {
  const { excel, run } = memoryExcel(true);
  await createWorkbookPort(run, { asOf }).writePlan(plan, { language: plan.header.language, asOf });
  return excel;
}

async function savedTwice(first: Plan, second: Plan, asOf: string | null = null): Promise<MemoryExcel> {
  const { excel, run } = memoryExcel(true);
  const port = createWorkbookPort(run, { asOf });
  await port.writePlan(first, { language: first.header.language, asOf });
  await port.readPlan();
  await port.writePlan(second, { language: second.header.language, asOf });
  return excel;
}

describe("a second save leaves the workbook as a first write of the same plan", () => {
  for (const language of ["zh-CN", "en-US"] as const) {
    test(`${language}: Save again with nothing changed — every formula and every result as before`, async () => {
      const plan = examplePlan(language);
      const fresh = await firstWrite(plan);
      const again = await savedTwice(plan, plan);
      expect(cellsOf(again)).toEqual(cellsOf(fresh));
      expect(resultsOf(again)).toEqual(resultsOf(fresh));
      // (#N/A is the chart helpers' NA(), a gap in a line; #REF! was the bug)
      expect(Object.values(resultsOf(again)).filter((v) => v === "#REF!")).toEqual([]);
    });
  }

  test("zh-CN, as of a fixed date: Save again — the same as a first write", async () => {
    const plan = examplePlan("zh-CN");
    expect(cellsOf(await savedTwice(plan, plan, "2024-05-15"))).toEqual(cellsOf(await firstWrite(plan, "2024-05-15")));
  });

  test("zh-CN: a check-in added in the pane, then Save — the same as a first write of the plan with it", async () => {
    const plan = examplePlan("zh-CN");
    const more: Plan = { ...plan, tracking: [...plan.tracking, { ...plan.tracking[0]!, date: "2024-05-10", actual: 4, note: "added" }] };
    const fresh = await firstWrite(more);
    const again = await savedTwice(plan, more);
    expect(cellsOf(again)).toEqual(cellsOf(fresh));
    expect(resultsOf(again)).toEqual(resultsOf(fresh));
  });
});
