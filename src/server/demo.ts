import { makeCreditCode } from '../domain/credit-code.js';
import { PUBLISHED_DEMO_PASSWORD } from '../domain/password-policy.js';
import type { EnterpriseType, ListingStatus, RemanField } from '../domain/enterprise.js';
import { ATTACHMENT_SLOTS } from '../domain/announcement/form.js';
import { sampleApplicationForm } from '../domain/announcement/sample.js';
import { addDays } from '../domain/calendar-date.js';
import { createServices, type Services } from './app.js';
import type { AppConfig } from './config.js';
import type { Database } from './db/client.js';
import type { UserRow } from './modules/identity/identity.repo.js';
import { principalOf } from './modules/identity/identity.service.js';
import { manualClock } from './platform/clock.js';
import type { DemoWorld } from './demo-areas/world.js';
import type { RequestContext } from './platform/principal.js';

/** Demo only: every demo login shares this password (README says so); the password policy refuses it as a chosen one. */
export const DEMO_PASSWORD = PUBLISHED_DEMO_PASSWORD;

interface DemoEnterprise {
  key: string;
  name: string;
  region: string;
  body9: string;
  address: string;
  legal: string;
  type: EnterpriseType;
  listing: ListingStatus;
  sites: { name: string; address: string; region: string }[];
}

const ENTERPRISES: DemoEnterprise[] = [
  {
    key: 'gd', name: '广州精工再制造科技有限公司', region: '440113', body9: 'MA59GD0C1', address: '广东省广州市番禺区石楼镇再制造产业园8号',
    legal: '陈志远', type: 'private', listing: 'none',
    sites: [
      { name: '番禺一号厂区', address: '广东省广州市番禺区石楼镇再制造产业园8号', region: '440113' },
      { name: '佛山顺德生产车间', address: '广东省佛山市顺德区北滘镇工业大道66号', region: '440606' },
    ],
  },
  {
    key: 'js', name: '苏州绿源动力再制造有限公司', region: '320505', body9: 'MA1JX8RT2', address: '江苏省苏州市虎丘区浒关工业园青花路28号',
    legal: '王建国', type: 'sino_foreign_jv', listing: 'none',
    sites: [{ name: '浒关厂区', address: '江苏省苏州市虎丘区浒关工业园青花路28号', region: '320505' }],
  },
  {
    key: 'sz', name: '深圳智造再生装备有限公司', region: '440305', body9: 'MA5G73EQ7', address: '广东省深圳市南山区西丽街道留仙大道3370号',
    legal: '李海峰', type: 'private', listing: 'domestic',
    sites: [{ name: '南山生产基地', address: '广东省深圳市南山区西丽街道留仙大道3370号', region: '440305' }],
  },
  {
    key: 'sh', name: '上海临港再制造发动机有限公司', region: '310115', body9: 'MA1AH7KX4', address: '上海市浦东新区临港新片区江山路2000号', legal: '周立', type: 'state_owned', listing: 'domestic',
    sites: [{ name: '临港工厂', address: '上海市浦东新区江山路2000号', region: '310115' }, { name: '浦东二厂', address: '上海市浦东新区川沙路500号', region: '310115' }],
  },
  {
    key: 'qd', name: '青岛海岸工程机械再制造有限公司', region: '370211', body9: 'MA3QD2HN8', address: '山东省青岛市黄岛区前湾港路188号', legal: '孙波', type: 'private', listing: 'none',
    sites: [{ name: '黄岛厂区', address: '山东省青岛市黄岛区前湾港路188号', region: '370211' }, { name: '胶州车间', address: '山东省青岛市胶州市工业园8号', region: '370281' }],
  },
  {
    key: 'hn', name: '长沙中联再制造机械有限公司', region: '430104', body9: 'MA4HN6PL0', address: '湖南省长沙市岳麓区麓谷大道677号', legal: '刘洋', type: 'state_owned', listing: 'overseas',
    sites: [{ name: '麓谷厂区', address: '湖南省长沙市岳麓区麓谷大道677号', region: '430104' }, { name: '宁乡车间', address: '湖南省长沙市宁乡市金洲大道1号', region: '430182' }],
  },
  {
    key: 'hb', name: '湖北东风动力再制造有限公司', region: '420300', body9: 'MA4HB9WD5', address: '湖北省十堰市张湾区车城路1号', legal: '黄俊', type: 'state_owned', listing: 'none',
    sites: [{ name: '十堰厂区', address: '湖北省十堰市张湾区车城路1号', region: '420302' }, { name: '襄阳车间', address: '湖北省襄阳市高新区东风汽车大道9号', region: '420606' }],
  },
  {
    key: 'sd', name: '济南重工机床再制造有限公司', region: '370112', body9: 'MA3JD4JC6', address: '山东省济南市历城区工业北路44号', legal: '张伟', type: 'collective', listing: 'none',
    sites: [{ name: '历城厂区', address: '山东省济南市历城区工业北路44号', region: '370112' }],
  },
];

