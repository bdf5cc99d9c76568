/**
 * A seeded fuzz of the CLI's inputs: mutated plan files and mutated workbooks through validate / analyze / generate
 * (the same functions the commands call, in process, plus a few runs of the real bundle). It holds: 0 crashes (only
 * CliErrors, which print one line, may escape), 0 stack traces or JavaScript sentences in any message, 0 hangs (each
 * case under a time limit), every finding placed (a workbook finding on its sheet and cell or on a table/field; a
 * plan-file finding on its line). `npm test` runs a size that keeps it quick; PIPBOOK_FUZZ=full runs more, and
 * PIPBOOK_FUZZ_SEED picks another seed. The figures are printed (and kept in the README's reliability table).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { analyzePlan } from "../../src/core/analysis";
import type { Finding } from "../../src/core/findings";
import { parsePlanJson, placeInJson } from "../../src/core/plan-file";
import { validatePlan } from "../../src/core/validate";
import { CliError } from "../../src/cli/errors";
import { planJsonText } from "../../src/cli/plan-source";
import { generateWorkbook, readWorkbook, updateWorkbook } from "../../src/cli/workbook-io";
import { EXAMPLE_PLAN, hasStackTrace, runCli, tempDir } from "./harness";

const FULL = process.env.PIPBOOK_FUZZ === "full";
const SEED = Number(process.env.PIPBOOK_FUZZ_SEED ?? 20261201);
const PLAN_CASES = FULL ? 1500 : 150;
const WORKBOOK_CASES = FULL ? 600 : 36;
const CLI_CASES = FULL ? 60 : 8;
/** A case taking longer than this counts as a hang. */
const CASE_LIMIT_MS = 15_000;

jest.setTimeout(FULL ? 3_600_000 : 180_000);

/** mulberry32: a small seeded PRNG, so a failing case can be rerun from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const int = (n: number) => Math.floor(rand() * n);

const WEIRD_VALUES: unknown[] = [
  null, "", " ", "\u200b", -1, 0, 1e16, -2e15, 1e-300, 62, 6200, "62%", "四十五", true, false, [], {}, [1, 2], { a: 1 },
  "2024-02-30", "2024-13-01", "0001-01-01", "9999-12-31", "2024/4/1", "=HYPERLINK(\"http://x\",\"x\")", "+1+1", "@SUM(A1)",
  "x".repeat(40_000), "\u000b\u0001\ufffe", "😀".repeat(3), "'; DROP TABLE", "G999", "C1", "employee", "boss",
];
const JS_WORDS = /\b(undefined|TypeError|RangeError|ReferenceError|Cannot read|is not a function|null is not|NaN is|uncompressed data size|anchors|richText|filterButton|getDxfStyle)\b/;

interface Tally {
  cases: number;
  crashes: string[];
  stackTraces: number;
  hangs: number;
  findings: number;
  placed: number;
  unplaced: string[];
  refusedInOneLine: number;
  maxMs: number;
}

const tally = (): Tally => ({ cases: 0, crashes: [], stackTraces: 0, hangs: 0, findings: 0, placed: 0, unplaced: [], refusedInOneLine: 0, maxMs: 0 });

/** Findings about a whole table or workbook have no single cell: they are placed by table (entity) and field. */
const WORKBOOK_LEVEL = new Set(["PART_DAMAGED", "TABLE_MISSING", "READ_FAILED", "SAVE_INTERRUPTED", "SAVE_JOURNAL_DAMAGED", "PLAN_NO_GOALS", "WEIGHTS_NOT_100", "SIGNOFF_MISSING", "THRESHOLDS_INVALID"]);

function countFindings(t: Tally, findings: readonly Finding[], kind: "json" | "xlsx", label: string): void {
  for (const f of findings) {
    t.findings++;
    const l = f.location as Finding["location"] & { line?: number };
    const placed = kind === "json" ? l.line !== undefined : (l.sheet !== undefined && l.cell !== undefined) || WORKBOOK_LEVEL.has(f.code);
    if (placed) t.placed++;
    else t.unplaced.push(`${label}: ${f.code} ${JSON.stringify(l)}`);
    for (const text of [f.message["zh-CN"], f.message["en-US"]]) {
      if (hasStackTrace(text) || JS_WORDS.test(text)) {
        t.stackTraces++;
        t.crashes.push(`${label}: JavaScript text in ${f.code}: ${text.slice(0, 160)}`);
      }
    }
  }
}

