/**
 * A date field with Fluent's DatePicker (@fluentui/react-datepicker-compat): the calendar for those who pick,
 * text input for those who type, in any of the forms of parseUserDate (2026-04-01, 2026/4/1, 2026年4月1日,
 * 4/1/2026). Its own chunk, loaded on demand (DateField shows a plain text field until it is there).
 *
 * The model hears every keystroke (as DateField's text input does) through the input's onChange, which the
 * DatePicker merges with its own; the picker's value changes only on a pick, on blur or from outside, because a
 * new `value` resets the DatePicker's text (useSelectedDate's effect) and would clobber what is being typed.
 * On blur a text that is no date would be replaced by the DatePicker's last date (its allowTextInput reset); the
 * field is emptied instead and the message quotes what was typed, and the model keeps that text, so a form
 * refuses it (validatePlan's DATE_INVALID, the check-in form's own check) instead of writing a date nobody chose.
 */
import { Field } from "@fluentui/react-components";
import { DatePicker, defaultDatePickerStrings, type DatePickerValidationResultData } from "@fluentui/react-datepicker-compat";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { parseUserDate } from "../../core/dates";
import type { UiLanguage } from "../../i18n/ui";
import { useUi } from "../context";
import type { DateFieldProps, FieldMessage } from "./fields.types";
import { useFieldStyles } from "./fields.styles";
import { dateFromText, takeDateFocus } from "./Fields";
import { useShownMessage } from "./reveal";

/** A calendar day as a local-midnight Date (what the DatePicker shows) and back; no time zone ever crosses. */
function isoToDate(iso: string | null | undefined): Date | null {
  const valid = iso ? parseUserDate(iso) : null;
  if (!valid) return null;
  const [y = Number.NaN, m = Number.NaN, d = Number.NaN] = valid.split("-").map(Number);
  const date = new Date(y, m - 1, d);
  date.setFullYear(y);
  return date;
}

function dateToIso(date: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// Stable functions: the DatePicker resets its text whenever `formatDate` or `value` changes identity.
const formatIso = (date?: Date): string => (date ? dateToIso(date) : "");
const parseTyped = (text: string): Date | null => isoToDate(parseUserDate(text));

function calendarStrings(language: UiLanguage, goToToday: string) {
  const month = (style: "long" | "short") => Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(language, { month: style }).format(new Date(2024, i, 1)));
  // 2024-01-07 was a Sunday: the DatePicker's day arrays start on Sunday.
  const day = (style: "long" | "narrow" | "short") => Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(language, { weekday: style }).format(new Date(2024, 0, 7 + i)));
  return { ...defaultDatePickerStrings, months: month("long"), shortMonths: month("short"), days: day("long"), shortDays: day(language === "zh-CN" ? "narrow" : "short"), goToToday };
}

/** Why the field's text is refused: a text that is no date (quoted), or nothing where a date is required. */
type DateProblem = { typed: string } | { required: true };

export function DatePickerField(props: DateFieldProps): ReactNode {
  const styles = useFieldStyles();
  const { t, language } = useUi();
  const lastSent = useRef<string | null>(props.value);
  const typed = useRef("");
  const [picked, setPicked] = useState<string | null>(props.value);
  // A text that is no date, kept by the model from an earlier blur (the field itself shows it emptied), is quoted
  // again when the field is made anew — a language switch re-renders the form — instead of vanishing with its message.
  // Kept as what to say, not as a sentence: the message follows a language switch.
  const [problemOf, setProblem] = useState<DateProblem | undefined>(() => (props.value && parseUserDate(props.value) === null ? { typed: props.value } : undefined));
  const problem: FieldMessage | undefined = problemOf && { severity: "error", text: "typed" in problemOf ? t("input.notDateTyped", { text: problemOf.typed }) : t("input.required") };
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (props.value !== lastSent.current) {
      lastSent.current = props.value;
      setPicked(props.value);
    }
  }, [props.value]);
  useEffect(() => {
    // The plain field had the focus when this chunk arrived: keep it where the person is.
    if (props.name && takeDateFocus(props.name)) input.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount
  }, []);
  const value = useMemo(() => isoToDate(picked), [picked]);
  const strings = useMemo(() => calendarStrings(language, t("input.goToToday")), [language, t]);
  const send = (next: string | null) => {
    lastSent.current = next;
    props.onChange(next);
  };
  const message = problem ?? (props.required && (props.value ?? "") === "" ? { severity: "error" as const, text: t("input.required") } : props.message);
  const { shown, onBlur } = useShownMessage(message);
  return (
    <Field
      className={styles.field}
      label={props.label}
      hint={shown ? undefined : (props.hint ?? t("input.dateHint"))}
      validationState={shown ? shown.severity : "none"}
      validationMessage={shown?.text}
      required={props.required}
    >
      <DatePicker
        className={styles.control}
        ref={input}
        allowTextInput
        // A click puts the cursor in the field for typing: by default the compat DatePicker opens its calendar on a
        // click and moves the focus into it (useDatePicker: openOnClick || !disableAutoFocus, then calendar.focus()),
        // so a date typed after clicking went nowhere and the check-in kept its default date (found from outside).
        // The calendar opens from its button, ArrowDown or Enter.
        openOnClick={false}
        disableAutoFocus
        value={value}
        disabled={props.disabled}
        placeholder="YYYY-MM-DD"
        firstDayOfWeek={1}
        // Days of the neighbouring months in the normal text colour: the lightened grey fails WCAG contrast (axe).
        calendar={{ calendarDayProps: { lightenDaysOutsideNavigatedMonth: false } }}
        strings={strings}
        formatDate={formatIso}
        parseDateFromString={parseTyped}
        data-field={props.name}
        onChange={(_: unknown, data: { value: string }) => {
          setProblem(undefined);
          typed.current = data.value;
          send(data.value.trim() === "" && props.nullable ? null : dateFromText(data.value));
        }}
        onBlur={onBlur}
        onSelectDate={(date) => {
          setProblem(undefined);
          const iso = date ? dateToIso(date) : null;
          setPicked(iso);
          send(iso ?? (props.nullable ? null : ""));
        }}
        onValidationResult={(data: DatePickerValidationResultData) => {
          if (data.error === "invalid-input") {
            const text = typed.current.trim();
            setProblem({ typed: text });
            setPicked(null);
            send(text);
          }
          else if (data.error === "required-input") setProblem({ required: true });
        }}
      />
    </Field>
  );
}
