/**
 * @jest-environment jsdom
 *
 * "Build for your URL": one production build of the add-in (both pages, their scripts stubbed) for
 * https://hr.contoso.com/pipbook/ with a new add-in Id, then `npm run package` over it. The package step validates the manifest offline, so this file needs
 * the XSDs in ../shared/schemas/office-addin-manifest (CI clones ../shared beside the repository).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import webpack from "webpack";
import { sharedPath } from "../support/shared";

interface WebpackConfigModule {
  createConfig(options: Record<string, unknown>): webpack.Configuration;
  addinPages: unknown[];
  urls: { urlDev: string; urlProd: string };
  resolveBaseUrl(value: string | undefined): string;
  resolveAddinId(value: string | undefined): string | null;
  productionManifest(text: string, options: { baseUrl?: string; addinId?: string | null }): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config: WebpackConfigModule = require("../../webpack.config.js");

const root = path.resolve(__dirname, "..", "..");
const schemaDir = path.resolve(root, "..", "shared", "schemas", "office-addin-manifest");
const BASE = "https://hr.contoso.com/pipbook/";
const ADDIN_ID = "5d7e3c1a-9b2f-4e8d-a6c4-1f0b2e3d4c5a";
const scratch: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `pipbook-${name}-`));
  scratch.push(dir);
  return dir;
};
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const XSI = "http://www.w3.org/2001/XMLSchema-instance";
/** Every attribute value and text node of the manifest that is a URL (http, https, or protocol-relative). */
function urlsIn(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  const urls: string[] = [];
  const walk = (node: Element) => {
    for (const attr of Array.from(node.attributes)) if (attr.namespaceURI !== XSI && !attr.name.startsWith("xmlns") && /^(https?:)?\/\//i.test(attr.value)) urls.push(attr.value);
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === child.TEXT_NODE && /^\s*(https?:)?\/\//i.test(child.textContent ?? "")) urls.push(child.textContent!.trim());
      if (child.nodeType === child.ELEMENT_NODE) walk(child as Element);
    }
  };
  walk(doc.documentElement);
  return urls;
}

let dist = "";
let buildErrors: string[] = [];
beforeAll(async () => {
  dist = tempDir("dist");
  // The real config and pages (their HTML templates, the manifest's transform, the copied assets), each page's
  // script a stub: nothing here reads the scripts (the manifest, the pages' names and the zip are what change with
  // the base URL), and compiling and minifying the pane's React + Fluent code was 20 of this file's 22 s of CPU.
  // `npm run build` (a step of `npm test`) compiles the real entries with the same createConfig.
  const pages = (config.addinPages as { name: string }[]).map((page) => ({ ...page, entry: path.join(__dirname, "fixtures", "page-stub.ts") }));
  expect(pages.map((p) => p.name)).toEqual(["taskpane", "commands"]);
  const build = config.createConfig({ name: "addin", pages, mode: "production", outputPath: dist, copyAddinFiles: true, baseUrl: BASE, addinId: ADDIN_ID });
  build.optimization = { ...build.optimization, minimize: false };
  // Run, then close the compiler (https://webpack.js.org/api/node/#run: "Don't forget to close the compiler"): an unclosed one
  // keeps its idle work and handles, and jest had to force its worker to exit.
  const compiler = webpack(build);
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((error, result) => compiler.close((closeError) => (error || closeError || !result ? reject(error ?? closeError) : resolve(result)))),
  );
  buildErrors = stats.compilation.errors.map((e) => e.message);
}, 240_000);

