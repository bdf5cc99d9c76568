/** @jest-environment jsdom */
/**
 * A save that stopped half-way, in the pane (on the FAKE port of test/taskpane/support, not Excel): the error bar
 * says nothing entered is lost, in the user's language, and offers "Finish the interrupted save", which asks the
 * port to finish it and then reads the workbook again.
 */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { InterruptedSaveError } from "../../src/excel/port";
import { readerMessage } from "../../src/i18n/workbook";
import { createFakeWorkbookPort } from "./support/fake-port";
import { examplePlan } from "./support/example";
import { renderPane } from "./support/render";

test("an interrupted save shows its sentence and a Finish button that finishes it through the port", async () => {
  const port = createFakeWorkbookPort({ plan: examplePlan() });
  port.failNext.refreshEvaluation = new InterruptedSaveError(readerMessage("SAVE_INTERRUPTED", { time: "2024-06-01 09:00" }));
  await renderPane(port, { view: "evaluate" });
  fireEvent.click(screen.getByTestId("refresh-evaluation"));
  expect(await screen.findByText(/everything entered is kept in the workbook's save journal and nothing is lost/)).toBeInTheDocument();
  const reads = port.callsOf("readPlan").length;
  fireEvent.click(screen.getByRole("button", { name: "Finish the interrupted save" }));
  await waitFor(() => expect(port.callsOf("finishInterruptedSave")).toHaveLength(1));
  await waitFor(() => expect(port.callsOf("readPlan").length).toBeGreaterThan(reads));
  expect(await screen.findByText("The interrupted save is finished: every table holds what was being saved.")).toBeInTheDocument();
});

test("in Chinese the bar and the button speak Chinese", async () => {
  const port = createFakeWorkbookPort({ plan: examplePlan() });
  port.failNext.refreshEvaluation = new InterruptedSaveError(readerMessage("SAVE_INTERRUPTED", { time: "2024-06-01 09:00" }));
  await renderPane(port, { view: "evaluate", language: "zh-CN" });
  fireEvent.click(screen.getByTestId("refresh-evaluation"));
  expect(await screen.findByText(/没有丢失/)).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "完成中断的保存" })).toBeInTheDocument();
});
