/**
 * LibreOffice cross-check: the workbook's live formulas, computed by a second engine nobody here wrote, equal
 * `pipbook analyze --json` to 1e-9.
 *
 * For each plan of the corpus (./corpus.ts): `pipbook generate --as-of` writes the .xlsx and `pipbook analyze
 * --json --as-of` (on that .xlsx) gives the numbers — the CLI's own main in this process (runCliHere: the same
 * commands without 26 node start-ups); one headless soffice run recalculates every workbook; ExcelJS reads the
 * computed values back at the cells the layout declares. The round trip through LibreOffice's own file is read by
 * the CLI bundle in a child process, as a user runs it. Also checked: LibreOffice kept the data validation and the
 * conditional formats.
 *
 * Real LibreOffice is required: without soffice this test fails (CI installs libreoffice-calc).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { findSoffice, recalcWithLibreOffice } from "../../src/cli/libreoffice";
import { excelJsInput } from "../../src/cli/xlsx/bytes";
import type { AnalyzeJson } from "../../src/cli/report";
import { isoToSerial } from "../../src/core/dates";
import type { Language } from "../../src/core/model";
import { LIST_LABELS } from "../../src/i18n/workbook";
import { LAYOUT, columnIndexOf, columnLetter, defaultSheetNames, firstDataRow, listTable, recordRowOf, recordTable, type SheetNames } from "../../src/workbook";
import { EVALUATION_TABLES, evaluationColumnIndex, evaluationContent, periodRowOf } from "../../src/workbook/sheets/evaluation";
import { readChartRefs } from "../../src/cli/xlsx/charts";
import { corpus, type CorpusCase } from "./corpus";
import { runCli, runCliHere, tempDir } from "./harness";

jest.setTimeout(600_000);

const TOLERANCE = 1e-9;

interface Prepared extends CorpusCase {
  xlsx: string;
  analysis: AnalyzeJson;
}

interface Recalculated extends Prepared {
  computedFile: string;
  computed: ExcelJS.Workbook;
  original: ExcelJS.Workbook;
}

let cases: Recalculated[] = [];
let sofficeMillis = 0;

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(excelJsInput(await fs.readFile(file)));
  return workbook;
}

/** Run `tasks` with at most `limit` at a time (each writes a file and reads it back: two in flight overlap the waits). */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  });
  await Promise.all(workers);
  return results;
}

beforeAll(async () => {
  if (findSoffice() === null) {
    throw new Error(
      "LibreOffice is required for the cross-check and was not found (soffice not on PATH, $SOFFICE unset). " +
        "Install it: apt-get install -y --no-install-recommends libreoffice-calc",
    );
  }
  const dir = tempDir("pipbook-lo-");
  const prepared = await pool(corpus(), 2, async (c): Promise<Prepared> => {
    const planFile = path.join(dir, `${c.name}.plan.json`);
    const xlsx = path.join(dir, `${c.name}.xlsx`);
    await fs.writeFile(planFile, JSON.stringify(c.plan, null, 2));
    const generate = await runCliHere(["generate", planFile, "-o", xlsx, "--as-of", c.asOf, "--lang", c.language]);
    if (generate.code !== 0) throw new Error(`${c.name}: generate failed: ${generate.stderr}`);
    const analyze = await runCliHere(["analyze", xlsx, "--json", "--as-of", c.asOf]);
    if (analyze.code !== 0) throw new Error(`${c.name}: analyze failed: ${analyze.stderr}`);
    return { ...c, xlsx, analysis: JSON.parse(analyze.stdout) as AnalyzeJson };
  });
  const recalc = await recalcWithLibreOffice(
    prepared.map((p) => p.xlsx),
    path.join(dir, "recalculated"),
    { timeoutMs: 500_000 },
  );
  sofficeMillis = recalc.millis;
  cases = await Promise.all(
    prepared.map(async (p, i) => ({ ...p, computedFile: recalc.outputs[i], computed: await load(recalc.outputs[i]), original: await load(p.xlsx) })),
  );
  process.stdout.write(`LibreOffice recalculated ${cases.length} workbooks in ${Math.round(sofficeMillis)} ms\n`);
});

