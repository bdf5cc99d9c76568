/**
 * validatePlan: every rule a plan must satisfy, as findings with a stable code, a severity, a place
 * (entity + 0-based row + model field) and a message in zh-CN and en-US (src/i18n/findings.ts).
 *
 * Pure and total: it never throws, also on a Plan object that the schema never saw (the workbook reader builds
 * plans from cells, so a number may be NaN, Infinity or text, a date may be "" or impossible, a list may be
 * missing). Each rule looks only at values it can judge; a value that is itself broken gets its own finding
 * (NUMBER_NOT_FINITE, DATE_INVALID …) and the rules that would compare it stay silent, so one mistake gives
 * one finding.
 */
import { isoToDay } from "./dates";
import { isPercentUnit, isPlausiblePercent } from "./percent";
import { xmlInvalidChars } from "./xml-text";
import { COLUMN_HEADERS } from "../i18n/workbook";
import { LIST_LABELS, type ListName } from "../i18n/workbook";
import type { Finding, FindingLocation, Severity } from "./findings";
import type { EntityName, Plan } from "./model";
import {
  ACTION_STATUSES,
  AGGREGATIONS,
  CADENCES,
  DECISIONS,
  DIRECTIONS,
  FACTORS,
  FISHBONE,
  LANGUAGES,
  METHODS,
  OUTCOMES,
  OWNER_ROLES,
  SCENARIOS,
  SIGNER_ROLES,
  DEFAULT_THRESHOLDS,
} from "./model";
import {
  FINDING_WORDS,
  entitySubject,
  fieldLabel,
  findingMessage,
  type FindingMessageId,
  type Localized,
  type MessageParam,
} from "../i18n/findings";

/** Every finding code PIPbook reports, with its severity. Errors block analysis; warnings are advice. */
export const FINDING_SEVERITY = {
  PLAN_JSON_SYNTAX: "error",
  PLAN_SCHEMA: "error",
  PLAN_SCHEMA_VERSION: "error",
  PLAN_NO_GOALS: "error",
  PLAN_END_BEFORE_START: "error",
  DATE_INVALID: "error",
  DATE_MISSING: "error",
  NUMBER_NOT_FINITE: "error",
  VALUE_NOT_ALLOWED: "error",
  ID_MISSING: "error",
  DUPLICATE_ID: "error",
  ACTION_END_BEFORE_START: "error",
  ACTION_OUTSIDE_WINDOW: "error",
  TRACKING_OUTSIDE_WINDOW: "error",
  GOAL_DUE_OUTSIDE_WINDOW: "error",
  TARGET_EQUALS_BASELINE: "error",
  TARGET_WRONG_SIDE: "error",
  RATIO_TARGET_NOT_POSITIVE: "error",
  WEIGHTS_NOT_100: "error",
  GOAL_WITHOUT_ACTION: "error",
  GOAL_TITLE_MISSING: "error",
  REQUIRED_TEXT_MISSING: "error",
  ACTION_WITHOUT_OWNER: "error",
  TRACKING_UNKNOWN_GOAL: "error",
  ACTION_UNKNOWN_GOAL: "error",
  CAUSE_UNKNOWN_GOAL: "error",
  ACTION_UNKNOWN_CAUSE: "error",
  THRESHOLDS_INVALID: "error",
  EXTENSION_WITHOUT_DATE: "error",
  SIGNOFF_MISSING: "warning",
  GOAL_NO_NUMBER: "warning",
  GOAL_NO_UNIT: "warning",
  GOAL_NO_DUE_DATE: "warning",
  GOAL_VAGUE_TITLE: "warning",
  PERCENT_IMPLAUSIBLE: "warning",
  TEXT_XML_INVALID_CHAR: "warning",
  EXTENSION_NOT_AFTER_END: "warning",
  PLAN_WINDOW_TOO_LONG: "error",
  NUMBER_OUT_OF_RANGE: "error",
  TEXT_TOO_LONG: "error",
} as const satisfies Record<string, Severity>;

