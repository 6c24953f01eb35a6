/**
 * 交易服务 demo (issue 13, docs/trading.md §Demo): the public market is not empty.
 *
 * - 广州精工 (the announced one) lists the gearbox its trace demo made; five other seller enterprises have remanufactured units of their own, made through the trace (core intake →
 *   reassembly → factory test, on past dates), so each listed unit is a genuine product whose /p/{code}
 *   record shows the enterprise, the steps, 再制造率, the standard and the warranty.
 * - They list them with Chinese titles, prices in CNY, warranty and the new product's reference price
 *   (listings.create: the same rules as the form — own product, genuine, one model per listing); one listing holds
 *   three units of one model; one listing is withdrawn; some units are left unlisted for the seller's product picker.
 * - A registered buyer organisation, 北京华建设备租赁有限公司, with the logins `buyer` (buyer_admin) and
 *   `buyer-staff` (buyer_staff), password = the demo password.
 *
 * Kept small (11 units, three trace steps each) so that a fresh demo starts within the 30 s budget.
 */
import { makeCreditCode } from '../../domain/credit-code.js';
import type { RemanField } from '../../domain/enterprise.js';
import { DEMO_PASSWORD } from '../demo.js';
import { principalOf } from '../modules/identity/identity.service.js';
import { presentPublic } from '../modules/trace/index.js';
import type { RequestContext } from '../platform/principal.js';
import type { DemoWorld } from './world.js';
import type { ValuationRule } from '../../domain/trading/trade-in.js';
import { addMonths } from '../../domain/trading/lease.js';

type UserRow = DemoWorld['admins'][string];

export const DEMO_BUYER_ORG = '北京华建设备租赁有限公司';
export const DEMO_BUYER_LOGINS = { admin: 'buyer', staff: 'buyer-staff' } as const;

interface DemoUnitSpec {
  name: string;
  model: string;
  core: string;
  /** the core's reused body (mass kg, value CNY) and the new parts added */
  reused: [string, number, number];
  added: [string, number, number][];
  standardNo: string;
  warrantyMonths: number;
  test: { name: string; value: number; unit: string }[];
}

interface DemoListingSpec {
  seller: string;
  unit: DemoUnitSpec;
  units: number;
  title: string;
  priceCny: number;
  newReferencePriceCny?: number;
  warrantyMonths?: number;
  field: RemanField;
  description: string;
  withdrawn?: boolean;
  /** further units made but left unlisted (for the seller's product picker) */
  spare?: number;
  /** list a product the trace demo made already (found by this name) instead of making new units */
  fromTrace?: string;
}

