/**
 * Every word the PIP workbook shows: sheet names, table headers, record labels, list labels, titles and notes,
 * data-validation alerts, and the messages of the workbook reader's findings — zh-CN and en-US side by side.
 *
 * For translators:
 * - Sheet names: at most 31 characters, none of \ / ? * [ ] : (Excel's rules for a worksheet name).
 * - List labels are what a person picks in a cell's drop-down and what the workbook's formulas compare with:
 *   no commas (Excel separates list items with commas), and each label unique within its list in both languages.
 * - Alert titles: at most 32 characters; alert messages: at most 225 characters (Excel's limits).
 * - `{name}` placeholders are filled in by the code; keep them all.
 * - Words follow the glossary in docs (DOMAIN.md): 基线值 / 目标值 / 实际值 / 达成率 / 改进进度 / 责任人 …
 */
import { localize, type Localized, type MessageParam } from "./findings";

export type { Localized } from "./findings";

const L = (zh: string, en: string): Localized => ({ "zh-CN": zh, "en-US": en });

/** Worksheet names (≤ 31 characters, no \ / ? * [ ] :). */
export const SHEET_NAMES = {
  overview: L("概览", "Overview"),
  goals: L("改进目标", "Goals"),
  causes: L("原因分析", "Root causes"),
  actions: L("行动计划", "Actions"),
  resources: L("资源与职责", "Resources & responsibilities"),
  signOff: L("签字确认", "Sign-off"),
  tracking: L("跟踪记录", "Tracking log"),
  adjustments: L("计划调整", "Adjustments"),
  evaluation: L("效果评估", "Evaluation"),
} as const satisfies Record<string, Localized>;

/** The big title in cell A1 of each sheet. */
export const SHEET_TITLES = {
  overview: L("绩效改进计划 · 概览", "Performance Improvement Plan · Overview"),
  goals: L("改进目标（SMART）", "Goals (SMART)"),
  causes: L("原因分析（5W2H · 鱼骨图类别）", "Root causes (5W2H · fishbone category)"),
  actions: L("改进措施与行动计划", "Measures and action plan"),
  resources: L("资源支持与责任分工", "Resources and responsibilities"),
  signOff: L("绩效改进计划 · 签字确认", "Performance Improvement Plan · Sign-off"),
  tracking: L("实施跟踪与过程辅导", "Tracking and coaching"),
  adjustments: L("计划调整记录", "Plan adjustments"),
  evaluation: L("效果评估与总结复盘", "Evaluation and review"),
} as const satisfies Record<string, Localized>;

/** Notes under the titles and above blocks. */
export const SHEET_NOTES = {
  overview: L(
    "白色单元格可填写；带底色的为公式，自动计算。截至日期默认为今天（=TODAY()），可改为固定日期。",
    "White cells are for input; shaded cells are formulas. The as-of date is today (=TODAY()) unless you type a fixed date.",
  ),
  gapsTitle: L("绩效差距（客观数据）", "Performance gaps (objective data)"),
  goals: L(
    "累计值、达成率、改进进度、进度状态由跟踪记录自动计算。新增目标请使用 PIPbook 任务窗格。",
    "To-date value, attainment, progress and status are computed from the tracking log. Add goals in the PIPbook task pane.",
  ),
  causes: L("个人因素：技能、态度、方法；外部因素：资源、市场变化、流程障碍。", "Personal: skills, attitude, method. External: resources, market change, process obstacles."),
  actions: L("结束日期早于截至日期且未完成的行动标记为“逾期”。", "Actions that ended before the as-of date and are not done are flagged overdue."),
  resources: L("右侧为职责分工：员工执行，直接上级指导与监督，支持部门提供资源。", "Responsibilities on the right: the employee executes, the manager guides and supervises, supporting departments provide resources."),
  signOff: L(
    "签字仅表示已收到并知悉本计划，不代表同意其内容。直接上级签字表示承诺提供资源与监督。",
    "Signature confirms receipt, not agreement: the employee has received and read this plan. The manager's signature commits resources and supervision.",
  ),
  tracking: L(
    "每次跟踪一行：在表格下方的空行直接输入，表格会自动扩展。右侧为按跟踪频率的检查计划（应检查 / 已检查）。",
    "One row per check-in: type in the empty row below the table and it grows. On the right: the check-in schedule by cadence (planned / held).",
  ),
  checkInsTitle: L("检查计划", "Check-in schedule"),
  adjustments: L("情况变化或措施无效时调整计划（如延长任务、替换措施），保持改进方向不变。", "Adjust the plan when circumstances change or a measure does not work (extend a task, replace a measure), keeping the direction."),
  evaluation: L("计划结束时对照目标与结果，填写结论与后续决定。", "At the end, compare goals with results and record the outcome and the decision."),
  signOffEmployee: L("员工", "Employee"),
  signOffManager: L("直接上级", "Manager"),
  signOffWindow: L("计划期", "Plan window"),
} as const satisfies Record<string, Localized>;

