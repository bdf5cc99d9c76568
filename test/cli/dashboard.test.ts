/**
 * The HR dashboard (issue 17 item 5): `pipbook rollup <folder> -o dashboard.xlsx` over 25 workbooks of mixed
 * phases (upcoming, running, ended; with and without check-ins; one recorded outcome; one changed after signing).
 *
 * - the Dashboard sheet's counts, recalculated by LibreOffice, equal what the CLI's own `--json` rows give, block
 *   by block (by status, by phase, by status per department, attainment bands, ending in 30 days, per quarter);
 * - the table is a native table over one row per plan, and every chart's series (read from the .xlsx chart XML)
 *   are ranges of the Dashboard sheet whose cells are formulas over the table's columns;
 * - every XML part validates against ECMA-376 (../shared/schemas/ooxml), as test/cli/ooxml-schema.test.ts checks;
 * - zh-CN: sheet names, headers, chart titles in Chinese.
 *
 * Real LibreOffice is required (CI installs libreoffice-calc).
 */
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { generateWorkbook } from "../../src/cli/workbook-io";
import { excelJsInput } from "../../src/cli/xlsx/bytes";
import { readChartRefs } from "../../src/cli/xlsx/charts";
import { recalcWithLibreOffice } from "../../src/cli/libreoffice";
import type { RollupRow } from "../../src/cli/commands";
import { parsePlanJson } from "../../src/core/plan-file";
import type { Plan } from "../../src/core/model";
import { cellOf } from "../../src/workbook";
import { cliText } from "../../src/i18n/cli";
import { dashboardText } from "../../src/i18n/dashboard";
import { validateParts, xmlPartsOf } from "../support/ooxml";
import { EXAMPLE_PLAN, runCli, tempDir } from "./harness";

jest.setTimeout(600_000);

const AS_OF = "2024-05-15";
const SHIFTS = [-270, -180, -120, -75, -30, 0, 20, 45, 60];
const DEPARTMENTS = ["销售一部", "销售二部", "Marketing"];
const STATUSES = ["on-track", "at-risk", "off-track", "not-started", "no-data"] as const;

function example(): Plan {
  const parsed = parsePlanJson(readFileSync(EXAMPLE_PLAN, "utf8"));
  if (!parsed.ok) throw new Error("example does not parse");
  return parsed.plan;
}

function shiftIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Plan i of 25: the example moved by a shift (every date in it), its check-ins scaled, in one of 3 departments. */
function planNo(i: number): Plan {
  const shift = SHIFTS[i % SHIFTS.length];
  const moved = JSON.parse(JSON.stringify(example()), (_key, value: unknown) =>
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? shiftIso(value, shift) : value,
  ) as Plan;
  const scale = [1, 0.6, 0.85, 1.2, 0.3][i % 5];
  const plan: Plan = {
    ...moved,
    header: { ...moved.header, employeeName: `员工${i + 1}`, employeeId: `E${9000 + i}`, department: DEPARTMENTS[i % 3] },
    tracking: i % 7 === 3 ? [] : moved.tracking.map((t) => ({ ...t, actual: Math.round(t.actual * scale * 100) / 100 })),
  };
  if (i === 0) plan.evaluation = { ...plan.evaluation, date: plan.header.planEnd, outcome: "partially-met" };
  return plan;
}

