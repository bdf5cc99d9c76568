/**
 * `pipbook export plan.xlsx --for employee -o copy.xlsx` (issue 17, item 2): the copy holds none of what is for HR
 * and the manager only (every part of the .xlsx scanned for the restricted texts), still computes the same
 * attainment (recalculated by LibreOffice, an engine nobody here wrote), and validates against ECMA-376
 * (../shared/schemas/ooxml). Real LibreOffice is required (CI installs libreoffice-calc).
 */
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { recalcWithLibreOffice } from "../../src/cli/libreoffice";
import { excelJsInput } from "../../src/cli/xlsx/bytes";
import { generateWorkbook, readWorkbook } from "../../src/cli/workbook-io";
import { parsePlanJson } from "../../src/core/plan-file";
import type { Plan } from "../../src/core/model";
import { columnLetter, defaultSheetNames, recordRowOf, recordTable } from "../../src/workbook";
import { restrictedColumns } from "../../src/workbook/audience";
import { validateParts, xmlPartsOf } from "../support/ooxml";
import { EXAMPLE_PLAN, runCli, tempDir } from "./harness";

jest.setTimeout(300_000);

const SECRETS = { reasons: "Reason-7F3 kept from the employee", notes: "HR-NOTE-9A1 compare with the team", measuresToStandardise: "Measure-2B4 not yet agreed" };

/** The example with an evaluation HR and the manager are still drafting (no date: not decided). */
function draftingPlan(): Plan {
  const parsed = parsePlanJson(readFileSync(EXAMPLE_PLAN, "utf8"));
  if (!parsed.ok) throw new Error("example does not parse");
  const plan = parsed.plan;
  return {
    ...plan,
    header: { ...plan.header, language: "en-US" },
    evaluation: { ...plan.evaluation, date: null, outcome: "partially-met", decision: "extend", extensionEnd: "2024-08-30", ...SECRETS },
  };
}

/** Every part of the package as text (UTF-8 and Latin-1 both, so no encoding hides a string). */
async function partsText(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    const raw = await zip.files[name].async("uint8array");
    out.set(name, `${new TextDecoder().decode(raw)}\n${Buffer.from(raw).toString("latin1")}`);
  }
  return out;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(excelJsInput(await fs.readFile(file)));
  return workbook;
}

const summary = recordTable("PIP_Summary");
const summaryCell = (key: string) => `${columnLetter(summary.anchor.col + 1)}${recordRowOf(summary, key)}`;
const names = defaultSheetNames("en-US");

describe("pipbook export --for employee", () => {
  const dir = tempDir("pipbook-export-");
  const original = path.join(dir, "plan.xlsx");
  const copy = path.join(dir, "copy.xlsx");
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    await fs.writeFile(original, await generateWorkbook(draftingPlan(), { language: "en-US", asOf: "2024-05-15" }));
    run = await runCli(["export", original, "--for", "employee", "-o", copy, "--as-of", "2024-05-15"]);
  });

  test("writes the copy and says how many items it left out", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Wrote the employee's copy ${copy}: ${restrictedColumns(draftingPlan()).length} item(s) for HR and the manager only left out\n`);
  });

  test("no part of the copy holds a restricted text, while the original does (the scan can find them)", async () => {
    const before = [...(await partsText(await fs.readFile(original))).values()].join("\n");
    for (const secret of Object.values(SECRETS)) expect(before).toContain(secret);
    const parts = await partsText(await fs.readFile(copy));
    expect(parts.size).toBeGreaterThan(10);
    for (const [part, text] of parts) for (const secret of Object.values(SECRETS)) expect({ part, found: text.includes(secret) }).toEqual({ part, found: false });
  });

  test("the copy's plan: the undecided evaluation emptied, everything the employee signed and tracked kept", async () => {
    const plan = draftingPlan();
    const read = await readWorkbook(await fs.readFile(copy), "copy.xlsx");
    expect(read.plan?.evaluation).toEqual({ date: null, outcome: null, decision: null, measuresToStandardise: "", reasons: "", extensionEnd: null, notes: "" });
    expect(read.plan?.goals).toEqual(plan.goals);
    expect(read.plan?.tracking).toEqual(plan.tracking);
    expect(read.plan?.signOff).toEqual(plan.signOff);
    expect(read.findings.filter((f) => f.code.startsWith("SEAL_"))).toEqual([]);
  });

  test("LibreOffice computes the same overall attainment in the copy; the suggested outcome is empty there only", async () => {
    const out = await recalcWithLibreOffice([original, copy], path.join(dir, "recalculated"));
    const [computedOriginal, computedCopy] = await Promise.all(out.outputs.map(load));
    const value = (wb: ExcelJS.Workbook, key: string) => {
      const { value: v } = wb.getWorksheet(names.overview)!.getCell(summaryCell(key));
      return typeof v === "object" && v !== null && "result" in v ? v.result : v;
    };
    const overall = value(computedOriginal, "overall");
    expect(typeof overall).toBe("number");
    expect(value(computedCopy, "overall")).toBeCloseTo(overall as number, 9);
    expect(["Met", "Partially met", "Not met"]).toContain(value(computedOriginal, "outcome"));
    expect(value(computedCopy, "outcome") ?? "").toBe("");
  });

  test("every XML part of the copy is well-formed and valid against ECMA-376", async () => {
    const report = await validateParts(await xmlPartsOf("copy.xlsx", await fs.readFile(copy)));
    expect(report.checked).toBeGreaterThan(10);
    expect(report.problems).toEqual([]);
  });

  test("once the evaluation is dated (decided), the outcome, decision and reasons are the employee's too", async () => {
    const decided = { ...draftingPlan(), evaluation: { ...draftingPlan().evaluation, date: "2024-06-28" } };
    const file = path.join(dir, "decided.xlsx");
    const decidedCopy = path.join(dir, "decided-copy.xlsx");
    await fs.writeFile(file, await generateWorkbook(decided, { language: "en-US", asOf: "2024-06-28" }));
    expect((await runCli(["export", file, "--for", "employee", "-o", decidedCopy])).code).toBe(0);
    const read = await readWorkbook(await fs.readFile(decidedCopy), "decided-copy.xlsx");
    expect(read.plan?.evaluation).toEqual(decided.evaluation);
  });

  test("--for anyone else is a usage error naming the value, in the user's language", async () => {
    const refused = await runCli(["export", original, "--for", "hr", "-o", path.join(dir, "x.xlsx")]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--for hr: only the employee's copy can be exported for now (--for employee)");
    const zh = await runCli(["export", original, "--for", "hr", "-o", path.join(dir, "x.xlsx")], { env: { LANG: "zh_CN.UTF-8" } });
    expect(zh.stderr).toContain("--for hr：目前只能导出员工副本（--for employee）");
  });
});
