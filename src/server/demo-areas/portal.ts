/**
 * Demo data of the public information service (docs/public-portal.md): the standards library (SEED_STANDARDS,
 * each marked verified or not), the two seed policy documents in full with a notice and an interpretation,
 * demonstration units across provinces, testing organisations — published by MIIT through the portal's own use
 * cases (audited like any edit), plus one draft of each kind so the editing screens show both states.
 */
import { readFileSync } from 'node:fs';
import { principalOf } from '../modules/identity/identity.service.js';
import type { RequestContext } from '../platform/principal.js';
import type { RemanField } from '../../domain/enterprise.js';
import { DEMO_PASSWORD, DEMO_PDF } from '../demo.js';
import { SEED_STANDARDS } from './portal/standards.js';
import type { DemoWorld } from './world.js';

const text = (name: string) => readFileSync(new URL(`./portal/${name}`, import.meta.url), 'utf8').trim();

/** Demonstration units: [name, kind, province, city, field, year]. Names are illustrative (demo), not designations. */
const UNITS: Array<[string, 'enterprise' | 'park' | 'base' | 'centre', string, string, string, number]> = [
  ['长沙再制造产业示范基地', 'base', '430000', '长沙市', '工程机械', 2018],
  ['上海临港再制造产业示范区', 'park', '310000', '上海市', '发动机与汽车零部件', 2018],
  ['苏州高新区再制造产业园', 'park', '320000', '苏州市', '内燃机', 2019],
  ['济南复强动力再制造示范企业', 'enterprise', '370000', '济南市', '内燃机', 2018],
  ['青岛港口机械再制造示范企业', 'enterprise', '370000', '青岛市', '港口机械', 2019],
  ['广州花都再制造产业集聚区', 'park', '440000', '广州市', '汽车零部件', 2019],
  ['深圳服务器与办公设备再制造中心', 'centre', '440000', '深圳市', '服务器、办公成像设备', 2020],
  ['湖北十堰汽车零部件再制造示范企业', 'enterprise', '420000', '十堰市', '汽车零部件', 2018],
  ['河北沧州再制造产业示范基地', 'base', '130000', '沧州市', '石油装备', 2019],
  ['天津子牙循环经济产业区', 'park', '120000', '天津市', '机电产品', 2018],
  ['北京盾构机再制造技术研发中心', 'centre', '110000', '北京市', '盾构机', 2020],
  ['重庆机床再制造示范企业', 'enterprise', '500000', '重庆市', '重型机床', 2019],
  ['四川航空发动机再制造技术中心', 'centre', '510000', '成都市', '航空发动机与燃气轮机', 2020],
  ['陕西重型机床再制造示范企业', 'enterprise', '610000', '西安市', '重型机床', 2019],
  ['浙江工业机器人再制造示范企业', 'enterprise', '330000', '杭州市', '工业机器人', 2020],
  ['安徽合肥再制造产业园', 'park', '340000', '合肥市', '工程机械', 2018],
  ['辽宁盾构机再制造示范企业', 'enterprise', '210000', '沈阳市', '盾构机', 2020],
  ['黑龙江油气田装备再制造基地', 'base', '230000', '大庆市', '油气田装备', 2019],
  ['河南医疗影像设备再制造中心', 'centre', '410000', '郑州市', '医疗影像设备', 2020],
  ['江西再制造产业示范基地', 'base', '360000', '南昌市', '机床', 2019],
  ['新疆油气田装备再制造示范企业', 'enterprise', '650000', '克拉玛依市', '油气田装备', 2020],
  ['福建厦门再制造产业园', 'park', '350000', '厦门市', '电工电器', 2019],
];

/** Testing organisations: [name, accreditation number, province, scope in words, the 规范条件 一(一) fields it covers]. */
const ORGS: Array<[string, string, string, string, RemanField[]]> = [
  ['国家再制造产品质量检验检测中心（示例）', 'CNAS L0001-DEMO', '110000', '发动机、变速箱、液压件再制造产品性能检测；再制造率核算', ['internal_combustion_engines', 'basic_mechanical_parts', 'construction_machinery']],
  ['江苏省机电产品再制造检测评价中心（示例）', 'CNAS L0002-DEMO', '320000', '内燃机、机床再制造产品检测；剩余寿命评估', ['internal_combustion_engines', 'machine_tools']],
  ['广东省再制造产品检验检测院（示例）', 'CNAS L0003-DEMO', '440000', '汽车零部件、办公成像设备再制造产品检测', ['internal_combustion_engines', 'basic_mechanical_parts', 'office_equipment']],
  ['湖南工程机械再制造检测中心（示例）', 'CNAS L0004-DEMO', '430000', '工程机械再制造产品检测与评价', ['construction_machinery']],
  ['山东再制造装备检测认证中心（示例）', 'CNAS L0005-DEMO', '370000', '港口机械、重型机械再制造检测', ['heavy_machinery', 'construction_machinery']],
];
/** The demo login of a testing organisation's user (role testing_org_staff): the first organisation of ORGS. */
export const DEMO_TESTING_ORG_LOGIN = 'testing-org';
/** Its administrator (role testing_org_admin): issues reports as its staff do and manages the organisation's users. */
export const DEMO_TESTING_ORG_ADMIN_LOGIN = 'testing-org-admin';