/** The longest plan window PIPbook takes: 5 years (5 × 365 + 2 leap days). Longer is a typo, and its period grid would not fit. */
export const MAX_PLAN_DAYS = 1827;
/** Excel keeps 15 significant digits; beyond ±1e15 a cell no longer holds the integer typed. */
export const MAX_ABS_NUMBER = 1e15;
/** Characters a cell holds (Microsoft's "Excel specifications and limits": 32,767 characters per cell). */
export const MAX_CELL_TEXT = 32767;

export type FindingCode = keyof typeof FINDING_SEVERITY;

/** |Σ weights − 1| above this is an error; below it is floating-point noise (0.1 + 0.2 + 0.7). */
export const WEIGHT_TOLERANCE = 1e-9;

export function makeFinding(code: FindingCode, location: FindingLocation, message: Localized): Finding {
  return { code, severity: FINDING_SEVERITY[code], location, message };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

// --- reading values that may be anything -----------------------------------------------------------------------

type Row = Record<string, unknown>;

function record(x: unknown): Row {
  return typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Row) : {};
}

function rows(x: unknown): Row[] {
  return Array.isArray(x) ? x.map(record) : [];
}

function isBlank(x: unknown): boolean {
  // Zero-width characters (U+200B …, a stray BOM) are invisible: text of only those is blank.
  return x === undefined || x === null || (typeof x === "string" && x.replace(/[\u200b-\u200f\u2060-\u2064\ufeff]/g, "").trim() === "");
}

function str(x: unknown): string {
  return typeof x === "string" ? x : "";
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

const MAX_SHOWN = 60;

/** A value as a person reads it in a message: NaN, Infinity, “text”, (empty). */
function shown(x: unknown): MessageParam {
  if (isBlank(x)) return FINDING_WORDS.empty;
  if (typeof x === "string") return x.length > MAX_SHOWN ? `${x.slice(0, MAX_SHOWN)}…` : x;
  if (typeof x === "number" || typeof x === "boolean") return String(x);
  return Array.isArray(x) ? "[…]" : "{…}";
}

function quotedNumberish(x: unknown): MessageParam {
  return typeof x === "string" && x.trim() !== "" ? `“${shown(x) as string}”` : shown(x);
}

/** A sum of fractions as a percentage without float noise: 0.9999999 → "99.99999". */
function percent(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12)));
}

const DIGIT = /[0-9０-９]/;
// An amount in Chinese numerals: 百分之九十, or numerals before a measure word or unit (三个客户, 四十五万元, 两次).
// Not a lone 一 in a word (一致, 统一, 进一步).
const CN_AMOUNT = /百分之[零〇一二两三四五六七八九十百]+|[零〇一二两三四五六七八九十百千万亿]+(?:个|次|位|名|家|件|项|天|日|周|月|年|季度|小时|分钟|万|元|%|％|倍|单|份|台|笔|户|场|篇|条|点|成)/;
/** Does a title state a number (digits, full-width digits, or a Chinese-numeral amount)? */
function hasNumber(title: string): boolean {
  return DIGIT.test(title) || CN_AMOUNT.test(title);
}
// Verbs that only say which way to go. A digit-free title starting with one of them and short after it
// ("提升销售", "Improve sales") names no metric and no amount.
const VAGUE_VERBS_ZH = ["进一步", "提升", "提高", "改善", "改进", "加强", "增强", "优化", "增加", "减少", "降低", "做好", "努力", "争取", "尽量", "持续"];
const VAGUE_VERBS_EN = ["improve", "increase", "enhance", "boost", "reduce", "decrease", "strengthen", "optimize", "optimise", "raise", "lower", "grow", "better", "work on", "do better", "get better", "try to", "be more"];
const VAGUE_MAX_CJK_AFTER_VERB = 6;
const VAGUE_MAX_WORDS_AFTER_VERB = 3;

