/** Props of the small form controls every view uses (a Fluent Field around one control). */
import type { ReactNode } from "react";

/** What a field shows under its control: a finding's message (error or warning) or a hint. */
export interface FieldMessage {
  severity: "error" | "warning";
  text: string;
}

interface BaseFieldProps {
  /** Visible label; also the control's accessible name. */
  label: string;
  /** Shown under the control when there is no message. */
  hint?: string;
  /** A longer explanation behind an (i) button beside the label (Fluent InfoLabel). */
  info?: string;
  /** An input problem or a finding for this field. */
  message?: FieldMessage;
  required?: boolean;
  disabled?: boolean;
  /** Stable hook for tests (data-field), e.g. "goals.0.target". */
  name?: string;
}

export interface TextFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
}

export interface NumberFieldProps extends BaseFieldProps {
  value: number | null;
  /** Called with each parsed number (null when empty and `nullable`); not called while the text is not a number. */
  onChange: (value: number | null) => void;
  nullable?: boolean;
  /** Scale between the shown number and the value, e.g. 100 for a fraction shown as percent. */
  scale?: number;
  /** A percentage kept as a fraction: a "%" suffix, and 62, 62 % or 0.62 all mean 0.62 (src/core/percent.ts). */
  percent?: boolean;
  /**
   * Extra content beside the field, e.g. the attainment computed as you type. Pass null (not undefined) while
   * there is nothing to show yet, so the input is not rebuilt when the content appears.
   */
  after?: ReactNode;
}

export interface DateFieldProps extends BaseFieldProps {
  /** ISO date, "" or null when empty. */
  value: string | null;
  /** Called with the text as typed (ISO when valid) or null when emptied and `nullable`. */
  onChange: (value: string | null) => void;
  nullable?: boolean;
}

export interface ChoiceOption<V extends string> {
  value: V;
  label: string;
}

export interface ChoiceFieldProps<V extends string> extends BaseFieldProps {
  value: V;
  options: readonly ChoiceOption<V>[];
  onChange: (value: V) => void;
}

export interface CheckFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  name?: string;
}
