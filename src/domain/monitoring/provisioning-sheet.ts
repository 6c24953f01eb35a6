/**
 * Bulk provisioning by .xlsx (issue 12 "Devices and ownership": 批量接入): the template's columns and the check of
 * one row, pure. The service reads the workbook (platform/spreadsheet), resolves each product through the trace and
 * provisions all rows or none (docs/monitoring.md "Bulk provisioning").
 */
import { isRegionCode, REGION_CODE_RULE } from '../regions.js';

export interface SheetColumn {
  key: 'productCode' | 'name' | 'regionCode';
  zh: string;
  en: string;
  required: boolean;
  notes: { zh: string; en: string };
  example: string;
}

export const PROVISIONING_COLUMNS: readonly SheetColumn[] = [
  {
    key: 'productCode', zh: '产品编码', en: 'productCode', required: true,
    notes: { zh: '本企业再制造产品的平台编码（RM…）、EPC 或 GS1 数字链接', en: "the platform code (RM…), EPC or GS1 Digital Link of one of your enterprise's remanufactured products" },
    example: 'RM440106000000000001',
  },
  { key: 'name', zh: '设备名称', en: 'name', required: false, notes: { zh: '可选，≤100 字；空则用产品名称', en: "optional, ≤ 100 characters; empty: the product's name" }, example: '1号发动机' },
  {
    key: 'regionCode', zh: '安装地区代码', en: 'regionCode', required: false,
    notes: { zh: '可选，6 位行政区划代码（GB/T 2260），用于设备分布图', en: 'optional, a 6-digit GB/T 2260 region code, for the fleet map' },
    example: '440106',
  },
];

export const SHEET_NAME = '设备接入 Devices';
/** at most this many devices per file (one transaction provisions them all) */
export const BULK_MAX_ROWS = 500;

export const columnHeader = (c: SheetColumn) => `${c.zh} ${c.en}`;

/** A header cell names a column by its full header, its Chinese or its English name (case and spaces ignored). */
export function matchColumn(headerText: string): SheetColumn | undefined {
  const h = headerText.replace(/\s+/g, '').toLowerCase();
  if (!h) return undefined;
  return PROVISIONING_COLUMNS.find((c) => [columnHeader(c), c.zh, c.en].some((x) => x.replace(/\s+/g, '').toLowerCase() === h));
}

export interface CellProblem {
  row: number;
  column: string;
  message: string;
  messageEn: string;
}

export interface ProvisioningRow {
  row: number;
  productCode: string;
  name?: string;
  regionCode?: string;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : String(v)).trim();

/**
 * One data row (cells by column key) → the row's input, or its problems naming the row and the column. `seen` maps a
 * product code already given in the file to its row: a second row of the same product is refused.
 */
export function checkRow(row: number, cells: Partial<Record<SheetColumn['key'], unknown>>, seen: Map<string, number>): { input: ProvisioningRow | null; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const col = (k: SheetColumn['key']) => columnHeader(PROVISIONING_COLUMNS.find((c) => c.key === k)!);
  const productCode = text(cells.productCode);
  const name = text(cells.name);
  const regionCode = text(cells.regionCode);
  if (!productCode) problems.push({ row, column: col('productCode'), message: '必填', messageEn: 'required' });
  else if (productCode.length > 300) problems.push({ row, column: col('productCode'), message: '超过 300 个字符', messageEn: 'longer than 300 characters' });
  else {
    const key = productCode.toUpperCase();
    const first = seen.get(key);
    if (first !== undefined) problems.push({ row, column: col('productCode'), message: `与第 ${first} 行重复`, messageEn: `the same product as row ${first}` });
    else seen.set(key, row);
  }
  if (name.length > 100) problems.push({ row, column: col('name'), message: '超过 100 个字符', messageEn: 'longer than 100 characters' });
  if (regionCode && !isRegionCode(regionCode)) problems.push({ row, column: col('regionCode'), message: REGION_CODE_RULE.zh, messageEn: REGION_CODE_RULE.en });
  if (problems.length) return { input: null, problems };
  return { input: { row, productCode, ...(name ? { name } : {}), ...(regionCode ? { regionCode } : {}) }, problems };
}

/** The connection data a device needs (encoded in the provisioning sheet's QR code). */
export function connectionData(c: { deviceId: string; clientId: string; password: string; mqttUrl: string | null; httpBase: string }) {
  return {
    v: 1,
    mqtt: c.mqttUrl,
    clientId: c.clientId,
    username: c.deviceId,
    password: c.password,
    telemetryTopic: `reman/v1/devices/${c.deviceId}/telemetry`,
    http: `${c.httpBase.replace(/\/$/, '')}/api/v1/devices/${c.deviceId}/telemetry`,
  };
}
