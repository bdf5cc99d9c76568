/**
 * Limits Excel has: a cell holds 32,767 characters and 15 significant digits; a plan window of more than 5 years
 * is a typo whose period grid would not fit. Each is an error on its field, before anything is written.
 */
import example from "../../examples/sales-q2-2024.plan.json";
import { planSchema, type Plan } from "../../src/core/model";
import { MAX_ABS_NUMBER, MAX_CELL_TEXT, MAX_PLAN_DAYS, validatePlan } from "../../src/core/validate";
import { lineColumn, parsePlanJson, placeInJson } from "../../src/core/plan-file";

function plan(edit: (p: Plan) => void): Plan {
  const p = planSchema.parse(structuredClone(example));
  edit(p);
  return p;
}

const codes = (p: Plan) => validatePlan(p).map((f) => [f.code, f.severity, f.location.entity, f.location.row, f.location.field]);

describe("plan window", () => {
  test("5 years is the limit: 1,827 days pass, 1,828 are PLAN_WINDOW_TOO_LONG on planEnd", () => {
    expect(MAX_PLAN_DAYS).toBe(1827);
    const ok = plan((p) => {
      p.header.planStart = "2024-01-01";
      p.header.planEnd = "2028-12-31"; // 1,827 days
    });
    expect(codes(ok).filter(([c]) => c === "PLAN_WINDOW_TOO_LONG")).toEqual([]);
    const long = plan((p) => {
      p.header.planStart = "2024-01-01";
      p.header.planEnd = "2029-01-01";
    });
    expect(codes(long)).toContainEqual(["PLAN_WINDOW_TOO_LONG", "error", "header", undefined, "planEnd"]);
  });

  test("0001-01-01 to 9999-12-31 is one finding, found in milliseconds (no period grid is built)", () => {
    const p = plan((x) => {
      x.header.planStart = "0001-01-01";
      x.header.planEnd = "9999-12-31";
    });
    const started = performance.now();
    const findings = validatePlan(p).filter((f) => f.code === "PLAN_WINDOW_TOO_LONG");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(findings).toHaveLength(1);
    expect(findings[0].message["en-US"]).toContain("3652059 days from 0001-01-01 to 9999-12-31");
  });
});

describe("cell limits", () => {
  test(`text longer than ${MAX_CELL_TEXT} characters is TEXT_TOO_LONG on its field; exactly ${MAX_CELL_TEXT} is fine`, () => {
    const p = plan((x) => {
      x.goals[0].title = "销".repeat(MAX_CELL_TEXT + 1);
      x.causes[0].description = "x".repeat(MAX_CELL_TEXT);
    });
    const tooLong = validatePlan(p).filter((f) => f.code === "TEXT_TOO_LONG");
    expect(tooLong.map((f) => [f.location.entity, f.location.row, f.location.field])).toEqual([["goals", 0, "title"]]);
    expect(tooLong[0].message["en-US"]).toContain("32768 characters");
    // Named with the column header the sheet shows, not the file's field name.
    expect(tooLong[0].message["en-US"]).not.toMatch(/\btitle has/);
  });

  test(`numbers beyond ±${MAX_ABS_NUMBER} are NUMBER_OUT_OF_RANGE ("too large"), 1e15 itself is not`, () => {
    const p = plan((x) => {
      x.goals[0].target = 1e16;
      x.goals[1].baseline = -2e15;
      x.tracking[0].actual = 1e15;
    });
    const found = validatePlan(p).filter((f) => f.code === "NUMBER_OUT_OF_RANGE");
    expect(found.map((f) => [f.location.entity, f.location.row, f.location.field])).toEqual([
      ["goals", 0, "target"],
      ["goals", 1, "baseline"],
    ]);
    expect(found[0].message["en-US"]).toContain("too large");
    expect(found[0].message["zh-CN"]).toContain("过大");
  });
});

describe("messages of a plan file", () => {
  const text = JSON.stringify(example, null, 2);
  const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

  test('1e309 is "too large", not "expected a number, found a number"', () => {
    const result = parsePlanJson(text.replace('"target": 45', '"target": 1e309'));
    expect(result.ok).toBe(false);
    const f = !result.ok ? result.findings[0] : undefined;
    expect(f?.message["en-US"]).toContain("the number 1e309 is too large");
    expect(f?.message["en-US"]).not.toContain("found a number");
    expect(f?.location).toMatchObject({ entity: "goals", row: 0, field: "target", line: lineOf('"target": 45') });
  });

  test("JSON null is shown as empty, not as “null”", () => {
    const result = parsePlanJson(text.replace('"target": 45', '"target": null'));
    const f = !result.ok ? result.findings[0] : undefined;
    expect(f?.message["en-US"]).toContain("found empty (null)");
    expect(f?.message["zh-CN"]).toContain("空值");
  });

  test("a syntax error is placed at its line and column, counted as an editor counts them (CRLF and CR too)", () => {
    const broken = text.replace('"target": 45', '"target": 45,,');
    const f = (() => {
      const r = parsePlanJson(broken);
      return r.ok ? undefined : r.findings[0];
    })();
    const line = lineOf('"target": 45');
    const column = broken.split("\n")[line - 1].indexOf(",,") + 2;
    expect(f?.location).toMatchObject({ line, column });
    const crlf = parsePlanJson(broken.replace(/\n/g, "\r\n"));
    expect(!crlf.ok && crlf.findings[0].location).toMatchObject({ line, column });
    expect(lineColumn("a\rb\r\nc\nd", 7)).toEqual({ line: 4, column: 1 });
  });

  test("validatePlan's findings are placed at their value's line in the JSON text", () => {
    const edited = text.replace('"target": 45', '"target": 1e16');
    const result = parsePlanJson(edited);
    if (!result.ok) throw new Error("expected a plan");
    const placed = placeInJson(validatePlan(result.plan), edited).find((f) => f.code === "NUMBER_OUT_OF_RANGE");
    expect(placed?.location).toMatchObject({ entity: "goals", row: 0, field: "target", line: lineOf('"target": 45') });
  });
});

describe("choices named as the sheet lists them", () => {
  test("an empty owner role: “is empty; choose one of” with the drop-down's labels, not the file's codes", () => {
    const p = plan((x) => {
      (x.responsibilities[0] as { role: unknown }).role = null;
      (x.actions[0] as { ownerRole: unknown }).ownerRole = "boss";
    });
    const found = validatePlan(p).filter((f) => f.code === "VALUE_NOT_ALLOWED");
    const empty = found.find((f) => f.location.entity === "responsibilities")!;
    expect(empty.message["zh-CN"]).toContain("为空，请选择：员工、直接上级、支持部门");
    expect(empty.message["en-US"]).toContain("is empty; choose one of: employee, manager, department (in the sheet: Employee, Manager, Department)");
    expect(empty.message["en-US"]).not.toContain("(empty)");
    const wrong = found.find((f) => f.location.entity === "actions")!;
    expect(wrong.message["zh-CN"]).toContain("“boss”不是可选值之一：员工、直接上级、支持部门");
  });
});

test("a zero-width space is not a name: the employee name “\\u200b” is REQUIRED_TEXT_MISSING", () => {
  const p = plan((x) => {
    x.header.employeeName = "\u200b";
  });
  expect(validatePlan(p).filter((f) => f.location.field === "employeeName").map((f) => f.code)).toEqual(["REQUIRED_TEXT_MISSING"]);
});
