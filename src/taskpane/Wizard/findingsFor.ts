/**
 * Where a finding shows in the wizard: beside its field (entity + row + field, or a single-record entity's
 * field), on its item card (entity + row, no field), or in the step's list (anything else, e.g. "weights do not
 * add up to 100 %").
 */
import type { Finding } from "../../core/findings";
import type { EntityName } from "../../core/model";
import type { UiLanguage } from "../../i18n/ui";
import type { FieldMessage } from "../fields/fields.types";

const SINGLE_RECORD: ReadonlySet<EntityName> = new Set(["header", "evaluation", "thresholds"]);

function isFieldLevel(f: Finding): boolean {
  return f.location.field !== undefined && (f.location.row !== undefined || SINGLE_RECORD.has(f.location.entity));
}

/** The message shown under one field: the first error, else the first warning. */
export function fieldMessage(
  findings: readonly Finding[],
  language: UiLanguage,
  entity: EntityName,
  row: number | undefined,
  field: string,
): FieldMessage | undefined {
  const here = findings.filter((f) => f.location.entity === entity && f.location.row === row && f.location.field === field);
  const chosen = here.find((f) => f.severity === "error") ?? here[0];
  return chosen ? { severity: chosen.severity, text: chosen.message[language] } : undefined;
}

/** Findings about a whole item (a goal without an action …). */
export function itemFindings(findings: readonly Finding[], entity: EntityName, row: number): Finding[] {
  return findings.filter((f) => f.location.entity === entity && f.location.row === row && f.location.field === undefined);
}

/** Findings of the step's entities that have no field or item to sit beside. */
export function stepFindings(findings: readonly Finding[], entities: readonly EntityName[]): Finding[] {
  return findings.filter((f) => entities.includes(f.location.entity) && !isFieldLevel(f) && f.location.row === undefined);
}

/** Every finding of the step's entities. */
export function allStepFindings(findings: readonly Finding[], entities: readonly EntityName[]): Finding[] {
  return findings.filter((f) => entities.includes(f.location.entity));
}
