/** One goal's actual in the check-in form: typed as text, the goal's unit beside it ("%", "minutes", "万元"). */
import { Field, Input } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Goal } from "../../core/model";
import { isPercentUnit } from "../../core/percent";
import { useUi } from "../context";
import type { FieldMessage } from "../fields/fields.types";
import { useFieldStyles } from "../fields/fields.styles";
import { useShownMessage } from "../fields/reveal";
import { formatMeasure } from "../format";

export function ActualField(props: {
  goal: Goal;
  label: string;
  name: string;
  value: string;
  disabled: boolean;
  message: FieldMessage | undefined;
  onChange: (text: string) => void;
}): ReactNode {
  const { t, language } = useUi();
  const styles = useFieldStyles();
  const { shown, onBlur } = useShownMessage(props.message);
  const unit = props.goal.unit.trim();
  const percent = isPercentUnit(unit);
  const hint = t("tracking.actualHint", {
    baseline: formatMeasure(language, props.goal.baseline, unit),
    target: formatMeasure(language, props.goal.target, unit),
  });
  return (
    <Field
      className={styles.field}
      label={props.label}
      hint={shown ? undefined : hint}
      validationState={shown ? shown.severity : "none"}
      validationMessage={shown?.text}
    >
      <Input
        className={styles.control}
        inputMode="decimal"
        value={props.value}
        disabled={props.disabled}
        data-field={props.name}
        contentAfter={unit === "" ? undefined : <span className={styles.unit}>{percent ? "%" : unit}</span>}
        onBlur={onBlur}
        onChange={(_, data) => props.onChange(data.value)}
      />
    </Field>
  );
}
