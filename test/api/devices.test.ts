/**
 * Issue 12 core: devices (products of the trace) with credentials, access, thing models, HTTP ingest,
 * storage (duplicates once, rollups), queries (downsampled keeping extremes) and latest values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let admin: Session;
let staff: Session;
let otherAdmin: Session;
let authority: Session;
let enterpriseId: string;
const clock = manualClock('2026-12-06T08:00:00Z');

async function product(s: Session, model = 'WD615'): Promise<string> {
  const intake = await app.inject({ method: 'POST', url: '/api/v1/trace/steps/intake', headers: s.headers, payload: { name: '旧发动机', source: { returnedBy: '某运输公司', channel: 'dealer', tradeIn: false } } });
  expect(intake.statusCode, intake.body).toBe(201);
  const r = await app.inject({
    method: 'POST', url: '/api/v1/trace/steps/reassembly', headers: s.headers,
    payload: { name: '再制造柴油发动机', model, inputs: [{ epc: intake.json().coreEpc, origin: 'reused', name: '机体', massKg: 300, valueCny: 20000 }] },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().product.code as string;
}

async function provision(s: Session, productCode: string, name?: string) {
  return app.inject({ method: 'POST', url: '/api/v1/devices', headers: s.headers, payload: { productCode, ...(name ? { name } : {}) } });
}

const basic = (c: { username: string; password: string }) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
const ingest = (id: string, c: { username: string; password: string }, payload: unknown) =>
  app.inject({ method: 'POST', url: `/api/v1/devices/${id}/telemetry`, headers: { authorization: basic(c), 'content-type': 'application/json' }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

beforeAll(async () => {
  app = await buildTestApp({}, { clock });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '440106' });
  enterpriseId = e.id;
  const other = await buildEnterprise(s, { regionCode: '320505' });
  const a = await buildUser(s, 'enterprise_admin', { organizationId: e.id });
  const st = await buildUser(s, 'enterprise_staff', { organizationId: e.id });
  const oa = await buildUser(s, 'enterprise_admin', { organizationId: other.id });
  const au = await buildUser(s, 'authority_reviewer', { organizationId: 'prov-440000' });
  admin = await login(app, a.username, TEST_PASSWORD);
  staff = await login(app, st.username, TEST_PASSWORD);
  otherAdmin = await login(app, oa.username, TEST_PASSWORD);
  authority = await login(app, au.username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

describe('provisioning and credentials', () => {
  it('provisions a product of the enterprise: 201 with credentials shown once, stored only as a digest', async () => {
    const code = await product(staff);
    const r = await provision(admin, code, '1号机');
    expect(r.statusCode, r.body).toBe(201);
    const { device, credentials } = r.json();
    expect(device).toMatchObject({ productCode: code, productModel: 'WD615', name: '1号机', status: 'active', online: false });
    expect(credentials.username).toBe(device.id);
    expect(credentials.clientId).toBe(`reman-${device.id}`);
    expect(credentials.password.length).toBeGreaterThan(40);
    const stored = (await app.database.raw.query<{ secret_hash: string }>('SELECT secret_hash FROM devices WHERE id = $1', [device.id])).rows[0]!;
    expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.secret_hash).not.toContain(credentials.password);
    const detail = await app.inject({ url: `/api/v1/devices/${device.id}`, headers: staff.headers });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain(credentials.password);
    expect(detail.json().product).toMatchObject({ name: '再制造柴油发动机', model: 'WD615' });
    // the same product again: 409 naming the field
    const again = await provision(admin, code);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DEVICE_EXISTS');
  });

  it('refuses unknown codes and other enterprises’ products with a 400 naming productCode; staff may not provision', async () => {
    const foreign = await product(otherAdmin);
    for (const code of [foreign, 'RM0000000000000000', 'nonsense']) {
      const r = await provision(admin, code);
      expect(r.statusCode, code).toBe(400);
      expect(r.json().error.details[0].field).toBe('productCode');
    }
    const mine = await product(staff);
    expect((await provision(staff, mine)).statusCode).toBe(403);
  });

  it('rotation invalidates the old password; revocation refuses ingest; a second revoke is 409', async () => {
    const { device, credentials } = (await provision(admin, await product(staff))).json();
    const point = { ts: clock.now().getTime(), values: { rpm: 1500 } };
    expect((await ingest(device.id, credentials, point)).statusCode).toBe(200);
    const rot = await app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/credentials`, headers: admin.headers });
    expect(rot.statusCode, rot.body).toBe(200);
    const fresh = rot.json().credentials;
    expect(fresh.password).not.toBe(credentials.password);
    expect((await ingest(device.id, credentials, point)).statusCode).toBe(401);
    expect((await ingest(device.id, fresh, { ...point, ts: point.ts + 1000 })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/credentials`, headers: staff.headers })).statusCode).toBe(403);
    const rev = await app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/revoke`, headers: admin.headers });
    expect(rev.statusCode).toBe(200);
    expect(rev.json().status).toBe('revoked');
    expect((await ingest(device.id, fresh, { ...point, ts: point.ts + 2000 })).statusCode).toBe(401);
    const again = await app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/revoke`, headers: admin.headers });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('DEVICE_REVOKED');
    // revoked: the product may be provisioned again
    expect((await provision(admin, device.productCode)).statusCode).toBe(201);
  });

  it('concurrent rotations: one wins per lock, each answer a valid password, only the last one works', async () => {
    const { device } = (await provision(admin, await product(staff))).json();
    const rs = await Promise.all([1, 2, 3].map(() => app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/credentials`, headers: admin.headers })));
    expect(rs.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const version = (await app.database.raw.query<{ secret_version: number }>('SELECT secret_version FROM devices WHERE id = $1', [device.id])).rows[0]!.secret_version;
    expect(version).toBe(4);
    const ok = await Promise.all(rs.map((r) => ingest(device.id, r.json().credentials, { ts: clock.now().getTime(), values: { rpm: 1 } })));
    expect(ok.filter((r) => r.statusCode === 200)).toHaveLength(1);
  });
});

describe('access', () => {
  it('other enterprises get 404; authorities see aggregates only', async () => {
    const { device } = (await provision(admin, await product(staff))).json();
    for (const url of [`/api/v1/devices/${device.id}`, `/api/v1/devices/${device.id}/telemetry`, `/api/v1/devices/${device.id}/latest`]) {
      expect((await app.inject({ url, headers: otherAdmin.headers })).statusCode, url).toBe(404);
      expect((await app.inject({ url, headers: authority.headers })).statusCode, url).toBe(403);
    }
    expect((await app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/revoke`, headers: otherAdmin.headers })).statusCode).toBe(404);
    const list = await app.inject({ url: '/api/v1/devices', headers: otherAdmin.headers });
    expect(list.json().items.map((d: { id: string }) => d.id)).not.toContain(device.id);
    const sum = await app.inject({ url: '/api/v1/devices/summary', headers: authority.headers });
    expect(sum.statusCode).toBe(200);
    const mine = sum.json().items.find((r: { enterpriseId: string }) => r.enterpriseId === enterpriseId);
    expect(mine.total).toBeGreaterThan(0);
    expect(sum.body).not.toContain(device.id);
    // Jiangsu's enterprise is outside Guangdong's jurisdiction
    const js = await app.inject({ url: '/api/v1/devices/summary', headers: otherAdmin.headers });
    expect(js.json().items.every((r: { enterpriseId: string }) => r.enterpriseId !== enterpriseId)).toBe(true);
  });

  it('lists with paging and filters, online from last seen', async () => {
    const { device, credentials } = (await provision(admin, await product(staff, 'FILTER-1'), '过滤测试机')).json();
    await ingest(device.id, credentials, { ts: clock.now().getTime(), values: { rpm: 900 } });
    const online = await app.inject({ url: '/api/v1/devices?status=online&model=FILTER-1', headers: staff.headers });
    expect(online.json().items.map((d: { id: string }) => d.id)).toEqual([device.id]);
    expect(online.json().items[0].online).toBe(true);
    const q = await app.inject({ url: `/api/v1/devices?q=${encodeURIComponent('过滤测试')}`, headers: staff.headers });
    expect(q.json().total).toBe(1);
    const page = await app.inject({ url: '/api/v1/devices?pageSize=2&page=1', headers: staff.headers });
    expect(page.json().items).toHaveLength(2);
    expect(page.json().total).toBeGreaterThan(2);
    expect((await app.inject({ url: '/api/v1/devices?pageSize=500', headers: staff.headers })).statusCode).toBe(400);
    clock.set(new Date(clock.now().getTime() + 10 * 60_000));
    const offline = await app.inject({ url: '/api/v1/devices?status=offline&model=FILTER-1', headers: staff.headers });
    expect(offline.json().items.map((d: { id: string }) => d.id)).toEqual([device.id]);
  });
});

describe('ingest, thing models and queries', () => {
  it('stores a point once however often it is sent, with 1-minute and 1-hour rollups', async () => {
    const { device, credentials } = (await provision(admin, await product(staff, 'NOMODEL'))).json();
    const t0 = Date.UTC(2026, 11, 6, 7, 0, 0);
    const batch = Array.from({ length: 120 }, (_, i) => ({ ts: t0 + i * 1000, values: { rpm: 1000 + i } }));
    const first = await ingest(device.id, credentials, batch);
    expect(first.json()).toMatchObject({ stored: 120, duplicates: 0, refused: 0 });
    const replay = await ingest(device.id, credentials, batch);
    expect(replay.json()).toMatchObject({ stored: 0, duplicates: 120 });
    const n = (await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry WHERE device_id = $1', [device.id])).rows[0]!.n;
    expect(n).toBe(120);
    const m = (await app.database.raw.query<{ count: number; min: number; max: number; last: number }>('SELECT count, min, max, last FROM telemetry_1m WHERE device_id = $1 ORDER BY bucket', [device.id])).rows;
    expect(m).toEqual([{ count: 60, min: 1000, max: 1059, last: 1059 }, { count: 60, min: 1060, max: 1119, last: 1119 }]);
    const h = (await app.database.raw.query<{ count: number; sum: number }>('SELECT count, sum FROM telemetry_1h WHERE device_id = $1', [device.id])).rows;
    expect(h).toEqual([{ count: 120, sum: Array.from({ length: 120 }, (_, i) => 1000 + i).reduce((a, b) => a + b) }]);
    const d = (await app.inject({ url: `/api/v1/devices/${device.id}`, headers: staff.headers })).json();
    expect(d.pointsStored).toBe(120);
    // ISO timestamps too; the raw partition of that day was created on demand
    const iso = await ingest(device.id, credentials, { ts: '2026-12-01T10:00:00+08:00', values: { rpm: 1 } });
    expect(iso.json().stored).toBe(1);
  });

  it('refuses bad input, counts it per device and shows it on the device page; never stops the rest', async () => {
    const { device, credentials } = (await provision(admin, await product(staff, 'BADINPUT'))).json();
    const now = clock.now().getTime();
    expect((await ingest(device.id, credentials, '{"ts": 1, "values": ')).json()).toMatchObject({ stored: 0, refused: 1, errors: [{ code: 'MALFORMED_JSON' }] });
    const mixed = await ingest(device.id, credentials, [
      { ts: now, values: { rpm: 1200, status: 'ok' } },
      { ts: now + 3_600_000, values: { rpm: 1 } },
      { ts: 'yesterday', values: { rpm: 1 } },
      { ts: now + 1, values: { rpm: 'fast' } },
    ]);
    expect(mixed.statusCode).toBe(200);
    const r = mixed.json();
    expect(r.stored).toBe(1);
    expect(r.errors.map((e: { code: string }) => e.code).sort()).toEqual(['BAD_TS', 'BAD_VALUE', 'BAD_VALUE', 'FUTURE_TS']);
    const d = (await app.inject({ url: `/api/v1/devices/${device.id}`, headers: staff.headers })).json();
    expect(d.pointsRefused).toBe(5);
    expect(d.messagesRefused).toBe(1);
    expect(d.recentErrors.map((e: { code: string }) => e.code)).toContain('MALFORMED_JSON');
    expect(d.recentErrors.find((e: { code: string }) => e.code === 'FUTURE_TS').message).toMatch(/晚于当前时间/);
    // wrong or missing credentials: 401, nothing counted
    expect((await ingest(device.id, { username: device.id, password: 'wrong' }, { ts: now, values: { rpm: 1 } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/telemetry`, payload: { ts: now, values: { rpm: 1 } } })).statusCode).toBe(401);
  });

  it('a thing model refuses values outside it (unknown key, wrong type, out of range) and accepts the rest', async () => {
    const put = await app.inject({ method: 'PUT', url: '/api/v1/thing-models/ENG-T1', headers: admin.headers, payload: { template: 'engine' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().metrics.map((m: { key: string }) => m.key)).toEqual(['coolantTemp', 'oilPressure', 'rpm', 'runHours', 'vibrationRms']);
    expect((await app.inject({ method: 'PUT', url: '/api/v1/thing-models/ENG-T1', headers: staff.headers, payload: { template: 'engine' } })).statusCode).toBe(403);
    const bad = await app.inject({ method: 'PUT', url: '/api/v1/thing-models/X', headers: admin.headers, payload: { metrics: [{ key: 'Bad Key', name: { zh: '甲', en: 'a' }, unit: null, type: 'number' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('metrics[0].key');
    const { device, credentials } = (await provision(admin, await product(staff, 'ENG-T1'))).json();
    const now = clock.now().getTime();
    const r = (await ingest(device.id, credentials, { ts: now, values: { coolantTemp: 88.5, oilPressure: 420, rpm: 9999, flow: 3, vibrationRms: 'x' } })).json();
    expect(r.stored).toBe(2);
    expect(r.errors.map((e: { key: string }) => e.key).sort()).toEqual(['flow', 'rpm', 'vibrationRms']);
    const latest = (await app.inject({ url: `/api/v1/devices/${device.id}/latest`, headers: staff.headers })).json();
    expect(latest.values).toEqual({ coolantTemp: { ts: now, value: 88.5 }, oilPressure: { ts: now, value: 420 } });
    expect(latest.online).toBe(true);
  });

  it('queries series per key; with points=N at most N points and a one-second spike survives', async () => {
    const { device, credentials } = (await provision(admin, await product(staff, 'SPIKE'))).json();
    const t0 = Date.UTC(2026, 11, 6, 2, 0, 0);
    const spikeAt = t0 + 4321_000;
    const all = Array.from({ length: 7200 }, (_, i) => ({ ts: t0 + i * 1000, values: { coolantTemp: t0 + i * 1000 === spikeAt ? 140 : 80 + Math.sin(i / 100), rpm: 1500 } }));
    for (let i = 0; i < all.length; i += 2000) expect((await ingest(device.id, credentials, all.slice(i, i + 2000))).json().refused).toBe(0);
    // 2 h in 500 points: min/max buckets of 28.8 s, finer than a minute → the raw points, the spike at its second
    const q = (await app.inject({ url: `/api/v1/devices/${device.id}/telemetry?keys=coolantTemp,rpm&from=${t0}&to=${t0 + 7200_000}&points=500`, headers: staff.headers })).json();
    expect(q.resolution).toBe('raw');
    expect(q.downsampled).toBe(true);
    expect(q.series.coolantTemp.length).toBeLessThanOrEqual(500);
    expect(q.series.coolantTemp).toContainEqual([spikeAt, 140]);
    expect(q.series.rpm.length).toBeLessThanOrEqual(500);
    // 2 h in 100 points: buckets of 144 s → the 1-minute rollup answers (its max), the spike at its minute's start
    const coarse = (await app.inject({ url: `/api/v1/devices/${device.id}/telemetry?keys=coolantTemp,rpm&from=${t0}&to=${t0 + 7200_000}&points=100`, headers: staff.headers })).json();
    expect(coarse.resolution).toBe('1m');
    expect(coarse.series.coolantTemp.length).toBeLessThanOrEqual(100);
    expect(coarse.series.coolantTemp).toContainEqual([Math.floor(spikeAt / 60_000) * 60_000, 140]);
    // no points: every raw point of the range
    const raw = (await app.inject({ url: `/api/v1/devices/${device.id}/telemetry?keys=rpm&from=${t0}&to=${t0 + 60_000}`, headers: staff.headers })).json();
    expect(raw.series.rpm).toHaveLength(60);
    // the 1-minute rollup keeps the spike as its max
    const m = (await app.inject({ url: `/api/v1/devices/${device.id}/telemetry?keys=coolantTemp&from=${t0}&to=${t0 + 7200_000}&points=50&resolution=1m`, headers: staff.headers })).json();
    expect(m.resolution).toBe('1m');
    expect(Math.max(...m.series.coolantTemp.map((p: [number, number]) => p[1]))).toBe(140);
    // bad ranges and keys: 400 naming the field
    const bad = await app.inject({ url: `/api/v1/devices/${device.id}/telemetry?from=${t0 + 10}&to=${t0}`, headers: staff.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('from');
    expect((await app.inject({ url: `/api/v1/devices/${device.id}/telemetry?keys=a%20b`, headers: staff.headers })).json().error.details[0].field).toBe('keys');
  });
});
