/**
 * Due and missed check-ins highlighted in the workbook (issue 17 item 4): the check-in schedule's row is amber while
 * due (the as-of date in its period, no entry yet) and red once missed; the Overview's "Check-ins missed" is red
 * while above 0 and "Check-ins held" amber while one is due. The rules are live formulas on the Overview's as-of
 * cell (=TODAY() unless fixed: docs/FORMULAS.md). HyperFormula computes every rule's formula on the in-memory
 * Excel's workbook, and what they say is compared with the core's "Due this week" (core/calendar dueThisWeek) —
 * also after the as-of date is typed over in Excel, without a Save. The CLI's .xlsx carries the same rules
 * (openpyxl, Debian python3-openpyxl).
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { analyzePlan } from "../../src/core/analysis";
import { dueThisWeek } from "../../src/core/calendar";
import type { Plan } from "../../src/core/model";
import { createWorkbookPort } from "../../src/excel/office-port";
import { generateWorkbook } from "../../src/cli/workbook-io";
import type { ConditionalFormatSnapshot, MemoryExcel } from "../../src/memory-excel";
import { columnLetter, defaultSheetNames, firstDataRow, listTable, quoteSheet, recordRowOf, recordTable } from "../../src/workbook";
import { examplePlan, memoryExcel } from "../excel/support";

jest.setTimeout(120_000);

const schedule = listTable("PIP_CheckIns");
const summary = recordTable("PIP_Summary");
const scheduleFirst = firstDataRow(schedule);
const scheduleLast = (plan: Plan) => scheduleFirst + analyzePlan(plan, { asOf: plan.header.planStart }).checkIns.schedule.length - 1;
const valueCell = (key: string) => `${columnLetter(summary.anchor.col + 1)}${recordRowOf(summary, key)}`;
const AMBER = "#FFEB9C";
const RED = "#FFC7CE";

/** The example without its check-ins of 2024-04-19's week: one missed week by mid-May, and the week of 05-15 due. */
function planWithGaps(language: Plan["header"]["language"]): Plan {
  const plan = examplePlan(language);
  return { ...plan, tracking: plan.tracking.filter((t) => t.date !== "2024-04-19") };
}

const fillOf = (cf: ConditionalFormatSnapshot) => String((cf.format?.fill as { color?: string } | undefined)?.color ?? "").toUpperCase();

/** Computes a rule's formula (relative to its range's top-left cell, on `sheet`) at `row` of that sheet. */
async function ruleTrue(excel: MemoryExcel, sheet: string, cf: ConditionalFormatSnapshot, topRow: number, row: number, at = 1): Promise<boolean> {
  const scratch = "Scratch";
  // (looked up in the workbook's state: a snapshot would compute every cell of the workbook just to list its sheets)
  if (!excel.workbookState.findSheet(scratch)) excel.workbookState.addSheet(scratch);
  // Relative row references ($K4, E13) move to `row` and name their sheet, as the formula is computed elsewhere.
  const formula = String(cf.rule?.formula).replace(new RegExp(`(?<![!$A-Z])(\\$?[A-Z]{1,3})${topRow}(?![0-9])`, "g"), `${quoteSheet(sheet)}!$1${row}`);
  await excel.setCellValues(scratch, `A${at}`, [[formula]]);
  const value = excel.getCellValue(scratch, `A${at}`);
  if (typeof value !== "boolean") throw new Error(`${formula} gave ${String(value)}`);
  return value;
}

async function setup(language: Plan["header"]["language"], asOf: string) {
  const plan = planWithGaps(language);
  const { excel, run } = memoryExcel(true);
  await createWorkbookPort(run, { asOf }).writePlan(plan, { language, asOf });
  const names = defaultSheetNames(language);
  const sheets = excel.snapshot().sheets;
  const trackingCfs = sheets.find((s) => s.name === names.tracking)!.conditionalFormats;
  const overviewCfs = sheets.find((s) => s.name === names.overview)!.conditionalFormats;
  const rowRange = `${columnLetter(schedule.anchor.col)}${scheduleFirst}:${columnLetter(schedule.anchor.col + schedule.columns.length - 1)}${scheduleLast(plan)}`;
  const rowRules = trackingCfs.filter((cf) => cf.range === rowRange);
  const heldRules = overviewCfs.filter((cf) => cf.range === valueCell("checkInsHeld"));
  const missedRules = overviewCfs.filter((cf) => cf.range === valueCell("checkInsMissed"));
  return { plan, excel, names, rowRules, heldRules, missedRules };
}

/** What the rules say, row by row and on the Overview, computed by HyperFormula. */
async function highlighted(s: Awaited<ReturnType<typeof setup>>) {
  const due = s.rowRules.find((cf) => fillOf(cf) === AMBER)!;
  const missed = s.rowRules.find((cf) => fillOf(cf) === RED)!;
  const rows: { due: string[]; missed: string[] } = { due: [], missed: [] };
  const slots = analyzePlan(s.plan, { asOf: s.plan.header.planStart }).checkIns.schedule;
  for (const [i, slot] of slots.entries()) {
    const row = scheduleFirst + i;
    if (await ruleTrue(s.excel, s.names.tracking, due, scheduleFirst, row)) rows.due.push(slot.start);
    if (await ruleTrue(s.excel, s.names.tracking, missed, scheduleFirst, row, 2)) rows.missed.push(slot.start);
  }
  const heldRow = recordRowOf(summary, "checkInsHeld");
  const missedRow = recordRowOf(summary, "checkInsMissed");
  return {
    rows,
    overviewDue: await ruleTrue(s.excel, s.names.overview, s.heldRules.find((cf) => fillOf(cf) === AMBER)!, heldRow, heldRow),
    overviewMissed: await ruleTrue(s.excel, s.names.overview, s.missedRules.find((cf) => fillOf(cf) === RED)!, missedRow, missedRow),
  };
}

