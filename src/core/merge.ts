/**
 * "Nothing entered is lost": merging the plan being written (incoming) with the plan the workbook holds now
 * (existing, as the reader read it), optionally knowing the plan the incoming one was edited from (base).
 *
 * - Goals, root causes, actions: by id. A row whose id only the workbook has is kept. With a base, a row the
 *   incoming side deleted (its id was in the base) is dropped, and a row the incoming side left as it was in the
 *   base takes the workbook's version (edited in Excel meanwhile).
 * - Tracking, adjustments, sign-off, gaps, resources, responsibilities: by row content, as multisets. Without a
 *   base: every workbook row that the incoming plan does not have is appended. With a base: incoming − (base −
 *   workbook) + ((workbook − base) − incoming), so rows typed in Excel since the base are added (once, even when
 *   the incoming plan has them too), rows deleted in Excel stay deleted, and rows the incoming side deleted are
 *   not resurrected. Without a base, a signed sign-off row in the
 *   workbook replaces an unsigned incoming row of the same role (the signature wins).
 * - Header and thresholds: the incoming plan's (with a base: a field the incoming side did not change keeps the
 *   workbook's value). Evaluation: field by field, an empty incoming field keeps the workbook's value.
 *
 * Pure: plain values in, plain values out. Rows are compared by content with numbers to 15 significant digits
 * (what a spreadsheet cell keeps), so a value that went through Excel still matches.
 */
import type { Plan } from "./model";

export interface MergeResult {
  plan: Plan;
  /** Rows taken from the workbook that the incoming plan did not have (WriteReport.keptRows). */
  keptRows: number;
}

type Row = Record<string, unknown>;

const ID_ENTITIES = ["goals", "causes", "actions"] as const;
const CONTENT_ENTITIES = ["gaps", "resources", "responsibilities", "tracking", "adjustments", "signOff"] as const;

function canonical(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? Number(value.toPrecision(15)) : String(value);
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Row)[key]);
    return out;
  }
  return value;
}

/** The content key of a row: equal for rows a person would call the same. */
export function rowKey(row: unknown): string {
  return JSON.stringify(canonical(row));
}

/** The plan's entities that are lists of rows (goals, tracking …), as opposed to one record (header …). */
type ListKey = { [K in keyof Plan]: Plan[K] extends readonly unknown[] ? K : never }[keyof Plan];
type RecordKey = "header" | "thresholds" | "evaluation";

function rows(plan: Plan | null | undefined, entity: ListKey): Row[] {
  const list: readonly unknown[] | undefined = plan?.[entity];
  return Array.isArray(list) ? list.filter((r): r is Row => r !== null && typeof r === "object") : [];
}

