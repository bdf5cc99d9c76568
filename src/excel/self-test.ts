/**
 * The self-test anyone with Excel can run (Diagnostics in the pane): the worked example written by the real writer
 * into NEW sheets of the current workbook, read back by the real reader, recomputed by the core, compared cell by
 * cell, then every sheet it added removed again — in a `finally`, in its own `Excel.run`, also after a failure
 * half-way.
 *
 * Why temporary sheets and not `Excel.createWorkbook`: "the new workbook is immediately opened and displayed in a new
 * instance of Excel. Your add-in remains open and running with the previous workbook"
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-workbooks#create-a-workbook): the add-in
 * gets no context for the new workbook, so it could neither write the example there nor read it back.
 * Why only in a workbook without a plan: PIPbook's tables have fixed workbook-wide names (PIP_Goals …; a table name
 * is unique in a workbook) and the writer reuses the sheets that hold them, so in a workbook with a plan the test
 * would write over that plan. There it does not start ("notRun") and says to open a blank workbook.
 *
 * Checks, in order: the workbook holds no plan; the write; the read-back (the plan read equals the plan written,
 * no error finding); no formula shows an error (#N/A, the charts' gap marker, aside); every number the formulas show
 * equals analyzePlan's to 1e-9 (Goals, Overview summary, overdue actions, the Evaluation sheet's goals, quarters,
 * periods and summary); each validated input column has its rule (type, stop alert) and the example's values pass
 * it; the Evaluation sheet's charts (name, type, series); afterwards the workbook has exactly its sheets again and
 * the sheet that was active is active again.
 */
import examplePlanJson from "../../examples/sales-q2-2024.plan.json";
import { parseCell } from "../a1";
import { analyzePlan, type PlanAnalysis } from "../core/analysis";
import { isoToSerial } from "../core/dates";
import { planSchema, type Language, type Plan } from "../core/model";
import { LIST_LABELS } from "../i18n/workbook";
import {
  LAYOUT,
  META_SHEET,
  SHEETS,
  columnIndexOf,
  columnLetter,
  firstDataRow,
  isInput,
  listTable,
  recordRowOf,
  recordTable,
  tableColumns,
  type ColumnDecl,
  type SheetNames,
  type TableName,
} from "../workbook";
import { EVALUATION_TABLES, evaluationColumnIndex, evaluationContent, periodRowOf, type EvaluationTableName } from "../workbook/sheets/evaluation";
import { readPlan } from "./reader";
import { writePlan } from "./writer";

/** The shape of `Excel.run` the self-test needs (the batch form), as in office-port.ts. */
export type SelfTestRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

// The report's types are part of the port contract (the task pane's Diagnostics reads them): src/port/self-test.ts.
export type * from "../port/self-test";
import type { SelfTestHost, SelfTestOptions, SelfTestProblem, SelfTestReport, SelfTestCheck, SelfTestCheckKey } from "../port/self-test";

/** Mid-window for the example (2024-04-01 … 2024-06-30): periods before, at and after it, statuses computed. */
export const SELF_TEST_AS_OF = "2024-05-15";
export const MAX_PROBLEMS = 20;
/** ExcelApi versions asked about for the report: 1.1 … 1.20. */
export const EXCEL_API_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);
const TOLERANCE = 1e-9;

export function examplePlan(): Plan {
  return planSchema.parse(examplePlanJson) as Plan;
}

function officeHost(): SelfTestHost {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const context = office?.context;
  const diagnostics = context?.diagnostics;
  return {
    host: diagnostics?.host === undefined || diagnostics?.host === null ? null : String(diagnostics.host),
    platform: diagnostics?.platform === undefined || diagnostics?.platform === null ? null : String(diagnostics.platform),
    version: diagnostics?.version ?? null,
    displayLanguage: context?.displayLanguage ?? null,
  };
}

function officeSupports(): ((set: string, version: string) => boolean) | null {
  const requirements = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
  if (!requirements) return null;
  return (set, version) => {
    try {
      return requirements.isSetSupported(set, version) === true;
    } catch {
      return false;
    }
  };
}

