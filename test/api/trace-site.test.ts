/**
 * The site (生产场地) on the trace (issue 15 item 14; 七(一)3 sites announced one by one, 附2 表2-3 per site): a step
 * names its site (id or name) and every event of it carries the bizLocation urn:reman-platform:site:<id>; with one
 * site the field may stay empty; a site of another enterprise is a 400 naming `site`; the product keeps the site of
 * making; `annualTable23` of a site counts that site's events, and events without a site only when the enterprise
 * has one site (场地未知 otherwise). A foreign EPCIS document (an SGLN bizLocation) is captured as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteLocation } from '../../src/domain/trace/site.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildSite, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { mesDocument } from './trace-fixtures.js';

const clock = manualClock('2026-06-01T02:00:00Z');
let app: TestApp;
let two: Session, one: Session;
const ids: Record<string, string> = {};
const req = (s: Session, method: string, url: string, payload?: unknown) => app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const step = async (s: Session, name: string, body: unknown) => {
  const r = await req(s, 'POST', `/api/v1/trace/steps/${name}`, body);
  expect(r.statusCode, `${name}: ${r.body}`).toBe(201);
  return r.json();
};
const intake = (site?: string) => ({ name: '发动机旧件', model: 'WD615', source: { returnedBy: '某汽修厂', channel: 'service_center', tradeIn: false }, eventTime: '2026-03-01T02:00:00Z', ...(site ? { site } : {}) });
const reassembly = (site?: string) => ({ name: '再制造发动机', model: 'WD615-R', eventTime: '2026-03-02T02:00:00Z', inputs: [{ origin: 'new', epcClass: 'urn:epc:class:lgtin:6901234.000017.L1', quantity: 1, name: '缸体', massKg: 100, valueCny: 1000 }], ...(site ? { site } : {}) });

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  const s = app.services;
  const e2 = await buildEnterprise(s, { regionCode: '440106' });
  const e1 = await buildEnterprise(s, { regionCode: '440106' });
  Object.assign(ids, {
    e2: e2.id,
    e1: e1.id,
    a: (await buildSite(s, e2.id, { name: '番禺厂区' })).id,
    b: (await buildSite(s, e2.id, { name: '花都厂区' })).id,
    only: (await buildSite(s, e1.id, { name: '唯一厂区' })).id,
  });
  two = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: e2.id })).username, TEST_PASSWORD);
  one = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: e1.id })).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

const locationsOf = async (s: Session, epc: string) =>
  ((await req(s, 'GET', `/epcis/events?MATCH_epc=${encodeURIComponent(epc)}`)).json().epcisBody.queryResults.resultsBody.eventList as { bizLocation?: { id: string } }[]).map((e) => e.bizLocation?.id ?? null);

describe('a step at a site', () => {
  it('with several sites: the named site (id or name) becomes the bizLocation; none named = 场地未知; a foreign site is a 400', async () => {
    const atA = await step(two, 'intake', intake(ids.a));
    expect(await locationsOf(two, atA.coreEpc)).toEqual([siteLocation(ids.a!)]);
    const byName = await step(two, 'intake', intake('花都厂区'));
    expect(await locationsOf(two, byName.coreEpc)).toEqual([siteLocation(ids.b!)]);
    const unknown = await step(two, 'intake', intake());
    expect(await locationsOf(two, unknown.coreEpc)).toEqual([null]);
    const foreign = await req(two, 'POST', '/api/v1/trace/steps/intake', intake(ids.only));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].field).toContain('site');
  });

  it('the product keeps its site of making', async () => {
    const made = await step(two, 'reassembly', reassembly(ids.b));
    expect(made.product).toMatchObject({ siteId: ids.b, bizLocation: siteLocation(ids.b!) });
    const unknown = await step(two, 'reassembly', reassembly());
    expect(unknown.product).toMatchObject({ siteId: null, bizLocation: null });
  });

  it('with one site an empty field means that site', async () => {
    const r = await step(one, 'intake', intake());
    expect(await locationsOf(one, r.coreEpc)).toEqual([siteLocation(ids.only!)]);
    expect((await step(one, 'reassembly', reassembly())).product.siteId).toBe(ids.only);
  });

  it('a foreign EPCIS document keeps its own bizLocation (an SGLN) and is captured as before', async () => {
    const ev = { type: 'ObjectEvent', eventID: 'urn:uuid:50000000-0000-4000-8000-000000000001', eventTime: '2026-03-05T08:00:00Z', eventTimeZoneOffset: '+08:00', epcList: ['urn:epc:id:sgtin:6901234.000017.S1'], action: 'ADD', bizStep: 'receiving', disposition: 'returned', bizLocation: { id: 'urn:epc:id:sgln:6901234.00001.0' } };
    const r = await req(one, 'POST', '/epcis/capture', mesDocument([ev]));
    expect(r.statusCode, r.body).toBe(202);
    expect(await locationsOf(one, 'urn:epc:id:sgtin:6901234.000017.S1')).toEqual(['urn:epc:id:sgln:6901234.00001.0']);
  });
});

describe('表2-3 of one site (trace.annualTable23)', () => {
  it('counts the site’s own events; events without a site count nowhere when the enterprise has several', async () => {
    const t = app.services.trace;
    const a = await t.annualTable23({ enterpriseId: ids.e2!, siteId: ids.a!, year: 2026 });
    const b = await t.annualTable23({ enterpriseId: ids.e2!, siteId: ids.b!, year: 2026 });
    expect(a).toMatchObject({ recovery: { total: 1 }, reman: { total: 0 } });
    expect(b).toMatchObject({ recovery: { total: 1 }, reman: { total: 1 } });
    // the third intake and the second product (no site) are 场地未知: in neither table
  });
  it('with one site, events without a site and foreign locations count for it', async () => {
    const only = await app.services.trace.annualTable23({ enterpriseId: ids.e1!, siteId: ids.only!, year: 2026 });
    expect(only).toMatchObject({ reman: { total: 1 } });
    expect(only!.recovery!.total).toBe(2); // the form's intake (site by default) and the MES receiving event (an SGLN, not a platform site)
  });
});
