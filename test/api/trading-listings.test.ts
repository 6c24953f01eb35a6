import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let seller: Session;
let sellerId: string;
let other: Session;
let otherId: string;
let addr = 0;
const nextAddr = () => `10.9.0.${++addr}`;

beforeAll(async () => {
  app = await buildTestApp();
  const s = app.services;
  sellerId = (await buildEnterprise(s, { regionCode: '440106', name: '广州交易测试再制造有限公司' })).id;
  otherId = (await buildEnterprise(s, { regionCode: '320505', name: '苏州交易测试再制造有限公司' })).id;
  seller = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: sellerId })).username, TEST_PASSWORD);
  other = await login(app, (await buildUser(s, 'enterprise_staff', { organizationId: otherId })).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

const register = (body: Record<string, unknown>, remoteAddress = nextAddr()) => app.inject({ method: 'POST', url: '/api/v1/public/register', payload: body, remoteAddress });
const validCode = (body9: string) => makeCreditCode('110105', body9);
const regBody = (n: string) => ({ orgName: `北京某设备租赁有限公司${n}`, creditCode: validCode(`MA0${n.padStart(6, '0')}`), contactName: '王经理', phone: '010-66668888', username: `buyer-${n}`, password: 'Strong-pass-2026' });

describe('buyer registration', () => {
  it('registers an organisation and its admin, who logs in as a buyer', async () => {
    const res = await register(regBody('1'));
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b.organization).toMatchObject({ name: '北京某设备租赁有限公司1', kind: 'buyer' });
    expect(b.user).toMatchObject({ username: 'buyer-1', role: 'buyer_admin' });
    const s = await login(app, 'buyer-1', 'Strong-pass-2026');
    const me = await app.inject({ url: '/api/v1/auth/me', headers: s.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.organization).toMatchObject({ id: b.organization.id, kind: 'buyer', name: '北京某设备租赁有限公司1' });
    // a buyer is not an enterprise user: the enterprise routes stay closed
    expect((await app.inject({ url: '/api/v1/enterprises', headers: s.headers })).statusCode).toBe(403);
    const audit = await app.database.raw.query<{ action: string }>("SELECT action FROM audit_log WHERE object_id = $1 OR object_id = $2 ORDER BY id", [b.organization.id, b.user.id]);
    expect(audit.rows.map((r) => r.action).slice(0, 2)).toEqual(['buyer.registered', 'user.registered']);
  });

  it('refuses a bad credit code, a weak password and duplicates, naming the field, and writes nothing', async () => {
    const count = async () => (await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM buyer_orgs')).rows[0]!.n;
    const before = await count();
    const badCode = await register({ ...regBody('2'), creditCode: validCode('MA0000002').slice(0, 17) + 'Z' === validCode('MA0000002') ? '91110105MA00000020' : validCode('MA0000002').slice(0, 17) + (validCode('MA0000002').endsWith('0') ? '1' : '0') });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details[0].field).toBe('creditCode');
    const weak = await register({ ...regBody('3'), password: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(JSON.stringify(weak.json().error.details)).toContain('password');
    const dupCode = await register({ ...regBody('4'), creditCode: regBody('1').creditCode });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().error.code).toBe('BUYER_ALREADY_REGISTERED');
    const dupUser = await register({ ...regBody('5'), username: 'buyer-1' });
    expect(dupUser.statusCode).toBe(409);
    expect(dupUser.json().error.code).toBe('USERNAME_TAKEN');
    const missing = await register({ orgName: '某公司' });
    expect(missing.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('two registrations of one credit code at once: one 201, one 409', async () => {
    const body = regBody('6');
    const [a, b] = await Promise.all([register({ ...body, username: 'race-a' }), register({ ...body, username: 'race-b' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
  });

  it('is rate-limited per client address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await register({ ...regBody(`7${i}`) }, '10.8.8.8')).statusCode);
    expect(codes.slice(0, 5).every((c) => c === 201)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('listings', () => {
  let engine: { code: string; epc: string };
  let listingId: string;

  it('a seller lists its own genuine product; the public market finds it by a Chinese word', async () => {
    engine = await buildProduct(app.services, sellerId, { name: '再制造柴油发动机总成', model: 'WD615' });
    const res = await app.inject({
      method: 'POST', url: '/api/v1/listings', headers: seller.headers,
      payload: { productCode: engine.code, title: '再制造柴油发动机总成 WD615 国六', priceCny: 38000, newReferencePriceCny: 68000, description: '三包一年，可开增值税专用发票' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const l = res.json();
    listingId = l.id;
    expect(l).toMatchObject({ status: 'active', productCode: engine.code, priceCny: 38000, unitsAvailable: 1, warrantyMonths: 12, life: 1 });
    expect(l.savingVsNew).toBeCloseTo(0.441, 3);
    expect(l.verified).toMatchObject({ code: engine.code, genuine: true, name: '再制造柴油发动机总成' });
    expect(l.enterprise).toMatchObject({ name: '广州交易测试再制造有限公司', announced: false, regionName: expect.stringContaining('广') });

    const found = await app.inject({ url: `/api/v1/public/listings?q=${encodeURIComponent('发动机')}` });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(listingId);
    expect(found.json().items[0].snippet).toContain('<mark>');
    const notFound = await app.inject({ url: `/api/v1/public/listings?q=${encodeURIComponent('变速箱')}` });
    expect(notFound.json().items.map((i: { id: string }) => i.id)).not.toContain(listingId);
  });

  it('filters by price, region and announced sellers', async () => {
    const ids = async (qs: string) => (await app.inject({ url: `/api/v1/public/listings?${qs}` })).json().items.map((i: { id: string }) => i.id);
    expect(await ids('minPrice=30000&maxPrice=40000')).toContain(listingId);
    expect(await ids('minPrice=40000')).not.toContain(listingId);
    expect(await ids('region=440000')).toContain(listingId);
    expect(await ids('region=320000')).not.toContain(listingId);
    expect(await ids('announcedOnly=true')).not.toContain(listingId); // the seller is not announced
    const bad = await app.inject({ url: '/api/v1/public/listings?pageSize=500' });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses foreign codes, unknown codes, bad prices and a unit listed twice, with a bilingual 4xx', async () => {
    const foreign = await buildProduct(app.services, otherId);
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/listings', headers: seller.headers, payload });
    const f = await post({ productCode: foreign.code, title: '别人的产品', priceCny: 100 });
    expect(f.statusCode).toBe(400);
    expect(f.json().error.details[0].field).toBe('productCode');
    expect(f.json().error.messageEn).toMatch(/no such remanufactured product/);
    expect((await post({ productCode: 'RM0000000000000000', title: '不存在', priceCny: 100 })).statusCode).toBe(400);
    for (const priceCny of [0, -5, 1e12, 10.001]) {
      const r = await post({ productCode: engine.code, title: '价格错误', priceCny });
      expect(r.statusCode, String(priceCny)).toBe(400);
      expect(r.json().error.details[0].field).toBe('priceCny');
    }
    const again = await post({ productCode: engine.code, title: '重复上架', priceCny: 100 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('UNIT_ALREADY_LISTED');
    // the other enterprise cannot withdraw the seller's listing (404: it may read active listings, not manage them)
    const w = await app.inject({ method: 'POST', url: `/api/v1/listings/${listingId}/withdraw`, headers: other.headers, payload: {} });
    expect(w.statusCode).toBe(403);
  });

  it('a recalled product cannot be listed, and a recall withdraws a listed unit at once', async () => {
    const recalled = await buildProduct(app.services, sellerId, { name: '再制造液压泵', model: 'HP-1' });
    const r1 = await app.inject({ method: 'POST', url: `/api/v1/trace/products/${recalled.code}/status`, headers: seller.headers, payload: { status: 'recalled', reason: '批次质量问题' } });
    expect(r1.statusCode, r1.body).toBe(200);
    const refused = await app.inject({ method: 'POST', url: '/api/v1/listings', headers: seller.headers, payload: { productCode: recalled.code, title: '召回产品', priceCny: 100 } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('PRODUCT_NOT_LISTABLE');

    // listed first, recalled later: the listing leaves the market
    const q = `/api/v1/public/listings?q=${encodeURIComponent('发动机')}`;
    expect((await app.inject({ url: q })).json().items.map((i: { id: string }) => i.id)).toContain(listingId); // cached answer now
    const r2 = await app.inject({ method: 'POST', url: `/api/v1/trace/products/${engine.code}/status`, headers: seller.headers, payload: { status: 'recalled', reason: '召回' } });
    expect(r2.statusCode).toBe(200);
    expect((await app.inject({ url: q })).json().items.map((i: { id: string }) => i.id)).not.toContain(listingId);
    const detail = await app.inject({ url: `/api/v1/public/listings/${listingId}` });
    expect(detail.statusCode).toBe(404); // withdrawn listings are not public
    const own = await app.inject({ url: '/api/v1/listings?status=withdrawn', headers: seller.headers });
    const mine = own.json().items.find((i: { id: string }) => i.id === listingId);
    expect(mine).toMatchObject({ status: 'withdrawn', statusReason: expect.stringContaining('召回') });
  });

  it('a listing of several units of one model; the seller withdraws it', async () => {
    const a = await buildProduct(app.services, sellerId, { name: '再制造变速箱', model: 'GB-9' });
    const b = await buildProduct(app.services, sellerId, { name: '再制造变速箱', model: 'GB-9' });
    const c = await buildProduct(app.services, sellerId, { name: '再制造涡轮增压器', model: 'T-2' });
    const mixed = await app.inject({ method: 'POST', url: '/api/v1/listings', headers: seller.headers, payload: { productCodes: [a.code, c.code], title: '混合', priceCny: 100 } });
    expect(mixed.statusCode).toBe(400);
    const res = await app.inject({ method: 'POST', url: '/api/v1/listings', headers: seller.headers, payload: { productCodes: [a.code, b.code], title: '再制造变速箱 GB-9 两台', priceCny: 12000.5 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().units).toHaveLength(2);
    expect(res.json().unitsAvailable).toBe(2);
    const w = await app.inject({ method: 'POST', url: `/api/v1/listings/${res.json().id}/withdraw`, headers: seller.headers, payload: { reason: '暂停销售' } });
    expect(w.statusCode).toBe(200);
    expect(w.json()).toMatchObject({ status: 'withdrawn', unitsAvailable: 0 });
    const twice = await app.inject({ method: 'POST', url: `/api/v1/listings/${res.json().id}/withdraw`, headers: seller.headers, payload: {} });
    expect(twice.statusCode).toBe(409);
    // withdrawn units may be listed again
    const relist = await app.inject({ method: 'POST', url: '/api/v1/listings', headers: seller.headers, payload: { productCode: a.code, title: '再制造变速箱 GB-9', priceCny: 13000 } });
    expect(relist.statusCode).toBe(201);
  });

  it('buyers see the market but cannot list', async () => {
    const { user } = await buildBuyer(app.services);
    const s = await login(app, user.username, TEST_PASSWORD);
    const r = await app.inject({ method: 'POST', url: '/api/v1/listings', headers: s.headers, payload: { productCode: 'RM0000000000000000', title: 'x', priceCny: 1 } });
    expect(r.statusCode).toBe(403);
  });
});
