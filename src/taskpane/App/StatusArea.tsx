/**
 * Progress of a long write, the error MessageBar and the notice after an action. A separate chunk: none of it
 * is needed to paint the first view, and the App requests it right after that.
 */
import { ProgressBar } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useUi } from "../context";
import { ErrorBar, NoticeBar } from "../ErrorBar/ErrorBar";
import { formatPercent } from "../format";
import type { PaneController } from "./App.types";
import { useAppStyles } from "./App.styles";

export function StatusArea({ controller }: { controller: PaneController }): ReactNode {
  const { t, language } = useUi();
  const styles = useAppStyles();
  // Progress and notices of an action with a place show beside its button (ActionFeedback); the rest here.
  const busy = controller.busy && !controller.busy.place ? controller.busy : null;
  const notice = controller.notice && !controller.notice.place ? controller.notice : null;
  const { error } = controller;
  return (
    <>
      {busy ? (
        <div className={styles.busy} role="status" aria-live="polite" data-testid="busy">
          <span>{t(busy.key, { percent: busy.progress === null ? "" : formatPercent(language, busy.progress) })}</span>
          <ProgressBar value={busy.progress ?? undefined} thickness="large" aria-label={t(busy.key, { percent: "" })} />
        </div>
      ) : null}
      {error ? <ErrorBar error={error} onDismiss={controller.dismissError} onFinishSave={() => void controller.finishInterruptedSave()} /> : null}
      {notice ? (
        <NoticeBar intent={notice.intent} text={notice.parts.map((part) => t(part.key, part.params)).join(" ")} onDismiss={controller.dismissNotice} />
      ) : null}
    </>
  );
}
