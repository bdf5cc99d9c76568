/** Entry of the bundled CLI (dist/cli/pipbook.cjs) and of the tsx fallback in bin/pipbook.cjs. */
import { runFromProcess } from "./main";

runFromProcess();
