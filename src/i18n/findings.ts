/**
 * Messages of findings (validation and plan-file problems), zh-CN and en-US side by side.
 *
 * For translators:
 * - A message is "<subject>: <text>". The subject names the place for a person ("Goal 3 (G3)", 1-based numbers);
 *   the text is one of the templates below. `{name}` placeholders are filled in by the code; keep them all.
 * - Keys are stable finding codes (tests, docs and the workbook key on them). A key with a dot
 *   ("WEIGHTS_NOT_100.negative") is a second wording of the same code.
 * - Model words follow the glossary in DOMAIN.md (基线值 / 目标值 / 实际值 / 行动计划 …).
 */

import type { Localized } from "./language";
import { fillTemplate, type TemplateParam } from "./template";

export type { Localized } from "./language";
export type MessageParam = TemplateParam;

export const FINDING_MESSAGES = {
  // --- plan file (JSON) --------------------------------------------------------------------------------------
  PLAN_JSON_SYNTAX: {
    "zh-CN": "第 {line} 行第 {column} 列：不是有效的 JSON（{reason}）",
    "en-US": "line {line}, column {column}: not valid JSON ({reason})",
  },
  // {path} is the field's path in the JSON file, e.g. goals[2].target; {problem} says what is wrong with it.
  PLAN_SCHEMA: {
    "zh-CN": "{path}：{problem}",
    "en-US": "{path}: {problem}",
  },
  "PLAN_SCHEMA.more": {
    "zh-CN": "另有 {count} 处格式问题未列出",
    "en-US": "{count} more problems of the same kind are not listed",
  },
  "PLAN_SCHEMA_VERSION.missing": {
    "zh-CN": "缺少 schemaVersion；本版 PIPbook 只能读取 schemaVersion {supported} 的计划文件",
    "en-US": "schemaVersion is missing; this version of PIPbook reads plan files with schemaVersion {supported}",
  },
  PLAN_SCHEMA_VERSION: {
    "zh-CN": "schemaVersion 为 {found}；本版 PIPbook 只能读取 schemaVersion {supported} 的计划文件",
    "en-US": "schemaVersion is {found}; this version of PIPbook reads plan files with schemaVersion {supported}",
  },

  // --- the plan as a whole ----------------------------------------------------------------------------------
  PLAN_NO_GOALS: {
    "zh-CN": "计划中还没有改进目标，请至少添加一个 SMART 目标",
    "en-US": "the plan has no goals yet; add at least one SMART goal",
  },
  PLAN_END_BEFORE_START: {
    "zh-CN": "计划结束日期 {end} 早于开始日期 {start}",
    "en-US": "the plan ends on {end}, before it starts on {start}",
  },
  // {days} is the window's length in days, {max} the limit (1827 days = 5 years).
  PLAN_WINDOW_TOO_LONG: {
    "zh-CN": "计划期 {start} 至 {end} 共 {days} 天，超过上限 {max} 天（5 年）；请检查计划开始和结束日期",
    "en-US": "the plan runs {days} days from {start} to {end}, longer than the limit of {max} days (5 years); check the plan start and end",
  },

  // --- values -----------------------------------------------------------------------------------------------
  // e.g. 2027-02-29: 2027 is not a leap year; {field} is a field label such as 开始日期 / Start.
  DATE_INVALID: {
    "zh-CN": "{field}“{value}”不是有效的日历日期（格式 YYYY-MM-DD）",
    "en-US": "{field} “{value}” is not a real calendar date (format YYYY-MM-DD)",
  },
  DATE_MISSING: {
    "zh-CN": "{field}为空，请填写日期",
    "en-US": "{field} is empty; enter a date",
  },
  // {value} is what was found, e.g. NaN, Infinity or a piece of text.
  NUMBER_NOT_FINITE: {
    "zh-CN": "{field}不是有效数字（{value}）",
    "en-US": "{field} is not a valid number ({value})",
  },
  // Excel keeps 15 significant digits; {max} is 1e15.
  NUMBER_OUT_OF_RANGE: {
    "zh-CN": "{field} {value} 过大：Excel 单元格只能准确保存绝对值不超过 {max} 的数字",
    "en-US": "{field} {value} is too large: an Excel cell keeps numbers up to ±{max} exactly",
  },
  // {length} characters found; {max} = 32,767, what one Excel cell holds.
  TEXT_TOO_LONG: {
    "zh-CN": "{field}有 {length} 个字符，超过 Excel 单元格的上限 {max}；请缩短（PIPbook 不会截断）",
    "en-US": "{field} has {length} characters, more than the {max} an Excel cell holds; shorten it (PIPbook does not cut it)",
  },
  // {allowed} lists the accepted values.
  VALUE_NOT_ALLOWED: {
    "zh-CN": "{field}“{value}”不是可选值之一：{allowed}",
    "en-US": "{field} “{value}” is not one of: {allowed}",
  },
  "VALUE_NOT_ALLOWED.empty": {
    "zh-CN": "{field}为空，请选择：{allowed}",
    "en-US": "{field} is empty; choose one of: {allowed}",
  },
  ID_MISSING: {
    "zh-CN": "编号为空；其他表格按编号引用此行",
    "en-US": "the id is empty; other tables refer to this row by its id",
  },
  // {first} is the 1-based number of the row that already uses the id.
  DUPLICATE_ID: {
    "zh-CN": "编号“{id}”与第 {first} 行重复",
    "en-US": "the id “{id}” is already used by row {first}",
  },

  // --- dates against the plan window ------------------------------------------------------------------------
  ACTION_END_BEFORE_START: {
    "zh-CN": "结束日期 {end} 早于开始日期 {start}",
    "en-US": "ends on {end}, before it starts on {start}",
  },
  // the plan window = planStart … planEnd, both days included
  ACTION_OUTSIDE_WINDOW: {
    "zh-CN": "{field} {date} 不在计划期 {planStart} 至 {planEnd} 内",
    "en-US": "{field} {date} is outside the plan window {planStart} – {planEnd}",
  },
  TRACKING_OUTSIDE_WINDOW: {
    "zh-CN": "跟踪日期 {date} 不在计划期 {planStart} 至 {planEnd} 内，不会计入任何周期",
    "en-US": "the check-in date {date} is outside the plan window {planStart} – {planEnd} and counts in no period",
  },
  GOAL_DUE_OUTSIDE_WINDOW: {
    "zh-CN": "截止日期 {date} 不在计划期 {planStart} 至 {planEnd} 内",
    "en-US": "the due date {date} is outside the plan window {planStart} – {planEnd}",
  },

  // --- goals ------------------------------------------------------------------------------------------------
  TARGET_EQUALS_BASELINE: {
    "zh-CN": "目标值与基线值相同（{value}），无法衡量改进",
    "en-US": "the target equals the baseline ({value}), so improvement cannot be measured",
  },
  TARGET_WRONG_SIDE: {
    "zh-CN": "正向指标（越高越好）的目标值应高于基线值（目标值 {target}，基线值 {baseline}）",
    "en-US": "an increase goal needs a target above its baseline (target {target}, baseline {baseline})",
  },
  "TARGET_WRONG_SIDE.decrease": {
    "zh-CN": "反向指标（越低越好）的目标值应低于基线值（目标值 {target}，基线值 {baseline}）",
    "en-US": "a decrease goal needs a target below its baseline (target {target}, baseline {baseline})",
  },
  // The "ratio" method (达成率) divides by the target; "progress" (改进进度) measures the gap closed instead.
  RATIO_TARGET_NOT_POSITIVE: {
    "zh-CN": "按达成率计算时以目标值为分母，目标值须大于 0（当前为 {target}）；可改用“改进进度”方法",
    "en-US": "the ratio method divides by the target, so it must be above 0 (it is {target}); use the progress method instead",
  },
  // {sum} is a percentage such as 99.5
  WEIGHTS_NOT_100: {
    "zh-CN": "各目标权重合计为 {sum}%，应为 100%",
    "en-US": "the goal weights add up to {sum} %, not 100 %",
  },
  "WEIGHTS_NOT_100.negative": {
    "zh-CN": "权重不能为负数（{value}）",
    "en-US": "a weight cannot be negative ({value})",
  },
  GOAL_WITHOUT_ACTION: {
    "zh-CN": "没有对应的行动计划；每个目标至少需要一项有责任人的措施",
    "en-US": "has no action; every goal needs at least one measure with an owner",
  },
  // {field} is a field label, e.g. "Measure" / "改进措施"
  REQUIRED_TEXT_MISSING: {
    "zh-CN": "{field}为空，请填写",
    "en-US": "{field} is empty; fill it in",
  },
  GOAL_TITLE_MISSING: {
    "zh-CN": "目标描述为空",
    "en-US": "the goal has no title",
  },
  // SMART: Specific, Measurable, Achievable, Relevant, Time-bound
  GOAL_NO_NUMBER: {
    "zh-CN": "目标描述中没有数字；SMART 目标应写明具体数值（如“6 月 30 日前销售额达到 45 万元”）",
    "en-US": "the title has no number; a SMART goal says how much (e.g. “sales up to 450,000 by June 30”)",
  },
  GOAL_NO_UNIT: {
    "zh-CN": "没有单位（如 万元、%、件）",
    "en-US": "has no unit (e.g. USD, %, items)",
  },
  GOAL_NO_DUE_DATE: {
    "zh-CN": "没有截止日期；SMART 目标应有时限",
    "en-US": "has no due date; a SMART goal is time-bound",
  },
  // A "%" unit keeps fractions (0.62 = 62 %). {value} is the stored number, {shown} how the workbook shows it
  // (6200 %); almost always a percentage typed where the fraction was meant.
  PERCENT_IMPLAUSIBLE: {
    "zh-CN": "单位为百分比，但{field}存为 {value}（显示为 {shown}），不是合理的比率；62% 存为 0.62：在任务窗格或工作簿中输入 62、62% 或 0.62，在计划 JSON 文件中写 0.62",
    "en-US": "the unit is a percentage, but {field} is stored as {value} (shown as {shown}), not a plausible rate; 62 % is stored as 0.62: type 62, 62 % or 0.62 in the task pane or the workbook, write 0.62 in a plan JSON file",
  },
  // Characters an .xlsx file (XML) cannot store, e.g. U+000B, the line break Word pastes; {chars} lists them as
  // U+000B, U+FFFE. The workbook writers turn U+000B and U+000C into a line break and drop the others.
  TEXT_XML_INVALID_CHAR: {
    "zh-CN": "{field}含有 Excel 文件无法保存的字符（{chars}）；写入工作簿时 U+000B、U+000C 变为换行，其余字符删除",
    "en-US": "{field} holds characters an Excel file cannot store ({chars}); when the workbook is written, U+000B and U+000C become line breaks and the others are removed",
  },
  // The title names only a direction ("Improve sales") and no metric or amount.
  GOAL_VAGUE_TITLE: {
    "zh-CN": "“{title}”只是方向，不是可衡量的目标；请写明指标、数值和期限",
    "en-US": "“{title}” is a direction, not a measurable goal; say what, how much and by when",
  },

  // --- references -------------------------------------------------------------------------------------------
  TRACKING_UNKNOWN_GOAL: {
    "zh-CN": "所属目标“{goalId}”不在计划中",
    "en-US": "refers to goal “{goalId}”, which is not in the plan",
  },
  ACTION_UNKNOWN_GOAL: {
    "zh-CN": "所属目标“{goalId}”不在计划中",
    "en-US": "refers to goal “{goalId}”, which is not in the plan",
  },
  CAUSE_UNKNOWN_GOAL: {
    "zh-CN": "所属目标“{goalId}”不在计划中",
    "en-US": "refers to goal “{goalId}”, which is not in the plan",
  },
  ACTION_UNKNOWN_CAUSE: {
    "zh-CN": "对应原因“{causeId}”不在原因分析中",
    "en-US": "cites root cause “{causeId}”, which is not among the root causes",
  },
  ACTION_WITHOUT_OWNER: {
    "zh-CN": "没有责任人",
    "en-US": "has no owner",
  },

  // --- sign-off, thresholds, evaluation ---------------------------------------------------------------------
  // {role} is 员工 / 直接上级 (employee / manager). Signed = a name and a date.
  SIGNOFF_MISSING: {
    "zh-CN": "跟踪已经开始，但{role}尚未签字（姓名和日期）",
    "en-US": "tracking has begun but the {role} has not signed (name and date)",
  },
  // pace thresholds: on track ≥ onTrack, at risk ≥ atRisk
  THRESHOLDS_INVALID: {
    "zh-CN": "“有风险”阈值 {atRisk} 高于“正常”阈值 {onTrack}",
    "en-US": "the at-risk threshold {atRisk} is above the on-track threshold {onTrack}",
  },
  // outcome thresholds: met ≥ met, partially met ≥ partiallyMet
  "THRESHOLDS_INVALID.outcome": {
    "zh-CN": "“部分达标”阈值 {partiallyMet} 高于“达标”阈值 {met}",
    "en-US": "the partially-met threshold {partiallyMet} is above the met threshold {met}",
  },
  EXTENSION_WITHOUT_DATE: {
    "zh-CN": "决定为“延长”，但没有填写延长至哪一天",
    "en-US": "the decision is to extend, but the extension end date is empty",
  },
  EXTENSION_NOT_AFTER_END: {
    "zh-CN": "延长至 {date}，不晚于计划结束日期 {planEnd}",
    "en-US": "the extension end {date} is not after the plan end {planEnd}",
  },
} as const satisfies Record<string, Localized>;

