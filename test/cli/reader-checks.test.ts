/**
 * Every PIP cell a person can break is checked: the as-of cell (text, FALSE, #DIV/0!, 2024-02-30), formula cells
 * overwritten by a value (Goals, the Tracking log's key columns), tables shrunk or a column deleted (Performance
 * gaps, Evaluation), rows typed just below a table that did not take them in. Each broken workbook is made by
 * openpyxl (test/cli/support/break-cells.py, one python for all of them), the #DIV/0! one recalculated by LibreOffice
 * so that the error is cached in the file as Excel would leave it.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { recalcWithLibreOffice } from "../../src/cli/libreoffice";
import { defaultSheetNames } from "../../src/workbook";
import { copyOfGeneratedExample, runCli, tempDir } from "./harness";

jest.setTimeout(180_000);

const PYTHON = "/usr/bin/python3";
const BREAK = path.join(__dirname, "support/break-cells.py");
const zh = defaultSheetNames("zh-CN");

interface JsonFinding {
  code: string;
  severity: string;
  location: { sheet?: string; cell?: string };
  message: string;
}

let work: string;
let generated: string;

/** Every broken workbook the tests read: its name, then break-cells.py's KIND and ARGs. */
const BROKEN: [string, ...string[]][] = [
  ["asof-div0", "asof", "#DIV/0!"],
  ["asof-notadate", "asof", "notadate"],
  ["asof-FALSE", "asof", "FALSE"],
  ["asof-20240230", "asof", "2024-02-30"],
  ["formula-PIP_Goals", "formula", "PIP_Goals", "达成率", "0.9"],
  ["formula-PIP_Tracking", "formula", "PIP_Tracking", "排序键", "7"],
  ["gaps-shrunk", "shrink", "PIP_Gaps"],
  ["evaluation-no-value", "dropcolumn", "PIP_Evaluation"],
  ["tracking-below", "below", "PIP_Tracking", "2"],
  ["resaved", "resave"],
];
let broken: Map<string, { file: string; printed: string }>;

/** The workbook broken as break-cells.py's KIND and ARGs say: all of them made by one python in beforeAll. */
function breakCells(name: string, ...args: string[]): { file: string; printed: string } {
  const made = broken.get(name);
  const declared = BROKEN.find(([n]) => n === name);
  if (!made || !declared || declared.slice(1).join("\0") !== args.join("\0")) throw new Error(`${name} ${args.join(" ")} is not in BROKEN`);
  return made;
}

async function findings(file: string): Promise<{ code: number; findings: JsonFinding[] }> {
  const run = await runCli(["validate", file, "--json"]);
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings };
}

/** The two files the tests read after LibreOffice recalculated them: one soffice run for both (its start-up dominates). */
let recalculated: { example: string; div0: string; div0Cell: string };

beforeAll(async () => {
  work = tempDir();
  generated = path.join(work, "example.xlsx");
  await copyOfGeneratedExample(generated);
  const files = BROKEN.map(([name]) => path.join(work, `${name}.xlsx`));
  const jobs = BROKEN.map(([, ...args], i) => [files[i], ...args]);
  const printed = JSON.parse(execFileSync(PYTHON, [BREAK, "--batch", generated], { input: JSON.stringify(jobs), encoding: "utf8" })) as string[];
  broken = new Map(BROKEN.map(([name], i) => [name, { file: files[i], printed: printed[i] }]));
  const div0 = breakCells("asof-div0", "asof", "#DIV/0!");
  const [example, div0File] = (await recalcWithLibreOffice([generated, div0.file], path.join(work, "lo"))).outputs;
  recalculated = { example, div0: div0File, div0Cell: div0.printed };
});

describe("no false alarms", () => {
  test("the generated workbook, the same saved by openpyxl and by LibreOffice: no findings", async () => {
    const resaved = breakCells("resaved", "resave").file;
    for (const file of [generated, resaved, recalculated.example]) expect([file, await findings(file)]).toEqual([file, { code: 0, findings: [] }]);
  });
});

