import { decodeValue, encodeValue, isDateFormat } from "../../src/workbook/cells";
import { listTable, recordTable, type ColumnDecl } from "../../src/workbook";

const col = (table: "PIP_Goals" | "PIP_Tracking" | "PIP_Resources" | "PIP_Causes", key: string): ColumnDecl =>
  listTable(table).columns.find((c) => c.key === key)!;

describe("encodeValue: text is text, dates are serials, lists are labels", () => {
  test.each(["=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "+86 138", "-5%", "@王强", "\tTab", "\rCR", "1e5", "2024-04-01"])(
    "text %j goes into an @ cell unchanged",
    (text) => {
      expect(encodeValue(col("PIP_Tracking", "note"), text, "zh-CN")).toEqual({ value: text, numberFormat: "@" });
    },
  );

  test("a date is its Excel serial with a date format (2024-04-01 = 45383)", () => {
    expect(encodeValue(col("PIP_Tracking", "date"), "2024-04-01", "en-US")).toEqual({ value: 45383, numberFormat: "yyyy-mm-dd" });
  });

  test("a list value is its label in the workbook's language", () => {
    expect(encodeValue(col("PIP_Goals", "direction"), "decrease", "zh-CN").value).toBe("反向（越低越好）");
    expect(encodeValue(col("PIP_Goals", "aggregation"), "latest", "en-US").value).toBe("Latest");
    expect(encodeValue(col("PIP_Resources", "delivered"), true, "en-US").value).toBe("Yes");
  });

  test("text read from a number cell is written back as text, never evaluated", () => {
    expect(encodeValue(col("PIP_Goals", "target"), "=1+1", "en-US")).toEqual({ value: "=1+1", numberFormat: "@" });
    expect(encodeValue(col("PIP_Tracking", "date"), "next Monday", "en-US")).toEqual({ value: "next Monday", numberFormat: "@" });
  });

  test("a goal's unit gives its number format: % → percent, 万元 → suffix", () => {
    expect(encodeValue(col("PIP_Goals", "target"), 0.03, "zh-CN", "%").numberFormat).toBe("0.00%");
    expect(encodeValue(col("PIP_Goals", "target"), 45, "zh-CN", "万元").numberFormat).toBe('General" 万元"');
    expect(encodeValue(col("PIP_Goals", "target"), 45, "zh-CN", 'in "quotes"').numberFormat).toBe("General");
  });
});

describe("decodeValue: every cell content has an answer, never a throw", () => {
  test("numbers, blanks, text, booleans and errors in a number column", () => {
    const c = col("PIP_Tracking", "actual");
    expect(decodeValue(c, { value: 12.5, type: "Double" })).toEqual({ value: 12.5, blank: false });
    expect(decodeValue(c, { value: "", type: "Empty" })).toEqual({ value: null, blank: true });
    expect(decodeValue(c, { value: "12", type: "String" }).problem).toEqual({ code: "CELL_NOT_NUMBER", shown: "12" });
    expect(decodeValue(c, { value: true, type: "Boolean" }).problem?.code).toBe("CELL_NOT_NUMBER");
    expect(decodeValue(c, { value: "#REF!", type: "Error" }).problem).toEqual({ code: "CELL_ERROR", shown: "#REF!" });
  });

  test("without valueTypes, #VALUE! in a General cell is an error, in an @ cell it is text", () => {
    const c = col("PIP_Tracking", "note");
    expect(decodeValue(c, { value: "#VALUE!", numberFormat: "General" }).problem?.code).toBe("CELL_ERROR");
    expect(decodeValue(c, { value: "#VALUE!", numberFormat: "@" })).toEqual({ value: "#VALUE!", blank: false });
  });

  test("dates: a serial reads as ISO; text, 0 and the fictitious 1900-02-29 are bad dates keeping their content", () => {
    const c = col("PIP_Tracking", "date");
    expect(decodeValue(c, { value: 45383 }).value).toBe("2024-04-01");
    expect(decodeValue(c, { value: 45383.75 }).value).toBe("2024-04-01");
    expect(decodeValue(c, { value: "2024-04-01", type: "String" })).toEqual({ value: "2024-04-01", blank: false, problem: { code: "CELL_BAD_DATE", shown: "2024-04-01" } });
    expect(decodeValue(c, { value: 60 }).problem?.code).toBe("CELL_BAD_DATE");
    expect(decodeValue(c, { value: -3 }).problem?.code).toBe("CELL_BAD_DATE");
  });

  test("lists accept either language's label or the model value; others are findings", () => {
    const c = col("PIP_Goals", "direction");
    expect(decodeValue(c, { value: "Decrease (lower is better)" }).value).toBe("decrease");
    expect(decodeValue(c, { value: "正向（越高越好）" }).value).toBe("increase");
    expect(decodeValue(c, { value: "decrease" }).value).toBe("decrease");
    expect(decodeValue(c, { value: "sideways" }).problem).toEqual({ code: "CELL_NOT_IN_LIST", shown: "sideways" });
    expect(decodeValue(col("PIP_Causes", "category"), { value: "" })).toEqual({ value: null, blank: true });
    expect(decodeValue(col("PIP_Resources", "delivered"), { value: "否" }).value).toBe(false);
  });

  test("a number typed into a text column reads as its text (an id 1024, a date as ISO)", () => {
    expect(decodeValue(col("PIP_Goals", "id"), { value: 1024, numberFormat: "General" }).value).toBe("1024");
    expect(decodeValue(col("PIP_Tracking", "note"), { value: 45383, numberFormat: "yyyy/m/d" }).value).toBe("2024-04-01");
  });

  test("date formats are told from others", () => {
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat("m/d/yyyy")).toBe(true);
    expect(isDateFormat("General")).toBe(false);
    expect(isDateFormat('General" 万元"')).toBe(false);
    expect(isDateFormat("0.0%")).toBe(false);
    expect(recordTable("PIP_Header").fields.length).toBeGreaterThan(0);
  });
});
