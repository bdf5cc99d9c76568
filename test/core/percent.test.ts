import fc from "fast-check";
import { unitNumberFormat } from "../../src/workbook";
import { defaultAggregation, isPercentUnit, isPlausiblePercent, parsePercentText, percentToText, valueForUnitChange } from "../../src/core/percent";
import { validatePlan } from "../../src/core/validate";
import { examplePlan } from "../taskpane/support/example";

describe("the percent input rule (62, 62 %, 0.62 → 0.62)", () => {
  test.each([
    ["62", 0.62],
    ["62%", 0.62],
    ["62 %", 0.62],
    ["62％", 0.62],
    ["0.62", 0.62],
    [".62", 0.62],
    ["9.5", 0.095],
    ["0.5 %", 0.005],
    ["100", 1],
    ["1", 0.01],
    ["-5", -0.05],
    ["1,250", 12.5],
  ])("%s → %d", (typed, stored) => {
    expect(parsePercentText(typed)).toEqual({ ok: true, value: stored });
  });

  test("empty is null, text is not a number", () => {
    expect(parsePercentText("  ")).toEqual({ ok: true, value: null });
    expect(parsePercentText("62x")).toEqual({ ok: false });
    expect(parsePercentText("%")).toEqual({ ok: false });
    expect(parsePercentText("6 2%")).toEqual({ ok: true, value: 0.62 });
  });

  test("a fraction shows as its percentage and reads back as itself for any whole percentage ≥ 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), (whole) => {
        const stored = whole / 100;
        const shown = percentToText(stored);
        expect(shown).toBe(String(whole));
        expect(parsePercentText(shown)).toEqual({ ok: true, value: stored });
        expect(parsePercentText(`${shown} %`)).toEqual({ ok: true, value: stored });
      }),
    );
  });

  test("typed as a Chinese input method in full-width mode types it: ６２％, ６２, ０．６２ and －５", () => {
    expect(parsePercentText("６２％")).toEqual({ ok: true, value: 0.62 });
    expect(parsePercentText("６２")).toEqual({ ok: true, value: 0.62 });
    expect(parsePercentText("０．６２")).toEqual({ ok: true, value: 0.62 });
    expect(parsePercentText("－５")).toEqual({ ok: true, value: -0.05 });
  });

  test("a decimal comma is refused with its reason, not read as a grouping comma (3,5 % was 35 %)", () => {
    for (const typed of ["3,5%", "0,5%", "62,5", "4，5", "1.234,5"]) expect(parsePercentText(typed)).toEqual({ ok: false, reason: "decimalComma" });
    expect(parsePercentText("1,250")).toEqual({ ok: true, value: 12.5 });
    expect(parsePercentText("1,250.5 %")).toEqual({ ok: true, value: 12.505 });
  });

  test("any rate to two decimals shows as text that reads back as itself, below 1 % too (0.5 % stayed 0.5 %, not 50 %)", () => {
    expect(percentToText(0.005)).toBe("0.5%");
    expect(percentToText(-0.0025)).toBe("-0.25%");
    expect(percentToText(0)).toBe("0");
    fc.assert(
      fc.property(fc.integer({ min: -15000, max: 15000 }), (hundredths) => {
        const stored = hundredths / 10000;
        const shown = percentToText(stored);
        expect(parsePercentText(shown)).toEqual({ ok: true, value: stored });
        // and again, as a field left a second time
        expect(percentToText((parsePercentText(shown) as { value: number }).value)).toBe(shown);
      }),
    );
  });

  test("% units: %, ％, 百分比 and units with a percent sign; others are not", () => {
    for (const unit of ["%", " ％ ", "百分比", "率 (%)", "% of calls"]) expect(isPercentUnit(unit)).toBe(true);
    for (const unit of ["", "万元", "minutes", "件", "pp"]) expect(isPercentUnit(unit)).toBe(false);
  });

  test("a % unit defaults check-ins to average, other units to sum", () => {
    expect(defaultAggregation("%")).toBe("average");
    expect(defaultAggregation("百分比")).toBe("average");
    expect(defaultAggregation("minutes")).toBe("sum");
  });

  test("plausible rates lie within ±150 %", () => {
    expect(isPlausiblePercent(1.5)).toBe(true);
    expect(isPlausiblePercent(-0.2)).toBe(true);
    expect(isPlausiblePercent(1.51)).toBe(false);
    expect(isPlausiblePercent(62)).toBe(false);
  });
});

describe("PERCENT_IMPLAUSIBLE", () => {
  function percentPlan(baseline: number, target: number, actual: number) {
    const plan = examplePlan();
    plan.goals[1] = { ...plan.goals[1], unit: "%", baseline, target, direction: "increase" };
    plan.tracking = [{ date: plan.header.planStart, goalId: plan.goals[1].id, actual, note: "", coachFeedback: "", enteredBy: "" }];
    return plan;
  }

  test("62 → 75 typed as whole numbers for a % goal gives a warning on the baseline, the target and the check-in", () => {
    const findings = validatePlan(percentPlan(62, 75, 66)).filter((f) => f.code === "PERCENT_IMPLAUSIBLE");
    expect(findings.map((f) => [f.location.entity, f.location.row, f.location.field])).toEqual([
      ["goals", 1, "baseline"],
      ["goals", 1, "target"],
      ["tracking", 0, "actual"],
    ]);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
    expect(findings[0].message["en-US"]).toContain("stored as 62 (shown as 6200 %)");
    expect(findings[0].message["zh-CN"]).toContain("存为 62（显示为 6200 %）");
  });

  test("the same goal as fractions 0.62 → 0.75 with a 0.66 check-in has none", () => {
    expect(validatePlan(percentPlan(0.62, 0.75, 0.66)).filter((f) => f.code === "PERCENT_IMPLAUSIBLE")).toEqual([]);
  });

  test("a % gap with an actual of 5 (meant 5 %) is flagged; a 万元 gap of 32 is not", () => {
    const plan = examplePlan();
    plan.gaps = [
      { metric: "complaints", period: "Q1", target: 0.02, actual: 5, unit: "%", direction: "decrease", benchmark: null, description: "" },
      { metric: "sales", period: "Q1", target: 50, actual: 32, unit: "万元", direction: "increase", benchmark: null, description: "" },
    ];
    const found = validatePlan(plan).filter((f) => f.code === "PERCENT_IMPLAUSIBLE");
    expect(found.map((f) => [f.location.entity, f.location.row, f.location.field])).toEqual([["gaps", 0, "actual"]]);
  });
});

describe("valueForUnitChange", () => {
  test("62 typed before the unit became % is 0.62; 0.62 stays 0.62; back to points it is 62 again", () => {
    expect(valueForUnitChange(62, "", "%")).toBe(0.62);
    expect(valueForUnitChange(0.62, "", "%")).toBe(0.62);
    expect(valueForUnitChange(0.62, "%", "points")).toBe(62);
    expect(valueForUnitChange(9.5, "minutes", "min")).toBe(9.5);
    expect(valueForUnitChange(0.05, "%", "百分比")).toBe(0.05);
  });
});

describe("the workbook's format for a percentage unit", () => {
  test("百分比 and 率 (%) are shown as percentages like %, other units keep their suffix", () => {
    expect(unitNumberFormat("%")).toBe("0.00%");
    expect(unitNumberFormat("百分比")).toBe("0.00%");
    expect(unitNumberFormat("率 (%)")).toBe("0.00%");
    expect(unitNumberFormat("分钟")).toBe('General" 分钟"');
  });
});
