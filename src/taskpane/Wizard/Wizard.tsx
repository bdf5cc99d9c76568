/**
 * The plan wizard (stages 1–5): one step per page, "Create plan" / "Save" writing through the port. A plan
 * already in the workbook is loaded into the draft; saving writes the edits back.
 *
 * Messages come at the right moment: a field's after it is left, everything after a Create / Save attempt.
 * Create or Save with open errors opens a summary (a Fluent Dialog, its own chunk) that goes to the first error
 * or writes anyway. The step picker changes the step on Enter or a click, not on each arrow key. "Add" moves
 * the focus into what it created; "Remove" can be undone.
 */
import { Button, Field, mergeClasses, Select } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Finding } from "../../core/findings";
import type { EntityName, Plan } from "../../core/model";
import { uiText } from "../../i18n/ui";
import { ActionFeedback } from "../App/ActionFeedback";
import { useUi } from "../context";
import { RevealFields, UntakenFields, type UntakenEntry } from "../fields/reveal";
import { markRendered } from "../timing";
import { formMessage } from "./findingsFor";
import { ItemFocusScope } from "./itemScope";
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

const loadSummary = () => import(/* webpackChunkName: "summary-dialog" */ "./SummaryDialog");
const SummaryDialog = lazy(() => loadSummary().then((m) => ({ default: m.SummaryDialog })));

const NAVIGATION_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);

/** The errors the wizard can take the person to, in step order then row order. */
export function wizardErrors(findings: readonly Finding[]): Finding[] {
  const stepOf = (f: Finding) => WIZARD_STEPS.findIndex((s) => s.entities.includes(f.location.entity));
  return findings
    .filter((f) => f.severity === "error" && stepOf(f) >= 0)
    .map((f, i) => ({ f, i, step: stepOf(f) }))
    .sort((a, b) => a.step - b.step || (a.f.location.row ?? -1) - (b.f.location.row ?? -1) || a.i - b.i)
    .map(({ f }) => f);
}

/** An untaken entry as an error of the summary: its place is the field ("goals.0.target"), so "Go to the first" finds it. */
export function untakenFinding(entry: UntakenEntry): Finding {
  const [entity, second, third] = entry.name.split(".");
  const location = third === undefined ? { entity: entity as EntityName, field: second } : { entity: entity as EntityName, row: Number(second), field: third };
  const message = { "en-US": uiText("en-US", "input.untaken", { field: entry.label }), "zh-CN": uiText("zh-CN", "input.untaken", { field: entry.label }) };
  return { code: "INPUT_NOT_TAKEN", severity: "error", location, message };
}

/** The data-field of the control a finding is about ("goals.0.target", "header.employeeName"), if any. */
export function fieldNameOf(f: Finding): string | null {
  const { entity, row, field } = f.location;
  if (field === undefined) return null;
  return row === undefined ? `${entity}.${field}` : `${entity}.${row}.${field}`;
}

