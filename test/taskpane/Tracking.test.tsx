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
    fireEvent.change(field("checkin.actual"), { target: { value: "三万" } });
    fireEvent.click(screen.getByTestId("checkin-submit"));
    expect(await within(screen.getByTestId("checkin-form")).findByText("Enter a number")).toBeInTheDocument();
    expect(port.callsOf("addTrackingEntry")).toHaveLength(0);
  });

  test("a bad date is refused before anything is written", async () => {
    const port = createFakeWorkbookPort({ plan: planWithGaps() });
    await renderPane(port, { view: "tracking" });
    fireEvent.change(field("checkin.date"), { target: { value: "2024-02-30" } });
    fireEvent.change(field("checkin.actual"), { target: { value: "3" } });
    fireEvent.click(screen.getByTestId("checkin-submit"));
    expect(within(screen.getByTestId("checkin-form")).getAllByText("Enter a real date as YYYY-MM-DD").length).toBeGreaterThan(0);
    expect(port.callsOf("addTrackingEntry")).toHaveLength(0);
  });

  test("a check-in goes through the port and the schedule follows the new read", async () => {
    const port = createFakeWorkbookPort({ plan: planWithGaps() });
    await renderPane(port, { view: "tracking", asOf: "2024-05-15" });
    fireEvent.change(field("checkin.date"), { target: { value: "2024-04-18" } });
    fireEvent.change(field("checkin.goalId"), { target: { value: "G2" } });
    fireEvent.change(field("checkin.actual"), { target: { value: "0.044" } });
    fireEvent.change(field("checkin.coachFeedback"), { target: { value: "关注投诉原因" } });
    fireEvent.click(screen.getByTestId("checkin-submit"));
    await waitFor(() => expect(port.callsOf("addTrackingEntry")).toHaveLength(1));
    expect(port.callsOf("addTrackingEntry")[0][0]).toEqual({ date: "2024-04-18", goalId: "G2", actual: 0.044, note: "", coachFeedback: "关注投诉原因", enteredBy: "" });
    await waitFor(() => expect(screen.getByTestId("schedule-summary")).toHaveTextContent("5 of 7 check-ins held, 1 missed"));
    expect(await screen.findByText("Check-in added to the Tracking log.")).toBeInTheDocument();
  });

  test("an adjustment is recorded with what, why and who approved it; an empty change is refused", async () => {
    const port = createFakeWorkbookPort({ plan: planWithGaps() });
    await renderPane(port, { view: "tracking" });
    fireEvent.click(screen.getByTestId("adjustment-submit"));
    expect(within(screen.getByTestId("adjustment-form")).getByText("Required")).toBeInTheDocument();
    expect(port.callsOf("addAdjustment")).toHaveLength(0);
    fireEvent.change(field("adjustment.change"), { target: { value: "Extend A2 to 07-15" } });
    fireEvent.change(field("adjustment.reason"), { target: { value: "CRM fields late" } });
    fireEvent.click(screen.getByTestId("adjustment-submit"));
    await waitFor(() => expect(port.callsOf("addAdjustment")).toHaveLength(1));
    expect(port.callsOf("addAdjustment")[0][0]).toEqual({ date: "2024-05-15", change: "Extend A2 to 07-15", reason: "CRM fields late", approvedBy: "王强" });
  });
});
