/**
 * Issue 12 "Health, remaining useful life, forecast": GET /devices/{id}/health from the device's stored telemetry
 * (synthetic run-to-failure histories sent through the HTTP ingest), the fleet view, and the live stream (SSE).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/domain/monitoring/prng.js';
import { drawUnitParams, generateUnit, NO_FAULTS, toPoints } from '../../src/domain/monitoring/synthetic.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let admin: Session;
let staff: Session;
let authority: Session;
let enterpriseId: string;
const NOW = Date.parse('2026-12-06T08:00:00Z');
const clock = manualClock(new Date(NOW));
const HOUR = 3_600_000;

const basic = (c: { username: string; password: string }) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
async function device(model: string, regionCode?: string) {
  const p = await buildProduct(app.services, enterpriseId, { model, warrantyMonths: 12 });
  const r = await app.inject({ method: 'POST', url: '/api/v1/devices', headers: admin.headers, payload: { productCode: p.code, ...(regionCode ? { regionCode } : {}) } });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().device.id as string, credentials: r.json().credentials as { username: string; password: string } };
}
async function ingest(d: Awaited<ReturnType<typeof device>>, entries: { ts: number; values: Record<string, number> }[]) {
  const r = await app.inject({ method: 'POST', url: `/api/v1/devices/${d.id}/telemetry`, headers: { authorization: basic(d.credentials), 'content-type': 'application/json' }, payload: JSON.stringify(entries) });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json().refused, r.body).toBe(0);
}
/**
 * A synthetic engine's samples between two fractions of its life, as hourly entries ending now (the RUL reads run
 * hours, not timestamps; one sample per hour keeps the hourly rollup's last value a real sample).
 */
function history(seed: number, fromFrac: number, toFrac: number) {
  const unit = generateUnit(createRng(seed), drawUnitParams(createRng(seed + 1), `H${seed}`), { sampleEveryHours: 5, faults: NO_FAULTS });
  const s = unit.samples.filter((x) => x.runHours >= unit.failureHours * fromFrac && x.runHours <= unit.failureHours * toFrac);
  const entries = s.map((x, i) => ({ ts: NOW - (s.length - i) * HOUR, values: Object.fromEntries(toPoints([x]).map((p) => [p.key, p.value])) }));
  return { entries, failureHours: unit.failureHours, ageHours: s[s.length - 1]!.runHours };
}
const health = async (id: string, s: Session = staff) => {
  const r = await app.inject({ url: `/api/v1/devices/${id}/health`, headers: s.headers });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

let young: Awaited<ReturnType<typeof device>>;
let worn: Awaited<ReturnType<typeof device>>;
let wornTruth: ReturnType<typeof history>;

beforeAll(async () => {
  app = await buildTestApp({}, { clock });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '440106' });
  enterpriseId = e.id;
  admin = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: e.id })).username, TEST_PASSWORD);
  staff = await login(app, (await buildUser(s, 'enterprise_staff', { organizationId: e.id })).username, TEST_PASSWORD);
  authority = await login(app, (await buildUser(s, 'authority_reviewer', { organizationId: 'prov-440000' })).username, TEST_PASSWORD);
  expect((await app.inject({ method: 'PUT', url: '/api/v1/thing-models/WD615', headers: admin.headers, payload: { template: 'engine' } })).statusCode).toBe(200);
  young = await device('WD615', '320505');
  worn = await device('WD615', '370102');
  await ingest(young, history(11, 0.05, 0.25).entries);
  wornTruth = history(12, 0.7, 0.93);
  await ingest(worn, wornTruth.entries);
});
afterAll(async () => app?.close());

