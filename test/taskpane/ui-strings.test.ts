import { pickLanguage, uiText, UI_STRINGS } from "../../src/i18n/ui";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("UI strings", () => {
  test("every string exists in zh-CN and en-US with the same placeholders", () => {
    for (const [key, entry] of Object.entries(UI_STRINGS)) {
      expect({ key, zh: entry["zh-CN"].trim().length > 0, en: entry["en-US"].trim().length > 0 }).toEqual({ key, zh: true, en: true });
      expect({ key, p: placeholders(entry["zh-CN"]) }).toEqual({ key, p: placeholders(entry["en-US"]) });
    }
  });

  test("uiText fills placeholders and leaves unknown ones visible", () => {
    expect(uiText("en-US", "wizard.stepOf", { n: 2, total: 7, stage: 1 })).toBe("Step 2 of 7 · stage 1");
    expect(uiText("zh-CN", "check.errors", { count: 3 })).toBe("错误（3）");
    expect(uiText("en-US", "check.errors")).toBe("Errors ({count})");
  });

  test.each([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh-HK", "zh-CN"],
    ["zh", "zh-CN"],
    ["ZH-cn", "zh-CN"],
    ["en-US", "en-US"],
    ["en-GB", "en-US"],
    ["fr-FR", "en-US"],
    ["", "en-US"],
  ])("display language %s → pane language %s", (display, pane) => {
    expect(pickLanguage(display)).toBe(pane);
  });

  test("no display language at all → en-US", () => {
    expect(pickLanguage(null)).toBe("en-US");
    expect(pickLanguage(undefined)).toBe("en-US");
  });
});
