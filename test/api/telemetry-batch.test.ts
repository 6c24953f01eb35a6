/**
 * Ingest batches (docs/monitoring.md "Ingest: batches"): messages that arrive while a batch is being stored go
 * together into the next one — one transaction, one alarm evaluation — and each message still gets its own answer.
 * Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceRow } from '../../src/server/modules/devices/devices.repo.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { makeDevice, type TestDevice } from '../support/devices.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let admin: Session;
let devices: TestDevice[];
const rowOf = async (d: TestDevice) => (await app.services.devices.authenticate(d.username, d.password))!;
const count = async (sql: string, params: unknown[]) => (await app.database.raw.query<{ n: number }>(sql, params)).rows[0]!.n;

beforeAll(async () => {
  app = await buildTestApp();
  const e = await buildEnterprise(app.services);
  const a = await buildUser(app.services, 'enterprise_admin', { organizationId: e.id });
  admin = await login(app, a.username, TEST_PASSWORD);
  devices = [];
  for (let i = 0; i < 4; i++) devices.push(await makeDevice(app, admin));
  const rule = await app.inject({ method: 'POST', url: '/api/v1/alarm-rules', headers: admin.headers, payload: { model: 'WD615', key: 'coolantTemp', condition: { op: '>', value: 100 }, severity: 'MAJOR' } });
  expect(rule.statusCode, rule.body).toBe(201);
});
afterAll(async () => {
  await app?.close();
});

describe('telemetry ingest in batches', () => {
  it('concurrent messages of several devices share transactions; every point stored once, counters and alarms right', async () => {
    const batches: number[] = [];
    app.services.telemetry.onStored(async (b) => {
      batches.push(b.length);
    });
    const rows = await Promise.all(devices.map(rowOf));
    const t0 = Date.now() - 600_000;
    // 4 devices × 25 messages × 2 points, all submitted at once; device 0 overheats in its last 5 messages
    const sends = rows.flatMap((d, di) =>
      Array.from({ length: 25 }, (_, i) => app.services.telemetry.ingest(d, { ts: t0 + i * 1000, values: { rpm: 1500 + i, coolantTemp: di === 0 && i >= 20 ? 120 : 80 } }, 'mqtt')),
    );
    const answers = await Promise.all(sends);
    expect(answers.every((a) => a.stored === 2 && a.duplicates === 0 && a.refused === 0)).toBe(true);
    // grouped: far fewer evaluations (one per batch) than the 100 messages
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.length).toBeLessThan(20);
    for (const d of devices) {
      expect(await count('SELECT count(*)::int AS n FROM telemetry WHERE device_id = $1', [d.id])).toBe(50);
      const detail = (await app.inject({ url: `/api/v1/devices/${d.id}`, headers: admin.headers })).json();
      expect(detail.pointsStored).toBe(50);
    }
    const latest = (await app.inject({ url: `/api/v1/devices/${devices[1]!.id}/latest`, headers: admin.headers })).json();
    expect(latest.values.rpm).toEqual({ ts: t0 + 24_000, value: 1524 });
    const alarms = (await app.inject({ url: `/api/v1/alarms?status=active`, headers: admin.headers })).json();
    expect(alarms.items.map((a: { deviceId: string }) => a.deviceId)).toEqual([devices[0]!.id]);
  });

  it('a message repeated in the same batch is stored once: the first counts as stored, the repeat as duplicates', async () => {
    const d = await rowOf(devices[2]!);
    const body = { ts: Date.now() - 30_000, values: { rpm: 900, oilPressure: 350 } };
    const [a, b] = await Promise.all([app.services.telemetry.ingest(d, body, 'http'), app.services.telemetry.ingest(d, body, 'http')]);
    expect([a.stored, a.duplicates, b.stored, b.duplicates]).toEqual([2, 0, 0, 2]);
    const rollup = await app.database.raw.query<{ count: number }>(`SELECT count FROM telemetry_1m WHERE device_id = $1 AND key = 'rpm' AND bucket = date_trunc('minute', to_timestamp($2 / 1000.0), 'UTC')`, [d.id, body.ts]);
    expect(rollup.rows[0]!.count).toBe(1); // the rollup counts the point once too
  });

  it('a device rotated while its message waited is refused with 401 and nothing of it stored; the rest of the batch is', async () => {
    const [a, b] = await Promise.all([rowOf(devices[1]!), rowOf(devices[3]!)]);
    const stale: DeviceRow = { ...b, secretVersion: b.secretVersion - 1 }; // as if it had authenticated before a rotation
    const ts = Date.now() - 5_000;
    const results = await Promise.allSettled([
      app.services.telemetry.ingest(a, { ts, values: { rpm: 1 } }, 'mqtt'),
      app.services.telemetry.ingest(stale, { ts, values: { rpm: 2 } }, 'mqtt'),
      app.services.telemetry.ingest(a, { ts: ts + 1, values: { rpm: 3 } }, 'mqtt'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ status: 401 });
    expect(await count('SELECT count(*)::int AS n FROM telemetry WHERE device_id = $1 AND ts = to_timestamp($2 / 1000.0)', [b.id, ts])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM telemetry WHERE device_id = $1 AND ts >= to_timestamp($2 / 1000.0)', [a.id, ts])).toBe(2);
  });
});
