/**
 * Diagnostics, at the bottom of the pane and closed by default (out of HR users' way): runs the self-test
 * (src/excel/self-test.ts) through the port and shows its report — host, platform, version, requirement sets,
 * each check passed or failed — with a button that copies the report as text.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Spinner, Textarea } from "@fluentui/react-components";
import { useCallback, useState, type ReactNode } from "react";
import { diagnosticsText, type DiagnosticsKey } from "../../i18n/diagnostics";
import { usePort, useUi } from "../context";
import { canRunSelfTest, type DiagnosticsState } from "./Diagnostics.types";
import { useDiagnosticsStyles } from "./Diagnostics.styles";
import { formatSelfTestReport } from "./report";

/** navigator.clipboard where the host allows it; else the selected text area and execCommand("copy"). */
async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Office's frame may deny clipboard-write: fall back to the selection.
  }
  if (!area) return false;
  area.focus();
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

export function Diagnostics(): ReactNode {
  const port = usePort();
  const { language } = useUi();
  const styles = useDiagnosticsStyles();
  const [state, setState] = useState<DiagnosticsState>({ phase: "idle" });
  const [copied, setCopied] = useState<"copied" | "copyFailed" | null>(null);
  const [area, setArea] = useState<HTMLTextAreaElement | null>(null);
  const t = useCallback((key: DiagnosticsKey, params?: Record<string, string | number>) => diagnosticsText(language, key, params), [language]);

  if (!canRunSelfTest(port)) return null;

  const run = async () => {
    setCopied(null);
    setState({ phase: "running" });
    try {
      setState({ phase: "done", report: await port.runSelfTest({ language }) });
    } catch (error) {
      setState({ phase: "crashed", message: error instanceof Error ? error.message : String(error) });
    }
  };
  const text = state.phase === "done" ? formatSelfTestReport(state.report, language) : "";

  return (
    <section className={styles.root} aria-label={t("title")} data-testid="diagnostics">
      <Accordion collapsible>
        <AccordionItem value="diagnostics">
          <AccordionHeader size="small">{t("title")}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <p className={styles.intro}>{t("intro")}</p>
            <div className={styles.actions}>
              <Button size="small" appearance="secondary" disabled={state.phase === "running"} onClick={() => void run()} data-testid="self-test-run">
                {t("run")}
              </Button>
              {state.phase === "done" ? (
                <Button size="small" appearance="secondary" data-testid="self-test-copy" onClick={() => void copyText(text, area).then((ok) => setCopied(ok ? "copied" : "copyFailed"))}>
                  {t("copy")}
                </Button>
              ) : null}
            </div>
            {state.phase === "running" ? <Spinner size="tiny" label={t("running")} /> : null}
            {state.phase === "crashed" ? (
              <p className={styles.status} role="alert">
                {t("crashed", { message: state.message })}
              </p>
            ) : null}
            {state.phase === "done" ? (
              <>
                <p className={styles.status} role="status" data-testid="self-test-status">
                  {t("report.heading", { status: t(`status.${state.report.status}`) })}
                </p>
                <ul className={styles.checks} data-testid="self-test-checks">
                  {state.report.checks.map((check) => (
                    <li key={check.key} data-check={check.key} data-passed={check.passed} className={check.passed ? styles.passed : styles.failed}>
                      {check.passed ? "✓" : "✗"} {t(`check.${check.key}`)}
                    </li>
                  ))}
                </ul>
                {copied ? (
                  <p className={styles.status} role="status">
                    {t(copied)}
                  </p>
                ) : null}
                <Textarea ref={setArea} className={styles.report} aria-label={t("reportLabel")} readOnly resize="vertical" value={text} data-testid="self-test-report" />
              </>
            ) : null}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
