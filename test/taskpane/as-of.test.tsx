/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import { createFakeWorkbookPort } from "./support/fake-port";
import { examplePlan } from "./support/example";
import { renderPane } from "./support/render";

describe("the pane's as-of date (issue 17: as of means as of)", () => {
  test("a mid-plan review says how many Tracking log rows dated after the as-of date were left out", async () => {
    // the worked example logs weekly until 2024-06-28: seven rows per goal are dated after 2024-05-15
    await renderPane(createFakeWorkbookPort({ plan: examplePlan() }), { view: "evaluate", asOf: "2024-05-15" });
    expect(screen.getByTestId("after-as-of")).toHaveTextContent("14 row(s) of the Tracking log dated after 2024-05-15 are left out of these numbers.");
    // and the numbers are that day's: 0.6 × 19.1 / 45 + 0.4 × (2 × 3 % − 4.37 %) / 3 % = 47.2 %
    expect(screen.getByTestId("overall-attainment")).toHaveTextContent("47.2%");
  });

  test("at the plan's end nothing is left out and nothing is said", async () => {
    await renderPane(createFakeWorkbookPort({ plan: examplePlan() }), { view: "evaluate", asOf: "2024-06-30" });
    expect(screen.queryByTestId("after-as-of")).toBeNull();
  });
});
