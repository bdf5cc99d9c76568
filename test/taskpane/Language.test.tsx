/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, render, screen } from "@testing-library/react";
import { Root } from "../../src/taskpane/Root/Root";
import { createFakeWorkbookPort } from "./support/fake-port";
import { renderPane } from "./support/render";

describe("pane language", () => {
  test("the switch turns the pane into Chinese: views, step heading, <html lang>", async () => {
    await renderPane(createFakeWorkbookPort());
    expect(screen.getByRole("tab", { name: "Plan" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en-US");
    fireEvent.click(screen.getByTestId("language-switch"));
    expect(screen.getByRole("tab", { name: "计划" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "评估" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("计划与场景");
    expect(document.documentElement.lang).toBe("zh-CN");
    fireEvent.click(screen.getByTestId("language-switch"));
    expect(screen.getByRole("tab", { name: "Plan" })).toBeInTheDocument();
  });

  test("a new plan's workbook language starts as the pane's language", async () => {
    await renderPane(createFakeWorkbookPort(), { language: "zh-CN" });
    expect(document.querySelector('[data-field="header.language"]')).toHaveValue("zh-CN");
  });

  test("outside Excel the page says so and links to the preview", async () => {
    render(<Root mode={{ kind: "outside-excel" }} initialLanguage="en-US" />);
    expect(await screen.findByRole("heading", { name: "Open PIPbook in Excel" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Open the preview/ })).toHaveAttribute("href", "http://localhost:3001/");
    fireEvent.click(screen.getByRole("button", { name: /switch the pane to Chinese/ }));
    expect(screen.getByRole("heading", { name: "请在 Excel 中打开 PIPbook" })).toBeInTheDocument();
  });
});
