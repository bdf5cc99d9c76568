import type { WorkbookPort } from "../../port";
import type { UiLanguage } from "../../i18n/ui";
import type { ViewName } from "../App/App.types";

/** Where the pane runs: inside Excel or the preview (a port to a workbook), or a plain browser tab (none). */
export type RootMode = { kind: "outside-excel" } | { kind: "excel" | "preview"; port: WorkbookPort };

export interface RootProps {
  mode: RootMode;
  initialLanguage: UiLanguage;
  asOf?: string;
  initialView?: ViewName;
}
