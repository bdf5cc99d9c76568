// Webpack for the add-in, in the yo-office convention (OfficeDev/Office-Addin-TaskPane-React):
// `npm run build` → dist/ (task pane, commands page, assets, manifest with production URLs);
// `npm run dev-server` → http://localhost:3000 (plain http: office-addin-dev-certs needs sudo on Linux);
// `npm run dev-server:https` / `npm start` → https with the Office dev certificates (Windows/macOS).
const path = require("node:path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
// Where dist/ is deployed when PIPBOOK_BASE_URL is not given (a placeholder: the build says so). Production builds
// rewrite urlDev to the base URL in manifest*.xml: SourceLocation, icons, SupportUrl, commands page, LearnMoreUrl.
const urlProd = "https://pipbook.example.com/";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A deployment setting the build refuses; its message is the one line `npm run build` prints. */
class DeploySettingError extends Error {}

/**
 * The base URL dist/ is served from (PIPBOOK_BASE_URL), normalised to end with "/". Refused unless https:
 * "All URLs to code or content files in the add-in should be SSL-secured (HTTPS)", and an add-in that runs in Office
 * on the web "must be SSL-secured" (Microsoft's "Office Add-ins manifest",
 * https://learn.microsoft.com/en-us/office/dev/add-ins/develop/add-in-manifests).
 */
function resolveBaseUrl(value) {
  if (value === undefined || value === "") return urlProd;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new DeploySettingError(`PIPBOOK_BASE_URL "${value}" is not a URL; give the https:// address dist/ is served from, e.g. https://hr.contoso.com/pipbook/`);
  }
  if (url.protocol !== "https:") {
    throw new DeploySettingError(`PIPBOOK_BASE_URL must start with https:// (Office loads add-in pages only over HTTPS), got "${value}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new DeploySettingError(`PIPBOOK_BASE_URL must be a plain folder URL without query, fragment or credentials, got "${value}"`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** PIPBOOK_ADDIN_ID: a new manifest <Id> (a GUID), only when given; otherwise the manifest's own Id is kept. */
function resolveAddinId(value) {
  if (value === undefined || value === "") return null;
  if (!GUID.test(value)) throw new DeploySettingError(`PIPBOOK_ADDIN_ID must be a GUID like 8d5e1c9a-3f1b-4c6e-9a2d-7b4f0e1c2a3b, got "${value}"`);
  return value.toLowerCase();
}

/** The production manifest: every dev URL under `baseUrl`, and the <Id> replaced when `addinId` is given. */
function productionManifest(text, { baseUrl = urlProd, addinId = null } = {}) {
  let out = text.replaceAll(urlDev, baseUrl);
  if (addinId) out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${addinId}</Id>`);
  return out;
}

/**
 * Fluent's light theme as one static CSS rule, `:root { --colorNeutralForeground1: #242424; … }`, for taskpane.html
 * (issue 16): the pane's FluentProvider gets no theme object, so the tokens' values (5.5 kB gzip of JS) are not in the
 * first scripts. createCSSRuleFromTheme is Fluent's own, documented for "applying theming statically to a top level
 * element"; the values are webLightTheme's, so the pane looks the same.
 */
function themeCss() {
  const { webLightTheme } = require("@fluentui/tokens");
  const { createCSSRuleFromTheme } = require("@fluentui/react-provider");
  return createCSSRuleFromTheme(":root", webLightTheme);
}

/** The add-in's pages. Each is one entry plus one HTML page; the shared rules live in createConfig. */
const addinPages = [
  { name: "taskpane", entry: "./src/taskpane/index.tsx", template: "./src/taskpane/taskpane.html", templateParameters: () => ({ themeCss: themeCss() }) },
  { name: "commands", entry: "./src/commands/commands.ts", template: "./src/commands/commands.html" },
];

// The browser preview (in-memory Excel, computed by HyperFormula): `--env preview` builds only it, into dist-preview/,
// outside dist/ so that deploying dist/ can never ship its GPL code.
const previewPages = [{ name: "preview", entry: "./src/preview/index.tsx", template: "./src/preview/preview.html" }];

// HyperFormula is GPL-3.0: tests and the preview may use it, the shipped add-in must not contain it.
const FORBIDDEN_IN_ADDIN = [{ pattern: /[\\/]node_modules[\\/]hyperformula[\\/]/, reason: "HyperFormula is GPL-3.0 (dev/test/preview only)" }];

/** Fails the compilation when a forbidden package is reachable from an entry (including lazy chunks). */
class ForbidModulesPlugin {
  constructor(rules) {
    this.rules = rules;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("ForbidModulesPlugin", (compilation) => {
      compilation.hooks.finishModules.tap("ForbidModulesPlugin", (modules) => {
        for (const rule of this.rules) {
          const hits = [...modules].filter((m) => m.resource && rule.pattern.test(m.resource));
          if (hits.length === 0) continue;
          const issuers = new Set();
          for (const m of hits) {
            const issuer = compilation.moduleGraph.getIssuer(m);
            if (issuer && issuer.resource && !rule.pattern.test(issuer.resource)) issuers.add(path.relative(compiler.context, issuer.resource));
          }
          compilation.errors.push(
            new webpack.WebpackError(`${rule.reason}: imported by ${[...issuers].join(", ") || "an entry"} in build "${compilation.name ?? "addin"}"`),
          );
        }
      });
    });
  }
}

/**
 * One webpack config from the common rules. `pages`: [{ name, entry, template }]; `copyAddinFiles` copies
 * assets/ and manifest*.xml; `forbid`: rules for ForbidModulesPlugin (an empty list allows HyperFormula).
 */
function createConfig({ name, pages, mode, outputPath = "dist", publicPath = "auto", copyAddinFiles = false, forbid = FORBIDDEN_IN_ADDIN, baseUrl = urlProd, addinId = null }) {
  const dev = mode !== "production";
  return {
    name,
    mode: dev ? "development" : "production",
    context: __dirname,
    devtool: "source-map",
    entry: Object.fromEntries(pages.map((page) => [page.name, page.entry])),
    output: {
      path: path.resolve(__dirname, outputPath),
      publicPath,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      // dist/cli is `npm run build:cli`'s output: cleaning must not delete it.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // Griffel's ahead-of-time transform (issue 16): each makeStyles/makeResetStyles of ours becomes the
            // pre-computed __styles/__resetStyles form Fluent's own packages ship, so the first scripts carry no
            // style-to-CSS runtime (stylis, rtl-css-js, resolveStyleRules, @emotion/hash: ~8 kB gzip). It runs on
            // ts-loader's output (loaders apply last to first).
            { loader: "@griffel/webpack-loader" },
            // Type errors are `npm run typecheck`'s job; tsconfig says noEmit for tsc, the loader must emit.
            { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } } },
          ],
        },
        { test: /\.(png|jpg|jpeg|gif|ico|svg)$/, type: "asset/resource", generator: { filename: "assets/[name][ext][query]" } },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: "vendor-react", priority: 30 },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|@swc[\\/]helpers|tabster|keyborg|use-sync-external-store|rtl-css-js|stylis)[\\/]/,
            name: "vendor-fluent",
            // Initial chunks only: Fluent code that only a lazy view needs stays in that view's chunk.
            chunks: "initial",
            priority: 20,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      ...pages.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            template: page.template,
            chunks: [page.name],
            ...(page.templateParameters ? { templateParameters: page.templateParameters } : {}),
          }),
      ),
      ...(copyAddinFiles
        ? [
            new CopyWebpackPlugin({
              patterns: [
                { from: "assets/*.png", to: "assets/[name][ext]" },
                // The manifest's SupportUrl and GetStarted LearnMoreUrl: a static page at the base URL.
                { from: "assets/support.html", to: "support.html" },
                {
                  from: "manifest*.xml",
                  to: "[name][ext]",
                  transform: (content) => (dev ? content : productionManifest(content.toString(), { baseUrl, addinId })),
                },
              ],
            }),
          ]
        : []),
      ...(forbid.length > 0 ? [new ForbidModulesPlugin(forbid)] : []),
    ],
  };
}

