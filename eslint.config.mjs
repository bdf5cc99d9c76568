// ESLint flat config: @eslint/js + typescript-eslint recommended, the Office add-in rules, and the house's
// layer rules (who may import whom — docs/ARCHITECTURE.md's layer table —, who may touch the Office/Excel globals,
// no clock reads in the core).
import path from "node:path";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// eslint-plugin-office-addins 4 exposes flat arrays (configs.recommended/react/test), but they register their own
// nested copy of @typescript-eslint (8.8) and prettier/prettier; ESLint refuses a plugin name bound twice, so we take
// the plugin and its office-addins/* rule settings from its recommended config and leave the rest.
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

const OFFICE_GLOBALS_ALLOWED = ["src/excel/**", "src/host.ts", "src/commands/**", "src/taskpane/index.tsx"];
const officeGlobalMessage =
  "only src/excel/** (the Office.js writer/reader), src/host.ts, src/commands/** and src/taskpane/index.tsx may use the Office/Excel globals; go through WorkbookPort or detectHost().";

// ---- The layer table (docs/ARCHITECTURE.md "Layers"), as data: a folder of src/ → the folders of src/ it may import.
// An allow-list, so a new folder is forbidden to everyone until the table (and this) says who may use it. Checked on
// every static import, re-export and dynamic import() by the local rule `pipbook/layers` below; the table in
// ARCHITECTURE.md is this object written out.
const OURS = ["a1", "i18n", "core", "workbook", "port", "excel", "memory-excel", "taskpane", "preview", "cli", "host", "commands"];
const LAYERS = {
  a1: { may: [], packages: [] },
  i18n: { may: [], packages: [] },
  core: { may: ["i18n", "a1"], packages: ["zod", "ical-generator", "@noble/hashes"] },
  workbook: { may: ["core", "i18n", "a1"], packages: [] },
  port: { may: ["core", "i18n"], packages: [] },
  excel: { may: ["core", "workbook", "i18n", "a1", "port"] },
  "memory-excel": { may: ["a1"], packages: ["hyperformula"] },
  // The task pane sees a workbook only through the port contract, and only its types.
  taskpane: { may: ["core", "i18n", "a1", "port", "host"], typesOnly: ["port"] },
  // The preview's "Download/Open .xlsx" uses the CLI's .xlsx writer and reader (loaded on demand), nothing else of it.
  preview: { may: OURS.filter((l) => l !== "cli"), mayPaths: ["src/cli/xlsx/"] },
  cli: { may: OURS.filter((l) => l !== "taskpane" && l !== "preview"), forbiddenPackages: ["react", "react-dom", "@fluentui"] },
  host: { may: [] },
  commands: { may: ["host", "i18n"] },
};
// The host entry points create the Office.js port, as they are the only ones to detect the host (see
// OFFICE_GLOBALS_ALLOWED): src/taskpane/index.tsx loads src/excel/office-port.ts on demand.
// And ONE file of src/excel may import the CLI's employee-copy builder, its .xlsx reader and the in-memory Excel
// (engine-less): the lazy chunk behind Excel's "A copy for the employee" (issue 17), loaded by office-port.ts with
// import() on click only — so the in-memory Excel and ExcelJS stay out of the first scripts, and webpack's
// FORBIDDEN_IN_ADDIN still keeps HyperFormula out of every chunk.
const LAYER_EXCEPTIONS = {
  "src/taskpane/index.tsx": ["src/excel/office-port"],
  "src/excel/employee-copy-build.ts": ["src/cli/xlsx/employee-copy", "src/cli/xlsx/read-xlsx", "src/memory-excel"],
};
// What ships in the add-in never pulls in HyperFormula (GPL-3.0: preview and tests only) nor the in-memory Excel.
const SHIPPED = ["a1", "i18n", "core", "workbook", "port", "excel", "taskpane", "host", "commands"];
// The in-memory Excel is imported through src/memory-excel/index.ts (and its HyperFormula engine's own entry) only.
const STAND_IN_ENTRIES = ["src/memory-excel", "src/memory-excel/index", "src/memory-excel/hyperformula-engine"];

const packageName = (spec) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
const layerOf = (file) => {
  const [top, first] = file.split("/");
  if (top !== "src" || first === undefined) return null;
  return first.replace(/\.(tsx?|mjs|js)$/, "");
};

