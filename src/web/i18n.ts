// the ES module (antd/locale/* are CommonJS and bring antd/lib helpers into the entry chunk)
import zhCN from 'antd/es/locale/zh_CN';
import i18next, { type FormatterModule, type TFunction as I18nextT } from 'i18next';
import { createElement, useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import { clauseRef } from './clause';
import type { Area, MessageKey } from './locales';
import type { LanguageTree } from './locales/types';
// Chinese comes with the start bundle; English is its own chunk, loaded when asked for (loadLocale, issue 16 item 18)
import zhTree from 'virtual:reman-locale/zh';

export type { MessageKey } from './locales';

/**
 * The web app's one i18n (issue 11 item 2): i18next + react-i18next over the resource tree of src/web/locales/ (one
 * namespace per area, zh-CN first, English complete). Pages call `const { t } = useLocale()` or `const t = useT()` and
 * `t('area.key', { name })`; a server or domain text that comes in both languages is chosen with `bi(zh, en)` or
 * `pick({ zh, en })`. Nothing else in src/web compares the locale (test/unit/i18n.test.ts): what depends on the
 * language besides strings (Intl locale, dayjs, list separator, title letter spacing) is in `LOCALE_TRAITS` below.
 */

/** UI locales. Chinese is the default and comes first everywhere. */
export type Locale = 'zh' | 'en';

export const LOCALE_STORAGE_KEY = 'reman_locale';

/** Everything besides strings that depends on the language, in one place. */
export const LOCALE_TRAITS = {
  zh: { lng: 'zh-CN', intl: 'zh-CN', dayjs: 'zh-cn', htmlLang: 'zh-CN', listSep: '、', clauseSep: '；', titleLetterSpacing: 2, english: false, other: 'en' },
  en: { lng: 'en', intl: 'en-GB', dayjs: 'en', htmlLang: 'en', listSep: ', ', clauseSep: '; ', titleLetterSpacing: 0, english: true, other: 'zh' },
} as const satisfies Record<Locale, { lng: string; intl: string; dayjs: string; htmlLang: string; listSep: string; clauseSep: string; titleLetterSpacing: number; english: boolean; other: Locale }>;

const LNG_TO_LOCALE: Record<string, Locale> = { 'zh-CN': 'zh', en: 'en' };

/** key → its area (namespace); keys are unique across areas. */
const NAMESPACE_OF = new Map<string, Area>();

/** One language's tree as i18next resources (one namespace per area), clause references in that language's style. */
function resourcesOf(locale: Locale, tree: LanguageTree): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [area, dict] of Object.entries(tree)) {
    out[area] = {};
    for (const [key, text] of Object.entries(dict)) {
      if (locale === 'zh') NAMESPACE_OF.set(key, area as Area);
      // clause references in one style, glossed in English: 七(二)2 / VII(2)2 (clause.ts, issue 16 item 14)
      if (typeof text === 'string') out[area][key] = clauseRef(text, locale);
      else {
        out[area][`${key}_one`] = clauseRef(text.one, locale);
        out[area][`${key}_other`] = clauseRef(text.other, locale);
      }
    }
  }
  return out;
}

/** The languages other than Chinese, each its own chunk (scripts/vite-locales.ts), with antd's words for it. */
const LOADERS: Record<Exclude<Locale, 'zh'>, () => Promise<{ tree: LanguageTree; antd: AntdLocale }>> = {
  en: async () => {
    const [tree, antd] = await Promise.all([import('virtual:reman-locale/en'), import('antd/es/locale/en_US')]);
    return { tree: tree.default, antd: antd.default };
  },
};

type AntdLocale = typeof zhCN;
/** antd's own words (pagination, empty lists, date pickers) per loaded language. */
export const ANTD_LOCALE: Partial<Record<Locale, AntdLocale>> = { zh: zhCN };
const LOADING = new Map<Locale, Promise<void>>();

/**
 * Makes a language's texts available (the first call for English fetches its chunk; Chinese is always there). The app
 * calls it before its first render for the stored language and before switching; `translate` in a language not loaded
 * yet falls back to Chinese.
 */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'zh') return Promise.resolve();
  let p = LOADING.get(locale);
  if (!p) {
    p = LOADERS[locale]().then(({ tree, antd }) => {
      for (const [area, bundle] of Object.entries(resourcesOf(locale, tree))) i18n.addResourceBundle(LOCALE_TRAITS[locale].lng, area, bundle, true, true);
      ANTD_LOCALE[locale] = antd;
    });
    p.catch(() => LOADING.delete(locale));
    LOADING.set(locale, p);
  }
  return p;
}

/** Placeholders that hold a year (2026, not 2,026). */
const YEAR_PLACEHOLDERS = new Set(['year', 'y']);
const GROUPED = new Map<string, Intl.NumberFormat>();

/** i18next's formatter, called for every placeholder (`alwaysFormat`): a number with thousand separators in the text's language. */
const numberFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value, _format, lng, options) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || YEAR_PLACEHOLDERS.has(String(options?.interpolationkey ?? ''))) return value;
    const intl = LOCALE_TRAITS[localeOf(lng)].intl;
    let f = GROUPED.get(intl);
    if (!f) GROUPED.set(intl, (f = new Intl.NumberFormat(intl, { maximumFractionDigits: 20 })));
    return f.format(value);
  },
};

