/** The wizard's state: which step, the draft's findings (validatePlan as you type), focus on step change. */
import { useEffect, useMemo, useRef, useState } from "react";
import type { Finding } from "../../core/findings";
import type { Plan } from "../../core/model";
import { at } from "../../core/indexed";
import { validatePlan } from "../../core/validate";
import type { PaneController } from "../App/App.types";
import { useUi } from "../context";
import { newPlan } from "../plan-draft";
import { allStepFindings, stepFindings } from "./findingsFor";
import { WIZARD_STEPS } from "./wizardSteps";
import type { WizardStep } from "./Wizard.types";

export interface WizardState {
  /** The draft, or a new plan when nothing has been typed or read yet. */
  draft: Plan;
  update: (change: (draft: Plan) => Plan) => void;
  save: () => Promise<boolean>;
  index: number;
  step: WizardStep;
  goTo: (index: number) => void;
  findings: Finding[];
  /** Findings of this step with no field or item to sit beside. */
  listed: Finding[];
  /** All findings of this step. */
  stepCount: number;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}

export function useWizard(controller: PaneController): WizardState {
  const [index, setIndex] = useState(0);
  // goTo clamps index to the steps, so a miss is a bug: at() says which index.
  const step = at(WIZARD_STEPS, index, "wizard step");
  const { language } = useUi();
  // Until something is typed, a new plan follows the pane's language (its workbook language included).
  const fresh = useMemo(() => newPlan(controller.asOf, language), [controller.asOf, language]);
  const draft = controller.draft ?? fresh;
  const findings = useMemo(() => validatePlan(draft), [draft]);
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const moved = useRef(false);
  useEffect(() => {
    // After Back / Next, keyboard and screen-reader users land on the new step's heading.
    if (moved.current) headingRef.current?.focus();
  }, [index]);
  return {
    draft,
    update: (change) => controller.setDraft(change, fresh),
    save: () => controller.saveDraft(fresh),
    index,
    step,
    goTo: (next: number) => {
      moved.current = true;
      setIndex(Math.max(0, Math.min(WIZARD_STEPS.length - 1, next)));
    },
    findings,
    listed: stepFindings(findings, step.entities),
    stepCount: allStepFindings(findings, step.entities).length,
    headingRef,
  };
}
