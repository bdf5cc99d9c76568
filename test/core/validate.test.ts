import example from "../../examples/sales-q2-2024.plan.json";
import type { Finding } from "../../src/core/findings";
import { planSchema, type Plan } from "../../src/core/model";
import { FINDING_SEVERITY, hasErrors, isVagueTitle, validatePlan } from "../../src/core/validate";
import { FINDING_MESSAGES } from "../../src/i18n/findings";

/** DOMAIN.md's worked example, window 2024-04-01 … 2024-06-30, goals G1 (0.6) and G2 (0.4), actions A1–A3. */
function base(): Plan {
  return planSchema.parse(structuredClone(example));
}

function changed(change: (p: Plan) => void): Plan {
  const p = base();
  change(p);
  return p;
}

function codes(findings: Finding[]): string[] {
  return findings.map((f) => f.code);
}

function only(plan: Plan, code: string): Finding {
  const findings = validatePlan(plan);
  expect(codes(findings)).toEqual([code]);
  return findings[0];
}

describe("the worked example", () => {
  test("DOMAIN.md's example plan has no finding at all", () => {
    expect(validatePlan(base())).toEqual([]);
  });
});

describe("plan window", () => {
  test("planEnd before planStart is PLAN_END_BEFORE_START on header.planEnd, and the window rules stay silent", () => {
    const f = only(changed((p) => (p.header.planEnd = "2024-03-31")), "PLAN_END_BEFORE_START");
    expect(f.location).toEqual({ entity: "header", field: "planEnd" });
    expect(f.message["en-US"]).toContain("2024-03-31");
    expect(f.message["zh-CN"]).toContain("2024-04-01");
  });

  test("a one-day window (planEnd = planStart) is allowed", () => {
    const p = changed((q) => {
      q.header.planEnd = q.header.planStart;
      q.goals.forEach((g) => (g.dueDate = q.header.planStart));
      q.actions.forEach((a) => ((a.start = q.header.planStart), (a.end = q.header.planStart)));
      q.tracking = q.tracking.map((t) => ({ ...t, date: q.header.planStart }));
    });
    expect(validatePlan(p)).toEqual([]);
  });

  test("dates exactly on the window edges pass", () => {
    const p = changed((q) => {
      q.actions[0].start = "2024-04-01";
      q.actions[0].end = "2024-06-30";
      q.tracking[0].date = "2024-04-01";
      q.tracking[1].date = "2024-06-30";
      q.goals[0].dueDate = "2024-04-01";
      q.goals[1].dueDate = "2024-06-30";
    });
    expect(validatePlan(p)).toEqual([]);
  });

  test.each([
    ["an action starting the day before planStart", (p: Plan) => (p.actions[1].start = "2024-03-31"), "ACTION_OUTSIDE_WINDOW", { entity: "actions", row: 1, field: "start" }],
    ["an action ending the day after planEnd", (p: Plan) => (p.actions[1].end = "2024-07-01"), "ACTION_OUTSIDE_WINDOW", { entity: "actions", row: 1, field: "end" }],
    ["a check-in the day before planStart", (p: Plan) => (p.tracking[3].date = "2024-03-31"), "TRACKING_OUTSIDE_WINDOW", { entity: "tracking", row: 3, field: "date" }],
    ["a check-in the day after planEnd", (p: Plan) => (p.tracking[3].date = "2024-07-01"), "TRACKING_OUTSIDE_WINDOW", { entity: "tracking", row: 3, field: "date" }],
    ["a goal due the day after planEnd", (p: Plan) => (p.goals[1].dueDate = "2024-07-01"), "GOAL_DUE_OUTSIDE_WINDOW", { entity: "goals", row: 1, field: "dueDate" }],
    ["a goal due the day before planStart", (p: Plan) => (p.goals[1].dueDate = "2024-03-31"), "GOAL_DUE_OUTSIDE_WINDOW", { entity: "goals", row: 1, field: "dueDate" }],
  ])("%s is flagged one day past the edge", (_name, change, code, location) => {
    const f = only(changed(change), code);
    expect(f.location).toEqual(location);
    expect(f.message["en-US"]).toContain("2024-04-01 – 2024-06-30");
    expect(f.message["zh-CN"]).toContain("2024-04-01 至 2024-06-30");
  });

  test("an action ending the day before it starts is ACTION_END_BEFORE_START on its end; start = end passes", () => {
    const f = only(changed((p) => ((p.actions[2].start = "2024-04-15"), (p.actions[2].end = "2024-04-14"))), "ACTION_END_BEFORE_START");
    expect(f.location).toEqual({ entity: "actions", row: 2, field: "end" });
    expect(f.message["en-US"]).toMatch(/^Action 3 \(A3\): /);
    expect(f.message["zh-CN"]).toMatch(/^行动 3（A3）：/);
    expect(validatePlan(changed((p) => ((p.actions[2].start = "2024-04-15"), (p.actions[2].end = "2024-04-15"))))).toEqual([]);
  });
});

