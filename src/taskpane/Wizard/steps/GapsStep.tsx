/** Step 2 (stage 1): the objective data behind the problem, with the attainment computed as you type. */
import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { attainment } from "../../../core/analysis";
import { DIRECTIONS, type PerformanceGap } from "../../../core/model";
import { isPercentUnit, valueForUnitChange } from "../../../core/percent";
import { useUi } from "../../context";
import { ChoiceField, NumberField, TextField } from "../../fields/Fields";
import { formatMeasure, formatPercent, formatSignedNumber, formatSignedPercent } from "../../format";
import { goalFromGap } from "./GoalsStep";
import { fieldMessage, itemFindings } from "../findingsFor";
import { ItemCard, removeAt, replaceAt } from "../ItemCard";
import type { StepProps } from "../Wizard.types";
import { useStepStyles } from "../Wizard.styles";

function newGap(): PerformanceGap {
  return { metric: "", period: "", target: Number.NaN, actual: Number.NaN, unit: "", direction: "increase", benchmark: null, description: "" };
}

export function GapsStep({ draft, update, findings, disabled }: StepProps): ReactNode {
  const { t, language } = useUi();
  const styles = useStepStyles();
  const setGap = (i: number, change: Partial<PerformanceGap>) => update((p) => ({ ...p, gaps: replaceAt(p.gaps, i, (g) => ({ ...g, ...change })) }));
  return (
    <div className={styles.fields}>
      {draft.gaps.map((gap, i) => {
        const msg = (field: keyof PerformanceGap) => fieldMessage(findings, language, "gaps", i, field);
        const value = attainment(gap, Number.isFinite(gap.actual) ? gap.actual : null);
        const vsBenchmark = gap.benchmark !== null && Number.isFinite(gap.actual) ? gap.actual - gap.benchmark : null;
        const percent = isPercentUnit(gap.unit);
        const fromThisGap = draft.goals.find((g) => g.metric !== "" && g.metric === gap.metric);
        const canMakeGoal = gap.metric.trim() !== "" && Number.isFinite(gap.actual) && Number.isFinite(gap.target) && gap.actual !== gap.target;
        return (
          <ItemCard
            key={i}
            testId={`gap-${i}`}
            heading={t("gap.item", { n: i + 1 })}
            findings={itemFindings(findings, "gaps", i)}
            disabled={disabled}
            onRemove={() => update((p) => ({ ...p, gaps: removeAt(p.gaps, i) }))}
          >
            <TextField label={t("gap.metric")} name={`gaps.${i}.metric`} required value={gap.metric} disabled={disabled} message={msg("metric")} onChange={(v) => setGap(i, { metric: v })} />
            <div className={styles.pair}>
              <TextField label={t("gap.period")} name={`gaps.${i}.period`} value={gap.period} disabled={disabled} message={msg("period")} onChange={(v) => setGap(i, { period: v })} />
              <TextField
                label={t("gap.unit")}
                name={`gaps.${i}.unit`}
                value={gap.unit}
                disabled={disabled}
                message={msg("unit")}
                onChange={(v) =>
                  update((p) => ({
                    ...p,
                    gaps: replaceAt(p.gaps, i, (g) => ({
                      ...g,
                      unit: v,
                      target: valueForUnitChange(g.target, g.unit, v),
                      actual: valueForUnitChange(g.actual, g.unit, v),
                      benchmark: g.benchmark === null ? null : valueForUnitChange(g.benchmark, g.unit, v),
                    })),
                  }))
                }
              />
            </div>
            <ChoiceField
              label={t("gap.direction")}
              name={`gaps.${i}.direction`}
              value={gap.direction}
              disabled={disabled}
              options={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))}
              onChange={(v) => setGap(i, { direction: v })}
            />
            <div className={styles.pair}>
              <NumberField label={t("gap.target")} name={`gaps.${i}.target`} required percent={percent} value={gap.target} disabled={disabled} message={msg("target")} onChange={(v) => setGap(i, { target: v ?? Number.NaN })} />
              <NumberField label={t("gap.actual")} name={`gaps.${i}.actual`} required percent={percent} value={gap.actual} disabled={disabled} message={msg("actual")} onChange={(v) => setGap(i, { actual: v ?? Number.NaN })} />
            </div>
            <output className={styles.live} aria-live="polite" data-testid={`gap-${i}-attainment`}>
              {value === null ? t("gap.attainmentEmpty") : t("gap.attainment", { value: formatPercent(language, value) })}
            </output>
            <NumberField
              label={t("gap.benchmark")}
              name={`gaps.${i}.benchmark`}
              nullable
              percent={percent}
              value={gap.benchmark}
              disabled={disabled}
              message={msg("benchmark")}
              onChange={(v) => setGap(i, { benchmark: v })}
              after={
                vsBenchmark === null ? null : (
                  <output className={styles.live}>
                    {t("gap.vsBenchmark", {
                      diff: percent ? formatSignedPercent(language, vsBenchmark) : `${formatSignedNumber(language, vsBenchmark)} ${gap.unit}`.trim(),
                    })}
                  </output>
                )
              }
            />
            <div className={styles.add}>
              {fromThisGap ? (
                <output className={styles.live} data-testid={`gap-${i}-goal`}>
                  {t("gap.goalMade", { id: fromThisGap.id })}
                </output>
              ) : (
                <Button
                  size="small"
                  disabled={disabled || !canMakeGoal}
                  data-testid={`gap-${i}-make-goal`}
                  onClick={() =>
                    update((p) => {
                      const title = t(gap.direction === "decrease" ? "gap.goalTitleDecrease" : "gap.goalTitle", {
                        metric: gap.metric.trim(),
                        baseline: formatMeasure(language, gap.actual, gap.unit),
                        target: formatMeasure(language, gap.target, gap.unit),
                        due: p.header.planEnd,
                      });
                      return { ...p, goals: [...p.goals, goalFromGap(p, gap, title)] };
                    })
                  }
                >
                  {t("gap.makeGoal")}
                </Button>
              )}
            </div>
            <TextField label={t("gap.description")} name={`gaps.${i}.description`} multiline value={gap.description} disabled={disabled} message={msg("description")} onChange={(v) => setGap(i, { description: v })} />
          </ItemCard>
        );
      })}
      <Button className={styles.add} disabled={disabled} onClick={() => update((p) => ({ ...p, gaps: [...p.gaps, newGap()] }))}>
        {t("gap.add")}
      </Button>
    </div>
  );
}
