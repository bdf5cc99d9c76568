/**
 * When a field shows its message: after the person has left the field (blur), or once the form has been submitted
 * (Create, Save, Add check-in). A fresh form is not red before anyone has typed. Forms that do not say otherwise
 * show messages at once.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { FieldMessage } from "./fields.types";

const RevealContext = createContext<boolean>(true);

/** Messages of the fields inside show only after a field is left, or everywhere once `all` is true. */
export function RevealFields(props: { all: boolean; children: ReactNode }): ReactNode {
  return <RevealContext.Provider value={props.all}>{props.children}</RevealContext.Provider>;
}

export function useRevealAll(): boolean {
  return useContext(RevealContext);
}

/** The message a field shows now, and the blur handler that marks it as left. */
export function useShownMessage(message: FieldMessage | undefined): { shown: FieldMessage | undefined; onBlur: () => void } {
  const all = useRevealAll();
  const [left, setLeft] = useState(false);
  return { shown: all || left ? message : undefined, onBlur: () => setLeft(true) };
}

/** A field whose entry the plan does not take (its last number taken stays): its data-field name and label. */
export interface UntakenEntry {
  name: string;
  label: string;
}

type UntakenReport = (entry: UntakenEntry, untaken: boolean) => void;
const UntakenContext = createContext<{ report: UntakenReport; names: ReadonlySet<string> } | null>(null);
const NONE: ReadonlySet<string> = new Set();

/**
 * The fields inside report whether their entry is untaken (NumberField: "3x", an emptied required number); `names`
 * are those untaken now, for a live line (the weight total) that must not count what its field does not hold.
 */
export function UntakenFields(props: { onReport: UntakenReport; names: ReadonlySet<string>; children: ReactNode }): ReactNode {
  const value = useMemo(() => ({ report: props.onReport, names: props.names }), [props.onReport, props.names]);
  return <UntakenContext.Provider value={value}>{props.children}</UntakenContext.Provider>;
}

/** The data-field names of the fields whose entry is untaken now. */
export function useUntakenNames(): ReadonlySet<string> {
  return useContext(UntakenContext)?.names ?? NONE;
}

/** Tells the form (if it listens) that this field's entry is untaken, and that it no longer is once fixed or gone. */
export function useReportUntaken(name: string | undefined, label: string, untaken: boolean): void {
  const report = useContext(UntakenContext)?.report;
  useEffect(() => {
    if (!report || !name || !untaken) return;
    report({ name, label }, true);
    return () => report({ name, label }, false);
  }, [report, name, label, untaken]);
}
