/**
 * A CLI worker thread (./pool.ts): takes tasks from the main thread one at a time and answers each.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { CliError, reasonOf } from "../errors";
import { generateWorkbook } from "../workbook-io";
import { readForRollup } from "../rollup";
import type { WorkerReply, WorkerTask } from "./protocol";

/** True in a thread the CLI's pool started (src/cli/bin.ts serves tasks there instead of parsing argv). */
export function isPipbookWorker(): boolean {
  return !isMainThread && (workerData as { pipbookWorker?: boolean } | null)?.pipbookWorker === true;
}

async function answer(task: WorkerTask): Promise<{ reply: WorkerReply; transfer: ArrayBuffer[] }> {
  if (task.kind === "generate") {
    let bytes = await generateWorkbook(task.plan, { language: task.language, asOf: task.asOf });
    // Only a buffer the bytes fill alone can be transferred.
    if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) bytes = bytes.slice();
    return { reply: { kind: "bytes", bytes }, transfer: [bytes.buffer as ArrayBuffer] };
  }
  return { reply: { kind: "rollup", read: await readForRollup(task.file, task.asOf) }, transfer: [] };
}

function errorReply(error: unknown): WorkerReply {
  const cliError = error instanceof CliError ? { key: error.key, params: error.params, exitCode: error.exitCode } : null;
  return { kind: "error", cliError, message: reasonOf(error) };
}

/** A task answered in the thread that asks (the pool's own lane): the same reply a worker would post. */
export async function answerHere(task: WorkerTask): Promise<WorkerReply> {
  try {
    return (await answer(task)).reply;
  } catch (error) {
    return errorReply(error);
  }
}

export function serveWorker(): void {
  const port = parentPort;
  if (!port) throw new Error("serveWorker outside a worker thread");
  // One task at a time, in the order they came: the pool posts the next task before this one is answered (so that
  // it is here when this one ends) and matches answers to tasks by that order.
  let done: Promise<void> = Promise.resolve();
  port.on("message", (task: WorkerTask) => {
    done = done.then(async () => {
      try {
        const { reply, transfer } = await answer(task);
        port.postMessage(reply, transfer);
      } catch (error) {
        // The task failed, or its reply could not be posted: either way this task is answered, so the next one runs.
        port.postMessage(errorReply(error));
      }
    });
  });
}
