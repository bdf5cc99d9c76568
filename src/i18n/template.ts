/**
 * The one placeholder filler: `{name}` in a message template becomes params[name]. A value that reads differently
 * per language (a pair such as a list of header names) takes the `language` given. A missing parameter stays
 * visible as `{name}` rather than vanishing, so a translator's typo shows instead of an empty gap.
 */
import type { Language, Localized } from "./language";

export type TemplateParam = string | number | Localized;

const PLACEHOLDER = /\{(\w+)\}/g;

export function fillTemplate(template: string, params: Readonly<Record<string, TemplateParam>>, language?: Language): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value !== "object") return String(value);
    if (language === undefined) throw new Error(`fillTemplate: {${name}} is a per-language value; pass the language`);
    return value[language];
  });
}
