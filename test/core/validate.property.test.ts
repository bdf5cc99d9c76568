import fc from "fast-check";
import type { Finding } from "../../src/core/findings";
import type { Plan } from "../../src/core/model";
import { FINDING_SEVERITY, validatePlan } from "../../src/core/validate";
import { FINDING_MESSAGES } from "../../src/i18n/findings";
import { arbValidPlan, mutations } from "../support/arbitraries";

// An unfilled placeholder of the catalogue ({goalId}, {field} …); user text shown in a message may hold other braces.
const PARAM_NAMES = new Set(Object.values(FINDING_MESSAGES).flatMap((t) => [...t["en-US"].matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
const PLACEHOLDER_LEFT = new RegExp(`\\{(${[...PARAM_NAMES].join("|")})\\}`);

function wellFormed(f: Finding): boolean {
  return (
    Object.prototype.hasOwnProperty.call(FINDING_SEVERITY, f.code) &&
    (f.severity === "error" || f.severity === "warning") &&
    typeof f.location.entity === "string" &&
    (f.location.row === undefined || Number.isInteger(f.location.row)) &&
    f.message["zh-CN"].length > 0 &&
    f.message["en-US"].length > 0 &&
    !PLACEHOLDER_LEFT.test(f.message["zh-CN"]) &&
    !PLACEHOLDER_LEFT.test(f.message["en-US"])
  );
}

describe("validatePlan on generated plans", () => {
  test("a valid plan (any size, any window, Chinese and =+-@ text) has no finding", () => {
    fc.assert(
      fc.property(arbValidPlan(), (plan) => {
        expect(validatePlan(plan)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test("large plans (8 goals, up to 5 actions each, 200 check-ins) have no finding", () => {
    fc.assert(
      fc.property(arbValidPlan({ goals: { min: 8, max: 8 }, actionsPerGoal: { min: 3, max: 5 }, tracking: { min: 150, max: 200 } }), (plan) => {
        expect(validatePlan(plan)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  test("validatePlan does not change the plan", () => {
    fc.assert(
      fc.property(arbValidPlan(), (plan) => {
        const before = structuredClone(plan);
        validatePlan(plan);
        expect(plan).toEqual(before);
      }),
      { numRuns: 50 },
    );
  });
});

describe.each(mutations.map((m) => [m.code, m.name, m] as const))("mutation %s (%s)", (code, _name, mutation) => {
  test(`gives ${code} and nothing else`, () => {
    fc.assert(
      fc.property(arbValidPlan(), (plan) => {
        const findings = validatePlan(mutation.apply(plan));
        expect([...new Set(findings.map((f) => f.code))]).toEqual([code]);
        expect(findings.every(wellFormed)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("validatePlan never throws", () => {
  test("on any value at all", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }), (value) => {
        const findings = validatePlan(value as Plan);
        expect(Array.isArray(findings)).toBe(true);
        expect(findings.every(wellFormed)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test("on a valid plan with any value put into any field of any row (what a workbook reader may build)", () => {
    const slot = fc.record({
      entity: fc.constantFrom("header", "gaps", "goals", "causes", "actions", "resources", "responsibilities", "signOff", "tracking", "adjustments", "evaluation", "thresholds"),
      row: fc.nat(10),
      field: fc.constantFrom("id", "goalId", "causeId", "title", "unit", "baseline", "target", "weight", "actual", "date", "dueDate", "start", "end", "planStart", "planEnd", "direction", "method", "owner", "name", "role", "decision", "extensionEnd", "onTrack", "met", "benchmark", "due"),
      value: fc.oneof(fc.anything(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, "", "  ", "2027-02-29", "45383", null, undefined)),
    });
    fc.assert(
      fc.property(arbValidPlan({ goals: { max: 3 } }), fc.array(slot, { minLength: 1, maxLength: 5 }), (plan, slots) => {
        const p = structuredClone(plan) as unknown as Record<string, unknown>;
        for (const s of slots) {
          const target = p[s.entity];
          const holder = Array.isArray(target) ? target[s.row % Math.max(1, target.length)] : target;
          if (typeof holder === "object" && holder !== null) (holder as Record<string, unknown>)[s.field] = s.value;
          else p[s.entity] = s.value;
        }
        const findings = validatePlan(p as unknown as Plan);
        expect(findings.every(wellFormed)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
