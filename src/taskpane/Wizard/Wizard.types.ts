import type { Finding } from "../../core/findings";
import type { EntityName, Plan } from "../../core/model";

export type WizardStepId = "header" | "gaps" | "goals" | "causes" | "actions" | "resources" | "signOff";

export interface WizardStep {
  id: WizardStepId;
  /** The PIP stage (1–5 of DOMAIN.md's seven) the step belongs to. */
  stage: number;
  /** The model entities edited on the step; their findings show there. */
  entities: readonly EntityName[];
}

export type { ViewProps as WizardProps } from "../App/App.types";

/** What every step component receives. */
export interface StepProps {
  draft: Plan;
  update: (change: (draft: Plan) => Plan) => void;
  /** validatePlan's findings for the whole draft; each step picks its own. */
  findings: readonly Finding[];
  disabled: boolean;
  /** The workbook already holds the plan (its language is then fixed). */
  planExists: boolean;
}
