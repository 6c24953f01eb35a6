/**
 * 在役运行监测 demo (issue 12 "Demo and tools"; docs/monitoring.md "Demo"): connected remanufactured products of the
 * demo enterprises with three weeks of history, alarm rules and past alarms, so that the device list, the device
 * page (charts, latest values, health gauge), the fleet view and the alarm console are not empty.
 *
 * - 广州精工 (ent-gd): four WD615 engines (thing model `engine`) at different points of their life — 3号 degrading
 *   (vibration above the rule: an ACTIVE alarm, low health, short RUL) — and two A10VSO-71 hydraulic pumps (thing
 *   model `hydraulicPump`; 2号's particle code rises: an alarm ACKNOWLEDGED by ent-gd). 1号 overheated five days ago
 *   for three hours: a CLEARED alarm. 2号 was sold to 深圳智造 (party URN of the trace): ent-sz sees it.
 * - 苏州绿源 (ent-js): one engine.
 * - Every unit is a genuine product of the trace (core intake → reassembly → test → sale), sold on past dates, so the
 *   warranty (12 months from the sale) holds for some and has run out for 4号.
 * - History: one sample per hour for three weeks and one every ten minutes for the last day, stored with one
 *   ingest call per device and chunk (one set-based insert with its rollups; the alarm rules judge them on the data's
 *   timestamps as they would live). Seeding takes a few seconds.
 *
 * The live simulator (monitoring-live.ts, `DEMO_LIVE_DEVICES`) keeps 1号–3号 of 广州精工 publishing.
 */
import { createRng, type Rng } from '../../domain/monitoring/prng.js';
import { drawUnitParams, engineUnit, FAILURE_EXCESS, ENGINE_REGIMES } from '../../domain/monitoring/synthetic.js';
import { principalOf } from '../modules/identity/identity.service.js';
import type { RequestContext } from '../platform/principal.js';
import type { DemoWorld } from './world.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const DEMO_ENGINE_MODEL = 'WD615';
export const DEMO_PUMP_MODEL = 'A10VSO-71';

type Values = Record<string, number>;
export interface DemoDeviceSpec {
  /** stable key (the live simulator and tests find devices by name) */
  key: string;
  enterprise: 'gd' | 'js';
  name: string;
  kind: 'engine' | 'pump';
  /** fraction of the engine's wear life at the start of the history */
  lifeAt?: number;
  seed: number;
  regionCode: string;
  /** days ago of the sale (warranty runs from it) */
  soldDaysAgo: number;
  customer: string;
  /** sold to a platform organisation of the demo (its devices list shows the unit) */
  soldToEnterprise?: 'sz';
  live?: boolean;
}

export const DEMO_DEVICES: DemoDeviceSpec[] = [
  { key: 'e1', enterprise: 'gd', name: '演示1号 WD615 发动机（顺通物流 粤E·A1234）', kind: 'engine', lifeAt: 0.15, seed: 1201, regionCode: '440606', soldDaysAgo: 60, customer: '佛山顺通物流有限公司', live: true },
  { key: 'e2', enterprise: 'gd', name: '演示2号 WD615 发动机（深圳智造 厂内叉车）', kind: 'engine', lifeAt: 0.35, seed: 1202, regionCode: '440305', soldDaysAgo: 120, customer: '深圳智造再生装备有限公司', soldToEnterprise: 'sz', live: true },
  { key: 'e3', enterprise: 'gd', name: '演示3号 WD615 发动机（穗运 粤A·C5678）', kind: 'engine', lifeAt: 0.8, seed: 1203, regionCode: '440106', soldDaysAgo: 270, customer: '广州穗运汽车运输有限公司', live: true },
  { key: 'e4', enterprise: 'gd', name: '演示4号 WD615 发动机（肇庆城建 搅拌车）', kind: 'engine', lifeAt: 0.55, seed: 1204, regionCode: '441202', soldDaysAgo: 420, customer: '肇庆城建工程有限公司' },
  { key: 'p1', enterprise: 'gd', name: '演示1号 A10VSO-71 液压泵（番禺港机）', kind: 'pump', seed: 1205, regionCode: '440113', soldDaysAgo: 90, customer: '广州番禺港口机械有限公司' },
  { key: 'p2', enterprise: 'gd', name: '演示2号 A10VSO-71 液压泵（南沙码头）', kind: 'pump', seed: 1206, regionCode: '440115', soldDaysAgo: 200, customer: '广州南沙码头装卸有限公司' },
  { key: 'j1', enterprise: 'js', name: '演示 WD615 发动机（苏州公交 苏E·B9012）', kind: 'engine', lifeAt: 0.3, seed: 1207, regionCode: '320505', soldDaysAgo: 150, customer: '苏州公交集团有限公司' },
];

