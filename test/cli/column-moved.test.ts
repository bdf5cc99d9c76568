/**
 * "the “Goal” column moved from column B to column B" (19 times in the campaign): when the whole table had
 * moved too, the letters were counted from where the table was first written. They are counted from where the table
 * is now, so the two letters of a move always differ.
 */
import { createMemoryExcel } from "../../src/memory-excel";
import { writePlan } from "../../src/excel/writer";
import { readPlan } from "../../src/excel/reader";
import { defaultSheetNames } from "../../src/workbook";
import { sizedPlan } from "../excel/support";

// Range.insert is not in the in-memory Excel (src/memory-excel/api-range.ts), so the table itself is not moved here:
// this checks the letters against the table as it stands after a column of it is deleted.
test("a column of the Goals table deleted: every COLUMN_MOVED names two different letters, one apart", async () => {
  const plan = sizedPlan(2, 2, 0, "en-US");
  const excel = createMemoryExcel({ engine: null });
  await excel.run((ctx) => writePlan(ctx, plan, { language: "en-US" }));
  await excel.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem(defaultSheetNames("en-US").goals);
    sheet.protection.unprotect();
    ctx.workbook.tables.getItem("PIP_Goals").columns.getItemAt(2).delete();
    await ctx.sync();
  });
  const read = await excel.run((ctx) => readPlan(ctx));
  const moved = read.findings.filter((f) => f.code === "COLUMN_MOVED");
  expect(moved.length).toBeGreaterThan(0);
  for (const f of moved) {
    const m = /from column ([A-Z]+) to column ([A-Z]+)/.exec(f.message["en-US"]);
    expect(m).not.toBeNull();
    expect(m![1]).not.toBe(m![2]);
    // The column is one to the left of where it belongs in the table as it stands now.
    expect(m![1].charCodeAt(0) - m![2].charCodeAt(0)).toBe(1);
  }
});
