/** Placeholder until the in-memory Excel and the workbook writer land. */
import type { Finding } from "../core/findings";
import type { Language, Plan } from "../core/model";

export async function generateWorkbook(_plan: Plan, _options: { language: Language; asOf?: string }): Promise<Uint8Array> {
  throw new Error("generate: not wired yet");
}

export async function readWorkbook(_bytes: Uint8Array, _file: string): Promise<{ plan: Plan | null; findings: Finding[] }> {
  throw new Error("xlsx reading: not wired yet");
}
