/**
 * Office.js members above the manifest's ExcelApi MinVersion need an isSetSupported guard the checker can see
 * (scripts/api-sets.ts says what "see" means). One ts.Program holds the product's scanned files and the planted
 * fixture; docs/API-SETS.md must list every member the same analysis finds, with its set.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SCANNED, apiSetsMarkdown, memberSets, platformTable, compareVersions, createProgram, manifestMinVersion, officeMemberUses, scannedFiles, violations, type MemberUse } from "../../scripts/api-sets";

const root = path.resolve(__dirname, "..", "..");
const fixture = path.join(__dirname, "fixtures", "planted.ts");
const productFiles = scannedFiles(root, SCANNED);
const program = createProgram(root, [...productFiles, fixture]);
const minVersion = manifestMinVersion(readFileSync(path.join(root, "manifest.xml"), "utf8"));
const product = officeMemberUses(program, productFiles, root);
const planted = officeMemberUses(program, [fixture], root);
const fixtureSource = readFileSync(fixture, "utf8").split("\n");
const lineOf = (text: string) => fixtureSource.findIndex((l) => l.includes(text)) + 1;
const inFunction = (uses: MemberUse[], name: string) => {
  const start = lineOf(`function ${name}(`);
  const end = fixtureSource.findIndex((l, i) => i >= start && l === "}") + 1;
  return uses.filter((u) => u.line > start && u.line < end && u.member === "Excel.Range.getDependents");
};

describe("API sets: Office.js members and the manifest's MinVersion", () => {
  test("the manifest asks for ExcelApi 1.14", () => {
    expect(minVersion).toBe("1.14");
  });

  test("the product: every member used is resolved, and none above 1.14 is unguarded", () => {
    expect(productFiles.map((f) => path.relative(root, f))).toEqual(expect.arrayContaining([path.join("src", "excel", "writer.ts"), path.join("src", "host.ts")]));
    const members = new Set(product.map((u) => u.member));
    expect(members.size).toBeGreaterThan(100);
    expect(members).toContain("Excel.Table.resize");
    expect(product.find((u) => u.member === "Excel.Table.resize")?.set).toEqual({ name: "ExcelApi", version: "1.13" });
    expect(product.find((u) => u.member === "Excel.Range.values")?.set).toEqual({ name: "ExcelApi", version: "1.1" });
    expect(violations(product, minVersion).map((v) => v.message)).toEqual([]);
  });

  test("the planted unguarded 1.15 member (Range.getDependents) fails, naming file, line and set", () => {
    const found = violations(planted, minVersion);
    const line = lineOf("return range.getDependents();");
    expect(found.map((v) => v.message)).toEqual([
      `test/api-sets/fixtures/planted.ts:${line}: Excel.Range.getDependents needs ExcelApi 1.15, above the manifest's ExcelApi 1.14, and no isSetSupported("ExcelApi", "1.15") guard covers it`,
      expect.stringContaining(`planted.ts:${lineOf('isSetSupported("ExcelApi", "1.14") ? range.getDependents()')}: Excel.Range.getDependents needs ExcelApi 1.15`),
    ]);
  });

  test("guards it sees: if (isSetSupported ≥), early return on !isSetSupported, a function documented @apiSetGuard", () => {
    expect(inFunction(planted, "guardedByIf").map((u) => u.guard)).toEqual([{ name: "ExcelApi", version: "1.15" }]);
    expect(inFunction(planted, "guardedByEarlyReturn").map((u) => u.guard)).toEqual([{ name: "ExcelApi", version: "1.16" }]);
    expect(inFunction(planted, "guardedByDocumentedFunction").map((u) => u.guard)).toEqual([{ name: "ExcelApi", version: "1.15" }]);
    expect(inFunction(planted, "guardTooLow").map((u) => u.guard)).toEqual([null]);
    expect(inFunction(planted, "unguardedDependents").map((u) => u.guard)).toEqual([null]);
  });

  test("the same planted member passes once the manifest asks for 1.15", () => {
    expect(violations(planted, "1.15")).toEqual([]);
    expect(compareVersions("1.13", "1.9")).toBeGreaterThan(0);
  });

  test("the README's platform table is the one the analysis gives for the manifest's minimum", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).toContain(platformTable(minVersion).join("\n"));
  });

  test("docs/API-SETS.md lists every member used with its set (rewritten here when anything in it changed)", () => {
    const file = path.join(root, "docs", "API-SETS.md");
    const expected = apiSetsMarkdown(product, minVersion);
    const committed = readFileSync(file, "utf8");
    // Where a member is used changes with every edit of the tree and is simply refreshed; a member (or a set) the
    // file does not list yet fails, so that a new Office.js member never reaches a commit unrecorded.
    if (committed !== expected) writeFileSync(file, expected);
    expect(memberSets(committed)).toEqual(memberSets(expected));
    expect(memberSets(expected).length).toBe(new Set(product.map((u) => u.member)).size);
  });
});
