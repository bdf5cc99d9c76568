import fc from "fast-check";
import { mergePlans, rowKey } from "../../src/core/merge";
import type { Plan, TrackingEntry } from "../../src/core/model";
import { arbTrackingEntry, arbValidPlan } from "../support/arbitraries";

const example = (): Plan => ({
  schemaVersion: 1,
  header: {
    title: "Q2", employeeName: "李娜", employeeId: "E1024", department: "", position: "", manager: "王强", hrPartner: "",
    planStart: "2024-04-01", planEnd: "2024-06-30", cadence: "weekly", scenario: "post-review", language: "zh-CN",
  },
  gaps: [],
  goals: [
    { id: "G1", title: "Sales to 45", metric: "", unit: "万元", baseline: 32, target: 45, direction: "increase", aggregation: "sum", weight: 0.6, dueDate: null, method: "ratio" },
    { id: "G2", title: "Complaints to 3%", metric: "", unit: "%", baseline: 0.05, target: 0.03, direction: "decrease", aggregation: "average", weight: 0.4, dueDate: null, method: "ratio" },
  ],
  causes: [],
  actions: [],
  resources: [],
  responsibilities: [],
  signOff: [
    { role: "employee", name: "", date: null, comment: "" },
    { role: "manager", name: "", date: null, comment: "" },
  ],
  tracking: [{ date: "2024-04-05", goalId: "G1", actual: 3, note: "", coachFeedback: "", enteredBy: "" }],
  adjustments: [],
  evaluation: { date: null, outcome: null, decision: null, measuresToStandardise: "", reasons: "", extensionEnd: null, notes: "" },
  thresholds: { onTrack: 0.9, atRisk: 0.7, met: 1, partiallyMet: 0.8 },
});

const entry = (date: string, actual: number, goalId = "G1"): TrackingEntry => ({ date, goalId, actual, note: "", coachFeedback: "", enteredBy: "" });

describe("mergePlans — nothing entered is lost", () => {
  test("regenerating keeps tracking rows, adjustments and a goal only the workbook has", () => {
    const incoming = example();
    const workbook = example();
    workbook.tracking.push(entry("2024-04-12", 4), entry("2024-04-12", 4));
    workbook.adjustments.push({ date: "2024-05-01", change: "延长任务", reason: "", approvedBy: "王强" });
    workbook.goals.push({ ...workbook.goals[0], id: "G3", title: "Added by hand" });
    const { plan, keptRows } = mergePlans(incoming, workbook);
    expect(plan.tracking.map((t) => [t.date, t.actual])).toEqual([["2024-04-05", 3], ["2024-04-12", 4], ["2024-04-12", 4]]);
    expect(plan.adjustments).toHaveLength(1);
    expect(plan.goals.map((g) => g.id)).toEqual(["G1", "G2", "G3"]);
    expect(keptRows).toBe(4);
  });

  test("the incoming plan's version of a goal wins without a base", () => {
    const incoming = example();
    incoming.goals[0].target = 50;
    const workbook = example();
    workbook.goals[0].target = 40;
    expect(mergePlans(incoming, workbook).plan.goals[0].target).toBe(50);
  });

  test("with a base: an edit made in Excel survives when the incoming side left the row alone", () => {
    const base = example();
    const workbook = example();
    workbook.goals[1].target = 0.025;
    const incoming = example();
    incoming.goals[0].title = "Sales to 45 万元";
    const { plan } = mergePlans(incoming, workbook, base);
    expect(plan.goals[0].title).toBe("Sales to 45 万元");
    expect(plan.goals[1].target).toBe(0.025);
  });

  test("with a base: rows deleted by the task pane stay deleted, rows typed in Excel meanwhile are added once", () => {
    const base = example();
    base.tracking.push(entry("2024-04-08", 1));
    const workbook = structuredClone(base);
    workbook.tracking.push(entry("2024-04-19", 7));
    const incoming = structuredClone(base);
    incoming.tracking = incoming.tracking.filter((t) => t.actual !== 1);
    const { plan, keptRows } = mergePlans(incoming, workbook, base);
    expect(plan.tracking.map((t) => t.actual)).toEqual([3, 7]);
    expect(keptRows).toBe(1);
    // the incoming side already carries the Excel row (added through the port): not duplicated
    const both = mergePlans({ ...incoming, tracking: [...incoming.tracking, entry("2024-04-19", 7)] }, workbook, base);
    expect(both.plan.tracking.map((t) => t.actual)).toEqual([3, 7]);
  });

  test("a signature in the workbook replaces the unsigned line of the same role", () => {
    const workbook = example();
    workbook.signOff[0] = { role: "employee", name: "李娜", date: "2024-03-28", comment: "已收到" };
    const { plan, keptRows } = mergePlans(example(), workbook);
    expect(plan.signOff).toEqual([workbook.signOff[0], example().signOff[1]]);
    expect(keptRows).toBe(1);
  });

  test("an evaluation filled in the workbook is kept when the incoming one is empty", () => {
    const workbook = example();
    workbook.evaluation = { ...workbook.evaluation, outcome: "met", notes: "归档" };
    const { plan } = mergePlans(example(), workbook);
    expect(plan.evaluation.outcome).toBe("met");
    expect(plan.evaluation.notes).toBe("归档");
  });

  test("a number that went through a cell (15 significant digits) still matches its row", () => {
    const incoming = example();
    incoming.tracking[0].actual = 0.1 + 0.2;
    const workbook = example();
    workbook.tracking[0].actual = 0.3;
    expect(mergePlans(incoming, workbook).plan.tracking).toHaveLength(1);
  });

  test("property: every workbook row is in the merged plan (multiset), and the incoming rows come first, unchanged", () => {
    fc.assert(
      fc.property(
        arbValidPlan({ tracking: { max: 12 } }).chain((plan) =>
          fc.tuple(
            fc.constant(plan),
            fc.array(arbTrackingEntry({ start: plan.header.planStart, end: plan.header.planEnd }, plan.goals.map((g) => g.id)), { maxLength: 6 }),
            fc.array(fc.nat(), { maxLength: 4 }),
          ),
        ),
        ([plan, added, dropIdx]) => {
          const workbook = structuredClone(plan);
          workbook.tracking.push(...added);
          const incoming = structuredClone(plan);
          incoming.tracking = incoming.tracking.filter((_, i) => !dropIdx.includes(i));
          const merged = mergePlans(incoming, workbook).plan;
          const count = (rows: TrackingEntry[]) => {
            const m = new Map<string, number>();
            for (const r of rows) m.set(rowKey(r), (m.get(rowKey(r)) ?? 0) + 1);
            return m;
          };
          const got = count(merged.tracking);
          for (const [k, n] of count(workbook.tracking)) expect(got.get(k) ?? 0).toBeGreaterThanOrEqual(n);
          expect(merged.tracking.slice(0, incoming.tracking.length)).toEqual(incoming.tracking);
          expect(merged.goals).toEqual(incoming.goals);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("no workbook yet: the incoming plan as it is", () => {
    const incoming = example();
    expect(mergePlans(incoming, null)).toEqual({ plan: incoming, keptRows: 0 });
  });
});
