/**
 * 《机电产品再制造行业规范公告申请书》(规范条件 附1) as data: the 企业声明, the outline 一–六, 表1-1 and all
 * 46 rows of 表1-2. Drafts may leave anything empty (`ApplicationFormDraft`); `missingItems()` lists what a
 * submission still lacks. Percentages the form asks for (rows 25, 26, 27, 46) are computed from counts, never
 * typed (see derived.ts). Money is in 万元 where the form says so.
 */
import { z } from 'zod';
import { ENTERPRISE_TYPE_VALUES, LISTING_STATUS_VALUES, REMAN_FIELD_VALUES, REMAN_FIELDS, type Labelled } from '../enterprise.js';

const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => text(max).nullable().optional();
const nonNeg = z.number().finite().min(0);
const optNum = nonNeg.nullable().optional();
const optInt = z.number().int().min(0).nullable().optional();
const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), { message: 'Must be a date YYYY-MM-DD', params: { zh: '日期格式须为 YYYY-MM-DD' } });
const optDate = isoDate.nullable().optional();

/** 企业声明: accepted with the legal representative's name and the date. */
export const DeclarationSchema = z.object({
  accepted: z.boolean().optional(),
  legalRepresentative: optText(50),
  date: optDate,
});

/** 申请书大纲 一–六, each sub-item free text. */
export const OUTLINE_SECTIONS = [
  { key: 's1_basic', chapter: '一', zh: '1.企业基本信息', en: 'Basic information' },
  { key: 's1_operations', chapter: '一', zh: '2.生产经营情况', en: 'Production and operations' },
  { key: 's1_site', chapter: '一', zh: '3.厂区选址和建设情况', en: 'Site location and construction' },
  { key: 's1_finance', chapter: '一', zh: '4.资信和财务状况', en: 'Credit and financial position' },
  { key: 's2_overview', chapter: '二', zh: '1.再制造基本情况', en: 'Remanufacturing overview' },
  { key: 's2_equipment', chapter: '二', zh: '2.再制造设备', en: 'Remanufacturing equipment' },
  { key: 's2_quality', chapter: '二', zh: '3.质量控制情况', en: 'Quality control' },
  { key: 's2_innovation', chapter: '二', zh: '4.工艺技术创新', en: 'Process and technology innovation' },
  { key: 's3_system', chapter: '三', zh: '1.生产管理体系建设情况', en: 'Management systems' },
  { key: 's3_cores', chapter: '三', zh: '2.旧件管理情况', en: 'Core (used part) management' },
  { key: 's3_ledger', chapter: '三', zh: '3.生产管理台账', en: 'Production ledger' },
  { key: 's3_marking', chapter: '三', zh: '4.再制造产品标识情况', en: 'Product marking' },
  { key: 's3_safety', chapter: '三', zh: '5.安全生产情况', en: 'Work safety' },
  { key: 's4_pollution', chapter: '四', zh: '1.污染物产生及排放情况', en: 'Pollutants and emissions' },
  { key: 's4_envmgmt', chapter: '四', zh: '2.环境管理制度', en: 'Environmental management' },
  { key: 's4_labour', chapter: '四', zh: '3.用工制度情况', en: 'Employment practices' },
  { key: 's5_aftersales', chapter: '五', zh: '1.售后服务情况', en: 'After-sales service' },
  { key: 's5_training', chapter: '五', zh: '2.培训和考核制度', en: 'Training and assessment' },
  { key: 's5_certified', chapter: '五', zh: '3.关于特殊岗位持证上岗的情况说明', en: 'Certified special posts' },
  { key: 's6_other', chapter: '六', zh: '其他需要说明的情况（如有）', en: 'Other (optional)' },
] as const;
export type OutlineKey = (typeof OUTLINE_SECTIONS)[number]['key'];
export const OutlineSchema = z.object(
  Object.fromEntries(OUTLINE_SECTIONS.map((s) => [s.key, optText(20_000)])) as Record<OutlineKey, ReturnType<typeof optText>>,
);

