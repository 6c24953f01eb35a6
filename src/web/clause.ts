/**
 * Clause references of the 《机电产品再制造行业规范条件》 in one style (issue 16 item 14): `七(二)2`, `七(二)4(1)`,
 * `七(一)1、5` — Chinese chapter and section numerals, ASCII parentheses, "规范条件 " with one space before the
 * reference; in English glossed as `VII(2)2`, `VII(2)4(1)`, `VII(1)1, 5` and "Conditions VII(2)2".
 *
 * Every text the web app shows goes through `clauseRef`: the locale tree once when the i18n resources are built, a
 * server or domain text in `bilingual()`, a clause code (`g.clause`, `r.clause`) where a page renders it. Pure and
 * without imports (src/web/i18n.ts imports it). Test: test/unit/clause-ref.test.ts (also finds stray formats).
 */

const NUMERALS = '一二三四五六七八九';

/** 一 … 九十九 as a number (十 = 10, 十二 = 12, 二十 = 20). */
function numeral(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return NUMERALS.indexOf(s) + 1;
  const tens = ten === 0 ? 1 : NUMERALS.indexOf(s[0]!) + 1;
  const ones = ten === s.length - 1 ? 0 : NUMERALS.indexOf(s[ten + 1]!) + 1;
  return tens * 10 + ones;
}

const ROMAN: [number, string][] = [
  [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, r] of ROMAN) while (n >= v) ((out += r), (n -= v));
  return out;
}

const CN = '[一二三四五六七八九十]{1,3}';
const ITEM = '\\d+(?:[（(]\\d+[）)])?';
/** 规范条件 (optional) · chapter · (section) · items such as 4(1) or 1、5 — any paren width, any spacing. */
export const CLAUSE_PATTERN = new RegExp(`(规范条件[ \\u3000]*)?(${CN})[（(](${CN})[）)]((?:${ITEM})(?:[、,，][ ]?${ITEM})*)?`, 'g');

type ClauseLocale = 'zh' | 'en';

/** How each language writes one reference (chapter and section as written in the text; items already split). */
const STYLE: Record<ClauseLocale, (prefixed: boolean, chapter: string, section: string, items: string[]) => string> = {
  zh: (prefixed, chapter, section, items) => `${prefixed ? '规范条件 ' : ''}${chapter}(${section})${items.join('、')}`,
  en: (prefixed, chapter, section, items) => `${prefixed ? 'Conditions ' : ''}${roman(numeral(chapter))}(${numeral(section)})${items.join(', ')}`,
};

/**
 * Every clause reference in `text` in the locale's style; the rest of the text unchanged.
 * `clauseRef('七（二）4(1)', 'zh')` → `七(二)4(1)`; `clauseRef('规范条件七(一)1、5', 'en')` → `Conditions VII(1)1, 5`.
 */
export function clauseRef(text: string, locale: ClauseLocale): string;
export function clauseRef(text: string | null | undefined, locale: ClauseLocale): string | null | undefined;
export function clauseRef(text: string | null | undefined, locale: ClauseLocale): string | null | undefined {
  if (!text) return text;
  return text.replace(CLAUSE_PATTERN, (_m, prefix: string | undefined, chapter: string, section: string, items: string | undefined) => {
    const parts = (items ?? '').split(/[、,，] ?/).filter(Boolean).map((i) => i.replace(/[（(](\d+)[）)]/, '($1)'));
    return STYLE[locale](!!prefix, chapter, section, parts);
  });
}
