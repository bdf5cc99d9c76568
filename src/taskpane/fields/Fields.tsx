/**
 * The pane's form controls: a Fluent Field (label, hint, message) around one control. Number fields keep the
 * text as typed, so "4." or "-" can be typed on the way to a number; a percent field shows a "%" suffix and
 * takes 62, 62 % or 0.62 for the same 0.62 (src/core/percent.ts). Dates are typed as text in any of the forms
 * people use (2026-04-01, 2026/4/1, 2026年4月1日, 4/1/2026; src/core/dates.ts parseUserDate) so a bad date stays
 * visible and is reported; the DatePicker variant (DatePickerField, loaded on demand) adds a calendar.
 * Messages show after the field is left or once its form was submitted (./reveal). Text fields drop the
 * characters an .xlsx cannot hold as they are typed (src/core/xml-text.ts).
 */
import { Checkbox, Field, InfoLabel, Input, Select, Textarea, type FieldProps, type LabelProps } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { parseUserDate } from "../../core/dates";
import { parsePercentText, percentToText } from "../../core/percent";
import { toXmlText } from "../../core/xml-text";
import { useUi } from "../context";
import type { CheckFieldProps, ChoiceFieldProps, DateFieldProps, FieldMessage, NumberFieldProps, TextFieldProps } from "./fields.types";
import { useFieldStyles } from "./fields.styles";
import { numberToText, parseNumberText, type ParsedNumber } from "./parse";
import { useReportUntaken, useShownMessage } from "./reveal";

/** The Field's label, with an InfoLabel when the field has an explanation (Fluent's Field + InfoLabel pattern). */
function labelOf(label: string, info: string | undefined): FieldProps["label"] {
  if (!info) return label;
  return {
    children: (_: unknown, slotProps: LabelProps) => (
      <InfoLabel {...slotProps} info={info}>
        {label}
      </InfoLabel>
    ),
  };
}

function fieldState(message: FieldMessage | undefined): "error" | "warning" | "none" {
  return message ? message.severity : "none";
}

/** Rows for a growing textarea: its lines, long lines counted as wrapped at about 36 characters (320 px). */
export function textareaRows(text: string): number {
  const lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 36)), 0);
  return Math.min(10, Math.max(2, lines));
}

export function TextField(props: TextFieldProps): ReactNode {
  const styles = useFieldStyles();
  const { shown, onBlur } = useShownMessage(props.message);
  const change = (value: string) => props.onChange(toXmlText(value));
  return (
    <Field
      className={styles.field}
      label={labelOf(props.label, props.info)}
      hint={shown ? undefined : props.hint}
      validationState={fieldState(shown)}
      validationMessage={shown?.text}
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
          rows={textareaRows(props.value)}
          onBlur={onBlur}
          onChange={(_, data) => change(data.value)}
        />
      ) : (
        <Input
          className={styles.control}
          value={props.value}
          placeholder={props.placeholder}
          disabled={props.disabled}
          data-field={props.name}
          onBlur={onBlur}
          onChange={(_, data) => change(data.value)}
        />
      )}
    </Field>
  );
}

function parseFor(percent: boolean, scale: number): (text: string) => ParsedNumber {
  return percent ? parsePercentText : (text) => parseNumberText(text, scale);
}

function showFor(percent: boolean, scale: number): (value: number | null) => string {
  return percent ? percentToText : (value) => numberToText(value, scale);
}