/** 表1-1 机电产品再制造企业基本情况表 (name, address, legal representative come from the enterprise record). */
export const SELF_DESCRIPTION_MAX = 1000; // 表1-1: 企业自述 (1000 字以内)
export const Table11Schema = z.object({
  website: optText(200),
  postalCode: optText(6),
  legalRepresentativeMobile: optText(30),
  contactName: optText(50),
  contactMobile: optText(30),
  fax: optText(30),
  email: optText(100),
  employees: optInt,
  technicalStaff: optInt,
  enterpriseType: z.enum(ENTERPRISE_TYPE_VALUES).nullable().optional(),
  listingStatus: z.enum(LISTING_STATUS_VALUES).nullable().optional(),
  registeredDate: optDate,
  registeredCapital: optNum, // 万元
  totalAssets: optNum, // 万元
  debtRatio: z.number().min(0).max(1000).nullable().optional(), // 资产负债率 %
  fixedAssets: optNum, // 万元
  productionEquipmentCount: optInt, // 生产设备台(套)数
  /**
   * 表1-1 header "再制造产品类型：____" — free text as the form prints it (规范条件 一(一) lists fields with
   * "等", so the list is open). The nine-field checkboxes (`fields`) stay as help and as the statistics'
   * categories; when this is empty the document prints the ticked fields.
   */
  productTypes: optText(500),
  selfDescription: z
    .string()
    .refine((v) => [...v].length <= SELF_DESCRIPTION_MAX, { message: `At most ${SELF_DESCRIPTION_MAX} characters`, params: { zh: `企业自述限 ${SELF_DESCRIPTION_MAX} 字以内` } })
    .nullable()
    .optional(),
  filler: optText(50), // 填表人
  fillerPhone: optText(30),
});

export const YearFigures = z.object({
  year: z.number().int().min(1990).max(2100),
  revenue: optNum, // 8 主营业务收入 万元
  remanOutput: optNum, // 9 再制造产值 万元
  remanSales: optNum, // 10 再制造产品销售额 万元
  remanUnits: optInt, // 11 再制造产品生产量 件
});

/** GB/T 28620 bill-of-materials line for rows 12–13 (see reman-rate.ts). */
export const BomLineSchema = z.object({
  part: text(100),
  disposition: z.enum(['reused', 'remanufactured', 'new', 'consumable']),
  massKg: nonNeg,
  /** value of the equivalent new part, 元 */
  newValue: nonNeg,
  quantity: z.number().int().min(1).default(1),
});

export const EquipmentLine = z.object({ model: text(100), count: z.number().int().min(1).max(100_000), purpose: optText(200) });
/** 表1-2 rows 15–23: equipment by category. */
export const EQUIPMENT_CATEGORIES = [
  { key: 'disassembly', row: 15, zh: '旧件拆解设备', en: 'Disassembly' },
  { key: 'cleaning', row: 16, zh: '旧件清洗设备', en: 'Cleaning' },
  { key: 'ndt', row: 17, zh: '旧件无损探伤设备', en: 'Non-destructive testing' },
  { key: 'inspection', row: 18, zh: '旧件分类检测设备（测量、力学性能测试、应力集中与裂纹检测等）', en: 'Inspection and assessment' },
  { key: 'machining', row: 19, zh: '加工设备（表面修复、外型加工等）', en: 'Machining and surface repair' },
  { key: 'assembly', row: 20, zh: '装配设备', en: 'Assembly' },
  { key: 'performanceTest', row: 21, zh: '整机性能测试设备', en: 'Performance testing' },
  { key: 'packaging', row: 22, zh: '包装设备', en: 'Packaging' },
  { key: 'other', row: 23, zh: '其他再制造过程中使用的设备', en: 'Other' },
] as const;
export type EquipmentCategory = (typeof EQUIPMENT_CATEGORIES)[number]['key'];

