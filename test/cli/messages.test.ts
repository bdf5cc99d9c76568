import { cliMessages, cliText } from "../../src/i18n/cli";
import { languageFromArgv, languageFromEnv, languageNamed } from "../../src/cli/language";
import { runCliHere, EXAMPLE_PLAN } from "./harness";
import { displayWidth, formatPercent, renderTable } from "../../src/cli/table";

describe("CLI messages", () => {
  test("every message exists in zh-CN and en-US with the same placeholders", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, pair] of Object.entries(cliMessages)) {
      expect([key, pair["zh-CN"].trim() !== "", pair["en-US"].trim() !== ""]).toEqual([key, true, true]);
      expect([key, placeholders(pair["zh-CN"])]).toEqual([key, placeholders(pair["en-US"])]);
    }
  });

  test("placeholders are filled; a missing parameter stays visible", () => {
    expect(cliText("en-US", "file.missing", { file: "a.json" })).toBe("a.json: no such file");
    expect(cliText("zh-CN", "roster.badDate", { row: 4, column: "计划开始", value: "2024-02-30" })).toBe(
      "第 4 行 “计划开始” 列：“2024-02-30” 不是日期（如 2024-04-01、2024/4/1 或 2024年4月1日）",
    );
    expect(cliText("en-US", "file.missing")).toBe("{file}: no such file");
  });
});

describe("language of the output", () => {
  test("--lang wins, then LC_ALL, LC_MESSAGES, LANG; zh* is zh-CN, anything else en-US", () => {
    expect(languageFromArgv(["validate", "--lang", "zh-CN"], { LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(languageFromArgv(["--lang=en-US"], { LC_ALL: "zh_CN.UTF-8" })).toBe("en-US");
    expect(languageFromArgv(["--lang", "fr"], { LANG: "zh_TW.UTF-8" })).toBe("zh-CN");
    expect(languageFromEnv({ LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(languageFromEnv({ LC_MESSAGES: "en_GB.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en-US");
    expect(languageFromEnv({ LANG: "C.UTF-8" })).toBe("en-US");
    expect(languageFromEnv({})).toBe("en-US");
  });
});

describe("--lang and --as-of as people type them", () => {
  test("zh, zh_CN, cn, en, en_US name the two languages; anything else does not", () => {
    for (const v of ["zh", "zh_CN", "ZH-cn", "cn", "zh-Hans"]) expect(languageNamed(v)).toBe("zh-CN");
    for (const v of ["en", "en_US", "EN-us"]) expect(languageNamed(v)).toBe("en-US");
    for (const v of ["fr", "zh-TW", "", undefined]) expect(languageNamed(v)).toBeNull();
    expect(languageFromArgv(["validate", "--lang", "zh"], { LANG: "en_US.UTF-8" })).toBe("zh-CN");
  });

  test("--lang zh prints Chinese; --as-of 2024/5/15 is the same day as 2024-05-15", async () => {
    const zh = await runCliHere(["analyze", EXAMPLE_PLAN, "--lang", "zh", "--as-of", "2024/5/15"]);
    expect(zh.code).toBe(0);
    const iso = await runCliHere(["analyze", EXAMPLE_PLAN, "--lang", "zh-CN", "--as-of", "2024-05-15"]);
    expect(zh.stdout).toBe(iso.stdout);
    expect(zh.stdout).toMatch(/[\u4e00-\u9fff]/);
    const bad = await runCliHere(["analyze", EXAMPLE_PLAN, "--as-of", "2024/13/15"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("2024/13/15");
  });
});

describe("terminal tables", () => {
  test("CJK characters count two columns, so columns line up", () => {
    expect(displayWidth("李娜")).toBe(4);
    expect(displayWidth("Li Na")).toBe(5);
    const lines = renderTable(["Name", "%"], [["李娜", "64.0%"], ["Alex", "9.5%"]], ["left", "right"]).split("\n");
    expect(lines.map(displayWidth)).toEqual([11, 11, 11, 11]);
    expect(lines[2]).toBe("李娜  64.0%");
    expect(lines[3]).toBe("Alex   9.5%");
  });

  test("percentages with one decimal; empty shows a dash", () => {
    expect(formatPercent(0.64)).toBe("64.0%");
    expect(formatPercent(null)).toBe("—");
  });
});
