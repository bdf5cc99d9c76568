/** Step 3 (stage 1): SMART goals, each checked by validatePlan as it is typed. */
import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { AGGREGATIONS, DIRECTIONS, METHODS, type Goal, type PerformanceGap, type Plan } from "../../../core/model";
import { defaultAggregation, isPercentUnit, valueForUnitChange } from "../../../core/percent";
import { useUi } from "../../context";
import { ChoiceField, DateField, NumberField, TextField } from "../../fields/Fields";
import { useUntakenNames } from "../../fields/reveal";
import { WEIGHT_TOLERANCE } from "../../../core/validate";
import { formatMeasure, formatPercent, formatPercentExact } from "../../format";
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
    aggregation: defaultAggregation(""),
    weight: Math.max(0, Number.parseFloat((1 - used).toPrecision(12))),
    dueDate: plan.header.planEnd,
    method: "ratio",
  };
}

/** A goal from a performance gap: its metric, unit and direction, from where it stands now to the gap's target. */
export function goalFromGap(plan: Plan, gap: PerformanceGap, title: string): Goal {
  const unit = gap.unit.trim();
  return {
    ...newGoal(plan),
    title,
    metric: gap.metric,
    unit,
    baseline: gap.actual,
    target: gap.target,
    direction: gap.direction,
    aggregation: defaultAggregation(unit),
  };
}

/** A goal after its unit changed: numbers typed before keep their meaning; a rate check-in averages. */
export function withUnit(goal: Goal, unit: string): Goal {
  const becamePercent = !isPercentUnit(goal.unit) && isPercentUnit(unit);
  return {
    ...goal,
    unit,
    baseline: valueForUnitChange(goal.baseline, goal.unit, unit),
    target: valueForUnitChange(goal.target, goal.unit, unit),
    // "sum" is the default for amounts; a rate's check-ins average (66 % and 70 % make 68 %, not 136 %).
    aggregation: becamePercent && goal.aggregation === "sum" ? "average" : goal.aggregation,
  };
}

export function GoalsStep({ draft, update, findings, disabled }: StepProps): ReactNode {
  const { t, language } = useUi();
  const styles = useStepStyles();
  const setGoal = (i: number, change: (g: Goal) => Goal) => update((p) => ({ ...p, goals: replaceAt(p.goals, i, change) }));
  // A weight field whose entry is not taken (emptied, "abc") counts as not entered, whatever the plan still holds.
  const untaken = useUntakenNames();
  const entered = draft.goals.map((g, i) => Number.isFinite(g.weight) && !untaken.has(`goals.${i}.weight`));
  const weightSum = draft.goals.reduce((sum, g, i) => sum + (entered[i] ? g.weight : 0), 0);
  const weightsReadable = entered.every(Boolean);
  // The live total never rounds to "100 %" when the checks say the weights do not add up (50 % + 49.99 %): off by
  // more than the core's tolerance, it shows the digits the finding shows.
  const weightsWhole = Math.abs(weightSum - 1) <= WEIGHT_TOLERANCE;
  const weightText = weightsWhole ? formatPercent(language, 1) : formatPercentExact(language, weightSum);
  return (
    <div className={styles.fields}>
      {draft.goals.map((goal, i) => {
        const msg = (field: keyof Goal) => fieldMessage(findings, language, "goals", i, field);
        const percent = isPercentUnit(goal.unit);
        const set = (change: Partial<Goal>) => setGoal(i, (g) => ({ ...g, ...change }));
        return (
          <ItemCard
            key={i}
            testId={`goal-${i}`}
            heading={t("goal.item", { id: goal.id })}
            findings={itemFindings(findings, "goals", i)}
            disabled={disabled}
            onRemove={() => update((p) => ({ ...p, goals: removeAt(p.goals, i) }))}
          >
            <TextField label={t("goal.title")} name={`goals.${i}.title`} required multiline value={goal.title} disabled={disabled} message={msg("title")} onChange={(v) => set({ title: v })} />
            <div className={styles.pair}>
              <TextField label={t("goal.metric")} name={`goals.${i}.metric`} value={goal.metric} disabled={disabled} message={msg("metric")} onChange={(v) => set({ metric: v })} />
              <TextField label={t("goal.unit")} name={`goals.${i}.unit`} hint={t("goal.unitHint")} value={goal.unit} disabled={disabled} message={msg("unit")} onChange={(v) => setGoal(i, (g) => withUnit(g, v))} />
            </div>
            <div className={styles.pair}>
              <NumberField label={t("goal.baseline")} name={`goals.${i}.baseline`} required percent={percent} value={goal.baseline} disabled={disabled} message={msg("baseline")} onChange={(v) => set({ baseline: v ?? Number.NaN })} />
              <NumberField label={t("goal.target")} name={`goals.${i}.target`} required percent={percent} value={goal.target} disabled={disabled} message={msg("target")} onChange={(v) => set({ target: v ?? Number.NaN })} />
            </div>
            {percent && Number.isFinite(goal.baseline) && Number.isFinite(goal.target) ? (
              <output className={styles.live} data-testid={`goal-${i}-stored`}>
                {t("goal.percentStored", { baseline: formatMeasure(language, goal.baseline, goal.unit), target: formatMeasure(language, goal.target, goal.unit) })}
              </output>
            ) : null}
            <ChoiceField label={t("goal.direction")} name={`goals.${i}.direction`} value={goal.direction} disabled={disabled} message={msg("direction")} options={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))} onChange={(v) => set({ direction: v })} />
            <ChoiceField
              label={t("goal.aggregation")}
              info={t("goal.aggregationInfo")}
              name={`goals.${i}.aggregation`}
              value={goal.aggregation}
              disabled={disabled}
              message={msg("aggregation")}
              options={AGGREGATIONS.map((a) => ({ value: a, label: t(`aggregation.${a}`) }))}
              onChange={(v) => set({ aggregation: v })}
            />
            <ChoiceField
              label={t("goal.method")}
              info={t("goal.methodInfo")}
              name={`goals.${i}.method`}
              value={goal.method}
              disabled={disabled}
              message={msg("method")}
              options={METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
              onChange={(v) => set({ method: v })}
            />
            <div className={styles.pair}>
              <NumberField label={t("goal.weight")} name={`goals.${i}.weight`} required percent value={goal.weight} disabled={disabled} message={msg("weight")} onChange={(v) => set({ weight: v ?? Number.NaN })} />
              <DateField label={t("goal.dueDate")} name={`goals.${i}.dueDate`} nullable value={goal.dueDate} disabled={disabled} message={msg("dueDate")} onChange={(v) => set({ dueDate: v })} />
            </div>
          </ItemCard>
        );
      })}
      {draft.goals.length > 0 ? (
        <output className={styles.live} data-testid="weight-sum">
          {weightsReadable ? t("goal.weightSum", { value: weightText }) : t("goal.weightSumIncomplete", { value: weightText })}
        </output>
      ) : null}
      <Button className={styles.add} disabled={disabled} onClick={() => update((p) => ({ ...p, goals: [...p.goals, newGoal(p)] }))}>
        {t("goal.add")}
      </Button>
    </div>
  );
}