/** 六(一): one product model's warranty beside the original new product's. */
export const WarrantyLineSchema = z.object({
  model: optText(100), // 产品型号
  newProductWarrantyMonths: z.number().int().min(0).max(1200).nullable().optional(), // 原型新品质保期（月）
  remanWarrantyMonths: z.number().int().min(0).max(1200).nullable().optional(), // 再制造产品质保期（月）
  /** Optional alternative bound: the original's warranty in operating hours or km, if stated that way. */
  note: optText(200),
});

/** 六(二) 委托加工: the contracted processor (受委托企业) the product documents must name. */
export const ContractProcessorSchema = z.object({
  name: optText(200), // 受委托企业名称
  creditCode: optText(18), // 统一社会信用代码
  address: optText(200),
  scope: optText(500), // 委托加工内容
});
export const ContractProcessingSchema = z.object({
  /** 是否委托加工: true/false; absent = not answered yet. */
  used: z.boolean().nullable().optional(),
  processors: z.array(ContractProcessorSchema).max(50).optional(),
});

export const CertificateSchema = z.object({ number: optText(100), issuer: optText(200), validUntil: optDate });
const Compliance = z.enum(['yes', 'no']).nullable().optional();

export const Table12Schema = z.object({
  // 1–4 批复情况
  investmentApprovalNo: optText(200), // 1 工业投资主管部门核准(或备案)文件及文号
  landApprovalNo: optText(200), // 2 土地规划主管部门批准文件及文号
  environmentApprovalNo: optText(200), // 3 生态环境主管部门批准文件及文号
  businessLicenseNo: optText(200), // 4 营业执照
  // 5–7 建设情况
  landTenure: z.enum(['owned', 'leased']).nullable().optional(), // 5 自有/租赁
  leaseYears: z.number().min(0).max(100).nullable().optional(), // 5 租赁年限
  siteArea: optNum, // 6 厂区面积 m²
  buildingArea: optNum, // 7 建筑面积 m²
  // 8–11 经营情况, three most recent years
  years: z.array(YearFigures).max(3).optional(),
  // 12–13 相关指标: computed from BOM lines; the enterprise may also state its own figures (with the
  // calculation basis attached, slot r12_13_rates); a large difference is flagged (reman-rate-compare.ts)
  bom: z.array(BomLineSchema).max(500).optional(),
  declaredMassRate: z.number().min(0).max(100).nullable().optional(), // 12 质量再制造率 %, the enterprise's own figure
  declaredValueRate: z.number().min(0).max(100).nullable().optional(), // 13 价值再制造率 %, the enterprise's own figure
  rateBasis: optText(2000), // how the enterprise computed rows 12–13
  // 14 财务状况: years covered by third-party audit reports; years in operation for young companies
  auditedYears: z.array(z.number().int().min(1990).max(2100)).max(10).optional(),
  yearsInOperation: z.number().int().min(0).max(200).nullable().optional(),
  // 15–23 技术工艺装备
  equipment: z.object(Object.fromEntries(EQUIPMENT_CATEGORIES.map((c) => [c.key, z.array(EquipmentLine).max(200).optional()])) as Record<EquipmentCategory, z.ZodOptional<z.ZodArray<typeof EquipmentLine>>>).optional(),
  // 25–27 研发创新 (ratios derived from these counts)
  collegeEducated: optInt, // 大专及以上学历人员
  rdStaff: optInt, // 研发团队人员
  rdSpending: optNum, // 研发投入 万元
  /** The year the R&D spending (row 27) is for; 三(四) compares it with the 营业收入 of the year before. */
  rdSpendingYear: z.number().int().min(1990).max(2100).nullable().optional(),
  /**
   * 上一年度营业收入 万元 — the denominator of 三(四) ("上一年度营业收入的 3%"); 表1-2 row 27 calls it
   * 上一年度总销售额. Reconciled with row 8's 主营业务收入 of that year (conditions.ts).
   */
  lastYearRevenue: optNum,
  // 28 研发机构
  rdInstitutions: z
    .object({ lab: z.boolean().optional(), engineeringCenter: z.boolean().optional(), innovationCenter: z.boolean().optional(), other: z.boolean().optional(), otherText: optText(200) })
    .optional(),
  // 29 专利 + 自我声明
  patents: z.array(z.object({ number: text(50), title: text(200), remanRelated: z.boolean().default(true) })).max(200).optional(),
  noInfringementDeclared: z.boolean().optional(),
  // 30 标准
  standards: z.array(z.object({ code: text(50), title: text(200) })).max(200).optional(),
  // 31–33 管理体系证书
  qualityCert: CertificateSchema.optional(),
  ohsCert: CertificateSchema.optional(),
  environmentCert: CertificateSchema.optional(),
  // 38–40 排放是否符合标准
  wastewaterCompliant: Compliance,
  airCompliant: Compliance,
  noiseCompliant: Compliance,
  // 46 持证上岗
  certifiedPosts: optText(500),
  certifiedPostHolders: optInt, // 持证人数
  certifiedPostStaff: optInt, // 需持证岗位人数
  // 六(一) 不低于原型新品的质量保证: per product model, the original new product's warranty and the
  // remanufactured product's (months; fields nullable so that a half-typed row still saves)
  warranties: z.array(WarrantyLineSchema).max(200).optional(),
});

