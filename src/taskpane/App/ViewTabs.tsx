/**
 * The four views as a Fluent TabList: one tab stop, arrow keys between the views (Tabster), and the header's language
 * switch (a Fluent Button). Their own chunk, requested with the first view: Tabster and Button are ~30 kB gzip that
 * the first paint does not need (the initial task-pane JS is budgeted at 100,000 B gzip; bench/bundle.bench.ts).
 */
import { Button, Tab, TabList } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useUi } from "../context";
import type { ViewName } from "./App.types";
import { useAppStyles } from "./App.styles";

export const VIEW_ORDER: readonly ViewName[] = ["plan", "tracking", "check", "evaluate"];

export function ViewTabs(props: { view: ViewName; onSelect: (view: ViewName) => void }): ReactNode {
  const { t } = useUi();
  const styles = useAppStyles();
  return (
    <TabList className={styles.tabs} size="small" aria-label={t("nav.label")} selectedValue={props.view} onTabSelect={(_, data) => props.onSelect(data.value as ViewName)}>
      {VIEW_ORDER.map((name) => (
        <Tab key={name} value={name} data-testid={`tab-${name}`}>
          {t(`nav.${name}`)}
        </Tab>
      ))}
    </TabList>
  );
}

/** The header's switch between 中文 and English (the pane's language; the workbook's is the plan's own field). */
export function LanguageSwitch(): ReactNode {
  const { t, language, setLanguage } = useUi();
  return (
    <Button
      size="small"
      appearance="subtle"
      aria-label={t("language.switchLabel")}
      data-testid="language-switch"
      onClick={() => setLanguage(language === "zh-CN" ? "en-US" : "zh-CN")}
    >
      <span lang={language === "zh-CN" ? "en-US" : "zh-CN"}>{t("language.switch")}</span>
    </Button>
  );
}
