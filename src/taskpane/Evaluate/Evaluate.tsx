/**
 * Evaluate (stage 7): overall and per-goal attainment, status, period-over-period and quarter-over-quarter,
 * the suggested outcome, the decision fields, and a button that refreshes the Evaluation sheet and its charts.
 */
import { Button, InfoLabel, MessageBar, MessageBarBody, mergeClasses } from "@fluentui/react-components";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { analyzePlan, type GoalAnalysis, type GoalStatus, type PeriodValue } from "../../core/analysis";
import { DECISIONS, OUTCOMES, type Decision, type Evaluation, type Goal, type Outcome, type Plan, type Thresholds } from "../../core/model";
import { ActionFeedback } from "../App/ActionFeedback";
import { formMessage } from "../Wizard/findingsFor";
import type { PaneController } from "../App/App.types";
import { useUi } from "../context";
import { markRendered } from "../timing";
import { ChoiceField, DateField, TextField } from "../fields/Fields";
import { formatMeasure, formatPercent, formatSignedPercent } from "../format";
import { useViewStyles } from "../views.styles";
import type { EvaluateProps } from "./Evaluate.types";

const NONE = "none";

export function Evaluate({ controller }: EvaluateProps): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  useEffect(() => {
    markRendered("evaluate");
  }, []);
  if (!controller.plan) {
    return (
      <section className={styles.root} data-testid="view-evaluate" aria-labelledby="evaluate-heading">
        <h2 id="evaluate-heading" className={styles.heading}>
          {t("evaluate.title")}
        </h2>
        <p className={styles.text}>{t("noPlanYet")}</p>
      </section>
    );
  }
  return <EvaluateWithPlan controller={controller} plan={controller.plan} />;
}

