/**
 * Rewriting a workbook people have worked in keeps what they put on PIP sheets outside PIPbook's footprint, and
 * columns they added inside PIP tables; a rewrite that would cover their cells is refused before anything changes.
 * The workbook is the in-memory Excel stand-in (HyperFormula computing where a test reads a formula's result).
 */
import { createWorkbookPort } from "../../src/excel/office-port";
import { WorkbookConflictError } from "../../src/excel/rewrite";
import { columnLetter, listTable, moveRefs, renameSheets, shiftRows, translateStructured } from "../../src/workbook";
import type { Plan } from "../../src/core/model";
import type { MemoryExcel, WorkbookSnapshot } from "../../src/memory-excel";
import { memoryExcel, sizedPlan } from "./support";

const unprotect = (excel: MemoryExcel, sheet: string) =>
  excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).protection.unprotect();
    await ctx.sync();
  });

/** Adds a column at the table's right end, as Table Design → Insert column does. */
const addColumn = (excel: MemoryExcel, table: string, values: (string | number)[][]) =>
  excel.run(async (ctx) => {
    ctx.workbook.tables.getItem(table).columns.add(undefined, values);
    await ctx.sync();
  });

/** Every non-empty cell of a sheet: address → formula or value (of a snapshot already taken, or of one taken here). */
function cells(excel: MemoryExcel | WorkbookSnapshot, sheet: string): Record<string, unknown> {
  const snapshot = "snapshot" in excel ? excel.snapshot() : excel;
  const s = snapshot.sheets.find((x) => x.name === sheet)!;
  const out: Record<string, unknown> = {};
  for (const c of s.cells) if (c.formula !== undefined || (c.value !== null && c.value !== "")) out[c.address] = c.formula ?? c.value;
  return out;
}

function tableOf(excel: MemoryExcel, name: string) {
  return excel.snapshot().tables.find((t) => t.name === name)!;
}

describe("a rewrite clears only PIPbook's footprint", () => {
  test("a note beside a table and a small table of the user's own on a PIP sheet stay where they are", async () => {
    const plan = sizedPlan(2, 3, 4, "en-US");
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    await unprotect(excel, "Goals");
    await excel.setCellValues("Goals", "P2", [["Ask HR about the training budget"]]);
    await excel.setCellValues("Tracking log", "R20", [["Week", "Calls"], [1, 14], [2, 17]]);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Tracking log").tables.add("R20:S22", true).name = "MyCalls";
      await ctx.sync();
    });

    await createWorkbookPort(run).writePlan({ ...plan, goals: plan.goals.map((g) => ({ ...g, title: `${g.title} (v2)` })) }, { language: "en-US" });

    expect(excel.getCellValue("Goals", "P2")).toBe("Ask HR about the training budget");
    expect(cells(excel, "Tracking log")).toMatchObject({ R20: "Week", S20: "Calls", R21: 1, S21: 14, R22: 2, S22: 17 });
    expect(tableOf(excel, "MyCalls").range).toBe("R20:S22");
    expect((await port.readPlan()).plan!.goals[0].title).toMatch(/\(v2\)$/);
  });

  test("after a rewrite with fewer rows, PIPbook's cells are exactly those of a fresh write (nothing of the old version is left)", async () => {
    const big = sizedPlan(4, 12, 30, "zh-CN");
    const small: Plan = { ...big, goals: big.goals.slice(0, 2), causes: big.causes.slice(0, 2), actions: big.actions.filter((a) => ["G1", "G2"].includes(a.goalId)).slice(0, 3), tracking: big.tracking.filter((t) => ["G1", "G2"].includes(t.goalId)).slice(0, 5) };
    small.goals = small.goals.map((g) => ({ ...g, weight: 0.5 }));
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run, { asOf: "2024-06-30" });
    await port.writePlan(big, { language: "zh-CN" });
    // The same port deletes what it wrote before (its base), so the rewrite holds exactly `small`.
    await port.writePlan(small, { language: "en-US" });

    const fresh = memoryExcel(false);
    await createWorkbookPort(fresh.run, { asOf: "2024-06-30" }).writePlan(small, { language: "en-US" });
    // One snapshot of each workbook serves every sheet's comparison.
    const [rewritten, written] = [excel.snapshot(), fresh.excel.snapshot()];
    const names = written.sheets.map((s) => s.name);
    expect(rewritten.sheets.map((s) => s.name)).toEqual(names);
    // Not the journal sheet: it keeps the seal of what was signed (the big plan), by design (test/excel/seal.test.ts).
    for (const sheet of names.filter((n) => n !== "PIP_Journal")) expect({ sheet, cells: cells(rewritten, sheet) }).toEqual({ sheet, cells: cells(written, sheet) });
  });
});

