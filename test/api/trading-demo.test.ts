/** The 交易服务 demo (src/server/demo-areas/trading.ts): a market that is not empty, a buyer who can log in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo.js';
import { DEMO_BUYER_LOGINS, DEMO_BUYER_ORG } from '../../src/server/demo-areas/trading.js';
import { DEMO_INSURER_LOGINS, DEMO_INSURER_ORG } from '../../src/server/demo-areas/insurance.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  expect(await seedDemoData(app.services, app.database, app.config)).toBe(true);
}, 600_000); // the whole demo world, on a shared 2-core machine
afterAll(async () => app?.close());

const get = (url: string, headers?: Record<string, string>) => app.inject({ method: 'GET', url, headers });

describe('trading demo', () => {
  it('the public market lists genuine units of several sellers; "发动机" finds the engines, the withdrawn listing is not shown', async () => {
    const all = (await get('/api/v1/public/listings?pageSize=50')).json();
    expect(all.total).toBeGreaterThanOrEqual(8);
    expect(new Set(all.items.map((i: { enterprise: { id: string } }) => i.enterprise.id)).size).toBeGreaterThanOrEqual(5);
    expect(all.items.some((i: { title: string }) => i.title.includes('涡轮增压器'))).toBe(false); // withdrawn
    const engines = (await get(`/api/v1/public/listings?q=${encodeURIComponent('发动机')}`)).json();
    const titles = engines.items.map((i: { title: string }) => i.title);
    expect(titles.some((t: string) => t.includes('WP12'))).toBe(true);
    expect(titles.some((t: string) => t.includes('EA888'))).toBe(true);
    expect(titles.every((t: string) => t.includes('发动机'))).toBe(true);
    const wp12 = engines.items.find((i: { title: string }) => i.title.includes('WP12'));
    expect(wp12.unitsAvailable).toBe(3);
    expect(wp12.savingVsNew).toBeGreaterThan(0.4);
  });

  it('the announced seller carries the badge; announcedOnly keeps only its listing', async () => {
    const ann = (await get('/api/v1/public/listings?announcedOnly=true')).json();
    expect(ann.total).toBe(1);
    expect(ann.items[0]).toMatchObject({ enterprise: { name: '广州精工再制造科技有限公司', announced: true } });
  });

  it('a listing page shows the unit’s verified record: enterprise, steps, rates, standard, warranty', async () => {
    const engines = (await get(`/api/v1/public/listings?q=${encodeURIComponent('柴油发动机')}`)).json();
    const d = (await get(`/api/v1/public/listings/${engines.items[0].id}`)).json();
    expect(d.verified).toMatchObject({ genuine: true, status: 'issued' });
    expect(d.verified.standardNo ?? JSON.stringify(d.verified)).toContain('GB/T');
    expect(d.verified.steps.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['reassembly', 'test']));
    expect(d.verified.massRate).toBeGreaterThan(50);
    expect(d.units).toHaveLength(3);
  });

  it('the demo insurer has its own logins (insurer_admin, insurer_staff) and a claim to decide on the insured leased pump', async () => {
    for (const [u, role] of [[DEMO_INSURER_LOGINS.admin, 'insurer_admin'], [DEMO_INSURER_LOGINS.staff, 'insurer_staff']] as const) {
      const s = await login(app, u, DEMO_PASSWORD);
      const me = (await get('/api/v1/auth/me', s.headers)).json();
      expect(me.user).toMatchObject({ role, organization: { kind: 'insurer', name: DEMO_INSURER_ORG } });
      const pending = (await get('/api/v1/insurance/claims?status=pending', s.headers)).json();
      expect(pending.total).toBe(1);
      expect(pending.items[0]).toMatchObject({ status: 'pending', policy: { policyNumber: 'JHBX-ZL-2026-0001' } });
      expect((await get('/api/v1/orders', s.headers)).statusCode).toBe(403);
    }
  });

  it('the demo buyer organisation has an admin and a staff login; sellers keep unlisted genuine units for the picker', async () => {
    for (const u of [DEMO_BUYER_LOGINS.admin, DEMO_BUYER_LOGINS.staff]) {
      const s = await login(app, u, DEMO_PASSWORD);
      const me = (await get('/api/v1/auth/me', s.headers)).json();
      expect(me.user.organization).toMatchObject({ kind: 'buyer', name: DEMO_BUYER_ORG });
    }
    const hb = await login(app, 'ent-hb', DEMO_PASSWORD);
    const mine = (await get('/api/v1/listings', hb.headers)).json();
    expect(mine.total).toBe(2);
    const products = (await get('/api/v1/trace/products?status=issued&pageSize=50', hb.headers)).json();
    expect(products.total).toBe(5); // 3 listed + 1 spare engine, 1 starter
  });
  it('the demo buyer has orders in every state, a trade-in awaiting its core and a settled one; sellers keep valuation rules', async () => {
    const buyer = await login(app, DEMO_BUYER_LOGINS.admin, DEMO_PASSWORD);
    const orders = (await get('/api/v1/orders?pageSize=50', buyer.headers)).json();
    const statuses = new Set(orders.items.map((o: { status: string }) => o.status));
    for (const st of ['inquiry', 'quoted', 'placed', 'confirmed', 'paid', 'delivered', 'accepted', 'disputed', 'cancelled']) expect(statuses, st).toContain(st);
    const tradeIns = orders.items.filter((o: { tradeIn: unknown }) => o.tradeIn).map((o: { status: string; tradeIn: { status: string; dueOn: string | null } }) => ({ order: o.status, ...o.tradeIn }));
    expect(tradeIns).toEqual(expect.arrayContaining([expect.objectContaining({ order: 'delivered', status: 'awaiting_core', dueOn: expect.any(String) }), expect.objectContaining({ order: 'accepted', status: 'settled' })]));
    const paid = orders.items.find((o: { status: string }) => o.status === 'paid');
    expect(paid).toMatchObject({ paymentTerms: 'prepayment', paymentStatus: 'paid', payments: [expect.objectContaining({ status: 'confirmed', hasVoucher: true })] });
    // the seller sees them; its rules: a model rule and a field default
    const qd = await login(app, 'ent-qd', DEMO_PASSWORD);
    expect((await get('/api/v1/orders?pageSize=50', qd.headers)).json().total).toBe(orders.total);
    const rules = (await get('/api/v1/trade-in-rules', qd.headers)).json().items.map((r: { scope: string }) => r.scope);
    expect(rules).toEqual(expect.arrayContaining(['model', 'field']));
  });
  it('a lease with usage billing: two periods billed from readings and paid, the next one overdue', async () => {
    const buyer = await login(app, DEMO_BUYER_LOGINS.admin, DEMO_PASSWORD);
    const leases = (await get('/api/v1/leases', buyer.headers)).json();
    const usage = leases.items.find((l: { billing: string }) => l.billing === 'usage');
    expect(usage).toMatchObject({ status: 'active', months: 12, lessor: { name: expect.stringContaining('青岛') }, overdueRents: 1 });
    expect(usage.rents.slice(0, 3).map((r: { status: string; hours: number | null }) => [r.status, r.hours])).toEqual([['paid', 180], ['paid', 210], ['scheduled', null]]);
    expect(usage.rentsPaidCny).toBe(180 * 35 + 210 * 35);
  });
});
