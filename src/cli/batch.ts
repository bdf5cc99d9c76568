/**
 * `pipbook batch`: one workbook per roster row from a template plan.
 * A row that fails (bad date, invalid resulting plan, write error) is recorded with its row number and the
 * batch goes on; every file is written atomically (files.ts), so a failure leaves no partial workbook.
 * A workbook already at the target name is never replaced when it holds rows someone entered (check-ins,
 * adjustments, signatures, an evaluation): it is skipped and listed. A file there that is not a PIP workbook is a
 * failure of its row and is left as it is.
 */
import path from "node:path";
import { at } from "../core/indexed";
import { addDays, isoToDay } from "../core/dates";
import type { Finding } from "../core/findings";
import type { EntityName, Language, Plan } from "../core/model";
import { tableColumns, tableOfEntity } from "../workbook";
import { cliText, type CliMessageKey, type CliParams } from "../i18n/cli";
import { CliError, reasonOf } from "./errors";
import { writeFileAtomic } from "./files";
import type { Roster, RosterRow } from "./roster";
import { inParallel } from "./workers/pool";

/** `PIP-<id>-<name>.xlsx`, with characters that Windows, macOS or Linux refuse in file names replaced by "_". */
export function workbookFileName(employeeId: string, employeeName: string): string {
  const clean = (s: string) =>
    [...s]
      .map((ch) => (ch.charCodeAt(0) < 0x20 || ch === "\u007f" || '\\/:*?"<>|'.includes(ch) ? "_" : ch))
      .join("")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^\.+/, "_");
  return `PIP-${clean(employeeId)}-${clean(employeeName)}.xlsx`;
}

function clampDate(iso: string | null, last: string): string | null {
  if (iso === null) return null;
  return iso > last ? last : iso;
}

/**
 * The template plan for one employee: header fields from the row, the template's dated items (goal due dates,
 * actions, resources) moved by the shift of the plan start and kept inside the new window, names that were the
 * template's employee / manager / HR partner replaced. A new PIP has no history: tracking, adjustments, signature
 * dates and the evaluation are left empty.
 */
export function planForRosterRow(template: Plan, row: RosterRow): Plan {
  const v = row.values;
  const old = template.header;
  const shift = (isoToDay(v.planStart) ?? 0) - (isoToDay(old.planStart) ?? 0);
  const move = (iso: string | null): string | null => {
    if (iso === null || isoToDay(iso) === null) return iso;
    return clampDate(iso === old.planEnd ? v.planEnd : addDays(iso, shift), v.planEnd);
  };
  const header = {
    ...old,
    employeeName: v.employeeName,
    employeeId: v.employeeId,
    department: v.department || old.department,
    position: v.position || old.position,
    manager: v.manager || old.manager,
    hrPartner: v.hrPartner || old.hrPartner,
    planStart: v.planStart,
    planEnd: v.planEnd,
  };
  const rename = (name: string): string => {
    if (name === "") return name;
    if (name === old.employeeName) return header.employeeName;
    if (name === old.manager) return header.manager;
    if (name === old.hrPartner) return header.hrPartner;
    return renameIn(name);
  };
  // The template's people named inside any text of its rows ("部门经理 王强", a root cause's "who", a measure) are
  // the new plan's people: one employee's PIP must not carry another's name (found from outside: 赵敏's plan said
  // 李娜 and her manager 王强). Longest name first, so that a name inside another is not replaced half.
  const people = ([
    [old.employeeName, header.employeeName],
    [old.manager, header.manager],
    [old.hrPartner, header.hrPartner],
  ] as const).filter(([from, to]) => from.trim().length >= 2 && from !== to).sort((a, b) => b[0].length - a[0].length);
  const renameIn = (text: string): string => {
    let out = text;
    for (const [from, to] of people) out = replaceName(out, from, to);
    return out;
  };
  const renamed = <T extends object>(entity: EntityName) => (row: T): T => {
    const out = { ...row } as Record<string, unknown>;
    for (const key of textFieldsOf(entity)) if (typeof out[key] === "string") out[key] = renameIn(out[key] as string);
    return out as T;
  };
  const nameOfRole = { employee: header.employeeName, manager: header.manager, hr: header.hrPartner, department: "" };
  return {
    ...template,
    header,
    gaps: template.gaps.map(renamed("gaps")),
    goals: template.goals.map((goal) => ({ ...renamed<typeof goal>("goals")(goal), dueDate: move(goal.dueDate) })),
    causes: template.causes.map(renamed("causes")),
    actions: template.actions.map((action) => {
      const start = move(action.start) ?? action.start;
      const end = move(action.end) ?? action.end;
      return { ...renamed<typeof action>("actions")(action), owner: rename(action.owner), start: start > end ? end : start, end, status: "not-started" as const };
    }),
    resources: template.resources.map((resource) => ({ ...renamed<typeof resource>("resources")(resource), due: move(resource.due), delivered: false })),
    responsibilities: template.responsibilities.map((r) => ({ ...renamed<typeof r>("responsibilities")(r), name: rename(r.name) || nameOfRole[r.role] })),
    signOff: template.signOff.map((s) => ({ ...s, name: nameOfRole[s.role] || rename(s.name), date: null, comment: "" })),
    tracking: [],
    adjustments: [],
    evaluation: { date: null, outcome: null, decision: null, measuresToStandardise: "", reasons: "", extensionEnd: null, notes: "" },
  };
}

