/**
 * 交易服务 market statistics (issue 13): units, value, trade-ins and leases by region and field — an authority sees its
 * jurisdiction, MIIT all, an enterprise or a buyer nothing; the public aggregate (value traded) for the portal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../support/factories.js';

const clock = manualClock('2026-12-06T04:00:00Z');
let app: TestApp;
let gd: Session; // 广州 seller
let hb: Session; // 武汉 seller
let buyer: Session;
let buyerCredit = '';
let miit: Session;
let gdAuthority: Session;
let hbId = '';
let gdId = '';

beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_RATE_PER_MINUTE: 10_000 }, { clock });
  const s = app.services;
  gdId = (await buildEnterprise(s, { regionCode: '440106' })).id;
  hbId = (await buildEnterprise(s, { regionCode: '420100' })).id;
  gd = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: gdId })).username, TEST_PASSWORD);
  hb = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: hbId })).username, TEST_PASSWORD);
  const b = await buildBuyer(s);
  buyerCredit = b.org.creditCode;
  buyer = await login(app, b.user.username, TEST_PASSWORD);
  miit = await login(app, (await buildUser(s, 'ministry_officer', { organizationId: 'miit' })).username, TEST_PASSWORD);
  gdAuthority = await login(app, (await buildUser(s, 'authority_reviewer', { organizationId: 'prov-440000' })).username, TEST_PASSWORD);
}, 120_000);
afterAll(async () => app?.close());

const call = (who: Session | null, method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
const ok = async (who: Session, url: string, payload: object = {}) => {
  const r = await call(who, 'POST', url, payload);
  expect(r.statusCode, `${url} ${r.body}`).toBeLessThan(300);
  return r.json();
};
async function sell(seller: Session, sellerId: string, field: string, units: number, price: number, tradeIn = false) {
  const codes = [];
  for (let i = 0; i < units; i++) codes.push((await buildProduct(app.services, sellerId, { name: '再制造发动机', model: 'M1' })).code);
  const l = await ok(seller, '/api/v1/listings', { productCodes: codes, title: '再制造发动机 统计', priceCny: price, field });
  const o = await ok(buyer, '/api/v1/orders', { listingId: l.id, quantity: units, ...(tradeIn ? { tradeIn: { model: 'M0', ageYears: 3, runningHours: 6000, condition: 'B' } } : {}) });
  await ok(seller, `/api/v1/orders/${o.id}/confirm`);
  await ok(seller, `/api/v1/orders/${o.id}/deliver`);
  return o;
}

describe('market statistics', () => {
  it('sales, a trade-in and a lease: MIIT sees all by region and field, the 广东 authority its own province only', async () => {
    await sell(gd, gdId, 'internal_combustion_engines', 2, 10_000, true);
    await sell(hb, hbId, 'construction_machinery', 1, 50_000);
    const p = await buildProduct(app.services, hbId, { name: '再制造液压泵', model: 'P1' });
    await ok(hb, '/api/v1/leases', { productCode: p.code, lesseeCreditCode: buyerCredit, kind: 'operating', months: 3, depositCny: 0, billing: { mode: 'fixed', monthlyRentCny: 2_000 }, purchasePriceCny: 9_000 });

    const all = await call(miit, 'GET', '/api/v1/market/statistics');
    expect(all.statusCode, all.body).toBe(200);
    const s = all.json();
    expect(s).toMatchObject({ scope: 'all', from: '2026-01-01', to: '2026-12-07' });
    expect(s.totals).toMatchObject({ orders: 2, units: 3, valueCny: 70_000, tradeIns: 1, leases: 1, rentToOwn: 1, leaseValueCny: 6_000 });
    expect(s.totals.tradeInCreditCny).toBeGreaterThan(0);
    const region = (code: string) => s.byRegion.find((r: { regionCode: string }) => r.regionCode === code);
    expect(region('440000')).toMatchObject({ regionName: '广东省', units: 2, valueCny: 20_000, tradeIns: 1, leases: 0 });
    expect(region('420000')).toMatchObject({ regionName: '湖北省', units: 1, valueCny: 50_000, leases: 1, leaseValueCny: 6_000 });
    const field = (f: string | null) => s.byField.find((r: { field: string | null }) => r.field === f);
    expect(field('internal_combustion_engines')).toMatchObject({ units: 2, valueCny: 20_000 });
    expect(field('construction_machinery')).toMatchObject({ units: 1 });
    expect(field(null)).toMatchObject({ units: 0, leases: 1 });

    const mine = (await call(gdAuthority, 'GET', '/api/v1/market/statistics')).json();
    expect(mine.scope).toBe('jurisdiction');
    expect(mine.totals).toMatchObject({ units: 2, valueCny: 20_000, leases: 0 });
    expect(mine.byRegion.map((r: { regionCode: string }) => r.regionCode)).toEqual(['440000']);
  });

  it('a period before the sales is empty; bad periods are a bilingual 400 naming the field; sellers and buyers are refused', async () => {
    const early = (await call(miit, 'GET', '/api/v1/market/statistics?from=2025-01-01&to=2025-12-31')).json();
    expect(early.totals).toMatchObject({ units: 0, valueCny: 0, leases: 0 });
    expect(early.byRegion).toEqual([]);
    for (const [q, f] of [['from=2026-13-01', 'from'], ['from=2026-12-01&to=2026-11-01', 'from'], ['to=yesterday', 'to']]) {
      const r = await call(miit, 'GET', `/api/v1/market/statistics?${q}`);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.details.map((d: { field: string }) => d.field)).toContain(f);
      expect(r.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await call(gd, 'GET', '/api/v1/market/statistics')).statusCode).toBe(403);
    expect((await call(buyer, 'GET', '/api/v1/market/statistics')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/v1/market/statistics')).statusCode).toBe(401);
  });

  it('the public aggregate for the portal: the year’s units and value, no enterprise named', async () => {
    const v = await app.services.market.tradedValue(2026);
    expect(v).toEqual({ year: 2026, units: 3, valueCny: 70_000, tradeIns: 1, leases: 1, leaseValueCny: 6_000 });
    expect(await app.services.market.tradedValue(2025)).toMatchObject({ units: 0, valueCny: 0 });
  });

  it('the public statistics show the value traded this year and last, and a delivery shows at once (cache invalidated after commit)', async () => {
    const before = await call(null, 'GET', '/api/v1/public/statistics');
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().traded).toEqual([
      { year: 2025, units: 0, valueCny: 0 },
      { year: 2026, units: 3, valueCny: 70_000 },
    ]);
    expect(before.body).not.toContain(gdId);
    await sell(gd, gdId, 'internal_combustion_engines', 1, 5_000);
    const after = (await call(null, 'GET', '/api/v1/public/statistics')).json();
    expect(after.traded.at(-1)).toEqual({ year: 2026, units: 4, valueCny: 75_000 });
  });
});
