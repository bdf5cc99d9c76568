/**
 * Who sees what (issue 17, item 2; DOMAIN.md "Who sees what"): the layout's columns declare their audience
 * (ColumnDecl.audience); this module says, for one plan, which of them are HR's and the manager's only and gives
 * the plan as the employee may read it. Pure: no Office, no clock.
 *
 * The model has no field for an HR partner's private notes; what is restricted among what exists: the draft
 * outcome the thresholds suggest (Overview's summary), and the Evaluation record's outcome, decision, measures to
 * standardise, reasons, extension end and notes until the evaluation is dated (the decision communicated).
 */
import type { Plan } from "../core/model";
import { entityRecord, entityRows, tableColumns, type ColumnDecl, type TableDecl } from "./layout";
import { TABLES } from "./index";

export interface RestrictedColumn {
  table: TableDecl;
  column: ColumnDecl;
}

/** The columns of the layout that the employee's copy leaves out for this plan. */
export function restrictedColumns(plan: Pick<Plan, "evaluation">): RestrictedColumn[] {
  const decided = typeof plan.evaluation?.date === "string" && plan.evaluation.date !== "";
  return TABLES.flatMap((table) =>
    tableColumns(table)
      .filter((column) => column.audience === "hr-manager" && !(decided && column.sharedOnceDecided))
      .map((column) => ({ table, column })),
  );
}

/** The empty value of a model field of this column: null for dates, numbers and lists, "" for text. */
function blankOf(column: ColumnDecl): null | string {
  return column.kind === "text" ? "" : null;
}

/** The plan as the employee may read it: every restricted input field emptied (formula columns: see the export). */
export function employeePlan(plan: Plan): Plan {
  let out: Plan = plan;
  for (const { table, column } of restrictedColumns(plan)) {
    const field = column.field;
    if (!field || table.entity === null) continue;
    const blank = blankOf(column);
    if (table.shape === "record") {
      const entity = column.entity ?? table.entity;
      const record = entityRecord(out, entity);
      if (record) out = { ...out, [entity]: { ...record, [field]: blank } };
    } else {
      out = { ...out, [table.entity]: entityRows(out, table.entity).map((row) => ({ ...row, [field]: blank })) };
    }
  }
  return out;
}
