/**
 * Issue 12 "Ingest" over the embedded broker (aedes): device credentials at CONNECT, own topics only, QoS 1 PUBACK
 * after the points are stored (the ack IS the condition: no sleeps), duplicates once, bad input reported on
 * …/errors and counted while the device keeps publishing, attributes as latest state, revocation drops the connection.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMqtt, type MqttRuntime } from '../../src/server/modules/devices/mqtt.runtime.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { makeDevice, type TestDevice } from '../support/devices.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let admin: Session;
let runtime: MqttRuntime;
let url: string;
const clients: MqttClient[] = [];

const topic = (d: TestDevice, kind: string) => `reman/v1/devices/${d.id}/${kind}`;

async function connect(d: TestDevice, over: Partial<mqtt.IClientOptions> = {}): Promise<MqttClient> {
  const c = await mqtt.connectAsync(url, { clientId: d.clientId, username: d.username, password: d.password, protocolVersion: 4, reconnectPeriod: 0, ...over });
  clients.push(c);
  return c;
}

/** The next message on `t` (resolves on the event; the caller subscribed first). */
const nextMessage = (c: MqttClient, t: string) =>
  new Promise<Buffer>((resolve) => {
    const on = (topicName: string, payload: Buffer) => {
      if (topicName !== t) return;
      c.off('message', on);
      resolve(payload);
    };
    c.on('message', on);
  });

const closed = (c: MqttClient) => new Promise<void>((resolve) => (c.connected ? c.once('close', () => resolve()) : resolve()));

