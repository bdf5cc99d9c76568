/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FINDING_MESSAGES } from "../../src/i18n/findings";
import { createFakeWorkbookPort } from "./support/fake-port";
import { examplePlan } from "./support/example";
import { renderPane } from "./support/render";
import { WorkbookConflictError } from "../../src/excel/port";
import { conflictMessage } from "../../src/i18n/workbook";

function field(name: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!el) throw new Error(`no field ${name}`);
  return el;
}

function goToStep(id: string) {
  fireEvent.change(screen.getByTestId("wizard-step-select"), { target: { value: id } });
}

/** The text Fluent's Field shows as the control's validation message (linked by aria-describedby). */
function messageOf(control: HTMLElement): string {
  const ids = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

const TARGET_EQUALS_BASELINE_EN = FINDING_MESSAGES.TARGET_EQUALS_BASELINE["en-US"].replace("{value}", "5");

/** Type into a field and leave it (messages show after a field is left). */
function typeAndLeave(name: string, value: string) {
  fireEvent.change(field(name), { target: { value } });
  fireEvent.blur(field(name));
}

/** Create / Save on a draft with open errors opens the summary; write anyway. */
async function writeAnyway() {
  fireEvent.click(screen.getByTestId("wizard-write"));
  fireEvent.click(await screen.findByTestId("summary-anyway"));
}

describe("plan wizard", () => {
  test("a goal whose target equals its baseline shows the finding inline under the target", async () => {
    await renderPane(createFakeWorkbookPort());
    goToStep("goals");
    fireEvent.click(screen.getByRole("button", { name: "Add a goal" }));
    fireEvent.change(field("goals.0.baseline"), { target: { value: "5" } });
    fireEvent.change(field("goals.0.target"), { target: { value: "5" } });
    // Not while typing: after the field is left.
    expect(messageOf(field("goals.0.target")).toLowerCase()).not.toContain(TARGET_EQUALS_BASELINE_EN);
    fireEvent.blur(field("goals.0.target"));
    // Inside the form the message has no "Goal 1 (G1):" prefix.
    expect(messageOf(field("goals.0.target"))).toContain(TARGET_EQUALS_BASELINE_EN.charAt(0).toUpperCase() + TARGET_EQUALS_BASELINE_EN.slice(1));
    expect(messageOf(field("goals.0.target"))).not.toContain("Goal 1");
    fireEvent.change(field("goals.0.target"), { target: { value: "7" } });
    expect(messageOf(field("goals.0.target")).toLowerCase()).not.toContain(TARGET_EQUALS_BASELINE_EN);
  });

  test("a goal with no action shows the finding on the goal's card after a Create attempt, not before", async () => {
    await renderPane(createFakeWorkbookPort());
    goToStep("goals");
    fireEvent.click(screen.getByRole("button", { name: "Add a goal" }));
    const card = screen.getByTestId("goal-0");
    const noAction = new RegExp(FINDING_MESSAGES.GOAL_WITHOUT_ACTION["en-US"], "i");
    expect(within(card).queryByText(noAction)).toBeNull();
    fireEvent.click(screen.getByTestId("wizard-write"));
    fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(within(card).getByText(noAction)).toBeInTheDocument();
  });

  test("text typed into a number field says 'Enter a number' and does not change the plan", async () => {
    const port = createFakeWorkbookPort();
    await renderPane(port);
    goToStep("goals");
    fireEvent.click(screen.getByRole("button", { name: "Add a goal" }));
    fireEvent.change(field("goals.0.baseline"), { target: { value: "32" } });
    typeAndLeave("goals.0.baseline", "3x");
    expect(messageOf(field("goals.0.baseline"))).toContain("Enter a number");
    // The plan written is the one before the bad text: the baseline is still 32, not 3, NaN or empty.
    await writeAnyway();
    await waitFor(() => expect(port.callsOf("writePlan")).toHaveLength(1));
    const [plan] = port.callsOf("writePlan")[0] as [{ goals: { baseline: number }[] }];
    expect(plan.goals.map((g) => g.baseline)).toEqual([32]);
  });

  test("the gap's attainment is shown as you type: 32 of 50 is 64 %, a 5 % rate against a 2 % ceiling is -50 %", async () => {
    await renderPane(createFakeWorkbookPort());
    goToStep("gaps");
    fireEvent.click(screen.getByRole("button", { name: "Add a gap" }));
    const live = screen.getByTestId("gap-0-attainment");
    expect(live).toHaveTextContent("enter a target and an actual");
    fireEvent.change(field("gaps.0.target"), { target: { value: "50" } });
    fireEvent.change(field("gaps.0.actual"), { target: { value: "32" } });
    expect(live).toHaveTextContent(/Attainment\s+64%/);
    // Lower is better: (2t - a) / t = (0.04 - 0.05) / 0.02 = -0.5
    fireEvent.change(field("gaps.0.direction"), { target: { value: "decrease" } });
    fireEvent.change(field("gaps.0.target"), { target: { value: "0.02" } });
    fireEvent.change(field("gaps.0.actual"), { target: { value: "0.05" } });
    expect(live).toHaveTextContent(/Attainment\s+-50%/);
  });

  test("weights are typed as percentages and stored as fractions", async () => {
    const port = createFakeWorkbookPort();
    await renderPane(port);
    goToStep("goals");
    fireEvent.click(screen.getByRole("button", { name: "Add a goal" }));
    expect(field("goals.0.weight")).toHaveValue("100");
    fireEvent.click(screen.getByRole("button", { name: "Add a goal" }));
    expect(field("goals.1.weight")).toHaveValue("0");
    fireEvent.change(field("goals.0.weight"), { target: { value: "60" } });
    fireEvent.change(field("goals.1.weight"), { target: { value: "40 %" } });
    expect(screen.getByTestId("weight-sum")).toHaveTextContent("100%");
    await writeAnyway();
    await waitFor(() => expect(port.callsOf("writePlan")).toHaveLength(1));
    const [plan] = port.callsOf("writePlan")[0] as [{ goals: { weight: number }[] }];
    expect(plan.goals.map((g) => g.weight)).toEqual([0.6, 0.4]);
  });

  test("Create plan writes the draft in the workbook language, disables itself while writing, then reads back", async () => {
    const port = createFakeWorkbookPort();
    let release: () => void = () => undefined;
    port.holdWrites = new Promise((resolve) => (release = resolve));
    await renderPane(port);
    fireEvent.change(field("header.employeeName"), { target: { value: "Li Na" } });
    fireEvent.change(field("header.language"), { target: { value: "en-US" } });
    const create = screen.getByTestId("wizard-write");
    expect(create).toHaveTextContent("Create plan");
    await writeAnyway();
    await waitFor(() => expect(create).toBeDisabled());
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    await act(async () => release());
    await waitFor(() => expect(create).toBeEnabled());
    const [plan, options] = port.callsOf("writePlan")[0] as [{ header: { employeeName: string } }, { language: string }];
    expect(plan.header.employeeName).toBe("Li Na");
    expect(options.language).toBe("en-US");
    expect(port.callsOf("readPlan").length).toBe(2);
    expect(create).toHaveTextContent("Save");
    // The result shows beside the button, with the next step.
    const notice = within(screen.getByTestId("feedback-wizard")).getByTestId("notice");
    expect(notice).toHaveTextContent("The plan is in the workbook.");
    fireEvent.click(within(notice).getByRole("button", { name: "Go to Tracking" }));
    expect(await screen.findByTestId("view-tracking")).toBeInTheDocument();
  });

  test("a plan already in the workbook is read into the wizard; Save keeps check-ins added since", async () => {
    const example = examplePlan();
    const port = createFakeWorkbookPort({ plan: example });
    await renderPane(port);
    expect(field("header.employeeName")).toHaveValue(example.header.employeeName);
    expect(field("header.language")).toBeDisabled();
    expect(screen.getByTestId("wizard-write")).toHaveTextContent("Save");
    // A check-in arrives in the workbook while the draft is being edited.
    fireEvent.change(field("header.position"), { target: { value: "高级销售代表" } });
    port.plan!.tracking.push({ date: "2024-06-29", goalId: "G1", actual: 1, note: "", coachFeedback: "", enteredBy: "" });
    fireEvent.click(screen.getByTestId("wizard-write"));
    // The example plan has no open errors: no summary, it is written at once.
    expect(screen.queryByTestId("summary-dialog")).toBeNull();
    await waitFor(() => expect(port.callsOf("writePlan")).toHaveLength(1));
    // The port's read after the edit still holds the old draft: it was dirty. The write takes stages 6–7 from the last read.
    const [written] = port.callsOf("writePlan")[0] as [typeof example];
    expect(written.header.position).toBe("高级销售代表");
    expect(written.tracking).toHaveLength(example.tracking.length);
  });

  test("a write error becomes a MessageBar with a plain sentence and the details on demand", async () => {
    const port = createFakeWorkbookPort();
    const failure = Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
    port.failNext.writePlan = failure;
    await renderPane(port);
    await writeAnyway();
    // The empty draft's required fields carry their own inline alerts (Fluent Field); find the write error's bar.
    const title = await screen.findByText("The plan could not be written to the workbook.");
    const alert = title.closest<HTMLElement>('[role="alert"]')!;
    expect(alert).toHaveTextContent("The plan could not be written to the workbook.");
    expect(alert).not.toHaveTextContent("ItemNotFound");
    fireEvent.click(within(alert).getByRole("button", { name: "Details" }));
    expect(alert).toHaveTextContent("ItemNotFound");
    expect(alert).toHaveTextContent("The requested resource doesn't exist.");
  });

  test("a rewrite refused for a person's cells shows which cells, in the pane's language, without opening the details", async () => {
    const port = createFakeWorkbookPort();
    const cells = [{ sheet: "Goals", cell: "C7", reason: "occupied" as const }];
    port.failNext.writePlan = new WorkbookConflictError(cells, conflictMessage(cells, 5));
    await renderPane(port);
    await writeAnyway();
    const title = await screen.findByText("The plan could not be written to the workbook.");
    const alert = title.closest<HTMLElement>('[role="alert"]')!;
    expect(alert).toHaveTextContent("the plan's tables now need Goals!C7, and those cells hold your own content");
    expect(alert).toHaveTextContent("the workbook was not changed");
  });

  test("Next and Back move between the seven steps and focus the step heading", async () => {
    const user = userEvent.setup();
    await renderPane(createFakeWorkbookPort());
    const headings = ["Plan & scenario", "Performance gaps", "SMART goals", "Root causes", "Actions", "Resources & responsibilities", "Sign-off"];
    for (let i = 0; i < headings.length; i++) {
      expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(headings[i]);
      if (i > 0) expect(screen.getByRole("heading", { level: 2 })).toHaveFocus();
      if (i < headings.length - 1) await user.click(screen.getByRole("button", { name: "Next" }));
    }
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Resources & responsibilities");
  });

  test("the sign-off step shows the acknowledgement wording: the employee's signature confirms receipt", async () => {
    await renderPane(createFakeWorkbookPort());
    goToStep("signOff");
    expect(screen.getByTestId("ack-employee")).toHaveTextContent(/confirms receipt/);
    expect(screen.getByTestId("ack-manager")).toHaveTextContent(/commits the resources/);
  });
});
