/**
 * The Evaluation sheet's native charts as the in-memory Excel (a stand-in for Excel) records them: for the worked
 * example, type, series names, source ranges (found independently through the sheet's header row and goal
 * column), localized titles and legends; re-binding by name on refresh; growth with the plan window.
 */
import { analyzePlan } from "../../src/core/analysis";
import type { Language, Plan } from "../../src/core/model";
import type { ChartSnapshot } from "../../src/memory-excel";
import { CHART_AXES, CHART_SERIES, CHART_TITLES, EVALUATION_HEADERS } from "../../src/i18n/evaluation";
import { columnLetter, columnNumber } from "../../src/workbook/layout";
import { EVALUATION_TABLES } from "../../src/workbook/sheets/evaluation";
import { close, examplePlan, writeWorkbook, type Workbook } from "./support";

function chartsOf(wb: Workbook): ChartSnapshot[] {
  const sheet = wb.excel.snapshot().sheets.find((s) => s.name === wb.sheet);
  if (!sheet) throw new Error(`no sheet ${wb.sheet}`);
  return sheet.charts;
}

/** The chart named `name`, of the workbook now or of a list of its charts already read. */
function chart(from: Workbook | ChartSnapshot[], name: string): ChartSnapshot {
  const found = (Array.isArray(from) ? from : chartsOf(from)).filter((c) => c.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

/** Splits "'Sheet'!$A$1:$A$9" into the sheet and the local range without $. */
function splitRange(address: string | null): { sheet: string; range: string } {
  if (!address) throw new Error("series not bound");
  const bang = address.lastIndexOf("!");
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1).replace(/\$/g, "") };
}

/**
 * Where the period table keeps a column, found the way a reader of the sheet would: the header text in the
 * period table's header row, and the rows whose goal column holds the goal id.
 */
function periodColumnRange(wb: Workbook, headerKey: keyof typeof EVALUATION_HEADERS, goalId: string, table: "PIP_EvalPeriods" | "PIP_EvalQuarters" = "PIP_EvalPeriods"): string {
  const decl = EVALUATION_TABLES[table];
  const headerRow = decl.anchor.row;
  const text = EVALUATION_HEADERS[headerKey][wb.language];
  let col = -1;
  let goalCol = -1;
  for (let c = decl.anchor.col; c < decl.anchor.col + decl.columns.length; c++) {
    const v = wb.excel.getCellValue(wb.sheet, `${columnLetter(c)}${headerRow}`);
    if (v === text) col = c;
    if (v === EVALUATION_HEADERS.goal[wb.language]) goalCol = c;
  }
  expect(col).toBeGreaterThanOrEqual(0);
  const rows: number[] = [];
  for (let r = headerRow + 1; r < headerRow + 400; r++) {
    const v = wb.excel.getCellValue(wb.sheet, `${columnLetter(goalCol)}${r}`);
    if (v === "" || v === null) break;
    if (v === goalId) rows.push(r);
  }
  expect(rows.length).toBeGreaterThan(0);
  expect(rows[rows.length - 1] - rows[0] + 1).toBe(rows.length);
  return `${columnLetter(col)}${rows[0]}:${columnLetter(col)}${rows[rows.length - 1]}`;
}

function expectBound(wb: Workbook, address: string | null, range: string): void {
  const got = splitRange(address);
  expect(got.sheet).toBe(wb.sheet);
  expect(got.range).toBe(range);
}

function cellsOf(wb: Workbook, address: string | null): (string | number | boolean | null)[] {
  const { range } = splitRange(address);
  const [from, to] = range.split(":");
  const col = from.replace(/\d+$/, "");
  const out = [];
  for (let r = Number(from.replace(/^[A-Z]+/, "")); r <= Number(to.replace(/^[A-Z]+/, "")); r++) out.push(wb.excel.getCellValue(wb.sheet, `${col}${r}`));
  return out;
}