function EvaluateWithPlan({ controller, plan }: { controller: PaneController; plan: Plan }): ReactNode {
  const { t, language } = useUi();
  const styles = useViewStyles();
  const analysis = useMemo(() => analyzePlan(plan, { asOf: controller.asOf }), [plan, controller.asOf]);
  const busy = controller.busy !== null;
  const basis = overallBasis(plan, analysis.goals);
  // A "%" value stored as 62 instead of 0.62 makes any outcome meaningless: say so, and suggest nothing.
  const implausible = controller.findings.filter((f) => f.code === "PERCENT_IMPLAUSIBLE");
  const suggestion = implausible.length > 0 ? null : analysis.outcomeSuggestion;
  return (
    <section className={styles.root} data-testid="view-evaluate" aria-labelledby="evaluate-heading">
      <h2 id="evaluate-heading" className={styles.heading}>
        {t("evaluate.title")}
      </h2>
      <p className={styles.quiet}>{analysis.isFinal ? t("evaluate.final", { date: plan.header.planEnd }) : t("evaluate.interim", { date: controller.asOf })}</p>
      {analysis.afterAsOfEntryCount > 0 ? (
        <p className={styles.quiet} data-testid="after-as-of">
          {t("evaluate.afterAsOf", { count: analysis.afterAsOfEntryCount, date: controller.asOf })}
        </p>
      ) : null}

      <section className={styles.section} aria-labelledby="overall-heading">
        <h3 id="overall-heading" className={styles.subheading}>
          {t("evaluate.overall")}
        </h3>
        <p className={styles.big} data-testid="overall-attainment">
          {formatPercent(language, analysis.overallAttainment)}
        </p>
        <p className={styles.quiet} data-testid="overall-basis">
          {basis.counted === 0
            ? t("evaluate.basisNone")
            : t("evaluate.basis", { counted: basis.counted, total: plan.goals.length, weight: formatPercent(language, basis.weightShare) })}
        </p>
        {basis.missing.length > 0 ? (
          <p className={styles.quiet} data-testid="overall-missing">
            {t("evaluate.basisMissing", { goals: basis.missing.join(", ") })}
          </p>
        ) : null}
        {implausible.length > 0 ? (
          <MessageBar intent="warning" layout="multiline" data-testid="implausible">
            <MessageBarBody>
              {t("evaluate.implausible")}
              <ul className={styles.bullets}>
                {implausible.slice(0, 4).map((f, i) => (
                  <li key={i}>{`${f.location.sheet && f.location.cell ? `${f.location.sheet}!${f.location.cell}: ` : ""}${formMessage(f, language)}`}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <p className={styles.text} data-testid="outcome-suggestion">
          {`${t("evaluate.suggestion")}: ${
            suggestion ? t(`outcome.${suggestion}`) : implausible.length > 0 && analysis.outcomeSuggestion ? t("evaluate.suggestionWithheld") : t("empty")
          }`}
        </p>
        <p className={styles.quiet} data-testid="outcome-thresholds">
          {t("evaluate.outcomeThresholds", { met: formatPercent(language, plan.thresholds.met), partiallyMet: formatPercent(language, plan.thresholds.partiallyMet) })}
        </p>
      </section>

      {plan.goals.map((goal, i) =>
        analysis.goals[i] ? <GoalCard key={`${goal.id}-${i}`} goal={goal} result={analysis.goals[i]} index={i} elapsed={analysis.elapsed} thresholds={plan.thresholds} /> : null,
      )}

      <div className={styles.buttons}>
        <Button disabled={busy} onClick={() => void controller.refreshEvaluation()} data-testid="refresh-evaluation">
          {t("evaluate.refresh")}
        </Button>
      </div>
      <ActionFeedback controller={controller} place="refresh" />

      <DecisionForm controller={controller} plan={plan} suggestion={suggestion} />
    </section>
  );
}

function statusClass(styles: ReturnType<typeof useViewStyles>, status: GoalStatus): string | undefined {
  if (status === "on-track") return styles.statusOn;
  if (status === "at-risk") return styles.statusRisk;
  if (status === "off-track") return styles.statusOff;
  return undefined;
}

/** Which goals the overall rests on: those with a score, and their share of the weight. */
export function overallBasis(plan: Plan, results: readonly GoalAnalysis[]): { counted: number; weightShare: number | null; missing: string[] } {
  let total = 0;
  let counted = 0;
  let countedWeight = 0;
  const missing: string[] = [];
  plan.goals.forEach((goal, i) => {
    const w = Number.isFinite(goal.weight) ? goal.weight : 0;
    total += w;
    if (results[i]?.score !== null && results[i]?.score !== undefined) {
      counted++;
      countedWeight += w;
    } else missing.push(goal.id);
  });
  return { counted, weightShare: total > 0 ? countedWeight / total : null, missing };
}

/** The status in words: what the pace rests on and which threshold it crossed. */
function statusReason(
  t: ReturnType<typeof useUi>["t"],
  language: ReturnType<typeof useUi>["language"],
  goal: Goal,
  result: GoalAnalysis,
  elapsed: number | null,
): string | null {
  if (result.pace === null || elapsed === null || elapsed <= 0) return null;
  const status = t(`status.${result.status}`);
  const time = formatPercent(language, elapsed);
  if (goal.aggregation === "sum") {
    return t("evaluate.reasonSum", {
      toDate: formatMeasure(language, result.toDate, goal.unit),
      expected: formatMeasure(language, goal.target * elapsed, goal.unit),
      time,
      pace: formatPercent(language, result.pace),
      status,
    });
  }
  return t("evaluate.reasonGap", { gap: formatPercent(language, result.progress), time, status });
}

function GoalCard({ goal, result, index, elapsed, thresholds }: { goal: Goal; result: GoalAnalysis; index: number; elapsed: number | null; thresholds: Thresholds }): ReactNode {
  const { t, language } = useUi();
  const styles = useViewStyles();
  const unit = goal.unit;
  const scored = goal.method === "progress" ? "progress" : "attainment";
  const reason = statusReason(t, language, goal, result, elapsed);
  return (
    <section className={styles.card} aria-labelledby={`goal-result-${index}`} data-testid={`goal-result-${index}`}>
      <h3 id={`goal-result-${index}`} className={styles.cardTitle}>{`${goal.id} · ${goal.title}`}</h3>
      <p className={styles.quiet}>{`${t(`direction.${goal.direction}`)} · ${formatMeasure(language, goal.baseline, unit)} → ${formatMeasure(language, goal.target, unit)}`}</p>
      <dl className={styles.metrics}>
        <dt className={styles.dt}>{t(`evaluate.toDate.${goal.aggregation}`)}</dt>
        <dd className={styles.dd} data-testid={`goal-to-date-${index}`}>
          {formatMeasure(language, result.toDate, unit)}
        </dd>
        <dt className={styles.dt}>{scored === "attainment" ? `${t("evaluate.attainment")} · ${t("evaluate.scored")}` : t("evaluate.attainment")}</dt>
        <dd className={styles.dd} data-testid={`goal-attainment-${index}`}>
          {formatPercent(language, result.attainment)}
        </dd>
        <dt className={styles.dt}>{scored === "progress" ? `${t("evaluate.progress")} · ${t("evaluate.scored")}` : t("evaluate.progress")}</dt>
        <dd className={styles.dd}>{formatPercent(language, result.progress)}</dd>
        <dt className={styles.dt}>
          <InfoLabel
            size="small"
            info={t("evaluate.statusInfo", { onTrack: formatPercent(language, thresholds.onTrack), atRisk: formatPercent(language, thresholds.atRisk) })}
          >
            {t("evaluate.status")}
          </InfoLabel>
        </dt>
        <dd className={mergeClasses(styles.dd, statusClass(styles, result.status))} data-testid={`goal-status-${index}`}>
          {t(`status.${result.status}`)}
        </dd>
      </dl>
      {reason ? (
        <p className={styles.quiet} data-testid={`goal-status-reason-${index}`}>
          {reason}
        </p>
      ) : null}
      <PeriodTable title={t("evaluate.periods")} changeLabel={t("evaluate.change")} periods={result.periods} goal={goal} />
      <PeriodTable title={t("evaluate.quarters")} changeLabel={t("evaluate.qoq")} periods={result.quarters} goal={goal} />
    </section>
  );
}

/** A change marked as better or worse by the goal's direction (a fall in handling time is an improvement). */
function ChangeCell({ change, goal }: { change: number | null; goal: Goal }): ReactNode {
  const { t, language } = useUi();
  const styles = useViewStyles();
  if (change === null || !Number.isFinite(change) || change === 0) return <>{formatSignedPercent(language, change)}</>;
  const better = goal.direction === "increase" ? change > 0 : change < 0;
  return (
    <span className={better ? styles.statusOn : styles.statusOff} data-trend={better ? "better" : "worse"}>
      {`${better ? "▲" : "▼"} ${formatSignedPercent(language, change)}`}
      <span className={styles.visuallyHidden}>{` ${t(better ? "evaluate.better" : "evaluate.worse")}`}</span>
    </span>
  );
}

function PeriodTable({ title, changeLabel, periods, goal }: { title: string; changeLabel: string; periods: PeriodValue[]; goal: Goal }): ReactNode {
  const { t, language } = useUi();
  const styles = useViewStyles();
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{title}</summary>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              {t("evaluate.period")}
            </th>
            <th scope="col" className={mergeClasses(styles.th, styles.num)}>
              {t(`evaluate.value.${goal.aggregation}`)}
            </th>
            <th scope="col" className={mergeClasses(styles.th, styles.num)}>
              {changeLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.index}>
              <th scope="row" className={mergeClasses(styles.td, styles.th, styles.dates)}>
                {p.label}
              </th>
              <td className={mergeClasses(styles.td, styles.num)}>{formatMeasure(language, p.value, goal.unit)}</td>
              <td className={mergeClasses(styles.td, styles.num)}>
                <ChangeCell change={p.change} goal={goal} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function DecisionForm({ controller, plan, suggestion }: { controller: PaneController; plan: Plan; suggestion: Outcome | null }): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  const [evaluation, setEvaluation] = useState<Evaluation>(plan.evaluation);
  // Each read of the workbook gives a new object; reset the form only when the stored decision really changed.
  const stored = JSON.stringify(plan.evaluation);
  useEffect(() => setEvaluation(JSON.parse(stored) as Evaluation), [stored]);
  const set = <K extends keyof Evaluation>(key: K, value: Evaluation[K]) => setEvaluation((e) => ({ ...e, [key]: value }));
  const busy = controller.busy !== null;
  return (
    <form
      className={styles.form}
      aria-labelledby="decision-heading"
      data-testid="decision-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void controller.saveEvaluation(evaluation);
      }}
    >
      <h3 id="decision-heading" className={styles.subheading}>
        {t("evaluate.decisionTitle")}
      </h3>
      <DateField label={t("evaluate.date")} name="evaluation.date" nullable value={evaluation.date} disabled={busy} onChange={(v) => set("date", v)} />
      <ChoiceField
        label={t("evaluate.outcome")}
        name="evaluation.outcome"
        value={evaluation.outcome ?? NONE}
        disabled={busy}
        options={[{ value: NONE, label: t("evaluate.notChosen") }, ...OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))]}
        onChange={(v) => set("outcome", v === NONE ? null : (v as Outcome))}
      />
      {suggestion && evaluation.outcome !== suggestion ? (
        <div className={styles.buttons}>
          <Button size="small" disabled={busy} onClick={() => set("outcome", suggestion)} data-testid="use-suggestion">
            {`${t("evaluate.useSuggestion")}: ${t(`outcome.${suggestion}`)}`}
          </Button>
        </div>
      ) : null}
      <ChoiceField
        label={t("evaluate.decision")}
        name="evaluation.decision"
        value={evaluation.decision ?? NONE}
        disabled={busy}
        options={[{ value: NONE, label: t("evaluate.notChosen") }, ...DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) }))]}
        onChange={(v) => set("decision", v === NONE ? null : (v as Decision))}
      />
      {evaluation.decision === "extend" ? (
        <DateField label={t("evaluate.extensionEnd")} name="evaluation.extensionEnd" nullable value={evaluation.extensionEnd} disabled={busy} onChange={(v) => set("extensionEnd", v)} />
      ) : null}
      <TextField label={t("evaluate.measuresToStandardise")} name="evaluation.measuresToStandardise" multiline value={evaluation.measuresToStandardise} disabled={busy} onChange={(v) => set("measuresToStandardise", v)} />
      <TextField label={t("evaluate.reasons")} name="evaluation.reasons" multiline value={evaluation.reasons} disabled={busy} onChange={(v) => set("reasons", v)} />
      <TextField label={t("evaluate.notes")} name="evaluation.notes" multiline value={evaluation.notes} disabled={busy} onChange={(v) => set("notes", v)} />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={busy} data-testid="save-decision">
          {t("evaluate.saveDecision")}
        </Button>
      </div>
      <ActionFeedback controller={controller} place="decision" />
    </form>
  );
}
