/**
 * The Evaluation sheet's declared content for a plan, without any Excel: which functions the formulas use,
 * which tracking columns they read (looked up through the layout), how many rows and charts a plan gets, and
 * how the write is cut into byte-sized steps.
 */
import fc from "fast-check";
import { planPeriods } from "../../src/core/periods";
import type { Language, Plan } from "../../src/core/model";
import { derivedSteps } from "../../src/excel/writer";
import { SHEET_NAMES } from "../../src/i18n/workbook";
import { LAYOUT, columnLetter, columnIndexOf, defaultSheetNames, listTable, makeFormulaEnv, type ListTableDecl } from "../../src/workbook";
import { EVALUATION_TABLES, chartText, evaluationContent, evaluationSheet, type EvaluationTableName } from "../../src/workbook/sheets/evaluation";
import { arbValidPlan } from "../support/arbitraries";
import { declaredRange, examplePlan } from "./support";

const content = (plan: Plan, lang: Language = "zh-CN") => evaluationContent(plan, { lang, names: defaultSheetNames(lang) });
const TABLE_NAMES = Object.keys(EVALUATION_TABLES) as EvaluationTableName[];
const tablesOf = (plan: Plan, lang: Language = "zh-CN") => TABLE_NAMES.map((name) => declaredRange(name, plan, lang));

function formulasOf(plan: Plan, lang: Language): string[] {
  const env = makeFormulaEnv(LAYOUT, defaultSheetNames(lang), lang, "evaluation");
  const summary = evaluationSheet.blocks.flatMap((b) => [...(b.formula ? [b.formula] : []), ...(b.lines ?? []).flatMap((l) => (l.formula ? [l.formula] : []))].map((f) => `=${f(env)}`));
  expect(summary).toHaveLength(8);
  return [...summary, ...tablesOf(plan, lang).flatMap((t) => t.rows.flat().filter((x): x is string => typeof x === "string" && x.startsWith("=")))];
}

// Functions Excel, HyperFormula 3.5 and LibreOffice compute alike (TOOLCHAIN.md); MAXIFS with TRUE() only.
const PORTABLE = new Set(["IF", "OR", "AND", "NOT", "N", "ISNUMBER", "ISBLANK", "COUNTIFS", "SUMIFS", "MAXIFS", "INDEX", "MATCH", "SUBSTITUTE", "ABS", "NA", "ROW"]);