describe("columns a person added inside a PIP table come back after a rewrite", () => {
  test("a note column and a formula column in the Goals table follow their goals by id, also into the other language", async () => {
    const plan = sizedPlan(3, 5, 3, "zh-CN");
    const { excel, run } = memoryExcel(true);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "zh-CN" });
    await unprotect(excel, "改进目标");
    await addColumn(excel, "PIP_Goals", [["经理备注"], ["G1 需要更多客户拜访"], ["'=不是公式"], ["'+86 138 0000 0000"]]);
    await addColumn(excel, "PIP_Goals", [["两倍目标"], ["=[@目标值]*2"], ["=[@目标值]*2"], ["=[@目标值]*2"]]);
    await addColumn(excel, "PIP_Goals", [["A1 式"], ["=F4*2"], ["=F5*2"], ["=F6*2"]]);
    await addColumn(excel, "PIP_Goals", [["行动数"], ["=COUNTIFS(PIP_Actions[[所属目标]],[@目标编号])"], ["=COUNTIFS(PIP_Actions[[所属目标]],[@目标编号])"], ["=COUNTIFS(PIP_Actions[[所属目标]],[@目标编号])"]]);
    const before = tableOf(excel, "PIP_Goals");
    expect(before.headers.slice(-4)).toEqual(["经理备注", "两倍目标", "A1 式", "行动数"]);

    // The pane reorders the goals and switches the workbook to English.
    const reordered: Plan = { ...plan, header: { ...plan.header, language: "en-US" }, goals: [...plan.goals].reverse() };
    await port.writePlan(reordered, { language: "en-US" });

    const after = tableOf(excel, "PIP_Goals");
    expect(after.headers.slice(-4)).toEqual(["经理备注", "两倍目标", "A1 式", "行动数"]);
    const [start] = after.range.split(":");
    expect(start).toBe("A3");
    const note = after.headers.length - 4;
    const letter = columnLetter;
    const ids = [4, 5, 6].map((r) => excel.getCellValue("Goals", `A${r}`));
    expect(ids).toEqual(["G3", "G2", "G1"]);
    expect([4, 5, 6].map((r) => excel.getCellValue("Goals", `${letter(note)}${r}`))).toEqual(["+86 138 0000 0000", "=不是公式", "G1 需要更多客户拜访"]);
    // Structured references in the new language; an A1 reference follows its row, as a copied cell does.
    expect([4, 5, 6].map((r) => excel.getCellFormula("Goals", `${letter(note + 1)}${r}`))).toEqual(["=[@[Target]]*2", "=[@[Target]]*2", "=[@[Target]]*2"]);
    expect([4, 5, 6].map((r) => excel.getCellValue("Goals", `${letter(note + 1)}${r}`))).toEqual([47 * 2, 0.03 * 2, 45 * 2]);
    expect([4, 5, 6].map((r) => excel.getCellFormula("Goals", `${letter(note + 2)}${r}`))).toEqual(["=F4*2", "=F5*2", "=F6*2"]);
    expect([4, 5, 6].map((r) => excel.getCellValue("Goals", `${letter(note + 2)}${r}`))).toEqual([47 * 2, 0.03 * 2, 45 * 2]);
    // A reference to another PIP table (rewritten in the same batch) finds it: actions per goal, G3 / G2 / G1.
    expect(excel.getCellFormula("Goals", `${letter(note + 3)}4`)).toBe("=COUNTIFS(PIP_Actions[[Goal ID]],[@[Goal ID]])");
    expect([4, 5, 6].map((r) => excel.getCellValue("Goals", `${letter(note + 3)}${r}`))).toEqual([1, 2, 2]);

    const read = await port.readPlan();
    expect(read.findings.filter((f) => f.code === "COLUMN_MOVED" || f.code === "COLUMN_MISSING")).toEqual([]);
  });

  test("a column inserted mid-table comes back at the end; its references follow Target back to F, to other goals' rows, and leave another sheet's cells alone", async () => {
    const plan = sizedPlan(3, 3, 3, "en-US");
    const { excel, run } = memoryExcel(true);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    await unprotect(excel, "Goals");
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Notes");
      ws.getRange("B4:B6").values = [["note G1"], ["note G2"], ["note G3"]];
      // Inserted as the third column: Target (F) moves to G.
      ctx.workbook.tables.getItem("PIP_Goals").columns.add(2, [["Mine"], ["=G4*2&Notes!B4"], ["=G4+G5"], ["=$G$6&Notes!B6"]]);
      await ctx.sync();
    });
    expect(excel.getCellValue("Goals", "C4")).toBe("90note G1");
    const read = await port.readPlan();
    expect(read.findings.some((f) => f.code === "COLUMN_MOVED")).toBe(true);

    // The pane deletes G1 and keeps G2, G3.
    await port.writePlan({ ...read.plan!, goals: read.plan!.goals.slice(1) }, { language: "en-US" });
    const t = tableOf(excel, "PIP_Goals");
    expect(t.headers.at(-1)).toBe("Mine");
    expect(t.headers[5]).toBe("Target");
    const mine = t.range.split(":")[1].replace(/\d+$/, "");
    // G2 was in row 5, now row 4: its formula named G1's row (deleted: #REF!, as in Excel) and its own row.
    expect(excel.getCellFormula("Goals", `${mine}4`)).toBe("=#REF!+F4");
    expect(excel.getCellFormula("Goals", `${mine}5`)).toBe("=$F$5&Notes!B6");
    expect(excel.getCellValue("Goals", `${mine}5`)).toBe("47note G3");
    expect((await port.readPlan()).findings.some((f) => f.code === "COLUMN_MOVED")).toBe(false);
  });

  test("a column in the Tracking log keeps each entry's remark (matched by the row's content); a new check-in keeps the table that wide", async () => {
    const plan = sizedPlan(2, 2, 3, "en-US");
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    await addColumn(excel, "PIP_Tracking", [["Remark"], ["first call"], [""], ["third call"]]);
    expect(tableOf(excel, "PIP_Tracking").range).toBe("A3:I6");

    await port.addTrackingEntry({ date: "2024-06-03", goalId: "G2", actual: 7, note: "", coachFeedback: "", enteredBy: "王强" });
    expect(tableOf(excel, "PIP_Tracking").range).toBe("A3:I7");
    await excel.setCellValues("Tracking log", "I7", [["fourth, typed in the new row"]]);

    // A rewrite that drops the second entry: the remarks stay with their entries.
    const read = await port.readPlan();
    const tracking = read.plan!.tracking.filter((_, i) => i !== 1);
    await port.writePlan({ ...read.plan!, tracking }, { language: "en-US" });
    expect(tableOf(excel, "PIP_Tracking").range).toBe("A3:I6");
    expect([4, 5, 6].map((r) => excel.getCellValue("Tracking log", `I${r}`))).toEqual(["first call", "third call", "fourth, typed in the new row"]);
  });
});

