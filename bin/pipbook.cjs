#!/usr/bin/env node
/*
 * The `pipbook` command. Runs the bundle dist/cli/pipbook.cjs (npm run build:cli); in a checkout where the
 * bundle has not been built, runs the TypeScript source through tsx (a devDependency) after saying so.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const bundle = path.join(root, "dist", "cli", "pipbook.cjs");

if (fs.existsSync(bundle)) {
  require(bundle);
} else {
  const source = path.join(root, "src", "cli", "bin.ts");
  let register;
  try {
    ({ register } = require("tsx/cjs/api"));
  } catch {
    process.stderr.write(
      "pipbook: the CLI is not built (dist/cli/pipbook.cjs is missing) and tsx is not installed: run `npm ci && npm run build:cli`\n",
    );
    process.exit(1);
  }
  if (!fs.existsSync(source)) {
    process.stderr.write("pipbook: dist/cli/pipbook.cjs is missing: run `npm run build:cli`\n");
    process.exit(1);
  }
  process.stderr.write("pipbook: dist/cli/pipbook.cjs is not built (npm run build:cli); running the TypeScript source with tsx\n");
  register();
  require(source);
}
