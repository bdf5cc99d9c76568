import { MemoryExcel, createMemoryExcel } from "../../src/memory-excel";
import { createHyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";
import { createWorkbookPort } from "../../src/excel/office-port";
import { examplePlan } from "../excel/support";

/** A workbook that touches every part of the snapshot. */
async function richWorkbook(): Promise<MemoryExcel> {
  const excel = createMemoryExcel({ engine: createHyperFormulaEngine(), sheets: ["概览", "Tracking log"] });
  await excel.run(async (context) => {
    const log = context.workbook.worksheets.getItem("Tracking log");
    log.getRange("A1:C3").values = [
      ["Date", "Goal", "Actual"],
      ["2024-04-05", "G1", 12],
      ["2024-04-12", "G1", "'007"],
    ];
    const table = log.tables.add("A1:C3", true);
    table.name = "PIP_Tracking";
    log.getRange("A:A").numberFormat = [["yyyy-mm-dd"]];
    log.getRange("C:C").format.protection.locked = false;
    log.getRange("A1:C1").format.font.bold = true;
    log.getRange("A1:C1").format.fill.color = "#DDEBF7";
    log.getRange("B:B").format.columnWidth = 120;
    log.getRange("2:2").format.rowHeight = 30;
    log.freezePanes.freezeRows(1);
    log.pageLayout.setPrintArea("A1:C40");
    log.pageLayout.orientation = "Landscape" as Excel.PageOrientation;
    log.getRange("B2:B40").dataValidation.rule = { list: { inCellDropDown: true, source: "G1,G2" } };
    const cf = log.getRange("C2:C40").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = "=$C2<10";
    cf.custom.format.fill.color = "#FFC7CE";
    log.getRange("E1:F1").merge();
    log.protection.protect({ allowFormatCells: true }, "pw");
    const overview = context.workbook.worksheets.getItem("概览");
    overview.getRange("A1:B2").formulas = [
      ["Total", "=SUM(PIP_Tracking[Actual])"],
      ["Ratio", "=B1/0"],
    ];
    const chart = overview.charts.add("ColumnClustered" as Excel.ChartType, log.getRange("B1:C3"), "Columns" as Excel.ChartSeriesBy);
    chart.name = "PIP_Chart_Total";
    chart.title.text = "合计";
    chart.setPosition("D2", "J15");
    overview.activate();
    await context.sync();
  });
  return excel;
}

describe("snapshot", () => {
  test("snapshot → fromSnapshot → snapshot is identical (and survives JSON)", async () => {
    const excel = await richWorkbook();
    const first = excel.snapshot();
    const rebuilt = MemoryExcel.fromSnapshot(JSON.parse(JSON.stringify(first)), { engine: createHyperFormulaEngine() });
    expect(rebuilt.snapshot()).toEqual(first);
    // Borders come only from a file (read-xlsx: a person's own formatting kept through an update), not from the API.
    const bordered = JSON.parse(JSON.stringify(first)) as typeof first;
    bordered.sheets[1].cells.find((c) => c.address === "A1")!.format!.borders = { EdgeBottom: { style: "Continuous", color: "#000000" } };
    expect(MemoryExcel.fromSnapshot(bordered).snapshot().sheets[1].cells.find((c) => c.address === "A1")!.format!.borders).toEqual({ EdgeBottom: { style: "Continuous", color: "#000000" } });
    const withoutEngine = MemoryExcel.fromSnapshot(first);
    const again = MemoryExcel.fromSnapshot(withoutEngine.snapshot());
    expect(again.snapshot()).toEqual(withoutEngine.snapshot());
  });

  test("a PIP workbook as the add-in writes it, in either language, gives the same snapshot back from its snapshot", async () => {
    // The fault-injection suites start every injected failure from a workbook made this way: it must be the one saved.
    // (A column whose format layer had been emptied — the save journal's column A — used to come back missing.)
    for (const language of ["zh-CN", "en-US"] as const) {
      const excel = new MemoryExcel({ engine: null });
      await createWorkbookPort((batch) => excel.run(batch), { asOf: "2024-05-15" }).writePlan(examplePlan(language), { language });
      const first = excel.snapshot();
      expect([language, MemoryExcel.fromSnapshot(first, { engine: null }).snapshot()]).toEqual([language, first]);
    }
  });

  test("the snapshot describes cells, formats, columns, tables, validation, conditional formats, charts", async () => {
    const excel = await richWorkbook();
    const snap = excel.snapshot();
    expect(snap.sheets.map((s) => [s.name, s.position])).toEqual([
      ["概览", 0],
      ["Tracking log", 1],
    ]);
    expect(snap.activeSheet).toBe("概览");
    const [overview, log] = snap.sheets;
    expect(overview.cells.find((c) => c.address === "B1")).toMatchObject({ value: 12, type: "Double", formula: "=SUM(PIP_Tracking[Actual])" });
    expect(overview.cells.find((c) => c.address === "B2")).toMatchObject({ value: "#DIV/0!", type: "Error" });
    const a2 = log.cells.find((c) => c.address === "A2")!;
    expect(a2).toMatchObject({ value: 45387, type: "Double", text: "2024-04-05", format: { numberFormat: "yyyy-mm-dd" } });
    expect(log.cells.find((c) => c.address === "C3")).toMatchObject({ value: "007", type: "String", format: { locked: false } });
    expect(log.cells.find((c) => c.address === "A1")!.format).toMatchObject({ bold: true, fill: "#DDEBF7", numberFormat: "yyyy-mm-dd" });
    expect(log.columns).toEqual([
      { index: 0, letter: "A", format: { numberFormat: "yyyy-mm-dd" } },
      { index: 1, letter: "B", width: 120 },
      { index: 2, letter: "C", format: { locked: false } },
    ]);
    expect(log.rows).toEqual([{ index: 1, height: 30 }]);
    expect([log.frozenRows, log.printArea, log.pageLayout.orientation]).toEqual([1, "A1:C40", "Landscape"]);
    expect(log.protection).toEqual({ protected: true, options: { allowFormatCells: true }, password: "pw" });
    expect(log.validations).toEqual([
      {
        range: "B2:B40",
        rule: { list: { inCellDropDown: true, source: "G1,G2" } },
        errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
        prompt: { showPrompt: false, title: "", message: "" },
        ignoreBlanks: true,
      },
    ]);
    expect(log.conditionalFormats).toEqual([
      { range: "C2:C40", type: "Custom", priority: 0, stopIfTrue: false, rule: { formula: "=$C2<10" }, format: { fill: { color: "#FFC7CE" } }, settings: {} },
    ]);
    expect(log.merges).toEqual(["E1:F1"]);
    expect(snap.tables).toEqual([
      {
        name: "PIP_Tracking",
        sheet: "Tracking log",
        range: "A1:C3",
        headers: ["Date", "Goal", "Actual"],
        style: "TableStyleMedium2",
        showHeaders: true,
        showTotals: false,
        showBandedRows: true,
        showBandedColumns: false,
        showFilterButton: true,
        highlightFirstColumn: false,
        highlightLastColumn: false,
        columns: [
          { name: "Date", calculatedFormula: null },
          { name: "Goal", calculatedFormula: null },
          { name: "Actual", calculatedFormula: null },
        ],
      },
    ]);
    expect(overview.charts[0]).toMatchObject({ name: "PIP_Chart_Total", title: "合计", position: { from: "D2", to: "J15" } });
    expect(snap.names).toEqual([]);
  });

  test("a workbook built from a snapshot runs the API: reads values, computes formulas, keeps protection", async () => {
    const snap = (await richWorkbook()).snapshot();
    const excel = MemoryExcel.fromSnapshot(snap, { engine: createHyperFormulaEngine() });
    await excel.run(async (context) => {
      const t = context.workbook.tables.getItem("PIP_Tracking");
      const body = t.getDataBodyRange().load("values");
      const log = context.workbook.worksheets.getItem("Tracking log");
      log.protection.load("protected");
      await context.sync();
      expect(body.values[0]).toEqual([45387, "G1", 12]);
      expect(log.protection.protected).toBe(true);
    });
    // The sheet is protected: the typed row is accepted (column C is unlocked) but, as in Excel, the table
    // does not grow on a protected sheet, so the total leaves it out.
    await excel.setCellValues("Tracking log", "C4", [[8]]);
    expect(excel.getCellValue("Tracking log", "C4")).toBe(8);
    expect(excel.snapshot().tables[0].range).toBe("A1:C3");
    expect(excel.getCellValue("概览", "B1")).toBe(12);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Tracking log").protection.unprotect("pw");
      await context.sync();
    });
    await excel.setCellValues("Tracking log", "C5", [[5]]);
    await excel.setCellValues("Tracking log", "C4", [[8]]);
    expect(excel.snapshot().tables[0].range).toBe("A1:C4");
    expect(excel.getCellValue("概览", "B1")).toBe(20);
  });
});
