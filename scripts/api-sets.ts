/**
 * Which Office.js members the add-in uses, and which requirement set each needs (`npm run api-sets` writes
 * docs/API-SETS.md; test/api-sets/api-sets.test.ts fails when a member is above the manifest's MinVersion and
 * unguarded, and when docs/API-SETS.md is stale).
 *
 * How: one ts.Program over the scanned files; every property access, call, `new` and object-literal property
 * (against its contextual type, e.g. `Excel.WorksheetProtectionOptions`) is resolved by the checker to its
 * declaration; when that lies in @types/office-js, the `[Api set: ExcelApi 1.x]` tag of its JSDoc is read
 * (the member's own, else its class's or enum's).
 *
 * What counts as a guard the checker can "see" (a use of a member of set S version V is guarded when):
 *  1. it lies in the then-branch of an `if`, the true branch of `?:`, or the right of `&&`, whose condition
 *     contains a guard for S ≥ V; or
 *  2. it follows, in the same or an enclosing block, an `if (!guard) return|throw …;` whose guard is for S ≥ V.
 * A guard is a call `….isSetSupported("S", "V'")` with string literals (Office.context.requirements.isSetSupported,
 * https://learn.microsoft.com/en-us/javascript/api/office/office.requirementsetsupport), or a call of a function or
 * variable whose declaration's JSDoc says `@apiSetGuard S V'`.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface ApiSet {
  name: string;
  version: string;
}

export interface MemberUse {
  /** "Excel.Table.resize", "Excel.Range.values", … */
  member: string;
  /** null: the declaration has no [Api set: …] tag (OfficeExtension, Office common API). */
  set: ApiSet | null;
  /** repository-relative path */
  file: string;
  line: number;
  /** The guard that covers this use, when one does. */
  guard: ApiSet | null;
}

export interface ApiSetViolation extends MemberUse {
  message: string;
}

const OFFICE_TYPES = `${path.sep}@types${path.sep}office-js${path.sep}index.d.ts`;
const API_SET = /\[Api set: ([A-Za-z]+) (\d+(?:\.\d+)?)/;
const GUARD_TAG = /@apiSetGuard\s+([A-Za-z]+)\s+(\d+(?:\.\d+)?)/;

/** "1.13" < "1.9" is false: compares dotted versions numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Every .ts/.tsx file under the given repository paths (files or folders). */
export function scannedFiles(root: string, entries: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(path.join(p, name));
    } else if (/\.tsx?$/.test(p) && !p.endsWith(".d.ts")) out.push(p);
  };
  for (const entry of entries) visit(path.join(root, entry));
  return out;
}

/** One program with the repository's compiler options over `files` (and what they import). */
export function createProgram(root: string, files: readonly string[]): ts.Program {
  const configPath = path.join(root, "tsconfig.json");
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  return ts.createProgram({ rootNames: [...files], options: { ...parsed.options, noEmit: true } });
}

/** The ExcelApi MinVersion the manifest asks for. */
export function manifestMinVersion(manifestXml: string, setName = "ExcelApi"): string {
  const m = new RegExp(`<Set\\s+Name="${setName}"\\s+MinVersion="([^"]+)"`).exec(manifestXml);
  if (!m) throw new Error(`manifest has no <Set Name="${setName}" MinVersion=…>`);
  return m[1];
}

function jsDocText(node: ts.Node): string {
  const full = node.getSourceFile().getFullText();
  return ts
    .getLeadingCommentRanges(full, node.getFullStart())
    ?.map((r) => full.slice(r.pos, r.end))
    .join("\n") ?? "";
}

function apiSetOf(decl: ts.Declaration): ApiSet | null {
  for (let node: ts.Node | undefined = decl; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isModuleBlock(node) || ts.isModuleDeclaration(node)) break;
    const m = API_SET.exec(jsDocText(node));
    if (m) return { name: m[1], version: m[2] };
    // Only a member's own comment and its container's (class, interface, enum) count.
    if (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isEnumDeclaration(node)) break;
  }
  return null;
}

function qualifiedName(decl: ts.Declaration, checker: ts.TypeChecker): string {
  const symbol = (decl as { symbol?: ts.Symbol }).symbol;
  if (symbol) return checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, "").replace(/^__type\./, "(object type).");
  return decl.getText().slice(0, 40);
}

