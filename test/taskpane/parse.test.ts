import { isDateText, numberToText, parseNumberText } from "../../src/taskpane/fields/parse";
import { nextId, newPlan } from "../../src/taskpane/plan-draft";
import { planToWrite } from "../../src/taskpane/plan-merge";

describe("form text → model values", () => {
  test.each([
    ["45", 45],
    ["-3.5", -3.5],
    ["1,234.5", 1234.5],
    [" 0.03 ", 0.03],
    [".5", 0.5],
    ["1e3", 1000],
  ])("%j is the number %d", (text, value) => {
    expect(parseNumberText(text)).toEqual({ ok: true, value });
  });

  test.each(["abc", "3x", "45万", "--1", "1.2.3", "NaN", "Infinity"])("%j is not a number", (text) => {
    expect(parseNumberText(text)).toEqual({ ok: false });
  });

  test.each([
    ["４．５", 4.5],
    ["－3", -3],
    ["１２，３４５", 12345],
    ["12,345,678", 12345678],
    ["1,234", 1234],
  ])("%j (full-width, or grouped in threes) is the number %d", (text, value) => {
    expect(parseNumberText(text)).toEqual({ ok: true, value });
  });

  test.each(["4,5", "3,2", "0,5", "1.234,5", "4，5", "12,34"])("%j has a decimal comma: refused with that reason, not read as 45", (text) => {
    expect(parseNumberText(text)).toEqual({ ok: false, reason: "decimalComma" });
  });

  test("empty text is an empty value", () => {
    expect(parseNumberText("  ")).toEqual({ ok: true, value: null });
  });

  test("percent weights: 60 shown ↔ 0.6 stored, without binary noise", () => {
    expect(parseNumberText("60", 100)).toEqual({ ok: true, value: 0.6 });
    expect(parseNumberText("7", 100)).toEqual({ ok: true, value: 0.07 });
    expect(numberToText(0.07, 100)).toBe("7");
    expect(numberToText(0.6, 100)).toBe("60");
    expect(numberToText(Number.NaN)).toBe("");
  });

  test("dates must be real calendar dates, in any of the forms people type (the shared parseUserDate)", () => {
    expect(isDateText("2024-02-29")).toBe(true);
    expect(isDateText("2023-02-29")).toBe(false);
    expect(isDateText("2024-4-1")).toBe(true);
    expect(isDateText("2024/4/1")).toBe(true);
    expect(isDateText("2024年4月1日")).toBe(true);
    expect(isDateText("12/7/2026")).toBe(true);
    expect(isDateText("13/7/2026")).toBe(false);
  });
});

describe("plan draft", () => {
  test("ids continue after the highest one taken", () => {
    expect(nextId("G", [])).toBe("G1");
    expect(nextId("G", ["G1", "G7", "X9", "G3"])).toBe("G8");
  });

  test("a new plan runs 91 days from as-of and has the three signature lines", () => {
    const plan = newPlan("2024-04-01", "en-US");
    expect(plan.header.planEnd).toBe("2024-06-30");
    expect(plan.signOff.map((s) => s.role)).toEqual(["employee", "manager", "hr"]);
    expect(plan.header.language).toBe("en-US");
  });

  test("the wizard writes stages 1–5 from the draft and 6–7 from the last read", () => {
    const draft = newPlan("2024-04-01", "zh-CN");
    const latest = newPlan("2024-04-01", "zh-CN");
    draft.header.employeeName = "李娜";
    latest.tracking = [{ date: "2024-04-05", goalId: "G1", actual: 1, note: "", coachFeedback: "", enteredBy: "" }];
    latest.evaluation = { ...latest.evaluation, notes: "kept" };
    const written = planToWrite(draft, latest);
    expect(written.header.employeeName).toBe("李娜");
    expect(written.tracking).toEqual(latest.tracking);
    expect(written.evaluation.notes).toBe("kept");
    expect(planToWrite(draft, null)).toBe(draft);
  });
});
