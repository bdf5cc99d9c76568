/**
 * What the layout declares for an input column's data validation, as an .xlsx file must store it (ECMA-376
 * §18.3.1.32: formulas without "=", list literals quoted, the default operator "between" omitted), computed from
 * the declarations in src/workbook/sheets — never from the writer's output. Shared by the read-back tests.
 */
import type { Language } from "../../src/core/model";
import { VALIDATION_ALERTS } from "../../src/i18n/workbook";
import { columnLetter, listLabels, listTable, quoteSheet, recordRowOf, recordTable, type ColumnDecl, type SheetNames } from "../../src/workbook";

export interface ExpectedRule {
  type: "date" | "decimal" | "list";
  /** null = between (the schema default, absent from the file). */
  operator: "greaterThanOrEqual" | null;
  /** A literal, or a pattern where the layout fixes only the form (a list's last row, an unbounded decimal). */
  formula1: string | RegExp;
  formula2?: string | RegExp | null;
  error: string;
}

/** Serial of an ISO date in Excel's 1900 system, from 1900-03-01 on (days since 1899-12-30). */
export const serialOf = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
};

export function headerRef(names: SheetNames, key: string): string {
  const header = recordTable("PIP_Header");
  return `${quoteSheet(names.overview)}!$${columnLetter(header.anchor.col + 1)}$${recordRowOf(header, key)}`;
}

/** The rule the declaration asks for, as the file must store it. */
export function expectedRule(column: ColumnDecl, names: SheetNames, lang: Language): ExpectedRule {
  const v = column.validation!;
  switch (v.kind) {
    case "dateInWindow":
      return { type: "date", operator: null, formula1: headerRef(names, "planStart"), formula2: headerRef(names, "planEnd"), error: VALIDATION_ALERTS.dateInWindow };
    case "date":
      return { type: "date", operator: "greaterThanOrEqual", formula1: String(serialOf("1900-03-01")), formula2: null, error: VALIDATION_ALERTS.date };
    case "decimal":
      return {
        type: "decimal",
        operator: null,
        formula1: v.min === undefined ? /^-\d{13,}$/ : String(v.min),
        formula2: v.max === undefined ? /^\d{13,}$/ : String(v.max),
        error: VALIDATION_ALERTS[v.alert],
      };
    case "list": {
      const list = column.list!;
      if (list.kind === "labels") return { type: "list", operator: null, formula1: `"${listLabels(list.list, lang).join(",")}"`, error: VALIDATION_ALERTS.list };
      const target = listTable(list.table);
      const letter = columnLetter(target.anchor.col + target.columns.findIndex((c) => c.key === list.column));
      const first = target.anchor.row + 1;
      return {
        type: "list",
        operator: null,
        formula1: new RegExp(`^${escape(quoteSheet(names[target.sheet]))}!\\$${letter}\\$${first}:\\$${letter}\\$\\d+$`),
        error: list.table === "PIP_Causes" ? VALIDATION_ALERTS.causeId : VALIDATION_ALERTS.goalId,
      };
    }
  }
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

