import { readFileSync } from "node:fs";
import path from "node:path";
import { planSchema } from "../../src/core/model";
import { createWorkbookPort } from "../../src/excel/office-port";
import { createMemoryExcel, type FormulaEngine, type WorkbookSnapshot } from "../../src/memory-excel";
import { createHyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";
import { createEngineLaterExcel, hasNothingToCompute, portWithQuickFirstRead } from "../../src/preview/engine-later";

const EXAMPLE = planSchema.parse(JSON.parse(readFileSync(path.join(__dirname, "../../examples/sales-q2-2024.plan.json"), "utf8")));

/** A loadEngine that counts its calls and resolves only when the test lets it. */
function gatedEngine() {
  let calls = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    loadEngine: async (): Promise<FormulaEngine> => {
      calls += 1;
      await gate;
      return createHyperFormulaEngine();
    },
    calls: () => calls,
    release: () => release(),
  };
}

async function exampleSnapshot(): Promise<WorkbookSnapshot> {
  const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
  await createWorkbookPort((batch) => excel.run(batch)).writePlan(EXAMPLE, { language: "en-US" });
  return excel.snapshot();
}

function cell(snapshot: WorkbookSnapshot, predicate: (c: WorkbookSnapshot["sheets"][number]["cells"][number]) => boolean) {
  for (const sheet of snapshot.sheets) for (const c of sheet.cells) if (predicate(c)) return { sheet: sheet.name, ...c };
  return null;
}

function previewPort(excel: ReturnType<typeof createEngineLaterExcel>) {
  const port = createWorkbookPort((batch) => excel.run(batch));
  const quick = excel.withoutEngine;
  return portWithQuickFirstRead(port, quick ? createWorkbookPort((batch) => quick.run(batch)) : null, excel);
}

describe("the preview loads its formula engine after the first view (issue 16)", () => {
  test("a new workbook: the pane's first read answers before the engine is even requested; later runs wait for it", async () => {
    const engine = gatedEngine();
    const excel = createEngineLaterExcel({ saved: null, loadEngine: engine.loadEngine });
    expect(excel.startsEmpty).toBe(true);
    const port = previewPort(excel);
    const first = await port.readPlan();
    expect(first.plan).toBeNull();
    expect(engine.calls()).toBe(0);
    // Subscribing to table events (the pane does it while mounting) does not pull the engine in.
    let subscribed = false;
    const subscription = port.onTablesChanged(() => undefined).then(() => (subscribed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(engine.calls()).toBe(0);
    expect(subscribed).toBe(false);
    // The page starts the engine after the first paint; the write then computes every formula.
    const ready = excel.startEngine();
    engine.release();
    await ready;
    await subscription;
    expect(subscribed).toBe(true);
    await port.writePlan(EXAMPLE, { language: "en-US" });
    const again = await port.readPlan();
    expect(again.plan?.goals.map((g) => g.id)).toEqual(EXAMPLE.goals.map((g) => g.id));
    const computed = cell(excel.snapshot(), (c) => c.formula !== undefined && typeof c.value === "number");
    expect(computed).not.toBeNull();
    expect(engine.calls()).toBe(1);
  });

  test("a kept workbook with formulas: the grid has its kept values at once, and the first read waits for the engine", async () => {
    const saved = await exampleSnapshot();
    expect(hasNothingToCompute(saved)).toBe(false);
    const engine = gatedEngine();
    const excel = createEngineLaterExcel({ saved, loadEngine: engine.loadEngine });
    expect(excel.startsEmpty).toBe(false);
    expect(excel.withoutEngine).toBeNull();
    // Before the engine: the kept snapshot itself, so a formula cell shows the number it had, not null.
    const keptFormula = cell(excel.snapshot(), (c) => c.formula !== undefined && typeof c.value === "number");
    expect(keptFormula).not.toBeNull();
    const notices: string[][] = [];
    excel.onChange((n) => notices.push(n.sheets));
    let read: Awaited<ReturnType<ReturnType<typeof previewPort>["readPlan"]>> | null = null;
    const reading = previewPort(excel).readPlan().then((r) => (read = r));
    await new Promise((r) => setTimeout(r, 20));
    expect(read).toBeNull();
    void excel.startEngine();
    engine.release();
    await reading;
    expect(read!.plan?.header.employeeName).toBe(EXAMPLE.header.employeeName);
    // The engine's workbook computes the same number in that cell, and the grid is told to redraw once.
    const recomputed = cell(excel.snapshot(), (c) => c.address === keptFormula!.address && c.formula === keptFormula!.formula);
    expect(recomputed?.value).toBe(keptFormula!.value);
    expect(notices).toHaveLength(1);
  });

  test("what counts as nothing to compute: no table, no formula, no defined name", async () => {
    expect(hasNothingToCompute(null)).toBe(true);
    const plain = createMemoryExcel();
    await plain.setCellValues("Sheet1", "A1", [["note"]]);
    expect(hasNothingToCompute(plain.snapshot())).toBe(true);
    const withFormula = createMemoryExcel({ engine: createHyperFormulaEngine() });
    await withFormula.setCellValues("Sheet1", "A1", [["=1+1"]]);
    expect(hasNothingToCompute(withFormula.snapshot())).toBe(false);
  });
});
