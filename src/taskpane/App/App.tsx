/**
 * The pane's frame: title, language switch, the four views, progress of long writes, and messages.
 * Kept small (it is in the first chunk with React and Fluent's provider): the views and the message bars are
 * separate chunks, loaded when first needed; the first view's chunk is requested at once.
 */
import { Button } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { usePort, useUi } from "../context";
import { todayIso } from "../format";
import type { AppProps, ViewName, ViewProps } from "./App.types";
import { useAppStyles } from "./App.styles";
import { useApp } from "./useApp";

type ViewComponent = (props: ViewProps) => ReactNode;

const loadWizard = () => import(/* webpackChunkName: "view-plan" */ "../Wizard/Wizard");
const loadStatus = () => import(/* webpackChunkName: "messages" */ "./StatusArea");
const views: Record<ViewName, React.LazyExoticComponent<ViewComponent>> = {
  plan: lazy(() => loadWizard().then((m) => ({ default: m.Wizard }))),
  tracking: lazy(() => import(/* webpackChunkName: "view-tracking" */ "../Tracking/Tracking").then((m) => ({ default: m.Tracking }))),
  check: lazy(() => import(/* webpackChunkName: "view-check" */ "../Check/Check").then((m) => ({ default: m.Check }))),
  evaluate: lazy(() => import(/* webpackChunkName: "view-evaluate" */ "../Evaluate/Evaluate").then((m) => ({ default: m.Evaluate }))),
};
const loadTabs = () => import(/* webpackChunkName: "view-tabs" */ "./ViewTabs");
const ViewTabs = lazy(() => loadTabs().then((m) => ({ default: m.ViewTabs })));
const StatusArea = lazy(() => loadStatus().then((m) => ({ default: m.StatusArea })));

export function App(props: AppProps): ReactNode {
  const port = usePort();
  const { t, language, setLanguage } = useUi();
  const styles = useAppStyles();
  const [asOf] = useState(() => props.asOf ?? todayIso());
  const controller = useApp(port, asOf);
  const [view, setView] = useState<ViewName>(props.initialView ?? "plan");
  const View = views[view];
  const { busy, error, notice } = controller;
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
        <Button
          size="small"
          appearance="subtle"
          aria-label={t("language.switchLabel")}
          data-testid="language-switch"
          onClick={() => setLanguage(language === "zh-CN" ? "en-US" : "zh-CN")}
        >
          <span lang={language === "zh-CN" ? "en-US" : "zh-CN"}>{t("language.switch")}</span>
        </Button>
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

void loadWizard();
void loadTabs();
