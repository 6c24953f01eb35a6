/**
 * Demo data of 动态管理 (docs/dynamic-management.md): changes, revocation cases with their hearing, complaints.
 *
 * So that the README walk-through (广州精工, ent-gd) is never touched by a revocation, this seeder registers two
 * Hubei enterprises (reviewed by hb-reviewer), puts them on imported 公告 lists (through the announcements
 * service) and walks them through the real services on a manual clock:
 *
 * | login   | enterprise (announced)               | what the demo shows                                                     |
 * |---------|--------------------------------------|-------------------------------------------------------------------------|
 * | ent-jz  | 荆州楚天液压件再制造有限公司 (2023)    | a change whose year ran out on 2025-01-10 (check failed, flagged); revoked, its 沙市车间 draft closed |
 * |         |                                      | 2025-03-25 on hb-reviewer's request after a hearing; rectification      |
 * |         |                                      | accepted 2025-06-20 → a new application is refused until 2027-06-21     |
 * | ent-wh  | 武汉江城汽车零部件再制造有限公司 (200 days ago) | a confirmed change (site renamed, history on the list); a substantiated |
 * |         |                                      | complaint → MIIT's case, notified, statement received: **miit decides** |
 * | ent-gd  | 广州精工 (core demo)                  | a change in progress (business scope), awaiting gd-reviewer's check     |
 *
 * ent-wh is announced this year so that it owes no annual report yet (the annual-reports demo is unchanged).
 *
 * Complaints in every state: received (anonymous, unmatched), accepted, investigating, substantiated (wh, with
 * its revocation case), unsubstantiated, not accepted.
 */
import { addDays } from '../../domain/calendar-date.js';
import { makeCreditCode } from '../../domain/credit-code.js';
import { createServices, type Services } from '../app.js';
import type { UserRow } from '../modules/identity/identity.repo.js';
import { principalOf } from '../modules/identity/identity.service.js';
import { manualClock } from '../platform/clock.js';
import type { RequestContext } from '../platform/principal.js';
import type { DemoWorld } from './world.js';

const PASSWORD = 'Reman#2026'; // the demo password (README)
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n% supervision demo evidence\ntrailer <<>>\n%%EOF\n');
const pdf = (label: string) => Buffer.concat([PDF, Buffer.from(`% ${label}\n`)]);

