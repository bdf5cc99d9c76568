import type { UiKey } from "../../i18n/ui";
import type { PaneError } from "./ErrorBar.types";

/** Technical details of anything thrown: name, Office.js code and location when present, message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const extra = error as Error & { code?: unknown; debugInfo?: { errorLocation?: unknown } };
    const parts = [error.name];
    if (typeof extra.code === "string" && extra.code !== error.name) parts.push(extra.code);
    const location = extra.debugInfo?.errorLocation;
    if (typeof location === "string" && location !== "") parts.push(`at ${location}`);
    return `${parts.join(" · ")}: ${error.message}`;
  }
  return typeof error === "string" ? error : JSON.stringify(error);
}

export function paneError(key: UiKey, error: unknown): PaneError {
  const localized = (error as { localized?: unknown } | null)?.localized as Record<string, unknown> | undefined;
  if (localized && typeof localized["zh-CN"] === "string" && typeof localized["en-US"] === "string") {
    const interrupted = (error as { code?: unknown }).code === "SaveInterrupted";
    return { key, details: describeError(error), message: { "zh-CN": localized["zh-CN"], "en-US": localized["en-US"] }, ...(interrupted ? { action: "finishSave" as const } : {}) };
  }
  return { key, details: describeError(error) };
}