async function timed(t: Tally, label: string, run: () => Promise<void>): Promise<void> {
  const started = performance.now();
  t.cases++;
  try {
    await run();
  } catch (error) {
    if (error instanceof CliError) t.refusedInOneLine++;
    else t.crashes.push(`${label}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`.slice(0, 600));
  }
  const ms = performance.now() - started;
  t.maxMs = Math.max(t.maxMs, ms);
  if (ms > CASE_LIMIT_MS) t.hangs++;
}

// --- plan files ------------------------------------------------------------------------------------------------

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function mutatePlanValue(plan: Record<string, unknown>): void {
  const lists = ["gaps", "goals", "causes", "actions", "resources", "responsibilities", "signOff", "tracking", "adjustments"];
  const header = isRecord(plan.header) ? plan.header : null;
  const list = plan[pick(lists)];
  const rows = Array.isArray(list) ? list.filter(isRecord) : [];
  const choice = int(6);
  if (choice === 0 && header) {
    header[pick(Object.keys(header))] = pick(WEIRD_VALUES);
  } else if (choice === 1 && rows.length > 0) {
    const row = rows[int(rows.length)];
    const keys = Object.keys(row);
    if (keys.length > 0) row[pick(keys)] = pick(WEIRD_VALUES);
  } else if (choice === 2 && Array.isArray(list) && list.length > 0) {
    list.push(structuredClone(list[int(list.length)]));
  } else if (choice === 3) {
    plan[pick(Object.keys(plan))] = pick(WEIRD_VALUES);
  } else if (choice === 4 && header) {
    header.planStart = pick(["0001-01-01", "1900-01-01", "2024-04-01"]);
    header.planEnd = pick(["9999-12-31", "2100-12-31", "2029-12-31", "2024-06-30"]);
  } else if (rows.length > 0) {
    const row = rows[int(rows.length)];
    const keys = Object.keys(row);
    if (keys.length > 0) delete row[pick(keys)];
  }
}

function mutatePlanBytes(text: string): Buffer {
  const choice = int(7);
  if (choice === 0) return iconv.encode(text, "gbk");
  if (choice === 1) return Buffer.from(`\ufeff${text}`);
  if (choice === 2) return Buffer.from(text.replace(/\n/g, "\r\n"));
  if (choice === 3) return Buffer.from(text.slice(0, int(text.length)));
  if (choice === 4) {
    const i = int(text.length);
    return Buffer.from(text.slice(0, i) + pick([",", "}", "]", '"', "\\", "'", "/*", "1e309", "\u0000", "\n"]) + text.slice(i));
  }
  if (choice === 5) return Buffer.from(text.replace(/"target": 45/, `"target": ${pick(["1e309", "-1e309", "1e16", "null", '"45"', "[]"])}`));
  const bytes = Buffer.from(text);
  bytes[int(bytes.length)] = int(256);
  return bytes;
}

async function planCase(t: Tally, base: string, index: number): Promise<{ plan: unknown } | null> {
  let produced: { plan: unknown } | null = null;
  await timed(t, `plan #${index}`, async () => {
    const value = JSON.parse(base) as Record<string, unknown>;
    const rounds = 1 + int(3);
    for (let k = 0; k < rounds; k++) mutatePlanValue(value);
    const text = JSON.stringify(value, null, 2);
    const bytes = rand() < 0.35 ? mutatePlanBytes(text) : Buffer.from(text);
    const decoded = planJsonText(bytes, "fuzz.plan.json");
    if ("finding" in decoded) {
      // Placed by its byte offset and line.
      t.findings++;
      const l = decoded.finding.location as { line?: number; byte?: number };
      if (l.line !== undefined || decoded.finding.message["en-US"].includes("UTF-16")) t.placed++;
      else t.unplaced.push(`plan #${index}: PLAN_NOT_UTF8 without a line`);
      return;
    }
    const parsed = parsePlanJson(decoded.text, "fuzz.plan.json");
    if (!parsed.ok) {
      countFindings(t, parsed.findings, "json", `plan #${index}`);
      return;
    }
    const findings = placeInJson(validatePlan(parsed.plan), decoded.text);
    countFindings(t, findings, "json", `plan #${index}`);
    if (findings.some((f) => f.code === "PLAN_WINDOW_TOO_LONG")) return;
    analyzePlan(parsed.plan, { asOf: "2024-05-15" });
    if (!findings.some((f) => f.severity === "error")) produced = { plan: parsed.plan };
  });
  return produced;
}

