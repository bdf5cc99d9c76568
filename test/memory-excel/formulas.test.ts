import { createMemoryExcel, type MemoryExcel } from "../../src/memory-excel";
import { HyperFormula } from "hyperformula";
import { createHyperFormulaEngine, rowFree } from "../../src/memory-excel/hyperformula-engine";
import type { FormulaEngine } from "../../src/memory-excel";
import { createWorkbookPort } from "../../src/excel/office-port";
import { examplePlan } from "../excel/support";

/** Tracking rows: goal, date serial, actual. Expected numbers below are computed from these rows in plain JS. */
const ROWS: [string, number, number][] = [
  ["G1", 45383, 10],
  ["G2", 45384, 4],
  ["G1", 45390, 7.5],
  ["G1", 45400, 3],
  ["G2", 45401, 9],
];

async function tracking(sheetName: string): Promise<MemoryExcel> {
  const excel = createMemoryExcel({ engine: createHyperFormulaEngine(), sheets: ["概览 Overview", sheetName] });
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetName);
    ws.getRange("A1:C1").values = [["Goal", "Date", "Actual"]];
    ws.getRange(`A2:C${ROWS.length + 1}`).values = ROWS;
    await context.sync();
  });
  return excel;
}

async function compute(excel: MemoryExcel, sheet: string, formulas: string[]): Promise<unknown[]> {
  return excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const r = ws.getRange(`A1:A${formulas.length}`);
    r.formulas = formulas.map((f) => [f]);
    r.load("values");
    await context.sync();
    return r.values.map((row) => row[0]);
  });
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("formulas computed by HyperFormula behind range.formulas", () => {
  test("SUMIFS, COUNTIFS, MAXIFS with TRUE(), cross-sheet to a sheet name with spaces and Chinese", async () => {
    const excel = await tracking("跟踪 记录");
    const t = "'跟踪 记录'";
    const got = await compute(excel, "概览 Overview", [
      `=SUMIFS(${t}!C:C,${t}!A:A,"G1")`,
      `=COUNTIFS(${t}!A:A,"G1",${t}!B:B,">="&45390)`,
      `=MAXIFS(${t}!B:B,${t}!A:A,"G2")`,
      `=IF(TRUE(),SUMIFS(${t}!C2:C6,${t}!B2:B6,"<="&45390),0)`,
    ]);
    const g1 = ROWS.filter((r) => r[0] === "G1");
    expect(got).toEqual([
      sum(g1.map((r) => r[2])),
      g1.filter((r) => r[1] >= 45390).length,
      Math.max(...ROWS.filter((r) => r[0] === "G2").map((r) => r[1])),
      sum(ROWS.filter((r) => r[1] <= 45390).map((r) => r[2])),
    ]);
  });

  test("INDEX/MATCH and IFERROR; errors read back as Excel's error strings", async () => {
    const excel = await tracking("Data");
    const got = await compute(excel, "概览 Overview", [
      `=INDEX(Data!C2:C6,MATCH(45400,Data!B2:B6,0))`,
      `=IFERROR(MATCH(1,Data!B2:B6,0),"none")`,
      `=1/0`,
      `=MATCH(1,Data!B2:B6,0)`,
      `=NOSUCHFUNCTION(1)`,
      `="a"+1`,
    ]);
    expect(got).toEqual([ROWS.find((r) => r[1] === 45400)![2], "none", "#DIV/0!", "#N/A", "#NAME?", "#VALUE!"]);
  });

  test("an unquoted Chinese sheet name in a formula works (the engine gets it quoted)", async () => {
    const excel = await tracking("跟踪");
    const got = await compute(excel, "概览 Overview", ["=SUM(跟踪!C2:C6)"]);
    expect(got).toEqual([sum(ROWS.map((r) => r[2]))]);
  });

  test("renaming a sheet rewrites formulas that name it, and they still compute", async () => {
    const excel = await tracking("Tracking log");
    await compute(excel, "概览 Overview", ["=SUM('Tracking log'!C:C)"]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Tracking log").name = "跟踪 记录";
      await context.sync();
    });
    expect(excel.getCellFormula("概览 Overview", "A1")).toBe("=SUM('跟踪 记录'!C:C)");
    expect(excel.getCellValue("概览 Overview", "A1")).toBe(sum(ROWS.map((r) => r[2])));
    excel.renameSheet("跟踪 记录", "Log");
    expect(excel.getCellFormula("概览 Overview", "A1")).toBe("=SUM(Log!C:C)");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Log").getRange("C2").values = [[100]];
      await context.sync();
    });
    expect(excel.getCellValue("概览 Overview", "A1")).toBe(sum(ROWS.map((r) => r[2])) - ROWS[0][2] + 100);
  });

  test("whole-column references follow new rows", async () => {
    const excel = await tracking("Data");
    await compute(excel, "概览 Overview", ["=COUNT(Data!C:C)"]);
    await excel.setCellValues("Data", "A7", [["G3", 45410, 1]]);
    expect(excel.getCellValue("概览 Overview", "A1")).toBe(ROWS.length + 1);
  });

  test("a formula pointing at an empty cell reads 0, as in Excel; deleting a referenced sheet gives #REF!", async () => {
    const excel = await tracking("Data");
    await compute(excel, "概览 Overview", ["=Data!Z99", "=Data!C2"]);
    expect(excel.getCellValue("概览 Overview", "A1")).toBe(0);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").delete();
      await context.sync();
    });
    expect(excel.getCellFormula("概览 Overview", "A2")).toBe("=#REF!");
    expect(excel.getCellValue("概览 Overview", "A2")).toBe("#REF!");
  });

  test("a formula the engine cannot parse is refused with InvalidArgument", async () => {
    const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=SUM(1,"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a refused assignment writes nothing: the cells before and after the bad formula keep their content", async () => {
    const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
    await excel.setCellValues("Sheet1", "A1", [["old A1", "old B1", "old C1"]]);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = [["new A1", "+ ", "new C1"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(excel.setCellValues("Sheet1", "A1", [["new A1", "=SUM(1,", "new C1"]])).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(["A1", "B1", "C1"].map((a) => excel.getCellValue("Sheet1", a))).toEqual(["old A1", "old B1", "old C1"]);
  });

  test("structured references compute over the table's current rows and follow its growth", async () => {
    const excel = await tracking("Data");
    await excel.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Data").tables.add("A1:C6", true);
      t.name = "PIP_Tracking";
      context.workbook.worksheets.getItem("概览 Overview").getRange("A1:A3").formulas = [
        ["=SUM(PIP_Tracking[Actual])"],
        ['=SUMIFS(PIP_Tracking[Actual],PIP_Tracking[Goal],"G2")'],
        ["=ROWS(PIP_Tracking[#All])"],
      ];
      await context.sync();
    });
    expect(excel.getCellValue("概览 Overview", "A1")).toBe(sum(ROWS.map((r) => r[2])));
    await excel.setCellValues("Data", "A7", [["G2", 45420, 50]]);
    expect(excel.getCellValue("概览 Overview", "A1")).toBe(sum(ROWS.map((r) => r[2])) + 50);
    expect(excel.getCellValue("概览 Overview", "A2")).toBe(sum(ROWS.filter((r) => r[0] === "G2").map((r) => r[2])) + 50);
    expect(excel.getCellValue("概览 Overview", "A3")).toBe(ROWS.length + 2);
  });

  test("workbook.names loads as the writer and reader load it (items/name), and lists no defined name", async () => {
    const excel = await tracking("Data");
    await excel.run(async (context) => {
      const names = context.workbook.names;
      names.load("items/name");
      expect(() => names.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(names.items).toEqual([]);
    });
    expect(excel.snapshot().names).toEqual([]);
  });
});

describe("the formula check behind strict formulas (parseError)", () => {
  const direct = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  afterAll(() => direct.destroy());

  test("a formula's shape is the formula with its references' rows set to 1; text, names and literals stay", () => {
    expect(rowFree("=$C7*2+SUM(B3:B40)")).toBe("=$C1*2+SUM(B1:B1)");
    expect(rowFree("=$C8*2+SUM(B4:B41)")).toBe(rowFree("=$C7*2+SUM(B3:B40)"));
    expect(rowFree('=IF(A5="B7",LOG10(A5),\'Q2 2024\'!$D$9)')).toBe('=IF(A1="B7",LOG10(A1),\'Q2 2024\'!$D$1)');
    expect(rowFree("=SUM('跟踪'!C2:C6)")).toBe("=SUM('跟踪'!C1:C1)");
    expect(rowFree("=SUM(3:5)+SUM(C:C)")).toBe("=SUM(1:1)+SUM(C:C)");
    // Not given back as written (a sheet name unquoted): no shape, the formula is checked as it is.
    expect(rowFree("=SUM(跟踪!C2:C6)")).toBeNull();
  });

  test("gives HyperFormula's own verdict for every formula a PIP save checks, and for broken ones", async () => {
    // Every formula the in-memory Excel asks the engine about while the example plan is written, in both languages.
    const asked: string[] = [];
    const inner = createHyperFormulaEngine();
    const engine = new Proxy(inner, {
      get(target, key) {
        if (key === "parseError") return (f: string) => (asked.push(f), target.parseError(f));
        const value = Reflect.get(target, key) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    }) as FormulaEngine;
    const excel = createMemoryExcel({ engine, sheets: [] });
    const port = createWorkbookPort((batch) => excel.run(batch), { asOf: "2024-05-15" });
    await port.writePlan(examplePlan(), { language: "zh-CN" });
    await port.writePlan(examplePlan(), { language: "en-US" });
    const broken = ["=SUM(A1:A3", "=A1+", "=1+*2", "=IF(,", '="unclosed', "=SUM(A1:A3))", "=A1:", "=$A$", "=LOG10(", "=(A7"];
    const formulas = [...new Set([...asked, ...broken])];
    expect(asked.length).toBeGreaterThan(200);
    const verdicts = formulas.map((f) => [f, inner.parseError(f) === null]);
    expect(verdicts).toEqual(formulas.map((f) => [f, direct.validateFormula(f)]));
    expect(broken.every((f) => inner.parseError(f) !== null)).toBe(true);
    // Asked again (from what it kept), the same answers.
    expect(formulas.map((f) => [f, inner.parseError(f) === null])).toEqual(verdicts);
  });
});