/** The value LibreOffice computed for a formula cell (ExcelJS's `result`; "" comes back as undefined → null). */
function computedAt(workbook: ExcelJS.Workbook, sheet: string, address: string): number | string | boolean | null {
  const cell = workbook.getWorksheet(sheet)?.getCell(address);
  if (!cell) throw new Error(`no sheet ${sheet}`);
  const result: unknown = cell.formula ? cell.result : cell.value;
  if (result === undefined || result === null || result === "") return null;
  if (result instanceof Date) return result.getTime() / 86_400_000 + 25569;
  if (typeof result === "object" && "error" in (result as object)) return `#ERROR ${(result as { error: string }).error}`;
  return result as number | string | boolean;
}

function expectNumber(label: string, actual: unknown, expected: number | null): void {
  if (expected === null) {
    expect([label, actual]).toEqual([label, null]);
    return;
  }
  expect([label, typeof actual]).toEqual([label, "number"]);
  const difference = Math.abs((actual as number) - expected);
  // 1e-9 absolute, relative for magnitudes above 1 (sums of large actuals in another addition order).
  if (difference > TOLERANCE * Math.max(1, Math.abs(expected))) {
    expect([label, actual]).toEqual([label, expected]);
  }
}

function labelOf<L extends "goalStatus" | "outcome">(list: L, key: string | null, language: Language): string | null {
  if (key === null) return null;
  const labels = LIST_LABELS[list] as Record<string, Record<Language, string>>;
  return labels[key][language];
}

function sheetNames(c: CorpusCase): SheetNames {
  return defaultSheetNames(c.language);
}

