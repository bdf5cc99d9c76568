/**
 * Tracking (stage 6) for a manager: what is due this week (./DueThisWeek.tsx); one check-in form with a row per goal (its unit beside the actual), checked
 * before anything is written (a real date inside the plan window, a number); the check-ins held so far, each
 * correctable or deletable; the check-in schedule (planned vs held, missed ones highlighted); overdue actions by
 * title; a plan adjustment.
 */
import { Button, mergeClasses } from "@fluentui/react-components";
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { analyzePlan, type CheckInSummary } from "../../core/analysis";
import { parseUserDate } from "../../core/dates";
import type { Goal, Plan, TrackingEntry } from "../../core/model";
import { isPercentUnit, percentToText } from "../../core/percent";
import { ActionFeedback } from "../App/ActionFeedback";
import type { PaneController } from "../App/App.types";
import { useUi } from "../context";
import { markRendered } from "../timing";
import { DateField, TextField } from "../fields/Fields";
import type { FieldMessage } from "../fields/fields.types";
import { RevealFields } from "../fields/reveal";
import { formatMeasure } from "../format";
import { useViewStyles } from "../views.styles";
import type { TrackingProps } from "./Tracking.types";
import { checkInsFromDraft, parseActual, useCheckInForm, type Problem } from "./useCheckInForm";
import { ActualField } from "./ActualField";
import { DueThisWeek } from "./DueThisWeek";
import { CalendarButton } from "./CalendarButton";
import { EmployeeCopy } from "../EmployeeCopy/EmployeeCopy";

export function Tracking({ controller }: TrackingProps): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  const plan = controller.plan;
  useEffect(() => {
    markRendered("tracking");
  }, []);
  if (!plan) {
    return (
      <section className={styles.root} data-testid="view-tracking" aria-labelledby="tracking-heading">
        <h2 id="tracking-heading" className={styles.heading}>
          {t("tracking.title")}
        </h2>
        <p className={styles.text}>{t("noPlanYet")}</p>
      </section>
    );
  }
  return <TrackingWithPlan controller={controller} plan={plan} />;
}