describe("calendar dates", () => {
  // every date field of every entity, with a row of the example where it exists
  const DATE_FIELDS: [string, number | undefined, string, (p: Plan, v: string) => void][] = [
    ["header", undefined, "planStart", (p, v) => (p.header.planStart = v)],
    ["header", undefined, "planEnd", (p, v) => (p.header.planEnd = v)],
    ["goals", 1, "dueDate", (p, v) => (p.goals[1].dueDate = v)],
    ["actions", 1, "start", (p, v) => (p.actions[1].start = v)],
    ["actions", 1, "end", (p, v) => (p.actions[1].end = v)],
    ["resources", 2, "due", (p, v) => (p.resources[2].due = v)],
    ["signOff", 1, "date", (p, v) => (p.signOff[1].date = v)],
    ["tracking", 5, "date", (p, v) => (p.tracking[5].date = v)],
    ["adjustments", 0, "date", (p, v) => (p.adjustments[0].date = v)],
    ["evaluation", undefined, "date", (p, v) => (p.evaluation.date = v)],
    ["evaluation", undefined, "extensionEnd", (p, v) => (p.evaluation.extensionEnd = v)],
  ];

  test.each(DATE_FIELDS.flatMap(([e, r, f, set]) => ["2027-02-29", "1900-02-29", "2024-04-31", "2024-13-01"].map((v) => [e, r, f, v, set] as const)))(
    "%s[%p].%s = %s is DATE_INVALID at that place",
    (entity, row, field, value, set) => {
      const f = only(changed((p) => set(p, value)), "DATE_INVALID");
      expect(f.location).toEqual(row === undefined ? { entity, field } : { entity, row, field });
      expect(f.message["en-US"]).toContain(`“${value}”`);
      expect(f.message["zh-CN"]).toContain(`“${value}”`);
    },
  );

  test("leap days that exist pass: 2028-02-29 in a 2028 plan, 2000-02-29 as a sign-off date", () => {
    const p = changed((q) => {
      q.header.planStart = "2028-02-01";
      q.header.planEnd = "2028-04-30";
      q.goals.forEach((g) => (g.dueDate = "2028-02-29"));
      q.actions.forEach((a) => ((a.start = "2028-02-29"), (a.end = "2028-02-29")));
      q.tracking = q.tracking.map((t) => ({ ...t, date: "2028-02-29" }));
      q.adjustments[0].date = "2028-02-29";
      q.resources.forEach((r) => (r.due = "2028-02-29"));
      q.signOff[0].date = "2000-02-29";
    });
    expect(validatePlan(p)).toEqual([]);
  });

  test("an empty required date is DATE_MISSING; an empty optional date is fine", () => {
    const f = only(changed((p) => (p.tracking[0].date = "")), "DATE_MISSING");
    expect(f.location).toEqual({ entity: "tracking", row: 0, field: "date" });
    expect(validatePlan(changed((p) => (p.resources[0].due = null)))).toEqual([]);
  });

  test("a date that is not text at all (an Excel serial from a cell) is DATE_INVALID", () => {
    const p = changed((q) => ((q.actions[0] as { start: unknown }).start = 45383));
    expect(codes(validatePlan(p))).toEqual(["DATE_INVALID"]);
  });
});

