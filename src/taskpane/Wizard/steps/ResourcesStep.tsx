/** Step 6 (stage 4): resources and who provides them by when; who does what. */
import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { OWNER_ROLES, type Resource, type Responsibility } from "../../../core/model";
import { useUi } from "../../context";
import { CheckField, ChoiceField, DateField, TextField } from "../../fields/Fields";
import { fieldMessage, itemFindings } from "../findingsFor";
import { ItemCard, removeAt, replaceAt } from "../ItemCard";
import type { StepProps } from "../Wizard.types";
import { useStepStyles } from "../Wizard.styles";

export function ResourcesStep({ draft, update, findings, disabled }: StepProps): ReactNode {
  const { t, language } = useUi();
  const styles = useStepStyles();
  const setResource = (i: number, change: Partial<Resource>) => update((p) => ({ ...p, resources: replaceAt(p.resources, i, (r) => ({ ...r, ...change })) }));
  const setDuty = (i: number, change: Partial<Responsibility>) =>
    update((p) => ({ ...p, responsibilities: replaceAt(p.responsibilities, i, (r) => ({ ...r, ...change })) }));
  return (
    <div className={styles.fields}>
      <h3 className={styles.subheading}>{t("resource.heading")}</h3>
      {draft.resources.map((resource, i) => {
        const msg = (field: keyof Resource) => fieldMessage(findings, language, "resources", i, field);
        return (
          <ItemCard
            key={i}
            testId={`resource-${i}`}
            heading={t("resource.item", { n: i + 1 })}
            findings={itemFindings(findings, "resources", i)}
            disabled={disabled}
            onRemove={() => update((p) => ({ ...p, resources: removeAt(p.resources, i) }))}
          >
            <TextField label={t("resource.what")} name={`resources.${i}.what`} required value={resource.what} disabled={disabled} message={msg("what")} onChange={(v) => setResource(i, { what: v })} />
            <div className={styles.pair}>
              <TextField label={t("resource.provider")} name={`resources.${i}.provider`} value={resource.provider} disabled={disabled} message={msg("provider")} onChange={(v) => setResource(i, { provider: v })} />
              <DateField label={t("resource.due")} name={`resources.${i}.due`} nullable value={resource.due} disabled={disabled} message={msg("due")} onChange={(v) => setResource(i, { due: v })} />
            </div>
            <CheckField label={t("resource.delivered")} name={`resources.${i}.delivered`} checked={resource.delivered} disabled={disabled} onChange={(v) => setResource(i, { delivered: v })} />
          </ItemCard>
        );
      })}
      <Button className={styles.add} disabled={disabled} onClick={() => update((p) => ({ ...p, resources: [...p.resources, { what: "", provider: "", due: null, delivered: false }] }))}>
        {t("resource.add")}
      </Button>

      <h3 className={styles.subheading}>{t("responsibility.heading")}</h3>
      {draft.responsibilities.map((duty, i) => {
        const msg = (field: keyof Responsibility) => fieldMessage(findings, language, "responsibilities", i, field);
        return (
          <ItemCard
            key={i}
            testId={`responsibility-${i}`}
            heading={t("responsibility.item", { n: i + 1 })}
            findings={itemFindings(findings, "responsibilities", i)}
            disabled={disabled}
            onRemove={() => update((p) => ({ ...p, responsibilities: removeAt(p.responsibilities, i) }))}
          >
            <div className={styles.pair}>
              <ChoiceField label={t("responsibility.role")} name={`responsibilities.${i}.role`} value={duty.role} disabled={disabled} message={msg("role")} options={OWNER_ROLES.map((r) => ({ value: r, label: t(`ownerRole.${r}`) }))} onChange={(v) => setDuty(i, { role: v })} />
              <TextField label={t("responsibility.name")} name={`responsibilities.${i}.name`} value={duty.name} disabled={disabled} message={msg("name")} onChange={(v) => setDuty(i, { name: v })} />
            </div>
            <TextField label={t("responsibility.duties")} name={`responsibilities.${i}.duties`} multiline value={duty.duties} disabled={disabled} message={msg("duties")} onChange={(v) => setDuty(i, { duties: v })} />
          </ItemCard>
        );
      })}
      <Button
        className={styles.add}
        disabled={disabled}
        onClick={() => update((p) => ({ ...p, responsibilities: [...p.responsibilities, { role: nextRole(p.responsibilities), name: "", duties: "" }] }))}
      >
        {t("responsibility.add")}
      </Button>
    </div>
  );
}

/** Employee, then manager, then supporting departments: the usual order of the duties table. */
function nextRole(existing: readonly Responsibility[]): Responsibility["role"] {
  return OWNER_ROLES.find((role) => role !== "department" && !existing.some((r) => r.role === role)) ?? "department";
}