function TrackingWithPlan({ controller, plan }: { controller: PaneController; plan: Plan }): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  const analysis = useMemo(() => analyzePlan(plan, { asOf: controller.asOf }), [plan, controller.asOf]);
  const overdue = analysis.overdueActions.map((id) => {
    const action = plan.actions.find((a) => a.id === id);
    return action && action.measure.trim() !== "" ? `${action.measure} (${id}, ${action.end})` : id;
  });
  return (
    <section className={styles.root} data-testid="view-tracking" aria-labelledby="tracking-heading">
      <h2 id="tracking-heading" className={styles.heading}>
        {t("tracking.title")}
      </h2>
      <p className={styles.quiet}>{t("asOf", { date: controller.asOf })}</p>
      <DueThisWeek plan={plan} checkIns={analysis.checkIns} asOf={controller.asOf} />
      <CheckInForm controller={controller} plan={plan} />
      <History controller={controller} plan={plan} />
      <Schedule checkIns={analysis.checkIns} asOf={controller.asOf} />
      <CalendarButton plan={plan} />
      <EmployeeCopy />
      {overdue.length > 0 ? (
        <section className={styles.section} aria-labelledby="overdue-heading" data-testid="overdue-actions">
          <h3 id="overdue-heading" className={mergeClasses(styles.subheading, styles.overdue)}>
            {t("overdueActions.title", { count: overdue.length })}
          </h3>
          <ul className={styles.bullets}>
            {overdue.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <AdjustmentForm controller={controller} plan={plan} />
    </section>
  );
}

function toMessage(t: (key: Problem["key"], params?: Problem["params"]) => string, problem: Problem | undefined): FieldMessage | undefined {
  return problem ? { severity: "error", text: t(problem.key, problem.params) } : undefined;
}

function goalLabel(goal: Goal): string {
  return goal.title ? `${goal.id} · ${goal.title}` : goal.id;
}

function CheckInForm({ controller, plan }: { controller: PaneController; plan: Plan }): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  const form = useCheckInForm(plan, controller.asOf);
  const busy = controller.busy !== null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.setTried(true);
    const result = checkInsFromDraft(form.draft, plan);
    if ("problems" in result) {
      form.setProblems(result.problems);
      // Focus the first field with a problem, so a keyboard user hears it.
      const first = result.problems.date ? "checkin.date" : `checkin.actual.${Object.keys(result.problems.actuals ?? {})[0] ?? ""}`;
      document.querySelector<HTMLElement>(`[data-field="${CSS.escape(first)}"]`)?.focus();
      return;
    }
    form.setProblems({});
    const [only, ...more] = result.entries;
    const ok = only && more.length === 0 ? await controller.addTrackingEntry(only) : await controller.addTrackingEntries(result.entries);
    if (ok) form.reset();
  };
  // Until the first submit a field's own message waits for the field to be left.
  const dateMessage = form.tried ? toMessage(t, form.problems.date) : undefined;
  return (
    <form className={styles.form} aria-labelledby="checkin-heading" onSubmit={(e) => void submit(e)} data-testid="checkin-form" noValidate>
      <h3 id="checkin-heading" className={styles.subheading}>
        {t("tracking.addTitle")}
      </h3>
      <p className={styles.quiet}>{t("tracking.window", { start: plan.header.planStart, end: plan.header.planEnd })}</p>
      <RevealFields all={form.tried}>
        <DateField
          label={t("tracking.date")}
          name="checkin.date"
          required
          value={form.draft.date}
          message={dateMessage}
          disabled={busy}
          onChange={(v) => {
            form.set("date", v ?? "");
            if (form.problems.date) form.setProblems({ ...form.problems, date: undefined });
          }}
        />
        <fieldset className={styles.group}>
          <legend className={styles.legend}>{t("tracking.actuals")}</legend>
          {plan.goals.map((goal) => (
            <ActualField
              key={goal.id}
              goal={goal}
              label={goalLabel(goal)}
              name={`checkin.actual.${goal.id}`}
              value={form.draft.actuals[goal.id] ?? ""}
              disabled={busy}
              message={toMessage(t, form.problems.actuals?.[goal.id])}
              onChange={(text) => form.setActual(goal.id, text)}
            />
          ))}
        </fieldset>
        <TextField label={t("tracking.note")} name="checkin.note" multiline value={form.draft.note} disabled={busy} onChange={(v) => form.set("note", v)} />
        <TextField label={t("tracking.coachFeedback")} name="checkin.coachFeedback" multiline value={form.draft.coachFeedback} disabled={busy} onChange={(v) => form.set("coachFeedback", v)} />
        <TextField label={t("tracking.enteredBy")} name="checkin.enteredBy" value={form.draft.enteredBy} disabled={busy} onChange={(v) => form.set("enteredBy", v)} />
      </RevealFields>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={busy} data-testid="checkin-submit">
          {t("tracking.submit")}
        </Button>
      </div>
      <ActionFeedback controller={controller} place="checkin" />
    </form>
  );
}

