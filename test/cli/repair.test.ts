/**
 * `pipbook repair`, and the CLI's reader reporting an interrupted save: a workbook whose save stopped half-way
 * (fault injected into the in-memory Excel, then written to .xlsx by the CLI's writer) reads as SAVE_INTERRUPTED
 * in `validate`, and `repair` finishes it from the journal the workbook carries, keeping a backup.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { runCli, tempDir, writeInterruptedWorkbook } from "./harness";

async function interruptedFile(): Promise<{ file: string; notes: string[] }> {
  const file = path.join(tempDir(), "interrupted.xlsx");
  return { file, notes: await writeInterruptedWorkbook(file) };
}

describe("pipbook repair", () => {
  test("validate reports the interrupted save (exit 1); repair finishes it, keeps a .bak.xlsx, and every row is there", async () => {
    const { file, notes } = await interruptedFile();
    const before = await runCli(["validate", file, "--json"]);
    expect(before.code).toBe(1);
    const findings = JSON.parse(before.stdout).findings as { code: string; message: string }[];
    expect(findings[0].code).toBe("SAVE_INTERRUPTED");
    expect(findings[0].message).toContain("pipbook repair");

    const repaired = await runCli(["repair", file]);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toMatch(/finished the save interrupted at .*interrupted\.bak\.xlsx/);
    expect(existsSync(file.replace(/\.xlsx$/, ".bak.xlsx"))).toBe(true);

    const after = await runCli(["analyze", file, "--json", "--as-of", "2024-06-30"]);
    const json = JSON.parse(after.stdout);
    expect(json.errorCount ?? 0).toBe(0);
    const validate = await runCli(["validate", file, "--json"]);
    expect((JSON.parse(validate.stdout).findings as { code: string }[]).map((f) => f.code)).not.toContain("SAVE_INTERRUPTED");
    // Read back with the add-in's reader: the row the interrupted save was adding is there, and all the others.
    const bytes = await readFile(file);
    const { readWorkbook } = await import("../../src/cli/workbook-io");
    const read = await readWorkbook(bytes, file);
    expect(read.plan?.tracking.map((e) => e.note)).toEqual(notes);

    const again = await runCli(["repair", file, "--lang", "zh-CN"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("没有中断的保存");
  }, 120_000);
});
