/**
 * Issue 12 "Diagnosis and warranty cases" (工单, 质保索赔): a case opens from an alarm (one per alarm) or by the
 * owner; diagnosis from the model's fault taxonomy, on-site visit, parts, the warranty claim decided once before the
 * conclusion, 在役再制造 as an outcome, the owner's rating; who may do what; N identical requests change the case
 * once; the per-enterprise statistics (claims, time to resolve, repeat failures) for 六(一).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, type Session, type TestApp } from '../support/app.js';
import { buildProduct } from '../support/factories.js';
import { monitoringCast } from '../support/devices.js';

const T0 = Date.parse('2026-12-06T02:00:00Z');
const clock = manualClock(new Date(T0));
const DAY = 86_400_000;
let app: TestApp;
let makerId: string, ownerId: string, buyerOrgId: string;
let admin: Session, staff: Session, owner: Session, buyer: Session, stranger: Session;

const basic = (c: { username: string; password: string }) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

/** A product of the maker, sold `soldDaysAgo` to an organisation (party URN) or an outside customer, provisioned. */
async function device(opts: { soldDaysAgo: number; to?: string; warrantyMonths?: number; model?: string }) {
  const s = app.services;
  clock.set(new Date(T0 - (opts.soldDaysAgo + 10) * DAY));
  const p = await buildProduct(s, makerId, { model: opts.model ?? 'WD615', warrantyMonths: opts.warrantyMonths ?? 12 });
  clock.set(new Date(T0));
  const at = new Date(T0 - opts.soldDaysAgo * DAY);
  if (opts.to) {
    const r = await app.database.db.transaction((tx) => s.trace.recordTransfer(tx, null, { kind: 'sale', code: p.code, enterpriseId: makerId, at, requestKey: `case-test-${p.code}`, party: { orgId: opts.to!, name: '买方' } }));
    r.afterCommit();
  } else {
    await s.trace.stepAsSystem(makerId, 'sale', { code: p.code, customerName: '某运输公司', eventTime: at.toISOString() } as never);
  }
  const r = await call(admin, 'POST', '/api/v1/devices', { productCode: p.code });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().device.id as string, credentials: r.json().credentials as { username: string; password: string }, code: p.code };
}
/** An active alarm on the device: coolant above 100 °C for two minutes (a device rule). */
async function alarmOn(d: Awaited<ReturnType<typeof device>>) {
  const rule = await call(admin, 'POST', '/api/v1/alarm-rules', { deviceId: d.id, key: 'coolantTemp', condition: { op: '>', value: 100 }, durationSec: 60, severity: 'MAJOR' });
  expect(rule.statusCode, rule.body).toBe(201);
  const entries = [0, 60, 120].map((sec) => ({ ts: T0 - 600_000 + sec * 1000, values: { coolantTemp: 105 + sec / 60 } }));
  const r = await app.inject({ method: 'POST', url: `/api/v1/devices/${d.id}/telemetry`, headers: { authorization: basic(d.credentials), 'content-type': 'application/json' }, payload: JSON.stringify(entries) });
  expect(r.statusCode, r.body).toBe(200);
  const alarms = (await call(admin, 'GET', `/api/v1/alarms?deviceId=${d.id}&status=active`)).json().items as { id: string }[];
  expect(alarms).toHaveLength(1);
  return alarms[0]!.id;
}

beforeAll(async () => {
  app = await buildTestApp({}, { clock });
  ({ makerId, ownerId, buyerOrgId, admin, staff, owner, stranger, buyer } = await monitoringCast(app));
  for (const m of ['WD615', 'A10VSO-71']) {
    const r = await call(admin, 'PUT', `/api/v1/thing-models/${m}`, { template: m === 'WD615' ? 'engine' : 'hydraulicPump' });
    expect(r.statusCode, r.body).toBe(200);
  }
}, 240_000);
afterAll(async () => app?.close());

