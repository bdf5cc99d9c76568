/**
 * Evaluation sheet (效果评估): section titles, table headers, chart titles, axis titles and legend texts,
 * zh-CN and en-US side by side.
 *
 * For translators:
 * - Words follow DOMAIN.md's glossary (达成率 attainment, 改进进度 progress, 环比 period-over-period,
 *   季度环比 quarter-over-quarter, 基线值 / 目标值 / 实际值).
 * - `{goal}` is a goal's id and title ("G1 Q2 销售额提升至 45 万元"), `{unit}` a goal's unit ("万元"); keep them.
 * - Series names appear in the charts' legends; for a lower-is-better goal (反向指标) a fall is an improvement and
 *   the legend says so.
 */
import type { Localized } from "./findings";

const L = (zh: string, en: string): Localized => ({ "zh-CN": zh, "en-US": en });

/** Section labels above the blocks of the sheet. */
export const EVALUATION_SECTIONS = {
  summary: L("总体情况", "Summary"),
  decision: L("评估结论与后续决定（请填写）", "Outcome and decision (fill in)"),
  goals: L("各目标进度状态（对照时间进度）", "Status by goal (against time elapsed)"),
  charts: L("图表", "Charts"),
  quarters: L("季度回顾", "Quarterly review"),
  periods: L("按跟踪周期", "By check-in period"),
  chartData: L("图表数据：#N/A 表示该期无数据（图表中留空）", "Chart data: #N/A marks a period without data (a gap in the chart)"),
} as const satisfies Record<string, Localized>;

/** Items of the summary table (labels in its first column). */
export const EVALUATION_SUMMARY_ITEMS = {
  // Short: they sit in the narrow first column, beside the values.
  asOf: L("截至日期", "As of"),
  elapsed: L("计划期已过", "Time elapsed"),
  overall: L("加权总达成率", "Overall (weighted)"),
  outcome: L("结论建议", "Suggested outcome"),
  checkInsPlanned: L("应跟进次数", "Check-ins planned"),
  checkInsHeld: L("已跟进次数", "Check-ins held"),
  checkInsMissed: L("漏跟进次数", "Check-ins missed"),
  adherence: L("跟进执行率", "Adherence"),
} as const satisfies Record<string, Localized>;

/** Column headers of the Evaluation sheet's tables, keyed by column key. */
export const EVALUATION_HEADERS = {
  goalNo: L("目标序号", "Goal no."),
  goal: L("目标编号", "Goal ID"),
  title: L("目标", "Goal"),
  aggregation: L("汇总方式", "Aggregation"),
  toDate: L("累计实际值", "To date"),
  baseline: L("基线值", "Baseline"),
  target: L("目标值", "Target"),
  attainment: L("达成率", "Attainment"),
  progress: L("改进进度", "Progress"),
  score: L("得分", "Score"),
  pace: L("进度比（对照时间）", "Pace (vs time)"),
  status: L("状态", "Status"),
  periodNo: L("期次", "Period no."),
  period: L("周期", "Period"),
  quarter: L("季度", "Quarter"),
  start: L("开始日期", "Start"),
  end: L("结束日期", "End"),
  entries: L("本期记录数", "Entries"),
  entriesToEnd: L("截至期末记录数", "Entries to period end"),
  value: L("本期值", "Period value"),
  cumulative: L("截至期末累计", "Cumulative to period end"),
  change: L("环比", "Period-over-period"),
  quarterChange: L("季度环比", "Quarter-over-quarter"),
  improvement: L("改善幅度", "Improvement"),
  decline: L("恶化幅度", "Decline"),
  chartCumulative: L("图表：累计值", "Chart: cumulative"),
  chartAttainment: L("图表：达成率", "Chart: attainment"),
  full: L("图表：100% 线", "Chart: 100 % line"),
  // Helper columns the formulas share (shown in grey at the right of the table).
  match: L("辅助：目标匹配", "Helper: goal match"),
  sign: L("辅助：方向（反向为 −1）", "Helper: direction (−1 lower is better)"),
  periodSum: L("辅助：本期合计", "Helper: period sum"),
  sumToEnd: L("辅助：截至期末合计", "Helper: sum to period end"),
} as const satisfies Record<string, Localized>;

export type EvaluationHeaderId = keyof typeof EVALUATION_HEADERS;

/** Chart titles; {goal} is "id title". */
export const CHART_TITLES = {
  actual: L("{goal}：各期实际值与目标值", "{goal}: actual by period vs target"),
  actualSum: L("{goal}：各期实际值、累计值与目标值", "{goal}: actual by period, cumulative and target"),
  attainment: L("各目标各期达成率", "Attainment by period, all goals"),
  change: L("{goal}：环比变化（向好为正）", "{goal}: period-over-period change (improvement up)"),
  quarters: L("各目标季度达成率（季度环比）", "Attainment by quarter, all goals (quarter over quarter)"),
} as const satisfies Record<string, Localized>;

export const CHART_AXES = {
  period: L("周期", "Period"),
  value: L("实际值", "Actual"),
  valueWithUnit: L("实际值（{unit}）", "Actual ({unit})"),
  attainment: L("达成率", "Attainment"),
  change: L("环比变化", "Change vs previous period"),
  quarter: L("季度", "Quarter"),
} as const satisfies Record<string, Localized>;

/** Legend texts (series names). */
export const CHART_SERIES = {
  actual: L("本期实际值", "Actual (period)"),
  cumulative: L("累计实际值", "Cumulative actual"),
  target: L("目标值", "Target"),
  // A higher-is-better goal: a rise is an improvement.
  improvementRise: L("改善（上升）", "Improvement (rise)"),
  declineFall: L("恶化（下降）", "Decline (fall)"),
  // A lower-is-better goal (反向指标): a fall is an improvement.
  improvementFall: L("改善（下降，反向指标）", "Improvement (fall; lower is better)"),
  declineRise: L("恶化（上升，反向指标）", "Decline (rise; lower is better)"),
  // The attainment chart's reference line: a goal's target reached.
  full: L("100%（达到目标）", "100 % (target reached)"),
} as const satisfies Record<string, Localized>;

/** The one placeholder filler (src/i18n/template.ts), re-exported for the chart titles' callers. */
export { fillTemplate } from "./template";
