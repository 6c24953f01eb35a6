/**
 * 保险 (issue 13; 000 三(八)): an insurer registers as an organisation of kind insurer; the enterprise records a quality
 * insurance policy of a unit at its sale (the order) or lease (policy number, cover, term, premium, insurer); one
 * policy per unit at a time (two at once: one 201, one 409); the unit's insurance is public without the holder or
 * premium. A case opened inside the seller's warranty stays a warranty claim; after the warranty but inside the cover
 * it is routed to the insurer (notified), who alone decides it within the cover left; outside the cover nothing is
 * routed. Figures per enterprise: insured units, policies, claims, amounts paid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../support/factories.js';

const clock = manualClock('2026-03-02T02:00:00Z');
let app: TestApp;
let seller: Session;
let otherSeller: Session;
let buyer: Session;
let insurer: Session;
let otherInsurer: Session;
let miit: Session;
let sellerId = '';
let buyerCode = '';
let insurerCode = '';
let otherInsurerCode = '';

let n = 0;
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCode = () => makeCreditCode('110105', 'MA' + Array.from({ length: 7 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join(''));
async function registerInsurer(name: string) {
  const code = creditCode();
  const r = await app.inject({ method: 'POST', url: '/api/v1/public/register', payload: { orgName: name, creditCode: code, contactName: '核保员', phone: '010-66668888', username: `ins-${++n}-${Date.now().toString(36)}`, password: 'Insurer-pass-2026', kind: 'insurer' } });
  expect(r.statusCode, r.body).toBe(201);
  expect(r.json().organization.kind).toBe('insurer');
  return { code, session: await login(app, r.json().user.username, 'Insurer-pass-2026') };
}

beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_RATE_PER_MINUTE: 10_000, REGISTER_RATE_PER_MINUTE: 100 } as never, { clock });
  const s = app.services;
  sellerId = (await buildEnterprise(s, { regionCode: '420100', name: '保险测试再制造有限公司' })).id;
  seller = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: sellerId })).username, TEST_PASSWORD);
  const otherId = (await buildEnterprise(s, { regionCode: '430100' })).id;
  otherSeller = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: otherId })).username, TEST_PASSWORD);
  const b = await buildBuyer(s, { orgName: '保险测试采购单位' });
  buyerCode = b.org.creditCode;
  buyer = await login(app, b.user.username, TEST_PASSWORD);
  ({ code: insurerCode, session: insurer } = await registerInsurer('测试财产保险股份有限公司'));
  ({ code: otherInsurerCode, session: otherInsurer } = await registerInsurer('另一财产保险股份有限公司'));
  miit = await login(app, (await buildUser(s, 'ministry_officer', { organizationId: 'miit' })).username, TEST_PASSWORD);
  expect((await call(seller, 'PUT', '/api/v1/thing-models/WD615', { template: 'engine' })).statusCode).toBe(200);
}, 120_000);
afterAll(async () => app?.close());

const call = (who: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
const ok = async (who: Session, url: string, payload: object = {}) => {
  const r = await call(who, 'POST', url, payload);
  expect(r.statusCode, `${url} ${r.body}`).toBeLessThan(300);
  return r.json();
};
const count = async (sql: string, params: unknown[]) => (await app.database.raw.query<{ n: number }>(sql, params)).rows[0]!.n;
/** A WD615 engine (12 months' warranty) listed, ordered by the buyer, confirmed and delivered today. */
async function delivered() {
  const code = (await buildProduct(app.services, sellerId, { name: '再制造柴油发动机总成', model: 'WD615', warrantyMonths: 12 })).code;
  const l = await ok(seller, '/api/v1/listings', { productCode: code, title: '再制造柴油发动机总成 WD615 保险', priceCny: 30_000 });
  const o = await ok(buyer, '/api/v1/orders', { listingId: l.id });
  await ok(seller, `/api/v1/orders/${o.id}/confirm`);
  await ok(seller, `/api/v1/orders/${o.id}/deliver`);
  return { id: o.id as string, code };
}
const policy = (orderId: string, productCode: string, over: object = {}) => ({ orderId, productCode, insurerCreditCode: insurerCode, policyNumber: `PZJ2026${++n}`, coverCny: 20_000, coverage: '质保期满后两年内的质量故障维修费用', premiumCny: 600, startsOn: '2026-03-02', endsOn: '2029-03-01', ...over });