export function Wizard({ controller, navigate }: WizardProps): ReactNode {
  const { t, language } = useUi();
  const styles = useWizardStyles();
  const wizard = useWizard(controller);
  const StepView = STEP_COMPONENTS[wizard.step.id];
  const disabled = controller.busy !== null;
  const planExists = controller.plan !== null;
  const last = wizard.index === WIZARD_STEPS.length - 1;
  const [revealed, setRevealed] = useState(false);
  const [summaryOpen, setSummaryOpen] = useState(false);
  // Closed by Cancel or Escape, the summary gives the focus back to the button that opened it, as a dialog does for
  // its trigger (WAI-ARIA APG, "Dialog (Modal)"): it opens from code and unmounts, so Fluent cannot restore it, and
  // the focus fell on <body> (found from outside).
  const writeButton = useRef<HTMLButtonElement>(null);
  const refocusWrite = useRef(false);
  useEffect(() => {
    if (summaryOpen || !refocusWrite.current) return;
    refocusWrite.current = false;
    writeButton.current?.focus();
  }, [summaryOpen]);
  const [pendingStep, setPendingStep] = useState<string | null>(null);
  const keyboardPick = useRef(false);
  const [focusField, setFocusField] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ heading: string; before: Plan; fresh: boolean; id: number } | null>(null);
  const removals = useRef(0);
  const undoRef = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    markRendered("plan");
    void loadSummary();
  }, []);

  // After "Go to the first", focus the field the first error is about once its step is shown.
  useEffect(() => {
    if (!focusField) return;
    const el = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(focusField)}"]`);
    if (el) {
      el.focus();
      setFocusField(null);
    }
  }, [focusField, wizard.index]);

  // The removed card's button is gone (or now another card's): the focus goes to Undo.
  const removedId = removed?.id;
  useEffect(() => {
    if (removedId !== undefined) undoRef.current?.focus();
  }, [removedId]);

  // Number fields whose entry the plan does not take: counted with the findings, so the step and the summary say
  // what those fields say (issue 12: "Enter a number" beside "No problems found on this step").
  const [untaken, setUntaken] = useState<UntakenEntry[]>([]);
  const reportUntaken = useCallback((entry: UntakenEntry, on: boolean) => {
    setUntaken((list) => {
      const others = list.filter((e) => e.name !== entry.name);
      return on ? [...others, entry] : others.length === list.length ? list : others;
    });
  }, []);
  const untakenNames = useMemo(() => new Set(untaken.map((e) => e.name)), [untaken]);
  const errors = [...untaken.map(untakenFinding), ...wizardErrors(wizard.findings)];
  const write = async () => {
    setSummaryOpen(false);
    await wizard.save();
  };
  const attemptWrite = () => {
    setRevealed(true);
    if (errors.length > 0) setSummaryOpen(true);
    else void write();
  };
  const goToFirst = () => {
    setSummaryOpen(false);
    const first = errors[0];
    if (!first) return;
    const index = WIZARD_STEPS.findIndex((s) => s.entities.includes(first.location.entity));
    const name = fieldNameOf(first);
    if (index !== wizard.index) wizard.goTo(index);
    if (name) setFocusField(name);
    else if (index === wizard.index) wizard.headingRef.current?.focus();
  };
  const update: StepProps["update"] = (change) => {
    // The edit that follows a removal (the removal itself) keeps the undo; any later edit retires it.
    setRemoved((r) => (r && r.fresh ? { ...r, fresh: false } : null));
    wizard.update(change);
  };
  const goTo = (index: number) => {
    setRemoved(null);
    setPendingStep(null);
    wizard.goTo(index);
  };

  return (
    <section className={styles.root} aria-labelledby="wizard-step-heading" data-testid="view-plan">
      <div className={styles.top}>
        <span className={styles.stepOf}>{t("wizard.stepOf", { n: wizard.index + 1, total: WIZARD_STEPS.length, stage: wizard.step.stage })}</span>
        <h2 id="wizard-step-heading" ref={wizard.headingRef} tabIndex={-1} className={styles.heading}>
          {t(`step.${wizard.step.id}`)}
        </h2>
        <Field label={t("wizard.goToStep")} hint={t("wizard.goToStepHint")} size="small">
          <Select
            size="small"
            value={pendingStep ?? wizard.step.id}
            data-testid="wizard-step-select"
            onKeyDown={(e) => {
              if (NAVIGATION_KEYS.has(e.key)) keyboardPick.current = true;
              if (e.key === "Enter" && pendingStep !== null) {
                e.preventDefault();
                goTo(WIZARD_STEPS.findIndex((s) => s.id === pendingStep));
              }
            }}
            onPointerDown={() => {
              keyboardPick.current = false;
            }}
            onBlur={() => setPendingStep(null)}
            onChange={(_, data) => {
              // An arrow key on a closed <select> changes its value at once; only Enter (or a click) goes there.
              if (keyboardPick.current) {
                keyboardPick.current = false;
                setPendingStep(data.value);
                return;
              }
              goTo(WIZARD_STEPS.findIndex((s) => s.id === data.value));
            }}
          >
            {WIZARD_STEPS.map((s, i) => (
              <option key={s.id} value={s.id}>
                {`${i + 1}. ${t(`step.${s.id}`)}`}
              </option>
            ))}
          </Select>
        </Field>
        {planExists && !controller.draftDirty ? <p className={styles.quiet}>{t("wizard.loadedExisting")}</p> : null}
      </div>

      <UntakenFields onReport={reportUntaken} names={untakenNames}>
        <RevealFields all={revealed}>
        <ItemFocusScope key={wizard.step.id} beforeRemove={(heading) => setRemoved({ heading, before: wizard.draft, fresh: true, id: ++removals.current })}>
          <div className={styles.body}>
            <StepView draft={wizard.draft} update={update} findings={wizard.findings} disabled={disabled} planExists={planExists} />
          </div>
        </ItemFocusScope>
        </RevealFields>
      </UntakenFields>

      {removed ? (
        <div className={styles.undo} role="status" data-testid="undo-remove">
          <span>{t("wizard.removed", { item: removed.heading })}</span>
          <Button
            size="small"
            ref={undoRef}
            onClick={() => {
              const before = removed.before;
              setRemoved(null);
              wizard.update(() => before);
            }}
          >
            {t("wizard.undo")}
          </Button>
        </div>
      ) : null}

      <section aria-label={t("wizard.findingsTitle")} data-testid="step-findings">
        {untaken.length > 0 ? (
          <p className={styles.error} data-testid="untaken-entries">
            {t("wizard.untaken", { count: untaken.length })}
          </p>
        ) : null}
        {wizard.stepCount === 0 && untaken.length === 0 ? (
          <p className={styles.quiet}>{t("wizard.noFindings")}</p>
        ) : revealed && wizard.listed.length > 0 ? (
          <ul className={styles.findings}>
            {wizard.listed.map((f, i) => (
              <li key={`${f.code}-${i}`} className={mergeClasses(f.severity === "error" ? styles.error : styles.warning)}>
                {formMessage(f, language)}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <div className={styles.footer}>
        <Button disabled={wizard.index === 0} onClick={() => goTo(wizard.index - 1)}>
          {t("wizard.back")}
        </Button>
        <Button disabled={last} onClick={() => goTo(wizard.index + 1)}>
          {t("wizard.next")}
        </Button>
        <span className={styles.grow} />
        <Button ref={writeButton} appearance="primary" disabled={disabled} data-testid="wizard-write" onClick={attemptWrite}>
          {planExists ? t("wizard.save") : t("wizard.create")}
        </Button>
      </div>
      <ActionFeedback controller={controller} place="wizard" navigate={navigate} />

      {summaryOpen ? (
        <Suspense fallback={null}>
          <SummaryDialog
            open={summaryOpen}
            errors={errors}
            planExists={planExists}
            onGoToFirst={goToFirst}
            onWriteAnyway={() => void write()}
            onCancel={() => {
              refocusWrite.current = true;
              setSummaryOpen(false);
            }}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