const EXPERTS: { login: string; name: string; organization: string; title: string; fields: RemanField[] }[] = [
  { login: 'expert1', name: '赵明华', organization: '机械工业再制造技术研究院', title: '研究员', fields: ['construction_machinery', 'internal_combustion_engines', 'machine_tools'] },
  { login: 'expert2', name: '钱立新', organization: '某大学机械工程学院', title: '教授', fields: ['internal_combustion_engines', 'heavy_machinery'] },
  { login: 'expert3', name: '孙志刚', organization: '国家再制造产品质量检验检测中心', title: '高级工程师', fields: ['machine_tools', 'basic_mechanical_parts'] },
  { login: 'expert4', name: '李慧敏', organization: '中国循环经济协会', title: '研究员', fields: ['electrical_equipment', 'office_equipment'] },
];

/** A small, valid PDF used for every demo attachment (stored once: files are content-addressed). */
export const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
    '4 0 obj<</Length 58>>stream\nBT /F1 24 Tf 72 760 Td (Reman platform demo attachment) Tj ET\nendstream endobj\n' +
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * Create the demo world once (idempotent: nothing happens when the `miit` user exists): the demo logins,
 * eight enterprises with sites, the expert pool, and 规范公告 cases in every state of the procedure — one
 * published 公告 batch listing the 广东 demo enterprise and one 公示 batch whose window is open today.
 * Returns true when data was created.
 */
