/** Unit and component tests. Files with a `@jest-environment jsdom` docblock run in jsdom, everything else in node. */
const os = require("node:os");

// jest's workers are child processes of this one and inherit its environment. Semi-spaces of 64 MB instead of V8's
// 16 make the young generation large enough for a save's short-lived objects to die there instead of being
// promoted: the fault-injection, formulas, reader-fuzz and writer files took 69.2–74.2 s of CPU with 64 MB against
// 76.4–78.0 s with 32 and 71.5–74.1 s with 128 (2026-12-01 evening, this 2-core machine, runs alternated; 32 had
// beaten V8's default by ~5 % that afternoon). The CLI runs the tests start get their own environment
// (test/cli/harness.ts) and run as users run them.
const YOUNG_GENERATION = "--max-semi-space-size=64";
if (!(process.env.NODE_OPTIONS ?? "").includes("--max-semi-space-size")) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} ${YOUNG_GENERATION}`.trim();
}

module.exports = {
  // Jest's default is one worker fewer than the cores: on the 2-core machines here that runs every file in band,
  // one after another. Two workers keep both cores busy (the LibreOffice and python suites wait on their child
  // processes part of the time); measured in the README's test section.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testEnvironment: "node",
  // longest files first also on a machine without jest's cache of the last run's times (CI): test/support/sequencer.cjs
  testSequencer: "<rootDir>/test/support/sequencer.cjs",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" } },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "cjs", "json"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  setupFiles: ["<rootDir>/test/support/fast-check-seed.ts"],
  // PIPBOOK_SUITE_CPU=<file> records each test file's CPU (its own and its child processes'); otherwise a no-op
  setupFilesAfterEnv: ["<rootDir>/test/support/suite-cpu.ts", "<rootDir>/test/support/dom-timeouts.ts"],
  // Jest's 5 s default turns a slower CI machine into failures; speed is measured by `npm run bench`, not here.
  testTimeout: 60_000,
};