const ENGINE_WP12: DemoUnitSpec = {
  name: '再制造柴油发动机总成', model: 'WP12.430E', core: '旧柴油发动机', reused: ['缸体及曲轴箱', 720, 32_000],
  added: [['活塞连杆组', 60, 6_500], ['燃油喷射系统', 40, 9_000]], standardNo: 'GB/T 28672-2012', warrantyMonths: 12,
  test: [{ name: '额定功率', value: 316, unit: 'kW' }, { name: '最大扭矩', value: 2_060, unit: 'N·m' }],
};
const GEARBOX: DemoUnitSpec = {
  name: '再制造变速器总成', model: 'FAST-12JSD200TA', core: '旧变速器', reused: ['变速器壳体', 180, 6_000],
  added: [['同步器总成', 15, 2_600], ['轴承组', 8, 1_200]], standardNo: 'GB/T 28672-2012', warrantyMonths: 12,
  test: [{ name: '换挡力', value: 48, unit: 'N' }, { name: '噪声', value: 84, unit: 'dB(A)' }],
};
const TURBO: DemoUnitSpec = {
  name: '再制造涡轮增压器', model: 'HX55W', core: '旧涡轮增压器', reused: ['涡轮壳与压气机壳', 18, 2_400],
  added: [['转子总成', 4, 1_600], ['密封环组', 0.2, 180]], standardNo: 'JB/T 12991-2017', warrantyMonths: 12,
  test: [{ name: '转子动平衡', value: 0.4, unit: 'g·mm' }],
};
const PETROL_ENGINE: DemoUnitSpec = {
  name: '再制造汽油发动机总成', model: 'EA888-2.0T', core: '旧汽油发动机', reused: ['缸体', 95, 9_500],
  added: [['正时链条组', 3, 1_100], ['活塞组', 8, 2_300]], standardNo: 'GB/T 28675-2012', warrantyMonths: 24,
  test: [{ name: '额定功率', value: 162, unit: 'kW' }, { name: '机油压力', value: 3.4, unit: 'bar' }],
};
const STARTER: DemoUnitSpec = {
  name: '再制造起动机', model: 'QD2821', core: '旧起动机', reused: ['起动机壳体', 6, 420],
  added: [['电枢总成', 2, 260], ['电刷组', 0.2, 40]], standardNo: 'GB/T 28673-2012', warrantyMonths: 12,
  test: [{ name: '空载电流', value: 85, unit: 'A' }],
};
const HYDRAULIC_PUMP: DemoUnitSpec = {
  name: '再制造液压主泵', model: 'K3V112DT', core: '旧液压泵', reused: ['泵体及斜盘', 62, 14_000],
  added: [['柱塞组', 6, 4_200], ['密封件组', 0.5, 300]], standardNo: 'GB/T 32801-2016', warrantyMonths: 12,
  test: [{ name: '额定压力', value: 34.3, unit: 'MPa' }, { name: '容积效率', value: 95, unit: '%' }],
};
const SWING_MOTOR: DemoUnitSpec = {
  name: '再制造挖掘机回转马达', model: 'M5X130CHB', core: '旧回转马达', reused: ['马达壳体', 48, 6_800],
  added: [['缸体柱塞组', 5, 2_100]], standardNo: 'GB/T 32801-2016', warrantyMonths: 6,
  test: [{ name: '额定扭矩', value: 1_250, unit: 'N·m' }],
};
const LATHE: DemoUnitSpec = {
  name: '再制造数控车床', model: 'CK6150', core: '旧卧式车床', reused: ['床身及主轴箱', 2_400, 60_000],
  added: [['数控系统', 20, 28_000], ['伺服电机组', 40, 12_000], ['滚珠丝杠副', 25, 6_000]], standardNo: 'GB/T 28683-2012', warrantyMonths: 12,
  test: [{ name: '定位精度', value: 0.012, unit: 'mm' }, { name: '重复定位精度', value: 0.006, unit: 'mm' }],
};
const BOOM_CYLINDER: DemoUnitSpec = {
  name: '再制造泵车臂架油缸', model: 'ZLJ-BG-180', core: '旧臂架油缸', reused: ['缸筒', 210, 9_000],
  added: [['活塞杆（新）', 60, 5_500], ['密封件组', 1, 600]], standardNo: 'GB/T 32801-2016', warrantyMonths: 12,
  test: [{ name: '耐压试验', value: 43.5, unit: 'MPa' }],
};