function errorText(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { code?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown } };
    const where = e.debugInfo?.errorLocation ? ` (${String(e.debugInfo.errorLocation)})` : "";
    return `${e.code ? `${String(e.code)}: ` : ""}${String(e.message ?? error)}${where}`;
  }
  return String(error);
}

class CheckBuilder {
  checked = 0;
  readonly problems: SelfTestProblem[] = [];
  problemCount = 0;
  constructor(readonly key: SelfTestCheckKey) {}
  count(n = 1): void {
    this.checked += n;
  }
  fail(problem: SelfTestProblem): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
  }
  done(): SelfTestCheck {
    return { key: this.key, passed: this.problemCount === 0, checked: this.checked, problems: this.problems, problemCount: this.problemCount };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What the workbook must show

type Expected = { kind: "number"; value: number | null } | { kind: "text"; value: string } | { kind: "flag"; value: boolean };

export interface ExpectedCell {
  sheet: string;
  cell: string;
  subject: string;
  expected: Expected;
}

const num = (value: number | null): Expected => ({ kind: "number", value });
const text = (value: string): Expected => ({ kind: "text", value });

/** Every number of the layout's formulas that analyzePlan also computes, with the cell where the workbook shows it. */
export function expectedCells(plan: Plan, analysis: PlanAnalysis, names: SheetNames, lang: Language): ExpectedCell[] {
  const out: ExpectedCell[] = [];
  const header = (c: { header: { "zh-CN": string; "en-US": string } }) => c.header[lang];

  const goals = listTable("PIP_Goals");
  const goalColumn = (key: string) => goals.columns.find((c) => c.key === key)!;
  analysis.goals.forEach((g, i) => {
    const row = firstDataRow(goals) + i;
    const at = (key: string, expected: Expected) =>
      out.push({ sheet: names.goals, cell: `${columnLetter(columnIndexOf(goals, key))}${row}`, subject: `${g.goalId} · ${header(goalColumn(key))}`, expected });
    at("entries", num(g.entryCount));
    at("toDate", num(g.toDate));
    at("attainment", num(g.attainment));
    at("progress", num(g.progress));
    at("score", num(g.score));
    at("pace", num(g.pace));
    at("status", text(LIST_LABELS.goalStatus[g.status][lang]));
  });

  const summary = recordTable("PIP_Summary");
  const sum = (key: string, expected: Expected) => {
    const field = summary.fields.find((f) => f.key === key)!;
    out.push({ sheet: names.overview, cell: `${columnLetter(summary.anchor.col + 1)}${recordRowOf(summary, key)}`, subject: header(field), expected });
  };
  sum("elapsed", num(analysis.elapsed));
  sum("overall", num(analysis.overallAttainment));
  sum("outcome", text(analysis.outcomeSuggestion === null ? "" : LIST_LABELS.outcome[analysis.outcomeSuggestion][lang]));
  sum("checkInsPlanned", num(analysis.checkIns.planned));
  sum("checkInsHeld", num(analysis.checkIns.held));
  sum("checkInsMissed", num(analysis.checkIns.missed));
  sum("adherence", num(analysis.checkIns.adherence));

  const actions = listTable("PIP_Actions");
  const overdue = actions.columns.find((c) => c.key === "overdue")!;
  plan.actions.forEach((a, i) => {
    out.push({
      sheet: names.actions,
      cell: `${columnLetter(columnIndexOf(actions, "overdue"))}${firstDataRow(actions) + i}`,
      subject: `${a.id} · ${header(overdue)}`,
      expected: { kind: "flag", value: analysis.overdueActions.includes(a.id) },
    });
  });

  const evalCell = (table: EvaluationTableName, key: string, row: number) => `${columnLetter(evaluationColumnIndex(table, key))}${row}`;
  const evalHeader = (table: EvaluationTableName, key: string) => header(EVALUATION_TABLES[table].columns.find((c) => c.key === key)!);
  analysis.goals.forEach((g, i) => {
    const row = EVALUATION_TABLES.PIP_EvalGoals.anchor.row + 1 + i;
    const at = (key: string, expected: Expected) =>
      out.push({ sheet: names.evaluation, cell: evalCell("PIP_EvalGoals", key, row), subject: `${g.goalId} · ${evalHeader("PIP_EvalGoals", key)}`, expected });
    at("toDate", num(g.toDate));
    at("attainment", num(g.attainment));
    at("pace", num(g.pace));
    at("status", text(LIST_LABELS.goalStatus[g.status][lang]));
  });
  for (const table of ["PIP_EvalQuarters", "PIP_EvalPeriods"] as const) {
    analysis.goals.forEach((g, gi) => {
      const rows = table === "PIP_EvalPeriods" ? g.periods : g.quarters;
      rows.forEach((p, pi) => {
        const row = periodRowOf(table, rows.length, gi, pi);
        const at = (key: string, expected: Expected) =>
          out.push({ sheet: names.evaluation, cell: evalCell(table, key, row), subject: `${g.goalId} ${p.label} · ${evalHeader(table, key)}`, expected });
        at("entries", num(p.entryCount));
        at("value", num(p.value));
        at("cumulative", num(p.cumulative));
        at("attainment", num(p.attainment));
        at("progress", num(p.progress));
        at("change", num(p.change));
      });
    });
  }
  const s = evaluationContent(plan, { lang, names, layout: LAYOUT }).summary;
  const summaryExpected: Expected[] = [
    num(isoToSerial(analysis.asOf)),
    num(analysis.elapsed),
    num(analysis.overallAttainment),
    text(analysis.outcomeSuggestion === null ? "" : LIST_LABELS.outcome[analysis.outcomeSuggestion][lang]),
    num(analysis.checkIns.planned),
    num(analysis.checkIns.held),
    num(analysis.checkIns.missed),
    num(analysis.checkIns.adherence),
  ];
  summaryExpected.forEach((expected, i) => {
    const subject = s.labels[i];
    if (subject !== undefined) out.push({ sheet: names.evaluation, cell: `${columnLetter(s.col + 1)}${s.firstRow + i}`, subject, expected });
  });
  return out;
}

function show(value: unknown): string {
  if (value === "" || value === null || value === undefined) return "(empty)";
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function compareCell(actual: unknown, expected: Expected): string | null {
  switch (expected.kind) {
    case "number": {
      if (expected.value === null) return actual === "" || actual === null ? null : "(empty)";
      const e = expected.value;
      if (typeof actual === "number" && Math.abs(actual - e) <= TOLERANCE * Math.max(1, Math.abs(e))) return null;
      return String(e);
    }
    case "text":
      return actual === expected.value || (expected.value === "" && actual === null) ? null : show(expected.value);
    case "flag": {
      const shown = actual !== "" && actual !== null && actual !== false && actual !== 0;
      return shown === expected.value ? null : expected.value ? "a flag" : "(empty)";
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the sheets

interface SheetGrid {
  r0: number;
  c0: number;
  values: unknown[][];
  formulas: unknown[][];
}

function gridOrigin(address: string): { r0: number; c0: number } {
  const origin = parseCell(address.split("!").pop()?.split(":")[0] ?? "");
  return origin ? { r0: origin.row + 1, c0: origin.col } : { r0: 1, c0: 0 };
}

function cellAt(grid: SheetGrid | undefined, cell: string): { value: unknown; formula: unknown } {
  const place = parseCell(cell);
  if (!grid || !place) return { value: "", formula: "" };
  const r = place.row + 1 - grid.r0;
  const col = place.col - grid.c0;
  return { value: grid.values[r]?.[col] ?? "", formula: grid.formulas[r]?.[col] ?? "" };
}

/** Excel's error values as `values` shows them (https://learn.microsoft.com/en-us/javascript/api/excel/excel.errorcelltype). */
const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA|PYTHON!|TIMEOUT!|EXTERNAL!)/;

function expectedValidationType(column: ColumnDecl): string | null {
  const v = column.validation;
  if (!v || !isInput(column)) return null;
  if (v.kind === "list") return column.list ? "List" : null;
  return v.kind === "decimal" ? "Decimal" : "Date";
}

// ---------------------------------------------------------------------------------------------------------------

interface Before {
  sheets: string[];
  active: string | null;
  pipTables: string[];
  protectedStructure: boolean;
}

/** Runs the self-test; never throws (a failure is a failed check in the report). */
export async function runSelfTest(run: SelfTestRun, options: SelfTestOptions = {}): Promise<SelfTestReport> {
  const now = options.now ?? Date.now;
  const started = now();
  const plan0 = options.plan ?? examplePlan();
  const language = options.language ?? plan0.header.language;
  const plan: Plan = { ...plan0, header: { ...plan0.header, language } };
  const asOf = options.asOf ?? SELF_TEST_AS_OF;
  const supports = options.supports === undefined ? officeSupports() : options.supports;
  const checks: SelfTestCheck[] = [];
  const report = (status: SelfTestReport["status"]): SelfTestReport => ({
    status,
    startedAt: new Date(started).toISOString(),
    durationMs: Math.max(0, Math.round(now() - started)),
    host: options.host ?? officeHost(),
    excelApi: supports ? EXCEL_API_VERSIONS.filter((v) => supports("ExcelApi", v)) : null,
    language,
    asOf,
    checks,
  });

  // 1. The workbook as it is: its sheets, the active one, PIP tables, structure protection (one sync).
  const blank = new CheckBuilder("blankWorkbook");
  let before: Before;
  try {
    before = await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name");
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load("name");
      // Workbook.protection (ExcelApi 1.7): a protected structure refuses worksheets.add. The in-memory Excel
      // (src/memory-excel) has no workbook protection; there it reads as unprotected.
      const protection = context.workbook.protection as Excel.WorkbookProtection | undefined;
      protection?.load("protected");
      await context.sync();
      return {
        sheets: sheets.items.map((s) => s.name),
        active: active.name,
        pipTables: tables.items.map((t) => t.name).filter((n) => n.startsWith("PIP_")),
        protectedStructure: protection?.protected === true,
      };
    });
  } catch (error) {
    blank.fail({ place: "", subject: "workbook", expected: "readable", actual: errorText(error) });
    checks.push(blank.done());
    return report("notRun");
  }
  blank.count(3);
  if (before.pipTables.length > 0) blank.fail({ place: "", subject: "PIP_ tables", expected: "none", actual: before.pipTables.join(", ") });
  if (before.sheets.some((s) => s.toLowerCase() === META_SHEET.toLowerCase())) blank.fail({ place: META_SHEET, subject: "sheet", expected: "absent", actual: "present" });
  if (before.protectedStructure) blank.fail({ place: "", subject: "workbook structure", expected: "unprotected", actual: "protected" });
  checks.push(blank.done());
  if (blank.problemCount > 0) return report("notRun");

  // 2–7. Write, read back, inspect: one Excel.run; a failure ends it and is reported as the stage's check.
  let stage: SelfTestCheckKey = "write";
  const stageFailed = (error: unknown) => {
    if (checks.some((c) => c.key === stage)) return;
    const b = new CheckBuilder(stage);
    b.count();
    b.fail({ place: "", subject: stage, expected: "no error", actual: errorText(error) });
    checks.push(b.done());
  };
  try {
    await run(async (context) => {
      const write = new CheckBuilder("write");
      const written = await writePlan(context, plan, { language, asOf });
      write.count(written.syncs);
      checks.push(write.done());
      const names = written.sheetNames;

      stage = "readBack";
      const readBack = new CheckBuilder("readBack");
      const read = await readPlan(context);
      readBack.count();
      if (!read.plan) readBack.fail({ place: "", subject: "plan", expected: "a plan", actual: "none" });
      else {
        const diff = firstDifference(plan, read.plan, "plan");
        if (diff) readBack.fail({ place: "", subject: diff.path, expected: show(diff.expected), actual: show(diff.actual) });
      }
      for (const f of read.findings.filter((x) => x.severity === "error")) {
        readBack.fail({ place: f.location.sheet && f.location.cell ? `${f.location.sheet}!${f.location.cell}` : "", subject: f.code, expected: "no error finding", actual: f.message[language] });
      }
      checks.push(readBack.done());

      stage = "formulaErrors";
      const sheetNames = SHEETS.map((s) => names[s.key]);
      // With calculation set to manual the values would be stale: recalculate only the sheets the test added
      // (Worksheet.calculate, ExcelApi 1.14; "automatic" is the default, Application.calculationMode).
      context.application.load("calculationMode");
      await context.sync();
      if (String(context.application.calculationMode) !== "Automatic") {
        for (const name of sheetNames) context.workbook.worksheets.getItem(name).calculate(true);
      }
      const used = sheetNames.map((name) => {
        const range = context.workbook.worksheets.getItem(name).getUsedRange();
        range.load("address,values,formulas");
        return { name, range };
      });
      const rules = SHEETS.flatMap((sheet) =>
        sheet.tables
          .filter((t) => t.entity !== null)
          .flatMap((table) =>
            tableColumns(table).flatMap((column, index) => {
              const type = expectedValidationType(column);
              if (!type) return [];
              const t = context.workbook.tables.getItem(table.name);
              const range = table.shape === "list" ? t.columns.getItemAt(index).getDataBodyRange() : t.getDataBodyRange().getCell(index, 1);
              range.load("address");
              const dv = range.dataValidation;
              dv.load("type,valid,errorAlert");
              return [{ table: table.name as TableName, column, type, range, dv }];
            }),
          ),
      );
      const declaredCharts = evaluationContent(read.plan ?? plan, { lang: language, names, layout: LAYOUT }).charts;
      const sheetCharts = context.workbook.worksheets.getItem(names.evaluation).charts;
      sheetCharts.load("items/name,items/chartType");
      await context.sync();
      // The series of the charts that exist, in a second sync: nothing is asked of a chart that is not there.
      const charts = declaredCharts.map((decl) => {
        const chart = sheetCharts.items.find((c) => c.name === decl.name) ?? null;
        chart?.series.load("items/name");
        return { decl, chart };
      });
      await context.sync();

      const grids = new Map<string, SheetGrid>();
      for (const { name, range } of used) grids.set(name, { ...gridOrigin(range.address), values: range.values, formulas: range.formulas });

      const formulaErrors = new CheckBuilder("formulaErrors");
      for (const [name, grid] of grids) {
        grid.formulas.forEach((row, r) =>
          row.forEach((formula, c) => {
            if (typeof formula !== "string" || !formula.startsWith("=")) return;
            formulaErrors.count();
            const value = grid.values[r]?.[c];
            // #N/A is what the chart-data columns show on purpose: a line chart draws it as a gap.
            if (typeof value === "string" && ERROR_VALUE.test(value) && value !== "#N/A") {
              formulaErrors.fail({ place: `${name}!${columnLetter(grid.c0 + c)}${grid.r0 + r}`, subject: formula, expected: "a value", actual: value });
            }
          }),
        );
      }
      checks.push(formulaErrors.done());

      stage = "numbers";
      const numbers = new CheckBuilder("numbers");
      const analysis = analyzePlan(read.plan ?? plan, { asOf });
      for (const e of expectedCells(read.plan ?? plan, analysis, names, language)) {
        numbers.count();
        const { value } = cellAt(grids.get(e.sheet), e.cell);
        const wanted = compareCell(value, e.expected);
        if (wanted !== null) numbers.fail({ place: `${e.sheet}!${e.cell}`, subject: e.subject, expected: wanted, actual: show(value) });
      }
      checks.push(numbers.done());

      stage = "validation";
      const validation = new CheckBuilder("validation");
      for (const rule of rules) {
        validation.count();
        const place = rule.range.address.replace(/^'?([^'!]+)'?!/, "$1!");
        const subject = `${rule.table} · ${rule.column.header[language]}`;
        if (rule.dv.type !== rule.type) validation.fail({ place, subject, expected: `rule ${rule.type}`, actual: `rule ${String(rule.dv.type)}` });
        else if (!rule.dv.errorAlert.showAlert || rule.dv.errorAlert.style !== "Stop") {
          validation.fail({ place, subject, expected: "stop alert", actual: `${rule.dv.errorAlert.showAlert ? "" : "no "}${String(rule.dv.errorAlert.style)} alert` });
        } else if (rule.dv.valid !== true) validation.fail({ place, subject, expected: "the example's values pass the rule", actual: `valid = ${String(rule.dv.valid)}` });
      }
      checks.push(validation.done());

      stage = "charts";
      const chartCheck = new CheckBuilder("charts");
      for (const { decl, chart } of charts) {
        chartCheck.count();
        const place = `${names.evaluation}!${decl.position.from}`;
        if (!chart) {
          chartCheck.fail({ place, subject: decl.name, expected: "a chart", actual: "none" });
          continue;
        }
        // What Chart.chartType reads for a combo chart (a line series on a column chart) is not documented
        // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.chart#excel-excel-chart-charttype-member):
        // only a chart whose series all have the chart's type is held to it; series names are checked for every chart.
        const single = decl.series.every((x) => x.chartType === decl.chartType);
        if (single && chart.chartType !== decl.chartType) chartCheck.fail({ place, subject: decl.name, expected: decl.chartType, actual: String(chart.chartType) });
        const seriesNames = chart.series.items.map((s) => s.name);
        const wanted = decl.series.map((s) => s.name);
        if (seriesNames.join("\u0000") !== wanted.join("\u0000")) chartCheck.fail({ place, subject: `${decl.name} series`, expected: wanted.join(", "), actual: seriesNames.join(", ") });
      }
      checks.push(chartCheck.done());
    });
  } catch (error) {
    stageFailed(error);
  } finally {
    checks.push(await removeAddedSheets(run, before));
  }
  return report(checks.every((c) => c.passed) ? "passed" : "failed");
}

/**
 * Deletes every sheet that was not there before (the hidden meta sheet included), activates the sheet that was
 * active, and checks the workbook's sheets are exactly the ones it had. Its own Excel.run: a context whose batch
 * failed half-way is not reused. A VeryHidden sheet cannot be deleted (Worksheet.delete,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)),
 * so one is made Hidden first.
 */
async function removeAddedSheets(run: SelfTestRun, before: Before): Promise<SelfTestCheck> {
  const cleanup = new CheckBuilder("cleanup");
  try {
    const after = await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await context.sync();
      if (before.active && sheets.items.some((s) => s.name === before.active)) sheets.getItem(before.active).activate();
      for (const sheet of sheets.items) {
        if (before.sheets.includes(sheet.name)) continue;
        if (sheet.visibility === "VeryHidden") sheet.visibility = "Hidden" as Excel.SheetVisibility;
        sheet.delete();
      }
      await context.sync();
      const now = context.workbook.worksheets;
      now.load("items/name");
      const active = now.getActiveWorksheet();
      active.load("name");
      await context.sync();
      return { sheets: now.items.map((s) => s.name), active: active.name };
    });
    cleanup.count(after.sheets.length + 1);
    if (after.sheets.join("\u0000") !== before.sheets.join("\u0000")) {
      cleanup.fail({ place: "", subject: "sheets", expected: before.sheets.join(", "), actual: after.sheets.join(", ") });
    }
    if (before.active && after.active !== before.active) cleanup.fail({ place: "", subject: "active sheet", expected: before.active, actual: after.active });
  } catch (error) {
    cleanup.fail({ place: "", subject: "cleanup", expected: "no error", actual: errorText(error) });
  }
  return cleanup.done();
}

/** The first path where two JSON-like values differ (key order ignored), or null. */
export function firstDifference(expected: unknown, actual: unknown, path: string): { path: string; expected: unknown; actual: unknown } | null {
  if (Object.is(expected, actual)) return null;
  if (typeof expected === "number" && typeof actual === "number" && Math.abs(expected - actual) <= TOLERANCE * Math.max(1, Math.abs(expected))) return null;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (expected && actual && typeof expected === "object" && typeof actual === "object" && !Array.isArray(expected) && !Array.isArray(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of [...keys].sort()) {
      const d = firstDifference((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return { path, expected, actual };
}
