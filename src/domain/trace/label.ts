/**
 * The content of a remanufactured product's label (再制造产品标识). Pure: no I/O, no rendering.
 *
 * What a label must carry:
 * - 规范条件 四(四): remanufactured products are marked as such in a prominent place → the word 再制造, large.
 * - GB/T 39895-2021 (labels of remanufactured auto parts): the word 再制造, the maker's name or mark, the
 *   production date or batch, the product standard number.
 * - 规范条件 六(二): the maker's name and ADDRESS, the product standard number.
 * - Platform (issue 4 "Codes, labels, verification"): a QR code carrying the URL of the platform's public
 *   verification page `/p/{code}`, and the product code in plain text under it.
 *
 * Renderers (src/server/modules/trace/labels.ts) draw exactly the lines returned by `labelContent`.
 */
import { isIsoDate } from '../calendar-date.js';

/** 四(四) / GB/T 39895: the word every label carries, prominently. */
export const REMAN_MARK = '再制造';
export const REMAN_MARK_EN = 'Remanufactured';

/** The path of the public verification page of a product code (the web app's route `/p/:code`). */
export function verifyPath(code: string): string {
  return `/p/${encodeURIComponent(code)}`;
}

/**
 * The absolute URL the QR code carries: `<origin>/p/<code>`. `origin` is the platform's public origin
 * (scheme + host [+ port]); a trailing slash or path is not allowed, so that the URL stays canonical.
 */
export function verifyUrl(origin: string, code: string): string {
  const o = origin.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s?#]+$/.test(o)) throw new RangeError(`origin must be scheme://host[:port], got ${JSON.stringify(origin)}`);
  return `${o}${verifyPath(code)}`;
}

/** The facts a label is made of, as the trace service knows them about one product. */
export interface LabelFacts {
  /** Platform product code (enterprise prefix + serial). */
  code: string;
  /** Product name (and model), e.g. "再制造发动机 WD615". */
  productName: string;
  /** 六(二) / GB/T 39895: the remanufacturer's name. */
  enterpriseName: string;
  /** 六(二): the remanufacturer's address. */
  enterpriseAddress: string;
  /** GB/T 39895: production date ('YYYY-MM-DD') … */
  productionDate?: string | null;
  /** … or production batch (either is enough; both are printed when given). */
  batch?: string | null;
  /** GB/T 39895 / 六(二): the product standard number, e.g. "GB/T 28672-2012" or "Q/GZJG 001-2025". */
  standardNumber?: string | null;
  /** GS1 Digital Link URI when the enterprise gave a GTIN (printed small; the QR still carries the verify URL). */
  digitalLink?: string | null;
}

export type LabelField = 'code' | 'productName' | 'enterpriseName' | 'enterpriseAddress' | 'productionDateOrBatch' | 'standardNumber';

/** Where each required fact comes from (for error messages in both languages). */
export const LABEL_FIELD_NAMES: Record<LabelField, { zh: string; en: string; clause: string }> = {
  code: { zh: '产品编码', en: 'product code', clause: '平台编码' },
  productName: { zh: '产品名称', en: 'product name', clause: 'GB/T 39895' },
  enterpriseName: { zh: '企业名称', en: 'enterprise name', clause: '六(二); GB/T 39895' },
  enterpriseAddress: { zh: '企业地址', en: 'enterprise address', clause: '六(二)' },
  productionDateOrBatch: { zh: '生产日期或批号', en: 'production date or batch', clause: 'GB/T 39895' },
  standardNumber: { zh: '产品标准编号', en: 'product standard number', clause: '六(二); GB/T 39895' },
};

const blank = (s: string | null | undefined): boolean => !s || !s.trim();

