/**
 * The 100 % line on the attainment chart (issue 12) and the quarter-over-quarter chart (issue 17) in the .xlsx that
 * `pipbook generate` writes: native chart parts bound to the Evaluation sheet's ranges, read back by our chart-part
 * reader, by LibreOffice (a headless round trip, then its file read again, with the values it computed) and by
 * openpyxl (a reader we did not write: ./chart-refs.py).
 *
 * Needs Debian's libreoffice-calc and python3-openpyxl (as the other CLI tests).
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { analyzePlan } from "../../src/core/analysis";
import type { Plan } from "../../src/core/model";
import { recalcWithLibreOffice } from "../../src/cli/libreoffice";
import { excelJsInput } from "../../src/cli/xlsx/bytes";
import { readChartRefs } from "../../src/cli/xlsx/charts";
import { CHART_SERIES, CHART_TITLES } from "../../src/i18n/evaluation";
import { columnLetter, defaultSheetNames } from "../../src/workbook";
import { evaluationColumnIndex, periodRowOf } from "../../src/workbook/sheets/evaluation";
import { runCli, tempDir } from "../cli/harness";
import { examplePlan } from "./support";

jest.setTimeout(600_000);

const AS_OF = "2024-06-30";
const names = defaultSheetNames("zh-CN");
/** The worked example started a month earlier: March and Q2, two quarters. */
const plan: Plan = (() => {
  const p = examplePlan();
  return { ...p, header: { ...p.header, planStart: "2024-03-04" } };
})();
const analysis = analyzePlan(plan, { asOf: AS_OF });
const weeks = analysis.goals[0].periods.length;
const quarters = analysis.goals[0].quarters.length;

/** `效果评估!$X$6:$X$22` of a derived table's column over goal g's rows. */
function block(table: "PIP_EvalPeriods" | "PIP_EvalQuarters", key: string, g: number, count: number): string {
  const letter = columnLetter(evaluationColumnIndex(table, key));
  return `${names.evaluation}!$${letter}$${periodRowOf(table, count, g, 0)}:$${letter}$${periodRowOf(table, count, g, count - 1)}`;
}

let generated = "";
let recalculated = "";

beforeAll(async () => {
  const dir = tempDir("pipbook-qoq-");
  const planFile = path.join(dir, "two-quarters.plan.json");
  generated = path.join(dir, "two-quarters.xlsx");
  await fs.writeFile(planFile, JSON.stringify(plan));
  const run = await runCli(["generate", planFile, "-o", generated, "--as-of", AS_OF]);
  if (run.code !== 0) throw new Error(run.stderr);
  const out = path.join(dir, "lo");
  await recalcWithLibreOffice([generated], out);
  recalculated = path.join(out, "two-quarters.xlsx");
});

const unquote = (ref: string) => ref.replace(/'/g, "");

async function evaluationCharts(file: string) {
  return (await readChartRefs(new Uint8Array(await fs.readFile(file)))).get(names.evaluation) ?? [];
}

describe.each([
  ["as pipbook writes it", () => generated],
  ["after a LibreOffice round trip", () => recalculated],
])("the .xlsx %s", (_label, file) => {
  test("the attainment chart has a line series over the column of 1s, after one series per goal", async () => {
    const charts = await evaluationCharts(file());
    const attainment = charts.find((c) => c.title === CHART_TITLES.attainment["zh-CN"]);
    expect(attainment).toBeDefined();
    const series = attainment!.series;
    expect(series).toHaveLength(plan.goals.length + 1);
    const full = series[plan.goals.length];
    expect(full.kind).toBe("lineChart");
    expect(unquote(full.values)).toBe(block("PIP_EvalPeriods", "full", 0, weeks));
    expect(unquote(full.categories ?? "")).toBe(block("PIP_EvalPeriods", "period", 0, weeks));
  });

  test("the quarter-over-quarter chart: one column series per goal over the quarterly table's attainment", async () => {
    const charts = await evaluationCharts(file());
    const qoq = charts.find((c) => c.title === CHART_TITLES.quarters["zh-CN"]);
    expect(qoq).toBeDefined();
    expect(qoq!.kind).toBe("barChart");
    expect(qoq!.series.map((s) => unquote(s.values))).toEqual(plan.goals.map((_, g) => block("PIP_EvalQuarters", "chartAttainment", g, quarters)));
    for (const s of qoq!.series) expect(unquote(s.categories ?? "")).toBe(block("PIP_EvalQuarters", "period", 0, quarters));
  });
});

test("the generated chart part draws the 100 % series dashed, in grey, with its legend text", async () => {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(await fs.readFile(generated));
  const parts = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async("string")));
  const withLine = parts.filter((xml) => xml.includes(CHART_SERIES.full["zh-CN"]));
  expect(withLine).toHaveLength(1);
  const ser = withLine[0].split("<c:ser>").find((s) => s.includes(CHART_SERIES.full["zh-CN"]))!;
  expect(ser).toMatch(/<a:prstDash val="dash"\/>/);
  expect(ser).toMatch(/7F7F7F/i);
});

test("LibreOffice computes what the charts draw: 1 in every week of the 100 % column, the core's attainment by quarter", async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(excelJsInput(await fs.readFile(recalculated)));
  const ws = workbook.getWorksheet(names.evaluation)!;
  const cells = (ref: string) => {
    const [from, to] = ref.slice(ref.indexOf("!") + 1).replace(/\$/g, "").split(":");
    const col = from.replace(/\d+$/, "");
    const out: unknown[] = [];
    for (let r = Number(from.replace(/^[A-Z]+/, "")); r <= Number(to.replace(/^[A-Z]+/, "")); r++) {
      const v = ws.getCell(`${col}${r}`).value as unknown;
      out.push(v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v);
    }
    return out;
  };
  expect(cells(block("PIP_EvalPeriods", "full", 0, weeks))).toEqual(Array.from({ length: weeks }, () => 1));
  plan.goals.forEach((_, g) => {
    const got = cells(block("PIP_EvalQuarters", "chartAttainment", g, quarters));
    analysis.goals[g].quarters.forEach((q, i) => {
      if (q.attainment === null) expect(got[i]).toEqual({ error: "#N/A" });
      else expect(Math.abs((got[i] as number) - q.attainment)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(q.attainment)));
    });
    expect(analysis.goals[g].quarters.some((q) => q.attainment !== null)).toBe(true);
  });
});

test("openpyxl reads both charts with the same series ranges", () => {
  const script = path.join(__dirname, "chart-refs.py");
  const out = JSON.parse(execFileSync("/usr/bin/python3", [script, generated], { encoding: "utf8" })) as { sheet: string; type: string; series: { values: string; categories: string | null }[] }[];
  const ours = out.filter((c) => c.sheet === names.evaluation);
  const hasFull = ours.some((c) => c.series.some((s) => unquote(s.values) === block("PIP_EvalPeriods", "full", 0, weeks)));
  expect(hasFull).toBe(true);
  const qoq = ours.find((c) => c.type === "BarChart" && c.series.length === plan.goals.length && unquote(c.series[0].values) === block("PIP_EvalQuarters", "chartAttainment", 0, quarters));
  expect(qoq).toBeDefined();
  expect(qoq!.series.map((s) => unquote(s.values))).toEqual(plan.goals.map((_, g) => block("PIP_EvalQuarters", "chartAttainment", g, quarters)));
});