/** Headers of the two columns of a label/value ("record") table. */
export const RECORD_HEADERS = {
  item: L("项目", "Item"),
  value: L("内容", "Value"),
} as const satisfies Record<string, Localized>;

/**
 * Table column headers and record labels, keyed by `<table>.<key>` where key is the model field name (or the
 * name of a formula column). The reader finds a column by its header in either language.
 */
export const COLUMN_HEADERS = {
  // Overview: the plan header (stage 1) and thresholds
  "header.title": L("计划名称", "Plan title"),
  "header.employeeName": L("员工姓名", "Employee"),
  "header.employeeId": L("员工编号", "Employee ID"),
  "header.department": L("部门", "Department"),
  "header.position": L("岗位", "Position"),
  "header.manager": L("直接上级", "Manager"),
  "header.hrPartner": L("HR 负责人", "HR partner"),
  "header.planStart": L("计划开始日期", "Plan start"),
  "header.planEnd": L("计划结束日期", "Plan end"),
  "header.cadence": L("跟踪频率", "Check-in cadence"),
  "header.scenario": L("适用场景", "Scenario"),
  "header.language": L("工作簿语言", "Workbook language"),
  "header.onTrack": L("“正常”阈值（进度 ≥）", "On-track threshold (pace ≥)"),
  "header.atRisk": L("“有风险”阈值（进度 ≥）", "At-risk threshold (pace ≥)"),
  "header.met": L("“达标”阈值（总达成率 ≥）", "Met threshold (overall ≥)"),
  "header.partiallyMet": L("“部分达标”阈值（总达成率 ≥）", "Partially-met threshold (overall ≥)"),
  // Overview: summary (formulas)
  "summary.asOf": L("截至日期", "As of"),
  "summary.elapsed": L("计划期已过", "Plan time elapsed"),
  "summary.overall": L("加权总达成率", "Overall weighted attainment"),
  "summary.outcome": L("结论建议", "Suggested outcome"),
  "summary.checkInsPlanned": L("应检查次数", "Check-ins planned"),
  "summary.checkInsHeld": L("已检查次数", "Check-ins held"),
  "summary.checkInsMissed": L("漏检次数", "Check-ins missed"),
  "summary.adherence": L("检查执行率", "Check-in adherence"),
  // Overview: performance gaps
  "gaps.metric": L("指标", "Metric"),
  "gaps.period": L("期间", "Period"),
  "gaps.target": L("目标值", "Target"),
  "gaps.actual": L("实际值", "Actual"),
  "gaps.unit": L("单位", "Unit"),
  "gaps.direction": L("指标方向", "Direction"),
  "gaps.benchmark": L("参照值", "Benchmark"),
  "gaps.description": L("说明", "Description"),
  "gaps.attainment": L("达成率", "Attainment"),
  // Goals
  "goals.id": L("目标编号", "Goal ID"),
  "goals.title": L("目标描述", "Goal"),
  "goals.metric": L("衡量指标", "Metric"),
  "goals.unit": L("单位", "Unit"),
  "goals.baseline": L("基线值", "Baseline"),
  "goals.target": L("目标值", "Target"),
  "goals.direction": L("指标方向", "Direction"),
  "goals.aggregation": L("汇总方式", "Aggregation"),
  "goals.weight": L("权重", "Weight"),
  "goals.dueDate": L("截止日期", "Due date"),
  "goals.method": L("计算方法", "Method"),
  "goals.entries": L("跟踪次数", "Check-ins"),
  "goals.toDate": L("累计值", "To date"),
  "goals.attainment": L("达成率", "Attainment"),
  "goals.progress": L("改进进度", "Progress"),
  "goals.score": L("得分", "Score"),
  "goals.pace": L("时间进度比", "Pace"),
  "goals.status": L("进度状态", "Status"),
  "goals.weightedScore": L("加权得分", "Weighted score"),
  "goals.countedWeight": L("计入权重", "Counted weight"),
  // Root causes
  "causes.id": L("原因编号", "Cause ID"),
  "causes.goalId": L("所属目标", "Goal ID"),
  "causes.factor": L("因素类型", "Factor"),
  "causes.category": L("鱼骨图类别", "Fishbone category"),
  "causes.description": L("原因描述", "Root cause"),
  "causes.why": L("为什么 Why", "Why"),
  "causes.what": L("是什么 What", "What"),
  "causes.where": L("在哪里 Where", "Where"),
  "causes.when": L("何时 When", "When"),
  "causes.who": L("谁 Who", "Who"),
  "causes.how": L("怎么做 How", "How"),
  "causes.howMuch": L("多少 How much", "How much"),
  // Actions
  "actions.id": L("行动编号", "Action ID"),
  "actions.goalId": L("所属目标", "Goal ID"),
  "actions.causeId": L("对应原因", "Cause ID"),
  "actions.measure": L("改进措施", "Measure"),
  "actions.owner": L("责任人", "Owner"),
  "actions.ownerRole": L("责任人角色", "Owner role"),
  "actions.start": L("开始日期", "Start"),
  "actions.end": L("结束日期", "End"),
  "actions.completionCriterion": L("完成标准", "Completion criterion"),
  "actions.resources": L("所需资源", "Resources"),
  "actions.status": L("状态", "Status"),
  "actions.overdue": L("逾期", "Overdue"),
  // Resources & responsibilities
  "resources.what": L("资源", "Resource"),
  "resources.provider": L("提供方", "Provided by"),
  "resources.due": L("到位日期", "Due"),
  "resources.delivered": L("已到位", "Delivered"),
  "responsibilities.role": L("角色", "Role"),
  "responsibilities.name": L("姓名", "Name"),
  "responsibilities.duties": L("职责", "Duties"),
  // Sign-off
  "signOff.role": L("签字人角色", "Role"),
  "signOff.name": L("姓名", "Name"),
  "signOff.date": L("日期", "Date"),
  "signOff.comment": L("意见", "Comment"),
  "signOff.signature": L("签名", "Signature"),
  // Tracking log
  "tracking.date": L("日期", "Date"),
  "tracking.goalId": L("目标编号", "Goal ID"),
  "tracking.actual": L("实际值", "Actual"),
  "tracking.note": L("进展说明", "Note"),
  "tracking.coachFeedback": L("辅导反馈", "Coach feedback"),
  "tracking.enteredBy": L("填写人", "Entered by"),
  "tracking.rowKey": L("排序键", "Row key"),
  "tracking.goalKey": L("匹配键", "Match key"),
  // Check-in schedule (derived)
  "checkIns.period": L("周期", "Period"),
  "checkIns.start": L("开始", "Start"),
  "checkIns.end": L("结束", "End"),
  "checkIns.entries": L("记录数", "Entries"),
  "checkIns.planned": L("应检查", "Planned"),
  "checkIns.held": L("已检查", "Held"),
  "checkIns.missed": L("漏检", "Missed"),
  // Adjustments
  "adjustments.date": L("日期", "Date"),
  "adjustments.change": L("调整内容", "Change"),
  "adjustments.reason": L("原因", "Reason"),
  "adjustments.approvedBy": L("批准人", "Approved by"),
  // Evaluation (stage 7 decision record)
  "evaluation.date": L("评估日期", "Evaluation date"),
  "evaluation.outcome": L("结论", "Outcome"),
  "evaluation.decision": L("后续决定", "Decision"),
  "evaluation.measuresToStandardise": L("可推广的有效措施", "Measures to standardise"),
  "evaluation.reasons": L("未达标原因分析", "Reasons"),
  "evaluation.extensionEnd": L("延长至", "Extension end"),
  "evaluation.notes": L("备注", "Notes"),
} as const satisfies Record<string, Localized>;

