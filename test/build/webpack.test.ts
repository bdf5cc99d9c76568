import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import webpack from "webpack";

// webpack.config.js is CommonJS run by webpack-cli; its helpers are exported for builds like this one.
type ServedConfiguration = webpack.Configuration & { devServer?: Record<string, unknown> };
interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: Record<string, unknown>): Promise<ServedConfiguration>;
  createConfig(options: Record<string, unknown>): webpack.Configuration;
  urls: { urlDev: string; urlProd: string };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config: WebpackConfigModule = require("../../webpack.config.js");

const root = path.resolve(__dirname, "..", "..");
const outputs: string[] = [];

function outputDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pipbook-webpack-"));
  outputs.push(dir);
  return dir;
}

function compile(options: Record<string, unknown>): Promise<webpack.Stats> {
  // Run, then close the compiler, as https://webpack.js.org/api/node/#run asks (an unclosed one keeps its idle work).
  const compiler = webpack(config.createConfig(options));
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => compiler.close((closeError) => (error || closeError || !stats ? reject(error ?? closeError) : resolve(stats))));
  });
}

afterAll(() => {
  for (const dir of outputs) rmSync(dir, { recursive: true, force: true });
});

describe("webpack.config.js", () => {
  test("the add-in build fails when HyperFormula is imported, naming the importer", async () => {
    const stats = await compile({
      name: "guard",
      mode: "development",
      outputPath: outputDir(),
      pages: [{ name: "taskpane", entry: "./test/build/fixtures/imports-hyperformula.ts", template: "./src/commands/commands.html" }],
    });
    const messages = stats.compilation.errors.map((e) => e.message);
    expect(messages).toEqual([expect.stringContaining("HyperFormula is GPL-3.0")]);
    expect(messages[0]).toContain(path.join("test", "build", "fixtures", "imports-hyperformula.ts"));
  }, 60_000);

  test("a build with no forbidden rules (e.g. the preview) may bundle HyperFormula", async () => {
    const stats = await compile({
      name: "preview-like",
      mode: "development",
      outputPath: outputDir(),
      forbid: [],
      pages: [{ name: "preview", entry: "./test/build/fixtures/imports-hyperformula.ts", template: "./src/commands/commands.html" }],
    });
    expect(stats.compilation.errors).toEqual([]);
  }, 60_000);

  test("production build copies icons and rewrites every dev URL in the manifest to the production URL", async () => {
    const out = outputDir();
    const stats = await compile({
      name: "prod",
      mode: "production",
      outputPath: out,
      copyAddinFiles: true,
      pages: [{ name: "commands", entry: "./src/commands/commands.ts", template: "./src/commands/commands.html" }],
    });
    expect(stats.compilation.errors).toEqual([]);
    const source = readFileSync(path.join(root, "manifest.xml"), "utf8");
    const built = readFileSync(path.join(out, "manifest.xml"), "utf8");
    const devUrls = source.split(config.urls.urlDev).length - 1;
    expect(devUrls).toBeGreaterThan(0);
    expect(built).not.toContain("localhost");
    expect(built.split(config.urls.urlProd).length - 1).toBeGreaterThanOrEqual(devUrls);
    expect(readdirSync(path.join(out, "assets")).sort()).toEqual(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
    const html = readFileSync(path.join(out, "commands.html"), "utf8");
    expect(html).toMatch(/<script[^>]+src="?commands\.[0-9a-f]{8}\.js/);
  }, 60_000);

  test("npm run build gives the add-in (taskpane + commands → dist/), --env preview only the preview (→ dist-preview/)", async () => {
    const addin = await config({}, { mode: "production" });
    expect(addin.name).toBe("addin");
    expect(Object.keys(addin.entry as object).sort()).toEqual(["commands", "taskpane"]);
    expect(addin.output?.path).toBe(path.join(root, "dist"));
    expect(addin.plugins?.some((p) => p?.constructor.name === "ForbidModulesPlugin")).toBe(true);

    const preview = await config({ preview: true }, { mode: "development" });
    expect(Object.keys(preview.entry as object)).toEqual(["preview"]);
    expect(preview.output?.path).toBe(path.join(root, "dist-preview"));
    expect(preview.plugins?.some((p) => p?.constructor.name === "ForbidModulesPlugin")).toBe(false);
  });

  test("the dev server is plain http on localhost:3000 unless https is asked for", async () => {
    const served = await config({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(served.devServer).toMatchObject({ host: "localhost", port: 3000, server: "http" });
  });
});