describe("numbers", () => {
  test.each([
    ["goals", 0, "target", (p: Plan): unknown => (p.goals[0].target = Number.NaN), "NaN"],
    ["goals", 1, "baseline", (p: Plan): unknown => (p.goals[1].baseline = Number.POSITIVE_INFINITY), "Infinity"],
    ["goals", 0, "weight", (p: Plan): unknown => ((p.goals[0] as { weight: unknown }).weight = "0.6"), "“0.6”"],
    ["tracking", 2, "actual", (p: Plan): unknown => (p.tracking[2].actual = Number.NEGATIVE_INFINITY), "-Infinity"],
    ["tracking", 2, "actual", (p: Plan): unknown => ((p.tracking[2] as { actual: unknown }).actual = undefined), "(empty)"],
    ["gaps", 1, "target", (p: Plan): unknown => (p.gaps[1].target = Number.NaN), "NaN"],
    ["gaps", 0, "actual", (p: Plan): unknown => ((p.gaps[0] as { actual: unknown }).actual = "三十二"), "“三十二”"],
    ["gaps", 1, "benchmark", (p: Plan): unknown => (p.gaps[1].benchmark = Number.NaN), "NaN"],
  ] as const)("%s[%p].%s not finite is NUMBER_NOT_FINITE, and no rule compares it", (entity, row, field, change, shown) => {
    const f = only(changed(change), "NUMBER_NOT_FINITE");
    expect(f.location).toEqual({ entity, row, field });
    expect(f.message["en-US"]).toContain(`(${shown})`);
  });

  test("a threshold NaN is NUMBER_NOT_FINITE on thresholds.onTrack", () => {
    const f = only(changed((p) => (p.thresholds.onTrack = Number.NaN)), "NUMBER_NOT_FINITE");
    expect(f.location).toEqual({ entity: "thresholds", field: "onTrack" });
  });

  test("message names the goal 1-based with its id, in both languages", () => {
    const f = only(changed((p) => (p.goals[1].target = Number.NaN)), "NUMBER_NOT_FINITE");
    expect(f.message["en-US"]).toBe("Goal 2 (G2): Target is not a valid number (NaN)");
    expect(f.message["zh-CN"]).toBe("目标 2（G2）：目标值不是有效数字（NaN）");
  });
});

describe("targets", () => {
  test("target = baseline is TARGET_EQUALS_BASELINE", () => {
    const f = only(changed((p) => ((p.goals[0].target = 32), (p.goals[0].title = "销售额保持 32 万元"))), "TARGET_EQUALS_BASELINE");
    expect(f.location).toEqual({ entity: "goals", row: 0, field: "target" });
  });

  test("an increase goal with target below baseline is TARGET_WRONG_SIDE", () => {
    const f = only(changed((p) => (p.goals[0].target = 31)), "TARGET_WRONG_SIDE");
    expect(f.message["en-US"]).toContain("increase goal needs a target above");
  });

  test("a decrease goal with target above baseline is TARGET_WRONG_SIDE with the decrease wording", () => {
    const f = only(changed((p) => (p.goals[1].target = 0.06)), "TARGET_WRONG_SIDE");
    expect(f.location).toEqual({ entity: "goals", row: 1, field: "target" });
    expect(f.message["en-US"]).toContain("decrease goal needs a target below");
    expect(f.message["zh-CN"]).toContain("反向指标");
  });

  test("ratio method with target 0 or below is RATIO_TARGET_NOT_POSITIVE; progress method accepts it", () => {
    expect(only(changed((p) => (p.goals[1].target = 0)), "RATIO_TARGET_NOT_POSITIVE").location).toEqual({ entity: "goals", row: 1, field: "target" });
    expect(codes(validatePlan(changed((p) => (p.goals[1].target = -0.01))))).toEqual(["RATIO_TARGET_NOT_POSITIVE"]);
    expect(validatePlan(changed((p) => ((p.goals[1].target = 0), (p.goals[1].method = "progress"))))).toEqual([]);
  });

  test("a goal with an unknown direction is VALUE_NOT_ALLOWED and gets no side check", () => {
    const f = only(changed((p) => ((p.goals[0] as { direction: unknown }).direction = "up")), "VALUE_NOT_ALLOWED");
    expect(f.location).toEqual({ entity: "goals", row: 0, field: "direction" });
    expect(f.message["en-US"]).toContain("increase, decrease");
  });
});

