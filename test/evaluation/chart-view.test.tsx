/** @jest-environment jsdom */
/**
 * The preview's ChartView on the Evaluation sheet's charts as the writer puts them in the in-memory Excel: the
 * quarter-over-quarter chart drawn with a column per goal and quarter, and the attainment chart's "100 %" series
 * drawn once, as the dashed reference line, never counted as data.
 */
import "@testing-library/jest-dom";
import { TextEncoder } from "node:util";
import { render } from "@testing-library/react";
import type { Plan } from "../../src/core/model";
import { CHART_SERIES } from "../../src/i18n/evaluation";
import { ChartView, hasData } from "../../src/preview/ChartView/ChartView";
import { gridFromSnapshot } from "../../src/preview/snapshot-adapter";
import type { GridChart } from "../../src/preview/grid-model";
import { defaultSheetNames } from "../../src/workbook";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlanJson } from "../../src/core/plan-file";

/** The worked example (not through ./support, which loads the writer before TextEncoder is in place). */
function examplePlan(): Plan {
  const parsed = parsePlanJson(readFileSync(join(__dirname, "../../examples/sales-q2-2024.plan.json"), "utf8"));
  if (!parsed.ok) throw new Error("the example plan does not parse");
  return parsed.plan;
}

async function evaluationCharts(plan: Plan): Promise<GridChart[]> {
  // The writer measures its requests with TextEncoder, which jsdom does not provide: Node's, and the writer loaded after.
  Object.assign(globalThis, { TextEncoder });
  const { createMemoryExcel } = await import("../../src/memory-excel");
  const { writePlan } = await import("../../src/excel/writer");
  const { createHyperFormulaEngine } = await import("../../src/memory-excel/hyperformula-engine");
  const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
  await excel.run((context) => writePlan(context, plan, { language: "en-US", asOf: "2024-06-30" }));
  const sheet = gridFromSnapshot(excel.snapshot()).sheets.find((s) => s.name === defaultSheetNames("en-US").evaluation);
  if (!sheet) throw new Error("no Evaluation sheet");
  return sheet.charts;
}

const twoQuarters = (): Plan => {
  const p = examplePlan();
  return { ...p, header: { ...p.header, planStart: "2024-03-04" } };
};

test("the quarter-over-quarter chart: a column per goal in each quarter with data, the quarters as categories", async () => {
  const plan = twoQuarters();
  const chart = (await evaluationCharts(plan)).find((c) => c.name === "PIP_Chart_Quarters");
  expect(chart).toBeDefined();
  expect(chart!.categories).toEqual(["2024-Q1", "2024-Q2"]);
  const { container } = render(<ChartView chart={chart!} language="en-US" />);
  for (const goal of plan.goals) {
    // Q1 has no check-ins (a gap, no column); Q2 has one column per goal.
    expect(container.querySelectorAll(`rect[data-series="${goal.id} ${goal.title}"]`)).toHaveLength(1);
  }
  expect(container.querySelector('[data-testid="chart-empty"]')).toBeNull();
}, 120_000);

test("the attainment chart's 100 % series is the dashed reference line, in the legend, and no data by itself", async () => {
  const plan = twoQuarters();
  const charts = await evaluationCharts(plan);
  const attainment = charts.find((c) => c.name === "PIP_Chart_Attainment")!;
  const full = attainment.series.find((s) => s.name === CHART_SERIES.full["en-US"]);
  expect(full?.values.every((v) => v === 1)).toBe(true);
  const { container } = render(<ChartView chart={attainment} language="en-US" />);
  expect(container.querySelector('[data-reference="1"]')).toBeInTheDocument();
  expect(container.querySelector(`polyline[data-series="${CHART_SERIES.full["en-US"]}"]`)).toBeNull();
  expect(container.querySelectorAll("polyline")).toHaveLength(plan.goals.length);
  expect(container.querySelector("ul")).toHaveTextContent(CHART_SERIES.full["en-US"]);
  // Without check-ins the goals' lines are gaps: the 100 % series alone is not data, so the chart says so.
  const empty = (await evaluationCharts({ ...plan, tracking: [] })).find((c) => c.name === "PIP_Chart_Attainment")!;
  expect(hasData(empty)).toBe(false);
  const view = render(<ChartView chart={empty} emptyText="Not enough data" language="en-US" />);
  expect(view.container.querySelector('[data-testid="chart-empty"]')).toHaveTextContent("Not enough data");
}, 120_000);
