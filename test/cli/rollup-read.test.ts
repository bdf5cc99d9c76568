/**
 * rollup reads a workbook's tables only (src/cli/rollup-read.ts): the same rollup row as reading the whole
 * workbook — for the example in both languages, a fresh batch-like plan without check-ins, and a signed plan edited
 * after signing (the seal, kept in a sheet without tables, still finds the change) — with the derived rows gone.
 */
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readForRollup } from "../../src/cli/rollup";
import { keepRows, pipTablesOnly } from "../../src/cli/rollup-read";
import { generateWorkbook } from "../../src/cli/workbook-io";
import { excelJsInput } from "../../src/cli/xlsx/bytes";
import { parsePlanJson } from "../../src/core/plan-file";
import type { Plan } from "../../src/core/model";
import { cellOf } from "../../src/workbook";
import { EXAMPLE_PLAN, tempDir } from "./harness";

jest.setTimeout(120_000);

function example(): Plan {
  const parsed = parsePlanJson(readFileSync(EXAMPLE_PLAN, "utf8"));
  if (!parsed.ok) throw new Error("example does not parse");
  return parsed.plan;
}

test("keepRows keeps the rows inside the spans, self-closing or not", () => {
  const xml = '<sheetData><row r="1"><c r="A1"/></row><row r="2"/><row r="3" spans="1:2"><c r="A3"><v>1</v></c></row><row r="9"><c r="A9"/></row></sheetData>';
  expect(keepRows(xml, [[2, 3]])).toBe('<sheetData><row r="2"/><row r="3" spans="1:2"><c r="A3"><v>1</v></c></row></sheetData>');
});

test("the same rollup row as reading the whole workbook; the Evaluation sheet's derived rows are not read", async () => {
  const dir = tempDir("pipbook-rollup-read-");
  const plan = example();
  const files: string[] = [];
  const write = async (name: string, bytes: Uint8Array) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes);
    files.push(file);
  };
  await write("zh.xlsx", await generateWorkbook(plan, { language: "zh-CN", asOf: "2024-05-15" }));
  // en.xlsx is also the signed workbook edited below (one generation serves both)
  const signed = await generateWorkbook(plan, { language: "en-US", asOf: "2024-05-15" });
  await write("en.xlsx", signed);
  await write("fresh.xlsx", await generateWorkbook({ ...plan, tracking: [], signOff: plan.signOff.map((s) => ({ ...s, date: null })) }, { language: "zh-CN" }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(excelJsInput(signed));
  const target = cellOf({ entity: "goals", row: 0, field: "target" }, "en-US")!;
  workbook.getWorksheet(target.sheet)!.getCell(target.cell).value = 40;
  await write("edited.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));

  for (const file of files) {
    const whole = await readForRollup(file, "2024-05-15", { tablesOnly: false });
    const tables = await readForRollup(file, "2024-05-15");
    expect(whole.kind).toBe("row");
    expect(tables).toEqual(whole);
  }
  const edited = await readForRollup(files[3], "2024-05-15");
  expect(edited.kind === "row" && edited.row.changedAfterSigning).toBe(1);

  // What is left out: rows outside every table of a sheet (the Evaluation sheet's period tables).
  const before = await JSZip.loadAsync(await fs.readFile(files[1]));
  const after = await JSZip.loadAsync(await pipTablesOnly(await fs.readFile(files[1])));
  const size = async (zip: JSZip) => {
    let n = 0;
    for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) n += (await zip.file(name)!.async("string")).length;
    return n;
  };
  expect(await size(after)).toBeLessThan((await size(before)) * 0.8);
});
