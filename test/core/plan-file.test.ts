import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import type { Finding } from "../../src/core/findings";
import { planSchema } from "../../src/core/model";
import { MAX_SCHEMA_FINDINGS, locateJsonSyntaxError, parsePlan, parsePlanJson, planJsonSchema } from "../../src/core/plan-file";
import { validatePlan } from "../../src/core/validate";
import { SCHEMA_FILE, renderPlanJsonSchema } from "../../scripts/generate-schema";
import { arbValidPlan } from "../support/arbitraries";

const EXAMPLE_FILE = resolve(__dirname, "../../examples/sales-q2-2024.plan.json");
const exampleText = readFileSync(EXAMPLE_FILE, "utf8");

function failed(result: ReturnType<typeof parsePlanJson>): Finding[] {
  if (result.ok) throw new Error("expected findings, got a plan");
  return result.findings;
}

describe("parsePlanJson: the example", () => {
  test("DOMAIN.md's example parses to the plan zod gives, and that plan has no finding", () => {
    const result = parsePlanJson(exampleText, "sales-q2-2024.plan.json");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan).toEqual(planSchema.parse(JSON.parse(exampleText)));
    expect(validatePlan(result.plan)).toEqual([]);
  });

  test("a UTF-8 byte-order mark (as Windows Notepad writes it) is accepted", () => {
    expect(parsePlanJson(`\uFEFF${exampleText}`).ok).toBe(true);
  });

  test("defaults are filled in for fields a person leaves out", () => {
    const minimal = {
      schemaVersion: 1,
      header: { employeeName: "李娜", employeeId: "E1", manager: "王强", planStart: "2024-04-01", planEnd: "2024-06-30", cadence: "weekly", scenario: "post-review" },
    };
    const result = parsePlan(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.header.language).toBe("zh-CN");
    expect(result.plan.goals).toEqual([]);
    expect(result.plan.thresholds).toEqual({ onTrack: 0.9, atRisk: 0.7, met: 1, partiallyMet: 0.8 });
  });
});

