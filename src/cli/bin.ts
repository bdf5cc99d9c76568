/** Entry of the bundled CLI (dist/cli/pipbook.cjs) and of the tsx fallback in bin/pipbook.cjs; in a worker thread of its own pool (./workers), serves tasks. */
import { runFromProcess } from "./main";
import { isPipbookWorker, serveWorker } from "./workers/entry";

if (isPipbookWorker()) serveWorker();
else runFromProcess();
