/**
 * Test support for the Evaluation sheet: a plan written into the in-memory Excel (a stand-in for Excel, with
 * HyperFormula computing the formulas) through the real port and writer, then the Evaluation sheet's rows and
 * charts (re)written by `refreshEvaluation` from the plan the reader reads back; readers of the computed cells by
 * the declared positions.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzePlan, type PeriodValue } from "../../src/core/analysis";
import { isoToSerial } from "../../src/core/dates";
import type { Language, Plan } from "../../src/core/model";
import { parsePlanJson } from "../../src/core/plan-file";
import { createMemoryExcel, type MemoryExcel } from "../../src/memory-excel";
import { createHyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";
import { createWorkbookPort, type OfficeWorkbookPort } from "../../src/excel/office-port";
import { refreshEvaluation, type RefreshReport } from "../../src/excel/evaluation";
import { readPlan } from "../../src/excel/reader";
import { LIST_LABELS, SHEET_NAMES } from "../../src/i18n/workbook";
import { columnLetter, makeFormulaEnv, makeFormulaRow } from "../../src/workbook/layout";
import { LAYOUT, defaultSheetNames, modelRows, type SheetNames } from "../../src/workbook";
import { encodeValue } from "../../src/workbook/cells";
import { EVALUATION_TABLES, evaluationColumnIndex, evaluationContent, type EvaluationTableName } from "../../src/workbook/sheets/evaluation";

export const EXAMPLE_PATH = join(__dirname, "../../examples/sales-q2-2024.plan.json");

export function examplePlan(): Plan {
  const parsed = parsePlanJson(readFileSync(EXAMPLE_PATH, "utf8"));
  if (!parsed.ok) throw new Error("the example plan does not parse");
  return parsed.plan;
}

export interface Workbook {
  excel: MemoryExcel;
  port: OfficeWorkbookPort;
  sheet: string;
  language: Language;
  refresh(): Promise<RefreshReport>;
}

/** The plan written by the port (as-of fixed), then the Evaluation sheet refreshed once. */
export async function writeWorkbook(plan: Plan, language: Language, asOf: string): Promise<Workbook> {
  const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
  const port = createWorkbookPort((batch) => excel.run(batch), { asOf });
  await port.writePlan(plan, { language });
  // What WorkbookPort.refreshEvaluation does: read the plan (1 sync), then rewrite the Evaluation sheet.
  const refresh = () =>
    excel.run(async (context) => {
      const read = await readPlan(context, { validate: false });
      if (!read.plan) throw new Error("no plan in the workbook");
      const report = await refreshEvaluation(context, { plan: read.plan, tables: read.shape.tables });
      return { ...report, syncs: report.syncs + read.syncs };
    });
  await refresh();
  return { excel, port, sheet: SHEET_NAMES.evaluation[language], language, refresh };
}

export type CellValue = number | string | boolean | null;

/**
 * What the layout declares for a derived table's body, worked out here from its column declarations and `rowsOf`
 * (not through the writer): per row, "=" + each formula column's formula, each constant as a cell holds it, and
 * every cell's number format.
 */
export function declaredRange(table: EvaluationTableName, plan: Plan, lang: Language, names: SheetNames = defaultSheetNames(lang)): { rows: (string | number)[][]; numberFormats: string[][] } {
  const decl = EVALUATION_TABLES[table];
  const env = makeFormulaEnv(LAYOUT, names, lang, "evaluation");
  const rows: (string | number)[][] = [];
  const numberFormats: string[][] = [];
  modelRows(decl, plan).forEach((data, i) => {
    const row = decl.anchor.row + 1 + i;
    const cells = decl.columns.map((c) => {
      if (c.formula) return { value: `=${c.formula(makeFormulaRow(env, decl, row, data))}`, numberFormat: c.unitFormat ? encodeValue(c, null, lang, data.unit).numberFormat : (c.numberFormat ?? "General") };
      return encodeValue(c, data[c.key], lang, data.unit);
    });
    rows.push(cells.map((c) => c.value as string | number));
    numberFormats.push(cells.map((c) => c.numberFormat));
  });
  return { rows, numberFormats };
}

/** A derived table's cell by column key and sheet row. */
export function cellOf(table: EvaluationTableName, key: string, row: number): string {
  return `${columnLetter(evaluationColumnIndex(table, key))}${row}`;
}

/** The first data row of a derived table. */
export function firstRowOf(table: EvaluationTableName): number {
  return EVALUATION_TABLES[table].anchor.row + 1;
}

/** Reads a column of a derived table over `count` data rows. */
export function readColumn(wb: Workbook, table: EvaluationTableName, key: string, count: number): CellValue[] {
  const first = firstRowOf(table);
  return Array.from({ length: count }, (_, i) => wb.excel.getCellValue(wb.sheet, cellOf(table, key, first + i)));
}

/** "" (an empty cell, a gap) for null, else the number. */
export function asCell(x: number | null): number | "" {
  return x === null ? "" : x;
}