function counts(list: readonly object[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of list) {
    const k = rowKey(row);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Multiset difference a − b by row content (rowKey), in a's order. */
export function minus<T extends object>(a: readonly T[], b: readonly T[]): T[] {
  const left = counts(b);
  const out: T[] = [];
  for (const row of a) {
    const k = rowKey(row);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(row);
  }
  return out;
}

function idOf(row: Row): string | null {
  const id = row.id;
  return typeof id === "string" && id.trim() !== "" ? id : null;
}

function mergeById(incoming: Row[], existing: Row[], base: Row[] | null): { rows: Row[]; kept: number } {
  const existingById = new Map<string, Row>();
  for (const row of existing) {
    const id = idOf(row);
    if (id !== null && !existingById.has(id)) existingById.set(id, row);
  }
  const baseById = new Map<string, Row>();
  for (const row of base ?? []) {
    const id = idOf(row);
    if (id !== null && !baseById.has(id)) baseById.set(id, row);
  }
  const out: Row[] = [];
  const incomingIds = new Set<string>();
  for (const row of incoming) {
    const id = idOf(row);
    if (id !== null) incomingIds.add(id);
    const before = id !== null ? baseById.get(id) : undefined;
    const now = id !== null ? existingById.get(id) : undefined;
    out.push(before && now && rowKey(before) === rowKey(row) ? now : row);
  }
  let kept = 0;
  const incomingKeys = counts(incoming);
  const baseKeys = counts(base ?? []);
  for (const row of existing) {
    const id = idOf(row);
    if (id !== null) {
      // The incoming side has this id (merged above) or deleted it (it was in the base).
      if (incomingIds.has(id) || baseById.has(id)) continue;
    } else {
      // Without an id a row is matched by content.
      const k = rowKey(row);
      const n = incomingKeys.get(k) ?? 0;
      if (n > 0) {
        incomingKeys.set(k, n - 1);
        continue;
      }
      if (baseKeys.get(k)) continue;
    }
    // Only the workbook has it (a second row with the same id too: validation reports the duplicate).
    out.push(row);
    kept++;
  }
  return { rows: out, kept };
}

function isSigned(row: Row): boolean {
  return typeof row.date === "string" && row.date !== "";
}

function isBlankSignature(row: Row): boolean {
  return !isSigned(row) && (row.comment === "" || row.comment === null || row.comment === undefined);
}

function mergeByContent(entity: string, incoming: Row[], existing: Row[], base: Row[] | null): { rows: Row[]; kept: number } {
  if (base) {
    const deletedInWorkbook = minus(base, existing);
    // Rows added in the workbook since the base that the incoming plan does not already carry.
    const addedInWorkbook = minus(minus(existing, base), incoming);
    return { rows: [...minus(incoming, deletedInWorkbook), ...addedInWorkbook], kept: addedInWorkbook.length };
  }
  const extra = minus(existing, incoming);
  if (entity !== "signOff") return { rows: [...incoming, ...extra], kept: extra.length };
  const out = [...incoming];
  const appended: Row[] = [];
  for (const row of extra) {
    const slot = isSigned(row) ? out.findIndex((r) => r.role === row.role && isBlankSignature(r)) : -1;
    if (slot >= 0) out[slot] = row;
    else appended.push(row);
  }
  return { rows: [...out, ...appended], kept: extra.length };
}

function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

function mergeRecord(incoming: Row, existing: Row | undefined, base: Row | undefined, emptyKeeps: boolean): Row {
  if (!existing) return incoming;
  const out: Row = { ...incoming };
  for (const key of Object.keys(existing)) {
    const mine = incoming[key];
    const theirs = existing[key];
    if (base && key in base && rowKey(base[key]) === rowKey(mine) && rowKey(theirs) !== rowKey(mine)) out[key] = theirs;
    else if (emptyKeeps && isEmptyValue(mine) && !isEmptyValue(theirs)) out[key] = theirs;
  }
  return out;
}

/**
 * Merges `incoming` (the plan being written) with `existing` (what the workbook holds now), `base` being the plan
 * incoming was edited from, if known. Returns the plan to write and how many workbook rows were kept.
 */
export function mergePlans(incoming: Plan, existing: Plan | null, base: Plan | null = null): MergeResult {
  if (!existing) return { plan: incoming, keptRows: 0 };
  // Rows of both plans, merged as plain rows: the result has the incoming plan's shape, row for row one of theirs.
  const out: Record<string, unknown> = { ...incoming };
  let keptRows = 0;
  for (const entity of ID_ENTITIES) {
    const merged = mergeById(rows(incoming, entity), rows(existing, entity), base ? rows(base, entity) : null);
    out[entity] = merged.rows;
    keptRows += merged.kept;
  }
  for (const entity of CONTENT_ENTITIES) {
    const merged = mergeByContent(entity, rows(incoming, entity), rows(existing, entity), base ? rows(base, entity) : null);
    out[entity] = merged.rows;
    keptRows += merged.kept;
  }
  const record = (plan: Plan | null, key: RecordKey): Row | undefined => plan?.[key];
  out.header = mergeRecord(record(incoming, "header") ?? {}, base ? record(existing, "header") : undefined, record(base, "header"), false);
  out.thresholds = mergeRecord(record(incoming, "thresholds") ?? {}, base ? record(existing, "thresholds") : undefined, record(base, "thresholds"), false);
  out.evaluation = mergeRecord(record(incoming, "evaluation") ?? {}, record(existing, "evaluation"), record(base, "evaluation"), true);
  return { plan: out as Plan, keptRows };
}

