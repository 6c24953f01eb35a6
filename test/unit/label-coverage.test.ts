/**
 * Issue 16 item 4: every code a person sees has words in both languages. The label tables cover every value of the
 * enumerations they label, and every audit action and object type the server writes (read from its source).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_EVENTS, APPLICATION_STATES } from '../../src/domain/announcement/workflow.js';
import { auditActionLabel, auditObjectLabel } from '../../src/domain/audit-labels.js';
import { ENTERPRISE_TYPES, LISTING_STATUSES, REMAN_FIELDS, ROLES } from '../../src/domain/enterprise.js';
import { CHANGE_STATES, COMPLAINT_STATES, REVOCATION_STATES } from '../../src/domain/supervision/index.js';
import { BIZ_STEPS, DISPOSITIONS, vocLabel } from '../../src/domain/trace/vocabulary.js';

const words = (zh: string, en: string, code: string) => {
  expect(zh.trim(), `${code}: zh`).not.toBe('');
  expect(en.trim(), `${code}: en`).not.toBe('');
  expect(zh, `${code}: zh is the code`).not.toBe(code);
  expect(/[\u4e00-\u9fff]/.test(zh), `${code}: zh has Chinese`).toBe(true);
  expect(/^[a-z0-9_.:]+$/.test(en), `${code}: en is a code (${en})`).toBe(false);
};

describe('enumerations: each value has zh and en words', () => {
  const tables: [string, readonly { zh: string; en: string; key?: string; value?: string }[]][] = [
    ['application states', APPLICATION_STATES],
    ['application events', APPLICATION_EVENTS],
    ['roles', ROLES],
    ['fields', REMAN_FIELDS],
    ['enterprise types', ENTERPRISE_TYPES],
    ['listing statuses', LISTING_STATUSES],
    ['change states', CHANGE_STATES],
    ['revocation states', REVOCATION_STATES],
    ['complaint states', COMPLAINT_STATES],
  ];
  for (const [name, table] of tables) {
    it(name, () => {
      expect(table.length).toBeGreaterThan(0);
      for (const e of table) words(e.zh, e.en, String(e.key ?? e.value));
    });
  }

  it('trace business steps and dispositions, by their value and by their full URI (never a URN on a page)', () => {
    for (const e of [...Object.values(BIZ_STEPS), ...Object.values(DISPOSITIONS)]) {
      for (const code of [e.value, e.uri]) {
        const l = vocLabel(code);
        words(l.zh, l.en, code);
        expect(l.zh).toBe(e.label.zh);
      }
    }
  });
});

/** Every string literal after `action:` / `objectType:` in the server's source (the audit rows it writes). */
function literalsOf(dir: string, key: string): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const src = readFileSync(p, 'utf8');
        if (!src.includes('recordAudit') && !src.includes('audit(')) continue;
        for (const m of src.matchAll(new RegExp(`\\b${key}: '([a-z0-9_.]+)'`, 'g'))) out.add(m[1]!);
      }
    }
  };
  walk(dir);
  return out;
}

describe('the audit log: every action and object type the server writes has words', () => {
  const actions = [...literalsOf('src/server', 'action')].filter((a) => a.includes('.'));
  const objects = [...literalsOf('src/server', 'objectType')];

  it('found the audited writes in the source', () => {
    expect(actions.length).toBeGreaterThan(50);
    expect(objects.length).toBeGreaterThan(15);
  });
  it('actions', () => {
    const missing = actions.filter((a) => auditActionLabel(a).zh === a);
    expect(missing).toEqual([]);
    for (const a of actions) words(auditActionLabel(a).zh, auditActionLabel(a).en, a);
  });
  it('actions built from a template (not found as literals): the core exchange postings', () => {
    for (const a of ['core_exchange.supply_posted', 'core_exchange.demand_posted']) {
      expect(auditActionLabel(a).zh).not.toBe(a);
      words(auditActionLabel(a).zh, auditActionLabel(a).en, a);
    }
  });
  it('object types', () => {
    const missing = objects.filter((o) => auditObjectLabel(o).zh === o);
    expect(missing).toEqual([]);
    for (const o of objects) words(auditObjectLabel(o).zh, auditObjectLabel(o).en, o);
  });
});
