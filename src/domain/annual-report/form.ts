/**
 * 《机电产品再制造行业规范条件执行情况和企业发展年度报告》(规范条件 附件2), field by field.
 *
 * - 封面 (cover): 企业名称, 联系地址, 联系人, 职务, 手机, 传真, 办公电话, 电子信箱, 编制日期.
 * - 年度报告提纲 (outline): 一、执行情况说明; 二、生产经营情况; 三、再制造能力和条件变化情况.
 * - 表2-1 执行情况说明: the seven numbered explanations.
 * - 表2-3 经营情况报表: 回收情况 (回收总件数; 序号, 回收件名称, 型号, 来源, 回收件数), 再制造情况 (再制造总件数;
 *   序号, 产品名称, 型号, 涉及领域, 再制造件数), 销售或租赁情况 (销售总件数; 序号, 产品名称, 型号, 购买方, 销售件数).
 *
 * The 涉及领域 column uses the nine fields of 一(一) plus 其他 (the form's tables "may be adjusted"; a product
 * outside the nine is declared as 其他).
 *
 * Every part is optional in a draft; `missingItems` (completeness.ts) says what a submission still lacks.
 */
import { REMAN_FIELD_VALUES, REMAN_FIELDS, type Labelled, type RemanField } from '../enterprise.js';

export const REPORT_FIELD_VALUES = [...REMAN_FIELD_VALUES, 'other'] as const;
export type ReportField = RemanField | 'other';
export const REPORT_FIELDS: readonly Labelled<ReportField>[] = [...REMAN_FIELDS, { value: 'other', zh: '其他', en: 'Other' }];

/** 附2 封面. */
export interface ReportCover {
  enterpriseName?: string;
  address?: string;
  contactName?: string;
  /** 职务 */
  contactTitle?: string;
  /** 手机 */
  mobile?: string;
  /** 传真 */
  fax?: string;
  /** 办公电话 */
  officePhone?: string;
  /** 电子信箱 */
  email?: string;
  /** 编制日期 YYYY-MM-DD */
  compiledOn?: string;
}

export const COVER_FIELDS: readonly { key: keyof ReportCover; zh: string; en: string; required: boolean }[] = [
  { key: 'enterpriseName', zh: '企业名称', en: 'Enterprise name', required: true },
  { key: 'address', zh: '联系地址', en: 'Address', required: true },
  { key: 'contactName', zh: '联系人', en: 'Contact person', required: true },
  { key: 'contactTitle', zh: '职务', en: 'Position', required: true },
  { key: 'mobile', zh: '手机', en: 'Mobile', required: true },
  // 传真 is on the cover, but many enterprises no longer have one: optional
  { key: 'fax', zh: '传真', en: 'Fax', required: false },
  { key: 'officePhone', zh: '办公电话', en: 'Office phone', required: true },
  { key: 'email', zh: '电子信箱', en: 'E-mail', required: true },
  { key: 'compiledOn', zh: '编制日期', en: 'Date compiled', required: true },
];

/** 附2 年度报告提纲, sections 一 to 三. */
export interface ReportOutline {
  /** 一、《机电产品再制造行业规范条件》执行情况说明（含下一年度规划目标） */
  s1_compliance?: string;
  /** 二、生产经营情况 */
  s2_operations?: string;
  /** 三、再制造能力和条件变化情况 */
  s3_capability?: string;
}

export const OUTLINE_SECTIONS: readonly { key: keyof ReportOutline; zh: string; en: string; hint: string }[] = [
  {
    key: 's1_compliance',
    zh: '一、《机电产品再制造行业规范条件》执行情况说明',
    en: 'I. Compliance with the Conditions',
    hint: '包括《机电产品再制造行业规范条件》中提及的相关要求符合性情况说明，同时概述说明下一年度规划目标。',
  },
  {
    key: 's2_operations',
    zh: '二、生产经营情况',
    en: 'II. Production and operations',
    hint: '包括对企业旧件回收情况、生产情况、销售情况、财务状况、股权变更情况的说明，行业形势的研判，经营方针的重大变化等。',
  },
  {
    key: 's3_capability',
    zh: '三、再制造能力和条件变化情况',
    en: 'III. Changes in remanufacturing capability and conditions',
    hint: '再制造能力、工艺改进和质量保证能力情况，包括本年度新增再制造设备和检验设备情况，企业的产能变化，以及相关投入等。',
  },
];

