/**
 * Reviewing authorities (审核部门) of the 机电产品再制造行业规范条件 (工业和信息化部公告 2023年第37号).
 *
 * 七(一)4: the 省级工业和信息化主管部门 receive and review applications of enterprises in their region and
 * forward them to MIIT. The announcement is addressed to "各省、自治区、直辖市及计划单列市、新疆生产建设兵团
 * 工业和信息化主管部门", hence MIIT + 31 provinces + 5 计划单列市 + 兵团 = 38 authorities.
 *
 * This is SEED data: names change with government reorganisations and are editable in the database; only
 * the ids are stable. Names are the current ones as best known when written.
 */
import { PLAN_CITIES, PROVINCES, isRegionCode, planCityOf, provinceOf } from './regions.js';

export type AuthorityKind = 'ministry' | 'province' | 'plan_city' | 'xpcc';

export interface AuthoritySeed {
  id: string;
  kind: AuthorityKind;
  /** GB/T 2260 code of the jurisdiction; null for MIIT (nationwide) and 兵团 (no GB/T 2260 code). */
  regionCode: string | null;
  name: string;
  nameEn: string;
}

export const MINISTRY_AUTHORITY_ID = 'miit';
export const XPCC_AUTHORITY_ID = 'xpcc';

/** Stable id of a provincial authority, e.g. prov-440000. */
export const provinceAuthorityId = (provinceCode: string): string => `prov-${provinceCode}`;
/** Stable id of a 计划单列市 authority, e.g. city-440300. */
export const planCityAuthorityId = (cityCode: string): string => `city-${cityCode}`;

// Editable data: [province code, name, English name].
const PROVINCIAL_NAMES: Record<string, [string, string]> = {
  '110000': ['北京市经济和信息化局', 'Beijing Municipal Bureau of Economy and Information Technology'],
  '120000': ['天津市工业和信息化局', 'Tianjin Municipal Bureau of Industry and Information Technology'],
  '130000': ['河北省工业和信息化厅', 'Department of Industry and Information Technology of Hebei Province'],
  '140000': ['山西省工业和信息化厅', 'Department of Industry and Information Technology of Shanxi Province'],
  '150000': ['内蒙古自治区工业和信息化厅', 'Department of Industry and Information Technology of Inner Mongolia Autonomous Region'],
  '210000': ['辽宁省工业和信息化厅', 'Department of Industry and Information Technology of Liaoning Province'],
  '220000': ['吉林省工业和信息化厅', 'Department of Industry and Information Technology of Jilin Province'],
  '230000': ['黑龙江省工业和信息化厅', 'Department of Industry and Information Technology of Heilongjiang Province'],
  '310000': ['上海市经济和信息化委员会', 'Shanghai Municipal Commission of Economy and Informatization'],
  '320000': ['江苏省工业和信息化厅', 'Department of Industry and Information Technology of Jiangsu Province'],
  '330000': ['浙江省经济和信息化厅', 'Department of Economy and Information Technology of Zhejiang Province'],
  '340000': ['安徽省经济和信息化厅', 'Department of Economy and Information Technology of Anhui Province'],
  '350000': ['福建省工业和信息化厅', 'Department of Industry and Information Technology of Fujian Province'],
  '360000': ['江西省工业和信息化厅', 'Department of Industry and Information Technology of Jiangxi Province'],
  '370000': ['山东省工业和信息化厅', 'Department of Industry and Information Technology of Shandong Province'],
  '410000': ['河南省工业和信息化厅', 'Department of Industry and Information Technology of Henan Province'],
  '420000': ['湖北省经济和信息化厅', 'Department of Economy and Information Technology of Hubei Province'],
  '430000': ['湖南省工业和信息化厅', 'Department of Industry and Information Technology of Hunan Province'],
  '440000': ['广东省工业和信息化厅', 'Department of Industry and Information Technology of Guangdong Province'],
  '450000': ['广西壮族自治区工业和信息化厅', 'Department of Industry and Information Technology of Guangxi Zhuang Autonomous Region'],
  '460000': ['海南省工业和信息化厅', 'Department of Industry and Information Technology of Hainan Province'],
  '500000': ['重庆市经济和信息化委员会', 'Chongqing Municipal Commission of Economy and Information Technology'],
  '510000': ['四川省经济和信息化厅', 'Department of Economy and Information Technology of Sichuan Province'],
  '520000': ['贵州省工业和信息化厅', 'Department of Industry and Information Technology of Guizhou Province'],
  '530000': ['云南省工业和信息化厅', 'Department of Industry and Information Technology of Yunnan Province'],
  '540000': ['西藏自治区经济和信息化厅', 'Department of Economy and Information Technology of Xizang Autonomous Region'],
  '610000': ['陕西省工业和信息化厅', 'Department of Industry and Information Technology of Shaanxi Province'],
  '620000': ['甘肃省工业和信息化厅', 'Department of Industry and Information Technology of Gansu Province'],
  '630000': ['青海省工业和信息化厅', 'Department of Industry and Information Technology of Qinghai Province'],
  '640000': ['宁夏回族自治区工业和信息化厅', 'Department of Industry and Information Technology of Ningxia Hui Autonomous Region'],
  '650000': ['新疆维吾尔自治区工业和信息化厅', 'Department of Industry and Information Technology of Xinjiang Uygur Autonomous Region'],
};

