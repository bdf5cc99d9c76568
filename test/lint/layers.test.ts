/**
 * The layer table of docs/ARCHITECTURE.md is what ESLint enforces (eslint.config.mjs, rule `pipbook/layers`): each
 * case lints one import written in a file of a layer, with the project's own config, and expects the rule's verdict.
 * ESLint's config is an ES module, so the cases run in one child `node` process (jest runs CommonJS).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

type Verdict = "ok" | "layer" | "typesOnly" | "pkg" | "shipped" | "standIn";
interface Case {
  file: string;
  code: string;
  expected: Verdict;
}

const ROOT = path.resolve(__dirname, "../..");

const CASES: Case[] = [
  // i18n imports nothing of ours
  { file: "src/i18n/x.ts", code: `import type { Plan } from "../core/model";`, expected: "layer" },
  { file: "src/i18n/x.ts", code: `import type { Language } from "./language";`, expected: "ok" },
  { file: "src/i18n/x.ts", code: `import { columnLetters } from "../a1";`, expected: "layer" },
  { file: "src/i18n/x.ts", code: `import { z } from "zod";`, expected: "pkg" },
  // core: only i18n (and a1), zod, ical-generator, @noble/hashes
  { file: "src/core/x.ts", code: `import { fieldLabel } from "../i18n/findings";`, expected: "ok" },
  { file: "src/core/x.ts", code: `import { z } from "zod";`, expected: "ok" },
  { file: "src/core/x.ts", code: `import { LAYOUT } from "../workbook/layout";`, expected: "layer" },
  { file: "src/core/x.ts", code: `import { useState } from "react";`, expected: "pkg" },
  // workbook: only core, i18n, a1 — at any depth
  { file: "src/workbook/sheets/x.ts", code: `import type { Plan } from "../../core/model";`, expected: "ok" },
  { file: "src/workbook/sheets/x.ts", code: `import { writePlan } from "../../excel/writer";`, expected: "layer" },
  { file: "src/workbook/x.ts", code: `export { quoteSheetName } from "../a1";`, expected: "ok" },
  // excel: not the task pane, the preview or the CLI; never the stand-in (it ships)
  { file: "src/excel/x.ts", code: `import { useUi } from "../taskpane/context";`, expected: "layer" },
  { file: "src/excel/x.ts", code: `import { persist } from "../preview/persist";`, expected: "layer" },
  { file: "src/excel/x.ts", code: `export * from "../cli/main";`, expected: "layer" },
  { file: "src/excel/x.ts", code: `import { createMemoryExcel } from "../memory-excel";`, expected: "shipped" },
  { file: "src/excel/x.ts", code: `import type { WorkbookPort } from "../port";`, expected: "ok" },
  // the one exception: the lazy employee-copy chunk's entry may import the CLI's builder, its .xlsx reader and the
  // stand-in (through its index) — that file only, and nothing else of the CLI
  { file: "src/excel/employee-copy-build.ts", code: `import { employeeCopyOfPlan } from "../cli/xlsx/employee-copy";`, expected: "ok" },
  { file: "src/excel/employee-copy-build.ts", code: `import { readXlsx } from "../cli/xlsx/read-xlsx";`, expected: "ok" },
  { file: "src/excel/employee-copy-build.ts", code: `import { MemoryExcel } from "../memory-excel";`, expected: "ok" },
  { file: "src/excel/employee-copy-build.ts", code: `import { readWorkbook } from "../cli/workbook-io";`, expected: "layer" },
  { file: "src/excel/employee-copy-build.ts", code: `import { main } from "../cli/main";`, expected: "layer" },
  { file: "src/excel/employee-copy-build.ts", code: `import { HyperFormula } from "hyperformula";`, expected: "shipped" },
  { file: "src/excel/employee-copy.ts", code: `import { employeeCopyOfPlan } from "../cli/xlsx/employee-copy";`, expected: "layer" },
  { file: "src/excel/employee-copy.ts", code: `import { MemoryExcel } from "../memory-excel";`, expected: "shipped" },
  { file: "src/excel/office-port.ts", code: `const b = () => import("../cli/xlsx/employee-copy");`, expected: "layer" },
  { file: "src/excel/write/employee-copy-build.ts", code: `import { readXlsx } from "../../cli/xlsx/read-xlsx";`, expected: "layer" },
  { file: "src/taskpane/EmployeeCopy/EmployeeCopy.tsx", code: `import { employeeCopyOfPlan } from "../../cli/xlsx/employee-copy";`, expected: "layer" },
  { file: "src/taskpane/EmployeeCopy/x.ts", code: `import { createMemoryExcel } from "../../memory-excel";`, expected: "shipped" },
  // the task pane: the port's types only; never src/excel, never the stand-in or HyperFormula
  { file: "src/taskpane/App/x.ts", code: `import type { WorkbookPort } from "../../port";`, expected: "ok" },
  { file: "src/taskpane/App/x.ts", code: `import { type WorkbookPort } from "../../port";`, expected: "ok" },
  { file: "src/taskpane/App/x.ts", code: `import { PORT } from "../../port";`, expected: "typesOnly" },
  { file: "src/taskpane/App/x.ts", code: `import type { WorkbookPort } from "../../excel/port";`, expected: "layer" },
  { file: "src/taskpane/App/x.ts", code: `const load = () => import("../../excel/office-port");`, expected: "layer" },
  { file: "src/taskpane/index.tsx", code: `const load = () => import("../excel/office-port");`, expected: "ok" },
  { file: "src/taskpane/x.ts", code: `import { createMemoryExcel } from "../memory-excel";`, expected: "shipped" },
  { file: "src/taskpane/x.ts", code: `import { HyperFormula } from "hyperformula";`, expected: "shipped" },
  // the stand-in: through its index (or its engine's entry) only, for everyone outside it
  { file: "test/x.test.ts", code: `import { MemoryRequestContext } from "../src/memory-excel/proxy";`, expected: "standIn" },
  { file: "bench/x.ts", code: `import type { WorkbookSnapshot } from "../src/memory-excel/snapshot";`, expected: "standIn" },
  { file: "test/x.test.ts", code: `import { createMemoryExcel } from "../src/memory-excel";`, expected: "ok" },
  { file: "test/x.test.ts", code: `import { createHyperFormulaEngine } from "../src/memory-excel/hyperformula-engine";`, expected: "ok" },
  { file: "src/memory-excel/x.ts", code: `import { MemoryRequestContext } from "./proxy";`, expected: "ok" },
  { file: "src/memory-excel/x.ts", code: `import type { Plan } from "../core/model";`, expected: "layer" },
  { file: "src/memory-excel/x.ts", code: `import { columnLetters } from "../a1";`, expected: "ok" },
  // preview: everything above, and of the CLI only its .xlsx conversion
  { file: "src/preview/x.ts", code: `const w = () => import("../cli/xlsx/write-xlsx");`, expected: "ok" },
  { file: "src/preview/x.ts", code: `import { main } from "../cli/main";`, expected: "layer" },
  { file: "src/preview/x.ts", code: `import { Pane } from "../taskpane/Root/Root";`, expected: "ok" },
  // cli: everything but React and the task pane
  { file: "src/cli/x.ts", code: `import { createMemoryExcel } from "../memory-excel";`, expected: "ok" },
  { file: "src/cli/x.ts", code: `import { useUi } from "../taskpane/context";`, expected: "layer" },
  { file: "src/cli/xlsx/x.ts", code: `import { createElement } from "react";`, expected: "pkg" },
  // a1 imports nothing of ours
  { file: "src/a1/x.ts", code: `import { uiText } from "../i18n/ui";`, expected: "layer" },
  { file: "src/a1/x.ts", code: `import { HyperFormula } from "hyperformula";`, expected: "shipped" },
  { file: "src/a1/x.ts", code: `import { parse } from "csv-parse/sync";`, expected: "pkg" },
  { file: "src/workbook/x.ts", code: `import ExcelJS from "exceljs";`, expected: "pkg" },
];

const SCRIPT = `
import { ESLint } from "eslint";
const cases = JSON.parse(process.env.LAYER_CASES);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const c of cases) {
  const [result] = await eslint.lintText(c.code + "\\n", { filePath: c.filePath });
  out.push(result.messages.filter((m) => m.ruleId === "pipbook/layers" || m.fatal).map((m) => m.messageId ?? "fatal:" + m.message));
}
process.stdout.write(JSON.stringify(out));
`;

describe("the layer table is what ESLint enforces (pipbook/layers)", () => {
  let verdicts: string[][] = [];

  beforeAll(() => {
    const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", SCRIPT], {
      cwd: ROOT,
      env: { ...process.env, LAYER_CASES: JSON.stringify(CASES.map((c) => ({ code: c.code, filePath: path.join(ROOT, c.file) }))) },
      encoding: "utf8",
    });
    verdicts = JSON.parse(stdout) as string[][];
  }, 60_000);

  it.each(CASES.map((c, i) => [c.file, c.code, c.expected, i] as const))("%s: %s → %s", (_file, _code, expected, i) => {
    expect(verdicts[i]).toEqual(expected === "ok" ? [] : [expected]);
  });
});
