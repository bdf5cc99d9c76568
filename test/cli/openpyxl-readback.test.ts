/**
 * The .xlsx files read back by a reader PIPbook did not write: openpyxl (Debian python3-openpyxl 3.0.9, through
 * /usr/bin/python3 and test/support/openpyxl-dump.py). Every table ref, data-validation rule, number format and
 * conditional format it finds is compared with what the layout declares (src/workbook/sheets/*), computed here
 * from the declaration — not from the writer's output — and the date rules are tried: a date inside the plan
 * window passes the bounds the file states (the referenced Overview cells resolved in the file), one outside fails.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Plan } from "../../src/core/model";
import { toXmlText } from "../../src/core/xml-text";
import { VALIDATION_ALERTS } from "../../src/i18n/workbook";
import {
  RECORD_COLUMN_HEADERS,
  TABLES,
  columnLetter,
  defaultSheetNames,
  isInput,
  listLabels,
  listTable,
  numberFormatOf,
  recordRowOf,
  splitAddress,
  tableColumns,
  unitNumberFormat,
  type ColumnDecl,
  type TableDecl,
} from "../../src/workbook";
import { ROOT } from "./harness";
import { STRESS_TEXT, buildCorpus, type CorpusWorkbook } from "./xlsx-corpus";
import { expectedRule, headerRef, serialOf } from "./xlsx-expectations";

jest.setTimeout(300_000);

// ---- what openpyxl says ------------------------------------------------------------------------------------

interface DumpRule {
  type: string | null;
  operator: string | null;
  formula1: string | null;
  formula2: string | null;
  sqref: string;
  errorStyle: string | null;
  showErrorMessage: boolean;
  allowBlank: boolean;
  errorTitle: string | null;
  error: string | null;
}
interface DumpConditional {
  sqref: string;
  type: string;
  formula: string[];
  fill: string | null;
}
interface DumpCell {
  v: string | number | boolean | null;
  fmt: string;
  t: string;
}
interface DumpSheet {
  validations: DumpRule[];
  conditional: DumpConditional[];
  tables: { name: string; ref: string; columns: string[] }[];
  cells: Record<string, DumpCell>;
}
interface Dump {
  file: string;
  sheets: Record<string, DumpSheet>;
}

const PYTHON = "/usr/bin/python3";
const DUMP_SCRIPT = path.join(ROOT, "test/support/openpyxl-dump.py");

async function openpyxlDump(files: string[]): Promise<Dump[]> {
  try {
    const { stdout } = await promisify(execFile)(PYTHON, [DUMP_SCRIPT, ...files], { maxBuffer: 512 * 1024 * 1024 });
    return JSON.parse(stdout) as Dump[];
  } catch (error) {
    throw new Error(`openpyxl could not read the files (apt-get install -y python3-openpyxl): ${String(error)}`);
  }
}

// ---- A1 helpers written for this test -----------------------------------------------------------------------

interface Area {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}
const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
function parseArea(a1: string): Area {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a1);
  if (!m) throw new Error(`not an area: ${a1}`);
  const c1 = colIndex(m[1]);
  const r1 = Number(m[2]);
  return { c1, r1, c2: m[3] ? colIndex(m[3]) : c1, r2: m[4] ? Number(m[4]) : r1 };
}
const areasOf = (sqref: string) => sqref.split(/\s+/).filter(Boolean).map(parseArea);
const covers = (areas: Area[], col: number, row: number) => areas.some((a) => a.c1 <= col && col <= a.c2 && a.r1 <= row && row <= a.r2);

/** The value of a reference such as 概览!$B$11 or 'Tracking log'!$A$4, in the file. */
function resolve(dump: Dump, ref: string): DumpCell["v"] {
  const { sheet, address } = splitAddress(ref);
  const cell = dump.sheets[sheet]?.cells[address.replace(/\$/g, "")];
  return cell ? cell.v : null;
}