describe.each<Language>(["zh-CN", "en-US"])("the worked example's charts (%s)", (language) => {
  let wb: Workbook;
  let plan: Plan;
  /** The sheet's charts, read once: these tests only read the workbook (a snapshot computes every cell). */
  let charts: ChartSnapshot[];
  beforeAll(async () => {
    plan = examplePlan();
    wb = await writeWorkbook(plan, language, "2024-06-30");
    charts = chartsOf(wb);
  }, 120_000);

  test("five charts: attainment across goals, and per goal actual vs target and period-over-period change", () => {
    expect(charts.map((c) => c.name).sort()).toEqual(
      ["PIP_Chart_Attainment", "PIP_Chart_G1_Actual", "PIP_Chart_G1_Change", "PIP_Chart_G2_Actual", "PIP_Chart_G2_Change"].sort(),
    );
    for (const c of charts) expect(c.seriesBy).toBe("Columns");
    expect(chart(charts, "PIP_Chart_Attainment").type).toBe("LineMarkers");
    for (const name of ["PIP_Chart_G1_Actual", "PIP_Chart_G2_Actual", "PIP_Chart_G1_Change", "PIP_Chart_G2_Change"]) expect(chart(charts, name).type).toBe("ColumnClustered");
  });

  test("the sum goal's chart: columns per week, a cumulative line and a target line, bound to G1's rows", () => {
    const c = chart(charts, "PIP_Chart_G1_Actual");
    expect(c.series.map((s) => s.name)).toEqual([CHART_SERIES.actual[language], CHART_SERIES.cumulative[language], CHART_SERIES.target[language]]);
    expect(c.series.map((s) => s.chartType)).toEqual(["ColumnClustered", "LineMarkers", "Line"]);
    expectBound(wb, c.series[0].values, periodColumnRange(wb, "value", "G1"));
    expectBound(wb, c.series[1].values, periodColumnRange(wb, "chartCumulative", "G1"));
    expectBound(wb, c.series[2].values, periodColumnRange(wb, "target", "G1"));
    for (const s of c.series) expectBound(wb, s.xValues, periodColumnRange(wb, "period", "G1"));
    // what the chart draws: the weekly sales of DOMAIN.md's example, and the 45 万元 target in every week
    const weeks = analyzePlan(plan, { asOf: "2024-06-30" }).goals[0].periods;
    cellsOf(wb, c.series[0].values).forEach((v, i) => close(v as number, weeks[i].value, `week ${i + 1}`));
    expect(cellsOf(wb, c.series[2].values)).toEqual(weeks.map(() => 45));
    close(cellsOf(wb, c.series[1].values)[12] as number, weeks[12].cumulative, "cumulative at the end of Q2");
  });

  test("the average goal's chart (complaint rate): columns per week and the 3 % target line", () => {
    const c = chart(charts, "PIP_Chart_G2_Actual");
    expect(c.series.map((s) => s.name)).toEqual([CHART_SERIES.actual[language], CHART_SERIES.target[language]]);
    expectBound(wb, c.series[0].values, periodColumnRange(wb, "value", "G2"));
    expect(cellsOf(wb, c.series[1].values).every((v) => v === 0.03)).toBe(true);
    expect(c.axes.value.numberFormat).toBe("0.0%");
  });

  test("attainment by period: one line per goal, gaps as #N/A so a line skips them, and a dashed 100 % line", () => {
    const c = chart(charts, "PIP_Chart_Attainment");
    expect(c.series.map((s) => s.name)).toEqual([...plan.goals.map((g) => `${g.id} ${g.title}`), CHART_SERIES.full[language]]);
    // the 100 % line (issue 12): a dashed line without markers over a column of 1s, one per period
    const full = c.series[plan.goals.length];
    expect(full.chartType).toBe("Line");
    expectBound(wb, full.values, periodColumnRange(wb, "full", "G1"));
    expectBound(wb, full.xValues, periodColumnRange(wb, "period", "G1"));
    expect(cellsOf(wb, full.values)).toEqual(analyzePlan(plan, { asOf: "2024-06-30" }).goals[0].periods.map(() => 1));
    expect((full.props.format as { line?: { lineStyle?: string } } | undefined)?.line?.lineStyle).toBe("Dash");
    expect(full.props.markerStyle).toBe("None");
    expectBound(wb, c.series[0].values, periodColumnRange(wb, "chartAttainment", "G1"));
    expectBound(wb, c.series[1].values, periodColumnRange(wb, "chartAttainment", "G2"));
    for (const s of c.series) expectBound(wb, s.xValues, periodColumnRange(wb, "period", "G1"));
    const weeks = analyzePlan(plan, { asOf: "2024-06-30" }).goals[1].periods;
    cellsOf(wb, c.series[1].values).forEach((v, i) => {
      if (weeks[i].attainment === null) expect(v).toBe("#N/A");
      else close(v as number, weeks[i].attainment, `G2 week ${i + 1}`);
    });
    expect(c.axes.value.title).toBe(CHART_AXES.attainment[language]);
  });

  test("period-over-period change: improvement and decline apart; for the lower-is-better goal a fall is the improvement", () => {
    const up = chart(charts, "PIP_Chart_G1_Change");
    const down = chart(charts, "PIP_Chart_G2_Change");
    expect(up.series.map((s) => s.name)).toEqual([CHART_SERIES.improvementRise[language], CHART_SERIES.declineFall[language]]);
    expect(down.series.map((s) => s.name)).toEqual([CHART_SERIES.improvementFall[language], CHART_SERIES.declineRise[language]]);
    expect(down.series[0].name).toMatch(language === "zh-CN" ? /改善.*下降/ : /Improvement.*fall/);
    expectBound(wb, down.series[0].values, periodColumnRange(wb, "improvement", "G2"));
    expectBound(wb, down.series[1].values, periodColumnRange(wb, "decline", "G2"));
    // the complaint rate fell in most weeks: those falls are drawn as positive (improvement) bars
    const weeks = analyzePlan(plan, { asOf: "2024-06-30" }).goals[1].periods;
    const improvement = cellsOf(wb, down.series[0].values);
    const falls = weeks.flatMap((w, i) => (w.change !== null && w.change < 0 ? [i] : []));
    expect(falls.length).toBeGreaterThan(0);
    for (const i of falls) close(improvement[i] as number, -(weeks[i].change as number), `G2 week ${i + 1} improvement`);
    const colours = down.series.map((s) => (s.props.format as { fill?: { color?: string } } | undefined)?.fill?.color);
    expect(colours[0]).not.toBe(colours[1]);
  });

  test("titles and axes in the workbook's language", () => {
    const c = chart(charts, "PIP_Chart_G1_Actual");
    expect(c.title).toContain("G1");
    expect(c.title).toMatch(language === "zh-CN" ? /实际值/ : /actual/);
    expect(c.axes.category.title).toBe(CHART_AXES.period[language]);
    expect(c.axes.value.title).toContain("万元");
    expect(chart(charts, "PIP_Chart_G2_Change").axes.value.title).toBe(CHART_AXES.change[language]);
    for (const x of charts) expect(x.legend).toEqual({ visible: true, position: "Bottom" });
  });

  test("a grid that reads well: no two charts overlap, none covers a table", () => {
    const boxes = charts.map((c) => c.position);
    for (let i = 0; i < boxes.length; i++) {
      expect(boxes[i].width).toBeGreaterThanOrEqual(300);
      expect(boxes[i].height).toBeGreaterThanOrEqual(200);
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top || b.top + b.height <= a.top;
        expect(apart).toBe(true);
      }
    }
    const goalsEnd = EVALUATION_TABLES.PIP_EvalGoals.anchor.col + EVALUATION_TABLES.PIP_EvalGoals.columns.length;
    const quartersStart = EVALUATION_TABLES.PIP_EvalQuarters.anchor.col;
    for (const c of charts) {
      expect(columnNumber(String(c.position.from).replace(/\d+$/, ""))).toBeGreaterThanOrEqual(goalsEnd);
      expect(columnNumber(String(c.position.to).replace(/\d+$/, ""))).toBeLessThan(quartersStart);
    }
  });
});

