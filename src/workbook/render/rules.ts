/**
 * The rules of a table's cells, as data: where each column's validation and highlights go (its body, or the rule
 * band below a list table that a person may type into), the data-validation rule of an input column with its stop
 * alert, and the conditional formats (bands, status colours, overdue and check-in rows, a row's unit format).
 * Pure: src/excel/writer.ts turns them into Office.js commands (DataValidation ExcelApi 1.8, ConditionalFormat 1.6).
 */
import { VALIDATION_ALERTS } from "../../i18n/workbook";
import { tableWidth, type Rect } from "../footprint";
import { columnLetter, firstDataRow, isInput, type ColumnDecl, type FormulaEnv, type TableDecl } from "../layout";
import { listLabels } from "../index";
import { checkInSummaryRules } from "../sheets/overview";
import { checkInRowRules, goalUnitRules } from "../sheets/tracking";

export const COLORS = {
  formulaFill: "#F2F2F2",
  title: "#1F3864",
  note: "#595959",
  good: { fill: "#C6EFCE", font: "#006100" },
  warn: { fill: "#FFEB9C", font: "#9C5700" },
  bad: { fill: "#FFC7CE", font: "#9C0006" },
  mark: { fill: "#F8CBAD", font: "#833C0B" },
};

/**
 * Rows below a list table's header whose cells carry its input columns' data validation and highlights, so a row
 * the table grows into — from the pane (Table.resize), the CLI, or typed right below the table (Excel's
 * AutoExpansion) — is checked like the others. A longer table carries them to its last row.
 */
export const RULE_BAND_ROWS = 1000;

/** Rows (A1) of a list table's rule band: from its first data row to the band's end or its last row. */
export function ruleBand(table: TableDecl, bodyRows: number, lastColumn?: number): Rect {
  const first = firstDataRow(table);
  return { r0: first, r1: first + Math.max(bodyRows, RULE_BAND_ROWS) - 1, c0: table.anchor.col, c1: lastColumn ?? table.anchor.col + tableWidth(table) - 1 };
}

export interface ColumnRange {
  column: ColumnDecl;
  /** A1 address of the column's body cells (list tables) or of the field's value cell (record tables). */
  address: string;
  /** A1 of the first cell (relative references in conditional-format rules start there). */
  first: string;
  /** Where the column's validation and input highlights go: list tables' input columns, the rule band. */
  rules: string;
}

export function columnRanges(table: TableDecl, bodyRows: number): ColumnRange[] {
  const first = firstDataRow(table);
  if (table.shape === "list") {
    return table.columns.map((column, i) => {
      const letter = columnLetter(table.anchor.col + i);
      const address = `${letter}${first}:${letter}${first + bodyRows - 1}`;
      const band = ruleBand(table, bodyRows);
      return { column, address, first: `${letter}${first}`, rules: isInput(column) && table.entity !== null ? `${letter}${band.r0}:${letter}${band.r1}` : address };
    });
  }
  const letter = columnLetter(table.anchor.col + 1);
  return table.fields.map((column, i) => ({ column, address: `${letter}${first + i}`, first: `${letter}${first + i}`, rules: `${letter}${first + i}` }));
}

/**
 * A data-validation rule as Office.js's DataValidationRule takes it (ExcelApi 1.8: one of date, decimal, list;
 * https://learn.microsoft.com/javascript/api/excel/excel.datavalidationrule), with the stop alert's message.
 */
export type ValidationSpec =
  | { date: { formula1: string; formula2?: string; operator: "Between" | "GreaterThanOrEqualTo" } }
  | { decimal: { formula1: number; formula2: number; operator: "Between" } }
  | { list: { inCellDropDown: true; source: string } };

export interface RuleWithMessage {
  rule: ValidationSpec;
  message: string;
}

export function validationRule(column: ColumnDecl, env: FormulaEnv): RuleWithMessage | null {
  const v = column.validation;
  if (!v || !isInput(column)) return null;
  switch (v.kind) {
    case "dateInWindow":
      return {
        rule: {
          date: {
            formula1: `=${env.value("PIP_Header", "planStart")}`,
            formula2: `=${env.value("PIP_Header", "planEnd")}`,
            operator: "Between",
          },
        },
        message: VALIDATION_ALERTS.dateInWindow,
      };
    case "date":
      return { rule: { date: { formula1: "1900-03-01", operator: "GreaterThanOrEqualTo" } }, message: VALIDATION_ALERTS.date };
    case "decimal":
      return {
        rule: { decimal: { formula1: v.min ?? -1e15, formula2: v.max ?? 1e15, operator: "Between" } },
        message: VALIDATION_ALERTS[v.alert],
      };
    case "list": {
      const list = column.list;
      if (!list) return null;
      if (list.kind === "labels") {
        // Both languages' labels are accepted by the reader; the drop-down offers the workbook's language.
        return { rule: { list: { inCellDropDown: true, source: listLabels(list.list, env.lang).join(",") } }, message: VALIDATION_ALERTS.list };
      }
      return {
        rule: { list: { inCellDropDown: true, source: `=${env.colRange(list.table, list.column, ID_LIST_LAST_ROW)}` } },
        message: list.table === "PIP_Causes" ? VALIDATION_ALERTS.causeId : VALIDATION_ALERTS.goalId,
      };
    }
  }
}

