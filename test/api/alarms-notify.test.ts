/**
 * Issue 12 "Alarms": notifications in-app to the product's owner and, with the owner's consent, the manufacturer;
 * webhooks only to public addresses unless WEBHOOK_ALLOW_PRIVATE (an admin cannot aim the platform at its own
 * network: loopback, private, link-local, cloud metadata).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../support/factories.js';

const T0 = Date.parse('2026-12-06T02:00:00Z');
const clock = manualClock(new Date(T0));
let app: TestApp;
let makerId: string, ownerId: string;
let admin: Session, owner: Session;
const basic = (c: { username: string; password: string }) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  app = await buildTestApp({}, { clock });
  const s = app.services;
  const maker = await buildEnterprise(s, { regionCode: '440106' });
  const other = await buildEnterprise(s, { regionCode: '320505' });
  makerId = maker.id;
  ownerId = other.id;
  admin = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: maker.id })).username, TEST_PASSWORD);
  owner = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: other.id })).username, TEST_PASSWORD);
}, 240_000);
afterAll(async () => app?.close());

describe('alarm notifications and webhook targets', () => {
  it('webhooks to loopback, private, link-local or local names are refused naming url; a public one is registered', async () => {
    for (const url of ['http://127.0.0.1:9/hook', 'http://10.0.0.5/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]:8080/', 'http://localhost/hook', 'http://db.internal/hook', 'http://192.168.1.20/hook']) {
      const r = await call(admin, 'POST', '/api/v1/webhooks', { url, events: ['*'] });
      expect(r.statusCode, `${url} ${r.body}`).toBe(400);
      expect(r.json().error.details[0].field).toBe('url');
      expect(r.json().error.message).toContain('内部网络');
    }
    const ok = await call(admin, 'POST', '/api/v1/webhooks', { url: 'https://hooks.example.com/reman', events: ['alarm.raised'] });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('the owner is notified of its product’s alarms; the maker too, until the owner withdraws its consent', async () => {
    const s = app.services;
    clock.set(new Date(T0 - 2 * 86_400_000)); // made before it is sold
    const p = await buildProduct(s, makerId, { model: 'WD615' });
    clock.set(new Date(T0));
    const sold = await app.database.db.transaction((tx) => s.trace.recordTransfer(tx, null, { kind: 'sale', code: p.code, enterpriseId: makerId, at: new Date(T0 - 86_400_000), requestKey: `notify-${p.code}`, party: { orgId: ownerId, name: '车队' } }));
    sold.afterCommit();
    const dev = await call(admin, 'POST', '/api/v1/devices', { productCode: p.code });
    expect(dev.statusCode, dev.body).toBe(201);
    const { device, credentials } = dev.json();
    expect((await call(admin, 'POST', '/api/v1/alarm-rules', { deviceId: device.id, key: 'coolantTemp', condition: { op: '>', value: 100 }, severity: 'MAJOR' })).statusCode).toBe(201);
    const send = async (sec: number, v: number) => {
      const r = await app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/telemetry`, headers: { authorization: basic(credentials), 'content-type': 'application/json' }, payload: JSON.stringify({ ts: T0 - 600_000 + sec * 1000, values: { coolantTemp: v } }) });
      expect(r.statusCode, r.body).toBe(200);
    };
    const alarmNotices = async (who: Session) => ((await call(who, 'GET', '/api/v1/notifications?pageSize=100')).json().items as { link: string | null; kind: string; title: string; titleEn: string }[]).filter((n) => n.link?.startsWith(`/devices/${device.id}`));
    await send(0, 105); // raised
    expect((await alarmNotices(owner)).map((n) => n.kind)).toEqual(['alarm.raised']);
    // the severity in each language (not the code)
    const [raised] = await alarmNotices(owner);
    expect(raised!.title).toContain('（重要）');
    expect(raised!.titleEn).toContain('(Major)');
    expect(raised!.titleEn).not.toContain('MAJOR');
    expect((await alarmNotices(admin)).map((n) => n.kind)).toEqual(['alarm.raised']);
    // the owner withdraws the maker's service access: the owner still hears, the maker no longer
    expect((await call(owner, 'POST', `/api/v1/devices/${device.id}/consent`, { manufacturerAccess: false })).statusCode).toBe(200);
    clock.set(new Date(T0 + 120_000)); // past the 60 s cache of who hears of the device's alarms
    await send(60, 90); // cleared
    expect((await alarmNotices(owner)).map((n) => n.kind).sort()).toEqual(['alarm.cleared', 'alarm.raised']);
    expect((await alarmNotices(admin)).map((n) => n.kind)).toEqual(['alarm.raised']);
  });

  it('a buyer organisation that owns the product reads and acknowledges its alarms (the route lets buyers through, alarmPolicy decides); another buyer sees none', async () => {
    const s = app.services;
    const buyerOrg = await buildBuyer(s);
    const stranger = await login(app, (await buildBuyer(s)).user.username, TEST_PASSWORD);
    const buyer = await login(app, buyerOrg.user.username, TEST_PASSWORD);
    clock.set(new Date(T0 - 2 * 86_400_000));
    const p = await buildProduct(s, makerId, { model: 'K3V112' });
    clock.set(new Date(T0 + 300_000));
    const sold = await app.database.db.transaction((tx) => s.trace.recordTransfer(tx, null, { kind: 'sale', code: p.code, enterpriseId: makerId, at: new Date(T0 - 86_400_000), requestKey: `buyer-${p.code}`, party: { orgId: buyerOrg.org.id, name: '租赁公司' } }));
    sold.afterCommit();
    const { device, credentials } = (await call(admin, 'POST', '/api/v1/devices', { productCode: p.code })).json();
    expect((await call(admin, 'POST', '/api/v1/alarm-rules', { deviceId: device.id, key: 'pressure', condition: { op: '>', value: 30 }, severity: 'MINOR' })).statusCode).toBe(201);
    const r = await app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/telemetry`, headers: { authorization: basic(credentials), 'content-type': 'application/json' }, payload: JSON.stringify({ ts: T0 + 200_000, values: { pressure: 35 } }) });
    expect(r.statusCode, r.body).toBe(200);
    const list = await call(buyer, 'GET', `/api/v1/alarms?deviceId=${device.id}&page=1&pageSize=10`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(1);
    const id = list.json().items[0].id as string;
    expect((await call(buyer, 'GET', `/api/v1/alarms/${id}`)).statusCode).toBe(200);
    const ack = await call(buyer, 'POST', `/api/v1/alarms/${id}/ack`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().acknowledged).toBe(true);
    const other = await call(stranger, 'GET', `/api/v1/alarms?deviceId=${device.id}`);
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json().items).toEqual([]);
    expect((await call(stranger, 'GET', `/api/v1/alarms/${id}`)).statusCode).toBe(404);
  });
});
