/**
 * The authoring form of the UI strings (src/web/locales/<area>.ts): key → [zh, en], the two languages side by side so
 * that a string cannot be added in one language only (the type requires both; test/unit/i18n.test.ts checks that none
 * is empty and that both use the same placeholders). Placeholders are `{name}`.
 *
 * Where English needs a plural, the English side is `{ one, other }` (i18next plural forms, chosen by the `count`
 * variable, or `n` when no `count` is given); Chinese has one form.
 */
export type PluralForms = { readonly one: string; readonly other: string };
export type Entry = readonly [zh: string, en: string | PluralForms];
export type Dict = Record<string, Entry>;

/** One language of the whole tree, `{ area: { key: text } }`: what `virtual:reman-locale/<zh|en>` exports (scripts/vite-locales.ts). */
export type LanguageTree = Record<string, Record<string, string | PluralForms>>;
