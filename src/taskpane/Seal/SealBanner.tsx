/**
 * "Changed after signing — ask both to sign again": a warning MessageBar over every view once the reader finds that
 * the signed content differs from its seal (SEAL_CHANGED / SEAL_ROW_ADDED / SEAL_ROW_REMOVED / SEAL_DAMAGED), with
 * each finding's cell to jump to, as the Check view does. Its own chunk (loaded only when there is such a finding).
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import type { Finding } from "../../core/findings";
import { placeOf } from "../Check/groupFindings";
import { useUi } from "../context";
import { useViewStyles } from "../views.styles";

const useStyles = makeStyles({
  bar: { marginBottom: tokens.spacingVerticalS },
  list: { margin: 0, marginTop: tokens.spacingVerticalXS, paddingLeft: 0, listStyleType: "none" },
});

export interface SealBannerProps {
  findings: readonly Finding[];
  onSelect: (sheet: string, cell: string) => Promise<void>;
}

export function SealBanner({ findings, onSelect }: SealBannerProps): ReactNode {
  const { t, language } = useUi();
  const styles = useStyles();
  const view = useViewStyles();
  const titleId = useId();
  if (findings.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" className={styles.bar} data-testid="seal-banner" aria-labelledby={titleId}>
      <MessageBarBody>
        <MessageBarTitle id={titleId}>{t("seal.title")}</MessageBarTitle>
        <div>{t("seal.body")}</div>
        <ul className={styles.list}>
          {findings.map((f, i) => {
            const place = placeOf(f);
            const { sheet, cell } = f.location;
            return (
              <li key={`${f.code}-${i}`} data-code={f.code}>
                {place && sheet && cell ? (
                  <Button appearance="subtle" size="small" className={view.findingButton} onClick={() => void onSelect(sheet, cell)} data-place={place}>
                    <span>
                      {f.message[language]}
                      <span className={view.place}>{t("check.goTo", { place })}</span>
                    </span>
                  </Button>
                ) : (
                  <span>{f.message[language]}</span>
                )}
              </li>
            );
          })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
