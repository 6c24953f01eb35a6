/**
 * Issue 12 "Access follows the trace": a sale or lease recorded in the trace with the party
 * `urn:reman-platform:party:<organisation id>` moves read access to the owner / possessor with no manual step;
 * the previous owner loses it. The owner's consent governs the maker's service access (audited; N identical → one
 * 2xx, the rest 409); withdrawn, the maker keeps aggregates only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIZ_STEPS, DISPOSITIONS } from '../../src/domain/trace/vocabulary.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildProduct, buildUser, enterpriseAdminCtx, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let makerAdmin: Session;
let makerStaff: Session;
let bAdmin: Session; // enterprise B: first owner
let dAdmin: Session; // enterprise D: second owner
let lessee: Session; // a buyer organisation: lessee
let lesseeOrg: string;
let bId: string;
let dId: string;
let capture: (events: unknown[]) => Promise<void>;
const clock = manualClock('2026-12-06T08:00:00Z');
const CONTEXT = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';
const party = (orgId: string) => `urn:reman-platform:party:${orgId}`;
let seq = 0;
const at = () => {
  clock.set(new Date(clock.now().getTime() + 60_000));
  return clock.now().toISOString();
};
const eventId = () => `urn:uuid:7a000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
const sale = (epc: string, to: string) => ({
  type: 'ObjectEvent', eventID: eventId(), eventTime: at(), eventTimeZoneOffset: '+08:00', epcList: [epc], action: 'OBSERVE', bizStep: 'retail_selling', disposition: 'retail_sold',
  destinationList: [{ type: 'owning_party', destination: to }, { type: 'possessing_party', destination: to }],
});
const lease = (epc: string, to: string) => ({
  type: 'ObjectEvent', eventID: eventId(), eventTime: at(), eventTimeZoneOffset: '+08:00', epcList: [epc], action: 'OBSERVE', bizStep: BIZ_STEPS.leasing.value, disposition: DISPOSITIONS.active.value,
  destinationList: [{ type: 'possessing_party', destination: to }],
});

async function device(model = 'WD615') {
  const p = await buildProduct(app.services, makerEnterprise, { model });
  const r = await app.inject({ method: 'POST', url: '/api/v1/devices', headers: makerAdmin.headers, payload: { productCode: p.code } });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().device.id as string, epc: p.epc, code: p.code };
}
const get = (s: Session, url: string) => app.inject({ url, headers: s.headers });
const listIds = async (s: Session) => {
  const r = await get(s, '/api/v1/devices?pageSize=100');
  expect(r.statusCode, r.body).toBe(200);
  return (r.json().items as { id: string }[]).map((d) => d.id);
};
const consent = (s: Session, id: string, manufacturerAccess: boolean) => app.inject({ method: 'POST', url: `/api/v1/devices/${id}/consent`, headers: s.headers, payload: { manufacturerAccess } });
let makerEnterprise: string;

beforeAll(async () => {
  app = await buildTestApp({}, { clock });
  const s = app.services;
  const maker = await buildEnterprise(s, { regionCode: '440106' });
  makerEnterprise = maker.id;
  const b = await buildEnterprise(s, { regionCode: '320505' });
  const d = await buildEnterprise(s, { regionCode: '370102' });
  bId = b.id;
  dId = d.id;
  makerAdmin = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: maker.id })).username, TEST_PASSWORD);
  makerStaff = await login(app, (await buildUser(s, 'enterprise_staff', { organizationId: maker.id })).username, TEST_PASSWORD);
  bAdmin = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: b.id })).username, TEST_PASSWORD);
  dAdmin = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: d.id })).username, TEST_PASSWORD);
  const buyer = await buildBuyer(s);
  lesseeOrg = buyer.org.id;
  lessee = await login(app, buyer.user.username, TEST_PASSWORD);
  const { token } = await s.identity.createToken(await enterpriseAdminCtx(s, maker.id), 'MES');
  capture = async (events) => {
    const r = await app.inject({
      method: 'POST', url: '/epcis/capture', headers: { authorization: `Bearer ${token}` },
      payload: { '@context': [CONTEXT], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: clock.now().toISOString(), epcisBody: { eventList: events } },
    });
    expect(r.statusCode, r.body).toBe(202);
    await app.services.trace.projection.drain();
  };
});
afterAll(async () => app?.close());

describe('access follows the trace', () => {
  it('a sale to an organisation gives it the device; a later sale to another takes it away; the maker keeps it throughout', async () => {
    const dev = await device();
    expect(await listIds(bAdmin)).not.toContain(dev.id);
    expect((await get(bAdmin, `/api/v1/devices/${dev.id}`)).statusCode).toBe(404);

    await capture([sale(dev.epc, party(bId))]);
    expect(await listIds(bAdmin)).toContain(dev.id);
    const seen = await get(bAdmin, `/api/v1/devices/${dev.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ id: dev.id, manufacturerAccess: true, actions: ['read', 'consent', 'command'] }); // the owner decides the maker's access and may send remote commands (issue 12)
    expect((await get(bAdmin, `/api/v1/devices/${dev.id}/latest`)).statusCode).toBe(200);
    expect((await get(bAdmin, `/api/v1/devices/${dev.id}/health`)).statusCode).toBe(200);
    expect(await listIds(dAdmin)).not.toContain(dev.id);

    // resale B → D: the previous owner loses access, the new owner gains it
    await capture([sale(dev.epc, party(dId))]);
    expect(await listIds(bAdmin)).not.toContain(dev.id);
    expect((await get(bAdmin, `/api/v1/devices/${dev.id}`)).statusCode).toBe(404);
    expect((await get(bAdmin, `/api/v1/devices/${dev.id}/telemetry`)).statusCode).toBe(404);
    expect(await listIds(dAdmin)).toContain(dev.id);
    expect((await get(dAdmin, `/api/v1/devices/${dev.id}`)).statusCode).toBe(200);
    expect(await listIds(makerStaff)).toContain(dev.id);
    // a holder reads; it does not manage credentials
    expect((await app.inject({ method: 'POST', url: `/api/v1/devices/${dev.id}/revoke`, headers: dAdmin.headers })).statusCode).toBe(403);
  });

  it('a lease to a buyer organisation gives the lessee read access while the owner keeps it', async () => {
    const dev = await device();
    await capture([sale(dev.epc, party(bId))]);
    expect((await get(lessee, `/api/v1/devices/${dev.id}`)).statusCode).toBe(404);
    expect(await listIds(lessee)).not.toContain(dev.id);
    await capture([lease(dev.epc, party(lesseeOrg))]);
    expect(await listIds(lessee)).toContain(dev.id);
    const r = await get(lessee, `/api/v1/devices/${dev.id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().actions).toEqual(['read']); // the possessor may not decide the maker's access
    expect((await consent(lessee, dev.id, false)).statusCode).toBe(403);
    expect((await get(bAdmin, `/api/v1/devices/${dev.id}`)).statusCode).toBe(200);
  });

  it('a party that is no platform organisation gives nobody access', async () => {
    const dev = await device();
    await capture([sale(dev.epc, 'urn:reman-platform:party:not-an-organisation')]);
    expect(await listIds(bAdmin)).not.toContain(dev.id);
    expect((await get(makerStaff, `/api/v1/devices/${dev.id}`)).statusCode).toBe(200);
  });
});

describe("the owner's consent to the maker's service access", () => {
  it('withdrawn by the owner (one of N identical requests wins, the rest 409; audited): the maker keeps aggregates only', async () => {
    const dev = await device('WD-CONSENT');
    await capture([sale(dev.epc, party(bId))]);
    // the maker cannot decide for the owner
    expect((await consent(makerAdmin, dev.id, false)).statusCode).toBe(403);

    const rs = await Promise.all(Array.from({ length: 5 }, () => consent(bAdmin, dev.id, false)));
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(rs.find((r) => r.statusCode === 409)!.json()).toMatchObject({ error: { code: 'CONSENT_UNCHANGED' } });
    expect(rs.find((r) => r.statusCode === 200)!.json()).toMatchObject({ id: dev.id, manufacturerAccess: false });
    const audit = await app.database.raw.query<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1 AND action LIKE 'device.consent%'`, [dev.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['device.consent_withdrawn']);

    expect((await get(makerStaff, `/api/v1/devices/${dev.id}`)).statusCode).toBe(404);
    expect((await get(makerStaff, `/api/v1/devices/${dev.id}/telemetry`)).statusCode).toBe(404);
    expect(await listIds(makerStaff)).not.toContain(dev.id);
    expect((await get(bAdmin, `/api/v1/devices/${dev.id}`)).statusCode).toBe(200);
    // aggregates stay: the fleet counts the unit, without listing it
    const fleet = (await get(makerStaff, '/api/v1/devices/fleet')).json();
    expect(fleet.byModel).toContainEqual({ model: 'WD-CONSENT', count: 1 });
    expect(fleet.devices.map((d: { deviceId: string }) => d.deviceId)).not.toContain(dev.id);

    // granted again
    const g = await consent(bAdmin, dev.id, true);
    expect(g.statusCode, g.body).toBe(200);
    expect((await get(makerStaff, `/api/v1/devices/${dev.id}`)).statusCode).toBe(200);
  });

  it("a previous owner's withdrawal does not bind the next owner", async () => {
    const dev = await device();
    await capture([sale(dev.epc, party(bId))]);
    expect((await consent(bAdmin, dev.id, false)).statusCode).toBe(200);
    expect((await get(makerStaff, `/api/v1/devices/${dev.id}`)).statusCode).toBe(404);
    await capture([sale(dev.epc, party(dId))]);
    const r = await get(makerStaff, `/api/v1/devices/${dev.id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().manufacturerAccess).toBe(true);
    expect((await consent(bAdmin, dev.id, true)).statusCode).toBe(404); // B holds nothing any more
    expect((await consent(dAdmin, dev.id, true)).statusCode).toBe(409); // already in effect
  });

  it('names the field of a bad body', async () => {
    const dev = await device();
    const r = await app.inject({ method: 'POST', url: `/api/v1/devices/${dev.id}/consent`, headers: bAdmin.headers, payload: { manufacturerAccess: 'no' } });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('manufacturerAccess');
  });
});
