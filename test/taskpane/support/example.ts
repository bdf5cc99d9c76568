import { readFileSync } from "node:fs";
import { join } from "node:path";
import { planSchema, type Plan } from "../../../src/core/model";

/** DOMAIN.md's worked example (examples/sales-q2-2024.plan.json), parsed with the model's schema. */
export function examplePlan(): Plan {
  const text = readFileSync(join(__dirname, "../../../examples/sales-q2-2024.plan.json"), "utf8");
  return planSchema.parse(JSON.parse(text));
}
