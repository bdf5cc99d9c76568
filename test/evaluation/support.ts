/**
 * Test support for the Evaluation sheet: a plan written into the in-memory Excel (a stand-in for Excel, with
 * HyperFormula computing the formulas) through the real port and writer, then the Evaluation sheet's rows and
 * charts (re)written by `refreshEvaluationSheet`; readers of the computed cells by the declared positions.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Language, Plan } from "../../src/core/model";
import { parsePlanJson } from "../../src/core/plan-file";
import { createMemoryExcel, type MemoryExcel } from "../../src/preview/memory-excel";
import { createHyperFormulaEngine } from "../../src/preview/memory-excel/hyperformula-engine";
import { createWorkbookPort, type PipWorkbookPort } from "../../src/excel/office-port";
import { refreshEvaluationSheet, type RefreshReport } from "../../src/excel/evaluation";
import { SHEET_NAMES } from "../../src/i18n/workbook";
import { columnLetter } from "../../src/workbook/layout";
import { EVALUATION_TABLES, evaluationColumnIndex, type EvaluationTableName } from "../../src/workbook/sheets/evaluation";

export const EXAMPLE_PATH = join(__dirname, "../../examples/sales-q2-2024.plan.json");

export function examplePlan(): Plan {
  const parsed = parsePlanJson(readFileSync(EXAMPLE_PATH, "utf8"));
  if (!parsed.ok) throw new Error("the example plan does not parse");
  return parsed.plan;
}

export interface Workbook {
  excel: MemoryExcel;
  port: PipWorkbookPort;
  sheet: string;
  language: Language;
  refresh(): Promise<RefreshReport>;
}

/** The plan written by the port (as-of fixed), then the Evaluation sheet refreshed once. */
export async function writeWorkbook(plan: Plan, language: Language, asOf: string): Promise<Workbook> {
  const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
  const port = createWorkbookPort((batch) => excel.run(batch), { asOf, canResizeTables: () => false });
  await port.writePlan(plan, { language });
  const refresh = () => excel.run((context) => refreshEvaluationSheet(context));
  await refresh();
  return { excel, port, sheet: SHEET_NAMES.evaluation[language], language, refresh };
}

export type CellValue = number | string | boolean | null;

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