describe('GET /devices/{id}/health', () => {
  it('a worn engine has a lower health index and a shorter remaining life than a young one; the interval holds the median', async () => {
    const y = await health(young.id);
    const w = await health(worn.id);
    for (const h of [y, w]) {
      expect(h.rul).not.toBeNull();
      expect(h.rul.unit).toBe('h');
      expect(h.rul.low).toBeLessThanOrEqual(h.rul.value);
      expect(h.rul.value).toBeLessThanOrEqual(h.rul.high);
      expect(h.method).toContain('exponential-degradation-bayes');
      expect(h.method).toContain('health-index:weakest-indicator');
      expect(h.asOf).toBe(new Date(NOW - HOUR).toISOString());
      expect(h.indicators.map((i: { key: string }) => i.key).sort()).toEqual(['coolantTemp', 'oilPressure', 'vibrationRms']);
      expect(h.basis.observations).toBeGreaterThan(5);
    }
    expect(w.healthIndex).toBeLessThan(y.healthIndex);
    expect(w.rul.value).toBeLessThan(y.rul.value);
    expect(w.limiting).toBe('vibrationRms');
    // the truth lies within the worn unit's interval (synthetic unit: failure hours known)
    const truth = wornTruth.failureHours - wornTruth.ageHours;
    expect(truth).toBeGreaterThanOrEqual(w.rul.low);
    expect(truth).toBeLessThanOrEqual(w.rul.high);
  });

  it('a device without data has no index and no RUL; a hydraulic pump gets an index without RUL', async () => {
    const empty = await device('WD615');
    expect(await health(empty.id)).toMatchObject({ healthIndex: null, rul: null, asOf: null });
    expect((await app.inject({ method: 'PUT', url: '/api/v1/thing-models/HP-80', headers: admin.headers, payload: { template: 'hydraulicPump' } })).statusCode).toBe(200);
    const pump = await device('HP-80');
    await ingest(pump, Array.from({ length: 20 }, (_, i) => ({ ts: NOW - (20 - i) * 60_000, values: { particleCount: 19, oilTemp: 62, outletPressure: 20, flow: 80 } })));
    const h = await health(pump.id);
    expect(h.rul).toBeNull();
    expect(h.limiting).toBe('particleCount');
    expect(h.healthIndex).toBeCloseTo(33.3, 0); // ISO 4406 code 19 between 17 (100) and 20 (0)
  });

  it('other enterprises and authorities learn nothing of a device', async () => {
    const other = await buildEnterprise(app.services, { regionCode: '110105' });
    const oa = await login(app, (await buildUser(app.services, 'enterprise_admin', { organizationId: other.id })).username, TEST_PASSWORD);
    expect((await app.inject({ url: `/api/v1/devices/${worn.id}/health`, headers: oa.headers })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/devices/${worn.id}/health`, headers: authority.headers })).statusCode).toBe(403);
  });
});

describe('GET /devices/fleet', () => {
  it('installed base by model and province, health distribution and the forecast of returning cores', async () => {
    const r = await app.inject({ url: '/api/v1/devices/fleet?months=12', headers: staff.headers });
    expect(r.statusCode, r.body).toBe(200);
    const f = r.json();
    expect(f.total).toBeGreaterThanOrEqual(2);
    expect(f.byModel.reduce((a: number, m: { count: number }) => a + m.count, 0)).toBe(f.total);
    expect(f.byRegion).toContainEqual({ regionCode: '320000', count: 1 });
    expect(f.byRegion).toContainEqual({ regionCode: '370000', count: 1 });
    expect(Object.values(f.health as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(f.total);
    expect(f.forecast.months).toHaveLength(12);
    expect(f.forecast.months[0].month).toBe('2026-12');
    // each unit returns once: the expected returns over the horizon and after it add up to the units with an estimate
    const withEstimate = f.total - f.forecast.withoutEstimate;
    const expected = f.forecast.months.reduce((a: number, m: { expected: number }) => a + m.expected, 0) + f.forecast.later;
    expect(expected).toBeCloseTo(withEstimate, 0);
    const wornRow = f.devices.find((d: { deviceId: string }) => d.deviceId === worn.id);
    const youngRow = f.devices.find((d: { deviceId: string }) => d.deviceId === young.id);
    expect(wornRow.rulHours).toBeLessThan(youngRow.rulHours);
  });

  it('is for enterprise users only', async () => {
    expect((await app.inject({ url: '/api/v1/devices/fleet', headers: authority.headers })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/devices/fleet?months=99', headers: staff.headers })).statusCode).toBe(400);
  });
});

describe('GET /devices/{id}/stream (SSE)', () => {
  it('sends the latest values, then a new point as it is stored; ends when asked', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const ac = new AbortController();
    const res = await fetch(`${address}/api/v1/devices/${young.id}/stream?maxSeconds=60`, { headers: { cookie: staff.cookie }, signal: ac.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      const deadline = Date.now() + 20_000;
      while (!text.includes(needle)) {
        if (Date.now() > deadline) throw new Error(`stream did not send ${needle}; got ${text.slice(-500)}`);
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil('event: values');
    expect(text).toContain('"vibrationRms"');
    const ts = NOW + 5_000;
    await ingest(young, [{ ts, values: { rpm: 1234 } }]);
    await readUntil(`"rpm":[${ts},1234]`);
    ac.abort();
    // an unknown device is 404 before any stream starts
    const missing = await fetch(`${address}/api/v1/devices/00000000-0000-4000-8000-000000000000/stream`, { headers: { cookie: staff.cookie } });
    expect(missing.status).toBe(404);
  });
});
