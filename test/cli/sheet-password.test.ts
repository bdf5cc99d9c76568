/**
 * A PIP sheet protected with a password in an .xlsx, through the CLI (the preflight of issue 10 in the CLI's
 * reader/writer): the file keeps only the password's hash, so `pipbook generate -o` onto it refuses with the
 * add-in's sentence and leaves the file byte for byte; a user's own sheet with a password keeps its hash through a
 * save, instead of losing its protection.
 */
import { copyFile, readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { EXAMPLE_PLAN, runCli, tempDir } from "./harness";

async function protect(file: string, sheetName: string, password: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const ws = workbook.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet ${sheetName}`);
  await ws.protect(password, { selectLockedCells: true });
  await workbook.xlsx.writeFile(file);
}

async function hashOf(file: string, sheetName: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const p = (workbook.getWorksheet(sheetName) as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
  return p ? { sheet: p.sheet, hashValue: p.hashValue, saltValue: p.saltValue, algorithmName: p.algorithmName } : null;
}

/** The example generated in English, once: both tests start from a copy of it. */
let generated: string;
beforeAll(async () => {
  generated = path.join(tempDir(), "generated.xlsx");
  expect((await runCli(["generate", EXAMPLE_PLAN, "-o", generated, "--lang", "en-US"])).code).toBe(0);
}, 120_000);

describe("sheet passwords through the CLI", () => {
  test("generate -o onto a workbook whose Actions sheet has a password: refused in one line, file unchanged", async () => {
    const file = path.join(tempDir(), "plan.xlsx");
    await copyFile(generated, file);
    await protect(file, "Actions", "hr-secret");
    const before = await readFile(file);
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", file, "--lang", "en-US"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `pipbook: ${file}: Actions is protected with a password. Unprotect it in Excel (Review › Unprotect Sheet) and save again; nothing was changed.`,
    );
    expect((await readFile(file)).equals(before)).toBe(true);
  }, 120_000);

  test("a user's own sheet with a password keeps the same hash through a save", async () => {
    const file = path.join(tempDir(), "plan.xlsx");
    await copyFile(generated, file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.addWorksheet("Mine").getCell("A1").value = "private";
    await workbook.xlsx.writeFile(file);
    await protect(file, "Mine", "mine-only");
    const hash = await hashOf(file, "Mine");
    expect(hash).toMatchObject({ sheet: true, algorithmName: "SHA-512" });
    const run = await runCli(["generate", EXAMPLE_PLAN, "-o", file, "--lang", "en-US"]);
    expect(run.code).toBe(0);
    expect(await hashOf(file, "Mine")).toEqual(hash);
  }, 120_000);
});