/** The core's answer for the same plan and date. */
function expected(plan: Plan, asOf: string) {
  const week = dueThisWeek(plan, analyzePlan(plan, { asOf }).checkIns.schedule, asOf)!;
  return {
    rows: { due: week.checkInDue ? [week.checkInDue.start] : [], missed: week.checkInsMissed.map((m) => m.start) },
    overviewDue: week.checkInDue !== null,
    overviewMissed: week.checkInsMissed.length > 0,
  };
}

describe("due and missed check-ins: conditional formats on the as-of cell", () => {
  test.each(["zh-CN", "en-US"] as const)("as of 2024-05-15 (%s): the week of 05-13 due (its 05-17 entry is later), the week of 04-15 missed — as the core's Due this week says", async (language) => {
    const s = await setup(language, "2024-05-15");
    expect(s.rowRules.map(fillOf).sort()).toEqual([AMBER, RED].sort());
    expect(s.heldRules.map(fillOf)).toContain(AMBER);
    expect(s.missedRules.map(fillOf)).toContain(RED);
    const got = await highlighted(s);
    expect(got).toEqual(expected(s.plan, "2024-05-15"));
    expect(got.rows).toEqual({ due: ["2024-05-13"], missed: ["2024-04-15"] });
    expect(got).toMatchObject({ overviewDue: true, overviewMissed: true });
  });

  test("the as-of date typed over in Excel (no Save): the rules follow it", async () => {
    const s = await setup("en-US", "2024-05-15");
    // The as-of cell is on the protected Overview (no password): unprotected as a person would, to type a date.
    await s.excel.run(async (context) => {
      context.workbook.worksheets.getItem(s.names.overview).protection.unprotect();
      await context.sync();
    });
    // 2024-05-19 is the Sunday of a week with no entry up to then; 2024-04-10 is before the missed week.
    for (const asOf of ["2024-05-19", "2024-04-10", "2024-04-12", "2024-07-15"]) {
      await s.excel.setCellValues(s.names.overview, valueCell("asOf"), [[asOf]]);
      expect({ asOf, ...(await highlighted(s)) }).toEqual({ asOf, ...expected(s.plan, asOf) });
    }
    // Before the missed week and on a day with an entry: nothing due, nothing missed, both Overview cells plain.
    await s.excel.setCellValues(s.names.overview, valueCell("asOf"), [["2024-04-12"]]);
    expect(await highlighted(s)).toEqual({ rows: { due: [], missed: [] }, overviewDue: false, overviewMissed: false });
  });

  test("in the CLI's .xlsx: the same rules over the schedule's rows and the two Overview cells (openpyxl)", async () => {
    const plan = planWithGaps("zh-CN");
    const bytes = await generateWorkbook(plan, { language: "zh-CN", asOf: "2024-05-15" });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pipbook-checkin-cf-"));
    const file = path.join(dir, "plan.xlsx");
    await fs.writeFile(file, bytes);
    const names = defaultSheetNames("zh-CN");
    const script = [
      "import json, sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "out = {}",
      "for name in sys.argv[2:]:",
      "    out[name] = [{'sqref': str(cf.sqref), 'formula': list(r.formula or []), 'fill': r.dxf.fill.bgColor.rgb if r.dxf is not None and r.dxf.fill is not None else None} for cf in wb[name].conditional_formatting for r in cf.rules]",
      "print(json.dumps(out))",
    ].join("\n");
    const { stdout } = await promisify(execFile)("/usr/bin/python3", ["-c", script, file, names.tracking, names.overview]);
    const read = JSON.parse(stdout) as Record<string, { sqref: string; formula: string[]; fill: string | null }[]>;
    const rowRange = `${columnLetter(schedule.anchor.col)}${scheduleFirst}:${columnLetter(schedule.anchor.col + schedule.columns.length - 1)}${scheduleLast(plan)}`;
    const onRows = read[names.tracking].filter((r) => r.sqref === rowRange);
    expect(onRows.some((r) => r.formula[0].includes(`$M${scheduleFirst}=0`) && /FFEB9C$/i.test(r.fill ?? ""))).toBe(true);
    expect(onRows.some((r) => r.formula[0] === `$P${scheduleFirst}=1` && /FFC7CE$/i.test(r.fill ?? ""))).toBe(true);
    const held = read[names.overview].filter((r) => r.sqref === valueCell("checkInsHeld"));
    expect(held.some((r) => r.formula[0].includes("COUNTIFS(") && /FFEB9C$/i.test(r.fill ?? ""))).toBe(true);
    const missed = read[names.overview].filter((r) => r.sqref === valueCell("checkInsMissed"));
    expect(missed.some((r) => r.formula[0] === `AND(ISNUMBER(${valueCell("checkInsMissed")}),${valueCell("checkInsMissed")}>0)`)).toBe(true);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
