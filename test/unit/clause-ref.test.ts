import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONDITION_RULES } from '../../src/domain/announcement/conditions';
import { CONDITION_CHAPTERS } from '../../src/domain/announcement/chapters';
import { APPLICATION_EVENTS } from '../../src/domain/announcement/workflow';
import { REVOCATION_GROUNDS } from '../../src/domain/supervision/index';
import { CLAUSE_PATTERN, clauseRef } from '../../src/web/clause';
import { bilingual, loadLocale, translate, type MessageKey } from '../../src/web/i18n';
import { areas } from '../../src/web/locales';
import type { Entry } from '../../src/web/locales/types';

/** One style for clause references of the 规范条件, glossed in English (issue 16 item 14, docs/ux.md). */

/** A clause reference still written the Chinese way (七(二) or 七（二）), or the word 规范条件. */
const CHINESE_REF = /[一二三四五六七八九十]{1,3}[（(][一二三四五六七八九十]{1,3}[）)]|规范条件/;

function webFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'api' || name === 'locales' ? [] : webFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** The code of a file without its comments (line and block comments; good enough for this repository's style). */
function withoutComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

// English is its own chunk in the app (loaded when a reader switches); the tests read both languages
beforeAll(() => loadLocale('en'));

describe('clauseRef', () => {
  it('writes a reference in one style: Chinese numerals, ASCII parentheses, 规范条件 and one space', () => {
    expect(clauseRef('七(二)2', 'zh')).toBe('七(二)2');
    expect(clauseRef('七（二）2', 'zh')).toBe('七(二)2');
    expect(clauseRef('七（二）4（1）', 'zh')).toBe('七(二)4(1)');
    expect(clauseRef('依据规范条件七(二)1：按期提交', 'zh')).toBe('依据规范条件 七(二)1：按期提交');
    expect(clauseRef('（规范条件　七（一）1，5）', 'zh')).toBe('（规范条件 七(一)1、5）');
    expect(clauseRef('一(一)', 'zh')).toBe('一(一)');
  });

  it('glosses it in English with Roman chapters and Arabic sections', () => {
    expect(clauseRef('七(二)2', 'en')).toBe('VII(2)2');
    expect(clauseRef('七（二）4(1)', 'en')).toBe('VII(2)4(1)');
    expect(clauseRef('二(五)', 'en')).toBe('II(5)');
    expect(clauseRef('七(一)1、5', 'en')).toBe('VII(1)1, 5');
    expect(clauseRef('After-sales statistics (规范条件 六(一))', 'en')).toBe('After-sales statistics (Conditions VI(1))');
    expect(clauseRef('Under 七(一) of the Conditions', 'en')).toBe('Under VII(1) of the Conditions');
    expect(clauseRef('九(十)', 'en')).toBe('IX(10)');
  });

  it('leaves other texts alone', () => {
    for (const s of ['GB/T 39895', '平台编码', '二、基本要求', '第(二)项', '3(1)', 'II. Basic requirements', '']) expect(clauseRef(s, 'en')).toBe(s);
    expect(clauseRef(null, 'zh')).toBeNull();
    expect(clauseRef('六(二); GB/T 39895', 'en')).toBe('VI(2); GB/T 39895');
  });

  it('reads every clause code of the domain as one reference', () => {
    const codes = [
      ...CONDITION_RULES.map((r) => r.clause),
      ...CONDITION_CHAPTERS.flatMap((c) => c.clauses),
      ...APPLICATION_EVENTS.map((e) => e.clause).filter(Boolean),
      ...REVOCATION_GROUNDS.map((g) => g.clause),
    ];
    expect(codes.length).toBeGreaterThan(30);
    const unread = codes.filter((c) => CHINESE_REF.test(clauseRef(c, 'en')) || clauseRef(c, 'zh') !== c);
    expect(unread).toEqual([]);
  });
});

describe('clause references in the web app (stray formats)', () => {
  const entries = Object.values(areas).flatMap((dict) => Object.entries(dict) as [MessageKey, Entry][]);

  it('writes the Chinese side of every text in the one style already', () => {
    const stray = entries.filter(([, e]) => clauseRef(e[0], 'zh') !== e[0]).map(([k, e]) => `${k}: ${e[0]}`);
    expect(stray).toEqual([]);
  });

  it('shows no Chinese clause reference in English, for the texts of the app and those from the server', () => {
    const n = 3;
    const chinese = entries.map(([k]) => [k, translate('en', k, { n, count: n })] as const).filter(([, s]) => CHINESE_REF.test(s));
    expect(chinese).toEqual([]);
    expect(translate('en', 'rev.grounds')).toBe('Grounds (VII(2)4)');
    expect(translate('zh', 'pub.objectHint')).toContain('（规范条件 七(二)2）');
    // a server message in both languages whose English side names the clause the Chinese way
    expect(bilingual('en', '撤销前须先听取陈述和申辩（七(二)4）', 'The enterprise must be heard first (七(二)4)')).toBe('The enterprise must be heard first (VII(2)4)');
  });

  it('renders every clause reference in the code through clauseRef', () => {
    const stray = webFiles('src/web')
      .filter((p) => !p.endsWith('clause.ts'))
      .flatMap((p) =>
        withoutComments(readFileSync(p, 'utf8'))
          .split('\n')
          .map((line, i) => ({ where: `${p}:${i + 1}`, line }))
          .filter(({ line }) => [...line.matchAll(CLAUSE_PATTERN)].some((m) => !line.slice(0, m.index).endsWith("clauseRef('"))),
      )
      .map(({ where, line }) => `${where}: ${line.trim().slice(0, 100)}`);
    expect(stray).toEqual([]);
  });
});

describe('numbers in texts (thousand separators, issue 16 item 14)', () => {
  it('groups every number put into a text the reader’s way, except a year', () => {
    expect(translate('zh', 'ar.progress', { processed: 1234, total: 12345 })).toBe('已处理 1,234 / 12,345 行');
    expect(translate('en', 'confirm.ann.publish', { n: 1200 })).toMatch(/^1,200 enterprises are announced/);
    expect(translate('zh', 'ar.yearN', { year: 2026 })).toBe('2026年度');
    expect(translate('en', 'ar.forwardHint', { n: 1500, year: 2026 })).toContain('1,500 accepted 2026 report');
    // a decimal keeps its digits; a text value is left as it is
    expect(translate('en', 'ar.progress', { processed: 1234.5, total: '12345' })).toBe('1,234.5 of 12345 rows processed');
  });
});
