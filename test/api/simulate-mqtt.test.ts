/**
 * Issue 12 "Demo and tools": `npm run simulate` end to end over MQTT into the platform — the simulator's devices are
 * provisioned platform devices (thing model `engine`), it publishes on the embedded broker (aedes), every QoS 1
 * message is acknowledged only after its points are stored, the malformed share is refused and counted per device
 * (and reported back on …/errors), and what was acknowledged is in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate, POINTS_PER_MESSAGE } from '../../scripts/simulate.js';
import { startMqtt, type MqttRuntime } from '../../src/server/modules/devices/mqtt.runtime.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { commandSettled, makeDevice, type TestDevice } from '../support/devices.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let admin: Session;
let runtime: MqttRuntime;
const devices: TestDevice[] = [];

beforeAll(async () => {
  app = await buildTestApp();
  const e = await buildEnterprise(app.services, { regionCode: '440106' });
  admin = await login(app, (await buildUser(app.services, 'enterprise_admin', { organizationId: e.id })).username, TEST_PASSWORD);
  expect((await app.inject({ method: 'PUT', url: '/api/v1/thing-models/SIM-ENGINE', headers: admin.headers, payload: { template: 'engine' } })).statusCode).toBe(200);
  for (let i = 0; i < 3; i++) devices.push(await makeDevice(app, admin, 'SIM-ENGINE'));
  runtime = (await startMqtt({ mqtt: app.services.mqtt, devices: app.services.devices, config: { ...app.config, MQTT_URL: undefined, MQTT_PORT: 0, MQTT_HOST: '127.0.0.1' }, log: app.log }))!;
}, 240_000);
afterAll(async () => {
  await runtime?.close();
  await app?.close();
});

describe('npm run simulate over MQTT into the platform', () => {
  it('every acknowledged message is stored; malformed ones are refused and counted on their device', async () => {
    const s = await simulate({
      url: runtime.url, rate: 100, duration: 3, seed: 7, bad: 0.2, speedup: 5, log: () => undefined,
      devices: devices.map((d) => ({ id: d.id, credentials: { clientId: d.clientId, username: d.username, password: d.password } })),
    });
    expect(s.connected).toBe(3);
    expect(s.failed).toBe(0);
    expect(s.acked).toBe(s.messages);
    expect(s.malformed).toBeGreaterThan(0);
    const good = s.messages - s.malformed;
    const list = (await app.inject({ url: '/api/v1/devices?pageSize=10', headers: admin.headers })).json().items as { id: string; pointsStored: number; messagesRefused: number }[];
    const mine = list.filter((d) => devices.some((x) => x.id === d.id));
    const stored = mine.reduce((n, d) => n + d.pointsStored, 0);
    // PUBACK after storing: what was acknowledged is there (a sensor spike outside the thing model's range is refused)
    expect(stored).toBeLessThanOrEqual(good * POINTS_PER_MESSAGE);
    expect(stored).toBeGreaterThanOrEqual(Math.floor(0.95 * good * POINTS_PER_MESSAGE));
    expect(mine.reduce((n, d) => n + d.messagesRefused, 0)).toBe(s.malformed);
    const latest = (await app.inject({ url: `/api/v1/devices/${devices[0]!.id}/latest`, headers: admin.headers })).json();
    expect(Object.keys(latest.values).sort()).toEqual(['coolantTemp', 'oilPressure', 'rpm', 'runHours', 'vibrationRms']);
  }, 120_000);

  it('the simulated terminals answer remote commands (getDiagnostics, reboot) while they publish', async () => {
    const stop = new AbortController();
    const running = simulate({
      url: runtime.url, rate: 20, duration: 0, seed: 8, log: () => undefined, signal: stop.signal,
      devices: devices.slice(0, 1).map((d) => ({ id: d.id, credentials: { clientId: d.clientId, username: d.username, password: d.password } })),
    });
    try {
      const d = devices[0]!;
      // connected once the broker says so: the command is refused as offline until then
      let sent = await app.inject({ method: 'POST', url: `/api/v1/devices/${d.id}/commands`, headers: admin.headers, payload: { method: 'getDiagnostics', timeoutSec: 30 } });
      for (let i = 0; sent.statusCode === 409 && i < 300; i++) {
        await new Promise((r) => setTimeout(r, 50));
        sent = await app.inject({ method: 'POST', url: `/api/v1/devices/${d.id}/commands`, headers: admin.headers, payload: { method: 'getDiagnostics', timeoutSec: 30 } });
      }
      expect(sent.statusCode, sent.body).toBe(201);
      const settled = (id: string) => commandSettled(app, id);
      const diag = await settled(sent.json().id);
      expect(diag.state).toBe('replied');
      expect(diag.reply).toMatchObject({ firmware: 'sim-1.0', values: expect.any(Object) });
      const reboot = await app.inject({ method: 'POST', url: `/api/v1/devices/${d.id}/commands`, headers: admin.headers, payload: { method: 'reboot', params: { delaySec: 0 }, timeoutSec: 30 } });
      expect(reboot.statusCode, reboot.body).toBe(201);
      expect(await settled(reboot.json().id)).toMatchObject({ state: 'replied', reply: { rebootingInSec: 0 } });
    } finally {
      stop.abort();
      await running;
    }
  }, 120_000);
});