describe('quality insurance of a sold unit', () => {
  let sale: { id: string; code: string };
  let policyId = '';
  let deviceId = '';

  it('refuses bad input with a bilingual 400 naming the field, and writes nothing', async () => {
    sale = await delivered();
    const foreign = await call(otherSeller, 'POST', '/api/v1/insurance/policies', policy(sale.id, sale.code));
    const cases: [object, string, Session?][] = [
      [{ ...policy(sale.id, sale.code), orderId: undefined }, 'orderId'],
      [policy(sale.id, sale.code, { insurerCreditCode: buyerCode }), 'insurerCreditCode'],
      [policy(sale.id, 'RM0000000000000000'), 'productCode'],
      [policy(sale.id, sale.code, { endsOn: '2026-03-01' }), 'endsOn'],
      [policy(sale.id, sale.code, { endsOn: '2040-03-01' }), 'endsOn'],
      [policy(sale.id, sale.code, { premiumCny: -1 }), 'premiumCny'],
      [policy(sale.id, sale.code, { coverCny: 1e12 }), 'coverCny'],
      [policy(sale.id, sale.code, { startsOn: '2026-02-30x' }), 'startsOn'],
    ];
    for (const [body, field] of cases) {
      const r = await call(seller, 'POST', '/api/v1/insurance/policies', body);
      expect(r.statusCode, `${field} ${r.body}`).toBe(400);
      expect(r.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(r.json().error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.json().error.messageEn).toBeTruthy();
    }
    expect(foreign.statusCode).toBe(400); // another enterprise's order is "no such order of your enterprise"
    expect(foreign.json().error.details[0].field).toBe('orderId');
    expect((await call(buyer, 'POST', '/api/v1/insurance/policies', policy(sale.id, sale.code))).statusCode).toBe(403);
    expect(await count('SELECT count(*)::int AS n FROM insurance_policies', [])).toBe(0);
  });

  it('records one policy per unit (two at once: one 201, one 409), audited; the insurer and the holder see it, others do not', async () => {
    const rs = await Promise.all([call(seller, 'POST', '/api/v1/insurance/policies', policy(sale.id, sale.code)), call(seller, 'POST', '/api/v1/insurance/policies', policy(sale.id, sale.code))]); // the same term, two policy numbers
    expect(rs.map((r) => r.statusCode).sort(), rs.map((r) => r.body).join(' | ')).toEqual([201, 409]);
    expect(rs.find((r) => r.statusCode === 409)!.json().error.code).toBe('UNIT_ALREADY_INSURED');
    const p = rs.find((r) => r.statusCode === 201)!.json();
    policyId = p.id;
    expect(p).toMatchObject({ productCode: sale.code, productName: '再制造柴油发动机总成', model: 'WD615', insurer: { name: '测试财产保险股份有限公司' }, holder: { name: '保险测试采购单位' }, coverCny: 20_000, premiumCny: 600, active: true, claims: 0 });
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE action = 'insurance.policy_recorded' AND object_id = $1", [policyId])).toBe(1);
    const dup = await call(seller, 'POST', '/api/v1/insurance/policies', policy(sale.id, (await delivered()).code, { orderId: undefined, policyNumber: p.policyNumber }));
    expect(dup.statusCode).toBe(400); // no order named
    const other = await delivered();
    const taken = await call(seller, 'POST', '/api/v1/insurance/policies', policy(other.id, other.code, { policyNumber: p.policyNumber }));
    expect(taken.statusCode, taken.body).toBe(409);
    expect(taken.json().error.code).toBe('POLICY_NUMBER_TAKEN');

    expect((await call(insurer, 'GET', '/api/v1/insurance/policies')).json().items.map((x: { id: string }) => x.id)).toEqual([policyId]);
    expect((await call(buyer, 'GET', '/api/v1/insurance/policies')).json().total).toBe(1);
    expect((await call(otherInsurer, 'GET', '/api/v1/insurance/policies')).json().total).toBe(0);
    expect((await call(otherInsurer, 'GET', `/api/v1/insurance/policies/${policyId}`)).statusCode).toBe(404);
    expect((await call(otherSeller, 'GET', `/api/v1/insurance/policies/${policyId}`)).statusCode).toBe(404);
    expect((await call(miit, 'GET', `/api/v1/insurance/policies/${policyId}`)).statusCode).toBe(200);
    const pub = await call(null, 'GET', `/api/v1/public/insurance/${sale.code}`);
    expect(pub.json()).toMatchObject({ code: sale.code, insured: true, policies: [{ insurerName: '测试财产保险股份有限公司', coverCny: 20_000, startsOn: '2026-03-02', endsOn: '2029-03-01', active: true }] });
    expect(pub.body).not.toContain('保险测试采购单位');
    expect(pub.body).not.toContain('premium');
  });

  it('inside the seller’s warranty a case stays a warranty claim: nothing goes to the insurer', async () => {
    const d = await call(seller, 'POST', '/api/v1/devices', { productCode: sale.code });
    expect(d.statusCode, d.body).toBe(201);
    deviceId = d.json().device.id;
    const c = await call(buyer, 'POST', '/api/v1/cases', { deviceId, title: '机油压力低', description: '交付后一周出现' });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ warrantyClaim: true, claimStatus: 'pending' });
    expect((await call(insurer, 'GET', '/api/v1/insurance/claims')).json().total).toBe(0);
  });

  it('after the warranty, inside the cover: the case is routed to the insurer, who alone decides it within the cover', async () => {
    clock.set('2027-05-10T02:00:00Z'); // warranty (12 months from 2026-03-02) is over; the policy runs to 2029-03-01
    const c = await call(buyer, 'POST', '/api/v1/cases', { deviceId, title: '增压器异响', description: '质保期后出现' });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().warrantyClaim).toBe(false);
    const caseId = c.json().id as string;
    const mine = (await call(insurer, 'GET', '/api/v1/insurance/claims')).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ caseId, title: '增压器异响', productCode: sale.code, status: 'pending', policy: { id: policyId }, actions: ['decide'], enterpriseName: '保险测试再制造有限公司' });
    expect(await count("SELECT count(*)::int AS n FROM notifications WHERE org_id = $1 AND kind = 'insurance' AND title LIKE '%保险理赔%'", [mine.items[0].insurer.id])).toBe(1);
    // the insurer's users are shown their organisation's notifications (orgOf reads buyerOrgId); another insurer's stay hidden
    const inbox = (who: Session) => call(who, 'GET', '/api/v1/notifications?pageSize=100').then((r) => r.json() as { items: { id: string; title: string; link: string }[]; unread: number });
    const claimNote = (await inbox(insurer)).items.find((x) => x.title.includes('保险理赔'));
    expect(claimNote, JSON.stringify(await inbox(insurer))).toMatchObject({ link: '/insurance' });
    expect((await inbox(otherInsurer)).items.filter((x) => x.title.includes('保险理赔'))).toEqual([]);
    expect((await call(otherInsurer, 'POST', `/api/v1/notifications/${claimNote!.id}/read`)).statusCode).toBe(404);
    expect((await inbox(buyer)).items.some((x) => x.title.includes('保险理赔'))).toBe(false);
    expect((await call(seller, 'GET', '/api/v1/insurance/claims')).json().items[0].actions).toEqual([]);
    expect((await call(otherInsurer, 'GET', `/api/v1/insurance/claims/${caseId}`)).statusCode).toBe(404);
    expect((await call(otherInsurer, 'POST', `/api/v1/insurance/claims/${caseId}/decide`, { decision: 'rejected', reason: '不是我司' })).statusCode).toBe(404);
    expect((await call(buyer, 'POST', `/api/v1/insurance/claims/${caseId}/decide`, { decision: 'accepted', amountCny: 100, reason: '自己批' })).statusCode).toBe(403);
    const over = await call(insurer, 'POST', `/api/v1/insurance/claims/${caseId}/decide`, { decision: 'accepted', amountCny: 25_000, reason: '更换增压器' });
    expect(over.statusCode).toBe(400);
    expect(over.json().error).toMatchObject({ code: 'OVER_COVER', details: [{ field: 'amountCny' }] });
    const noAmount = await call(insurer, 'POST', `/api/v1/insurance/claims/${caseId}/decide`, { decision: 'accepted', reason: '更换增压器' });
    expect(noAmount.statusCode).toBe(400);
    const rs = await Promise.all([
      call(insurer, 'POST', `/api/v1/insurance/claims/${caseId}/decide`, { decision: 'accepted', amountCny: 8_000, reason: '更换增压器，保险责任内' }),
      call(insurer, 'POST', `/api/v1/insurance/claims/${caseId}/decide`, { decision: 'rejected', reason: '重复提交' }),
    ]);
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const decided = rs.find((r) => r.statusCode === 200)!.json();
    expect(['accepted', 'rejected']).toContain(decided.status);
    if (decided.status === 'rejected') {
      // the rejection won the race; nothing was paid
      expect(await count("SELECT count(*)::int AS n FROM insurance_claims WHERE status = 'accepted'", [])).toBe(0);
    } else {
      expect(decided).toMatchObject({ amountCny: 8_000, actions: [] });
      expect((await call(buyer, 'GET', `/api/v1/insurance/policies/${policyId}`)).json()).toMatchObject({ claims: 1, paidCny: 8_000 });
    }
    const figures = (await call(seller, 'GET', '/api/v1/insurance/figures')).json();
    expect(figures.items).toHaveLength(1);
    expect(figures.items[0]).toMatchObject({ enterpriseId: sellerId, insuredUnits: 1, policies: 1, premiumCny: 600, claims: 1, claimsPending: 0, claimsAccepted: decided.status === 'accepted' ? 1 : 0, paidCny: decided.status === 'accepted' ? 8_000 : 0 });
    expect((await call(insurer, 'GET', '/api/v1/insurance/figures')).json().items[0]).toMatchObject({ enterpriseId: sellerId, policies: 1, claims: 1 });
    expect((await call(otherInsurer, 'GET', '/api/v1/insurance/figures')).json().items).toEqual([]);
    expect((await call(miit, 'GET', '/api/v1/insurance/figures')).json().items.find((x: { enterpriseId: string }) => x.enterpriseId === sellerId)).toBeTruthy();
  });

  it('after the cover ends nothing is routed; a policy recorded at a lease names the lessee as holder', async () => {
    clock.set('2029-06-01T02:00:00Z');
    const c = await call(buyer, 'POST', '/api/v1/cases', { deviceId, title: '漏油', description: '保险期满后' });
    expect(c.statusCode, c.body).toBe(201);
    expect(await count('SELECT count(*)::int AS n FROM insurance_claims WHERE case_id = $1', [c.json().id])).toBe(0);
    const pub = (await call(null, 'GET', `/api/v1/public/insurance/${sale.code}`)).json();
    expect(pub.insured).toBe(false);

    const code = (await buildProduct(app.services, sellerId, { name: '再制造液压泵', model: 'K3V112DT' })).code;
    const lease = await ok(seller, '/api/v1/leases', { productCode: code, lesseeCreditCode: buyerCode, kind: 'operating', months: 12, depositCny: 1000, billing: { mode: 'fixed', monthlyRentCny: 2000 } });
    const p = await call(seller, 'POST', '/api/v1/insurance/policies', { leaseId: lease.id, insurerCreditCode: otherInsurerCode, policyNumber: 'LZX2029001', coverCny: 5000, premiumCny: 150, startsOn: '2029-06-01', endsOn: '2030-05-31' });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({ productCode: code, leaseId: lease.id, orderId: null, holder: { name: '保险测试采购单位' }, insurer: { name: '另一财产保险股份有限公司' } });
    const wrong = await call(seller, 'POST', '/api/v1/insurance/policies', { leaseId: lease.id, productCode: sale.code, insurerCreditCode: otherInsurerCode, policyNumber: 'LZX2029002', coverCny: 5000, premiumCny: 150, startsOn: '2030-06-01', endsOn: '2031-05-31' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('productCode');
  });
});

