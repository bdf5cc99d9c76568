/**
 * The plan wizard (stages 1–5): one step per page, findings inline as you type, "Create plan" / "Save" writing
 * through the port. A plan already in the workbook is loaded into the draft; saving writes the edits back.
 */
import { Button, Field, mergeClasses, Select } from "@fluentui/react-components";
import { useEffect, type ReactNode } from "react";
import { useUi } from "../context";
import { markRendered } from "../timing";
import { ActionsStep } from "./steps/ActionsStep";
import { CausesStep } from "./steps/CausesStep";
import { GapsStep } from "./steps/GapsStep";
import { GoalsStep } from "./steps/GoalsStep";
import { HeaderStep } from "./steps/HeaderStep";
import { ResourcesStep } from "./steps/ResourcesStep";
import { SignOffStep } from "./steps/SignOffStep";
import { useWizard } from "./useWizard";
import { WIZARD_STEPS } from "./wizardSteps";
import type { StepProps, WizardProps, WizardStepId } from "./Wizard.types";
import { useWizardStyles } from "./Wizard.styles";

const STEP_COMPONENTS: Record<WizardStepId, (props: StepProps) => ReactNode> = {
  header: HeaderStep,
  gaps: GapsStep,
  goals: GoalsStep,
  causes: CausesStep,
  actions: ActionsStep,
  resources: ResourcesStep,
  signOff: SignOffStep,
};

export function Wizard({ controller }: WizardProps): ReactNode {
  const { t, language } = useUi();
  const styles = useWizardStyles();
  const wizard = useWizard(controller);
  const StepView = STEP_COMPONENTS[wizard.step.id];
  const disabled = controller.busy !== null;
  const planExists = controller.plan !== null;
  const last = wizard.index === WIZARD_STEPS.length - 1;

  useEffect(() => {
    markRendered("plan");
  }, []);

  return (
    <section className={styles.root} aria-labelledby="wizard-step-heading" data-testid="view-plan">
      <div className={styles.top}>
        <span className={styles.stepOf}>{t("wizard.stepOf", { n: wizard.index + 1, total: WIZARD_STEPS.length, stage: wizard.step.stage })}</span>
        <h2 id="wizard-step-heading" ref={wizard.headingRef} tabIndex={-1} className={styles.heading}>
          {t(`step.${wizard.step.id}`)}
        </h2>
        <Field label={t("wizard.goToStep")} size="small">
          <Select size="small" value={wizard.step.id} data-testid="wizard-step-select" onChange={(_, data) => wizard.goTo(WIZARD_STEPS.findIndex((s) => s.id === data.value))}>
            {WIZARD_STEPS.map((s, i) => (
              <option key={s.id} value={s.id}>
                {`${i + 1}. ${t(`step.${s.id}`)}`}
              </option>
            ))}
          </Select>
        </Field>
        {planExists && !controller.draftDirty ? <p className={styles.quiet}>{t("wizard.loadedExisting")}</p> : null}
      </div>

      <div className={styles.body}>
        <StepView draft={wizard.draft} update={wizard.update} findings={wizard.findings} disabled={disabled} planExists={planExists} />
      </div>

      <section aria-label={t("wizard.findingsTitle")} data-testid="step-findings">
        {wizard.stepCount === 0 ? (
          <p className={styles.quiet}>{t("wizard.noFindings")}</p>
        ) : wizard.listed.length > 0 ? (
          <ul className={styles.findings}>
            {wizard.listed.map((f, i) => (
              <li key={`${f.code}-${i}`} className={mergeClasses(f.severity === "error" ? styles.error : styles.warning)}>
                {f.message[language]}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <div className={styles.footer}>
        <Button disabled={wizard.index === 0} onClick={() => wizard.goTo(wizard.index - 1)}>
          {t("wizard.back")}
        </Button>
        <Button disabled={last} onClick={() => wizard.goTo(wizard.index + 1)}>
          {t("wizard.next")}
        </Button>
        <span className={styles.grow} />
        <Button appearance="primary" disabled={disabled} data-testid="wizard-write" onClick={() => void wizard.save()}>
          {planExists ? t("wizard.save") : t("wizard.create")}
        </Button>
      </div>
    </section>
  );
}
