/**
 * The pane's frame: title, language switch, the four views, progress of long writes, and messages.
 * Kept small (it is in the first chunk with React and Fluent's provider): the views and the message bars are
 * separate chunks, loaded when first needed; the first view's chunk is requested at once.
 */
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from "react";
import { usePort, useUi } from "../context";
import { todayIso } from "../format";
import type { AppProps, ViewName, ViewProps } from "./App.types";
import { useAppStyles } from "./App.styles";
import { useApp } from "./useApp";
import { sealFindings } from "../Seal/sealFindings";

type ViewComponent = (props: ViewProps) => ReactNode;

/**
 * A component from a chunk: rendered directly when the chunk has already loaded as the component mounts (no Suspense
 * fallback, so React's 300 ms throttle on revealing suspended content does not hold the first view back: issue 16),
 * else through `lazy` as before. Which of the two is chosen once per mount, so a mounted view never remounts.
 */
function fromChunk<P extends object>(chunk: Promise<(props: P) => ReactNode>): (props: P) => ReactNode {
  let loaded: ((props: P) => ReactNode) | null = null;
  chunk.then((component) => (loaded = component)).catch(() => undefined);
  const Lazy = lazy(() => chunk.then((component) => ({ default: component })));
  return function FromChunk(props: P): ReactNode {
    const [Component] = useState<(props: P) => ReactNode>(() => loaded ?? Lazy);
    return <Component {...props} />;
  };
}

// The first view's chunks are requested at once (the preview also preloads them from its HTML).
const wizardChunk = import(/* webpackChunkName: "view-plan" */ "../Wizard/Wizard");
const tabsChunk = import(/* webpackChunkName: "view-tabs" */ "./ViewTabs");
/** Resolves when the first view's chunks have loaded (the preview renders after it, so nothing suspends). */
export const firstViewLoaded = (): Promise<void> => Promise.all([wizardChunk, tabsChunk]).then(() => undefined);
const PlanView = fromChunk<ViewProps>(wizardChunk.then((m) => m.Wizard));
const ViewTabs = fromChunk<{ view: ViewName; onSelect: (view: ViewName) => void }>(tabsChunk.then((m) => m.ViewTabs));
const LanguageSwitch = fromChunk<object>(tabsChunk.then((m) => m.LanguageSwitch));

const loadStatus = () => import(/* webpackChunkName: "messages" */ "./StatusArea");
const views: Record<ViewName, ViewComponent | React.LazyExoticComponent<ViewComponent>> = {
  plan: PlanView,
  tracking: lazy(() => import(/* webpackChunkName: "view-tracking" */ "../Tracking/Tracking").then((m) => ({ default: m.Tracking }))),
  check: lazy(() => import(/* webpackChunkName: "view-check" */ "../Check/Check").then((m) => ({ default: m.Check }))),
  evaluate: lazy(() => import(/* webpackChunkName: "view-evaluate" */ "../Evaluate/Evaluate").then((m) => ({ default: m.Evaluate }))),
};
const StatusArea = lazy(() => loadStatus().then((m) => ({ default: m.StatusArea })));
// "Changed after signing": only when the reader found the signed plan edited, so its own chunk.
const SealBanner = lazy(() => import(/* webpackChunkName: "seal-banner" */ "../Seal/SealBanner").then((m) => ({ default: m.SealBanner })));

export function App(props: AppProps): ReactNode {
  const port = usePort();
  const { t } = useUi();
  const styles = useAppStyles();
  const [asOf] = useState(() => props.asOf ?? todayIso());
  const controller = useApp(port, asOf);
  const [view, setView] = useState<ViewName>(props.initialView ?? "plan");
  const View = views[view];
  const { busy, error, notice } = controller;
  const sealed = useMemo(() => sealFindings(controller.findings), [controller.findings]);
  const navigate = (name: ViewName) => {
    if (name !== view) controller.dismissNotice();
    setView(name);
  };

  useEffect(() => {
    void loadStatus();
  }, []);

  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <h1 className={styles.title}>{t("appTitle")}</h1>
        {/* A Fluent Button: in the view-tabs chunk with the TabList, so the first scripts carry no Button (issue 16). */}
        <Suspense fallback={<span className={styles.switchPlaceholder} aria-hidden="true" />}>
          <LanguageSwitch />
        </Suspense>
      </div>
      {/* The four views as a Fluent TabList (its own chunk, loaded with the first view; same height meanwhile). */}
      <Suspense fallback={<div className={styles.tabsPlaceholder} aria-hidden="true" />}>
        <ViewTabs view={view} onSelect={navigate} />
      </Suspense>
      {busy || error || notice ? (
        <Suspense fallback={<p className={styles.status}>{t("working")}</p>}>
          <StatusArea controller={controller} />
        </Suspense>
      ) : null}
      {sealed.length > 0 ? (
        <Suspense fallback={null}>
          <SealBanner findings={sealed} onSelect={controller.selectCell} />
        </Suspense>
      ) : null}
      <div className={styles.main}>
        {controller.phase === "loading" ? (
          <p className={styles.status} role="status">
            {t("reading")}
          </p>
        ) : (
          <Suspense
            fallback={
              <p className={styles.status} role="status">
                {t("loading")}
              </p>
            }
          >
            <View controller={controller} navigate={navigate} />
          </Suspense>
        )}
      </div>
    </main>
  );
}