describe("refresh re-binds the charts it finds by name", () => {
  test("refreshing twice leaves the same five charts, each once, with the same series", async () => {
    const wb = await writeWorkbook(examplePlan(), "zh-CN", "2024-06-30");
    const before = chartsOf(wb).map((c) => [c.name, c.series.length, c.series.map((s) => s.values)]);
    const first = await wb.refresh();
    const second = await wb.refresh();
    expect(first.charts).toHaveLength(5);
    expect(second.charts).toEqual(first.charts);
    expect(chartsOf(wb).map((c) => [c.name, c.series.length, c.series.map((s) => s.values)])).toEqual(before);
    // Charts and protection (1), the rows in batches under 4 MB (2 here), then the recalculation Office leaves to the
    // add-in after suspendApiCalculationUntilNextSync, with protection and the chart list (1).
    expect(second.syncs).toBeLessThanOrEqual(4);
  }, 120_000);

  test("a longer window and a removed goal: the charts cover the new periods and the removed goal's charts go", async () => {
    const plan = examplePlan();
    const wb = await writeWorkbook(plan, "en-US", "2024-06-30");
    const g1Only: Plan = {
      ...plan,
      header: { ...plan.header, planEnd: "2024-07-31" },
      goals: [{ ...plan.goals[0], weight: 1 }],
      causes: plan.causes.filter((c) => c.goalId === "G1"),
      actions: plan.actions.filter((a) => a.goalId === "G1"),
      tracking: plan.tracking.filter((t) => t.goalId === "G1"),
    };
    await wb.port.writePlan(g1Only, { language: "en-US" });
    await wb.refresh();
    // Q2 and Q3 now: the quarter-over-quarter chart comes in (issue 17)
    expect(chartsOf(wb).map((c) => c.name).sort()).toEqual(["PIP_Chart_Attainment", "PIP_Chart_G1_Actual", "PIP_Chart_G1_Change", "PIP_Chart_Quarters"]);
    // 2024-W14 … 2024-W31 (2024-07-31 is the Wednesday of ISO week 31): 18 weeks
    const actual = chart(wb, "PIP_Chart_G1_Actual").series[0];
    expect(cellsOf(wb, actual.xValues)).toEqual(Array.from({ length: 18 }, (_, i) => `2024-W${14 + i}`));
    expectBound(wb, actual.values, periodColumnRange(wb, "value", "G1"));
    const quarters = chart(wb, "PIP_Chart_Quarters");
    expect(quarters.type).toBe("ColumnClustered");
    expect(quarters.series.map((s) => s.name)).toEqual([`${plan.goals[0].id} ${plan.goals[0].title}`]);
    expectBound(wb, quarters.series[0].values, periodColumnRange(wb, "chartAttainment", "G1", "PIP_EvalQuarters"));
    expectBound(wb, quarters.series[0].xValues, periodColumnRange(wb, "quarter", "G1", "PIP_EvalQuarters"));
    const byQuarter = analyzePlan(g1Only, { asOf: "2024-06-30" }).goals[0].quarters;
    expect(cellsOf(wb, quarters.series[0].xValues)).toEqual(byQuarter.map((q) => q.label));
    cellsOf(wb, quarters.series[0].values).forEach((v, i) => {
      if (byQuarter[i].attainment === null) expect(v).toBe("#N/A");
      else close(v as number, byQuarter[i].attainment, `G1 ${byQuarter[i].label}`);
    });
    expect(quarters.axes.category.title).toBe(CHART_AXES.quarter["en-US"]);
  }, 120_000);
});

