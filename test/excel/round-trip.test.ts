import fc from "fast-check";
import { arbValidPlan } from "../support/arbitraries";
import { writePlan } from "../../src/excel/writer";
import { readPlan } from "../../src/excel/reader";
import { validatePlan } from "../../src/core/validate";
import { memoryExcel, sizedPlan } from "./support";

describe("round trip: plan → workbook → plan (in-memory Excel)", () => {
  test("property: a random valid plan reads back equal, in the language it was written in", async () => {
    await fc.assert(
      fc.asyncProperty(arbValidPlan({ tracking: { max: 20 } }), async (plan) => {
        const { excel } = memoryExcel(false);
        await excel.run((ctx) => writePlan(ctx, plan, { language: plan.header.language }));
        const read = await excel.run((ctx) => readPlan(ctx));
        expect(read.plan).toEqual(plan);
        expect(read.syncs).toBe(1);
        // A valid plan gives no finding but the text-only ones validation itself would give (e.g. an empty measure).
        const expectedCodes = validatePlan(plan).map((f) => f.code).sort();
        const readerOnly = read.findings.filter((f) => f.code.startsWith("CELL_EMPTY"));
        expect(read.findings.filter((f) => !f.code.startsWith("CELL_")).map((f) => f.code).sort()).toEqual(expectedCodes);
        for (const f of readerOnly) expect(f.location.cell).toMatch(/^[A-Z]+\d+$/);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  test.each(["zh-CN", "en-US"] as const)("a plan written in %s reads back with both languages' messages", async (language) => {
    const plan = sizedPlan(3, 6, 20, language);
    const { excel } = memoryExcel(false);
    await excel.run((ctx) => writePlan(ctx, plan, { language }));
    const names = excel.snapshot().sheets.map((s) => s.name);
    expect(names).toContain(language === "zh-CN" ? "跟踪记录" : "Tracking log");
    const read = await excel.run((ctx) => readPlan(ctx));
    expect(read.plan).toEqual(plan);
  });

  test("a workbook generated in Chinese reads the same plan with English settings, findings carry en-US text", async () => {
    const plan = sizedPlan(2, 4, 10, "zh-CN");
    plan.goals[0].unit = "";
    const { excel } = memoryExcel(false);
    await excel.run((ctx) => writePlan(ctx, plan, { language: "zh-CN" }));
    const read = await excel.run((ctx) => readPlan(ctx));
    expect(read.plan).toEqual(plan);
    const noUnit = read.findings.find((f) => f.code === "GOAL_NO_UNIT");
    expect(noUnit?.location).toMatchObject({ sheet: "改进目标", cell: "D4" });
    expect(noUnit?.message["en-US"]).toMatch(/unit/);
  });
});
