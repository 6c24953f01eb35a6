/**
 * Issue 12 "Diagnosis and warranty cases" — 远程诊断: remote commands over MQTT (request/response with a timeout).
 * On the embedded broker: the owner's command answered by the device is stored with its reply; a command sent from
 * a case that the device does not answer times out and shows on the case; each step audited; a reply of another
 * device changes nothing; who may send (owner, maker with consent; not a lessee, not a stranger); methods and
 * parameters checked against the thing model's kind; an offline device refused. Once on the machine's Mosquitto
 * (TEST_MQTT_URL): the reply comes back through the shared subscription. Waits are on the settled event (no sleeps).
 */
import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnvironment } from '../../src/server/config.js';
import { startMqtt, type MqttRuntime } from '../../src/server/modules/devices/mqtt.runtime.js';
import { buildTestApp, type Session, type TestApp } from '../support/app.js';
import { commandSettled, monitoringCast } from '../support/devices.js';
import { buildProduct } from '../support/factories.js';

let app: TestApp;
let makerId: string, ownerId: string, lesseeOrgId: string;
let admin: Session, staff: Session, owner: Session, lessee: Session, stranger: Session;
const clients: MqttClient[] = [];
const runtimes: MqttRuntime[] = [];

interface Dev {
  id: string;
  clientId: string;
  username: string;
  password: string;
}
const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

/** A product of the maker, handed over by the trace (`sale` to `to`: owner; `lease`: possessor only), provisioned. */
async function device(handover?: { kind: 'sale' | 'lease'; to: string }): Promise<Dev> {
  const s = app.services;
  const p = await buildProduct(s, makerId, { model: 'WD615', warrantyMonths: 12 });
  if (handover) {
    const r = await app.database.db.transaction((tx) => s.trace.recordTransfer(tx, null, { kind: handover.kind, code: p.code, enterpriseId: makerId, at: new Date(), requestKey: `cmd-test-${p.code}`, party: { orgId: handover.to, name: '用户' } }));
    r.afterCommit();
  }
  const r = await call(admin, 'POST', '/api/v1/devices', { productCode: p.code });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().device.id, ...r.json().credentials };
}

/** The device's own client: subscribed to its commands; `answer` decides its reply (null: stays silent). */
async function online(url: string, d: Dev, answer: (method: string, params: Record<string, unknown>) => object | null) {
  const c = await mqtt.connectAsync(url, { clientId: d.clientId, username: d.username, password: d.password, protocolVersion: 4, reconnectPeriod: 0 });
  clients.push(c);
  const received: { method: string; requestId: string }[] = [];
  c.on('message', (topic, payload) => {
    if (!topic.startsWith(`reman/v1/devices/${d.id}/commands/`)) return;
    const m = JSON.parse(payload.toString()) as { requestId: string; method: string; params: Record<string, unknown> };
    received.push(m);
    const a = answer(m.method, m.params);
    if (a) c.publishAsync(`reman/v1/devices/${d.id}/replies/${m.requestId}`, JSON.stringify(a), { qos: 1 }).catch(() => undefined);
  });
  await c.subscribeAsync(`reman/v1/devices/${d.id}/commands/+`, { qos: 1 });
  return { client: c, received };
}

const settled = (id: string) => commandSettled(app, id);
const auditOf = async (id: string) => (await app.database.raw.query<{ action: string }>('SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id', [id])).rows.map((r) => r.action);

beforeAll(async () => {
  app = await buildTestApp();
  ({ makerId, ownerId, buyerOrgId: lesseeOrgId, admin, staff, owner, stranger, buyer: lessee } = await monitoringCast(app));
  expect((await call(admin, 'PUT', '/api/v1/thing-models/WD615', { template: 'engine' })).statusCode).toBe(200);
}, 240_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
  for (const r of runtimes) await r.close();
  await app?.close();
});

