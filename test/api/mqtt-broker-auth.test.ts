/**
 * HTTP auth/ACL endpoints an external broker calls (EMQX HTTP authenticator/authorizer, mosquitto-go-auth http
 * backend with http_params_mode/http_response_mode json): the same rule as the embedded broker — device id +
 * password + its client id, own topics only; the platform's account is a superuser; the shared secret is required.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { makeDevice, type TestDevice } from '../support/devices.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

const SECRET = 'broker-shared-secret-0123456789';
let app: TestApp;
let admin: Session;
let d: TestDevice;
let other: TestDevice;

const call = (path: string, body: unknown, secret: string | null = SECRET) =>
  app.inject({ method: 'POST', url: `/api/v1/mqtt/${path}`, headers: secret ? { 'x-reman-mqtt-secret': secret } : {}, payload: body as object });
const allowed = async (path: string, body: unknown) => {
  const r = await call(path, body);
  expect(r.statusCode, r.body).toBe(200);
  const j = r.json();
  expect(j.ok).toBe(j.result === 'allow');
  return j.ok as boolean;
};

beforeAll(async () => {
  app = await buildTestApp({ MQTT_AUTH_SECRET: SECRET, MQTT_URL: 'mqtt://reman-platform:pw@127.0.0.1:1883' });
  const e = await buildEnterprise(app.services, { regionCode: '440106' });
  const a = await buildUser(app.services, 'enterprise_admin', { organizationId: e.id });
  admin = await login(app, a.username, TEST_PASSWORD);
  d = await makeDevice(app, admin);
  other = await makeDevice(app, admin);
});
afterAll(async () => app?.close());

describe('broker auth', () => {
  it('authenticates a device by id, password and its own client id (EMQX and mosquitto-go-auth field names)', async () => {
    expect(await allowed('auth', { username: d.username, password: d.password, clientid: d.clientId })).toBe(true);
    expect(await allowed('auth', { username: d.username, password: d.password, clientId: d.clientId })).toBe(true);
    expect(await allowed('auth', { username: d.username, password: 'dev_wrong', clientid: d.clientId })).toBe(false);
    expect(await allowed('auth', { username: d.username, password: d.password, clientid: other.clientId })).toBe(false);
    expect(await allowed('auth', { username: 'reman-platform', password: 'pw' })).toBe(false); // the broker's own account, not ours
  });

  it('needs the shared secret: missing or wrong → 401', async () => {
    expect((await call('auth', { username: d.username, password: d.password }, null)).statusCode).toBe(401);
    expect((await call('auth', { username: d.username, password: d.password }, 'x'.repeat(SECRET.length))).statusCode).toBe(401);
  });

  it('ACL: own telemetry/attributes/replies to publish, own commands/errors to subscribe, nothing of another device', async () => {
    const t = (id: string, k: string) => `reman/v1/devices/${id}/${k}`;
    const acl = (topic: string, x: object) => allowed('acl', { username: d.username, clientid: d.clientId, topic, ...x });
    expect(await acl(t(d.id, 'telemetry'), { action: 'publish' })).toBe(true);
    expect(await acl(t(d.id, 'telemetry'), { acc: 2 })).toBe(true);
    expect(await acl(t(d.id, 'attributes'), { acc: 2 })).toBe(true);
    expect(await acl(t(d.id, 'replies/req-1'), { action: 'publish' })).toBe(true);
    expect(await acl(t(d.id, 'commands/#'), { action: 'subscribe' })).toBe(true);
    expect(await acl(t(d.id, 'errors'), { acc: 4 })).toBe(true);
    expect(await acl(t(d.id, 'errors'), { acc: 1 })).toBe(true);
    expect(await acl(t(other.id, 'telemetry'), { action: 'publish' })).toBe(false);
    expect(await acl(t(other.id, 'errors'), { action: 'subscribe' })).toBe(false);
    expect(await acl('reman/v1/devices/+/telemetry', { action: 'subscribe' })).toBe(false);
    expect(await acl(t(d.id, 'commands/x'), { action: 'publish' })).toBe(false);
    expect(await acl(t(d.id, 'telemetry'), { action: 'subscribe' })).toBe(false);
  });

  it('the platform’s account is the superuser; a revoked device loses its ACL', async () => {
    expect(await allowed('superuser', { username: 'reman-platform' })).toBe(true);
    expect(await allowed('superuser', { username: d.username })).toBe(false);
    const gone = await makeDevice(app, admin);
    expect(await allowed('acl', { username: gone.username, topic: `reman/v1/devices/${gone.id}/telemetry`, action: 'publish' })).toBe(true);
    const r = await app.inject({ method: 'POST', url: `/api/v1/devices/${gone.id}/revoke`, headers: admin.headers });
    expect(r.statusCode).toBe(200);
    // a revocation is seen at once: the cached row is dropped by the credentials listener
    expect(await allowed('auth', { username: gone.username, password: gone.password })).toBe(false);
    expect(await allowed('acl', { username: gone.username, topic: `reman/v1/devices/${gone.id}/telemetry`, action: 'publish' })).toBe(false);
  });
});
