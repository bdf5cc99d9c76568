/**
 * The in-memory Excel as a layer: two doors (index.ts, and hyperformula-engine.ts for the GPL-3.0 engine), no
 * import cycle inside, and nothing behind index.ts that loads HyperFormula (the CLI and the add-in import index.ts).
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const LAYER = path.join(ROOT, "src/memory-excel");
const DOORS = ["index.ts", "hyperformula-engine.ts"].map((f) => path.join(LAYER, f));

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : filesUnder(full);
    return /\.(ts|tsx|mts|mjs|js|cjs)$/.test(e.name) ? [full] : [];
  });
}

/** Every module a file imports (static, dynamic, `import type`, `export … from`, require): specifiers as written. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true).importedFiles.map((f) => f.fileName);
}

/** A relative specifier resolved to a file of the tree, or null for a package. */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const layerFiles = filesUnder(LAYER);
const graph = new Map(layerFiles.map((f) => [f, importsOf(f).map((s) => resolve(f, s)).filter((t): t is string => t !== null && t.startsWith(LAYER))]));
const rel = (f: string) => path.relative(ROOT, f);

describe("src/memory-excel as a layer", () => {
  test("its modules import one another without a cycle (type imports included)", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(" → "));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of layerFiles) visit(file, []);
    expect(cycles).toEqual([]);
  });

  test("from outside it, only index.ts and hyperformula-engine.ts are imported", () => {
    const outside = ["src", "test", "bench", "scripts"].flatMap((d) => filesUnder(path.join(ROOT, d))).filter((f) => !f.startsWith(LAYER + path.sep));
    const reaching = outside.flatMap((file) =>
      importsOf(file)
        .map((s) => resolve(file, s))
        .filter((target): target is string => target !== null && target.startsWith(LAYER + path.sep) && !DOORS.includes(target))
        .map((target) => `${rel(file)} → ${rel(target)}`),
    );
    expect(reaching).toEqual([]);
  });

  test("nothing index.ts reaches imports HyperFormula (only its own door does)", () => {
    const reached = new Set<string>();
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of graph.get(file) ?? []) walk(next);
    };
    walk(DOORS[0]);
    expect(reached.has(DOORS[1])).toBe(false);
    expect([...reached].filter((f) => importsOf(f).some((s) => s === "hyperformula" || s.startsWith("hyperformula/"))).map(rel)).toEqual([]);
    // the check can see an import of HyperFormula where there is one
    expect(importsOf(DOORS[1])).toContain("hyperformula");
  });
});
