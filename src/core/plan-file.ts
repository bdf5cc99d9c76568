/**
 * Plan files (JSON): text → Plan, or findings that say where the file is wrong, in zh-CN and en-US.
 * Total: any text and any value give a plan or findings, never an exception.
 *
 * Shape only: a parsed plan may still break plan rules (dates, weights, references …); run `validatePlan` on it.
 */
import { z } from "zod";
import type { Finding, FindingLocation } from "./findings";
import { SCHEMA_VERSION, planSchema, type EntityName, type Plan } from "./model";
import { makeFinding } from "./validate";
import {
  ENTITY_TABLES,
  FINDING_WORDS,
  entitySubject,
  findingMessage,
  localize,
  type FindingMessageId,
  type Localized,
  type MessageParam,
} from "../i18n/findings";

export type ParseResult = { ok: true; plan: Plan } | { ok: false; findings: Finding[] };

export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [SCHEMA_VERSION];

/** Past this many schema problems the rest are summed up in one finding: a wrong file must not flood the list. */
export const MAX_SCHEMA_FINDINGS = 50;

const LIST_ENTITIES = new Set<string>(["gaps", "goals", "causes", "actions", "resources", "responsibilities", "signOff", "tracking", "adjustments"]);
const RECORD_ENTITIES = new Set<string>(["header", "evaluation", "thresholds"]);

function withFile(message: Localized, fileName?: string): Localized {
  if (!fileName) return message;
  return { "zh-CN": `${fileName}：${message["zh-CN"]}`, "en-US": `${fileName}: ${message["en-US"]}` };
}

function finding(code: "PLAN_JSON_SYNTAX" | "PLAN_SCHEMA" | "PLAN_SCHEMA_VERSION", location: FindingLocation, id: FindingMessageId, params: Record<string, MessageParam>, subject: Localized | undefined, fileName?: string): Finding {
  return makeFinding(code, location, withFile(findingMessage(id, params, subject), fileName));
}

// --- JSON syntax ------------------------------------------------------------------------------------------

export interface JsonSyntaxError {
  /** 0-based offset in the text. */
  offset: number;
  /** 1-based line and column (column counts UTF-16 code units, as editors do). */
  line: number;
  column: number;
  reason: Localized;
}