/** The demo's alarm rules (per product model), created by each enterprise's admin. */
export const DEMO_RULES = [
  { model: DEMO_ENGINE_MODEL, key: 'vibrationRms', name: '振动超限（ISO 10816 C 区）', condition: { op: '>' as const, value: 4.5 }, durationSec: 600, severity: 'MAJOR' as const, clearHysteresis: 0.3 },
  { model: DEMO_ENGINE_MODEL, key: 'coolantTemp', name: '冷却液温度过高', condition: { op: '>' as const, value: 100 }, durationSec: 60, severity: 'MAJOR' as const, clearHysteresis: 3 },
  { model: DEMO_ENGINE_MODEL, key: 'oilPressure', name: '机油压力过低', condition: { op: '<' as const, value: 120 }, durationSec: 120, severity: 'CRITICAL' as const, clearHysteresis: 20 },
  { model: DEMO_PUMP_MODEL, key: 'particleCount', name: '油液污染（ISO 4406 ≥ 20）', condition: { op: '>=' as const, value: 20 }, severity: 'MINOR' as const, clearHysteresis: 1 },
  { model: DEMO_PUMP_MODEL, key: 'oilTemp', name: '液压油温过高', condition: { op: '>' as const, value: 80 }, durationSec: 300, severity: 'MAJOR' as const, clearHysteresis: 5 },
];

/** Sample times of the history ending at `end`: hourly for three weeks, then every ten minutes for the last day. */
export function historyTimes(end: number): number[] {
  const ts: number[] = [];
  for (let t = end - 21 * DAY; t < end - DAY; t += HOUR) ts.push(t);
  for (let t = end - DAY; t <= end; t += 10 * 60_000) ts.push(t);
  return ts;
}

/** A demo engine: the synthetic wear law (synthetic.ts) from a fraction of its life; run hours per calendar hour. */
export function demoEngine(spec: Pick<DemoDeviceSpec, 'seed' | 'lifeAt'>, startRunHours?: number) {
  const rng = createRng(spec.seed);
  const params = drawUnitParams(rng.fork(), `demo-${spec.seed}`);
  // wear hours to failure: ln(FAILURE_EXCESS/θ)/β; run hours ≈ wear hours (cruise wears at 1.0)
  const life = Math.log(FAILURE_EXCESS / params.theta) / params.beta;
  const start = startRunHours ?? Math.round(life * (spec.lifeAt ?? 0.3));
  const unit = engineUnit(rng, params, start);
  const perHour = params.hoursPerDay / 24;
  return { params, unit, perHour };
}

/** A hydraulic pump: outlet pressure, flow, oil temperature and the ISO 4406 particle code (rising for 2号). */
export function demoPump(rng: Rng, worn: boolean) {
  let particle = worn ? 17.2 : 15.5;
  return (fraction: number): Values => {
    particle += worn ? 0.0075 + rng.gauss(0, 0.01) : rng.gauss(0, 0.01);
    const load = rng.uniform(0.6, 1);
    return {
      outletPressure: Math.round((26 + 6 * load + rng.gauss(0, 0.4)) * 10) / 10,
      flow: Math.round((145 - (worn ? 6 * fraction : 0) - 4 * load + rng.gauss(0, 1.5)) * 10) / 10,
      oilTemp: Math.round((52 + 10 * load + rng.gauss(0, 1)) * 10) / 10,
      particleCount: Math.max(10, Math.min(30, Math.round(particle))),
    };
  };
}