export type FindingMessageId = keyof typeof FINDING_MESSAGES;

/** Words used inside messages: the reasons of a JSON syntax error, roles, types, "empty". */
export const FINDING_WORDS = {
  empty: { "zh-CN": "（空）", "en-US": "(empty)" },
  "role.employee": { "zh-CN": "员工", "en-US": "employee" },
  "role.manager": { "zh-CN": "直接上级", "en-US": "manager" },
  "json.end": { "zh-CN": "文件在此处意外结束", "en-US": "the file ends too early" },
  "json.char": { "zh-CN": "此处不应出现 {char}", "en-US": "unexpected {char}" },
  "json.trailingComma": { "zh-CN": "} 或 ] 前多了一个逗号", "en-US": "a comma before } or ]" },
  "json.singleQuote": { "zh-CN": "字符串须用双引号", "en-US": "strings need double quotes" },
  "json.comment": { "zh-CN": "JSON 不允许注释", "en-US": "JSON has no comments" },
  "json.control": { "zh-CN": "字符串中有未转义的控制字符（如换行）", "en-US": "a control character (e.g. a line break) inside a string" },
  "json.escape": { "zh-CN": "无效的转义序列", "en-US": "an invalid escape sequence" },
  "json.trailing": { "zh-CN": "JSON 结束后还有其他内容", "en-US": "more text after the end of the JSON" },
  "json.number": { "zh-CN": "无效的数字", "en-US": "an invalid number" },
  "schema.notObject": { "zh-CN": "计划文件须是一个 JSON 对象 {…}", "en-US": "a plan file must hold one JSON object {…}" },
  "schema.expected": { "zh-CN": "应为{expected}，实际为{received}", "en-US": "expected {expected}, found {received}" },
  "schema.required": { "zh-CN": "缺少此项（应为{expected}）", "en-US": "is missing (expected {expected})" },
  "schema.requiredOneOf": { "zh-CN": "缺少此项（可选值：{allowed}）", "en-US": "is missing (one of: {allowed})" },
  "schema.oneOf": { "zh-CN": "“{value}”不是可选值之一：{allowed}", "en-US": "“{value}” is not one of: {allowed}" },
  "schema.date": { "zh-CN": "应为 YYYY-MM-DD 格式的日期，实际为“{value}”", "en-US": "expected a date YYYY-MM-DD, found “{value}”" },
  "schema.other": { "zh-CN": "格式不正确（{detail}）", "en-US": "is not valid ({detail})" },
  "schema.tooLarge": { "zh-CN": "数字 {value} 过大（超出可表示的范围）", "en-US": "the number {value} is too large (beyond what a number can hold)" },
  "schema.unreadable": { "zh-CN": "无法读取该对象", "en-US": "the object cannot be read" },
  "type.number": { "zh-CN": "数字", "en-US": "a number" },
  "type.string": { "zh-CN": "文本", "en-US": "text" },
  "type.boolean": { "zh-CN": "是/否（true/false）", "en-US": "true or false" },
  "type.object": { "zh-CN": "对象 {…}", "en-US": "an object {…}" },
  "type.array": { "zh-CN": "列表 […]", "en-US": "a list […]" },
  "type.null": { "zh-CN": "空值（null）", "en-US": "empty (null)" },
  "type.undefined": { "zh-CN": "缺失", "en-US": "nothing" },
  "type.other": { "zh-CN": "其他类型", "en-US": "another type" },
} as const satisfies Record<string, Localized>;

