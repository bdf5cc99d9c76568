/** An Excel or port error as a Fluent MessageBar: a plain sentence, the details behind a button. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";
import { useUi } from "../context";
import type { ErrorBarProps, NoticeBarProps } from "./ErrorBar.types";

const useStyles = makeStyles({
  details: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    whiteSpace: "pre-wrap",
    wordBreak: "break-word",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  bar: { marginBottom: tokens.spacingVerticalS },
});

export function ErrorBar({ error, onDismiss, onFinishSave }: ErrorBarProps): ReactNode {
  const { t, language } = useUi();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  return (
    <MessageBar intent="error" layout="multiline" className={styles.bar} role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t(error.key)}</MessageBarTitle>
        {error.message ? <div>{error.message[language]}</div> : null}
        {open ? (
          <pre id={detailsId} className={styles.details}>
            {error.details}
          </pre>
        ) : null}
      </MessageBarBody>
      <MessageBarActions>
        {error.action === "finishSave" && onFinishSave ? (
          <Button size="small" appearance="primary" onClick={onFinishSave}>
            {t("save.finishInterrupted")}
          </Button>
        ) : null}
        <Button size="small" aria-expanded={open} aria-controls={open ? detailsId : undefined} onClick={() => setOpen(!open)}>
          {open ? t("error.hideDetails") : t("error.details")}
        </Button>
        <Button size="small" onClick={onDismiss}>
          {t("dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function NoticeBar({ text, intent, onDismiss }: NoticeBarProps): ReactNode {
  const { t } = useUi();
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline" className={styles.bar} role="status">
      <MessageBarBody>{text}</MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button size="small" onClick={onDismiss}>
            {t("dismiss")}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
