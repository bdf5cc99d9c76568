/**
 * The pane's form controls: a Fluent Field (label, hint, message) around one control. Number fields keep the
 * text as typed, so "4." or "-" can be typed on the way to a number; dates are typed as YYYY-MM-DD text so that
 * a bad date stays visible and is reported (a native date picker would silently refuse it).
 */
import { Checkbox, Field, Input, Select, Textarea } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import { useUi } from "../context";
import type { CheckFieldProps, ChoiceFieldProps, DateFieldProps, FieldMessage, NumberFieldProps, TextFieldProps } from "./fields.types";
import { useFieldStyles } from "./fields.styles";
import { isDateText, numberToText, parseNumberText } from "./parse";

function fieldState(message: FieldMessage | undefined): "error" | "warning" | "none" {
  return message ? message.severity : "none";
}

export function TextField(props: TextFieldProps): ReactNode {
  const styles = useFieldStyles();
  return (
    <Field
      className={styles.field}
      label={props.label}
      hint={props.message ? undefined : props.hint}
      validationState={fieldState(props.message)}
      validationMessage={props.message?.text}
      required={props.required}
    >
      {props.multiline ? (
        <Textarea
          className={styles.control}
          value={props.value}
          placeholder={props.placeholder}
          disabled={props.disabled}
          data-field={props.name}
          resize="vertical"
          onChange={(_, data) => props.onChange(data.value)}
        />
      ) : (
        <Input
          className={styles.control}
          value={props.value}
          placeholder={props.placeholder}
          disabled={props.disabled}
          data-field={props.name}
          onChange={(_, data) => props.onChange(data.value)}
        />
      )}
    </Field>
  );
}

export function NumberField(props: NumberFieldProps): ReactNode {
  const styles = useFieldStyles();
  const { t } = useUi();
  const scale = props.scale ?? 1;
  const [text, setText] = useState(() => numberToText(props.value, scale));
  // Follow outside changes (a plan read from the workbook) without clobbering what is being typed.
  useEffect(() => {
    const parsed = parseNumberText(text, scale);
    if (!parsed.ok || parsed.value !== props.value) setText(numberToText(props.value, scale));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new outside value should reset the text
  }, [props.value, scale]);
  const parsed = parseNumberText(text, scale);
  let message = props.message;
  if (!parsed.ok) message = { severity: "error", text: t("input.notNumber") };
  else if (parsed.value === null && !props.nullable && props.required) message = { severity: "error", text: t("input.required") };
  const field = (
    <Field
      className={styles.field}
      label={props.label}
      hint={message ? undefined : props.hint}
      validationState={fieldState(message)}
      validationMessage={message?.text}
      required={props.required}
    >
      <Input
        className={styles.control}
        inputMode="decimal"
        value={text}
        disabled={props.disabled}
        data-field={props.name}
        onChange={(_, data) => {
          setText(data.value);
          const next = parseNumberText(data.value, scale);
          if (next.ok && (next.value !== null || props.nullable)) props.onChange(next.value);
        }}
      />
    </Field>
  );
  if (!props.after) return field;
  return (
    <div className={styles.withAfter}>
      {field}
      {props.after}
    </div>
  );
}

export function DateField(props: DateFieldProps): ReactNode {
  const styles = useFieldStyles();
  const { t } = useUi();
  const text = props.value ?? "";
  let message = props.message;
  if (!message && text.trim() !== "" && !isDateText(text)) message = { severity: "error", text: t("input.notDate") };
  else if (!message && text.trim() === "" && props.required) message = { severity: "error", text: t("input.required") };
  return (
    <Field
      className={styles.field}
      label={props.label}
      hint={message ? undefined : (props.hint ?? "YYYY-MM-DD")}
      validationState={fieldState(message)}
      validationMessage={message?.text}
      required={props.required}
    >
      <Input
        className={styles.control}
        value={text}
        placeholder="YYYY-MM-DD"
        inputMode="numeric"
        disabled={props.disabled}
        data-field={props.name}
        onChange={(_, data) => {
          const typed = data.value.trim();
          props.onChange(typed === "" && props.nullable ? null : typed);
        }}
      />
    </Field>
  );
}

export function ChoiceField<V extends string>(props: ChoiceFieldProps<V>): ReactNode {
  const styles = useFieldStyles();
  return (
    <Field
      className={styles.field}
      label={props.label}
      hint={props.message ? undefined : props.hint}
      validationState={fieldState(props.message)}
      validationMessage={props.message?.text}
      required={props.required}
    >
      <Select
        className={styles.control}
        value={props.value}
        disabled={props.disabled}
        data-field={props.name}
        onChange={(_, data) => props.onChange(data.value as V)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function CheckField(props: CheckFieldProps): ReactNode {
  return (
    <Checkbox
      label={props.label}
      checked={props.checked}
      disabled={props.disabled}
      data-field={props.name}
      onChange={(_, data) => props.onChange(data.checked === true)}
    />
  );
}
