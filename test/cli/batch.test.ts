import { promises as fs } from "node:fs";
import path from "node:path";
import { planForRosterRow, runBatch, workbookFileName } from "../../src/cli/batch";
import { parseRoster } from "../../src/cli/roster";
import { parsePlanJson } from "../../src/core/plan-file";
import { validatePlan } from "../../src/core/validate";
import type { Plan } from "../../src/core/model";
import { EXAMPLE_PLAN, tempDir } from "./harness";

async function examplePlan(): Promise<Plan> {
  const parsed = parsePlanJson(await fs.readFile(EXAMPLE_PLAN, "utf8"));
  if (!parsed.ok) throw new Error("example plan does not parse");
  return parsed.plan;
}

const row = (values: Partial<Record<string, string>>, n = 2) => ({
  row: n,
  values: {
    employeeName: "Zhou Yu",
    employeeId: "E2",
    department: "",
    position: "",
    manager: "",
    hrPartner: "",
    planStart: "2024-07-01",
    planEnd: "2024-09-29",
    ...values,
  },
});

describe("planForRosterRow", () => {
  test("takes the employee fields from the row and keeps the template's where the row is empty", async () => {
    const template = await examplePlan();
    const plan = planForRosterRow(template, row({ manager: "Alex Chen" }));
    expect(plan.header).toMatchObject({
      employeeName: "Zhou Yu",
      employeeId: "E2",
      manager: "Alex Chen",
      department: template.header.department,
      hrPartner: template.header.hrPartner,
      planStart: "2024-07-01",
      planEnd: "2024-09-29",
    });
  });

  test("moves dated items by the start shift (91 days here), keeps them in the window, and starts with no history", async () => {
    const template = await examplePlan();
    const plan = planForRosterRow(template, row({}));
    const shift = (iso: string) => {
      const d = new Date(`${iso}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 91);
      return d.toISOString().slice(0, 10);
    };
    template.actions.forEach((action, i) => {
      const expectedEnd = action.end === template.header.planEnd ? "2024-09-29" : shift(action.end);
      expect(plan.actions[i].start).toBe(shift(action.start));
      expect(plan.actions[i].end).toBe(expectedEnd <= "2024-09-29" ? expectedEnd : "2024-09-29");
    });
    expect(plan.goals.every((g) => g.dueDate === null || g.dueDate <= "2024-09-29")).toBe(true);
    expect(plan.tracking).toEqual([]);
    expect(plan.adjustments).toEqual([]);
    expect(plan.signOff.every((s) => s.date === null)).toBe(true);
    expect(plan.signOff.find((s) => s.role === "employee")?.name).toBe("Zhou Yu");
    expect(validatePlan(plan).filter((f) => f.severity === "error")).toEqual([]);
  });

  test("the template's people named anywhere in its rows are the new plan's: no other employee's name is left", async () => {
    const template = await examplePlan();
    const { employeeName, manager, hrPartner } = template.header;
    // the worked example names its employee and manager inside texts (a root cause's "who", a resource's provider)
    expect(JSON.stringify(template)).toContain(`部门经理 ${manager}`);
    const plan = planForRosterRow(template, row({ employeeName: "赵敏", manager: "李雷", hrPartner: "Ann Lee" }));
    const { header: _header, ...rows } = plan;
    const text = JSON.stringify(rows);
    for (const name of [employeeName, manager, hrPartner]) expect(text).not.toContain(name);
    expect(text).toContain("部门经理 李雷");
    // a Latin name is replaced as a word only
    const ann = planForRosterRow({ ...template, header: { ...template.header, employeeName: "Ann" }, causes: [{ ...template.causes[0]!, who: "Ann; Annual review" }] }, row({ employeeName: "Bo" }));
    expect(ann.causes[0]!.who).toBe("Bo; Annual review");
  });

  test("a window shorter than the template's clamps dates to the new plan end", async () => {
    const template = await examplePlan();
    const plan = planForRosterRow(template, row({ planStart: "2024-07-01", planEnd: "2024-07-31" }));
    for (const action of plan.actions) {
      expect(action.end <= "2024-07-31").toBe(true);
      expect(action.start <= action.end).toBe(true);
    }
  });
});

describe("workbookFileName", () => {
  test("PIP-<id>-<name>.xlsx with characters file systems refuse replaced", () => {
    expect(workbookFileName("E1024", "李娜")).toBe("PIP-E1024-李娜.xlsx");
    expect(workbookFileName("A/B", 'x:y*"z"')).toBe("PIP-A_B-x_y__z_.xlsx");
  });
});

describe("runBatch (with an in-memory stand-in generator)", () => {
  test("continues past failing rows, reports them by row number, and leaves neither partial nor temp files", async () => {
    const template = await examplePlan();
    const roster = parseRoster(
      [
        "name,id,start,end",
        "A,E1,2024-04-01,2024-06-30",
        "B,E2,2024-13-01,2024-06-30",
        "C,E3,2024-04-01,2024-06-30",
        "D,E4,2024-04-01,2024-06-30",
        "A,E1,2024-04-01,2024-06-30",
      ].join("\n"),
      "r.csv",
    );
    const out = tempDir();
    const result = await runBatch({
      roster,
      template,
      outDir: out,
      language: "en-US",
      // Stand-in for the workbook generator: bytes naming the employee, and a failure for E3.
      generate: async (plan) => {
        if (plan.header.employeeId === "E3") throw new Error("disk full");
        return new TextEncoder().encode(plan.header.employeeName);
      },
      validate: validatePlan,
    });
    expect(result.total).toBe(5);
    expect(result.failures.map((f) => [f.row, f.key])).toEqual([
      [3, "roster.badDate"],
      [4, "roster.writeFailed"],
      [6, "roster.duplicateFile"],
    ]);
    expect(String(result.failures[1].params.reason)).toContain("disk full");
    expect((await fs.readdir(out)).sort()).toEqual(["PIP-E1-A.xlsx", "PIP-E4-D.xlsx"]);
    expect(await fs.readFile(path.join(out, "PIP-E4-D.xlsx"), "utf8")).toBe("D");
  });
});
