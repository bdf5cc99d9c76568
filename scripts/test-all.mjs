#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first failure.
// One summary line per step with its time; the last line is "N passed, M failed".
// `node scripts/test-all.mjs lint jest` runs only the named steps (same order).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const E2E_RUNNER = "test/e2e/run.mjs";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const STEPS = [
  { name: "typecheck", command: [npm, "run", "-s", "typecheck"] },
  { name: "lint", command: [npm, "run", "-s", "lint"] },
  { name: "validate:offline", command: [npm, "run", "-s", "validate:offline"] },
  { name: "jest", command: [npm, "run", "-s", "test:unit", "--", "--ci"] },
  { name: "build", command: [npm, "run", "-s", "build"] },
  {
    name: "e2e",
    command: [process.execPath, E2E_RUNNER],
    precondition: () =>
      existsSync(path.join(repoRoot, E2E_RUNNER)) ? null : `${E2E_RUNNER} is missing: the browser tests cannot run`,
  },
];

function run([command, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: "inherit", shell: process.platform === "win32" });
    child.on("error", (error) => resolve({ code: null, reason: error.message }));
    child.on("exit", (code, signal) => resolve({ code, reason: signal ? `killed by ${signal}` : `exit code ${code}` }));
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !STEPS.some((step) => step.name === name));
  if (unknown.length > 0) {
    console.error(`test-all: unknown step(s) ${unknown.join(", ")}; steps: ${STEPS.map((s) => s.name).join(", ")}`);
    return 2;
  }
  const steps = wanted.length > 0 ? STEPS.filter((step) => wanted.includes(step.name)) : STEPS;
  const results = [];
  const started = Date.now();
  for (const step of steps) {
    console.log(`\n[test-all] ▶ ${step.name}: ${[path.basename(step.command[0]), ...step.command.slice(1)].join(" ")}`);
    const stepStart = Date.now();
    const missing = step.precondition?.();
    const outcome = missing ? { code: null, reason: missing } : await run(step.command);
    const result = { name: step.name, ok: outcome.code === 0, ms: Date.now() - stepStart, reason: outcome.reason };
    results.push(result);
    console.log(`[test-all] ${result.ok ? "✓" : "✗"} ${step.name} (${seconds(result.ms)})${result.ok ? "" : `: ${result.reason}`}`);
    if (!result.ok) break;
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const notRun = steps.slice(results.length).map((s) => s.name);
  console.log("\n[test-all] summary");
  for (const r of results) console.log(`  ${r.ok ? "✓" : "✗"} ${r.name.padEnd(18)} ${seconds(r.ms).padStart(8)}`);
  for (const name of notRun) console.log(`  - ${name.padEnd(18)}  not run`);
  console.log(`  total ${seconds(Date.now() - started)}`);
  console.log(`${passed} passed, ${failed} failed${notRun.length > 0 ? ` (not run: ${notRun.join(", ")})` : ""}`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`test-all: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