/** How a row of each table is named for a person: {n} is 1-based, {id} the row's id when it has one. */
export const ENTITY_SUBJECTS: Record<string, { plain: Localized; withId?: Localized }> = {
  header: { plain: { "zh-CN": "概览", "en-US": "Overview" } },
  gaps: { plain: { "zh-CN": "绩效差距 {n}", "en-US": "Performance gap {n}" } },
  goals: { plain: { "zh-CN": "目标 {n}", "en-US": "Goal {n}" }, withId: { "zh-CN": "目标 {n}（{id}）", "en-US": "Goal {n} ({id})" } },
  causes: { plain: { "zh-CN": "原因 {n}", "en-US": "Root cause {n}" }, withId: { "zh-CN": "原因 {n}（{id}）", "en-US": "Root cause {n} ({id})" } },
  actions: { plain: { "zh-CN": "行动 {n}", "en-US": "Action {n}" }, withId: { "zh-CN": "行动 {n}（{id}）", "en-US": "Action {n} ({id})" } },
  resources: { plain: { "zh-CN": "资源 {n}", "en-US": "Resource {n}" } },
  responsibilities: { plain: { "zh-CN": "职责 {n}", "en-US": "Responsibility {n}" } },
  signOff: { plain: { "zh-CN": "签字第 {n} 行", "en-US": "Sign-off row {n}" } },
  tracking: { plain: { "zh-CN": "跟踪记录第 {n} 行", "en-US": "Tracking row {n}" } },
  adjustments: { plain: { "zh-CN": "计划调整 {n}", "en-US": "Adjustment {n}" } },
  evaluation: { plain: { "zh-CN": "效果评估", "en-US": "Evaluation" } },
  thresholds: { plain: { "zh-CN": "阈值", "en-US": "Thresholds" } },
};