// --- workbooks -------------------------------------------------------------------------------------------------

async function mutateWorkbook(bytes: Uint8Array): Promise<Uint8Array> {
  const choice = int(10);
  if (choice === 0) return bytes.subarray(0, int(bytes.length));
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const tables = Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n));
  const rounds = 1 + int(4);
  for (let k = 0; k < rounds; k++) {
    const what = choice === 9 ? int(9) : choice;
    if (what <= 3) {
      const name = pick(sheets);
      const xml = await zip.file(name)!.async("string");
      const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)];
      if (cells.length === 0) continue;
      const cell = pick(cells);
      const ref = cell[1];
      const replacement = pick([
        `<c r="${ref}"><v>${pick(["0", "-1", "1e308", "45383", "0.9", "NaN", "60", "2958466"])}</v></c>`,
        `<c r="${ref}" t="s"><v>${pick(["99999", "-1", "x", ""])}</v></c>`,
        `<c r="${ref}" t="e"><v>${pick(["#DIV/0!", "#REF!", "#N/A", "#NAME?"])}</v></c>`,
        `<c r="${ref}" t="b"><v>${pick(["0", "1", "2"])}</v></c>`,
        `<c r="${ref}" t="d"><v>${pick(["2024-02-30", "2024-04-01T00:00:00", "garbage", ""])}</v></c>`,
        `<c r="${ref}" t="inlineStr"><is><t>${pick(["text", "2024-02-30", "FALSE", "=SUM(A1)", "四十五"])}</t></is></c>`,
        `<c r="${ref}" t="str"><f>1/0</f><v>#DIV/0!</v></c>`,
        "",
      ]);
      zip.file(name, xml.replace(cell[0], replacement));
    } else if (what === 4 && tables.length > 0) {
      const name = pick(tables);
      const xml = await zip.file(name)!.async("string");
      zip.file(
        name,
        xml.replace(/ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g, (_w, c1: string, r1: string, c2: string, r2: string) => {
          const delta = pick([-2, -1, 1, 3]);
          return `ref="${c1}${r1}:${c2}${Math.max(Number(r1) + 1, Number(r2) + delta)}"`;
        }),
      );
    } else if (what === 5 && tables.length > 0) {
      const name = pick(tables);
      const xml = await zip.file(name)!.async("string");
      zip.file(name, xml.replace(/<tableColumn [^>]*?(?:\/>|>[\s\S]*?<\/tableColumn>)/, ""));
    } else if (what === 6) {
      const xml = await zip.file("xl/workbook.xml")!.async("string");
      zip.file("xl/workbook.xml", xml.includes("<workbookPr") ? xml.replace(/<workbookPr/, '<workbookPr date1904="1"') : xml.replace(/<sheets>/, '<workbookPr date1904="1"/><sheets>'));
    } else if (what === 7) {
      const shared = await zip.file("xl/sharedStrings.xml")?.async("string");
      if (shared) zip.file("xl/sharedStrings.xml", shared.replace(/<si>[\s\S]*?<\/si>/, ""));
    } else {
      const all = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
      const name = pick(all);
      if (rand() < 0.5) zip.remove(name);
      else {
        const part = await zip.file(name)!.async("uint8array");
        const copy = Uint8Array.from(part);
        for (let i = 0; i < 4; i++) copy[int(copy.length)] = int(256);
        zip.file(name, copy);
      }
    }
  }
  return zip.generateAsync({ type: "uint8array" });
}

// --- the run ---------------------------------------------------------------------------------------------------

let work: string;
let baseText: string;
let baseWorkbook: Uint8Array;

beforeAll(async () => {
  work = tempDir("pipbook-fuzz-");
  baseText = await fs.readFile(EXAMPLE_PLAN, "utf8");
  const parsed = parsePlanJson(baseText);
  if (!parsed.ok) throw new Error("example plan does not parse");
  baseWorkbook = await generateWorkbook(parsed.plan, { language: "zh-CN" });
});