/**
 * The app's i18next instance: synchronous (Chinese is bundled; another language is added by `loadLocale` before it is
 * switched to), placeholders `{name}`, React escapes.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).use(numberFormatter).init({
  resources: { 'zh-CN': resourcesOf('zh', zhTree) },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  ns: Object.keys(zhTree),
  defaultNS: 'common',
  keySeparator: false,
  nsSeparator: false,
  // every number put into a text is grouped the reader's way (12,345), except a year (issue 16 item 14)
  interpolation: { prefix: '{', suffix: '}', escapeValue: false, alwaysFormat: true },
  returnNull: false,
  initAsync: false,
  react: { useSuspense: false },
});

export type Vars = Record<string, string | number>;
export type TFunction = ((key: MessageKey, vars?: Vars) => string) & {
  /** A key built at run time (a state or code): its text when the dictionary has it, else `fallback` (default: the key's last part). */
  dyn: (key: string, fallback?: string) => string;
};

export function hasKey(key: string): key is MessageKey {
  return NAMESPACE_OF.has(key);
}

function localeOf(lng: string | undefined): Locale {
  return LNG_TO_LOCALE[lng ?? ''] ?? 'zh';
}

function lookup(fixed: I18nextT, key: string, vars?: Vars): string {
  const ns = NAMESPACE_OF.get(key);
  if (!ns) return key;
  // `{n}` drives the English plural forms when no `count` is given.
  const count = vars && vars.count === undefined && typeof vars.n === 'number' ? { count: vars.n } : undefined;
  return fixed(key, { ns, ...vars, ...count }) as string;
}

function makeT(locale: Locale): TFunction {
  const fixed = i18n.getFixedT(LOCALE_TRAITS[locale].lng);
  const t = ((key: MessageKey, vars?: Vars) => lookup(fixed, key, vars)) as TFunction;
  t.dyn = (key, fallback) => (NAMESPACE_OF.has(key) ? lookup(fixed, key) : (fallback ?? key.split('.').pop() ?? key));
  return t;
}

const T_OF: Record<Locale, TFunction> = { zh: makeT('zh'), en: makeT('en') };

/** Outside React (formatters, error texts): `translate(locale, 'common.unknownError')`. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  return T_OF[locale](key, vars);
}

/** A text that comes in both languages (from the server or src/domain): the current language's, else the other's. */
export function bilingual(locale: Locale, zh: string | null | undefined, en: string | null | undefined): string {
  const [first, second] = locale === 'en' ? [en, zh] : [zh, en];
  // a clause reference in a server or domain text in the reader's style (七(二)4 / VII(2)4)
  return clauseRef(first || second || '', locale);
}

/** Picks the label for the current locale from a domain `{zh, en}` entry. */
export function pick(locale: Locale, entry: { zh: string; en: string } | undefined, fallback = ''): string {
  return entry ? bilingual(locale, entry.zh, entry.en) : fallback;
}

export function readStoredLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    if (v === 'en' || v === 'zh') return v;
  } catch {
    // storage unavailable (privacy mode): fall through
  }
  return 'zh';
}

export interface LocaleValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: TFunction;
  /** `bi(r.message, r.messageEn)`: see `bilingual`. */
  bi: (zh: string | null | undefined, en: string | null | undefined) => string;
  /** `pick(rule)` for a `{zh, en}` entry. */
  pick: (entry: { zh: string; en: string } | undefined, fallback?: string) => string;
  /** `join(names)`: the language's list separator (、 or ", "). */
  join: (items: readonly string[]) => string;
  traits: (typeof LOCALE_TRAITS)[Locale];
}

const VALUES: Record<Locale, Omit<LocaleValue, 'setLocale'>> = {
  zh: values('zh'),
  en: values('en'),
};

function values(locale: Locale): Omit<LocaleValue, 'setLocale'> {
  const traits = LOCALE_TRAITS[locale];
  return {
    locale,
    t: T_OF[locale],
    bi: (zh, en) => bilingual(locale, zh, en),
    pick: (entry, fallback) => pick(locale, entry, fallback),
    join: (items) => items.join(traits.listSep),
    traits,
  };
}

function setLocale(l: Locale) {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, l);
  } catch {
    // ignore
  }
  void loadLocale(l).then(() => i18n.changeLanguage(LOCALE_TRAITS[l].lng));
}

/** Before the first render: the reader's stored language, loaded and switched to (Chinese needs nothing). */
export async function startLocale(): Promise<void> {
  const stored = readStoredLocale();
  if (stored === 'zh') return;
  try {
    await loadLocale(stored);
    await i18n.changeLanguage(LOCALE_TRAITS[stored].lng);
  } catch {
    // the chunk did not come: the app starts in Chinese, the switch offers English again
  }
}

/** Keeps the document's language and title in step with i18next's language. */
function DocumentLanguage() {
  const { locale, t } = useLocale();
  useEffect(() => {
    document.documentElement.lang = LOCALE_TRAITS[locale].htmlLang;
    document.title = t('app.title');
  }, [locale, t]);
  return null;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  return createElement(I18nextProvider, { i18n }, createElement(DocumentLanguage), children);
}

/** `const { t, locale, bi } = useLocale()`; re-renders when the language changes (react-i18next). */
export function useLocale(): LocaleValue {
  const { i18n: instance } = useTranslation();
  const locale = localeOf(instance.resolvedLanguage ?? instance.language);
  const change = useCallback((l: Locale) => setLocale(l), []);
  return useMemo(() => ({ ...VALUES[locale], setLocale: change }), [locale, change]);
}

/** `const t = useT(); t('menu.home')` */
export function useT(): TFunction {
  return useLocale().t;
}
