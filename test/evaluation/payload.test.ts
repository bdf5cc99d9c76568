/**
 * Issue 16 item 2, the bytes of a save: the S and M plans' request budgets (as the in-memory Excel measures a
 * request: the UTF-8 JSON of the queued commands), tables written by fill holding exactly what a row-by-row write
 * gives, and the journal's packed rows reading back as the plan they were made from.
 */
import fc from "fast-check";
import type { Language, Plan } from "../../src/core/model";
import { createMemoryExcel, type MemoryExcel } from "../../src/memory-excel";
import { createWorkbookPort } from "../../src/excel/office-port";
import { writePlan } from "../../src/excel/writer";
import { JOURNAL_MARKER, journalColumn, journalOf, packRows, readJournal, unpackRows } from "../../src/excel/journal";
import { SHEETS, defaultSheetNames, type ListTableDecl } from "../../src/workbook";
import { sizedPlan } from "../excel/support";
import { arbValidPlan } from "../support/arbitraries";

async function saveBytes(plan: Plan): Promise<number> {
  const excel = createMemoryExcel({ engine: null });
  await excel.run((context) => writePlan(context, plan, { language: "zh-CN", asOf: "2024-09-15" }));
  return excel.stats.batchBytes.reduce((a, b) => a + b, 0);
}

describe("the request a save sends", () => {
  test("the S plan (5 goals, 20 actions, 65 check-ins) at most 250,000 B, the M plan (20 / 100 / 1,000) at most 1,000,000 B", async () => {
    expect(await saveBytes(sizedPlan(5, 20, 65))).toBeLessThanOrEqual(250_000);
    expect(await saveBytes(sizedPlan(20, 100, 1_000))).toBeLessThanOrEqual(1_000_000);
  }, 120_000);
});

/** Every list table and plain range that declares fillBlock, with the declaration to put back. */
function fillDeclarations(): { table: ListTableDecl; fillBlock: NonNullable<ListTableDecl["fillBlock"]> }[] {
  return SHEETS.flatMap((s) => [...s.tables, ...(s.ranges ?? [])]).flatMap((t) => (t.shape === "list" && t.fillBlock ? [{ table: t, fillBlock: t.fillBlock }] : []));
}

/** Writes `plans` one after the other through the port (a save, then saves over it), with or without fill. */
async function written(plans: Plan[], language: Language, fill: boolean, copies: string[] = []): Promise<MemoryExcel> {
  const declared = fillDeclarations();
  if (!fill) for (const d of declared) delete d.table.fillBlock;
  try {
    const excel = createMemoryExcel({ engine: null });
    excel.onCommand((c) => {
      if (c.m === "copyFrom") copies.push(c.o);
    });
    const port = createWorkbookPort((batch) => excel.run(batch), { asOf: "2024-09-15" });
    for (const plan of plans) await port.writePlan(plan, { language });
    return excel;
  } finally {
    for (const d of declared) d.table.fillBlock = d.fillBlock;
  }
}

describe("tables written by fill", () => {
  test("the Tracking log, the check-in schedule, Goals, Actions and the Evaluation ranges declare it", () => {
    const names = fillDeclarations().map((d) => d.table.name);
    for (const name of ["PIP_Tracking", "PIP_CheckIns", "PIP_Goals", "PIP_Actions", "PIP_EvalGoals", "PIP_EvalQuarters", "PIP_EvalPeriods"]) expect(names).toContain(name);
  });

  test("hold cell for cell what a row-by-row write gives: a fresh save and a save over it with fewer and more rows", async () => {
    // sizedPlan's texts include "=…", "+86 …" and "@…" (they must stay text); the second save removes rows, the third adds.
    const big = sizedPlan(5, 20, 65);
    const fewer: Plan = { ...big, tracking: big.tracking.slice(0, 30) };
    const more: Plan = { ...big, tracking: [...big.tracking, ...sizedPlan(5, 20, 90).tracking.slice(65)] };
    const plans = [big, fewer, more];
    const copies: string[] = [];
    const withFill = (await written(plans, "zh-CN", true, copies)).snapshot();
    const without = (await written(plans, "zh-CN", false)).snapshot();
    // filled indeed, Actions too, whose descriptions include "=每周 2 小时产品培训" (text, not a formula)
    const names = defaultSheetNames("zh-CN");
    for (const sheet of [names.tracking, names.goals, names.actions, names.evaluation]) expect(copies.some((o) => o.includes(`"${sheet}"`))).toBe(true);
    expect(big.actions.some((a) => Object.values(a).some((v) => typeof v === "string" && v.startsWith("=")))).toBe(true);
    expect(withFill.sheets.map((s) => s.name)).toEqual(without.sheets.map((s) => s.name));
    for (let i = 0; i < withFill.sheets.length; i++) expect(withFill.sheets[i]).toEqual(without.sheets[i]);
  }, 120_000);

  test("in random plans and both languages, the same workbook as a row-by-row write", async () => {
    await fc.assert(
      fc.asyncProperty(arbValidPlan({ goals: { min: 1, max: 3 }, tracking: { min: 0, max: 12 } }), fc.constantFrom<Language>("zh-CN", "en-US"), async (plan, language) => {
        const withFill = (await written([plan], language, true)).snapshot();
        const without = (await written([plan], language, false)).snapshot();
        expect(withFill.sheets).toEqual(without.sheets);
      }),
      { numRuns: 8, seed: 1716 },
    );
  }, 300_000);
});

describe("the save journal's packed rows", () => {
  const journal = (plan: Plan) =>
    journalOf({ savedAt: "2024-06-30T08:00:00.000Z", language: "en-US", asOf: "2024-06-30", plan, extraColumns: {}, sheetNames: defaultSheetNames("en-US") });

  test("read back as the plan they were made from, in random plans", () => {
    fc.assert(
      fc.property(arbValidPlan({ goals: { min: 1, max: 4 }, tracking: { min: 0, max: 30 } }), (plan) => {
        const read = readJournal(journalColumn(journal(plan)).map((v, i) => [i === 1 ? JOURNAL_MARKER : v]));
        expect(read.state).toBe("interrupted");
        if (read.state === "interrupted") expect(read.journal.plan).toEqual(plan);
      }),
      { numRuns: 40 },
    );
  });

  test("keys are kept once per list of records, not once per row", () => {
    const plan = sizedPlan(5, 20, 65);
    const packed = JSON.stringify(packRows(plan));
    expect(packed.split('"goalId"').length - 1).toBeLessThan(6);
    expect(JSON.stringify(plan).split('"goalId"').length - 1).toBeGreaterThan(65);
    expect(unpackRows(JSON.parse(packed))).toEqual(plan);
    // rows whose keys differ (a record with a field more) stay as they are
    const mixed = [{ a: 1 }, { a: 2, b: 3 }];
    expect(packRows(mixed)).toEqual(mixed);
  });

  test("a journal of the earlier format (plan as plain JSON) still reads", () => {
    const plan = sizedPlan(2, 3, 5);
    const old = { ...journal(plan), format: 1 as const };
    const column = journalColumn(old);
    const read = readJournal(column.map((v, i) => [i === 1 ? JOURNAL_MARKER : v]));
    expect(read.state === "interrupted" && read.journal.plan).toEqual(plan);
  });
});