/** Line and column as editors count them: LF, CRLF and a lone CR (classic Mac) each end a line. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  if (cp === undefined) return "";
  if (cp < 0x20 || cp === 0x7f || cp === 0xfeff) return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  return `“${String.fromCodePoint(cp)}”`;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/**
 * Where JSON.parse gave up, and why, in words a person can act on. V8's messages are inconsistent
 * ("Unexpected token 'a', "abc" is not valid JSON" has no position), so this scans the text itself:
 * an iterative recursive-descent check of RFC 8259, which nesting depth cannot overflow.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxError | null {
  const fail = (offset: number, reason: Localized): JsonSyntaxError => ({ offset, ...lineColumn(text, offset), reason });
  const unexpected = (i: number, afterComma: boolean): JsonSyntaxError => {
    if (i >= text.length) return fail(i, FINDING_WORDS["json.end"]);
    const ch = text[i];
    if (afterComma && (ch === "}" || ch === "]")) return fail(i, FINDING_WORDS["json.trailingComma"]);
    if (ch === "'") return fail(i, FINDING_WORDS["json.singleQuote"]);
    if (ch === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) return fail(i, FINDING_WORDS["json.comment"]);
    return fail(i, localize(FINDING_WORDS["json.char"], { char: charAt(text, i) }));
  };

  /** End of the string starting at `i` (a quote), or an error. */
  const scanString = (start: number): number | JsonSyntaxError => {
    let j = start + 1;
    for (;;) {
      if (j >= text.length) return fail(j, FINDING_WORDS["json.end"]);
      const ch = text[j];
      if (ch === '"') return j + 1;
      if (ch === "\\") {
        const e = text[j + 1];
        if (e !== undefined && ESCAPES.has(e)) j += 2;
        else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) j += 6;
        else if (e === undefined || (e === "u" && /^[0-9a-fA-F]{0,3}$/.test(text.slice(j + 2)))) return fail(text.length, FINDING_WORDS["json.end"]);
        else return fail(j, FINDING_WORDS["json.escape"]);
      } else if (text.charCodeAt(j) < 0x20) {
        return fail(j, FINDING_WORDS["json.control"]);
      } else j++;
    }
  };

  const scanNumber = (start: number): number | JsonSyntaxError => {
    const rest = text.slice(start);
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(rest);
    // "-", "1.", "1e+": a number cut short; at the very end of the text that is "the file ends too early"
    const loose = /^-?\d*(?:\.\d*)?(?:[eE][+-]?\d*)?/.exec(rest)![0];
    if (!m || (loose.length > m[0].length && /[.eE+-]$/.test(loose))) {
      return start + loose.length >= text.length ? fail(text.length, FINDING_WORDS["json.end"]) : fail(start, FINDING_WORDS["json.number"]);
    }
    return start + m[0].length;
  };

  type State = "value" | "valueOrClose" | "keyOrClose" | "key" | "colon" | "after";
  const stack: string[] = [];
  let state: State = "value";
  let afterComma = false;
  let i = 0;
  for (;;) {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
    const ch = text[i];
    if (state === "after") {
      if (stack.length === 0) return i >= text.length ? null : fail(i, FINDING_WORDS["json.trailing"]);
      const top = stack[stack.length - 1];
      if (ch === ",") {
        state = top === "{" ? "key" : "value";
        afterComma = true;
        i++;
      } else if ((ch === "}" && top === "{") || (ch === "]" && top === "[")) {
        stack.pop();
        i++;
      } else return unexpected(i, false);
      continue;
    }
    if (state === "colon") {
      if (ch !== ":") return unexpected(i, false);
      state = "value";
      i++;
      continue;
    }
    if (state === "keyOrClose" || state === "key") {
      if (ch === "}" && state === "keyOrClose") {
        stack.pop();
        state = "after";
        i++;
      } else if (ch === '"') {
        const end = scanString(i);
        if (typeof end !== "number") return end;
        i = end;
        state = "colon";
      } else return unexpected(i, afterComma);
      afterComma = false;
      continue;
    }
    // state is value or valueOrClose
    if (ch === "]" && state === "valueOrClose") {
      stack.pop();
      state = "after";
      i++;
    } else if (ch === "{" || ch === "[") {
      stack.push(ch);
      state = ch === "{" ? "keyOrClose" : "valueOrClose";
      i++;
    } else if (ch === '"' || ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) {
      const end = ch === '"' ? scanString(i) : scanNumber(i);
      if (typeof end !== "number") return end;
      i = end;
      state = "after";
    } else if (ch === "t" || ch === "f" || ch === "n") {
      const word = ch === "t" ? "true" : ch === "f" ? "false" : "null";
      for (let k = 0; k < word.length; k++) {
        if (text[i + k] !== word[k]) return unexpected(i + k, false);
      }
      i += word.length;
      state = "after";
    } else return unexpected(i, afterComma);
    afterComma = false;
  }
}

// --- where a value is in the text ----------------------------------------------------------------------------

/** Where each value of a (valid) JSON text starts and ends, by its path text (`goals[2].target`). */
export interface JsonSpans {
  get(path: string): { start: number; end: number } | undefined;
}

/**
 * The spans of every value in `text`, which JSON.parse accepted. Iterative (a deeply nested file cannot overflow
 * the stack) and lazy: nothing is scanned until a finding asks for a place.
 */
