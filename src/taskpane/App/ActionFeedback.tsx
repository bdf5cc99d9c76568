/**
 * Progress and result of an action beside its button, where the person is (not at the top of the pane while
 * they are scrolled to the bottom): the busy line with its bar, then a MessageBar with the next step
 * ("Go to Tracking").
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, ProgressBar } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useUi } from "../context";
import { formatPercent } from "../format";
import type { ActionPlace, PaneController, ViewName } from "./App.types";
import { useAppStyles } from "./App.styles";

export function ActionFeedback(props: { controller: PaneController; place: ActionPlace; navigate?: (view: ViewName) => void }): ReactNode {
  const { t, language } = useUi();
  const styles = useAppStyles();
  const { busy, notice } = props.controller;
  const next = notice?.next;
  const navigate = props.navigate;
  return (
    <div className={styles.feedback} data-testid={`feedback-${props.place}`}>
      {busy && busy.place === props.place ? (
        <div className={styles.busy} role="status" aria-live="polite" data-testid="busy">
          <span>{t(busy.key, { percent: busy.progress === null ? "" : formatPercent(language, busy.progress) })}</span>
          <ProgressBar value={busy.progress ?? undefined} thickness="large" aria-label={t(busy.key, { percent: "" })} />
        </div>
      ) : null}
      {notice && notice.place === props.place ? (
        <MessageBar intent={notice.intent} layout="multiline" role="status" data-testid="notice">
          <MessageBarBody>{notice.parts.map((part) => t(part.key, part.params)).join(" ")}</MessageBarBody>
          <MessageBarActions>
            {next && navigate ? (
              <Button size="small" appearance="primary" data-testid="notice-next" onClick={() => navigate(next)}>
                {t(`next.${next}`)}
              </Button>
            ) : null}
            <Button size="small" onClick={props.controller.dismissNotice}>
              {t("dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </div>
  );
}