export function isVagueTitle(title: string): boolean {
  const t = title.trim().toLowerCase();
  if (t === "" || hasNumber(t)) return false;
  const verb = [...VAGUE_VERBS_ZH, ...VAGUE_VERBS_EN].find((v) => t.startsWith(v));
  if (verb === undefined) return false;
  const rest = t.slice(verb.length);
  const cjk = (rest.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  const words = rest.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, " ").split(/[^a-z]+/).filter((w) => w !== "").length;
  return cjk <= VAGUE_MAX_CJK_AFTER_VERB && words <= VAGUE_MAX_WORDS_AFTER_VERB;
}

// --- the rules --------------------------------------------------------------------------------------------

interface Window {
  start: number;
  end: number;
  startIso: string;
  endIso: string;
}

class Checker {
  readonly findings: Finding[] = [];

  add(code: FindingCode, location: FindingLocation, params: Record<string, MessageParam> = {}, opts: { variant?: string; id?: unknown } = {}): void {
    const id: FindingMessageId = (opts.variant ? `${code}.${opts.variant}` : code) as FindingMessageId;
    const subject = entitySubject(location.entity, location.row, typeof opts.id === "string" ? opts.id : undefined);
    this.findings.push(makeFinding(code, location, findingMessage(id, params, subject)));
  }

  /** A required date: its day number, or null after a finding. */
  requiredDate(entity: EntityName, row: number | undefined, r: Row, field: string, id?: unknown): number | null {
    const v = r[field];
    if (isBlank(v)) {
      this.add("DATE_MISSING", loc(entity, row, field), { field: fieldLabel(field) }, { id });
      return null;
    }
    return this.date(entity, row, r, field, id);
  }

  /** An optional date: null when empty (no finding) or broken (DATE_INVALID). */
  optionalDate(entity: EntityName, row: number | undefined, r: Row, field: string, id?: unknown): number | null {
    return isBlank(r[field]) ? null : this.date(entity, row, r, field, id);
  }

  private date(entity: EntityName, row: number | undefined, r: Row, field: string, id?: unknown): number | null {
    const v = r[field];
    const day = typeof v === "string" ? isoToDay(v) : null;
    if (day === null) this.add("DATE_INVALID", loc(entity, row, field), { field: fieldLabel(field), value: shown(v) }, { id });
    return day;
  }

  /** A required number; false after a finding. */
  finite(entity: EntityName, row: number | undefined, r: Row, field: string, id?: unknown): boolean {
    if (isFiniteNumber(r[field])) return true;
    this.add("NUMBER_NOT_FINITE", loc(entity, row, field), { field: fieldLabel(field), value: quotedNumberish(r[field]) }, { id });
    return false;
  }

  /** An enum value; `undefined` is accepted when the model gives the field a default, null when it is nullable. */
  oneOf(entity: EntityName, row: number | undefined, r: Row, field: string, allowed: readonly string[], opts: { optional?: boolean; nullable?: boolean; id?: unknown } = {}): void {
    const v = r[field];
    if (v === undefined && opts.optional) return;
    if (v === null && opts.nullable) return;
    if (typeof v === "string" && allowed.includes(v)) return;
    // The choices as the sheet's drop-down lists them (员工、直接上级、支持部门), not the plan file's codes.
    const labels = LIST_LABELS[listOfField(entity, field) ?? "yesNo"] as Record<string, Localized> | undefined;
    const labelled = allowed.map((a) => labels?.[a]).filter((l): l is Localized => l !== undefined);
    const named = listOfField(entity, field) !== null && labelled.length === allowed.length;
    const choices: MessageParam = named
      ? {
          "zh-CN": `${labelled.map((l) => l["zh-CN"]).join("、")}（计划文件中写作 ${allowed.join(", ")}）`,
          "en-US": `${allowed.join(", ")} (in the sheet: ${labelled.map((l) => l["en-US"]).join(", ")})`,
        }
      : allowed.join(", ");
    const variant = isBlank(v) ? "empty" : undefined;
    this.add("VALUE_NOT_ALLOWED", loc(entity, row, field), { field: fieldLabel(field), value: shown(v), allowed: choices }, { id: opts.id, variant });
  }

