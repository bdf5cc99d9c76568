/** Worker script when the CLI runs from its TypeScript sources (tsx, jest); the bundle re-enters src/cli/bin.ts. */
import { serveWorker } from "./entry";

serveWorker();
