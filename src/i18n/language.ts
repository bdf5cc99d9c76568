/**
 * The languages PIPbook speaks — declared once. The plan model (src/core/model.ts: `header.language`), the pane,
 * the CLI and every message table take their `Language` from here, so i18n imports nothing of ours.
 */
export const LANGUAGES = ["zh-CN", "en-US"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every language, side by side. */
export type Localized = Record<Language, string>;
