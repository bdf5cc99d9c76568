import fc from "fast-check";
import { canonicalJson, compareWithSeal, parseSeal, resigned, sealContent, sealPlan, signingDate } from "../../src/core/seal";
import type { Plan } from "../../src/core/model";
import { sizedPlan } from "../excel/support";

const signed = (employee: string | null, manager: string | null): Plan => {
  const plan = sizedPlan(3, 3, 4, "en-US");
  return {
    ...plan,
    signOff: [
      { role: "employee", name: "A", date: employee, comment: "" },
      { role: "manager", name: "B", date: manager, comment: "" },
      { role: "hr", name: "C", date: null, comment: "" },
    ],
  };
};

describe("the seal's canonical form", () => {
  test("canonical JSON sorts keys at every level, so key order never changes the hash", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.dictionary(fc.string(), fc.integer()))), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
      }),
    );
    expect(canonicalJson({ b: 1, a: { d: 2, c: [{ f: 1, e: 2 }] } })).toBe('{"a":{"c":[{"e":2,"f":1}],"d":2},"b":1}');
  });

  test("signing date: the later of the employee's and the manager's dates; null until both have signed (HR's date is not needed)", () => {
    expect(signingDate(signed("2024-03-28", "2024-03-29"))).toBe("2024-03-29");
    expect(signingDate(signed("2024-03-30", "2024-03-29"))).toBe("2024-03-30");
    expect(signingDate(signed("2024-03-28", null))).toBeNull();
    expect(signingDate(signed(null, "2024-03-28"))).toBeNull();
  });

  test("a stored seal whose JSON was edited no longer parses (hash mismatch)", () => {
    const seal = sealPlan(signed("2024-03-28", "2024-03-29"))!;
    expect(parseSeal(seal.json, seal.hash)?.content).toEqual(seal.content);
    expect(parseSeal(seal.json.replace('"target":', '"target": '), seal.hash)).toBeNull();
  });

  test("tracking, adjustments, evaluation, an action's status and the language are not sealed", () => {
    const plan = signed("2024-03-28", "2024-03-29");
    const seal = sealPlan(plan)!;
    const later: Plan = {
      ...plan,
      header: { ...plan.header, language: "zh-CN" },
      tracking: [...plan.tracking, { ...plan.tracking[0], actual: 99 }],
      adjustments: [{ date: "2024-05-01", change: "more time", reason: "", approvedBy: "" }],
      evaluation: { ...plan.evaluation, reasons: "later" },
      actions: plan.actions.map((a) => ({ ...a, status: "done" as const })),
    };
    expect(compareWithSeal(seal.content, later)).toEqual([]);
  });

  test("goals are matched by id: a goal moved is not a change, its edited target is one at its new row", () => {
    const plan = signed("2024-03-28", "2024-03-29");
    const seal = sealPlan(plan)!;
    const [g1, g2, g3] = plan.goals;
    const moved = { ...plan, goals: [g3, g1, { ...g2, target: g2.target + 1 }] };
    expect(compareWithSeal(seal.content, moved)).toEqual([{ kind: "changed", entity: "goals", row: 2, field: "target", was: g2.target, now: g2.target + 1 }]);
  });

  test("re-signed: a later signing date than the seal's; the same or an earlier one is not", () => {
    const content = sealContent(signed("2024-03-28", "2024-03-29"), "2024-03-29");
    expect(resigned(content, signed("2024-04-02", "2024-04-03"))).toBe(true);
    expect(resigned(content, signed("2024-03-28", "2024-03-29"))).toBe(false);
    expect(resigned(content, signed("2024-03-01", "2024-03-02"))).toBe(false);
  });
});
