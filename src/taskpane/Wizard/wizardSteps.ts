import type { WizardStep } from "./Wizard.types";

/** The wizard's pages in order: stage 1 takes three (header, gaps, goals), stages 2–5 one each. */
export const WIZARD_STEPS: readonly WizardStep[] = [
  { id: "header", stage: 1, entities: ["header"] },
  { id: "gaps", stage: 1, entities: ["gaps"] },
  { id: "goals", stage: 1, entities: ["goals"] },
  { id: "causes", stage: 2, entities: ["causes"] },
  { id: "actions", stage: 3, entities: ["actions"] },
  { id: "resources", stage: 4, entities: ["resources", "responsibilities"] },
  { id: "signOff", stage: 5, entities: ["signOff"] },
];