function guardInCondition(condition: ts.Expression, checker: ts.TypeChecker): ApiSet[] {
  const found: ApiSet[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
      const [a, b] = node.arguments;
      if (name === "isSetSupported" && a && b && ts.isStringLiteralLike(a) && ts.isStringLiteralLike(b)) {
        found.push({ name: a.text, version: b.text });
      } else {
        let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const d of symbol?.declarations ?? []) {
          const holder = ts.isVariableDeclaration(d) ? d.parent.parent : d;
          const m = GUARD_TAG.exec(jsDocText(holder)) ?? GUARD_TAG.exec(jsDocText(d));
          if (m) found.push({ name: m[1], version: m[2] });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(condition);
  return found;
}

function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

/** The guards that cover `node` (see the module comment for what is seen). */
function guardsAt(node: ts.Node, checker: ts.TypeChecker): ApiSet[] {
  const guards: ApiSet[] = [];
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child === parent.thenStatement) guards.push(...guardInCondition(parent.expression, checker));
    if (ts.isConditionalExpression(parent) && child === parent.whenTrue) guards.push(...guardInCondition(parent.condition, checker));
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right) {
      guards.push(...guardInCondition(parent.left, checker));
    }
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (
          ts.isIfStatement(statement) &&
          !statement.elseStatement &&
          exits(statement.thenStatement) &&
          ts.isPrefixUnaryExpression(statement.expression) &&
          statement.expression.operator === ts.SyntaxKind.ExclamationToken
        ) {
          guards.push(...guardInCondition(statement.expression.operand, checker));
        }
      }
    }
  }
  return guards;
}

function covers(guards: ApiSet[], set: ApiSet): ApiSet | null {
  return guards.find((g) => g.name === set.name && compareVersions(g.version, set.version) >= 0) ?? null;
}

