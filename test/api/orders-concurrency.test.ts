/**
 * Orders under concurrency (issue 13 "concurrent transitions race-free"): N identical transitions at once → exactly
 * one 200, the rest 409, one audit row, one reservation, one sale in the trace. Written for PostgreSQL
 * (TEST_DATABASE_URL, where the requests really overlap); on PGlite they serialise and must answer the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildProduct, buildUser, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { auditCount, countOf, expectOneWinner, N, race } from './concurrency.helpers.js';
import { multipart } from './matrix/index.js';

let app: TestApp;
let seller: Session;
let buyer: Session;
let sellerId = '';

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 100_000 });
  const s = app.services;
  sellerId = (await buildEnterprise(s, { regionCode: '440106' })).id;
  seller = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: sellerId })).username, TEST_PASSWORD);
  buyer = await login(app, (await buildBuyer(s)).user.username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

const req = (who: Session, method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
async function placedOrder(units = 1) {
  const codes = [];
  for (let i = 0; i < units; i++) codes.push((await buildProduct(app.services, sellerId)).code);
  const l = await req(seller, 'POST', '/api/v1/listings', { productCodes: codes, title: '并发测试再制造发动机', priceCny: 1000 });
  expect(l.statusCode, l.body).toBe(201);
  const o = await req(buyer, 'POST', '/api/v1/orders', { listingId: l.json().id });
  expect(o.statusCode, o.body).toBe(201);
  return { id: o.json().id as string, listingId: l.json().id as string, codes };
}

describe('orders: N identical transitions → one winner', () => {
  it(`${N} concurrent confirms: one 200, one reservation`, async () => {
    const o = await placedOrder();
    const res = await race(() => req(seller, 'POST', `/api/v1/orders/${o.id}/confirm`, {}));
    expectOneWinner(res, ['ILLEGAL_TRANSITION']);
    expect(await auditCount(app, 'order.confirm', o.id)).toBe(1);
    expect(await countOf(app, "SELECT count(*)::int AS n FROM listing_units WHERE order_id = $1 AND status = 'reserved'", [o.id])).toBe(1);
  });

  it(`${N} concurrent delivers: one 200, one sale in the trace`, async () => {
    const o = await placedOrder();
    expect((await req(seller, 'POST', `/api/v1/orders/${o.id}/confirm`, {})).statusCode).toBe(200);
    const res = await race(() => req(seller, 'POST', `/api/v1/orders/${o.id}/deliver`, {}));
    expectOneWinner(res, ['ILLEGAL_TRANSITION']);
    expect(await auditCount(app, 'order.deliver', o.id)).toBe(1);
    expect(await auditCount(app, 'trace.sale', o.codes[0])).toBe(1);
    expect(await countOf(app, "SELECT count(*)::int AS n FROM listing_units WHERE order_id = $1 AND status = 'sold'", [o.id])).toBe(1);
  });

  it(`${N} orders for the last unit confirmed at once: one reservation, the rest NOT_ENOUGH_UNITS`, async () => {
    const first = await placedOrder();
    const others = [];
    for (let i = 1; i < N; i++) {
      const r = await req(buyer, 'POST', '/api/v1/orders', { listingId: first.listingId });
      expect(r.statusCode, r.body).toBe(201);
      others.push(r.json().id as string);
    }
    const ids = [first.id, ...others];
    const res = await race((i) => req(seller, 'POST', `/api/v1/orders/${ids[i]}/confirm`, {}));
    expectOneWinner(res, ['NOT_ENOUGH_UNITS']);
    expect(await countOf(app, "SELECT count(*)::int AS n FROM listing_units WHERE listing_id = $1 AND status = 'reserved'", [first.listingId])).toBe(1);
  });

  it(`${N} concurrent payment confirmations and accepts: one winner each`, async () => {
    const o = await placedOrder();
    await req(seller, 'POST', `/api/v1/orders/${o.id}/confirm`, {});
    const m = multipart({ fields: { amountCny: '1000' }, files: [{ name: 'v.pdf', data: TINY_PDF, type: 'application/pdf' }] });
    const paid = await app.inject({ method: 'POST', url: `/api/v1/orders/${o.id}/payments`, headers: { ...buyer.headers, ...m.headers }, payload: m.payload });
    expect(paid.statusCode, paid.body).toBe(200);
    const pid = paid.json().payments[0].id;
    expectOneWinner(await race(() => req(seller, 'POST', `/api/v1/orders/${o.id}/payments/${pid}/confirm`, {})), ['ILLEGAL_TRANSITION']);
    expect(await countOf(app, "SELECT count(*)::int AS n FROM order_payments WHERE order_id = $1 AND status = 'confirmed'", [o.id])).toBe(1);
    expect((await req(seller, 'POST', `/api/v1/orders/${o.id}/deliver`, {})).statusCode).toBe(200);
    expectOneWinner(await race(() => req(buyer, 'POST', `/api/v1/orders/${o.id}/accept`)), ['ILLEGAL_TRANSITION']);
    expect(await auditCount(app, 'order.accept', o.id)).toBe(1);
  });
});