describe("Evaluation formulas", () => {
  test("use only functions every engine computes (no AVERAGEIFS, LOOKUP, XLOOKUP, FILTER, LET), in random plans", () => {
    fc.assert(
      fc.property(arbValidPlan({ goals: { min: 1, max: 3 } }), fc.constantFrom<Language>("zh-CN", "en-US"), (plan, lang) => {
        for (const f of formulasOf(plan, lang)) {
          const called = [...f.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);
          for (const name of called) expect(PORTABLE.has(name)).toBe(true);
          expect(f).not.toMatch(/\bTRUE\b(?!\()/);
        }
      }),
      { numRuns: 10 },
    );
  });

  test("read the Tracking log through the layout's columns: the goal key, the row key and the actual", () => {
    const tracking = listTable("PIP_Tracking");
    const sheet = SHEET_NAMES.tracking["en-US"];
    const letters = new Set<string>();
    for (const f of formulasOf(examplePlan(), "en-US")) {
      for (const m of f.matchAll(/'Tracking log'!\$([A-Z]+):\$([A-Z]+)/g)) letters.add(m[1]);
    }
    expect(sheet).toBe("Tracking log");
    const expected = ["goalKey", "rowKey", "actual"].map((key) => columnLetter(columnIndexOf(tracking, key)));
    expect([...letters].sort()).toEqual(expected.sort());
  });

  test("never name a cell of the Goals table by a fixed letter: goals are read by INDEX on the layout's columns", () => {
    const goals = listTable("PIP_Goals");
    const allowed = new Set(["id", "title", "aggregation", "direction", "baseline", "target", "toDate", "attainment", "progress", "score", "pace", "status"].map((k) => columnLetter(columnIndexOf(goals, k))));
    for (const f of formulasOf(examplePlan(), "zh-CN")) {
      for (const m of f.matchAll(/改进目标!\$([A-Z]+):\$[A-Z]+/g)) expect(allowed.has(m[1])).toBe(true);
      expect(f).not.toMatch(/改进目标!\$?[A-Z]+\$?\d/);
    }
  });
});

describe("Evaluation rows and charts for a plan", () => {
  test("goals × every cadence period and every quarter, listed from the start; 2 charts per goal, one across goals, one by quarter from two quarters", () => {
    fc.assert(
      fc.property(arbValidPlan({ goals: { min: 1, max: 5 } }), (plan) => {
        const c = content(plan);
        const periods = planPeriods(plan.header.planStart, plan.header.planEnd, plan.header.cadence);
        const quarters = planPeriods(plan.header.planStart, plan.header.planEnd, "quarterly");
        const [goals, byQuarter, byPeriod] = tablesOf(plan);
        expect(goals.rows).toHaveLength(plan.goals.length);
        expect(byQuarter.rows).toHaveLength(plan.goals.length * quarters.length);
        expect(byPeriod.rows).toHaveLength(plan.goals.length * periods.length);
        expect(c.charts).toHaveLength(2 * plan.goals.length + 1 + (quarters.length >= 2 ? 1 : 0));
        expect(c.charts.some((x) => x.name === "PIP_Chart_Quarters")).toBe(quarters.length >= 2);
        expect(new Set(c.charts.map((x) => x.name)).size).toBe(c.charts.length);
        for (const chart of c.charts) expect(chart.name).toMatch(/^PIP_Chart_(Attainment|Quarters|G\d+_(Actual|Change))$/);
      }),
      { numRuns: 50 },
    );
  });

  test("a plan without goals or with an impossible window gets empty tables and no charts, without throwing", () => {
    const plan = examplePlan();
    expect(content({ ...plan, goals: [] }).charts).toEqual([]);
    const broken = content({ ...plan, header: { ...plan.header, planEnd: "2024-02-30" } });
    expect(broken.charts).toEqual([]);
    expect(declaredRange("PIP_EvalPeriods", { ...plan, header: { ...plan.header, planEnd: "2024-02-30" } }, "zh-CN").rows).toEqual([]);
  });

  test("the decision record (stage 7) stays in the layout as PIP_Evaluation with its seven fields", () => {
    const record = evaluationSheet.tables.find((t) => t.name === "PIP_Evaluation");
    expect(record?.shape).toBe("record");
    expect(record?.entity).toBe("evaluation");
    expect(record && record.shape === "record" ? record.fields.map((f) => f.key) : []).toEqual([
      "date",
      "outcome",
      "decision",
      "measuresToStandardise",
      "reasons",
      "extensionEnd",
      "notes",
    ]);
  });

  test("a goal id that reads like a formula is shown as text in chart titles and legends", () => {
    expect(chartText("=G1 销售额")).toBe("\u200B=G1 销售额");
    expect(chartText("@g2")).toBe("\u200B@g2");
    expect(chartText("G1 销售额")).toBe("G1 销售额");
    const plan = examplePlan();
    const c = content({ ...plan, goals: plan.goals.map((g, i) => ({ ...g, id: i === 0 ? "=G1" : g.id })) });
    expect(c.charts[0].series[0].name.startsWith("\u200B=G1")).toBe(true);
  });

  test("the write is cut into steps of at most ~1.1 MB, and 50 goals × 53 weeks no longer need several syncs", () => {
    const plan = examplePlan();
    const goals = Array.from({ length: 50 }, (_, i) => ({ ...plan.goals[i % 2], id: `G${i + 1}`, weight: 0.02 }));
    const big: Plan = { ...plan, goals, header: { ...plan.header, planStart: "2024-01-01", planEnd: "2024-12-31" } };
    const unused = (): Excel.Worksheet => {
      throw new Error("steps are only counted here");
    };
    const steps = derivedSteps(unused, LAYOUT.sheets.get("evaluation")!, big, "en-US", defaultSheetNames("en-US"), null, true);
    const total = steps.reduce((n, s) => n + s.bytes, 0);
    // 2,650 period rows sent as filled blocks (src/excel/ranges.ts): was > 5 MB with every row's formulas
    expect(total).toBeLessThan(1_000_000);
    for (const s of steps) expect(s.bytes).toBeLessThan(1_100_000);
  });
});

describe("Evaluation layout", () => {
  test("the blocks never share a cell: summary, decision record and status by goal in A–I, charts in K–AA, then the quarterly and the period table", () => {
    const c = content(examplePlan());
    const spans = TABLE_NAMES.map((name): ListTableDecl => EVALUATION_TABLES[name]).map((t) => ({ name: t.name, from: t.anchor.col, to: t.anchor.col + t.columns.length - 1, top: t.anchor.row }));
    const [goals, quarters, periods] = spans;
    const chartCols = c.charts.flatMap((x) => [x.position.from, x.position.to]).map((a) => columnNumberOf(a));
    expect(Math.min(...chartCols)).toBeGreaterThan(goals.to);
    expect(Math.max(...chartCols)).toBeLessThan(quarters.from);
    expect(quarters.to).toBeLessThan(periods.from);
    const decision = evaluationSheet.tables.find((t) => t.name === "PIP_Evaluation")!;
    expect(decision.anchor.row + 7).toBeLessThan(goals.top);
    expect(c.summary.firstRow + c.summary.labels.length).toBeLessThan(decision.anchor.row);
  });
});

function columnNumberOf(a1: string): number {
  const letters = a1.replace(/\d+$/, "");
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
