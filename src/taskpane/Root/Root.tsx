/** The task pane's root: the one FluentProvider, the language, the port, and the App (or the outside-Excel page). */
import { FluentProvider, type PartialTheme } from "@fluentui/react-components";
import { lazy, Suspense, type ReactNode } from "react";
import { App } from "../App/App";
import { LanguageProvider, PortProvider } from "../context";
import type { RootProps } from "./Root.types";

/**
 * The theme's CSS variables are not computed here: webpack.config.js writes webLightTheme as one `:root { --… }` rule
 * into taskpane.html with Fluent's createCSSRuleFromTheme ("useful for scenarios when you want to apply theming
 * statically to a top level element"), so the tokens' values are not in the first scripts (issue 16: 5.5 kB gzip).
 * Every Fluent style reads var(--token), which the page's :root defines for the pane and for portals alike.
 */
const THEME_FROM_PAGE: PartialTheme = {};

export function Root(props: RootProps): ReactNode {
  return (
    <FluentProvider theme={THEME_FROM_PAGE}>
      <LanguageProvider initialLanguage={props.initialLanguage}>
        <Pane {...props} />
      </LanguageProvider>
    </FluentProvider>
  );
}

// Only a browser tab outside Excel needs this page; it is its own chunk.
const NotInExcel = lazy(() => import(/* webpackChunkName: "outside-excel" */ "../NotInExcel/NotInExcel").then((m) => ({ default: m.NotInExcel })));

// The self-test section (issue 14), closed at the bottom of the pane: its own chunk, shown only for a port that has it.
const Diagnostics = lazy(() => import(/* webpackChunkName: "diagnostics" */ "../Diagnostics/Diagnostics").then((m) => ({ default: m.Diagnostics })));

/** The pane without its FluentProvider, for a host page that has its own (the preview). */
export function Pane(props: RootProps): ReactNode {
  if (props.mode.kind === "outside-excel") {
    return (
      <Suspense fallback={null}>
        <NotInExcel />
      </Suspense>
    );
  }
  return (
    <PortProvider port={props.mode.port}>
      <App asOf={props.asOf} initialView={props.initialView} />
      <Suspense fallback={null}>
        <Diagnostics />
      </Suspense>
    </PortProvider>
  );
}