describe("weights", () => {
  const withWeights = (...w: number[]) =>
    changed((p) => {
      p.goals[0].weight = w[0];
      p.goals[1].weight = w[1];
    });

  test("weights summing to 1 within 1e-9 pass; 2e-9 off is WEIGHTS_NOT_100", () => {
    expect(validatePlan(withWeights(0.6 + 0.5e-9, 0.4))).toEqual([]);
    expect(validatePlan(withWeights(0.6 - 0.5e-9, 0.4))).toEqual([]);
    expect(codes(validatePlan(withWeights(0.6 + 2e-9, 0.4)))).toEqual(["WEIGHTS_NOT_100"]);
    expect(codes(validatePlan(withWeights(0.6 - 2e-9, 0.4)))).toEqual(["WEIGHTS_NOT_100"]);
  });

  test("0.3 + 0.6 + 0.1 (not exactly 1 in floating point) passes", () => {
    const p = changed((q) => {
      q.goals.push({ ...q.goals[1], id: "G3", title: "回款率达到 95%" });
      q.actions.push({ ...q.actions[2], id: "A4", goalId: "G3" });
      [q.goals[0].weight, q.goals[1].weight, q.goals[2].weight] = [0.3, 0.6, 0.1];
    });
    expect(0.3 + 0.6 + 0.1).not.toBe(1);
    expect(validatePlan(p)).toEqual([]);
  });

  test("the sum finding sits on the goals' weight column and says the percentage", () => {
    const f = only(withWeights(0.6, 0.395), "WEIGHTS_NOT_100");
    expect(f.location).toEqual({ entity: "goals", field: "weight" });
    expect(f.message["en-US"]).toBe("Goals: the goal weights add up to 99.5 %, not 100 %");
    expect(f.message["zh-CN"]).toBe("改进目标：各目标权重合计为 99.5%，应为 100%");
  });

  test("a negative weight is WEIGHTS_NOT_100 on that goal even when the sum is 1", () => {
    const f = only(withWeights(1.25, -0.25), "WEIGHTS_NOT_100");
    expect(f.location).toEqual({ entity: "goals", row: 1, field: "weight" });
    expect(f.message["en-US"]).toContain("negative (-0.25)");
  });
});

