/**
 * Quality feedback (issue 13): after acceptance the buyer rates the delivered units and the seller (1–5 + text),
 * once per order (two at once: one 201, one 409), audited; before acceptance, by the seller or another buyer: refused.
 * The seller's figures — ratings, units delivered through the market, warranty claims from the cases module — are on
 * the market's listings and on the public seller page (without the buyer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let seller: Session;
let sellerId = '';
let buyer: Session;
let buyerStaff: Session;
let otherBuyer: Session;
let miit: Session;
let otherSeller: Session;

beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_RATE_PER_MINUTE: 10_000 });
  const s = app.services;
  sellerId = (await buildEnterprise(s, { regionCode: '420100', name: '评价测试再制造有限公司' })).id;
  seller = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: sellerId })).username, TEST_PASSWORD);
  const b = await buildBuyer(s, { orgName: '评价测试采购单位' });
  buyer = await login(app, b.user.username, TEST_PASSWORD);
  buyerStaff = await login(app, (await buildUser(s, 'buyer_staff', { organizationId: b.org.id })).username, TEST_PASSWORD);
  otherBuyer = await login(app, (await buildBuyer(s)).user.username, TEST_PASSWORD);
  miit = await login(app, (await buildUser(s, 'ministry_officer', { organizationId: 'miit' })).username, TEST_PASSWORD);
  otherSeller = await login(app, (await buildUser(s, 'enterprise_staff')).username, TEST_PASSWORD);
  expect((await call(seller, 'PUT', '/api/v1/thing-models/WD615', { template: 'engine' })).statusCode).toBe(200);
}, 120_000);
afterAll(async () => app?.close());

const call = (who: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
const ok = async (who: Session, url: string, payload: object = {}) => {
  const r = await call(who, 'POST', url, payload);
  expect(r.statusCode, `${url} ${r.body}`).toBeLessThan(300);
  return r.json();
};
/** A listing of `units` WD615 engines ordered by the buyer and delivered (not yet accepted). */
async function delivered(units = 1) {
  const codes = [];
  for (let i = 0; i < units; i++) codes.push((await buildProduct(app.services, sellerId, { name: '再制造柴油发动机总成', model: 'WD615', warrantyMonths: 12 })).code);
  const l = await ok(seller, '/api/v1/listings', { productCodes: codes, title: '再制造柴油发动机总成 WD615 评价', priceCny: 30_000 });
  const o = await ok(buyer, '/api/v1/orders', { listingId: l.id, quantity: units });
  await ok(seller, `/api/v1/orders/${o.id}/confirm`);
  await ok(seller, `/api/v1/orders/${o.id}/deliver`);
  return { id: o.id as string, codes };
}
const count = async (sql: string, params: unknown[]) => (await app.database.raw.query<{ n: number }>(sql, params)).rows[0]!.n;