  /** ID_MISSING / DUPLICATE_ID for a table with ids; returns the set of usable ids. */
  ids(entity: EntityName, list: Row[]): Set<string> {
    const firstRow = new Map<string, number>();
    list.forEach((r, i) => {
      const id = r.id;
      if (typeof id !== "string" || id.trim() === "") {
        this.add("ID_MISSING", loc(entity, i, "id"));
        return;
      }
      const first = firstRow.get(id);
      if (first === undefined) firstRow.set(id, i);
      else this.add("DUPLICATE_ID", loc(entity, i, "id"), { id, first: first + 1 }, { id });
    });
    return new Set(firstRow.keys());
  }

  outside(day: number | null, window: Window | null): boolean {
    return day !== null && window !== null && (day < window.start || day > window.end);
  }
}

/** The drop-down list of a field with fixed choices (src/i18n/workbook.ts LIST_LABELS), or null. */
function listOfField(entity: EntityName, field: string): ListName | null {
  if (field === "role") return entity === "signOff" ? "signerRole" : "ownerRole";
  if (field === "status") return entity === "actions" ? "actionStatus" : null;
  return field in LIST_LABELS ? (field as ListName) : null;
}

function loc(entity: EntityName, row?: number, field?: string): FindingLocation {
  const l: FindingLocation = { entity };
  if (row !== undefined) l.row = row;
  if (field !== undefined) l.field = field;
  return l;
}

export function validatePlan(plan: Plan): Finding[] {
  const c = new Checker();
  const p = record(plan);
  const window = checkHeader(c, record(p.header));
  checkGaps(c, rows(p.gaps));
  const goals = rows(p.goals);
  const goalIds = checkGoals(c, goals, window);
  const causeIds = checkCauses(c, rows(p.causes), goalIds);
  checkActions(c, rows(p.actions), goals, goalIds, causeIds, window);
  checkResources(c, rows(p.resources), rows(p.responsibilities));
  const tracking = rows(p.tracking);
  checkSignOff(c, rows(p.signOff), tracking.length > 0);
  checkTracking(c, tracking, goalIds, window);
  checkPercentPlausible(c, rows(p.gaps), goals, tracking);
  rows(p.adjustments).forEach((r, i) => {
    c.requiredDate("adjustments", i, r, "date");
    requiredText(c, "adjustments", i, r, "change");
  });
  checkEvaluation(c, record(p.evaluation), record(p.header));
  checkThresholds(c, p.thresholds);
  checkXmlText(c, p);
  checkBounds(c, p);
  return c.findings;
}

/** NUMBER_OUT_OF_RANGE and TEXT_TOO_LONG: what a cell cannot hold is an error before anything is written, never cut. */
function checkBounds(c: Checker, p: Row): void {
  // The column's header as the sheet shows it (any text field can be too long), else the field's label.
  const label = (entity: EntityName, field: string) => (COLUMN_HEADERS as Record<string, Localized>)[`${entity}.${field}`] ?? fieldLabel(field);
  const check = (entity: EntityName, row: number | undefined, r: Row) => {
    for (const [field, v] of Object.entries(r)) {
      if (typeof v === "number" && Number.isFinite(v) && Math.abs(v) > MAX_ABS_NUMBER) {
        c.add("NUMBER_OUT_OF_RANGE", loc(entity, row, field), { field: label(entity, field), value: String(v), max: "1e15" }, { id: r.id });
      } else if (typeof v === "string" && v.length > MAX_CELL_TEXT) {
        c.add("TEXT_TOO_LONG", loc(entity, row, field), { field: label(entity, field), length: v.length, max: MAX_CELL_TEXT }, { id: r.id });
      }
    }
  };
  for (const entity of RECORD_ENTITIES) check(entity, undefined, record(p[entity]));
  for (const entity of LIST_ENTITIES) rows(p[entity]).forEach((r, i) => check(entity, i, r));
}

