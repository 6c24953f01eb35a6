/**
 * 以旧换再 (issue 13 "trade-in with core deposits") through the API: the seller's valuation rules (model → field →
 * platform default), the instant estimate (a platform code's record and monitoring's running hours inform it), the
 * order with a trade-in (credit and deposit offset the payable amount), the core's return (ship → receive as a core
 * intake in the seller's trace, source = the buyer → settle), overdue cores, cancellation, and bad input — a trade-in
 * without a model, prices ≤ 0 or absurd, foreign product codes, double delivery / double steps — answered with a
 * bilingual 4xx that changes nothing.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../support/factories.js';

const clock = manualClock('2026-12-06T08:00:00Z');
let app: TestApp;
let seller: Session;
let sellerId: string;
let otherSeller: Session;
let otherSellerId: string;
let buyer: Session;
let buyerOrgName: string;

const ENGINE_RULE = { baseValueCny: 50_000, depreciationPerYear: 0.1, floorShare: 0.1, hoursPerYear: 2_000, coreDepositCny: 8_000, returnDays: 20 };
const FIELD_RULE = { baseValueCny: 20_000, depreciationPerYear: 0.2, floorShare: 0.05, hoursPerYear: 2_500, coreDepositCny: 3_000, returnDays: 45 };

beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_RATE_PER_MINUTE: 10_000 }, { clock });
  const s = app.services;
  sellerId = (await buildEnterprise(s, { regionCode: '420100', name: '武汉以旧换再测试再制造有限公司' })).id;
  otherSellerId = (await buildEnterprise(s, { regionCode: '320505' })).id;
  seller = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: sellerId })).username, TEST_PASSWORD);
  otherSeller = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: otherSellerId })).username, TEST_PASSWORD);
  buyerOrgName = '成都以旧换再测试设备租赁有限公司';
  buyer = await login(app, (await buildBuyer(s, { orgName: buyerOrgName })).user.username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

const call = (who: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
const count = async (sql: string, params: unknown[] = []) => (await app.database.raw.query<{ n: number }>(sql, params)).rows[0]!.n;
async function listing(who = seller, enterpriseId = sellerId, price = 60_000) {
  const { code } = await buildProduct(app.services, enterpriseId, { name: '再制造柴油发动机总成', model: 'WP10' });
  const r = await call(who, 'POST', '/api/v1/listings', { productCode: code, title: '再制造柴油发动机总成 WP10', priceCny: price, field: 'internal_combustion_engines' });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().id as string, code };
}
const TI = { model: 'WD615.87', ageYears: 5, runningHours: 8_000, condition: 'B' };
const expectBilingual400 = (r: { statusCode: number; json(): { error: { message: string; messageEn: string; details?: { field: string }[] } } }, field: string) => {
  expect(r.statusCode).toBe(400);
  const e = r.json().error;
  expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(e.messageEn).toMatch(/[a-z]/i);
  expect(e.details?.map((d) => d.field)).toContain(field);
};

describe('valuation rules and the instant estimate', () => {
  let l: { id: string };
  beforeAll(async () => {
    l = await listing();
  });

  it('the platform default applies to a seller without rules (source platform, the field of the listing)', async () => {
    const r = await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: l.id, ...TI });
    expect(r.statusCode, r.body).toBe(200);
    // engine default: base 30,000, 12 %/year, hours/year 2,000 → effective age max(5, 4) = 5; grade B 0.8
    expect(r.json()).toMatchObject({ ruleSource: 'platform', grade: 'B', effectiveAgeYears: 5, coreDepositCny: 6_000, returnDays: 30, record: null });
    expect(r.json().creditCny).toBeCloseTo(30_000 * Math.pow(0.88, 5) * 0.8, 0);
  });

  it('the seller sets a model rule and a field rule: model first, then field', async () => {
    const m = await call(seller, 'PUT', '/api/v1/trade-in-rules/model/WD615.87', ENGINE_RULE);
    expect(m.statusCode, m.body).toBe(200);
    expect((await call(seller, 'PUT', '/api/v1/trade-in-rules/field/internal_combustion_engines', FIELD_RULE)).statusCode).toBe(200);
    const rules = (await call(seller, 'GET', '/api/v1/trade-in-rules')).json();
    expect(rules.total).toBe(2);
    const byModel = (await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: l.id, ...TI, model: ' wd615.87 ' })).json();
    expect(byModel).toMatchObject({ ruleSource: 'model', coreDepositCny: 8_000, returnDays: 20 });
    expect(byModel.creditCny).toBeCloseTo(50_000 * Math.pow(0.9, 5) * 0.8, 0);
    const byField = (await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: l.id, ...TI, model: 'YC6L' })).json();
    expect(byField).toMatchObject({ ruleSource: 'field', coreDepositCny: 3_000, returnDays: 45 });
    // running hours beyond the age count: 20,000 h / 2,500 h per year = 8 effective years
    const heavy = (await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: l.id, ...TI, model: 'YC6L', runningHours: 20_000 })).json();
    expect(heavy.effectiveAgeYears).toBe(8);
    expect(heavy.creditCny).toBeLessThan(byField.creditCny);
  });

  it('bad rules: an unknown field key, a depreciation of 100 %, a price ≤ 0; only sellers keep rules', async () => {
    expectBilingual400(await call(seller, 'PUT', '/api/v1/trade-in-rules/field/spaceships', ENGINE_RULE), 'key');
    expectBilingual400(await call(seller, 'PUT', '/api/v1/trade-in-rules/model/X1', { ...ENGINE_RULE, depreciationPerYear: 1 }), 'depreciationPerYear');
    expectBilingual400(await call(seller, 'PUT', '/api/v1/trade-in-rules/model/X1', { ...ENGINE_RULE, baseValueCny: 0 }), 'baseValueCny');
    expectBilingual400(await call(seller, 'PUT', '/api/v1/trade-in-rules/model/X1', { ...ENGINE_RULE, baseValueCny: 1e12 }), 'baseValueCny');
    expect((await call(buyer, 'PUT', '/api/v1/trade-in-rules/model/X1', ENGINE_RULE)).statusCode).toBe(403);
    expect((await call(seller, 'GET', '/api/v1/trade-in-rules')).json().total).toBe(2);
  });

  it('the old unit is a platform product: its record informs the grade; an unknown code is refused under its field', async () => {
    const old = await buildProduct(app.services, otherSellerId, { model: 'WD615.87' });
    const r = await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: l.id, ...TI, productCode: old.code });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().record).toMatchObject({ code: old.code, life: 1, status: 'issued', runningHours: null });
    const unknown = await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: l.id, ...TI, productCode: 'RM-NOT-A-CODE-000' });
    expectBilingual400(unknown, 'tradeIn.productCode');
  });

  it('running hours come from monitoring when the old unit’s device reports them (higher than declared)', async () => {
    const code = (await buildProduct(app.services, otherSellerId, { model: 'WD615.87' })).code;
    const dev = await call(otherSeller, 'POST', '/api/v1/devices', { productCode: code });
    expect(dev.statusCode, dev.body).toBe(201);
    const { device, credentials } = dev.json();
    const basic = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    const ing = await app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/telemetry`, headers: { authorization: basic, 'content-type': 'application/json' }, payload: JSON.stringify({ ts: clock.now().getTime() - 60_000, values: { runHours: 18_000 } }) });
    expect(ing.statusCode, ing.body).toBe(200);
    const r = (await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: l.id, ...TI, productCode: code })).json();
    expect(r.record).toMatchObject({ code, runningHours: 18_000 });
    // 18,000 h / 2,000 h per year (model rule) = 9 effective years instead of 5; heavy use also lowers the grade B → C
    expect(r.effectiveAgeYears).toBe(9);
    expect(r.grade).toBe('C');
  });

  it('bad estimates: no model, a negative age, hours beyond reason, grade E, an unknown listing', async () => {
    const { model: _m, ...noModel } = TI;
    expectBilingual400(await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: l.id, ...noModel }), 'model');
    expectBilingual400(await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: l.id, ...TI, model: '   ' }), 'model');
    expectBilingual400(await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: l.id, ...TI, ageYears: -1 }), 'ageYears');
    expectBilingual400(await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: l.id, ...TI, runningHours: 5_000_000 }), 'runningHours');
    expectBilingual400(await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: l.id, ...TI, condition: 'E' }), 'condition');
    expect((await call(null, 'POST', '/api/v1/public/trade-in/estimate', { listingId: '00000000-0000-4000-8000-000000000000', ...TI })).statusCode).toBe(404);
  });
});

describe('an order with a trade-in: credit and deposit, the core back as a core intake, settlement', () => {
  let l: { id: string; code: string };
  let id: string;
  let credit: number;

  it('the order carries the estimate: payable = goods − credit + deposit; the core is awaited', async () => {
    l = await listing();
    const r = await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, tradeIn: TI });
    expect(r.statusCode, r.body).toBe(201);
    const o = r.json();
    id = o.id;
    credit = o.tradeIn.creditCny;
    expect(credit).toBeCloseTo(50_000 * Math.pow(0.9, 5) * 0.8, 0);
    expect(o).toMatchObject({ totalCny: 60_000, creditCny: credit, depositCny: 8_000, payableCny: Math.round((60_000 - credit + 8_000) * 100) / 100 });
    expect(o.tradeIn).toMatchObject({ model: 'WD615.87', status: 'awaiting_core', ruleSource: 'model', dueOn: null, overdue: false, finalGrade: null });
    expect(o.actions).toEqual(['cancel']); // nothing to ship before the new unit is delivered
  });

  it('the old unit cannot come back before delivery; the wrong side is refused', async () => {
    const early = await call(buyer, 'POST', `/api/v1/orders/${id}/trade-in/ship`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.messageEn).toMatch(/delivered/);
    expect(await count('SELECT count(*)::int AS n FROM order_trade_ins WHERE order_id = $1 AND status = $2', [id, 'awaiting_core'])).toBe(1);
  });

  it('delivery sets the due date (delivery + return days); double delivery is 409 and changes nothing', async () => {
    expect((await call(seller, 'POST', `/api/v1/orders/${id}/confirm`, {})).statusCode).toBe(200);
    const d = await call(seller, 'POST', `/api/v1/orders/${id}/deliver`, {});
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().tradeIn).toMatchObject({ status: 'awaiting_core', dueOn: '2026-12-26' });
    expect(d.json().actions).toContain('receiveCore');
    const audits = await count("SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1", [id]);
    const again = await call(seller, 'POST', `/api/v1/orders/${id}/deliver`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: expect.stringMatching(/[\u4e00-\u9fa5]/), messageEn: expect.any(String) });
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1", [id])).toBe(audits);
    expect(await count("SELECT count(*)::int AS n FROM listing_units WHERE product_code = $1 AND status = 'sold'", [l.code])).toBe(1);
  });

  it('the seller cannot ship the buyer’s core, the buyer cannot receive it; the buyer ships once', async () => {
    expect((await call(seller, 'POST', `/api/v1/orders/${id}/trade-in/ship`, {})).statusCode).toBe(403);
    expect((await call(buyer, 'POST', `/api/v1/orders/${id}/trade-in/receive`, { grade: 'A' })).statusCode).toBe(403);
    const s = await call(buyer, 'POST', `/api/v1/orders/${id}/trade-in/ship`, { trackingNo: 'SF0001' });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().tradeIn).toMatchObject({ status: 'core_in_transit', trackingNo: 'SF0001' });
    const twice = await call(buyer, 'POST', `/api/v1/orders/${id}/trade-in/ship`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.messageEn).toMatch(/trade-in/i);
  });

  it('settling before the core is received is 409; a bad grade is 400', async () => {
    expect((await call(seller, 'POST', `/api/v1/orders/${id}/trade-in/settle`, {})).statusCode).toBe(409);
    expectBilingual400(await call(seller, 'POST', `/api/v1/orders/${id}/trade-in/receive`, { grade: 'Z' }), 'grade');
    expect(await count('SELECT count(*)::int AS n FROM order_trade_ins WHERE order_id = $1 AND status = $2', [id, 'core_in_transit'])).toBe(1);
  });

  it('receipt is a core intake in the seller’s trace (以旧换再, source = the buyer); the grade found fixes the value', async () => {
    const r = await call(seller, 'POST', `/api/v1/orders/${id}/trade-in/receive`, { grade: 'C', note: '缸体有裂纹' });
    expect(r.statusCode, r.body).toBe(200);
    const t = r.json().tradeIn;
    const final = Math.round(50_000 * Math.pow(0.9, 5) * 0.55 * 100) / 100;
    expect(t).toMatchObject({ status: 'core_received', finalGrade: 'C', coreEpc: expect.any(String) });
    expect(t.finalValueCny).toBeCloseTo(final, 1);
    // refund = deposit − (credit − final value): the grade came out lower than the estimate
    expect(t.refundCny).toBeCloseTo(8_000 - (credit - final), 1);
    const core = await app.database.raw.query<{ kind: string; last_step_kind: string | null; name: string | null }>('SELECT kind, last_step_kind, name FROM trace_objects WHERE enterprise_id = $1 AND key = $2', [sellerId, t.coreEpc]);
    expect(core.rows[0]).toMatchObject({ kind: 'core', name: expect.stringContaining('以旧换再') });
    const twice = await call(seller, 'POST', `/api/v1/orders/${id}/trade-in/receive`, { grade: 'A' });
    expect(twice.statusCode).toBe(409);
    expect((await call(seller, 'GET', `/api/v1/orders/${id}`)).json().tradeIn.finalGrade).toBe('C');
  });

  it('settlement: settled once, the statement (.docx) names both parties; a second settle is 409', async () => {
    const s = await call(seller, 'POST', `/api/v1/orders/${id}/trade-in/settle`, {});
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().tradeIn).toMatchObject({ status: 'settled', settledAt: expect.any(String) });
    expect((await call(seller, 'POST', `/api/v1/orders/${id}/trade-in/settle`, {})).statusCode).toBe(409);
    const doc = await call(buyer, 'GET', `/api/v1/orders/${id}/settlement.docx`);
    expect(doc.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain(buyerOrgName);
    expect(xml).toContain('武汉以旧换再测试再制造有限公司');
  });
});

describe('overdue cores, cancellation, bad orders', () => {
  it('a core not back by its due date is flagged once; both parties are told', async () => {
    const l = await listing();
    const id = (await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, tradeIn: { ...TI, model: 'YC6L' } })).json().id;
    expect((await call(seller, 'POST', `/api/v1/orders/${id}/confirm`, {})).statusCode).toBe(200);
    expect((await call(seller, 'POST', `/api/v1/orders/${id}/deliver`, {})).statusCode).toBe(200);
    expect((await call(buyer, 'GET', `/api/v1/orders/${id}`)).json().tradeIn.dueOn).toBe('2027-01-20'); // field rule: 45 days
    expect(await app.services.tradeIns.flagOverdueCores()).toBe(0);
    clock.set(new Date('2027-01-22T02:00:00Z'));
    try {
      expect(await app.services.tradeIns.flagOverdueCores()).toBeGreaterThanOrEqual(1);
      expect(await app.services.tradeIns.flagOverdueCores()).toBe(0); // once
      expect((await call(buyer, 'GET', `/api/v1/orders/${id}`)).json().tradeIn.overdue).toBe(true);
      expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1 AND action = 'order.trade_in_overdue'", [id])).toBe(1);
    } finally {
      clock.set(new Date('2026-12-06T08:00:00Z'));
    }
  });

  it('cancelling an order before confirmation cancels its trade-in', async () => {
    const l = await listing();
    const id = (await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, tradeIn: TI })).json().id;
    const c = await call(buyer, 'POST', `/api/v1/orders/${id}/cancel`, { reason: '改用租赁' });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ status: 'cancelled', tradeIn: { status: 'cancelled' } });
    expect(c.json().actions).toEqual([]);
  });

  it('a trade-in without a model, with a foreign/unknown code or absurd figures: 400 under the field, no order written', async () => {
    const l = await listing();
    const before = await count('SELECT count(*)::int AS n FROM orders');
    const tiBefore = await count('SELECT count(*)::int AS n FROM order_trade_ins');
    const { model: _m, ...noModel } = TI;
    expectBilingual400(await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, tradeIn: noModel }), 'tradeIn.model');
    expectBilingual400(await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, tradeIn: { ...TI, model: '' } }), 'tradeIn.model');
    expectBilingual400(await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, tradeIn: { ...TI, productCode: 'NOT-ON-THE-PLATFORM-1' } }), 'tradeIn.productCode');
    expectBilingual400(await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, tradeIn: { ...TI, ageYears: 1000 } }), 'tradeIn.ageYears');
    expectBilingual400(await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, tradeIn: { ...TI, runningHours: -5 } }), 'tradeIn.runningHours');
    expectBilingual400(await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, tradeIn: { ...TI, runningHours: 1.5 } }), 'tradeIn.runningHours');
    expectBilingual400(await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, tradeIn: { ...TI, condition: 'good' } }), 'tradeIn.condition');
    expectBilingual400(await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, quantity: 0, tradeIn: TI }), 'quantity');
    expect(await count('SELECT count(*)::int AS n FROM orders')).toBe(before);
    expect(await count('SELECT count(*)::int AS n FROM order_trade_ins')).toBe(tiBefore);
  });

  it('prices ≤ 0 or absurd (listing, quotation) are refused in both languages; the listing is unchanged', async () => {
    const { code } = await buildProduct(app.services, sellerId, { model: 'WP10' });
    for (const priceCny of [0, -100, 1e12, 12.345]) {
      expectBilingual400(await call(seller, 'POST', '/api/v1/listings', { productCode: code, title: '再制造柴油发动机 价格测试', priceCny }), 'priceCny');
    }
    expect(await count('SELECT count(*)::int AS n FROM listing_units WHERE product_code = $1', [code])).toBe(0);
    const l = await listing();
    const id = (await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, inquiry: true, tradeIn: TI })).json().id;
    for (const unitPriceCny of [0, -1, 1e12]) expectBilingual400(await call(seller, 'POST', `/api/v1/orders/${id}/quote`, { unitPriceCny }), 'unitPriceCny');
    expect((await call(buyer, 'GET', `/api/v1/orders/${id}`)).json()).toMatchObject({ status: 'inquiry', unitPriceCny: 60_000 });
  });

  it('a foreign product code cannot be listed (another enterprise’s unit), named under its field', async () => {
    const foreign = await buildProduct(app.services, otherSellerId, { model: 'WP10' });
    const r = await call(seller, 'POST', '/api/v1/listings', { productCode: foreign.code, title: '别家的发动机', priceCny: 1000 });
    expectBilingual400(r, 'productCode');
    expect(await count('SELECT count(*)::int AS n FROM listing_units WHERE product_code = $1', [foreign.code])).toBe(0);
  });
});
