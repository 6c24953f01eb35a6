/** The traceability demo of 广州精工 (ent-gd): three lives of one engine, a recall-able lot, public pages. */
import { DEMO_DEVICES } from '../../src/server/demo-areas/monitoring.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/server/demo.js';
import { DEMO_RECALL_LOT } from '../../src/server/demo-areas/trace.js';
import { manualClock, shiftableClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock: shiftableClock(manualClock('2026-11-23T02:00:00Z')) });
  expect(await seedDemoData(app.services, app.database, app.config)).toBe(true);
}, 300_000);
afterAll(async () => app?.close());

describe('trace demo data', () => {
  it('ent-gd sees its products; a recall of the piston-ring lot names each unit once (the third-life engine under its current code); one engine is in its third life', async () => {
    const s = await login(app, 'ent-gd', 'Reman#2026');
    const list = (await app.inject({ method: 'GET', url: '/api/v1/trace/products?pageSize=50', headers: s.headers })).json();
    expect(list.total).toBe(5 + DEMO_DEVICES.filter((d) => d.enterprise === 'gd').length); // + the connected units of the monitoring demo
    const recall = (await app.inject({ method: 'GET', url: `/api/v1/trace/recall?lot=${encodeURIComponent(DEMO_RECALL_LOT)}`, headers: s.headers })).json();
    const third = list.items.find((p: { life: number }) => p.life === 3);
    // five products with the lot, three physical units: the engine's three lives are one unit, named by its current code
    expect(recall.items).toHaveLength(3);
    const lives: string[] = recall.items.find((i: { code: string }) => i.code === third.code).matchedCodes;
    expect(lives).toHaveLength(3);
    // its first-life code verifies as remanufactured, no longer as genuine
    const firstLife = list.items.find((p: { life: number; code: string }) => p.life === 1 && lives.includes(p.code));
    const old = (await app.inject({ method: 'GET', url: `/api/v1/public/products/${firstLife.code}` })).json();
    expect(old).toMatchObject({ genuine: false, status: 'superseded' });
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/trace/products/${third.code}`, headers: s.headers })).json();
    expect(detail.lives.map((l: { life: number }) => l.life)).toEqual([1, 2, 3]);
    expect(detail.originalComponents.map((c: { name: string }) => c.name).sort()).toEqual(['缸体', '连杆']);
    expect(detail.massRate).toBe(88); // (300 + 60 + 60 + 20) / 500
    const pub = (await app.inject({ method: 'GET', url: `/api/v1/public/products/${third.code}` })).json();
    expect(pub.enterprise).toEqual({ name: '广州精工再制造科技有限公司', announced: true });
    expect(pub.genuine).toBe(true);
    expect(list.items.some((p: { digitalLink: string | null }) => p.digitalLink?.startsWith('https://id.gs1.org/01/06901234000016/21/'))).toBe(true);
    // other enterprises see none of it
    const js = await login(app, 'ent-js', 'Reman#2026');
    const jsList = (await app.inject({ method: 'GET', url: '/api/v1/trace/products', headers: js.headers })).json();
    expect(jsList.total).toBe(DEMO_DEVICES.filter((d) => d.enterprise === 'js').length); // its own monitoring demo unit only
    expect(jsList.items.some((p: { code: string }) => list.items.some((q: { code: string }) => q.code === p.code))).toBe(false);
  });
});
