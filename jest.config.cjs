/** Unit and component tests. Files named *.dom.test.tsx run in jsdom, everything else in node. */
module.exports = {
  testEnvironment: "node",
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
  setupFilesAfterEnv: ["<rootDir>/test/support/suite-cpu.ts"],
  // Jest's 5 s default turns a slower CI machine into failures; speed is measured by `npm run bench`, not here.
  testTimeout: 60_000,
};