export function NumberField(props: NumberFieldProps): ReactNode {
  const styles = useFieldStyles();
  const { t } = useUi();
  const scale = props.scale ?? 1;
  const percent = props.percent === true;
  const parse = parseFor(percent, scale);
  const show = showFor(percent, scale);
  const [text, setText] = useState(() => show(props.value));
  // Follow outside changes (a plan read from the workbook, a unit turned into "%") without clobbering what is
  // being typed: the text is replaced only when it no longer means the value.
  useEffect(() => {
    const parsed = parse(text);
    const same = parsed.ok && (parsed.value === props.value || (parsed.value === null && props.value !== null && !Number.isFinite(props.value)));
    if (!same) setText(show(props.value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new outside value or mode should reset the text
  }, [props.value, scale, percent]);
  const parsed = parse(text);
  let message = props.message;
  if (!parsed.ok) message = { severity: "error", text: t(parsed.reason === "decimalComma" ? "input.decimalComma" : percent ? "input.notPercent" : "input.notNumber") };
  else if (parsed.value === null && !props.nullable && props.required) message = { severity: "error", text: t("input.required") };
  // An entry the plan does not take is told to the form, so the step and the summary on Create say what this field
  // says (issue 12: messages contradicting each other). Untaken: the plan still holds another number (or none, for
  // an optional field) than the text shows; an empty or bad entry over a value the plan lacks anyway (a new goal's
  // baseline) is the checks' own finding already.
  const kept = props.value === null || Number.isFinite(props.value);
  const emptiedRequired = parsed.ok && parsed.value === null && !props.nullable && props.required === true && props.value !== null && Number.isFinite(props.value);
  useReportUntaken(props.name, props.label, (!parsed.ok && kept) || emptiedRequired);
  const { shown, onBlur } = useShownMessage(message);
  const field = (
    <Field
      className={styles.field}
      label={labelOf(props.label, props.info)}
      hint={shown ? undefined : props.hint}
      validationState={fieldState(shown)}
      validationMessage={shown?.text}
      required={props.required}
    >
      <Input
        className={styles.control}
        inputMode="decimal"
        value={text}
        disabled={props.disabled}
        data-field={props.name}
        data-percent={percent ? "true" : undefined}
        contentAfter={percent ? <span aria-hidden="true">%</span> : undefined}
        onBlur={() => {
          onBlur();
          // Once left, a percent field shows what it keeps: "0.62" → "62", "62 %" → "62".
          const now = parse(text);
          if (now.ok && now.value !== null) setText(show(now.value));
        }}
        onChange={(_, data) => {
          setText(data.value);
          const next = parse(data.value);
          if (next.ok && (next.value !== null || props.nullable)) props.onChange(next.value);
        }}
      />
    </Field>
  );
  // `after` === undefined: no wrapper. Anything else (null included) keeps the wrapper, so a live line appearing
  // beside the field does not rebuild the input under the typing person (issue 12: "7.8" became "7").
  if (props.after === undefined) return field;
  return (
    <div className={styles.withAfter}>
      {field}
      {props.after}
    </div>
  );
}

/** A typed date → the ISO date the model keeps, or the text itself when it is no date (validation reports it). */
export function dateFromText(text: string): string {
  return parseUserDate(text) ?? text.trim();
}

const loadDatePicker = () => import(/* webpackChunkName: "date-picker" */ "./DatePickerField");
const LazyDatePickerField = lazy(() => loadDatePicker().then((m) => ({ default: m.DatePickerField })));
// Requested as soon as a view with fields is there, so it is usually ready before anyone reaches a date.
void loadDatePicker();

let focusedDateField: string | null = null;

/** True (once) when the plain date field `name` had the focus as the DatePicker replaced it. */
export function takeDateFocus(name: string): boolean {
  if (focusedDateField !== name) return false;
  focusedDateField = null;
  return true;
}

/** A date field: Fluent's DatePicker (its own chunk), a plain text field of the same look until it has loaded. */
export function DateField(props: DateFieldProps): ReactNode {
  return (
    <Suspense fallback={<PlainDateField {...props} />}>
      <LazyDatePickerField {...props} />
    </Suspense>
  );
}

/** The text-only date field: what shows while the DatePicker loads. */
export function PlainDateField(props: DateFieldProps): ReactNode {
  const styles = useFieldStyles();
  const { t } = useUi();
  const [text, setText] = useState(props.value ?? "");
  useEffect(() => {
    const value = props.value ?? "";
    if (dateFromText(text) !== value) setText(value);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new outside value should reset the text
  }, [props.value]);
  let message: FieldMessage | undefined;
  if (text.trim() !== "" && parseUserDate(text) === null) message = { severity: "error", text: t("input.notDate") };
  else if (text.trim() === "" && props.required) message = { severity: "error", text: t("input.required") };
  else message = props.message;
  const { shown, onBlur } = useShownMessage(message);
  return (
    <Field
      className={styles.field}
      label={labelOf(props.label, props.info)}
      hint={shown ? undefined : (props.hint ?? t("input.dateHint"))}
      validationState={fieldState(shown)}
      validationMessage={shown?.text}
      required={props.required}
    >
      <Input
        className={styles.control}
        value={text}
        placeholder="YYYY-MM-DD"
        disabled={props.disabled}
        data-field={props.name}
        onFocus={() => {
          focusedDateField = props.name ?? null;
        }}
        onBlur={() => {
          focusedDateField = null;
          onBlur();
          const iso = parseUserDate(text);
          if (iso !== null && iso !== text) setText(iso);
        }}
        onChange={(_, data) => {
          setText(data.value);
          const typed = data.value.trim();
          props.onChange(typed === "" && props.nullable ? null : dateFromText(data.value));
        }}
      />
    </Field>
  );
}

export function ChoiceField<V extends string>(props: ChoiceFieldProps<V>): ReactNode {
  const styles = useFieldStyles();
  const { shown, onBlur } = useShownMessage(props.message);
  return (
    <Field
      className={styles.field}
      label={labelOf(props.label, props.info)}
      hint={shown ? undefined : props.hint}
      validationState={fieldState(shown)}
      validationMessage={shown?.text}
      required={props.required}
    >
      <Select
        className={styles.control}
        value={props.value}
        disabled={props.disabled}
        data-field={props.name}
        onBlur={onBlur}
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

