/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import ICAL from "ical.js";
import { TextEncoder as NodeTextEncoder } from "node:util";
import { createFakeWorkbookPort } from "./support/fake-port";
import { examplePlan } from "./support/example";
import { renderPane } from "./support/render";

describe("tracking view: the calendar button", () => {
  const created: Blob[] = [];
  const clicked: { href: string; download: string }[] = [];
  beforeEach(() => {
    // jsdom lacks TextEncoder, which every browser the pane runs in has (ical-generator folds lines by UTF-8 octets)
    globalThis.TextEncoder ??= NodeTextEncoder as unknown as typeof TextEncoder;
    created.length = 0;
    clicked.length = 0;
    // jsdom has no object URLs and does not download: record what the pane hands to the browser
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return `blob:pipbook/${created.length}`;
    });
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
  });
  afterEach(() => jest.restoreAllMocks());

  test("downloads PIP-E1024-2024-04-01.ics: the plan's 17 events, which ical.js reads", async () => {
    await renderPane(createFakeWorkbookPort({ plan: examplePlan() }), { view: "tracking", asOf: "2024-05-15" });
    fireEvent.click(screen.getByTestId("calendar-download"));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]).toEqual({ href: "blob:pipbook/1", download: "PIP-E1024-2024-04-01.ics" });
    expect(created[0].type).toBe("text/calendar;charset=utf-8");
    // jsdom's Blob has no text(): read it as a browser's FileReader does
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]);
    });
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(13 + 3 + 1);
    expect(events[0].uid).toBe("pipbook-E1024-2024-04-01-check-in-2024-W14");
    expect(events[0].summary).toBe("PIP check-in 2024-W14 · 李娜"); // the pane's language (en-US here)
    expect(await screen.findByRole("status")).toHaveTextContent("PIP-E1024-2024-04-01.ics is in your downloads");
  });
});
