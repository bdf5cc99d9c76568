/**
 * The crash-safe save's parts, one behaviour a test, on the in-memory Excel (a stand-in whose behaviours cite the
 * Office.js documentation or an OfficeDev issue; fault injection is in crash-safe*.test.ts): the preflight's
 * refusals, sheet names compared as Excel compares them, structured references that keep following PIP tables, the
 * recalculation after suspended calculation, the journal and an interrupted save finished.
 */
import { MemoryExcel, createMemoryExcel } from "../../src/memory-excel";
import { HyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";
import { createWorkbookPort } from "../../src/excel/office-port";
import { InterruptedSaveError, PreflightError } from "../../src/excel/port";
import { JOURNAL_CHUNK, journalColumn, journalOf, readJournal } from "../../src/excel/journal";
import { writePlan } from "../../src/excel/writer";
import type { Plan } from "../../src/core/model";
import { examplePlan as exampleIn } from "./support";
import { defaultSheetNames } from "../../src/workbook";

const examplePlan = (language: Plan["header"]["language"] = "zh-CN") => exampleIn(language);

function setup(engine = false) {
  const excel = createMemoryExcel({ engine: engine ? new HyperFormulaEngine() : null });
  const port = createWorkbookPort((batch) => excel.run(batch), { asOf: "2024-05-15", now: () => "2024-06-01T09:00:00.000Z" });
  return { excel, port };
}

describe("preflight: refused before anything changes", () => {
  test.each(["en-US", "zh-CN"] as const)("a Tracking log header typed over (%s): the pane's Save is refused naming the cell, nothing changed", async (language) => {
    const { excel, port } = setup();
    const plan = examplePlan(language);
    await port.writePlan(plan, { language });
    const tracking = defaultSheetNames(language).tracking;
    // the note column's header (D3) emptied in Excel, its cells kept: the reader cannot read that column
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(tracking);
      ws.protection.unprotect();
      ws.getRange("D3").values = [["x"]];
      await ctx.sync();
    });
    await port.readPlan();
    const before = excel.snapshot();
    const refused = (await port.writePlan(plan, { language }).catch((e: unknown) => e)) as PreflightError;
    expect(refused).toBeInstanceOf(PreflightError);
    expect(refused.reason).toBe("columnMissing");
    expect(refused.localized[language]).toContain(`${tracking}!D3`);
    expect(excel.snapshot()).toEqual(before);
  });

  test.each(["en-US", "zh-CN"] as const)("a PIP sheet protected with a password (%s): PreflightError naming it, the workbook snapshot unchanged", async (language) => {
    const { excel, port } = setup();
    const plan = examplePlan(language);
    await port.writePlan(plan, { language });
    const actions = defaultSheetNames(language).actions;
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(actions);
      ws.protection.unprotect();
      ws.protection.protect({ allowFormatCells: true }, "hr-secret");
      await ctx.sync();
    });
    const before = excel.snapshot();
    const more = { ...plan, tracking: [...plan.tracking, { ...plan.tracking[0], note: "one more" }] };
    const refused = (await port.writePlan(more, { language }).catch((e: unknown) => e)) as PreflightError;
    expect(refused).toBeInstanceOf(PreflightError);
    expect(refused.reason).toBe("sheetProtected");
    expect(refused.sheet).toBe(actions);
    expect(refused.localized["en-US"]).toBe(`${actions} is protected with a password. Unprotect it in Excel (Review › Unprotect Sheet) and save again; nothing was changed.`);
    expect(refused.localized["zh-CN"]).toBe(`工作表“${actions}”设置了密码保护。请在 Excel 中取消保护（审阅 › 撤消工作表保护）后再保存；工作簿未做任何改动。`);
    expect(excel.snapshot()).toEqual(before);
    // With the password removed the same save goes through and keeps every row.
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(actions).protection.unprotect("hr-secret");
      await ctx.sync();
    });
    await port.writePlan(more, { language });
    expect((await port.readPlan()).plan?.tracking).toHaveLength(plan.tracking.length + 1);
  });

  test("a user's table named pip_gaps (another case) blocks adding PIP_Gaps: nameTaken, nothing changed", async () => {
    const { excel, port } = setup();
    excel.workbookState.addSheet("Mine");
    await excel.setCellValues("Mine", "A1", [["a"], [1]]);
    await excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Mine").tables.add("A1:A2", true);
      t.name = "pip_gaps";
      await ctx.sync();
    });
    const before = excel.snapshot();
    const refused = (await port.writePlan(examplePlan("en-US"), { language: "en-US" }).catch((e: unknown) => e)) as PreflightError;
    expect(refused).toBeInstanceOf(PreflightError);
    expect(refused.reason).toBe("nameTaken");
    expect(refused.localized["en-US"]).toContain("“pip_gaps” (Mine)");
    expect(excel.snapshot()).toEqual(before);
  });
});