/** 表2-1 执行情况说明: items 1–7. */
export type Table21 = Partial<Record<'e1' | 'e2' | 'e3' | 'e4' | 'e5' | 'e6' | 'e7', string>>;

export const TABLE21_ITEMS: readonly { key: keyof Table21; zh: string; en: string; required: boolean }[] = [
  { key: 'e1', zh: '1.企业合规性、资信等基本情况的说明。', en: '1. Compliance, credit standing and basic facts', required: true },
  { key: 'e2', zh: '2.企业旧件回收情况、再制造产品生产情况、销售情况、财务状况、股权变更情况的说明，行业形势的研判，经营方针的说明。', en: '2. Core recovery, production, sales, finances, equity changes, market outlook, business policy', required: true },
  { key: 'e3', zh: '3.企业工艺技术装备水平、研发水平等再制造能力要求的执行情况说明。', en: '3. Process technology, equipment and R&D (capability requirements)', required: true },
  { key: 'e4', zh: '4.企业管理体系和安全生产要求的执行情况说明。', en: '4. Management systems and work safety', required: true },
  { key: 'e5', zh: '5.环境保护和社会责任要求的执行情况说明。', en: '5. Environmental protection and social responsibility', required: true },
  { key: 'e6', zh: '6.产品售后服务和职业教育的情况说明。', en: '6. After-sales service and vocational training', required: true },
  // "其他需要说明的情况" may truly be nothing
  { key: 'e7', zh: '7.其他需要说明的情况。', en: '7. Other matters', required: false },
];

export interface RecoveryRow {
  /** 回收件名称 */
  name?: string;
  /** 型号 */
  model?: string;
  /** 来源 */
  source?: string;
  /** 回收件数 */
  count?: number | null;
}
export interface RemanRow {
  /** 产品名称 */
  name?: string;
  model?: string;
  /** 涉及领域 */
  field?: ReportField;
  /** 再制造件数 */
  count?: number | null;
}
export interface SalesRow {
  name?: string;
  model?: string;
  /** 购买方（销售或租赁） */
  buyer?: string;
  /** 销售件数 */
  count?: number | null;
}

export interface Section<R> {
  /** 总件数 as entered */
  total?: number | null;
  rows?: R[];
}

/** 表2-3 机电产品再制造经营情况报表. */
export interface Table23 {
  recovery?: Section<RecoveryRow>;
  reman?: Section<RemanRow>;
  sales?: Section<SalesRow>;
}

export type Table23Key = keyof Table23;

/** The three parts of 表2-3 with their column names as printed. */
export const TABLE23_SECTIONS: readonly {
  key: Table23Key;
  zh: string;
  en: string;
  totalZh: string;
  totalEn: string;
  columns: readonly { key: string; zh: string; en: string }[];
}[] = [
  {
    key: 'recovery',
    zh: '回收情况',
    en: 'Cores recovered',
    totalZh: '回收总件数',
    totalEn: 'Total cores recovered',
    columns: [
      { key: 'name', zh: '回收件名称', en: 'Core' },
      { key: 'model', zh: '型号', en: 'Model' },
      { key: 'source', zh: '来源', en: 'Source' },
      { key: 'count', zh: '回收件数', en: 'Count' },
    ],
  },
  {
    key: 'reman',
    zh: '再制造情况',
    en: 'Units remanufactured',
    totalZh: '再制造总件数',
    totalEn: 'Total units remanufactured',
    columns: [
      { key: 'name', zh: '产品名称', en: 'Product' },
      { key: 'model', zh: '型号', en: 'Model' },
      { key: 'field', zh: '涉及领域', en: 'Field' },
      { key: 'count', zh: '再制造件数', en: 'Count' },
    ],
  },
  {
    key: 'sales',
    zh: '销售或租赁情况',
    en: 'Units sold or leased',
    totalZh: '销售总件数',
    totalEn: 'Total units sold or leased',
    columns: [
      { key: 'name', zh: '产品名称', en: 'Product' },
      { key: 'model', zh: '型号', en: 'Model' },
      { key: 'buyer', zh: '购买方', en: 'Buyer' },
      { key: 'count', zh: '销售件数', en: 'Count' },
    ],
  },
];

