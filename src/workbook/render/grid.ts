/**
 * The cells of a table as the writer sends them: header + body as one 2-D `formulas` grid (constants and "=…"
 * formulas together) with its number formats — "@" for text, so user text is never evaluated, each row's unit
 * format for values in a goal's unit. Pure: plan + layout in, arrays out; src/excel/writer.ts queues them.
 */
import { isoToSerial } from "../../core/dates";
import type { Language, Plan } from "../../core/model";
import { RECORD_HEADERS } from "../../i18n/workbook";
import { encodeValue, formatFor, TEXT_FORMAT } from "../cells";
import { bodyRowsOf, modelRows } from "../footprint";
import {
  entityRecord,
  firstDataRow,
  makeFormulaRow,
  numberFormatOf,
  type ColumnDecl,
  type FormulaEnv,
  type FormulaRow,
  type ListTableDecl,
  type RecordTableDecl,
} from "../layout";

export interface Grid {
  /** Header row + body rows: numbers, strings, formulas. */
  values: (string | number)[][];
  formats: string[][];
  /** Number of body rows (≥ 1: an empty table gets one empty row so its formulas become calculated columns). */
  bodyRows: number;
}

function rowEnvThrowing(env: FormulaEnv, row: number): FormulaRow {
  const fail = (): never => {
    throw new Error("layout: a record table's formula cannot use here() or above()");
  };
  return { ...env, row, data: {}, here: fail, above: fail };
}

export function listGrid(
  table: ListTableDecl,
  plan: Plan,
  env: FormulaEnv,
  goalUnits: Map<string, unknown>,
  lang: Language,
  extraHeaders: readonly string[] = [],
): Grid {
  const rows = modelRows(table, plan);
  const bodyRows = bodyRowsOf(table, plan);
  // A person's own columns: the header here (tables.add names the column), the cells after tables.add.
  const values: (string | number)[][] = [[...table.columns.map((c) => c.header[lang]), ...extraHeaders]];
  const formats: string[][] = [[...table.columns.map(() => TEXT_FORMAT), ...extraHeaders.map(() => TEXT_FORMAT)]];
  const first = firstDataRow(table);
  for (let i = 0; i < bodyRows; i++) {
    const row = rows[i] ?? {};
    const sheetRow = first + i;
    const unitOf = (column: ColumnDecl) =>
      column.unitFormat === "goalOfRow" ? goalUnits.get(String(row.goalId)) : column.unitFormat === "ownRow" ? row.unit : undefined;
    const rowValues: (string | number)[] = [];
    const rowFormats: string[] = [];
    let formulaRow: ReturnType<typeof makeFormulaRow> | undefined;
    for (const column of table.columns) {
      if (column.kind === "formula" && column.formula) {
        formulaRow ??= makeFormulaRow(env, table, sheetRow, row);
        rowValues.push(`=${column.formula(formulaRow)}`);
        rowFormats.push(formatFor(column, unitOf(column)));
        continue;
      }
      const key = table.entity ? column.field : column.key;
      const cell = encodeValue(column, key === undefined || rows[i] === undefined ? null : row[key], lang, unitOf(column));
      rowValues.push(cell.value);
      rowFormats.push(cell.numberFormat);
    }
    for (let k = 0; k < extraHeaders.length; k++) {
      rowValues.push("");
      rowFormats.push("General");
    }
    values.push(rowValues);
    formats.push(rowFormats);
  }
  return { values, formats, bodyRows };
}

export function recordGrid(table: RecordTableDecl, plan: Plan, env: FormulaEnv, lang: Language, asOf?: string | null): Grid {
  const values: (string | number)[][] = [[RECORD_HEADERS.item[lang], RECORD_HEADERS.value[lang]]];
  const formats: string[][] = [[TEXT_FORMAT, TEXT_FORMAT]];
  table.fields.forEach((field, i) => {
    const sheetRow = table.anchor.row + 1 + i;
    let value: string | number;
    let format: string;
    if (field.inputFormula && field.key === "asOf" && asOf) {
      value = isoToSerial(asOf) ?? asOf;
      format = numberFormatOf(field);
    } else if (field.kind === "formula" && field.formula) {
      value = `=${field.formula(rowEnvThrowing(env, sheetRow))}`;
      format = numberFormatOf(field);
    } else {
      const entity = field.entity ?? table.entity;
      const record = entity ? entityRecord(plan, entity) : undefined;
      // The header's language is the language the workbook is written in.
      const raw = field.key === "language" && entity === "header" ? lang : field.field && record ? record[field.field] : null;
      const cell = encodeValue(field, raw, lang);
      value = cell.value;
      format = cell.numberFormat;
    }
    values.push([field.header[lang], value]);
    formats.push([TEXT_FORMAT, format]);
  });
  return { values, formats, bodyRows: table.fields.length };
}
