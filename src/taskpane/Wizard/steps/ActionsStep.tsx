/** Step 5 (stage 3): dated measures with an owner, a completion criterion and resources. */
import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { ACTION_STATUSES, OWNER_ROLES, type Action, type Plan } from "../../../core/model";
import { useUi } from "../../context";
import { ChoiceField, DateField, TextField } from "../../fields/Fields";
import { nextId } from "../../plan-draft";
import { fieldMessage, itemFindings } from "../findingsFor";
import { ItemCard, removeAt, replaceAt } from "../ItemCard";
import type { StepProps } from "../Wizard.types";
import { useStepStyles } from "../Wizard.styles";
import { goalOptions } from "./CausesStep";

function newAction(plan: Plan): Action {
  return {
    id: nextId("A", plan.actions.map((a) => a.id)),
    goalId: plan.goals[0]?.id ?? "",
    causeId: "",
    measure: "",
    owner: "",
    ownerRole: "employee",
    start: plan.header.planStart,
    end: plan.header.planEnd,
    completionCriterion: "",
    resources: "",
    status: "not-started",
  };
}

export function ActionsStep({ draft, update, findings, disabled }: StepProps): ReactNode {
  const { t, language } = useUi();
  const styles = useStepStyles();
  const setAction = (i: number, change: Partial<Action>) => update((p) => ({ ...p, actions: replaceAt(p.actions, i, (a) => ({ ...a, ...change })) }));
  return (
    <div className={styles.fields}>
      {draft.actions.map((action, i) => {
        const msg = (field: keyof Action) => fieldMessage(findings, language, "actions", i, field);
        const causeOptions = [{ value: "", label: t("action.noCause") }, ...draft.causes.map((c) => ({ value: c.id, label: c.description ? `${c.id} · ${c.description}` : c.id }))];
        if (!causeOptions.some((o) => o.value === action.causeId)) causeOptions.push({ value: action.causeId, label: action.causeId });
        return (
          <ItemCard
            key={i}
            testId={`action-${i}`}
            heading={t("action.item", { id: action.id })}
            findings={itemFindings(findings, "actions", i)}
            disabled={disabled}
            onRemove={() => update((p) => ({ ...p, actions: removeAt(p.actions, i) }))}
          >
            <TextField label={t("action.measure")} name={`actions.${i}.measure`} required multiline value={action.measure} disabled={disabled} message={msg("measure")} onChange={(v) => setAction(i, { measure: v })} />
            <ChoiceField label={t("action.goalId")} name={`actions.${i}.goalId`} value={action.goalId} disabled={disabled} message={msg("goalId")} options={goalOptions(draft, action.goalId)} onChange={(v) => setAction(i, { goalId: v })} />
            <ChoiceField label={t("action.causeId")} name={`actions.${i}.causeId`} value={action.causeId} disabled={disabled} message={msg("causeId")} options={causeOptions} onChange={(v) => setAction(i, { causeId: v })} />
            <div className={styles.pair}>
              <TextField label={t("action.owner")} name={`actions.${i}.owner`} required value={action.owner} disabled={disabled} message={msg("owner")} onChange={(v) => setAction(i, { owner: v })} />
              <ChoiceField label={t("action.ownerRole")} name={`actions.${i}.ownerRole`} value={action.ownerRole} disabled={disabled} message={msg("ownerRole")} options={OWNER_ROLES.map((r) => ({ value: r, label: t(`ownerRole.${r}`) }))} onChange={(v) => setAction(i, { ownerRole: v })} />
            </div>
            <div className={styles.pair}>
              <DateField label={t("action.start")} name={`actions.${i}.start`} required value={action.start} disabled={disabled} message={msg("start")} onChange={(v) => setAction(i, { start: v ?? "" })} />
              <DateField label={t("action.end")} name={`actions.${i}.end`} required value={action.end} disabled={disabled} message={msg("end")} onChange={(v) => setAction(i, { end: v ?? "" })} />
            </div>
            <TextField label={t("action.completionCriterion")} name={`actions.${i}.completionCriterion`} value={action.completionCriterion} disabled={disabled} message={msg("completionCriterion")} onChange={(v) => setAction(i, { completionCriterion: v })} />
            <TextField label={t("action.resources")} name={`actions.${i}.resources`} value={action.resources} disabled={disabled} message={msg("resources")} onChange={(v) => setAction(i, { resources: v })} />
            <ChoiceField label={t("action.status")} name={`actions.${i}.status`} value={action.status} disabled={disabled} message={msg("status")} options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionStatus.${s}`) }))} onChange={(v) => setAction(i, { status: v })} />
          </ItemCard>
        );
      })}
      <Button className={styles.add} disabled={disabled} onClick={() => update((p) => ({ ...p, actions: [...p.actions, newAction(p)] }))}>
        {t("action.add")}
      </Button>
    </div>
  );
}
