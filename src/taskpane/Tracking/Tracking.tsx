/**
 * Tracking (stage 6): add a check-in without typing in the sheet, see the check-in schedule (planned vs held,
 * missed ones highlighted), record a plan adjustment.
 */
import { Button, Field, Input, mergeClasses } from "@fluentui/react-components";
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { analyzePlan, type CheckInSummary } from "../../core/analysis";
import { isValidIsoDate } from "../../core/dates";
import type { Plan } from "../../core/model";
import { useUi } from "../context";
import { markRendered } from "../timing";
import { ChoiceField, DateField, TextField } from "../fields/Fields";
import { useViewStyles } from "../views.styles";
import type { TrackingProps } from "./Tracking.types";
import { checkInFromDraft, useCheckInForm } from "./useCheckInForm";
import type { PaneController } from "../App/App.types";

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
  return (
    <section className={styles.root} data-testid="view-tracking" aria-labelledby="tracking-heading">
      <h2 id="tracking-heading" className={styles.heading}>
        {t("tracking.title")}
      </h2>
      <p className={styles.quiet}>{t("asOf", { date: controller.asOf })}</p>
      <CheckInForm controller={controller} plan={plan} />
      <Schedule checkIns={analysis.checkIns} asOf={controller.asOf} />
      {analysis.overdueActions.length > 0 ? (
        <p className={mergeClasses(styles.text, styles.overdue)} data-testid="overdue-actions">
          {t("overdueActions", { ids: analysis.overdueActions.join(", ") })}
        </p>
      ) : null}
      <AdjustmentForm controller={controller} plan={plan} />
    </section>
  );
}

function CheckInForm({ controller, plan }: { controller: PaneController; plan: Plan }): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  const form = useCheckInForm(plan, controller.asOf);
  const busy = controller.busy !== null;
  const problem = (key: "date" | "goalId" | "actual") => {
    const k = form.problems[key];
    return k ? { severity: "error" as const, text: t(k) } : undefined;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = checkInFromDraft(form.draft);
    if ("problems" in result) {
      form.setProblems(result.problems);
      return;
    }
    form.setProblems({});
    if (await controller.addTrackingEntry(result.entry)) form.reset();
  };
  return (
    <form className={styles.form} aria-labelledby="checkin-heading" onSubmit={(e) => void submit(e)} data-testid="checkin-form" noValidate>
      <h3 id="checkin-heading" className={styles.subheading}>
        {t("tracking.addTitle")}
      </h3>
      <div className={styles.pair}>
        <DateField label={t("tracking.date")} name="checkin.date" required value={form.draft.date} message={problem("date")} disabled={busy} onChange={(v) => form.set("date", v ?? "")} />
        <ChoiceField
          label={t("tracking.goal")}
          name="checkin.goalId"
          value={form.draft.goalId}
          message={problem("goalId")}
          disabled={busy}
          options={plan.goals.map((g) => ({ value: g.id, label: g.title ? `${g.id} · ${g.title}` : g.id }))}
          onChange={(v) => form.set("goalId", v)}
        />
      </div>
      <Field label={t("tracking.actual")} required validationState={problem("actual") ? "error" : "none"} validationMessage={problem("actual")?.text}>
        <Input inputMode="decimal" value={form.draft.actualText} disabled={busy} data-field="checkin.actual" onChange={(_, d) => form.set("actualText", d.value)} />
      </Field>
      <TextField label={t("tracking.note")} name="checkin.note" value={form.draft.note} disabled={busy} onChange={(v) => form.set("note", v)} />
      <TextField label={t("tracking.coachFeedback")} name="checkin.coachFeedback" multiline value={form.draft.coachFeedback} disabled={busy} onChange={(v) => form.set("coachFeedback", v)} />
      <TextField label={t("tracking.enteredBy")} name="checkin.enteredBy" value={form.draft.enteredBy} disabled={busy} onChange={(v) => form.set("enteredBy", v)} />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={busy} data-testid="checkin-submit">
          {t("tracking.submit")}
        </Button>
      </div>
    </form>
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
                  {slot.label.includes(slot.start) ? null : <span className={styles.place}>{`${slot.start} – ${slot.end}`}</span>}
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
  const busy = controller.busy !== null;
  const dateOk = isValidIsoDate(date.trim());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!dateOk || change.trim() === "") return;
    if (await controller.addAdjustment({ date: date.trim(), change, reason, approvedBy })) {
      setTried(false);
      setChange("");
      setReason("");
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
      <DateField label={t("adjustment.date")} name="adjustment.date" required value={date} disabled={busy} onChange={(v) => setDate(v ?? "")} />
      <TextField
        label={t("adjustment.change")}
        name="adjustment.change"
        required
        multiline
        value={change}
        disabled={busy}
        message={tried && change.trim() === "" ? { severity: "error", text: t("input.required") } : undefined}
        onChange={setChange}
      />
      <TextField label={t("adjustment.reason")} name="adjustment.reason" multiline value={reason} disabled={busy} onChange={setReason} />
      <TextField label={t("adjustment.approvedBy")} name="adjustment.approvedBy" value={approvedBy} disabled={busy} onChange={setApprovedBy} />
      <div className={styles.buttons}>
        <Button type="submit" disabled={busy} data-testid="adjustment-submit">
          {t("adjustment.submit")}
        </Button>
      </div>
    </form>
  );
}
