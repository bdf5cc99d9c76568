/**
 * Task-pane entry: detect the host, pick the language, render <App/> inside one FluentProvider.
 * This file and src/host.ts are the only task-pane code that knows about Office; every view talks to the
 * workbook through the WorkbookPort it receives.
 */
import { createRoot } from "react-dom/client";
import { detectHost } from "../host";
import type { WorkbookPort } from "../port";
import { pickLanguage } from "../i18n/ui";
import { Root } from "./Root/Root";

// A separate chunk: the writer/reader and the layout are not in the first scripts. When Office.js is on the page
// the chunk is requested at once, while Office.onReady is still pending.
const loadOfficePort = () => import(/* webpackChunkName: "office-port" */ "../excel/office-port");
const officePortModule = typeof Office !== "undefined" ? loadOfficePort() : null;

async function officePort(): Promise<WorkbookPort> {
  const { createWorkbookPort } = await (officePortModule ?? loadOfficePort());
  return createWorkbookPort((batch) => Excel.run(batch));
}

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const host = await detectHost();
  const language = pickLanguage(host.displayLanguage);
  const root = createRoot(container);
  if (!host.inExcel) {
    root.render(<Root mode={{ kind: "outside-excel" }} initialLanguage={language} />);
    return;
  }
  const port = await officePort();
  root.render(<Root mode={{ kind: "excel", port }} initialLanguage={language} />);
}

void main();
