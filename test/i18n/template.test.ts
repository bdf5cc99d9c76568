import { fillTemplate } from "../../src/i18n/template";
import { localize } from "../../src/i18n/findings";
import { cliText } from "../../src/i18n/cli";
import { uiText } from "../../src/i18n/ui";
import { DEFAULT_THRESHOLDS, planSchema, thresholdsSchema } from "../../src/core/model";

describe("fillTemplate, the one placeholder filler", () => {
  it("fills every {name} with its value, numbers as text", () => {
    expect(fillTemplate("{a} of {b}, again {a}", { a: "3", b: 7 })).toBe("3 of 7, again 3");
  });

  it("leaves a placeholder without a parameter visible", () => {
    expect(fillTemplate("row {row} in {sheet}", { row: 4 })).toBe("row 4 in {sheet}");
  });

  it("does not take an inherited property for a parameter", () => {
    expect(fillTemplate("{toString} {constructor}", {})).toBe("{toString} {constructor}");
  });

  it("reads a per-language parameter in the language given", () => {
    const pair = { "zh-CN": "目标", "en-US": "Goals" };
    expect(fillTemplate("[{sheet}]", { sheet: pair }, "zh-CN")).toBe("[目标]");
    expect(fillTemplate("[{sheet}]", { sheet: pair }, "en-US")).toBe("[Goals]");
  });

  it("refuses a per-language parameter without a language instead of printing [object Object]", () => {
    expect(() => fillTemplate("{sheet}", { sheet: { "zh-CN": "目标", "en-US": "Goals" } })).toThrow(/per-language/);
  });

  it("is what findings, the CLI and the pane fill with", () => {
    expect(localize({ "zh-CN": "第 {n} 行", "en-US": "row {n}" }, { n: 2 })).toEqual({ "zh-CN": "第 2 行", "en-US": "row 2" });
    expect(cliText("en-US", "csv.quoteNotClosed", { row: 12 })).toBe("a quote opened on row 12 is never closed");
    expect(uiText("en-US", "preview.keep.none")).toBe("Nothing to keep yet.");
  });
});

describe("DEFAULT_THRESHOLDS, the one copy", () => {
  it("is what the schema fills in for a plan that sets none, field by field and as a whole", () => {
    expect(thresholdsSchema.parse({})).toEqual(DEFAULT_THRESHOLDS);
    expect(thresholdsSchema.parse({ onTrack: 0.95 })).toEqual({ ...DEFAULT_THRESHOLDS, onTrack: 0.95 });
    expect(planSchema.shape.thresholds.parse(undefined)).toEqual(DEFAULT_THRESHOLDS);
  });

  it("cannot be changed by a plan that takes it", () => {
    expect(Object.isFrozen(DEFAULT_THRESHOLDS)).toBe(true);
  });
});
