/**
 * The add-in's own reader (src/excel/reader.ts, one sync) runs the cell checks the CLI runs on a file
 * (src/excel/reader-checks.ts): a formula cell PIPbook writes that a person typed over, and a row written right
 * below the Tracking log that the table did not take in — on the in-memory Excel, the stand-in for Excel.
 */
import { createMemoryExcel } from "../../src/memory-excel";
import { createWorkbookPort } from "../../src/excel/office-port";
import { defaultSheetNames } from "../../src/workbook";
import { examplePlan } from "./support";

const example = () => examplePlan("en-US");

test("a typed-over formula cell and a row below the Tracking log are findings with their cells, in one sync", async () => {
  const excel = createMemoryExcel({ engine: null });
  const port = createWorkbookPort((batch) => excel.run(batch), { asOf: "2024-05-15" });
  await port.writePlan(example(), { language: "en-US" });
  const names = defaultSheetNames("en-US");
  const before = await port.readPlan();
  expect(before.findings.filter((f) => f.code === "FORMULA_OVERWRITTEN" || f.code === "ROW_BELOW_TABLE")).toEqual([]);

  const goals = excel.workbookState.tables.find((t) => t.name === "PIP_Goals")!;
  const tracking = excel.workbookState.tables.find((t) => t.name === "PIP_Tracking")!;
  const toDateColumn = excel.workbookState.sheets.find((s) => s.id === goals.sheetId)!;
  // The first formula column of the Goals table, first data row (0-based rect → A1 row + 2).
  const formulaCol = [...Array(goals.rect.c1 - goals.rect.c0 + 1).keys()].map((i) => goals.rect.c0 + i).find((c) => String(excel.getCellFormula(toDateColumn.name, `${String.fromCharCode(65 + c)}${goals.rect.r0 + 2}`)).startsWith("="))!;
  const cell = `${String.fromCharCode(65 + formulaCol)}${goals.rect.r0 + 2}`;
  const belowRow = tracking.rect.r1 + 2;
  await excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(names.goals);
    ws.protection.unprotect();
    ws.getRange(cell).values = [[0.9]];
    // Written by code, so Excel's AutoExpansion does not take the row into the table.
    ctx.workbook.worksheets.getItem(names.tracking).getRange(`A${belowRow}:C${belowRow}`).values = [["2024-05-10", "G1", 3]];
    await ctx.sync();
  });
  excel.resetStats();
  const read = await port.readPlan();
  expect(read.syncs).toBe(1);
  expect(excel.stats.syncs).toBe(1);
  const overwritten = read.findings.find((f) => f.code === "FORMULA_OVERWRITTEN");
  expect(overwritten?.location).toMatchObject({ sheet: names.goals, cell });
  expect(overwritten?.message["en-US"]).toContain("0.9");
  const below = read.findings.find((f) => f.code === "ROW_BELOW_TABLE");
  expect(below?.location).toMatchObject({ sheet: names.tracking, cell: `A${belowRow}` });
  expect(below?.message["zh-CN"]).toBeTruthy();
});
