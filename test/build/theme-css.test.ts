/**
 * taskpane.html carries Fluent's light theme as CSS variables written at build time (webpack.config.js themeCss),
 * instead of the pane computing them from webLightTheme in its first scripts (issue 16). The page must define every
 * token FluentProvider would have defined, with the same value, or the pane would not look the same.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { webLightTheme } from "@fluentui/react-components";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as { themeCss(): string; addinPages: { name: string; templateParameters?: () => Record<string, string> }[] };

describe("the task pane's theme in its page", () => {
  test("one :root rule defines every webLightTheme token with its value", () => {
    const css = config.themeCss();
    expect(css.startsWith(":root")).toBe(true);
    const declared = new Map([...css.matchAll(/--([A-Za-z0-9]+):\s*([^;}]+)/g)].map((m) => [m[1], m[2].trim()]));
    const tokens = Object.entries(webLightTheme);
    expect(tokens.length).toBeGreaterThan(400);
    for (const [name, value] of tokens) expect([name, declared.get(name)]).toEqual([name, String(value)]);
  });

  test("taskpane.html's template puts it in a <style> of the page, and the task pane page passes it", () => {
    const template = readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
    expect(template).toMatch(/<style><%= themeCss %><\/style>/);
    const page = config.addinPages.find((p) => p.name === "taskpane");
    expect(page?.templateParameters?.().themeCss).toBe(config.themeCss());
  });
});
