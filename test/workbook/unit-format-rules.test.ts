/**
 * The unit format of a Tracking row follows its goal, also for a row typed in Excel below the table (issue 12):
 * conditional formats whose format is a number format (src/workbook/sheets/tracking.ts goalUnitRules), written by
 * the add-in's writer over the table and its rule band. Checked three ways: the in-memory Excel's snapshot holds the
 * rules with their number formats; HyperFormula computes each rule's formula on the rows (a written row, a row typed
 * below the table, a goal whose unit is changed in Excel) and the rule that wins is the goal's format; the CLI's
 * .xlsx carries them as `<dxf><numFmt/>` that openpyxl (Debian python3-openpyxl) reads back.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createWorkbookPort } from "../../src/excel/office-port";
import { RULE_BAND_ROWS } from "../../src/excel/writer";
import { generateWorkbook } from "../../src/cli/workbook-io";
import type { ConditionalFormatSnapshot, MemoryExcel } from "../../src/memory-excel";
import { defaultSheetNames, firstDataRow, listTable, unitNumberFormat } from "../../src/workbook";
import { examplePlan, memoryExcel } from "../excel/support";

jest.setTimeout(120_000);

const tracking = listTable("PIP_Tracking");
const first = firstDataRow(tracking);
const letterOf = (key: string) => String.fromCharCode(65 + tracking.anchor.col + tracking.columns.findIndex((c) => c.key === key));
const ACTUAL = letterOf("actual");
const GOAL = letterOf("goalId");

const numberFormatRules = (cfs: ConditionalFormatSnapshot[]) =>
  cfs.filter((cf) => cf.type === "Custom" && typeof cf.format?.numberFormat === "string").sort((a, b) => a.priority - b.priority);

/** The number format the highest-priority true rule gives `row` (HyperFormula computes each rule's formula). */
async function ruleFormatAt(excel: MemoryExcel, sheetName: string, rules: ConditionalFormatSnapshot[], row: number): Promise<string | null> {
  const scratch = "Scratch";
  // (looked up in the workbook's state: a snapshot would compute every cell of the workbook just to list its sheets)
  if (!excel.workbookState.findSheet(scratch)) excel.workbookState.addSheet(scratch);
  for (const [i, rule] of rules.entries()) {
    // The rule's formula is relative to its range's top-left cell (the first data row) on the Tracking sheet: moved
    // to `row`, and the sheet named, as it is computed on another sheet here.
    const formula = String(rule.rule?.formula).replace(new RegExp(`\\$${GOAL}${first}\\b`, "g"), `'${sheetName}'!$${GOAL}${row}`);
    await excel.setCellValues(scratch, `A${i + 1}`, [[formula]]);
  }
  for (const [i, rule] of rules.entries()) {
    if (excel.getCellValue(scratch, `A${i + 1}`) === true) return String(rule.format!.numberFormat);
  }
  return null;
}