/** The check-ins held so far, newest first, each with Edit and Delete (written through the port). */
function History({ controller, plan }: { controller: PaneController; plan: Plan }): ReactNode {
  const { t, language } = useUi();
  const styles = useViewStyles();
  const [editing, setEditing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const busy = controller.busy !== null;
  const goals = new Map(plan.goals.map((g) => [g.id, g] as const));
  const order = plan.tracking.map((entry, index) => ({ entry, index })).sort((a, b) => (a.entry.date < b.entry.date ? 1 : a.entry.date > b.entry.date ? -1 : b.index - a.index));
  if (order.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="history-heading" data-testid="history">
      <h3 id="history-heading" className={styles.subheading}>
        {t("history.title", { count: order.length })}
      </h3>
      <details className={styles.details} open={editing !== null || confirming !== null || undefined}>
        <summary className={styles.summary}>{t("history.show")}</summary>
        <ul className={styles.list}>
          {order.map(({ entry, index }) => {
            const goal = goals.get(entry.goalId);
            const unit = goal?.unit ?? "";
            return (
              <li key={index} className={styles.historyItem} data-testid={`history-${index}`}>
                {editing === index ? (
                  <EditCheckIn
                    entry={entry}
                    goal={goal}
                    plan={plan}
                    disabled={busy}
                    onCancel={() => setEditing(null)}
                    onSave={async (changed) => {
                      const tracking = plan.tracking.map((e, i) => (i === index ? changed : e));
                      if (await controller.replaceTracking(tracking, "edited")) setEditing(null);
                    }}
                  />
                ) : (
                  <>
                    <span className={styles.text}>
                      <span className={styles.dates}>{entry.date}</span>
                      {` · ${goal ? goalLabel(goal) : entry.goalId} · `}
                      <strong>{formatMeasure(language, entry.actual, unit)}</strong>
                      {entry.note ? <span className={styles.place}>{entry.note}</span> : null}
                    </span>
                    <span className={styles.buttons}>
                      {confirming === index ? (
                        <>
                          <Button
                            size="small"
                            appearance="primary"
                            disabled={busy}
                            data-testid={`history-confirm-${index}`}
                            onClick={async () => {
                              const tracking = plan.tracking.filter((_, i) => i !== index);
                              if (await controller.replaceTracking(tracking, "deleted")) setConfirming(null);
                            }}
                          >
                            {t("history.confirmDelete")}
                          </Button>
                          <Button size="small" disabled={busy} onClick={() => setConfirming(null)}>
                            {t("summary.cancel")}
                          </Button>
                        </>
                      ) : (
                        <>
                          <Button size="small" disabled={busy} aria-label={t("history.editLabel", { date: entry.date, goal: entry.goalId })} onClick={() => setEditing(index)}>
                            {t("history.edit")}
                          </Button>
                          <Button
                            size="small"
                            disabled={busy}
                            data-testid={`history-delete-${index}`}
                            aria-label={t("history.deleteLabel", { date: entry.date, goal: entry.goalId })}
                            onClick={() => setConfirming(index)}
                          >
                            {t("history.delete")}
                          </Button>
                        </>
                      )}
                    </span>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </details>
      <ActionFeedback controller={controller} place="history" />
    </section>
  );
}

function EditCheckIn(props: {
  entry: TrackingEntry;
  goal: Goal | undefined;
  plan: Plan;
  disabled: boolean;
  onSave: (entry: TrackingEntry) => Promise<void>;
  onCancel: () => void;
}): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  const unit = props.goal?.unit ?? "";
  const [date, setDate] = useState(props.entry.date);
  const [actual, setActual] = useState(isPercentUnit(unit) ? percentToText(props.entry.actual) : String(props.entry.actual));
  const [note, setNote] = useState(props.entry.note);
  const [problems, setProblems] = useState<{ date?: Problem; actual?: Problem }>({});
  const save = async () => {
    const next: typeof problems = {};
    const iso = parseUserDate(date);
    const { planStart, planEnd } = props.plan.header;
    if (iso === null) next.date = { key: "input.notDate" };
    else if (iso < planStart || iso > planEnd) next.date = { key: "tracking.outsideWindow", params: { start: planStart, end: planEnd } };
    const parsed = parseActual({ unit }, actual);
    if (!parsed.ok) next.actual = { key: parsed.key };
    else if (parsed.value === null) next.actual = { key: "input.required" };
    setProblems(next);
    if (next.date || next.actual || iso === null || !parsed.ok || parsed.value === null) return;
    await props.onSave({ ...props.entry, date: iso, actual: parsed.value, note });
  };
  return (
    <div className={styles.form} data-testid="history-edit">
      <RevealFields all>
        <DateField label={t("tracking.date")} name="history.date" required value={date} disabled={props.disabled} message={toMessage(t, problems.date)} onChange={(v) => setDate(v ?? "")} />
        {props.goal ? (
          <ActualField goal={props.goal} label={goalLabel(props.goal)} name="history.actual" value={actual} disabled={props.disabled} message={toMessage(t, problems.actual)} onChange={setActual} />
        ) : null}
        <TextField label={t("tracking.note")} name="history.note" multiline value={note} disabled={props.disabled} onChange={setNote} />
      </RevealFields>
      <div className={styles.buttons}>
        <Button size="small" appearance="primary" disabled={props.disabled} data-testid="history-save" onClick={() => void save()}>
          {t("history.save")}
        </Button>
        <Button size="small" disabled={props.disabled} onClick={props.onCancel}>
          {t("summary.cancel")}
        </Button>
      </div>
    </div>
  );
}

function Schedule({ checkIns, asOf }: { checkIns: CheckInSummary; asOf: string }): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  return (
    <section className={styles.section} aria-labelledby="schedule-heading" data-testid="schedule">
      <h3 id="schedule-heading" className={styles.subheading}>
        {t("schedule.title")}
      </h3>
      <p className={styles.text} data-testid="schedule-summary">
        {t("schedule.summary", { planned: checkIns.planned, held: checkIns.held, missed: checkIns.missed })}
      </p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              {t("schedule.period")}
            </th>
            <th scope="col" className={styles.th}>
              {t("schedule.state")}
            </th>
          </tr>
        </thead>
        <tbody>
          {checkIns.schedule.map((slot) => {
            const state = slot.held ? "held" : slot.overdue ? "overdue" : slot.start <= asOf ? "due" : "upcoming";
            return (
              <tr key={slot.index} className={state === "overdue" ? styles.overdueRow : undefined} data-state={state}>
                <td className={styles.td}>
                  {slot.label}
                  {slot.label.includes(slot.start) ? null : <span className={mergeClasses(styles.place, styles.dates)}>{`${slot.start} – ${slot.end}`}</span>}
                </td>
                <td className={mergeClasses(styles.td, state === "overdue" ? styles.overdue : state === "held" ? styles.held : undefined)}>{t(`schedule.${state}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function AdjustmentForm({ controller, plan }: { controller: PaneController; plan: Plan }): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  const [date, setDate] = useState(controller.asOf);
  const [change, setChange] = useState("");
  const [reason, setReason] = useState("");
  const [approvedBy, setApprovedBy] = useState(plan.header.manager);
  const [tried, setTried] = useState(false);
  // A new round of fields after each recorded adjustment: the emptied "Change" is a fresh field, not one left empty
  // (it said "Required" right after a successful Record: found from outside).
  const [round, setRound] = useState(0);
  const busy = controller.busy !== null;
  const iso = parseUserDate(date);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (iso === null || change.trim() === "") return;
    if (await controller.addAdjustment({ date: iso, change, reason, approvedBy })) {
      setTried(false);
      setChange("");
      setReason("");
      setRound((n) => n + 1);
    }
  };
  return (
    <form className={styles.form} aria-labelledby="adjustment-heading" onSubmit={(e) => void submit(e)} data-testid="adjustment-form" noValidate>
      <h3 id="adjustment-heading" className={styles.subheading}>
        {t("adjustment.title")}
      </h3>
      {plan.adjustments.length > 0 ? (
        <ul className={styles.list}>
          {plan.adjustments.map((a, i) => (
            <li key={i} className={styles.quiet}>{`${a.date} · ${a.change}${a.approvedBy ? ` (${a.approvedBy})` : ""}`}</li>
          ))}
        </ul>
      ) : null}
      <RevealFields key={round} all={tried}>
        <DateField label={t("adjustment.date")} name="adjustment.date" required value={date} disabled={busy} onChange={(v) => setDate(v ?? "")} />
        <TextField
          label={t("adjustment.change")}
          name="adjustment.change"
          required
          multiline
          value={change}
          disabled={busy}
          message={change.trim() === "" ? { severity: "error", text: t("input.required") } : undefined}
          onChange={setChange}
        />
        <TextField label={t("adjustment.reason")} name="adjustment.reason" multiline value={reason} disabled={busy} onChange={setReason} />
        <TextField label={t("adjustment.approvedBy")} name="adjustment.approvedBy" value={approvedBy} disabled={busy} onChange={setApprovedBy} />
      </RevealFields>
      <div className={styles.buttons}>
        <Button type="submit" disabled={busy} data-testid="adjustment-submit">
          {t("adjustment.submit")}
        </Button>
      </div>
      <ActionFeedback controller={controller} place="adjustment" />
    </form>
  );
}