describe("user columns on rows the plan does not line up with", () => {
  test("a formula column filled down an empty Tracking log adds no phantom check-in; a note typed on that empty row refuses the rewrite", async () => {
    const plan = sizedPlan(2, 2, 0, "en-US");
    const { excel, run } = memoryExcel(true);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    await addColumn(excel, "PIP_Tracking", [["Double"], ["=[@Actual]*2"]]);
    const read = await port.readPlan();
    expect(read.plan!.tracking).toEqual([]);
    expect(read.findings.filter((f) => f.location.sheet === "Tracking log")).toEqual([]);
    await port.writePlan(plan, { language: "en-US" });
    expect(tableOf(excel, "PIP_Tracking").headers.at(-1)).toBe("Double");

    // Someone types over the formula on that empty row.
    await excel.setCellValues("Tracking log", "I4", [["call HR first"]]);
    const before = excel.snapshot();
    const refused = (await port.writePlan(plan, { language: "en-US" }).catch((e: unknown) => e)) as WorkbookConflictError;
    expect(refused).toBeInstanceOf(WorkbookConflictError);
    expect(refused.cells).toEqual([{ sheet: "Tracking log", cell: "I4", reason: "loose" }]);
    expect(refused.localized["en-US"]).toContain("Tracking log!I4 holds what you typed in a column you added, on a table row with no plan data");
    expect(excel.snapshot()).toEqual(before);
  });

  test("a total typed on a table row with no plan data refuses the rewrite; the column's own formula filled down does not", async () => {
    const plan = sizedPlan(2, 2, 2, "en-US");
    const { excel, run } = memoryExcel(true);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    await addColumn(excel, "PIP_Tracking", [["Double"], ["=[@Actual]*2"], ["=[@Actual]*2"]]);
    // The row below the table: Excel takes it in, and fills the column's formula down into it.
    await excel.setCellValues("Tracking log", "I6", [["=[@Actual]*2"]]);
    expect(tableOf(excel, "PIP_Tracking").range).toBe("A3:I6");
    await port.writePlan(plan, { language: "en-US" });
    expect(tableOf(excel, "PIP_Tracking").range).toBe("A3:I5");

    await excel.setCellValues("Tracking log", "I6", [["=SUM(I4:I5)"]]);
    const refused = (await port.writePlan(plan, { language: "en-US" }).catch((e: unknown) => e)) as WorkbookConflictError;
    expect(refused).toBeInstanceOf(WorkbookConflictError);
    expect(refused.cells).toEqual([{ sheet: "Tracking log", cell: "I6", reason: "loose" }]);
  });

  test("a resource edited in the pane keeps its remark (rows matched by content, then the edited one by order)", async () => {
    const plan = sizedPlan(2, 2, 2, "en-US");
    plan.resources = [
      { what: "Product training", provider: "HR", due: "2024-01-15", delivered: true },
      { what: "CRM licence", provider: "IT", due: "2024-02-01", delivered: false },
    ];
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    await unprotect(excel, "Resources & responsibilities");
    await addColumn(excel, "PIP_Resources", [["Remark"], ["booked"], ["ordered"]]);
    const edited: Plan = { ...plan, resources: [plan.resources[0], { ...plan.resources[1], provider: "IT help desk" }] };
    await port.writePlan(edited, { language: "en-US" });
    const t = tableOf(excel, "PIP_Resources");
    expect(t.headers.at(-1)).toBe("Remark");
    const last = t.range.split(":")[1].replace(/\d+$/, "");
    expect([4, 5].map((r) => excel.getCellValue("Resources & responsibilities", `${last}${r}`))).toEqual(["booked", "ordered"]);
  });

  test("a column added to an empty Adjustments table comes back with its header", async () => {
    const plan = sizedPlan(2, 2, 2, "en-US");
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    await addColumn(excel, "PIP_Adjustments", [["Approved on"], [""]]);
    await port.writePlan(plan, { language: "en-US" });
    expect(tableOf(excel, "PIP_Adjustments").headers.at(-1)).toBe("Approved on");
  });

  test("a column added beside the Overview's label/value table stays where it was, as plain cells", async () => {
    const plan = sizedPlan(2, 2, 2, "en-US");
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    await unprotect(excel, "Overview");
    const rows = tableOf(excel, "PIP_Header").range.split(":")[1].replace(/^[A-Z]+/, "");
    await excel.run(async (ctx) => {
      const values = Array.from({ length: Number(rows) - 3 + 1 }, (_, i) => [i === 0 ? "HR note" : i === 1 ? "HR asked to confirm" : ""]);
      ctx.workbook.tables.getItem("PIP_Header").columns.add(undefined, values);
      await ctx.sync();
    });
    await port.writePlan(plan, { language: "en-US" });
    expect(excel.getCellValue("Overview", "C3")).toBe("HR note");
    expect(excel.getCellValue("Overview", "C4")).toBe("HR asked to confirm");
    expect(tableOf(excel, "PIP_Header").range).toBe(`A3:B${rows}`);
  });
});