export async function seedDemoData(s: Services, database: Database, config: AppConfig): Promise<boolean> {
  if (await s.identity.findByUsername('miit')) return false;
  const user = (username: string, displayName: string, role: Parameters<Services['identity']['createUserAsOperator']>[0]['role'], organizationId: string) =>
    s.identity.createUserAsOperator({ username, displayName, role, organizationId, password: DEMO_PASSWORD, mustChangePassword: false }, { demoSeed: true });

  const miit = await user('miit', '工信部管理员', 'ministry_admin', 'miit');
  const ctx: RequestContext = { principal: principalOf(miit, null), ip: '127.0.0.1', requestId: 'demo-seed' };
  await user('miit-officer', '工信部经办人', 'ministry_officer', 'miit');

  const ids: Record<string, string> = {};
  const siteIds: Record<string, string> = {};
  for (const e of ENTERPRISES) {
    const created = await s.enterprises.create(ctx, {
      name: e.name,
      creditCode: makeCreditCode(e.region, e.body9),
      regionCode: e.region,
      address: e.address,
      postalCode: null,
      website: null,
      legalRepresentative: e.legal,
      contactName: `${e.legal.slice(0, 1)}经理`,
      contactPhone: '020-8888' + String(1000 + Object.keys(ids).length),
      contactEmail: `contact@${e.key}.example.cn`,
      enterpriseType: e.type,
      listingStatus: e.listing,
    });
    ids[e.key] = created.id;
    for (const [i, site] of e.sites.entries()) {
      siteIds[`${e.key}${i + 1}`] = (await s.enterprises.createSite(ctx, created.id, { name: site.name, address: site.address, regionCode: site.region })).id;
    }
  }

  await user('gd-reviewer', '广东省审核员', 'authority_reviewer', 'prov-440000');
  await user('gd-admin', '广东省管理员', 'authority_admin', 'prov-440000');
  await user('js-reviewer', '江苏省审核员', 'authority_reviewer', 'prov-320000');
  await user('sz-reviewer', '深圳市审核员', 'authority_reviewer', 'city-440300');
  const reviewers: Record<string, UserRow> = {
    gd: (await s.identity.findByUsername('gd-reviewer'))!,
    js: (await s.identity.findByUsername('js-reviewer'))!,
    sz: (await s.identity.findByUsername('sz-reviewer'))!,
    sh: await user('sh-reviewer', '上海市审核员', 'authority_reviewer', 'prov-310000'),
    qd: await user('qd-reviewer', '青岛市审核员', 'authority_reviewer', 'city-370200'),
    hn: await user('hn-reviewer', '湖南省审核员', 'authority_reviewer', 'prov-430000'),
    hb: await user('hb-reviewer', '湖北省审核员', 'authority_reviewer', 'prov-420000'),
    sd: await user('sd-reviewer', '山东省审核员', 'authority_reviewer', 'prov-370000'),
  };
  const experts: UserRow[] = [];
  for (const x of EXPERTS) {
    const expert = await s.experts.create(ctx, { name: x.name, organization: x.organization, title: x.title, fields: x.fields, phone: null, email: null, affiliatedEnterpriseId: null });
    experts.push(await user(x.login, x.name, 'expert', expert.id));
  }
  const admins: Record<string, UserRow> = {};
  admins.gd = await user('ent-gd', '广州精工管理员', 'enterprise_admin', ids.gd!);
  await user('ent-gd-staff', '广州精工业务员', 'enterprise_staff', ids.gd!);
  admins.js = await user('ent-js', '苏州绿源管理员', 'enterprise_admin', ids.js!);
  admins.sz = await user('ent-sz', '深圳智造管理员', 'enterprise_admin', ids.sz!);
  for (const k of ['sh', 'qd', 'hn', 'hb', 'sd']) admins[k] = await user(`ent-${k}`, `${ENTERPRISES.find((e) => e.key === k)!.name.slice(0, 4)}管理员`, 'enterprise_admin', ids[k]!);

  await seedCases(s, database, config, { miit, experts, reviewers, admins, ids, siteIds });
  const world: DemoWorld = { services: s, database, config, miit, enterprises: ids, sites: siteIds, admins, reviewers };
  // Each capability seeds its own demo data (src/server/demo-areas/<area>.ts), one line each:
  await (await import('./demo-areas/annual-reports.js')).seedAnnualReportsDemo(world);
  await (await import('./demo-areas/supervision.js')).seedSupervisionDemo(world);
  await (await import('./demo-areas/trace.js')).seedTraceDemo(world);
  await (await import('./demo-areas/portal.js')).seedPortalDemo(world);
  await (await import('./demo-areas/newcomer.js')).seedNewcomerDemo(world);
  await (await import('./demo-areas/trading.js')).seedTradingDemo(world);
  await (await import('./demo-areas/core-exchange.js')).seedCoreExchangeDemo(world);
  await (await import('./demo-areas/insurance.js')).seedInsuranceDemo(world); // after trading: insures its lease
  await (await import('./demo-areas/monitoring.js')).seedMonitoringDemo(world);
  await (await import('./demo-areas/portal-catalogue.js')).seedCatalogueDemo(world);
  await (await import('./demo-areas/portal-search.js')).seedSearchDemo(world); // last: indexes what the areas above seeded
  void world;
  return true;
}

type Step = 'draft' | 'submitted' | 'returned' | 'provincial_rejected' | 'forwarded' | 'expert_review' | 'onsite_check' | 'ready_for_notice' | 'rejected' | 'withdrawn';

/**
 * Walk demo cases through the procedure on a clock that starts 45 days ago, so that the history (dates of
 * submission, 公示 windows, the 公告 date) is consistent, and ends on today.
 */
