/**
 * What a submission of the 申请书 (规范条件 附1) still lacks — the ONE definition of "missing" (issue 16
 * item 3): the server's list (`missingCount`), the submission check, the detail's 缺项清单 and the web's live
 * 条件核对 all call `missingItems()`. It depends only on what is filled, never on how the form is laid out:
 * rows 8–11 always count as three years × four figures, whether the draft holds no year rows or the editor's
 * three empty ones, so the list and the 条件核对 of the same draft give the same number. Drafts may leave anything empty; an application
 * can be submitted (规范条件 七(一)2: 按要求提供相关材料) only when `missingItems()` is empty.
 * Each item has a path into the form ('table12.leaseYears') or 'attachments.<slot>', and labels.
 */
import { ATTACHMENT_SLOTS, EQUIPMENT_CATEGORIES, OUTLINE_SECTIONS, type ApplicationForm, type AttachmentSlot } from './form.js';
import { MANAGEMENT_CERTIFICATES, EMISSION_ANSWERS, REQUIRED_EQUIPMENT_CATEGORIES } from './conditions.js';

export interface MissingItem {
  path: string;
  zh: string;
  en: string;
}

const filled = (v: string | null | undefined): boolean => typeof v === 'string' && v.trim().length > 0;
const present = (v: unknown): boolean => v !== null && v !== undefined && !(typeof v === 'number' && !Number.isFinite(v));

/** 表1-1 fields a submission needs, in form order; 传真 (fax) and 企业网址 (website) are optional. */
const TABLE11_REQUIRED = [
  ['postalCode', '表1-1 邮编', 'Postal code'],
  ['legalRepresentativeMobile', '表1-1 法定代表人手机', "Legal representative's mobile"],
  ['contactName', '表1-1 联系人', 'Contact person'],
  ['contactMobile', '表1-1 联系人手机', "Contact person's mobile"],
  ['email', '表1-1 企业邮箱', 'Enterprise email'],
  ['employees', '表1-1 员工人数', 'Employees'],
  ['technicalStaff', '表1-1 技术人员数', 'Technical staff'],
  ['enterpriseType', '表1-1 企业类型', 'Enterprise type'],
  ['listingStatus', '表1-1 上市情况', 'Listing status'],
  ['registeredDate', '表1-1 注册时间', 'Registration date'],
  ['registeredCapital', '表1-1 注册资产（万元）', 'Registered capital (10k yuan)'],
  ['totalAssets', '表1-1 总资产（万元）', 'Total assets (10k yuan)'],
  ['debtRatio', '表1-1 资产负债率', 'Debt-to-asset ratio'],
  ['fixedAssets', '表1-1 固定资产（万元）', 'Fixed assets (10k yuan)'],
  ['productionEquipmentCount', '表1-1 生产设备台（套）数', 'Production equipment units'],
  ['selfDescription', '表1-1 企业自述', 'Self-description'],
  ['filler', '表1-1 填表人', 'Form filled in by'],
  ['fillerPhone', '表1-1 填表人联系电话', "Filler's phone"],
] as const satisfies readonly (readonly [keyof NonNullable<ApplicationForm['table11']>, string, string])[];

/** 表1-2 scalar fields a submission needs (rows in the labels). */
const TABLE12_REQUIRED = [
  ['investmentApprovalNo', '表1-2 第1行 工业投资主管部门核准（或备案）文件及文号', 'Row 1: investment approval number'],
  ['landApprovalNo', '表1-2 第2行 土地规划主管部门批准文件及文号', 'Row 2: land-use approval number'],
  ['environmentApprovalNo', '表1-2 第3行 生态环境主管部门批准文件及文号', 'Row 3: environmental approval number'],
  ['businessLicenseNo', '表1-2 第4行 营业执照', 'Row 4: business licence'],
  ['landTenure', '表1-2 第5行 土地自有或租赁', 'Row 5: land owned or leased'],
] as const;

const TABLE12_AREAS = [
  ['siteArea', '表1-2 第6行 厂区面积（平方米）', 'Row 6: site area (m²)'],
  ['buildingArea', '表1-2 第7行 建筑面积（平方米）', 'Row 7: building area (m²)'],
] as const;

const YEAR_FIGURES = [
  ['revenue', '主营业务收入', 'main-business revenue', 8],
  ['remanOutput', '再制造产值', 'remanufacturing output value', 9],
  ['remanSales', '再制造产品销售额', 'remanufactured product sales', 10],
  ['remanUnits', '再制造产品生产量', 'remanufactured units produced', 11],
] as const;

const TABLE12_RD = [
  ['collegeEducated', '表1-2 第25行 大专及以上学历人员数', 'Row 25: college-educated staff'],
  ['rdStaff', '表1-2 第26行 研发团队人员数', 'Row 26: R&D staff'],
  ['rdSpending', '表1-2 第27行 研发投入（万元）', 'Row 27: R&D spending (10k yuan)'],
  ['rdSpendingYear', '表1-2 第27行 研发投入所属年度', 'Row 27: year of the R&D spending'],
  ['lastYearRevenue', '表1-2 第27行 上一年度营业收入（万元）', "Row 27: previous year's operating revenue (10k yuan)"],
] as const;

