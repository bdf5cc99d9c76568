/**
 * "Add check-ins to my calendar" (issue 17 item 4): the same .ics as `pipbook calendar` (src/core/ics.ts, loaded only
 * when pressed), handed to the browser as a download. Office on Windows and on the web save it; Office for Mac's
 * WKWebView does not download from a task pane (OfficeDev/office-js#2700, "by design"; #4681), so the pane says where
 * the file should have gone and names `pipbook calendar` as the way on a Mac.
 */
import { Button } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import type { Plan } from "../../core/model";
import { useUi } from "../context";
import { useViewStyles } from "../views.styles";

/** The file name offered: PIP-<employee id>-<plan start>.ics (characters a file system refuses replaced). */
export function calendarFileName(plan: Plan): string {
  const id = String(plan.header.employeeId || plan.header.employeeName || "plan").replace(/[\\/:*?"<>|\s]+/g, "_");
  return `PIP-${id}-${plan.header.planStart}.ics`;
}

export function CalendarButton({ plan }: { plan: Plan }): ReactNode {
  const { t, language } = useUi();
  const styles = useViewStyles();
  const [state, setState] = useState<"idle" | "busy" | "done" | "failed">("idle");
  const download = async () => {
    setState("busy");
    try {
      const { calendarIcs } = await import(/* webpackChunkName: "calendar" */ "../../core/ics");
      const stamp = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
      const { ics } = calendarIcs(plan, { language, stamp });
      const url = URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = calendarFileName(plan);
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState("done");
    } catch {
      setState("failed");
    }
  };
  return (
    <section className={styles.section} aria-labelledby="calendar-heading" data-testid="calendar">
      <h3 id="calendar-heading" className={styles.subheading}>
        {t("calendar.title")}
      </h3>
      <p className={styles.text}>{t("calendar.explain")}</p>
      <Button appearance="secondary" data-testid="calendar-download" disabled={state === "busy"} onClick={() => void download()}>
        {t("calendar.download")}
      </Button>
      {state === "done" ? (
        <p className={styles.quiet} role="status">
          {t("calendar.done", { file: calendarFileName(plan) })}
        </p>
      ) : null}
      {state === "failed" ? (
        <p className={styles.overdue} role="alert">
          {t("calendar.failed")}
        </p>
      ) : null}
    </section>
  );
}
