/**
 * When a field shows its message: after the person has left the field (blur), or once the form has been submitted
 * (Create, Save, Add check-in). A fresh form is not red before anyone has typed. Forms that do not say otherwise
 * show messages at once.
 */
import { createContext, useContext, useState, type ReactNode } from "react";
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