describe('an insurer’s own roles (insurer_admin, insurer_staff)', () => {
  it('its registering person is insurer_admin, shown as such with the organisation kind; its administrator grants insurer roles only', async () => {
    const me = (await call(insurer, 'GET', '/api/v1/auth/me')).json().user;
    expect(me).toMatchObject({ role: 'insurer_admin', organization: { kind: 'insurer', name: '测试财产保险股份有限公司' } });
    const orgId = me.organization.id as string;
    const staff = await buildUser(app.services, 'insurer_staff', { organizationId: orgId });
    expect(staff.buyerOrgId).toBe(orgId);
    // an insurer's role needs an insurer, a buyer's role a buyer organisation
    await expect(buildUser(app.services, 'insurer_staff', { organizationId: (await buildBuyer(app.services)).org.id })).rejects.toMatchObject({ status: 400 });
    await expect(buildUser(app.services, 'buyer_staff', { organizationId: orgId })).rejects.toMatchObject({ status: 400 });
    const s = await login(app, staff.username, TEST_PASSWORD);
    expect((await call(s, 'GET', '/api/v1/auth/me')).json().user.role).toBe('insurer_staff');
    // the staff reads the claims and policies of its insurer, as the admin does
    expect((await call(s, 'GET', '/api/v1/insurance/claims')).json().total).toBeGreaterThan(0);
    expect((await call(s, 'GET', '/api/v1/insurance/policies')).json().total).toBeGreaterThan(0);
    expect((await call(s, 'GET', '/api/v1/insurance/figures')).statusCode).toBe(200);
    expect((await call(s, 'GET', '/api/v1/notifications')).statusCode).toBe(200);
    expect((await call(s, 'GET', '/api/v1/todos')).statusCode).toBe(200);
  });

  it('the server refuses an insurer’s users the buyer’s routes (ordering, leasing, core exchange, devices, cases, ratings): 403 naming the role, nothing written', async () => {
    const before = await count('SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM core_postings) + (SELECT count(*) FROM service_cases) AS n', []);
    const listing = await ok(seller, '/api/v1/listings', { productCode: (await buildProduct(app.services, sellerId, { name: '再制造柴油发动机总成', model: 'WD615' })).code, title: '保险机构不能下单', priceCny: 1000 });
    for (const [method, url, body] of [
      ['POST', '/api/v1/orders', { listingId: listing.id }],
      ['GET', '/api/v1/orders', undefined],
      ['GET', '/api/v1/leases', undefined],
      ['GET', '/api/v1/core-exchange/postings', undefined],
      ['POST', '/api/v1/core-exchange/postings', { kind: 'supply', name: '旧发动机', model: 'WD615', quantity: 3, grade: 'B', regionCode: '110105' }],
      ['GET', '/api/v1/devices', undefined],
      ['GET', '/api/v1/cases', undefined],
      ['POST', '/api/v1/cases', { deviceId: '00000000-0000-4000-8000-000000000000', title: '保险机构不开工单' }],
      ['GET', '/api/v1/orders/00000000-0000-4000-8000-000000000000/rating', undefined],
    ] as const) {
      const r = await call(insurer, method, url, body);
      expect(r.statusCode, `${method} ${url} ${r.body}`).toBe(403);
      expect(r.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('保险机构管理员'), messageEn: expect.stringContaining('Insurer administrator') });
    }
    expect(await count('SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM core_postings) + (SELECT count(*) FROM service_cases) AS n', [])).toBe(before);
    // and the buyer's users do not decide claims (only the insurer's roles reach that route)
    const r = await call(buyer, 'POST', '/api/v1/insurance/claims/00000000-0000-4000-8000-000000000000/decide', { decision: 'rejected', reason: 'x' });
    expect(r.json().error.message).toContain('采购方管理员');
  });
});
