/**
 * Check: the workbook's findings (reader + validation), errors then warnings, in the user's language. Choosing
 * one selects its cell in Excel. The list also refreshes by itself after edits in the sheets (see useApp).
 */
import { Button, mergeClasses } from "@fluentui/react-components";
import { useEffect, useMemo, type ReactNode } from "react";
import type { Finding } from "../../core/findings";
import { useUi } from "../context";
import { markRendered } from "../timing";
import { useViewStyles } from "../views.styles";
import type { CheckProps } from "./Check.types";
import { groupFindings, placeOf } from "./groupFindings";

export function Check({ controller }: CheckProps): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  const groups = useMemo(() => groupFindings(controller.findings), [controller.findings]);
  const busy = controller.busy !== null;
  useEffect(() => {
    markRendered("check");
  }, []);
  return (
    <section className={styles.root} data-testid="view-check" aria-labelledby="check-heading">
      <h2 id="check-heading" className={styles.heading}>
        {t("check.title")}
      </h2>
      <p className={styles.quiet}>{t("check.auto")}</p>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => void controller.check()} data-testid="check-run">
          {controller.busy?.key === "check.running" ? t("check.running") : t("check.run")}
        </Button>
      </div>
      <div aria-live="polite" data-testid="check-results">
        {controller.checks === 0 ? (
          <p className={styles.text}>{t("check.notRun")}</p>
        ) : controller.findings.length === 0 ? (
          <p className={styles.text}>{t("check.none")}</p>
        ) : (
          <>
            <FindingGroup title={t("check.errors", { count: groups.errors.length })} findings={groups.errors} severity="error" onSelect={controller.selectCell} />
            <FindingGroup title={t("check.warnings", { count: groups.warnings.length })} findings={groups.warnings} severity="warning" onSelect={controller.selectCell} />
          </>
        )}
      </div>
    </section>
  );
}

function FindingGroup(props: {
  title: string;
  findings: Finding[];
  severity: "error" | "warning";
  onSelect: (sheet: string, cell: string) => Promise<void>;
}): ReactNode {
  const { t, language } = useUi();
  const styles = useViewStyles();
  if (props.findings.length === 0) return null;
  const headingId = `findings-${props.severity}`;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={`findings-${props.severity}`}>
      <h3 id={headingId} className={mergeClasses(styles.subheading, props.severity === "error" ? styles.error : styles.warning)}>
        {props.title}
      </h3>
      <ul className={styles.list}>
        {props.findings.map((f, i) => {
          const place = placeOf(f);
          const { sheet, cell } = f.location;
          return (
            <li key={`${f.code}-${i}`} data-code={f.code}>
              {place && sheet && cell ? (
                <Button appearance="subtle" className={styles.findingButton} onClick={() => void props.onSelect(sheet, cell)} data-place={place}>
                  <span>
                    {f.message[language]}
                    <span className={styles.place}>{t("check.goTo", { place })}</span>
                  </span>
                </Button>
              ) : (
                <p className={styles.text}>
                  {f.message[language]}
                  <span className={styles.place}>{t("check.noCell")}</span>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