describe("sheet names compare ignoring case, as in Excel", () => {
  test.each([
    ["actions", "en-US", "Actions (2)"],
    ["ACTIONS", "en-US", "Actions (2)"],
    ["行动计划", "zh-CN", "行动计划 (2)"],
  ] as const)("a user's sheet %s beside a %s plan: the PIP sheet is %s, the user's sheet untouched", async (userSheet, language, pipName) => {
    const { excel, port } = setup();
    excel.workbookState.addSheet(userSheet);
    await excel.setCellValues(userSheet, "A1", [["my notes"]]);
    await port.writePlan(examplePlan(language), { language });
    expect(excel.getCellValue(userSheet, "A1")).toBe("my notes");
    const t = excel.workbookState.tables.find((x) => x.name === "PIP_Actions")!;
    expect(excel.workbookState.sheets.find((s) => s.id === t.sheetId)?.name).toBe(pipName);
    // A second save reuses the same sheets.
    await port.writePlan(examplePlan(language), { language });
    expect(excel.workbookState.sheets.filter((s) => s.name.toLowerCase().startsWith(pipName.slice(0, 4).toLowerCase()))).toHaveLength(2);
  });

  test("a sheet named '概览 ' (trailing space) is a different name: the PIP Overview is 概览 and both stay", async () => {
    const { excel, port } = setup();
    excel.workbookState.addSheet("概览 ");
    await excel.setCellValues("概览 ", "A1", [["我的"]]);
    await port.writePlan(examplePlan("zh-CN"), { language: "zh-CN" });
    expect(excel.getCellValue("概览 ", "A1")).toBe("我的");
    expect(excel.workbookState.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["概览", "概览 "]));
  });
});

describe("PIP tables stay in place: structured references elsewhere keep following them", () => {
  test("=SUM(PIP_Tracking[Actual]) and =COUNTIFS(PIP_Goals[Status],…) on a user's sheet through grow, shrink and a language switch", async () => {
    const { excel, port } = setup(true);
    const plan = examplePlan("en-US");
    await port.writePlan(plan, { language: "en-US" });
    excel.workbookState.addSheet("Dashboard");
    await excel.setCellValues("Dashboard", "A1", [["=SUM(PIP_Tracking[Actual])", "=COUNTIFS(PIP_Goals[Status],\"<>\")", "=ROWS(PIP_Tracking[Actual])"]]);
    const sum = (p: Plan) => p.tracking.reduce((s, e) => s + e.actual, 0);
    const check = (p: Plan) => {
      expect(excel.getCellValue("Dashboard", "A1")).toBeCloseTo(sum(p), 9);
      expect(excel.getCellValue("Dashboard", "B1")).toBe(p.goals.length);
      expect(excel.getCellValue("Dashboard", "C1")).toBe(p.tracking.length);
      expect(String(excel.getCellFormula("Dashboard", "A1"))).toMatch(/^=SUM\(PIP_Tracking\[/);
    };
    check(plan);
    const grown = { ...plan, tracking: [...plan.tracking, ...plan.tracking.slice(0, 3).map((e) => ({ ...e, note: `again ${e.date}` }))] };
    await port.writePlan(grown, { language: "en-US" });
    check(grown);
    const shrunk = { ...grown, tracking: grown.tracking.slice(0, 5) };
    await port.writePlan(shrunk, { language: "en-US" });
    check(shrunk);
    await port.writePlan({ ...shrunk, header: { ...shrunk.header, language: "zh-CN" } }, { language: "zh-CN" });
    check(shrunk);
    // The header followed the language: the reference now names the Chinese column, as Excel renames it.
    expect(excel.getCellFormula("Dashboard", "A1")).toMatch(/^=SUM\(PIP_Tracking\[\[?实际值\]?\]\)$/);
  });

  test("Table.convertToRange turns structured references elsewhere into A1 references that stop following the table", async () => {
    const excel = new MemoryExcel({ engine: new HyperFormulaEngine() });
    await excel.setCellValues("Sheet1", "A1", [["Actual"], [1], [2]]);
    await excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:A3", true);
      t.name = "T";
      ctx.workbook.worksheets.getItem("Sheet1").getRange("C1").formulas = [["=SUM(T[Actual])"]];
      await ctx.sync();
      ctx.workbook.tables.getItem("T").convertToRange();
      await ctx.sync();
    });
    expect(excel.getCellFormula("Sheet1", "C1")).toBe("=SUM($A$2:$A$3)");
    expect(excel.getCellValue("Sheet1", "C1")).toBe(3);
  });
});