/** The subject of a whole table (no row): "Goals" / "改进目标". */
export const ENTITY_TABLES: Record<string, Localized> = {
  header: { "zh-CN": "概览", "en-US": "Overview" },
  gaps: { "zh-CN": "绩效差距", "en-US": "Performance gaps" },
  goals: { "zh-CN": "改进目标", "en-US": "Goals" },
  causes: { "zh-CN": "原因分析", "en-US": "Root causes" },
  actions: { "zh-CN": "行动计划", "en-US": "Actions" },
  resources: { "zh-CN": "资源", "en-US": "Resources" },
  responsibilities: { "zh-CN": "职责分工", "en-US": "Responsibilities" },
  signOff: { "zh-CN": "签字确认", "en-US": "Sign-off" },
  tracking: { "zh-CN": "跟踪记录", "en-US": "Tracking log" },
  adjustments: { "zh-CN": "计划调整", "en-US": "Adjustments" },
  evaluation: { "zh-CN": "效果评估", "en-US": "Evaluation" },
  thresholds: { "zh-CN": "阈值", "en-US": "Thresholds" },
};

/** Field labels inside messages (model field name → label). */
export const FIELD_LABELS: Record<string, Localized> = {
  planStart: { "zh-CN": "计划开始日期", "en-US": "Plan start" },
  employeeName: { "zh-CN": "员工姓名", "en-US": "Employee" },
  employeeId: { "zh-CN": "员工编号", "en-US": "Employee ID" },
  // the words of the pane's field and the workbook's label, so that a message names what the person sees
  manager: { "zh-CN": "直接上级", "en-US": "Manager" },
  metric: { "zh-CN": "指标", "en-US": "Metric" },
  measure: { "zh-CN": "改进措施", "en-US": "Measure" },
  what: { "zh-CN": "资源内容", "en-US": "Resource" },
  change: { "zh-CN": "调整内容", "en-US": "Change" },
  planEnd: { "zh-CN": "计划结束日期", "en-US": "Plan end" },
  cadence: { "zh-CN": "跟踪频率", "en-US": "Cadence" },
  scenario: { "zh-CN": "适用场景", "en-US": "Scenario" },
  language: { "zh-CN": "语言", "en-US": "Language" },
  target: { "zh-CN": "目标值", "en-US": "Target" },
  baseline: { "zh-CN": "基线值", "en-US": "Baseline" },
  actual: { "zh-CN": "实际值", "en-US": "Actual" },
  benchmark: { "zh-CN": "参照值", "en-US": "Benchmark" },
  weight: { "zh-CN": "权重", "en-US": "Weight" },
  direction: { "zh-CN": "指标方向", "en-US": "Direction" },
  aggregation: { "zh-CN": "汇总方式", "en-US": "Aggregation" },
  method: { "zh-CN": "计算方法", "en-US": "Method" },
  dueDate: { "zh-CN": "截止日期", "en-US": "Due date" },
  due: { "zh-CN": "到位日期", "en-US": "Due" },
  start: { "zh-CN": "开始日期", "en-US": "Start" },
  end: { "zh-CN": "结束日期", "en-US": "End" },
  date: { "zh-CN": "日期", "en-US": "Date" },
  extensionEnd: { "zh-CN": "延长至", "en-US": "Extension end" },
  factor: { "zh-CN": "因素类型", "en-US": "Factor" },
  category: { "zh-CN": "鱼骨图类别", "en-US": "Fishbone category" },
  ownerRole: { "zh-CN": "责任人角色", "en-US": "Owner role" },
  status: { "zh-CN": "状态", "en-US": "Status" },
  role: { "zh-CN": "角色", "en-US": "Role" },
  outcome: { "zh-CN": "结论", "en-US": "Outcome" },
  decision: { "zh-CN": "后续决定", "en-US": "Decision" },
  onTrack: { "zh-CN": "“正常”阈值", "en-US": "On-track threshold" },
  atRisk: { "zh-CN": "“有风险”阈值", "en-US": "At-risk threshold" },
  met: { "zh-CN": "“达标”阈值", "en-US": "Met threshold" },
  partiallyMet: { "zh-CN": "“部分达标”阈值", "en-US": "Partially-met threshold" },
};

