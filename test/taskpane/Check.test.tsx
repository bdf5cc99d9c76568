/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Finding } from "../../src/core/findings";
import { createFakeWorkbookPort } from "./support/fake-port";
import { examplePlan } from "./support/example";
import { renderPane } from "./support/render";

const findings: Finding[] = [
  { code: "GOAL_NO_UNIT", severity: "warning", location: { entity: "goals", row: 0, field: "unit", sheet: "Goals", cell: "E4" }, message: { "en-US": "Goal 1: no unit", "zh-CN": "目标 1：缺少单位" } },
  { code: "DATE_INVALID", severity: "error", location: { entity: "tracking", row: 3, field: "date", sheet: "Tracking log", cell: "A7" }, message: { "en-US": "Tracking row 4: not a date", "zh-CN": "跟踪记录第 4 行：日期无效" } },
  { code: "NUMBER_NOT_FINITE", severity: "error", location: { entity: "tracking", row: 1, field: "actual", sheet: "Tracking log", cell: "C5" }, message: { "en-US": "Tracking row 2: not a number", "zh-CN": "跟踪记录第 2 行：不是数字" } },
  { code: "PLAN_NO_GOALS", severity: "error", location: { entity: "goals" }, message: { "en-US": "The plan has no goals", "zh-CN": "计划没有目标" } },
];

const sleep = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

describe("check view", () => {
  test("findings are grouped errors first, in sheet order, each naming its cell", async () => {
    await renderPane(createFakeWorkbookPort({ plan: examplePlan(), findings }), { view: "check" });
    const errors = screen.getByTestId("findings-error");
    const warnings = screen.getByTestId("findings-warning");
    expect(within(errors).getByRole("heading")).toHaveTextContent("Errors (3)");
    expect(within(warnings).getByRole("heading")).toHaveTextContent("Warnings (1)");
    expect(errors.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const codes = [...errors.querySelectorAll("li")].map((li) => li.getAttribute("data-code"));
    expect(codes).toEqual(["NUMBER_NOT_FINITE", "DATE_INVALID", "PLAN_NO_GOALS"]);
    expect(within(errors).getByText("Go to 'Tracking log'!C5")).toBeInTheDocument();
    expect(within(errors).getByText("no cell")).toBeInTheDocument();
  });

  test("the findings are shown in the pane's language", async () => {
    await renderPane(createFakeWorkbookPort({ plan: examplePlan(), findings }), { view: "check", language: "zh-CN" });
    expect(screen.getByText("跟踪记录第 4 行：日期无效")).toBeInTheDocument();
    expect(screen.getByText("错误（3）")).toBeInTheDocument();
  });

  test("choosing a finding selects its cell through the port", async () => {
    const port = createFakeWorkbookPort({ plan: examplePlan(), findings });
    await renderPane(port, { view: "check" });
    fireEvent.click(screen.getByText("Tracking row 4: not a date"));
    await waitFor(() => expect(port.callsOf("selectCell")).toEqual([["Tracking log", "A7"]]));
  });

  test("each read marks the findings' cells in the workbook", async () => {
    const port = createFakeWorkbookPort({ plan: examplePlan(), findings });
    await renderPane(port, { view: "check" });
    await waitFor(() => expect(port.callsOf("highlightFindings")).toEqual([[findings]]));
  });

  test("'Check workbook' reads again and shows what it found", async () => {
    const port = createFakeWorkbookPort({ plan: examplePlan(), findings: [] });
    await renderPane(port, { view: "check" });
    expect(screen.getByText("No problems found.")).toBeInTheDocument();
    port.findings = findings.slice(0, 1);
    fireEvent.click(screen.getByTestId("check-run"));
    expect(await screen.findByText("Warnings (1)")).toBeInTheDocument();
  });

  test("edits in the sheets re-run the checks once, about 500 ms after the last change event", async () => {
    const port = createFakeWorkbookPort({ plan: examplePlan(), findings: [] });
    await renderPane(port, { view: "check" });
    const readsBefore = port.callsOf("readPlan").length;
    port.findings = findings;
    act(() => port.fireTablesChanged());
    await sleep(200);
    act(() => port.fireTablesChanged());
    await sleep(200);
    act(() => port.fireTablesChanged());
    await sleep(300);
    // 300 ms after the last event: not yet.
    expect(port.callsOf("readPlan").length).toBe(readsBefore);
    await sleep(400);
    expect(port.callsOf("readPlan").length).toBe(readsBefore + 1);
    expect(await screen.findByText("Errors (3)")).toBeInTheDocument();
  });

  test("after the plan is written the pane subscribes again (the first write creates the tables), once", async () => {
    const port = createFakeWorkbookPort();
    await renderPane(port);
    expect(port.callsOf("onTablesChanged")).toHaveLength(1);
    fireEvent.click(screen.getByTestId("wizard-write"));
    // The empty draft has open errors: the summary asks first.
    fireEvent.click(await screen.findByTestId("summary-anyway"));
    await waitFor(() => expect(port.callsOf("onTablesChanged")).toHaveLength(2));
    const reads = port.callsOf("readPlan").length;
    act(() => port.fireTablesChanged());
    await sleep(800);
    // One handler left: one read, not two.
    expect(port.callsOf("readPlan").length).toBe(reads + 1);
  });

  test("a failing read shows the plain sentence, not only a console line", async () => {
    const port = createFakeWorkbookPort({ plan: examplePlan() });
    await renderPane(port, { view: "check" });
    port.failNext.readPlan = new Error("GeneralException");
    fireEvent.click(screen.getByTestId("check-run"));
    expect(await screen.findByRole("alert")).toHaveTextContent("The workbook could not be checked.");
  });
});