const LISTINGS: DemoListingSpec[] = [
  {
    // 广州精工 (announced in 第一批) sells the gearbox of the trace demo (src/server/demo-areas/trace.ts): shipped, unsold
    seller: 'gd', unit: GEARBOX, fromTrace: '再制造变速箱', units: 1, field: 'internal_combustion_engines',
    title: '法士特 12 挡再制造变速器总成（公告企业出品）', priceCny: 15_600, newReferencePriceCny: 26_000, warrantyMonths: 12,
    description: '壳体复用，缸盖、曲轴类零件激光熔覆与磨削修复，台架试验合格。全程追溯：扫描标签即可查看旧件来源、拆解、修复与检测记录。',
  },
  {
    seller: 'hb', unit: ENGINE_WP12, units: 3, spare: 1, field: 'internal_combustion_engines',
    title: '潍柴 WP12 再制造柴油发动机总成（三台现货）', priceCny: 68_800, newReferencePriceCny: 118_000, warrantyMonths: 18,
    description: '旧机经拆解、清洗、激光熔覆修复缸孔，更换活塞连杆组及燃油喷射系统；台架试验额定功率 316 kW。适用于重型卡车、牵引车。整机质保 18 个月或 20 万公里。',
  },
  {
    seller: 'sh', unit: TURBO, units: 1, field: 'internal_combustion_engines',
    title: '霍尔塞特 HX55W 再制造涡轮增压器', priceCny: 3_980, newReferencePriceCny: 7_200,
    description: '转子总成动平衡校验，密封环组更换。', withdrawn: true,
  },
  {
    seller: 'sh', unit: PETROL_ENGINE, units: 1, field: 'internal_combustion_engines',
    title: 'EA888 2.0T 再制造汽油发动机总成', priceCny: 19_800, newReferencePriceCny: 36_500,
    description: '原厂缸体复用，更换正时链条组与活塞组；质保 24 个月。适用于多款乘用车。',
  },
  {
    seller: 'hb', unit: STARTER, units: 1, field: 'electrical_equipment',
    title: '重卡再制造起动机 QD2821（24V）', priceCny: 780, newReferencePriceCny: 1_450,
    description: '电枢总成与电刷组更换，空载与负载试验合格。',
  },
  {
    seller: 'qd', unit: HYDRAULIC_PUMP, units: 1, field: 'construction_machinery',
    title: '挖掘机 K3V112 再制造液压主泵', priceCny: 23_500, newReferencePriceCny: 42_000,
    description: '适用于 20–23 吨级挖掘机；柱塞组更换，容积效率 95%。',
  },
  {
    seller: 'qd', unit: SWING_MOTOR, units: 1, field: 'construction_machinery',
    title: '挖掘机再制造回转马达 M5X130', priceCny: 9_600,
    description: '马达壳体复用，缸体柱塞组更换；质保 6 个月。',
  },
  {
    seller: 'sd', unit: LATHE, units: 1, field: 'machine_tools',
    title: 'CK6150 再制造数控车床（含新数控系统）', priceCny: 86_000, newReferencePriceCny: 158_000, warrantyMonths: 12,
    description: '床身与主轴箱修复复用，加装新数控系统、伺服电机与滚珠丝杠；定位精度 0.012 mm。',
  },
  {
    seller: 'hn', unit: BOOM_CYLINDER, units: 1, field: 'construction_machinery',
    title: '混凝土泵车再制造臂架油缸', priceCny: 12_800, newReferencePriceCny: 21_000,
    description: '缸筒珩磨修复，活塞杆与密封件更换，耐压试验 43.5 MPa。',
  },
];

