/**
 * Demo data of the 年度报告 and the industry statistics (docs/annual-reports.md, "Demo data").
 *
 * The core demo announces only 广州精工 (番禺一号厂区) in 2026, which owes its first report (for 2026) from
 * 1 January 2027. So that reports exist in every state and the statistics have several years to show, this
 * seeder imports two historic 公告 lists (dated 2023-06-30 and 2024-12-20, through the announcements service)
 * of seven additional demo enterprises, each with one announced site and an enterprise-admin login, and walks
 * their reports of 2023–2025 through the workflow on a manual clock (created in February, submitted in March —
 * or late —, reviewed and forwarded in April of the following year):
 *
 * | login     | enterprise (province)                  | 2023      | 2024      | 2025 (as of today)                  |
 * |-----------|----------------------------------------|-----------|-----------|-------------------------------------|
 * | ent-dg    | 东莞精密机床再制造有限公司 (广东)          | forwarded | forwarded | draft, overdue (finish and submit)  |
 * | ent-fs    | 佛山华南电机再制造有限公司 (广东)          | —         | forwarded | submitted, awaits gd-reviewer       |
 * | ent-cz    | 常州恒力动力再制造有限公司 (江苏)          | forwarded | forwarded | returned by js-reviewer             |
 * | ent-zz    | 株洲南方工程机械再制造有限公司 (湖南)      | forwarded | forwarded | accepted, to forward (hn-reviewer)  |
 * | ent-wf    | 潍坊鲁中内燃机再制造有限公司 (山东)        | —         | forwarded | forwarded (submitted late)          |
 * | ent-shpj  | 上海浦江盾构再制造有限公司 (上海)          | forwarded | forwarded | forwarded                           |
 * | ent-hz    | 杭州钱塘办公设备再制造有限公司 (浙江)      | —         | overdue   | overdue, never started              |
 */
import { sampleReportForm, type ReportField } from '../../domain/annual-report/index.js';
import { makeCreditCode } from '../../domain/credit-code.js';
import type { RemanField } from '../../domain/enterprise.js';
import { createServices, type Services } from '../app.js';
import type { UserRow } from '../modules/identity/identity.repo.js';
import { principalOf } from '../modules/identity/identity.service.js';
import { manualClock } from '../platform/clock.js';
import type { RequestContext } from '../platform/principal.js';
import type { DemoWorld } from './world.js';

const PASSWORD = 'Reman#2026'; // the demo password (README)

interface HistoricEnterprise {
  key: string;
  name: string;
  region: string;
  body9: string;
  address: string;
  legal: string;
  site: string;
  fields: RemanField[];
  announcedOn: '2023-06-30' | '2024-12-20';
  /** reviewer key in world.reviewers (null: no demo reviewer for that authority) */
  reviewer: string | null;
  scale: number;
  /** the 2025 report's demo state */
  y2025: 'draft' | 'submitted' | 'returned' | 'accepted' | 'forwarded' | 'forwarded_late' | 'none';
}

const HISTORIC: HistoricEnterprise[] = [
  { key: 'dg', name: '东莞精密机床再制造有限公司', region: '441900', body9: 'MA4DG7JC1', address: '广东省东莞市松山湖园区工业北路6号', legal: '何振华', site: '松山湖厂区', fields: ['machine_tools'], announcedOn: '2023-06-30', reviewer: 'gd', scale: 0.8, y2025: 'draft' },
  { key: 'fs', name: '佛山华南电机再制造有限公司', region: '440604', body9: 'MA4FX2DJ8', address: '广东省佛山市禅城区张槎工业区28号', legal: '梁敏', site: '张槎厂区', fields: ['electrical_equipment'], announcedOn: '2024-12-20', reviewer: 'gd', scale: 0.6, y2025: 'submitted' },
  { key: 'cz', name: '常州恒力动力再制造有限公司', region: '320411', body9: 'MA1CQ5HL3', address: '江苏省常州市新北区通江大道188号', legal: '顾卫东', site: '新北厂区', fields: ['internal_combustion_engines'], announcedOn: '2023-06-30', reviewer: 'js', scale: 1.4, y2025: 'returned' },
  { key: 'zz', name: '株洲南方工程机械再制造有限公司', region: '430211', body9: 'MA4YY3GC6', address: '湖南省株洲市天元区栗雨工业园9号', legal: '谭国强', site: '栗雨厂区', fields: ['construction_machinery'], announcedOn: '2023-06-30', reviewer: 'hn', scale: 1.9, y2025: 'accepted' },
  { key: 'wf', name: '潍坊鲁中内燃机再制造有限公司', region: '370705', body9: 'MA3WF8NR2', address: '山东省潍坊市奎文区北海路5号', legal: '于海涛', site: '奎文厂区', fields: ['internal_combustion_engines', 'agricultural_machinery'], announcedOn: '2024-12-20', reviewer: 'sd', scale: 1.2, y2025: 'forwarded_late' },
  { key: 'shpj', name: '上海浦江盾构再制造有限公司', region: '310112', body9: 'MA1XH6DG9', address: '上海市闵行区浦江镇联航路1188号', legal: '陆建平', site: '浦江基地', fields: ['heavy_machinery'], announcedOn: '2023-06-30', reviewer: 'sh', scale: 0.3, y2025: 'forwarded' },
  { key: 'hz', name: '杭州钱塘办公设备再制造有限公司', region: '330114', body9: 'MA2HY4BG5', address: '浙江省杭州市钱塘区白杨街道6号大街', legal: '沈丽', site: '钱塘厂区', fields: ['office_equipment'], announcedOn: '2024-12-20', reviewer: null, scale: 0.5, y2025: 'none' },
];

