/**
 * Every string the task pane and the preview show, zh-CN and en-US side by side.
 *
 * For translators:
 * - `{name}` placeholders are filled in by the code; keep every one of them.
 * - Model words follow the glossary in DOMAIN.md (基线值 / 目标值 / 实际值 / 达成率 / 改进进度 / 环比 …).
 * - The pane is narrow (320 px): keep button labels short.
 * - Keys with a dot and a model value ("scenario.post-review") label that value of the plan model.
 */

import { LANGUAGES, type Language } from "./language";
import { fillTemplate } from "./template";

/** The one Language (src/i18n/language.ts), under the name the pane's code uses. */
export type UiLanguage = Language;
export const UI_LANGUAGES: readonly UiLanguage[] = LANGUAGES;

type Entry = Record<UiLanguage, string>;

export const UI_STRINGS = {
  // --- shell --------------------------------------------------------------------------------------------------
  appTitle: { "en-US": "PIPbook", "zh-CN": "PIPbook 绩效改进计划" },
  "nav.label": { "en-US": "Views", "zh-CN": "视图" },
  "nav.plan": { "en-US": "Plan", "zh-CN": "计划" },
  "nav.tracking": { "en-US": "Tracking", "zh-CN": "跟踪" },
  "nav.check": { "en-US": "Check", "zh-CN": "检查" },
  "nav.evaluate": { "en-US": "Evaluate", "zh-CN": "评估" },
  // The button shows the *other* language's own name, so a reader of that language can find it.
  "language.switch": { "en-US": "中文", "zh-CN": "English" },
  "language.switchLabel": { "en-US": "切换为中文界面 (switch the pane to Chinese)", "zh-CN": "Switch the pane to English（切换为英文界面）" },
  "language.zh-CN": { "en-US": "Chinese (简体中文)", "zh-CN": "简体中文" },
  "language.en-US": { "en-US": "English", "zh-CN": "英文 (English)" },
  loading: { "en-US": "Loading…", "zh-CN": "正在加载…" },
  reading: { "en-US": "Reading the workbook…", "zh-CN": "正在读取工作簿…" },
  asOf: { "en-US": "As of {date}", "zh-CN": "截至 {date}" },
  empty: { "en-US": "—", "zh-CN": "—" },
  noPlanYet: {
    "en-US": "This workbook holds no plan yet. Create one in the Plan view.",
    "zh-CN": "本工作簿还没有绩效改进计划，请先在“计划”页创建。",
  },

  // --- opened outside Excel -----------------------------------------------------------------------------------
  "outside.title": { "en-US": "Open PIPbook in Excel", "zh-CN": "请在 Excel 中打开 PIPbook" },
  "outside.body": {
    "en-US": "This page is PIPbook's task pane and works inside Excel (Home tab → PIPbook). It was opened outside Excel, so there is no workbook to work on.",
    "zh-CN": "本页面是 PIPbook 的任务窗格，需要在 Excel 中使用（“开始”选项卡 → PIPbook）。当前不在 Excel 中，没有可操作的工作簿。",
  },
  "outside.preview": {
    "en-US": "To try PIPbook without Excel, run npm run preview and open the preview: the same task pane next to an in-memory workbook.",
    "zh-CN": "如需在没有 Excel 的情况下试用，请运行 npm run preview 并打开预览页：同一个任务窗格，旁边是内存中的工作簿。",
  },
  "outside.link": { "en-US": "Open the preview (http://localhost:3001)", "zh-CN": "打开预览（http://localhost:3001）" },

  // --- errors and progress ------------------------------------------------------------------------------------
  "error.read": { "en-US": "The workbook could not be read.", "zh-CN": "无法读取工作簿。" },
  "error.write": { "en-US": "The plan could not be written to the workbook.", "zh-CN": "无法将计划写入工作簿。" },
  "error.tracking": { "en-US": "The check-in could not be added to the Tracking log.", "zh-CN": "无法将跟踪记录写入跟踪记录表。" },
  "error.adjustment": { "en-US": "The adjustment could not be recorded.", "zh-CN": "无法记录计划调整。" },
  "error.refresh": { "en-US": "The Evaluation sheet could not be refreshed.", "zh-CN": "无法刷新效果评估表。" },
  // A save stopped half-way (an Excel command failed after the save journal was written); the button finishes it
  "error.finishSave": { "en-US": "The interrupted save could not be finished.", "zh-CN": "无法完成中断的保存。" },
  "save.finishInterrupted": { "en-US": "Finish the interrupted save", "zh-CN": "完成中断的保存" },
  "save.finished": { "en-US": "The interrupted save is finished: every table holds what was being saved.", "zh-CN": "中断的保存已完成，所有表格都已写入当时保存的内容。" },
  "error.select": { "en-US": "That cell could not be selected.", "zh-CN": "无法选中该单元格。" },
  "error.check": { "en-US": "The workbook could not be checked.", "zh-CN": "无法检查工作簿。" },
  "error.details": { "en-US": "Details", "zh-CN": "详细信息" },
  "error.hideDetails": { "en-US": "Hide details", "zh-CN": "隐藏详细信息" },
  dismiss: { "en-US": "Dismiss", "zh-CN": "关闭" },
  writing: { "en-US": "Writing the workbook… {percent}", "zh-CN": "正在写入工作簿… {percent}" },
  working: { "en-US": "Working…", "zh-CN": "处理中…" },

  // --- form input problems ------------------------------------------------------------------------------------
  "input.required": { "en-US": "Required", "zh-CN": "必填" },
  "input.notNumber": { "en-US": "Enter a number", "zh-CN": "请输入数字" },
  "input.decimalComma": { "en-US": "Use a point for decimals: 4.5 (a comma groups thousands: 1,234)", "zh-CN": "小数请用小数点：4.5（逗号只用于千位分隔：1,234）" },
  "input.notDate": { "en-US": "Enter a real date, e.g. 2026-04-01 or 4/1/2026", "zh-CN": "请输入有效日期，如 2026-04-01、2026/4/1 或 2026年4月1日" },
  // {text} is what was typed and is no date.
  "input.notDateTyped": { "en-US": "“{text}” is not a date; e.g. 2026-04-01 or 4/1/2026", "zh-CN": "“{text}”不是有效日期，请输入如 2026-04-01、2026年4月1日" },
  "input.goToToday": { "en-US": "Go to today", "zh-CN": "转到今天" },
  "input.dateHint": { "en-US": "e.g. 2026-04-01 or 4/1/2026", "zh-CN": "如 2026-04-01、2026/4/1、2026年4月1日" },
  // A percentage field: 62, 62 % and 0.62 are all 62 %.
  "input.notPercent": { "en-US": "Enter a percentage: 62, 62 % or 0.62", "zh-CN": "请输入百分比：62、62% 或 0.62" },

  // --- wizard -------------------------------------------------------------------------------------------------
  "wizard.title": { "en-US": "Plan", "zh-CN": "制定计划" },
  // "Stage" is one of the seven PIP stages (阶段) of DOMAIN.md; "step" is a page of this wizard.
  "wizard.stepOf": { "en-US": "Step {n} of {total} · stage {stage}", "zh-CN": "第 {n} / {total} 步 · 阶段 {stage}" },
  "wizard.goToStep": { "en-US": "Go to step", "zh-CN": "跳转到步骤" },
  "wizard.goToStepHint": { "en-US": "Choose a step, then Enter", "zh-CN": "选择步骤后按 Enter" },
  "wizard.back": { "en-US": "Back", "zh-CN": "上一步" },
  "wizard.next": { "en-US": "Next", "zh-CN": "下一步" },
  "wizard.create": { "en-US": "Create plan", "zh-CN": "创建计划" },
  "wizard.save": { "en-US": "Save", "zh-CN": "保存" },
  "wizard.created": { "en-US": "The plan is in the workbook.", "zh-CN": "计划已写入工作簿。" },
  "wizard.saved": { "en-US": "Your edits are saved in the workbook.", "zh-CN": "修改已保存到工作簿。" },
  "wizard.remaining": {
    "en-US": "{count} problem(s) remain; the Check view lists them with their cells.",
    "zh-CN": "仍有 {count} 个问题，可在“检查”页查看对应单元格。",
  },
  "wizard.loadedExisting": {
    "en-US": "This workbook already holds a plan; it is loaded here. Save writes your edits back, keeping rows entered in Excel.",
    "zh-CN": "本工作簿已有计划，已载入此处。“保存”会写回修改，并保留在 Excel 中录入的行。",
  },
  "wizard.findingsTitle": { "en-US": "Checks", "zh-CN": "检查结果" },
  "wizard.noFindings": { "en-US": "No problems found on this step.", "zh-CN": "本步骤未发现问题。" },
  // A number field whose text the plan does not take (the plan keeps the last number): on the step and in the summary.
  "wizard.untaken": { "en-US": "{count} field(s) hold an entry that is not taken yet.", "zh-CN": "有 {count} 个字段的输入尚未被采用。" },
  "input.untaken": { "en-US": "{field}: the entry is not taken; the plan keeps the last number", "zh-CN": "{field}：输入未被采用，计划中仍为上一个数字" },
  "wizard.remove": { "en-US": "Remove", "zh-CN": "删除" },
  // {item} is the item's heading, e.g. "Goal G2".
  "wizard.removeLabel": { "en-US": "Remove {item}", "zh-CN": "删除{item}" },
  // {item} is the removed card's heading, e.g. "Goal G2".
  "wizard.removed": { "en-US": "{item} removed.", "zh-CN": "已删除{item}。" },
  "wizard.undo": { "en-US": "Undo", "zh-CN": "撤销" },
  // The summary dialog on Create / Save while errors are open.
  "summary.title": { "en-US": "{count} problems to fix first", "zh-CN": "还有 {count} 个问题需要处理" },
  "summary.bodyCreate": {
    "en-US": "The plan would be written with these errors, and the workbook would show them in red.",
    "zh-CN": "如现在创建，计划会带着这些错误写入工作簿，并在表格中标红。",
  },
  "summary.bodySave": {
    "en-US": "Your edits would be saved with these errors, and the workbook would show them in red.",
    "zh-CN": "如现在保存，修改会带着这些错误写入工作簿，并在表格中标红。",
  },
  "summary.more": { "en-US": "and {count} more", "zh-CN": "另有 {count} 个" },
  "summary.goToFirst": { "en-US": "Go to the first", "zh-CN": "转到第一个问题" },
  "summary.createAnyway": { "en-US": "Create anyway", "zh-CN": "仍然创建" },
  "summary.saveAnyway": { "en-US": "Save anyway", "zh-CN": "仍然保存" },
  "summary.cancel": { "en-US": "Cancel", "zh-CN": "取消" },
  // The next step offered after an action, as a button beside its message.
  "next.plan": { "en-US": "Go to Plan", "zh-CN": "转到“计划”" },
  "next.tracking": { "en-US": "Go to Tracking", "zh-CN": "转到“跟踪”" },
  "next.check": { "en-US": "Go to Check", "zh-CN": "转到“检查”" },
  "next.evaluate": { "en-US": "Go to Evaluate", "zh-CN": "转到“评估”" },

  "step.header": { "en-US": "Plan & scenario", "zh-CN": "计划与场景" },
  "step.gaps": { "en-US": "Performance gaps", "zh-CN": "绩效差距" },
  "step.goals": { "en-US": "SMART goals", "zh-CN": "SMART 改进目标" },
  "step.causes": { "en-US": "Root causes", "zh-CN": "原因分析" },
  "step.actions": { "en-US": "Actions", "zh-CN": "行动计划" },
  "step.resources": { "en-US": "Resources & responsibilities", "zh-CN": "资源与职责" },
  "step.signOff": { "en-US": "Sign-off", "zh-CN": "签字确认" },

  "header.title": { "en-US": "Plan title", "zh-CN": "计划名称" },
  "header.employeeName": { "en-US": "Employee", "zh-CN": "员工姓名" },
  "header.employeeId": { "en-US": "Employee ID", "zh-CN": "员工编号" },
  "header.department": { "en-US": "Department", "zh-CN": "所属部门" },
  "header.position": { "en-US": "Position", "zh-CN": "岗位" },
  "header.manager": { "en-US": "Manager", "zh-CN": "直接上级" },
  "header.hrPartner": { "en-US": "HR partner", "zh-CN": "HR 对接人" },
  "header.planStart": { "en-US": "Plan start", "zh-CN": "计划开始日期" },
  "header.planEnd": { "en-US": "Plan end", "zh-CN": "计划结束日期" },
  "header.cadence": { "en-US": "Check-in cadence", "zh-CN": "跟踪频率" },
  "header.scenario": { "en-US": "Scenario", "zh-CN": "适用场景" },
  "header.language": { "en-US": "Workbook language", "zh-CN": "工作簿语言" },
  "header.languageHint": {
    "en-US": "Sheet names and column headers use this language, fixed when the plan is created.",
    "zh-CN": "工作表名称和列标题使用此语言，在创建计划时确定。",
  },
  "cadence.weekly": { "en-US": "Weekly", "zh-CN": "每周" },
  "cadence.biweekly": { "en-US": "Every two weeks", "zh-CN": "每两周" },
  "cadence.monthly": { "en-US": "Monthly", "zh-CN": "每月" },
  "scenario.post-review": { "en-US": "After a performance review", "zh-CN": "绩效评估后改进" },
  "scenario.role-change": { "en-US": "After a promotion or transfer", "zh-CN": "岗位调整适配" },
  "scenario.self-development": { "en-US": "Self-initiated development", "zh-CN": "主动提升需求" },
  "scenario.early-warning": { "en-US": "Early warning (two periods of decline)", "zh-CN": "绩效预警干预" },

  "gap.item": { "en-US": "Gap {n}", "zh-CN": "差距 {n}" },
  "gap.add": { "en-US": "Add a gap", "zh-CN": "添加绩效差距" },
  "gap.metric": { "en-US": "Metric", "zh-CN": "指标" },
  "gap.period": { "en-US": "Period", "zh-CN": "考核期间" },
  "gap.target": { "en-US": "Target", "zh-CN": "目标值" },
  "gap.actual": { "en-US": "Actual", "zh-CN": "实际值" },
  "gap.unit": { "en-US": "Unit", "zh-CN": "单位" },
  "gap.direction": { "en-US": "Direction", "zh-CN": "指标方向" },
  "gap.benchmark": { "en-US": "Department benchmark", "zh-CN": "部门基准" },
  "gap.description": { "en-US": "Description", "zh-CN": "说明" },
  "gap.attainment": { "en-US": "Attainment {value}", "zh-CN": "达成率 {value}" },
  "gap.attainmentEmpty": { "en-US": "Attainment: enter a target and an actual", "zh-CN": "达成率：请填写目标值和实际值" },
  // {diff} is the actual minus the benchmark, with its sign, in the gap's unit.
  "gap.vsBenchmark": { "en-US": "{diff} against the department benchmark", "zh-CN": "与部门基准相差 {diff}" },
  "gap.makeGoal": { "en-US": "Create a goal from this gap", "zh-CN": "据此差距创建目标" },
  "gap.goalMade": { "en-US": "Goal {id} comes from this gap.", "zh-CN": "目标 {id} 由此差距创建。" },
  // The title of a goal made from a gap; {due} is the plan's end date.
  "gap.goalTitle": { "en-US": "{metric} up from {baseline} to {target} by {due}", "zh-CN": "{due} 前{metric}由 {baseline} 提升至 {target}" },
  "gap.goalTitleDecrease": { "en-US": "{metric} down from {baseline} to {target} by {due}", "zh-CN": "{due} 前{metric}由 {baseline} 降至 {target}" },
  "direction.increase": { "en-US": "Higher is better", "zh-CN": "正向指标（越高越好）" },
  "direction.decrease": { "en-US": "Lower is better", "zh-CN": "反向指标（越低越好）" },

  "goal.item": { "en-US": "Goal {id}", "zh-CN": "目标 {id}" },
  "goal.add": { "en-US": "Add a goal", "zh-CN": "添加目标" },
  "goal.title": { "en-US": "Goal (specific, time-bound)", "zh-CN": "目标描述（具体、有时限）" },
  "goal.metric": { "en-US": "Metric", "zh-CN": "衡量指标" },
  "goal.unit": { "en-US": "Unit", "zh-CN": "单位" },
  "goal.unitHint": { "en-US": "e.g. %, minutes, 万元", "zh-CN": "如 %、分钟、万元" },
  // A % goal keeps fractions; this line says how the numbers typed are kept (62 % → 75 %).
  "goal.percentStored": { "en-US": "Kept as {baseline} → {target}", "zh-CN": "记为 {baseline} → {target}" },
  "goal.baseline": { "en-US": "Baseline", "zh-CN": "基线值" },
  "goal.target": { "en-US": "Target", "zh-CN": "目标值" },
  "goal.direction": { "en-US": "Direction", "zh-CN": "指标方向" },
  "goal.aggregation": { "en-US": "Period value from check-ins", "zh-CN": "同周期多次跟踪的汇总方式" },
  "goal.aggregationInfo": {
    "en-US": "How several check-ins in one period make that period's value. Sum: amounts that add up (sales). Average: rates and times (66 % and 70 % make 68 %). Latest: a level such as a skill score.",
    "zh-CN": "同一周期内有多条跟踪记录时，本期值如何得出。合计：可累加的量（如销售额）；平均：比率、时长（66% 与 70% 得 68%）；最新值：水平类指标（如技能评分）。",
  },
  "goal.weight": { "en-US": "Weight (%)", "zh-CN": "权重（%）" },
  "goal.dueDate": { "en-US": "Due date", "zh-CN": "截止日期" },
  "goal.method": { "en-US": "How the goal is scored", "zh-CN": "目标得分方式" },
  "goal.methodInfo": {
    "en-US": "Attainment: actual ÷ target (32 of 50 is 64 %; lower is better: (2 × target − actual) ÷ target). Progress: the share of the gap from baseline to target that is closed, (actual − baseline) ÷ (target − baseline), for a metric whose baseline is far from zero.",
    "zh-CN": "达成率：实际值 ÷ 目标值（目标 50 完成 32 为 64%；反向指标为 (2 × 目标值 − 实际值) ÷ 目标值）。改进进度：从基线值到目标值的差距已缩小的比例，(实际值 − 基线值) ÷ (目标值 − 基线值)，适用于基线远离零的指标。",
  },
  "goal.weightSum": { "en-US": "Weights add up to {value}", "zh-CN": "权重合计 {value}" },
  // A goal's weight is empty or not a number: the total is of the others only.
  "goal.weightSumIncomplete": { "en-US": "Weights add up to {value} without the weight not entered", "zh-CN": "权重合计 {value}（未计入尚未填写的权重）" },
  "aggregation.sum": { "en-US": "Sum (e.g. sales)", "zh-CN": "合计（如销售额）" },
  "aggregation.average": { "en-US": "Average (e.g. a rate)", "zh-CN": "平均（如比率）" },
  "aggregation.latest": { "en-US": "Latest (e.g. a skill score)", "zh-CN": "最新值（如技能评分）" },
  "method.ratio": { "en-US": "Attainment", "zh-CN": "达成率" },
  "method.progress": { "en-US": "Progress (gap closed)", "zh-CN": "改进进度" },

  "cause.item": { "en-US": "Cause {id}", "zh-CN": "原因 {id}" },
  "cause.add": { "en-US": "Add a root cause", "zh-CN": "添加原因" },
  "cause.goalId": { "en-US": "For goal", "zh-CN": "对应目标" },
  "cause.factor": { "en-US": "Factor", "zh-CN": "因素类型" },
  "cause.category": { "en-US": "Fishbone category", "zh-CN": "鱼骨图类别" },
  "cause.description": { "en-US": "Root cause", "zh-CN": "原因描述" },
  "cause.fiveW2H": { "en-US": "5W2H", "zh-CN": "5W2H 分析" },
  "cause.why": { "en-US": "Why", "zh-CN": "为什么（Why）" },
  "cause.what": { "en-US": "What", "zh-CN": "是什么（What）" },
  "cause.where": { "en-US": "Where", "zh-CN": "在哪里（Where）" },
  "cause.when": { "en-US": "When", "zh-CN": "何时（When）" },
  "cause.who": { "en-US": "Who", "zh-CN": "涉及谁（Who）" },
  "cause.how": { "en-US": "How", "zh-CN": "怎么发生（How）" },
  "cause.howMuch": { "en-US": "How much", "zh-CN": "影响多少（How much）" },
  "factor.personal": { "en-US": "Personal factor", "zh-CN": "个人因素" },
  "factor.external": { "en-US": "External factor", "zh-CN": "外部因素" },
  "category.none": { "en-US": "Not classified", "zh-CN": "未分类" },
  // The fishbone (Ishikawa) "6M"; the Chinese names are the usual 人机料法环测.
  "category.people": { "en-US": "People", "zh-CN": "人" },
  "category.method": { "en-US": "Method", "zh-CN": "法" },
  "category.machine": { "en-US": "Machine (tools, systems)", "zh-CN": "机（工具、系统）" },
  "category.material": { "en-US": "Material", "zh-CN": "料" },
  "category.measurement": { "en-US": "Measurement", "zh-CN": "测" },
  "category.environment": { "en-US": "Environment", "zh-CN": "环" },

  "action.item": { "en-US": "Action {id}", "zh-CN": "行动 {id}" },
  "action.add": { "en-US": "Add an action", "zh-CN": "添加行动" },
  "action.measure": { "en-US": "Measure", "zh-CN": "改进措施" },
  "action.goalId": { "en-US": "For goal", "zh-CN": "对应目标" },
  "action.causeId": { "en-US": "Addresses cause", "zh-CN": "针对原因" },
  "action.noCause": { "en-US": "None", "zh-CN": "无" },
  "action.owner": { "en-US": "Owner", "zh-CN": "责任人" },
  "action.ownerRole": { "en-US": "Owner's role", "zh-CN": "责任方" },
  "action.start": { "en-US": "Start", "zh-CN": "开始日期" },
  "action.end": { "en-US": "End", "zh-CN": "结束日期" },
  "action.completionCriterion": { "en-US": "Completion criterion", "zh-CN": "完成标准" },
  "action.resources": { "en-US": "Resources needed", "zh-CN": "所需资源" },
  "action.status": { "en-US": "Status", "zh-CN": "状态" },
  "ownerRole.employee": { "en-US": "Employee", "zh-CN": "员工" },
  "ownerRole.manager": { "en-US": "Direct manager", "zh-CN": "直接上级" },
  "ownerRole.department": { "en-US": "Supporting department", "zh-CN": "支持部门" },
  "actionStatus.not-started": { "en-US": "Not started", "zh-CN": "未开始" },
  "actionStatus.in-progress": { "en-US": "In progress", "zh-CN": "进行中" },
  "actionStatus.done": { "en-US": "Done", "zh-CN": "已完成" },
  "actionStatus.cancelled": { "en-US": "Cancelled", "zh-CN": "已取消" },

  "resource.heading": { "en-US": "Resources", "zh-CN": "资源支持" },
  "resource.item": { "en-US": "Resource {n}", "zh-CN": "资源 {n}" },
  "resource.add": { "en-US": "Add a resource", "zh-CN": "添加资源" },
  "resource.what": { "en-US": "Resource", "zh-CN": "资源内容" },
  "resource.provider": { "en-US": "Provided by", "zh-CN": "提供方" },
  "resource.due": { "en-US": "Available by", "zh-CN": "到位日期" },
  "resource.delivered": { "en-US": "Delivered", "zh-CN": "已到位" },
  "responsibility.heading": { "en-US": "Responsibilities", "zh-CN": "责任分工" },
  "responsibility.item": { "en-US": "Responsibility {n}", "zh-CN": "职责 {n}" },
  "responsibility.add": { "en-US": "Add a responsibility", "zh-CN": "添加职责" },
  "responsibility.role": { "en-US": "Role", "zh-CN": "角色" },
  "responsibility.name": { "en-US": "Name", "zh-CN": "姓名 / 部门" },
  "responsibility.duties": { "en-US": "Duties", "zh-CN": "职责" },

  "signOff.intro": {
    "en-US": "Before signing, go through the goals, measures, dates and resources item by item with the employee.",
    "zh-CN": "签字前，请与员工逐项核对目标、措施、时间节点和资源。",
  },
  "signOff.item": { "en-US": "Signature {n}", "zh-CN": "签字 {n}" },
  "signOff.add": { "en-US": "Add a signature line", "zh-CN": "添加签字行" },
  "signOff.role": { "en-US": "Signs as", "zh-CN": "签字人身份" },
  "signOff.name": { "en-US": "Name", "zh-CN": "姓名" },
  "signOff.date": { "en-US": "Date signed", "zh-CN": "签字日期" },
  "signOff.comment": { "en-US": "Comment", "zh-CN": "备注" },
  "signerRole.employee": { "en-US": "Employee", "zh-CN": "员工" },
  "signerRole.manager": { "en-US": "Direct manager", "zh-CN": "直接上级" },
  "signerRole.hr": { "en-US": "HR", "zh-CN": "HR" },
  // The acknowledgement wording printed next to each signer; the employee's signature confirms receipt, not agreement.
  "signOff.ack.employee": {
    "en-US": "By signing, the employee confirms having received and understood this plan and commits to carrying it out. The signature confirms receipt; it does not mean agreement with every assessment.",
    "zh-CN": "员工签字表示已收到并理解本计划，承诺按计划执行；签字仅确认收到，不代表认同全部评价。",
  },
  "signOff.ack.manager": {
    "en-US": "By signing, the direct manager commits the resources listed and to guiding and supervising the plan.",
    "zh-CN": "直接上级签字表示承诺提供所列资源，并负责指导与监督。",
  },
  "signOff.ack.hr": {
    "en-US": "HR witnesses the review meeting and keeps the signed plan on file.",
    "zh-CN": "HR 见证沟通确认并将签字后的计划存档。",
  },

  // --- tracking (stage 6) -------------------------------------------------------------------------------------
  "tracking.title": { "en-US": "Tracking", "zh-CN": "实施跟踪" },
  "tracking.addTitle": { "en-US": "Add a check-in", "zh-CN": "添加跟踪记录" },
  "tracking.date": { "en-US": "Date", "zh-CN": "日期" },
  "tracking.goal": { "en-US": "Goal", "zh-CN": "目标" },
  "tracking.actual": { "en-US": "Actual", "zh-CN": "实际值" },
  "tracking.note": { "en-US": "Progress note", "zh-CN": "进展说明" },
  "tracking.coachFeedback": { "en-US": "Coach feedback", "zh-CN": "辅导反馈" },
  "tracking.enteredBy": { "en-US": "Entered by", "zh-CN": "填写人" },
  "tracking.submit": { "en-US": "Add check-in", "zh-CN": "添加记录" },
  "tracking.added": { "en-US": "Check-in added to the Tracking log.", "zh-CN": "已添加到跟踪记录表。" },
  "tracking.addedMany": { "en-US": "{count} check-ins added to the Tracking log.", "zh-CN": "已将 {count} 条记录添加到跟踪记录表。" },
  "tracking.window": { "en-US": "The plan runs {start} – {end}; a check-in date lies in between.", "zh-CN": "计划期为 {start} 至 {end}，跟踪日期须在此期间内。" },
  "tracking.outsideWindow": { "en-US": "Outside the plan window {start} – {end}", "zh-CN": "不在计划期 {start} 至 {end} 内" },
  "tracking.actuals": { "en-US": "Actual per goal (leave empty to skip)", "zh-CN": "各目标实际值（留空则不记录）" },
  // {baseline} → {target} of the goal, with its unit.
  "tracking.actualHint": { "en-US": "From {baseline} to {target}", "zh-CN": "基线 {baseline} → 目标 {target}" },
  "tracking.noActual": { "en-US": "Enter at least one actual", "zh-CN": "请至少填写一个实际值" },
  "history.title": { "en-US": "Check-ins so far ({count})", "zh-CN": "已有跟踪记录（{count} 条）" },
  "history.show": { "en-US": "Show, correct or delete", "zh-CN": "查看、更正或删除" },
  "history.edit": { "en-US": "Edit", "zh-CN": "更正" },
  "history.editLabel": { "en-US": "Edit the check-in of {date} for {goal}", "zh-CN": "更正 {date} {goal} 的跟踪记录" },
  "history.delete": { "en-US": "Delete", "zh-CN": "删除" },
  "history.deleteLabel": { "en-US": "Delete the check-in of {date} for {goal}", "zh-CN": "删除 {date} {goal} 的跟踪记录" },
  "history.confirmDelete": { "en-US": "Delete for good", "zh-CN": "确认删除" },
  "history.save": { "en-US": "Save correction", "zh-CN": "保存更正" },
  "history.edited": { "en-US": "The check-in is corrected in the Tracking log.", "zh-CN": "跟踪记录已更正。" },
  "history.deleted": { "en-US": "The check-in is deleted from the Tracking log.", "zh-CN": "跟踪记录已删除。" },
  "schedule.title": { "en-US": "Check-in schedule", "zh-CN": "跟踪计划" },
  "schedule.summary": {
    "en-US": "{held} of {planned} check-ins held, {missed} missed",
    "zh-CN": "应跟踪 {planned} 次，已跟踪 {held} 次，缺失 {missed} 次",
  },
  "schedule.period": { "en-US": "Period", "zh-CN": "周期" },
  "schedule.state": { "en-US": "Check-in", "zh-CN": "跟踪情况" },
  "schedule.held": { "en-US": "Held", "zh-CN": "已跟踪" },
  "schedule.overdue": { "en-US": "Missed (overdue)", "zh-CN": "缺失（已逾期）" },
  "schedule.due": { "en-US": "Due now", "zh-CN": "本期待填" },
  "schedule.upcoming": { "en-US": "Upcoming", "zh-CN": "未开始" },
  "adjustment.title": { "en-US": "Record a plan adjustment", "zh-CN": "记录计划调整" },
  "adjustment.date": { "en-US": "Date", "zh-CN": "日期" },
  "adjustment.change": { "en-US": "What changes", "zh-CN": "调整内容" },
  "adjustment.reason": { "en-US": "Why", "zh-CN": "调整原因" },
  "adjustment.approvedBy": { "en-US": "Approved by", "zh-CN": "批准人" },
  "adjustment.submit": { "en-US": "Record adjustment", "zh-CN": "记录调整" },
  "adjustment.recorded": { "en-US": "Adjustment recorded.", "zh-CN": "已记录计划调整。" },
  "overdueActions": { "en-US": "Overdue actions: {ids}", "zh-CN": "逾期行动：{ids}" },
  "overdueActions.title": { "en-US": "Overdue actions ({count})", "zh-CN": "逾期行动（{count} 项）" },
  "due.title": { "en-US": "Due this week ({start} – {end})", "zh-CN": "本周待办（{start} – {end}）" },
  "due.checkInMissed": {
    "en-US": "Check-in {period} missed ({start} – {end}): nothing in the Tracking log",
    "zh-CN": "{period} 的跟踪反馈缺失（{start} – {end}）：“跟踪记录”中没有记录",
  },
  "due.checkInDue": { "en-US": "Check-in {period} due by {end}", "zh-CN": "{period} 的跟踪反馈应于 {end} 前完成" },
  "due.actionEnding": { "en-US": "Action {id} ends {end}: {measure}", "zh-CN": "行动 {id} 于 {end} 截止：{measure}" },
  "due.nothing": { "en-US": "Nothing due this week.", "zh-CN": "本周没有待办。" },
  "calendar.title": { "en-US": "Check-ins in your calendar", "zh-CN": "把跟踪反馈放进日历" },
  "calendar.explain": {
    "en-US": "One event per planned check-in, each action's end date and the end-of-plan review, for Outlook, Google or Apple Calendar. Importing the file again updates the events.",
    "zh-CN": "每次计划的跟踪反馈、各行动的截止日期和期末评估各一个日程，可导入 Outlook、Google 或 Apple 日历；再次导入会更新而不会重复。",
  },
  "calendar.download": { "en-US": "Download calendar (.ics)", "zh-CN": "下载日历（.ics）" },
  "calendar.done": {
    "en-US": "{file} is in your downloads: open it to import. Office for Mac does not download from a task pane; there, use pipbook calendar.",
    "zh-CN": "{file} 已保存到“下载”，打开即可导入。Mac 版 Office 无法从任务窗格下载文件，请改用 pipbook calendar。",
  },
  "calendar.failed": { "en-US": "The calendar file could not be made.", "zh-CN": "无法生成日历文件。" },

  // --- check ----------------------------------------------------------------------------------------------------
  // The employee's copy (issue 17): the plan without what is for HR and the manager only, as its own .xlsx.
  "employeeCopy.title": { "en-US": "A copy for the employee", "zh-CN": "员工副本" },
  "employeeCopy.explain": {
    "en-US": "The plan without what is for HR and the manager only (the suggested outcome, reasons and notes before the decision); it still computes.",
    "zh-CN": "不含仅供 HR 和经理查看内容（决定前的建议结果、原因与备注）的计划副本，公式照常计算。",
  },
  "employeeCopy.download": { "en-US": "Download the employee's copy (.xlsx)", "zh-CN": "下载员工副本（.xlsx）" },
  "employeeCopy.working": { "en-US": "Making the copy…", "zh-CN": "正在生成副本…" },
  "employeeCopy.done": { "en-US": "Saved as {file}.", "zh-CN": "已保存为 {file}。" },
  "employeeCopy.failed": { "en-US": "The copy could not be made; the workbook is unchanged.", "zh-CN": "无法生成副本；工作簿未改动。" },
  // In Excel (src/excel/employee-copy.ts): the copy opens as a new workbook (Excel.createWorkbook returns no handle).
  "employeeCopy.open": { "en-US": "Open the employee's copy as a new workbook", "zh-CN": "在新工作簿中打开员工副本" },
  "employeeCopy.opened": {
    "en-US": "A copy for the employee has been opened in a new window — save it where the employee can get it.",
    "zh-CN": "员工副本已在新窗口中打开——请把它保存到员工能拿到的位置。",
  },
  "employeeCopy.failedRead": {
    "en-US": "Excel could not give PIPbook this workbook's file ({detail}); nothing was opened and the workbook is unchanged. Try again, or use the command line: pipbook export plan.xlsx --for employee -o copy.xlsx",
    "zh-CN": "Excel 未能把本工作簿的文件交给 PIPbook（{detail}）；未打开任何副本，工作簿未改动。请重试，或用命令行：pipbook export plan.xlsx --for employee -o copy.xlsx",
  },
  "employeeCopy.sliceOf": { "en-US": "part {slice} of {slices}", "zh-CN": "第 {slice} 段，共 {slices} 段" },
  "employeeCopy.fileUnavailable": { "en-US": "the file", "zh-CN": "文件" },
  "employeeCopy.failedNoPlan": {
    "en-US": "This workbook holds no PIP plan to copy; nothing was opened.",
    "zh-CN": "本工作簿中没有可复制的 PIP 计划；未打开任何副本。",
  },
  "employeeCopy.failedOpen": {
    "en-US": "The copy was made but Excel did not open it as a new workbook; the workbook is unchanged.",
    "zh-CN": "副本已生成，但 Excel 未能将其作为新工作簿打开；工作簿未改动。",
  },
  "employeeCopy.inExcel": {
    "en-US": "In Excel, make it with PIPbook's command line: pipbook export plan.xlsx --for employee -o copy.xlsx",
    "zh-CN": "在 Excel 中请用 PIPbook 命令行生成：pipbook export plan.xlsx --for employee -o copy.xlsx",
  },
  // The seal of a signed plan (src/excel/seal.ts): the banner when the reader finds changes after signing.
  "seal.title": { "en-US": "Changed after signing — ask both to sign again", "zh-CN": "签字后已改动——请双方重新签字" },
  "seal.body": {
    "en-US": "These differ from what the employee and the manager signed. Record a change to a signed plan as an adjustment; once both sign again, the next save seals the plan anew.",
    "zh-CN": "以下内容与员工和经理签字时不同。已签字计划的变更请记入“调整记录”；双方重新签字后，下次保存将重新封存。",
  },
  "check.title": { "en-US": "Check the workbook", "zh-CN": "检查工作簿" },
  "check.run": { "en-US": "Check workbook", "zh-CN": "检查工作簿" },
  "check.running": { "en-US": "Checking…", "zh-CN": "正在检查…" },
  "check.none": { "en-US": "No problems found.", "zh-CN": "未发现问题。" },
  "check.errors": { "en-US": "Errors ({count})", "zh-CN": "错误（{count}）" },
  "check.warnings": { "en-US": "Warnings ({count})", "zh-CN": "警告（{count}）" },
  "check.auto": {
    "en-US": "Checks run again after every edit in the PIP sheets, since a paste skips Excel's own data validation.",
    "zh-CN": "在计划工作表中编辑后会自动重新检查（粘贴会绕过 Excel 的数据验证）。",
  },
  // {place} is a cell reference such as 跟踪记录!A5.
  "check.goTo": { "en-US": "Go to {place}", "zh-CN": "定位到 {place}" },
  "check.noCell": { "en-US": "no cell", "zh-CN": "无对应单元格" },
  "check.notRun": { "en-US": "Not checked yet.", "zh-CN": "尚未检查。" },

  // --- evaluate (stage 7) ---------------------------------------------------------------------------------------
  "evaluate.title": { "en-US": "Evaluation", "zh-CN": "效果评估" },
  "evaluate.final": { "en-US": "Final result: the plan ended on {date}.", "zh-CN": "最终结果：计划已于 {date} 结束。" },
  "evaluate.interim": { "en-US": "Interim result as of {date}.", "zh-CN": "截至 {date} 的中期结果。" },
  "evaluate.afterAsOf": {
    "en-US": "{count} row(s) of the Tracking log dated after {date} are left out of these numbers.",
    "zh-CN": "“跟踪记录”中有 {count} 行日期晚于 {date}，未计入以上数字。",
  },
  "evaluate.overall": { "en-US": "Overall attainment", "zh-CN": "总体达成率" },
  "evaluate.suggestion": { "en-US": "Suggested outcome", "zh-CN": "建议结论" },
  "evaluate.goal": { "en-US": "Goal", "zh-CN": "目标" },
  "evaluate.toDate": { "en-US": "To date", "zh-CN": "累计值" },
  // The to-date value's label follows how the goal's check-ins combine.
  "evaluate.toDate.sum": { "en-US": "Total to date", "zh-CN": "累计值" },
  "evaluate.toDate.average": { "en-US": "Average to date", "zh-CN": "平均值" },
  "evaluate.toDate.latest": { "en-US": "Latest value", "zh-CN": "最新值" },
  "evaluate.value.sum": { "en-US": "Total", "zh-CN": "本期合计" },
  "evaluate.value.average": { "en-US": "Average", "zh-CN": "本期平均" },
  "evaluate.value.latest": { "en-US": "Latest", "zh-CN": "本期最新" },
  // Marks the number (attainment or progress) the goal's score and the overall use.
  "evaluate.scored": { "en-US": "counts", "zh-CN": "计入总分" },
  "evaluate.better": { "en-US": "(better)", "zh-CN": "（改善）" },
  "evaluate.worse": { "en-US": "(worse)", "zh-CN": "（变差）" },
  "evaluate.basis": {
    "en-US": "Based on {counted} of {total} goals ({weight} of the weight).",
    "zh-CN": "依据 {total} 个目标中的 {counted} 个（占权重 {weight}）。",
  },
  "evaluate.basisNone": { "en-US": "No goal has check-ins yet.", "zh-CN": "尚无目标有跟踪记录。" },
  "evaluate.basisMissing": { "en-US": "Not counted (no check-ins yet): {goals}", "zh-CN": "未计入（尚无跟踪记录）：{goals}" },
  "evaluate.implausible": {
    "en-US": "Some percentages are not plausible rates, so no outcome is suggested until they are corrected:",
    "zh-CN": "部分百分比数值不是合理的比率，修正之前不给出建议结论：",
  },
  "evaluate.suggestionWithheld": { "en-US": "none until the percentages are corrected", "zh-CN": "修正百分比后再给出" },
  "evaluate.outcomeThresholds": {
    "en-US": "Met at {met} overall or more, partially met at {partiallyMet} or more.",
    "zh-CN": "总体达成率 ≥ {met} 为达标，≥ {partiallyMet} 为部分达标。",
  },
  // {gap}: share of the gap closed; {time}: share of the plan window elapsed.
  "evaluate.reasonGap": { "en-US": "{gap} of the gap closed in {time} of the time → {status}", "zh-CN": "用时 {time}，差距已缩小 {gap} → {status}" },
  "evaluate.reasonSum": {
    "en-US": "{toDate} against {expected} expected by now ({time} of the time), pace {pace} → {status}",
    "zh-CN": "截至目前 {toDate}，按用时 {time} 应达 {expected}，进度 {pace} → {status}",
  },
  "evaluate.statusInfo": {
    "en-US": "The pace compares the result with the time elapsed: on track at {onTrack} or more, at risk at {atRisk} or more, off track below.",
    "zh-CN": "进度 = 实际进展与已用时间之比：≥ {onTrack} 为按计划推进，≥ {atRisk} 为存在风险，低于则偏离计划。",
  },
  "evaluate.attainment": { "en-US": "Attainment", "zh-CN": "达成率" },
  "evaluate.progress": { "en-US": "Progress (gap closed)", "zh-CN": "改进进度" },
  "evaluate.score": { "en-US": "Score", "zh-CN": "得分" },
  "evaluate.status": { "en-US": "Status", "zh-CN": "进度状态" },
  "evaluate.periods": { "en-US": "By period", "zh-CN": "按周期" },
  "evaluate.quarters": { "en-US": "By quarter", "zh-CN": "按季度" },
  "evaluate.period": { "en-US": "Period", "zh-CN": "周期" },
  "evaluate.value": { "en-US": "Value", "zh-CN": "本期值" },
  "evaluate.change": { "en-US": "Period-over-period", "zh-CN": "环比" },
  "evaluate.qoq": { "en-US": "Quarter-over-quarter", "zh-CN": "季度环比" },
  "evaluate.decisionTitle": { "en-US": "Outcome and decision", "zh-CN": "评估结论与后续决定" },
  "evaluate.date": { "en-US": "Evaluation date", "zh-CN": "评估日期" },
  "evaluate.outcome": { "en-US": "Outcome", "zh-CN": "评估结论" },
  "evaluate.decision": { "en-US": "Decision", "zh-CN": "后续决定" },
  "evaluate.notChosen": { "en-US": "Not decided", "zh-CN": "未确定" },
  "evaluate.measuresToStandardise": { "en-US": "Effective measures to standardise", "zh-CN": "需固化推广的有效措施" },
  "evaluate.reasons": { "en-US": "Reasons (if not met)", "zh-CN": "未达标原因" },
  "evaluate.extensionEnd": { "en-US": "Extended to", "zh-CN": "延长至" },
  "evaluate.notes": { "en-US": "Notes", "zh-CN": "备注" },
  "evaluate.useSuggestion": { "en-US": "Use the suggestion", "zh-CN": "采用建议结论" },
  "evaluate.saveDecision": { "en-US": "Save decision", "zh-CN": "保存结论" },
  "evaluate.decisionSaved": { "en-US": "Decision saved in the workbook.", "zh-CN": "结论已保存到工作簿。" },
  "evaluate.refresh": { "en-US": "Refresh Evaluation sheet", "zh-CN": "刷新效果评估表" },
  "evaluate.refreshed": { "en-US": "The Evaluation sheet and its charts are up to date.", "zh-CN": "效果评估表及图表已更新。" },
  "status.on-track": { "en-US": "On track", "zh-CN": "按计划推进" },
  "status.at-risk": { "en-US": "At risk", "zh-CN": "存在风险" },
  "status.off-track": { "en-US": "Off track", "zh-CN": "偏离计划" },
  "status.no-data": { "en-US": "No data", "zh-CN": "暂无数据" },
  "status.not-started": { "en-US": "Not started", "zh-CN": "未开始" },
  "outcome.met": { "en-US": "Met", "zh-CN": "达标" },
  "outcome.partially-met": { "en-US": "Partially met", "zh-CN": "部分达标" },
  "outcome.not-met": { "en-US": "Not met", "zh-CN": "未达标" },
  "decision.archive": { "en-US": "Archive (record in the performance file)", "zh-CN": "归档（记入绩效档案）" },
  "decision.extend": { "en-US": "Extend", "zh-CN": "延长" },
  "decision.adjust": { "en-US": "Adjust", "zh-CN": "调整" },
  "decision.other": { "en-US": "Other steps under company policy", "zh-CN": "按公司制度采取其他措施" },

  // --- preview (the browser host without Excel) ---------------------------------------------------------------
  "preview.title": { "en-US": "PIPbook preview · in-memory workbook", "zh-CN": "PIPbook 预览 · 内存工作簿" },
  "preview.note": {
    "en-US": "No Excel here: the task pane works on an in-memory workbook whose formulas HyperFormula computes.",
    "zh-CN": "此处没有 Excel：任务窗格操作的是内存中的工作簿，公式由 HyperFormula 计算。",
  },
  "preview.loadExample": { "en-US": "Load the example plan", "zh-CN": "载入示例计划" },
  "preview.taskPane": { "en-US": "Task pane", "zh-CN": "任务窗格" },
  "preview.workbook": { "en-US": "Workbook", "zh-CN": "工作簿" },
  "preview.sheets": { "en-US": "Sheets", "zh-CN": "工作表" },
  "preview.noSheets": { "en-US": "The workbook is empty. Create a plan in the task pane.", "zh-CN": "工作簿为空，请在任务窗格中创建计划。" },
  "preview.edit": { "en-US": "Edit a cell", "zh-CN": "编辑单元格" },
  "preview.cell": { "en-US": "Cell", "zh-CN": "单元格" },
  "preview.value": { "en-US": "Value", "zh-CN": "值" },
  "preview.enter": { "en-US": "Enter", "zh-CN": "输入" },
  "preview.paste": { "en-US": "As a paste (skips data validation)", "zh-CN": "以粘贴方式（绕过数据验证）" },
  // {message} is Excel's data-validation message for the refused value.
  "preview.refused": { "en-US": "Excel refuses this value: {message}", "zh-CN": "Excel 拒绝该值：{message}" },
  "preview.badCell": { "en-US": "Not a cell address (e.g. B5).", "zh-CN": "不是有效的单元格地址（如 B5）。" },
  "preview.charts": { "en-US": "Charts", "zh-CN": "图表" },
  "preview.chartEmpty": { "en-US": "Not enough data yet: the chart fills in as check-ins arrive.", "zh-CN": "数据不足：随着跟踪记录增加，图表会逐步显示。" },
  "preview.finding": { "en-US": "Finding", "zh-CN": "检查发现" },
  "preview.selected": { "en-US": "Selected", "zh-CN": "已选中" },
  "preview.download": { "en-US": "Download .xlsx", "zh-CN": "下载 .xlsx" },
  "preview.open": { "en-US": "Open .xlsx", "zh-CN": "打开 .xlsx" },
  // The name offered for the downloaded workbook.
  "preview.fileName": { "en-US": "PIPbook-preview.xlsx", "zh-CN": "PIPbook-预览.xlsx" },
  "preview.downloadFailed": { "en-US": "The workbook could not be written as .xlsx.", "zh-CN": "无法将工作簿写成 .xlsx 文件。" },
  "preview.openFailed": { "en-US": "{name} could not be opened.", "zh-CN": "无法打开 {name}。" },
  "preview.startOver": { "en-US": "Start over", "zh-CN": "重新开始" },
  "preview.startOverQuestion": { "en-US": "Discard this workbook?", "zh-CN": "放弃当前工作簿？" },
  "preview.startOverYes": { "en-US": "Discard and start over", "zh-CN": "放弃并重新开始" },
  "preview.keep.kept": {
    "en-US": "Kept in this browser: a reload brings the workbook and the language back.",
    "zh-CN": "已保存在本浏览器中：刷新页面后工作簿和界面语言仍在。",
  },
  "preview.keep.full": {
    "en-US": "This workbook is too large for the browser's storage and will not survive a reload: download it as .xlsx.",
    "zh-CN": "工作簿超出浏览器存储上限，刷新后将丢失，请下载为 .xlsx 保存。",
  },
  "preview.keep.unavailable": {
    "en-US": "This browser does not keep data for the page: download the workbook as .xlsx to keep it.",
    "zh-CN": "本浏览器不为此页面保存数据，请下载为 .xlsx 保存工作簿。",
  },
  "preview.keep.none": { "en-US": "Nothing to keep yet.", "zh-CN": "暂无需要保存的内容。" },
} satisfies Record<string, Entry>;

export type UiKey = keyof typeof UI_STRINGS;
export type UiParams = Record<string, string | number>;

/** The string for `key` in `language`, with `{name}` placeholders filled from `params`. */
export function uiText(language: UiLanguage, key: UiKey, params?: UiParams): string {
  const template: string = UI_STRINGS[key][language];
  if (!params) return template;
  return fillTemplate(template, params);
}

/** Office's display language → the pane's language: any zh-* (zh-CN, zh-TW, zh-HK …) → zh-CN, else en-US. */
export function pickLanguage(displayLanguage: string | null | undefined): UiLanguage {
  return typeof displayLanguage === "string" && /^zh(-|_|$)/i.test(displayLanguage.trim()) ? "zh-CN" : "en-US";
}
