// The browser preview: the real task pane beside the in-memory Excel (HyperFormula computes its formulas).
// Built with the add-in's shared rules (webpack.config.js's createConfig) into dist-preview/, outside dist/,
// so a deploy of dist/ never carries HyperFormula (GPL-3.0).
// `npm run preview` builds it and serves it on http://localhost:3001 (src/preview/server.mjs, plain http).
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { createConfig, previewPages } = require("./webpack.config.js");

/**
 * The first view's chunks (the plan view and the view tabs, React.lazy in src/taskpane/App/App.tsx) as
 * `<link rel="preload" as="script">` in preview.html (issue 16): they download while preview.js does instead of after
 * it has run, one round trip less before the first paint. HyperFormula's chunk is not among them: it loads after.
 */
const FIRST_VIEW_CHUNKS = ["view-plan", "view-tabs"];

class PreloadFirstViewPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("PreloadFirstViewPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("PreloadFirstViewPlugin", (data) => {
        const publicPath = data.publicPath ?? "";
        for (const name of FIRST_VIEW_CHUNKS) {
          const chunk = compilation.namedChunks.get(name);
          if (!chunk) {
            compilation.errors.push(new compiler.webpack.WebpackError(`PreloadFirstViewPlugin: no chunk named "${name}" (renamed in App.tsx?)`));
            continue;
          }
          for (const file of chunk.files) {
            if (!file.endsWith(".js")) continue;
            data.headTags.push({ tagName: "link", voidTag: true, meta: { plugin: "PreloadFirstViewPlugin" }, attributes: { rel: "preload", as: "script", href: `${publicPath}${file}` } });
          }
        }
        return data;
      });
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode ?? "production";
  const config = createConfig({ name: "preview", pages: previewPages, mode, outputPath: "dist-preview", forbid: [] });
  // One file per page is easier to serve and to time; the preview is not size-budgeted.
  config.optimization = { ...config.optimization, splitChunks: false };
  config.plugins.push(new PreloadFirstViewPlugin());
  if (env.WEBPACK_SERVE) {
    config.devServer = { host: "localhost", port: Number(process.env.PIPBOOK_PREVIEW_PORT || 3001), server: "http", static: false, hot: false, open: false };
  }
  return config;
};