/** Entities whose text reaches the workbook: single records, then lists. */
const RECORD_ENTITIES = ["header", "evaluation"] as const satisfies readonly EntityName[];
const LIST_ENTITIES = ["gaps", "goals", "causes", "actions", "resources", "responsibilities", "signOff", "tracking", "adjustments"] as const satisfies readonly EntityName[];

/**
 * TEXT_XML_INVALID_CHAR: text an .xlsx part cannot hold (core/xml-text: C0 controls but tab/LF/CR, U+FFFE, U+FFFF,
 * lone surrogates). Every writer cleans it, so the warning says beforehand what will change.
 */
function checkXmlText(c: Checker, p: Row): void {
  const check = (entity: EntityName, row: number | undefined, r: Row) => {
    for (const [field, v] of Object.entries(r)) {
      if (typeof v !== "string") continue;
      const found = xmlInvalidChars(v);
      if (found.length === 0) continue;
      const chars = [...new Set(found.map((f) => f.codePoint))].join(", ");
      // Free-text fields have no finding label of their own: the column's header names them as the sheet does.
      const label = (COLUMN_HEADERS as Record<string, Localized>)[`${entity}.${field}`] ?? fieldLabel(field);
      c.add("TEXT_XML_INVALID_CHAR", loc(entity, row, field), { field: label, chars }, { id: r.id });
    }
  };
  for (const entity of RECORD_ENTITIES) check(entity, undefined, record(p[entity]));
  for (const entity of LIST_ENTITIES) rows(p[entity]).forEach((r, i) => check(entity, i, r));
}

function checkHeader(c: Checker, h: Row): Window | null {
  const start = c.requiredDate("header", undefined, h, "planStart");
  const end = c.requiredDate("header", undefined, h, "planEnd");
  c.oneOf("header", undefined, h, "cadence", CADENCES);
  c.oneOf("header", undefined, h, "scenario", SCENARIOS);
  c.oneOf("header", undefined, h, "language", LANGUAGES, { optional: true });
  for (const field of ["employeeName", "employeeId", "manager"] as const) requiredText(c, "header", undefined, h, field);
  if (start === null || end === null) return null;
  if (end < start) {
    // Without a window the window rules would flag every dated row; one finding says it all.
    c.add("PLAN_END_BEFORE_START", loc("header", undefined, "planEnd"), { start: str(h.planStart), end: str(h.planEnd) });
    return null;
  }
  if (end - start + 1 > MAX_PLAN_DAYS) {
    c.add("PLAN_WINDOW_TOO_LONG", loc("header", undefined, "planEnd"), { start: str(h.planStart), end: str(h.planEnd), days: end - start + 1, max: MAX_PLAN_DAYS });
  }
  return { start, end, startIso: str(h.planStart), endIso: str(h.planEnd) };
}

/** Text the workbook marks as required (the layout's `required` columns): blank is an error, as the reader says. */
function requiredText(c: Checker, entity: EntityName, row: number | undefined, r: Row, field: string, id?: unknown): void {
  if (isBlank(r[field])) c.add("REQUIRED_TEXT_MISSING", loc(entity, row, field), { field: fieldLabel(field) }, { id });
}

function checkGaps(c: Checker, gaps: Row[]): void {
  gaps.forEach((g, i) => {
    requiredText(c, "gaps", i, g, "metric");
    c.finite("gaps", i, g, "target");
    c.finite("gaps", i, g, "actual");
    if (g.benchmark !== null && g.benchmark !== undefined) c.finite("gaps", i, g, "benchmark");
    c.oneOf("gaps", i, g, "direction", DIRECTIONS, { optional: true });
  });
}