const layersRule = {
  meta: {
    type: "problem",
    docs: { description: "imports follow docs/ARCHITECTURE.md's layer table" },
    schema: [],
    messages: {
      layer: "src/{{from}} may not import src/{{to}} (docs/ARCHITECTURE.md's layer table: src/{{from}} may import {{allowed}}).",
      typesOnly: "src/{{from}} may import only types from src/{{to}}: write `import type`.",
      pkg: "src/{{from}} may not import the package {{pkg}} (docs/ARCHITECTURE.md's layer table).",
      shipped: "{{pkg}} must not reach the shipped add-in (HyperFormula is GPL-3.0, the in-memory Excel is for the preview, CLI and tests).",
      standIn: "import the in-memory Excel through src/memory-excel (its index.ts) or src/memory-excel/hyperformula-engine, not its internals ({{to}}).",
    },
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join("/");
    const from = layerOf(file);
    const rules = from ? LAYERS[from] : undefined;
    const check = (node, source, typeOnly) => {
      if (!source || typeof source.value !== "string") return;
      const spec = source.value;
      if (!spec.startsWith(".")) {
        const pkg = packageName(spec);
        if (from && SHIPPED.includes(from) && pkg === "hyperformula") context.report({ node, messageId: "shipped", data: { pkg } });
        else if (rules?.packages && !spec.startsWith("node:") && !rules.packages.includes(pkg)) context.report({ node, messageId: "pkg", data: { from, pkg } });
        else if (rules?.forbiddenPackages?.includes(pkg)) context.report({ node, messageId: "pkg", data: { from, pkg } });
        return;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.(tsx?|mjs|js)$/, "");
      const to = layerOf(target);
      if (to === "memory-excel" && from !== "memory-excel" && !STAND_IN_ENTRIES.includes(target)) {
        context.report({ node, messageId: "standIn", data: { to: target } });
      }
      if (!from || !rules || !to || to === from) return;
      if (LAYER_EXCEPTIONS[file]?.includes(target) || rules.mayPaths?.some((p) => target.startsWith(p))) return;
      if (SHIPPED.includes(from) && to === "memory-excel") {
        context.report({ node, messageId: "shipped", data: { pkg: "src/memory-excel" } });
        return;
      }
      if (!rules.may.includes(to)) {
        context.report({ node, messageId: "layer", data: { from, to, allowed: rules.may.length ? rules.may.map((l) => `src/${l}`).join(", ") : "nothing of ours" } });
      } else if (rules.typesOnly?.includes(to) && !typeOnly) {
        context.report({ node, messageId: "typesOnly", data: { from, to } });
      }
    };
    const allTypes = (node) =>
      node.importKind === "type" || node.exportKind === "type" || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type"));
    return {
      ImportDeclaration: (node) => check(node, node.source, allTypes(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, allTypes(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === "type"),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source : null, false),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, true),
    };
  },
};

export default tseslint.config(
  { ignores: ["dist/**", "dist-preview/**", "node_modules/**", "coverage/**", "test-results/**", ".tmp/**", ".scratch*/**", "bench/results.json"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeAddinsRules,
      // Kept visible but not failing: both misread a navigation property kept in a local (`const dv =
      // range.dataValidation; dv.rule = …`) as a scalar read needing load + sync (Office-Addin-Scripts#730, #940).
      "office-addins/call-sync-before-read": "warn",
      "office-addins/load-object-before-read": "warn",
      // House settings: control characters in regexes are deliberate here (cleaning cell text, sentinel markers);
      // `const self = this` for getters in object literals; `cond ? a() : b()` and `x && f()` as statements;
      // a leading underscore marks an intentionally unused binding.
      "no-control-regex": "off",
      "@typescript-eslint/no-this-alias": ["error", { allowedNames: ["self"] }],
      "@typescript-eslint/no-unused-expressions": ["error", { allowTernary: true, allowShortCircuit: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["src/**/*.{ts,tsx,mjs,js}", "test/**/*.{ts,tsx,mjs,js}", "bench/**/*.{ts,mjs}", "scripts/**/*.{ts,mjs}"],
    plugins: { pipbook: { rules: { layers: layersRule } } },
    rules: { "pipbook/layers": "error" },
  },
  { files: ["**/*.tsx"], ...reactHooks.configs["recommended-latest"] },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs", "scripts/**", "bench/**", "src/cli/**"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["test/**"],
    languageOptions: { globals: { ...globals.node, ...globals.jest, ...globals.browser } },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: OFFICE_GLOBALS_ALLOWED,
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Office", message: officeGlobalMessage },
        { name: "Excel", message: officeGlobalMessage },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "src/core is clock-free: take the date (e.g. asOf) as a parameter instead of Date.now().",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "src/core is clock-free: take the date (e.g. asOf) as a parameter instead of new Date().",
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: "src/core is clock-free: Date() reads the clock; take the date as a parameter.",
        },
      ],
    },
  },
);
