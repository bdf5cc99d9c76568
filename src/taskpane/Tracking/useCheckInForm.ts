/** The add-a-check-in form's state and its checks before anything is written. */
import { useState } from "react";
import { isValidIsoDate } from "../../core/dates";
import type { Plan, TrackingEntry } from "../../core/model";
import type { UiKey } from "../../i18n/ui";
import { parseNumberText } from "../fields/parse";

export interface CheckInDraft {
  date: string;
  goalId: string;
  actualText: string;
  note: string;
  coachFeedback: string;
  enteredBy: string;
}

export type CheckInProblems = Partial<Record<"date" | "goalId" | "actual", UiKey>>;

/** A check-in from the form, or the problems that keep it from being one. */
export function checkInFromDraft(draft: CheckInDraft): { entry: TrackingEntry } | { problems: CheckInProblems } {
  const problems: CheckInProblems = {};
  if (!isValidIsoDate(draft.date.trim())) problems.date = "input.notDate";
  if (draft.goalId === "") problems.goalId = "input.required";
  const actual = parseNumberText(draft.actualText);
  if (!actual.ok) problems.actual = "input.notNumber";
  else if (actual.value === null) problems.actual = "input.required";
  if (Object.keys(problems).length > 0 || !actual.ok || actual.value === null) return { problems };
  return {
    entry: {
      date: draft.date.trim(),
      goalId: draft.goalId,
      actual: actual.value,
      note: draft.note,
      coachFeedback: draft.coachFeedback,
      enteredBy: draft.enteredBy,
    },
  };
}

export function useCheckInForm(plan: Plan, asOf: string) {
  const [draft, setDraft] = useState<CheckInDraft>(() => ({
    date: asOf,
    goalId: plan.goals[0]?.id ?? "",
    actualText: "",
    note: "",
    coachFeedback: "",
    enteredBy: "",
  }));
  const [problems, setProblems] = useState<CheckInProblems>({});
  const set = <K extends keyof CheckInDraft>(key: K, value: CheckInDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return { draft, set, problems, setProblems, reset: () => setDraft((d) => ({ ...d, actualText: "", note: "", coachFeedback: "" })) };
}