describe("the as-of cell", () => {
  test.each([
    ["text", "notadate", "holds the text “notadate”, not a date"],
    ["FALSE", "FALSE", "holds FALSE, not a date"],
    ["an impossible date typed as text", "2024-02-30", "holds “2024-02-30” (no such date), not a date"],
  ])("%s: AS_OF_NOT_DATE on its cell, exit 1", async (_name, value, words) => {
    const { file, printed } = breakCells(`asof-${value.replace(/\W/g, "")}`, "asof", value);
    const result = await findings(file);
    expect(result.code).toBe(1);
    expect(result.findings).toEqual([
      expect.objectContaining({ code: "AS_OF_NOT_DATE", severity: "error", location: expect.objectContaining({ sheet: zh.overview, cell: printed }) }),
    ]);
    expect(result.findings[0].message).toContain(words);
  });

  test("#DIV/0! (a formula's error, cached by LibreOffice)", async () => {
    const result = await findings(recalculated.div0);
    expect(result.findings).toEqual([expect.objectContaining({ code: "AS_OF_NOT_DATE", location: expect.objectContaining({ cell: recalculated.div0Cell }) })]);
    expect(result.findings[0].message).toContain("holds #DIV/0!");
  });
});

describe("formula cells overwritten by a value", () => {
  test.each([
    ["Goals' attainment", "PIP_Goals", "达成率", "0.9", zh.goals],
    ["the Tracking log's sort key (its sheet is unprotected)", "PIP_Tracking", "排序键", "7", zh.tracking],
  ])("%s: FORMULA_OVERWRITTEN with the value it holds now", async (_name, table, header, value, sheet) => {
    const { file, printed } = breakCells(`formula-${table}`, "formula", table, header, value);
    const result = await findings(file);
    expect(result.findings).toEqual([expect.objectContaining({ code: "FORMULA_OVERWRITTEN", location: expect.objectContaining({ sheet, cell: printed }) })]);
    expect(result.findings[0].message).toBe(`${sheet}!${printed} held a formula PIPbook writes; it now holds ${value} — the next Save restores it`);
  });
});

describe("tables shrunk, a column deleted, rows typed below", () => {
  test("Performance gaps shrunk by a row: the row left outside is ROW_BELOW_TABLE, not silently dropped", async () => {
    const { file, printed } = breakCells("gaps-shrunk", "shrink", "PIP_Gaps");
    const result = await findings(file);
    expect(result.code).toBe(1);
    // The example is signed: a gap row out of the table is also a change after signing (test/excel/seal.test.ts).
    expect(result.findings.filter((f) => f.code === "SEAL_ROW_REMOVED")).toHaveLength(1);
    result.findings = result.findings.filter((f) => !f.code.startsWith("SEAL_"));
    expect(result.findings).toEqual([expect.objectContaining({ code: "ROW_BELOW_TABLE", location: expect.objectContaining({ sheet: zh.overview, cell: `A${printed}` }) })]);
    expect(result.findings[0].message).toContain(`row ${printed} is below the Performance gaps table`);
  });

  test("the Evaluation table without its value column: VALUE_COLUMN_MISSING (the file is not refused)", async () => {
    const { file } = breakCells("evaluation-no-value", "dropcolumn", "PIP_Evaluation");
    const result = await findings(file);
    expect(result.findings).toEqual([expect.objectContaining({ code: "VALUE_COLUMN_MISSING", severity: "error", location: expect.objectContaining({ sheet: zh.evaluation }) })]);
  });

  test("two rows typed right below the Tracking log, the table not extended: one finding per row, with its cells", async () => {
    const { file, printed } = breakCells("tracking-below", "below", "PIP_Tracking", "2");
    const first = Number(printed);
    const result = await findings(file);
    expect(result.findings.map((f) => [f.code, f.location.cell])).toEqual([
      ["ROW_BELOW_TABLE", `A${first}`],
      ["ROW_BELOW_TABLE", `A${first + 1}`],
    ]);
    expect(result.findings[1].message).toBe(
      `row ${first + 1} is below the Tracking log table, not in it, and is not read: extend the table to include it (drag the table's corner, or Table Design → Resize Table)`,
    );
  });
});
