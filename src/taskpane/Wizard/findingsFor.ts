/**
 * Where a finding shows in the wizard: beside its field (entity + row + field, or a single-record entity's
 * field), on its item card (entity + row, no field), or in the step's list (anything else, e.g. "weights do not
 * add up to 100 %").
 */
import type { Finding } from "../../core/findings";
import type { EntityName } from "../../core/model";
import { ENTITY_SUBJECTS, ENTITY_TABLES } from "../../i18n/findings";
import type { UiLanguage } from "../../i18n/ui";
import type { FieldMessage } from "../fields/fields.types";

const SINGLE_RECORD: ReadonlySet<EntityName> = new Set(["header", "evaluation", "thresholds"]);

function isFieldLevel(f: Finding): boolean {
  return f.location.field !== undefined && (f.location.row !== undefined || SINGLE_RECORD.has(f.location.entity));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A finding's message without its subject ("Goal 2 (G2): the target …" → "The target …"): inside the form the
 * field or card already says where it is, and the sheet's or entity's name only confuses.
 */
export function formMessage(f: Finding, language: UiLanguage): string {
  const message = f.message[language];
  const names = ENTITY_SUBJECTS[f.location.entity];
  const subjects: string[] = [];
  if (f.location.row === undefined) {
    subjects.push(escapeRegExp((ENTITY_TABLES[f.location.entity] ?? names?.plain)?.[language] ?? f.location.entity));
  } else if (names) {
    for (const template of [names.withId, names.plain]) {
      if (!template) continue;
      subjects.push(
        escapeRegExp(template[language])
          .replace("\\{n\\}", String(f.location.row + 1))
          .replace("\\{id\\}", ".*?"),
      );
    }
  }
  const separator = language === "zh-CN" ? "：" : ": ";
  for (const subject of subjects) {
    const m = new RegExp(`^${subject}${separator}`).exec(message);
    if (m) {
      const rest = message.slice(m[0].length);
      return language === "en-US" ? rest.charAt(0).toUpperCase() + rest.slice(1) : rest;
    }
  }
  return message;
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
  return chosen ? { severity: chosen.severity, text: formMessage(chosen, language) } : undefined;
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
