import { readFileSync } from "node:fs";
import path from "node:path";
import { hasXmlInvalidChars } from "../../src/core/xml-text";
import { parsePlanJson } from "../../src/core/plan-file";
import { encodeValue } from "../../src/workbook/cells";
import { createWorkbookPort } from "../../src/excel/office-port";
import { createMemoryExcel } from "../../src/memory-excel";
import { listTable } from "../../src/workbook";

const column = (table: Parameters<typeof listTable>[0], key: string) => {
  const found = listTable(table).columns.find((c) => c.key === key);
  if (!found) throw new Error(`${table} has no ${key}`);
  return found;
};

describe("the Office.js writer's cells hold only text XML can store", () => {
  test("a goal title with Word's U+000B gets a line feed; U+FFFE and C0 controls are removed", () => {
    expect(encodeValue(column("PIP_Goals", "title"), "投诉率降至 3%\u000B以下\uFFFE\u0001", "zh-CN")).toEqual({ value: "投诉率降至 3%\n以下", numberFormat: "@" });
  });

  test("text kept in a number or date column is cleaned too; clean text and numbers are untouched", () => {
    expect(encodeValue(column("PIP_Tracking", "actual"), "12\u0007", "en-US").value).toBe("12");
    expect(encodeValue(column("PIP_Tracking", "date"), "soon\uFFFF", "en-US").value).toBe("soon");
    expect(encodeValue(column("PIP_Tracking", "note"), "a\tb\nc 😀", "en-US").value).toBe("a\tb\nc 😀");
    expect(encodeValue(column("PIP_Tracking", "actual"), 42, "en-US").value).toBe(42);
  });
});

describe("the Office.js writer end to end (in-memory Excel): cells, chart titles and series names", () => {
  test("a goal title with U+000B and U+FFFE is written with a line break and without U+FFFE everywhere", async () => {
    const parsed = parsePlanJson(readFileSync(path.join(__dirname, "../../examples/sales-q2-2024.plan.json"), "utf8"));
    if (!parsed.ok) throw new Error("example does not parse");
    const plan = parsed.plan;
    plan.goals[0].title = "销售额\u000B提升到 45 万元\uFFFE";
    const memory = createMemoryExcel({ engine: null, sheets: [] });
    const port = createWorkbookPort((batch) => memory.run(batch), { asOf: "2024-05-15" });
    await port.writePlan(plan, { language: "zh-CN", asOf: "2024-05-15" });
    const snapshot = memory.snapshot();
    const texts = [
      ...snapshot.sheets.flatMap((s) => s.cells.map((c) => c.value).filter((v): v is string => typeof v === "string")),
      ...snapshot.sheets.flatMap((s) => s.charts.flatMap((c) => [c.title ?? "", ...c.series.map((x) => x.name)])),
    ];
    expect(texts.filter((t) => hasXmlInvalidChars(t))).toEqual([]);
    expect(texts).toContain("销售额\n提升到 45 万元");
    const chartTexts = snapshot.sheets.flatMap((s) => s.charts.flatMap((c) => [c.title ?? "", ...c.series.map((x) => x.name)]));
    expect(chartTexts.some((t) => t.includes("销售额\n提升到 45 万元"))).toBe(true);
  });
});
