/**
 * The order jest's workers take the test files in. jest's own sequencer (@jest/test-sequencer 30) runs the longest
 * files first — by the times of the last run, kept in its cache directory — so that no worker is left alone with a
 * long file at the end; without a cache (a fresh machine: CI) it falls back to file size, and the fault-injection
 * files, 1.4 kB and 37 s, came last. Here a file jest has no time for takes the seconds it took in a measured run
 * (test/support/suite-seconds.json, wall seconds from `PIPBOOK_SUITE_CPU`, test/support/suite-cpu.ts); a new file
 * not listed there runs first, as jest runs files it has no time for.
 */
const Sequencer = require("@jest/test-sequencer").default;
const path = require("node:path");
const seconds = require("./suite-seconds.json");

const root = path.resolve(__dirname, "..", "..");

class MeasuredFirst extends Sequencer {
  time(test) {
    const known = super.time(test);
    if (known !== undefined) return known;
    const listed = seconds[path.relative(root, test.path).split(path.sep).join("/")];
    return listed === undefined ? undefined : listed * 1000;
  }
}

module.exports = MeasuredFirst;
