/**
 * Messages of the reader's cell checks (src/excel/reader-checks.ts): PIP cells a person can break in Excel.
 * Placeholders: {cell} is Sheet!A1 as Excel's Name Box shows it, {value} what the cell holds now, {table} the
 * table's label as the sheet shows it, {row} the worksheet row number.
 */
import type { Localized } from "./findings";

export const READER_CHECK_MESSAGES = {
  FORMULA_OVERWRITTEN: {
    "zh-CN": "{cell} 原为 PIPbook 写入的公式，现在是数值 {value}；下次保存时会恢复公式",
    "en-US": "{cell} held a formula PIPbook writes; it now holds {value} — the next Save restores it",
  },
  AS_OF_NOT_DATE: {
    "zh-CN": "“截至日期” {cell} 为 {value}，不是日期；工作簿中的进度与状态都按它计算，请输入日期或 =TODAY()",
    "en-US": "the “as of” date {cell} holds {value}, not a date; the workbook's progress and status are computed from it: type a date or =TODAY()",
  },
  ROW_BELOW_TABLE: {
    "zh-CN": "第 {row} 行在“{table}”表格下方，不属于该表格，PIPbook 不会读取；请扩展表格以包含此行（拖动表格右下角，或“表设计 → 调整表格大小”）",
    "en-US": "row {row} is below the {table} table, not in it, and is not read: extend the table to include it (drag the table's corner, or Table Design → Resize Table)",
  },
  VALUE_COLUMN_MISSING: {
    "zh-CN": "“{table}”表格缺少数值列（B 列），其中的内容读为空白；请撤销删除，或下次保存时由 PIPbook 重建",
    "en-US": "the {table} table has lost its value column, so its values read as empty; undo the deletion, or let the next Save rebuild it",
  },
  FORMULA_COLUMN_MISSING: {
    "zh-CN": "“{table}”表格缺少公式列“{column}”；下次保存时会恢复",
    "en-US": "the {table} table has lost its formula column “{column}”; the next Save restores it",
  },
} as const satisfies Record<string, Localized>;

export type ReaderCheckCode = keyof typeof READER_CHECK_MESSAGES;

/** How a cell's content is named in a message: text in quotes, booleans and errors as Excel shows them. */
export const READER_CHECK_WORDS = {
  empty: { "zh-CN": "空白", "en-US": "empty" },
  text: { "zh-CN": "文本“{text}”", "en-US": "the text “{text}”" },
  notCalendarDate: { "zh-CN": "“{text}”（不存在的日期）", "en-US": "“{text}” (no such date)" },
} as const satisfies Record<string, Localized>;