describe("goals, actions and references", () => {
  test("a plan without goals is PLAN_NO_GOALS", () => {
    const p = changed((q) => ((q.goals = []), (q.actions = []), (q.causes = []), (q.tracking = [])));
    expect(only(p, "PLAN_NO_GOALS").location).toEqual({ entity: "goals" });
  });

  test("a goal without an action is GOAL_WITHOUT_ACTION on the goal row", () => {
    const f = only(changed((p) => (p.actions = p.actions.filter((a) => a.goalId !== "G1"))), "GOAL_WITHOUT_ACTION");
    expect(f.location).toEqual({ entity: "goals", row: 0 });
    expect(f.message["en-US"]).toMatch(/^Goal 1 \(G1\): has no action/);
  });

  test.each(["", "   "])("an action with owner %p is ACTION_WITHOUT_OWNER", (owner) => {
    expect(only(changed((p) => (p.actions[1].owner = owner)), "ACTION_WITHOUT_OWNER").location).toEqual({ entity: "actions", row: 1, field: "owner" });
  });

  test("a check-in for an unknown goal is TRACKING_UNKNOWN_GOAL on its goalId", () => {
    const f = only(changed((p) => (p.tracking[4].goalId = "G9")), "TRACKING_UNKNOWN_GOAL");
    expect(f.location).toEqual({ entity: "tracking", row: 4, field: "goalId" });
    expect(f.message["en-US"]).toBe("Tracking row 5: refers to goal “G9”, which is not in the plan");
    expect(f.message["zh-CN"]).toBe("跟踪记录第 5 行：所属目标“G9”不在计划中");
  });

  test("an action for an unknown goal is ACTION_UNKNOWN_GOAL (and its old goal loses its only action)", () => {
    const findings = validatePlan(changed((p) => (p.actions[0].goalId = "G9")));
    expect(codes(findings).sort()).toEqual(["ACTION_UNKNOWN_GOAL", "GOAL_WITHOUT_ACTION"]);
    expect(findings.find((f) => f.code === "ACTION_UNKNOWN_GOAL")!.location).toEqual({ entity: "actions", row: 0, field: "goalId" });
  });

  test("a cause for an unknown goal is CAUSE_UNKNOWN_GOAL", () => {
    expect(only(changed((p) => (p.causes[1].goalId = "")), "CAUSE_UNKNOWN_GOAL").location).toEqual({ entity: "causes", row: 1, field: "goalId" });
  });

  test("an action citing an unknown cause is ACTION_UNKNOWN_CAUSE; no cause at all is fine", () => {
    expect(only(changed((p) => (p.actions[2].causeId = "C9")), "ACTION_UNKNOWN_CAUSE").location).toEqual({ entity: "actions", row: 2, field: "causeId" });
    expect(validatePlan(changed((p) => (p.actions[2].causeId = "")))).toEqual([]);
  });

  test.each([
    ["goals", (p: Plan): unknown => ((p.goals[1].id = "G1"), p.actions.forEach((a) => (a.goalId = "G1")), p.causes.forEach((c) => (c.goalId = "G1")), p.tracking.forEach((t) => (t.goalId = "G1")))],
    ["actions", (p: Plan): unknown => (p.actions[1].id = "A1")],
    ["causes", (p: Plan): unknown => ((p.causes[1].id = "C1"), p.actions.forEach((a) => (a.causeId = "C1")))],
  ] as const)("a repeated %s id is DUPLICATE_ID on the later row, naming the first", (entity, change) => {
    const f = only(changed(change), "DUPLICATE_ID");
    expect(f.location).toEqual({ entity, row: 1, field: "id" });
    expect(f.message["en-US"]).toContain("already used by row 1");
  });

  test("a blank id is ID_MISSING", () => {
    expect(only(changed((p) => (p.actions[2].id = " ")), "ID_MISSING").location).toEqual({ entity: "actions", row: 2, field: "id" });
  });
});

describe("sign-off", () => {
  test("tracking begun without the manager's signature date is SIGNOFF_MISSING (a warning) on that date", () => {
    const f = only(changed((p) => (p.signOff[1].date = null)), "SIGNOFF_MISSING");
    expect(f.severity).toBe("warning");
    expect(f.location).toEqual({ entity: "signOff", row: 1, field: "date" });
    expect(f.message["zh-CN"]).toContain("直接上级尚未签字");
  });

  test("tracking begun without an employee sign-off row is SIGNOFF_MISSING on the sign-off table", () => {
    const f = only(changed((p) => (p.signOff = p.signOff.filter((s) => s.role !== "employee"))), "SIGNOFF_MISSING");
    expect(f.location).toEqual({ entity: "signOff" });
    expect(f.message["en-US"]).toContain("the employee has not signed");
  });

  test("a missing name counts as unsigned; HR's signature is not required", () => {
    expect(only(changed((p) => (p.signOff[0].name = "")), "SIGNOFF_MISSING").location).toEqual({ entity: "signOff", row: 0, field: "name" });
    expect(validatePlan(changed((p) => (p.signOff = p.signOff.filter((s) => s.role !== "hr"))))).toEqual([]);
  });

  test("before tracking begins, missing signatures are no finding", () => {
    expect(validatePlan(changed((p) => ((p.signOff = []), (p.tracking = []))))).toEqual([]);
  });
});

