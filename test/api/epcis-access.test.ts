import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, enterpriseAdminCtx, TEST_PASSWORD } from '../support/factories.js';

/**
 * Access to the event streams (issue 4): an enterprise captures into and sees only its own stream; MIIT sees
 * all; a provincial authority sees the enterprises it reviews; experts are refused, the public must log in.
 */
const CONTEXT = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';
let app: TestApp;
const tokens: Record<string, Record<string, string>> = {};
const ids: Record<string, string> = {};
let captureA = '';

const ev = (tag: string) => ({
  type: 'ObjectEvent', eventID: `urn:uuid:30000000-0000-4000-8000-${tag.padStart(12, '0')}`, eventTime: '2026-04-01T08:00:00Z', eventTimeZoneOffset: '+00:00',
  epcList: [`urn:epc:id:sgtin:0614141.107346.${tag}`], action: 'OBSERVE',
});
const doc = (events: unknown[]) => ({ '@context': [CONTEXT], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-04-01T00:00:00Z', epcisBody: { eventList: events } });
const listIds = (res: { json(): any }) => (res.json().epcisBody.queryResults.resultsBody.eventList as { eventID: string }[]).map((e) => e.eventID); // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  // A and B in Guangdong (reviewed by the Guangdong authority), C in Jiangsu
  for (const [k, region] of [['A', '440106'], ['B', '440104'], ['C', '320506']] as const) {
    const e = await buildEnterprise(app.services, { regionCode: region });
    ids[k] = e.id;
    const { token } = await app.services.identity.createToken(await enterpriseAdminCtx(app.services, e.id), `MES ${k}`);
    tokens[k] = { authorization: `Bearer ${token}` };
  }
  const a = await app.inject({ method: 'POST', url: '/epcis/capture', headers: tokens.A!, payload: doc([ev('1'), ev('2')]) });
  expect(a.statusCode).toBe(202);
  captureA = a.headers.location as string;
  expect((await app.inject({ method: 'POST', url: '/epcis/capture', headers: tokens.B!, payload: doc([ev('3')]) })).statusCode).toBe(202);
  expect((await app.inject({ method: 'POST', url: '/epcis/capture', headers: tokens.C!, payload: doc([ev('4')]) })).statusCode).toBe(202);
});
afterAll(async () => app?.close());

const session = async (role: Parameters<typeof buildUser>[1], organizationId?: string) => {
  const u = await buildUser(app.services, role, organizationId ? { organizationId } : {});
  return (await login(app, u.username, TEST_PASSWORD)).headers;
};

describe('enterprise streams', () => {
  it('an enterprise token sees only its own events', async () => {
    expect(listIds(await app.inject({ url: '/epcis/events', headers: tokens.A! })).sort()).toEqual([ev('1').eventID, ev('2').eventID]);
    expect(listIds(await app.inject({ url: '/epcis/events', headers: tokens.B! }))).toEqual([ev('3').eventID]);
  });
  it("another enterprise's event or capture job answers 404", async () => {
    const res = await app.inject({ url: `/epcis/events/${encodeURIComponent(ev('1').eventID)}`, headers: tokens.B! });
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('epcisException:NoSuchResourceException');
    expect((await app.inject({ url: captureA, headers: tokens.B! })).statusCode).toBe(404);
    expect((await app.inject({ url: captureA, headers: tokens.A! })).statusCode).toBe(200);
  });
  it('an enterprise user (session) sees its own stream too', async () => {
    const s = await session('enterprise_staff', ids.A);
    expect(listIds(await app.inject({ url: '/epcis/events', headers: s })).sort()).toEqual([ev('1').eventID, ev('2').eventID]);
  });
  it('the same eventID in two streams stays two events, each visible only to its owner', async () => {
    expect((await app.inject({ method: 'POST', url: '/epcis/capture', headers: tokens.B!, payload: doc([ev('1')]) })).statusCode).toBe(202);
    expect(listIds(await app.inject({ url: `/epcis/events?EQ_eventID=${encodeURIComponent(ev('1').eventID)}`, headers: tokens.B! }))).toEqual([ev('1').eventID]);
    expect(listIds(await app.inject({ url: '/epcis/events', headers: tokens.A! }))).toHaveLength(2);
  });
});

describe('authorities and the ministry', () => {
  it('MIIT sees every stream', async () => {
    const s = await session('ministry_officer');
    const got = listIds(await app.inject({ url: '/epcis/events', headers: s }));
    expect(got).toHaveLength(5);
  });
  it('the Guangdong authority sees A and B, not C', async () => {
    const s = await session('authority_reviewer');
    const got = listIds(await app.inject({ url: '/epcis/events', headers: s }));
    expect(got).toContain(ev('1').eventID);
    expect(got).toContain(ev('3').eventID);
    expect(got).not.toContain(ev('4').eventID);
    expect((await app.inject({ url: `/epcis/events/${encodeURIComponent(ev('4').eventID)}`, headers: s })).statusCode).toBe(404);
  });
  it('authorities and the ministry may not capture', async () => {
    for (const role of ['authority_admin', 'ministry_admin'] as const) {
      const s = await session(role);
      const res = await app.inject({ method: 'POST', url: '/epcis/capture', headers: s, payload: doc([ev('9')]) });
      expect(res.statusCode, role).toBe(403);
    }
  });
});

describe('experts and the public', () => {
  it('an expert is refused (403), the public must authenticate (401), a bad token is 401', async () => {
    const expert = await session('expert');
    const r1 = await app.inject({ url: '/epcis/events', headers: expert });
    expect(r1.statusCode).toBe(403);
    expect(r1.json().type).toBe('epcisException:SecurityException');
    const r2 = await app.inject({ url: '/epcis/events' });
    expect(r2.statusCode).toBe(401);
    expect(r2.headers['content-type']).toMatch(/problem\+json/);
    expect((await app.inject({ method: 'POST', url: '/epcis/capture', payload: doc([ev('9')]) })).statusCode).toBe(401);
    expect((await app.inject({ url: '/epcis/events', headers: { authorization: 'Bearer rmn_nope' } })).statusCode).toBe(401);
  });
});
