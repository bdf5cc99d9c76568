/** The self-test report as plain text (what "Copy report" puts on the clipboard), in the pane's language. */
import type { SelfTestReport } from "../../port";
import { diagnosticsText, type DiagnosticsKey, type DiagnosticsLanguage } from "../../i18n/diagnostics";

/** "1.1–1.17" when the supported versions run without a gap from 1.1, else the list. */
function setsText(versions: string[]): string {
  const minors = versions.map((v) => Number(v.split(".")[1]));
  const contiguous = minors.every((m, i) => m === i + 1);
  return contiguous && versions.length > 1 ? `ExcelApi ${versions[0]}–${versions[versions.length - 1]}` : versions.map((v) => `ExcelApi ${v}`).join(", ");
}

export function formatSelfTestReport(report: SelfTestReport, language: DiagnosticsLanguage): string {
  const t = (key: DiagnosticsKey, params?: Record<string, string | number>) => diagnosticsText(language, key, params);
  const unknown = t("report.unknown");
  const lines = [
    t("report.heading", { status: t(`status.${report.status}`) }),
    t("report.started", { at: report.startedAt, ms: report.durationMs }),
    t("report.host", {
      host: report.host.host ?? (report.excelApi === null ? t("report.notOffice") : unknown),
      platform: report.host.platform ?? unknown,
      version: report.host.version ?? unknown,
    }),
    t("report.language", { language: report.host.displayLanguage ?? unknown, workbook: report.language, asOf: report.asOf }),
    t("report.sets", { sets: report.excelApi === null ? t("report.setsNone") : report.excelApi.length === 0 ? "—" : setsText(report.excelApi) }),
    t("report.checks"),
  ];
  for (const check of report.checks) {
    const mark = check.passed ? "✓" : "✗";
    const checked = t("report.checked", { count: check.checked });
    const counts = check.passed ? checked : `${checked}, ${t("report.problems", { count: check.problemCount })}`;
    lines.push(`${mark} ${t(`check.${check.key}`)}${t("report.counts", { counts })}`);
    for (const p of check.problems) {
      lines.push(`    ${t("report.problem", { place: p.place ? `${p.place} ` : "", subject: p.subject, expected: p.expected, actual: p.actual })}`);
    }
    if (check.problemCount > check.problems.length) lines.push(`    ${t("report.more", { count: check.problemCount - check.problems.length })}`);
  }
  if (report.status === "notRun") lines.push(t("notRun.hint"));
  return lines.join("\n");
}
