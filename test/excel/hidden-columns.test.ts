import { writePlan } from "../../src/excel/writer";
import { snapshotToXlsx } from "../../src/cli/xlsx/write-xlsx";
import ExcelJS from "exceljs";
import { columnLetter, defaultSheetNames, listTable } from "../../src/workbook";
import { memoryExcel, sizedPlan } from "./support";

describe("internal helper columns are hidden in the sheet", () => {
  test("the Tracking log's Row key and Match key columns are hidden, in Excel and in the .xlsx; the others are not", async () => {
    const { excel } = memoryExcel(false);
    await excel.run((ctx) => writePlan(ctx, sizedPlan(2, 2, 4), { language: "en-US", asOf: "2024-05-15" }));
    const table = listTable("PIP_Tracking");
    const letterOf = (key: string) => columnLetter(table.anchor.col + table.columns.findIndex((c) => c.key === key));
    const hiddenIn = (snapshot: ReturnType<typeof excel.snapshot>) =>
      snapshot.sheets.find((s) => s.name === defaultSheetNames("en-US").tracking)!.columns.filter((c) => c.hidden).map((c) => c.letter);
    const expected = [letterOf("rowKey"), letterOf("goalKey")].sort();
    expect(hiddenIn(excel.snapshot()).sort()).toEqual(expected);
    const file = await snapshotToXlsx(excel.snapshot(), { created: new Date(Date.UTC(2024, 4, 15)) });
    // Read back with ExcelJS as stored in the file (<col hidden="1">).
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const ws = book.getWorksheet(defaultSheetNames("en-US").tracking)!;
    expect(["A", "B", "C", "D", "E", "F", "G", "H"].filter((l) => ws.getColumn(l).hidden)).toEqual(expected);
    expect(expected).not.toContain(letterOf("actual"));
  });
});