function checkGoals(c: Checker, goals: Row[], window: Window | null): Set<string> {
  if (goals.length === 0) c.add("PLAN_NO_GOALS", loc("goals"));
  const ids = c.ids("goals", goals);
  let weightSum = 0;
  let weightsReadable = true;
  goals.forEach((g, i) => {
    const id = g.id;
    const title = str(g.title);
    if (title.trim() === "") c.add("GOAL_TITLE_MISSING", loc("goals", i, "title"), {}, { id });
    else if (isVagueTitle(title)) c.add("GOAL_VAGUE_TITLE", loc("goals", i, "title"), { title: shown(title) }, { id });
    else if (!hasNumber(title)) c.add("GOAL_NO_NUMBER", loc("goals", i, "title"), {}, { id });
    if (isBlank(g.unit)) c.add("GOAL_NO_UNIT", loc("goals", i, "unit"), {}, { id });

    if (isBlank(g.dueDate)) c.add("GOAL_NO_DUE_DATE", loc("goals", i, "dueDate"), {}, { id });
    const due = c.optionalDate("goals", i, g, "dueDate", id);
    if (window && c.outside(due, window)) {
      c.add("GOAL_DUE_OUTSIDE_WINDOW", loc("goals", i, "dueDate"), { date: str(g.dueDate), planStart: window.startIso, planEnd: window.endIso }, { id });
    }

    c.oneOf("goals", i, g, "direction", DIRECTIONS, { id });
    c.oneOf("goals", i, g, "aggregation", AGGREGATIONS, { id });
    c.oneOf("goals", i, g, "method", METHODS, { optional: true, id });

    const baselineOk = c.finite("goals", i, g, "baseline", id);
    const targetOk = c.finite("goals", i, g, "target", id);
    if (baselineOk && targetOk) {
      const b = g.baseline as number;
      const t = g.target as number;
      if (t === b) c.add("TARGET_EQUALS_BASELINE", loc("goals", i, "target"), { value: String(t) }, { id });
      else if (g.direction === "increase" && t < b) {
        c.add("TARGET_WRONG_SIDE", loc("goals", i, "target"), { target: String(t), baseline: String(b) }, { id });
      } else if (g.direction === "decrease" && t > b) {
        c.add("TARGET_WRONG_SIDE", loc("goals", i, "target"), { target: String(t), baseline: String(b) }, { id, variant: "decrease" });
      }
    }
    if (targetOk && (g.method === "ratio" || g.method === undefined) && (g.target as number) <= 0) {
      c.add("RATIO_TARGET_NOT_POSITIVE", loc("goals", i, "target"), { target: String(g.target) }, { id });
    }

    if (c.finite("goals", i, g, "weight", id)) {
      const w = g.weight as number;
      weightSum += w;
      if (w < 0) c.add("WEIGHTS_NOT_100", loc("goals", i, "weight"), { value: String(w) }, { id, variant: "negative" });
    } else {
      weightsReadable = false;
    }
  });
  if (goals.length > 0 && weightsReadable && Math.abs(weightSum - 1) > WEIGHT_TOLERANCE) {
    c.add("WEIGHTS_NOT_100", loc("goals", undefined, "weight"), { sum: percent(weightSum) });
  }
  return ids;
}

function checkCauses(c: Checker, causes: Row[], goalIds: Set<string>): Set<string> {
  const ids = c.ids("causes", causes);
  causes.forEach((r, i) => {
    if (!goalIds.has(str(r.goalId))) c.add("CAUSE_UNKNOWN_GOAL", loc("causes", i, "goalId"), { goalId: shown(r.goalId) }, { id: r.id });
    c.oneOf("causes", i, r, "factor", FACTORS, { id: r.id });
    c.oneOf("causes", i, r, "category", FISHBONE, { optional: true, nullable: true, id: r.id });
  });
  return ids;
}

