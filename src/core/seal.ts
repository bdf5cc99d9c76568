/**
 * The seal of a signed plan (issue 17, item 1): when the employee and the manager have both dated the Sign-off
 * table, the content they signed — header, performance gaps, goals, root causes, actions, resources and
 * responsibilities — is put in a canonical form (JSON, keys sorted) and hashed (SHA-256). The workbook keeps that
 * form and its hash; a later read compares the plan with it field by field.
 *
 * Not sealed, because they are meant to change while the plan runs: the tracking log, the adjustments (the
 * documented way to change a signed plan), the evaluation, the thresholds, the sign-off lines themselves, and
 * three fields that record progress rather than what was agreed: an action's status, a resource's "delivered"
 * and the workbook's language (a language switch rewrites labels, not content).
 *
 * Pure: no Office, no clock. Dates are ISO strings.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { at as element } from "./indexed";
import type { Plan } from "./model";

export const SEALED_LISTS = ["gaps", "goals", "causes", "actions", "resources", "responsibilities"] as const;
export type SealedList = (typeof SEALED_LISTS)[number];
export type SealedEntity = "header" | SealedList;

/** Fields left out of the seal, per entity (see the module comment). */
export const UNSEALED_FIELDS: Partial<Record<SealedEntity, readonly string[]>> = {
  header: ["language"],
  actions: ["status"],
  resources: ["delivered"],
};

/** Lists whose rows are matched by their id (a goal moved down is the same goal); the others by position. */
const KEYED: ReadonlySet<SealedList> = new Set(["goals", "causes", "actions"]);

type Row = Record<string, unknown>;

/** What is sealed: the signing date and the signed content. */
export interface SealContent {
  format: 1;
  /** The later of the employee's and the manager's sign-off dates. */
  signedOn: string;
  header: Row;
  lists: Record<SealedList, Row[]>;
}

export interface Seal {
  content: SealContent;
  /** The canonical JSON of `content`. */
  json: string;
  /** SHA-256 of `json`, hex. */
  hash: string;
}

/**
 * JSON with object keys sorted at every level: the same content always gives the same text and hash. U+FFFE and
 * U+FFFF are escaped as well (JSON.stringify leaves them as they are, and XML 1.0 — every .xlsx part — cannot hold
 * them), so the seal stored in the workbook survives an .xlsx unchanged.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function sealHash(json: string): string {
  return bytesToHex(sha256(utf8ToBytes(json)));
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The signing date: the later of the latest employee and the latest manager sign-off dates; null unless both signed. */
export function signingDate(plan: Pick<Plan, "signOff">): string | null {
  const latest = (role: string): string | null => {
    const dates = (Array.isArray(plan.signOff) ? plan.signOff : [])
      .filter((s) => s?.role === role && typeof s.date === "string" && ISO.test(s.date))
      .map((s) => s.date as string)
      .sort();
    return dates.at(-1) ?? null;
  };
  const employee = latest("employee");
  const manager = latest("manager");
  if (employee === null || manager === null) return null;
  return employee > manager ? employee : manager;
}

function sealedRow(entity: SealedEntity, row: unknown): Row {
  const out: Row = {};
  if (row === null || typeof row !== "object") return out;
  const skip = new Set(UNSEALED_FIELDS[entity] ?? []);
  for (const [key, value] of Object.entries(row as Row)) if (!skip.has(key)) out[key] = value ?? null;
  return out;
}

/** The signed content of a plan, as it would be sealed on `signedOn`. */
export function sealContent(plan: Plan, signedOn: string): SealContent {
  const lists = {} as Record<SealedList, Row[]>;
  for (const entity of SEALED_LISTS) {
    const rows: unknown = plan[entity];
    lists[entity] = (Array.isArray(rows) ? rows : []).map((r) => sealedRow(entity, r));
  }
  return { format: 1, signedOn, header: sealedRow("header", plan.header), lists };
}

export function sealOfContent(content: SealContent): Seal {
  const json = canonicalJson(content);
  return { content, json, hash: sealHash(json) };
}

