/**
 * The period tables are written as Excel's fill would make them (each distinct formula sent once, then copied):
 * what the workbook holds afterwards is, cell by cell, what the layout declares — formulas, constants and
 * number formats — and the request grows with goals, not with goals × periods.
 */
import fc from "fast-check";
import type { Language, Plan } from "../../src/core/model";
import { derivedSteps, writePlan } from "../../src/excel/writer";
import { createMemoryExcel } from "../../src/memory-excel";
import { LAYOUT, columnLetter, defaultSheetNames } from "../../src/workbook";
import { EVALUATION_TABLES, type EvaluationTableName } from "../../src/workbook/sheets/evaluation";
import { sizedPlan } from "../excel/support";
import { arbValidPlan } from "../support/arbitraries";
import { declaredRange, examplePlan } from "./support";

/** Every derived table's data area as the workbook holds it after the writer: formulas and number formats. */
async function writtenTables(plan: Plan, language: Language) {
  const excel = createMemoryExcel({ engine: null });
  await excel.run((context) => writePlan(context, plan, { language, asOf: "2024-06-30" }));
  const names = defaultSheetNames(language);
  const tables = (Object.keys(EVALUATION_TABLES) as EvaluationTableName[]).map((name) => ({ name, decl: EVALUATION_TABLES[name], ...declaredRange(name, plan, language, names) }));
  return excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(names.evaluation);
    const ranges = tables
      .filter((t) => t.rows.length > 0)
      .map((t) => {
        const { row, col } = t.decl.anchor;
        const range = ws.getRange(`${columnLetter(col)}${row + 1}:${columnLetter(col + t.decl.columns.length - 1)}${row + t.rows.length}`);
        range.load("formulas,numberFormat");
        return { t, range };
      });
    await context.sync();
    return ranges.map(({ t, range }) => ({ declared: t, formulas: range.formulas, numberFormat: range.numberFormat }));
  });
}

describe("the period tables written by fill", () => {
  test("every cell holds the declared formula or constant and number format, in random plans and both languages", async () => {
    await fc.assert(
      fc.asyncProperty(arbValidPlan({ goals: { min: 1, max: 4 }, tracking: { min: 0, max: 10 } }), fc.constantFrom<Language>("zh-CN", "en-US"), async (plan, language) => {
        for (const { declared, formulas, numberFormat } of await writtenTables(plan, language)) {
          expect(formulas).toEqual(declared.rows);
          expect(numberFormat).toEqual(declared.numberFormats);
        }
      }),
      { numRuns: 15, seed: 16 },
    );
  }, 300_000);

  test("the worked example and a year of weeks with three units: the same cells as declared", async () => {
    for (const plan of [examplePlan(), sizedPlan(6, 6, 60)]) {
      const tables = await writtenTables(plan, "zh-CN");
      expect(tables.map((t) => t.declared.name)).toEqual(["PIP_EvalGoals", "PIP_EvalQuarters", "PIP_EvalPeriods"]);
      for (const { declared, formulas, numberFormat } of tables) {
        expect(formulas).toEqual(declared.rows);
        expect(numberFormat).toEqual(declared.numberFormats);
      }
    }
  }, 120_000);

  test("the Evaluation write grows with goals, not with periods: 53 weeks cost what 13 do, within a few kB", () => {
    const sheet = LAYOUT.sheets.get("evaluation")!;
    const unused = (): Excel.Worksheet => {
      throw new Error("steps are only counted here");
    };
    const bytesOf = (plan: Plan) => derivedSteps(unused, sheet, plan, "en-US", defaultSheetNames("en-US"), null, true).reduce((n, s) => n + s.bytes, 0);
    const withWindow = (end: string) => {
      const plan = sizedPlan(20, 20, 0);
      return { ...plan, header: { ...plan.header, planEnd: end } };
    };
    const quarter = bytesOf(withWindow("2024-03-31"));
    const year = bytesOf(withWindow("2024-12-31"));
    // the year has 40 more period rows per goal (800 rows) and 3 more quarters: their constants only (~30 B a row)
    expect(year - quarter).toBeLessThan(800 * 60);
    // and a goal more costs its charts and its goal number, not its 53 rows of formulas (~1.8 kB each before)
    const oneMore = bytesOf({ ...withWindow("2024-12-31"), goals: sizedPlan(21, 21, 0).goals });
    expect(oneMore - year).toBeLessThan(53 * 1_800 * 0.2);
  });
});