export type ColumnHeaderId = keyof typeof COLUMN_HEADERS;

/** Drop-down labels. Keys are the model's values; `true`/`false` for yes/no. */
export const LIST_LABELS = {
  direction: { increase: L("正向（越高越好）", "Increase (higher is better)"), decrease: L("反向（越低越好）", "Decrease (lower is better)") },
  aggregation: { sum: L("合计", "Sum"), average: L("平均", "Average"), latest: L("最新", "Latest") },
  method: { ratio: L("达成率", "Ratio"), progress: L("改进进度", "Progress") },
  factor: { personal: L("个人因素", "Personal"), external: L("外部因素", "External") },
  category: {
    people: L("人员", "People"),
    method: L("方法", "Method"),
    machine: L("设备/系统", "Machine"),
    material: L("材料/信息", "Material"),
    measurement: L("测量", "Measurement"),
    environment: L("环境", "Environment"),
  },
  ownerRole: { employee: L("员工", "Employee"), manager: L("直接上级", "Manager"), department: L("支持部门", "Department") },
  actionStatus: { "not-started": L("未开始", "Not started"), "in-progress": L("进行中", "In progress"), done: L("已完成", "Done"), cancelled: L("已取消", "Cancelled") },
  signerRole: { employee: L("员工", "Employee"), manager: L("直接上级", "Manager"), hr: L("HR", "HR") },
  cadence: { weekly: L("每周", "Weekly"), biweekly: L("每两周", "Biweekly"), monthly: L("每月", "Monthly") },
  scenario: {
    "post-review": L("绩效评估后改进", "After a performance review"),
    "role-change": L("岗位调整适配", "After a role change"),
    "self-development": L("主动提升需求", "Self-initiated development"),
    "early-warning": L("绩效预警干预", "Early warning"),
  },
  language: { "zh-CN": L("简体中文", "Chinese (zh-CN)"), "en-US": L("英文", "English (en-US)") },
  outcome: { met: L("达标", "Met"), "partially-met": L("部分达标", "Partially met"), "not-met": L("未达标", "Not met") },
  decision: { archive: L("归档", "Archive"), extend: L("延长", "Extend"), adjust: L("调整", "Adjust"), other: L("其他", "Other") },
  yesNo: { true: L("是", "Yes"), false: L("否", "No") },
  goalStatus: {
    "on-track": L("正常", "On track"),
    "at-risk": L("有风险", "At risk"),
    "off-track": L("落后", "Off track"),
    "no-data": L("无数据", "No data"),
    "not-started": L("未开始", "Not started"),
  },
  overdue: { yes: L("逾期", "Overdue") },
} as const satisfies Record<string, Record<string, Localized>>;