describe("LibreOffice computes the workbook's formulas to the numbers of pipbook analyze", () => {
  test("the corpus was recalculated in one soffice run", () => {
    expect(cases.length).toBe(corpus().length);
    expect(sofficeMillis).toBeGreaterThan(0);
  });

  test("every goal: entries, to-date value, attainment, progress, score, pace, status", () => {
    const goals = listTable("PIP_Goals");
    const col = (key: string) => columnLetter(columnIndexOf(goals, key));
    for (const c of cases) {
      const sheet = sheetNames(c).goals;
      c.analysis.goals.forEach((goal, i) => {
        const row = firstDataRow(goals) + i;
        const at = (key: string) => computedAt(c.computed, sheet, `${col(key)}${row}`);
        const label = `${c.name} ${goal.id}`;
        expectNumber(`${label} entries`, at("entries"), goal.entryCount);
        expectNumber(`${label} toDate`, at("toDate"), goal.toDate);
        expectNumber(`${label} attainment`, at("attainment"), goal.attainment);
        expectNumber(`${label} progress`, at("progress"), goal.progress);
        expectNumber(`${label} score`, at("score"), goal.score);
        expectNumber(`${label} pace`, at("pace"), goal.pace);
        expect([label, at("status")]).toEqual([label, labelOf("goalStatus", goal.status, c.language)]);
      });
    }
  });

  test("overall attainment, outcome suggestion, elapsed time and check-in adherence", () => {
    const summary = recordTable("PIP_Summary");
    const valueCol = columnLetter(summary.anchor.col + 1);
    for (const c of cases) {
      const sheet = sheetNames(c).overview;
      const at = (key: string) => computedAt(c.computed, sheet, `${valueCol}${recordRowOf(summary, key)}`);
      const a = c.analysis;
      expectNumber(`${c.name} asOf`, at("asOf"), isoToSerial(c.asOf));
      expectNumber(`${c.name} elapsed`, at("elapsed"), a.plan.elapsed);
      expectNumber(`${c.name} overall`, at("overall"), a.overall.attainment);
      expect([c.name, at("outcome")]).toEqual([c.name, labelOf("outcome", a.overall.outcomeSuggestion, c.language)]);
      expectNumber(`${c.name} planned`, at("checkInsPlanned"), a.checkIns.planned);
      expectNumber(`${c.name} held`, at("checkInsHeld"), a.checkIns.held);
      expectNumber(`${c.name} missed`, at("checkInsMissed"), a.checkIns.missed);
      expectNumber(`${c.name} adherence`, at("adherence"), a.checkIns.adherence);
    }
  });

  test("every check-in period: held and missed as analyze schedules them", () => {
    const checkIns = listTable("PIP_CheckIns");
    const col = (key: string) => columnLetter(columnIndexOf(checkIns, key));
    for (const c of cases) {
      const sheet = sheetNames(c).tracking;
      c.analysis.checkIns.schedule.forEach((slot, i) => {
        const row = firstDataRow(checkIns) + i;
        const at = (key: string) => computedAt(c.computed, sheet, `${col(key)}${row}`);
        const label = `${c.name} ${slot.label}`;
        const planned = slot.start <= c.asOf;
        expectNumber(`${label} planned`, at("planned"), planned ? 1 : 0);
        expectNumber(`${label} held`, at("held"), planned && slot.held ? 1 : 0);
        expect([label, Number(at("missed") ?? 0)]).toEqual([label, slot.overdue ? 1 : 0]);
        expect([label, Number(at("entries")) > 0]).toEqual([label, slot.held]);
      });
    }
  });

  test("the Evaluation sheet: status by goal, and every period and quarter of every goal", () => {
    const col = (table: "PIP_EvalGoals" | "PIP_EvalPeriods" | "PIP_EvalQuarters", key: string) => columnLetter(evaluationColumnIndex(table, key));
    let compared = 0;
    for (const c of cases) {
      const sheet = sheetNames(c).evaluation;
      const goalsHeader = EVALUATION_TABLES.PIP_EvalGoals.anchor.row;
      c.analysis.goals.forEach((goal, g) => {
        const row = goalsHeader + 1 + g;
        const at = (key: string) => computedAt(c.computed, sheet, `${col("PIP_EvalGoals", key)}${row}`);
        expectNumber(`${c.name} ${goal.id} evaluation toDate`, at("toDate"), goal.toDate);
        expectNumber(`${c.name} ${goal.id} evaluation attainment`, at("attainment"), goal.attainment);
        expectNumber(`${c.name} ${goal.id} evaluation progress`, at("progress"), goal.progress);
        expect([c.name, goal.id, at("status")]).toEqual([c.name, goal.id, labelOf("goalStatus", goal.status, c.language)]);
        for (const [table, periods] of [
          ["PIP_EvalPeriods", goal.periods],
          ["PIP_EvalQuarters", goal.quarters],
        ] as const) {
          periods.forEach((period, p) => {
            const periodRow = periodRowOf(table, periods.length, g, p);
            const cell = (key: string) => computedAt(c.computed, sheet, `${col(table, key)}${periodRow}`);
            const label = `${c.name} ${goal.id} ${period.label}`;
            expect([label, cell("period")]).toEqual([label, period.label]);
            expectNumber(`${label} entries`, cell("entries"), period.entryCount);
            expectNumber(`${label} value`, cell("value"), period.value);
            expectNumber(`${label} cumulative`, cell("cumulative"), period.cumulative);
            expectNumber(`${label} attainment`, cell("attainment"), period.attainment);
            expectNumber(`${label} progress`, cell("progress"), period.progress);
            expectNumber(`${label} change`, cell("change"), period.change);
            compared++;
          });
        }
      });
    }
    expect(compared).toBeGreaterThan(100);
  });

  test("no formula cell came out as an error (#NAME? would mean a function LibreOffice does not know)", () => {
    // Chart data holds #N/A on purpose (a chart leaves a gap there instead of drawing zero): an explicit NA().
    for (const c of cases) {
      const errors: string[] = [];
      c.computed.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const result: unknown = cell.formula ? cell.result : undefined;
            if (typeof result !== "object" || result === null || !("error" in result)) return;
            const intended = (result as { error: string }).error === "#N/A" && /(^|[^A-Z.])NA\(\)/.test(cell.formula);
            if (!intended) errors.push(`${ws.name}!${cell.address} ${String((result as { error: string }).error)} ${cell.formula}`);
          }),
        ),
      );
      expect([c.name, errors]).toEqual([c.name, []]);
    }
  });
});