/**
 * The free-text fields of an entity's rows, from the layout (its table's text columns that are not ids), so that a
 * column added there is covered: where a template may name its people.
 */
function textFieldsOf(entity: EntityName): string[] {
  const table = tableOfEntity(entity);
  if (!table) return [];
  return tableColumns(table).flatMap((c) => (c.kind === "text" && c.field && c.field !== "id" && !c.field.endsWith("Id") ? [c.field] : []));
}

/** `text` with the name `from` replaced by `to`: as a word in Latin script (Ann, not Annual), anywhere in CJK text. */
function replaceName(text: string, from: string, to: string): string {
  if (!text.includes(from)) return text;
  if (!/^[\p{Script=Latin}\s.'-]+$/u.test(from)) return text.split(from).join(to);
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"), () => to);
}

export interface BatchFailure {
  row: number;
  key: CliMessageKey;
  params: CliParams;
}

/** A row whose workbook exists with entered rows: left as it is. */
export interface BatchSkip {
  row: number;
  file: string;
  entered: number;
}

/** What is at a row's target name now: nothing, a PIP workbook with `entered` rows, or a file that is not one. */
export type ExistingTarget = { kind: "none" } | { kind: "pip"; entered: number } | { kind: "foreign" | "unreadable" };

export interface BatchResult {
  written: string[];
  skipped: BatchSkip[];
  failures: BatchFailure[];
  total: number;
}

export interface BatchOptions {
  roster: Roster;
  template: Plan;
  outDir: string;
  language: Language;
  /** The workbook bytes of a plan (the same generator as `pipbook generate`). */
  generate: (plan: Plan) => Promise<Uint8Array>;
  /** Errors of a plan (validatePlan); a row whose plan has errors is a failure. */
  validate: (plan: Plan) => Finding[];
  /** What is at the target now (default: nothing is ever there). */
  inspect?: (target: string) => Promise<ExistingTarget>;
  /** Workbooks generated at once (default 1: one after the other); the CLI passes its worker pool's capacity. */
  concurrency?: number;
  /** Called after each row, done = rows finished so far. */
  onRow?: (event: { done: number; total: number; row: number; file: string | null }) => void;
}

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const { roster, outDir, language } = options;
  const failures: BatchFailure[] = roster.problems.map((p) => ({ row: p.row, key: p.key, params: p.params }));
  const written: string[] = [];
  const skipped: BatchSkip[] = [];
  const total = roster.rows.length + roster.problems.length;
  let done = 0;
  for (const p of roster.problems) options.onRow?.({ done: ++done, total, row: p.row, file: null });
  const finished = (row: number, file: string | null) => options.onRow?.({ done: ++done, total, row, file });

  // In roster order: the file name each row claims, its plan and its errors (cheap, and the order decides who
  // owns a name). Then the workbooks, `concurrency` at a time (workers generate them, src/cli/workers).
  const rowOfFile = new Map<string, number>();
  const jobs: { row: RosterRow; plan: Plan; name: string }[] = [];
  for (const row of roster.rows) {
    const name = workbookFileName(row.values.employeeId, row.values.employeeName);
    try {
      const claimedBy = rowOfFile.get(name.toLowerCase());
      if (claimedBy !== undefined) {
        failures.push({ row: row.row, key: "roster.duplicateFile", params: { row: row.row, name, other: claimedBy } });
        finished(row.row, null);
        continue;
      }
      rowOfFile.set(name.toLowerCase(), row.row);
      const plan = planForRosterRow(options.template, row);
      const errors = options.validate(plan).filter((f) => f.severity === "error");
      if (errors.length > 0) {
        failures.push({ row: row.row, key: "roster.planErrors", params: { row: row.row, message: at(errors, 0, "plan error").message[language] } });
        finished(row.row, null);
        continue;
      }
      jobs.push({ row, plan, name });
    } catch (error) {
      failures.push({ row: row.row, key: "roster.writeFailed", params: { row: row.row, reason: reasonText(error, language) } });
      finished(row.row, null);
    }
  }

  const outcomes = await inParallel(jobs, Math.max(1, options.concurrency ?? 1), async ({ row, plan, name }): Promise<JobOutcome> => {
    let file: string | null = null;
    try {
      const target = path.join(outDir, name);
      const existing = options.inspect ? await options.inspect(target) : { kind: "none" as const };
      if (existing.kind === "pip" && existing.entered > 0) return { skip: { row: row.row, file: target, entered: existing.entered } };
      if (existing.kind === "foreign" || existing.kind === "unreadable") {
        return { failure: { row: row.row, key: "roster.targetNotPip", params: { row: row.row, file: name } } };
      }
      const bytes = await options.generate(plan);
      await writeFileAtomic(target, bytes);
      file = target;
      return { written: target };
    } catch (error) {
      return { failure: { row: row.row, key: "roster.writeFailed", params: { row: row.row, reason: reasonText(error, language) } } };
    } finally {
      finished(row.row, file);
    }
  });
  // Reported in roster order, whichever finished first.
  for (const o of outcomes) {
    if ("written" in o) written.push(o.written);
    else if ("skip" in o) skipped.push(o.skip);
    else failures.push(o.failure);
  }
  failures.sort((a, b) => a.row - b.row);
  return { written, skipped, failures, total };
}

type JobOutcome = { written: string } | { skip: BatchSkip } | { failure: BatchFailure };

function reasonText(error: unknown, language: Language): string {
  return error instanceof CliError ? cliText(language, error.key, error.params) : reasonOf(error);
}