export type ListName = keyof typeof LIST_LABELS;

/** Data-validation stop alerts: one bilingual title and message per rule, whatever the workbook language. */
export const VALIDATION_ALERTS = {
  title: "输入无效 · Invalid entry",
  dateInWindow: "请输入计划期内的日期（见概览）。\nEnter a date within the plan window (see Overview).",
  date: "请输入日期，如 2024-04-01。\nEnter a date, e.g. 2024-04-01.",
  decimal: "请输入数字。\nEnter a number.",
  weight: "请输入 0% 到 100% 之间的权重。\nEnter a weight between 0% and 100%.",
  threshold: "请输入 0% 到 1000% 之间的比例。\nEnter a fraction between 0% and 1000%.",
  list: "请从下拉列表中选择。\nPick a value from the drop-down list.",
  goalId: "请选择“改进目标”表中已有的目标编号。\nPick a goal ID from the Goals sheet.",
  causeId: "请选择“原因分析”表中已有的原因编号，或留空。\nPick a cause ID from the Root causes sheet, or leave it empty.",
} as const;

/**
 * Findings of the workbook reader. The subject (which row) comes from src/i18n/findings.ts `entitySubject`;
 * {field} is the column's header, {table} the table's stable name (PIP_Goals), {sheet} the sheet's name.
 */
