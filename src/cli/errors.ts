/**
 * Errors that reach the user: a message key + parameters (rendered in the user's language at the top level)
 * and an exit code — 2 for usage errors, 1 for bad input or a failed run. Anything else that escapes is an
 * internal error: one line, and the stack only with --debug.
 */
import type { CliMessageKey, CliParams } from "../i18n/cli";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: CliParams = {},
    readonly exitCode: number = EXIT_FAILED,
    options?: { cause?: unknown },
  ) {
    super(`${key} ${JSON.stringify(params)}`, options);
    this.name = "CliError";
  }
}

export function usageError(key: CliMessageKey, params: CliParams = {}): CliError {
  return new CliError(key, params, EXIT_USAGE);
}

/** The short reason of an unknown error, for a one-line message. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n", 1)[0] ?? "";
  return String(error);
}

export const ERROR_FORMAT = "pipbook.error/1";

/** What a --json run prints on stdout when it fails before its own JSON: the error's key, sentence and exit code. */
export function errorJson(key: string, message: string, exitCode: number, params: Record<string, unknown> = {}): Record<string, unknown> {
  const file = typeof params.file === "string" ? { file: params.file } : {};
  return { format: ERROR_FORMAT, error: { code: key, message, exitCode, ...file } };
}
