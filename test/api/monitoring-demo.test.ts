/**
 * Issue 12 "Demo and tools": with demo data, the demo enterprises' connected products have weeks of history, alarm
 * rules and past alarms (active, acknowledged, cleared), health and RUL; a unit sold to 深圳智造 is in its list; the
 * live simulator (monitoring-live.ts) moves the live devices' latest values and raises a fresh alarm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/server/demo.js';
import { DEMO_DEVICES } from '../../src/server/demo-areas/monitoring.js';
import { createDemoSimulator } from '../../src/server/demo-areas/monitoring-live.js';
import { manualClock, shiftableClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';

const NOW = Date.parse('2026-12-06T02:00:00Z');
const base = manualClock(new Date(NOW));
let app: TestApp;
let gd: Session;
let seedMs = 0;
interface Item { id: string; name: string; online: boolean; productCode: string }
let devices: Item[];
const byKey = (k: string) => devices.find((d) => d.name === DEMO_DEVICES.find((s) => s.key === k)!.name)!;
const get = async (s: Session, url: string) => {
  const r = await app.inject({ url, headers: s.headers });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock: shiftableClock(base) });
  const t = Date.now();
  expect(await seedDemoData(app.services, app.database, app.config)).toBe(true);
  seedMs = Date.now() - t;
  gd = await login(app, 'ent-gd', 'Reman#2026');
  devices = (await get(gd, '/api/v1/devices?pageSize=50')).items;
}, 300_000);
afterAll(async () => app?.close());

describe('monitoring demo data', () => {
  it('广州精工 has four engines and two pumps with three weeks of history; 苏州绿源 one engine', async () => {
    console.log(`demo seed (all areas) took ${seedMs} ms`);
    const names = devices.map((d) => d.name);
    for (const s of DEMO_DEVICES.filter((x) => x.enterprise === 'gd')) expect(names).toContain(s.name);
    const js = await login(app, 'ent-js', 'Reman#2026');
    expect((await get(js, '/api/v1/devices')).items.map((d: Item) => d.name)).toEqual([DEMO_DEVICES.find((s) => s.key === 'j1')!.name]);
    const e1 = byKey('e1');
    expect(e1.online).toBe(true);
    const from = new Date(NOW - 21 * 86_400_000).toISOString();
    const h = await get(gd, `/api/v1/devices/${e1.id}/telemetry?keys=coolantTemp,runHours&from=${from}&points=500`);
    expect(h.series.coolantTemp.length).toBeGreaterThan(200);
    const first = h.series.coolantTemp[0][0] as number;
    expect(NOW - first).toBeGreaterThan(19 * 86_400_000);
    // run hours grow through the history
    const rh = h.series.runHours as [number, number][];
    expect(rh[rh.length - 1]![1]).toBeGreaterThan(rh[0]![1]);
    // the excursion of five days ago survives downsampling
    expect(Math.max(...(h.series.coolantTemp as [number, number][]).map((p) => p[1]))).toBeGreaterThan(100);
    const latest = await get(gd, `/api/v1/devices/${byKey('p1').id}/latest`);
    expect(Object.keys(latest.values).sort()).toEqual(['flow', 'oilTemp', 'outletPressure', 'particleCount']);
  });

  it('model rules are active, and past alarms are active, acknowledged and cleared', async () => {
    const rules = (await get(gd, '/api/v1/alarm-rules')).items as { key: string; model: string }[];
    expect(rules.map((r) => `${r.model}:${r.key}`)).toEqual(expect.arrayContaining(['WD615:vibrationRms', 'WD615:coolantTemp', 'A10VSO-71:particleCount']));
    const alarms = (await get(gd, '/api/v1/alarms?pageSize=100')).items as { deviceId: string; key: string; status: string; acknowledged: boolean }[];
    const of = (k: string) => alarms.filter((a) => a.deviceId === byKey(k).id);
    expect(of('e3')).toContainEqual(expect.objectContaining({ key: 'vibrationRms', status: 'active', acknowledged: false }));
    expect(of('p2')).toContainEqual(expect.objectContaining({ key: 'particleCount', status: 'active', acknowledged: true }));
    expect(of('e1')).toContainEqual(expect.objectContaining({ key: 'coolantTemp', status: 'cleared' }));
    expect(of('e2')).toEqual([]);
  });

  it('the degrading engine has the lowest health and a short remaining life', async () => {
    const worn = await get(gd, `/api/v1/devices/${byKey('e3').id}/health`);
    const young = await get(gd, `/api/v1/devices/${byKey('e1').id}/health`);
    expect(worn.healthIndex).toBeLessThan(young.healthIndex);
    expect(worn.rul.value).toBeLessThan(young.rul.value);
  });

  it('the engine sold to 深圳智造 is in ent-sz’s list (access follows the trace)', async () => {
    const sz = await login(app, 'ent-sz', 'Reman#2026');
    const items = (await get(sz, '/api/v1/devices')).items as Item[];
    expect(items.map((d) => d.name)).toEqual([DEMO_DEVICES.find((s) => s.key === 'e2')!.name]);
  });

  it('past cases: a warranty claim from 1号’s alarm in diagnosis, and 深圳智造’s report on 2号 concluded and rated', async () => {
    const cases = (await get(gd, '/api/v1/cases')).items as { deviceId: string; origin: string; state: string; claimStatus: string | null; rating: number | null }[];
    expect(cases).toContainEqual(expect.objectContaining({ deviceId: byKey('e1').id, origin: 'alarm', state: 'diagnosed', claimStatus: 'accepted' }));
    expect(cases).toContainEqual(expect.objectContaining({ deviceId: byKey('e2').id, origin: 'owner', state: 'closed', rating: 5 }));
    const sz = await login(app, 'ent-sz', 'Reman#2026');
    expect(((await get(sz, '/api/v1/cases')).items as { deviceId: string }[]).map((c) => c.deviceId)).toEqual([byKey('e2').id]);
    const stats = (await get(gd, '/api/v1/cases/statistics')).items[0];
    expect(stats).toMatchObject({ cases: 2, claimsAccepted: 2, meanRating: 5 });
  });

  it('the live simulator moves the live engines and raises a fresh coolant alarm on 1号 within minutes', async () => {
    const sim = createDemoSimulator(app.services);
    const e1 = byKey('e1');
    const before = await get(gd, `/api/v1/devices/${e1.id}/latest`);
    const coolantAlarms = async () => ((await get(gd, `/api/v1/alarms?deviceId=${e1.id}`)).items as { key: string; status: string }[]).filter((a) => a.key === 'coolantTemp');
    const past = (await coolantAlarms()).length;
    // simulated minutes: the clock moves 5 s per step
    let moved = 0;
    for (let i = 0; i < 6 * 12; i++) {
      base.set(new Date(base.now().getTime() + 5_000));
      moved += await sim.step();
    }
    expect(moved).toBeGreaterThan(0);
    const after = await get(gd, `/api/v1/devices/${e1.id}/latest`);
    expect(after.values.runHours.ts).toBeGreaterThan(before.values.runHours.ts);
    expect((await coolantAlarms()).length).toBe(past + 1);
    sim.stop();
  }, 120_000);
});
