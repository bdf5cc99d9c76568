/**
 * "As of" means as of (issue 17 item 6): tracking entries dated after the as-of date are left out of every number
 * and counted. The worked example (examples/sales-q2-2024.plan.json) reviewed on 2024-05-15, computed by hand
 * below from the log (weekly Friday check-ins from 2024-04-05): the core and the workbook's live formulas
 * (HyperFormula in the in-memory Excel) must both give these numbers.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { analyzePlan } from "../../src/core/analysis";
import { parsePlanJson } from "../../src/core/plan-file";
import type { Plan } from "../../src/core/model";
import { writePlan } from "../../src/excel/writer";
import { columnIndexOf, columnLetter, defaultSheetNames, firstDataRow, listTable, recordRowOf, recordTable } from "../../src/workbook";
import { memoryExcel } from "../excel/support";

const EXAMPLE = path.resolve(__dirname, "../../examples/sales-q2-2024.plan.json");

async function example(): Promise<Plan> {
  const parsed = parsePlanJson(await fs.readFile(EXAMPLE, "utf8"));
  if (!parsed.ok) throw new Error("the example does not parse");
  return parsed.plan;
}

// By hand. Entries dated ≤ 2024-05-15: 04-05, 04-12, 04-19, 04-26, 05-03, 05-10 for each goal (6 + 6);
// dated after: 05-17 … 06-28, seven per goal = 14 left out.
const SALES_SO_FAR = 2.8 + 3 + 3.1 + 3.3 + 3.4 + 3.5; // 19.1 万元 (sum)
const COMPLAINTS_SO_FAR = (0.048 + 0.046 + 0.045 + 0.043 + 0.041 + 0.039) / 6; // 4.3667 % (average)
const ELAPSED = 45 / 91; // 2024-04-01 … 05-15 is 45 days of the 91-day window
const HAND = {
  leftOut: 14,
  sales: { entries: 6, toDate: SALES_SO_FAR, attainment: SALES_SO_FAR / 45, pace: SALES_SO_FAR / (45 * ELAPSED) },
  complaints: {
    entries: 6,
    toDate: COMPLAINTS_SO_FAR,
    attainment: (2 * 0.03 - COMPLAINTS_SO_FAR) / 0.03,
    pace: (COMPLAINTS_SO_FAR - 0.05) / (0.03 - 0.05) / ELAPSED,
  },
  // 0.6 × 42.4 % + 0.4 × 54.4 % = 47.2 %: not met (< 80 %)
  overall: 0.6 * (SALES_SO_FAR / 45) + 0.4 * ((2 * 0.03 - COMPLAINTS_SO_FAR) / 0.03),
  // weeks W14 … W20 have begun; W14 … W19 have an entry; W20's entry (05-17) is after the as-of date
  checkIns: { planned: 7, held: 6, missed: 0 },
};

describe("as of 2024-05-15, the worked example", () => {
  test("the core leaves out the 14 entries dated after it and computes that day's numbers", async () => {
    const a = analyzePlan(await example(), { asOf: "2024-05-15" });
    expect(a.afterAsOfEntryCount).toBe(HAND.leftOut);
    const [sales, complaints] = a.goals;
    expect(sales.entryCount).toBe(HAND.sales.entries);
    expect(sales.toDate).toBeCloseTo(HAND.sales.toDate, 12);
    expect(sales.attainment).toBeCloseTo(HAND.sales.attainment, 12);
    expect(sales.pace).toBeCloseTo(HAND.sales.pace, 12);
    expect(sales.status).toBe("at-risk"); // pace 85.8 %: ≥ 70 %, < 90 %
    expect(complaints.entryCount).toBe(HAND.complaints.entries);
    expect(complaints.toDate).toBeCloseTo(HAND.complaints.toDate, 12);
    expect(complaints.attainment).toBeCloseTo(HAND.complaints.attainment, 12);
    expect(complaints.pace).toBeCloseTo(HAND.complaints.pace, 12);
    expect(complaints.status).toBe("off-track"); // pace 64.0 %
    expect(a.overallAttainment).toBeCloseTo(HAND.overall, 12);
    expect(a.outcomeSuggestion).toBe("not-met");
    expect([a.checkIns.planned, a.checkIns.held, a.checkIns.missed]).toEqual([HAND.checkIns.planned, HAND.checkIns.held, HAND.checkIns.missed]);
    // periods after the as-of date are empty, not filled from the later log
    const w21 = sales.periods.find((p) => p.label === "2024-W21")!;
    expect([w21.entryCount, w21.value, w21.cumulative]).toEqual([0, null, HAND.sales.toDate]);
    expect(sales.quarters[0].entryCount).toBe(6);
  });

  test("as of the end nothing is left out (the README's 90.2 %)", async () => {
    const a = analyzePlan(await example(), { asOf: "2024-06-30" });
    expect(a.afterAsOfEntryCount).toBe(0);
    expect(a.overallAttainment).toBeCloseTo(0.902, 3);
  });

  test("an invalid as-of date leaves nothing out", async () => {
    expect(analyzePlan(await example(), { asOf: "2024-02-30" }).afterAsOfEntryCount).toBe(0);
  });

  test("the workbook's live formulas (Goals, Overview) leave out the same entries: HyperFormula gives the hand numbers", async () => {
    const plan = await example();
    const { excel } = memoryExcel(true);
    await excel.run((ctx) => writePlan(ctx, plan, { language: "en-US", asOf: "2024-05-15" }));
    const names = defaultSheetNames("en-US");
    const goals = listTable("PIP_Goals");
    const at = (key: string, i: number) => excel.getCellValue(names.goals, `${columnLetter(columnIndexOf(goals, key))}${firstDataRow(goals) + i}`);
    expect([at("entries", 0), at("entries", 1)]).toEqual([6, 6]);
    expect(at("toDate", 0) as number).toBeCloseTo(HAND.sales.toDate, 9);
    expect(at("toDate", 1) as number).toBeCloseTo(HAND.complaints.toDate, 9);
    expect(at("pace", 0) as number).toBeCloseTo(HAND.sales.pace, 9);
    const summary = recordTable("PIP_Summary");
    const sum = (key: string) => excel.getCellValue(names.overview, `${columnLetter(summary.anchor.col + 1)}${recordRowOf(summary, key)}`);
    expect(sum("overall") as number).toBeCloseTo(HAND.overall, 9);
    expect([sum("checkInsPlanned"), sum("checkInsHeld"), sum("checkInsMissed")]).toEqual([7, 6, 0]);
  }, 60_000);
});
