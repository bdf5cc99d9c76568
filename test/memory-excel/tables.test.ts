import { createMemoryExcel, type MemoryExcel } from "../../src/memory-excel";
import { createHyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";

async function withGoals(): Promise<MemoryExcel> {
  const excel = createMemoryExcel({ engine: createHyperFormulaEngine(), sheets: ["Goals"] });
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Goals");
    ws.getRange("B2:E4").values = [
      ["Goal", "Target", "Actual", "Attainment"],
      ["Sales", 50, 32, ""],
      ["Complaints", 3, 3.78, ""],
    ];
    const t = ws.tables.add("B2:E4", true);
    t.name = "PIP_Goals";
    t.getDataBodyRange().getColumn(3).formulas = [["=[@Actual]/[@Target]"], ["=[@Actual]/[@Target]"]];
    await context.sync();
  });
  return excel;
}

describe("tables", () => {
  test("tables.add takes the header row's values as column names; ranges of the table", async () => {
    const excel = await withGoals();
    await excel.run(async (context) => {
      const t = context.workbook.tables.getItem("pip_goals");
      const columns = t.columns;
      columns.load("items/name,items/index");
      const body = t.getDataBodyRange().load("address,values");
      const all = t.getRange().load("address");
      t.load("name,style,showTotals");
      await context.sync();
      expect(columns.items.map((c) => [c.name, c.index])).toEqual([
        ["Goal", 0],
        ["Target", 1],
        ["Actual", 2],
        ["Attainment", 3],
      ]);
      expect([body.address, all.address]).toEqual(["Goals!B3:E4", "Goals!B2:E4"]);
      expect([t.name, t.style, t.showTotals]).toEqual(["PIP_Goals", "TableStyleMedium2", false]);
      expect(body.values.map((r) => r[3])).toEqual([32 / 50, 3.78 / 3]);
    });
  });

  test("column lookup by name (case-insensitive) and OrNullObject for a missing one", async () => {
    const excel = await withGoals();
    await excel.run(async (context) => {
      const columns = context.workbook.tables.getItem("PIP_Goals").columns;
      const actual = columns.getItem("actual");
      const body = actual.getDataBodyRange().load("values,address");
      const missing = columns.getItemOrNullObject("Baseline");
      actual.load("index,name");
      await context.sync();
      expect([actual.name, actual.index, body.address]).toEqual(["Actual", 2, "Goals!D3:D4"]);
      expect(body.values).toEqual([[32], [3.78]]);
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("typing right below a table grows it, and a calculated column fills the new row", async () => {
    const excel = await withGoals();
    await excel.setCellValues("Goals", "B5", [["Training", 10, 8]]);
    const snap = excel.snapshot();
    expect(snap.tables[0].range).toBe("B2:E5");
    expect(snap.tables[0].columns[3].calculatedFormula).toBe("=[@Actual]/[@Target]");
    expect(excel.getCellFormula("Goals", "E5")).toBe("=[@Actual]/[@Target]");
    expect(excel.getCellValue("Goals", "E5")).toBe(8 / 10);
    // Two rows below the table is not "right below": the table stays.
    await excel.setCellValues("Goals", "B7", [["Far", 1, 1]]);
    expect(excel.snapshot().tables[0].range).toBe("B2:E5");
  });

  test("a paste of several rows right below the table takes all of them in", async () => {
    const excel = await withGoals();
    await excel.setCellValues("Goals", "B5", [
      ["A", 1, 1],
      ["B", 2, 1],
    ]);
    expect(excel.snapshot().tables[0].range).toBe("B2:E6");
    expect(excel.getCellValue("Goals", "E6")).toBe(0.5);
  });

  test("headers are made unique and non-blank; renaming a column rewrites structured references", async () => {
    const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C2").values = [
        ["Name", "", "Name"],
        [1, 2, 3],
      ];
      const t = ws.tables.add("A1:C2", true);
      t.name = "T";
      ws.getRange("E1").formulas = [["=SUM(T[Name2])"]];
      const cols = t.columns.load("items/name");
      await context.sync();
      expect(cols.items.map((c) => c.name)).toEqual(["Name", "Column2", "Name2"]);
      t.columns.getItem("Name2").name = "Score";
      await context.sync();
    });
    expect(excel.getCellFormula("Sheet1", "E1")).toBe("=SUM(T[[Score]])");
    expect(excel.getCellValue("Sheet1", "E1")).toBe(3);
  });

  test("a table without headers gets Column1… in an inserted header row", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B2").values = [
        [1, 2],
        [3, 4],
      ];
      const t = ws.tables.add("Sheet1!A1:B2", false);
      const all = t.getRange().load("address");
      await context.sync();
      expect(all.address).toBe("Sheet1!A1:B3");
    });
    expect([excel.getCellValue("Sheet1", "A1"), excel.getCellValue("Sheet1", "B1"), excel.getCellValue("Sheet1", "A2")]).toEqual(["Column1", "Column2", 1]);
  });

  test("overlapping tables are refused; resize (ExcelApi 1.13) keeps the header row", async () => {
    const excel = await withGoals();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Goals").tables.add("D3:F8", true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await excel.run(async (context) => {
      const t = context.workbook.tables.getItem("PIP_Goals");
      t.resize("B2:E6");
      const body = t.getDataBodyRange().load("address");
      await context.sync();
      expect(body.address).toBe("Goals!B3:E6");
      t.resize("B3:E6");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    // New rows of a calculated column get its formula.
    expect(excel.getCellFormula("Goals", "E6")).toBe("=[@Actual]/[@Target]");
  });

  test("resize takes in a row written below (as addTrackingEntry appends); deleting a column with deleteTableColumn drops it from the table", async () => {
    const excel = await withGoals();
    await excel.run(async (context) => {
      const t = context.workbook.tables.getItem("PIP_Goals");
      context.workbook.worksheets.getItem("Goals").getRange("B5:D5").values = [["Quality", 4, 2]];
      t.resize("B2:E5");
      await context.sync();
    });
    expect(excel.snapshot().tables[0].range).toBe("B2:E5");
    expect(excel.getCellValue("Goals", "B5")).toBe("Quality");
    expect(excel.getCellValue("Goals", "E5")).toBe(0.5);
    excel.deleteTableColumn("PIP_Goals", "Target");
    const t = excel.snapshot().tables[0];
    expect(t.headers).toEqual(["Goal", "Actual", "Attainment"]);
    expect(t.range).toBe("B2:D5");
    expect(excel.getCellFormula("Goals", "D3")).toBe("=[@Actual]/#REF!");
    expect(excel.getCellValue("Goals", "D3")).toBe("#REF!");
  });

  test("table onChanged fires for a user's edit in the table (source Local), not outside it, and stops after remove()", async () => {
    const excel = await withGoals();
    const seen: unknown[] = [];
    await excel.run(async (context) => {
      const t = context.workbook.tables.getItem("PIP_Goals");
      const handler = t.onChanged.add(async (args) => void seen.push([args.address, args.source, args.changeType]));
      await context.sync();
      await excel.setCellValues("Goals", "D3", [[40]]);
      await excel.setCellValues("Goals", "H9", [["outside"]]);
      expect(seen).toEqual([["D3", "Local", "RangeEdited"]]);
      handler.remove();
      await excel.setCellValues("Goals", "D4", [[41]]);
      expect(seen).toHaveLength(2); // remove() takes effect at the next sync
      await context.sync();
    });
    seen.length = 0;
    await excel.setCellValues("Goals", "D3", [[43]]);
    expect(seen).toEqual([]);
  });

  test("protected sheet: writing a locked cell is refused; unlocked columns accept input", async () => {
    const excel = await withGoals();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Goals");
      ws.getRange("D:D").format.protection.locked = false;
      ws.protection.protect({ allowFormatCells: false });
      await context.sync();
      ws.getRange("C3").values = [["x"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      ws.protection.load("protected");
      await context.sync();
      expect(ws.protection.protected).toBe(true);
    });
    await excel.setCellValues("Goals", "D3", [[45]]);
    expect(excel.getCellValue("Goals", "D3")).toBe(45);
    await expect(excel.setCellValues("Goals", "C3", [[1]])).rejects.toThrow(/protected/);
  });
});

