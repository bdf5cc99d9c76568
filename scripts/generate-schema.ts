/**
 * npm run schema: writes schema/plan.schema.json (JSON Schema 2020-12) from the zod plan model.
 * `npm run schema -- --check` exits 1 when the committed file differs from a fresh generation.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { planJsonSchema } from "../src/core/plan-file";

export const SCHEMA_FILE = resolve(__dirname, "..", "schema", "plan.schema.json");

export function renderPlanJsonSchema(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}

function main(argv: readonly string[]): number {
  const text = renderPlanJsonSchema();
  if (argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(SCHEMA_FILE, "utf8");
    } catch {
      // a missing file differs
    }
    if (current === text) return 0;
    process.stderr.write(`${SCHEMA_FILE} is out of date: run npm run schema\n`);
    return 1;
  }
  mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
  writeFileSync(SCHEMA_FILE, text);
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