describe("PIPBOOK_BASE_URL / PIPBOOK_ADDIN_ID: the production manifest", () => {
  test("the build for https://hr.contoso.com/pipbook/ succeeds", () => {
    expect(buildErrors).toEqual([]);
  });

  test("every URL in dist/manifest.xml (SourceLocation, icons, SupportUrl, commands, LearnMore) starts with the base URL", () => {
    const urls = urlsIn(readFileSync(path.join(dist, "manifest.xml"), "utf8"));
    const source = urlsIn(readFileSync(path.join(root, "manifest.xml"), "utf8"));
    expect(urls).toHaveLength(source.length);
    expect(urls.length).toBeGreaterThanOrEqual(9);
    expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
    for (const name of ["taskpane.html", "commands.html", "support.html", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]) {
      expect(urls).toContain(`${BASE}${name}`);
      expect(existsSync(path.join(dist, name))).toBe(true);
    }
  });

  test("the SupportUrl is the base URL's support.html", () => {
    expect(readFileSync(path.join(dist, "manifest.xml"), "utf8")).toContain(`<SupportUrl DefaultValue="${BASE}support.html"/>`);
  });

  test("PIPBOOK_ADDIN_ID replaces <Id>; without it the manifest keeps its own Id", () => {
    const built = readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(/<Id>([^<]+)<\/Id>/.exec(built)?.[1]).toBe(ADDIN_ID);
    const source = readFileSync(path.join(root, "manifest.xml"), "utf8");
    const ownId = /<Id>([^<]+)<\/Id>/.exec(source)?.[1];
    expect(/<Id>([^<]+)<\/Id>/.exec(config.productionManifest(source, { baseUrl: BASE }))?.[1]).toBe(ownId);
    expect(() => config.resolveAddinId("not-a-guid")).toThrow(/PIPBOOK_ADDIN_ID must be a GUID/);
    expect(config.resolveAddinId(undefined)).toBeNull();
  });

  test("the base URL gets its trailing slash; no PIPBOOK_BASE_URL means the placeholder", () => {
    expect(config.resolveBaseUrl("https://hr.contoso.com/pipbook")).toBe(BASE);
    expect(config.resolveBaseUrl(undefined)).toBe(config.urls.urlProd);
    expect(() => config.resolveBaseUrl("https://hr.contoso.com/pipbook/?v=1")).toThrow(/without query/);
  });

  test("`npm run build` with an http:// URL fails with one line that says why", () => {
    const run = spawnSync(process.execPath, [path.join(root, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, PIPBOOK_BASE_URL: "http://hr.contoso.com/pipbook/" },
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual([expect.stringContaining('PIPBOOK_BASE_URL must start with https:// (Office loads add-in pages only over HTTPS), got "http://hr.contoso.com/pipbook/"')]);
    expect(run.stdout).toBe("");
  });
});

describe("npm run package", () => {
  const packageScript = path.join(root, "scripts", "package.mjs");
  const runPackage = (distDir: string, outDir: string) => {
    const run = spawnSync(process.execPath, [packageScript, "--dist", distDir, "--out", outDir], { cwd: root, encoding: "utf8" });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  };

  // Without them the package step refuses (exit 2) instead of shipping an unvalidated manifest: every test here
  // fails with the sentence naming the missing path.
  beforeAll(() => sharedPath("schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd"));

  test("needs the offline manifest schemas (../shared/schemas/office-addin-manifest)", () => {
    expect({ schemaDir, present: existsSync(path.join(schemaDir, "OfficeAppManifestV1_1.xsd")) }).toEqual({ schemaDir, present: true });
  });

  test("writes pipbook-<version>.zip holding exactly what its INSTALL.txt lists", async () => {
    const out = tempDir("zip");
    const { status, output } = runPackage(dist, out);
    expect(output).toMatch(/pipbook-\d+\.\d+\.\d+\.zip: \d+ files, \d+ bytes, for https:\/\/hr\.contoso\.com\/pipbook\//);
    expect(status).toBe(0);
    const version = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version as string;
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, `pipbook-${version}.zip`)));
    const entries = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name).sort();
    const install = await zip.file("INSTALL.txt")!.async("string");
    const listed = install.split("Contents of this zip / 压缩包内容:\n")[1].split("\n").filter((l) => l.startsWith("  ")).map((l) => l.trim()).sort();
    expect(entries).toEqual(listed);
    expect(entries).toEqual(expect.arrayContaining(["INSTALL.txt", "DEPLOY.md", "manifest.xml", "dist/taskpane.html", "dist/commands.html", "dist/support.html", "dist/assets/icon-80.png"]));
    expect(install).toContain(`Built for: ${BASE}`);
    expect(install).toContain(`Add-in Id: ${ADDIN_ID}`);
    expect(await zip.file("manifest.xml")!.async("string")).toBe(readFileSync(path.join(dist, "manifest.xml"), "utf8"));
    expect(entries.some((e) => e.startsWith("dist/cli/"))).toBe(false);
    // The same dist/ gives the same bytes (fixed entry dates, no folder entries).
    const again = tempDir("zip-again");
    expect(runPackage(dist, again).status).toBe(0);
    expect(readFileSync(path.join(again, `pipbook-${version}.zip`)).equals(readFileSync(path.join(out, `pipbook-${version}.zip`)))).toBe(true);
  });

  test("refuses an invalid manifest before writing anything, naming the line", () => {
    const broken = tempDir("broken");
    cpSync(dist, broken, { recursive: true });
    const file = path.join(broken, "manifest.xml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/<Version>[^<]*<\/Version>/, "<Version>abc</Version>"));
    const out = tempDir("zip-broken");
    const { status, output } = runPackage(broken, out);
    expect(status).toBe(1);
    expect(output).toMatch(/invalid, not packaged:\n\s+line \d+: .*abc/);
    expect(readdirSync(out)).toEqual([]);
  });

  test("refuses a build for the placeholder URL and a manifest URL whose file is missing", () => {
    const placeholder = tempDir("placeholder");
    cpSync(dist, placeholder, { recursive: true });
    const file = path.join(placeholder, "manifest.xml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replaceAll(BASE, config.urls.urlProd));
    expect(runPackage(placeholder, tempDir("zip-p")).output).toContain(`points at the placeholder ${config.urls.urlProd}`);

    const missing = tempDir("missing");
    cpSync(dist, missing, { recursive: true });
    rmSync(path.join(missing, "support.html"));
    const result = runPackage(missing, tempDir("zip-m"));
    expect(result.status).toBe(1);
    expect(result.output).toContain(`manifest URL ${BASE}support.html names support.html, which is not in dist/`);
  });
});
