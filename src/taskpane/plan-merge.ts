/**
 * What the wizard writes: its stages 1–5 from the draft, stages 6–7 (check-ins, adjustments, the decision) from
 * the plan as last read, so a stale draft never overwrites check-ins added meanwhile.
 * (Type-only imports: this runs in the pane's first chunk, which must not pull in zod.)
 */
import type { Plan } from "../core/model";

export function planToWrite(draft: Plan, latest: Plan | null): Plan {
  if (!latest) return draft;
  return { ...draft, tracking: latest.tracking, adjustments: latest.adjustments, evaluation: latest.evaluation };
}
