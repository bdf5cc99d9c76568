/**
 * Component tests (the jsdom ones): findBy… / waitFor wait up to 10 s for the pane to show what they look for,
 * instead of Testing Library's 1 s. On a 2-core machine shared with other jobs a Fluent dialog or a view switch can
 * take longer than 1 s to render; a test that finds its element sooner goes on at once, and one whose element never
 * comes still fails. Node-environment tests do not load Testing Library at all.
 */
if (typeof document !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configure } = require("@testing-library/dom") as typeof import("@testing-library/dom");
  configure({ asyncUtilTimeout: 10_000 });
}
