import { writePlan } from "../../src/excel/writer";
import { readPlan } from "../../src/excel/reader";
import type { MemoryExcelCommand } from "../../src/memory-excel";
import { TABLES, columnIndexOf, columnLetter, firstDataRow, listTable, defaultSheetNames } from "../../src/workbook";
import { memoryExcel, sizedPlan } from "./support";

const FIVE_MB = 5 * 1024 * 1024;

describe("writer: syncs and request bytes (in-memory Excel stand-in)", () => {
  test("20 goals, 100 actions, 1,000 check-ins: ≤ 3 syncs, every batch < 5 MB; reading it back is 1 sync", async () => {
    const plan = sizedPlan(20, 100, 1000);
    const { excel } = memoryExcel(false);
    const report = await excel.run((ctx) => writePlan(ctx, plan, { language: "zh-CN" }));
    expect(excel.stats.syncs).toBeLessThanOrEqual(3);
    expect(report.syncs).toBe(excel.stats.syncs);
    for (const bytes of excel.stats.batchBytes) expect(bytes).toBeLessThan(FIVE_MB);
    // the writer's own estimate of each batch bounds what the stand-in measured, within 25 %
    expect(report.batchBytes).toHaveLength(excel.stats.batchBytes.length);
    report.batchBytes.forEach((estimate, i) => {
      expect(estimate).toBeGreaterThanOrEqual(excel.stats.batchBytes[i]);
      expect(estimate).toBeLessThan(excel.stats.batchBytes[i] * 1.25 + 1000);
    });
    excel.resetStats();
    const read = await excel.run((ctx) => readPlan(ctx));
    expect(excel.stats.syncs).toBe(1);
    expect(read.syncs).toBe(1);
    expect(read.plan?.tracking).toHaveLength(1000);
  }, 60_000);

  test("50 goals, 300 actions, 20,000 check-ins: split into batches that each stay under 5 MB", async () => {
    const plan = sizedPlan(50, 300, 20_000);
    const { excel } = memoryExcel(false);
    const report = await excel.run((ctx) => writePlan(ctx, plan, { language: "en-US", maxBatchBytes: 2_000_000 }));
    expect(excel.stats.batchBytes.length).toBeGreaterThan(2);
    for (const bytes of excel.stats.batchBytes) expect(bytes).toBeLessThan(2_000_000 * 1.25);
    expect(report.syncs).toBe(excel.stats.syncs);
    const read = await excel.run((ctx) => readPlan(ctx, { validate: false }));
    expect(read.plan?.tracking).toEqual(plan.tracking);
  }, 120_000);

  test("no rows.add; each table is one number-format then one formulas assignment, then tables.add", async () => {
    const commands: MemoryExcelCommand[] = [];
    const { excel } = memoryExcel(false);
    excel.onCommand((command) => commands.push(command));
    await excel.run((ctx) => writePlan(ctx, sizedPlan(5, 20, 65), { language: "en-US" }));
    expect(commands.filter((c) => /rows/i.test(c.o) && c.m === "add")).toEqual([]);
    const tableAdds = commands.filter((c) => c.m === "add" && /\.tables$/.test(c.o));
    expect(tableAdds.length).toBe(TABLES.length);
    for (const add of tableAdds) {
      const address = String((add as { a?: unknown[] }).a?.[0]);
      // exactly one 2-D formulas assignment over the whole table, queued before its tables.add
      const target = `${add.o.replace(/\.tables$/, "")}.getRange("${address}")`;
      const sets = commands.filter((c) => c.m === "set" && (c as { a?: unknown[] }).a?.[0] === "formulas" && c.o === target);
      if (sets.length === 0) {
        // A table declaring fillBlock (src/excel/ranges.ts): its header row in one assignment, then its first rows,
        // and Range.copyFrom for the rest, all before tables.add.
        const sheet = add.o.replace(/\.tables$/, "");
        const [from, to] = address.split(":");
        const headerRow = `${sheet}.getRange("${from}:${to.replace(/\d+$/, from.replace(/^[A-Z]+/, ""))}")`;
        const header = commands.findIndex((c) => c.m === "set" && (c as { a?: unknown[] }).a?.[0] === "formulas" && c.o === headerRow);
        expect({ address, header: header >= 0 }).toEqual({ address, header: true });
        const copies = commands.filter((c, i) => c.m === "copyFrom" && c.o.startsWith(`${sheet}.getRange(`) && i > header && i < commands.indexOf(add));
        expect(copies.length).toBeGreaterThan(0);
        continue;
      }
      expect({ address, sets: sets.length }).toEqual({ address, sets: 1 });
      expect(commands.indexOf(sets[0])).toBeLessThan(commands.indexOf(add));
      const formats = commands.filter((c) => c.m === "set" && (c as { a?: unknown[] }).a?.[0] === "numberFormat" && c.o === target);
      expect(commands.indexOf(formats[0])).toBeLessThan(commands.indexOf(sets[0]));
    }
    expect(commands.some((c) => c.m === "suspendApiCalculationUntilNextSync")).toBe(true);
  });
});

