/**
 * Create / Save with open errors: a Fluent Dialog that says how many there are and where, moves focus to the
 * first one ("Go to the first") or writes anyway. Its own chunk: loaded on the first Create with errors.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Finding } from "../../core/findings";
import { useUi } from "../context";
import { formMessage } from "./findingsFor";
import { WIZARD_STEPS } from "./wizardSteps";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  step: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface SummaryDialogProps {
  open: boolean;
  /** The open errors, in the wizard's step order. */
  errors: readonly Finding[];
  planExists: boolean;
  onGoToFirst: () => void;
  onWriteAnyway: () => void;
  onCancel: () => void;
}

const SHOWN = 5;

export function SummaryDialog(props: SummaryDialogProps): ReactNode {
  const { t, language } = useUi();
  const styles = useStyles();
  return (
    <Dialog open={props.open} modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : props.onCancel())}>
      <DialogSurface aria-describedby="summary-dialog-body" data-testid="summary-dialog">
        <DialogBody>
          <DialogTitle>{t("summary.title", { count: props.errors.length })}</DialogTitle>
          <DialogContent id="summary-dialog-body">
            <p>{t(props.planExists ? "summary.bodySave" : "summary.bodyCreate")}</p>
            <ul className={styles.list}>
              {props.errors.slice(0, SHOWN).map((f, i) => {
                const step = WIZARD_STEPS.find((s) => s.entities.includes(f.location.entity));
                return (
                  <li key={`${f.code}-${i}`}>
                    {formMessage(f, language)}
                    {step ? <span className={styles.step}>{` · ${t(`step.${step.id}`)}`}</span> : null}
                  </li>
                );
              })}
              {props.errors.length > SHOWN ? <li>{t("summary.more", { count: props.errors.length - SHOWN })}</li> : null}
            </ul>
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" data-testid="summary-go" onClick={props.onGoToFirst}>
              {t("summary.goToFirst")}
            </Button>
            <Button data-testid="summary-anyway" onClick={props.onWriteAnyway}>
              {t(props.planExists ? "summary.saveAnyway" : "summary.createAnyway")}
            </Button>
            <Button appearance="subtle" onClick={props.onCancel}>
              {t("summary.cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