/** An engine's history: the wear law plus, for 1号, a three-hour overheating five days ago (a cleared alarm). */
function engineHistory(spec: DemoDeviceSpec, times: number[]): { ts: number; values: Values }[] {
  const { unit, perHour } = demoEngine(spec);
  const out: { ts: number; values: Values }[] = [];
  let prev = times[0]! - HOUR;
  const overheat = spec.key === 'e1' ? [times[times.length - 1]! - 5 * DAY, times[times.length - 1]! - 5 * DAY + 3 * HOUR] : null;
  for (const ts of times) {
    const s = unit.advance(((ts - prev) / HOUR) * perHour);
    prev = ts;
    const values: Values = { ...s.values };
    if (overheat && ts >= overheat[0]! && ts < overheat[1]!) values.coolantTemp = Math.round((104 + (ts - overheat[0]!) / HOUR) * 10) / 10;
    out.push({ ts, values });
  }
  return out;
}

export async function seedMonitoringDemo(w: DemoWorld): Promise<void> {
  const s = w.services;
  const now = s.clock.now().getTime();
  const end = Math.floor((now - 60_000) / 60_000) * 60_000;
  const ctxOf = (k: 'gd' | 'js'): RequestContext => ({ principal: principalOf(w.admins[k]!, null), ip: '127.0.0.1', requestId: 'demo-seed' });
  let tick = 0;
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY + (tick++ % 50) * 60_000).toISOString();

  for (const k of ['gd', 'js'] as const) {
    const ctx = ctxOf(k);
    await s.devices.putThingModel(ctx, DEMO_ENGINE_MODEL, { template: 'engine' });
    if (k === 'gd') await s.devices.putThingModel(ctx, DEMO_PUMP_MODEL, { template: 'hydraulicPump' });
    for (const r of DEMO_RULES) if (k === 'gd' || r.model === DEMO_ENGINE_MODEL) await s.alarms.rules.create(ctx, r);
  }

  const times = historyTimes(end);
  const deviceIds: Record<string, string> = {};
  for (const spec of DEMO_DEVICES) {
    const enterpriseId = w.enterprises[spec.enterprise]!;
    const engine = spec.kind === 'engine';
    const made = spec.soldDaysAgo + 12;
    // the product: core intake → reassembly → factory test → sale (trace use cases, as the system)
    const core = await s.trace.stepAsSystem(enterpriseId, 'intake', {
      name: engine ? '旧柴油发动机' : '旧液压泵', model: engine ? DEMO_ENGINE_MODEL : DEMO_PUMP_MODEL,
      source: { returnedBy: '华南某设备服务中心', channel: 'service_center', tradeIn: false }, eventTime: at(made),
    } as never);
    const product = await s.trace.stepAsSystem(enterpriseId, 'reassembly', {
      name: engine ? '再制造柴油发动机' : '再制造液压泵', model: engine ? DEMO_ENGINE_MODEL : DEMO_PUMP_MODEL,
      standardNo: engine ? 'GB/T 28672-2012' : 'GB/T 32801-2016', warrantyMonths: 12, eventTime: at(made - 5),
      inputs: [
        { epc: core.coreEpc!, origin: 'reused', name: engine ? '缸体' : '泵体及斜盘', massKg: engine ? 300 : 40, valueCny: engine ? 20_000 : 9_000 },
        { epcClass: `urn:epc:class:lgtin:6901234.00004.MON${spec.seed}`, quantity: 1, origin: 'new', name: engine ? '活塞连杆组' : '柱塞组', massKg: engine ? 40 : 5, valueCny: engine ? 5_000 : 3_000 },
      ],
    } as never);
    const code = product.product!.code;
    await s.trace.stepAsSystem(enterpriseId, 'test', { code, result: 'pass', measurements: engine ? [{ name: '额定功率', value: 199, unit: 'kW' }] : [{ name: '容积效率', value: 95, unit: '%' }], eventTime: at(made - 6) } as never);
    if (spec.soldToEnterprise) {
      const buyer = w.enterprises[spec.soldToEnterprise]!;
      const sold = await w.database.db.transaction((tx) =>
        s.trace.recordTransfer(tx, null, { kind: 'sale', code, enterpriseId, at: new Date(now - spec.soldDaysAgo * DAY), requestKey: `demo-monitoring-${spec.key}`, party: { orgId: buyer, name: spec.customer } }),
      );
      sold.afterCommit();
    } else {
      await s.trace.stepAsSystem(enterpriseId, 'sale', { code, customerName: spec.customer, eventTime: at(spec.soldDaysAgo) } as never);
    }
    const { device } = await s.devices.provision(ctxOf(spec.enterprise), { productCode: code, name: spec.name, regionCode: spec.regionCode });
    deviceIds[spec.key] = device.id;

    const entries = engine ? engineHistory(spec, times) : (() => {
      const pump = demoPump(createRng(spec.seed), spec.key === 'p2');
      return times.map((ts, i) => ({ ts, values: pump(i / times.length) }));
    })();
    // chunks of ≤ 1,500 samples (≤ 7,500 points: under the 10,000 points of one message), in time order
    for (let i = 0; i < entries.length; i += 1500) await s.telemetry.ingest(device, entries.slice(i, i + 1500), 'http');
  }

  // 2号 pump's particle alarm: acknowledged by ent-gd, assigned to the staff user, with a comment
  const gd = ctxOf('gd');
  const { rows } = await s.alarms.alarms.list(gd.principal, { deviceId: deviceIds.p2!, status: 'active' }, 1, 10);
  const particle = rows.find((a) => a.key === 'particleCount');
  if (particle) {
    await s.alarms.alarms.acknowledge(gd, particle.id);
    await s.alarms.alarms.comment(gd, particle.id, '已联系南沙码头，安排下周更换滤芯并取油样化验。');
  }

  // cases: 1号's overheating five days ago became a warranty claim, diagnosed and accepted, waiting for the
  // conclusion; 深圳智造 reported 2号 idling roughly: concluded (parts replaced) and rated by ent-sz
  const e1Alarm = (await s.alarms.alarms.list(gd.principal, { deviceId: deviceIds.e1!, status: 'cleared' }, 1, 10)).rows.find((a) => a.key === 'coolantTemp');
  if (e1Alarm) {
    const { row } = await s.cases.open(gd, { alarmId: e1Alarm.id, description: '客户反映爬坡时水温报警，停车后恢复。' });
    await s.cases.diagnose(gd, row.id, { faultCode: 'ENG-COOLING', diagnosis: '节温器开启迟滞，散热器外部积尘。' });
    await s.cases.decideClaim(gd, row.id, { decision: 'accepted', reason: '质保期内，非使用不当', costCny: 860 });
  }
  const sz = w.admins.sz ? { principal: principalOf(w.admins.sz, null), ip: '127.0.0.1', requestId: 'demo-seed' } : null;
  if (sz) {
    const { row } = await s.cases.open(sz, { deviceId: deviceIds.e2!, title: '怠速抖动，冷车启动困难', description: '早晨冷车启动需多次点火，怠速转速波动。' });
    await s.cases.diagnose(gd, row.id, { faultCode: 'ENG-INJECTION', diagnosis: '第 3 缸喷油器雾化不良。' });
    await s.cases.visit(gd, row.id, { date: new Date(now - 2 * DAY).toISOString().slice(0, 10), technician: '广州精工 李工', findings: '更换喷油器后试车，怠速稳定。' });
    await s.cases.parts(gd, row.id, { parts: [{ name: '喷油器', partNo: 'WD615-INJ-03', quantity: 1, removedSerial: 'INJ-2024-7781', newSerial: 'INJ-2026-0912', costCny: 1_250 }] });
    if (row.claimStatus === 'pending') await s.cases.decideClaim(gd, row.id, { decision: 'accepted', reason: '质保期内', costCny: 1_250 });
    await s.cases.conclude(gd, row.id, { conclusion: '更换第 3 缸喷油器，试车正常。', outcome: 'parts_replaced' });
    await s.cases.rate(sz, row.id, { rating: 5, comment: '上门及时，问题解决。' });
  }
}

/** For the idle regime's healthy vibration (documentation of the demo's thresholds). */
export const IDLE_VIBRATION = ENGINE_REGIMES[0].vibration;