export function jsonSpans(text: string): JsonSpans {
  let map: Map<string, { start: number; end: number }> | null = null;
  const build = () => {
    const out = new Map<string, { start: number; end: number }>();
    type Frame = { kind: "{" | "["; path: string; index: number; key: string | null; start: number };
    const stack: Frame[] = [];
    const childPath = (f: Frame | undefined): string => {
      if (!f) return "";
      if (f.kind === "[") return `${f.path}[${f.index}]`;
      return f.path === "" ? (f.key ?? "") : `${f.path}.${f.key ?? ""}`;
    };
    let i = 0;
    let expectKey = false;
    const skipWs = () => {
      while (i < text.length && WS.has(text.charCodeAt(i))) i++;
    };
    const stringEnd = (from: number) => {
      let j = from + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      return j + 1;
    };
    const closeValue = (start: number, end: number) => {
      out.set(childPath(stack[stack.length - 1]) || "(root)", { start, end });
    };
    while (i < text.length) {
      skipWs();
      const ch = text[i];
      if (ch === undefined) break;
      const top = stack[stack.length - 1];
      if (ch === ",") {
        if (top?.kind === "[") top.index++;
        else expectKey = true;
        i++;
        continue;
      }
      if (ch === ":") {
        i++;
        continue;
      }
      if (ch === "}" || ch === "]") {
        const frame = stack.pop()!;
        i++;
        out.set(frame.path || "(root)", { start: frame.start, end: i });
        continue;
      }
      if (expectKey && ch === '"') {
        const end = stringEnd(i);
        try {
          top!.key = JSON.parse(text.slice(i, end)) as string;
        } catch {
          top!.key = text.slice(i + 1, end - 1);
        }
        i = end;
        expectKey = false;
        continue;
      }
      if (ch === "{" || ch === "[") {
        stack.push({ kind: ch, path: childPath(top), index: 0, key: null, start: i });
        expectKey = ch === "{";
        i++;
        continue;
      }
      const start = i;
      if (ch === '"') i = stringEnd(i);
      else while (i < text.length && !WS.has(text.charCodeAt(i)) && !",}]".includes(text.charAt(i))) i++;
      closeValue(start, i);
    }
    return out;
  };
  return {
    get(path) {
      map ??= build();
      return map.get(path);
    },
  };
}

/**
 * Findings of a plan that came from JSON `text` (validatePlan's, placed by entity/row/field), with the line and
 * column of their value in that text, as an editor counts them. Findings already placed are left as they are.
 */
export function placeInJson(findings: readonly Finding[], text: string): Finding[] {
  const body = text.replace(/^\uFEFF/, "");
  const spans = jsonSpans(body);
  return findings.map((f) => {
    const l = f.location as FindingLocation & { line?: number };
    if (l.line !== undefined) return f;
    const path: PropertyKey[] = [l.entity];
    if (l.row !== undefined) path.push(l.row);
    if (l.field !== undefined) path.push(l.field);
    return { ...f, location: withTextPlace(l, body, spans, path) };
  });
}

// --- schema -----------------------------------------------------------------------------------------------

function typeWord(x: unknown): Localized {
  if (x === null) return FINDING_WORDS["type.null"];
  if (Array.isArray(x)) return FINDING_WORDS["type.array"];
  switch (typeof x) {
    case "number":
      return FINDING_WORDS["type.number"];
    case "string":
      return FINDING_WORDS["type.string"];
    case "boolean":
      return FINDING_WORDS["type.boolean"];
    case "object":
      return FINDING_WORDS["type.object"];
    case "undefined":
      return FINDING_WORDS["type.undefined"];
    default:
      return FINDING_WORDS["type.other"];
  }
}