describe("calculated columns, as Excel fills them (office-js 2093, 5909, 6745)", () => {
  test("distinct formulas written into an empty table column become the bottom-most formula, filled down", async () => {
    const excel = new MemoryExcel({ engine: new HyperFormulaEngine() });
    await excel.setCellValues("Sheet1", "A1", [["n", "f"], [1, ""], [2, ""], [3, ""]]);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:B4", true);
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:B4").formulas = [["=1+1"], ["=1+2"], ["=1+3"]];
      await ctx.sync();
    });
    expect([2, 3, 4].map((r) => excel.getCellFormula("Sheet1", `B${r}`))).toEqual(["=1+3", "=1+3", "=1+3"]);
  });

  test("a column that already holds data keeps distinct formulas written one cell at a time (the writer's way)", async () => {
    const excel = new MemoryExcel({ engine: new HyperFormulaEngine() });
    await excel.setCellValues("Sheet1", "A1", [["n", "f"], [1, 0], [2, 0], [3, 0]]);
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.tables.add("A1:B4", true);
      ["=A2*10", "=A3+100", "=A4-1"].forEach((f, i) => (ws.getRange(`B${i + 2}`).formulas = [[f]]));
      await ctx.sync();
    });
    expect([2, 3, 4].map((r) => excel.getCellValue("Sheet1", `B${r}`))).toEqual([10, 102, 2]);
  });
});

describe("recalculation after suspended calculation", () => {
  test("a save leaves no recalculation owed (application.calculate in its last batch)", async () => {
    const { excel, port } = setup();
    await port.writePlan(examplePlan(), { language: "zh-CN" });
    expect(excel.recalculationPending).toBe(false);
    await port.refreshEvaluation();
    expect(excel.recalculationPending).toBe(false);
  });

  test("the stand-in owes a recalculation after a batch that suspended calculation and did not calculate", async () => {
    const excel = new MemoryExcel({ engine: null });
    await excel.run(async (ctx) => {
      ctx.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
    });
    expect(excel.recalculationPending).toBe(true);
  });
});

describe("the save journal", () => {
  const plan = examplePlan();
  const journal = journalOf({ savedAt: "2024-06-01T09:00:00.000Z", language: "zh-CN", asOf: null, plan, extraColumns: {}, sheetNames: defaultSheetNames("zh-CN") });

  test("a long plan goes into chunks under Excel's cell limit and reads back whole, checked by its SHA-256", () => {
    const long = { ...journal, plan: { ...plan, header: { ...plan.header, title: "长".repeat(70_000) } } };
    const column = journalColumn(long);
    expect(column.slice(5).every((c) => c.length <= JOURNAL_CHUNK)).toBe(true);
    expect(column.length).toBeGreaterThan(7);
    const read = readJournal(column.map((v) => [v]));
    expect(read.state).toBe("interrupted");
    if (read.state === "interrupted") expect(read.journal.plan.header.title).toBe(long.plan.header.title);
  });

  test("a chunk edited by hand fails the hash: damaged, never a plan", () => {
    const column = journalColumn(journal);
    column[5] = column[5].replace("销售", "销量");
    expect(readJournal(column.map((v) => [v])).state).toBe("damaged");
  });

  test("without the marker there is no interrupted save", () => {
    const column = journalColumn(journal);
    column[1] = "";
    expect(readJournal(column.map((v) => [v])).state).toBe("none");
  });
});