describe("a rewrite that would cover a person's cells is refused, and nothing changes", () => {
  test("a note right below the Goals table, which two more goals would cover: the cell is named in both languages", async () => {
    const plan = sizedPlan(2, 2, 2, "zh-CN");
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "zh-CN" });
    await unprotect(excel, "改进目标");
    // Two rows below the table's last row (row 5): Excel does not take it into the table.
    await excel.setCellValues("改进目标", "C7", [["季度复盘时再讨论"]]);
    const before = excel.snapshot();

    const bigger = sizedPlan(4, 2, 2, "zh-CN");
    const refused = await port.writePlan(bigger, { language: "zh-CN" }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(WorkbookConflictError);
    const conflict = refused as WorkbookConflictError;
    expect(conflict.cells).toEqual([{ sheet: "改进目标", cell: "C7", reason: "occupied" }]);
    expect(conflict.localized["zh-CN"]).toContain("改进目标!C7");
    expect(conflict.localized["en-US"]).toContain("改进目标!C7");
    expect(conflict.localized["en-US"]).toContain("the workbook was not changed");
    expect(excel.snapshot()).toEqual(before);

    // Moved out of the way, the same write goes through and the note is kept where it was put.
    await excel.setCellValues("改进目标", "C7", [[""]]);
    await excel.setCellValues("改进目标", "AD7", [["季度复盘时再讨论"]]);
    await port.writePlan(bigger, { language: "zh-CN" });
    expect((await port.readPlan()).plan!.goals).toHaveLength(4);
    expect(excel.getCellValue("改进目标", "AD7")).toBe("季度复盘时再讨论");
  });

  test("with the check-in schedule deleted, two columns added to the Tracking log would land where it comes back: refused at its first cell", async () => {
    const plan = sizedPlan(2, 2, 3, "en-US");
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    // Excel does not let a table grow into its neighbour, so the schedule has to go first.
    await excel.run(async (ctx) => {
      ctx.workbook.tables.getItem("PIP_CheckIns").delete();
      await ctx.sync();
    });
    await addColumn(excel, "PIP_Tracking", [["Remark"], ["a"], ["b"], ["c"]]);
    await addColumn(excel, "PIP_Tracking", [["Second"], ["x"], ["y"], ["z"]]);
    const before = excel.snapshot();
    const refused = (await port.writePlan(plan, { language: "en-US" }).catch((e: unknown) => e)) as WorkbookConflictError;
    expect(refused).toBeInstanceOf(WorkbookConflictError);
    expect(refused.cells).toEqual([{ sheet: "Tracking log", cell: "J3", reason: "noRoom" }]);
    expect(refused.localized["en-US"]).toMatch(/column you added inside a table would overlap another PIPbook table \(Tracking log!J3\)/);
    expect(refused.localized["zh-CN"]).toContain("您在表格中添加的列");
    expect(excel.snapshot()).toEqual(before);
  });
});

