/**
 * The public verification cache keeps the most recently scanned products: when it is full, the least recently
 * scanned answer goes (a hit counts as a scan). Observed through a change made behind the cache's back (a raw
 * UPDATE, which no projection announces): a cached answer still shows the old name, an evicted one the new.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTraceService } from '../../src/server/modules/trace/trace.service.js';
import { traceRepo } from '../../src/server/modules/trace/trace.repo.js';
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

  it('reads concurrent scans in one statement, and gives each reference its own answer', async () => {
    const e = await buildEnterprise(app.services);
    const codes = [await product(e.id, '并发甲'), await product(e.id, '并发乙'), await product(e.id, '并发丙')];
    const epcs = (await app.database.raw.query<{ code: string; epc: string }>('SELECT code, epc FROM trace_products WHERE code = ANY($1::text[])', [codes])).rows;
    const s = app.services;
    const svc = createTraceService({ db: app.database.db, clock: s.clock, epcis: s.epcis, enterprises: s.enterprises, announcements: s.announcements });
    svc.setPublicCache(false);
    const refs = [...codes, ...epcs.map((r) => r.epc), 'RM0000000000000000', codes[0]!];
    const one = async (ref: string) => {
      try {
        return (await svc.publicProduct(ref)).row.name;
      } catch (err) {
        return (err as { code?: string }).code ?? 'error';
      }
    };
    const original = traceRepo.publicProducts;
    let statements = 0;
    traceRepo.publicProducts = (...args) => ((statements += 1), original(...args));
    try {
      const together = await Promise.all(refs.map(one));
      expect(statements).toBe(1);
      const alone: string[] = [];
      for (const ref of refs) alone.push(await one(ref));
      expect(together).toEqual(alone);
      const nameOf = new Map(epcs.map((r) => [r.epc, r.code]));
      expect(together.slice(0, 3)).toEqual(['并发甲', '并发乙', '并发丙']);
      expect(together.slice(3, 6)).toEqual(epcs.map((r) => ['并发甲', '并发乙', '并发丙'][codes.indexOf(nameOf.get(r.epc)!)]));
      expect(together[6]).toBe('PRODUCT_NOT_FOUND');
      expect(together[7]).toBe('并发甲');
    } finally {
      traceRepo.publicProducts = original;
    }
  });
});
