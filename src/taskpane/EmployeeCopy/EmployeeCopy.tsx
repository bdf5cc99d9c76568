/**
 * "A copy for the employee" (issue 17): writes the plan without the restricted parts (the draft outcome, reasons and
 * notes before the decision: src/workbook/audience.ts) as its own .xlsx, when the port can (the preview downloads
 * it). Where it cannot (Excel), the section names the CLI command that makes the same copy.
 */
import { Button } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { usePort, useUi } from "../context";
import { useViewStyles } from "../views.styles";
import { canMakeEmployeeCopy } from "./EmployeeCopy.types";

export function EmployeeCopy(): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  const port = usePort();
  const [state, setState] = useState<{ phase: "idle" | "busy" | "failed" } | { phase: "done"; fileName: string }>({ phase: "idle" });
  const can = canMakeEmployeeCopy(port);
  const make = async () => {
    if (!canMakeEmployeeCopy(port)) return;
    setState({ phase: "busy" });
    try {
      const outcome = await port.employeeCopy();
      setState({ phase: "done", fileName: outcome.fileName });
    } catch {
      setState({ phase: "failed" });
    }
  };
  return (
    <section className={styles.section} aria-labelledby="employee-copy-heading" data-testid="employee-copy">
      <h3 id="employee-copy-heading" className={styles.subheading}>
        {t("employeeCopy.title")}
      </h3>
      <p className={styles.text}>{t("employeeCopy.explain")}</p>
      {can ? (
        <Button appearance="secondary" data-testid="employee-copy-download" disabled={state.phase === "busy"} onClick={() => void make()}>
          {state.phase === "busy" ? t("employeeCopy.working") : t("employeeCopy.download")}
        </Button>
      ) : (
        <p className={styles.text} data-testid="employee-copy-cli">
          {t("employeeCopy.inExcel")}
        </p>
      )}
      <div aria-live="polite">
        {state.phase === "done" ? <p className={styles.text}>{t("employeeCopy.done", { file: state.fileName })}</p> : null}
        {state.phase === "failed" ? <p className={styles.error}>{t("employeeCopy.failed")}</p> : null}
      </div>
    </section>
  );
}