export async function seedPortalDemo(world: DemoWorld) {
  const { content } = world.services.portal;
  const ctx: RequestContext = { principal: principalOf(world.miit, null), ip: '127.0.0.1', requestId: 'demo-seed' };

  for (const s of SEED_STANDARDS) {
    const { replacedBy, drafters, summary, ...rest } = s;
    const row = await content.standards.create(ctx, { ...rest, replacedBy: replacedBy ?? null, drafters: drafters ?? [], summary: summary ?? '' });
    await content.standards.publish(ctx, row.id);
  }
  await content.standards.create(ctx, { code: 'GB/T 00000-2027', title: '再制造 产品认定通则（征求意见稿）', type: 'national', status: 'upcoming', drafters: [], summary: '草稿：未发布，公众不可见。', verified: false });

  const plan = await content.policies.create(ctx, {
    title: '工业和信息化部关于印发《高端智能再制造行动计划（2018－2020年）》的通知',
    category: 'policy',
    issuer: '工业和信息化部',
    docNumber: '工信部节〔2017〕265号',
    issuedOn: '2017-10-31',
    body: text('action-plan-2017.txt'),
  });
  await content.policies.attach(ctx, plan.id, { filename: '高端智能再制造行动计划.pdf', data: DEMO_PDF });
  await content.policies.publish(ctx, plan.id);
  const conditions = await content.policies.create(ctx, {
    title: '机电产品再制造行业规范条件（2024年）',
    category: 'policy',
    issuer: '工业和信息化部',
    issuedOn: '2024-01-01',
    body: text('conditions-2024.txt'),
  });
  await content.policies.publish(ctx, conditions.id);
  const notice = await content.policies.create(ctx, {
    title: '关于开展2026年度机电产品再制造行业规范条件企业年度报告工作的通知（演示）',
    category: 'notice',
    issuer: '工业和信息化部节能与综合利用司',
    issuedOn: '2026-01-15',
    body: '各省级工业和信息化主管部门：请组织已公告企业于3月31日前通过平台提交年度报告（附2），并完成审核报送。（演示数据）',
  });
  await content.policies.publish(ctx, notice.id);
  const reading = await content.policies.create(ctx, {
    title: '《机电产品再制造行业规范条件（2024年）》解读（演示）',
    category: 'interpretation',
    issuer: '平台编辑部',
    issuedOn: '2024-02-01',
    body: '规范条件适用于工程机械、机床工具、重型机械、石化通用机械、内燃机、电工电器、农业机械、机械基础件、文化办公设备等九类机电产品再制造的独立法人企业；不具有行政审批的前置性和强制性。（演示数据）',
  });
  await content.policies.publish(ctx, reading.id);
  await content.policies.create(ctx, { title: '再制造产品认定管理办法（草稿）', category: 'policy', issuer: '工业和信息化部', issuedOn: '2026-12-01', body: '草稿：未发布，公众不可见。' });

  for (const [name, kind, provinceCode, city, field, year] of UNITS) {
    const u = await content.demoUnits.create(ctx, { name, kind, provinceCode, city, field, year, description: `${city}${field}领域高端智能再制造示范（演示数据）。` });
    await content.demoUnits.publish(ctx, u.id);
  }
  for (const [i, [name, accreditationNo, provinceCode, scope, scopeFields]] of ORGS.entries()) {
    const o = await content.testingOrgs.create(ctx, { name, accreditationNo, provinceCode, scope, scopeFields });
    await content.testingOrgs.publish(ctx, o.id);
    // the first organisation has users of its own: they issue reports in its name within its fields (issue 14), and
    // its administrator manages its users
    if (i === 0) {
      for (const [username, displayName, role] of [
        [DEMO_TESTING_ORG_LOGIN, '国家再制造检测中心 检测员', 'testing_org_staff'],
        [DEMO_TESTING_ORG_ADMIN_LOGIN, '国家再制造检测中心 管理员', 'testing_org_admin'],
      ] as const) {
        await world.services.identity.createUserAsOperator({ username, displayName, role, organizationId: o.id, password: DEMO_PASSWORD, mustChangePassword: false }, { demoSeed: true });
      }
    }
  }
}
