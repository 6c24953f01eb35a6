/** The traceability seam of the 年度报告: 表2-3 prefilled from the trace service's table of the year. */
import { describe, expect, it } from 'vitest';
import type { Table23 } from '../../src/domain/annual-report/index.js';
import { prefillTable23 } from '../../src/server/modules/annual-reports/trace-prefill.js';

const input = { enterpriseId: 'e', siteId: 's', year: 2026 };

describe('prefillTable23', () => {
  it('asks the trace service for the year’s 表2-3 of the enterprise and site', async () => {
    const ready: Table23 = { recovery: { total: 1, rows: [{ name: 'x', model: 'y', source: 'z', count: 1 }] } };
    const asked: unknown[] = [];
    expect(await prefillTable23({ annualTable23: async (q) => (asked.push(q), ready) }, input)).toEqual(ready);
    expect(asked).toEqual([input]);
    expect(await prefillTable23({ annualTable23: async () => null }, input)).toBeNull();
  });
  it('does not hide a failing source', async () => {
    await expect(prefillTable23({ annualTable23: async () => { throw new Error('down'); } }, input)).rejects.toThrow('down');
  });
});
