/**
 * Issue 12 "Ingest" with an external broker (the machine's Mosquitto, TEST_MQTT_URL=mqtt://127.0.0.1:1883): two
 * platform instances (separate MQTT connections, stable client ids, persistent sessions) share the stream through an
 * MQTT 5 shared subscription; 2,000 points from a device are each stored exactly once; an instance killed mid-stream
 * (no DISCONNECT, its in-flight messages unacknowledged) and started again loses nothing.
 * Skipped without TEST_MQTT_URL; with it set and the broker unreachable the test fails.
 * A unique share group per run keeps concurrent runs apart (each run's group gets every message; foreign devices'
 * messages are dropped as unknown devices by the other runs).
 */
import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnvironment } from '../../src/server/config.js';
import { startMqtt, type MqttRuntime } from '../../src/server/modules/devices/mqtt.runtime.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { makeDevice, type TestDevice } from '../support/devices.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

const URL_ = testEnvironment().mqttUrl;
const run = randomUUID().slice(0, 8);
let app: TestApp;
let admin: Session;
const runtimes: MqttRuntime[] = [];
const devices: MqttClient[] = [];

/** A platform instance; `group`: its shared-subscription group (one per test: stopped members keep their share). */
function instance(name: string, group: string) {
  return startMqtt({
    mqtt: app.services.mqtt,
    devices: app.services.devices,
    config: { ...app.config, MQTT_URL: URL_, MQTT_CLIENT_ID: `reman-test-${run}-${name}`, MQTT_SHARE_GROUP: `t${run}${group}`, MQTT_SUBSCRIBERS: 2, MQTT_SESSION_EXPIRY_SECONDS: 300 },
    log: app.log,
  }).then((r) => {
    if (r?.kind !== 'external') throw new Error('expected the external subscriber');
    runtimes.push(r);
    return r;
  });
}

const stored = async (d: TestDevice) => (await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry WHERE device_id = $1', [d.id])).rows[0]!.n;

/** Wait until `cond` holds, checking after each short pause (the broker and the instances work on their own). */
async function until(cond: () => Promise<boolean>, what: string, timeoutMs = 120_000) {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `messages` QoS 1 messages of `per` points each, from the device's own client at the external broker. */
async function publish(d: TestDevice, from: number, messages: number, per: number, onHalf?: () => Promise<void>) {
  const c = await mqtt.connectAsync(URL_!, { clientId: d.clientId, username: d.username, password: d.password, reconnectPeriod: 0 });
  devices.push(c);
  const t0 = Date.now() - 3_600_000;
  const send = (i: number) =>
    c.publishAsync(`reman/v1/devices/${d.id}/telemetry`, JSON.stringify(Array.from({ length: per }, (_, j) => ({ ts: t0 + (from + i * per + j) * 10, values: { rpm: 1000 + ((i * per + j) % 500) } }))), { qos: 1 });
  const half = Math.floor(messages / 2);
  await Promise.all(Array.from({ length: half }, (_, i) => send(i)));
  await onHalf?.();
  await Promise.all(Array.from({ length: messages - half }, (_, i) => send(half + i)));
}

describe.skipIf(!URL_)('external broker (TEST_MQTT_URL)', () => {
  beforeAll(async () => {
    app = await buildTestApp();
    const e = await buildEnterprise(app.services, { regionCode: '440106' });
    const a = await buildUser(app.services, 'enterprise_admin', { organizationId: e.id });
    admin = await login(app, a.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await Promise.all(devices.map((c) => c.endAsync(true).catch(() => undefined)));
    // end the sessions at the broker: connect once more with a clean start (drops the test's persistent sessions)
    for (const r of runtimes) await r.close().catch(() => undefined);
    if (URL_) {
      for (const r of runtimes) {
        if (r.kind !== 'external') continue;
        for (const id of r.subscriber.clientIds) await mqtt.connectAsync(URL_, { clientId: id, clean: true, protocolVersion: 5, reconnectPeriod: 0 }).then((c) => c.endAsync()).catch(() => undefined);
      }
    }
    await app?.close();
  });

  it('two instances share the stream: 2,000 points stored exactly once, both instances took part', async () => {
    const a = await instance('a', '1');
    const b = await instance('b', '1');
    const d = await makeDevice(app, admin);
    await publish(d, 0, 200, 10);
    await until(async () => (await stored(d)) >= 2000, '2,000 points');
    expect(await stored(d)).toBe(2000);
    const acks = () => [a, b].map((r) => (r.kind === 'external' ? r.subscriber.acknowledged() : 0));
    await until(async () => acks()[0]! + acks()[1]! >= 200, 'all acknowledged', 30_000);
    const [ackA, ackB] = acks();
    expect(ackA! + ackB!).toBe(200); // no message delivered twice in the normal case
    expect(ackA).toBeGreaterThan(0);
    expect(ackB).toBeGreaterThan(0);
    const dev = (await app.inject({ url: `/api/v1/devices/${d.id}`, headers: admin.headers })).json();
    expect(dev.pointsStored).toBe(2000);
    await a.close();
    await b.close();
  });

  it('an instance killed mid-stream (no DISCONNECT) and started again: nothing the broker accepted is lost', { timeout: 180_000 }, async () => {
    const a = await instance('c', '2');
    let b = await instance('d', '2');
    const d = await makeDevice(app, admin);
    await publish(d, 0, 200, 10, async () => {
      await b.close(false); // a crash, as the broker sees it: in-flight messages stay unacknowledged in b's session
    });
    // b comes back with the same client ids: the broker resumes its session and delivers what it holds for it
    b = await instance('d', '2');
    await until(async () => (await stored(d)) >= 2000, '2,000 points after the restart').catch(async (e) => { throw new Error(`${e.message}: stored ${await stored(d)}`); });
    expect(await stored(d)).toBe(2000);
    await a.close();
    await b.close();
  });
});

if (!URL_) console.info('mqtt-external.test: skipped (set TEST_MQTT_URL=mqtt://127.0.0.1:1883)');
