/**
 * "Due this week" (issue 17 item 4): as of the pane's date, the check-in due in the current period, the check-ins
 * missed, and the actions ending between today and Sunday — what the manager has to do now, above the full schedule.
 */
import { mergeClasses } from "@fluentui/react-components";
import { useMemo, type ReactNode } from "react";
import type { CheckInSummary } from "../../core/analysis";
import { dueThisWeek } from "../../core/calendar";
import type { Plan } from "../../core/model";
import { useUi } from "../context";
import { useViewStyles } from "../views.styles";

export function DueThisWeek({ plan, checkIns, asOf }: { plan: Plan; checkIns: CheckInSummary; asOf: string }): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  const due = useMemo(() => dueThisWeek(plan, checkIns.schedule, asOf), [plan, checkIns, asOf]);
  if (!due) return null;
  const lines: { key: string; text: string; overdue: boolean }[] = [
    ...due.checkInsMissed.map((c) => ({ key: `missed-${c.label}`, text: t("due.checkInMissed", { period: c.label, start: c.start, end: c.end }), overdue: true })),
    ...(due.checkInDue ? [{ key: "due", text: t("due.checkInDue", { period: due.checkInDue.label, end: due.checkInDue.end }), overdue: false }] : []),
    ...due.actionsEnding.map((a) => ({ key: `action-${a.id}`, text: t("due.actionEnding", { id: a.id, measure: a.measure, end: a.end }), overdue: false })),
  ];
  return (
    <section className={styles.section} aria-labelledby="due-heading" data-testid="due-this-week">
      <h3 id="due-heading" className={styles.subheading}>
        {t("due.title", { start: due.weekStart, end: due.weekEnd })}
      </h3>
      {lines.length === 0 ? (
        <p className={styles.text}>{t("due.nothing")}</p>
      ) : (
        <ul className={styles.bullets}>
          {lines.map((line) => (
            <li key={line.key} className={line.overdue ? mergeClasses(styles.overdue) : undefined} data-overdue={line.overdue}>
              {line.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
