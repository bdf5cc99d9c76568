/** The wizard's state: which step, the draft's findings (validatePlan as you type), focus on step change. */
import { useEffect, useMemo, useRef, useState } from "react";
import type { Finding } from "../../core/findings";
import { validatePlan } from "../../core/validate";
import type { PaneController } from "../App/App.types";
import { allStepFindings, stepFindings } from "./findingsFor";
import { WIZARD_STEPS } from "./wizardSteps";
import type { WizardStep } from "./Wizard.types";

export interface WizardState {
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
  const step = WIZARD_STEPS[index];
  const findings = useMemo(() => validatePlan(controller.draft), [controller.draft]);
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const moved = useRef(false);
  useEffect(() => {
    // After Back / Next, keyboard and screen-reader users land on the new step's heading.
    if (moved.current) headingRef.current?.focus();
  }, [index]);
  return {
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