export async function seedTradingDemo(w: DemoWorld): Promise<void> {
  const s = w.services;
  const DAY = 86_400_000;
  const now = s.clock.now().getTime();
  let tick = 0;
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY + (tick++ % 50) * 60_000).toISOString();
  let lot = 0;

  /** One unit: core intake → reassembly → factory test (trace use cases, as the system; three steps keep the seed fast). */
  async function makeUnit(enterpriseId: string, u: DemoUnitSpec, daysAgo: number): Promise<string> {
    const core = await s.trace.stepAsSystem(enterpriseId, 'intake', {
      name: u.core, model: u.model, source: { returnedBy: '华北某设备服务中心', channel: 'service_center', tradeIn: false }, eventTime: at(daysAgo),
    } as never);
    const made = await s.trace.stepAsSystem(enterpriseId, 'reassembly', {
      name: u.name, model: u.model, standardNo: u.standardNo, warrantyMonths: u.warrantyMonths, eventTime: at(daysAgo - 4),
      inputs: [
        { epc: core.coreEpc!, origin: 'reused', name: u.reused[0], massKg: u.reused[1], valueCny: u.reused[2] },
        ...u.added.map(([name, massKg, valueCny]) => ({ epcClass: `urn:epc:class:lgtin:6901234.00003.MK${String(++lot).padStart(4, '0')}`, quantity: 1, origin: 'new', name, massKg, valueCny })),
      ],
    } as never);
    const code = made.product!.code;
    await s.trace.stepAsSystem(enterpriseId, 'test', { code, result: 'pass', measurements: u.test, standardNo: u.standardNo, eventTime: at(daysAgo - 5) } as never);
    return code;
  }

  for (const [i, l] of LISTINGS.entries()) {
    const enterpriseId = w.enterprises[l.seller];
    const admin = w.admins[l.seller];
    if (!enterpriseId || !admin) continue;
    const ctx: RequestContext = { principal: principalOf(admin, null), ip: '127.0.0.1', requestId: 'demo-seed' };
    const codes: string[] = [];
    if (l.fromTrace) {
      const { rows } = await s.trace.listProducts(ctx.principal, { q: l.fromTrace, status: 'issued' }, 1, 5);
      const genuine = [];
      for (const r of rows) if (presentPublic(await s.trace.publicProduct(r.code)).status === 'issued') genuine.push(r.code);
      if (!genuine.length) continue; // the trace demo changed: nothing of it to sell
      codes.push(genuine[0]!);
    } else {
      for (let n = 0; n < l.units + (l.spare ?? 0); n++) codes.push(await makeUnit(enterpriseId, l.unit, 40 - i * 3 - n));
    }
    const listed = codes.slice(0, l.units);
    const created = await s.listings.create(ctx, {
      ...(listed.length === 1 ? { productCode: listed[0]! } : { productCodes: listed }),
      title: l.title,
      priceCny: l.priceCny,
      ...(l.newReferencePriceCny ? { newReferencePriceCny: l.newReferencePriceCny } : {}),
      ...(l.warrantyMonths ? { warrantyMonths: l.warrantyMonths } : {}),
      description: l.description,
      field: l.field,
    });
    if (l.withdrawn) await s.listings.withdraw(ctx, created.row.id, '型号调整，暂停销售');
  }

  // the registered buyer organisation and its two users
  const miitCtx: RequestContext = { principal: principalOf(w.miit, null), ip: '127.0.0.1', requestId: 'demo-seed' };
  const org = await s.buyers.createOrgAsOperator(miitCtx, { orgName: DEMO_BUYER_ORG, creditCode: makeCreditCode('110105', 'MA01BJHJ3'), contactName: '赵建华', phone: '010-6588 1234' });
  const buyerUsers = [];
  for (const [username, displayName, role] of [
    [DEMO_BUYER_LOGINS.admin, '华建租赁 赵建华', 'buyer_admin'],
    [DEMO_BUYER_LOGINS.staff, '华建租赁 采购员', 'buyer_staff'],
  ] as const) {
    buyerUsers.push(await s.identity.createUserAsOperator({ username, displayName, role, organizationId: org.id, password: DEMO_PASSWORD, mustChangePassword: false }, { demoSeed: true }));
  }

  await seedTradeInRules(w);
  await seedDemoOrders(w, buyerUsers[0]!, (e, u, d) => makeUnit(e, u, d));
  await seedDemoLease(w, makeCreditCode('110105', 'MA01BJHJ3'), (e, u, d) => makeUnit(e, u, d));
}

/**
 * A lease with usage billing (docs/trading.md "Leasing"): 青岛海岸 leases a 液压主泵 to 北京华建 for 12 months from four
 * months ago at ¥35 per running hour, at least ¥4,000 a month; two periods billed from declared readings and paid,
 * the third past due and not yet billed (overdue).
 */
async function seedDemoLease(w: DemoWorld, lesseeCreditCode: string, makeUnit: (enterpriseId: string, u: DemoUnitSpec, daysAgo: number) => Promise<string>) {
  const s = w.services;
  const enterpriseId = w.enterprises.qd;
  const admin = w.admins.qd;
  if (!enterpriseId || !admin) return;
  const ctx: RequestContext = { principal: principalOf(admin, null), ip: '127.0.0.1', requestId: 'demo-seed' };
  const code = await makeUnit(enterpriseId, HYDRAULIC_PUMP, 120);
  const l = await s.leasing.create(ctx, {
    productCode: code, lesseeCreditCode, kind: 'operating', startOn: addMonths(s.clock.today(), -4), months: 12, depositCny: 8_000,
    billing: { mode: 'usage', ratePerHourCny: 35, minimumMonthlyCny: 4_000, startHours: 2_000 },
  });
  for (const [seq, reading] of [[1, 2_180], [2, 2_390]] as const) {
    await s.leasing.bill(ctx, l.id, seq, { readingHours: reading });
    await s.leasing.payRent(ctx, l.id, seq, { reference: `QD-LEASE-${seq}` });
  }
}