describe("a workbook saved by LibreOffice (its own XML, cached values, dates) reads back with the add-in's reader", () => {
  test("validate gives the same findings and analyze the same numbers as before the round trip", async () => {
    for (const c of cases.filter((x) => ["worked-example", "latest-ties", "random-1"].includes(x.name))) {
      const findings = async (file: string, run = runCli) => (JSON.parse((await run(["validate", file, "--json"])).stdout) as { findings: unknown[] }).findings;
      // LibreOffice's file through the bundle in a child process; the reference, PIPbook's own file, in this process
      expect([c.name, await findings(c.computedFile)]).toEqual([c.name, await findings(c.xlsx, runCliHere)]);
      const analyze = await runCli(["analyze", c.computedFile, "--json", "--as-of", c.asOf]);
      const after = JSON.parse(analyze.stdout) as AnalyzeJson;
      expect({ ...after, file: c.xlsx }).toEqual(c.analysis);
    }
  });
});

describe("LibreOffice keeps the workbook's rules", () => {
  /** Cell address → validation type, per sheet (ExcelJS expands ranges to cells on load). */
  function validations(workbook: ExcelJS.Workbook): Map<string, string> {
    const out = new Map<string, string>();
    workbook.eachSheet((ws) => {
      const model = (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
      for (const [address, v] of Object.entries(model)) out.set(`${ws.name}!${address}`, v.type);
    });
    return out;
  }

  /** Sheet → sorted "ref | type | formula" of each conditional-format rule (formula spaces dropped). */
  function conditionalFormats(workbook: ExcelJS.Workbook): Map<string, string[]> {
    const out = new Map<string, string[]>();
    workbook.eachSheet((ws) => {
      const list = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] })
        .conditionalFormattings;
      const rules = list.flatMap((cf) => cf.rules.map((r) => `${cf.ref} | ${r.type} | ${(r.formulae ?? []).join(";").replace(/\s+/g, "")}`));
      out.set(ws.name, rules.sort());
    });
    return out;
  }

  test("data validation: every validated cell still has its rule type", () => {
    for (const c of cases) {
      const before = validations(c.original);
      const after = validations(c.computed);
      expect(before.size).toBeGreaterThan(0);
      const lost = [...before].filter(([address, type]) => after.get(address) !== type).map(([address]) => address);
      expect([c.name, lost]).toEqual([c.name, []]);
    }
  });

  test("charts: LibreOffice reads every native chart with its series bound to the same ranges", async () => {
    for (const c of cases) {
      const before = await readChartRefs(new Uint8Array(await fs.readFile(c.xlsx)));
      const after = await readChartRefs(new Uint8Array(await fs.readFile(c.computedFile)));
      const evaluation = sheetNames(c).evaluation;
      const charts = before.get(evaluation) ?? [];
      const declared = evaluationContent(c.plan, { lang: c.language, names: sheetNames(c), layout: LAYOUT }).charts;
      expect([c.name, charts.length]).toEqual([c.name, declared.length]);
      const unquote = (ref: string) => ref.replace(/'/g, "");
      const refs = (list: typeof charts) => list.map((chart) => chart.series.map((series) => unquote(series.values)).sort()).sort();
      expect([c.name, refs(after.get(evaluation) ?? [])]).toEqual([c.name, refs(charts)]);
    }
  });

  test("conditional formats: the same rules on the same ranges", () => {
    for (const c of cases) {
      const before = conditionalFormats(c.original);
      const after = conditionalFormats(c.computed);
      expect([...before.values()].flat().length).toBeGreaterThan(0);
      for (const [sheet, rules] of before) expect([c.name, sheet, after.get(sheet)]).toEqual([c.name, sheet, rules]);
    }
  });
});
