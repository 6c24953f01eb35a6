/**
 * Issue 12 "Alarms": rules (per model, per device, import/export), evaluation on HTTP ingest judged on the data's
 * own timestamps, the lifecycle (ack, assign, comment, clear) with one winner under concurrency, the clocks
 * (escalation, no data, reminders) and notifications: in-app and signed webhooks retried by the durable queue.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../support/factories.js';

const T0 = Date.parse('2026-12-06T08:00:00Z');
const clock = manualClock(new Date(T0));
const S = 1000;
let app: TestApp;
let admin: Session, staff: Session, otherAdmin: Session;
let enterpriseId: string, staffId: string, foreignUserId: string;

interface Dev {
  id: string;
  credentials: { username: string; password: string };
}
async function device(model = 'WD615'): Promise<Dev> {
  const p = await buildProduct(app.services, enterpriseId, { model });
  const r = await app.inject({ method: 'POST', url: '/api/v1/devices', headers: admin.headers, payload: { productCode: p.code } });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().device.id, credentials: r.json().credentials };
}
const basic = (c: Dev['credentials']) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
async function send(d: Dev, entries: { sec: number; values: Record<string, number | boolean | string> }[]) {
  const r = await app.inject({
    method: 'POST', url: `/api/v1/devices/${d.id}/telemetry`, headers: { authorization: basic(d.credentials), 'content-type': 'application/json' },
    payload: JSON.stringify(entries.map((e) => ({ ts: T0 + e.sec * S, values: e.values }))),
  });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
}
const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
async function rule(body: Record<string, unknown>) {
  const r = await call(admin, 'POST', '/api/v1/alarm-rules', body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string };
}
async function alarmsOf(d: Dev, query = '') {
  const r = await call(staff, 'GET', `/api/v1/alarms?deviceId=${d.id}${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items as { id: string; status: string; severity: string; acknowledged: boolean; raisedTs: string; clearedTs: string | null; cause: string; ruleId: string; escalations: number; actions: string[]; combinedStatus: string }[];
}
async function until<T>(what: string, f: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

beforeAll(async () => {
  app = await buildTestApp({ JOBS_POLL_MS: 20, JOBS_BACKOFF_BASE_MS: 30, WEBHOOK_ALLOW_PRIVATE: true }, { clock }); // the webhook receiver of these tests is on 127.0.0.1
  const s = app.services;
  enterpriseId = (await buildEnterprise(s, { regionCode: '440106' })).id;
  const other = await buildEnterprise(s, { regionCode: '320505' });
  const a = await buildUser(s, 'enterprise_admin', { organizationId: enterpriseId });
  const st = await buildUser(s, 'enterprise_staff', { organizationId: enterpriseId });
  const oa = await buildUser(s, 'enterprise_admin', { organizationId: other.id });
  staffId = st.id;
  foreignUserId = oa.id;
  admin = await login(app, a.username, TEST_PASSWORD);
  staff = await login(app, st.username, TEST_PASSWORD);
  otherAdmin = await login(app, oa.username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

describe('rules', () => {
  it('creates, reads, replaces and deletes a model rule; validation names the field; only the enterprise admin manages', async () => {
    const r = await rule({ model: 'RULES-1', key: 'coolantTemp', condition: { op: '>', value: 100 }, durationSec: 60, severity: 'MAJOR', clearHysteresis: 3, name: '水温高' });
    const got = await call(staff, 'GET', `/api/v1/alarm-rules/${r.id}`);
    expect(got.json()).toMatchObject({ model: 'RULES-1', deviceId: null, key: 'coolantTemp', condition: { op: '>', value: 100 }, durationSec: 60, clearHysteresis: 3, actions: [] });
    expect((await call(admin, 'GET', `/api/v1/alarm-rules/${r.id}`)).json().actions).toEqual(['manage']);
    // another enterprise learns nothing; staff may not manage
    expect((await call(otherAdmin, 'GET', `/api/v1/alarm-rules/${r.id}`)).statusCode).toBe(404);
    expect((await call(staff, 'POST', '/api/v1/alarm-rules', { model: 'X', key: 'rpm', condition: { op: '>', value: 1 }, severity: 'MINOR' })).statusCode).toBe(403);
    // bad input: 400 naming the field in both languages, nothing written
    for (const [body, field] of [
      [{ model: 'X', key: 'rpm', condition: { op: '>', value: 'hot' }, severity: 'MINOR' }, 'condition.value'],
      [{ model: 'X', key: 'rpm', condition: { op: '==', value: 1 }, severity: 'MINOR', clearHysteresis: 2 }, 'clearHysteresis'],
      [{ model: 'X', deviceId: r.id, key: 'rpm', condition: { op: '>', value: 1 }, severity: 'MINOR' }, 'deviceId'],
      [{ key: 'rpm', condition: { op: '>', value: 1 }, severity: 'MINOR' }, 'model'],
      [{ model: 'X', key: 'rpm', condition: { op: '>', value: 1 }, severity: 'HUGE' }, 'severity'],
    ] as const) {
      const bad = await call(admin, 'POST', '/api/v1/alarm-rules', body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(bad.json().error.details)).toContain(field);
      expect(bad.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const unknownDevice = await call(admin, 'POST', '/api/v1/alarm-rules', { deviceId: '00000000-0000-4000-8000-000000000000', key: 'rpm', condition: { op: '>', value: 1 }, severity: 'MINOR' });
    expect(unknownDevice.statusCode).toBe(400);
    expect(unknownDevice.json().error.details[0].field).toBe('deviceId');
    const put = await call(admin, 'PUT', `/api/v1/alarm-rules/${r.id}`, { model: 'RULES-1', key: 'coolantTemp', condition: { op: '>', value: 105 }, severity: 'CRITICAL' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ condition: { value: 105 }, severity: 'CRITICAL', version: 2 });
    expect(put.json().durationSec).toBeUndefined();
    expect((await call(admin, 'PUT', `/api/v1/alarm-rules/${r.id}`, { model: 'OTHER', key: 'coolantTemp', condition: { op: '>', value: 105 }, severity: 'CRITICAL' })).json().error.details[0].field).toBe('model');
    const list = await call(staff, 'GET', '/api/v1/alarm-rules?model=RULES-1');
    expect(list.json()).toMatchObject({ total: 1, page: 1 });
    expect((await call(otherAdmin, 'GET', '/api/v1/alarm-rules?model=RULES-1')).json().total).toBe(0);
    expect((await call(admin, 'DELETE', `/api/v1/alarm-rules/${r.id}`)).statusCode).toBe(204);
    expect((await call(admin, 'DELETE', `/api/v1/alarm-rules/${r.id}`)).statusCode).toBe(404);
  });

  it('export → import round-trips; an import with any bad entry names each and writes nothing', async () => {
    const d = await device('IMPORT-1');
    await rule({ model: 'IMPORT-1', key: 'coolantTemp', condition: { op: '>', value: 100 }, severity: 'MAJOR', durationSec: 60 });
    await rule({ deviceId: d.id, key: 'vibrationRms', condition: { op: '>', value: 7.1 }, severity: 'MINOR', repeat: { count: 3, withinSec: 600 } });
    const exp = await call(staff, 'GET', '/api/v1/alarm-rules/export');
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-disposition']).toContain('alarm-rules.json');
    const file = exp.json() as Record<string, unknown>[];
    const mine = file.filter((x) => x.model === 'IMPORT-1' || x.deviceId === d.id);
    expect(mine).toHaveLength(2);
    expect(mine.find((x) => x.deviceId === d.id)).toMatchObject({ key: 'vibrationRms', repeat: { count: 3, withinSec: 600 } });
    const before = (await call(staff, 'GET', '/api/v1/alarm-rules?pageSize=200')).json().total;
    // all or nothing
    const bad = await call(admin, 'POST', '/api/v1/alarm-rules/import', [
      { ...mine[0], id: undefined, model: 'IMPORT-2' },
      { model: 'IMPORT-2', key: 'rpm', condition: { op: '>', value: 1 }, severity: 'HUGE' },
      { deviceId: '00000000-0000-4000-8000-000000000000', key: 'rpm', condition: { op: '>', value: 1 }, severity: 'MINOR' },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((x: { field: string }) => x.field)).toEqual(['[1].severity', '[2].deviceId']);
    expect((await call(staff, 'GET', '/api/v1/alarm-rules?pageSize=200')).json().total).toBe(before);
    // the export imported back: the same ids are replaced, a new entry is created
    const changed = mine.map((x) => (x.key === 'coolantTemp' ? { ...x, condition: { op: '>', value: 98 } } : x));
    const ok = await call(admin, 'POST', '/api/v1/alarm-rules/import', [...changed, { model: 'IMPORT-2', key: 'rpm', condition: { op: '>', value: 2500 }, severity: 'WARNING' }]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 1, updated: 2 });
    expect((await call(staff, 'GET', `/api/v1/alarm-rules/${mine.find((x) => x.key === 'coolantTemp')!.id}`)).json().condition.value).toBe(98);
    expect((await call(staff, 'GET', '/api/v1/alarm-rules?pageSize=200')).json().total).toBe(before + 1);
    // another enterprise's admin importing these ids creates its own rules, never touches ours
    const foreign = await call(otherAdmin, 'POST', '/api/v1/alarm-rules/import', changed.filter((x) => x.model));
    expect(foreign.json()).toMatchObject({ created: 1, updated: 0 });
  });
});

describe('evaluation on ingest, judged on the data timestamps', () => {
  it('raises after durationSec of data time, one active alarm only, and clears with hysteresis', async () => {
    const d = await device('EVAL-1');
    await rule({ model: 'EVAL-1', key: 'coolantTemp', condition: { op: '>', value: 100 }, durationSec: 60, clearHysteresis: 3, severity: 'MAJOR' });
    await send(d, [{ sec: 0, values: { coolantTemp: 101 } }, { sec: 30, values: { coolantTemp: 102 } }]);
    expect(await alarmsOf(d)).toEqual([]);
    await send(d, [{ sec: 60, values: { coolantTemp: 103 } }]);
    let list = await alarmsOf(d);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'active', severity: 'MAJOR', acknowledged: false, cause: 'condition', combinedStatus: 'ACTIVE_UNACK', raisedTs: new Date(T0 + 60 * S).toISOString() });
    expect(list[0]!.actions).toEqual(['acknowledge', 'assign', 'comment', 'clear']);
    await send(d, [{ sec: 90, values: { coolantTemp: 110 } }, { sec: 120, values: { coolantTemp: 99 } }]); // 99 > 97: not yet
    expect((await alarmsOf(d)).map((a) => a.status)).toEqual(['active']);
    await send(d, [{ sec: 150, values: { coolantTemp: 97 } }]);
    list = await alarmsOf(d);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'cleared', clearedTs: new Date(T0 + 150 * S).toISOString() });
    const detail = (await call(staff, 'GET', `/api/v1/alarms/${list[0]!.id}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'cleared']);
    expect(detail.clearValue).toBe(97);
    // in-app: the enterprise's users were told
    const notes = (await call(staff, 'GET', '/api/v1/notifications')).json().items.map((n: { kind: string }) => n.kind);
    expect(notes).toEqual(expect.arrayContaining(['alarm.raised', 'alarm.cleared']));
  });

  it('buffered data replayed late in one message raises and clears at the moments it happened', async () => {
    const d = await device('EVAL-2');
    await rule({ model: 'EVAL-2', key: 'oilPressure', condition: { op: '<', value: 150 }, durationSec: 120, severity: 'CRITICAL' });
    clock.set(new Date(T0 + 3 * 3600 * S)); // three hours later the buffer arrives, out of order
    const entries = [0, 60, 120, 180, 240, 300].map((sec) => ({ sec, values: { oilPressure: sec >= 240 ? 300 : 140 } })).reverse();
    await send(d, entries);
    clock.set(new Date(T0));
    const [a] = await alarmsOf(d);
    expect(a).toMatchObject({ status: 'cleared', raisedTs: new Date(T0 + 120 * S).toISOString(), clearedTs: new Date(T0 + 240 * S).toISOString() });
  });

  it('a device rule for a key replaces the model rules of that key; other keys keep the model rules', async () => {
    const d = await device('EVAL-3');
    const other = await device('EVAL-3');
    await rule({ model: 'EVAL-3', key: 'coolantTemp', condition: { op: '>', value: 100 }, severity: 'MAJOR' });
    await rule({ model: 'EVAL-3', key: 'rpm', condition: { op: '>', value: 2500 }, severity: 'MINOR' });
    const own = await rule({ deviceId: d.id, key: 'coolantTemp', condition: { op: '>', value: 110 }, severity: 'CRITICAL' });
    await send(d, [{ sec: 0, values: { coolantTemp: 105, rpm: 2600 } }]);
    await send(other, [{ sec: 0, values: { coolantTemp: 105 } }]);
    expect((await alarmsOf(d)).map((a) => `${a.severity}`)).toEqual(['MINOR']); // rpm only: 105 is fine for this engine
    expect((await alarmsOf(other)).map((a) => a.severity)).toEqual(['MAJOR']);
    await send(d, [{ sec: 10, values: { coolantTemp: 111 } }]);
    const list = await alarmsOf(d);
    expect(list.find((a) => a.ruleId === own.id)).toMatchObject({ severity: 'CRITICAL', status: 'active' });
  });
});

describe('lifecycle', () => {
  async function activeAlarm(model: string, extra: Record<string, unknown> = {}) {
    const d = await device(model);
    const r = await rule({ model, key: 'vibrationRms', condition: { op: '>', value: 7.1 }, severity: 'MINOR', ...extra });
    await send(d, [{ sec: 0, values: { vibrationRms: 8 } }]);
    const [a] = await alarmsOf(d);
    expect(a?.status).toBe('active');
    return { d, r, a: a! };
  }

  it('N concurrent acknowledgements: one 200, the rest 409; audited once; the other enterprise gets 404', async () => {
    const { a } = await activeAlarm('LIFE-1');
    expect((await call(otherAdmin, 'POST', `/api/v1/alarms/${a.id}/ack`)).statusCode).toBe(404);
    const res = await Promise.all(Array.from({ length: 6 }, () => call(staff, 'POST', `/api/v1/alarms/${a.id}/ack`)));
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(res.find((r) => r.statusCode === 409)!.json().error.code).toBe('ALREADY_ACKNOWLEDGED');
    const won = res.find((r) => r.statusCode === 200)!.json();
    expect(won).toMatchObject({ acknowledged: true, combinedStatus: 'ACTIVE_ACK', acknowledgedBy: staffId });
    expect(won.actions).toEqual(['assign', 'comment', 'clear']);
    const audit = await app.database.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'alarm.acknowledged' AND object_id = $1`, [a.id]);
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('assigns to a user of the enterprise (not another’s), comments, and N concurrent clears: one 200', async () => {
    const { d, a } = await activeAlarm('LIFE-2');
    const bad = await call(staff, 'POST', `/api/v1/alarms/${a.id}/assign`, { userId: foreignUserId });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('userId');
    const ok = await call(admin, 'POST', `/api/v1/alarms/${a.id}/assign`, { userId: staffId });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().assigneeId).toBe(staffId);
    expect((await call(admin, 'POST', `/api/v1/alarms/${a.id}/assign`, { userId: staffId })).statusCode).toBe(409);
    expect((await call(staff, 'POST', `/api/v1/alarms/${a.id}/comments`, { text: '已安排现场检查' })).statusCode).toBe(201);
    expect((await call(staff, 'POST', `/api/v1/alarms/${a.id}/comments`, { text: '  ' })).statusCode).toBe(400);
    const res = await Promise.all(Array.from({ length: 5 }, () => call(staff, 'POST', `/api/v1/alarms/${a.id}/clear`)));
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const detail = (await call(staff, 'GET', `/api/v1/alarms/${a.id}`)).json();
    expect(detail).toMatchObject({ status: 'cleared', combinedStatus: 'CLEARED_UNACK', clearedBy: staffId });
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'assigned', 'commented', 'cleared']);
    expect(detail.events[2].text).toBe('已安排现场检查');
    // the condition still holds: the evaluator started afresh, the next point raises a new alarm
    await send(d, [{ sec: 10, values: { vibrationRms: 9 } }]);
    expect((await alarmsOf(d, '&status=active')).length).toBe(1);
    expect((await alarmsOf(d, '&status=CLEARED_UNACK')).map((x) => x.id)).toEqual([a.id]);
    // a cleared alarm can still be acknowledged, once
    expect((await call(staff, 'POST', `/api/v1/alarms/${a.id}/ack`)).json().combinedStatus).toBe('CLEARED_ACK');
  });
});

describe('the clocks: escalation, reminders, no data', () => {
  it('unacknowledged for T → one severity up, recorded; acknowledged → no more', async () => {
    const d = await device('CLOCK-1');
    await rule({ model: 'CLOCK-1', key: 'coolantTemp', condition: { op: '>', value: 100 }, severity: 'MINOR', escalateAfterSec: 900, renotifyEverySec: 600 });
    clock.set(new Date(T0));
    await send(d, [{ sec: 0, values: { coolantTemp: 120 } }]);
    clock.set(new Date(T0 + 899 * S));
    await app.services.alarms.tick();
    expect((await alarmsOf(d))[0]).toMatchObject({ severity: 'MINOR', escalations: 0 });
    clock.set(new Date(T0 + 900 * S));
    await app.services.alarms.tick();
    const [a] = await alarmsOf(d);
    expect(a).toMatchObject({ severity: 'MAJOR', escalations: 1 });
    const detail = (await call(staff, 'GET', `/api/v1/alarms/${a!.id}`)).json();
    expect(detail.initialSeverity).toBe('MINOR');
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'renotified', 'escalated']);
    expect(detail.events[2].detail).toMatchObject({ from: 'MINOR', to: 'MAJOR' });
    await call(staff, 'POST', `/api/v1/alarms/${a!.id}/ack`);
    clock.set(new Date(T0 + 10 * 3600 * S));
    await app.services.alarms.tick();
    expect((await alarmsOf(d))[0]).toMatchObject({ severity: 'MAJOR', escalations: 1 });
    clock.set(new Date(T0));
  });

  it('a device silent longer than noDataSec raises a no-data alarm; its next point clears it', async () => {
    const d = await device('CLOCK-2');
    await rule({ model: 'CLOCK-2', key: 'rpm', condition: { op: '>', value: 3000 }, noDataSec: 600, severity: 'WARNING' });
    clock.set(new Date(T0));
    await send(d, [{ sec: 0, values: { rpm: 1500 } }]);
    clock.set(new Date(T0 + 599 * S));
    await app.services.alarms.tick();
    expect(await alarmsOf(d)).toEqual([]);
    clock.set(new Date(T0 + 601 * S));
    await app.services.alarms.tick();
    await app.services.alarms.tick(); // idempotent: still one
    const [a] = await alarmsOf(d);
    expect(a).toMatchObject({ cause: 'noData', status: 'active', raisedTs: new Date(T0 + 600 * S).toISOString() });
    expect(await alarmsOf(d)).toHaveLength(1);
    await send(d, [{ sec: 700, values: { rpm: 1500 } }]);
    expect((await alarmsOf(d))[0]).toMatchObject({ status: 'cleared' });
    clock.set(new Date(T0));
  });
});

describe('webhooks', () => {
  let server: Server;
  let url = '';
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  let failFirst = 1;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        if (failFirst-- > 0) res.writeHead(503).end('busy');
        else res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('registers per enterprise (secret shown once), delivers alarm events signed with HMAC-SHA256, retries a failure, logs the attempts', async () => {
    const bad = await call(admin, 'POST', '/api/v1/webhooks', { url: 'ftp://x', events: ['alarm.raised'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('url');
    expect((await call(staff, 'POST', '/api/v1/webhooks', { url, events: ['alarm.raised'] })).statusCode).toBe(403);
    const created = await call(admin, 'POST', '/api/v1/webhooks', { url, events: ['alarm.raised'] });
    expect(created.statusCode, created.body).toBe(201);
    const { id, secret } = created.json();
    expect(secret).toMatch(/^whsec_/);
    expect((await call(admin, 'GET', '/api/v1/webhooks')).body).not.toContain(secret);
    expect((await call(otherAdmin, 'GET', `/api/v1/webhooks/${id}/deliveries`)).statusCode).toBe(404);

    const d = await device('HOOK-1');
    await rule({ model: 'HOOK-1', key: 'coolantTemp', condition: { op: '>', value: 100 }, severity: 'CRITICAL' });
    await send(d, [{ sec: 0, values: { coolantTemp: 120 } }]);
    const delivered = await until('delivery', async () => {
      const page = (await call(admin, 'GET', `/api/v1/webhooks/${id}/deliveries`)).json();
      return page.items[0]?.status === 'delivered' ? page.items[0] : null;
    });
    expect(delivered).toMatchObject({ event: 'alarm.raised', attempts: 2, lastStatusCode: 204, lastError: null });
    expect(received).toHaveLength(2);
    const last = received[1]!;
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(last.headers['x-reman-signature']));
    expect(m).not.toBeNull();
    expect(createHmac('sha256', secret).update(`${m![1]}.${last.body}`).digest('hex')).toBe(m![2]);
    expect(createHmac('sha256', 'wrong-secret-000000').update(`${m![1]}.${last.body}`).digest('hex')).not.toBe(m![2]);
    expect(Math.abs(Number(m![1]) - Date.now() / 1000)).toBeLessThan(120);
    const body = JSON.parse(last.body);
    expect(body).toMatchObject({ event: 'alarm.raised', data: { device: { id: d.id }, key: 'coolantTemp', severity: 'CRITICAL', status: 'active', raiseValue: 120 } });
    expect(last.headers['x-reman-event']).toBe('alarm.raised');
    // the clear is not subscribed: nothing more arrives
    await send(d, [{ sec: 10, values: { coolantTemp: 90 } }]);
    expect((await call(admin, 'GET', `/api/v1/webhooks/${id}/deliveries`)).json().total).toBe(1);
    expect((await call(admin, 'DELETE', `/api/v1/webhooks/${id}`)).statusCode).toBe(200);
    expect((await call(admin, 'DELETE', `/api/v1/webhooks/${id}`)).statusCode).toBe(404);
  });
});
