import { encodeValue } from "../../src/excel/cells";
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