/** Does `value` pass a date/decimal rule whose bounds the file states (formulas resolved in the file)? */
function passes(dump: Dump, rule: DumpRule, value: number): boolean {
  const bound = (f: string | null) => {
    if (f === null) return NaN;
    const n = Number(f);
    if (Number.isFinite(n)) return n;
    const v = resolve(dump, f);
    return typeof v === "number" ? v : NaN;
  };
  const lo = bound(rule.formula1);
  const hi = bound(rule.formula2);
  switch (rule.operator ?? "between") {
    case "between":
      return lo <= value && value <= hi;
    case "greaterThanOrEqual":
      return value >= lo;
    case "lessThanOrEqual":
      return value <= lo;
    default:
      throw new Error(`operator ${rule.operator} not tried by this test`);
  }
}

// ---- what the layout declares -------------------------------------------------------------------------------

/** Sheet row of each body row and the table's columns, for a table found in the file. */
function bodyRows(table: { ref: string }): number[] {
  const a = parseArea(table.ref);
  return Array.from({ length: a.r2 - a.r1 }, (_, i) => a.r1 + 1 + i);
}

/** The cells a column covers in the file: list tables its body cells, record tables the field's value cell. */
function columnCells(decl: TableDecl, column: ColumnDecl, fileTable: { ref: string }): { col: number; rows: number[] } {
  if (decl.shape === "list") return { col: decl.anchor.col + decl.columns.indexOf(column), rows: bodyRows(fileTable) };
  return { col: decl.anchor.col + 1, rows: [recordRowOf(decl, column.key)] };
}

/** The declared column of a body cell: list tables by its column, record tables by its row (value column only). */
function declaredAt(decl: TableDecl, col: number, row: number): ColumnDecl | undefined {
  if (decl.shape === "list") return decl.columns[col - decl.anchor.col];
  return col === decl.anchor.col + 1 ? decl.fields[row - decl.anchor.row - 1] : undefined;
}

/** The unit whose number format a row's cell gets (unitFormat columns). */
function unitOfRow(plan: Plan, decl: TableDecl, column: ColumnDecl, index: number): unknown {
  const entity = decl.entity;
  if (!entity) return undefined;
  const row = (plan as unknown as Record<string, Record<string, unknown>[]>)[entity]?.[index];
  if (!row) return undefined;
  if (column.unitFormat === "ownRow") return row.unit;
  return plan.goals.find((g) => g.id === row.goalId)?.unit;
}

// ---- the test ------------------------------------------------------------------------------------------------

let corpus: CorpusWorkbook[];
let dumps: Dump[];

beforeAll(async () => {
  corpus = await buildCorpus();
  dumps = await openpyxlDump(corpus.map((w) => w.file));
});

const planOf = (w: CorpusWorkbook) => w.plan;

