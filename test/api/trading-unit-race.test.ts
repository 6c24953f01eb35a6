/**
 * The market under concurrency (issue 13). A listing and a recall of one unit sent at the same instant: the listing's
 * pre-check reads the unit as genuine before the recall commits, and the recall's withdrawal (an epcis.onStored
 * listener in the recall's transaction) runs before the listing's rows exist — unless the two serialise on the
 * seller's event stream lock, which the listing takes after the unit's trade lock and then re-reads the unit's events.
 *
 * The market and leasing under concurrency: a listing and a lease of the same unit sent at the same
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

const recall = (code: string) => post(`/api/v1/trace/products/${code}/status`, { status: 'recalled', reason: '批次质量问题 并发' });

describe('a listing and a recall of one unit at the same instant', () => {
  it('eight units, each listed and recalled at once: a recalled unit is never left on the market', async () => {
    const outcomes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const code = (await buildProduct(app.services, sellerId, { name: '再制造液压泵', model: 'K3V112DT' })).code;
      const [l, r] = i % 2 ? (await Promise.all([recall(code), listing(code)])).reverse() : await Promise.all([listing(code), recall(code)]);
      expect(r!.statusCode, r!.body).toBe(200);
      expect([201, 400, 409], l!.body).toContain(l!.statusCode);
      if (l!.statusCode !== 201) expect(l!.json().error).toMatchObject({ code: 'PRODUCT_NOT_LISTABLE', message: expect.stringMatching(/[\u4e00-\u9fff]/), messageEn: expect.any(String) });
      const open = await count("SELECT count(*)::int AS n FROM listing_units WHERE product_code = $1 AND status IN ('available', 'reserved')", code);
      expect(open, `unit ${code} recalled but still on the market (listing ${l!.statusCode})`).toBe(0);
      const active = await count("SELECT count(*)::int AS n FROM listings l JOIN listing_units u ON u.enterprise_id = l.enterprise_id AND u.listing_id = l.id WHERE u.product_code = $1 AND l.status = 'active'", code);
      expect(active).toBe(0);
      outcomes.push(l!.statusCode);
    }
    expect(outcomes).toHaveLength(8);
  });

  // The interleaving that left a recalled unit listed, forced: the test holds the audit chain's lock (platform/audit.ts,
  // the last lock both writers take), so the recall stops after its withdrawal listener ran (it found nothing to
  // withdraw) and before it commits; the listing is sent then — its pre-check still reads the unit as genuine. Without
  // the stream lock the listing inserts and waits for the audit lock too; released, both commit: recalled and listed.
  it.skipIf(!process.env.TEST_DATABASE_URL)('(PostgreSQL) a listing sent while the recall is between its withdrawal and its commit is refused', async () => {
    const code = (await buildProduct(app.services, sellerId, { name: '再制造液压泵', model: 'K3V112DT' })).code;
    const waiting = async () => (await app.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rows[0]!.n;
    const until = async (n: number) => {
      for (let i = 0; i < 2000 && (await waiting()) < n; i++) await new Promise<void>((r) => setImmediate(r));
      expect(await waiting()).toBeGreaterThanOrEqual(n);
    };
    const [l, r] = await app.database.raw.session!(async (held) => {
      await held.query('SELECT pg_advisory_lock(727002)'); // the audit chain's lock (CHAIN_LOCK)
      try {
        const r = recall(code);
        await until(1); // the recall waits at its audit row, its withdrawal listener done
        const l = listing(code);
        await until(2); // the listing waits too (on the stream lock with the fix, on the audit lock without)
        await held.query('SELECT pg_advisory_unlock(727002)');
        return Promise.all([l, r]);
      } catch (e) {
        await held.query('SELECT pg_advisory_unlock_all()');
        throw e;
      }
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(l.statusCode, l.body).toBe(400);
    expect(l.json().error).toMatchObject({ code: 'PRODUCT_NOT_LISTABLE', message: expect.stringMatching(/[\u4e00-\u9fff]/), messageEn: expect.any(String) });
    expect(await count("SELECT count(*)::int AS n FROM listing_units WHERE product_code = $1", code)).toBe(0);
  });
});

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
