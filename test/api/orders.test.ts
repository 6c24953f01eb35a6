import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partyUri } from '../../src/domain/trace/lifecycle.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildProduct, buildUser, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { multipart } from './matrix/index.js';

let app: TestApp;
let seller: Session;
let sellerId: string;
let otherSeller: Session;
let buyer: Session;
let buyerOrg: string;
let otherBuyer: Session;

beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_RATE_PER_MINUTE: 10_000 });
  const s = app.services;
  sellerId = (await buildEnterprise(s, { regionCode: '440106', name: '广州订单测试再制造有限公司' })).id;
  const otherId = (await buildEnterprise(s, { regionCode: '320505' })).id;
  seller = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: sellerId })).username, TEST_PASSWORD);
  otherSeller = await login(app, (await buildUser(s, 'enterprise_staff', { organizationId: otherId })).username, TEST_PASSWORD);
  const b = await buildBuyer(s, { orgName: '北京订单测试设备租赁有限公司' });
  buyerOrg = b.org.id;
  buyer = await login(app, b.user.username, TEST_PASSWORD);
  otherBuyer = await login(app, (await buildBuyer(s)).user.username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

const call = (who: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
async function listing(units = 1, price = 38000) {
  const codes = [];
  for (let i = 0; i < units; i++) codes.push((await buildProduct(app.services, sellerId, { name: '再制造柴油发动机总成', model: 'WD615' })).code);
  const r = await call(seller, 'POST', '/api/v1/listings', { productCodes: codes, title: '再制造柴油发动机总成 WD615', priceCny: price });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().id as string, codes };
}
const order = async (listingId: string, extra: object = {}) => {
  const r = await call(buyer, 'POST', '/api/v1/orders', { listingId, ...extra });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};
const pay = (who: Session, id: string, amountCny: number, file: Buffer = TINY_PDF) => {
  const m = multipart({ fields: { amountCny: String(amountCny), reference: 'BANK-20261206-001' }, files: [{ name: 'voucher.pdf', data: file, type: 'application/pdf' }] });
  return app.inject({ method: 'POST', url: `/api/v1/orders/${id}/payments`, headers: { ...who.headers, ...m.headers }, payload: m.payload });
};
const count = async (sql: string, params: unknown[]) => (await app.database.raw.query<{ n: number }>(sql, params)).rows[0]!.n;
const docxText = async (buf: Buffer) => (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');

describe('orders on account (账期): place → confirm → deliver → accept', () => {
  let l: { id: string; codes: string[] };
  let id: string;

  it('the buyer places an order at the listed price; the seller sees it with its actions', async () => {
    l = await listing(1);
    const o = await order(l.id);
    id = o.id;
    expect(o).toMatchObject({ status: 'placed', paymentStatus: 'unpaid', paymentTerms: 'on_account', quantity: 1, unitPriceCny: 38000, totalCny: 38000, payableCny: 38000, tradeIn: null, units: [] });
    expect(o.buyer.name).toBe('北京订单测试设备租赁有限公司');
    expect(o.actions).toEqual(['cancel']);
    const s = (await call(seller, 'GET', `/api/v1/orders/${id}`)).json();
    expect(s.actions).toEqual(['confirm', 'cancel']);
    // lists: the buyer's organisation and the seller see it; another buyer and another enterprise do not
    expect((await call(buyer, 'GET', '/api/v1/orders')).json().items.map((x: { id: string }) => x.id)).toContain(id);
    expect((await call(seller, 'GET', '/api/v1/orders')).json().items.map((x: { id: string }) => x.id)).toContain(id);
    expect((await call(otherBuyer, 'GET', '/api/v1/orders')).json().total).toBe(0);
    expect((await call(otherSeller, 'GET', `/api/v1/orders/${id}`)).statusCode).toBe(404);
    expect((await call(otherBuyer, 'GET', `/api/v1/orders/${id}`)).statusCode).toBe(404);
  });

  it('the wrong side is refused; confirmation reserves the unit', async () => {
    const byBuyer = await call(buyer, 'POST', `/api/v1/orders/${id}/confirm`, {});
    expect(byBuyer.statusCode).toBe(403);
    const foreign = await call(otherSeller, 'POST', `/api/v1/orders/${id}/confirm`, {});
    expect(foreign.statusCode).toBe(404);
    const c = await call(seller, 'POST', `/api/v1/orders/${id}/confirm`, {});
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ status: 'confirmed', units: l.codes });
    expect(c.json().actions).toEqual(['deliver', 'cancel', 'recordInvoice']);
    // the buyer organisation's users are shown the confirmation (notifications' orgOf reads buyerOrgId); another buyer is not
    const inbox = async (who: Session) => (await call(who, 'GET', '/api/v1/notifications?pageSize=100')).json() as { items: { id: string; link: string; kind: string }[]; unread: number };
    const mine = (await inbox(buyer)).items.filter((x) => x.link === `/orders/${id}`);
    expect(mine.map((x) => x.kind)).toEqual(['order.confirm']);
    expect((await inbox(otherBuyer)).items.filter((x) => x.link === `/orders/${id}`)).toEqual([]);
    expect((await call(otherBuyer, 'POST', `/api/v1/notifications/${mine[0]!.id}/read`)).statusCode).toBe(404);
    expect((await call(buyer, 'POST', `/api/v1/notifications/${mine[0]!.id}/read`)).statusCode).toBe(204);
    expect((await call(null, 'GET', `/api/v1/public/listings/${l.id}`)).json().units[0].status).toBe('reserved');
    // the public market no longer offers the reserved unit
    const market = (await call(null, 'GET', '/api/v1/public/listings?q=' + encodeURIComponent('发动机'))).json();
    expect(market.items.map((i: { id: string }) => i.id)).not.toContain(l.id);
  });

  it('delivery records the sale in the trace (owner = the buyer organisation), the listing is sold; double delivery is 409', async () => {
    const d = await call(seller, 'POST', `/api/v1/orders/${id}/deliver`, { invoiceNumber: '44001234567' });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ status: 'delivered', invoiceNumber: '44001234567', deliveredAt: expect.any(String) });
    const again = await call(seller, 'POST', `/api/v1/orders/${id}/deliver`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: expect.stringMatching(/已交付/), messageEn: expect.any(String) });
    const product = (await call(seller, 'GET', `/api/v1/trace/products/${l.codes[0]}`)).json();
    expect(product.owner).toEqual({ id: partyUri(buyerOrg), name: "北京订单测试设备租赁有限公司" });
    expect((await call(null, 'GET', `/api/v1/public/listings/${l.id}`)).json().status).toBe('sold');
    // the public verification shows the sale without naming the buyer
    const pub = await call(null, 'GET', `/api/v1/public/products/${l.codes[0]}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().steps.map((s: { label: { zh: string } }) => s.label.zh)).toContain('销售');
    expect(pub.body).not.toContain('北京订单测试设备租赁有限公司');
    expect(pub.body).not.toContain(buyerOrg);
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1 AND action LIKE 'order.%'", [id])).toBe(3);
  });

  it('a unit can never be sold twice: the trace refuses a second sale of the delivered unit', async () => {
    const s = app.services;
    await expect(
      app.database.db.transaction((tx) => s.trace.recordTransfer(tx, null, { enterpriseId: sellerId, kind: 'sale', code: l.codes[0]!, party: { orgId: 'someone-else', name: '另一买方' }, at: new Date(), requestKey: 'second-sale' })),
    ).rejects.toMatchObject({ status: 409, code: 'PRODUCT_NOT_SELLABLE' });
  });

  it('the buyer accepts; documents download as Word files with the order in Chinese', async () => {
    const a = await call(buyer, 'POST', `/api/v1/orders/${id}/accept`, {});
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().status).toBe('accepted');
    const contract = await call(buyer, 'GET', `/api/v1/orders/${id}/contract.docx`);
    expect(contract.statusCode).toBe(200);
    expect(contract.headers['content-type']).toContain('wordprocessingml');
    const xml = await docxText(contract.rawPayload);
    expect(xml).toContain('再制造产品买卖合同');
    expect(xml).toContain('叁万捌仟元整');
    expect(xml).toContain(l.codes[0]);
    const note = await docxText((await call(seller, 'GET', `/api/v1/orders/${id}/delivery-note.docx`)).rawPayload);
    expect(note).toContain('送货单');
    expect(note).toContain('44001234567');
    expect((await call(otherBuyer, 'GET', `/api/v1/orders/${id}/contract.docx`)).statusCode).toBe(404);
  });
});

describe('inquiry → quotation → prepayment → paid → delivered → disputed → resolved', () => {
  let id: string;
  it('the seller counters an inquiry with a price and prepayment; the buyer places it', async () => {
    const l = await listing(2, 50000);
    const o = await order(l.id, { inquiry: true, quantity: 2, message: '能否优惠？' });
    id = o.id;
    expect(o).toMatchObject({ status: 'inquiry', totalCny: 100000, message: '能否优惠？' });
    const q = await call(seller, 'POST', `/api/v1/orders/${id}/quote`, { unitPriceCny: 45000.5, paymentTerms: 'prepayment', note: '批量优惠' });
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json()).toMatchObject({ status: 'quoted', unitPriceCny: 45000.5, totalCny: 90001, payableCny: 90001, paymentTerms: 'prepayment', quoteNote: '批量优惠' });
    expect((await call(buyer, 'POST', `/api/v1/orders/${id}/place`)).json().status).toBe('placed');
    expect((await call(seller, 'POST', `/api/v1/orders/${id}/confirm`, {})).json().status).toBe('confirmed');
  });

  it('prepayment: no delivery before the payment is confirmed', async () => {
    const d = await call(seller, 'POST', `/api/v1/orders/${id}/deliver`, {});
    expect(d.statusCode).toBe(409);
    expect(d.json().error.code).toBe('PAYMENT_REQUIRED');
  });

  it('the buyer uploads a voucher (content-checked, the amount owed), the seller confirms it', async () => {
    const wrong = await pay(buyer, id, 100);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('amountCny');
    const text = await pay(buyer, id, 90001, Buffer.from('not a voucher at all'));
    expect(text.statusCode).toBe(415);
    expect(await count('SELECT count(*)::int AS n FROM order_payments WHERE order_id = $1', [id])).toBe(0);
    const ok = await pay(buyer, id, 90001);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'confirmed', paymentStatus: 'voucher_submitted' });
    const pid = ok.json().payments[0].id;
    expect(ok.json().payments[0]).toMatchObject({ amountCny: 90001, hasVoucher: true, status: 'submitted', reference: 'BANK-20261206-001' });
    const v = await call(seller, 'GET', `/api/v1/orders/${id}/payments/${pid}/voucher`);
    expect(v.statusCode).toBe(200);
    expect(v.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await call(otherSeller, 'GET', `/api/v1/orders/${id}/payments/${pid}/voucher`)).statusCode).toBe(404);
    const c = await call(seller, 'POST', `/api/v1/orders/${id}/payments/${pid}/confirm`, {});
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ status: 'paid', paymentStatus: 'paid', paidCny: 90001 });
  });

  it('delivered, disputed by the buyer, resolved by the seller', async () => {
    expect((await call(seller, 'POST', `/api/v1/orders/${id}/deliver`, {})).json().status).toBe('delivered');
    const bad = await call(buyer, 'POST', `/api/v1/orders/${id}/dispute`, {});
    expect(bad.statusCode).toBe(400);
    const d = await call(buyer, 'POST', `/api/v1/orders/${id}/dispute`, { reason: '一台有漏油' });
    expect(d.json()).toMatchObject({ status: 'disputed', disputeReason: '一台有漏油' });
    const r = await call(seller, 'POST', `/api/v1/orders/${id}/resolve`, { resolution: '已上门更换密封件' });
    expect(r.json()).toMatchObject({ status: 'accepted', resolution: '已上门更换密封件' });
    const inv = await call(seller, 'POST', `/api/v1/orders/${id}/invoice`, { invoiceNumber: '44009988776' });
    expect(inv.json().invoiceNumber).toBe('44009988776');
  });

  it('a rejected voucher lets the buyer submit again', async () => {
    const l = await listing(1, 1000);
    const o = await order(l.id);
    await call(seller, 'POST', `/api/v1/orders/${o.id}/confirm`, {});
    const p1 = (await pay(buyer, o.id, 1000)).json();
    const rej = await call(seller, 'POST', `/api/v1/orders/${o.id}/payments/${p1.payments[0].id}/reject`, { note: '未收到款项' });
    expect(rej.json()).toMatchObject({ paymentStatus: 'unpaid' });
    expect(rej.json().payments[0].status).toBe('rejected');
    expect((await pay(buyer, o.id, 1000)).json().paymentStatus).toBe('voucher_submitted');
  });
});

describe('bad input and cancellation', () => {
  it('more units than available, an unknown listing, a non-buyer: bilingual 4xx, nothing written', async () => {
    const l = await listing(1);
    const before = await count('SELECT count(*)::int AS n FROM orders', []);
    const many = await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, quantity: 2 });
    expect(many.statusCode).toBe(400);
    expect(many.json().error).toMatchObject({ code: 'NOT_ENOUGH_UNITS', message: expect.stringContaining('可售 1 件'), messageEn: expect.stringContaining('only 1') });
    expect(many.json().error.details[0].field).toBe('quantity');
    const unknown = await call(buyer, 'POST', '/api/v1/orders', { listingId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('listingId');
    const zero = await call(buyer, 'POST', '/api/v1/orders', { listingId: l.id, quantity: 0 });
    expect(zero.statusCode).toBe(400);
    expect((await call(seller, 'POST', '/api/v1/orders', { listingId: l.id })).statusCode).toBe(403);
    expect(await count('SELECT count(*)::int AS n FROM orders', [])).toBe(before);
  });

  it('the seller cancels a confirmed unpaid order: the unit is available again', async () => {
    const l = await listing(1);
    const o = await order(l.id);
    await call(seller, 'POST', `/api/v1/orders/${o.id}/confirm`, {});
    const byBuyer = await call(buyer, 'POST', `/api/v1/orders/${o.id}/cancel`, {});
    expect(byBuyer.statusCode).toBe(409);
    const c = await call(seller, 'POST', `/api/v1/orders/${o.id}/cancel`, { reason: '库存调整' });
    expect(c.json()).toMatchObject({ status: 'cancelled', cancelReason: '库存调整', units: [] });
    const pub = (await call(null, 'GET', `/api/v1/public/listings/${l.id}`)).json();
    expect(pub).toMatchObject({ status: 'active', unitsAvailable: 1 });
  });

  it('two orders for the last unit: the second confirmation is refused', async () => {
    const l = await listing(1);
    const a = await order(l.id);
    const b = await order(l.id);
    expect((await call(seller, 'POST', `/api/v1/orders/${a.id}/confirm`, {})).statusCode).toBe(200);
    const second = await call(seller, 'POST', `/api/v1/orders/${b.id}/confirm`, {});
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('NOT_ENOUGH_UNITS');
    expect((await call(seller, 'GET', `/api/v1/orders/${b.id}`)).json().status).toBe('placed');
  });
});