/** Declarations for conditions that documents cannot show directly (二(一), 二(二), 二(四)). */
export const DeclarationsSchema = z.object({
  policyCompliant: z.boolean().optional(), // 二(一)
  notInProtectedArea: z.boolean().optional(), // 二(二)
  noMajorAccidents3y: z.boolean().optional(), // 二(四) 近三年未发生较大及以上事故
  /** 二(四) 良好的资信: no serious dishonesty record (严重失信主体名单) — or a credit report attached (r02_4_credit). */
  noSeriousDishonesty: z.boolean().optional(),
  remanProductsMarked: z.boolean().optional(), // 四(四)
  noSecondaryPollution: z.boolean().optional(), // 五(三)
});

/** 规范条件 一(一) "…文化办公设备等": the nine named fields plus 其他 (described in `fieldsOther`). */
export const APPLICATION_FIELD_VALUES = [...REMAN_FIELD_VALUES, 'other'] as const;
export type ApplicationField = (typeof APPLICATION_FIELD_VALUES)[number];
export const APPLICATION_FIELDS: readonly Labelled<ApplicationField>[] = [...REMAN_FIELDS, { value: 'other', zh: '其他', en: 'Other' }];

export const ApplicationFormSchema = z.object({
  fields: z.array(z.enum(APPLICATION_FIELD_VALUES)).max(APPLICATION_FIELD_VALUES.length).optional(),
  /** 一(一) 其他: what the product type is when `fields` includes 'other'. */
  fieldsOther: optText(200),
  declaration: DeclarationSchema.optional(),
  outline: OutlineSchema.optional(),
  table11: Table11Schema.optional(),
  table12: Table12Schema.optional(),
  declarations: DeclarationsSchema.optional(),
  /** 六(二) 委托加工 */
  contractProcessing: ContractProcessingSchema.optional(),
});
export type ApplicationForm = z.infer<typeof ApplicationFormSchema>;
export type BomLine = z.infer<typeof BomLineSchema>;

/**
 * Attachment slots: 表1-2 rows whose 备注 says 请提供复印件/证明材料 (and the rows grouped with them).
 * `required: true` when the form demands the document.
 */
