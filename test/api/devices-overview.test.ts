/**
 * Issue 12 "fleet map of China by province" (a tile grid of the 34 divisions): GET /devices/summary per installation
 * province — authorities see the enterprises of their jurisdiction in aggregate only, MIIT all, an enterprise its own —
 * and the enterprise's fleet view per province with the mean health. Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { makeProduct, monitoringCast } from '../support/devices.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let cast: Awaited<ReturnType<typeof monitoringCast>>;
let gdAuthority: Session;
let jsAuthority: Session;
let miit: Session;
const ids: string[] = [];

type Province = { provinceCode: string; total: number; active: number; online: number; enterprises: { enterpriseId: string; active: number }[] };

beforeAll(async () => {
  app = await buildTestApp();
  cast = await monitoringCast(app);
  const s = app.services;
  gdAuthority = await login(app, (await buildUser(s, 'authority_reviewer', { organizationId: 'prov-440000' })).username, TEST_PASSWORD);
  jsAuthority = await login(app, (await buildUser(s, 'authority_reviewer', { organizationId: 'prov-320000' })).username, TEST_PASSWORD);
  miit = await login(app, (await buildUser(s, 'ministry_admin')).username, TEST_PASSWORD);
  // the maker (广东) installs units in 江苏, 四川 and (no region given) at home; the 江苏 enterprise one at home
  for (const regionCode of ['320505', '510104', undefined]) {
    const r = await app.inject({ method: 'POST', url: '/api/v1/devices', headers: cast.admin.headers, payload: { productCode: await makeProduct(app, cast.admin), ...(regionCode ? { regionCode } : {}) } });
    expect(r.statusCode, r.body).toBe(201);
    ids.push(r.json().device.id);
  }
  const js = await app.inject({ method: 'POST', url: '/api/v1/devices', headers: cast.owner.headers, payload: { productCode: await makeProduct(app, cast.owner) } });
  expect(js.statusCode, js.body).toBe(201);
  ids.push(js.json().device.id);
});
afterAll(async () => app?.close());

const summary = async (s: Session) => {
  const r = await app.inject({ url: '/api/v1/devices/summary', headers: s.headers });
  expect(r.statusCode, r.body).toBe(200);
  for (const id of ids) expect(r.body).not.toContain(id); // aggregates, never a device
  return r.json() as { byProvince: Province[]; items: { enterpriseId: string }[]; totals: { total: number } };
};
const counts = (ps: Province[]) => Object.fromEntries(ps.map((p) => [p.provinceCode, p.active]));

describe('GET /devices/summary per installation province', () => {
  it("a provincial authority sees its jurisdiction's enterprises, wherever their units are installed", async () => {
    const gd = await summary(gdAuthority);
    expect(gd.items.map((i) => i.enterpriseId)).toEqual([cast.makerId]);
    expect(counts(gd.byProvince)).toEqual({ '320000': 1, '510000': 1, '440000': 1 });
    expect(gd.byProvince.every((p) => p.enterprises.length === 1 && p.enterprises[0]!.enterpriseId === cast.makerId)).toBe(true);
    expect(gd.totals.total).toBe(3);
    const js = await summary(jsAuthority);
    expect(js.items.map((i) => i.enterpriseId)).toEqual([cast.ownerId]);
    expect(counts(js.byProvince)).toEqual({ '320000': 1 });
  });

  it('MIIT sees all: 江苏 has units of two enterprises', async () => {
    const all = await summary(miit);
    const js = all.byProvince.find((p) => p.provinceCode === '320000')!;
    expect(js.active).toBe(2);
    expect(js.enterprises.map((e) => e.enterpriseId).sort()).toEqual([cast.makerId, cast.ownerId].sort());
    expect(counts(all.byProvince)).toMatchObject({ '320000': 2, '510000': 1, '440000': 1 });
  });

  it('an enterprise sees its own only; a buyer may not ask', async () => {
    const own = await summary(cast.staff);
    expect(own.items.map((i) => i.enterpriseId)).toEqual([cast.makerId]);
    expect((await app.inject({ url: '/api/v1/devices/summary', headers: cast.buyer.headers })).statusCode).toBe(403);
  });
});

describe('POST /devices regionCode', () => {
  it('accepts only codes of the region table (31 mainland divisions): 400 naming the field otherwise', async () => {
    for (const regionCode of ['810000', '820000', '710100', '990101', '000000', '44']) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/devices', headers: cast.admin.headers, payload: { productCode: await makeProduct(app, cast.admin), regionCode } });
      expect(r.statusCode, `${regionCode}: ${r.body}`).toBe(400);
      const fields = r.json().error.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(['regionCode']);
      expect(r.body).toContain('31 mainland provincial divisions');
      expect(r.body).toContain('省级行政区');
    }
  });
});

describe('GET /devices/fleet per province', () => {
  it('counts installed units per province (where installed, else at the enterprise) and names each listed unit', async () => {
    const r = await app.inject({ url: '/api/v1/devices/fleet', headers: cast.staff.headers });
    expect(r.statusCode, r.body).toBe(200);
    const f = r.json();
    expect(Object.fromEntries(f.byProvince.map((p: { provinceCode: string; count: number }) => [p.provinceCode, p.count]))).toEqual({ '320000': 1, '510000': 1, '440000': 1 });
    expect(f.byProvince.every((p: { meanHealth: number | null }) => p.meanHealth === null)).toBe(true); // no data yet
    expect(f.devices.map((d: { name: string }) => d.name).every((n: string) => n === '再制造柴油发动机')).toBe(true);
    expect(f.devices.find((d: { deviceId: string }) => d.deviceId === ids[1]).regionCode).toBe('510000'); // listed by its province
  });
});