describe("round trips of a rewrite", () => {
  test("nothing to look at (same size, no user columns): read + write + the closing batch, 3 syncs; rows to grow into: one sync more", async () => {
    const plan = sizedPlan(2, 2, 2, "en-US");
    const { excel, run } = memoryExcel(false);
    const port = createWorkbookPort(run);
    await port.writePlan(plan, { language: "en-US" });
    const syncs = excel.stats.syncs;
    const same = await port.writePlan(plan, { language: "en-US" });
    // read, the write (preflight + journal + data), the closing batch (protection, recalculation, journal emptied)
    expect(same.syncs).toBe(3);
    expect(excel.stats.syncs - syncs).toBe(3);
    const grown = await port.writePlan(sizedPlan(3, 2, 2, "en-US"), { language: "en-US" });
    expect(grown.syncs).toBe(4);
    expect(grown.batchBytes).toHaveLength(4);
  });

  test("structured references to PIPbook columns follow the header of the table they name into the other language", () => {
    const goals = listTable("PIP_Goals");
    const tables = (name: string) => (name.startsWith("PIP_") ? listTable(name as "PIP_Goals") : null);
    const t = (f: string, from: "zh-CN" | "en-US" = "zh-CN", to: "zh-CN" | "en-US" = "en-US") => translateStructured(f, goals, tables, from, to);
    expect(t("=[@目标值]*2+[@基线值]")).toBe("=[@[Target]]*2+[@[Baseline]]");
    expect(t("=SUM(PIP_Goals[目标值])")).toBe("=SUM(PIP_Goals[[Target]])");
    // The host is Goals, but the reference names Actions: its own "Goal ID" header, not the Goals table's.
    expect(t("=COUNTIFS(PIP_Actions[[所属目标]],[@目标编号])")).toBe("=COUNTIFS(PIP_Actions[[Goal ID]],[@[Goal ID]])");
    expect(t("=COUNTIFS(PIP_Actions[[Goal ID]],[@[Goal ID]])", "en-US", "zh-CN")).toBe("=COUNTIFS(PIP_Actions[[所属目标]],[@[目标编号]])");
    expect(t("=[@[Target]]", "en-US", "zh-CN")).toBe("=[@[目标值]]");
    expect(t("=[@跟踪次数]+PIP_CheckIns[[#This Row],[记录数]]")).toBe("=[@[Check-ins]]+PIP_CheckIns[[#This Row],[Entries]]");
    expect(t('="目标值"&[@My column]')).toBe('="目标值"&[@My column]');
    // The Language cell can disagree with the headers: a header of either language is found.
    expect(t("=[@Target]*2", "zh-CN", "zh-CN")).toBe("=[@[目标值]]*2");
  });
});