test(`seeded fuzz (seed ${SEED}): ${PLAN_CASES} plan files, ${WORKBOOK_CASES} workbooks, ${CLI_CASES} CLI runs — 0 crashes, 0 stack traces, 0 hangs, every finding placed`, async () => {
  const started = performance.now();
  const plans = tally();
  const valid: unknown[] = [];
  for (let i = 0; i < PLAN_CASES; i++) {
    const produced = await planCase(plans, baseText, i);
    if (produced) valid.push(produced.plan);
  }
  // generate: a sample of the mutated plans that still validate.
  const generated = tally();
  for (const [i, plan] of valid.slice(0, FULL ? 200 : 6).entries()) {
    await timed(generated, `generate #${i}`, async () => {
      await generateWorkbook(plan as Parameters<typeof generateWorkbook>[0], { language: rand() < 0.5 ? "zh-CN" : "en-US" });
    });
  }

  const workbooks = tally();
  const parsed = parsePlanJson(baseText);
  for (let i = 0; i < WORKBOOK_CASES; i++) {
    await timed(workbooks, `workbook #${i}`, async () => {
      const bytes = await mutateWorkbook(baseWorkbook);
      const read = await readWorkbook(bytes, "fuzz.xlsx");
      countFindings(workbooks, read.findings, "xlsx", `workbook #${i}`);
      if (read.plan === null) return;
      if (!read.findings.some((f) => f.code === "PLAN_WINDOW_TOO_LONG")) analyzePlan(read.plan, { asOf: "2024-05-15" });
      // generate -o onto it, as a person reruns generate: merged (or refused in one line).
      if (i % 3 === 0 && parsed.ok) await updateWorkbook(bytes, "fuzz.xlsx", parsed.plan, { language: "zh-CN" });
    });
  }

  // The real bundle: exit codes 0/1/2, one line, no stack trace, JSON parseable.
  const cli = tally();
  for (let i = 0; i < CLI_CASES; i++) {
    await timed(cli, `cli #${i}`, async () => {
      const isWorkbook = i % 2 === 1;
      const file = path.join(work, isWorkbook ? `case-${i}.xlsx` : `case-${i}.json`);
      if (isWorkbook) await fs.writeFile(file, await mutateWorkbook(baseWorkbook));
      else {
        const value = JSON.parse(baseText) as Record<string, unknown>;
        mutatePlanValue(value);
        await fs.writeFile(file, rand() < 0.5 ? mutatePlanBytes(JSON.stringify(value, null, 2)) : JSON.stringify(value, null, 2));
      }
      const command = pick(["validate", "analyze"]);
      const run = await runCli([command, file, "--json", ...(command === "analyze" ? ["--as-of", "2024-05-15"] : [])]);
      if (![0, 1, 2].includes(run.code)) cli.crashes.push(`cli #${i}: exit ${run.code}: ${run.stderr.slice(0, 300)}`);
      if (hasStackTrace(run.stderr) || JS_WORDS.test(run.stderr)) {
        cli.stackTraces++;
        cli.crashes.push(`cli #${i}: ${run.stderr.slice(0, 300)}`);
      }
      if (run.stdout.trim() !== "") JSON.parse(run.stdout);
      else if (run.stderr.trim().split("\n").length > 60) cli.crashes.push(`cli #${i}: more than one line per problem`);
    });
  }

  const seconds = (performance.now() - started) / 1000;
  const row = (name: string, t: Tally) =>
    `${name.padEnd(16)} ${String(t.cases).padStart(5)} cases  ${String(t.crashes.length).padStart(3)} crashes  ${String(t.stackTraces).padStart(3)} stack traces  ${String(t.hangs).padStart(2)} hangs  ${t.placed}/${t.findings} findings placed  ${t.refusedInOneLine} refused in one line  slowest ${Math.round(t.maxMs)} ms`;
  console.log(
    [
      `fuzz seed ${SEED}${FULL ? " (full)" : ""}: ${seconds.toFixed(1)} s`,
      row("plan files", plans),
      row("generate", generated),
      row("workbooks", workbooks),
      row("CLI runs", cli),
    ].join("\n"),
  );
  const all = [plans, generated, workbooks, cli];
  expect(all.flatMap((t) => [...t.crashes, ...t.unplaced])).toEqual([]);
  expect(all.map((t) => [t.stackTraces, t.hangs])).toEqual(all.map(() => [0, 0]));
  expect(plans.findings).toBeGreaterThan(PLAN_CASES / 2);
  expect(workbooks.findings + workbooks.refusedInOneLine).toBeGreaterThan(WORKBOOK_CASES / 3);
});
