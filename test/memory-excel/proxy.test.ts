import { createMemoryExcel, MemoryExcelError } from "../../src/memory-excel";

describe("load / sync semantics (Office's proxy model)", () => {
  test("reading a property before load + sync throws PropertyNotLoaded naming it; after sync it works", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2:C3");
      let early: unknown;
      try {
        void range.address;
      } catch (e) {
        early = e;
      }
      expect(early).toBeInstanceOf(MemoryExcelError);
      expect((early as MemoryExcelError).code).toBe("PropertyNotLoaded");
      expect((early as MemoryExcelError).message).toContain("'address'");
      range.load("address");
      // eslint-disable-next-line office-addins/call-sync-after-load -- reading before sync on purpose
      expect(() => range.address).toThrow(/not available/);
      await context.sync();
      expect(range.address).toBe("Sheet1!B2:C3");
      expect(() => range.rowCount).toThrow(/rowCount/);
    });
  });

  test("load accepts 'a,b', ['a'], { select }, object and nested 'format/font/bold' forms", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const a = ws.getRange("A1").load("address, rowCount");
      const b = ws.getRange("A1:B1").load(["columnCount"]);
      const c = ws.getRange("A1:C1").load({ select: "columnCount" });
      const d = ws.getRange("A1:D1").load({ columnCount: true, format: { font: { bold: true } } });
      const e = ws.getRange("A1").load("format/font/bold,format/fill/color");
      await context.sync();
      expect([a.address, a.rowCount, b.columnCount, c.columnCount, d.columnCount]).toEqual(["Sheet1!A1", 1, 2, 3, 4]);
      expect(d.format.font.bold).toBe(false);
      expect(e.format.font.bold).toBe(false);
      expect(e.format.fill.color).toBe("#FFFFFF");
    });
  });

  test("collection load('items/name') and load('name') fill items; toJSON gives the loaded values", async () => {
    const excel = createMemoryExcel({ sheets: ["One", "Two"] });
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const again = context.workbook.worksheets;
      again.load("name,position");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["One", "Two"]);
      expect(again.items.map((s) => [s.name, s.position])).toEqual([
        ["One", 0],
        ["Two", 1],
      ]);
      expect(again.items[1].toJSON()).toEqual({ name: "Two", position: 1 });
    });
  });

  test("queued commands take effect at sync, in order", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const cell = ws.getRange("A1");
      cell.values = [[1]];
      const before = ws.getRange("A1");
      before.load("values");
      cell.values = [[2]];
      const after = ws.getRange("A1");
      after.load("values");
      expect(excel.getCellValue("Sheet1", "A1")).toBe("");
      await context.sync();
      expect(before.values).toEqual([[1]]);
      expect(after.values).toEqual([[2]]);
    });
  });

  test("getItemOrNullObject: isNullObject after sync, loaded properties of a null object are null", async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Sheet1");
      missing.load("name");
      await context.sync();
      expect(missing.name).toBeNull();
    });
  });

  test("a missing item rejects sync with ItemNotFound; earlier commands of the batch have applied, later ones not", async () => {
    const excel = createMemoryExcel();
    let error: unknown;
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [["before"]];
      context.workbook.worksheets.getItem("Missing").getRange("A1").values = [["x"]];
      ws.getRange("A2").values = [["after"]];
      const probe = ws.getRange("A1");
      probe.load("values");
      try {
        await context.sync();
      } catch (e) {
        error = e;
      }
      expect(() => probe.values).toThrow(/not available/);
    });
    expect((error as MemoryExcelError).code).toBe("ItemNotFound");
    expect(excel.getCellValue("Sheet1", "A1")).toBe("before");
    expect(excel.getCellValue("Sheet1", "A2")).toBe("");
  });

  test("invalid arguments reject with InvalidArgument: array shape, bad address, bad sheet name", async () => {
    const excel = createMemoryExcel();
    const codeOf = async (body: (context: Excel.RequestContext) => void) => {
      try {
        await excel.run(async (context) => {
          body(context);
          await context.sync();
        });
      } catch (e) {
        return (e as MemoryExcelError).code;
      }
      return "none";
    };
    expect(await codeOf((c) => (c.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2, 3]]))).toBe("InvalidArgument");
    expect(await codeOf((c) => c.workbook.worksheets.getItem("Sheet1").getRange("A0").load("address"))).toBe("InvalidArgument");
    expect(await codeOf((c) => c.workbook.worksheets.add("a/b"))).toBe("InvalidArgument");
    expect(await codeOf((c) => c.workbook.worksheets.add("sheet1"))).toBe("ItemAlreadyExists");
  });

  test("a setting on a null object fails the batch with ItemNotFound", async () => {
    const excel = createMemoryExcel();
    await expect(
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject("Missing");
        await context.sync();
        ws.name = "Renamed";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("run syncs what is still queued, requires a promise, and closes the context", async () => {
    const excel = createMemoryExcel();
    const kept = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("C3");
      r.values = [["queued"]];
      return r;
    });
    expect(excel.getCellValue("Sheet1", "C3")).toBe("queued");
    expect(() => {
      kept.values = [["late"]];
    }).toThrow(/request contexts/);
    await expect(excel.run((() => 1) as unknown as (c: Excel.RequestContext) => Promise<number>)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });

  test("stats count syncs that carry commands and the UTF-8 bytes of each batch's JSON", async () => {
    const excel = createMemoryExcel();
    excel.resetStats();
    await excel.run(async (context) => {
      await context.sync(); // nothing queued: no round trip
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["绩效"]];
      await context.sync();
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2");
      r.values = [["a"], ["b"]];
      await context.sync();
    });
    expect(excel.stats.syncs).toBe(2);
    expect(excel.stats.batchBytes).toHaveLength(2);
    // "绩效" is 6 bytes in UTF-8 against 2 for "ab": the first batch's JSON is 4 bytes bigger than with ASCII.
    const excel2 = createMemoryExcel();
    await excel2.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["ab"]];
      await context.sync();
    });
    expect(excel.stats.batchBytes[0] - excel2.stats.batchBytes[0]).toBe(4);
    excel.resetStats();
    expect(excel.stats).toEqual({ syncs: 0, batchBytes: [] });
  });

  test("with countBatchBytes: false the syncs are still counted, the same writes land, and no bytes are recorded", async () => {
    const write = async (options: { countBatchBytes?: boolean }) => {
      const excel = createMemoryExcel(options);
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["绩效", 62]];
        await context.sync();
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").formulas = [["=B1*2"]];
        await context.sync();
      });
      return excel;
    };
    const counted = await write({});
    const uncounted = await write({ countBatchBytes: false });
    expect(counted.stats.syncs).toBe(2);
    expect(uncounted.stats.syncs).toBe(2);
    expect(counted.stats.batchBytes.every((b) => b > 0)).toBe(true);
    expect(uncounted.stats.batchBytes).toEqual([]);
    expect(uncounted.snapshot()).toEqual(counted.snapshot());
  });
});
