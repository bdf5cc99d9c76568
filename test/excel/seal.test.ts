/**
 * Changed after signing (issue 17, item 1) on the in-memory Excel: the writer seals a plan both have signed, the
 * reader reports a signed value edited in Excel with its cell and its value when signed; tracking rows are not
 * sealed; signing again re-seals; a regenerate, a language switch and an interrupted save keep the seal.
 */
import { createMemoryExcel } from "../../src/memory-excel";
import { HyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";
import { createWorkbookPort } from "../../src/excel/office-port";
import { readSeal, SEAL_COLUMN } from "../../src/excel/seal";
import { signingDate } from "../../src/core/seal";
import type { Finding } from "../../src/core/findings";
import type { Plan } from "../../src/core/model";
import { examplePlan as exampleIn } from "./support";
import { cellOf, defaultSheetNames, quoteSheet } from "../../src/workbook";

const examplePlan = (language: Plan["header"]["language"] = "en-US") => exampleIn(language);

function setup(engine = false) {
  const excel = createMemoryExcel({ engine: engine ? new HyperFormulaEngine() : null });
  const port = createWorkbookPort((batch) => excel.run(batch), { asOf: "2024-05-15", now: () => "2024-06-01T09:00:00.000Z" });
  return { excel, port };
}

const sealFindings = (findings: Finding[]) => findings.filter((f) => f.code.startsWith("SEAL_"));

/** Column C of the journal sheet, from its first row, as the reader would see it. */
function sealState(excel: ReturnType<typeof createMemoryExcel>) {
  const column: unknown[][] = [];
  for (let row = 1; row <= 8; row++) column.push([excel.getCellValue("PIP_Journal", `${SEAL_COLUMN}${row}`)]);
  return readSeal(column, `PIP_Journal!${SEAL_COLUMN}1`);
}

async function typeInto(excel: ReturnType<typeof createMemoryExcel>, ref: { sheet: string; cell: string }, value: unknown) {
  await excel.setCellValues(ref.sheet, ref.cell, [[value]]);
}

describe("the seal of a signed plan", () => {
  test.each(["en-US", "zh-CN"] as const)("a target edited after signing (%s): SEAL_CHANGED with the cell, the value when signed and now, both languages", async (language) => {
    const { excel, port } = setup();
    const plan = examplePlan(language);
    await port.writePlan(plan, { language });
    const signedOn = signingDate(plan)!;
    expect(sealState(excel)).toMatchObject({ state: "sealed", seal: { content: { signedOn } } });
    expect(sealFindings((await port.readPlan()).findings)).toEqual([]);

    const target = cellOf({ entity: "goals", row: 0, field: "target" }, language)!;
    const was = plan.goals[0].target;
    const now = was - 5;
    await typeInto(excel, target, now);
    const read = await port.readPlan();
    const found = sealFindings(read.findings);
    expect(found).toHaveLength(1);
    expect(found[0].code).toBe("SEAL_CHANGED");
    expect(found[0].location).toMatchObject({ entity: "goals", row: 0, field: "target", sheet: target.sheet, cell: target.cell });
    const at = `${quoteSheet(target.sheet)}!${target.cell}`;
    expect(found[0].message["en-US"]).toBe(`${at} was ${was} when signed on ${signedOn}, now ${now}: changed after signing — ask both to sign again`);
    expect(found[0].message["zh-CN"]).toBe(`${at} 在 ${signedOn} 签字时为 ${was}，现为 ${now}：签字后已改动，请双方重新签字`);
  });

  test("a header text and a list value edited: the old value quoted, the list value as its label", async () => {
    const { excel, port } = setup();
    const plan = examplePlan();
    await port.writePlan(plan, { language: "en-US" });
    await typeInto(excel, cellOf({ entity: "header", field: "position" }, "en-US")!, "Account manager");
    await typeInto(excel, cellOf({ entity: "goals", row: 1, field: "aggregation" }, "en-US")!, plan.goals[1].aggregation === "sum" ? "Latest" : "Sum");
    const found = sealFindings((await port.readPlan()).findings);
    expect(found.map((f) => f.location.field)).toEqual(["position", "aggregation"]);
    expect(found[0].message["en-US"]).toContain(`was “${plan.header.position}” when signed`);
    expect(found[0].message["en-US"]).toContain("now “Account manager”");
    expect(found[1].message["en-US"]).toContain(`was ${{ sum: "Sum", average: "Average", latest: "Latest" }[plan.goals[1].aggregation]} when signed`);
  });

  test("a tracking row, an action's status and a resource's 'delivered' edited: no seal finding", async () => {
    const { excel, port } = setup();
    const plan = examplePlan();
    await port.writePlan(plan, { language: "en-US" });
    await typeInto(excel, cellOf({ entity: "tracking", row: 0, field: "actual" }, "en-US")!, plan.tracking[0].actual + 7);
    await typeInto(excel, cellOf({ entity: "actions", row: 0, field: "status" }, "en-US")!, "Done");
    await typeInto(excel, cellOf({ entity: "resources", row: 0, field: "delivered" }, "en-US")!, plan.resources[0].delivered ? "No" : "Yes");
    const read = await port.readPlan();
    expect(read.plan?.resources[0].delivered).toBe(!plan.resources[0].delivered);
    expect(read.plan?.tracking[0].actual).toBe(plan.tracking[0].actual + 7);
    expect(read.plan?.actions[0].status).toBe("done");
    expect(sealFindings(read.findings)).toEqual([]);
  });

  test("a goal added and a gap row deleted after signing: SEAL_ROW_ADDED at its row, SEAL_ROW_REMOVED at its table", async () => {
    const { port } = setup();
    const plan = examplePlan();
    await port.writePlan(plan, { language: "en-US" });
    // The plan as it is after someone changed it and saved with the pane: one goal more (weights rebalanced aside).
    const extra = { ...plan.goals[0], id: "G9", title: "A goal nobody signed" };
    expect(plan.gaps.length).toBeGreaterThan(0);
    await port.writePlan({ ...plan, goals: [...plan.goals, extra], gaps: plan.gaps.slice(0, -1) }, { language: "en-US" });
    const found = sealFindings((await port.readPlan()).findings);
    const removed = found.filter((f) => f.code === "SEAL_ROW_REMOVED");
    expect(removed).toHaveLength(1);
    expect(removed[0].location).toMatchObject({ entity: "gaps", ...cellOf({ entity: "gaps" }, "en-US") });
    expect(removed[0].message["en-US"]).toBe(`Performance gaps: row ${plan.gaps.length} signed on ${signingDate(plan)} has been deleted — ask both to sign again`);
    const added = found.filter((f) => f.code === "SEAL_ROW_ADDED");
    expect(added).toHaveLength(1);
    expect(added[0].location).toMatchObject({ entity: "goals", row: plan.goals.length, ...cellOf({ entity: "goals", row: plan.goals.length }, "en-US") });
    expect(added[0].message["en-US"]).toContain(`row ${plan.goals.length + 1} of Goals was added after signing on ${signingDate(plan)}`);
  });

  test("signed again (a later date for both): no finding, and the next save seals the plan as it is now", async () => {
    const { excel, port } = setup();
    const plan = examplePlan();
    await port.writePlan(plan, { language: "en-US" });
    const target = cellOf({ entity: "goals", row: 0, field: "target" }, "en-US")!;
    await typeInto(excel, target, plan.goals[0].target - 5);
    expect(sealFindings((await port.readPlan()).findings)).toHaveLength(1);
    const employee = plan.signOff.findIndex((s) => s.role === "employee");
    const manager = plan.signOff.findIndex((s) => s.role === "manager");
    await typeInto(excel, cellOf({ entity: "signOff", row: employee, field: "date" }, "en-US")!, "2024-04-10");
    await typeInto(excel, cellOf({ entity: "signOff", row: manager, field: "date" }, "en-US")!, "2024-04-12");
    const read = await port.readPlan();
    expect(sealFindings(read.findings)).toEqual([]);
    await port.writePlan(read.plan!, { language: "en-US" });
    const seal = sealState(excel);
    expect(seal.state).toBe("sealed");
    if (seal.state === "sealed") {
      expect(seal.seal.content.signedOn).toBe("2024-04-12");
      expect(seal.seal.content.lists.goals[0].target).toBe(plan.goals[0].target - 5);
    }
    expect(sealFindings((await port.readPlan()).findings)).toEqual([]);
  });

  test("a regenerate (read, write again) keeps the seal: the edit is still reported, not sealed", async () => {
    const { excel, port } = setup();
    const plan = examplePlan();
    await port.writePlan(plan, { language: "en-US" });
    const target = cellOf({ entity: "goals", row: 0, field: "target" }, "en-US")!;
    await typeInto(excel, target, plan.goals[0].target - 5);
    const read = await port.readPlan();
    await port.writePlan(read.plan!, { language: "en-US" });
    // A port that never read this workbook (the writer loads the seal itself) regenerates too.
    await createWorkbookPort((batch) => excel.run(batch)).writePlan(read.plan!, { language: "en-US" });
    const found = sealFindings((await port.readPlan()).findings);
    expect(found.map((f) => [f.code, f.location.cell])).toEqual([["SEAL_CHANGED", target.cell]]);
    expect(found[0].message["en-US"]).toContain(`was ${plan.goals[0].target} when signed`);
  });

  test("a language switch keeps the seal: no finding, and an edit then is named with the new sheet names", async () => {
    const { excel, port } = setup();
    const plan = examplePlan("zh-CN");
    await port.writePlan(plan, { language: "zh-CN" });
    const english = { ...plan, header: { ...plan.header, language: "en-US" as const } };
    await port.writePlan(english, { language: "en-US" });
    expect(sealFindings((await port.readPlan()).findings)).toEqual([]);
    const target = cellOf({ entity: "goals", row: 1, field: "target" }, "en-US")!;
    await typeInto(excel, target, plan.goals[1].target + 1);
    const found = sealFindings((await port.readPlan()).findings);
    expect(found).toHaveLength(1);
    expect(found[0].message["en-US"].startsWith(`${quoteSheet(target.sheet)}!${target.cell} was ${plan.goals[1].target} when signed`)).toBe(true);
  });

  test.each(["en-US", "zh-CN"] as const)("the Sign-off sheet says 'changed after signing' after a save of an edited plan, and not once both signed again (%s)", async (language) => {
    const { excel, port } = setup(true);
    const plan = examplePlan(language);
    await port.writePlan(plan, { language });
    const sheet = defaultSheetNames(language).signOff;
    const line = { "en-US": "Changed after signing — ask both to sign again", "zh-CN": "签字后已改动——请双方重新签字" }[language];
    expect(excel.getCellValue(sheet, "A8")).toBe("");
    await typeInto(excel, cellOf({ entity: "goals", row: 0, field: "target" }, language)!, plan.goals[0].target - 5);
    const edited = (await port.readPlan()).plan!;
    await port.writePlan(edited, { language });
    expect(excel.getCellValue(sheet, "A8")).toBe(line);
    const resigned = { ...edited, signOff: edited.signOff.map((s) => (s.role === "hr" ? s : { ...s, date: "2024-04-15" })) };
    await port.writePlan(resigned, { language });
    expect(excel.getCellValue(sheet, "A8")).toBe("");
  });

  test("not yet signed by the manager: nothing sealed, nothing reported", async () => {
    const { excel, port } = setup();
    const plan = examplePlan();
    const unsigned = { ...plan, signOff: plan.signOff.map((s) => (s.role === "manager" ? { ...s, date: null } : s)) };
    await port.writePlan(unsigned, { language: "en-US" });
    expect(sealState(excel).state).toBe("none");
    await typeInto(excel, cellOf({ entity: "goals", row: 0, field: "target" }, "en-US")!, 1);
    expect(sealFindings((await port.readPlan()).findings)).toEqual([]);
  });

  test("the seal edited by hand: SEAL_DAMAGED, both languages", async () => {
    const { excel, port } = setup();
    const plan = examplePlan();
    await port.writePlan(plan, { language: "en-US" });
    const chunk = String(excel.getCellValue("PIP_Journal", `${SEAL_COLUMN}5`));
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("PIP_Journal").getRange(`${SEAL_COLUMN}5`).values = [[chunk.replace(String(plan.goals[0].target), "1")]];
      await ctx.sync();
    });
    const found = sealFindings((await port.readPlan()).findings);
    expect(found.map((f) => f.code)).toEqual(["SEAL_DAMAGED"]);
    expect(found[0].message["en-US"]).toContain("was edited or is damaged");
    expect(found[0].message["zh-CN"]).toContain("被改动或已损坏");
  });

  test("a save failing at any of 12 command indexes across it keeps the seal: undone before the marker, finished after it", async () => {
    const { excel, port } = setup();
    const plan = examplePlan();
    await port.writePlan(plan, { language: "en-US" });
    const before = sealState(excel);
    expect(before.state).toBe("sealed");
    const start = excel.commandCount;
    const more = { ...plan, tracking: [...plan.tracking, { ...plan.tracking[0], note: "typed on Friday" }] };
    await port.writePlan(more, { language: "en-US" });
    const commands = excel.commandCount - start;
    expect(commands).toBeGreaterThan(100);
    let finished = 0;
    for (let k = 1; k <= 12; k++) {
      const at = Math.floor((commands * k) / 13);
      excel.failCommand(at);
      const failed = await port.writePlan({ ...more, tracking: [...more.tracking, { ...plan.tracking[0], note: `again ${k}` }] }, { language: "en-US" }).then(
        () => false,
        () => true,
      );
      excel.failCommand(null);
      const fresh = createWorkbookPort((batch) => excel.run(batch));
      if (failed && (await fresh.readPlan()).interrupted) {
        await fresh.finishInterruptedSave();
        finished++;
      }
      expect({ at, seal: sealState(excel) }).toEqual({ at, seal: before });
    }
    expect(finished).toBeGreaterThan(0);
  });

  test("a save interrupted after the journal's marker and then finished keeps the seal of the signed plan", async () => {
    const { excel, port } = setup();
    const plan = examplePlan();
    await port.writePlan(plan, { language: "en-US" });
    const before = sealState(excel);
    const more = { ...plan, tracking: [...plan.tracking, { ...plan.tracking[0], note: "typed on Friday" }] };
    excel.failCommand(400);
    await port.writePlan(more, { language: "en-US" }).catch(() => undefined);
    excel.failCommand(null);
    const fresh = createWorkbookPort((batch) => excel.run(batch));
    expect((await fresh.readPlan()).interrupted).not.toBeNull();
    await fresh.finishInterruptedSave();
    expect(sealState(excel)).toEqual(before);
    await typeInto(excel, cellOf({ entity: "goals", row: 0, field: "target" }, "en-US")!, plan.goals[0].target + 3);
    expect(sealFindings((await fresh.readPlan()).findings).map((f) => f.code)).toEqual(["SEAL_CHANGED"]);
  });
});