describe("Tracking: a row's unit format follows its goal (conditional number formats)", () => {
  test.each(["zh-CN", "en-US"] as const)("in the in-memory Excel (%s): rules over the table and the rule band, the goal's format wins on every row, a typed row and a unit changed in Excel included", async (language) => {
    const plan = examplePlan(language);
    const { excel, run } = memoryExcel(true);
    const port = createWorkbookPort(run, { asOf: "2024-05-15" });
    await port.writePlan(plan, { language });
    const names = defaultSheetNames(language);
    const sheet = excel.snapshot().sheets.find((s) => s.name === names.tracking)!;
    const rules = numberFormatRules(sheet.conditionalFormats);
    // One rule per unit class: the percent class, 万元, and "any goal" → General.
    expect(rules.map((r) => r.format!.numberFormat).sort()).toEqual(["0.00%", "General", unitNumberFormat("万元")].sort());
    const bandEnd = first + Math.max(plan.tracking.length, RULE_BAND_ROWS) - 1;
    for (const rule of rules) expect(rule.range).toBe(`${ACTUAL}${first}:${ACTUAL}${bandEnd}`);

    const unitOf = (id: string) => plan.goals.find((g) => g.id === id)!.unit;
    // Every written row: the rule that wins gives the row's goal's format (the one the writer set on the cell).
    for (const [i, entry] of plan.tracking.entries()) {
      const row = first + i;
      expect(await ruleFormatAt(excel, names.tracking, rules, row)).toBe(unitNumberFormat(unitOf(entry.goalId)));
      expect(sheet.cells.find((c) => c.address === `${ACTUAL}${row}`)?.format?.numberFormat).toBe(unitNumberFormat(unitOf(entry.goalId)));
    }

    // A row typed right below the table for the other goal than the last row's: Excel's AutoExpansion gives the
    // cell the row above's format; the rule gives it its own goal's.
    const last = plan.tracking[plan.tracking.length - 1];
    const other = plan.goals.find((g) => g.id !== last.goalId)!;
    const typed = first + plan.tracking.length;
    await excel.setCellValues(names.tracking, `A${typed}:C${typed}`, [["2024-05-20", other.id, other.unit === "%" ? 0.04 : 4]]);
    expect(await ruleFormatAt(excel, names.tracking, rules, typed)).toBe(unitNumberFormat(other.unit));
    const typedCell = excel.snapshot().sheets.find((s) => s.name === names.tracking)!.cells.find((c) => c.address === `${ACTUAL}${typed}`);
    expect(typedCell?.format?.numberFormat).toBe(unitNumberFormat(unitOf(last.goalId)));
    expect(unitNumberFormat(unitOf(last.goalId))).not.toBe(unitNumberFormat(other.unit));

    // A goal's unit changed in Excel to a percent (no Save): its rows follow; a goal id no goal has keeps the cell's own.
    const goals = listTable("PIP_Goals");
    const unitCol = String.fromCharCode(65 + goals.anchor.col + goals.columns.findIndex((c) => c.key === "unit"));
    const g1Row = firstDataRow(goals) + plan.goals.findIndex((g) => g.id === "G1");
    await excel.setCellValues(names.goals, `${unitCol}${g1Row}`, [["%"]]);
    const g1Entry = first + plan.tracking.findIndex((t) => t.goalId === "G1");
    expect(await ruleFormatAt(excel, names.tracking, rules, g1Entry)).toBe("0.00%");
    await excel.setCellValues(names.tracking, `${GOAL}${typed}`, [["G99"]]);
    expect(await ruleFormatAt(excel, names.tracking, rules, typed)).toBeNull();
  });

  test("in the CLI's .xlsx: each rule is a cfRule whose dxf holds the numFmt, read back by openpyxl", async () => {
    const plan = examplePlan("zh-CN");
    const bytes = await generateWorkbook(plan, { language: "zh-CN", asOf: "2024-05-15" });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pipbook-unit-cf-"));
    const file = path.join(dir, "plan.xlsx");
    await fs.writeFile(file, bytes);
    const script = [
      "import json, sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "ws = wb[sys.argv[2]]",
      "out = []",
      "for cf in ws.conditional_formatting:",
      "    for rule in cf.rules:",
      "        nf = rule.dxf.numFmt if rule.dxf is not None else None",
      "        out.append({'sqref': str(cf.sqref), 'formula': list(rule.formula or []), 'numFmt': nf.formatCode if nf is not None else None, 'priority': rule.priority})",
      "print(json.dumps(out))",
    ].join("\n");
    const { stdout } = await promisify(execFile)("/usr/bin/python3", ["-c", script, file, defaultSheetNames("zh-CN").tracking]);
    const read = (JSON.parse(stdout) as { sqref: string; formula: string[]; numFmt: string | null; priority: number }[]).filter((r) => r.numFmt !== null);
    const bandEnd = first + Math.max(plan.tracking.length, RULE_BAND_ROWS) - 1;
    expect(read.map((r) => r.numFmt).sort()).toEqual(["0.00%", "General", unitNumberFormat("万元")].sort());
    for (const r of read) {
      expect(r.sqref).toBe(`${ACTUAL}${first}:${ACTUAL}${bandEnd}`);
      expect(r.formula[0]).toContain(`MATCH($${GOAL}${first},`);
    }
    // The percent rule outranks the catch-all "General" (a lower priority number wins in Excel).
    const byFormat = new Map(read.map((r) => [r.numFmt, r.priority]));
    expect(byFormat.get("0.00%")!).toBeLessThan(byFormat.get("General")!);
    expect(byFormat.get(unitNumberFormat("万元"))!).toBeLessThan(byFormat.get("General")!);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