describe("a plan spanning two quarters: the quarter-over-quarter chart", () => {
  test("each goal's attainment by quarter, one series per goal, bound to the quarterly table (zh-CN)", async () => {
    const plan = examplePlan();
    const long: Plan = { ...plan, header: { ...plan.header, planStart: "2024-03-04", planEnd: "2024-06-30" } };
    const wb = await writeWorkbook(long, "zh-CN", "2024-06-30");
    const c = chart(wb, "PIP_Chart_Quarters");
    expect(c.series.map((s) => s.name)).toEqual(long.goals.map((g) => `${g.id} ${g.title}`));
    const quarters = analyzePlan(long, { asOf: "2024-06-30" }).goals.map((g) => g.quarters);
    expect(quarters[0].length).toBe(2);
    long.goals.forEach((g, i) => {
      expectBound(wb, c.series[i].values, periodColumnRange(wb, "chartAttainment", g.id, "PIP_EvalQuarters"));
      cellsOf(wb, c.series[i].values).forEach((v, q) => {
        const expected = quarters[i][q].attainment;
        if (expected === null) expect(v).toBe("#N/A");
        else close(v as number, expected, `${g.id} ${quarters[i][q].label}`);
      });
    });
    expect(c.title).toBe(CHART_TITLES.quarters["zh-CN"]);
    expect(c.axes.value.numberFormat).toBe("0%");
    // below the per-goal charts, not over them
    const grid = chartsOf(wb).filter((x) => x.name !== "PIP_Chart_Quarters").map((x) => x.position.top + x.position.height);
    expect(c.position.top).toBeGreaterThanOrEqual(Math.max(...grid));
  }, 120_000);
});