// Editable data: [plan-city code, name, English name].
const PLAN_CITY_NAMES: Record<string, [string, string]> = {
  '210200': ['大连市工业和信息化局', 'Dalian Municipal Bureau of Industry and Information Technology'],
  '330200': ['宁波市经济和信息化局', 'Ningbo Municipal Bureau of Economy and Information Technology'],
  '350200': ['厦门市工业和信息化局', 'Xiamen Municipal Bureau of Industry and Information Technology'],
  '370200': ['青岛市工业和信息化局', 'Qingdao Municipal Bureau of Industry and Information Technology'],
  '440300': ['深圳市工业和信息化局', 'Shenzhen Municipal Bureau of Industry and Information Technology'],
};

/** The 38 authorities: MIIT, 31 provinces, 5 计划单列市, 兵团. */
export const AUTHORITY_SEEDS: readonly AuthoritySeed[] = [
  {
    id: MINISTRY_AUTHORITY_ID,
    kind: 'ministry',
    regionCode: null,
    name: '工业和信息化部',
    nameEn: 'Ministry of Industry and Information Technology',
  },
  ...PROVINCES.map((p): AuthoritySeed => {
    const [name, nameEn] = PROVINCIAL_NAMES[p.code];
    return { id: provinceAuthorityId(p.code), kind: 'province', regionCode: p.code, name, nameEn };
  }),
  ...PLAN_CITIES.map((c): AuthoritySeed => {
    const [name, nameEn] = PLAN_CITY_NAMES[c.code];
    return { id: planCityAuthorityId(c.code), kind: 'plan_city', regionCode: c.code, name, nameEn };
  }),
  {
    id: XPCC_AUTHORITY_ID,
    kind: 'xpcc',
    regionCode: null, // 兵团 has no GB/T 2260 code (660000 is only an informal convention).
    name: '新疆生产建设兵团工业和信息化局',
    nameEn: 'Bureau of Industry and Information Technology of Xinjiang Production and Construction Corps',
  },
];

const SEED_BY_ID = new Map(AUTHORITY_SEEDS.map((a) => [a.id, a]));

/** Seed entry by id, or undefined. */
export function findAuthoritySeed(id: string): AuthoritySeed | undefined {
  return SEED_BY_ID.get(id);
}

/**
 * 七(一)4: the authority that reviews an enterprise registered in `regionCode` — its 计划单列市 if it lies
 * in one (e.g. 4403xx → city-440300), otherwise its province (4401xx → prov-440000).
 * Throws RangeError for codes that are not mainland GB/T 2260 region codes.
 */
export function reviewingAuthorityId(regionCode: string): string {
  const city = planCityOf(regionCode);
  return city ? planCityAuthorityId(city) : provinceAuthorityId(provinceOf(regionCode));
}

/**
 * Like reviewingAuthorityId, but 兵团 enterprises (which cannot be told apart by region code: they are
 * registered under Xinjiang codes) go to the 兵团 authority when flagged explicitly.
 */
export function resolveReviewingAuthority(input: { regionCode: string | null; xpcc: boolean }): string {
  if (input.xpcc) return XPCC_AUTHORITY_ID;
  if (input.regionCode === null) throw new RangeError('A region code is required unless the enterprise is 兵团');
  return reviewingAuthorityId(input.regionCode);
}

/**
 * Whether `authorityId` may act on an enterprise in `regionCode`. MIIT covers everything (七(一)5). When
 * the enterprise has an explicitly assigned authority (e.g. 兵团), only that one (and MIIT) covers it;
 * otherwise the derived reviewing authority does. Invalid region codes are covered by MIIT only.
 */
export function authorityJurisdictionCovers(
  authorityId: string,
  regionCode: string,
  assignedAuthorityId?: string | null,
): boolean {
  if (authorityId === MINISTRY_AUTHORITY_ID) return true;
  if (assignedAuthorityId) return authorityId === assignedAuthorityId;
  return isRegionCode(regionCode) && authorityId === reviewingAuthorityId(regionCode);
}
