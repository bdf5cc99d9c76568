/**
 * Shared by the employee-copy component tests (the preview's download and the copy made in Excel): a plan whose
 * evaluation holds text for HR and the manager only, and the checks that a copy leaves that text out of every part
 * and computes the same attainment for `pipbook analyze` as the original.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import type { Plan } from "../../../src/core/model";
import { sharedSync } from "../../support/run-cache";
import { examplePlan } from "./example";

export const AS_OF = "2024-05-15";

/** Text of the evaluation that is for HR and the manager only (marked so that a search cannot miss it). */
export const SECRETS = { reasons: "Reason-7F3 kept from the employee", notes: "HR-NOTE-9A1 compare with the team", measuresToStandardise: "Measure-2B4 not yet agreed" };

/** The example with an evaluation HR and the manager are still drafting (no date: not decided). */
export function draftingPlan(language: Plan["header"]["language"] = "en-US"): Plan {
  const plan = examplePlan();
  return {
    ...plan,
    header: { ...plan.header, language },
    evaluation: { ...plan.evaluation, date: null, outcome: "partially-met", decision: "extend", extensionEnd: "2024-08-30", ...SECRETS },
  };
}

/** Every part of a package: its name, then its bytes read as UTF-8 and as Latin-1 (so no encoding hides a secret). */
export async function partsText(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    const raw = await zip.files[name].async("uint8array");
    out.push(`${name}\n${new TextDecoder().decode(raw)}\n${Buffer.from(raw).toString("latin1")}`);
  }
  return out;
}

const root = path.join(__dirname, "../../..");

/**
 * The CLI bundle of the jest run (test/cli/harness's, ../../support/run-cache.ts), or one built here. esbuild's
 * JavaScript API cannot build under jsdom: its own executable builds it, with `npm run build:cli`'s options.
 */
function cliBundle(): string {
  const build = (outfile: string) =>
    execFileSync(path.join(root, "node_modules/.bin/esbuild"), ["src/cli/bin.ts", "--bundle", "--platform=node", "--target=node20", "--format=cjs", `--outfile=${outfile}`, "--log-level=warning"], { cwd: root });
  const shared = sharedSync("pipbook.cjs", build);
  if (shared !== null) return shared;
  const outfile = path.join(mkdtempSync(path.join(os.tmpdir(), "pipbook-cli-bundle-")), "pipbook.cjs");
  build(outfile);
  return outfile;
}

async function analyzeOverall(bytes: Uint8Array, dir: string, name: string): Promise<number> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  const { stdout } = await promisify(execFile)(process.execPath, [cliBundle(), "analyze", file, "--json", "--as-of", AS_OF], { cwd: root });
  return (JSON.parse(stdout) as { overall: { attainment: number } }).overall.attainment;
}

/**
 * The original holds every secret; no part of the copy holds any; `pipbook analyze` computes the same overall
 * attainment for both (a number, equal to 1e-9).
 */
export async function expectCopyWithoutSecrets(original: Uint8Array, copy: Uint8Array): Promise<void> {
  const before = (await partsText(original)).join("\n");
  for (const secret of Object.values(SECRETS)) expect(before).toContain(secret);
  const parts = await partsText(copy);
  expect(parts.length).toBeGreaterThan(10);
  for (const part of parts) for (const secret of Object.values(SECRETS)) expect({ part: part.split("\n")[0], found: part.includes(secret) }).toEqual({ part: part.split("\n")[0], found: false });

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pipbook-employee-copy-"));
  try {
    const [overallOriginal, overallCopy] = [await analyzeOverall(original, dir, "plan.xlsx"), await analyzeOverall(copy, dir, "copy.xlsx")];
    expect(typeof overallOriginal).toBe("number");
    expect(overallCopy).toBeCloseTo(overallOriginal, 9);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