/** The seal of a signed plan; null while the employee or the manager has not signed. */
export function sealPlan(plan: Plan): Seal | null {
  const signedOn = signingDate(plan);
  return signedOn === null ? null : sealOfContent(sealContent(plan, signedOn));
}

/** Parses a stored seal: null when the JSON is not a seal or its hash does not match (edited by hand). */
export function parseSeal(json: string, hash: string): Seal | null {
  if (sealHash(json) !== hash) return null;
  try {
    const content = JSON.parse(json) as SealContent;
    if (content?.format !== 1 || typeof content.signedOn !== "string" || typeof content.header !== "object" || typeof content.lists !== "object") return null;
    for (const entity of SEALED_LISTS) if (!Array.isArray(content.lists[entity])) return null;
    return { content, json, hash };
  } catch {
    return null;
  }
}

/** One difference between the sealed content and the plan now. */
export type SealChange =
  /** A field whose value differs; `row` is the row in the plan now (absent for the header). */
  | { kind: "changed"; entity: SealedEntity; row?: number; field: string; was: unknown; now: unknown }
  /** A row that was not there when signed (row: in the plan now). */
  | { kind: "added"; entity: SealedList; row: number; id?: string }
  /** A signed row that is gone (sealedRow: its position when signed). */
  | { kind: "removed"; entity: SealedList; sealedRow: number; id?: string };

/** Equal as signed (their canonical JSON); two strings are equal exactly when their JSON is, so they skip it. */
const same = (a: unknown, b: unknown) => a === b || (typeof a === "string" && typeof b === "string" ? false : canonicalJson(a ?? null) === canonicalJson(b ?? null));

function fieldChanges(entity: SealedEntity, was: Row, now: Row, row?: number): SealChange[] {
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((k) => !(UNSEALED_FIELDS[entity] ?? []).includes(k));
  return keys.filter((k) => !same(was[k], now[k])).map((field) => ({ kind: "changed" as const, entity, row, field, was: was[field] ?? null, now: now[field] ?? null }));
}

/** The differences between what was signed and the plan now, in entity order. */
export function compareWithSeal(content: SealContent, plan: Plan): SealChange[] {
  const now = sealContent(plan, content.signedOn);
  const changes: SealChange[] = fieldChanges("header", content.header, now.header);
  for (const entity of SEALED_LISTS) {
    const sealed = content.lists[entity];
    const current = now.lists[entity];
    if (KEYED.has(entity)) {
      const idOf = (r: Row) => String(r.id ?? "");
      const currentIndex = new Map<string, number>();
      current.forEach((r, i) => {
        if (!currentIndex.has(idOf(r))) currentIndex.set(idOf(r), i);
      });
      const seen = new Set<number>();
      sealed.forEach((r, i) => {
        const at = currentIndex.get(idOf(r));
        if (at === undefined || seen.has(at)) {
          changes.push({ kind: "removed", entity, sealedRow: i, id: idOf(r) });
          return;
        }
        seen.add(at);
        changes.push(...fieldChanges(entity, r, element(current, at, "current row"), at));
      });
      current.forEach((r, i) => {
        if (!seen.has(i)) changes.push({ kind: "added", entity, row: i, id: idOf(r) });
      });
      continue;
    }
    for (let i = 0; i < Math.max(sealed.length, current.length); i++) {
      if (i >= current.length) changes.push({ kind: "removed", entity, sealedRow: i });
      else if (i >= sealed.length) changes.push({ kind: "added", entity, row: i });
      else changes.push(...fieldChanges(entity, element(sealed, i, "sealed row"), element(current, i, "current row"), i));
    }
  }
  return changes;
}

/** Whether the plan's sign-off is newer than the seal: both signed again, so the next save seals again. */
export function resigned(content: SealContent, plan: Pick<Plan, "signOff">): boolean {
  const date = signingDate(plan);
  return date !== null && date > content.signedOn;
}