export const READER_MESSAGES = {
  // a whole table is gone (deleted, or renamed in Table Design)
  TABLE_MISSING: L(
    "找不到表格 {table}（{label}），这一部分未能读取；请用 PIPbook 重新生成工作簿",
    "table {table} ({label}) was not found, so that part was not read; regenerate the workbook with PIPbook",
  ),
  COLUMN_MISSING: L(
    "表格 {table} 中没有“{field}”列，该列的值按空值读取；请恢复该列或重新生成工作簿",
    "table {table} has no “{field}” column, so its values read as empty; restore the column or regenerate the workbook",
  ),
  // {expected} is the column letter the layout puts it in, {found} where it is now
  COLUMN_MOVED: L(
    "“{field}”列已从第 {expected} 列移到第 {found} 列；已按列标题读取",
    "the “{field}” column moved from column {expected} to column {found}; it was read by its header",
  ),
  // a label/value table lost one of its rows
  FIELD_MISSING: L(
    "表格 {table} 中没有“{field}”这一行，按空值读取",
    "table {table} has no “{field}” row, so it reads as empty",
  ),
  CELL_NOT_NUMBER: L("{field}应为数字，单元格中是“{value}”", "{field} should be a number, the cell holds “{value}”"),
  // {value} is the error shown in the cell, e.g. #REF! or #VALUE!
  CELL_ERROR: L("{field}单元格显示错误 {value}，请检查公式或重新输入", "{field} shows the error {value}; check the formula or re-enter the value"),
  // dates typed as text are not counted by the workbook's formulas
  CELL_BAD_DATE: L(
    "{field}“{value}”不是 Excel 日期，工作簿公式不会计入；请重新输入日期（如 2024-04-01）",
    "{field} “{value}” is not an Excel date, so the workbook's formulas do not count it; re-enter it as a date (e.g. 2024-04-01)",
  ),
  CELL_NOT_IN_LIST: L("{field}“{value}”不是可选值之一：{allowed}", "{field} “{value}” is not one of: {allowed}"),
  CELL_EMPTY: L("{field}为空，请填写", "{field} is empty; fill it in"),
  // Excel refused the read (e.g. the workbook is busy in cell-edit mode); {detail} is Excel's message
  READ_FAILED: L("无法读取工作簿（{detail}），请退出单元格编辑后重试", "the workbook could not be read ({detail}); leave cell editing and try again"),
  // a save stopped half-way (an Excel command failed); the save journal in the workbook holds what it was writing ({time})
  SAVE_INTERRUPTED: L(
    "上次保存（{time}）未完成，工作簿中的部分表格尚未写完；您输入的内容都保存在工作簿的保存日志中，没有丢失。请在 PIPbook 中点击“完成中断的保存”（命令行：pipbook repair），完成后再编辑",
    "the last save ({time}) did not finish, so some tables are only partly written; everything entered is kept in the workbook's save journal and nothing is lost. Choose “Finish the interrupted save” in PIPbook (command line: pipbook repair) before editing further",
  ),
  // the journal's marker is there but its content fails its hash (edited by hand or cut short)
  SAVE_JOURNAL_DAMAGED: L(
    "上次保存（{time}）未完成，且保存日志已损坏，无法据此完成；请从备份或版本历史中恢复工作簿",
    "the last save ({time}) did not finish and its save journal is damaged, so it cannot be finished from it; restore the workbook from a backup or its version history",
  ),
} as const satisfies Record<string, Localized>;

/**
 * A save refused by its preflight, before any command that changes what a person entered ({sheet}, {name}).
 * Each says what to do and that nothing was changed.
 */
