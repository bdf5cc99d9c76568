/**
 * The wizard's working copy of a plan: a new plan's starting values and fresh ids.
 */
import { addDays } from "../core/dates";
import { DEFAULT_THRESHOLDS, SCHEMA_VERSION, type Language, type Plan } from "../core/model";

/** An empty plan starting `asOf`, 13 weeks long, with the three signature lines of stage 5. */
export function newPlan(asOf: string, language: Language): Plan {
  return {
    schemaVersion: SCHEMA_VERSION,
    header: {
      title: "",
      employeeName: "",
      employeeId: "",
      department: "",
      position: "",
      manager: "",
      hrPartner: "",
      planStart: asOf,
      planEnd: addDays(asOf, 90),
      cadence: "weekly",
      scenario: "post-review",
      language,
    },
    gaps: [],
    goals: [],
    causes: [],
    actions: [],
    resources: [],
    responsibilities: [],
    signOff: [
      { role: "employee", name: "", date: null, comment: "" },
      { role: "manager", name: "", date: null, comment: "" },
      { role: "hr", name: "", date: null, comment: "" },
    ],
    tracking: [],
    adjustments: [],
    evaluation: { date: null, outcome: null, decision: null, measuresToStandardise: "", reasons: "", extensionEnd: null, notes: "" },
    thresholds: { ...DEFAULT_THRESHOLDS },
  };
}

/** The next free id with a prefix: G1, G2 … (skips ids already taken, whatever their order). */
export function nextId(prefix: string, taken: readonly string[]): string {
  let highest = 0;
  for (const id of taken) {
    const m = new RegExp(`^${prefix}(\\d+)$`).exec(id);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return `${prefix}${highest + 1}`;
}