test("a table made over rows that already hold one formula per row treats that column as calculated", async () => {
  const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1:C3").formulas = [
      ["Date", "Actual", "Key"],
      [45383, 3, '=IF(ISNUMBER($A2),INT($A2)*1000+ROW($A2),"")'],
      [45384, 4, '=IF(ISNUMBER($A3),INT($A3)*1000+ROW($A3),"")'],
    ];
    ws.tables.add("A1:C3", true);
    await context.sync();
  });
  await excel.setCellValues("Sheet1", "A4", [[45390, 5]]);
  expect(excel.getCellFormula("Sheet1", "C4")).toBe('=IF(ISNUMBER($A4),INT($A4)*1000+ROW($A4),"")');
  expect(excel.getCellValue("Sheet1", "C4")).toBe(45390 * 1000 + 4);
});

test("the add-in's own writes raise onChanged too, with triggerSource ThisLocalAddin", async () => {
  const excel = await withGoals();
  const seen: unknown[] = [];
  await excel.run(async (context) => {
    const t = context.workbook.tables.getItem("PIP_Goals");
    t.onChanged.add(async (args) => void seen.push([args.address, (args as { triggerSource?: string }).triggerSource]));
    await context.sync();
    context.workbook.worksheets.getItem("Goals").getRange("D3:D4").values = [[1], [2]];
    context.workbook.worksheets.getItem("Goals").getRange("H1").values = [["outside the table"]];
    await context.sync();
  });
  await excel.flushEvents();
  expect(seen).toEqual([["D3:D4", "ThisLocalAddin"]]);
});