export const PREFLIGHT_MESSAGES = {
  sheetProtected: L(
    "工作表“{sheet}”设置了密码保护。请在 Excel 中取消保护（审阅 › 撤消工作表保护）后再保存；工作簿未做任何改动。",
    "{sheet} is protected with a password. Unprotect it in Excel (Review › Unprotect Sheet) and save again; nothing was changed.",
  ),
  nameTaken: L(
    "工作簿中已有名为“{name}”的表格或名称（{sheet}），与 PIPbook 的表格同名（Excel 不区分大小写）。请重命名它后再保存；工作簿未做任何改动。",
    "The workbook already has a table or name called “{name}” ({sheet}), which Excel takes for PIPbook's table of that name (names ignore case). Rename it and save again; nothing was changed.",
  ),
  tooLarge: L(
    "这次保存的一部分（{sheet}）超过了 Excel 单次请求的上限（约 5 MB）。请拆分计划（例如减少跟踪记录）后再保存；工作簿未做任何改动。",
    "Part of this save ({sheet}) is larger than Excel accepts in one request (about 5 MB). Split the plan (e.g. fewer tracking rows) and save again; nothing was changed.",
  ),
  columnMissing: L(
    "{cells} 的表头不见了：这些列的内容读不出来，保存会把工作簿里的行当作新行再写一遍。请先在 Excel 中把表头恢复（撤销，或照原样重新输入）后再保存；工作簿未做任何改动。",
    "The header of {cells} is gone: those cells cannot be read, and a save would take the workbook's rows for new ones and write them again. Put the header back in Excel (undo, or type it as it was) and save again; nothing was changed.",
  ),
  failed: L(
    "保存未能开始：Excel 拒绝了准备步骤（{detail}）。工作簿未做任何改动，请稍后重试。",
    "The save could not start: Excel refused a preparation step ({detail}). Nothing was changed; try again.",
  ),
} as const satisfies Record<string, Localized>;

export function preflightMessage(id: keyof typeof PREFLIGHT_MESSAGES, params: Record<string, MessageParam>): Localized {
  return localize(PREFLIGHT_MESSAGES[id], params);
}

export type ReaderMessageId = keyof typeof READER_MESSAGES;

/**
 * A rewrite refused because it would cover a person's cells (src/excel/rewrite.ts). {cells} lists "Sheet!A1"
 * (at most `listed`, then "…"), {more} the rest.
 */
const CONFLICT_MESSAGES = {
  occupied: L(
    "未写入：新版计划的表格需要占用 {cells}，但这些单元格中有您自己的内容。请先将其移到别处或清空，再重试；工作簿未做任何改动。",
    "Nothing was written: the plan's tables now need {cells}, and those cells hold your own content. Move it elsewhere or clear it, then try again; the workbook was not changed.",
  ),
  noRoom: L(
    "未写入：您在表格中添加的列会与 PIPbook 的其他表格重叠（{cells}）。请将该列移到表格之外或删除后重试；工作簿未做任何改动。",
    "Nothing was written: a column you added inside a table would overlap another PIPbook table ({cells}). Move that column outside the table or delete it, then try again; the workbook was not changed.",
  ),
  loose: L(
    "未写入：{cells} 中是您在表格自加列里输入的内容，但该行没有计划数据，重写后无处保留。请补全该行或将内容移到表格之外后重试；工作簿未做任何改动。",
    "Nothing was written: {cells} holds what you typed in a column you added, on a table row with no plan data, so a rewrite would have nowhere to keep it. Fill in that row or move the text outside the table, then try again; the workbook was not changed.",
  ),
} as const satisfies Record<string, Localized>;

export function conflictMessage(cells: { sheet: string; cell: string; reason: "occupied" | "noRoom" | "loose" }[], listed: number): Localized {
  const reason = cells[0]?.reason ?? "occupied";
  cells = cells.filter((c) => c.reason === reason);
  const shown = cells.slice(0, listed).map((c) => `${c.sheet}!${c.cell}`);
  const rest = cells.length - shown.length;
  return localize(CONFLICT_MESSAGES[reason], {
    cells: rest > 0 ? { "zh-CN": `${shown.join("、")} 等 ${cells.length} 个单元格`, "en-US": `${shown.join(", ")} and ${rest} more` } : { "zh-CN": shown.join("、"), "en-US": shown.join(", ") },
  });
}

/** "<subject>：<text>" / "<subject>: <text>" for a reader message. */
export function readerMessage(id: ReaderMessageId, params: Record<string, MessageParam>, subject?: Localized): Localized {
  const text = localize(READER_MESSAGES[id], params);
  if (!subject) return text;
  return { "zh-CN": `${subject["zh-CN"]}：${text["zh-CN"]}`, "en-US": `${subject["en-US"]}: ${text["en-US"]}` };
}
