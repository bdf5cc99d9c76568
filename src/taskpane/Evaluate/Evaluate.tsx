/**
 * Evaluate (stage 7): overall and per-goal attainment, status, period-over-period and quarter-over-quarter,
 * the suggested outcome, the decision fields, and a button that refreshes the Evaluation sheet and its charts.
 */
import { Button, mergeClasses } from "@fluentui/react-components";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { analyzePlan, type GoalAnalysis, type GoalStatus, type PeriodValue } from "../../core/analysis";
import { DECISIONS, OUTCOMES, type Decision, type Evaluation, type Goal, type Outcome, type Plan } from "../../core/model";
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
  return (
    <section className={styles.root} data-testid="view-evaluate" aria-labelledby="evaluate-heading">
      <h2 id="evaluate-heading" className={styles.heading}>
        {t("evaluate.title")}
      </h2>
      <p className={styles.quiet}>{analysis.isFinal ? t("evaluate.final", { date: plan.header.planEnd }) : t("evaluate.interim", { date: controller.asOf })}</p>

      <section className={styles.section} aria-labelledby="overall-heading">
        <h3 id="overall-heading" className={styles.subheading}>
          {t("evaluate.overall")}
        </h3>
        <p className={styles.big} data-testid="overall-attainment">
          {formatPercent(language, analysis.overallAttainment)}
        </p>
        <p className={styles.text} data-testid="outcome-suggestion">
          {`${t("evaluate.suggestion")}: ${analysis.outcomeSuggestion ? t(`outcome.${analysis.outcomeSuggestion}`) : t("empty")}`}
        </p>
      </section>

      {plan.goals.map((goal, i) => (analysis.goals[i] ? <GoalCard key={`${goal.id}-${i}`} goal={goal} result={analysis.goals[i]} index={i} /> : null))}

      <div className={styles.buttons}>
        <Button disabled={busy} onClick={() => void controller.refreshEvaluation()} data-testid="refresh-evaluation">
          {t("evaluate.refresh")}
        </Button>
      </div>

      <DecisionForm controller={controller} plan={plan} suggestion={analysis.outcomeSuggestion} />
    </section>
  );
}

function statusClass(styles: ReturnType<typeof useViewStyles>, status: GoalStatus): string | undefined {
  if (status === "on-track") return styles.statusOn;
  if (status === "at-risk") return styles.statusRisk;
  if (status === "off-track") return styles.statusOff;
  return undefined;
}

function GoalCard({ goal, result, index }: { goal: Goal; result: GoalAnalysis; index: number }): ReactNode {
  const { t, language } = useUi();
  const styles = useViewStyles();
  const unit = goal.unit;
  return (
    <section className={styles.card} aria-labelledby={`goal-result-${index}`} data-testid={`goal-result-${index}`}>
      <h3 id={`goal-result-${index}`} className={styles.cardTitle}>{`${goal.id} · ${goal.title}`}</h3>
      <dl className={styles.metrics}>
        <dt className={styles.dt}>{t("evaluate.toDate")}</dt>
        <dd className={styles.dd}>{formatMeasure(language, result.toDate, unit)}</dd>
        <dt className={styles.dt}>{t("evaluate.attainment")}</dt>
        <dd className={styles.dd} data-testid={`goal-attainment-${index}`}>
          {formatPercent(language, result.attainment)}
        </dd>
        <dt className={styles.dt}>{t("evaluate.progress")}</dt>
        <dd className={styles.dd}>{formatPercent(language, result.progress)}</dd>
        <dt className={styles.dt}>{t("evaluate.score")}</dt>
        <dd className={styles.dd}>{formatPercent(language, result.score)}</dd>
        <dt className={styles.dt}>{t("evaluate.status")}</dt>
        <dd className={mergeClasses(styles.dd, statusClass(styles, result.status))} data-testid={`goal-status-${index}`}>
          {t(`status.${result.status}`)}
        </dd>
      </dl>
      <PeriodTable title={t("evaluate.periods")} changeLabel={t("evaluate.change")} periods={result.periods} unit={unit} />
      <PeriodTable title={t("evaluate.quarters")} changeLabel={t("evaluate.qoq")} periods={result.quarters} unit={unit} />
    </section>
  );
}

function PeriodTable({ title, changeLabel, periods, unit }: { title: string; changeLabel: string; periods: PeriodValue[]; unit: string }): ReactNode {
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
              {t("evaluate.value")}
            </th>
            <th scope="col" className={mergeClasses(styles.th, styles.num)}>
              {changeLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.index}>
              <th scope="row" className={mergeClasses(styles.td, styles.th)}>
                {p.label}
              </th>
              <td className={mergeClasses(styles.td, styles.num)}>{formatMeasure(language, p.value, unit)}</td>
              <td className={mergeClasses(styles.td, styles.num)}>{formatSignedPercent(language, p.change)}</td>
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
    </form>
  );
}