describe('ratings after acceptance', () => {
  let orderId = '';

  it('before acceptance, by the seller or by another buyer: refused, nothing written', async () => {
    const o = await delivered(2);
    orderId = o.id;
    const early = await call(buyer, 'POST', `/api/v1/orders/${o.id}/rating`, { unitScore: 5, sellerScore: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'ORDER_NOT_ACCEPTED', message: expect.stringMatching(/验收/) });
    await ok(buyer, `/api/v1/orders/${o.id}/accept`);
    expect((await call(seller, 'POST', `/api/v1/orders/${o.id}/rating`, { unitScore: 5, sellerScore: 5 })).statusCode).toBe(403);
    expect((await call(otherBuyer, 'POST', `/api/v1/orders/${o.id}/rating`, { unitScore: 1, sellerScore: 1 })).statusCode).toBe(404);
    expect(await count('SELECT count(*)::int AS n FROM trade_ratings WHERE order_id = $1', [o.id])).toBe(0);
  });

  it('bad scores: a bilingual 400 naming the field', async () => {
    for (const [body, field] of [[{ unitScore: 0, sellerScore: 3 }, 'unitScore'], [{ unitScore: 3, sellerScore: 6 }, 'sellerScore'], [{ unitScore: 3.5, sellerScore: 3 }, 'unitScore'], [{ sellerScore: 3 }, 'unitScore'], [{ unitScore: 3, sellerScore: 3, comment: 'x'.repeat(1001) }, 'comment']] as const) {
      const r = await call(buyer, 'POST', `/api/v1/orders/${orderId}/rating`, body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(r.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('the buyer’s staff rates once (two at once: one 201, one 409), audited; the rating is public without the buyer', async () => {
    const rs = await Promise.all([
      call(buyerStaff, 'POST', `/api/v1/orders/${orderId}/rating`, { unitScore: 4, sellerScore: 5, comment: '运行平稳，交付及时' }),
      call(buyer, 'POST', `/api/v1/orders/${orderId}/rating`, { unitScore: 2, sellerScore: 2 }),
    ]);
    expect(rs.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(rs.find((r) => r.statusCode === 409)!.json().error.code).toBe('ALREADY_RATED');
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE action = 'order.rated' AND object_id = $1", [orderId])).toBe(1);
    const mine = await call(seller, 'GET', `/api/v1/orders/${orderId}/rating`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ orderId, units: 2, productName: '再制造柴油发动机总成', model: 'WD615' });
    const pub = await call(null, 'GET', `/api/v1/public/sellers/${sellerId}/ratings`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().total).toBe(1);
    expect(pub.body).not.toContain('评价测试采购单位');
    expect(pub.json().quality).toMatchObject({ ratings: 1, unitsDelivered: 2, warrantyClaims: 0, claimRatePct: 0 });
    expect([4, 2]).toContain(pub.json().quality.meanUnitScore);
  });

  it('an order’s rating is read by its two parties and MIIT only; another enterprise or buyer gets 404 as for the order', async () => {
    for (const who of [buyer, buyerStaff, seller, miit]) {
      const r = await call(who, 'GET', `/api/v1/orders/${orderId}/rating`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ orderId, unitScore: expect.any(Number) });
    }
    for (const who of [otherSeller, otherBuyer]) {
      const r = await call(who, 'GET', `/api/v1/orders/${orderId}/rating`);
      expect(r.statusCode, r.body).toBe(404);
      expect(r.body).not.toContain('unitScore');
      expect((await call(who, 'GET', `/api/v1/orders/${orderId}`)).statusCode).toBe(404);
    }
    // an order nobody has: 404 whoever asks
    expect((await call(miit, 'GET', '/api/v1/orders/00000000-0000-4000-8000-000000000000/rating')).statusCode).toBe(404);
  });

  it('a second order rated 2/3: the means on the market’s cards; a warranty claim on a sold unit raises the claim rate', async () => {
    const o = await delivered(1);
    await ok(buyer, `/api/v1/orders/${o.id}/accept`);
    const first = (await call(null, 'GET', `/api/v1/public/sellers/${sellerId}/ratings`)).json().quality.meanUnitScore as number;
    expect((await call(buyer, 'POST', `/api/v1/orders/${o.id}/rating`, { unitScore: 2, sellerScore: 3 })).statusCode).toBe(201);
    // a device on the sold unit; its owner (the buyer) opens a case inside the warranty: a claim of the seller
    const d = await call(seller, 'POST', '/api/v1/devices', { productCode: o.codes[0] });
    expect(d.statusCode, d.body).toBe(201);
    const c = await call(buyer, 'POST', '/api/v1/cases', { deviceId: d.json().device.id, title: '机油压力低', description: '交付后一周出现' });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ warrantyClaim: true, claimStatus: 'pending' });
    const q = (await call(null, 'GET', `/api/v1/public/sellers/${sellerId}/ratings`)).json().quality;
    expect(q).toMatchObject({ ratings: 2, unitsDelivered: 3, meanUnitScore: (first + 2) / 2 });
    const market = (await call(null, 'GET', '/api/v1/public/listings?q=发动机')).json();
    expect(market.items).toHaveLength(0); // every listed unit is sold
    const detail = (await call(miit, 'GET', `/api/v1/listings?pageSize=5`)).json().items[0];
    expect(detail.enterprise.quality).toMatchObject({ ratings: 2, unitsDelivered: 3 });
    // claims are counted through the cases service: after the cache minute (a new rating drops it at once)
    const o2 = await delivered(1);
    await ok(buyer, `/api/v1/orders/${o2.id}/accept`);
    expect((await call(buyer, 'POST', `/api/v1/orders/${o2.id}/rating`, { unitScore: 5, sellerScore: 5 })).statusCode).toBe(201);
    const after = (await call(null, 'GET', `/api/v1/public/sellers/${sellerId}/ratings`)).json().quality;
    expect(after).toMatchObject({ ratings: 3, unitsDelivered: 4, warrantyClaims: 1, claimsAccepted: 0, claimRatePct: 25 });
  });
});
