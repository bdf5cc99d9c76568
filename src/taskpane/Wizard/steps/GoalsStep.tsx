/** Step 3 (stage 1): SMART goals, each checked by validatePlan as it is typed. */
import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { AGGREGATIONS, DIRECTIONS, METHODS, type Goal, type Plan } from "../../../core/model";
import { useUi } from "../../context";
import { ChoiceField, DateField, NumberField, TextField } from "../../fields/Fields";
import { formatPercent } from "../../format";
import { nextId } from "../../plan-draft";
import { fieldMessage, itemFindings } from "../findingsFor";
import { ItemCard, removeAt, replaceAt } from "../ItemCard";
import type { StepProps } from "../Wizard.types";
import { useStepStyles } from "../Wizard.styles";

export function newGoal(plan: Plan): Goal {
  const used = plan.goals.reduce((sum, g) => sum + (Number.isFinite(g.weight) ? g.weight : 0), 0);
  return {
    id: nextId("G", plan.goals.map((g) => g.id)),
    title: "",
    metric: "",
    unit: "",
    baseline: Number.NaN,
    target: Number.NaN,
    direction: "increase",
    aggregation: "sum",
    weight: Math.max(0, Number.parseFloat((1 - used).toPrecision(12))),
    dueDate: plan.header.planEnd,
    method: "ratio",
  };
}

export function GoalsStep({ draft, update, findings, disabled }: StepProps): ReactNode {
  const { t, language } = useUi();
  const styles = useStepStyles();
  const setGoal = (i: number, change: Partial<Goal>) => update((p) => ({ ...p, goals: replaceAt(p.goals, i, (g) => ({ ...g, ...change })) }));
  const weightSum = draft.goals.reduce((sum, g) => sum + (Number.isFinite(g.weight) ? g.weight : 0), 0);
  return (
    <div className={styles.fields}>
      {draft.goals.map((goal, i) => {
        const msg = (field: keyof Goal) => fieldMessage(findings, language, "goals", i, field);
        return (
          <ItemCard
            key={i}
            testId={`goal-${i}`}
            heading={t("goal.item", { id: goal.id })}
            findings={itemFindings(findings, "goals", i)}
            disabled={disabled}
            onRemove={() => update((p) => ({ ...p, goals: removeAt(p.goals, i) }))}
          >
            <TextField label={t("goal.title")} name={`goals.${i}.title`} required multiline value={goal.title} disabled={disabled} message={msg("title")} onChange={(v) => setGoal(i, { title: v })} />
            <div className={styles.pair}>
              <TextField label={t("goal.metric")} name={`goals.${i}.metric`} value={goal.metric} disabled={disabled} message={msg("metric")} onChange={(v) => setGoal(i, { metric: v })} />
              <TextField label={t("goal.unit")} name={`goals.${i}.unit`} value={goal.unit} disabled={disabled} message={msg("unit")} onChange={(v) => setGoal(i, { unit: v })} />
            </div>
            <div className={styles.pair}>
              <NumberField label={t("goal.baseline")} name={`goals.${i}.baseline`} required value={goal.baseline} disabled={disabled} message={msg("baseline")} onChange={(v) => setGoal(i, { baseline: v ?? Number.NaN })} />
              <NumberField label={t("goal.target")} name={`goals.${i}.target`} required value={goal.target} disabled={disabled} message={msg("target")} onChange={(v) => setGoal(i, { target: v ?? Number.NaN })} />
            </div>
            <ChoiceField label={t("goal.direction")} name={`goals.${i}.direction`} value={goal.direction} disabled={disabled} message={msg("direction")} options={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))} onChange={(v) => setGoal(i, { direction: v })} />
            <ChoiceField label={t("goal.aggregation")} name={`goals.${i}.aggregation`} value={goal.aggregation} disabled={disabled} message={msg("aggregation")} options={AGGREGATIONS.map((a) => ({ value: a, label: t(`aggregation.${a}`) }))} onChange={(v) => setGoal(i, { aggregation: v })} />
            <ChoiceField label={t("goal.method")} name={`goals.${i}.method`} value={goal.method} disabled={disabled} message={msg("method")} options={METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))} onChange={(v) => setGoal(i, { method: v })} />
            <div className={styles.pair}>
              <NumberField label={t("goal.weight")} name={`goals.${i}.weight`} required scale={100} value={goal.weight} disabled={disabled} message={msg("weight")} onChange={(v) => setGoal(i, { weight: v ?? Number.NaN })} />
              <DateField label={t("goal.dueDate")} name={`goals.${i}.dueDate`} nullable value={goal.dueDate} disabled={disabled} message={msg("dueDate")} onChange={(v) => setGoal(i, { dueDate: v })} />
            </div>
          </ItemCard>
        );
      })}
      {draft.goals.length > 0 ? (
        <output className={styles.live} data-testid="weight-sum">
          {t("goal.weightSum", { value: formatPercent(language, weightSum) })}
        </output>
      ) : null}
      <Button className={styles.add} disabled={disabled} onClick={() => update((p) => ({ ...p, goals: [...p.goals, newGoal(p)] }))}>
        {t("goal.add")}
      </Button>
    </div>
  );
}