describe("writer: text is text (formula injection)", () => {
  const injections = [
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
  ];

  test.each(injections)("%j in notes, names, ids and titles is stored as that text and read back as it", async (text) => {
    const plan = sizedPlan(1, 1, 1);
    plan.tracking[0].note = text;
    plan.tracking[0].enteredBy = text;
    plan.goals[0].title = text;
    plan.header.employeeName = text;
    plan.adjustments[0].change = text;
    const { excel } = memoryExcel(true);
    await excel.run((ctx) => writePlan(ctx, plan, { language: "en-US" }));
    const t = listTable("PIP_Tracking");
    const noteCell = `${columnLetter(columnIndexOf(t, "note"))}${firstDataRow(t)}`;
    expect(excel.getCellValue("Tracking log", noteCell)).toBe(text);
    expect(excel.getCellFormula("Tracking log", noteCell)).toBe(text);
    const snapshotCell = excel.snapshot().sheets.find((s) => s.name === "Tracking log")!.cells.find((c) => c.address === noteCell)!;
    expect(snapshotCell.type).toBe("String");
    expect(snapshotCell.formula).toBeUndefined();
    const read = await excel.run((ctx) => readPlan(ctx));
    expect(read.plan?.tracking[0].note).toBe(text);
    expect(read.plan?.goals[0].title).toBe(text);
    expect(read.plan?.header.employeeName).toBe(text);
    expect(read.plan?.adjustments[0].change).toBe(text);
  });

  test("text in a number cell (read from a bad cell) is written back as text, not evaluated", async () => {
    const plan = sizedPlan(1, 1, 1);
    (plan.tracking[0] as { actual: unknown }).actual = "=1+1";
    const { excel } = memoryExcel(true);
    await excel.run((ctx) => writePlan(ctx, plan, { language: "en-US" }));
    const t = listTable("PIP_Tracking");
    expect(excel.getCellValue("Tracking log", `${columnLetter(columnIndexOf(t, "actual"))}${firstDataRow(t)}`)).toBe("=1+1");
  });
});

