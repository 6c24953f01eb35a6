/** Public verification is rate-limited per client address (heavy scanning must not slow the platform). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentPublic } from '../../src/server/modules/trace/trace.presenter.js';
import { PublicProductSchema } from '../../src/server/modules/trace/trace.schema.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ VERIFY_RATE_PER_MINUTE: 5 });
});
afterAll(async () => app?.close());

describe('public verification', () => {
  it('answers unknown codes with a bilingual 404, and limits each client address', async () => {
    const get = (ip: string) => app.inject({ method: 'GET', url: '/api/v1/public/products/RM0000000000000000', remoteAddress: ip });
    for (let i = 0; i < 5; i++) {
      const r = await get('203.0.113.7');
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('PRODUCT_NOT_FOUND');
    }
    expect((await get('203.0.113.7')).statusCode).toBe(429);
    expect((await get('203.0.113.8')).statusCode).toBe(404); // another client is not affected
    // garbage is a 404 too, never a 500
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/products/${encodeURIComponent('%%% not a code')}`, remoteAddress: '203.0.113.9' })).statusCode).toBe(404);
  });

  it('sends, cached or not, the bytes of the schema path: a successor (已再制造为), a recall, an unannounced enterprise', async () => {
    const s = app.services;
    const t = s.trace;
    const e = await buildEnterprise(s, { name: '验证"字节"再制造有限公司' }); // not on the announced list
    const source = { returnedBy: '某', channel: 'other' as const, tradeIn: false };
    const intake = await t.stepAsSystem(e.id, 'intake', { name: '旧件', source });
    const d = await t.stepAsSystem(e.id, 'disassembly', { coreEpc: intake.coreEpc!, parts: [{ name: '壳体' }, { name: '缸盖' }] });
    const inputs = (k: number) => [{ epc: d.parts![k]!.epc, origin: 'reused' as const, name: '壳体', massKg: 10, valueCny: 100 }];
    const first = (await t.stepAsSystem(e.id, 'reassembly', { name: '再制造发动机 "甲"\\', inputs: inputs(0) })).product!;
    const recalled = (await t.stepAsSystem(e.id, 'reassembly', { name: '再制造发动机乙', inputs: inputs(1) })).product!;
    // the first unit comes back as a core and goes into a second life: its code now names its successor
    await t.stepAsSystem(e.id, 'intake', { coreEpc: first.code, name: '返厂', source });
    const d2 = await t.stepAsSystem(e.id, 'disassembly', { coreEpc: first.epc, parts: [{ epc: d.parts![0]!.epc, name: '壳体' }] });
    const second = (await t.stepAsSystem(e.id, 'reassembly', { name: '二次再制造发动机', inputs: [{ epc: d2.parts![0]!.epc, origin: 'reused', name: '壳体', massKg: 10, valueCny: 100 }] })).product!;
    const admin = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: e.id })).username, TEST_PASSWORD);
    const r = await app.inject({ method: 'POST', url: `/api/v1/trace/products/${recalled.code}/status`, headers: admin.headers, payload: { status: 'recalled', reason: '批次缺陷' } });
    expect(r.statusCode, r.body).toBe(200);

    let n = 0;
    const check = async (code: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/public/products/${code}`, remoteAddress: `198.51.100.${++n}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const schemaPath = Buffer.from(JSON.stringify(PublicProductSchema.parse(presentPublic(await t.publicProduct(code)))));
      expect(res.body).toBe(schemaPath.toString('utf8'));
      expect(res.rawPayload.equals(schemaPath)).toBe(true);
      return res.json();
    };
    for (const cached of [true, false]) {
      t.setPublicCache(cached);
      expect(await check(first.code)).toMatchObject({ status: 'superseded', successor: { code: second.code }, statusLabel: { zh: `已再制造为 ${second.code}` }, enterprise: { announced: false } });
      expect(await check(recalled.code)).toMatchObject({ status: 'recalled', genuine: false });
      expect(await check(second.code)).toMatchObject({ status: 'issued', genuine: true, life: 2, name: '二次再制造发动机' });
    }
    t.setPublicCache(true);
  });
});
