/**
 * Every string the `pipbook` command prints, zh-CN and en-US side by side.
 * Placeholders are `{name}`; `cliText` fills them. Translators: keep placeholders and option names (--lang) as they are.
 */
import type { Language } from "./language";
import { fillTemplate } from "./template";

type Pair = Record<Language, string>;

export const cliMessages = {
  // Help text: program and commands
  "help.program": {
    "zh-CN": "PIPbook 命令行：批量生成、校验与分析绩效改进计划（PIP）工作簿",
    "en-US": "PIPbook on the command line: generate, validate and analyse Performance Improvement Plan workbooks",
  },
  "help.version": { "zh-CN": "显示版本号", "en-US": "show the version number" },
  "help.help": { "zh-CN": "显示帮助", "en-US": "show help" },
  "help.helpCommand": { "zh-CN": "显示某个命令的帮助", "en-US": "show help for a command" },
  "help.lang": {
    "zh-CN": "输出语言（zh-CN 或 en-US；默认取 LC_ALL / LANG）",
    "en-US": "language of the output (zh-CN or en-US; default from LC_ALL / LANG)",
  },
  "help.debug": { "zh-CN": "出错时显示调用栈（排查问题用）", "en-US": "show the stack trace on errors (for troubleshooting)" },
  "help.asOf": {
    "zh-CN": "统计截止日期 YYYY-MM-DD（默认今天）",
    "en-US": "the \"as of\" date YYYY-MM-DD (default today)",
  },
  "help.json": { "zh-CN": "以 JSON 输出", "en-US": "print JSON" },
  "help.generate": {
    "zh-CN": "由计划 JSON 生成 PIP 工作簿（.xlsx），与加载项生成的相同",
    "en-US": "generate the PIP workbook (.xlsx) from a plan JSON, the same one the add-in makes",
  },
  "help.generate.plan": { "zh-CN": "计划文件（.json）", "en-US": "plan file (.json)" },
  "help.generate.output": { "zh-CN": "输出的工作簿（.xlsx）", "en-US": "workbook to write (.xlsx)" },
  "help.workbookLang": {
    "zh-CN": "工作簿的工作表名与表头语言（默认取计划中的语言）",
    "en-US": "language of the workbook's sheet names and headers (default: the plan's)",
  },
  "help.batch": {
    "zh-CN": "按花名册（CSV）每行生成一个工作簿",
    "en-US": "generate one workbook per row of a roster (CSV)",
  },
  "help.batch.roster": {
    "zh-CN": "花名册 CSV：姓名、工号、部门、岗位、直属上级、HRBP、计划开始、计划结束（表头中英文均可）",
    "en-US": "roster CSV: name, id, department, position, manager, HR partner, plan start, plan end (English or Chinese headers)",
  },
  "help.batch.template": { "zh-CN": "作为模板的计划文件（.json）", "en-US": "plan file used as the template (.json)" },
  "help.batch.output": { "zh-CN": "输出文件夹", "en-US": "output folder" },
  "help.validate": {
    "zh-CN": "校验计划（.json 或 .xlsx），列出问题及其位置；有错误时退出码为 1",
    "en-US": "check a plan (.json or .xlsx) and list findings with their place; exit code 1 when there are errors",
  },
  "help.validate.file": { "zh-CN": "计划文件（.json 或 .xlsx）", "en-US": "plan file (.json or .xlsx)" },
  "help.analyze": {
    "zh-CN": "计算各目标的累计值、达成率、改进进度与状态，以及各周期数值、总体达成率与结论建议",
    "en-US": "compute per goal the to-date value, attainment, progress and status, per period values, overall attainment and outcome",
  },
  "help.rollup": {
    "zh-CN": "汇总文件夹中所有 PIP 工作簿，每个员工一行",
    "en-US": "summarise every PIP workbook in a folder, one row per employee",
  },
  "help.rollup.folder": { "zh-CN": "存放 PIP 工作簿的文件夹", "en-US": "folder holding PIP workbooks" },
  "help.rollup.output": { "zh-CN": "另存为汇总工作簿（.xlsx）", "en-US": "also write the summary as a workbook (.xlsx)" },
  "help.title.Usage:": { "zh-CN": "用法：", "en-US": "Usage:" },
  "help.title.Options:": { "zh-CN": "选项：", "en-US": "Options:" },
  "help.title.Commands:": { "zh-CN": "命令：", "en-US": "Commands:" },
  "help.title.Arguments:": { "zh-CN": "参数：", "en-US": "Arguments:" },
  "help.title.Global Options:": { "zh-CN": "全局选项：", "en-US": "Global Options:" },

  // Usage errors (exit code 2)
  "usage.unknownOption": { "zh-CN": "未知选项 {detail}", "en-US": "unknown option {detail}" },
  "usage.unknownCommand": { "zh-CN": "未知命令 {detail}", "en-US": "unknown command {detail}" },
  "usage.missingArgument": { "zh-CN": "缺少参数 {detail}", "en-US": "missing argument {detail}" },
  "usage.optionMissingArgument": { "zh-CN": "选项 {detail} 缺少取值", "en-US": "option {detail} needs a value" },
  "usage.missingMandatoryOption": { "zh-CN": "缺少必需的选项 {detail}", "en-US": "required option {detail} not given" },
  "usage.excessArguments": { "zh-CN": "命令 {detail} 的参数过多", "en-US": "too many arguments for {detail}" },
  "usage.invalidArgument": { "zh-CN": "取值无效：{detail}", "en-US": "invalid value: {detail}" },
  "usage.other": { "zh-CN": "用法错误：{detail}", "en-US": "usage error: {detail}" },
  "usage.hint": { "zh-CN": "运行 pipbook --help 查看用法", "en-US": "run pipbook --help for usage" },
  "usage.badLang": {
    "zh-CN": "--lang 的取值 \"{value}\" 无效，可用 zh-CN（zh）或 en-US（en）",
    "en-US": "--lang \"{value}\" is not supported: use zh-CN (zh) or en-US (en)",
  },
  "usage.badEmail": {
    "zh-CN": "{option} 的取值 \"{value}\" 不是一个邮箱地址，如 li.na@example.com",
    "en-US": "{option} \"{value}\" is not one e-mail address, e.g. li.na@example.com",
  },
  "usage.badAsOf": {
    "zh-CN": "--as-of 的取值 \"{value}\" 不是日期，如 2024-05-15、2024/5/15 或 2024年5月15日",
    "en-US": "--as-of \"{value}\" is not a date: e.g. 2024-05-15, 2024/5/15 or 5/15/2024",
  },
  "usage.badExtension": {
    "zh-CN": "{file}：不支持的文件类型，应为 .json 或 .xlsx",
    "en-US": "{file}: unsupported file type, expected .json or .xlsx",
  },
  "usage.outputNotXlsx": {
    "zh-CN": "{file}：输出文件应以 .xlsx 结尾",
    "en-US": "{file}: the output file must end in .xlsx",
  },
  "usage.templateNotJson": {
    "zh-CN": "{file}：模板应为计划 JSON 文件（.json）",
    "en-US": "{file}: the template must be a plan JSON file (.json)",
  },

  // Files
  "file.missing": { "zh-CN": "{file}：文件不存在", "en-US": "{file}: no such file" },
  "file.unreadable": {
    "zh-CN": "{file}：无法读取（被锁定或没有权限）",
    "en-US": "{file}: cannot be read (locked or no permission)",
  },
  "file.isDirectory": { "zh-CN": "{file}：这是文件夹，不是文件", "en-US": "{file}: is a folder, not a file" },
  "file.notDirectory": { "zh-CN": "{file}：不是文件夹", "en-US": "{file}: is not a folder" },
  "file.readFailed": { "zh-CN": "{file}：读取失败（{reason}）", "en-US": "{file}: could not be read ({reason})" },
  "file.writeFailed": { "zh-CN": "{file}：写入失败（{reason}）", "en-US": "{file}: could not be written ({reason})" },
  "file.noFolder": {
    "zh-CN": "{file}：无法写入，文件夹 {dir} 不存在",
    "en-US": "{file}: cannot be written, the folder {dir} does not exist",
  },
  "file.notWritable": {
    "zh-CN": "{file}：无法写入（没有权限或为只读）",
    "en-US": "{file}: cannot be written (no permission or read-only)",
  },
  "file.notXlsx": {
    "zh-CN": "{file}：不是有效的 .xlsx 工作簿（文件已损坏或不是 Excel 文件）；请在 Excel 中打开并另存为 .xlsx（加 --debug 可看详细原因）",
    "en-US": "{file}: not a valid .xlsx workbook (damaged, or not an Excel file); open it in Excel and save it as .xlsx (--debug shows the details)",
  },
  "file.exists": {
    "zh-CN": "{file}：文件已存在且不是 PIP 工作簿，未覆盖；换一个文件名，或加 --replace 覆盖它",
    "en-US": "{file}: the file exists and is not a PIP workbook, left as it is; choose another name, or add --replace to overwrite it",
  },
  "file.otherEmployee": {
    "zh-CN": "{file}：这是 {found} 的 PIP 工作簿，不是计划文件中 {plan} 的，未更新（两份计划会被合并到一起）；换一个文件名，或加 --replace 覆盖它",
    "en-US": "{file}: this is the PIP workbook of {found}, not of {plan} in the plan file, left as it is (the two plans would be merged into one); choose another name, or add --replace to overwrite it",
  },
  "generate.keptEdited": {
    "zh-CN": "注意：「{place}」中有一行与计划文件中{what}的行不同（工作簿：{workbook}；计划文件：{plan}），两行都已保留；若是在 Excel 中改过，请删掉不对的那一行",
    "en-US": "note: a row of {place} differs from the plan file's row for {what} (workbook: {workbook}; plan file: {plan}); both are kept — if it was corrected in Excel, delete the row that is wrong",
  },
  "generate.sameCheckIn": { "zh-CN": "同一日期、同一目标", "en-US": "the same date and goal" },
  "generate.sameAdjustment": { "zh-CN": "同一日期", "en-US": "the same date" },
  "generate.sameSignature": { "zh-CN": "同一签字人角色", "en-US": "the same signer's role" },
  "file.existsUnreadable": {
    "zh-CN": "{file}：文件已存在但无法作为工作簿读取，未覆盖；换一个文件名，或加 --replace 覆盖它",
    "en-US": "{file}: the file exists but cannot be read as a workbook, left as it is; choose another name, or add --replace to overwrite it",
  },
  "file.conflict": {
    "zh-CN": "{file}：未更新，{cells} 处有他人输入的内容会被计划覆盖；请先移走这些内容，或加 --replace 重新生成（会丢失工作簿中录入的行）",
    "en-US": "{file}: not updated, someone's content at {cells} would be covered by the plan; move it first, or add --replace to start afresh (rows entered in the workbook are lost)",
  },
  "part.sheet": {
    "zh-CN": "文件中的工作表“{sheet}”已损坏，已跳过（与 Excel 的修复相同），其中的内容未读取；请在 Excel 中打开并修复后另存",
    "en-US": "the worksheet “{sheet}” is damaged in the file and was left out (as Excel's repair does); its content is not read — open the file in Excel, let it repair, and save it",
  },
  "part.table": {
    "zh-CN": "文件中的表格 {table} 已损坏，已跳过，其中的行未读取；请在 Excel 中打开并修复后另存",
    "en-US": "the table {table} is damaged in the file and was left out; its rows are not read — open the file in Excel, let it repair, and save it",
  },
  "part.styles": {
    "zh-CN": "文件中的单元格格式已损坏或缺失，已按无格式读取（日期可能显示为数字）",
    "en-US": "the file's cell formats are damaged or missing and were read as plain (dates may show as numbers)",
  },
  "part.sharedStrings": {
    "zh-CN": "文件中的文字表已损坏，所有文字单元格按空白读取；请在 Excel 中打开并修复后另存",
    "en-US": "the file's text table is damaged, so every text cell reads as empty — open the file in Excel, let it repair, and save it",
  },
  "cell.brokenSharedString": {
    "zh-CN": "此单元格的文字在文件中已损坏（共享字符串引用无效），按空白读取；请在 Excel 中重新输入",
    "en-US": "this cell's text is broken in the file (an invalid shared-string reference) and was read as empty; retype it in Excel",
  },
  "temp.cleaned": {
    "zh-CN": "已删除上次中断留下的临时文件 {count} 个（{dir}）",
    "en-US": "removed {count} temporary file(s) left by an interrupted run ({dir})",
  },
  "file.encrypted": {
    "zh-CN": "{file}：工作簿已加密（设置了打开密码）或为旧版 .xls，无法读取；请在 Excel 中取消密码并另存为 .xlsx",
    "en-US": "{file}: the workbook is password-protected or an old .xls and cannot be read; remove the password in Excel and save as .xlsx",
  },
  "file.notPip": {
    "zh-CN": "{file}：不是 PIP 工作簿（找不到 PIP 表格）",
    "en-US": "{file}: not a PIP workbook (no PIP tables found)",
  },

  // Plan JSON encoding
  "plan.notUtf8": {
    "zh-CN": "{file}：不是 UTF-8 文本，第 {line} 行（第 {offset} 字节，0x{byte}）起无法按 UTF-8 读取，看起来是 {encoding} 编码；请把文件另存为 UTF-8（记事本：另存为 → 编码选 UTF-8）",
    "en-US": "{file}: not UTF-8 text: line {line} (byte {offset}, 0x{byte}) cannot be read as UTF-8, it looks like {encoding}; save the file as UTF-8 (Notepad: Save as → Encoding UTF-8)",
  },
  "plan.utf16": {
    "zh-CN": "{file}：文件是 {encoding} 编码，计划 JSON 须为 UTF-8；请把文件另存为 UTF-8（记事本：另存为 → 编码选 UTF-8）",
    "en-US": "{file}: the file is {encoding}; a plan JSON must be UTF-8: save it as UTF-8 (Notepad: Save as → Encoding UTF-8)",
  },

  // Roster (batch)
  "roster.empty": { "zh-CN": "{file}：花名册为空", "en-US": "{file}: the roster is empty" },
  "roster.badCsv": {
    "zh-CN": "{file}：第 {row} 行 CSV 格式错误（{reason}）",
    "en-US": "{file}: row {row}: malformed CSV ({reason})",
  },
  "roster.missingColumns": {
    "zh-CN": "{file}：第 1 行（表头）缺少列 {columns}；按 {encoding} 编码、分隔符 “{separator}” 读到 {count} 列：{found}。请检查表头名称、文件编码和分隔符",
    "en-US": "{file}: row 1 (the header) lacks the column(s) {columns}; read as {encoding} with the separator “{separator}” it has {count} column(s): {found}. Check the header names, the file's encoding and its separator",
  },
  "roster.badDate": {
    "zh-CN": "第 {row} 行 “{column}” 列：“{value}” 不是日期（如 2024-04-01、2024/4/1 或 2024年4月1日）",
    "en-US": "row {row}, column \"{column}\": \"{value}\" is not a date (e.g. 2024-04-01, 2024/4/1 or 4/1/2024)",
  },
  "roster.emptyCell": {
    "zh-CN": "第 {row} 行 “{column}” 列为空",
    "en-US": "row {row}, column \"{column}\" is empty",
  },
  "roster.endBeforeStart": {
    "zh-CN": "第 {row} 行：计划结束日期 {end} 早于开始日期 {start}",
    "en-US": "row {row}: plan end {end} is before plan start {start}",
  },
  "roster.planErrors": {
    "zh-CN": "第 {row} 行：生成的计划有错误：{message}",
    "en-US": "row {row}: the plan made from it has errors: {message}",
  },
  "roster.duplicateFile": {
    "zh-CN": "第 {row} 行：输出文件 {name} 与第 {other} 行重复",
    "en-US": "row {row}: output file {name} is the same as row {other}'s",
  },
  "roster.targetNotPip": {
    "zh-CN": "第 {row} 行：{file} 已存在且不是可读的 PIP 工作簿，未覆盖",
    "en-US": "row {row}: {file} exists and is not a readable PIP workbook, left as it is",
  },
  "roster.writeFailed": {
    "zh-CN": "第 {row} 行：{reason}",
    "en-US": "row {row}: {reason}",
  },
  "batch.progressLine": { "zh-CN": "[{done}/{total}] {name}", "en-US": "[{done}/{total}] {name}" },
  "batch.progressFailedLine": {
    "zh-CN": "[{done}/{total}] 第 {row} 行失败",
    "en-US": "[{done}/{total}] row {row} failed",
  },
  "batch.progressBar": { "zh-CN": "生成中", "en-US": "Generating" },
  "batch.summary": {
    "zh-CN": "已生成 {written} 个工作簿，失败 {failed} 个，输出到 {dir}",
    "en-US": "{written} workbook(s) written, {failed} failed, in {dir}",
  },
  "batch.failuresTitle": { "zh-CN": "失败的行：", "en-US": "Failed rows:" },
  "batch.skippedTitle": {
    "zh-CN": "已有录入内容、未改动的工作簿（用 pipbook generate 计划.json -o 工作簿 合并更新）：",
    "en-US": "Workbooks that hold entered rows, left as they are (update one with pipbook generate plan.json -o workbook):",
  },
  "batch.skippedLine": {
    "zh-CN": "第 {row} 行：{file}（已录入 {entered} 行）",
    "en-US": "row {row}: {file} ({entered} entered row(s))",
  },
  "batch.skippedSummary": {
    "zh-CN": "另有 {skipped} 个已有录入内容的工作簿未改动",
    "en-US": "{skipped} workbook(s) holding entered rows left as they were",
  },

  // generate
  "generate.done": { "zh-CN": "已生成 {file}", "en-US": "Wrote {file}" },
  "generate.updated": {
    "zh-CN": "已更新 {file}（保留了工作簿中录入的 {kept} 行）",
    "en-US": "Updated {file} (kept {kept} row(s) entered in the workbook)",
  },
  "generate.replaced": { "zh-CN": "已重新生成 {file}（--replace：原文件被替换）", "en-US": "Wrote {file} afresh (--replace: the old file was replaced)" },
  "help.generate.replace": {
    "zh-CN": "输出文件已存在时整个替换它（默认：合并进现有 PIP 工作簿，保留录入的行）",
    "en-US": "replace the output file if it exists (default: merge into an existing PIP workbook, keeping entered rows)",
  },
  "generate.invalidPlan": {
    "zh-CN": "{file}：计划有 {count} 个错误，未生成工作簿；请先运行 pipbook validate",
    "en-US": "{file}: the plan has {count} error(s), no workbook written; run pipbook validate first",
  },

  // validate
  "validate.ok": { "zh-CN": "{file}：没有发现问题", "en-US": "{file}: no findings" },
  "validate.summary": {
    "zh-CN": "{file}：{errors} 个错误，{warnings} 个警告",
    "en-US": "{file}: {errors} error(s), {warnings} warning(s)",
  },
  "severity.error": { "zh-CN": "错误", "en-US": "error" },
  "severity.warning": { "zh-CN": "警告", "en-US": "warning" },

  // analyze
  "analyze.title": {
    "zh-CN": "{employee}（{id}）  计划 {start} 至 {end}  截至 {asOf}",
    "en-US": "{employee} ({id})  plan {start} to {end}  as of {asOf}",
  },
  "analyze.col.goal": { "zh-CN": "目标", "en-US": "Goal" },
  "analyze.col.toDate": { "zh-CN": "累计值", "en-US": "To date" },
  "analyze.col.target": { "zh-CN": "目标值", "en-US": "Target" },
  "analyze.col.attainment": { "zh-CN": "达成率", "en-US": "Attainment" },
  "analyze.col.progress": { "zh-CN": "改进进度", "en-US": "Progress" },
  "analyze.col.status": { "zh-CN": "状态", "en-US": "Status" },
  "analyze.col.period": { "zh-CN": "周期", "en-US": "Period" },
  "analyze.col.value": { "zh-CN": "周期值", "en-US": "Value" },
  "analyze.col.change": { "zh-CN": "环比", "en-US": "Change" },
  "analyze.col.qoq": { "zh-CN": "季度环比", "en-US": "QoQ change" },
  "analyze.periodsOf": { "zh-CN": "{goal} 各周期", "en-US": "{goal} by period" },
  "analyze.quartersOf": { "zh-CN": "{goal} 各季度", "en-US": "{goal} by quarter" },
  "analyze.overall": {
    "zh-CN": "总体加权达成率：{overall}    结论建议：{outcome}",
    "en-US": "Overall weighted attainment: {overall}    Outcome suggestion: {outcome}",
  },
  "analyze.checkIns": {
    "zh-CN": "跟踪反馈：应进行 {planned} 次，已进行 {held} 次，缺失 {missed} 次（执行率 {adherence}）",
    "en-US": "Check-ins: {planned} planned, {held} held, {missed} missed (adherence {adherence})",
  },
  "analyze.overdueActions": { "zh-CN": "逾期行动：{ids}", "en-US": "Overdue actions: {ids}" },
  "analyze.ignored": {
    "zh-CN": "有 {count} 行跟踪记录的实际值或日期无效，未计入",
    "en-US": "{count} tracking row(s) with an invalid actual or date were left out",
  },
  "analyze.findingsNote": {
    "zh-CN": "计划有 {count} 个错误，数字可能不完整；运行 pipbook validate 查看",
    "en-US": "the plan has {count} error(s), the numbers may be incomplete; run pipbook validate",
  },
  "status.on-track": { "zh-CN": "正常", "en-US": "on track" },
  "status.at-risk": { "zh-CN": "有风险", "en-US": "at risk" },
  "status.off-track": { "zh-CN": "落后", "en-US": "off track" },
  "status.no-data": { "zh-CN": "无数据", "en-US": "no data" },
  "status.not-started": { "zh-CN": "未开始", "en-US": "not started" },
  "outcome.met": { "zh-CN": "达标", "en-US": "met" },
  "outcome.partially-met": { "zh-CN": "部分达标", "en-US": "partially met" },
  "outcome.not-met": { "zh-CN": "未达标", "en-US": "not met" },
  "outcome.none": { "zh-CN": "—", "en-US": "—" },

  // rollup
  "rollup.col.file": { "zh-CN": "文件", "en-US": "File" },
  "rollup.col.employee": { "zh-CN": "员工", "en-US": "Employee" },
  "rollup.col.employeeId": { "zh-CN": "工号", "en-US": "ID" },
  "rollup.col.department": { "zh-CN": "部门", "en-US": "Department" },
  "rollup.col.manager": { "zh-CN": "直属上级", "en-US": "Manager" },
  "rollup.col.planStart": { "zh-CN": "计划开始", "en-US": "Plan start" },
  "rollup.col.planEnd": { "zh-CN": "计划结束", "en-US": "Plan end" },
  "rollup.col.daysLeft": { "zh-CN": "剩余天数", "en-US": "Days left" },
  "rollup.col.overall": { "zh-CN": "总体达成率", "en-US": "Overall attainment" },
  "rollup.col.status": { "zh-CN": "状态", "en-US": "Status" },
  "rollup.col.outcome": { "zh-CN": "结论建议", "en-US": "Outcome suggestion" },
  "rollup.col.overdueActions": { "zh-CN": "逾期行动", "en-US": "Overdue actions" },
  "rollup.col.missedCheckIns": { "zh-CN": "缺失跟踪", "en-US": "Missed check-ins" },
  "rollup.sheet": { "zh-CN": "PIP 汇总", "en-US": "PIP summary" },
  "rollup.title": { "zh-CN": "PIP 汇总（截至 {asOf}）", "en-US": "PIP summary as of {asOf}" },
  "rollup.none": { "zh-CN": "{dir}：没有找到 PIP 工作簿", "en-US": "{dir}: no PIP workbooks found" },
  "rollup.skipped": { "zh-CN": "已跳过 {file}：{reason}", "en-US": "skipped {file}: {reason}" },
  "rollup.failed": { "zh-CN": "{count} 个文件无法读取", "en-US": "{count} file(s) could not be read" },
  "rollup.duplicateId": {
    "zh-CN": "注意：工号 {id} 出现在多个工作簿中（{files}），此人被重复统计；请只保留一份",
    "en-US": "note: employee id {id} is in more than one workbook ({files}), so that person counts more than once; keep one",
  },
  "rollup.outputIsPip": {
    "zh-CN": "{file}：文件已存在且是一份 PIP 工作簿，汇总不会覆盖它；请用 -o 指定另一个文件名",
    "en-US": "{file}: the file exists and is a PIP workbook, which the summary will not replace; give another name with -o",
  },
  "rollup.written": { "zh-CN": "汇总已写入 {file}", "en-US": "Summary written to {file}" },

  // a save into an existing workbook refused by its preflight or left interrupted: the add-in's own sentence
  "file.saveRefused": { "zh-CN": "{file}：{reason}", "en-US": "{file}: {reason}" },
  // repair: finish a save that stopped half-way (the workbook's save journal)
  "help.repair": {
    "zh-CN": "完成一次中断的保存：按工作簿中保存日志记录的内容重写 PIP 表格（原文件先备份为 .bak.xlsx）",
    "en-US": "finish a save that stopped half-way: rewrite the PIP tables from the workbook's save journal (the file is first copied to .bak.xlsx)",
  },
  "help.repair.file": { "zh-CN": "PIP 工作簿（.xlsx）", "en-US": "PIP workbook (.xlsx)" },
  "repair.nothing": { "zh-CN": "{file}：没有中断的保存，无需修复", "en-US": "{file}: no interrupted save; nothing to repair" },
  "repair.done": {
    "zh-CN": "{file}：已完成 {time} 中断的保存（原文件备份为 {backup}）",
    "en-US": "{file}: finished the save interrupted at {time} (the file as it was is in {backup})",
  },
  "repair.damaged": {
    "zh-CN": "{file}：{time} 的保存未完成，且保存日志已损坏，无法修复；请从备份或版本历史中恢复",
    "en-US": "{file}: the save of {time} did not finish and its save journal is damaged, so it cannot be repaired; restore the file from a backup or its version history",
  },
  // pdf, calendar and "as of" (issue 17)
  "help.pdf": {
    "zh-CN": "将 PIP 工作簿打印为 PDF 供存档（无界面 LibreOffice，按各工作表的打印设置）",
    "en-US": "print the PIP workbook to PDF for the personnel file (headless LibreOffice, each sheet's print setup)",
  },
  "help.pdf.file": { "zh-CN": "PIP 工作簿（.xlsx）或计划文件（.json）", "en-US": "PIP workbook (.xlsx) or plan file (.json)" },
  "help.pdf.output": { "zh-CN": "输出的 PDF（.pdf）", "en-US": "PDF to write (.pdf)" },
  "help.calendar": {
    "zh-CN": "将跟踪反馈、行动截止日期和期末评估导出为日历文件（.ics），再次导入时更新而不重复",
    "en-US": "write the check-ins, action due dates and end-of-plan review as a calendar file (.ics); importing it again updates them",
  },
  "help.calendar.output": { "zh-CN": "输出的日历文件（.ics）", "en-US": "calendar file to write (.ics)" },
  "help.calendar.employeeEmail": { "zh-CN": "员工的邮箱（参与人地址；默认不可送达的占位地址）", "en-US": "the employee's e-mail (attendee address; default a placeholder that never delivers)" },
  "help.calendar.managerEmail": { "zh-CN": "直接上级的邮箱（参与人地址）", "en-US": "the manager's e-mail (attendee address)" },
  "usage.outputNotPdf": { "zh-CN": "{file}：输出文件应以 .pdf 结尾", "en-US": "{file}: the output file must end in .pdf" },
  "usage.outputNotIcs": { "zh-CN": "{file}：输出文件应以 .ics 结尾", "en-US": "{file}: the output file must end in .ics" },
  "pdf.noLibreOffice": {
    "zh-CN": "未安装 LibreOffice：pipbook pdf 通过它打印（apt-get install -y --no-install-recommends libreoffice-calc fonts-noto-cjk，或设置 SOFFICE）",
    "en-US": "LibreOffice is not installed: pipbook pdf prints through it (apt-get install -y --no-install-recommends libreoffice-calc fonts-noto-cjk, or set SOFFICE)",
  },
  "pdf.failed": { "zh-CN": "{file}：LibreOffice 无法打印（{reason}）", "en-US": "{file}: LibreOffice could not print it ({reason})" },
  "pdf.done": { "zh-CN": "已生成 {file}（{pages} 页）", "en-US": "Wrote {file} ({pages} pages)" },
  "calendar.done": {
    "zh-CN": "已生成 {file}：{events} 个日程（跟踪反馈 {checkIns}，行动截止 {actions}，期末评估 1）",
    "en-US": "Wrote {file}: {events} events ({checkIns} check-ins, {actions} action due dates, 1 end-of-plan review)",
  },
  "calendar.actionSkipped": {
    "zh-CN": "{file}：行动 {id} 的结束日期无效，未放入日历",
    "en-US": "{file}: action {id} has no valid end date and is not in the calendar",
  },
  // export --for employee (issue 17, item 2)
  "help.export": {
    "zh-CN": "为员工导出一份副本：不含仅供 HR 与直接上级查看的内容（结论建议、评估决定前的结论、理由与备注），副本中的公式照常计算",
    "en-US": "write a copy for the employee without what is for HR and the manager only (the suggested outcome; the evaluation's outcome, reasons and notes before the decision); the copy still computes",
  },
  "help.export.file": { "zh-CN": "PIP 工作簿（.xlsx）", "en-US": "PIP workbook (.xlsx)" },
  "help.export.for": { "zh-CN": "副本的读者（目前只有 employee）", "en-US": "who the copy is for (employee is the only one for now)" },
  "help.export.output": { "zh-CN": "输出的副本（.xlsx）", "en-US": "copy to write (.xlsx)" },
  "usage.exportFor": { "zh-CN": "--for {value}：目前只能导出员工副本（--for employee）", "en-US": "--for {value}: only the employee's copy can be exported for now (--for employee)" },
  "export.noPlan": { "zh-CN": "{file}：不是 PIP 工作簿（没有 PIP 表格）", "en-US": "{file}: not a PIP workbook (it holds no PIP tables)" },
  "export.sameFile": {
    "zh-CN": "{file}：员工副本不能写到原工作簿本身（会删掉其中仅供 HR 与直接上级查看的内容、签字记录和保存日志）；请用 -o 指定另一个文件名",
    "en-US": "{file}: the employee's copy cannot be written over the workbook it is made from (the items for HR and the manager only, the record of what was signed and the save journal would be gone); give another name with -o",
  },
  "export.exists": {
    "zh-CN": "{file}：文件已存在且不是员工副本，未覆盖；请用 -o 指定另一个文件名",
    "en-US": "{file}: the file exists and is not an employee's copy, left as it is; give another name with -o",
  },
  "export.wouldLose": {
    "zh-CN": "{file}：文件已存在，是一份 PIP 工作簿（另一位员工的，或含有本副本没有的内容：仅供 HR 与直接上级查看的内容、副本中没有的行），未覆盖；请用 -o 指定另一个文件名",
    "en-US": "{file}: the file exists and is a PIP workbook this copy would not replace without loss (another employee's, or holding what the copy has not: items for HR and the manager only, rows the copy lacks), left as it is; give another name with -o",
  },
  "export.done": {
    "zh-CN": "已生成员工副本 {file}：{count} 项仅供 HR 与直接上级查看的内容未包含在内",
    "en-US": "Wrote the employee's copy {file}: {count} item(s) for HR and the manager only left out",
  },
  "analyze.afterAsOf": {
    "zh-CN": "截至 {asOf}：其后日期的 {count} 行跟踪记录未计入",
    "en-US": "As of {asOf}: {count} tracking row(s) dated after it were left out",
  },

  // Bundle launcher and the catch-all
  "error.internal": {
    "zh-CN": "内部错误：{reason}（加 --debug 可查看详情）",
    "en-US": "internal error: {reason} (add --debug for details)",
  },
  "error.unexpected": { "zh-CN": "PIPbook 遇到了意外情况", "en-US": "something PIPbook did not expect happened" },
  "csv.quoteNotClosed": { "zh-CN": "从第 {row} 行开始的引号没有闭合", "en-US": "a quote opened on row {row} is never closed" },
  "csv.quoteInCell": { "zh-CN": "单元格中间出现引号；整格用引号括起，并把其中的引号写成两个（\"\"）", "en-US": "a quote in the middle of a cell; quote the whole cell and double the quotes inside it (\"\")" },
  "csv.other": { "zh-CN": "无法按 CSV 读取", "en-US": "cannot be read as CSV" },
} satisfies Record<string, Pair>;

export type CliMessageKey = keyof typeof cliMessages;
/** A parameter is a value, or a pair when it reads differently per language (a list of header names). */
export type CliParams = Record<string, string | number | Pair>;

/** The message `key` in `language`, with `{name}` placeholders filled from `params`. */
export function cliText(language: Language, key: CliMessageKey, params: CliParams = {}): string {
  const template: string = cliMessages[key][language];
  return fillTemplate(template, params, language);
}
