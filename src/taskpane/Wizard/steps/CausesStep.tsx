/** Step 4 (stage 2): root causes — personal or external, fishbone category, 5W2H — each linked to a goal. */
import { Button } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { FACTORS, FISHBONE, type FishboneCategory, type Plan, type RootCause } from "../../../core/model";
import { useUi } from "../../context";
import { ChoiceField, TextField } from "../../fields/Fields";
import { nextId } from "../../plan-draft";
import { fieldMessage, itemFindings } from "../findingsFor";
import { ItemCard, removeAt, replaceAt } from "../ItemCard";
import type { StepProps } from "../Wizard.types";
import { useStepStyles } from "../Wizard.styles";

const FIVE_W_TWO_H = ["why", "what", "where", "when", "who", "how", "howMuch"] as const;
const NO_CATEGORY = "none";

function newCause(plan: Plan): RootCause {
  return {
    id: nextId("C", plan.causes.map((c) => c.id)),
    goalId: plan.goals[0]?.id ?? "",
    factor: "personal",
    category: null,
    description: "",
    why: "",
    what: "",
    where: "",
    when: "",
    who: "",
    how: "",
    howMuch: "",
  };
}

/** Options for a goal link; keeps an unknown id visible so its finding makes sense. */
export function goalOptions(plan: Plan, current: string): { value: string; label: string }[] {
  const options = plan.goals.map((g) => ({ value: g.id, label: g.title ? `${g.id} · ${g.title}` : g.id }));
  if (!options.some((o) => o.value === current)) options.unshift({ value: current, label: current || "—" });
  return options;
}

function FiveW2H({ cause, index, props }: { cause: RootCause; index: number; props: StepProps }): ReactNode {
  const { t, language } = useUi();
  const styles = useStepStyles();
  const legendId = useId();
  return (
    <fieldset className={styles.group} aria-labelledby={legendId}>
      <legend id={legendId} className={styles.legend}>
        {t("cause.fiveW2H")}
      </legend>
      {FIVE_W_TWO_H.map((q) => (
        <TextField
          key={q}
          label={t(`cause.${q}`)}
          name={`causes.${index}.${q}`}
          value={cause[q]}
          disabled={props.disabled}
          message={fieldMessage(props.findings, language, "causes", index, q)}
          onChange={(v) => props.update((p) => ({ ...p, causes: replaceAt(p.causes, index, (c) => ({ ...c, [q]: v })) }))}
        />
      ))}
    </fieldset>
  );
}

export function CausesStep(props: StepProps): ReactNode {
  const { draft, update, findings, disabled } = props;
  const { t, language } = useUi();
  const styles = useStepStyles();
  const setCause = (i: number, change: Partial<RootCause>) => update((p) => ({ ...p, causes: replaceAt(p.causes, i, (c) => ({ ...c, ...change })) }));
  return (
    <div className={styles.fields}>
      {draft.causes.map((cause, i) => {
        const msg = (field: keyof RootCause) => fieldMessage(findings, language, "causes", i, field);
        return (
          <ItemCard
            key={i}
            testId={`cause-${i}`}
            heading={t("cause.item", { id: cause.id })}
            findings={itemFindings(findings, "causes", i)}
            disabled={disabled}
            onRemove={() => update((p) => ({ ...p, causes: removeAt(p.causes, i) }))}
          >
            <ChoiceField label={t("cause.goalId")} name={`causes.${i}.goalId`} value={cause.goalId} disabled={disabled} message={msg("goalId")} options={goalOptions(draft, cause.goalId)} onChange={(v) => setCause(i, { goalId: v })} />
            <TextField label={t("cause.description")} name={`causes.${i}.description`} required multiline value={cause.description} disabled={disabled} message={msg("description")} onChange={(v) => setCause(i, { description: v })} />
            <div className={styles.pair}>
              <ChoiceField label={t("cause.factor")} name={`causes.${i}.factor`} value={cause.factor} disabled={disabled} message={msg("factor")} options={FACTORS.map((f) => ({ value: f, label: t(`factor.${f}`) }))} onChange={(v) => setCause(i, { factor: v })} />
              <ChoiceField
                label={t("cause.category")}
                name={`causes.${i}.category`}
                value={cause.category ?? NO_CATEGORY}
                disabled={disabled}
                message={msg("category")}
                options={[{ value: NO_CATEGORY, label: t("category.none") }, ...FISHBONE.map((c) => ({ value: c, label: t(`category.${c}`) }))]}
                onChange={(v) => setCause(i, { category: v === NO_CATEGORY ? null : (v as FishboneCategory) })}
              />
            </div>
            <FiveW2H cause={cause} index={i} props={props} />
          </ItemCard>
        );
      })}
      <Button className={styles.add} disabled={disabled} onClick={() => update((p) => ({ ...p, causes: [...p.causes, newCause(p)] }))}>
        {t("cause.add")}
      </Button>
    </div>
  );
}
