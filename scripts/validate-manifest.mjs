#!/usr/bin/env node
// Offline manifest check (`npm run validate:offline [path]`): XSD validation with xmllint-wasm, in-process,
// against the schema-1.1 XSDs in ../shared/schemas/office-addin-manifest, plus a resid → resource id check
// the XSD cannot express. `npm run validate` (office-addin-manifest) needs Microsoft's online service instead.
// Exit codes: 0 valid, 1 invalid, 2 could not run (file or schemas missing).
import { readFile, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schemaDir = path.resolve(repoRoot, "..", "shared", "schemas", "office-addin-manifest");
const ENTRY_SCHEMA = "OfficeAppManifestV1_1.xsd";

function lineOf(text, index) {
  return text.slice(0, index).split("\n").length;
}

/** Every resid="X" must name a bt:Image/bt:Url/bt:String with id="X" under <Resources>. */
function unresolvedResourceIds(xml) {
  const resourcesStart = xml.indexOf("<Resources");
  const declared = new Set();
  if (resourcesStart >= 0) {
    for (const m of xml.slice(resourcesStart).matchAll(/<bt:(?:Image|Url|String)\s[^>]*\bid="([^"]+)"/g)) {
      declared.add(m[1]);
    }
  }
  const problems = [];
  for (const m of xml.matchAll(/\bresid="([^"]+)"/g)) {
    if (!declared.has(m[1])) {
      problems.push({ line: lineOf(xml, m.index), message: `resid "${m[1]}" has no matching resource under <Resources>` });
    }
  }
  return problems;
}

export async function validateManifest(manifestPath) {
  const entry = path.join(schemaDir, ENTRY_SCHEMA);
  if (!existsSync(entry)) {
    return { ran: false, problems: [{ line: null, message: `schema not found: ${entry} (CI clones ../shared beside the repository)` }] };
  }
  const xml = await readFile(manifestPath, "utf8");
  const schemaFiles = (await readdir(schemaDir)).filter((f) => f.endsWith(".xsd")).sort();
  const load = async (fileName) => ({ fileName, contents: await readFile(path.join(schemaDir, fileName), "utf8") });
  const result = await validateXML({
    xml: [{ fileName: path.basename(manifestPath), contents: xml }],
    schema: [await load(ENTRY_SCHEMA)],
    preload: await Promise.all(schemaFiles.filter((f) => f !== ENTRY_SCHEMA).map(load)),
  });
  const problems = [];
  for (const e of result.errors) {
    const previous = problems[problems.length - 1];
    // xmllint prints the offending source line after a parser error, without a location: keep it as context.
    if (!e.loc && previous) previous.message += `\n    ${e.message.trim()}`;
    else problems.push({ line: e.loc?.lineNumber ?? null, message: e.message.trim() });
  }
  if (result.valid) problems.push(...unresolvedResourceIds(xml));
  return { ran: true, problems };
}

async function main() {
  const manifestPath = path.resolve(process.argv[2] ?? path.join(repoRoot, "manifest.xml"));
  const shown = path.relative(process.cwd(), manifestPath) || manifestPath;
  if (!existsSync(manifestPath)) {
    console.error(`${shown}: file not found`);
    return 2;
  }
  const { ran, problems } = await validateManifest(manifestPath);
  if (!ran) {
    console.error(problems[0].message);
    return 2;
  }
  if (problems.length === 0) {
    console.log(`${shown}: valid (schema ${ENTRY_SCHEMA})`);
    return 0;
  }
  for (const p of problems) console.error(`${shown}:${p.line ?? "?"}: ${p.message}`);
  console.error(`${shown}: invalid, ${problems.length} problem(s)`);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`validate-manifest: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
