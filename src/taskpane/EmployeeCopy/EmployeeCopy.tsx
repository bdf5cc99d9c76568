/**
 * "A copy for the employee" (issue 17): writes the plan without the restricted parts (the draft outcome, reasons and
 * notes before the decision: src/workbook/audience.ts) as its own .xlsx, when the port can: the preview downloads
 * it, Excel opens it as a new workbook (src/excel/employee-copy.ts). Where it cannot (an Excel without ExcelApi 1.8),
 * the section names the CLI command that makes the same copy.
 */
import { Button } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { usePort, useUi } from "../context";
import { useViewStyles } from "../views.styles";
import { canMakeEmployeeCopy, employeeCopyFailure, opensEmployeeCopy, type EmployeeCopyFailure, type EmployeeCopyOutcome } from "./EmployeeCopy.types";

export function EmployeeCopy(): ReactNode {
  const { t } = useUi();
  const styles = useViewStyles();
  const port = usePort();
  const [state, setState] = useState<{ phase: "idle" | "busy" } | { phase: "failed"; failure: EmployeeCopyFailure } | { phase: "done"; outcome: EmployeeCopyOutcome }>({ phase: "idle" });
  const can = canMakeEmployeeCopy(port);
  const make = async () => {
    if (!canMakeEmployeeCopy(port)) return;
    setState({ phase: "busy" });
    try {
      const outcome = await port.employeeCopy();
      setState({ phase: "done", outcome });
    } catch (error) {
      setState({ phase: "failed", failure: employeeCopyFailure(error) });
    }
  };
  const failureText = (failure: EmployeeCopyFailure): string => {
    if (failure.step === "noPlan") return t("employeeCopy.failedNoPlan");
    if (failure.step === "open") return t("employeeCopy.failedOpen");
    if (failure.step === "read") {
      const detail = failure.slice !== null && failure.slices !== null ? t("employeeCopy.sliceOf", { slice: failure.slice, slices: failure.slices }) : t("employeeCopy.fileUnavailable");
      return t("employeeCopy.failedRead", { detail });
    }
    return t("employeeCopy.failed");
  };
  return (
    <section className={styles.section} aria-labelledby="employee-copy-heading" data-testid="employee-copy">
      <h3 id="employee-copy-heading" className={styles.subheading}>
        {t("employeeCopy.title")}
      </h3>
      <p className={styles.text}>{t("employeeCopy.explain")}</p>
      {can ? (
        <Button appearance="secondary" data-testid="employee-copy-download" disabled={state.phase === "busy"} onClick={() => void make()}>
          {state.phase === "busy" ? t("employeeCopy.working") : opensEmployeeCopy(port) ? t("employeeCopy.open") : t("employeeCopy.download")}
        </Button>
      ) : (
        <p className={styles.text} data-testid="employee-copy-cli">
          {t("employeeCopy.inExcel")}
        </p>
      )}
      <div aria-live="polite">
        {state.phase === "done" ? (
          <p className={styles.text}>{state.outcome.kind === "opened" ? t("employeeCopy.opened") : t("employeeCopy.done", { file: state.outcome.fileName })}</p>
        ) : null}
        {state.phase === "failed" ? <p className={styles.error}>{failureText(state.failure)}</p> : null}
      </div>
    </section>
  );
}
