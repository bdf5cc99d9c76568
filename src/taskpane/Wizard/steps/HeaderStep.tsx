/** Step 1 (stage 1): who, when, which scenario, and the workbook's language. */
import type { ReactNode } from "react";
import { CADENCES, LANGUAGES, SCENARIOS, type PlanHeader } from "../../../core/model";
import { useUi } from "../../context";
import { ChoiceField, DateField, TextField } from "../../fields/Fields";
import { fieldMessage } from "../findingsFor";
import type { StepProps } from "../Wizard.types";
import { useStepStyles } from "../Wizard.styles";

export function HeaderStep({ draft, update, findings, disabled, planExists }: StepProps): ReactNode {
  const { t, language } = useUi();
  const styles = useStepStyles();
  const h = draft.header;
  const set = <K extends keyof PlanHeader>(key: K, value: PlanHeader[K]) => update((p) => ({ ...p, header: { ...p.header, [key]: value } }));
  const msg = (field: keyof PlanHeader) => fieldMessage(findings, language, "header", undefined, field);
  const text = (field: "title" | "employeeName" | "employeeId" | "department" | "position" | "manager" | "hrPartner", required = false) => (
    <TextField
      label={t(`header.${field}`)}
      name={`header.${field}`}
      value={h[field]}
      required={required}
      disabled={disabled}
      message={msg(field)}
      onChange={(v) => set(field, v)}
    />
  );
  return (
    <div className={styles.fields}>
      {text("title")}
      <div className={styles.pair}>
        {text("employeeName", true)}
        {text("employeeId", true)}
      </div>
      <div className={styles.pair}>
        {text("department")}
        {text("position")}
      </div>
      <div className={styles.pair}>
        {text("manager", true)}
        {text("hrPartner")}
      </div>
      <div className={styles.pair}>
        <DateField label={t("header.planStart")} name="header.planStart" required value={h.planStart} disabled={disabled} message={msg("planStart")} onChange={(v) => set("planStart", v ?? "")} />
        <DateField label={t("header.planEnd")} name="header.planEnd" required value={h.planEnd} disabled={disabled} message={msg("planEnd")} onChange={(v) => set("planEnd", v ?? "")} />
      </div>
      <ChoiceField
        label={t("header.scenario")}
        name="header.scenario"
        value={h.scenario}
        disabled={disabled}
        message={msg("scenario")}
        options={SCENARIOS.map((s) => ({ value: s, label: t(`scenario.${s}`) }))}
        onChange={(v) => set("scenario", v)}
      />
      <ChoiceField
        label={t("header.cadence")}
        name="header.cadence"
        value={h.cadence}
        disabled={disabled}
        message={msg("cadence")}
        options={CADENCES.map((c) => ({ value: c, label: t(`cadence.${c}`) }))}
        onChange={(v) => set("cadence", v)}
      />
      <ChoiceField
        label={t("header.language")}
        name="header.language"
        value={h.language}
        hint={t("header.languageHint")}
        disabled={disabled || planExists}
        message={msg("language")}
        options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        onChange={(v) => set("language", v)}
      />
    </div>
  );
}