describe("openpyxl reads back what the layout declares", () => {
  test("every PIP table is where the layout puts it, with its headers and one row per plan row", () => {
    for (const [i, w] of corpus.entries()) {
      const names = defaultSheetNames(w.language);
      const plan = planOf(w) as unknown as Record<string, unknown[]>;
      for (const decl of TABLES) {
        const sheet = dumps[i].sheets[names[decl.sheet]];
        const table = sheet?.tables.find((t) => t.name === decl.name);
        expect([w.label, decl.name, Boolean(table)]).toEqual([w.label, decl.name, true]);
        const area = parseArea(table!.ref);
        expect([w.label, decl.name, area.c1, area.r1]).toEqual([w.label, decl.name, decl.anchor.col, decl.anchor.row]);
        const headers = decl.shape === "list" ? decl.columns.map((c) => toXmlText(c.header[w.language])) : [RECORD_COLUMN_HEADERS.item[w.language], RECORD_COLUMN_HEADERS.value[w.language]];
        expect([w.label, decl.name, table!.columns]).toEqual([w.label, decl.name, headers]);
        if (decl.shape === "record") expect([w.label, decl.name, area.r2 - area.r1]).toEqual([w.label, decl.name, decl.fields.length]);
        else if (decl.entity) {
          const n = plan[decl.entity]?.length ?? 0;
          // an empty table keeps one blank body row (a table needs one)
          expect([w.label, decl.name, area.r2 - area.r1]).toEqual([w.label, decl.name, Math.max(1, n)]);
        }
      }
    }
  });

  test("every input column's data validation: type, operator, both formulas, sqref, stop alert, message with its line break", () => {
    let checked = 0;
    for (const [i, w] of corpus.entries()) {
      const names = defaultSheetNames(w.language);
      for (const decl of TABLES.filter((t) => t.entity !== null)) {
        const sheet = dumps[i].sheets[names[decl.sheet]];
        const fileTable = sheet.tables.find((t) => t.name === decl.name)!;
        for (const column of tableColumns(decl).filter((c) => c.validation && isInput(c))) {
          const { col, rows } = columnCells(decl, column, fileTable);
          const rules = sheet.validations.filter((r) => covers(areasOf(r.sqref), col, rows[0]));
          const where = `${w.label} ${decl.name}.${column.key}`;
          expect([where, rules.length]).toEqual([where, 1]);
          const rule = rules[0];
          // the rule covers every body cell of its column and no other column
          for (const row of rows) expect([where, row, covers(areasOf(rule.sqref), col, row)]).toEqual([where, row, true]);
          // an area may span neighbouring cells only when they declare the same rule (Gaps' target and actual,
          // the Overview's plan start and end)
          for (const a of areasOf(rule.sqref).filter((x) => covers([x], col, rows[0]))) {
            for (let c = a.c1; c <= a.c2; c++) {
              const other = declaredAt(decl, c, decl.shape === "list" ? rows[0] : a.r1);
              const otherLast = declaredAt(decl, c, decl.shape === "list" ? rows[0] : a.r2);
              for (const o of [other, otherLast]) {
                expect([where, c, JSON.stringify(o && [o.validation, o.list])]).toEqual([where, c, JSON.stringify([column.validation, column.list])]);
              }
            }
          }
          const expected = expectedRule(column, names, w.language);
          const matcher = (f: string | RegExp | null | undefined) => (f instanceof RegExp ? expect.stringMatching(f) : f === undefined ? null : f);
          expect([where, rule.type, rule.operator, rule.formula1, rule.formula2, rule.error]).toEqual([
            where,
            expected.type,
            expected.operator,
            matcher(expected.formula1),
            matcher(expected.formula2),
            expected.error,
          ]);
          expect([where, rule.errorStyle ?? "stop", rule.showErrorMessage, rule.allowBlank, rule.errorTitle]).toEqual([where, "stop", true, true, VALIDATION_ALERTS.title]);
          expect(rule.error).toContain("\n");
          // Excel's own limits beyond the schema ([MS-OI29500] 2.1.613: error ≤ 224 characters, errorTitle ≤ 32,
          // 1–32767 references in sqref); a list literal over 255 characters makes Excel refuse the file
          // (apache/poi pull 187).
          expect([where, [...(rule.error ?? "")].length <= 224, [...(rule.errorTitle ?? "")].length <= 32, areasOf(rule.sqref).length <= 32767]).toEqual([where, true, true, true]);
          if (rule.type === "list" && rule.formula1?.startsWith('"')) expect([where, rule.formula1.length - 2 <= 255]).toEqual([where, true]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(corpus.length * 20);
  });

  test("a date inside the plan window passes every date rule's bounds as the file states them; a day outside fails", () => {
    let tried = 0;
    for (const [i, w] of corpus.entries()) {
      const plan = planOf(w);
      const start = serialOf(plan.header.planStart);
      const end = serialOf(plan.header.planEnd);
      for (const sheet of Object.values(dumps[i].sheets)) {
        for (const rule of sheet.validations.filter((r) => r.type === "date")) {
          const where = `${w.label} ${rule.sqref} ${rule.formula1}…${rule.formula2}`;
          expect([where, passes(dumps[i], rule, start), passes(dumps[i], rule, end), passes(dumps[i], rule, Math.floor((start + end) / 2))]).toEqual([where, true, true, true]);
          if (rule.operator === null || rule.operator === "between") {
            expect([where, passes(dumps[i], rule, start - 1), passes(dumps[i], rule, end + 1)]).toEqual([where, false, false]);
          } else {
            // "a date": on or after 1900-03-01, so 1900-01-01 (serial 1) fails
            expect([where, passes(dumps[i], rule, 1)]).toEqual([where, false]);
          }
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThanOrEqual(corpus.length * 8);
  });

  test("number formats of the table columns: the column's own, or the unit of the row's goal", () => {
    let checked = 0;
    for (const [i, w] of corpus.entries()) {
      const names = defaultSheetNames(w.language);
      const plan = planOf(w);
      for (const decl of TABLES) {
        const sheet = dumps[i].sheets[names[decl.sheet]];
        const fileTable = sheet.tables.find((t) => t.name === decl.name)!;
        for (const column of tableColumns(decl)) {
          const { col, rows } = columnCells(decl, column, fileTable);
          rows.forEach((row, index) => {
            const cell = sheet.cells[`${columnLetter(col)}${row}`];
            const expected = column.unitFormat ? unitNumberFormat(unitOfRow(plan, decl, column, index)) : numberFormatOf(column);
            const where = `${w.label} ${decl.name}.${column.key} row ${row}`;
            expect([where, cell?.fmt ?? "General"]).toEqual([where, toXmlText(expected)]);
            checked++;
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(corpus.length * 100);
  });

  test("conditional formats: attainment and pace bands against the Overview thresholds, status labels, overdue rows, non-numbers", () => {
    const missing = new Set<string>();
    for (const [i, w] of corpus.entries()) {
      const names = defaultSheetNames(w.language);
      for (const decl of TABLES) {
        const sheet = dumps[i].sheets[names[decl.sheet]];
        const fileTable = sheet.tables.find((t) => t.name === decl.name)!;
        for (const column of tableColumns(decl)) {
          const { col, rows } = columnCells(decl, column, fileTable);
          const topLeft = `${columnLetter(col)}${rows[0]}`;
          const on = sheet.conditional.filter((c) => c.type === "expression" && covers(areasOf(c.sqref), col, rows[0]) && covers(areasOf(c.sqref), col, rows[rows.length - 1]));
          const formulas = on.map((c) => c.formula[0] ?? "");
          const where = `${decl.name}.${column.key}`;
          const bands = (hi: string, lo: string) => {
            const h = headerRef(names, hi);
            const l = headerRef(names, lo);
            return [`>=${h}`, `<${l}`].every((part) => formulas.some((f) => f.includes(`${topLeft}${part}`)));
          };
          let ok = true;
          if (column.highlight === "attainmentBands") ok = bands("met", "partiallyMet");
          if (column.highlight === "paceBands") ok = bands("onTrack", "atRisk");
          if (column.highlight === "statusBands") {
            ok = (["on-track", "at-risk", "off-track"] as const).every((s) => formulas.some((f) => f === `${topLeft}="${listLabels("goalStatus", w.language)[["on-track", "at-risk", "off-track", "no-data", "not-started"].indexOf(s)]}"`));
          }
          if (column.highlight === "overdueRow" && decl.shape === "list") {
            const rowBand = sheet.conditional.filter((c) => areasOf(c.sqref).some((a) => a.c1 === decl.anchor.col && a.c2 === decl.anchor.col + decl.columns.length - 1 && a.r1 === rows[0]));
            ok = rowBand.some((c) => (c.formula[0] ?? "").includes(`$${columnLetter(col)}${rows[0]}`));
          }
          if (ok && decl.entity !== null && isInput(column) && !column.inputFormula && ["number", "percent", "date"].includes(column.kind)) {
            ok = formulas.some((f) => f.includes(`NOT(ISNUMBER(${topLeft}))`));
          }
          if (!ok) missing.add(where);
        }
      }
    }
    // Every declared highlight is in the file, the Overview's overall attainment (a derived table) included.
    expect([...missing]).toEqual([]);
  });

  test("the stress texts come back as written, U+000B as a line break and U+FFFE removed", () => {
    const stress = corpus.findIndex((w) => w.label === "stress en-US");
    const names = defaultSheetNames("en-US");
    const goals = listTable("PIP_Goals");
    const titleCol = columnLetter(goals.anchor.col + goals.columns.findIndex((c) => c.key === "title"));
    const title = dumps[stress].sheets[names.goals].cells[`${titleCol}${goals.anchor.row + 1}`];
    expect(title.v).toBe(`goal 0 45 ${STRESS_TEXT.replace("\u000B", "\n").replace("\uFFFE", "")}`);
    expect(title.fmt).toBe("@");
  });
});
