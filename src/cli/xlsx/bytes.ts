import type ExcelJS from "exceljs";

/** What ExcelJS's `xlsx.load` takes (its typings declare their own Buffer; an ArrayBuffer satisfies both). */
export type ExcelJsInput = Parameters<ExcelJS.Xlsx["load"]>[0];

/** The bytes as an ArrayBuffer of exactly their length (a Node Buffer may be a view into a larger pool). */
export function excelJsInput(bytes: Uint8Array): ExcelJsInput {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