/** Drop-downs of goal and cause ids list the id column down to this row (blank cells are not offered). */
export const ID_LIST_LAST_ROW = 2000;

export interface Highlight {
  formula: string;
  color?: { fill: string; font: string };
  /** A number format instead of colours (the unit of a Tracking row, by its goal: goalUnitRules). */
  numberFormat?: string;
  /** Apply to this range (the whole table row band) instead of the column. */
  wholeRow?: string;
}

export function conditionalRules(r: ColumnRange, table: TableDecl, env: FormulaEnv, goalUnits: Map<string, unknown>): Highlight[] {
  const out: Highlight[] = [];
  const c = r.first;
  const column = r.column;
  const goalColumn = table.shape === "list" ? table.columns.findIndex((x) => x.key === "goalId") : -1;
  if (column.unitFormat === "goalOfRow" && goalColumn >= 0) {
    // Lowest priority first: each add goes on top (the catch-all "General" must lose to a unit's own format).
    out.push(...goalUnitRules(env, `$${columnLetter(table.anchor.col + goalColumn)}${c.replace(/^[A-Z]+/, "")}`, goalUnits.values()));
  }
  if (isInput(column) && !column.inputFormula && (column.kind === "number" || column.kind === "percent" || column.kind === "date")) {
    // Pasted text, a date typed as text, an error: shown red until fixed (the reader reports them too).
    out.push({ formula: `=AND(NOT(ISBLANK(${c})),NOT(ISNUMBER(${c})))`, color: COLORS.bad });
  }
  const bands = (hi: string, lo: string) => [
    { formula: `=AND(ISNUMBER(${c}),${c}>=${hi})`, color: COLORS.good },
    { formula: `=AND(ISNUMBER(${c}),${c}<${hi},${c}>=${lo})`, color: COLORS.warn },
    { formula: `=AND(ISNUMBER(${c}),${c}<${lo})`, color: COLORS.bad },
  ];
  switch (column.highlight) {
    case "attainmentBands":
      out.push(...bands(env.value("PIP_Header", "met"), env.value("PIP_Header", "partiallyMet")));
      break;
    case "paceBands":
      out.push(...bands(env.value("PIP_Header", "onTrack"), env.value("PIP_Header", "atRisk")));
      break;
    case "statusBands":
      out.push(
        { formula: `=${c}=${env.label("goalStatus", "on-track")}`, color: COLORS.good },
        { formula: `=${c}=${env.label("goalStatus", "at-risk")}`, color: COLORS.warn },
        { formula: `=${c}=${env.label("goalStatus", "off-track")}`, color: COLORS.bad },
      );
      break;
    case "overdueRow": {
      const [, letter, row] = /^([A-Z]+)(\d+)$/.exec(c) ?? [];
      const last = r.address.split(":")[1]?.replace(/^[A-Z]+/, "") ?? row;
      out.push({
        formula: `=$${letter}${row}<>""`,
        color: COLORS.bad,
        wholeRow: `${columnLetter(table.anchor.col)}${row}:${columnLetter(table.anchor.col + tableWidth(table) - 1)}${last}`,
      });
      break;
    }
    case "checkInRow": {
      // The schedule's row: amber while due, red once missed (tracking.ts checkInRowRules), over the whole row.
      const row = c.replace(/^[A-Z]+/, "");
      const last = r.address.split(":")[1]?.replace(/^[A-Z]+/, "") ?? row;
      const wholeRow = `${columnLetter(table.anchor.col)}${row}:${columnLetter(table.anchor.col + tableWidth(table) - 1)}${last}`;
      const at = (key: string) => `$${columnLetter(table.anchor.col + (table.shape === "list" ? table.columns.findIndex((x) => x.key === key) : 0))}${row}`;
      for (const rule of checkInRowRules(env, at)) out.push({ formula: rule.formula, color: COLORS[rule.tone], wholeRow });
      break;
    }
    case "checkInsMissed":
    case "checkInDue":
      for (const rule of checkInSummaryRules(column.highlight, env, c)) out.push({ formula: rule.formula, color: COLORS[rule.tone] });
      break;
    default:
      break;
  }
  return out;
}
