import { createWorkbookPort } from "../../src/excel/office-port";
import { isoToSerial } from "../../src/core/dates";
import { SHEET_NAMES } from "../../src/i18n/workbook";
import { columnIndexOf, columnLetter, firstDataRow, listTable, recordRowOf, recordTable } from "../../src/workbook";
import { compareAll, readColumn } from "../evaluation/support";
import { examplePlan, memoryExcel, sizedPlan } from "./support";

describe("nothing entered is lost: regenerating a workbook people have worked in", () => {
  test("tracking rows typed below the table, an adjustment, a signature and a goal added by hand all survive", async () => {
    const plan = sizedPlan(2, 4, 3, "en-US");
    plan.signOff[0] = { role: "employee", name: "", date: null, comment: "" };
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });

    // A manager types two check-ins right below the tracking table (Excel grows the table).
    await excel.setCellValues("Tracking log", "A7", [["2024-03-01", "G1", 12, "typed by hand", "", "王强"]]);
    await excel.setCellValues("Tracking log", "A8", [["2024-03-08", "G2", 0.04, "", "", "王强"]]);
    await excel.setCellValues("Adjustments", "A5", [["2024-07-01", "Replace a measure", "did not work", "王强"]]);
    // The employee signs on the printed page's table (unlocked input cells on a protected sheet).
    await excel.setCellValues("Sign-off", "B10", [["李娜", "2024-01-03", "received"]]);
    // Someone unprotects the Goals sheet and adds a goal row.
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").protection.unprotect();
      await ctx.sync();
    });
    await excel.setCellValues("Goals", "A6", [["G9", "Reach 10 by June", "", "件", 1, 10, "Increase (higher is better)", "Sum", 0, "2024-06-30", "Ratio"]]);

    // Regenerate from the original plan (a fresh port: it knows nothing of those edits).
    const fresh = createWorkbookPort(run);
    const report = await fresh.writePlan(plan, { language: "en-US" });
    expect(report.keptRows).toBe(5);
    const read = await fresh.readPlan();
    const tracking = read.plan!.tracking;
    expect(tracking).toHaveLength(5);
    expect(tracking.slice(3).map((t) => [t.date, t.goalId, t.actual, t.note])).toEqual([
      ["2024-03-01", "G1", 12, "typed by hand"],
      ["2024-03-08", "G2", 0.04, ""],
    ]);
    expect(read.plan!.adjustments.map((a) => a.change)).toContain("Replace a measure");
    expect(read.plan!.signOff[0]).toEqual({ role: "employee", name: "李娜", date: "2024-01-03", comment: "received" });
    expect(read.plan!.goals.map((g) => g.id)).toEqual(["G1", "G2", "G9"]);
  });

  test("upgrading the language keeps every row; the sheets get the new names", async () => {
    const plan = sizedPlan(2, 2, 4, "zh-CN");
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "zh-CN" });
    await excel.setCellValues("跟踪记录", "A8", [["2024-02-01", "G2", 3, "", "", ""]]);
    const report = await createWorkbookPort(run).writePlan(plan, { language: "en-US" });
    expect(report.keptRows).toBe(1);
    const names = excel.snapshot().sheets.map((s) => s.name);
    expect(names).toContain("Tracking log");
    expect(names).not.toContain("跟踪记录");
    const read = await createWorkbookPort(run).readPlan();
    expect(read.plan!.tracking).toHaveLength(5);
    expect(read.plan!.header.language).toBe("en-US");
  });

  test("a renamed sheet is found by its table and written in place", async () => {
    const plan = sizedPlan(2, 2, 2, "en-US");
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    excel.renameSheet("Tracking log", "Check-ins 2024");
    await excel.setCellValues("Check-ins 2024", "A6", [["2024-04-02", "G1", 5, "", "", ""]]);
    const read = await port.readPlan();
    expect(read.plan!.tracking).toHaveLength(3);
    expect(read.syncs).toBe(1);
    await port.writePlan(read.plan!, { language: "en-US" });
    const sheets = excel.snapshot().sheets.map((s) => s.name);
    expect(sheets.filter((s) => s === "Tracking log" || s === "Check-ins 2024")).toEqual(["Tracking log"]);
    expect((await port.readPlan()).plan!.tracking).toHaveLength(3);
  });
});

