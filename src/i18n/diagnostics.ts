/**
 * The Diagnostics section of the task pane and its self-test report, zh-CN and en-US side by side.
 *
 * For translators:
 * - `{name}` placeholders are filled in by the code; keep every one of them.
 * - The report is pasted into an e-mail to IT: keep it plain text, one line per fact.
 * - "check.*" name the self-test's checks (src/excel/self-test.ts); "notRun.*" say why it did not start.
 */
import type { Language } from "./language";
import { fillTemplate } from "./template";

/** The one Language (src/i18n/language.ts), under the name the Diagnostics code uses. */
export type DiagnosticsLanguage = Language;

export const DIAGNOSTICS_TEXT = {
  title: { "en-US": "Diagnostics", "zh-CN": "诊断" },
  intro: {
    "en-US":
      "For IT: checks that PIPbook works in this Excel. Run it in a blank workbook: it writes an example plan on new sheets, checks every number, rule and chart, then removes the sheets.",
    "zh-CN": "供 IT 使用：检查 PIPbook 在此 Excel 中是否正常工作。请在空白工作簿中运行：它在新工作表中写入示例计划，检查每个数字、规则和图表，然后删除这些工作表。",
  },
  run: { "en-US": "Run self-test", "zh-CN": "运行自检" },
  running: { "en-US": "Running the self-test…", "zh-CN": "正在运行自检…" },
  copy: { "en-US": "Copy report", "zh-CN": "复制报告" },
  copied: { "en-US": "Report copied.", "zh-CN": "报告已复制。" },
  copyFailed: {
    "en-US": "Could not copy: select the report below and press Ctrl+C (⌘C on a Mac).",
    "zh-CN": "无法复制：请选中下方报告并按 Ctrl+C（Mac 上按 ⌘C）。",
  },
  reportLabel: { "en-US": "Self-test report", "zh-CN": "自检报告" },
  crashed: { "en-US": "The self-test could not run: {message}", "zh-CN": "自检无法运行：{message}" },

  "report.heading": { "en-US": "PIPbook self-test: {status}", "zh-CN": "PIPbook 自检：{status}" },
  "status.passed": { "en-US": "passed", "zh-CN": "通过" },
  "status.failed": { "en-US": "FAILED", "zh-CN": "未通过" },
  "status.notRun": { "en-US": "not run", "zh-CN": "未运行" },
  "report.started": { "en-US": "Started: {at} ({ms} ms)", "zh-CN": "开始时间：{at}（用时 {ms} 毫秒）" },
  "report.host": { "en-US": "Host: {host} · Platform: {platform} · Version: {version}", "zh-CN": "宿主：{host} · 平台：{platform} · 版本：{version}" },
  "report.language": { "en-US": "Office language: {language} · Workbook language: {workbook} · As of: {asOf}", "zh-CN": "Office 语言：{language} · 工作簿语言：{workbook} · 截至：{asOf}" },
  "report.sets": { "en-US": "Requirement sets supported: {sets}", "zh-CN": "支持的要求集：{sets}" },
  "report.setsNone": { "en-US": "none reported (not in Office)", "zh-CN": "无（不在 Office 中）" },
  "report.checks": { "en-US": "Checks:", "zh-CN": "检查项：" },
  "report.checked": { "en-US": "{count} checked", "zh-CN": "已检查 {count} 项" },
  "report.counts": { "en-US": " ({counts})", "zh-CN": "（{counts}）" },
  "report.problems": { "en-US": "{count} problem(s)", "zh-CN": "{count} 个问题" },
  "report.more": { "en-US": "… and {count} more", "zh-CN": "…… 另有 {count} 个" },
  "report.problem": { "en-US": "{place}{subject}: expected {expected}, got {actual}", "zh-CN": "{place}{subject}：应为 {expected}，实际为 {actual}" },
  "report.unknown": { "en-US": "unknown", "zh-CN": "未知" },
  // Shown as the host when Office.js is not there: the browser preview or the tests, on the in-memory Excel.
  "report.notOffice": { "en-US": "not Office (the in-memory Excel of the preview or the tests)", "zh-CN": "非 Office（预览或测试中的内存 Excel）" },

  "check.blankWorkbook": { "en-US": "The workbook holds no plan (a blank workbook)", "zh-CN": "工作簿中没有计划（空白工作簿）" },
  "check.write": { "en-US": "Write the worked example on new sheets", "zh-CN": "在新工作表中写入示例计划" },
  "check.readBack": { "en-US": "Read it back: the same plan, no error", "zh-CN": "读回：计划相同，无错误" },
  "check.formulaErrors": { "en-US": "No formula shows an error", "zh-CN": "没有公式显示错误值" },
  "check.numbers": { "en-US": "Every number = PIPbook's own calculation (1e-9)", "zh-CN": "每个数字与 PIPbook 自身计算一致（1e-9）" },
  "check.validation": { "en-US": "Data-validation rules on the input columns", "zh-CN": "输入列的数据验证规则" },
  "check.charts": { "en-US": "Evaluation charts", "zh-CN": "效果评估图表" },
  "check.cleanup": { "en-US": "The added sheets removed, the workbook as it was", "zh-CN": "已删除添加的工作表，工作簿恢复原样" },
  "notRun.hint": {
    "en-US": "Open a blank workbook (File › New › Blank workbook), open PIPbook there and run the self-test again.",
    "zh-CN": "请新建空白工作簿（文件 › 新建 › 空白工作簿），在其中打开 PIPbook 后再次运行自检。",
  },
} satisfies Record<string, Record<DiagnosticsLanguage, string>>;

export type DiagnosticsKey = keyof typeof DIAGNOSTICS_TEXT;

export function diagnosticsText(language: DiagnosticsLanguage, key: DiagnosticsKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(DIAGNOSTICS_TEXT[key][language], params);
}