/** Every use of an Office.js member in `files` (absolute paths, all in `program`). */
export function officeMemberUses(program: ts.Program, files: readonly string[], root: string): MemberUse[] {
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];
  for (const fileName of files) {
    const source = program.getSourceFile(fileName);
    if (!source) throw new Error(`${fileName} is not in the program`);
    const file = path.relative(root, fileName).split(path.sep).join("/");
    const record = (at: ts.Node, decl: ts.Declaration | undefined) => {
      if (!decl || !decl.getSourceFile().fileName.split("/").join(path.sep).endsWith(OFFICE_TYPES)) return;
      const set = apiSetOf(decl);
      const line = source.getLineAndCharacterOfPosition(at.getStart(source)).line + 1;
      uses.push({ member: qualifiedName(decl, checker), set, file, line, guard: set ? covers(guardsAt(at, checker), set) : null });
    };
    const declOf = (name: ts.Node, call?: ts.CallLikeExpression): ts.Declaration | undefined => {
      if (call) {
        const signature = checker.getResolvedSignature(call)?.declaration;
        if (signature && !ts.isJSDocSignature(signature)) return signature;
      }
      let symbol = checker.getSymbolAtLocation(name);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    };
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const call = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : undefined;
        record(node.name, declOf(node.name, call));
      } else if (ts.isNewExpression(node)) {
        record(node.expression, declOf(node.expression, node));
      } else if (ts.isObjectLiteralExpression(node)) {
        const contextual = checker.getContextualType(node);
        if (contextual) {
          for (const property of node.properties) {
            if (!property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
            const target = checker.getPropertyOfType(contextual, property.name.text);
            record(property.name, target?.valueDeclaration ?? target?.declarations?.[0]);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** The uses above `minVersion` of `setName` that no visible guard covers; other sets (ExcelApiOnline, …) always need one. */
export function violations(uses: readonly MemberUse[], minVersion: string, setName = "ExcelApi"): ApiSetViolation[] {
  return uses
    .filter((u) => u.set !== null && !u.guard && (u.set.name !== setName || compareVersions(u.set.version, minVersion) > 0))
    .map((u) => ({
      ...u,
      message: `${u.file}:${u.line}: ${u.member} needs ${u.set!.name} ${u.set!.version}, above the manifest's ${setName} ${minVersion}, and no isSetSupported("${u.set!.name}", "${u.set!.version}") guard covers it`,
    }));
}

/**
 * Where each ExcelApi version is available (Microsoft's "Excel JavaScript API requirement sets" page,
 * https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets, read 2026-12-01).
 * Windows: Microsoft 365 subscription build / perpetual Office version; Office 2016 and 2019 are out of support.
 */
export const PLATFORMS: Record<string, { web: string; windows: string; perpetual: string; mac: string; ipad: string }> = {
  "1.12": { web: "yes", windows: "Version 2008 (Build 13127.20408)", perpetual: "Office 2021: Version 2008 (Build 13127.20408)", mac: "16.40", ipad: "16.40" },
  "1.13": { web: "yes", windows: "Version 2102 (Build 13801.20738)", perpetual: "Office 2021: Version 2102 (Build 13801.20738)", mac: "16.50", ipad: "16.50" },
  "1.14": { web: "yes", windows: "Version 2108 (Build 14326.20508)", perpetual: "Office 2021: Version 2108 (Build 14326.20508)", mac: "16.52", ipad: "16.53" },
  "1.15": { web: "yes", windows: "Version 2202 (Build 14931.20132)", perpetual: "Office 2024: Version 2202 (Build 14931.20132)", mac: "16.58", ipad: "16.59" },
  "1.16": { web: "yes", windows: "Version 2208 (Build 15601.20148)", perpetual: "Office 2024: Version 2208 (Build 15601.20148)", mac: "16.64", ipad: "16.66" },
  "1.17": { web: "yes", windows: "Version 2302 (Build 16130.20332)", perpetual: "Office 2024: Version 2302 (Build 16130.20332)", mac: "16.70", ipad: "16.70" },
};

/** Where the manifest's ExcelApi minimum runs, as Markdown table lines (docs/API-SETS.md and the README carry it). */
export function platformTable(minVersion: string): string[] {
  const platform = PLATFORMS[minVersion];
  return [
    "| Windows (Microsoft 365) | Windows (perpetual) | Mac | Excel on the web | iPad |",
    "|---|---|---|---|---|",
    platform
      ? `| ${platform.windows} or later | ${platform.perpetual} or later | ${platform.mac} or later | ${platform.web === "yes" ? "supported" : platform.web} | ${platform.ipad} or later |`
      : `| see Microsoft's page for ExcelApi ${minVersion} | | | | |`,
  ];
}

/** docs/API-SETS.md: the platform table for the manifest's MinVersion, then every member with its set and uses. */
export function apiSetsMarkdown(uses: readonly MemberUse[], minVersion: string): string {
  const byMember = new Map<string, MemberUse[]>();
  for (const u of uses) byMember.set(u.member, [...(byMember.get(u.member) ?? []), u]);
  const tagged = [...byMember.values()].filter((list) => list[0].set !== null);
  const excel = tagged.filter((list) => list[0].set!.name === "ExcelApi");
  const highest = excel.map((l) => l[0].set!.version).sort(compareVersions).pop() ?? "1.1";
  const above = excel.filter((l) => compareVersions(l[0].set!.version, minVersion) > 0);
  const guarded = [...byMember.values()].filter((l) => l.some((u) => u.guard));
  const rows = [...byMember.entries()].sort(([a, la], [b, lb]) => {
    const va = la[0].set ? la[0].set.version : "0";
    const vb = lb[0].set ? lb[0].set.version : "0";
    return compareVersions(vb, va) || a.localeCompare(b);
  });
  // Files, not lines: the table changes when what is used changes, not with every edit above a use.
  const where = (list: MemberUse[]) => [...new Set(list.map((u) => u.file))].sort().join(", ");
  return [
    "# Office.js requirement sets used by PIPbook",
    "",
    "Generated by `npm run api-sets` (scripts/api-sets.ts); `test/api-sets/api-sets.test.ts` rewrites it when anything in it",
    "changed, and fails when a member or its set is missing here (commit the rewritten file) or when a member above the",
    "manifest's minimum is used without an `isSetSupported` guard the checker can see.",
    "Scanned: `src/excel/`, `src/taskpane/`, `src/host.ts`. Each member is resolved by the TypeScript checker to its",
    "declaration in `@types/office-js` and its `[Api set: …]` tag is read there.",
    "",
    `- Manifest minimum: **ExcelApi ${minVersion}** (\`<Set Name="ExcelApi" MinVersion="${minVersion}"/>\` in manifest.xml).`,
    `- Members used: **${byMember.size}** (${tagged.length} with an \`[Api set]\` tag); highest ExcelApi set used: **${highest}**.`,
    `- Above the minimum: ${above.length === 0 ? "none" : above.map((l) => `${l[0].member} (${l[0].set!.version})`).join(", ")}.`,
    `- Behind an isSetSupported guard: ${guarded.length === 0 ? "none" : guarded.map((l) => l[0].member).join(", ")}.`,
    "",
    `## Where ExcelApi ${minVersion} runs`,
    "",
    "From Microsoft's [Excel JavaScript API requirement sets](https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets);",
    "Office 2016 and Office 2019 are out of support and do not have it.",
    "",
    ...platformTable(minVersion),
    "",
    "## Members",
    "",
    "| member | set | where used |",
    "|---|---|---|",
    ...rows.map(([member, list]) => `| \`${member}\` | ${list[0].set ? `${list[0].set.name} ${list[0].set.version}` : "—"} | ${where(list)} |`),
    "",
  ].join("\n");
}

/** The "member | set" pairs of an API-SETS.md table (its "where used" column left out), sorted. */
export function memberSets(markdown: string): string[] {
  return [...markdown.matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)].map((m) => `${m[1]} → ${m[2].trim()}`).sort();
}

export const SCANNED = ["src/excel", "src/taskpane", "src/host.ts"] as const;

/** `npm run api-sets`: writes docs/API-SETS.md; exits 1 when a member is unguarded above the minimum. */
async function main(): Promise<number> {
  const root = path.resolve(__dirname, "..");
  const files = scannedFiles(root, SCANNED);
  const program = createProgram(root, files);
  const uses = officeMemberUses(program, files, root);
  const minVersion = manifestMinVersion(readFileSync(path.join(root, "manifest.xml"), "utf8"));
  const { writeFileSync } = await import("node:fs");
  writeFileSync(path.join(root, "docs", "API-SETS.md"), apiSetsMarkdown(uses, minVersion));
  const bad = violations(uses, minVersion);
  for (const v of bad) console.error(v.message);
  console.log(`docs/API-SETS.md: ${new Set(uses.map((u) => u.member)).size} members, minimum ExcelApi ${minVersion}, ${bad.length} unguarded above it`);
  return bad.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`api-sets: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
