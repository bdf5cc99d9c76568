/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createFakeWorkbookPort } from "./support/fake-port";
import { examplePlan } from "./support/example";
import { renderPane } from "./support/render";

function field(name: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!el) throw new Error(`no field ${name}`);
  return el;
}

/** The example plan with check-ins only up to as-of, and none in ISO weeks 16 and 17 (2024-04-15 … 04-28). */
function planWithGaps() {
  const plan = examplePlan();
  plan.tracking = plan.tracking.filter((e) => e.date <= "2024-05-15" && e.date !== "2024-04-19" && e.date !== "2024-04-26");
  return plan;
}

describe("tracking view", () => {
  test("without a plan it says to create one first", async () => {
    await renderPane(createFakeWorkbookPort(), { view: "tracking" });
    expect(screen.getByText(/holds no plan yet/)).toBeInTheDocument();
  });

  test("the schedule counts planned and held weeks and marks the two missed weeks as overdue", async () => {
    await renderPane(createFakeWorkbookPort({ plan: planWithGaps() }), { view: "tracking", asOf: "2024-05-15" });
    // Weeks W14 (Apr 1) … W20 (May 13-19) have begun by May 15: 7 planned; W14, W15, W18, W19 hold entries.
    expect(screen.getByTestId("schedule-summary")).toHaveTextContent("4 of 7 check-ins held, 2 missed");
    const overdue = [...screen.getByTestId("schedule").querySelectorAll('tr[data-state="overdue"]')].map((r) => r.textContent);
    expect(overdue).toEqual([expect.stringContaining("2024-W16"), expect.stringContaining("2024-W17")]);
    expect(screen.getByTestId("schedule").querySelectorAll('tr[data-state="due"]')).toHaveLength(1);
  });

  test("a text actual is refused with 'Enter a number' and nothing is written", async () => {
    const port = createFakeWorkbookPort({ plan: planWithGaps() });
    await renderPane(port, { view: "tracking" });
    fireEvent.change(field("checkin.actual.G1"), { target: { value: "三万" } });
    fireEvent.click(screen.getByTestId("checkin-submit"));
    expect(await within(screen.getByTestId("checkin-form")).findByText("Enter a number")).toBeInTheDocument();
    expect(field("checkin.actual.G1")).toHaveFocus();
    expect(port.callsOf("addTrackingEntry")).toHaveLength(0);
  });

  test("a bad date is refused before anything is written", async () => {
    const port = createFakeWorkbookPort({ plan: planWithGaps() });
    await renderPane(port, { view: "tracking" });
    fireEvent.change(field("checkin.date"), { target: { value: "2024-02-30" } });
    fireEvent.change(field("checkin.actual.G1"), { target: { value: "3" } });
    fireEvent.click(screen.getByTestId("checkin-submit"));
    expect(within(screen.getByTestId("checkin-form")).getAllByText(/Enter a real date/).length).toBeGreaterThan(0);
    expect(port.callsOf("addTrackingEntry")).toHaveLength(0);
  });

  test("a date outside the plan window is refused before writing, with the window in the message", async () => {
    const port = createFakeWorkbookPort({ plan: planWithGaps() });
    await renderPane(port, { view: "tracking" });
    fireEvent.change(field("checkin.date"), { target: { value: "7/1/2024" } });
    fireEvent.change(field("checkin.actual.G1"), { target: { value: "3" } });
    fireEvent.click(screen.getByTestId("checkin-submit"));
    expect(within(screen.getByTestId("checkin-form")).getByText("Outside the plan window 2024-04-01 – 2024-06-30")).toBeInTheDocument();
    expect(field("checkin.date")).toHaveFocus();
    expect(port.callsOf("addTrackingEntry")).toHaveLength(0);
  });

  test("the default date is today moved into the plan window", async () => {
    await renderPane(createFakeWorkbookPort({ plan: planWithGaps() }), { view: "tracking", asOf: "2024-03-10" });
    expect(field("checkin.date")).toHaveValue("2024-04-01");
  });

  test("a check-in goes through the port and the schedule follows the new read; a % goal takes 4.4 as 4.4 %", async () => {
    const port = createFakeWorkbookPort({ plan: planWithGaps() });
    await renderPane(port, { view: "tracking", asOf: "2024-05-15" });
    fireEvent.change(field("checkin.date"), { target: { value: "2024/4/18" } });
    fireEvent.change(field("checkin.actual.G2"), { target: { value: "4.4" } });
    fireEvent.change(field("checkin.coachFeedback"), { target: { value: "关注投诉原因" } });
    fireEvent.change(field("checkin.enteredBy"), { target: { value: "" } });
    fireEvent.click(screen.getByTestId("checkin-submit"));
    await waitFor(() => expect(port.callsOf("addTrackingEntry")).toHaveLength(1));
    expect(port.callsOf("addTrackingEntry")[0][0]).toEqual({ date: "2024-04-18", goalId: "G2", actual: 0.044, note: "", coachFeedback: "关注投诉原因", enteredBy: "" });
    await waitFor(() => expect(screen.getByTestId("schedule-summary")).toHaveTextContent("5 of 7 check-ins held, 1 missed"));
    // The result shows beside the button.
    expect(await within(screen.getByTestId("feedback-checkin")).findByText("Check-in added to the Tracking log.")).toBeInTheDocument();
  });

  test("one submission holds a row per goal, each with its unit; empty rows are skipped", async () => {
    const port = createFakeWorkbookPort({ plan: planWithGaps() });
    await renderPane(port, { view: "tracking", asOf: "2024-05-15" });
    const form = screen.getByTestId("checkin-form");
    expect(within(form).getByText("万元")).toBeInTheDocument();
    expect(within(form).getByText("%")).toBeInTheDocument();
    fireEvent.change(field("checkin.actual.G1"), { target: { value: "3.5" } });
    fireEvent.change(field("checkin.actual.G2"), { target: { value: "4 %" } });
    fireEvent.click(screen.getByTestId("checkin-submit"));
    await waitFor(() => expect(port.callsOf("addTrackingEntry")).toHaveLength(2));
    const entries = port.callsOf("addTrackingEntry").map((c) => c[0] as { goalId: string; actual: number; date: string; enteredBy: string });
    expect(entries.map((e) => [e.goalId, e.actual, e.date, e.enteredBy])).toEqual([
      ["G1", 3.5, "2024-05-15", "王强"],
      ["G2", 0.04, "2024-05-15", "王强"],
    ]);
    expect(await screen.findByText("2 check-ins added to the Tracking log.")).toBeInTheDocument();
  });

  test("a past check-in is corrected and another deleted through the port's write (the rest of the log kept)", async () => {
    const plan = planWithGaps();
    const port = createFakeWorkbookPort({ plan });
    await renderPane(port, { view: "tracking", asOf: "2024-05-15" });
    const index = plan.tracking.findIndex((e) => e.goalId === "G2");
    const row = screen.getByTestId(`history-${index}`);
    fireEvent.click(within(row).getByRole("button", { name: /^Edit the check-in/ }));
    fireEvent.change(field("history.actual"), { target: { value: "4.5" } });
    fireEvent.click(screen.getByTestId("history-save"));
    await waitFor(() => expect(port.callsOf("writePlan")).toHaveLength(1));
    const edited = port.callsOf("writePlan")[0][0] as typeof plan;
    expect(edited.tracking).toHaveLength(plan.tracking.length);
    expect(edited.tracking[index].actual).toBe(0.045);
    expect(await within(screen.getByTestId("history")).findByText("The check-in is corrected in the Tracking log.")).toBeInTheDocument();

    fireEvent.click(screen.getByTestId("history-delete-0"));
    fireEvent.click(screen.getByTestId("history-confirm-0"));
    await waitFor(() => expect(port.callsOf("writePlan")).toHaveLength(2));
    const deleted = port.callsOf("writePlan")[1][0] as typeof plan;
    expect(deleted.tracking).toHaveLength(plan.tracking.length - 1);
  });

  test("overdue actions are listed by what they are, not only their id", async () => {
    const plan = planWithGaps();
    plan.actions[1].end = "2024-05-01";
    await renderPane(createFakeWorkbookPort({ plan }), { view: "tracking", asOf: "2024-05-15" });
    expect(screen.getByTestId("overdue-actions")).toHaveTextContent(`${plan.actions[1].measure} (A2, 2024-05-01)`);
  });

  test("an adjustment is recorded with what, why and who approved it; an empty change is refused", async () => {
    const port = createFakeWorkbookPort({ plan: planWithGaps() });
    await renderPane(port, { view: "tracking" });
    fireEvent.click(screen.getByTestId("adjustment-submit"));
    expect(within(screen.getByTestId("adjustment-form")).getByText("Required")).toBeInTheDocument();
    expect(port.callsOf("addAdjustment")).toHaveLength(0);
    fireEvent.change(field("adjustment.change"), { target: { value: "Extend A2 to 07-15" } });
    // left, as a person tabs on to the next field
    fireEvent.blur(field("adjustment.change"));
    fireEvent.change(field("adjustment.reason"), { target: { value: "CRM fields late" } });
    fireEvent.click(screen.getByTestId("adjustment-submit"));
    await waitFor(() => expect(port.callsOf("addAdjustment")).toHaveLength(1));
    expect(port.callsOf("addAdjustment")[0][0]).toEqual({ date: "2024-05-15", change: "Extend A2 to 07-15", reason: "CRM fields late", approvedBy: "王强" });
    // recorded: the form is empty again and, until the next Record, says nothing is missing
    await waitFor(() => expect(field("adjustment.change")).toHaveValue(""));
    expect(within(screen.getByTestId("adjustment-form")).queryByText("Required")).toBeNull();
  });
});