describe("an interrupted save", () => {
  async function interrupted() {
    const { excel, port } = setup();
    const plan = examplePlan("en-US");
    await port.writePlan(plan, { language: "en-US" });
    const more = { ...plan, tracking: [...plan.tracking, { ...plan.tracking[0], note: "typed on Friday" }] };
    excel.failCommand(400);
    const error = await port.writePlan(more, { language: "en-US" }).catch((e: unknown) => e);
    excel.failCommand(null);
    return { excel, port, plan, more, error };
  }

  test("is reported by the reader (SAVE_INTERRUPTED first, both languages) instead of a plan to merge against", async () => {
    const { excel, error } = await interrupted();
    expect(error).toBeInstanceOf(InterruptedSaveError);
    const read = await createWorkbookPort((batch) => excel.run(batch)).readPlan();
    expect(read.interrupted?.journal).not.toBeNull();
    expect(read.findings[0].code).toBe("SAVE_INTERRUPTED");
    expect(read.findings[0].message["en-US"]).toContain("Finish the interrupted save");
    expect(read.findings[0].message["zh-CN"]).toContain("完成中断的保存");
  });

  test("finishInterruptedSave writes what the save was writing; the next writePlan finishes first and keeps every row", async () => {
    const { excel, more } = await interrupted();
    const fresh = createWorkbookPort((batch) => excel.run(batch));
    await fresh.finishInterruptedSave();
    expect((await fresh.readPlan()).plan?.tracking).toEqual(more.tracking);
    expect(await fresh.finishInterruptedSave()).toBeNull();

    const again = await interrupted();
    const pane = createWorkbookPort((batch) => again.excel.run(batch));
    // The pane still holds the plan it had before (without the Friday row): a retry must not drop that row.
    await pane.writePlan(again.plan, { language: "en-US" });
    const read = await pane.readPlan();
    expect(read.interrupted).toBeNull();
    expect(read.plan?.tracking.map((e) => e.note)).toContain("typed on Friday");
  });

  test("writing directly with the writer records the journal and leaves it empty when done", async () => {
    const excel = new MemoryExcel({ engine: null });
    await excel.run((ctx) => writePlan(ctx, examplePlan(), { language: "zh-CN" }));
    // Column A emptied (marker and content) by the closing batch.
    const column = ["A1", "A2", "A3", "A4", "A5", "A6"].map((a) => [excel.getCellValue("PIP_Journal", a)]);
    expect(column.flat().every((v) => v === "" || v === null)).toBe(true);
    expect(readJournal(column).state).toBe("none");
    expect(excel.workbookState.sheets.find((s) => s.name === "PIP_Journal")?.visibility).toBe("VeryHidden");
  });
});

describe("rows a table grows into carry the column's rules", () => {
  test("after a check-in from the pane (Table.resize) the next row's date refuses 'abc' and a date outside the window, as typed", async () => {
    const { excel, port } = setup(true);
    const plan = examplePlan("en-US");
    await port.writePlan(plan, { language: "en-US" });
    await port.addTrackingEntry({ ...plan.tracking[0], note: "from the pane" });
    const t = excel.workbookState.tables.find((x) => x.name === "PIP_Tracking")!;
    const sheet = defaultSheetNames("en-US").tracking;
    const appended = t.rect.r1 + 1; // A1 row of the table's last row (0-based r1)
    const below = appended + 1; // the row a manager types next, below the table
    for (const row of [appended, below]) {
      await expect(excel.setCellValues(sheet, `A${row}`, [["abc"]], { mode: "type" })).rejects.toThrow(/plan/i);
      await expect(excel.setCellValues(sheet, `A${row}`, [["2023-01-02"]], { mode: "type" })).rejects.toThrow(/plan/i);
    }
    await excel.setCellValues(sheet, `A${below}`, [["2024-05-06"]], { mode: "type" });
    expect(excel.getCellValue(sheet, `A${below}`)).toBe(45418);
  });
});

test("the journal holds no character XML cannot (U+FFFE in a title is escaped in the JSON and comes back)", () => {
  const plan = examplePlan();
  const odd = { ...plan, header: { ...plan.header, title: "计划\uFFFE\u000b" } };
  const column = journalColumn(journalOf({ savedAt: "t", language: "zh-CN", asOf: null, plan: odd, extraColumns: {}, sheetNames: defaultSheetNames("zh-CN") }));
  expect(column.some((c) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(c))).toBe(false);
  const read = readJournal(column.map((v) => [v]));
  expect(read.state === "interrupted" && read.journal.plan.header.title).toBe("计划\uFFFE\u000b");
});