describe('embedded broker', () => {
  let url: string;
  beforeAll(async () => {
    const r = await startMqtt({ mqtt: app.services.mqtt, devices: app.services.devices, config: { ...app.config, MQTT_URL: undefined, MQTT_PORT: 0, MQTT_HOST: '127.0.0.1' }, log: app.log });
    runtimes.push(r!);
    url = r!.url;
  });

  it('the owner sends getDiagnostics; the device answers; the reply is stored and every step audited', async () => {
    const d = await device({ kind: 'sale', to: ownerId });
    const dev = await online(url, d, (method) => (method === 'getDiagnostics' ? { ok: true, result: { firmware: '2.4.1', faultCodes: ['P0217'], uptimeSec: 86_400 } } : null));
    const methods = (await call(owner, 'GET', `/api/v1/devices/${d.id}/commands/methods`)).json().items.map((m: { method: string }) => m.method);
    expect(methods).toEqual(expect.arrayContaining(['getDiagnostics', 'reboot', 'readFaultCodes', 'runSelfTest']));
    const r = await call(owner, 'POST', `/api/v1/devices/${d.id}/commands`, { method: 'getDiagnostics', timeoutSec: 60 });
    expect(r.statusCode, r.body).toBe(201);
    const sent = r.json();
    const done = await settled(sent.id);
    expect(done.state).toBe('replied');
    expect(dev.received.map((m) => m.requestId)).toEqual([sent.id]);
    const got = (await call(owner, 'GET', `/api/v1/devices/${d.id}/commands/${sent.id}`)).json();
    expect(got).toMatchObject({ state: 'replied', method: 'getDiagnostics', reply: { firmware: '2.4.1', faultCodes: ['P0217'] }, error: null });
    expect(got.settledAt).not.toBeNull();
    expect(await auditOf(sent.id)).toEqual(['device.command_sent', 'device.command_replied']);
    // the maker (the owner consents by default) reads the device's command log too
    const log = (await call(staff, 'GET', `/api/v1/devices/${d.id}/commands`)).json();
    expect(log).toMatchObject({ total: 1, items: [{ id: sent.id, state: 'replied' }] });
  });

  it('from a case: the device stays silent → the command times out, shown on the case; a reply of another device changes nothing', async () => {
    const d = await device({ kind: 'sale', to: ownerId });
    const other = await device();
    await online(url, d, () => null);
    const intruder = await online(url, other, () => null);
    const opened = await call(owner, 'POST', '/api/v1/cases', { deviceId: d.id, title: '启动困难' });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().id;
    const r = await call(staff, 'POST', `/api/v1/cases/${caseId}/commands`, { method: 'reboot', params: { delaySec: 5 }, timeoutSec: 1 });
    expect(r.statusCode, r.body).toBe(201);
    const cmd = r.json();
    expect(cmd).toMatchObject({ state: 'sent', caseId, params: { delaySec: 5 } });
    // another device publishes a reply with this request id on its own reply topic (the broker accepts it): not its
    // command, so nothing changes
    await intruder.client.publishAsync(`reman/v1/devices/${other.id}/replies/${cmd.id}`, JSON.stringify({ ok: true, result: 'forged' }), { qos: 1 });
    expect((await call(staff, 'GET', `/api/v1/devices/${d.id}/commands/${cmd.id}`)).json().state).toBe('sent');
    const done = await settled(cmd.id);
    expect(done).toMatchObject({ state: 'timeout', error: 'no reply in time' });
    const detail = (await call(owner, 'GET', `/api/v1/cases/${caseId}`)).json();
    expect(detail.commands).toMatchObject([{ id: cmd.id, method: 'reboot', state: 'timeout', caseId }]);
    expect(await auditOf(cmd.id)).toEqual(['device.command_sent', 'device.command_timeout']);
    // settled once: the sweep finds nothing left
    expect(await app.services.commands.expireOverdue()).toBe(0);
  });

  it('who may send: owner and maker-with-consent; a lessee 403, a stranger 404, the maker after withdrawn consent 404', async () => {
    const leased = await device({ kind: 'lease', to: lesseeOrgId });
    await online(url, leased, () => ({ ok: true }));
    const refused = await call(lessee, 'POST', `/api/v1/devices/${leased.id}/commands`, { method: 'getDiagnostics' });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.messageEn).toMatch(/owner/);
    expect((await call(lessee, 'GET', `/api/v1/devices/${leased.id}/commands`)).statusCode).toBe(200); // the lessee reads the log
    expect((await call(stranger, 'POST', `/api/v1/devices/${leased.id}/commands`, { method: 'getDiagnostics' })).statusCode).toBe(404);

    const sold = await device({ kind: 'sale', to: ownerId });
    await online(url, sold, () => ({ ok: true }));
    expect((await call(owner, 'POST', `/api/v1/devices/${sold.id}/consent`, { manufacturerAccess: false })).statusCode).toBe(200);
    expect((await call(admin, 'POST', `/api/v1/devices/${sold.id}/commands`, { method: 'getDiagnostics' })).statusCode).toBe(404);
    const ok = await call(owner, 'POST', `/api/v1/devices/${sold.id}/commands`, { method: 'getDiagnostics' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await settled(ok.json().id)).state).toBe('replied');
  });

  it('at most 5 commands wait per device: 8 sent at once → 5 × 201, 3 × 409 (decided on the locked device row)', async () => {
    const d = await device();
    await online(url, d, () => null);
    const rs = await Promise.all(Array.from({ length: 8 }, () => call(admin, 'POST', `/api/v1/devices/${d.id}/commands`, { method: 'getConfig', timeoutSec: 300 })));
    expect(rs.filter((r) => r.statusCode === 201)).toHaveLength(5);
    expect(rs.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)).toEqual(['TOO_MANY_PENDING', 'TOO_MANY_PENDING', 'TOO_MANY_PENDING']);
  });

  it('methods and parameters are checked (400 naming the field); an offline device is refused (409)', async () => {
    const d = await device();
    await online(url, d, () => ({ ok: true }));
    const bad = async (body: object, field: string) => {
      const r = await call(admin, 'POST', `/api/v1/devices/${d.id}/commands`, body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.details.map((f: { field: string }) => f.field)).toContain(field);
    };
    await bad({ method: 'formatDisk' }, 'method');
    await bad({ method: 'setReportInterval', params: {} }, 'params.seconds');
    await bad({ method: 'setReportInterval', params: { seconds: 0.5 } }, 'params.seconds');
    await bad({ method: 'runSelfTest', params: { test: 'everything' } }, 'params.test');
    await bad({ method: 'getDiagnostics', params: { verbose: true } }, 'params.verbose');
    await bad({ method: 'getDiagnostics', timeoutSec: 0 }, 'timeoutSec');
    const silent = await device();
    const r = await call(admin, 'POST', `/api/v1/devices/${silent.id}/commands`, { method: 'getDiagnostics' });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error.code).toBe('DEVICE_OFFLINE');
  });
});