/** Every demo seller keeps a default 以旧换再 rule per field it sells in, and its engine sellers a rule per model. */
const RULES: { seller: string; scope: 'model' | 'field'; key: string; rule: ValuationRule }[] = [
  { seller: 'hb', scope: 'field', key: 'internal_combustion_engines', rule: { baseValueCny: 28_000, depreciationPerYear: 0.12, floorShare: 0.1, hoursPerYear: 2_000, coreDepositCny: 6_000, returnDays: 30 } },
  { seller: 'hb', scope: 'model', key: 'WP12.430E', rule: { baseValueCny: 42_000, depreciationPerYear: 0.1, floorShare: 0.12, hoursPerYear: 2_200, coreDepositCny: 8_000, returnDays: 30 } },
  { seller: 'hb', scope: 'model', key: 'WD615.87', rule: { baseValueCny: 32_000, depreciationPerYear: 0.12, floorShare: 0.1, hoursPerYear: 2_000, coreDepositCny: 6_000, returnDays: 30 } },
  { seller: 'hb', scope: 'field', key: 'electrical_equipment', rule: { baseValueCny: 600, depreciationPerYear: 0.15, floorShare: 0.1, hoursPerYear: 2_000, coreDepositCny: 150, returnDays: 20 } },
  { seller: 'gd', scope: 'field', key: 'internal_combustion_engines', rule: { baseValueCny: 9_000, depreciationPerYear: 0.12, floorShare: 0.1, hoursPerYear: 2_000, coreDepositCny: 2_000, returnDays: 30 } },
  { seller: 'sh', scope: 'field', key: 'internal_combustion_engines', rule: { baseValueCny: 12_000, depreciationPerYear: 0.14, floorShare: 0.08, hoursPerYear: 1_200, coreDepositCny: 3_000, returnDays: 30 } },
  { seller: 'sh', scope: 'model', key: 'EA888-2.0T', rule: { baseValueCny: 14_000, depreciationPerYear: 0.13, floorShare: 0.1, hoursPerYear: 1_200, coreDepositCny: 3_500, returnDays: 30 } },
  { seller: 'qd', scope: 'field', key: 'construction_machinery', rule: { baseValueCny: 16_000, depreciationPerYear: 0.15, floorShare: 0.1, hoursPerYear: 2_500, coreDepositCny: 4_000, returnDays: 45 } },
  { seller: 'qd', scope: 'model', key: 'K3V112DT', rule: { baseValueCny: 18_000, depreciationPerYear: 0.14, floorShare: 0.1, hoursPerYear: 2_500, coreDepositCny: 5_000, returnDays: 45 } },
  { seller: 'sd', scope: 'field', key: 'machine_tools', rule: { baseValueCny: 45_000, depreciationPerYear: 0.08, floorShare: 0.15, hoursPerYear: 4_000, coreDepositCny: 10_000, returnDays: 60 } },
  { seller: 'hn', scope: 'field', key: 'construction_machinery', rule: { baseValueCny: 10_000, depreciationPerYear: 0.15, floorShare: 0.1, hoursPerYear: 2_500, coreDepositCny: 2_500, returnDays: 45 } },
];

async function seedTradeInRules(w: DemoWorld) {
  for (const r of RULES) {
    const admin = w.admins[r.seller];
    if (!admin) continue;
    await w.services.tradeIns.putRule({ principal: principalOf(admin, null), ip: '127.0.0.1', requestId: 'demo-seed' }, r.scope, r.key, r.rule);
  }
}

/** A bank transfer voucher for the demo payment (a one-page PDF: the files service checks the content). */
const DEMO_VOUCHER = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Orders in every state (docs/trading.md §Demo): 青岛海岸 lists six 液压主泵 for fleets; the demo buyer 北京华建 has
 * an inquiry, a quotation to answer, a placed order, a confirmed one, a prepaid one (voucher confirmed), a delivered
 * one with a 以旧换再 trade-in whose core is awaited, an accepted one (trade-in settled), a disputed one and a
 * cancelled one. Through the order services (each step is its own small transaction; ~25 in all), so every state is
 * one the state machine can reach.
 */
