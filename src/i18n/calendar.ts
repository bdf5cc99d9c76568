/**
 * The check-in calendar (`pipbook calendar`, src/core/calendar.ts): event titles and descriptions, zh-CN and
 * en-US side by side.
 *
 * For translators: keep the placeholders — `{employee}` the employee's name, `{title}` the plan's title, `{period}`
 * a check-in period's label (2024-W14, 2024-04), `{start}` / `{end}` ISO dates, `{cadence}` 每周 / Weekly,
 * `{id}` an action id, `{measure}` the action's measure, `{owner}` its owner, `{criterion}` its completion criterion.
 * Words follow DOMAIN.md's glossary (跟踪反馈 check-in, 效果评估与总结复盘 evaluation and review).
 */
import type { Localized } from "./findings";

const L = (zh: string, en: string): Localized => ({ "zh-CN": zh, "en-US": en });

export const CALENDAR_TEXT = {
  calendarName: L("绩效改进计划 · {employee} · {start} – {end}", "Performance Improvement Plan · {employee} · {start} – {end}"),
  checkInSummary: L("PIP 跟踪反馈 {period} · {employee}", "PIP check-in {period} · {employee}"),
  checkInDescription: L(
    "绩效改进计划“{title}”的{cadence}跟踪反馈（{start} – {end}）：员工汇报进度，直接上级跟进并给予辅导反馈；结果记入“跟踪记录”。",
    "{cadence} check-in of the Performance Improvement Plan \"{title}\" ({start} – {end}): the employee reports progress, the manager follows up and coaches; record it in the Tracking log.",
  ),
  actionSummary: L("PIP 行动截止：{id} {measure}", "PIP action due: {id} {measure}"),
  actionDescription: L(
    "绩效改进计划“{title}”的行动 {id}（{start} – {end}）。责任人：{owner}。完成标准：{criterion}",
    "Action {id} of the Performance Improvement Plan \"{title}\" ({start} – {end}). Owner: {owner}. Completion criterion: {criterion}",
  ),
  reviewSummary: L("PIP 效果评估与总结复盘 · {employee}", "PIP end-of-plan review · {employee}"),
  reviewDescription: L(
    "绩效改进计划“{title}”（{start} – {end}）结束：对照目标与结果，在“效果评估”中记录结论与后续决定（归档 / 延长 / 调整）。",
    "End of the Performance Improvement Plan \"{title}\" ({start} – {end}): compare the goals with the results and record the outcome and the decision (archive / extend / adjust) on the Evaluation sheet.",
  ),
} satisfies Record<string, Localized>;

export type CalendarTextId = keyof typeof CALENDAR_TEXT;