/** A template in both languages with the same parameters. */
export function localize(text: Localized, params: Record<string, MessageParam> = {}): Localized {
  return { "zh-CN": fillTemplate(text["zh-CN"], params, "zh-CN"), "en-US": fillTemplate(text["en-US"], params, "en-US") };
}

/** "<subject>: <text>" in both languages (the Chinese colon for zh-CN). */
export function findingMessage(id: FindingMessageId, params: Record<string, MessageParam>, subject?: Localized): Localized {
  const text = localize(FINDING_MESSAGES[id], params);
  if (!subject) return text;
  return { "zh-CN": `${subject["zh-CN"]}：${text["zh-CN"]}`, "en-US": `${subject["en-US"]}: ${text["en-US"]}` };
}

/** "Goal 3 (G3)" / "目标 3（G3）" for goals[2]; the table name when there is no row. */
export function entitySubject(entity: string, row?: number, id?: string): Localized {
  const names = ENTITY_SUBJECTS[entity];
  if (!names) return { "zh-CN": entity, "en-US": entity };
  if (row === undefined) return ENTITY_TABLES[entity] ?? names.plain;
  const useId = names.withId && typeof id === "string" && id.trim() !== "";
  return localize(useId ? names.withId! : names.plain, { n: row + 1, id: id ?? "" });
}

export function fieldLabel(field: string): Localized {
  return FIELD_LABELS[field] ?? { "zh-CN": field, "en-US": field };
}
