/**
 * The self-test (src/excel/self-test.ts) on the in-memory Excel with HyperFormula computing the formulas — a
 * stand-in for Excel, not Excel. It must pass on the product, fail with a report that names the cell when one
 * layout formula is broken on purpose, and leave the workbook exactly as it was (snapshot before = after), also
 * when the write fails half-way.
 */
import { createMemoryExcel, type MemoryExcel } from "../../src/memory-excel";
import { createHyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";
import { runSelfTest, examplePlan, type SelfTestReport } from "../../src/excel/self-test";
import { writePlan } from "../../src/excel/writer";
import { columnIndexOf, columnLetter, firstDataRow, listTable } from "../../src/workbook";
import { formatSelfTestReport } from "../../src/taskpane/Diagnostics/report";

const HOST = { host: "in-memory Excel", platform: "jest", version: null, displayLanguage: "en-US" };

/** A person's workbook: their own data, and a sheet of theirs that happens to be called "Goals". */
async function usersWorkbook(): Promise<MemoryExcel> {
  const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B2").values = [["Budget", 1200], ["Spent", 800]];
    sheet.getRange("C2").formulas = [["=B1-B2"]];
    context.workbook.worksheets.add("Goals").getRange("A1").values = [["my own notes"]];
    sheet.activate();
    await context.sync();
  });
  return excel;
}

const snapshotOf = (excel: MemoryExcel) => JSON.stringify(excel.snapshot());
const checkOf = (report: SelfTestReport, key: string) => report.checks.find((c) => c.key === key);

describe("self-test on the in-memory Excel", () => {
  test("passes on the product in a workbook without a plan, and leaves it exactly as it was", async () => {
    const excel = await usersWorkbook();
    const before = snapshotOf(excel);
    const report = await runSelfTest((batch) => excel.run(batch), { host: HOST, supports: null, language: "en-US" });
    expect(report.checks.filter((c) => !c.passed)).toEqual([]);
    expect(report.status).toBe("passed");
    expect(report.checks.map((c) => c.key)).toEqual(["blankWorkbook", "write", "readBack", "formulaErrors", "numbers", "validation", "charts", "cleanup"]);
    expect(checkOf(report, "numbers")!.checked).toBeGreaterThan(100);
    expect(checkOf(report, "validation")!.checked).toBeGreaterThan(10);
    expect(checkOf(report, "charts")!.checked).toBeGreaterThanOrEqual(3);
    expect(snapshotOf(excel)).toBe(before);
  });

  test("passes in zh-CN too", async () => {
    const excel = await usersWorkbook();
    const before = snapshotOf(excel);
    const report = await runSelfTest((batch) => excel.run(batch), { host: HOST, supports: null, language: "zh-CN" });
    expect(report.checks.filter((c) => !c.passed)).toEqual([]);
    expect(snapshotOf(excel)).toBe(before);
  });

  test("one layout formula broken on purpose (Goals attainment doubled): fails, the report names the cell and both numbers", async () => {
    const goals = listTable("PIP_Goals");
    const column = goals.columns.find((c) => c.key === "attainment")!;
    const original = column.formula!;
    column.formula = (f) => `2*(${original(f)})`;
    const excel = await usersWorkbook();
    const before = snapshotOf(excel);
    let report: SelfTestReport;
    try {
      report = await runSelfTest((batch) => excel.run(batch), { host: HOST, supports: null, language: "en-US" });
    } finally {
      column.formula = original;
    }
    expect(report.status).toBe("failed");
    const numbers = checkOf(report, "numbers")!;
    expect(numbers.passed).toBe(false);
    const cell = `${columnLetter(columnIndexOf(goals, "attainment"))}${firstDataRow(goals)}`;
    // The person's own "Goals" sheet stays theirs: the test's Goals sheet is "Goals (2)".
    const problem = numbers.problems.find((p) => p.place === `Goals (2)!${cell}`);
    expect(problem).toBeDefined();
    expect(problem!.subject).toMatch(/^G1 · /);
    expect(Number(problem!.actual)).toBeCloseTo(2 * Number(problem!.expected), 9);
    expect(checkOf(report, "cleanup")!.passed).toBe(true);
    const text = formatSelfTestReport(report, "en-US");
    expect(text).toContain("FAILED");
    expect(text).toContain(`Goals (2)!${cell} G1 · `);
    expect(snapshotOf(excel)).toBe(before);
  });

  test("a write that fails half-way (a formula Excel refuses): the failure is reported and every added sheet is removed", async () => {
    const goals = listTable("PIP_Goals");
    const column = goals.columns.find((c) => c.key === "pace")!;
    const original = column.formula!;
    column.formula = () => "SUM(";
    const excel = await usersWorkbook();
    const before = snapshotOf(excel);
    let report: SelfTestReport;
    try {
      report = await runSelfTest((batch) => excel.run(batch), { host: HOST, supports: null, language: "en-US" });
    } finally {
      column.formula = original;
    }
    expect(report.status).toBe("failed");
    expect(checkOf(report, "write")).toMatchObject({ passed: false });
    expect(checkOf(report, "write")!.problems[0].actual).not.toBe("");
    expect(checkOf(report, "cleanup")).toMatchObject({ passed: true });
    expect(snapshotOf(excel)).toBe(before);
  });

  test("outside Office (no Office.js) the report says so instead of naming a host", async () => {
    const excel = await usersWorkbook();
    const report = await runSelfTest((batch) => excel.run(batch), { language: "en-US" });
    expect(report.host.host).toBeNull();
    expect(report.excelApi).toBeNull();
    expect(formatSelfTestReport(report, "en-US")).toContain("Host: not Office (the in-memory Excel of the preview or the tests)");
  });

  test("a workbook that holds a plan: not run, nothing written, and the report says to open a blank workbook", async () => {
    const excel = await usersWorkbook();
    await excel.run((context) => writePlan(context, examplePlan(), { language: "en-US", asOf: "2024-05-01" }));
    const before = snapshotOf(excel);
    const report = await runSelfTest((batch) => excel.run(batch), { host: HOST, supports: null });
    expect(report.status).toBe("notRun");
    expect(report.checks.map((c) => [c.key, c.passed])).toEqual([["blankWorkbook", false]]);
    expect(formatSelfTestReport(report, "en-US")).toContain("blank workbook");
    expect(snapshotOf(excel)).toBe(before);
  });

  test("the report lists the requirement sets the host supports", async () => {
    const excel = await usersWorkbook();
    const report = await runSelfTest((batch) => excel.run(batch), {
      host: { host: "Excel", platform: "PC", version: "16.0.17928.20114", displayLanguage: "zh-CN" },
      supports: (set, version) => set === "ExcelApi" && Number(version.split(".")[1]) <= 17,
    });
    expect(report.excelApi).toEqual(Array.from({ length: 17 }, (_, i) => `1.${i + 1}`));
    const text = formatSelfTestReport(report, "zh-CN");
    expect(text).toContain("宿主：Excel · 平台：PC · 版本：16.0.17928.20114");
    expect(text).toContain("ExcelApi 1.1–1.17");
  });
});