describe("parsePlanJson: JSON syntax errors give line and column", () => {
  test("a trailing comma: line 3, column 1, in both languages, after the file name", () => {
    const [f] = failed(parsePlanJson('{\n  "schemaVersion": 1,\n}', "plan.json"));
    expect(f.code).toBe("PLAN_JSON_SYNTAX");
    expect(f.severity).toBe("error");
    expect(f.message["en-US"]).toBe("plan.json: line 3, column 1: not valid JSON (a comma before } or ])");
    expect(f.message["zh-CN"]).toBe("plan.json：第 3 行第 1 列：不是有效的 JSON（} 或 ] 前多了一个逗号）");
  });

  test("a comma missing in the example file points at the next line's first character", () => {
    const lines = exampleText.split("\n");
    const at = lines.findIndex((l) => l.includes('"employeeId": "E1024",'));
    lines[at] = lines[at].replace(/,$/, "");
    const [f] = failed(parsePlanJson(lines.join("\n")));
    const next = lines[at + 1];
    const column = next.length - next.trimStart().length + 1;
    expect(f.message["en-US"]).toContain(`line ${at + 2}, column ${column}:`);
    expect(f.message["en-US"]).toContain("unexpected “\"”");
  });

  test.each([
    ["single quotes", "{'schemaVersion': 1}", 1, 2, "strings need double quotes"],
    ["a comment", '{\n  // plan\n  "schemaVersion": 1\n}', 2, 3, "JSON has no comments"],
    ["a file cut short", '{\n  "goals": [\n    {"id": "G1"', 3, 16, "the file ends too early"],
    ["a line break inside a string", '{"title": "Q2\n销售"}', 1, 14, "a control character (e.g. a line break) inside a string"],
    ["text after the object", '{"schemaVersion": 1} x', 1, 22, "more text after the end of the JSON"],
    ["an empty file", "", 1, 1, "the file ends too early"],
    ["a bad escape", '{"a": "C:\\plans"}', 1, 10, "an invalid escape sequence"],
    ["a number with a decimal comma", '{"weight": 0,6}', 1, 14, "unexpected “6”"],
    ["a bare word", "{\"cadence\": weekly}", 1, 13, "unexpected “w”"],
  ])("%s", (_name, text, line, column, reason) => {
    const [f] = failed(parsePlanJson(text));
    expect(f.code).toBe("PLAN_JSON_SYNTAX");
    expect(f.message["en-US"]).toBe(`line ${line}, column ${column}: not valid JSON (${reason})`);
    expect(f.message["zh-CN"]).toContain(`第 ${line} 行第 ${column} 列`);
  });

  test("the locator and JSON.parse agree on which texts are JSON", () => {
    const isJson = (s: string) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    };
    // valid JSON with one character deleted, replaced or inserted: mostly broken, sometimes still valid
    const edited = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom("", ",", "}", "]", '"', "\\", ":", "0", "-", ".", "e", "\n", "\u0001", "t", "'"), fc.boolean())
      .map(([json, pos, ch, replace]) => {
        const i = pos % (json.length + 1);
        return json.slice(0, i) + ch + json.slice(replace ? i + 1 : i);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), edited, fc.string(), fc.string({ unit: "binary" })), (text) => {
        expect(locateJsonSyntaxError(text) === null).toBe(isJson(text));
      }),
      { numRuns: 5000 },
    );
  });

  test("every proper prefix of an object or list ends too early exactly at its end", () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue())), fc.nat(), (value, cut) => {
        const text = JSON.stringify(value, null, cut % 2 === 0 ? 0 : 2);
        const k = cut % text.length;
        const error = locateJsonSyntaxError(text.slice(0, k));
        expect(error?.offset).toBe(k);
        expect(error?.reason["en-US"]).toBe("the file ends too early");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parsePlan: schema problems name the field", () => {
  type Row = Record<string, unknown>;
  /** The example file's JSON, typed loosely enough to be edited into wrong shapes. */
  interface EditablePlan {
    [key: string]: unknown;
    header: Row;
    goals: Row[];
    actions: Row[];
    tracking: Row[];
  }
  function exampleWith(change: (plan: EditablePlan) => void): unknown {
    const plan = JSON.parse(exampleText) as EditablePlan;
    change(plan);
    return plan;
  }

  test("a target given as text: goals[1].target, the goal's row and field in the location", () => {
    const findings = failed(parsePlan(exampleWith((p) => (p.goals[1].target = "3%"))));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.code).toBe("PLAN_SCHEMA");
    expect(f.location).toEqual({ entity: "goals", row: 1, field: "target" });
    expect(f.message["en-US"]).toBe("Goal 2 (G2): goals[1].target: expected a number, found text");
    expect(f.message["zh-CN"]).toBe("目标 2（G2）：goals[1].target：应为数字，实际为文本");
  });

  test("a date in the wrong format, an unknown option and a missing field", () => {
    const findings = failed(
      parsePlan(
        exampleWith((p) => {
          p.header.planStart = "2024/04/01";
          p.actions[2].status = "finished";
          delete p.tracking[7].goalId;
        }),
        "q2.plan.json",
      ),
    );
    expect(findings.map((f) => f.location)).toEqual([
      { entity: "header", field: "planStart" },
      { entity: "actions", row: 2, field: "status" },
      { entity: "tracking", row: 7, field: "goalId" },
    ]);
    expect(findings[0].message["en-US"]).toBe("q2.plan.json: Overview: header.planStart: expected a date YYYY-MM-DD, found “2024/04/01”");
    expect(findings[1].message["en-US"]).toContain("Action 3 (A3): actions[2].status: “finished” is not one of: not-started, in-progress, done, cancelled");
    expect(findings[2].message["zh-CN"]).toBe("q2.plan.json：跟踪记录第 8 行：tracking[7].goalId：缺少此项（应为文本）");
  });

  test("a list that is not a list and a row that is not an object", () => {
    const findings = failed(parsePlan(exampleWith((p) => (((p as Row).goals = { G1: {} }), ((p.actions as unknown[])[0] = "A1")))));
    expect(findings.map((f) => f.location)).toEqual([{ entity: "goals" }, { entity: "actions", row: 0 }]);
    expect(findings[0].message["en-US"]).toBe("Goals: goals: expected a list […], found an object {…}");
  });

  test(`more than ${MAX_SCHEMA_FINDINGS} problems are listed up to ${MAX_SCHEMA_FINDINGS} and summed up in one more`, () => {
    const findings = failed(parsePlan(exampleWith((p) => (p.tracking = Array.from({ length: 80 }, () => ({ date: 1 }))))));
    // each row lacks goalId and actual and has a numeric date: 3 problems × 80 rows
    expect(findings).toHaveLength(MAX_SCHEMA_FINDINGS + 1);
    expect(findings[MAX_SCHEMA_FINDINGS].message["en-US"]).toBe(`${3 * 80 - MAX_SCHEMA_FINDINGS} more problems of the same kind are not listed`);
  });

  test.each([
    ["missing", (p: Record<string, unknown>) => delete p.schemaVersion, "schemaVersion is missing; this version of PIPbook reads plan files with schemaVersion 1"],
    ["2", (p: Record<string, unknown>) => (p.schemaVersion = 2), "schemaVersion is 2; this version of PIPbook reads plan files with schemaVersion 1"],
    ["the text \"1\"", (p: Record<string, unknown>) => (p.schemaVersion = "1"), 'schemaVersion is "1"; this version of PIPbook reads plan files with schemaVersion 1'],
  ])("schemaVersion %s is PLAN_SCHEMA_VERSION, naming the supported versions", (_name, change, message) => {
    const findings = failed(parsePlan(exampleWith(change)));
    expect(findings).toHaveLength(1);
    expect(findings[0].code).toBe("PLAN_SCHEMA_VERSION");
    expect(findings[0].location).toEqual({ entity: "header", field: "schemaVersion" });
    expect(findings[0].message["en-US"]).toBe(message);
    expect(findings[0].message["zh-CN"]).toContain("schemaVersion 1");
  });

  test.each(["[]", "null", "42", '"plan"'])("a file holding %s is PLAN_SCHEMA: not an object", (text) => {
    const [f] = failed(parsePlanJson(text));
    expect(f.code).toBe("PLAN_SCHEMA");
    expect(f.message["en-US"]).toBe("(root): a plan file must hold one JSON object {…}");
  });
});

