import { DIAGNOSTICS_TEXT, diagnosticsText } from "../../src/i18n/diagnostics";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("Diagnostics strings", () => {
  test("every string exists in zh-CN and en-US with the same placeholders", () => {
    for (const [key, entry] of Object.entries(DIAGNOSTICS_TEXT)) {
      expect({ key, zh: entry["zh-CN"].trim().length > 0, en: entry["en-US"].trim().length > 0 }).toEqual({ key, zh: true, en: true });
      expect({ key, p: placeholders(entry["zh-CN"]) }).toEqual({ key, p: placeholders(entry["en-US"]) });
    }
  });

  test("every check of the self-test has a name in both languages", () => {
    for (const key of ["blankWorkbook", "write", "readBack", "formulaErrors", "numbers", "validation", "charts", "cleanup"] as const) {
      expect(diagnosticsText("zh-CN", `check.${key}`)).toMatch(/[\u4e00-\u9fff]/);
      expect(diagnosticsText("en-US", `check.${key}`)).toMatch(/^[A-Z]/);
    }
  });

  test("placeholders are filled; an unknown one stays visible", () => {
    expect(diagnosticsText("en-US", "report.checked", { count: 208 })).toBe("208 checked");
    expect(diagnosticsText("zh-CN", "report.checked", { count: 208 })).toBe("已检查 208 项");
    expect(diagnosticsText("en-US", "report.checked")).toBe("{count} checked");
  });
});