/**
 * Figures for 三(三)/三(四) (optional; issue 15 item 15). 附2 has no figures table, but its outline asks for
 * 再制造能力…以及相关投入 and its tables "可根据实际情况调整": the report may carry these so that the platform can
 * re-check 三(三) (college-educated ≥ 30 %, R&D staff ≥ 10 %) and 三(四) (R&D ≥ 3 % of the previous year's 营业收入)
 * after the 公告 (domain/supervision/conditions-watch.ts). Money in 万元.
 */
export interface ReportFigures {
  employees?: number | null;
  collegeEducated?: number | null;
  rdStaff?: number | null;
  /** 研发投入 万元 in the report year */
  rdSpending?: number | null;
  /** 营业收入 万元 of the year before the report year (三(四) 上一年度营业收入) */
  previousYearRevenue?: number | null;
}
export const FIGURE_FIELDS: readonly { key: keyof ReportFigures; zh: string; en: string; unit?: string }[] = [
  { key: 'employees', zh: '从业人员数', en: 'Employees' },
  { key: 'collegeEducated', zh: '大专及以上学历人员数', en: 'College-educated staff' },
  { key: 'rdStaff', zh: '研发人员数', en: 'R&D staff' },
  { key: 'rdSpending', zh: '本年度研发投入（万元）', en: 'R&D spending this year (10k CNY)', unit: '万元' },
  { key: 'previousYearRevenue', zh: '上一年度营业收入（万元）', en: 'Revenue of the previous year (10k CNY)', unit: '万元' },
];

/**
 * 附2 提纲 二、生产经营情况 in figures (issue 15 item 14): the year's 再制造产值 in 万元 — the unit of 申请书 表1-2
 * row 9 (近三年再制造产值), so that the application's and the reports' values read alike. Required for submission
 * (the industry's public value statistics are summed from it, statistics/portal).
 */
export interface ReportOperations {
  /** 本年度再制造产值（万元） */
  outputValue?: number | null;
}
export const OPERATIONS_FIELDS: readonly { key: keyof ReportOperations; zh: string; en: string; unit: string; required: boolean }[] = [
  { key: 'outputValue', zh: '本年度再制造产值（万元）', en: 'Remanufacturing output value this year (10k CNY)', unit: '万元', required: true },
];

/**
 * The part of the report that is per announced site (附2 表2-3 经营情况, and the site's own facts): one report per
 * enterprise and year (七(二)1 "公告企业…报送《年度报告》"), its 表2-3 repeated for each site the enterprise has on
 * the 公告 list (七(一)3: 厂区/生产车间 are announced one by one). The cover, outline, 表2-1 and figures are the
 * enterprise's.
 */
export interface SitePart {
  siteId: string;
  /** the site's name when the report was started (display; the register is the source) */
  siteName?: string;
  table23?: Table23;
  /** 本厂区（车间）情况说明: what is specific to this site (capacity, equipment, changes) — optional */
  facts?: string;
  /**
   * 本厂区再制造产值（万元）: this site's share of 二's 本年度再制造产值, optional. Stated, the value counts in the site's
   * province and field in the statistics (statistics.ts); the parts' values may not exceed the report's.
   */
  outputValue?: number | null;
}

export interface AnnualReportForm {
  cover?: ReportCover;
  outline?: ReportOutline;
  /** 二、生产经营情况: its figures (再制造产值) */
  operations?: ReportOperations;
  table21?: Table21;
  /** 表2-3 and facts per announced site (issue 15 item 14) */
  sites?: SitePart[];
  /** 三(三)/三(四) figures (optional, see ReportFigures) */
  figures?: ReportFigures;
}

/** The 表2-3 totals of the whole report: the sum of its sites' totals (null when no site entered that total). */
export function reportTotals(form: AnnualReportForm): Record<Table23Key, number | null> {
  const out: Record<Table23Key, number | null> = { recovery: null, reman: null, sales: null };
  for (const part of form.sites ?? []) {
    const t = table23Totals(part.table23);
    for (const k of Object.keys(out) as Table23Key[]) if (t[k] !== null) out[k] = (out[k] ?? 0) + t[k]!;
  }
  return out;
}

/** Per-section totals as entered (null when not entered). */
export function table23Totals(t: Table23 | undefined): Record<Table23Key, number | null> {
  return {
    recovery: t?.recovery?.total ?? null,
    reman: t?.reman?.total ?? null,
    sales: t?.sales?.total ?? null,
  };
}