function wantsHttps(env) {
  return Boolean(env.https) || process.env.PIPBOOK_HTTPS === "1";
}

async function devServer(env) {
  const port = Number(process.env.npm_package_config_dev_server_port || 3000);
  const common = { host: "localhost", port, headers: { "Access-Control-Allow-Origin": "*" }, static: false, hot: true, client: { overlay: { warnings: false } } };
  if (!wantsHttps(env)) return { ...common, server: "http" };
  // Loaded only when asked: it installs a CA (sudo on Linux) the first time.
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ...common, server: { type: "https", options: { ca, key, cert } } };
}

/** The deployment settings from the environment (PIPBOOK_BASE_URL, PIPBOOK_ADDIN_ID); throws DeploySettingError. */
function deploySettings(environment = process.env) {
  return { baseUrl: resolveBaseUrl(environment.PIPBOOK_BASE_URL), addinId: resolveAddinId(environment.PIPBOOK_ADDIN_ID) };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode ?? (process.env.NODE_ENV === "production" ? "production" : "development");
  if (env.preview) return createConfig({ name: "preview", pages: previewPages, mode, outputPath: "dist-preview", forbid: [] });
  let settings;
  try {
    settings = deploySettings();
  } catch (error) {
    if (!(error instanceof DeploySettingError) || !env.WEBPACK_BUILD) throw error;
    // One line, no stack: webpack-cli would print the config loader's trace around a thrown error.
    process.stderr.write(`pipbook build: ${error.message}\n`);
    process.exit(1);
  }
  if (mode === "production" && env.WEBPACK_BUILD && settings.baseUrl === urlProd) {
    process.stderr.write(`pipbook build: PIPBOOK_BASE_URL not set, dist/manifest.xml points at the placeholder ${urlProd}\n`);
  }
  const config = createConfig({ name: "addin", pages: addinPages, mode, copyAddinFiles: true, ...settings });
  if (env.WEBPACK_SERVE) config.devServer = await devServer(env);
  return config;
};

module.exports.createConfig = createConfig;
module.exports.addinPages = addinPages;
module.exports.previewPages = previewPages;
module.exports.ForbidModulesPlugin = ForbidModulesPlugin;
module.exports.urls = { urlDev, urlProd };
module.exports.resolveBaseUrl = resolveBaseUrl;
module.exports.resolveAddinId = resolveAddinId;
module.exports.productionManifest = productionManifest;
module.exports.themeCss = themeCss;
module.exports.deploySettings = deploySettings;
module.exports.DeploySettingError = DeploySettingError;
