/** Entry of the bundled CLI (dist/cli/pipbook.cjs) and of the tsx fallback in bin/pipbook.cjs; in a worker thread of its own pool (./workers), serves tasks. */
import { setFlagsFromString } from "node:v8";
import { runFromProcess } from "./main";
import { isPipbookWorker, serveWorker } from "./workers/entry";

if (isPipbookWorker()) serveWorker();
else {
  // V8 optimises a function once it has run through its "interrupt budget" of bytecode (67,584 by default, `node
  // --v8-options`); a pipbook command lasts from half a second (analyze, validate) to a few seconds (batch 100), and
  // spent a share of its CPU compiling with TurboFan code it would soon leave. Four times the budget optimises only
  // what stays hot. Measured with the bundle on this 2-core machine: batch 100 with two lanes 2.8–3.2 → 2.4–2.8 s
  // (CPU 4.7–5.5 → 3.9–4.5 s), batch 1,000 22.3 → 19.3 s, rollup 1,000 unchanged (43 s of CPU), analyze 0.49 →
  // 0.42 s of CPU. It changes when V8 compiles, never what the code does. Set before any command runs (the modules
  // above only define functions); V8's flags are the process's, so the worker threads a batch starts have it too.
  // Node documents setFlagsFromString as best used with care after start-up
  // (https://nodejs.org/api/v8.html#v8setflagsfromstringflags); a budget is read afresh as each function warms up.
  setFlagsFromString("--interrupt-budget=270336");
  runFromProcess();
}