describe("formula text of a user column follows its row and renamed sheets", () => {
  test("relative rows move with the row; absolute rows, strings, functions and other sheets' names stay", () => {
    expect(shiftRows("=F4*2+$F$4+F$4+SUM(B4:C5)", 2)).toBe("=F6*2+$F$4+F$4+SUM(B6:C7)");
    expect(shiftRows('=LOG10(F4)&"A1"&Goals!B4', -1)).toBe('=LOG10(F3)&"A1"&Goals!B3');
    expect(shiftRows("=F1", -1)).toBe("=#REF!");
    expect(shiftRows("=[@Target]*2", 5)).toBe("=[@Target]*2");
  });

  test("references on the host sheet follow the cells they named; other sheets, and cells the map leaves, stay", () => {
    const move = (row: number, col: number) => (row >= 4 && row <= 6 && col <= 5 ? { row: 10 - row, col: col === 5 ? 7 : col } : undefined);
    expect(moveRefs("=F4*2+$F$6+Notes!F4+Goals!F5+SUM(A4:F6)+Z4", "Goals", move)).toBe("=H6*2+$H$4+Notes!F4+Goals!H5+SUM(A6:H4)+Z4");
    expect(moveRefs("=Notes!A4:F4", "Goals", move)).toBe("=Notes!A4:F4");
    const gone = (row: number) => (row === 4 ? null : { row: row - 1, col: 0 });
    expect(moveRefs("=A4+A5+SUM(A4:A6)", "Goals", gone)).toBe("=#REF!+A4+SUM(A4:A5)");
  });

  test("a reference to a renamed sheet follows the new name, quoted when it must be", () => {
    const names = new Map([["改进目标", "Goals"], ["Tracking log", "跟踪 记录"]]);
    expect(renameSheets("=改进目标!B4+'Tracking log'!C5+Other!A1", names)).toBe("=Goals!B4+'跟踪 记录'!C5+Other!A1");
    // Another workbook's sheets keep their names.
    expect(renameSheets("=[Book2.xlsx]改进目标!B4+'[Book2.xlsx]Tracking log'!C5", names)).toBe("=[Book2.xlsx]改进目标!B4+'[Book2.xlsx]Tracking log'!C5");
    expect(moveRefs("=[Book2.xlsx]Goals!F4+F4", "Goals", () => ({ row: 9, col: 0 }))).toBe("=[Book2.xlsx]Goals!F4+A9");
  });
});
