/**
 * The preview's entry: an in-memory Excel whose formulas HyperFormula computes, the same WorkbookPort the add-in
 * uses (over that Excel's `run` instead of Office.js's `Excel.run`), and the page with the real task pane.
 * URL flags: ?example=sales-q2-2024 loads DOMAIN.md's worked example; ?asOf=YYYY-MM-DD pins the "as of" date;
 * ?lang=zh-CN|en-US picks the language (default: the browser's).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import examplePlanJson from "../../examples/sales-q2-2024.plan.json";
import { isValidIsoDate } from "../core/dates";
import { planSchema } from "../core/model";
import { createWorkbookPort } from "../excel/office-port";
import { pickLanguage } from "../i18n/ui";
import { LanguageProvider } from "../taskpane/context";
import { createMemoryExcel } from "./memory-excel";
import { createHyperFormulaEngine } from "./memory-excel/hyperformula-engine";
import { PreviewApp } from "./PreviewApp/PreviewApp";
import type { PreviewWorkbook } from "./PreviewApp/PreviewApp.types";
import { gridFromSnapshot } from "./snapshot-adapter";

export const EXAMPLES: Record<string, unknown> = { "sales-q2-2024": examplePlanJson };

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const params = new URLSearchParams(location.search);
  const asOfFlag = params.get("asOf");
  const asOf = asOfFlag && isValidIsoDate(asOfFlag) ? asOfFlag : undefined;
  const language = pickLanguage(params.get("lang") ?? navigator.language);

  const excel = createMemoryExcel({ engine: createHyperFormulaEngine() });
  // The in-memory Excel stands in for a current Excel (ExcelApi 1.13+), which has Table.resize for appended rows.
  const port = createWorkbookPort((batch) => excel.run(batch), { asOf: asOf ?? null });
  const workbook: PreviewWorkbook = {
    grid: () => gridFromSnapshot(excel.snapshot()),
    typeInto: async (sheet, cell, text, mode) => {
      await excel.setCellValues(sheet, cell, [[text]], { mode });
    },
    onChange: (listener) => excel.onChange(listener),
  };
  const loadExample = async (name = "sales-q2-2024") => {
    const plan = planSchema.parse(EXAMPLES[name]);
    await port.writePlan(plan, { language: plan.header.language });
  };
  const exampleFlag = params.get("example");
  if (exampleFlag && exampleFlag in EXAMPLES) await loadExample(exampleFlag);

  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initialLanguage={language}>
        <PreviewApp workbook={workbook} port={port} asOf={asOf} loadExample={() => loadExample()} />
      </LanguageProvider>
    </FluentProvider>,
  );
}

void main();
