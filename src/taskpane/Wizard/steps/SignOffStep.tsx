/** Step 7 (stage 5): the review meeting's signatures, each with the wording of what it means. */
import { Button } from "@fluentui/react-components";
import { useEffect, type ReactNode } from "react";
import { SIGNER_ROLES, type Plan, type SignOffEntry } from "../../../core/model";
import { useUi } from "../../context";
import { ChoiceField, DateField, TextField } from "../../fields/Fields";
import { fieldMessage, itemFindings } from "../findingsFor";
import { ItemCard, removeAt, replaceAt } from "../ItemCard";
import type { StepProps } from "../Wizard.types";
import { useStepStyles } from "../Wizard.styles";

/** The header's names for the signature lines still without one (employee, manager, HR partner). */
export function withSignersFromHeader(plan: Plan): Plan {
  const names: Record<SignOffEntry["role"], string> = { employee: plan.header.employeeName, manager: plan.header.manager, hr: plan.header.hrPartner };
  if (!plan.signOff.some((s) => s.name.trim() === "" && (names[s.role] ?? "").trim() !== "")) return plan;
  return { ...plan, signOff: plan.signOff.map((s) => (s.name.trim() === "" && (names[s.role] ?? "").trim() !== "" ? { ...s, name: names[s.role].trim() } : s)) };
}

export function SignOffStep({ draft, update, findings, disabled }: StepProps): ReactNode {
  const { t, language } = useUi();
  const styles = useStepStyles();
  // Less typing: who signs is already in the header.
  const prefill = withSignersFromHeader(draft) !== draft;
  useEffect(() => {
    if (prefill && !disabled) update(withSignersFromHeader);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- when the step opens
  }, []);
  const setLine = (i: number, change: Partial<SignOffEntry>) => update((p) => ({ ...p, signOff: replaceAt(p.signOff, i, (s) => ({ ...s, ...change })) }));
  return (
    <div className={styles.fields}>
      <p className={styles.ack}>{t("signOff.intro")}</p>
      {draft.signOff.map((line, i) => {
        const msg = (field: keyof SignOffEntry) => fieldMessage(findings, language, "signOff", i, field);
        return (
          <ItemCard
            key={i}
            testId={`signoff-${i}`}
            heading={`${t("signOff.item", { n: i + 1 })} · ${t(`signerRole.${line.role}`)}`}
            findings={itemFindings(findings, "signOff", i)}
            disabled={disabled}
            onRemove={() => update((p) => ({ ...p, signOff: removeAt(p.signOff, i) }))}
          >
            <p className={styles.ack} data-testid={`ack-${line.role}`}>
              {t(`signOff.ack.${line.role}`)}
            </p>
            <ChoiceField label={t("signOff.role")} name={`signOff.${i}.role`} value={line.role} disabled={disabled} message={msg("role")} options={SIGNER_ROLES.map((r) => ({ value: r, label: t(`signerRole.${r}`) }))} onChange={(v) => setLine(i, { role: v })} />
            <div className={styles.pair}>
              <TextField label={t("signOff.name")} name={`signOff.${i}.name`} value={line.name} disabled={disabled} message={msg("name")} onChange={(v) => setLine(i, { name: v })} />
              <DateField label={t("signOff.date")} name={`signOff.${i}.date`} nullable value={line.date} disabled={disabled} message={msg("date")} onChange={(v) => setLine(i, { date: v })} />
            </div>
            <TextField label={t("signOff.comment")} name={`signOff.${i}.comment`} value={line.comment} disabled={disabled} message={msg("comment")} onChange={(v) => setLine(i, { comment: v })} />
          </ItemCard>
        );
      })}
      <Button className={styles.add} disabled={disabled} onClick={() => update((p) => ({ ...p, signOff: [...p.signOff, { role: "hr", name: "", date: null, comment: "" }] }))}>
        {t("signOff.add")}
      </Button>
    </div>
  );
}
