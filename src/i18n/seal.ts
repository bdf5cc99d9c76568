/**
 * Messages of the seal of a signed plan (src/core/seal.ts, src/excel/seal.ts), zh-CN and en-US side by side.
 *
 * For translators: {cell} is "Sheet!A1" as the workbook names it now; {date} the signing date (YYYY-MM-DD);
 * {was} and {now} the value when signed and now, already quoted or labelled in your language; {table} a table's
 * name, {n} a 1-based row number, {id} a row's id. Keep every placeholder.
 */
import { localize, type Localized, type MessageParam } from "./findings";

const L = (zh: string, en: string): Localized => ({ "zh-CN": zh, "en-US": en });

export const SEAL_MESSAGES = {
  SEAL_CHANGED: L("{cell} 在 {date} 签字时为 {was}，现为 {now}：签字后已改动，请双方重新签字", "{cell} was {was} when signed on {date}, now {now}: changed after signing — ask both to sign again"),
  SEAL_ROW_ADDED: L("{cell}：{table}第 {n} 行是 {date} 签字后新增的，请双方重新签字", "{cell}: row {n} of {table} was added after signing on {date} — ask both to sign again"),
  SEAL_ROW_REMOVED: L("{table}：{date} 签字时的第 {n} 行{id}已被删除，请双方重新签字", "{table}: row {n}{id} signed on {date} has been deleted — ask both to sign again"),
  SEAL_DAMAGED: L(
    "已签字计划的封存记录（隐藏工作表 PIP_Journal 的 C 列）被改动或已损坏，无法核对签字后的改动；请双方重新签字，下次保存时将重新封存",
    "The record of what was signed (column C of the hidden sheet PIP_Journal) was edited or is damaged, so changes after signing cannot be checked; ask both to sign again, and the next save seals the plan again",
  ),
} as const satisfies Record<string, Localized>;

export type SealMessageId = keyof typeof SEAL_MESSAGES;

/** Words inside the seal's messages. */
export const SEAL_WORDS = {
  empty: L("（空）", "(empty)"),
  yes: L("是", "yes"),
  no: L("否", "no"),
  /** The Sign-off sheet's line once the plan was changed after signing. */
  changedLine: L("签字后已改动——请双方重新签字", "Changed after signing — ask both to sign again"),
} as const satisfies Record<string, Localized>;

export function sealMessage(id: SealMessageId, params: Record<string, MessageParam>): Localized {
  return localize(SEAL_MESSAGES[id], params);
}
