/** Shown when the page is opened in a browser outside Excel: says so and points to the preview. */
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useUi } from "../context";

export const PREVIEW_URL = "http://localhost:3001/";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, maxWidth: "40em", lineHeight: tokens.lineHeightBase300 },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalM}` },
  switch: { marginTop: tokens.spacingVerticalL },
});

export function NotInExcel(): ReactNode {
  const { t, language, setLanguage } = useUi();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{t("outside.title")}</h1>
      <p>{t("outside.body")}</p>
      <p>{t("outside.preview")}</p>
      <p>
        <Link href={PREVIEW_URL}>{t("outside.link")}</Link>
      </p>
      <p className={styles.switch}>
        <Link as="button" aria-label={t("language.switchLabel")} onClick={() => setLanguage(language === "zh-CN" ? "en-US" : "zh-CN")}>
          {t("language.switch")}
        </Link>
      </p>
    </main>
  );
}