const MQTT_URL = testEnvironment().mqttUrl;
describe.skipIf(!MQTT_URL)('external broker (TEST_MQTT_URL, the machine’s Mosquitto)', () => {
  it('the command goes out through the broker and the reply comes back through the shared subscription', async () => {
    const run = randomUUID().slice(0, 8);
    const r = await startMqtt({
      mqtt: app.services.mqtt, devices: app.services.devices, log: app.log,
      config: { ...app.config, MQTT_URL, MQTT_CLIENT_ID: `reman-cmd-${run}`, MQTT_SHARE_GROUP: `c${run}`, MQTT_SUBSCRIBERS: 1, MQTT_SESSION_EXPIRY_SECONDS: 60 },
    });
    runtimes.push(r!);
    const d = await device({ kind: 'sale', to: ownerId });
    const dev = await online(MQTT_URL!, d, (method) => (method === 'readFaultCodes' ? { ok: true, result: { codes: [] } } : null));
    // online at an external broker = heard from recently: one telemetry message first (stored before its PUBACK)
    await dev.client.publishAsync(`reman/v1/devices/${d.id}/telemetry`, JSON.stringify({ ts: Date.now(), values: { rpm: 800 } }), { qos: 1 });
    const seen = async () => (await call(owner, 'GET', `/api/v1/devices/${d.id}/latest`)).json().online === true;
    for (let i = 0; !(await seen()); i++) {
      if (i > 600) throw new Error('the telemetry never arrived');
      await new Promise((res) => setTimeout(res, 100));
    }
    const sent = await call(owner, 'POST', `/api/v1/devices/${d.id}/commands`, { method: 'readFaultCodes', timeoutSec: 60 });
    expect(sent.statusCode, sent.body).toBe(201);
    const done = await settled(sent.json().id);
    expect(done).toMatchObject({ state: 'replied', reply: { codes: [] } });
  });
});