async function seedCases(
  live: Services,
  database: Database,
  config: AppConfig,
  w: { miit: UserRow; experts: UserRow[]; reviewers: Record<string, UserRow>; admins: Record<string, UserRow>; ids: Record<string, string>; siteIds: Record<string, string> },
) {
  const today = live.clock.today();
  const clock = manualClock(`${addDays(today, -45)}T02:00:00Z`); // 10:00 in Shanghai
  const s = createServices(database, config, clock);
  const as = (u: UserRow): RequestContext => ({ principal: principalOf(u, null), ip: '127.0.0.1', requestId: 'demo-seed' });
  const miit = as(w.miit);
  const day = (offset: number) => clock.set(`${addDays(today, offset)}T02:00:00Z`);
  const findings = { 二: '厂区选址、土地手续和财务审计材料齐全。', 三: '拆解、清洗、探伤、检测、加工和性能检验设备在用。', 四: '三体系证书有效，旧件台账可追溯。', 五: '环保设施运行正常，排放检测达标。', 六: '售后服务和持证上岗情况良好。' };

  async function walk(key: string, site: string, to: Step | 'notice', options: { partial?: boolean } = {}) {
    const admin = as(w.admins[key]!);
    const reviewer = as(w.reviewers[key]!);
    const a = await s.applications.create(admin, w.siteIds[site]!);
    const form = sampleApplicationForm(clock.today());
    if (options.partial) {
      await s.applications.saveForm(admin, a.id, { fields: form.fields, declaration: form.declaration, outline: { s1_basic: form.outline!.s1_basic }, table11: form.table11 });
      return a.id;
    }
    await s.applications.saveForm(admin, a.id, form);
    for (const slot of ATTACHMENT_SLOTS) if (slot.required) await s.applications.upload(admin, a.id, { slot: slot.key, filename: `${slot.zh}.pdf`, data: DEMO_PDF });
    if (to === 'draft') return a.id;
    if (to === 'withdrawn') {
      await s.applications.withdraw(admin, a.id, '企业调整申报计划，主动撤回');
      return a.id;
    }
    await s.applications.submit(admin, [a.id]);
    if (to === 'submitted') return a.id;
    if (to === 'returned') {
      await s.review.returnForSupplement(reviewer, a.id, '请补充近三年第三方财务审计报告及旧件来源说明');
      return a.id;
    }
    if (to === 'provincial_rejected') {
      await s.review.provincialReject(reviewer, a.id, '土地租赁合同期限不足10年，不符合规范条件二(三)');
      return a.id;
    }
    await s.review.forward(reviewer, a.id, { opinion: '经核实，该企业申请材料真实完整，符合《机电产品再制造行业规范条件》要求，同意报送。', handler: '王经办', head: '陈处长', date: clock.today() });
    if (to === 'forwarded') return a.id;
    await s.review.assignExperts(miit, a.id, w.experts.slice(0, 3).map((u) => u.expertId!));
    const others = to === 'expert_review' ? w.experts.slice(1, 3) : w.experts.slice(0, 3);
    for (const ex of others) {
      await s.review.recordOpinion(as(ex), a.id, { chapters: { 二: '符合', 三: '再制造能力满足要求', 四: '管理体系健全', 五: '符合环保要求', 六: '售后体系完善' }, recommendation: 'approve' });
    }
    if (to === 'expert_review') return a.id;
    await s.review.completeExpertReview(miit, a.id);
    if (to === 'onsite_check') return a.id;
    if (to === 'rejected') {
      await s.review.recordOnsite(miit, a.id, { team: ['李核查', '周核查'], date: clock.today(), findings, photoIds: [], conclusion: 'fail', reason: '现场核查发现无损探伤设备未投入使用，与申报不符' });
      return a.id;
    }
    await s.review.recordOnsite(miit, a.id, { team: ['李核查', '周核查'], date: clock.today(), findings, photoIds: [], conclusion: 'pass' });
    return a.id;
  }

  // the published batch: 广州精工 (番禺一号厂区) through the whole procedure, with 湖北 襄阳车间 passing the same 公示
  const announced = await walk('gd', 'gd1', 'ready_for_notice');
  const passed = await walk('hb', 'hb2', 'ready_for_notice');
  day(-30);
  const first = await s.notices.create(miit, { title: '机电产品再制造行业规范条件企业名单公示（第一批）', applicationIds: [announced, passed] });
  clock.set(`${addDays(first.endDate, 1)}T02:00:00Z`);
  await s.notices.close(miit, first.id);
  day(-14);
  await s.announcements.publish(miit, { applicationIds: [announced] });

  // cases in every other state, the last one on today's open 公示
  day(-10);
  await walk('gd', 'gd2', 'draft', { partial: true });
  await walk('js', 'js1', 'submitted');
  await walk('sd', 'sd1', 'returned');
  await walk('qd', 'qd2', 'provincial_rejected');
  await walk('sh', 'sh1', 'forwarded');
  await walk('qd', 'qd1', 'expert_review');
  await walk('hn', 'hn1', 'onsite_check');
  await walk('hb', 'hb1', 'ready_for_notice');
  await walk('sh', 'sh2', 'rejected');
  await walk('hn', 'hn2', 'withdrawn');
  const onNotice = await walk('sz', 'sz1', 'ready_for_notice');
  day(0);
  await s.notices.create(miit, { title: '机电产品再制造行业规范条件企业名单公示（第二批）', applicationIds: [onNotice] });
}