const latest = async (d: TestDevice) => {
  const r = await app.inject({ url: `/api/v1/devices/${d.id}/latest`, headers: admin.headers });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const detail = async (d: TestDevice) => (await app.inject({ url: `/api/v1/devices/${d.id}`, headers: admin.headers })).json();

beforeAll(async () => {
  app = await buildTestApp();
  const e = await buildEnterprise(app.services, { regionCode: '440106' });
  const a = await buildUser(app.services, 'enterprise_admin', { organizationId: e.id });
  admin = await login(app, a.username, TEST_PASSWORD);
  // port 0: any free port (an explicit port; 1883 is Mosquitto's on this machine)
  const r = await startMqtt({ mqtt: app.services.mqtt, devices: app.services.devices, config: { ...app.config, MQTT_URL: undefined, MQTT_PORT: 0, MQTT_HOST: '127.0.0.1' }, log: app.log });
  runtime = r!;
  url = runtime.url;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
  await runtime?.close();
  await app?.close();
});

describe('connect', () => {
  it('refuses a wrong password (CONNACK 4) and a client id that is not the device’s (CONNACK 2); accepts the device', async () => {
    const d = await makeDevice(app, admin);
    await expect(connect(d, { password: 'dev_wrong' })).rejects.toMatchObject({ code: 4 });
    await expect(connect(d, { username: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 4 });
    await expect(connect(d, { clientId: 'someone-else' })).rejects.toMatchObject({ code: 2 });
    const c = await connect(d);
    expect(c.connected).toBe(true);
  });

  it('an explicitly configured port in use is a startup error naming MQTT_PORT', async () => {
    const port = Number(new URL(url).port);
    await expect(startMqtt({ mqtt: app.services.mqtt, devices: app.services.devices, config: { ...app.config, MQTT_URL: undefined, MQTT_PORT: port, MQTT_HOST: '127.0.0.1' }, log: app.log })).rejects.toThrow(/MQTT_PORT=\d+: port in use/);
  });
});

describe('telemetry over QoS 1', () => {
  it('after the PUBACK the points are queryable; the same points again are stored once', async () => {
    const d = await makeDevice(app, admin);
    const c = await connect(d);
    const ts = Date.now() - 5_000;
    const payload = JSON.stringify([{ ts, values: { rpm: 1500, coolantTemp: 88.5 } }, { ts: ts + 1000, values: { rpm: 1520 } }]);
    await c.publishAsync(topic(d, 'telemetry'), payload, { qos: 1 }); // resolves on PUBACK
    const l = await latest(d);
    expect(l.values).toMatchObject({ rpm: { ts: ts + 1000, value: 1520 }, coolantTemp: { ts, value: 88.5 } });
    expect(l.online).toBe(true);
    expect((await detail(d)).pointsStored).toBe(3);
    await c.publishAsync(topic(d, 'telemetry'), payload, { qos: 1 });
    expect((await detail(d)).pointsStored).toBe(3);
    const n = await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry WHERE device_id = $1', [d.id]);
    expect(n.rows[0]!.n).toBe(3);
  });

  it('many QoS 1 messages in flight at once: every acknowledged point is stored', async () => {
    const d = await makeDevice(app, admin);
    const c = await connect(d);
    const t0 = Date.now() - 60_000;
    await Promise.all(Array.from({ length: 50 }, (_, i) => c.publishAsync(topic(d, 'telemetry'), JSON.stringify({ ts: t0 + i * 100, values: { rpm: 1000 + i, oilPressure: 300 + i } }), { qos: 1 })));
    const n = await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry WHERE device_id = $1', [d.id]);
    expect(n.rows[0]!.n).toBe(100);
  });

  it('bad input is reported on …/errors and counted; the device keeps publishing on the same connection', async () => {
    const d = await makeDevice(app, admin);
    const c = await connect(d);
    const granted = await c.subscribeAsync(topic(d, 'errors'), { qos: 1 });
    expect(granted[0]!.qos).toBe(1);
    const cases: [string, string][] = [
      ['{"ts": 1, "values": {', 'MALFORMED_JSON'],
      [JSON.stringify({ ts: Date.now() + 86_400_000, values: { rpm: 1 } }), 'FUTURE_TS'],
      [JSON.stringify({ ts: Date.now(), values: { rpm: { nested: 1 } } }), 'BAD_VALUE'],
      [JSON.stringify({ when: Date.now(), values: { rpm: 1 } }), 'BAD_TS'],
    ];
    for (const [payload, code] of cases) {
      const report = nextMessage(c, topic(d, 'errors'));
      await c.publishAsync(topic(d, 'telemetry'), payload, { qos: 1 });
      const r = JSON.parse((await report).toString());
      expect(r).toMatchObject({ topic: topic(d, 'telemetry'), stored: 0, refused: 1 });
      expect(r.errors[0]).toMatchObject({ code });
      expect(r.errors[0].message).toBeTruthy();
      expect(r.errors[0].messageEn).toBeTruthy();
    }
    const after = await detail(d);
    expect(after.messagesRefused).toBe(4);
    expect(after.pointsRefused).toBe(4);
    expect(after.recentErrors.map((e: { code: string; channel: string }) => `${e.channel}:${e.code}`)).toEqual(expect.arrayContaining(['mqtt:MALFORMED_JSON', 'mqtt:FUTURE_TS', 'mqtt:BAD_VALUE', 'mqtt:BAD_TS']));
    // still connected, still ingesting
    const ts = Date.now();
    await c.publishAsync(topic(d, 'telemetry'), JSON.stringify({ ts, values: { rpm: 777 } }), { qos: 1 });
    expect((await latest(d)).values.rpm).toEqual({ ts, value: 777 });
    expect(c.connected).toBe(true);
  });

  it('attributes are kept as the device’s latest state, merged key by key', async () => {
    const d = await makeDevice(app, admin);
    const c = await connect(d);
    await c.publishAsync(topic(d, 'attributes'), JSON.stringify({ firmwareVersion: '1.2.0', sampleRateHz: 1 }), { qos: 1 });
    await c.publishAsync(topic(d, 'attributes'), JSON.stringify({ firmwareVersion: '1.3.0', site: '佛山' }), { qos: 1 });
    const r = await app.inject({ url: `/api/v1/devices/${d.id}/attributes`, headers: admin.headers });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().attributes).toEqual({ firmwareVersion: '1.3.0', sampleRateHz: 1, site: '佛山' });
    // a bad attribute name is refused and reported; the good one is kept
    await c.subscribeAsync(topic(d, 'errors'), { qos: 1 });
    const report = nextMessage(c, topic(d, 'errors'));
    await c.publishAsync(topic(d, 'attributes'), JSON.stringify({ 'bad key': 1, mode: 'eco' }), { qos: 1 });
    expect(JSON.parse((await report).toString())).toMatchObject({ refused: 1, stored: 1 });
    expect((await app.inject({ url: `/api/v1/devices/${d.id}/attributes`, headers: admin.headers })).json().attributes.mode).toBe('eco');
  });
});

describe('own topics only', () => {
  it('a subscription to another device’s topics is refused (SUBACK 0x80); its own commands and errors are granted', async () => {
    const [d, other] = [await makeDevice(app, admin), await makeDevice(app, admin)];
    const c = await connect(d);
    for (const foreign of [topic(other, 'errors'), topic(other, 'commands/#'), 'reman/v1/devices/+/errors', '#']) {
      // mqtt.js rejects a SUBACK carrying 0x80
      await expect(c.subscribeAsync(foreign, { qos: 1 }), foreign).rejects.toThrow(/Subscribe error/);
    }
    const granted = await c.subscribeAsync([topic(d, 'commands/#'), topic(d, 'errors')], { qos: 1 });
    expect(granted.map((g) => g.qos)).toEqual([1, 1]);
    expect(c.connected).toBe(true);
  });

  it('a publish on another device’s topic closes the connection and stores nothing', async () => {
    const [d, other] = [await makeDevice(app, admin), await makeDevice(app, admin)];
    const c = await connect(d);
    const gone = closed(c);
    c.publish(topic(other, 'telemetry'), JSON.stringify({ ts: Date.now(), values: { rpm: 1 } }), { qos: 1 });
    await gone;
    expect((await latest(other)).values).toEqual({});
    expect((await detail(other)).pointsStored).toBe(0);
  });

  it('a revoked device is disconnected and cannot connect again', async () => {
    const d = await makeDevice(app, admin);
    const c = await connect(d);
    const gone = closed(c);
    const r = await app.inject({ method: 'POST', url: `/api/v1/devices/${d.id}/revoke`, headers: admin.headers });
    expect(r.statusCode, r.body).toBe(200);
    await gone;
    await expect(connect(d)).rejects.toMatchObject({ code: 4 });
  });
});