async function seedDemoOrders(w: DemoWorld, buyerUser: UserRow, makeUnit: (enterpriseId: string, u: DemoUnitSpec, daysAgo: number) => Promise<string>) {
  const s = w.services;
  const enterpriseId = w.enterprises.qd;
  const admin = w.admins.qd;
  if (!enterpriseId || !admin) return;
  const sellerCtx: RequestContext = { principal: principalOf(admin, null), ip: '127.0.0.1', requestId: 'demo-seed' };
  const buyerCtx: RequestContext = { principal: principalOf(buyerUser, null), ip: '127.0.0.1', requestId: 'demo-seed' };
  const codes: string[] = [];
  for (let n = 0; n < 6; n++) codes.push(await makeUnit(enterpriseId, HYDRAULIC_PUMP, 30 - n));
  const listing = await s.listings.create(sellerCtx, {
    productCodes: codes,
    title: '挖掘机 K3V112 再制造液压主泵（车队批量供货）',
    priceCny: 22_800,
    newReferencePriceCny: 42_000,
    description: '同型号六台，每台单独追溯；车队客户可询价、以旧换再。',
    field: 'construction_machinery',
  });
  const id = listing.row.id;
  const o = s.orders;
  const oldPump: { model: string; ageYears: number; runningHours: number; condition: 'A' | 'B' | 'C' | 'D' } = { model: 'K3V112DT', ageYears: 6, runningHours: 13_500, condition: 'B' };
  const create = (extra: { inquiry?: boolean; message?: string; tradeIn?: typeof oldPump } = {}) => o.create(buyerCtx, { listingId: id, quantity: 1, inquiry: false, ...extra });

  await create({ inquiry: true, message: '请报 5 台以上的批量价格与交期。' }); // inquiry
  const quoted = await create({ inquiry: true, message: '能否提供 12 个月质保？' });
  await o.quote(sellerCtx, quoted.id, { unitPriceCny: 21_500, paymentTerms: 'on_account', note: '质保 12 个月，30 天账期。' }); // quoted
  await create({ message: '请尽快确认。' }); // placed
  const confirmed = await create();
  await o.confirm(sellerCtx, confirmed.id, {}); // confirmed
  const paid = await create();
  await o.confirm(sellerCtx, paid.id, { paymentTerms: 'prepayment' });
  await o.pay(buyerCtx, paid.id, { amountCny: 22_800, reference: 'ICBC-20261128-0087' }, [DEMO_VOUCHER]);
  const prepaid = await o.detail(buyerCtx.principal, paid.id);
  const pid = (await o.paymentsOf([prepaid.id]))[0]!.id;
  await o.decidePayment(sellerCtx, paid.id, pid, true, '款项已到账'); // paid
  const awaiting = await create({ tradeIn: oldPump, message: '以旧换再，旧泵随后寄回。' });
  await o.confirm(sellerCtx, awaiting.id, {});
  await o.deliver(sellerCtx, awaiting.id, { invoiceNumber: '37020261128001' }); // delivered, core awaited
  const accepted = await create({ tradeIn: { ...oldPump, ageYears: 4, runningHours: 9_000, condition: 'A' } });
  await o.confirm(sellerCtx, accepted.id, {});
  await o.deliver(sellerCtx, accepted.id, { invoiceNumber: '37020261120002' });
  await o.accept(buyerCtx, accepted.id);
  await s.tradeIns.shipCore(buyerCtx, accepted.id, { trackingNo: 'SF1420261122' });
  await s.tradeIns.receiveCore(sellerCtx, accepted.id, { grade: 'B', note: '泵体轻微磨损' });
  await s.tradeIns.settle(sellerCtx, accepted.id); // accepted, trade-in settled
  const disputed = await create();
  await o.confirm(sellerCtx, disputed.id, {});
  await o.deliver(sellerCtx, disputed.id, {});
  await o.dispute(buyerCtx, disputed.id, '到货后试机压力不足 30 MPa，与标称 34.3 MPa 不符。'); // disputed
  const cancelled = await create({ inquiry: true });
  await o.cancel(buyerCtx, cancelled.id, { reason: '改为租赁方式' }); // cancelled
}
