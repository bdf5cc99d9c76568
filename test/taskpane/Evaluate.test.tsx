/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { Plan } from "../../src/core/model";
import { validatePlan } from "../../src/core/validate";
import { createFakeWorkbookPort } from "./support/fake-port";
import { examplePlan } from "./support/example";
import { renderPane } from "./support/render";

const pct = (x: number) => new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 }).format(x);

/** FORMULAS.md by hand: G1 sums (ratio v/t), G2 averages and is lower-is-better ((2t - v)/t); overall is weighted. */
function expectedNumbers(plan: Plan) {
  const g1 = plan.tracking.filter((e) => e.goalId === "G1").map((e) => e.actual);
  const g2 = plan.tracking.filter((e) => e.goalId === "G2").map((e) => e.actual);
  const v1 = g1.reduce((a, b) => a + b, 0);
  const v2 = g2.reduce((a, b) => a + b, 0) / g2.length;
  const a1 = v1 / 45;
  const a2 = (2 * 0.03 - v2) / 0.03;
  return { a1, a2, overall: 0.6 * a1 + 0.4 * a2 };
}

function field(name: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!el) throw new Error(`no field ${name}`);
  return el;
}

describe("evaluate view", () => {
  test("overall and per-goal attainment of the worked example at the plan's end, with the suggested outcome", async () => {
    const plan = examplePlan();
    const { a1, a2, overall } = expectedNumbers(plan);
    await renderPane(createFakeWorkbookPort({ plan }), { view: "evaluate", asOf: "2024-06-30" });
    expect(screen.getByTestId("overall-attainment")).toHaveTextContent(pct(overall));
    expect(screen.getByTestId("goal-attainment-0")).toHaveTextContent(pct(a1));
    expect(screen.getByTestId("goal-attainment-1")).toHaveTextContent(pct(a2));
    // 0.8 <= overall < 1: partially met (thresholds of the plan)
    expect(overall).toBeGreaterThanOrEqual(0.8);
    expect(overall).toBeLessThan(1);
    expect(screen.getByTestId("outcome-suggestion")).toHaveTextContent("Suggested outcome: Partially met");
    expect(screen.getByText("Final result: the plan ended on 2024-06-30.")).toBeInTheDocument();
  });

  test("the period table shows week-over-week change of a sum goal", async () => {
    const plan = examplePlan();
    await renderPane(createFakeWorkbookPort({ plan }), { view: "evaluate", asOf: "2024-06-30" });
    // Week 14 holds G1's 2.8, week 15 its 3: (3 - 2.8) / 2.8
    const row = [...document.querySelectorAll("[data-testid=goal-result-0] tr")].find((tr) => tr.textContent?.startsWith("2024-W15"));
    const change = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format((3 - 2.8) / 2.8);
    expect(row?.textContent).toContain(change);
  });

  test("'Refresh Evaluation sheet' asks the port to rewrite the sheet and its charts", async () => {
    const port = createFakeWorkbookPort({ plan: examplePlan() });
    await renderPane(port, { view: "evaluate" });
    fireEvent.click(screen.getByTestId("refresh-evaluation"));
    await waitFor(() => expect(port.callsOf("refreshEvaluation")).toHaveLength(1));
    expect(await screen.findByText("The Evaluation sheet and its charts are up to date.")).toBeInTheDocument();
  });

  test("the decision takes the suggestion, asks for the extension date, and is written with the plan", async () => {
    const port = createFakeWorkbookPort({ plan: examplePlan() });
    await renderPane(port, { view: "evaluate", asOf: "2024-06-30" });
    fireEvent.click(screen.getByTestId("use-suggestion"));
    expect(field("evaluation.outcome")).toHaveValue("partially-met");
    fireEvent.change(field("evaluation.decision"), { target: { value: "extend" } });
    fireEvent.change(field("evaluation.extensionEnd"), { target: { value: "2024-08-31" } });
    fireEvent.click(screen.getByTestId("save-decision"));
    await waitFor(() => expect(port.callsOf("writePlan")).toHaveLength(1));
    const [written] = port.callsOf("writePlan")[0] as [Plan];
    expect(written.evaluation).toMatchObject({ outcome: "partially-met", decision: "extend", extensionEnd: "2024-08-31" });
    expect(written.tracking).toHaveLength(examplePlan().tracking.length);
  });
});

describe("evaluate explains itself", () => {
  test("the overall says what it rests on: 1 of 2 goals (60 % of the weight) when G2 has no check-ins", async () => {
    const plan = examplePlan();
    plan.tracking = plan.tracking.filter((e) => e.goalId === "G1");
    await renderPane(createFakeWorkbookPort({ plan }), { view: "evaluate", asOf: "2024-06-30" });
    expect(screen.getByTestId("overall-basis")).toHaveTextContent("Based on 1 of 2 goals (60% of the weight).");
    expect(screen.getByTestId("overall-missing")).toHaveTextContent("Not counted (no check-ins yet): G2");
    expect(screen.getByTestId("outcome-thresholds")).toHaveTextContent("Met at 100% overall or more, partially met at 80% or more.");
  });

  test("a status comes with its reason: the gap closed against the time elapsed", async () => {
    const plan = examplePlan();
    plan.tracking = plan.tracking.filter((e) => e.date <= "2024-05-15");
    await renderPane(createFakeWorkbookPort({ plan }), { view: "evaluate", asOf: "2024-05-15" });
    // 2024-04-01 … 05-15 is 45 of 91 days.
    const time = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 }).format(45 / 91);
    expect(screen.getByTestId("goal-status-reason-1")).toHaveTextContent(new RegExp(`of the gap closed in ${time.replace(".", "\\.")} of the time → `));
    expect(screen.getByTestId("goal-status-reason-0")).toHaveTextContent(/expected by now/);
  });

  test("labels follow the aggregation, and a fall of a lower-is-better rate is marked as better", async () => {
    const plan = examplePlan();
    await renderPane(createFakeWorkbookPort({ plan }), { view: "evaluate", asOf: "2024-06-30" });
    const g2 = screen.getByTestId("goal-result-1");
    expect(g2).toHaveTextContent("Average to date");
    expect(screen.getByTestId("goal-result-0")).toHaveTextContent("Total to date");
    const better = [...g2.querySelectorAll("[data-trend]")];
    expect(better.length).toBeGreaterThan(0);
    for (const cell of better) {
      const falls = (cell.textContent ?? "").includes("-") || (cell.textContent ?? "").includes("−");
      expect(cell.getAttribute("data-trend")).toBe(falls ? "better" : "worse");
    }
  });

  test("with a % value stored as 66 (meant 66 %) no outcome is suggested and the finding is shown", async () => {
    const plan = examplePlan();
    plan.tracking.push({ date: "2024-06-28", goalId: "G2", actual: 66, note: "", coachFeedback: "", enteredBy: "" });
    const findings = validatePlan(plan);
    expect(findings.map((f) => f.code)).toContain("PERCENT_IMPLAUSIBLE");
    await renderPane(createFakeWorkbookPort({ plan, findings }), { view: "evaluate", asOf: "2024-06-30" });
    expect(screen.getByTestId("implausible")).toHaveTextContent("stored as 66 (shown as 6600 %)");
    expect(screen.getByTestId("outcome-suggestion")).toHaveTextContent("none until the percentages are corrected");
    expect(screen.queryByTestId("use-suggestion")).toBeNull();
  });
});
