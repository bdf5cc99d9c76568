import { STORAGE_KEY, forget, loadSaved, save, type PreviewStorage, type SavedPreview } from "../../src/preview/persist";
import { createMemoryExcel } from "../../src/memory-excel";

function mapStorage(limit = Infinity): PreviewStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (v.length > limit) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

async function workbookWithValue(): Promise<SavedPreview> {
  const excel = createMemoryExcel();
  await excel.setCellValues("Sheet1", "B2", [["62%"]]);
  return { version: 1, savedAt: "2026-12-01T09:00:00.000Z", language: "zh-CN", snapshot: excel.snapshot() };
}

describe("the preview keeps the workbook in the browser", () => {
  test("what is saved comes back: the snapshot (a cell typed as 62%) and the language", async () => {
    const storage = mapStorage();
    const saved = await workbookWithValue();
    expect(save(storage, saved)).toBe("kept");
    const back = loadSaved(storage);
    expect(back?.language).toBe("zh-CN");
    const excel = createMemoryExcel();
    excel.loadSnapshot(back!.snapshot);
    const cell = excel.snapshot().sheets[0].cells.find((c) => c.address === "B2");
    expect(cell?.value).toBe(0.62);
  });

  test("a workbook too large for the storage is reported as 'full', not lost silently", async () => {
    expect(save(mapStorage(100), await workbookWithValue())).toBe("full");
    expect(save(null, await workbookWithValue())).toBe("unavailable");
  });

  test("Start over forgets it; something that is not a kept workbook is ignored", async () => {
    const storage = mapStorage();
    save(storage, await workbookWithValue());
    forget(storage);
    expect(loadSaved(storage)).toBeNull();
    storage.setItem(STORAGE_KEY, "{not json");
    expect(loadSaved(storage)).toBeNull();
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 2, language: "en-US", snapshot: {} }));
    expect(loadSaved(storage)).toBeNull();
  });
});