function checkActions(c: Checker, actions: Row[], goals: Row[], goalIds: Set<string>, causeIds: Set<string>, window: Window | null): void {
  c.ids("actions", actions);
  const goalsWithAction = new Set<string>();
  actions.forEach((a, i) => {
    const id = a.id;
    const goalId = str(a.goalId);
    if (goalIds.has(goalId)) goalsWithAction.add(goalId);
    else c.add("ACTION_UNKNOWN_GOAL", loc("actions", i, "goalId"), { goalId: shown(a.goalId) }, { id });
    if (!isBlank(a.causeId) && !causeIds.has(str(a.causeId))) {
      c.add("ACTION_UNKNOWN_CAUSE", loc("actions", i, "causeId"), { causeId: shown(a.causeId) }, { id });
    }
    if (isBlank(a.owner)) c.add("ACTION_WITHOUT_OWNER", loc("actions", i, "owner"), {}, { id });
    requiredText(c, "actions", i, a, "measure", id);
    c.oneOf("actions", i, a, "ownerRole", OWNER_ROLES, { optional: true, id });
    c.oneOf("actions", i, a, "status", ACTION_STATUSES, { optional: true, id });

    const start = c.requiredDate("actions", i, a, "start", id);
    const end = c.requiredDate("actions", i, a, "end", id);
    if (start !== null && end !== null && end < start) {
      c.add("ACTION_END_BEFORE_START", loc("actions", i, "end"), { start: str(a.start), end: str(a.end) }, { id });
    }
    for (const [field, day] of [["start", start], ["end", end]] as const) {
      if (window && c.outside(day, window)) {
        c.add("ACTION_OUTSIDE_WINDOW", loc("actions", i, field), { field: fieldLabel(field), date: str(a[field]), planStart: window.startIso, planEnd: window.endIso }, { id });
      }
    }
  });
  goals.forEach((g, i) => {
    if (typeof g.id === "string" && goalIds.has(g.id) && !goalsWithAction.has(g.id)) {
      c.add("GOAL_WITHOUT_ACTION", loc("goals", i), {}, { id: g.id });
    }
  });
}

function checkResources(c: Checker, resources: Row[], responsibilities: Row[]): void {
  resources.forEach((r, i) => {
    requiredText(c, "resources", i, r, "what");
    c.optionalDate("resources", i, r, "due");
  });
  responsibilities.forEach((r, i) => c.oneOf("responsibilities", i, r, "role", OWNER_ROLES));
}

function checkSignOff(c: Checker, signOff: Row[], trackingBegun: boolean): void {
  signOff.forEach((s, i) => {
    c.oneOf("signOff", i, s, "role", SIGNER_ROLES);
    c.optionalDate("signOff", i, s, "date");
  });
  if (!trackingBegun) return;
  for (const role of ["employee", "manager"] as const) {
    const lines = signOff.map((s, i) => ({ s, i })).filter(({ s }) => s.role === role);
    if (lines.some(({ s }) => !isBlank(s.name) && !isBlank(s.date))) continue;
    const first = lines[0];
    const place = first ? loc("signOff", first.i, isBlank(first.s.name) ? "name" : "date") : loc("signOff");
    c.add("SIGNOFF_MISSING", place, { role: FINDING_WORDS[`role.${role}`] });
  }
}

function checkTracking(c: Checker, tracking: Row[], goalIds: Set<string>, window: Window | null): void {
  tracking.forEach((t, i) => {
    const day = c.requiredDate("tracking", i, t, "date");
    if (window && c.outside(day, window)) {
      c.add("TRACKING_OUTSIDE_WINDOW", loc("tracking", i, "date"), { date: str(t.date), planStart: window.startIso, planEnd: window.endIso });
    }
    if (!goalIds.has(str(t.goalId))) c.add("TRACKING_UNKNOWN_GOAL", loc("tracking", i, "goalId"), { goalId: shown(t.goalId) });
    c.finite("tracking", i, t, "actual");
  });
}