export async function seedSupervisionDemo(world: DemoWorld): Promise<void> {
  const live = world.services;
  const as = (u: UserRow): RequestContext => ({ principal: principalOf(u, null), ip: '127.0.0.1', requestId: 'demo-seed' });
  const anon = (ip: string): RequestContext => ({ principal: null, ip, requestId: 'demo-seed' });
  const miit = as(world.miit);
  const hb = as(world.reviewers.hb!);
  const gdReviewer = as((await live.identity.findByUsername('gd-reviewer'))!);
  const today = live.clock.today();

  // ---- two Hubei enterprises, their logins and their 公告 lists
  const made = {} as Record<'wh' | 'jz', { id: string; site: string; admin: UserRow }>;
  for (const x of [
    { key: 'wh' as const, name: '武汉江城汽车零部件再制造有限公司', region: '420115', body9: 'MA4WH2RC7', address: '湖北省武汉市江夏区金港新区通用大道18号', legal: '汪志强', site: '江夏厂区' },
    { key: 'jz' as const, name: '荆州楚天液压件再制造有限公司', region: '421003', body9: 'MA4JQ8TB3', address: '湖北省荆州市荆州区郢都路66号', legal: '黄德明', site: '郢都厂区' },
  ]) {
    const e = await live.enterprises.create(miit, {
      name: x.name, creditCode: makeCreditCode(x.region, x.body9), regionCode: x.region, address: x.address, postalCode: null, website: null,
      legalRepresentative: x.legal, contactName: `${x.legal.slice(0, 1)}经理`, contactPhone: '027-8766' + (x.key === 'wh' ? '1001' : '1002'), contactEmail: `office@${x.key}.example.cn`,
      enterpriseType: 'private', listingStatus: 'none',
    });
    const site = await live.enterprises.createSite(miit, e.id, { name: x.site, address: x.address, regionCode: x.region });
    const admin = await live.identity.createUserAsOperator({ username: `ent-${x.key}`, displayName: `${x.name.slice(0, 4)}管理员`, role: 'enterprise_admin', organizationId: e.id, password: PASSWORD, mustChangePassword: false }, { demoSeed: true });
    made[x.key] = { id: e.id, site: site.id, admin };
  }
  await live.announcements.importHistoric(miit, {
    docNumber: '工业和信息化部公告 2023年第26号',
    announcedOn: '2023-09-15',
    title: '符合《机电产品再制造行业规范条件》企业名单（2023年，历史名单导入·湖北）',
    entries: [{ enterpriseId: made.jz.id, siteId: made.jz.site, fields: ['basic_mechanical_parts'] }],
  });
  const whOn = addDays(today, -200);
  await live.announcements.importHistoric(miit, {
    docNumber: `工业和信息化部公告 ${whOn.slice(0, 4)}年第9号（湖北）`,
    announcedOn: whOn,
    title: `符合《机电产品再制造行业规范条件》企业名单（${whOn.slice(0, 4)}年，名单导入·湖北）`,
    entries: [{ enterpriseId: made.wh.id, siteId: made.wh.site, fields: ['electrical_equipment'] }],
  });

  // ---- the past, on a manual clock
  const clock = manualClock('2024-01-20T02:00:00Z');
  const s: Services = createServices(world.database, world.config, clock);
  const on = (d: string) => clock.set(`${d}T02:00:00Z`);
  const wh = as(made.wh.admin);
  const jz = as(made.jz.admin);

  // jz: a change whose one-year period ran out on 2025-01-10 without a passed check
  const jzChange = await s.changes.create(jz, { changeDate: '2024-01-10', description: '经营范围增加“工程机械液压油缸再制造”，新增试压设备。', items: [{ fact: 'businessScope', old: '液压泵、液压阀再制造', new: '液压泵、液压阀、液压油缸再制造' }] }, [pdf('scope')]);
  on('2024-04-15');
  await s.changes.check(hb, jzChange.id, { passed: false, opinion: '新增试压设备未通过计量检定，请整改后重新提交。' });
  on('2025-01-13');
  await s.changes.flagOverdue(null);

  // jz: a second site's application in progress when the revocation came — closed with it (七(二)4, state `closed`)
  on('2025-02-20');
  const jzSite2 = await s.enterprises.createSite(miit, made.jz.id, { name: '沙市车间', address: '湖北省荆州市沙市区江津东路8号', regionCode: '421002' });
  const jzApp = await s.applications.create(jz, jzSite2.id);
  await s.applications.saveForm(jz, jzApp.id, { fields: ['basic_mechanical_parts'] });

  // jz: requested by the Hubei authority, heard, revoked; the rectification accepted on 2025-06-20
  on('2025-03-03');
  const jzCase = await s.revocations.open(
    hb,
    { enterpriseId: made.jz.id, grounds: ['annual_report_missing', 'supervision_refused_or_failed'], facts: '该企业未按要求提交年度报告；经营范围变更逾期未完成整改验收；2025年2月监督检查中拒绝提供旧件台账。' },
    [pdf('inspection record')],
  );
  on('2025-03-05');
  await s.revocations.notify(miit, jzCase.id, { noticeText: '经湖北省工业和信息化厅报请，拟撤销你公司规范公告。请在期限内提交陈述和申辩。' });
  on('2025-03-06');
  await s.revocations.relay(hb, jzCase.id, {}); // 七(二)4: the provincial authority relays the notice
  on('2025-03-12');
  await s.revocations.submitStatement(jz, jzCase.id, { statement: '我公司因人员变动未及时报送年度报告，监督检查时台账系统故障，并非拒绝检查。' }, [pdf('statement')]);
  on('2025-03-25');
  await s.revocations.decide(miit, jzCase.id, { outcome: 'revoked', hearingSummary: '企业书面陈述称系人员变动和系统故障，未提供年度报告及台账。', reason: '七(二)4(2)、(4) 情形成立，撤销公告。' });
  on('2025-06-02');
  await s.revocations.fileRectification(jz, jzCase.id, { text: '已补报年度报告，恢复旧件台账系统，接受复查。' }, [pdf('rectification')]);
  on('2025-06-20');
  await s.revocations.reviewRectification(hb, jzCase.id, { accept: true, opinion: '经复查，整改合格。' });

  // wh: a confirmed change (site renamed; the announced list keeps old → new)
  on(addDays(today, -145));
  const whChange = await s.changes.create(wh, { siteId: made.wh.site, changeDate: addDays(today, -150), description: '厂区更名，生产线与设备不变。', items: [{ fact: 'siteName', old: '江夏厂区', new: '江夏金港厂区' }] }, [pdf('site rename')]);
  on(addDays(today, -120));
  await s.changes.check(hb, whChange.id, { passed: true, opinion: '经现场核实，厂区更名不影响规范条件的符合性。' });
  on(addDays(today, -110));
  await s.changes.confirm(miit, whChange.id, { confirmed: true, opinion: '核实无误，更新公告名单。' });

  // wh: a substantiated complaint → MIIT's case, notified, statement received (ready for the decision)
  on(addDays(today, -20));
  const whComplaint = await s.complaints.file(anon('203.0.113.7'), { subject: '再制造产品冒充新品销售', enterpriseName: '武汉江城汽车零部件再制造有限公司', facts: '在该公司购买的“新品”起动机，拆检发现为再制造件且无再制造标识，附购货发票和照片。', contact: '刘女士 13807150000' }, [pdf('invoice')]);
  on(addDays(today, -18));
  await s.complaints.handle(hb, whComplaint.id, { action: 'accept' });
  on(addDays(today, -15));
  await s.complaints.handle(hb, whComplaint.id, { action: 'investigate' });
  on(addDays(today, -8));
  await s.complaints.handle(miit, whComplaint.id, { action: 'substantiate', note: '经湖北省工业和信息化厅现场核查，该公司部分再制造产品未标注再制造信息并作为新品销售，情况属实。' });
  on(addDays(today, -7));
  const whCase = await s.complaints.openRevocation(miit, whComplaint.id, { grounds: ['conditions_not_maintained', 'major_accident_or_violation'], facts: '投诉经核实属实：再制造产品未按规范条件六(二)标注，并作为新品销售。' });
  on(addDays(today, -6));
  await s.revocations.notify(miit, whCase.id, { noticeText: '经核查，你公司存在再制造产品未标注并冒充新品销售的情况，拟撤销规范公告。请通过湖北省工业和信息化厅提交陈述和申辩。' });
  on(addDays(today, -5));
  await s.revocations.relay(hb, whCase.id, {});
  on(addDays(today, -2));
  await s.revocations.submitStatement(wh, whCase.id, { statement: '涉事批次系经销商私自更换包装，我公司已召回并加强标识管理，恳请不予撤销。' }, [pdf('recall notice')]);

  // other complaints, one in each remaining state
  on(addDays(today, -12));
  const gdC = await s.complaints.file(anon('198.51.100.23'), { subject: '旧件来源可疑', enterpriseName: '广州精工再制造科技有限公司', facts: '该公司近期大量收购来源不明的旧发动机，疑似来自非法拆解点。', contact: 'whistle@example.cn' }, []);
  await s.complaints.handle(gdReviewer, gdC.id, { action: 'accept' });
  const szC = await s.complaints.file(anon('198.51.100.24'), { subject: '申请材料与实际不符', enterpriseName: '深圳智造再生装备有限公司', facts: '该企业申请材料中填报的检测设备在现场并不存在，设备照片疑似翻拍。', contact: null }, [pdf('photo')]);
  await s.complaints.handle(miit, szC.id, { action: 'accept' });
  await s.complaints.handle(miit, szC.id, { action: 'investigate' });
  on(addDays(today, -10));
  const jsC = await s.complaints.file(anon('198.51.100.25'), { subject: '环保设施未运行', enterpriseName: '苏州绿源动力再制造有限公司', facts: '夜间看到车间排气口有明显烟尘，怀疑环保设施未正常运行。', contact: '王先生 13915000000' }, []);
  await s.complaints.handle(miit, jsC.id, { action: 'accept' });
  on(addDays(today, -4));
  await s.complaints.handle(miit, jsC.id, { action: 'unsubstantiate', note: '经江苏省工业和信息化厅会同生态环境部门检测，排放达标，投诉情况不属实。' });
  const spam = await s.complaints.file(anon('198.51.100.26'), { subject: '咨询再制造补贴政策', enterpriseName: '某再制造公司', facts: '想了解再制造产品的补贴政策，应该向哪个部门咨询？', contact: null }, []);
  await s.complaints.handle(miit, spam.id, { action: 'dismiss', note: '属于政策咨询，不属于投诉举报受理范围，请咨询当地工业和信息化主管部门。' });

  // today: an anonymous complaint about an unregistered workshop; 广州精工's change awaiting gd-reviewer
  await live.complaints.file(anon('203.0.113.99'), { subject: '无证从事再制造', enterpriseName: '东莞某某发动机翻新厂', facts: '该厂对外宣称为再制造企业，实际仅做简单清洗喷漆后销售。', contact: null }, []);
  await live.changes.create(
    as(world.admins.gd!),
    { changeDate: addDays(today, -5), description: '经营范围增加“工业机器人减速器再制造”，已新增检测台。', items: [{ fact: 'businessScope', old: '机床及其零部件再制造', new: '机床及其零部件再制造；工业机器人减速器再制造' }] },
    [pdf('license')],
  );
}
