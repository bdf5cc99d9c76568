/**
 * The preview keeps the work: the in-memory workbook (its snapshot, formulas and all) and the pane's language in
 * the browser's localStorage, written a moment after each change, read back on the next visit. "Start over"
 * forgets it. A workbook too large for the browser's storage (about 5 MB per origin) is not kept, and the page
 * says so instead of losing it silently on the next reload.
 */
import type { UiLanguage } from "../i18n/ui";
import type { WorkbookSnapshot } from "../memory-excel";

export const STORAGE_KEY = "pipbook.preview.workbook.v1";

export interface SavedPreview {
  version: 1;
  /** ISO timestamp of the save (shown as "kept in this browser"). */
  savedAt: string;
  language: UiLanguage;
  snapshot: WorkbookSnapshot;
}

/** The storage the preview uses (window.localStorage; a Map-backed stand-in in tests). */
export type PreviewStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function loadSaved(storage: PreviewStorage | null): SavedPreview | null {
  if (!storage) return null;
  try {
    const text = storage.getItem(STORAGE_KEY);
    if (!text) return null;
    const saved = JSON.parse(text) as Partial<SavedPreview>;
    if (saved.version !== 1 || !saved.snapshot || saved.snapshot.format !== "pipbook-memory-excel-snapshot") return null;
    if (saved.language !== "zh-CN" && saved.language !== "en-US") return null;
    return saved as SavedPreview;
  } catch {
    return null;
  }
}

/** "kept", or "full" when the browser refused it (quota), or "unavailable" (storage disabled). */
export function save(storage: PreviewStorage | null, saved: SavedPreview): "kept" | "full" | "unavailable" {
  if (!storage) return "unavailable";
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(saved));
    return "kept";
  } catch (error) {
    return error instanceof DOMException && /quota/i.test(error.name) ? "full" : "unavailable";
  }
}

export function forget(storage: PreviewStorage | null): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // nothing kept, nothing to forget
  }
}

/** window.localStorage, or null where the browser has it disabled (it throws on access then). */
export function browserStorage(): PreviewStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
