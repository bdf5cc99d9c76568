/** One item of a list step (a goal, an action …): a titled section, its own findings, a remove button. */
import { Button, mergeClasses } from "@fluentui/react-components";
import { useId, useRef, type ReactNode } from "react";
import type { Finding } from "../../core/findings";
import { useUi } from "../context";
import { useRevealAll } from "../fields/reveal";
import { formMessage } from "./findingsFor";
import { useFocusWhenAdded, useItemScope } from "./itemScope";
import { useStepStyles } from "./Wizard.styles";

export interface ItemCardProps {
  heading: string;
  findings: readonly Finding[];
  onRemove: () => void;
  disabled: boolean;
  /** Stable hook for tests, e.g. "goal-0". */
  testId: string;
  children: ReactNode;
}

export function ItemCard(props: ItemCardProps): ReactNode {
  const { t, language } = useUi();
  const styles = useStepStyles();
  const headingId = useId();
  const card = useRef<HTMLElement | null>(null);
  const scope = useItemScope();
  useFocusWhenAdded(card);
  // A whole-item finding ("has no action") waits for Create/Save: the step that fixes it may not be open yet.
  const revealed = useRevealAll();
  return (
    <section ref={card} className={styles.card} aria-labelledby={headingId} data-testid={props.testId}>
      <div className={styles.cardHead}>
        <h3 id={headingId} className={styles.cardTitle}>
          {props.heading}
        </h3>
        <Button
          size="small"
          appearance="subtle"
          disabled={props.disabled}
          aria-label={t("wizard.removeLabel", { item: props.heading })}
          onClick={() => {
            scope?.beforeRemove(props.heading);
            props.onRemove();
          }}
        >
          {t("wizard.remove")}
        </Button>
      </div>
      {revealed
        ? props.findings.map((f, i) => (
            <p key={`${f.code}-${i}`} className={mergeClasses(styles.itemFinding, f.severity === "error" ? styles.error : styles.warning)}>
              {formMessage(f, language)}
            </p>
          ))
        : null}
      {props.children}
    </section>
  );
}

/** Replace one element of a list (immutably). */
export function replaceAt<T>(list: readonly T[], index: number, change: (item: T) => T): T[] {
  return list.map((item, i) => (i === index ? change(item) : item));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}
