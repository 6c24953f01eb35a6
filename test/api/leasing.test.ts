/**
 * Leasing and 以租代购 (issue 13 "Leasing") through the API: operating and finance leases, fixed and usage-based rent
 * (running hours from monitoring, declared readings otherwise), rent collection in order, the end of the term,
 * 以租代购 (the last payment transfers ownership in the trace), early termination, the return (re-lease or core
 * intake), overlapping leases refused (DB constraint → 409, also under concurrency), the .xlsx statement, bad input.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partyUri } from '../../src/domain/trace/lifecycle.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../support/factories.js';

const clock = manualClock('2026-12-06T08:00:00Z');
let app: TestApp;
let lessor: Session;
let lessorId: string;
let other: Session;
let otherId: string;
let lessee: Session;
let lesseeOrg: { id: string; creditCode: string };
let financier: Session;
let financierOrg: { id: string; creditCode: string };
let stranger: Session;
let miit: Session;

beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_RATE_PER_MINUTE: 10_000 }, { clock });
  const s = app.services;
  lessorId = (await buildEnterprise(s, { regionCode: '430100', name: '长沙租赁测试再制造有限公司' })).id;
  otherId = (await buildEnterprise(s, { regionCode: '320505' })).id;
  lessor = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: lessorId })).username, TEST_PASSWORD);
  other = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: otherId })).username, TEST_PASSWORD);
  const a = await buildBuyer(s, { orgName: '湘江工程施工有限公司' });
  lesseeOrg = { id: a.org.id, creditCode: a.org.creditCode };
  lessee = await login(app, a.user.username, TEST_PASSWORD);
  const f = await buildBuyer(s, { orgName: '湖湘融资租赁有限公司' });
  financierOrg = { id: f.org.id, creditCode: f.org.creditCode };
  financier = await login(app, f.user.username, TEST_PASSWORD);
  stranger = await login(app, (await buildBuyer(s)).user.username, TEST_PASSWORD);
  miit = await login(app, (await buildUser(s, 'ministry_officer', { organizationId: 'miit' })).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

const call = (who: Session | null, method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
const count = async (sql: string, params: unknown[] = []) => (await app.database.raw.query<{ n: number }>(sql, params)).rows[0]!.n;
const unit = async () => (await buildProduct(app.services, lessorId, { name: '再制造挖掘机液压泵', model: 'K3V112DT' })).code;
const fixed = (code: string, extra: object = {}) => ({ productCode: code, lesseeCreditCode: lesseeOrg.creditCode, kind: 'operating', startOn: '2026-09-06', months: 3, depositCny: 10_000, billing: { mode: 'fixed', monthlyRentCny: 4_000 }, ...extra });
const create = async (body: object, who = lessor) => {
  const r = await call(who, 'POST', '/api/v1/leases', body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};
const expect400 = (r: { statusCode: number; json(): { error: { message: string; messageEn: string; details?: { field: string }[] } } }, field: string) => {
  expect(r.statusCode, JSON.stringify(r.json())).toBe(400);
  expect(r.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(r.json().error.messageEn).toMatch(/[a-z]/i);
  expect(r.json().error.details?.map((d) => d.field)).toContain(field);
};
const product = async (code: string) => (await call(lessor, 'GET', `/api/v1/trace/products/${code}`)).json();

describe('an operating lease at a fixed rent: schedule, possession, rents in order, the end, the return', () => {
  let code: string;
  let id: string;

  it('creates the lease: three monthly rents due at each period’s end; the lessee gains possession in the trace', async () => {
    code = await unit();
    const l = await create(fixed(code));
    id = l.id;
    expect(l).toMatchObject({ status: 'active', kind: 'operating', startOn: '2026-09-06', endOn: '2026-12-06', months: 3, depositCny: 10_000, billing: 'fixed', monthlyRentCny: 4_000, purchasePriceCny: null, lessee: { name: '湘江工程施工有限公司' } });
    expect(l.rents.map((r: { dueOn: string; amountCny: number }) => [r.dueOn, r.amountCny])).toEqual([['2026-10-06', 4_000], ['2026-11-06', 4_000], ['2026-12-06', 4_000]]);
    // the first two are past due (today is 2026-12-06): overdue
    expect(l.overdueRents).toBe(2);
    expect(l.actions).toEqual(['payRent', 'terminate']);
    const p = await product(code);
    expect(p.possessor?.id ?? p.possessor).toEqual(expect.stringContaining(lesseeOrg.id));
    expect(p.owner?.id ?? null).not.toBe(partyUri(lesseeOrg.id));
  });

  it('the parties and MIIT read it; others do not; the lessee cannot record rents or take the unit back', async () => {
    expect((await call(lessee, 'GET', `/api/v1/leases/${id}`)).json().actions).toEqual(['terminate']);
    expect((await call(miit, 'GET', `/api/v1/leases/${id}`)).statusCode).toBe(200);
    expect((await call(other, 'GET', `/api/v1/leases/${id}`)).statusCode).toBe(404);
    expect((await call(stranger, 'GET', `/api/v1/leases/${id}`)).statusCode).toBe(404);
    expect((await call(lessee, 'POST', `/api/v1/leases/${id}/rents/1/pay`, {})).statusCode).toBe(403);
    expect((await call(lessee, 'GET', '/api/v1/leases')).json().items.map((x: { id: string }) => x.id)).toContain(id);
    expect((await call(stranger, 'GET', '/api/v1/leases')).json().total).toBe(0);
  });

  it('rents are collected in order; twice is 409; the last one ends the lease', async () => {
    const early = await call(lessor, 'POST', `/api/v1/leases/${id}/rents/2/pay`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('RENT_NOT_NEXT');
    expect((await call(lessor, 'POST', `/api/v1/leases/${id}/rents/1/pay`, { reference: 'BANK-1' })).statusCode).toBe(200);
    const twice = await call(lessor, 'POST', `/api/v1/leases/${id}/rents/1/pay`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'RENT_ALREADY_PAID', message: expect.stringContaining('已收'), messageEn: expect.stringContaining('paid') });
    expect((await call(lessor, 'POST', `/api/v1/leases/${id}/rents/2/pay`, {})).statusCode).toBe(200);
    const last = await call(lessor, 'POST', `/api/v1/leases/${id}/rents/3/pay`, {});
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json()).toMatchObject({ status: 'ended', rentsPaidCny: 12_000, overdueRents: 0 });
    expect(last.json().actions).toEqual(['return']);
    expect((await call(lessor, 'POST', `/api/v1/leases/${id}/terminate`, { reason: 'x' })).statusCode).toBe(409);
  });

  it('a second lease of the unit before its return is refused (no overlap); after the re-let return it may be leased again', async () => {
    const overlap = await call(lessor, 'POST', '/api/v1/leases', fixed(code));
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({ code: 'UNIT_ALREADY_LEASED', messageEn: expect.stringMatching(/overlap/) });
    const ret = await call(lessor, 'POST', `/api/v1/leases/${id}/return`, { disposition: 'relet', note: '外观完好' });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json()).toMatchObject({ status: 'returned', returnDisposition: 'relet', actions: [] });
    const p = await product(code);
    expect(JSON.stringify(p.possessor)).toContain(`enterprise:${lessorId}`);
    expect((await call(lessor, 'POST', `/api/v1/leases/${id}/return`, { disposition: 'relet' })).statusCode).toBe(409);
    const again = await create(fixed(code, { startOn: '2026-12-06', months: 1 }));
    expect(again.status).toBe('active');
  });

  it('the statement downloads as .xlsx: contract, schedule, statement', async () => {
    const r = await call(lessee, 'GET', `/api/v1/leases/${id}/statement.xlsx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['租赁合同', '租金计划', '对账单']);
    const plan = wb.getWorksheet('租金计划')!;
    expect(plan.rowCount).toBe(4);
    expect(plan.getRow(2).getCell(9).value).toBe('已收');
    expect(String(wb.getWorksheet('租赁合同')!.getColumn(2).values.join('|'))).toContain('湘江工程施工有限公司');
  });
});

describe('usage-based rent from running hours; a finance lease with 以租代购', () => {
  let code: string;
  let id: string;

  it('a finance lease names the leasing company, which reads it and records rents; usage periods are billed from readings', async () => {
    code = await unit();
    const l = await create({
      productCode: code, lesseeCreditCode: lesseeOrg.creditCode, kind: 'finance', financierCreditCode: financierOrg.creditCode, startOn: '2026-10-06', months: 2, depositCny: 5_000,
      billing: { mode: 'usage', ratePerHourCny: 50, minimumMonthlyCny: 3_000, startHours: 1_000 }, purchasePriceCny: 30_000,
    });
    id = l.id;
    expect(l).toMatchObject({ kind: 'finance', financier: { name: '湖湘融资租赁有限公司' }, billing: 'usage', startHours: 1_000, startHoursSource: 'declared', purchasePriceCny: 30_000, purchaseBalanceCny: 30_000 });
    expect(l.rents.every((r: { amountCny: number | null }) => r.amountCny === null)).toBe(true);
    expect((await call(financier, 'GET', `/api/v1/leases/${id}`)).json().actions).toEqual(['bill', 'terminate']);
    // not billed yet: no payment
    expect((await call(financier, 'POST', `/api/v1/leases/${id}/rents/1/pay`, {})).json().error.code).toBe('RENT_NOT_BILLED');
    // no device: the declared reading is required, and may not go backwards
    expect400(await call(financier, 'POST', `/api/v1/leases/${id}/rents/1/bill`, {}), 'readingHours');
    expect400(await call(financier, 'POST', `/api/v1/leases/${id}/rents/1/bill`, { readingHours: 900 }), 'readingHours');
    const b1 = await call(financier, 'POST', `/api/v1/leases/${id}/rents/1/bill`, { readingHours: 1_240 });
    expect(b1.statusCode, b1.body).toBe(200);
    // 240 h × 50 = 12,000 > minimum 3,000
    expect(b1.json().rents[0]).toMatchObject({ status: 'billed', hours: 240, amountCny: 12_000, readingSource: 'declared' });
    expect((await call(financier, 'POST', `/api/v1/leases/${id}/rents/1/bill`, { readingHours: 1_300 })).statusCode).toBe(409);
  });

  it('the next period reads the running hours from monitoring when the unit’s device reports them; a quiet month pays the minimum', async () => {
    const dev = await call(lessor, 'POST', '/api/v1/devices', { productCode: code });
    expect(dev.statusCode, dev.body).toBe(201);
    const { device, credentials } = dev.json();
    const basic = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    const ing = await app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/telemetry`, headers: { authorization: basic, 'content-type': 'application/json' }, payload: JSON.stringify({ ts: clock.now().getTime() - 60_000, values: { runHours: 1_280 } }) });
    expect(ing.statusCode, ing.body).toBe(200);
    expect((await call(lessor, 'POST', `/api/v1/leases/${id}/rents/1/pay`, {})).statusCode).toBe(200);
    const b2 = await call(lessor, 'POST', `/api/v1/leases/${id}/rents/2/bill`, { readingHours: 99_999 }); // the monitored reading wins
    expect(b2.statusCode, b2.body).toBe(200);
    // 40 h × 50 = 2,000 < minimum 3,000
    expect(b2.json().rents[1]).toMatchObject({ hours: 40, amountCny: 3_000, readingSource: 'monitoring', readingHours: 1_280 });
    // 以租代购: the last payment carries the rest of the purchase price (30,000 − 12,000 − 3,000)
    expect(b2.json().rents[1].purchaseBalanceCny).toBe(15_000);
  });

  it('the last payment transfers ownership to the lessee in the trace (以租代购); nothing is collected after', async () => {
    const r = await call(financier, 'POST', `/api/v1/leases/${id}/rents/2/pay`, { reference: 'FIN-2' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'purchased', rentsPaidCny: 30_000, purchaseBalanceCny: 0, actions: [] });
    expect(r.json().rents[1].paidCny).toBe(18_000);
    const p = await product(code);
    expect(p.owner).toEqual({ id: partyUri(lesseeOrg.id), name: '湘江工程施工有限公司' });
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1 AND action = 'trace.sale'", [code])).toBe(1);
    // the lessee owns it now: the enterprise cannot lease it again
    const again = await call(lessor, 'POST', '/api/v1/leases', fixed(code, { startOn: '2026-12-06' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PRODUCT_NOT_LEASABLE');
  });
});

describe('early termination and the return as a core; bad input; concurrency', () => {
  it('either party terminates early: future rents are void, those due stay owed; the unit comes back as a core', async () => {
    const code = await unit();
    const l = await create(fixed(code, { startOn: '2026-11-01', months: 6 }));
    const t = await call(lessee, 'POST', `/api/v1/leases/${l.id}/terminate`, { reason: '工程提前完工' });
    expect(t.statusCode, t.body).toBe(200);
    expect(t.json()).toMatchObject({ status: 'terminated', terminateReason: '工程提前完工' });
    // the first period (2026-11-01 → 12-01) had begun and is due: owed; the rest void
    expect(t.json().rents.map((r: { status: string }) => r.status)).toEqual(['scheduled', 'scheduled', 'void', 'void', 'void', 'void']);
    expect((await call(lessor, 'POST', `/api/v1/leases/${l.id}/rents/1/pay`, {})).statusCode).toBe(200);
    expect((await call(lessor, 'POST', `/api/v1/leases/${l.id}/rents/2/pay`, {})).statusCode).toBe(200);
    expect((await call(lessee, 'POST', `/api/v1/leases/${l.id}/return`, { disposition: 'core_intake' })).statusCode).toBe(403);
    const r = await call(lessor, 'POST', `/api/v1/leases/${l.id}/return`, { disposition: 'core_intake', grade: 'C' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'returned', returnDisposition: 'core_intake', coreEpc: expect.any(String) });
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE action = 'trace.core_intake' AND enterprise_id = $1", [lessorId])).toBeGreaterThanOrEqual(1);
  });

  it('bad input: a foreign unit, an unknown lessee, a finance lease without its company, rents ≤ 0 or absurd, a future start — nothing written', async () => {
    const code = await unit();
    const foreign = (await buildProduct(app.services, otherId)).code;
    const before = await count('SELECT count(*)::int AS n FROM leases');
    expect400(await call(lessor, 'POST', '/api/v1/leases', fixed(foreign)), 'productCode');
    expect400(await call(lessor, 'POST', '/api/v1/leases', fixed(code, { lesseeCreditCode: '91110000MA00000000' })), 'lesseeCreditCode');
    expect400(await call(lessor, 'POST', '/api/v1/leases', fixed(code, { kind: 'finance' })), 'financierCreditCode');
    expect400(await call(lessor, 'POST', '/api/v1/leases', fixed(code, { billing: { mode: 'fixed', monthlyRentCny: 0 } })), 'billing.monthlyRentCny');
    expect400(await call(lessor, 'POST', '/api/v1/leases', fixed(code, { billing: { mode: 'fixed', monthlyRentCny: 1e12 } })), 'billing.monthlyRentCny');
    expect400(await call(lessor, 'POST', '/api/v1/leases', fixed(code, { billing: { mode: 'usage', ratePerHourCny: -5, minimumMonthlyCny: 0 } })), 'billing.ratePerHourCny');
    expect400(await call(lessor, 'POST', '/api/v1/leases', fixed(code, { months: 0 })), 'months');
    expect400(await call(lessor, 'POST', '/api/v1/leases', fixed(code, { startOn: '2027-01-01' })), 'startOn');
    expect400(await call(lessor, 'POST', '/api/v1/leases', fixed(code, { purchasePriceCny: -1 })), 'purchasePriceCny');
    expect((await call(lessee, 'POST', '/api/v1/leases', fixed(code))).statusCode).toBe(403);
    expect(await count('SELECT count(*)::int AS n FROM leases')).toBe(before);
  });

  it('two leases of one unit at once: one 201, one 409; one possession event', async () => {
    const code = await unit();
    const rs = await Promise.all([call(lessor, 'POST', '/api/v1/leases', fixed(code)), call(lessor, 'POST', '/api/v1/leases', fixed(code, { months: 5 }))]);
    expect(rs.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await count("SELECT count(*)::int AS n FROM leases WHERE product_code = $1", [code])).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE action = 'trace.lease' AND object_id = $1", [code])).toBe(1);
  });

  it('the same rent paid twice at once: one 200, one 409', async () => {
    const code = await unit();
    const l = await create(fixed(code));
    const rs = await Promise.all([call(lessor, 'POST', `/api/v1/leases/${l.id}/rents/1/pay`, {}), call(lessor, 'POST', `/api/v1/leases/${l.id}/rents/1/pay`, {})]);
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE action = 'lease.payRent' AND object_id = $1", [l.id])).toBe(1);
  });
  it('the market and leasing exclude each other: a listed unit is not leased, a leased unit is not listed', async () => {
    const listed = await unit();
    expect((await call(lessor, 'POST', '/api/v1/listings', { productCode: listed, title: '再制造液压泵 上架', priceCny: 20_000 })).statusCode).toBe(201);
    const r = await call(lessor, 'POST', '/api/v1/leases', fixed(listed));
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'PRODUCT_NOT_LEASABLE', messageEn: expect.stringMatching(/listed/) });
    const leased = await unit();
    await create(fixed(leased));
    const l = await call(lessor, 'POST', '/api/v1/listings', { productCode: leased, title: '再制造液压泵 出租中', priceCny: 20_000 });
    expect400(l, 'productCode');
    expect(l.json().error.code).toBe('PRODUCT_NOT_LISTABLE');
  });
});