describe("writer: what the workbook looks like", () => {
  test("validation, highlights, protection, frozen headers, widths, print areas, hidden meta sheet", async () => {
    const plan = sizedPlan(3, 6, 10);
    const { excel } = memoryExcel(false);
    await excel.run((ctx) => writePlan(ctx, plan, { language: "en-US", asOf: "2024-05-15" }));
    const snap = excel.snapshot();
    const sheet = (name: string) => snap.sheets.find((s) => s.name === name)!;
    const names = defaultSheetNames("en-US");
    // the PIP sheets first, in layout order; the workbook's own Sheet1 is left alone after them
    expect(snap.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual([...Object.values(names), "Sheet1"]);
    expect(sheet("PIP_Meta").visibility).toBe("Hidden");
    expect(snap.tables.map((t) => t.name).sort()).toEqual(expect.arrayContaining(["PIP_Goals", "PIP_Tracking", "PIP_Header", "PIP_SignOff"]));

    const tracking = sheet(names.tracking);
    const dateRule = tracking.validations.find((v) => v.range.startsWith("A4"))!;
    expect(dateRule.rule?.date).toMatchObject({ operator: "Between" });
    expect(String(dateRule.rule?.date?.formula1)).toContain("Overview");
    expect(dateRule.errorAlert).toMatchObject({ showAlert: true, style: "Stop" });
    expect(dateRule.errorAlert.title).toMatch(/输入无效.*Invalid entry/);
    const goalRule = tracking.validations.find((v) => v.range.startsWith("B4"))!;
    expect(String(goalRule.rule?.list?.source)).toMatch(/^=Goals!\$A\$4:\$A\$\d+$/);
    expect(tracking.protection.protected).toBe(false);
    expect(tracking.frozenRows).toBe(3);
    expect(tracking.printArea).toMatch(/^A1:/);

    const goals = sheet(names.goals);
    expect(goals.protection.protected).toBe(true);
    expect(goals.protection.password).toBeNull();
    const directionRule = goals.validations.find((v) => v.range.startsWith("G4"))!;
    expect(directionRule.rule?.list?.source).toBe("Increase (higher is better),Decrease (lower is better)");
    const cell = (s: typeof goals, a: string) => s.cells.find((c) => c.address === a);
    expect(cell(goals, "B4")?.format?.locked).toBe(false); // title: input
    expect(cell(goals, "N4")?.format?.locked).toBeUndefined(); // attainment: formula, locked
    expect(goals.conditionalFormats.some((c) => String(c.rule?.formula).includes("Overview!$B$18"))).toBe(true);
    expect(goals.columns.find((c) => c.letter === "B")?.width).toBeGreaterThan(100);

    const actions = sheet(names.actions);
    expect(actions.conditionalFormats.some((c) => c.range.startsWith("A4") && String(c.rule?.formula).startsWith("=$L4"))).toBe(true);

    const overview = sheet(names.overview);
    expect(cell(overview, "E4")?.value).toBe(45427); // 2024-05-15 as the fixed as-of date
    const signOff = sheet(names.signOff);
    expect(signOff.cells.some((c) => String(c.value).startsWith("签字仅表示已收到并知悉本计划，不代表同意其内容"))).toBe(false);
    expect(signOff.cells.some((c) => String(c.value).includes("Signature confirms receipt, not agreement"))).toBe(true);
    expect(signOff.pageLayout.orientation).toBe("Portrait");
  });

  test("the as-of date is the live =TODAY() unless a date is given", async () => {
    const { excel } = memoryExcel(false);
    await excel.run((ctx) => writePlan(ctx, sizedPlan(1, 1, 0), { language: "zh-CN" }));
    expect(excel.getCellFormula("概览", "E4")).toBe("=TODAY()");
  });

  test("the Chinese workbook carries the Chinese acknowledgement wording", async () => {
    const { excel } = memoryExcel(false);
    await excel.run((ctx) => writePlan(ctx, sizedPlan(1, 1, 0), { language: "zh-CN" }));
    const signOff = excel.snapshot().sheets.find((s) => s.name === "签字确认")!;
    expect(signOff.cells.some((c) => String(c.value).startsWith("签字仅表示已收到并知悉本计划，不代表同意其内容"))).toBe(true);
  });
});

describe("writer: data validation stops bad typing (stand-in evaluates the rules)", () => {
  test("a check-in date outside the plan window, a goal id not in the list and a label not in the list are refused", async () => {
    const plan = sizedPlan(2, 2, 1);
    const { excel } = memoryExcel(true);
    await excel.run((ctx) => writePlan(ctx, plan, { language: "en-US" }));
    const typeIn = (sheet: string, cell: string, value: unknown) => excel.setCellValues(sheet, cell, [[value]], { mode: "type" });
    await expect(typeIn("Tracking log", "A4", "2025-03-01")).rejects.toThrow(/plan window/);
    await expect(typeIn("Tracking log", "A4", "2024-03-01")).resolves.toBeUndefined();
    await expect(typeIn("Tracking log", "B4", "G7")).rejects.toThrow(/goal ID/);
    await expect(typeIn("Tracking log", "B4", "G2")).resolves.toBeUndefined();
    await expect(typeIn("Goals", "G4", "Sideways")).rejects.toThrow(/drop-down/);
    await expect(typeIn("Goals", "I4", 1.5)).rejects.toThrow(/weight/);
  });
});

describe("writer: the user's own sheets are never touched", () => {
  test("a sheet the user named 'Goals' keeps its content; the PIP sheet becomes 'Goals (2)'", async () => {
    const { excel } = memoryExcel(false);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.add("Goals").getRange("A1").values = [["my own notes"]];
      await ctx.sync();
    });
    await excel.run((ctx) => writePlan(ctx, sizedPlan(1, 1, 1), { language: "en-US" }));
    expect(excel.getCellValue("Goals", "A1")).toBe("my own notes");
    expect(excel.snapshot().tables.find((t) => t.name === "PIP_Goals")?.sheet).toBe("Goals (2)");
    const read = await excel.run((ctx) => readPlan(ctx));
    expect(read.plan?.goals).toHaveLength(1);
    expect(read.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