describe("rewriting over an earlier write", () => {
  test("PIP_ tables a sheet extra added are removed before the sheet is rewritten (no name clash)", async () => {
    const plan = sizedPlan(1, 1, 1, "en-US");
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Tracking log");
      ws.getRange("T3:U4").values = [["a", "b"], [1, 2]];
      ws.tables.add("T3:U4", true).name = "PIP_Extra";
      await ctx.sync();
    });
    await port.writePlan(plan, { language: "en-US" });
    expect(excel.snapshot().tables.map((t) => t.name)).not.toContain("PIP_Extra");
    expect((await port.readPlan()).plan!.tracking).toEqual(plan.tracking);
  });
});

describe("WorkbookPort over the in-memory Excel", () => {
  test("writePlan on an empty workbook: read (2: no PIP tables yet) + write + closing batch ≤ 4 syncs", async () => {
    const { excel, run } = memoryExcel(false);
    const report = await createWorkbookPort(run).writePlan(sizedPlan(20, 100, 1000), { language: "zh-CN" });
    expect(report.syncs).toBe(excel.stats.syncs);
    expect(report.syncs).toBeLessThanOrEqual(4);
    expect(report.batchBytes).toHaveLength(report.syncs);
    report.batchBytes.forEach((estimate, i) => expect(estimate).toBeGreaterThanOrEqual(excel.stats.batchBytes[i] * 0.9));
    expect(report.keptRows).toBe(0);
  }, 30_000);

  test("addTrackingEntry appends below the table (resized, no rows.add); the goal's numbers follow", async () => {
    const plan = sizedPlan(2, 2, 2, "en-US");
    const { excel, run } = memoryExcel(true);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US", asOf: "2024-12-31" });
    await port.addTrackingEntry({ date: "2024-05-01", goalId: "G1", actual: 10, note: "=not a formula", coachFeedback: "", enteredBy: "王强" });
    await port.addTrackingEntry({ date: "2024-05-08", goalId: "G1", actual: 20, note: "", coachFeedback: "", enteredBy: "王强" });
    const table = excel.snapshot().tables.find((t) => t.name === "PIP_Tracking")!;
    expect(table.range).toBe(`A3:${table.range.split(":")[1].replace(/\d+/, "")}7`);
    const read = await port.readPlan();
    expect(read.plan!.tracking.slice(2)).toEqual([
      { date: "2024-05-01", goalId: "G1", actual: 10, note: "=not a formula", coachFeedback: "", enteredBy: "王强" },
      { date: "2024-05-08", goalId: "G1", actual: 20, note: "", coachFeedback: "", enteredBy: "王强" },
    ]);
    const goals = listTable("PIP_Goals");
    const entries = excel.getCellValue("Goals", `${columnLetter(columnIndexOf(goals, "entries"))}${firstDataRow(goals)}`);
    expect(entries).toBe(read.plan!.tracking.filter((t) => t.goalId === "G1").length);
  });

  test("addTrackingEntry fills the empty row of an empty table; addAdjustment appends", async () => {
    const plan = sizedPlan(1, 1, 0, "zh-CN");
    const { run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "zh-CN" });
    await port.addTrackingEntry({ date: "2024-01-05", goalId: "G1", actual: 1, note: "", coachFeedback: "", enteredBy: "" });
    await port.addAdjustment({ date: "2024-02-01", change: "+延长", reason: "", approvedBy: "王强" });
    const read = await port.readPlan();
    expect(read.plan!.tracking).toEqual([{ date: "2024-01-05", goalId: "G1", actual: 1, note: "", coachFeedback: "", enteredBy: "" }]);
    expect(read.plan!.adjustments.map((a) => a.change)).toEqual(["延长培训至 7 月", "+延长"]);
    // a later write does not duplicate the rows added through the port
    const again = await port.writePlan(read.plan!, { language: "zh-CN" });
    expect(again.keptRows).toBe(0);
    expect((await port.readPlan()).plan!.tracking).toHaveLength(1);
  });

  test("highlightFindings lists the cells on the hidden meta sheet that the mark rule reads; selectCell selects", async () => {
    const plan = sizedPlan(2, 2, 2, "en-US");
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    await excel.setCellValues("Tracking log", "C4", [["oops"]]);
    const read = await port.readPlan();
    await port.highlightFindings(read.findings);
    const tracking = excel.snapshot().sheets.find((s) => s.name === "Tracking log")!;
    const markRule = tracking.conditionalFormats.find((c) => String(c.rule?.formula).includes("PIP_Meta"))!;
    const column = /PIP_Meta!\$([A-Z]+):/.exec(String(markRule.rule?.formula))![1];
    expect(excel.getCellValue("PIP_Meta", `${column}2`)).toBe("C4");
    await port.highlightFindings([]);
    expect(excel.getCellValue("PIP_Meta", `${column}2`)).toBe("");
    await port.selectCell("Tracking log", "C4");
    expect(excel.snapshot().activeSheet).toBe("Tracking log");
  });

  test("onTablesChanged calls back when a PIP table is edited, and not after unsubscribing", async () => {
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(sizedPlan(1, 1, 1, "en-US"), { language: "en-US" });
    const calls: number[] = [];
    const off = await port.onTablesChanged(() => calls.push(1));
    await excel.setCellValues("Tracking log", "D4", [["edited"]]);
    await excel.flushEvents();
    expect(calls).toHaveLength(1);
    off();
    await excel.setCellValues("Tracking log", "D4", [["again"]]);
    await excel.flushEvents();
    expect(calls).toHaveLength(1);
  });

  test("refreshEvaluation rewrites the Evaluation sheet from the plan the workbook holds now: a plan end typed on the Overview lists the new weeks, every number follows", async () => {
    const plan = examplePlan("en-US");
    const { excel, run } = memoryExcel(true);
    const port = createWorkbookPort(run, { asOf: "2024-06-30" });
    await port.writePlan(plan, { language: "en-US" });
    const wb = { excel, port, sheet: SHEET_NAMES.evaluation["en-US"], language: "en-US" as const, refresh: () => Promise.reject(new Error("unused")) };
    // The example's window is 2024-04-01 … 2024-06-30: 13 weeks per goal (W14 … W26), then the next goal's W14.
    const weeks = (n: number) => [...Array.from({ length: n }, (_, i) => `2024-W${14 + i}`), "2024-W14"];
    expect(readColumn(wb, "PIP_EvalPeriods", "period", 14)).toEqual(weeks(13));
    const header = recordTable("PIP_Header");
    await excel.setCellValues(SHEET_NAMES.overview["en-US"], `${columnLetter(header.anchor.col + 1)}${recordRowOf(header, "planEnd")}`, [[isoToSerial("2024-07-14")]]);
    // Until the refresh the sheet still lists the old weeks.
    expect(readColumn(wb, "PIP_EvalPeriods", "period", 14)).toEqual(weeks(13));
    await port.refreshEvaluation();
    expect(readColumn(wb, "PIP_EvalPeriods", "period", 16)).toEqual(weeks(15));
    expect(readColumn(wb, "PIP_EvalQuarters", "period", 4)).toEqual(["2024-Q2", "2024-Q3", "2024-Q2", "2024-Q3"]);
    compareAll(wb, { ...plan, header: { ...plan.header, planEnd: "2024-07-14" } }, "2024-06-30");
  }, 120_000);

  test("refreshEvaluation on a workbook without a plan changes nothing", async () => {
    const { excel, run } = memoryExcel(false);
    excel.workbookState.addSheet("Budget");
    await excel.setCellValues("Budget", "A1", [["my own numbers"]]);
    const before = JSON.stringify(excel.snapshot());
    await createWorkbookPort(run).refreshEvaluation();
    expect(JSON.stringify(excel.snapshot())).toBe(before);
  });
});