function expectedWord(expected: string): Localized {
  const key = `type.${expected}` as keyof typeof FINDING_WORDS;
  return FINDING_WORDS[key] ?? { "zh-CN": expected, "en-US": expected };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (typeof v !== "object" || v === null || typeof key === "symbol") return undefined;
    v = Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return v;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

function shortJson(x: unknown): string {
  try {
    return clip(JSON.stringify(x) ?? String(x));
  } catch {
    return typeof x;
  }
}

export function pathText(path: readonly PropertyKey[]): string {
  let s = "";
  for (const key of path) {
    if (typeof key === "number") s += `[${key}]`;
    else s += s === "" ? String(key) : `.${String(key)}`;
  }
  return s === "" ? "(root)" : s;
}

/** The model place of a JSON path: goals[2].target → { entity: "goals", row: 2, field: "target" }. */
export function locationOfPath(path: readonly PropertyKey[]): FindingLocation {
  const [first, second, third] = path;
  if (typeof first === "string" && LIST_ENTITIES.has(first)) {
    const l: FindingLocation = { entity: first as EntityName };
    if (typeof second === "number") {
      l.row = second;
      if (typeof third === "string") l.field = third;
    }
    return l;
  }
  if (typeof first === "string" && RECORD_ENTITIES.has(first)) {
    const l: FindingLocation = { entity: first as EntityName };
    if (typeof second === "string") l.field = second;
    return l;
  }
  // schemaVersion and unknown top-level keys belong to the plan as a whole, shown on the Overview
  return typeof first === "string" ? { entity: "header", field: first } : { entity: "header" };
}

function problemOf(issue: z.core.$ZodIssue, input: unknown, raw: string | undefined): Localized {
  const actual = valueAt(input, issue.path);
  switch (issue.code) {
    case "invalid_type":
      // 1e309 parses to Infinity: it is a number, too large for one, not "a number where a number belongs".
      if (typeof actual === "number" && !Number.isFinite(actual)) return localize(FINDING_WORDS["schema.tooLarge"], { value: raw ?? String(actual) });
      return actual === undefined
        ? localize(FINDING_WORDS["schema.required"], { expected: expectedWord(issue.expected) })
        : localize(FINDING_WORDS["schema.expected"], { expected: expectedWord(issue.expected), received: typeWord(actual) });
    case "invalid_value": {
      const allowed = issue.values.map((v) => String(v)).join(", ");
      if (actual === undefined) return localize(FINDING_WORDS["schema.requiredOneOf"], { allowed });
      return localize(FINDING_WORDS["schema.oneOf"], { value: typeof actual === "string" ? clip(actual) : shortJson(actual), allowed });
    }
    case "invalid_format":
      return localize(FINDING_WORDS["schema.date"], { value: typeof actual === "string" ? clip(actual) : shortJson(actual) });
    default:
      return localize(FINDING_WORDS["schema.other"], { detail: issue.message });
  }
}

function subjectOf(location: FindingLocation, input: unknown): Localized {
  if (location.row === undefined) return ENTITY_TABLES[location.entity] ?? { "zh-CN": location.entity, "en-US": location.entity };
  const id = valueAt(input, [location.entity, location.row, "id"]);
  return entitySubject(location.entity, location.row, typeof id === "string" ? id : undefined);
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** A finding's place in the file's text, when the text is known: line and column as an editor counts them. */
function withTextPlace(location: FindingLocation, text: string | undefined, spans: JsonSpans | null, path: readonly PropertyKey[]): FindingLocation {
  if (text === undefined || spans === null) return location;
  // A missing field is placed at the object that lacks it.
  for (let n = path.length; n >= 0; n--) {
    const span = spans.get(pathText(path.slice(0, n)));
    if (span) return { ...location, ...lineColumn(text, span.start) } as FindingLocation;
  }
  return location;
}

/**
 * A plan from any value (e.g. the result of JSON.parse): the Plan with defaults filled in, or findings. With the
 * JSON `text` it came from, each finding's location also carries its line and column.
 */
export function parsePlan(input: unknown, fileName?: string, text?: string): ParseResult {
  const spans = text === undefined ? null : jsonSpans(text);
  if (!isPlainObject(input)) {
    const problem = FINDING_WORDS["schema.notObject"];
    return { ok: false, findings: [finding("PLAN_SCHEMA", withTextPlace({ entity: "header" }, text, spans, []), "PLAN_SCHEMA", { path: "(root)", problem }, undefined, fileName)] };
  }
  const version: unknown = Object.prototype.hasOwnProperty.call(input, "schemaVersion") ? input.schemaVersion : undefined;
  if (typeof version !== "number" || !SUPPORTED_SCHEMA_VERSIONS.includes(version)) {
    const params = { found: shortJson(version), supported: SUPPORTED_SCHEMA_VERSIONS.join(", ") };
    const id = version === undefined ? "PLAN_SCHEMA_VERSION.missing" : "PLAN_SCHEMA_VERSION";
    const f = finding("PLAN_SCHEMA_VERSION", withTextPlace({ entity: "header", field: "schemaVersion" }, text, spans, ["schemaVersion"]), id, params, undefined, fileName);
    return { ok: false, findings: [f] };
  }
  let result: ReturnType<typeof planSchema.safeParse>;
  try {
    result = planSchema.safeParse(input);
  } catch {
    // e.g. an object whose getter throws; a JSON value never does this
    const problem = FINDING_WORDS["schema.unreadable"];
    return { ok: false, findings: [finding("PLAN_SCHEMA", { entity: "header" }, "PLAN_SCHEMA", { path: "(root)", problem }, undefined, fileName)] };
  }
  if (result.success) return { ok: true, plan: result.data };
  const issues = result.error.issues;
  const findings = issues.slice(0, MAX_SCHEMA_FINDINGS).map((issue) => {
    const location = locationOfPath(issue.path);
    const span = spans?.get(pathText(issue.path));
    const raw = span && text !== undefined ? text.slice(span.start, span.end) : undefined;
    const problem = problemOf(issue, input, raw);
    return finding("PLAN_SCHEMA", withTextPlace(location, text, spans, issue.path), "PLAN_SCHEMA", { path: pathText(issue.path), problem }, subjectOf(location, input), fileName);
  });
  if (issues.length > MAX_SCHEMA_FINDINGS) {
    findings.push(finding("PLAN_SCHEMA", { entity: "header" }, "PLAN_SCHEMA.more", { count: issues.length - MAX_SCHEMA_FINDINGS }, undefined, fileName));
  }
  return { ok: false, findings };
}

/** A plan from the text of a .plan.json file. A UTF-8 byte-order mark (Windows Notepad) is accepted. */
export function parsePlanJson(text: string, fileName?: string): ParseResult {
  const body = typeof text === "string" ? text.replace(/^\uFEFF/, "") : "";
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const at = locateJsonSyntaxError(body) ?? {
      line: 1,
      column: 1,
      reason: localize(FINDING_WORDS["schema.other"], { detail: e instanceof Error ? e.message : String(e) }),
    };
    const place = { entity: "header", line: at.line, column: at.column } as FindingLocation;
    const f = finding("PLAN_JSON_SYNTAX", place, "PLAN_JSON_SYNTAX", { line: at.line, column: at.column, reason: at.reason }, undefined, fileName);
    return { ok: false, findings: [f] };
  }
  return parsePlan(value, fileName, body);
}

// --- JSON Schema ------------------------------------------------------------------------------------------

export const PLAN_JSON_SCHEMA_ID = "urn:pipbook:plan:schema-version-1";

/**
 * The JSON Schema of a plan file as a person writes it (zod's input side: fields with defaults are optional).
 * `npm run schema` writes it to schema/plan.schema.json; a test keeps that file equal to this.
 */
export function planJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(planSchema, { io: "input" }) as Record<string, unknown>;
  return {
    $schema,
    $id: PLAN_JSON_SCHEMA_ID,
    title: "PIPbook plan file · 绩效改进计划文件",
    description: `A Performance Improvement Plan (all seven stages), schemaVersion ${SCHEMA_VERSION}. Generated from src/core/model.ts by npm run schema; do not edit by hand.`,
    ...rest,
  };
}
