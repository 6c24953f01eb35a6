/**
 * The public verification cache keeps the most recently scanned products: when it is full, the least recently
 * scanned answer goes (a hit counts as a scan). Observed through a change made behind the cache's back (a raw
 * UPDATE, which no projection announces): a cached answer still shows the old name, an evicted one the new.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTraceService } from '../../src/server/modules/trace/trace.service.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { buildEnterprise } from '../support/factories.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => app?.close());

async function product(enterpriseId: string, name: string): Promise<string> {
  const t = app.services.trace;
  const intake = await t.stepAsSystem(enterpriseId, 'intake', { name: `${name}旧件`, source: { returnedBy: '某', channel: 'other', tradeIn: false } });
  const d = await t.stepAsSystem(enterpriseId, 'disassembly', { coreEpc: intake.coreEpc!, parts: [{ name: '壳体' }] });
  const made = await t.stepAsSystem(enterpriseId, 'reassembly', { name, inputs: [{ epc: d.parts![0]!.epc, origin: 'reused', name: '壳体', massKg: 10, valueCny: 100 }] });
  return made.product!.code;
}

describe('public verification cache', () => {
  it('evicts the least recently scanned answer, not the oldest', async () => {
    const e = await buildEnterprise(app.services);
    const [a, b, c] = [await product(e.id, '产品A'), await product(e.id, '产品B'), await product(e.id, '产品C')];
    const s = app.services;
    const svc = createTraceService({ db: app.database.db, clock: s.clock, epcis: s.epcis, enterprises: s.enterprises, announcements: s.announcements, publicCacheMax: 2 });
    const name = async (code: string) => (await svc.publicProduct(code)).row.name;
    expect(await name(a)).toBe('产品A');
    expect(await name(b)).toBe('产品B');
    expect(await name(a)).toBe('产品A'); // a hit: A is now the most recently scanned
    expect(await name(c)).toBe('产品C'); // full: B goes
    await app.database.raw.query(`UPDATE trace_products SET name = name || '（改）' WHERE enterprise_id = $1`, [e.id]);
    expect(await name(a)).toBe('产品A'); // still cached
    expect(await name(c)).toBe('产品C'); // still cached
    expect(await name(b)).toBe('产品B（改）'); // evicted, read again
  });
});