describe("SMART lint (warnings)", () => {
  test("a title without a number is GOAL_NO_NUMBER; full-width digits count as numbers", () => {
    const f = only(changed((p) => (p.goals[0].title = "客户满意度达到部门平均水平")), "GOAL_NO_NUMBER");
    expect(f.severity).toBe("warning");
    expect(f.location).toEqual({ entity: "goals", row: 0, field: "title" });
    expect(validatePlan(changed((p) => (p.goals[0].title = "Q二 销售额达到 ４５ 万元")))).toEqual([]);
  });

  test.each(["客户满意度提升至百分之九十", "每周拜访三个客户", "季度销售额达到四十五万元", "投诉减少两次"])("the Chinese-numeral amount in %p counts as a number", (title) => {
    expect(validatePlan(changed((p) => (p.goals[0].title = title))).map((f) => f.code)).not.toContain("GOAL_NO_NUMBER");
  });

  test.each(["与团队保持一致的客户沟通标准", "统一客户跟进流程并按时记录"])("a lone 一 inside a word in %p is not a number", (title) => {
    expect(validatePlan(changed((p) => (p.goals[0].title = title))).map((f) => f.code)).toContain("GOAL_NO_NUMBER");
  });

  test.each(["提升销售", "Improve sales", "  提高工作效率 ", "Increase customer satisfaction", "加强客户沟通"])("%p is GOAL_VAGUE_TITLE", (title) => {
    const f = only(changed((p) => (p.goals[1].title = title)), "GOAL_VAGUE_TITLE");
    expect(f.severity).toBe("warning");
    expect(f.message["en-US"]).toContain(`“${title}”`);
  });

  test("a vague verb followed by a number or by a long, specific text is not vague", () => {
    expect(isVagueTitle("提升销售额至 45 万元")).toBe(false);
    expect(isVagueTitle("Improve sales to 450,000 by June")).toBe(false);
    expect(isVagueTitle("提升客户满意度至部门前列并在季度内保持稳定")).toBe(false);
    expect(isVagueTitle("Improve the weekly handover checklist for the night shift")).toBe(false);
    expect(isVagueTitle("客户投诉率降至 3% 以下")).toBe(false);
  });

  test("an empty title is GOAL_TITLE_MISSING (an error)", () => {
    const f = only(changed((p) => (p.goals[0].title = " ")), "GOAL_TITLE_MISSING");
    expect(f.severity).toBe("error");
  });

  test.each([
    ["header", undefined, "employeeName"],
    ["header", undefined, "manager"],
    ["gaps", 0, "metric"],
    ["actions", 1, "measure"],
    ["resources", 0, "what"],
    ["adjustments", 0, "change"],
  ] as const)("blank required text %s[%p].%s is REQUIRED_TEXT_MISSING at its place, as the workbook reader says", (entity, row, field) => {
    const f = only(
      changed((p) => {
        const target = (row === undefined ? p[entity] : (p[entity] as unknown[])[row]) as Record<string, unknown>;
        target[field] = "  ";
      }),
      "REQUIRED_TEXT_MISSING",
    );
    expect(f.severity).toBe("error");
    expect(f.location).toEqual(row === undefined ? { entity, field } : { entity, row, field });
    expect(f.message["en-US"]).toMatch(/is empty; fill it in$/);
    expect(f.message["zh-CN"]).toMatch(/为空，请填写$/);
  });

  test("no unit is GOAL_NO_UNIT, no due date is GOAL_NO_DUE_DATE, both warnings", () => {
    expect(only(changed((p) => (p.goals[0].unit = "")), "GOAL_NO_UNIT").severity).toBe("warning");
    const f = only(changed((p) => (p.goals[1].dueDate = null)), "GOAL_NO_DUE_DATE");
    expect(f.severity).toBe("warning");
    expect(f.location).toEqual({ entity: "goals", row: 1, field: "dueDate" });
  });
});

