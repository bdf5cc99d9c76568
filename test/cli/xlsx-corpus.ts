/**
 * The workbooks the .xlsx guarantees are checked on (issue 11): the worked example in both languages, 20 seeded
 * random valid plans, a stress plan whose texts hold what breaks naive XML writers, and a `pipbook batch` output.
 * Shared by the schema test, the openpyxl read-back test and LibreOffice's validation test, which look at the same
 * files: written once per jest run (buildCorpus).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { planForRosterRow, workbookFileName } from "../../src/cli/batch";
import { parseRoster } from "../../src/cli/roster";
import { generateWorkbook } from "../../src/cli/workbook-io";
import type { Language, Plan } from "../../src/core/model";
import { parsePlanJson } from "../../src/core/plan-file";
import { arbValidPlan } from "../support/arbitraries";
import { shared } from "../support/run-cache";
import { EXAMPLE_PLAN, FIXTURES, runCli, tempDir } from "./harness";

/** Fixed, so that a failure names a plan anyone can regenerate. */
export const RANDOM_PLAN_SEED = 20261101;
export const RANDOM_PLAN_COUNT = 20;

/** Every character class the issue names: markup, quotes, line breaks, tabs, emoji, a formula, U+000B, U+FFFE. */
export const STRESS_TEXT = `A&B <b>"q" 'a'\nline 2\tTab 😀 =SUM(A1) soft\u000Bbreak \uFFFE end`;

export async function examplePlan(): Promise<Plan> {
  const parsed = parsePlanJson(await fs.readFile(EXAMPLE_PLAN, "utf8"));
  if (!parsed.ok) throw new Error("example plan does not parse");
  return parsed.plan;
}

/** The example with the stress text in every free-text field (ids, dates and list values stay valid). */
export function stressPlan(base: Plan): Plan {
  const p = structuredClone(base);
  const s = (tag: string) => `${tag} ${STRESS_TEXT}`;
  Object.assign(p.header, { title: s("title"), employeeName: s("name"), department: s("dept"), position: s("pos"), manager: s("mgr"), hrPartner: s("hr") });
  p.gaps.forEach((g, i) => Object.assign(g, { metric: s(`gap${i}`), period: s("period"), description: s("desc") }));
  p.goals.forEach((g, i) => Object.assign(g, { title: s(`goal ${i} 45`), metric: s("metric") }));
  p.causes.forEach((c) => Object.assign(c, { description: s("cause"), why: s("why"), how: s("how") }));
  p.actions.forEach((a) => Object.assign(a, { measure: s("measure"), owner: s("owner"), completionCriterion: s("done"), resources: s("res") }));
  p.resources.forEach((r) => Object.assign(r, { what: s("what"), provider: s("provider") }));
  p.responsibilities.forEach((r) => Object.assign(r, { name: s("who"), duties: s("duties") }));
  p.signOff.forEach((x) => Object.assign(x, { name: s("signer"), comment: s("comment") }));
  p.tracking.forEach((t) => Object.assign(t, { note: s("note"), coachFeedback: s("coach"), enteredBy: s("by") }));
  p.adjustments.forEach((a) => Object.assign(a, { change: s("change"), reason: s("reason"), approvedBy: s("approver") }));
  Object.assign(p.evaluation, { measuresToStandardise: s("standard"), reasons: s("reasons"), notes: s("notes") });
  return p;
}

export function randomPlans(): Plan[] {
  return fc.sample(arbValidPlan({ goals: { max: 5 }, tracking: { max: 40 } }), { seed: RANDOM_PLAN_SEED, numRuns: RANDOM_PLAN_COUNT });
}

export interface CorpusWorkbook {
  label: string;
  bytes: Uint8Array;
  /** The plan written (for batch outputs: the template moved to the roster row, as the batch does). */
  plan: Plan;
  language: Language;
  /** Path on disk (the Python readers open files). */
  file: string;
}

/** The plans of the corpus's generated workbooks, in file order (w0.xlsx, w1.xlsx, …). */
async function corpusPlans(): Promise<{ label: string; plan: Plan; language: Language }[]> {
  const example = await examplePlan();
  return [
    { label: "example zh-CN", plan: example, language: "zh-CN" },
    { label: "example en-US", plan: example, language: "en-US" },
    ...randomPlans().map((plan, i) => ({ label: `random #${i} (seed ${RANDOM_PLAN_SEED})`, plan, language: plan.header.language })),
    { label: "stress zh-CN", plan: stressPlan(example), language: "zh-CN" as const },
    { label: "stress en-US", plan: stressPlan(example), language: "en-US" as const },
  ];
}

const ROSTER = path.join(FIXTURES, "roster.csv");

/** Generate every workbook of the corpus into `dir`: the plans through generateWorkbook, and one `pipbook batch`. */
async function writeCorpus(dir: string): Promise<void> {
  for (const [i, { plan, language }] of (await corpusPlans()).entries()) {
    await fs.writeFile(path.join(dir, `w${i}.xlsx`), await generateWorkbook(plan, { language, asOf: plan.header.planStart }));
  }
  const run = await runCli(["batch", ROSTER, "--template", EXAMPLE_PLAN, "-o", path.join(dir, "batch"), "--lang", "zh-CN"]);
  if (run.code !== 0) throw new Error(`pipbook batch failed: ${run.stderr}`);
}

/** The corpus written in `dir` by writeCorpus, each workbook with the plan it was written from. */
async function readCorpus(dir: string): Promise<CorpusWorkbook[]> {
  const out: CorpusWorkbook[] = [];
  for (const [i, { label, plan, language }] of (await corpusPlans()).entries()) {
    const file = path.join(dir, `w${i}.xlsx`);
    out.push({ label, bytes: new Uint8Array(await fs.readFile(file)), plan, language, file });
  }
  const batchDir = path.join(dir, "batch");
  // The plan of each file is the template moved to the roster row's employee and window (src/cli/batch.ts).
  const example = await examplePlan();
  const roster = parseRoster(await fs.readFile(ROSTER, "utf8"), ROSTER);
  const written = new Set((await fs.readdir(batchDir)).filter((n) => n.endsWith(".xlsx")));
  for (const row of roster.rows) {
    const name = workbookFileName(row.values.employeeId, row.values.employeeName);
    if (!written.has(name)) throw new Error(`pipbook batch did not write ${name}`);
    const file = path.join(batchDir, name);
    out.push({ label: `batch ${name}`, bytes: new Uint8Array(await fs.readFile(file)), plan: planForRosterRow(example, row), language: "zh-CN", file });
  }
  if (out.filter((w) => w.label.startsWith("batch")).length !== written.size) throw new Error("batch wrote files the roster does not explain");
  return out;
}

/**
 * Every workbook of the corpus, written into `dir` — by default into the jest run's folder, once for the three test
 * files that read it (../support/run-cache.ts), or a fresh temp folder where the run has none. The files are read,
 * never changed, by those tests.
 */
export async function buildCorpus(dir?: string): Promise<CorpusWorkbook[]> {
  if (dir === undefined) {
    const folder = await shared("xlsx-corpus", async (at) => {
      await fs.mkdir(at, { mode: 0o755 });
      await writeCorpus(at);
    });
    if (folder !== null) return readCorpus(folder);
  }
  const target = dir ?? tempDir("pipbook-xlsx-corpus-");
  await writeCorpus(target);
  return readCorpus(target);
}
