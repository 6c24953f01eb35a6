import { APPLICATION_EVENTS, APPLICATION_STATES } from '../domain/announcement/workflow';
import { ENTERPRISE_TYPES, LISTING_STATUSES, REMAN_FIELDS, ROLES, labelOf, type Labelled } from '../domain/enterprise';
import { isRegionCode, PLAN_CITIES, PROVINCES, regionName } from '../domain/regions';
import { LOCALE_TRAITS, pick, bilingual, hasKey, translate, type Locale } from './i18n';

export const TIME_ZONE = 'Asia/Shanghai';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE_TRAITS[locale].intl, {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    dateTimeFormats.set(key, f);
  }
  return f;
}

/**
 * Date and time in China Standard Time, as `YYYY-MM-DD HH:mm:ss` in both locales
 * (ISO-like order is the government-document convention and reads fine in English).
 */
export function formatDateTime(value: string | number | Date | null | undefined, locale: Locale = 'zh', withTime = true): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const parts: Record<string, string> = {};
  for (const p of formatter(locale, withTime).formatToParts(d)) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return withTime ? `${date} ${parts.hour}:${parts.minute}:${parts.second}` : date;
}

export function formatDate(value: string | number | Date | null | undefined, locale: Locale = 'zh'): string {
  return formatDateTime(value, locale, false);
}

function label<V extends string>(options: readonly Labelled<V>[], value: string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  return labelOf(options, value as V, locale);
}

export const roleLabel = (role: string | null | undefined, locale: Locale) => label(ROLES, role, locale);
export const enterpriseTypeLabel = (v: string | null | undefined, locale: Locale) => label(ENTERPRISE_TYPES, v, locale);
export const listingStatusLabel = (v: string | null | undefined, locale: Locale) => label(LISTING_STATUSES, v, locale);
/** The nine fields of 规范条件 一(一) and 其他 (an application may name a type outside the nine: 「等」). */
// 其他 is spelled here as in APPLICATION_FIELDS (domain/announcement/form.ts): importing that file would pull zod
// (its schemas) into the entry chunk of every page (docs/ux.md "First load").
const OTHER_FIELD: readonly Labelled<string>[] = [{ value: 'other', zh: '其他', en: 'Other' }];
export const remanFieldLabel = (v: string | null | undefined, locale: Locale) => (v === 'other' ? label(OTHER_FIELD, v, locale) : label(REMAN_FIELDS, v, locale));

export function optionsOf<V extends string>(options: readonly Labelled<V>[], locale: Locale): { value: V; label: string }[] {
  return options.map((o) => ({ value: o.value, label: pick(locale, o) }));
}

/** Region name in the UI language; falls back to the server's name for codes the domain does not know. */
export function regionLabel(code: string | null | undefined, locale: Locale, serverName?: string | null): string {
  if (code && isRegionCode(code)) {
    try {
      return regionName(code, locale);
    } catch {
      // fall through
    }
  }
  return serverName || code || '—';
}

export function provinceOptions(locale: Locale): { value: string; label: string }[] {
  return PROVINCES.map((p) => ({ value: p.code, label: bilingual(locale, p.name, p.nameEn) }));
}

/** Provinces and 计划单列市 as quick picks for a region code field. */
export function regionQuickPicks(locale: Locale): { value: string; label: string; search: string }[] {
  const list = [
    ...PROVINCES.map((p) => ({ code: p.code, zh: p.name, en: p.nameEn })),
    ...PLAN_CITIES.map((c) => ({ code: c.code, zh: c.name, en: c.nameEn })),
  ].sort((a, b) => a.code.localeCompare(b.code));
  return list.map((r) => ({
    value: r.code,
    label: `${r.code} ${regionName(r.code, locale)}`,
    search: `${r.code} ${r.zh} ${r.en}`.toLowerCase(),
  }));
}

export function authorityKindLabel(kind: string, locale: Locale): string {
  const key = `auth.kind.${kind}`;
  return hasKey(key) ? translate(locale, key) : kind;
}

export function orgKindLabel(kind: string, locale: Locale): string {
  const key = `org.${kind}`;
  return hasKey(key) ? translate(locale, key) : kind;
}

// ---------------------------------------------------------------- 规范公告 labels

/** Tag colours of the application states (a visual grouping: in progress, waiting for MIIT, done, ended). */
export const APPLICATION_STATE_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  provincial_rejected: 'red',
  forwarded: 'blue',
  expert_review: 'purple',
  onsite_check: 'cyan',
  ready_for_notice: 'geekblue',
  in_notice: 'gold',
  notice_passed: 'lime',
  announced: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export function applicationStateLabel(state: string | null | undefined, locale: Locale): string {
  if (!state) return '—';
  const s = APPLICATION_STATES.find((x) => x.key === state);
  return s ? (pick(locale, s)) : state;
}

export function applicationEventLabel(event: string, locale: Locale): string {
  const e = APPLICATION_EVENTS.find((x) => x.key === event);
  return e ? (pick(locale, e)) : event;
}

export function applicationStateOptions(locale: Locale): { value: string; label: string }[] {
  return APPLICATION_STATES.map((s) => ({ value: s.key, label: pick(locale, s) }));
}

/** File size for people: 1.2 MB, 340 KB. */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A percentage computed by the domain (already rounded), or — when it cannot be computed. */
export function formatPercent(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) ? `${v.toFixed(2)}%` : '—';
}

/** Today in China Standard Time, 'YYYY-MM-DD'. */
export function todayShanghai(): string {
  return formatDate(new Date(), 'zh');
}

const cnyFormats = new Map<string, Intl.NumberFormat>();
/** CNY with thousands separators (¥68,800.00); zh and en both show the yuan sign. */
export function formatCny(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  let f = cnyFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE_TRAITS[locale].intl, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    cnyFormats.set(locale, f);
  }
  return f.format(v);
}

/** A count or quantity with thousand separators (12,345), '—' when absent (issue 16 item 14). */
export function formatNumber(v: number | null | undefined, locale: Locale = 'zh'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return numberFormat(locale).format(v);
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();
function numberFormat(locale: Locale): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(LOCALE_TRAITS[locale].intl, { maximumFractionDigits: 2 })));
  return f;
}

/** An amount in 万元 (the unit of 表1-1/表1-2 and 附2) with thousand separators: "1,234.5 万元" / "CNY 12.345 m". */
export function formatWanYuan(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return translate(locale, 'common.wanYuan', { amount: numberFormat(locale).format(v) });
}

/** A clause reference of the 规范条件 in the reader's style: 七(二)2 / VII(2)2 (clause.ts). */
export { clauseRef } from './clause';
