/**
 * The fleet "map" as a tile grid (issue 12 "fleet map of China by province"): the 34 provincial-level divisions as
 * equal squares placed roughly where they lie (north at the top, west on the left). It is a diagram, not a map —
 * no borders, no scale — so it needs no 审图号 (map approval number) and no map data. Shared by server and web.
 *
 * GB/T 2260 codes: the 31 mainland divisions of regions.ts, plus 台湾 71, 香港 81 and 澳门 82, drawn so that the
 * diagram of China is whole. Units are counted only in the divisions of the region table (regions.ts, which has no
 * reviewing authority outside the mainland, so a device's installation region is one of the 31 — POST /devices and
 * the bulk sheet refuse other codes): the three tiles stay empty.
 */
import { isRegionCode, provinceOf } from '../regions.js';

export interface ProvinceTile {
  /** GB/T 2260 province-level code, six digits ending in 0000 */
  code: string;
  /** 简称 shown in the tile */
  short: string;
  name: string;
  nameEn: string;
  /** grid position, 0-based (row from the top, column from the left) */
  row: number;
  col: number;
}

export const PROVINCE_TILES: readonly ProvinceTile[] = [
  { code: '230000', short: '黑', name: '黑龙江省', nameEn: 'Heilongjiang', row: 0, col: 9 },
  { code: '650000', short: '新', name: '新疆维吾尔自治区', nameEn: 'Xinjiang', row: 1, col: 1 },
  { code: '150000', short: '蒙', name: '内蒙古自治区', nameEn: 'Inner Mongolia', row: 1, col: 6 },
  { code: '220000', short: '吉', name: '吉林省', nameEn: 'Jilin', row: 1, col: 9 },
  { code: '620000', short: '甘', name: '甘肃省', nameEn: 'Gansu', row: 2, col: 3 },
  { code: '640000', short: '宁', name: '宁夏回族自治区', nameEn: 'Ningxia', row: 2, col: 4 },
  { code: '140000', short: '晋', name: '山西省', nameEn: 'Shanxi', row: 2, col: 6 },
  { code: '110000', short: '京', name: '北京市', nameEn: 'Beijing', row: 2, col: 7 },
  { code: '210000', short: '辽', name: '辽宁省', nameEn: 'Liaoning', row: 2, col: 8 },
  { code: '540000', short: '藏', name: '西藏自治区', nameEn: 'Xizang', row: 3, col: 1 },
  { code: '630000', short: '青', name: '青海省', nameEn: 'Qinghai', row: 3, col: 2 },
  { code: '610000', short: '陕', name: '陕西省', nameEn: 'Shaanxi', row: 3, col: 5 },
  { code: '130000', short: '冀', name: '河北省', nameEn: 'Hebei', row: 3, col: 6 },
  { code: '120000', short: '津', name: '天津市', nameEn: 'Tianjin', row: 3, col: 7 },
  { code: '510000', short: '川', name: '四川省', nameEn: 'Sichuan', row: 4, col: 3 },
  { code: '500000', short: '渝', name: '重庆市', nameEn: 'Chongqing', row: 4, col: 4 },
  { code: '410000', short: '豫', name: '河南省', nameEn: 'Henan', row: 4, col: 5 },
  { code: '370000', short: '鲁', name: '山东省', nameEn: 'Shandong', row: 4, col: 6 },
  { code: '520000', short: '贵', name: '贵州省', nameEn: 'Guizhou', row: 5, col: 4 },
  { code: '420000', short: '鄂', name: '湖北省', nameEn: 'Hubei', row: 5, col: 5 },
  { code: '340000', short: '皖', name: '安徽省', nameEn: 'Anhui', row: 5, col: 6 },
  { code: '320000', short: '苏', name: '江苏省', nameEn: 'Jiangsu', row: 5, col: 7 },
  { code: '310000', short: '沪', name: '上海市', nameEn: 'Shanghai', row: 5, col: 8 },
  { code: '530000', short: '云', name: '云南省', nameEn: 'Yunnan', row: 6, col: 3 },
  { code: '430000', short: '湘', name: '湖南省', nameEn: 'Hunan', row: 6, col: 5 },
  { code: '360000', short: '赣', name: '江西省', nameEn: 'Jiangxi', row: 6, col: 6 },
  { code: '330000', short: '浙', name: '浙江省', nameEn: 'Zhejiang', row: 6, col: 7 },
  { code: '450000', short: '桂', name: '广西壮族自治区', nameEn: 'Guangxi', row: 7, col: 4 },
  { code: '440000', short: '粤', name: '广东省', nameEn: 'Guangdong', row: 7, col: 5 },
  { code: '350000', short: '闽', name: '福建省', nameEn: 'Fujian', row: 7, col: 6 },
  { code: '710000', short: '台', name: '台湾省', nameEn: 'Taiwan', row: 7, col: 8 },
  { code: '460000', short: '琼', name: '海南省', nameEn: 'Hainan', row: 8, col: 4 },
  { code: '820000', short: '澳', name: '澳门特别行政区', nameEn: 'Macao', row: 8, col: 5 },
  { code: '810000', short: '港', name: '香港特别行政区', nameEn: 'Hong Kong', row: 8, col: 6 },
];

export const TILE_ROWS = 1 + Math.max(...PROVINCE_TILES.map((t) => t.row));
export const TILE_COLS = 1 + Math.max(...PROVINCE_TILES.map((t) => t.col));

const BY_CODE = new Map(PROVINCE_TILES.map((t) => [t.code, t]));

/** The province-level code of an installation region (a code of the region table, regions.ts), or null. */
export function tileProvinceOf(regionCode: string | null | undefined): string | null {
  if (!regionCode || !isRegionCode(regionCode)) return null;
  return provinceOf(regionCode);
}

export const findTile = (code: string): ProvinceTile | undefined => BY_CODE.get(code);
