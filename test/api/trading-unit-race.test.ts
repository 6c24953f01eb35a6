/**
 * The market and leasing under concurrency (issue 13): a listing and a lease of the same unit sent at the same
 * instant — both pass their pre-checks, which are read before either transaction — serialise on the unit's trade
 * lock (platform/trade-unit-lock.ts) and re-read the other inside their transaction: exactly one 201, the other 409,
 * and the stored state has one of the two. Written for PostgreSQL (TEST_DATABASE_URL, where the requests really
 * overlap); on PGlite they serialise and must answer the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let seller: Session;
let sellerId = '';
let lesseeCode = '';

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 100_000 });
  const s = app.services;
  sellerId = (await buildEnterprise(s, { regionCode: '430100' })).id;
  seller = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: sellerId })).username, TEST_PASSWORD);
  lesseeCode = (await buildBuyer(s)).org.creditCode;
});
afterAll(async () => app?.close());

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: seller.headers, payload });
const count = async (q: string, code: string) => (await app.database.raw.query<{ n: number }>(q, [code])).rows[0]!.n;
const lease = (code: string) => post('/api/v1/leases', { productCode: code, lesseeCreditCode: lesseeCode, kind: 'operating', months: 3, depositCny: 1000, billing: { mode: 'fixed', monthlyRentCny: 2000 } });
const listing = (code: string) => post('/api/v1/listings', { productCode: code, title: '再制造液压泵 并发', priceCny: 20_000 });

describe('a listing and a lease of one unit at the same instant', () => {
  it('five units, each listed and leased at once: per unit one 201 and one 409, never both stored', async () => {
    const winners: string[] = [];
    for (let i = 0; i < 5; i++) {
      const code = (await buildProduct(app.services, sellerId, { name: '再制造液压泵', model: 'K3V112DT' })).code;
      // alternate who is sent first, so either side can win
      const [l, s] = i % 2 ? await Promise.all([lease(code), listing(code)]) : (await Promise.all([listing(code), lease(code)])).reverse();
      const statuses = [l!.statusCode, s!.statusCode];
      expect(statuses.filter((x) => x >= 500), `${l!.body} | ${s!.body}`).toEqual([]);
      expect(statuses.sort(), `${l!.body} | ${s!.body}`).toEqual([201, 409]);
      const loser = l!.statusCode === 409 ? l! : s!;
      expect(loser.json().error).toMatchObject({ code: expect.stringMatching(/^(UNIT_LEASED|PRODUCT_NOT_LEASABLE)$/), message: expect.stringMatching(/[\u4e00-\u9fff]/), messageEn: expect.any(String) });
      const leases = await count("SELECT count(*)::int AS n FROM leases WHERE product_code = $1", code);
      const listed = await count("SELECT count(*)::int AS n FROM listing_units WHERE product_code = $1 AND status IN ('available', 'reserved')", code);
      expect(leases + listed).toBe(1);
      expect(leases).toBe(l!.statusCode === 201 ? 1 : 0);
      winners.push(leases ? 'lease' : 'listing');
    }
    expect(winners).toHaveLength(5);
  });

  it('a unit leased and returned for re-let can be listed again (the lock does not outlive the lease)', async () => {
    const code = (await buildProduct(app.services, sellerId, { name: '再制造液压泵', model: 'K3V112DT' })).code;
    const l = await lease(code);
    expect(l.statusCode, l.body).toBe(201);
    const blocked = await listing(code);
    expect([400, 409]).toContain(blocked.statusCode);
    expect((await post(`/api/v1/leases/${l.json().id}/terminate`, { reason: '测试提前终止' })).statusCode).toBe(200);
    const r = await post(`/api/v1/leases/${l.json().id}/return`, { disposition: 'relet' });
    expect(r.statusCode, r.body).toBe(200);
    const again = await listing(code);
    expect(again.statusCode, again.body).toBe(201);
  });
});