describe('cases', () => {
  it('from an alarm: a warranty claim (sold 2 months ago, 12 months), walked to the owner’s rating', async () => {
    const d = await device({ soldDaysAgo: 60, to: ownerId });
    const alarmId = await alarmOn(d);
    const opened = await call(staff, 'POST', '/api/v1/cases', { alarmId });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({ origin: 'alarm', alarmId, deviceId: d.id, state: 'open', warrantyClaim: true, claimStatus: 'pending', productModel: 'WD615' });
    expect(c.telemetryWindow.keys).toEqual(['coolantTemp']);
    // the title in each language: the metric as the engine's thing model names it, the severity's label
    expect(c).toMatchObject({ title: '告警：冷却液温度 重要', titleEn: 'Alarm: Coolant temperature (Major)' });
    const listed = (await call(staff, 'GET', `/api/v1/cases?deviceId=${d.id}`)).json().items as { id: string; title: string; titleEn: string }[];
    expect(listed.find((x) => x.id === c.id)).toMatchObject({ title: '告警：冷却液温度 重要', titleEn: 'Alarm: Coolant temperature (Major)' });
    expect(Date.parse(c.warrantyUntil)).toBeGreaterThan(T0);
    expect(c.actions).toEqual(['diagnose', 'decideClaim']);
    // one case per alarm
    const again = await call(admin, 'POST', '/api/v1/cases', { alarmId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CASE_EXISTS');

    const detail = (await call(staff, 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(detail.taxonomy.map((f: { code: string }) => f.code)).toContain('ENG-COOLING');
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['opened']);
    // the owner sees it too (access follows the trace), a stranger does not
    expect((await call(owner, 'GET', `/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    expect((await call(stranger, 'GET', `/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    // the owner cannot work the case
    expect((await call(owner, 'POST', `/api/v1/cases/${c.id}/diagnosis`, { faultCode: 'ENG-COOLING', diagnosis: 'x' })).statusCode).toBe(403);

    const bad = await call(staff, 'POST', `/api/v1/cases/${c.id}/diagnosis`, { faultCode: 'PUMP-WEAR', diagnosis: '节温器卡滞' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('faultCode');
    const dx = await call(staff, 'POST', `/api/v1/cases/${c.id}/diagnosis`, { faultCode: 'ENG-COOLING', diagnosis: '节温器卡滞，冷却液循环不足' });
    expect(dx.statusCode, dx.body).toBe(200);
    expect(dx.json()).toMatchObject({ state: 'diagnosed', faultCode: 'ENG-COOLING' });
    // the claim must be decided before the conclusion
    const early = await call(staff, 'POST', `/api/v1/cases/${c.id}/conclusion`, { conclusion: '已更换节温器', outcome: 'parts_replaced' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CLAIM_UNDECIDED');
    expect((await call(staff, 'POST', `/api/v1/cases/${c.id}/visit`, { date: '2026-12-05', technician: '李工', findings: '节温器卡在关闭位置' })).json().state).toBe('onsite');
    const parts = await call(staff, 'POST', `/api/v1/cases/${c.id}/parts`, { parts: [{ name: '节温器', partNo: 'WD615-TH-01', quantity: 1, removedSerial: 'TH-OLD-7', newSerial: 'TH-NEW-9', costCny: 380 }] });
    expect(parts.statusCode, parts.body).toBe(200);
    expect(parts.json().parts).toHaveLength(1);
    const claim = await call(admin, 'POST', `/api/v1/cases/${c.id}/claim`, { decision: 'accepted', reason: '质保期内，非人为损坏', costCny: 980 });
    expect(claim.json()).toMatchObject({ claimStatus: 'accepted', claimCostCny: 980 });
    expect((await call(admin, 'POST', `/api/v1/cases/${c.id}/claim`, { decision: 'rejected', reason: 'x' })).json().error.code).toBe('CLAIM_DECIDED');
    const done = await call(staff, 'POST', `/api/v1/cases/${c.id}/conclusion`, { conclusion: '更换节温器，试车正常', outcome: 'parts_replaced' });
    expect(done.json()).toMatchObject({ state: 'concluded', outcome: 'parts_replaced' });
    // the maker cannot rate its own service; the owner rates once
    expect((await call(admin, 'POST', `/api/v1/cases/${c.id}/rating`, { rating: 5 })).statusCode).toBe(403);
    const rated = await call(owner, 'POST', `/api/v1/cases/${c.id}/rating`, { rating: 4, comment: '响应及时' });
    expect(rated.json()).toMatchObject({ state: 'closed', rating: 4 });
    expect((await call(owner, 'POST', `/api/v1/cases/${c.id}/rating`, { rating: 5 })).statusCode).toBe(409);
    const history = (await call(admin, 'GET', `/api/v1/cases/${c.id}`)).json().events.map((e: { kind: string }) => e.kind);
    expect(history).toEqual(['opened', 'diagnosed', 'visited', 'parts_replaced', 'claim_accepted', 'concluded', 'rated']);
    // in-app: the owner heard of the case
    const n = (await call(owner, 'GET', '/api/v1/notifications')).json().items as { title: string; titleEn: string; link: string }[];
    expect(n.some((x) => x.link === `/cases/${c.id}`)).toBe(true);
    expect(n.find((x) => x.link === `/cases/${c.id}` && x.title.includes('新质保索赔'))).toMatchObject({ title: expect.stringContaining('告警：冷却液温度 重要'), titleEn: expect.stringContaining('new warranty claim: Alarm: Coolant temperature (Major)') });
  });

  it('a case opened before the English title (title_en NULL) presents its stored title in both fields; a typed title is its own English', async () => {
    const d = await device({ soldDaysAgo: 400, to: ownerId });
    const c = (await call(staff, 'POST', '/api/v1/cases', { alarmId: await alarmOn(d) })).json();
    expect(c.titleEn).toBe('Alarm: Coolant temperature (Major)');
    // the row as the server wrote it before migration 20261216040000
    await app.database.db.execute(sql`UPDATE service_cases SET title = '告警：coolantTemp 重要', title_en = NULL WHERE id = ${c.id}`);
    expect((await call(staff, 'GET', `/api/v1/cases/${c.id}`)).json()).toMatchObject({ title: '告警：coolantTemp 重要', titleEn: '告警：coolantTemp 重要' });
    const listed = (await call(staff, 'GET', `/api/v1/cases?deviceId=${d.id}`)).json().items as { id: string; title: string; titleEn: string }[];
    expect(listed.find((x) => x.id === c.id)).toMatchObject({ title: '告警：coolantTemp 重要', titleEn: '告警：coolantTemp 重要' });
    const typed = (await call(staff, 'POST', '/api/v1/cases', { deviceId: d.id, title: '异响' })).json();
    expect(typed).toMatchObject({ title: '异响', titleEn: '异响' });
  });

  it('parts replaced are recorded in the trace: the part taken out leaves the product, the part fitted enters it', async () => {
    const d = await device({ soldDaysAgo: 30, to: ownerId });
    const tree0 = (await call(admin, 'GET', `/api/v1/trace/${d.code}?direction=up&depth=1`)).json();
    const block = tree0.edges.find((e: { relation: string }) => e.relation === 'input')!.child as string; // 机体, from the core
    const c = (await call(staff, 'POST', '/api/v1/cases', { deviceId: d.id, title: '机体渗漏' })).json();
    expect((await call(staff, 'POST', `/api/v1/cases/${c.id}/diagnosis`, { faultCode: 'ENG-SEAL', diagnosis: '缸体渗漏' })).statusCode).toBe(200);
    const r = await call(staff, 'POST', `/api/v1/cases/${c.id}/parts`, {
      parts: [
        { name: '机体', partNo: 'WD615-BLK', quantity: 1, removedSerial: block, newSerial: 'BLK-2026-001', costCny: 9000 },
        { name: '密封圈', quantity: 4 }, // not a part the genealogy knows: taken out unidentified, its replacement enters
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    const parts = r.json().parts as { removedEpc: string | null; newEpc: string | null }[];
    expect(parts[0]!.removedEpc).toBe(block);
    expect(parts[1]!.removedEpc).toBeNull();
    expect(new Set(parts.map((x) => x.newEpc)).size).toBe(2);
    expect(parts.every((x) => typeof x.newEpc === 'string' && x.newEpc !== block)).toBe(true);
    expect((await call(staff, 'GET', `/api/v1/cases/${c.id}`)).json().partsInTrace).toBe(true);

    // now: the product contains the two fitted parts; 机体 is still what it was made of (input), taken out at the repair
    const now = (await call(admin, 'GET', `/api/v1/trace/${d.code}?direction=up&depth=1`)).json();
    const rel = (child: string) => now.edges.filter((e: { child: string }) => e.child === child).map((e: { relation: string; validTo: string | null }) => `${e.relation}:${e.validTo ? 'closed' : 'open'}`).sort();
    expect(rel(parts[0]!.newEpc!)).toEqual(['contained:open']);
    expect(rel(parts[1]!.newEpc!)).toEqual(['contained:open']);
    expect(rel(block)).toEqual(['contained:closed', 'input:open']); // made of it; contained until the repair took it out
    expect(now.edges.find((e: { child: string; relation: string }) => e.child === block && e.relation === 'contained').validTo).toBe(new Date(T0).toISOString());
    // before the repair the fitted parts were not in it
    const before = (await call(admin, 'GET', `/api/v1/trace/${d.code}?direction=up&depth=1&at=${encodeURIComponent(new Date(T0 - 60_000).toISOString())}`)).json();
    expect(before.edges.some((e: { child: string }) => e.child === parts[0]!.newEpc)).toBe(false);
    // the product's steps show the repair
    const product = (await call(admin, 'GET', `/api/v1/trace/products/${d.code}`)).json();
    expect(JSON.stringify(product)).toContain('repair');
    // the case history names the trace events
    const ev = (await call(staff, 'GET', `/api/v1/cases/${c.id}`)).json().events.find((e: { kind: string }) => e.kind === 'parts_replaced');
    expect(ev.detail.traceEventIds).toHaveLength(2);
  });

  it('by the owner (a buyer organisation) on a unit out of warranty: no claim; 在役再制造 recommended', async () => {
    const d = await device({ soldDaysAgo: 500, to: buyerOrgId });
    const opened = await call(buyer, 'POST', '/api/v1/cases', { deviceId: d.id, title: '怠速抖动', description: '冷车启动后抖动明显' });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({ origin: 'owner', warrantyClaim: false, claimStatus: null, title: '怠速抖动' });
    expect((await call(admin, 'POST', `/api/v1/cases/${c.id}/claim`, { decision: 'accepted', reason: 'x' })).json().error.code).toBe('NOT_A_CLAIM');
    // the maker's board lists it; the buyer's list too
    expect(((await call(staff, 'GET', '/api/v1/cases?state=open')).json().items as { id: string }[]).map((x) => x.id)).toContain(c.id);
    expect(((await call(buyer, 'GET', '/api/v1/cases')).json().items as { id: string }[]).map((x) => x.id)).toEqual([c.id]);
    await call(staff, 'POST', `/api/v1/cases/${c.id}/diagnosis`, { faultCode: 'ENG-BEARING', diagnosis: '主轴瓦磨损' });
    const done = await call(staff, 'POST', `/api/v1/cases/${c.id}/conclusion`, { conclusion: '磨损严重，建议返厂在役再制造', outcome: 'remanufacture' });
    expect(done.json()).toMatchObject({ state: 'concluded', outcome: 'remanufacture' });
    expect((await call(buyer, 'POST', `/api/v1/cases/${c.id}/rating`, { rating: 5 })).json().state).toBe('closed');
  });

  it('N identical requests change the case once; the rest get 409', async () => {
    const d = await device({ soldDaysAgo: 30 });
    const alarmId = await alarmOn(d);
    const opens = await Promise.all(Array.from({ length: 5 }, () => call(staff, 'POST', '/api/v1/cases', { alarmId })));
    expect(opens.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    const id = opens.find((r) => r.statusCode === 201)!.json().id;
    const dx = await Promise.all(Array.from({ length: 5 }, () => call(staff, 'POST', `/api/v1/cases/${id}/diagnosis`, { faultCode: 'ENG-COOLING', diagnosis: '水泵叶轮损坏' })));
    expect(dx.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const decide = await Promise.all(Array.from({ length: 4 }, (_, i) => call(admin, 'POST', `/api/v1/cases/${id}/claim`, { decision: i % 2 ? 'rejected' : 'accepted', reason: '判定', costCny: 100 })));
    expect(decide.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    const events = (await call(admin, 'GET', `/api/v1/cases/${id}`)).json().events as { kind: string }[];
    expect(events.filter((e) => e.kind === 'diagnosed')).toHaveLength(1);
    expect(events.filter((e) => e.kind.startsWith('claim_'))).toHaveLength(1);
  });

  it('bad input is a 400 naming the field', async () => {
    const d = await device({ soldDaysAgo: 10 });
    for (const [body, field] of [
      [{}, 'deviceId'],
      [{ deviceId: d.id }, 'title'],
      [{ deviceId: d.id, alarmId: d.id, title: 'x' }, 'alarmId'],
      [{ deviceId: 'nope', title: 'x' }, 'deviceId'],
      [{ alarmId: '00000000-0000-4000-8000-000000000000' }, 'alarmId'],
      [{ deviceId: d.id, title: 'x', from: '2026-12-06T00:00:00Z', to: '2026-12-05T00:00:00Z' }, 'from'],
    ] as const) {
      const r = await call(staff, 'POST', '/api/v1/cases', body);
      expect(r.statusCode, `${JSON.stringify(body)} ${r.body}`).toBe(400);
      expect(r.json().error.details.map((x: { field: string }) => x.field)).toContain(field);
    }
    const c = (await call(staff, 'POST', '/api/v1/cases', { deviceId: d.id, title: '例行检查' })).json();
    expect(c.origin).toBe('enterprise');
    for (const [url, body, field] of [
      ['parts', { parts: [] }, 'parts'],
      ['rating', { rating: 6 }, 'rating'],
      ['visit', { date: '6 Dec', technician: 'x', findings: 'y' }, 'date'],
      ['conclusion', { conclusion: 'x', outcome: 'fixed' }, 'outcome'],
    ] as const) {
      const r = await call(owner, 'POST', `/api/v1/cases/${c.id}/${url}`, body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.details.map((x: { field: string }) => x.field).join(',')).toContain(field);
    }
  });

  it('statistics per enterprise: claims, cost, time to resolve, repeat failures, parts by model', async () => {
    const d = await device({ soldDaysAgo: 20 });
    for (const h of [0, 1]) {
      const c = (await call(staff, 'POST', '/api/v1/cases', { deviceId: d.id, title: `过热 ${h}` })).json();
      await call(staff, 'POST', `/api/v1/cases/${c.id}/diagnosis`, { faultCode: 'ENG-COOLING', diagnosis: '节温器' });
      await call(admin, 'POST', `/api/v1/cases/${c.id}/claim`, { decision: 'accepted', reason: '质保', costCny: 500 });
      await call(staff, 'POST', `/api/v1/cases/${c.id}/parts`, { parts: [{ name: '节温器', quantity: 1 }] });
      clock.set(new Date(clock.now().getTime() + 5 * 3_600_000));
      await call(staff, 'POST', `/api/v1/cases/${c.id}/conclusion`, { conclusion: '更换', outcome: 'parts_replaced' });
    }
    clock.set(new Date(T0));
    const r = await call(admin, 'GET', '/api/v1/cases/statistics');
    expect(r.statusCode, r.body).toBe(200);
    const [mine] = r.json().items;
    expect(mine.enterpriseId).toBe(makerId);
    expect(mine.claims).toBeGreaterThanOrEqual(4);
    // accepted: the first test's claim and the two here; the concurrency test's race is won by an accept or a reject
    expect(mine.claimsAccepted).toBeGreaterThanOrEqual(3);
    expect(mine.claimCostCny).toBeGreaterThanOrEqual(980 + 1000);
    expect(mine.repeatFailures).toBeGreaterThanOrEqual(1);
    expect(mine.meanHoursToResolve).toBeGreaterThan(0);
    expect(mine.byFault['ENG-COOLING']).toBeGreaterThanOrEqual(3);
    expect(mine.partsReplaced).toContainEqual({ model: 'WD615', part: '节温器', quantity: 3 });
    // another enterprise sees none of it; the ministry sees it
    expect((await call(stranger, 'GET', '/api/v1/cases/statistics')).json().items).toEqual([]);
  });
});
