import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bilingual, hasKey, loadLocale, translate } from '../../src/web/i18n';
import { areas } from '../../src/web/locales';
import type { Entry } from '../../src/web/locales/types';

/** The web app's one i18n (issue 11 item 2): one resource tree, both languages complete, no locale choices in pages. */

const entries = Object.entries(areas).flatMap(([area, dict]) => Object.entries(dict).map(([key, entry]) => ({ area, key, entry: entry as Entry })));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const englishForms = (e: Entry) => (typeof e[1] === 'string' ? [e[1]] : [e[1].one, e[1].other]);

function webFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'api' ? [] : webFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

// English is its own chunk in the app (loaded when a reader switches); the tests read both languages
beforeAll(() => loadLocale('en'));

describe('web i18n', () => {
  it('has every key in one area only', () => {
    const seen = new Map<string, string>();
    const twice = entries.filter(({ area, key }) => {
      const first = seen.get(key);
      seen.set(key, area);
      return first !== undefined;
    });
    expect(twice.map((e) => `${e.key} (${seen.get(e.key)})`)).toEqual([]);
  });

  it('has every key in both languages, neither empty, with the same placeholders', () => {
    const oneLanguageOnly = entries.filter(({ entry }) => !entry[0].trim() || englishForms(entry).some((s) => !s.trim())).map((e) => e.key);
    expect(oneLanguageOnly).toEqual([]);
    const placeholderMismatch = entries
      .filter(({ entry }) => englishForms(entry).some((en) => placeholders(en).join() !== placeholders(entry[0]).join()))
      .map((e) => e.key);
    expect(placeholderMismatch).toEqual([]);
  });

  it('translates through i18next: placeholders, English plurals, fallback of run-time keys', () => {
    expect(translate('zh', 'app.title')).toBe('再制造公共信息服务平台');
    expect(translate('en', 'app.title')).toBe('Remanufacturing Public Information Service Platform');
    expect(translate('zh', 'ar.progress', { processed: 3, total: 10 })).toBe('已处理 3 / 10 行');
    expect(translate('en', 'confirm.ann.publish', { n: 1 })).toMatch(/^1 enterprise is announced/);
    expect(translate('en', 'confirm.ann.publish', { n: 3 })).toMatch(/^3 enterprises are announced/);
    expect(translate('zh', 'confirm.ann.publish', { n: 3 })).toMatch(/^3 家企业将列入公告/);
    expect(hasKey('trace.title') && hasKey('sup.title') && hasKey('market.title')).toBe(true);
    expect(hasKey('no.such.key')).toBe(false);
    // HTML in a variable is left to React to escape, not escaped twice
    expect(translate('en', 'verify.notFoundSub', { code: '<b>&' })).toContain('<b>&');
  });

  it('builds one module per language: the start bundle carries Chinese only, English comes with its own chunk (issue 16 item 18)', async () => {
    const zh = (await import('virtual:reman-locale/zh')).default;
    const en = (await import('virtual:reman-locale/en')).default;
    expect(Object.keys(zh)).toEqual(Object.keys(areas));
    for (const { area, key, entry } of entries) {
      expect(zh[area]?.[key]).toBe(entry[0]);
      expect(en[area]?.[key]).toEqual(entry[1]);
    }
    // no English text in the Chinese module (keys, placeholders and codes aside)
    const zhText = JSON.stringify(zh);
    expect(zhText).not.toContain('Remanufacturing Public Information Service Platform');
    expect(zhText.length).toBeLessThan(JSON.stringify(areas).length * 0.7);
  });

  it('chooses a text that comes in both languages, falling back to the other', () => {
    expect(bilingual('en', '中文', 'English')).toBe('English');
    expect(bilingual('en', '中文', '')).toBe('中文');
    expect(bilingual('zh', null, 'English')).toBe('English');
  });

  it('leaves no locale comparison in the web app outside src/web/i18n.ts (CI check of issue 11)', () => {
    const offenders = webFiles('src/web')
      .filter((p) => !p.endsWith(join('src', 'web', 'i18n.ts')))
      .flatMap((p) =>
        readFileSync(p, 'utf8')
          .split('\n')
          .map((line, i) => ({ p, i: i + 1, line }))
          .filter(({ line }) => /\blocale\s*[!=]==?\s*['"](en|zh)['"]|['"](en|zh)['"]\s*[!=]==?\s*locale\b/.test(line)),
      )
      .map(({ p, i, line }) => `${p}:${i}: ${line.trim().slice(0, 100)}`);
    expect(offenders).toEqual([]);
  });
});