describe("parse is total", () => {
  const wellFormed = (r: ReturnType<typeof parsePlan>) =>
    r.ok ? planSchema.safeParse(r.plan).success : r.findings.length > 0 && r.findings.every((f) => f.code.startsWith("PLAN_") && f.message["zh-CN"] !== "" && f.message["en-US"] !== "");

  test("parsePlan on any value gives a plan or findings", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withMap: true, withSet: true }), (value) => {
        expect(wellFormed(parsePlan(value))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test("parsePlanJson on any text and any JSON gives a plan or findings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify({ schemaVersion: 1, ...(typeof v === "object" && v !== null && !Array.isArray(v) ? v : { header: v }) }))), (text) => {
        expect(wellFormed(parsePlanJson(text))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test("a valid plan written to JSON and read back is the same plan", () => {
    fc.assert(
      fc.property(arbValidPlan(), (plan) => {
        const result = parsePlanJson(JSON.stringify(plan, null, 2));
        expect(result).toEqual({ ok: true, plan });
      }),
      { numRuns: 200 },
    );
  });
});

describe("schema/plan.schema.json", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")));

  test("the committed file equals a fresh generation (npm run schema)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(renderPlanJsonSchema());
  });

  test("it carries $id, title and the 2020-12 dialect", () => {
    const schema = planJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toMatch(/^urn:pipbook:/);
    expect(schema.title).toContain("PIPbook");
  });

  test("ajv (an independent validator) accepts the example plan file", () => {
    expect(validate(JSON.parse(exampleText))).toBe(true);
    expect(validate.errors ?? null).toBeNull();
  });

  test("ajv accepts every generated valid plan", () => {
    fc.assert(
      fc.property(arbValidPlan(), (plan) => {
        expect(validate(JSON.parse(JSON.stringify(plan)))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  test("ajv and zod agree when one field of a valid plan is replaced by any JSON value", () => {
    const fields = ["schemaVersion", "header", "header.planStart", "header.cadence", "header.language", "goals", "goals.0", "goals.0.target", "goals.0.weight", "goals.0.dueDate", "goals.0.method", "actions.0.status", "tracking", "evaluation.decision", "evaluation", "thresholds.met", "signOff.0.date", "resources"];
    fc.assert(
      fc.property(arbValidPlan({ goals: { max: 2 } }), fc.constantFrom(...fields), fc.jsonValue(), (plan, path, value) => {
        const doc = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
        const keys = path.split(".");
        let holder: Record<string, unknown> = doc;
        for (const k of keys.slice(0, -1)) holder = holder[k] as Record<string, unknown>;
        holder[keys[keys.length - 1]] = JSON.parse(JSON.stringify(value));
        expect(validate(doc)).toBe(planSchema.safeParse(doc).success);
      }),
      { numRuns: 500 },
    );
  });
});
