// The browser preview: the real task pane beside the in-memory Excel (HyperFormula computes its formulas).
// Built with the add-in's shared rules (webpack.config.js's createConfig) into dist-preview/, outside dist/,
// so a deploy of dist/ never carries HyperFormula (GPL-3.0).
// `npm run preview` builds it and serves it on http://localhost:3001 (src/preview/server.mjs, plain http).
const { createConfig, previewPages } = require("./webpack.config.js");

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode ?? "production";
  const config = createConfig({ name: "preview", pages: previewPages, mode, outputPath: "dist-preview", forbid: [] });
  // One file per page is easier to serve and to time; the preview is not size-budgeted.
  config.optimization = { ...config.optimization, splitChunks: false };
  if (env.WEBPACK_SERVE) {
    config.devServer = { host: "localhost", port: Number(process.env.PIPBOOK_PREVIEW_PORT || 3001), server: "http", static: false, hot: false, open: false };
  }
  return config;
};