const FIELD_FOR: Record<string, ReportField> = { dg: 'machine_tools', fs: 'electrical_equipment', cz: 'internal_combustion_engines', zz: 'construction_machinery', wf: 'agricultural_machinery', shpj: 'heavy_machinery', hz: 'office_equipment' };

export async function seedAnnualReportsDemo(world: DemoWorld): Promise<void> {
  const live = world.services;
  const miitCtx: RequestContext = { principal: principalOf(world.miit, null), ip: '127.0.0.1', requestId: 'demo-seed' };
  const as = (u: UserRow): RequestContext => ({ principal: principalOf(u, null), ip: '127.0.0.1', requestId: 'demo-seed' });

  // the enterprises, their sites and logins
  const ent: Record<string, { id: string; site: string; admin: UserRow }> = {};
  for (const h of HISTORIC) {
    const e = await live.enterprises.create(miitCtx, {
      name: h.name,
      creditCode: makeCreditCode(h.region, h.body9),
      regionCode: h.region,
      address: h.address,
      postalCode: null,
      website: null,
      legalRepresentative: h.legal,
      contactName: `${h.legal.slice(0, 1)}主任`,
      contactPhone: '0769-2266' + String(1000 + Object.keys(ent).length),
      contactEmail: `report@${h.key}.example.cn`,
      enterpriseType: 'private',
      listingStatus: 'none',
    });
    const site = await live.enterprises.createSite(miitCtx, e.id, { name: h.site, address: h.address, regionCode: h.region });
    const admin = await live.identity.createUserAsOperator({ username: `ent-${h.key}`, displayName: `${h.name.slice(0, 4)}管理员`, role: 'enterprise_admin', organizationId: e.id, password: PASSWORD, mustChangePassword: false }, { demoSeed: true });
    ent[h.key] = { id: e.id, site: site.id, admin };
  }

  // the historic announced lists
  for (const [announcedOn, docNumber, title] of [
    ['2023-06-30', '工业和信息化部公告 2023年第18号', '符合《机电产品再制造行业规范条件》企业名单（2023年，历史名单导入）'],
    ['2024-12-20', '工业和信息化部公告 2024年第35号', '符合《机电产品再制造行业规范条件》企业名单（2024年，历史名单导入）'],
  ] as const) {
    const entries = HISTORIC.filter((h) => h.announcedOn === announcedOn).map((h) => ({ enterpriseId: ent[h.key]!.id, siteId: ent[h.key]!.site, fields: h.fields }));
    await live.announcements.importHistoric(miitCtx, { docNumber, announcedOn, title, entries });
  }

  // the reports, year by year, on a clock that walks through each reporting season
  const clock = manualClock('2024-02-01T02:00:00Z');
  const s: Services = createServices(world.database, world.config, clock);
  const on = (d: string) => clock.set(`${d}T02:00:00Z`);
  const today = live.clock.today();
  for (const year of [2023, 2024, 2025]) {
    const next = year + 1;
    // only seasons that are over by the demo's today (the 2025 season ended in April 2026)
    if (`${next}-04-28` > today) break;
    const owed = HISTORIC.filter((h) => h.announcedOn < `${next}-01-01`);
    const plan = (h: HistoricEnterprise) => (year < 2025 ? (h.key === 'hz' ? 'none' : 'forwarded') : h.y2025);
    const reports = new Map<string, string>();
    // February: drafts
    on(`${next}-02-10`);
    for (const h of owed) {
      if (plan(h) === 'none') continue;
      const e = ent[h.key]!;
      const r = await s.annualReports.create(as(e.admin), { siteId: e.site, year });
      const form = sampleReportForm({ enterpriseName: h.name, address: h.address, compiledOn: `${next}-02-10`, scale: h.scale * (1 + (year - 2023) * 0.15), field: FIELD_FOR[h.key] });
      if (plan(h) === 'draft') {
        // a partly filled draft: cover, outline and 表2-3 entered; 表2-1 items 4–6 still missing
        form.table21 = { e1: form.table21!.e1, e2: form.table21!.e2, e3: form.table21!.e3 };
      }
      await s.annualReports.saveForm(as(e.admin), r.id, form);
      reports.set(h.key, r.id);
    }
    // March (on time) — or April (late)
    for (const h of owed) {
      const id = reports.get(h.key);
      if (!id || plan(h) === 'draft') continue;
      on(plan(h) === 'forwarded_late' ? `${next}-04-15` : `${next}-03-${String(10 + HISTORIC.indexOf(h) * 2).padStart(2, '0')}`);
      await s.annualReports.submit(as(ent[h.key]!.admin), id);
    }
    // April: review
    on(`${next}-04-20`);
    for (const h of owed) {
      const id = reports.get(h.key);
      const p = plan(h);
      if (!id || !h.reviewer || p === 'draft' || p === 'submitted') continue;
      const reviewer = as(world.reviewers[h.reviewer]!);
      if (p === 'returned') {
        await s.annualReports.returnReport(reviewer, id, '表2-3 回收情况中“来源”填写不具体，请写明回收渠道（主机厂售后网络、回收拆解企业等）后重新提交。');
        continue;
      }
      await s.annualReports.accept(reviewer, id, '经审核，该企业本年度持续符合《机电产品再制造行业规范条件》要求，年度报告内容真实完整，同意报送。');
    }
    // late April: forward per authority (not the accepted one left for hn-reviewer in 2025)
    on(`${next}-04-28`);
    const forwarders = new Set(owed.filter((h) => h.reviewer && ['forwarded', 'forwarded_late'].includes(plan(h))).map((h) => h.reviewer!));
    for (const key of forwarders) await s.annualReports.forward(as(world.reviewers[key]!), year, `${year}年度本地区公告企业年度报告汇总`);
  }
}