describe("thresholds and evaluation", () => {
  test("atRisk above onTrack is THRESHOLDS_INVALID; equal passes", () => {
    expect(only(changed((p) => (p.thresholds.atRisk = 0.95)), "THRESHOLDS_INVALID").location).toEqual({ entity: "thresholds", field: "atRisk" });
    expect(validatePlan(changed((p) => (p.thresholds.atRisk = 0.9)))).toEqual([]);
  });

  test("partiallyMet above met is THRESHOLDS_INVALID on partiallyMet; equal passes", () => {
    const f = only(changed((p) => (p.thresholds.partiallyMet = 1.1)), "THRESHOLDS_INVALID");
    expect(f.location).toEqual({ entity: "thresholds", field: "partiallyMet" });
    expect(f.message["en-US"]).toContain("partially-met threshold 1.1 is above the met threshold 1");
    expect(validatePlan(changed((p) => (p.thresholds.partiallyMet = 1)))).toEqual([]);
  });

  test("decision extend without an extension end is EXTENSION_WITHOUT_DATE", () => {
    const f = only(changed((p) => (p.evaluation.decision = "extend")), "EXTENSION_WITHOUT_DATE");
    expect(f.location).toEqual({ entity: "evaluation", field: "extensionEnd" });
    expect(f.message["en-US"]).toMatch(/^Evaluation: /);
  });

  test("an extension end on planEnd is EXTENSION_NOT_AFTER_END (warning); the day after passes", () => {
    const extend = (date: string) => changed((p) => ((p.evaluation.decision = "extend"), (p.evaluation.extensionEnd = date)));
    expect(only(extend("2024-06-30"), "EXTENSION_NOT_AFTER_END").severity).toBe("warning");
    expect(validatePlan(extend("2024-07-01"))).toEqual([]);
  });
});

describe("totality and the catalogue", () => {
  test.each([
    ["an empty object", {}],
    ["null", null],
    ["a number", 42],
    ["lists that are not lists", { header: "x", goals: "G1", actions: 3, tracking: null, thresholds: [] }],
    ["rows that are not objects", { header: {}, goals: [null, 1, "x"], actions: [[]], tracking: [undefined] }],
  ])("validatePlan on %s returns findings and does not throw", (_name, value) => {
    const findings = validatePlan(value as unknown as Plan);
    expect(hasErrors(findings)).toBe(true);
    for (const f of findings) expect(f.message["en-US"]).not.toMatch(/\{\w+\}/);
  });

  test("every finding code has a zh-CN and an en-US message with the same placeholders, and every message belongs to a code", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of Object.keys(FINDING_SEVERITY)) expect(FINDING_MESSAGES).toHaveProperty([code]);
    for (const [id, text] of Object.entries(FINDING_MESSAGES)) {
      expect(Object.keys(FINDING_SEVERITY)).toContain(id.split(".")[0]);
      expect(text["zh-CN"].trim()).not.toBe("");
      expect(placeholders(text["zh-CN"])).toEqual(placeholders(text["en-US"]));
    }
  });

  test("the SMART lint, sign-off and late-extension findings are warnings; the rest are errors", () => {
    const warnings = Object.entries(FINDING_SEVERITY).filter(([, s]) => s === "warning").map(([c]) => c).sort();
    expect(warnings).toEqual(["EXTENSION_NOT_AFTER_END", "GOAL_NO_DUE_DATE", "GOAL_NO_NUMBER", "GOAL_NO_UNIT", "GOAL_VAGUE_TITLE", "PERCENT_IMPLAUSIBLE", "SIGNOFF_MISSING", "TEXT_XML_INVALID_CHAR"]);
  });
});
