/**
 * The check-in form's state and its checks before anything is written: one date for the meeting, a row per goal
 * (an actual typed as the goal's unit takes it: 66, 66 % or 0.66 for a "%" goal), the note, the coach's
 * feedback and who entered it. A date outside the plan window or a text actual is refused here, not found later
 * by Check.
 */
import { useState } from "react";
import { isoToDay, parseUserDate } from "../../core/dates";
import type { Goal, Plan, TrackingEntry } from "../../core/model";
import { isPercentUnit, parsePercentText } from "../../core/percent";
import type { UiKey, UiParams } from "../../i18n/ui";
import { parseNumberText } from "../fields/parse";

export interface CheckInDraft {
  date: string;
  /** Typed actual per goal id ("" = no check-in for that goal this time). */
  actuals: Record<string, string>;
  note: string;
  coachFeedback: string;
  enteredBy: string;
}

export interface Problem {
  key: UiKey;
  params?: UiParams;
}

export interface CheckInProblems {
  date?: Problem;
  /** By goal id. */
  actuals?: Record<string, Problem>;
}

/** The as-of date moved into the plan window: a plan that starts next week defaults to its first day. */
export function defaultCheckInDate(asOf: string, plan: Pick<Plan, "header">): string {
  const { planStart, planEnd } = plan.header;
  if (isoToDay(planStart) === null || isoToDay(planEnd) === null || planEnd < planStart) return asOf;
  if (asOf < planStart) return planStart;
  if (asOf > planEnd) return planEnd;
  return asOf;
}

/** An actual typed for a goal: a fraction for a "%" goal (the percent rule), the number otherwise. */
export function parseActual(goal: Pick<Goal, "unit">, text: string): { ok: true; value: number | null } | { ok: false; key: UiKey } {
  const percent = isPercentUnit(goal.unit);
  const parsed = percent ? parsePercentText(text) : parseNumberText(text);
  if (!parsed.ok) return { ok: false, key: parsed.reason === "decimalComma" ? "input.decimalComma" : percent ? "input.notPercent" : "input.notNumber" };
  return parsed;
}

/** The check-ins the form holds (one per goal with an actual), or the problems that keep them from being written. */
export function checkInsFromDraft(draft: CheckInDraft, plan: Plan): { entries: TrackingEntry[] } | { problems: CheckInProblems } {
  const problems: CheckInProblems = {};
  const date = parseUserDate(draft.date);
  const { planStart, planEnd } = plan.header;
  if (date === null) problems.date = { key: draft.date.trim() === "" ? "input.required" : "input.notDate" };
  else if (date < planStart || date > planEnd) problems.date = { key: "tracking.outsideWindow", params: { start: planStart, end: planEnd } };
  const entries: TrackingEntry[] = [];
  const actualProblems: Record<string, Problem> = {};
  for (const goal of plan.goals) {
    const text = draft.actuals[goal.id] ?? "";
    const parsed = parseActual(goal, text);
    if (!parsed.ok) actualProblems[goal.id] = { key: parsed.key };
    else if (parsed.value !== null && date !== null) {
      entries.push({ date, goalId: goal.id, actual: parsed.value, note: draft.note, coachFeedback: draft.coachFeedback, enteredBy: draft.enteredBy });
    }
  }
  const anyTyped = plan.goals.some((g) => (draft.actuals[g.id] ?? "").trim() !== "");
  if (!anyTyped && plan.goals[0]) actualProblems[plan.goals[0].id] = { key: "tracking.noActual" };
  if (Object.keys(actualProblems).length > 0) problems.actuals = actualProblems;
  if (problems.date || problems.actuals) return { problems };
  return { entries };
}

export function useCheckInForm(plan: Plan, asOf: string) {
  const [draft, setDraft] = useState<CheckInDraft>(() => ({
    date: defaultCheckInDate(asOf, plan),
    actuals: {},
    note: "",
    coachFeedback: "",
    enteredBy: plan.header.manager,
  }));
  const [problems, setProblems] = useState<CheckInProblems>({});
  const [tried, setTried] = useState(false);
  const set = <K extends keyof CheckInDraft>(key: K, value: CheckInDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setActual = (goalId: string, text: string) => setDraft((d) => ({ ...d, actuals: { ...d.actuals, [goalId]: text } }));
  return {
    draft,
    set,
    setActual,
    problems,
    setProblems,
    tried,
    setTried,
    reset: () => {
      setTried(false);
      setDraft((d) => ({ ...d, actuals: {}, note: "", coachFeedback: "" }));
    },
  };
}
