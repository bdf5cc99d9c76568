// noUncheckedIndexedAccess, folder by folder (issue 13): compiles with tsconfig.strict.json and fails on an error in
// any file its `include` covers (less its `exclude`). A covered folder imports uncovered ones, which TypeScript
// checks with the same flag; their errors are counted, not failed on, until their folder is added to the list.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const config = JSON.parse(readFileSync(path.join(root, "tsconfig.strict.json"), "utf8"));
const under = (file, entries) => (entries ?? []).some((entry) => file === entry || file.startsWith(entry.replace(/\/$/, "") + "/"));
const covered = (file) => under(file, config.include) && !under(file, config.exclude);

let output = "";
try {
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "--pretty", "false", "-p", "tsconfig.strict.json"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
} catch (error) {
  output = `${error.stdout ?? ""}${error.stderr ?? ""}`;
  if (!/error TS\d+/.test(output)) throw error;
}

// "src/core/x.ts(12,5): error TS2532: …" — one diagnostic per first line; continuation lines are indented.
const diagnostics = [];
for (const line of output.split("\n")) {
  const m = /^(.+?)\(\d+,\d+\): error TS\d+/.exec(line);
  if (m) diagnostics.push({ file: m[1].split(path.sep).join("/"), text: [line] });
  else if (line.startsWith(" ") && diagnostics.length > 0) diagnostics[diagnostics.length - 1].text.push(line);
  else if (/error TS\d+/.test(line)) diagnostics.push({ file: "", text: [line] });
}
const failing = diagnostics.filter((d) => d.file === "" || covered(d.file));
const elsewhere = diagnostics.length - failing.length;
for (const d of failing) console.error(d.text.join("\n"));
const scope = `${config.include.join(", ")}${config.exclude?.length ? ` (less ${config.exclude.join(", ")})` : ""}`;
if (failing.length > 0) {
  console.error(`\nnoUncheckedIndexedAccess: ${failing.length} error(s) in ${scope}.`);
  process.exit(1);
}
console.log(`noUncheckedIndexedAccess: ${scope} pass (${elsewhere} error(s) in folders not yet covered).`);