const quarterOf = (iso: string) => `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

interface Run {
  folder: string;
  rows: RollupRow[];
  dashboard: string;
  bytes: Uint8Array;
  computed: ExcelJS.Workbook;
}

let work: string;
const runs: Partial<Record<"en-US" | "zh-CN", Run>> = {};

beforeAll(async () => {
  work = tempDir("pipbook-dashboard-");
  const folder = path.join(work, "plans");
  await fs.mkdir(folder);
  for (let i = 0; i < 25; i++) {
    let bytes = await generateWorkbook(planNo(i), { language: i % 2 === 0 ? "zh-CN" : "en-US", asOf: AS_OF });
    if (i === 5) {
      // Changed after signing: a goal's target edited by another program after both signed.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(excelJsInput(bytes));
      const target = cellOf({ entity: "goals", row: 0, field: "target" }, "en-US")!;
      workbook.getWorksheet(target.sheet)!.getCell(target.cell).value = 40;
      bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    }
    await fs.writeFile(path.join(folder, `plan-${String(i + 1).padStart(2, "0")}.xlsx`), bytes);
  }
  const languages = ["en-US", "zh-CN"] as const;
  const rolledUp: { lang: (typeof languages)[number]; dashboard: string; rows: RollupRow[] }[] = [];
  for (const lang of languages) {
    const dashboard = path.join(work, `dashboard-${lang}.xlsx`);
    const run = await runCli(["rollup", folder, "--as-of", AS_OF, "--json", "-o", dashboard, "--lang", lang]);
    if (run.code !== 0) throw new Error(`rollup failed: ${run.stderr}`);
    rolledUp.push({ lang, dashboard, rows: (JSON.parse(run.stdout) as { rows: RollupRow[] }).rows });
  }
  // Both languages' dashboards in one soffice run (its start-up is most of a run; the outputs keep their names).
  const recalculated = await recalcWithLibreOffice(
    rolledUp.map((r) => r.dashboard),
    path.join(work, "lo"),
  );
  for (const [i, { lang, dashboard, rows }] of rolledUp.entries()) {
    const computed = new ExcelJS.Workbook();
    await computed.xlsx.load(excelJsInput(await fs.readFile(recalculated.outputs[i])));
    runs[lang] = { folder, rows, dashboard, bytes: new Uint8Array(await fs.readFile(dashboard)), computed };
  }
});

function run(lang: "en-US" | "zh-CN"): Run {
  const r = runs[lang];
  if (!r) throw new Error("beforeAll did not finish");
  return r;
}

/** A cell's value, or for a formula what the file holds as its result (Cell.result: ExcelJS's `value` drops a 0 result). */
function computedValue(cell: ExcelJS.Cell): number | string | null {
  if (cell.formula) return cell.result as number | string;
  return cell.value as number | string | null;
}

/** The block titled `title` on the Dashboard sheet: its header row and its rows as label → numbers. */
function blockOf(sheet: ExcelJS.Worksheet, title: string): { headers: string[]; rows: Map<string, (number | string | null)[]> } {
  let titleRow = 0;
  sheet.eachRow((row, n) => {
    if (titleRow === 0 && row.getCell(1).value === title) titleRow = n;
  });
  if (titleRow === 0) throw new Error(`no block "${title}"`);
  const header = sheet.getRow(titleRow + 1);
  const headers: string[] = [];
  for (let c = 1; header.getCell(c).text !== ""; c++) headers.push(header.getCell(c).text);
  const rows = new Map<string, (number | string | null)[]>();
  for (let r = titleRow + 2; ; r++) {
    const label = sheet.getRow(r).getCell(1).value;
    if (label === null || label === undefined || label === "") break;
    rows.set(
      String(label),
      headers.slice(1).map((_h, k) => {
        return computedValue(sheet.getRow(r).getCell(k + 2));
      }),
    );
  }
  return { headers, rows };
}

const count = (rows: RollupRow[], pred: (r: RollupRow) => boolean) => rows.filter(pred).length;

describe("the dashboard's numbers, recalculated by LibreOffice, equal the CLI's rollup JSON", () => {
  test("25 plans of mixed phases: by status, by phase, by status per department", () => {
    const { rows, computed } = run("en-US");
    expect(rows).toHaveLength(25);
    const phases = new Set(rows.map((r) => r.phase));
    expect([...phases].sort()).toEqual(["ended", "running", "upcoming"]);
    // more than one status among them, or the per-status test would prove little
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(3);
    const sheet = computed.getWorksheet("Dashboard")!;
    const t = (key: Parameters<typeof dashboardText>[1]) => dashboardText("en-US", key);

    const byStatus = blockOf(sheet, t("block.status"));
    for (const s of STATUSES) expect(byStatus.rows.get(cliText("en-US", `status.${s}`))).toEqual([count(rows, (r) => r.status === s)]);
    expect(byStatus.rows.get(t("total"))).toEqual([25]);

    const byPhase = blockOf(sheet, t("block.phase"));
    for (const p of ["upcoming", "running", "ended"] as const) expect(byPhase.rows.get(t(`phase.${p}`))).toEqual([count(rows, (r) => r.phase === p)]);

    const byDepartment = blockOf(sheet, t("block.department"));
    expect([...byDepartment.rows.keys()].sort()).toEqual([...DEPARTMENTS].sort());
    for (const d of DEPARTMENTS) {
      const expected = STATUSES.map((s) => count(rows, (r) => r.department === d && r.status === s));
      expect(byDepartment.rows.get(d)).toEqual([...expected, count(rows, (r) => r.department === d)]);
    }
  });

  test("attainment bands, running plans ending in the next 30 days", () => {
    const { rows, computed } = run("en-US");
    const sheet = computed.getWorksheet("Dashboard")!;
    const t = (key: Parameters<typeof dashboardText>[1]) => dashboardText("en-US", key);
    const att = (lo: number, hi: number) => count(rows, (r) => r.overallAttainment !== null && r.overallAttainment >= lo && r.overallAttainment < hi);
    const bands = blockOf(sheet, t("block.attainment"));
    expect([...bands.rows.values()].map((v) => v[0])).toEqual([
      att(-Infinity, 0.5),
      att(0.5, 0.7),
      att(0.7, 0.9),
      att(0.9, 1),
      att(1, Infinity),
      count(rows, (r) => r.overallAttainment === null),
    ]);
    expect(count(rows, (r) => r.overallAttainment === null)).toBeGreaterThan(0);

    const ending = blockOf(sheet, t("block.ending"));
    const running = (lo: number, hi: number) => count(rows, (r) => r.phase === "running" && r.daysLeft >= lo && r.daysLeft <= hi);
    expect([...ending.rows.values()].map((v) => v[0])).toEqual([running(0, 7), running(8, 14), running(15, 21), running(22, 30)]);
  });

  test("per quarter: opened, closed, their outcomes (recorded, else suggested), mean attainment of the plans closed", () => {
    const { rows, computed } = run("en-US");
    const sheet = computed.getWorksheet("Dashboard")!;
    const quarters = blockOf(sheet, dashboardText("en-US", "block.quarters"));
    const labels = [...quarters.rows.keys()];
    expect(labels[0]).toBe(rows.map((r) => quarterOf(r.planStart)).sort()[0]);
    expect(labels.at(-1)).toBe(rows.map((r) => quarterOf(r.planEnd)).sort().at(-1));
    expect(rows.filter((r) => r.recordedOutcome !== null)).toHaveLength(1);
    for (const [q, values] of quarters.rows) {
      const closed = rows.filter((r) => r.phase === "ended" && quarterOf(r.planEnd) === q);
      const outcome = (o: string) => closed.filter((r) => (r.recordedOutcome ?? r.outcomeSuggestion) === o).length;
      const withData = closed.filter((r) => r.overallAttainment !== null);
      expect(values.slice(0, 5)).toEqual([count(rows, (r) => quarterOf(r.planStart) === q), closed.length, outcome("met"), outcome("partially-met"), outcome("not-met")]);
      if (withData.length === 0) expect(values[5]).toEqual({ error: "#N/A" });
      else expect(values[5] as number).toBeCloseTo(withData.reduce((a, r) => a + r.overallAttainment!, 0) / withData.length, 9);
    }
    expect([...quarters.rows.values()].reduce((a, v) => a + (v[0] as number), 0)).toBe(25);
    expect([...quarters.rows.values()].reduce((a, v) => a + (v[1] as number), 0)).toBe(count(rows, (r) => r.phase === "ended"));
  });

  test("the table: one row per plan with the JSON's values; days left and phase live from the as-of cell; changed after signing counted", () => {
    const { rows, computed } = run("en-US");
    const plans = computed.getWorksheet("Plans")!;
    const header = (plans.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(String);
    const col = (key: Parameters<typeof dashboardText>[1]) => header.indexOf(dashboardText("en-US", key)) + 1;
    const value = (r: number, key: Parameters<typeof dashboardText>[1]) => computedValue(plans.getRow(r).getCell(col(key)));
    rows.forEach((row, i) => {
      const r = 3 + i;
      expect(value(r, "col.employeeId")).toBe(row.employeeId);
      expect(value(r, "col.daysLeft")).toBe(row.daysLeft);
      expect(value(r, "col.phase")).toBe(dashboardText("en-US", `phase.${row.phase}`));
      expect(value(r, "col.status")).toBe(cliText("en-US", `status.${row.status}`));
      expect(value(r, "col.changedAfterSigning")).toBe(row.changedAfterSigning);
      expect(value(r, "col.file")).toBe(path.basename(row.file));
    });
    const changed = rows.filter((r) => r.changedAfterSigning > 0);
    expect(changed.map((r) => r.employeeId)).toEqual(["E9005"]);
  });
});

describe("a native table, native charts bound to it, valid ECMA-376", () => {
  test("PIP_Rollup spans the header and 25 rows; 6 charts, each series a Dashboard range of formulas over the table's columns", async () => {
    const { bytes } = run("en-US");
    const zip = await JSZip.loadAsync(bytes);
    const tables = Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
    expect(tables).toHaveLength(1);
    const tableXml = await zip.file(tables[0])!.async("string");
    expect(tableXml).toMatch(/name="PIP_Rollup"/);
    const ref = /ref="A2:([A-Z]+)27"/.exec(tableXml);
    expect(ref).not.toBeNull();
    const lastColumn = ref![1];

    const written = new ExcelJS.Workbook();
    await written.xlsx.load(excelJsInput(bytes));
    const dashboard = written.getWorksheet("Dashboard")!;
    const charts = (await readChartRefs(bytes)).get("Dashboard") ?? [];
    expect(charts.map((c) => c.title)).toEqual([
      "Plans by status per department",
      "Attainment distribution",
      "Plans ending in the next 30 days",
      "Plans opened and closed per quarter",
      "Outcomes of plans closed per quarter",
      "Attainment by quarter (plans closed)",
    ]);
    expect(charts.map((c) => c.kind)).toEqual(["barChart", "barChart", "barChart", "barChart", "barChart", "lineChart"]);
    const tableRange = new RegExp(`^'Plans'!\\$([A-Z]+)\\$3:\\$\\1\\$27$`);
    for (const chart of charts) {
      expect(chart.series.length).toBeGreaterThan(0);
      for (const s of chart.series) {
        const m = /^'Dashboard'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(s.values);
        expect(m).not.toBeNull();
        expect(s.categories).toMatch(/^'Dashboard'!\$A\$\d+:\$A\$\d+$/);
        for (let r = Number(m![2]); r <= Number(m![4]); r++) {
          const cell = dashboard.getCell(`${m![1]}${r}`).value as ExcelJS.CellFormulaValue;
          expect(typeof cell.formula).toBe("string");
          // Every range it reads is a whole column of the table's 25 rows (or a row of the block itself).
          const refs = cell.formula.match(/'Plans'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+/g) ?? [];
          for (const r2 of refs) {
            expect(r2).toMatch(tableRange);
            expect(r2.replace(/^'Plans'!\$([A-Z]+).*/, "$1") <= lastColumn || r2.length < 0).toBe(true);
          }
          expect(refs.length).toBeGreaterThan(0);
        }
      }
    }
  });

  test("every XML part of both languages' dashboards validates against ../shared/schemas/ooxml", async () => {
    const parts = [...(await xmlPartsOf("dashboard en-US", run("en-US").bytes)), ...(await xmlPartsOf("dashboard zh-CN", run("zh-CN").bytes))];
    const report = await validateParts(parts);
    expect(report.problems).toEqual([]);
    expect(report.checked).toBe(parts.length);
    expect(report.bySchema["dml-chart.xsd"]).toBe(12);
  });

  test("zh-CN: sheet names, table headers, block titles and chart titles in Chinese, the same counts", async () => {
    const zh = run("zh-CN");
    const en = run("en-US");
    const t = (key: Parameters<typeof dashboardText>[1]) => dashboardText("zh-CN", key);
    expect(zh.computed.worksheets.map((w) => w.name)).toEqual([t("sheet.plans"), t("sheet.dashboard")]);
    expect((zh.computed.getWorksheet(t("sheet.plans"))!.getRow(2).values as ExcelJS.CellValue[]).slice(1, 4)).toEqual(["员工", "工号", "部门"]);
    const charts = (await readChartRefs(zh.bytes)).get(t("sheet.dashboard")) ?? [];
    expect(charts.map((c) => c.title)).toContain("各部门计划状态");
    const status = blockOf(zh.computed.getWorksheet(t("sheet.dashboard"))!, t("block.status"));
    for (const s of STATUSES) expect(status.rows.get(cliText("zh-CN", `status.${s}`))).toEqual([count(en.rows, (r) => r.status === s)]);
  });
});
