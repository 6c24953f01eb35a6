/**
 * 旧件交易 core exchange under concurrency (issue 13 item 3): decided on locked rows. Run on PostgreSQL with
 * TEST_DATABASE_URL (real parallel transactions); on PGlite the same assertions hold (one connection serialises).
 *  - N concurrent accepts of one match: one 201, the rest 409 MATCH_DECIDED; the supply loses the quantity once; one
 *    intake event in the receiver's stream; one audit row.
 *  - accepts of three matches over one supply that together exceed it: one 201, the rest 409 QUANTITY_EXCEEDED.
 *  - N concurrent proposals of one pair: one 201, the rest 409 MATCH_EXISTS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

const N = 8;
let app: TestApp;
let recycler: Session;
const receivers: { id: string; session: Session }[] = [];
const attestation = { statement: '本单位承诺所供旧件来源合法合规（并发测试）' };

beforeAll(async () => {
  app = await buildTestApp();
  const s = app.services;
  for (let i = 0; i < 3; i++) {
    const id = (await buildEnterprise(s, { regionCode: '420100' })).id;
    receivers.push({ id, session: await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: id })).username, TEST_PASSWORD) });
  }
  recycler = await login(app, (await buildBuyer(s)).user.username, TEST_PASSWORD);
}, 120_000);
afterAll(async () => app?.close());

const post = (who: Session, url: string, payload: object) => app.inject({ method: 'POST', url, headers: who.headers, payload });
const must = async (who: Session, url: string, payload: object) => {
  const r = await post(who, url, payload);
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
};
const one = async (sql: string, params: unknown[]) => Number((await app.database.raw.query<{ n: string }>(sql, params)).rows[0]!.n);
const supply = (quantity: number) => must(recycler, '/api/v1/core-exchange/postings', { kind: 'supply', name: '并发旧件', model: 'CC-1', quantity, grade: 'B', regionCode: '440100', channel: 'recycler' });
const demand = (who: Session, quantity: number) => must(who, '/api/v1/core-exchange/postings', { kind: 'demand', name: '并发旧件需求', model: 'CC1', quantity, grade: 'C', regionCode: '420100' });
const codes = (rs: { statusCode: number; json: () => { error?: { code: string } } }[]) => rs.filter((r) => r.statusCode === 409).map((r) => r.json().error!.code);

describe('core exchange under concurrency', () => {
  it(`${N} accepts of one match at once: one 201, ${N - 1} × 409 MATCH_DECIDED, the transfer recorded once`, async () => {
    const r = receivers[0]!;
    const s = await supply(10);
    const d = await demand(r.session, 4);
    const m = await must(r.session, '/api/v1/core-exchange/matches', { supplyId: s.id, demandId: d.id });
    const events = await one('SELECT count(*)::text AS n FROM epcis_events WHERE enterprise_id = $1', [r.id]);
    const rs = await Promise.all(Array.from({ length: N }, () => post(recycler, `/api/v1/core-exchange/matches/${m.id}/accept`, { attestation })));
    expect(rs.map((x) => x.statusCode).sort()).toEqual([201, ...Array(N - 1).fill(409)]);
    expect(codes(rs)).toEqual(Array(N - 1).fill('MATCH_DECIDED'));
    expect(await one('SELECT remaining::text AS n FROM core_postings WHERE id = $1', [s.id])).toBe(6);
    expect(await one('SELECT count(*)::text AS n FROM epcis_events WHERE enterprise_id = $1', [r.id])).toBe(events + 1);
    expect(await one("SELECT count(*)::text AS n FROM audit_log WHERE action = 'core_exchange.match_accepted' AND object_id = $1", [m.id])).toBe(1);
  });

  it('three matches over one supply of 5, 3 cores each, accepted at once: one 201, two 409 QUANTITY_EXCEEDED', async () => {
    const s = await supply(5);
    const ms = [];
    for (const r of receivers) ms.push(await must(r.session, '/api/v1/core-exchange/matches', { supplyId: s.id, demandId: (await demand(r.session, 3)).id }));
    const rs = await Promise.all(ms.map((m) => post(recycler, `/api/v1/core-exchange/matches/${m.id}/accept`, { attestation })));
    expect(rs.map((x) => x.statusCode).sort()).toEqual([201, 409, 409]);
    expect(codes(rs)).toEqual(['QUANTITY_EXCEEDED', 'QUANTITY_EXCEEDED']);
    expect(await one('SELECT remaining::text AS n FROM core_postings WHERE id = $1', [s.id])).toBe(2);
    expect(await one("SELECT count(*)::text AS n FROM core_matches WHERE supply_id = $1 AND status = 'accepted'", [s.id])).toBe(1);
  });

  it(`${N} proposals of one pair at once: one 201, ${N - 1} × 409 MATCH_EXISTS`, async () => {
    const r = receivers[1]!;
    const s = await supply(3);
    const d = await demand(r.session, 3);
    const rs = await Promise.all(Array.from({ length: N }, () => post(r.session, '/api/v1/core-exchange/matches', { supplyId: s.id, demandId: d.id })));
    expect(rs.map((x) => x.statusCode).sort()).toEqual([201, ...Array(N - 1).fill(409)]);
    expect(codes(rs)).toEqual(Array(N - 1).fill('MATCH_EXISTS'));
  });
});
