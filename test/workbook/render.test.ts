/**
 * The writer's pure parts (src/workbook/render): grids, rules and page, from the layout and a plan, without a
 * workbook — milliseconds, not the in-memory Excel.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parsePlanJson } from "../../src/core/plan-file";
import type { Language, Plan } from "../../src/core/model";
import { LIST_LABELS, VALIDATION_ALERTS } from "../../src/i18n/workbook";
import {
  LAYOUT,
  defaultSheetNames,
  listTable,
  makeFormulaEnv,
  recordTable,
  tableDecl,
  unitNumberFormat,
  type SheetKey,
} from "../../src/workbook";
import { TEXT_FORMAT } from "../../src/workbook/cells";
import { listGrid, recordGrid } from "../../src/workbook/render/grid";
import { columnWidths, hiddenColumns, printArea } from "../../src/workbook/render/page";
import {
  COLORS,
  ID_LIST_LAST_ROW,
  RULE_BAND_ROWS,
  columnRanges,
  conditionalRules,
  ruleBand,
  validationRule,
} from "../../src/workbook/render/rules";
import { isoToSerial } from "../../src/core/dates";

function example(language: Language): Plan {
  const parsed = parsePlanJson(readFileSync(path.join(__dirname, "../../examples/sales-q2-2024.plan.json"), "utf8"));
  if (!parsed.ok) throw new Error("examples/sales-q2-2024.plan.json does not parse");
  return { ...parsed.plan, header: { ...parsed.plan.header, language } };
}

const envOf = (sheet: SheetKey, lang: Language) => makeFormulaEnv(LAYOUT, defaultSheetNames(lang), lang, sheet);
const goalUnits = (plan: Plan) => new Map(plan.goals.map((g) => [g.id, g.unit]));

describe.each<Language>(["zh-CN", "en-US"])("render (%s)", (lang) => {
  const plan = example(lang);

  test("a list table's grid: the headers in the workbook's language, one row per model row, text as '@', formulas as =…", () => {
    const goals = listTable("PIP_Goals");
    const grid = listGrid(goals, plan, envOf("goals", lang), goalUnits(plan), lang);
    expect(grid.values[0]).toEqual(goals.columns.map((c) => c.header[lang]));
    expect(grid.bodyRows).toBe(plan.goals.length);
    expect(grid.values).toHaveLength(1 + plan.goals.length);
    const id = goals.columns.findIndex((c) => c.key === "id");
    const attainment = goals.columns.findIndex((c) => c.key === "attainment");
    expect(grid.values.slice(1).map((r) => r[id])).toEqual(plan.goals.map((g) => g.id));
    expect(grid.formats[1][id]).toBe(TEXT_FORMAT);
    expect(String(grid.values[1][attainment])).toMatch(/^=IF\(/);
    expect(grid.formats[1][attainment]).toBe(goals.columns[attainment].numberFormat);
  });

  test("a tracking row's actual takes its goal's unit format; an empty table keeps one body row", () => {
    const tracking = listTable("PIP_Tracking");
    const grid = listGrid(tracking, plan, envOf("tracking", lang), goalUnits(plan), lang);
    const actual = tracking.columns.findIndex((c) => c.key === "actual");
    plan.tracking.forEach((entry, i) => {
      const unit = plan.goals.find((g) => g.id === entry.goalId)?.unit;
      expect(grid.formats[1 + i][actual]).toBe(unitNumberFormat(unit));
    });
    const empty = listGrid(tracking, { ...plan, tracking: [] }, envOf("tracking", lang), goalUnits(plan), lang, [
      "Mine",
    ]);
    expect(empty.bodyRows).toBe(1);
    expect(empty.values[0].at(-1)).toBe("Mine");
    expect(empty.values[1].every((v, i) => i === actual || typeof v === "string")).toBe(true);
  });

  test("a record table's grid: label | value, the header's language is the workbook's, a fixed as-of date is its serial", () => {
    const header = recordTable("PIP_Header");
    const grid = recordGrid(header, plan, envOf("overview", lang), lang);
    expect(grid.bodyRows).toBe(header.fields.length);
    const row = (key: string) => grid.values[1 + header.fields.findIndex((f) => f.key === key)];
    expect(row("employeeName")).toEqual([
      header.fields.find((f) => f.key === "employeeName")!.header[lang],
      plan.header.employeeName,
    ]);
    expect(row("language")[1]).toBe(LIST_LABELS.language[lang][lang]);
    expect(row("met")[1]).toBe(plan.thresholds.met);
    const summary = recordTable("PIP_Summary");
    const asOfRow = 1 + summary.fields.findIndex((f) => f.key === "asOf");
    expect(recordGrid(summary, plan, envOf("overview", lang), lang).values[asOfRow][1]).toBe("=TODAY()");
    expect(recordGrid(summary, plan, envOf("overview", lang), lang, "2024-05-15").values[asOfRow][1]).toBe(
      isoToSerial("2024-05-15"),
    );
  });

  test("validation: dates inside the plan window, drop-downs of the workbook's labels and of the goal ids, decimals with their alert", () => {
    const env = envOf("actions", lang);
    const actions = listTable("PIP_Actions");
    const col = (key: string) => actions.columns.find((c) => c.key === key)!;
    const start = validationRule(col("start"), env);
    expect(start).toEqual({
      rule: {
        date: {
          formula1: `=${env.value("PIP_Header", "planStart")}`,
          formula2: `=${env.value("PIP_Header", "planEnd")}`,
          operator: "Between",
        },
      },
      message: VALIDATION_ALERTS.dateInWindow,
    });
    const status = validationRule(col("status"), env);
    expect(status?.rule).toEqual({
      list: {
        inCellDropDown: true,
        source: Object.values(LIST_LABELS.actionStatus)
          .map((l) => l[lang])
          .join(","),
      },
    });
    const goalId = validationRule(col("goalId"), env);
    expect(goalId).toEqual({
      rule: { list: { inCellDropDown: true, source: `=${env.colRange("PIP_Goals", "id", ID_LIST_LAST_ROW)}` } },
      message: VALIDATION_ALERTS.goalId,
    });
    expect(validationRule(col("overdue"), env)).toBeNull();
    const weight = listTable("PIP_Goals").columns.find((c) => c.key === "weight")!;
    expect(validationRule(weight, envOf("goals", lang))).toEqual({
      rule: { decimal: { formula1: 0, formula2: 1, operator: "Between" } },
      message: VALIDATION_ALERTS.weight,
    });
  });

  test("where rules go: an input column's over the rule band below the table, a formula column's over its body", () => {
    const goals = listTable("PIP_Goals");
    const ranges = columnRanges(goals, 3);
    const band = ruleBand(goals, 3);
    expect(band.r1 - band.r0 + 1).toBe(RULE_BAND_ROWS);
    expect(ranges.find((r) => r.column.key === "target")!.rules).toBe(`F${band.r0}:F${band.r1}`);
    expect(ranges.find((r) => r.column.key === "attainment")!.rules).toBe(
      ranges.find((r) => r.column.key === "attainment")!.address,
    );
  });

  test("conditional formats: attainment in three bands on the thresholds' cells, an overdue action's whole row red, a number typed as text red", () => {
    const env = envOf("goals", lang);
    const goals = listTable("PIP_Goals");
    const attainment = columnRanges(goals, 2).find((r) => r.column.key === "attainment")!;
    const bands = conditionalRules(attainment, goals, env, new Map());
    expect(bands.map((b) => b.color)).toEqual([COLORS.good, COLORS.warn, COLORS.bad]);
    expect(bands[0].formula).toContain(env.value("PIP_Header", "met"));
    expect(bands[1].formula).toContain(env.value("PIP_Header", "partiallyMet"));
    const actions = listTable("PIP_Actions");
    const overdue = columnRanges(actions, 4).find((r) => r.column.key === "overdue")!;
    const [row] = conditionalRules(overdue, actions, envOf("actions", lang), new Map());
    expect(row).toMatchObject({ color: COLORS.bad, wholeRow: `A4:L7` });
    const target = columnRanges(goals, 2).find((r) => r.column.key === "target")!;
    expect(conditionalRules(target, goals, env, new Map())).toEqual([
      { formula: "=AND(NOT(ISBLANK(F4)),NOT(ISNUMBER(F4)))", color: COLORS.bad },
    ]);
  });
});

describe("page", () => {
  test("widths from the declarations, the Tracking log's helper columns hidden, the print area down to the last row written", () => {
    const tracking = LAYOUT.sheets.get("tracking")!;
    const log = listTable("PIP_Tracking");
    const widths = columnWidths(tracking);
    log.columns.forEach((c, i) => expect(widths.get(log.anchor.col + i)).toBe(c.width));
    expect(hiddenColumns(tracking)).toEqual(
      log.columns.flatMap((c, i) => (c.key === "rowKey" || c.key === "goalKey" ? [log.anchor.col + i] : [])),
    );
    const actions = LAYOUT.sheets.get("actions")!;
    expect(printArea(actions, () => 5)).toBe(`A1:L${tableDecl("PIP_Actions").anchor.row + 5}`);
  });
});
