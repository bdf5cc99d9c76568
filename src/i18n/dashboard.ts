/**
 * The HR dashboard's words (`pipbook rollup -o dashboard.xlsx`, src/workbook/dashboard.ts): sheet names, the plan
 * table's headers, the summary blocks and the charts, zh-CN and en-US side by side. Status and outcome names are
 * the CLI's (src/i18n/cli.ts: status.*, outcome.*), so the dashboard and `pipbook rollup`'s table say the same.
 */
import type { Language } from "./language";
import { fillTemplate } from "./template";

type Pair = Record<Language, string>;

export const dashboardMessages = {
  "sheet.plans": { "zh-CN": "计划清单", "en-US": "Plans" },
  "sheet.dashboard": { "zh-CN": "看板", "en-US": "Dashboard" },
  "title.plans": { "zh-CN": "全部 PIP 计划（截至 {asOf}，每行一份工作簿）", "en-US": "All PIP plans as of {asOf}, one row per workbook" },
  "title.dashboard": { "zh-CN": "PIP 看板（截至 {asOf}）", "en-US": "PIP dashboard as of {asOf}" },
  asOf: { "zh-CN": "截至日期", "en-US": "As of" },
  asOfNote: {
    "zh-CN": "改此日期，剩余天数、阶段与下方各表随之重算",
    "en-US": "Change this date and days left, phases and every block below recompute",
  },

  "col.employee": { "zh-CN": "员工", "en-US": "Employee" },
  "col.employeeId": { "zh-CN": "工号", "en-US": "ID" },
  "col.department": { "zh-CN": "部门", "en-US": "Department" },
  "col.manager": { "zh-CN": "直属上级", "en-US": "Manager" },
  "col.phase": { "zh-CN": "阶段", "en-US": "Phase" },
  "col.planStart": { "zh-CN": "计划开始", "en-US": "Plan start" },
  "col.planEnd": { "zh-CN": "计划结束", "en-US": "Plan end" },
  "col.daysLeft": { "zh-CN": "剩余天数", "en-US": "Days left" },
  "col.overall": { "zh-CN": "总体达成率", "en-US": "Overall attainment" },
  "col.status": { "zh-CN": "状态", "en-US": "Status" },
  "col.outcome": { "zh-CN": "结论建议", "en-US": "Outcome suggestion" },
  "col.recordedOutcome": { "zh-CN": "评估结论", "en-US": "Recorded outcome" },
  "col.overdueActions": { "zh-CN": "逾期行动", "en-US": "Overdue actions" },
  "col.missedCheckIns": { "zh-CN": "缺失跟踪", "en-US": "Missed check-ins" },
  "col.changedAfterSigning": { "zh-CN": "签署后改动", "en-US": "Changed after signing" },
  "col.quarterOpened": { "zh-CN": "开始季度", "en-US": "Quarter opened" },
  "col.quarterEnding": { "zh-CN": "结束季度", "en-US": "Quarter ending" },
  "col.file": { "zh-CN": "文件", "en-US": "File" },

  "phase.upcoming": { "zh-CN": "待开始", "en-US": "upcoming" },
  "phase.running": { "zh-CN": "进行中", "en-US": "running" },
  "phase.ended": { "zh-CN": "已结束", "en-US": "ended" },
  notRecorded: { "zh-CN": "未记录", "en-US": "not recorded" },
  noDepartment: { "zh-CN": "（未填部门）", "en-US": "(no department)" },
  total: { "zh-CN": "合计", "en-US": "Total" },
  plans: { "zh-CN": "计划数", "en-US": "Plans" },

  "block.status": { "zh-CN": "按状态", "en-US": "Plans by status" },
  "block.phase": { "zh-CN": "按阶段", "en-US": "Plans by phase" },
  "block.department": { "zh-CN": "各部门计划状态", "en-US": "Plans by status per department" },
  "block.attainment": { "zh-CN": "总体达成率分布", "en-US": "Attainment distribution" },
  "block.ending": { "zh-CN": "30 天内结束的计划（进行中）", "en-US": "Plans ending in the next 30 days (running)" },
  "block.quarters": { "zh-CN": "按季度：开始、结束与结论", "en-US": "By quarter: opened, closed and outcomes" },
  "head.status": { "zh-CN": "状态", "en-US": "Status" },
  "head.phase": { "zh-CN": "阶段", "en-US": "Phase" },
  "head.department": { "zh-CN": "部门", "en-US": "Department" },
  "head.band": { "zh-CN": "达成率区间", "en-US": "Attainment band" },
  "head.daysLeft": { "zh-CN": "剩余天数", "en-US": "Days left" },
  "head.quarter": { "zh-CN": "季度", "en-US": "Quarter" },
  "head.opened": { "zh-CN": "开始", "en-US": "Opened" },
  "head.closed": { "zh-CN": "结束", "en-US": "Closed" },
  "head.quarterAttainment": { "zh-CN": "当季结束计划的平均达成率", "en-US": "Mean attainment of plans closed" },
  "band.below50": { "zh-CN": "低于 50%", "en-US": "below 50%" },
  "band.50to70": { "zh-CN": "50%–70%", "en-US": "50%–70%" },
  "band.70to90": { "zh-CN": "70%–90%", "en-US": "70%–90%" },
  "band.90to100": { "zh-CN": "90%–100%", "en-US": "90%–100%" },
  "band.100up": { "zh-CN": "100% 及以上", "en-US": "100% and above" },
  "band.noData": { "zh-CN": "无数据", "en-US": "no data" },
  "days.0to7": { "zh-CN": "0–7 天", "en-US": "0–7 days" },
  "days.8to14": { "zh-CN": "8–14 天", "en-US": "8–14 days" },
  "days.15to21": { "zh-CN": "15–21 天", "en-US": "15–21 days" },
  "days.22to30": { "zh-CN": "22–30 天", "en-US": "22–30 days" },

  "chart.department": { "zh-CN": "各部门计划状态", "en-US": "Plans by status per department" },
  "chart.attainment": { "zh-CN": "总体达成率分布", "en-US": "Attainment distribution" },
  "chart.ending": { "zh-CN": "30 天内结束的计划", "en-US": "Plans ending in the next 30 days" },
  "chart.quarters": { "zh-CN": "各季度开始与结束的计划", "en-US": "Plans opened and closed per quarter" },
  "chart.outcomes": { "zh-CN": "各季度结束计划的结论", "en-US": "Outcomes of plans closed per quarter" },
  "chart.quarterAttainment": { "zh-CN": "各季度结束计划的平均达成率", "en-US": "Attainment by quarter (plans closed)" },
  "axis.plans": { "zh-CN": "计划数", "en-US": "Plans" },
  "axis.department": { "zh-CN": "部门", "en-US": "Department" },
  "axis.band": { "zh-CN": "总体达成率", "en-US": "Overall attainment" },
  "axis.daysLeft": { "zh-CN": "剩余天数", "en-US": "Days left" },
  "axis.quarter": { "zh-CN": "季度", "en-US": "Quarter" },
  "axis.attainment": { "zh-CN": "平均达成率", "en-US": "Mean attainment" },
} satisfies Record<string, Pair>;

export type DashboardMessageKey = keyof typeof dashboardMessages;

/** The dashboard text `key` in `language`, with `{name}` placeholders filled from `params`. */
export function dashboardText(language: Language, key: DashboardMessageKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(dashboardMessages[key][language], params);
}
