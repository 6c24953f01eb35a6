/** The traceability seam of the 年度报告: 表2-3 prefilled from a ready table or from the year's ledger. */
import { describe, expect, it } from 'vitest';
import { missingItems, totalsIssues } from '../../src/domain/annual-report/index.js';
import { prefillTable23, table23FromLedger } from '../../src/server/modules/annual-reports/trace-prefill.js';

const ledger = {
  coresReceived: [
    { name: '旧发动机', channel: 'dealer', returnedBy: '张三' },
    { name: '旧发动机', channel: 'dealer', returnedBy: '李四' },
    { name: '旧变速箱', channel: null, returnedBy: '某4S店' },
  ],
  productsMade: [
    { code: 'P1', name: '再制造发动机', model: 'R1' },
    { code: 'P2', name: '再制造发动机', model: 'R1' },
    { code: 'P3', name: '再制造变速箱', model: 'T1' },
  ],
  shipments: [
    { code: 'P1', destination: '某物流公司' },
    { code: 'P2', destination: '某物流公司' },
  ],
};
const input = { principal: null, enterpriseId: 'e', siteId: 's', year: 2026, sitesOwedByEnterprise: 1 };

describe('table23FromLedger', () => {
  it('groups the ledger into 表2-3 rows whose totals agree', () => {
    const t = table23FromLedger(ledger);
    expect(t.recovery).toEqual({ total: 3, rows: [{ name: '旧发动机', source: '经销商回收', count: 2 }, { name: '旧变速箱', source: '某4S店', count: 1 }] });
    expect(t.reman).toEqual({ total: 3, rows: [{ name: '再制造发动机', model: 'R1', count: 2 }, { name: '再制造变速箱', model: 'T1', count: 1 }] });
    expect(t.sales).toEqual({ total: 2, rows: [{ name: '再制造发动机', model: 'R1', buyer: '某物流公司', count: 2 }] });
    expect(totalsIssues(t)).toEqual([]);
    // what the ledger does not know is left for the enterprise
    expect(missingItems({ table23: t }).map((i) => i.field)).toContain('table23.reman.rows.1.field');
  });
});

describe('prefillTable23', () => {
  it('prefers annualTable23, falls back to the ledger of the year, else nothing', async () => {
    const ready = { recovery: { total: 1, rows: [{ name: 'x', model: 'y', source: 'z', count: 1 }] } };
    expect(await prefillTable23({ annualTable23: async () => ready, ledger: async () => ledger }, input)).toEqual(ready);
    const asked: unknown[] = [];
    const viaLedger = await prefillTable23({ ledger: async (_p: unknown, q: unknown) => (asked.push(q), ledger) }, input);
    expect(viaLedger?.recovery?.total).toBe(3);
    expect(asked).toEqual([{ from: '2026-01-01', to: '2026-12-31', enterpriseId: 'e' }]);
    expect(await prefillTable23(undefined, input)).toBeNull();
    expect(await prefillTable23({}, input)).toBeNull();
  });
  it('does not use an enterprise-wide ledger for one of several sites; a failing source gives nothing', async () => {
    expect(await prefillTable23({ ledger: async () => ledger }, { ...input, sitesOwedByEnterprise: 2 })).toBeNull();
    expect(await prefillTable23({ ledger: async () => { throw new Error('down'); } }, input)).toBeNull();
    expect(await prefillTable23({ ledger: async () => ({ coresReceived: [], productsMade: [], shipments: [] }) }, input)).toBeNull();
  });
});
