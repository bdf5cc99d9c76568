/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import { createFakeWorkbookPort } from "./support/fake-port";
import { examplePlan } from "./support/example";
import { renderPane } from "./support/render";

describe("tracking view: due this week", () => {
  test("lists the missed check-in (red) and the one due by Sunday, as of the pane's date", async () => {
    const plan = examplePlan();
    plan.tracking = plan.tracking.filter((e) => e.date !== "2024-05-03");
    await renderPane(createFakeWorkbookPort({ plan }), { view: "tracking", asOf: "2024-05-15" });
    const list = screen.getByTestId("due-this-week");
    expect(within(list).getByRole("heading")).toHaveTextContent("Due this week (2024-05-13 – 2024-05-19)");
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      "Check-in 2024-W18 missed (2024-04-29 – 2024-05-05): nothing in the Tracking log",
      "Check-in 2024-W20 due by 2024-05-19",
    ]);
    expect(items[0]).toHaveAttribute("data-overdue", "true");
  });

  test("says so when nothing is due", async () => {
    await renderPane(createFakeWorkbookPort({ plan: examplePlan() }), { view: "tracking", asOf: "2024-05-18" });
    expect(screen.getByTestId("due-this-week")).toHaveTextContent("Nothing due this week.");
  });
});
