/** Renders the task pane (Root: FluentProvider + language + port + App) on a fake port. */
import { render, screen, waitFor } from "@testing-library/react";
import type { WorkbookPort } from "../../../src/excel/port";
import type { UiLanguage } from "../../../src/i18n/ui";
import type { ViewName } from "../../../src/taskpane/App/App.types";
import { Root } from "../../../src/taskpane/Root/Root";

export async function renderPane(port: WorkbookPort, options: { language?: UiLanguage; asOf?: string; view?: ViewName } = {}) {
  const result = render(
    <Root mode={{ kind: "preview", port }} initialLanguage={options.language ?? "en-US"} asOf={options.asOf ?? "2024-05-15"} initialView={options.view} />,
  );
  // The first read finishes and the lazily loaded view appears.
  await waitFor(() => expect(screen.getByTestId(`view-${options.view ?? "plan"}`)).toBeTruthy(), { timeout: 5000 });
  // The view tabs are their own chunk too.
  await waitFor(() => expect(screen.getByRole("tablist")).toBeTruthy(), { timeout: 5000 });
  return result;
}