function checkEvaluation(c: Checker, e: Row, header: Row): void {
  c.optionalDate("evaluation", undefined, e, "date");
  const extensionEnd = c.optionalDate("evaluation", undefined, e, "extensionEnd");
  c.oneOf("evaluation", undefined, e, "outcome", OUTCOMES, { optional: true, nullable: true });
  c.oneOf("evaluation", undefined, e, "decision", DECISIONS, { optional: true, nullable: true });
  if (e.decision === "extend" && isBlank(e.extensionEnd)) c.add("EXTENSION_WITHOUT_DATE", loc("evaluation", undefined, "extensionEnd"));
  const planEnd = typeof header.planEnd === "string" ? isoToDay(header.planEnd) : null;
  if (extensionEnd !== null && planEnd !== null && extensionEnd <= planEnd) {
    c.add("EXTENSION_NOT_AFTER_END", loc("evaluation", undefined, "extensionEnd"), { date: str(e.extensionEnd), planEnd: str(header.planEnd) });
  }
}

function checkThresholds(c: Checker, thresholds: unknown): void {
  if (thresholds === undefined) return;
  const t = record(thresholds);
  // an absent threshold takes the model's default, so only present values are judged
  const ok = (field: string) => t[field] === undefined || c.finite("thresholds", undefined, t, field);
  const onTrackOk = ok("onTrack");
  const atRiskOk = ok("atRisk");
  const metOk = ok("met");
  const partiallyMetOk = ok("partiallyMet");
  const n = (field: keyof typeof DEFAULT_THRESHOLDS) => (typeof t[field] === "number" ? (t[field] as number) : DEFAULT_THRESHOLDS[field]);
  if (onTrackOk && atRiskOk && n("atRisk") > n("onTrack")) {
    c.add("THRESHOLDS_INVALID", loc("thresholds", undefined, "atRisk"), { atRisk: String(n("atRisk")), onTrack: String(n("onTrack")) });
  }
  if (metOk && partiallyMetOk && n("partiallyMet") > n("met")) {
    c.add("THRESHOLDS_INVALID", loc("thresholds", undefined, "partiallyMet"), { partiallyMet: String(n("partiallyMet")), met: String(n("met")) }, { variant: "outcome" });
  }
}

/** PERCENT_IMPLAUSIBLE: a "%" gap, goal or check-in whose stored value is no rate (62 kept for 62 % shows 6200 %). */
function checkPercentPlausible(c: Checker, gaps: Row[], goals: Row[], tracking: Row[]): void {
  const judge = (entity: EntityName, row: number, r: Row, field: string, id?: unknown) => {
    const v = r[field];
    if (!isFiniteNumber(v) || isPlausiblePercent(v)) return;
    c.add("PERCENT_IMPLAUSIBLE", loc(entity, row, field), { field: fieldLabel(field), value: String(v), shown: `${percent(v)} %` }, { id });
  };
  gaps.forEach((g, i) => {
    if (!isPercentUnit(str(g.unit))) return;
    for (const field of ["target", "actual", "benchmark"]) judge("gaps", i, g, field);
  });
  // A check-in belongs to the first goal with its id (a repeated id is DUPLICATE_ID on the later row).
  const seen = new Set<string>();
  const percentGoals = new Set<string>();
  goals.forEach((g, i) => {
    const first = typeof g.id === "string" && !seen.has(g.id);
    if (typeof g.id === "string") seen.add(g.id);
    if (!isPercentUnit(str(g.unit))) return;
    if (first) percentGoals.add(g.id as string);
    for (const field of ["baseline", "target"]) judge("goals", i, g, field, g.id);
  });
  tracking.forEach((t, i) => {
    if (percentGoals.has(str(t.goalId))) judge("tracking", i, t, "actual");
  });
}
