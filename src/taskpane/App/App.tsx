/**
 * The pane's frame: title, language switch, the four views as tabs, progress of long writes, and messages.
 * Every view is a separate chunk loaded when first opened; the first view's chunk is requested at once.
 */
import { Button, ProgressBar, Spinner, Tab, TabList } from "@fluentui/react-components";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { usePort, useUi } from "../context";
import { formatPercent, todayIso } from "../format";
import type { AppProps, PaneController, ViewName } from "./App.types";
import { useAppStyles } from "./App.styles";
import { useApp } from "./useApp";

const loadWizard = () => import(/* webpackChunkName: "view-plan" */ "../Wizard/Wizard");
const views: Record<ViewName, React.LazyExoticComponent<(props: { controller: PaneController }) => ReactNode>> = {
  plan: lazy(() => loadWizard().then((m) => ({ default: m.Wizard }))),
  tracking: lazy(() => import(/* webpackChunkName: "view-tracking" */ "../Tracking/Tracking").then((m) => ({ default: m.Tracking }))),
  check: lazy(() => import(/* webpackChunkName: "view-check" */ "../Check/Check").then((m) => ({ default: m.Check }))),
  evaluate: lazy(() => import(/* webpackChunkName: "view-evaluate" */ "../Evaluate/Evaluate").then((m) => ({ default: m.Evaluate }))),
};
const ErrorBar = lazy(() => import(/* webpackChunkName: "messages" */ "../ErrorBar/ErrorBar").then((m) => ({ default: m.ErrorBar })));
const NoticeBar = lazy(() => import(/* webpackChunkName: "messages" */ "../ErrorBar/ErrorBar").then((m) => ({ default: m.NoticeBar })));

const VIEW_ORDER: readonly ViewName[] = ["plan", "tracking", "check", "evaluate"];

export function App(props: AppProps): ReactNode {
  const port = usePort();
  const { t, language, setLanguage } = useUi();
  const styles = useAppStyles();
  const [asOf] = useState(() => props.asOf ?? todayIso());
  const controller = useApp(port, asOf, language);
  const [view, setView] = useState<ViewName>(props.initialView ?? "plan");
  const View = views[view];
  const { busy, error, notice } = controller;

  return (
    <div className={styles.root}>
      <header className={styles.header}>
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
      </header>
      <nav aria-label={t("nav.label")}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={view}
          onTabSelect={(_, data) => setView(data.value as ViewName)}
        >
          {VIEW_ORDER.map((name) => (
            <Tab key={name} value={name} data-testid={`tab-${name}`}>
              {t(`nav.${name}`)}
            </Tab>
          ))}
        </TabList>
      </nav>
      {busy ? (
        <div className={styles.busy} role="status" aria-live="polite">
          <span>{t(busy.key, { percent: busy.progress === null ? "" : formatPercent(language, busy.progress) })}</span>
          <ProgressBar value={busy.progress ?? undefined} thickness="large" aria-label={t(busy.key, { percent: "" })} />
        </div>
      ) : null}
      <Suspense fallback={null}>
        {error ? <ErrorBar error={error} onDismiss={controller.dismissError} /> : null}
        {notice ? (
          <NoticeBar
            intent={notice.intent}
            text={notice.parts.map((part) => t(part.key, part.params)).join(" ")}
            onDismiss={controller.dismissNotice}
          />
        ) : null}
      </Suspense>
      <main className={styles.main}>
        {controller.phase === "loading" ? (
          <Spinner size="small" label={t("reading")} />
        ) : (
          <Suspense fallback={<Spinner size="small" label={t("loading")} />}>
            <View controller={controller} />
          </Suspense>
        )}
      </main>
    </div>
  );
}

void loadWizard();