export const ATTACHMENT_SLOTS = [
  { key: 'r01_investment', rows: [1], zh: '工业投资主管部门核准(或备案)文件', en: 'Investment approval', required: true },
  { key: 'r02_land', rows: [2], zh: '土地规划主管部门批准文件', en: 'Land-use approval', required: true },
  { key: 'r03_environment', rows: [3], zh: '生态环境主管部门批准文件', en: 'Environmental approval', required: true },
  { key: 'r04_license', rows: [4], zh: '营业执照', en: 'Business licence', required: true },
  { key: 'r05_land_title', rows: [5], zh: '土地权属证明、不动产登记证或租赁合同', en: 'Land title or lease contract', required: true },
  { key: 'r12_13_rates', rows: [12, 13], zh: '再制造率计算依据（企业自填数值时）', en: 'Basis of the stated remanufacturing rates', required: false },
  { key: 'r14_audits', rows: [14], zh: '近三年财务报表审计报告', en: 'Audited financial reports', required: true },
  { key: 'r24_quality_records', rows: [24], zh: '产品出厂检测报告或检测记录', en: 'Outgoing inspection records', required: true },
  { key: 'r29_patents', rows: [29], zh: '专利证书或专利授权证明、无侵权自我声明', en: 'Patents and no-infringement declaration', required: true },
  { key: 'r30_standards', rows: [30], zh: '参与制定的再制造相关标准证明材料', en: 'Standards participation', required: false },
  { key: 'r31_quality_cert', rows: [31], zh: '质量管理体系证书', en: 'Quality management certificate', required: true },
  { key: 'r32_ohs_cert', rows: [32], zh: '职业健康安全管理体系证书', en: 'OHS management certificate', required: true },
  { key: 'r33_env_cert', rows: [33], zh: '环境管理体系证书', en: 'Environmental management certificate', required: true },
  { key: 'r34_tech_docs', rows: [34], zh: '产品图样、工艺、产品生产执行的技术标准等文件', en: 'Drawings, process and product standards', required: true },
  { key: 'r35_core_rules', rows: [35], zh: '旧件管理制度文件及执行情况', en: 'Core management rules', required: true },
  { key: 'r36_safety_rules', rows: [36], zh: '安全保障规章制度及执行情况', en: 'Safety rules', required: true },
  { key: 'r37_env_rules', rows: [37], zh: '环境保护和资源节约制度及执行情况', en: 'Environmental and resource rules', required: true },
  { key: 'r38_40_emissions', rows: [38, 39, 40], zh: '环境影响评价文件中相关领域的检测报告', en: 'Emission test reports', required: true },
  { key: 'r41_emergency', rows: [41], zh: '突发环境事件或污染事件应急设施和处理预案', en: 'Environmental emergency plan', required: true },
  { key: 'r42_labour', rows: [42], zh: '用工名单及社保缴纳记录', en: 'Staff list and social insurance records', required: true },
  { key: 'r43_aftersales', rows: [43], zh: '产品售后服务制度性文件', en: 'After-sales rules', required: true },
  { key: 'r44_manuals', rows: [44], zh: '产品使用说明书、维修卡、保养卡等', en: 'Manuals, repair and maintenance cards', required: true },
  { key: 'r45_training', rows: [45], zh: '培训记录', en: 'Training records', required: true },
  { key: 'r46_certified', rows: [46], zh: '持证上岗相关证明材料', en: 'Certification evidence', required: true },
  // 规范条件 二(四) 良好的资信: not a row of 表1-2; evidence beside the declaration (optional: without either, 'review')
  { key: 'credit_report', rows: [], zh: '资信证明（信用报告或“信用中国”查询结果）', en: 'Credit evidence (credit report or Credit China record)', required: false },
] as const;
export type AttachmentSlot = (typeof ATTACHMENT_SLOTS)[number]['key'];
export const ATTACHMENT_SLOT_KEYS = ATTACHMENT_SLOTS.map((s) => s.key) as [AttachmentSlot, ...AttachmentSlot[]];