/** The required facts a label lacks (empty when it can be printed). An invalid date counts as missing. */
export function missingLabelFacts(f: LabelFacts): LabelField[] {
  const missing: LabelField[] = [];
  if (blank(f.code)) missing.push('code');
  if (blank(f.productName)) missing.push('productName');
  if (blank(f.enterpriseName)) missing.push('enterpriseName'); // 六(二), GB/T 39895
  if (blank(f.enterpriseAddress)) missing.push('enterpriseAddress'); // 六(二)
  const hasDate = !blank(f.productionDate) && isIsoDate(f.productionDate);
  if (!hasDate && blank(f.batch)) missing.push('productionDateOrBatch'); // GB/T 39895
  if (blank(f.standardNumber)) missing.push('standardNumber'); // 六(二), GB/T 39895
  return missing;
}

/** One printed line: a caption (zh + en) and its value. */
export interface LabelLine {
  key: 'enterpriseName' | 'enterpriseAddress' | 'productionDate' | 'batch' | 'standardNumber' | 'digitalLink';
  zh: string;
  en: string;
  value: string;
}

/** What a renderer draws, top to bottom: the mark, the product, the facts, the QR with its URL and the code. */
export interface LabelContent {
  mark: string;
  markEn: string;
  title: string;
  lines: LabelLine[];
  qrUrl: string;
  code: string;
}

export class LabelIncompleteError extends Error {
  constructor(public readonly missing: LabelField[]) {
    super(`label lacks: ${missing.map((m) => LABEL_FIELD_NAMES[m].en).join(', ')}`);
    this.name = 'LabelIncompleteError';
  }
}

/**
 * The label of one product. Throws LabelIncompleteError naming every missing fact: a label without the
 * facts of 六(二) / GB/T 39895 would not be a conforming 再制造 mark, so none is produced.
 */
export function labelContent(f: LabelFacts, origin: string): LabelContent {
  const missing = missingLabelFacts(f);
  if (missing.length) throw new LabelIncompleteError(missing);
  const lines: LabelLine[] = [
    { key: 'enterpriseName', zh: '生产企业', en: 'Manufacturer', value: f.enterpriseName.trim() },
    { key: 'enterpriseAddress', zh: '企业地址', en: 'Address', value: f.enterpriseAddress.trim() },
  ];
  if (!blank(f.productionDate) && isIsoDate(f.productionDate)) lines.push({ key: 'productionDate', zh: '生产日期', en: 'Production date', value: f.productionDate! });
  if (!blank(f.batch)) lines.push({ key: 'batch', zh: '生产批号', en: 'Batch', value: f.batch!.trim() });
  lines.push({ key: 'standardNumber', zh: '执行标准', en: 'Standard', value: f.standardNumber!.trim() });
  if (!blank(f.digitalLink)) lines.push({ key: 'digitalLink', zh: 'GS1 数字链接', en: 'GS1 Digital Link', value: f.digitalLink!.trim() });
  return { mark: REMAN_MARK, markEn: REMAN_MARK_EN, title: f.productName.trim(), lines, qrUrl: verifyUrl(origin, f.code), code: f.code };
}

/** A4 sheet layout for many labels: columns × rows of fixed-size cells (millimetres). */
export const LABEL_SHEET = {
  pageWidthMm: 210,
  pageHeightMm: 297,
  marginMm: 10,
  columns: 2,
  rows: 4,
  /** At most this many codes in one PDF request. */
  maxLabels: 200,
} as const;

/** Where label `index` (0-based) of a sheet goes: page number and the cell's top-left corner in mm. */
export function sheetCell(index: number): { page: number; xMm: number; yMm: number; widthMm: number; heightMm: number } {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`index must be an integer ≥ 0, got ${index}`);
  const { pageWidthMm, pageHeightMm, marginMm, columns, rows } = LABEL_SHEET;
  const perPage = columns * rows;
  const widthMm = (pageWidthMm - 2 * marginMm) / columns;
  const heightMm = (pageHeightMm - 2 * marginMm) / rows;
  const page = Math.floor(index / perPage);
  const slot = index % perPage;
  return { page, xMm: marginMm + (slot % columns) * widthMm, yMm: marginMm + Math.floor(slot / columns) * heightMm, widthMm, heightMm };
}