/** Rows 8–11 ask for three years; each year counts as four figures (the year itself is not an item). */
export const YEARS_REQUIRED = 3;

const DECLARATIONS = [
  ['policyCompliant', '声明：符合国家产业政策和所在地区相关规划（规范条件 二(一)）', 'Declaration: complies with industrial policy and local plans (二(一))'],
  ['notInProtectedArea', '声明：不位于需要特别保护的区域（二(二)）', 'Declaration: not in a specially protected area (二(二))'],
  ['noMajorAccidents3y', '声明：近三年未发生较大及以上安全、环保等事故（二(四)）', 'Declaration: no major accident in the last three years (二(四))'],
  ['remanProductsMarked', '声明：在再制造产品显著位置标识（四(四)）', 'Declaration: products marked as remanufactured (四(四))'],
  ['noSecondaryPollution', '声明：再制造产品不产生二次污染（五(三)）', 'Declaration: no secondary pollution (五(三))'],
] as const satisfies readonly (readonly [keyof NonNullable<ApplicationForm['declarations']>, string, string])[];

/** Every field and attachment a submission still lacks, in form order; empty when the application is complete. */
export function missingItems(form: ApplicationForm, attachments: Partial<Record<AttachmentSlot, number>>): MissingItem[] {
  const out: MissingItem[] = [];
  const need = (ok: boolean, path: string, zh: string, en: string) => {
    if (!ok) out.push({ path, zh, en });
  };

  // 再制造产品类型 (表1-1 header; 规范条件 一(一) fields)
  need((form.fields?.length ?? 0) >= 1, 'fields', '再制造产品类型（至少选择一项）', 'Remanufacturing field (at least one)');
  // 一(一) "等": 其他 needs its description
  if (form.fields?.includes('other')) need(filled(form.fieldsOther), 'fieldsOther', '再制造产品类型：其他（请说明）', 'Remanufacturing field: other (describe)');

  // 企业声明: accepted, signed by the legal representative, dated
  const decl = form.declaration ?? {};
  need(decl.accepted === true, 'declaration.accepted', '企业声明：确认', 'Enterprise declaration: accepted');
  need(filled(decl.legalRepresentative), 'declaration.legalRepresentative', '企业声明：法定代表人', 'Enterprise declaration: legal representative');
  need(filled(decl.date), 'declaration.date', '企业声明：日期', 'Enterprise declaration: date');

  // 申请书大纲 一–五 (六 其他 is optional: "（如有）")
  for (const s of OUTLINE_SECTIONS) {
    if (s.key === 's6_other') continue;
    need(filled(form.outline?.[s.key]), `outline.${s.key}`, `申请书大纲 ${s.chapter}、${s.zh}`, `Outline ${s.chapter}: ${s.en}`);
  }

  // 表1-1
  const t11 = form.table11 ?? {};
  for (const [key, zh, en] of TABLE11_REQUIRED) {
    const v = t11[key];
    need(typeof v === 'string' ? filled(v) : present(v), `table11.${key}`, zh, en);
  }

  // 表1-2
  const t12 = form.table12 ?? {};
  for (const [key, zh, en] of TABLE12_REQUIRED) {
    const v = t12[key];
    need(typeof v === 'string' ? filled(v) : present(v), `table12.${key}`, zh, en);
  }
  if (t12.landTenure === 'leased') need(present(t12.leaseYears), 'table12.leaseYears', '表1-2 第5行 租赁年限', 'Row 5: lease term (years)');
  for (const [key, zh, en] of TABLE12_AREAS) need(present(t12[key]), `table12.${key}`, zh, en);

  // rows 8–11: three years × four figures, counted the same whether the year rows exist yet or not
  const years = t12.years ?? [];
  for (let i = 0; i < YEARS_REQUIRED; i++) {
    const y = years[i];
    const which = y?.year != null ? `${y.year} 年` : `第${i + 1}个年度`;
    const whichEn = y?.year != null ? String(y.year) : `year ${i + 1}`;
    for (const [key, zh, en, row] of YEAR_FIGURES) {
      need(present(y?.[key]), `table12.years[${i}].${key}`, `表1-2 第${row}行 ${which}${zh}`, `Row ${row}: ${en}, ${whichEn}`);
    }
  }
  const yearNumbers = years.map((y) => y.year);
  if (new Set(yearNumbers).size !== yearNumbers.length) {
    need(false, 'table12.years', '表1-2 第8–11行 近三年经营情况（年度不得重复）', 'Rows 8–11: the three years must differ');
  }

  // rows 12–13: at least one BOM line for the remanufacturing rates
  need((t12.bom?.length ?? 0) >= 1, 'table12.bom', '表1-2 第12–13行 再制造率计算用物料清单（至少一行）', 'Rows 12–13: bill of materials for the remanufacturing rates (at least one line)');
  // the enterprise's own figures for rows 12–13 come with their calculation basis
  if (present(t12.declaredMassRate) || present(t12.declaredValueRate)) {
    need(filled(t12.rateBasis), 'table12.rateBasis', '表1-2 第12–13行 企业自填再制造率的计算说明', 'Rows 12–13: how the stated rates were computed');
    const n = attachments.r12_13_rates;
    need(typeof n === 'number' && n >= 1, 'attachments.r12_13_rates', '附件：再制造率计算依据（表1-2 第12、13行）', 'Attachment: basis of the stated remanufacturing rates (rows 12, 13)');
  }
  // row 14
  need((t12.auditedYears?.length ?? 0) >= 1, 'table12.auditedYears', '表1-2 第14行 经审计的年度', 'Row 14: audited years');
  // rows 15–21: the equipment 规范条件 三(一) requires
  for (const key of REQUIRED_EQUIPMENT_CATEGORIES) {
    const c = EQUIPMENT_CATEGORIES.find((e) => e.key === key)!;
    need((t12.equipment?.[key]?.length ?? 0) >= 1, `table12.equipment.${key}`, `表1-2 第${c.row}行 ${c.zh}`, `Row ${c.row}: ${c.en} equipment`);
  }
  // rows 25–27
  for (const [key, zh, en] of TABLE12_RD) need(present(t12[key]), `table12.${key}`, zh, en);
  // row 29
  need((t12.patents?.length ?? 0) >= 1, 'table12.patents', '表1-2 第29行 专利', 'Row 29: patents');
  need(t12.noInfringementDeclared === true, 'table12.noInfringementDeclared', '表1-2 第29行 近三年无侵权行为的自我声明', 'Row 29: no-infringement declaration');
  // rows 31–33
  for (const [i, c] of MANAGEMENT_CERTIFICATES.entries()) {
    const cert = t12[c.field];
    need(filled(cert?.number), `table12.${c.field}.number`, `表1-2 第${31 + i}行 ${c.zh}编号`, `Row ${31 + i}: ${c.en} number`);
    need(filled(cert?.validUntil), `table12.${c.field}.validUntil`, `表1-2 第${31 + i}行 ${c.zh}有效期`, `Row ${31 + i}: ${c.en} valid until`);
  }
  // rows 38–40
  for (const a of EMISSION_ANSWERS) need(present(t12[a.field]), `table12.${a.field}`, `表1-2 第${a.row}行 ${a.zh}（是/否）`, `Row ${a.row}: ${a.en} (yes/no)`);
  // row 46
  need(present(t12.certifiedPostHolders), 'table12.certifiedPostHolders', '表1-2 第46行 持证上岗人数', 'Row 46: certificate holders');
  need(present(t12.certifiedPostStaff), 'table12.certifiedPostStaff', '表1-2 第46行 需持证上岗岗位人数', 'Row 46: staff in posts requiring certification');

  // 六(一) 质量保证: at least one product model, each with both warranties
  const warranties = t12.warranties ?? [];
  need(warranties.length >= 1, 'table12.warranties', '六(一) 产品质保期（至少一个产品型号，与原型新品对比）', "VI(1) warranty (at least one product model, beside the original's)");
  warranties.forEach((w, i) => {
    const m = filled(w.model) ? w.model! : `第${i + 1}行`;
    need(filled(w.model), `table12.warranties[${i}].model`, `六(一) 质保期第${i + 1}行 产品型号`, `VI(1) warranty line ${i + 1}: model`);
    need(present(w.newProductWarrantyMonths), `table12.warranties[${i}].newProductWarrantyMonths`, `六(一) ${m} 原型新品质保期（月）`, `VI(1) ${m}: original new product's warranty (months)`);
    need(present(w.remanWarrantyMonths), `table12.warranties[${i}].remanWarrantyMonths`, `六(一) ${m} 再制造产品质保期（月）`, `VI(1) ${m}: remanufactured product's warranty (months)`);
  });

  // 六(二) 委托加工: answered; when used, each contracted processor named
  const cp = form.contractProcessing ?? {};
  need(typeof cp.used === 'boolean', 'contractProcessing.used', '六(二) 是否委托加工', 'VI(2) contract processing used?');
  if (cp.used === true) {
    const ps = cp.processors ?? [];
    need(ps.length >= 1, 'contractProcessing.processors', '六(二) 受委托企业（至少一家）', 'VI(2) contracted processor (at least one)');
    ps.forEach((x, i) => need(filled(x.name), `contractProcessing.processors[${i}].name`, `六(二) 受委托企业第${i + 1}家 名称`, `VI(2) contracted processor ${i + 1}: name`));
  }

  // declarations for 二(一), 二(二), 二(四), 四(四), 五(三)
  for (const [key, zh, en] of DECLARATIONS) need(form.declarations?.[key] === true, `declarations.${key}`, zh, en);

  // attachments: every required slot with at least one file
  for (const s of ATTACHMENT_SLOTS) {
    if (!s.required) continue;
    const n = attachments[s.key];
    need(typeof n === 'number' && n >= 1, `attachments.${s.key}`, `附件：${s.zh}（表1-2 第${s.rows.join('、')}行）`, `Attachment: ${s.en} (row ${s.rows.join(', ')})`);
  }
  return out;
}
