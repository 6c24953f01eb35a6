import { makeCreditCode } from '../domain/credit-code.js';
import type { EnterpriseType, ListingStatus, RemanField } from '../domain/enterprise.js';
import type { Services } from './app.js';
import type { Database } from './db/client.js';
import { principalOf } from './modules/identity/identity.service.js';
import type { RequestContext } from './platform/principal.js';

/** Demo only: every demo login shares this password (README says so). */
export const DEMO_PASSWORD = 'Reman#2026';

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
  { key: 'sh', name: '上海临港再制造发动机有限公司', region: '310115', body9: 'MA1AH7KX4', address: '上海市浦东新区临港新片区江山路2000号', legal: '周立', type: 'state_owned', listing: 'domestic', sites: [{ name: '临港工厂', address: '上海市浦东新区江山路2000号', region: '310115' }] },
  { key: 'qd', name: '青岛海岸工程机械再制造有限公司', region: '370211', body9: 'MA3QD2HN8', address: '山东省青岛市黄岛区前湾港路188号', legal: '孙波', type: 'private', listing: 'none', sites: [{ name: '黄岛厂区', address: '山东省青岛市黄岛区前湾港路188号', region: '370211' }] },
  { key: 'hn', name: '长沙中联再制造机械有限公司', region: '430104', body9: 'MA4HN6PL0', address: '湖南省长沙市岳麓区麓谷大道677号', legal: '刘洋', type: 'state_owned', listing: 'overseas', sites: [] },
  { key: 'hb', name: '湖北东风动力再制造有限公司', region: '420300', body9: 'MA4HB9WD5', address: '湖北省十堰市张湾区车城路1号', legal: '黄俊', type: 'state_owned', listing: 'none', sites: [] },
  { key: 'sd', name: '济南重工机床再制造有限公司', region: '370112', body9: 'MA3JD4JC6', address: '山东省济南市历城区工业北路44号', legal: '张伟', type: 'collective', listing: 'none', sites: [] },
];

const EXPERT = {
  name: '赵明华', organization: '机械工业再制造技术研究院', title: '研究员',
  fields: ['construction_machinery', 'internal_combustion_engines', 'machine_tools'] as RemanField[],
};

/**
 * Create the demo world once (idempotent: nothing happens when the `miit` user exists).
 * Returns true when data was created.
 */
export async function seedDemoData(s: Services, _database: Database): Promise<boolean> {
  if (await s.identity.findByUsername('miit')) return false;
  const user = (username: string, displayName: string, role: Parameters<Services['identity']['createUserAsOperator']>[0]['role'], organizationId: string) =>
    s.identity.createUserAsOperator({ username, displayName, role, organizationId, password: DEMO_PASSWORD, mustChangePassword: false });

  const miit = await user('miit', '工信部管理员', 'ministry_admin', 'miit');
  const ctx: RequestContext = { principal: principalOf(miit, null), ip: '127.0.0.1', requestId: 'demo-seed' };
  await user('miit-officer', '工信部经办人', 'ministry_officer', 'miit');

  const ids: Record<string, string> = {};
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
    for (const site of e.sites) await s.enterprises.createSite(ctx, created.id, { name: site.name, address: site.address, regionCode: site.region });
  }

  await user('gd-reviewer', '广东省审核员', 'authority_reviewer', 'prov-440000');
  await user('gd-admin', '广东省管理员', 'authority_admin', 'prov-440000');
  await user('js-reviewer', '江苏省审核员', 'authority_reviewer', 'prov-320000');
  await user('sz-reviewer', '深圳市审核员', 'authority_reviewer', 'city-440300');
  const expert = await s.experts.create(ctx, { ...EXPERT, phone: null, email: null, affiliatedEnterpriseId: null });
  await user('expert1', EXPERT.name, 'expert', expert.id);
  await user('ent-gd', '广州精工管理员', 'enterprise_admin', ids.gd!);
  await user('ent-gd-staff', '广州精工业务员', 'enterprise_staff', ids.gd!);
  await user('ent-js', '苏州绿源管理员', 'enterprise_admin', ids.js!);
  await user('ent-sz', '深圳智造管理员', 'enterprise_admin', ids.sz!);
  return true;
}
