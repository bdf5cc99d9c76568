/**
 * What the CLI's main thread and its workers (./pool.ts, ./entry.ts) say to each other: structured-clone data
 * only (a plan, a file name, the bytes of a workbook — transferred, not copied).
 */
import type { Language, Plan } from "../../core/model";
import type { CliMessageKey, CliParams } from "../../i18n/cli";
import type { RollupRead } from "../rollup";

export type WorkerTask =
  /** The workbook bytes of `plan` (generateWorkbook: the add-in's writer on the in-memory Excel, then the .xlsx writer). */
  | { kind: "generate"; plan: Plan; language: Language; asOf?: string }
  /** One workbook of a rollup folder: its PIP tables read, its row computed (./rollup.ts). */
  | { kind: "rollup"; file: string; asOf: string };

export type WorkerReply =
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "rollup"; read: RollupRead }
  /** A CliError (key and parameters, rendered by the main thread in its language) or another error's message. */
  | { kind: "error"; cliError: { key: CliMessageKey; params: CliParams; exitCode: number } | null; message: string };
