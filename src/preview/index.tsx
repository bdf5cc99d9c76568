/**
 * The preview's entry: an in-memory Excel whose formulas HyperFormula computes, the same WorkbookPort the add-in
 * uses (over that Excel's `run` instead of Office.js's `Excel.run`), and the page with the real task pane.
 * URL flags: ?example=sales-q2-2024 loads DOMAIN.md's worked example; ?asOf=YYYY-MM-DD pins the "as of" date;
 * ?lang=zh-CN|en-US picks the language (default: the one kept with the workbook, else the browser's);
 * ?fresh forgets the workbook kept in this browser (src/preview/persist.ts) and starts empty.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import examplePlanJson from "../../examples/sales-q2-2024.plan.json";
import { isValidIsoDate } from "../core/dates";
import { planSchema } from "../core/model";
import { pickLanguage } from "../i18n/ui";
import { firstViewLoaded } from "../taskpane/App/App";
import { LanguageProvider } from "../taskpane/context";
import { createEngineLaterExcel, portWithQuickFirstRead } from "./engine-later";
import { lazyWorkbookPort, readerOnlyPort } from "./lazy-port";
import { browserStorage, forget, loadSaved, save } from "./persist";
import { PreviewApp } from "./PreviewApp/PreviewApp";
import type { KeepStatus, PreviewKeeping, PreviewWorkbook } from "./PreviewApp/PreviewApp.types";
import { downloadEmployeeCopy, workbookToXlsx, xlsxToWorkbook } from "./workbook-file";
import { gridFromSnapshot } from "./snapshot-adapter";

export const EXAMPLES: Record<string, unknown> = { "sales-q2-2024": examplePlanJson };

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const params = new URLSearchParams(location.search);
  const asOfFlag = params.get("asOf");
  const asOf = asOfFlag && isValidIsoDate(asOfFlag) ? asOfFlag : undefined;
  const storage = browserStorage();
  if (params.has("fresh")) forget(storage);
  const exampleFlag = params.get("example");
  // A kept workbook comes back unless the URL asks for the example or a fresh start.
  const saved = exampleFlag || params.has("fresh") ? null : loadSaved(storage);
  let language = pickLanguage(params.get("lang") ?? saved?.language ?? navigator.language);

  // HyperFormula is its own chunk, loaded after the first view has painted (src/preview/engine-later.ts).
  const excel = createEngineLaterExcel({
    saved: saved?.snapshot ?? null,
    loadEngine: async () => {
      const { createHyperFormulaEngine } = await import(/* webpackChunkName: "formula-engine" */ "../memory-excel/hyperformula-engine");
      const engine = createHyperFormulaEngine();
      performance.mark("pipbook:engine-ready");
      return engine;
    },
  });
  // The in-memory Excel stands in for a current Excel (ExcelApi 1.13+), which has Table.resize for appended rows.
  // The office-port (writer, Evaluation, charts) is its own chunk too: a new workbook's first read needs only the
  // reader (readerOnlyPort); the port loads with the engine, or at the first call that needs it.
  const enginePort = lazyWorkbookPort(async () => {
    const { createWorkbookPort } = await import(/* webpackChunkName: "office-port" */ "../excel/office-port");
    return createWorkbookPort((batch) => excel.run(batch), { asOf: asOf ?? null });
  });
  const quick = excel.withoutEngine;
  const port = Object.assign(portWithQuickFirstRead(enginePort, quick ? readerOnlyPort((batch) => quick.run(batch)) : null, excel), {
    // The pane's "A copy for the employee" (src/taskpane/EmployeeCopy): here a download of the CLI's copy.
    employeeCopy: () => downloadEmployeeCopy(enginePort, asOf ?? null),
  });
  const workbook: PreviewWorkbook = {
    grid: () => gridFromSnapshot(excel.snapshot()),
    typeInto: async (sheet, cell, text, mode) => {
      await (await excel.ready()).setCellValues(sheet, cell, [[text]], { mode });
    },
    onChange: (listener) => excel.onChange(listener),
  };
  const loadExample = async (name = "sales-q2-2024") => {
    await excel.startEngine();
    const plan = planSchema.parse(EXAMPLES[name]);
    await port.writePlan(plan, { language: plan.header.language });
  };
  if (exampleFlag && exampleFlag in EXAMPLES) await loadExample(exampleFlag);
  // One-time flags: a reload afterwards brings back the kept work, not the example or an empty workbook again.
  if (exampleFlag || params.has("fresh")) {
    const kept = new URLSearchParams(location.search);
    kept.delete("example");
    kept.delete("fresh");
    history.replaceState(null, "", `${location.pathname}${kept.size > 0 ? `?${kept.toString()}` : ""}`);
  }

  let status: KeepStatus = saved ? "kept" : "none";
  const statusListeners = new Set<(s: KeepStatus) => void>();
  const keepNow = () => {
    status = save(storage, { version: 1, savedAt: new Date().toISOString(), language, snapshot: excel.snapshot() });
    statusListeners.forEach((l) => l(status));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const keepSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(keepNow, 300);
  };
  excel.onChange(keepSoon);
  if (exampleFlag) keepSoon();
  const keeping: PreviewKeeping = {
    status: () => status,
    onStatus: (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    setLanguage: (next) => {
      if (next === language) return;
      language = next;
      if (status !== "none") keepSoon();
    },
    startOver: () => {
      clearTimeout(timer);
      forget(storage);
      const next = new URLSearchParams(location.search);
      next.delete("example");
      next.set("fresh", "1");
      location.replace(`${location.pathname}?${next.toString()}`);
    },
    toXlsx: () => workbookToXlsx(excel.snapshot()),
    openXlsx: async (bytes) => {
      const [engineExcel, opened] = await Promise.all([excel.ready(), xlsxToWorkbook(bytes)]);
      engineExcel.loadSnapshot(opened);
    },
  };

  // The first view's chunks are preloaded beside preview.js: render once they have run, so no Suspense fallback
  // shows and React's 300 ms throttle on revealing suspended content does not delay the first view (issue 16).
  await firstViewLoaded().catch(() => undefined);
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initialLanguage={language}>
        <PreviewApp workbook={workbook} port={port} asOf={asOf} loadExample={() => loadExample()} keeping={keeping} />
      </LanguageProvider>
    </FluentProvider>,
  );
  const start = () => {
    void excel.startEngine();
    void enginePort.preload();
  };
  // A kept workbook with formulas: the pane's first read needs the engine, so it starts once the page (the grid with
  // the kept values, the pane saying it is reading) has painted; a new workbook's first view needs no engine at all.
  if (excel.startsEmpty) startEngineAfterFirstView(start);
  else requestAnimationFrame(() => setTimeout(start, 0));
}

/**
 * Calls `start` once the pane's first view has painted (its performance mark, src/taskpane/timing.ts, then one
 * frame), or after 3 s whatever happened, so the engine's parse does not compete with the first paint.
 */
function startEngineAfterFirstView(start: () => void): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    requestAnimationFrame(() => setTimeout(start, 0));
  };
  const seen = () => performance.getEntriesByType("mark").some((m) => m.name.startsWith("pipbook:view-"));
  const observer = typeof PerformanceObserver === "function" ? new PerformanceObserver(() => seen() && once()) : null;
  observer?.observe({ entryTypes: ["mark"] });
  if (seen()) once();
  setTimeout(once, 3000);
}

void main();