/** Equal to 1e-9 (relative to the size of the number when that is above 1); "" only for "". */
export function close(actual: CellValue, expected: number | null, where: string): void {
  if (expected === null) {
    if (actual !== "") throw new Error(`${where}: expected an empty cell, got ${JSON.stringify(actual)}`);
    return;
  }
  if (typeof actual !== "number") throw new Error(`${where}: expected ${expected}, got ${JSON.stringify(actual)}`);
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance)) throw new Error(`${where}: expected ${expected}, got ${actual} (|Δ| = ${Math.abs(actual - expected)})`);
}

/** The period (or quarter) table against the core's per-period numbers, goal by goal. */
export function comparePeriods(wb: Workbook, table: "PIP_EvalPeriods" | "PIP_EvalQuarters", plan: Plan, rowsByGoal: PeriodValue[][]): void {
  const count = rowsByGoal.reduce((n, rows) => n + rows.length, 0);
  const col = (key: string) => readColumn(wb, table, key, count);
  const [goalNo, goal, period, start, end, entries, value, cumulative, attainment, progress, change] = [
    "goalNo", "goal", "period", "start", "end", "entries", "value", "cumulative", "attainment", "progress", "change",
  ].map(col);
  const improvement = table === "PIP_EvalPeriods" ? col("improvement") : null;
  const decline = table === "PIP_EvalPeriods" ? col("decline") : null;
  let i = 0;
  rowsByGoal.forEach((rows, g) => {
    const goalDecl = plan.goals[g];
    for (const p of rows) {
      const where = `${table} goal ${goalDecl.id} ${p.label}`;
      expect([goalNo[i], goal[i], period[i], start[i], end[i]]).toEqual([g + 1, goalDecl.id, p.label, isoToSerial(p.start), isoToSerial(p.end)]);
      expect(entries[i]).toBe(p.entryCount);
      close(value[i], p.value, `${where} value`);
      close(cumulative[i], p.cumulative, `${where} cumulative`);
      close(attainment[i], p.attainment, `${where} attainment`);
      close(progress[i], p.progress, `${where} progress`);
      close(change[i], p.change, `${where} change`);
      if (improvement && decline) {
        // Up is better: a fall of a lower-is-better goal is an improvement.
        const better = p.change === null ? null : goalDecl.direction === "decrease" ? -p.change : p.change;
        close(improvement[i], better !== null && better >= 0 ? better : null, `${where} improvement`);
        close(decline[i], better !== null && better < 0 ? better : null, `${where} decline`);
      }
      i++;
    }
  });
}

/** The summary block's values, where the declaration puts them (labels in one column, values right of them). */
function summaryValues(wb: Workbook, plan: Plan): CellValue[] {
  const s = evaluationContent(plan, { lang: wb.language, names: defaultSheetNames(wb.language), layout: LAYOUT }).summary;
  expect(s.labels).toHaveLength(8);
  return s.labels.map((label, i) => {
    expect(wb.excel.getCellValue(wb.sheet, `${columnLetter(s.col)}${s.firstRow + i}`)).toBe(label);
    return wb.excel.getCellValue(wb.sheet, `${columnLetter(s.col + 1)}${s.firstRow + i}`);
  });
}


/** Every number of the Evaluation sheet against analyzePlan (throws at the first difference, naming the cell). */
export function compareAll(wb: Workbook, plan: Plan, asOf: string): void {
  const a = analyzePlan(plan, { asOf });
  comparePeriods(wb, "PIP_EvalPeriods", plan, a.goals.map((g) => g.periods));
  comparePeriods(wb, "PIP_EvalQuarters", plan, a.goals.map((g) => g.quarters));

  const n = plan.goals.length;
  const statuses = readColumn(wb, "PIP_EvalGoals", "status", n);
  const goalIds = readColumn(wb, "PIP_EvalGoals", "goal", n);
  const toDate = readColumn(wb, "PIP_EvalGoals", "toDate", n);
  const attainment = readColumn(wb, "PIP_EvalGoals", "attainment", n);
  const pace = readColumn(wb, "PIP_EvalGoals", "pace", n);
  a.goals.forEach((g, i) => {
    expect(goalIds[i]).toBe(g.goalId);
    expect(statuses[i]).toBe(LIST_LABELS.goalStatus[g.status][wb.language]);
    close(toDate[i], g.toDate, `goal ${g.goalId} to date`);
    close(attainment[i], g.attainment, `goal ${g.goalId} attainment`);
    close(pace[i], g.pace, `goal ${g.goalId} pace`);
  });

  const [asOfCell, elapsed, overall, outcome, planned, held, missed, adherence] = summaryValues(wb, plan);
  expect(asOfCell).toBe(isoToSerial(asOf));
  close(elapsed, a.elapsed, "elapsed");
  close(overall, a.overallAttainment, "overall");
  expect(outcome).toBe(a.outcomeSuggestion === null ? "" : LIST_LABELS.outcome[a.outcomeSuggestion][wb.language]);
  expect([planned, held, missed]).toEqual([a.checkIns.planned, a.checkIns.held, a.checkIns.missed]);
  close(adherence, a.checkIns.adherence, "adherence");
}

