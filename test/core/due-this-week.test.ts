/** "Due this week" (issue 17 item 4), from the worked example as of Wednesday 2024-05-15 (ISO week 2024-W20). */
import { promises as fs } from "node:fs";
import path from "node:path";
import { analyzePlan } from "../../src/core/analysis";
import { dueThisWeek } from "../../src/core/calendar";
import { parsePlanJson } from "../../src/core/plan-file";
import type { Plan } from "../../src/core/model";

async function example(): Promise<Plan> {
  const parsed = parsePlanJson(await fs.readFile(path.resolve(__dirname, "../../examples/sales-q2-2024.plan.json"), "utf8"));
  if (!parsed.ok) throw new Error("the example does not parse");
  return parsed.plan;
}

const due = (plan: Plan, asOf: string) => dueThisWeek(plan, analyzePlan(plan, { asOf }).checkIns.schedule, asOf);

describe("due this week", () => {
  test("the week's check-in is due by Sunday: W20's entry (Friday 05-17) is after the as-of date", async () => {
    expect(due(await example(), "2024-05-15")).toEqual({
      weekStart: "2024-05-13",
      weekEnd: "2024-05-19",
      checkInDue: { label: "2024-W20", start: "2024-05-13", end: "2024-05-19" },
      checkInsMissed: [],
      actionsEnding: [],
    });
  });

  test("a week with its check-in held has none due; a week with no entry that has ended is missed", async () => {
    const plan = await example();
    // drop W18's check-ins (Friday 2024-05-03)
    plan.tracking = plan.tracking.filter((e) => e.date !== "2024-05-03");
    const d = due(plan, "2024-05-18")!; // Saturday: W20's entries of Friday 05-17 are in
    expect(d.checkInDue).toBeNull();
    expect(d.checkInsMissed).toEqual([{ label: "2024-W18", start: "2024-04-29", end: "2024-05-05" }]);
  });

  test("actions ending from the as-of date to Sunday, unless done or cancelled", async () => {
    const plan = await example();
    plan.actions[1].end = "2024-05-17"; // A2, in progress
    plan.actions[2].end = "2024-05-19"; // A3, done
    plan.actions[0] = { ...plan.actions[0], end: "2024-05-14", status: "in-progress" }; // A1: ended yesterday (overdue, not "ending")
    expect(due(plan, "2024-05-15")!.actionsEnding).toEqual([{ id: "A2", measure: plan.actions[1].measure, end: "2024-05-17" }]);
  });

  test("an invalid as-of date gives nothing", async () => {
    expect(due(await example(), "2024-02-30")).toBeNull();
  });
});
