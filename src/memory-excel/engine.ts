/**
 * The formula engine the in-memory Excel delegates calculation to. Injected (see `createMemoryExcel({ engine })`)
 * so that nothing the task pane imports pulls in an engine; `hyperformula-engine.ts` is the one implementation.
 *
 * Formulas reach the engine already rewritten by the workbook: en-US syntax, leading "=", every sheet name
 * quoted, structured table references replaced by A1 areas, TRUE/FALSE as functions.
 */

/** The Excel error values a cell can show. */
export type ExcelErrorValue = "#DIV/0!" | "#VALUE!" | "#REF!" | "#NAME?" | "#N/A" | "#NUM!" | "#NULL!" | "#SPILL!" | "#CALC!";

export const EXCEL_ERRORS: readonly ExcelErrorValue[] = [
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#N/A",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
];

export interface EngineError {
  error: ExcelErrorValue;
}

/** What a cell holds for the engine: a constant, a formula ("=…"), or nothing. */
export type EngineInput = number | string | boolean | EngineError | { formula: string } | null;

/** A computed value: empty references read as null. */
export type EngineValue = number | string | boolean | EngineError | null;

export interface FormulaEngine {
  addSheet(name: string): void;
  removeSheet(name: string): void;
  renameSheet(oldName: string, newName: string): void;
  setCell(sheet: string, row: number, column: number, input: EngineInput): void;
  getValue(sheet: string, row: number, column: number): EngineValue;
  /** A formula's parse error message, or null when the engine can read it. */
  parseError(formula: string): string | null;
  /** Evaluates a formula as if it were in a cell of `sheet` (data validation "custom" rules). */
  evaluate(sheet: string, formula: string): EngineValue;
  /** Drops every sheet and cell (used before rebuilding after structural edits). */
  reset(): void;
}

export function isEngineError(value: unknown): value is EngineError {
  return typeof value === "object" && value !== null && "error" in value && typeof (value as EngineError).error === "string";
}
