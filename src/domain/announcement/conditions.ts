/**
 * Automated check of the conditions of 《机电产品再制造行业规范条件》(2024) chapters 二–六 that the data of
 * the 申请书 (附1) can decide. Each rule cites its clause; `textZh` is the clause text (abridged), `textEn`
 * a translation.
 *
 * Outcomes:
 *  - 'pass'   the data meet the condition (self-declarations count as data; the authority still verifies);
 *  - 'fail'   the data show the condition is not met (names what fails);
 *  - 'review' a person must decide: inputs are missing (a draft — `evidence.missing` lists the paths),
 *             the data are inconsistent, supporting evidence is not attached, or the condition is about the
 *             content of documents. Rules with `reviewByNature: true` are of that last kind: with the
 *             document attached they give 'review', without it 'fail'.
 *
 * Thresholds: "以上" / "不少于" / "不低于" include the figure itself (《民法典》第一千二百五十九条), so 30 %
 * passes 三(三) and a 10-year lease passes 二(三). Ratios are compared unrounded.
 */
import { ATTACHMENT_SLOTS, EQUIPMENT_CATEGORIES, type ApplicationForm, type AttachmentSlot, type EquipmentCategory } from './form.js';
import { assertIsoDate, isIsoDate } from '../calendar-date.js';
import { percent, ratioAtLeastPercent, roundHalfAwayFromZero } from '../numbers.js';
import { rateFlags, type DataFlag, type TraceRates } from './rate-compare.js';

export type { DataFlag, TraceRates } from './rate-compare.js';

/** Bump when a rule, threshold or outcome policy changes; stored with every check result. */
export const RULES_VERSION = 'reman-conditions-2024/rules-v2';
/*
 * rules-v2 (issue 15): 二(四) asks for credit evidence; 二(五) reads "近三年" as the three latest years an audit
 * can exist for (cut-off 05-01, doubt window to 06-30) and never passes 良好的财务状况; 三(一) requires 装配设备;
 * 三(四) reconciles 营业收入 with row 8; 六(一) compares warranties; 六(二) names contracted processors;
 * 六(四) below 100 % fails; rows 12–13 stated vs computed rates are flagged (`flags`).
 */

export type ConditionOutcome = 'pass' | 'fail' | 'review';

export interface ConditionInput {
  form: ApplicationForm;
  /**
   * 表1-2 rows 12–13 as the trace records of the enterprise's products give them (GB/T 28620 working
   * definition), when the enterprise uses traceability; compared with the stated figures (`flags`).
   */
  traceRates?: TraceRates | null;
  /** Number of files uploaded per attachment slot. */
  attachments: Partial<Record<AttachmentSlot, number>>;
  /** The date the check refers to (certificate validity, the "last three years"), 'YYYY-MM-DD'. */
  asOf: string;
}

export interface ConditionEvaluation {
  outcome: ConditionOutcome;
  evidence: Record<string, unknown>;
  messageZh: string;
  messageEn: string;
}

export interface ConditionRule {
  id: string;
  /** Clause of the 规范条件, e.g. '三(三)'. */
  clause: string;
  textZh: string;
  textEn: string;
  /** True when the condition is about the content of documents: the best automated outcome is 'review'. */
  reviewByNature: boolean;
  evaluate(input: ConditionInput): ConditionEvaluation;
}

export interface ConditionResult extends ConditionEvaluation {
  ruleId: string;
  clause: string;
}

export interface ConditionsReport {
  results: ConditionResult[];
  /** Data cross-checks for the experts (not conditions): e.g. stated vs computed 再制造率. Absent in results stored before rules-v2. */
  flags?: DataFlag[];
  summary: Record<ConditionOutcome, number>;
  rulesVersion: typeof RULES_VERSION;
  asOf: string;
}

// ---------------------------------------------------------------------------------------------------------
// helpers

const SLOT = Object.fromEntries(ATTACHMENT_SLOTS.map((s) => [s.key, s])) as Record<AttachmentSlot, (typeof ATTACHMENT_SLOTS)[number]>;
const EQUIPMENT = Object.fromEntries(EQUIPMENT_CATEGORIES.map((c) => [c.key, c])) as Record<EquipmentCategory, (typeof EQUIPMENT_CATEGORIES)[number]>;

const joinZh = (xs: readonly string[]) => xs.join('、');
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Labels of the form fields the data rules read, for messages ('missing data: …'). */
const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  'table11.employees': { zh: '员工人数（表1-1）', en: 'employees (表1-1)' },
  'table12.collegeEducated': { zh: '大专及以上学历人员数（表1-2 第25行）', en: 'college-educated staff (row 25)' },
  'table12.rdStaff': { zh: '研发团队人员数（第26行）', en: 'R&D staff (row 26)' },
  'table12.rdSpending': { zh: '研发投入（第27行）', en: 'R&D spending (row 27)' },
  'table12.lastYearRevenue': { zh: '上一年度营业收入（第27行）', en: "previous year's operating revenue (row 27)" },
  'table12.rdSpendingYear': { zh: '研发投入所属年度（第27行）', en: 'year of the R&D spending (row 27)' },
  'table12.certifiedPostHolders': { zh: '持证上岗人数（第46行）', en: 'certificate holders (row 46)' },
  'table12.certifiedPostStaff': { zh: '需持证上岗岗位人数（第46行）', en: 'staff in posts requiring certification (row 46)' },
};
const labelZh = (path: string) => FIELD_LABELS[path]?.zh ?? path;
const labelEn = (path: string) => FIELD_LABELS[path]?.en ?? path;
const joinEn = (xs: readonly string[]) => xs.join(', ');
const attachmentPath = (slot: AttachmentSlot) => `attachments.${slot}`;

function fileCount(input: ConditionInput, slot: AttachmentSlot): number {
  const n = input.attachments[slot];
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}

function missingSlots(input: ConditionInput, slots: readonly AttachmentSlot[]): AttachmentSlot[] {
  return slots.filter((s) => fileCount(input, s) === 0);
}

function slotCounts(input: ConditionInput, slots: readonly AttachmentSlot[]): Record<string, number> {
  return Object.fromEntries(slots.map((s) => [s, fileCount(input, s)]));
}

const result = (outcome: ConditionOutcome, evidence: Record<string, unknown>, messageZh: string, messageEn: string): ConditionEvaluation => ({
  outcome,
  evidence,
  messageZh,
  messageEn,
});

/** "Condition met by the data, but the supporting attachment is missing" → review. */
function needEvidence(input: ConditionInput, slots: readonly AttachmentSlot[], evidence: Record<string, unknown>, okZh: string, okEn: string): ConditionEvaluation {
  const absent = missingSlots(input, slots);
  const ev = { ...evidence, attachments: slotCounts(input, slots) };
  if (absent.length === 0) return result('pass', ev, `${okZh}。`, `${okEn}.`);
  return result(
    'review',
    { ...ev, missing: absent.map(attachmentPath) },
    `${okZh}；但未上传证明材料：${joinZh(absent.map((s) => SLOT[s].zh))}。`,
    `${okEn}; but the supporting documents are not attached: ${joinEn(absent.map((s) => SLOT[s].en))}.`,
  );
}

/** Percent for messages: two decimals, more when two decimals would hide which side of the threshold it is. */
function showPercent(num: number, den: number, threshold: number): string {
  const p2 = percent(num, den) ?? 0;
  const met = ratioAtLeastPercent(num, den, threshold);
  return String(met === p2 >= threshold ? p2.toFixed(2) : roundHalfAwayFromZero((num / den) * 100, 6));
}

type Severity = 'fail' | 'review';
interface Problem {
  severity: Severity;
  zh: string;
  en: string;
}

function combine(problems: readonly Problem[], evidence: Record<string, unknown>, okZh: string, okEn: string): ConditionEvaluation {
  const fails = problems.filter((p) => p.severity === 'fail');
  const outcome: ConditionOutcome = fails.length > 0 ? 'fail' : problems.length > 0 ? 'review' : 'pass';
  if (outcome === 'pass') return result('pass', evidence, okZh, capitalize(okEn));
  const ordered = [...fails, ...problems.filter((p) => p.severity === 'review')];
  return result(outcome, evidence, ordered.map((p) => p.zh).join('；') + '。', capitalize(ordered.map((p) => p.en).join('; ')) + '.');
}

/** A self-declaration in `form.declarations`: true → pass, false → fail, not answered → review. */
function declarationRule(spec: {
  id: string;
  clause: string;
  textZh: string;
  textEn: string;
  field: keyof NonNullable<ApplicationForm['declarations']>;
  labelZh: string;
  labelEn: string;
  /** Attachments that support the declaration; missing → review. */
  slots?: readonly AttachmentSlot[];
}): ConditionRule {
  return {
    id: spec.id,
    clause: spec.clause,
    textZh: spec.textZh,
    textEn: spec.textEn,
    reviewByNature: false,
    evaluate(input) {
      const path = `declarations.${spec.field}`;
      const v = input.form.declarations?.[spec.field];
      const evidence = { [path]: v ?? null };
      if (v === true) {
        return needEvidence(input, spec.slots ?? [], evidence, `企业已声明${spec.labelZh}`, `The enterprise declares ${spec.labelEn}`);
      }
      if (v === false) {
        return result('fail', evidence, `企业未声明${spec.labelZh}。`, `The enterprise does not declare ${spec.labelEn}.`);
      }
      return result('review', { ...evidence, missing: [path] }, `尚未填写声明：${spec.labelZh}。`, `Declaration not answered: ${spec.labelEn}.`);
    },
  };
}

/** A condition shown by documents a reviewer must read: all attached → review, any absent → fail. */
function documentRule(spec: { id: string; clause: string; textZh: string; textEn: string; slots: readonly AttachmentSlot[] }): ConditionRule {
  return {
    id: spec.id,
    clause: spec.clause,
    textZh: spec.textZh,
    textEn: spec.textEn,
    reviewByNature: true,
    evaluate(input) {
      const absent = missingSlots(input, spec.slots);
      const evidence: Record<string, unknown> = { attachments: slotCounts(input, spec.slots) };
      if (absent.length > 0) {
        return result(
          'fail',
          { ...evidence, missing: absent.map(attachmentPath) },
          `未提供：${joinZh(absent.map((s) => SLOT[s].zh))}（表1-2 第 ${absent.flatMap((s) => SLOT[s].rows).join('、')} 行）。`,
          `Not provided: ${joinEn(absent.map((s) => SLOT[s].en))} (表1-2 row ${absent.flatMap((s) => SLOT[s].rows).join(', ')}).`,
        );
      }
      return result(
        'review',
        evidence,
        `已提供${joinZh(spec.slots.map((s) => SLOT[s].zh))}，需审核人员审阅内容。`,
        `${joinEn(spec.slots.map((s) => SLOT[s].en))} provided; a reviewer must read them.`,
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// thresholds (named here so that tests and the UI can show them)

/** 二(三): 若土地为租用，合同期限不少于 10 年. */
export const MIN_LEASE_YEARS = 10;
/** 二(五): 近三年的第三方财务审计报告. */
export const AUDIT_YEARS = 3;
/**
 * 二(五) reading of "近三年": the three latest years for which an audit report can reasonably exist.
 * The audit of year X is expected from (X+1)-05-01: audited annual reports are due within four months of the
 * year end (《证券法》第七十九条 for listed companies; most audits of other companies are issued by the same
 * date ahead of the 企业所得税汇算清缴 deadline of 5-31, 《企业所得税法》第五十四条). Before that date the
 * previous year's audit may not exist yet, so the latest auditable year is the one before it.
 * From 05-01 to 06-30 (the 企业年度报告公示 deadline, 《企业信息公示暂行条例》第八条) it is doubtful whether
 * a late audit is a defect: a missing previous-year report is `review`, not `fail`, when the three years
 * before it are there. From 07-01 it is `fail`.
 */
export const AUDIT_EXPECTED_FROM = '05-01';
export const AUDIT_DOUBT_UNTIL = '06-30';
/** 三(三): 大专及以上学历人员 30% 以上, 研发人员 10% 以上. */
export const MIN_COLLEGE_PERCENT = 30;
export const MIN_RD_STAFF_PERCENT = 10;
/** 三(四): 研发费用不低于上一年度营业收入的 3%. */
export const MIN_RD_SPENDING_PERCENT = 3;
/**
 * 三(四): the stated 营业收入 and row 8's 主营业务收入 of the same year differ by more than this share of the
 * larger → flagged (营业收入 includes 其他业务收入, so a small excess is normal; 1 % is the platform's choice).
 */
export const REVENUE_RECONCILE_TOLERANCE_PERCENT = 1;

/**
 * 三(一) 拆解清洗、无损探伤、检测评估、加工集成、性能检验检测 → 表1-2 rows 15, 16, 17, 18, 19, 20, 21.
 * (拆解清洗 = disassembly + cleaning, rows 15–16; 加工集成 = machining + assembly, rows 19–20: integration is
 * putting the product together, so 装配设备 is required like the other capabilities.)
 */
export const REQUIRED_EQUIPMENT_CATEGORIES = ['disassembly', 'cleaning', 'ndt', 'inspection', 'machining', 'assembly', 'performanceTest'] as const satisfies readonly EquipmentCategory[];

/** 四(一): the three management-system certificates, 表1-2 rows 31–33. */
export const MANAGEMENT_CERTIFICATES = [
  { field: 'qualityCert', slot: 'r31_quality_cert', zh: '质量管理体系认证证书', en: 'quality management system certificate' },
  { field: 'ohsCert', slot: 'r32_ohs_cert', zh: '职业健康安全管理体系认证证书', en: 'occupational health and safety management system certificate' },
  { field: 'environmentCert', slot: 'r33_env_cert', zh: '环境管理体系认证证书', en: 'environmental management system certificate' },
] as const satisfies readonly { field: 'qualityCert' | 'ohsCert' | 'environmentCert'; slot: AttachmentSlot; zh: string; en: string }[];

/** 五(一) / 表1-2 rows 38–40. */
export const EMISSION_ANSWERS = [
  { field: 'wastewaterCompliant', row: 38, zh: '废水排放符合《污水综合排放标准》', en: 'wastewater meets the Integrated Wastewater Discharge Standard' },
  { field: 'airCompliant', row: 39, zh: '污染排放符合《大气污染物综合排放标准》', en: 'air emissions meet the Integrated Emission Standard of Air Pollutants' },
  { field: 'noiseCompliant', row: 40, zh: '噪声符合《工业企业厂界环境噪声排放标准》', en: 'noise meets the Emission Standard for Industrial Enterprises Noise at Boundary' },
] as const;

// ---------------------------------------------------------------------------------------------------------
// rules, in the order of the 规范条件

/** 二(一) 产业政策和规划 */
const policyCompliance = declarationRule({
  id: 'policy_compliance',
  clause: '二(一)',
  textZh: '企业应当符合国家产业政策和所在地区城乡建设规划、生态保护红线、生态环境保护规划、土地利用总体规划、主体功能区规划等要求，其施工建设应满足规范化设计要求。',
  textEn: 'The enterprise complies with national industrial policy and the local urban and rural construction plan, ecological red lines, environmental protection plan, overall land-use plan and functional-zone plan; its construction meets standard design requirements.',
  field: 'policyCompliant',
  labelZh: '符合国家产业政策和所在地区相关规划要求',
  labelEn: 'compliance with industrial policy and local plans',
  // 表1-2 rows 1–3: the approvals that evidence policy and planning compliance
  slots: ['r01_investment', 'r02_land', 'r03_environment'],
});

/** 二(二) 不得位于特别保护区域 */
const notInProtectedArea = declarationRule({
  id: 'not_in_protected_area',
  clause: '二(二)',
  textZh: '企业不得位于自然保护区、风景名胜区、饮用水源保护区、永久基本农田、湿地保护区和其他需要特别保护的区域内。',
  textEn: 'The enterprise is not located in a nature reserve, scenic area, drinking-water source protection zone, permanent basic farmland, wetland reserve or other specially protected area.',
  field: 'notInProtectedArea',
  labelZh: '不位于自然保护区等需要特别保护的区域内',
  labelEn: 'that it is not located in a specially protected area',
});

/** 二(三) 固定场所和土地使用手续 */
const landUse: ConditionRule = {
  id: 'land_use',
  clause: '二(三)',
  textZh: '企业应具备与其生产规模相适应的固定场所，具有合法的土地使用手续（若土地为租用，合同期限不少于 10 年）。',
  textEn: 'The enterprise has a fixed site suited to its scale with lawful land-use documents (a lease must run for at least 10 years).',
  reviewByNature: false,
  evaluate(input) {
    const t12 = input.form.table12 ?? {};
    const evidence: Record<string, unknown> = { landTenure: t12.landTenure ?? null, leaseYears: t12.leaseYears ?? null, minLeaseYears: MIN_LEASE_YEARS };
    if (t12.landTenure == null) {
      return result('review', { ...evidence, missing: ['table12.landTenure'] }, '尚未填写土地性质（自有或租赁）。', 'Land tenure (owned or leased) not given.');
    }
    if (t12.landTenure === 'leased') {
      if (t12.leaseYears == null) {
        return result('review', { ...evidence, missing: ['table12.leaseYears'] }, '土地为租赁，但未填写租赁年限。', 'Land is leased but the lease term is not given.');
      }
      if (t12.leaseYears < MIN_LEASE_YEARS) {
        return result('fail', evidence, `土地租赁合同期限 ${t12.leaseYears} 年，少于 ${MIN_LEASE_YEARS} 年。`, `The land lease runs ${t12.leaseYears} years, less than ${MIN_LEASE_YEARS}.`);
      }
      return needEvidence(input, ['r05_land_title'], evidence, `土地为租赁，合同期限 ${t12.leaseYears} 年（不少于 ${MIN_LEASE_YEARS} 年）`, `Land leased for ${t12.leaseYears} years (at least ${MIN_LEASE_YEARS})`);
    }
    return needEvidence(input, ['r05_land_title'], evidence, '土地为自有', 'Land is owned');
  },
};

/**
 * 二(四) 良好的资信和履约能力 + 近三年未发生较大及以上事故. Two parts, each examined on its own: the credit
 * part by a credit report attached (slot credit_report) or the declaration of no serious dishonesty record;
 * the accident part by the declaration. A part without evidence is `review` — the rule never passes a part
 * it did not examine.
 */
const noMajorAccidents: ConditionRule = {
  id: 'no_major_accidents',
  clause: '二(四)',
  textZh: '企业应具有良好的资信和履约能力，近三年未发生较大及以上安全、环保等事故。',
  textEn: 'The enterprise has good credit and performance capability and has had no major or worse safety or environmental accident in the last three years.',
  reviewByNature: false,
  evaluate(input) {
    const d = input.form.declarations ?? {};
    const accidents = d.noMajorAccidents3y;
    const dishonesty = d.noSeriousDishonesty;
    const reports = fileCount(input, 'credit_report');
    const credit: 'credit_report' | 'declared' | 'none' = reports > 0 ? 'credit_report' : dishonesty === true ? 'declared' : 'none';
    const evidence: Record<string, unknown> = {
      'declarations.noMajorAccidents3y': accidents ?? null,
      'declarations.noSeriousDishonesty': dishonesty ?? null,
      attachments: slotCounts(input, ['credit_report']),
      examined: { credit, accidents: accidents === true ? 'declared' : 'none' },
    };
    const problems: Problem[] = [];
    const missing: string[] = [];
    if (accidents === false) problems.push({ severity: 'fail', zh: '企业未声明近三年未发生较大及以上安全、环保等事故', en: 'the enterprise does not declare that it had no major accident in the last three years' });
    if (dishonesty === false && reports === 0) problems.push({ severity: 'fail', zh: '企业未声明无严重失信记录，且未上传资信证明', en: 'the enterprise does not declare that it has no serious dishonesty record and attaches no credit evidence' });
    if (accidents == null) {
      missing.push('declarations.noMajorAccidents3y');
      problems.push({ severity: 'review', zh: '尚未声明近三年未发生较大及以上安全、环保等事故', en: 'no-major-accident declaration not answered' });
    }
    if (credit === 'none' && dishonesty == null) {
      missing.push('declarations.noSeriousDishonesty', attachmentPath('credit_report'));
      problems.push({
        severity: 'review',
        zh: '资信和履约能力未提供证明（信用报告或无严重失信记录声明），需审核人员核实（如查询“信用中国”）',
        en: 'no evidence of credit standing (a credit report or a declaration of no serious dishonesty record); a reviewer must check (e.g. Credit China)',
      });
    }
    if (missing.length) evidence.missing = missing;
    const creditZh = credit === 'credit_report' ? '已上传资信证明' : '已声明无严重失信记录';
    const creditEn = credit === 'credit_report' ? 'Credit evidence attached' : 'No serious dishonesty record declared';
    return combine(problems, evidence, `${creditZh}；已声明近三年未发生较大及以上安全、环保等事故。`, `${creditEn}; no major accident in the last three years declared.`);
  },
};

export interface AuditReading {
  /** The latest year whose audit can reasonably exist as of asOf (see AUDIT_EXPECTED_FROM). */
  latestYear: number;
  /** The years required: the latest `n` auditable years (n = 3, or the years in operation when fewer). */
  required: number[];
  /** Before the cut-off: the set one year newer also satisfies the clause (the applicant has it already). */
  newer: number[] | null;
  /** In the window of doubt: the set one year older, which makes a missing newest year `review`, not `fail`. */
  older: number[] | null;
  phase: 'before_cutoff' | 'doubt' | 'settled';
}

/** 二(五) "近三年" as of `asOf`: the three latest years an audit can exist for (AUDIT_EXPECTED_FROM). */
export function auditReading(asOf: string, yearsInOperation: number | null | undefined): AuditReading {
  assertIsoDate(asOf, 'asOf');
  const year = Number(asOf.slice(0, 4));
  const md = asOf.slice(5);
  const phase: AuditReading['phase'] = md < AUDIT_EXPECTED_FROM ? 'before_cutoff' : md <= AUDIT_DOUBT_UNTIL ? 'doubt' : 'settled';
  const latestYear = phase === 'before_cutoff' ? year - 2 : year - 1;
  const n = yearsInOperation == null ? AUDIT_YEARS : Math.max(0, Math.min(AUDIT_YEARS, Math.floor(yearsInOperation)));
  const span = (last: number) => Array.from({ length: n }, (_, i) => last - n + 1 + i);
  return {
    latestYear,
    required: span(latestYear),
    newer: phase === 'before_cutoff' && n > 0 ? span(latestYear + 1) : null,
    older: phase === 'doubt' && n > 0 ? span(latestYear - 1) : null,
    phase,
  };
}

/** The years whose audit reports 二(五) requires as of `asOf` (auditReading().required). */
export function requiredAuditYears(asOf: string, yearsInOperation: number | null | undefined): number[] {
  return auditReading(asOf, yearsInOperation).required;
}

/** The figures a reviewer reads to judge 良好的财务状况 (表1-1 and row 8): shown, never judged. */
function financialFigures(form: ApplicationForm) {
  const t11 = form.table11 ?? {};
  return {
    debtRatio: t11.debtRatio ?? null,
    totalAssets: t11.totalAssets ?? null,
    fixedAssets: t11.fixedAssets ?? null,
    revenueByYear: Object.fromEntries((form.table12?.years ?? []).filter((y) => y.revenue != null).map((y) => [String(y.year), y.revenue])),
  };
}

const mdZh = (md: string) => `${Number(md.slice(0, 2))}月${Number(md.slice(3))}日`;

/**
 * 二(五) 良好的财务状况 + 近三年第三方财务审计报告. The platform checks that the audit reports of the years
 * `auditReading` names are there; whether the finances are "良好" it does not judge: the best outcome is
 * `review`, with the figures (资产负债率, 总资产, 固定资产 from 表1-1, 主营业务收入 from row 8) in the evidence.
 */
const auditedFinancials: ConditionRule = {
  id: 'audited_financials',
  clause: '二(五)',
  textZh: '企业应具有良好的财务状况，应能够出具近三年的第三方财务审计报告（经营期不满三年的企业按实际经营期限提供相关材料）。',
  textEn: 'The enterprise is financially sound and can produce third-party audit reports for the last three years (for as many years as it has operated if fewer than three).',
  reviewByNature: true,
  evaluate(input) {
    const t12 = input.form.table12 ?? {};
    const reading = auditReading(input.asOf, t12.yearsInOperation);
    const required = reading.required;
    const audited = [...new Set(t12.auditedYears ?? [])].sort((a, b) => a - b);
    const has = (ys: readonly number[]) => ys.every((y) => audited.includes(y));
    const figures = financialFigures(input.form);
    const evidence: Record<string, unknown> = {
      requiredYears: required,
      auditedYears: audited,
      yearsInOperation: t12.yearsInOperation ?? null,
      reading: { phase: reading.phase, latestYear: reading.latestYear, expectedFrom: AUDIT_EXPECTED_FROM, doubtUntil: AUDIT_DOUBT_UNTIL },
      financialStatusJudged: false,
      figures,
    };
    const fz = [
      figures.debtRatio != null ? `资产负债率 ${figures.debtRatio}%` : '资产负债率未填',
      figures.totalAssets != null ? `总资产 ${figures.totalAssets} 万元` : null,
      figures.fixedAssets != null ? `固定资产 ${figures.fixedAssets} 万元` : null,
    ]
      .filter(Boolean)
      .join('，');
    const fe = [
      figures.debtRatio != null ? `debt-to-asset ratio ${figures.debtRatio} %` : 'debt-to-asset ratio not given',
      figures.totalAssets != null ? `total assets ${figures.totalAssets} (10k yuan)` : null,
      figures.fixedAssets != null ? `fixed assets ${figures.fixedAssets} (10k yuan)` : null,
    ]
      .filter(Boolean)
      .join(', ');
    const notJudgedZh = `财务状况是否良好未作自动判断，需审核人员根据审计报告判断（${fz}）`;
    const notJudgedEn = `whether the finances are sound is not judged automatically; a reviewer reads the audit reports (${fe})`;
    if (required.length === 0) {
      return result('review', evidence, `企业经营期不满一年，需审核人员判断按实际经营期限提供的材料；${notJudgedZh}。`, `The enterprise has operated for less than a year; a reviewer judges the material provided for that period; ${notJudgedEn}.`);
    }
    const covered = has(required) ? required : reading.newer && has(reading.newer) ? reading.newer : null;
    if (!covered) {
      const lacking = required.filter((y) => !audited.includes(y));
      if (reading.older && has(reading.older) && lacking.length === 1 && lacking[0] === reading.latestYear) {
        return result(
          'review',
          { ...evidence, lackingYears: lacking },
          `缺少 ${lacking[0]} 年度审计报告，但核对日期 ${input.asOf} 在${mdZh(AUDIT_EXPECTED_FROM)}至${mdZh(AUDIT_DOUBT_UNTIL)}之间，该年度报告可能尚未出具（已有 ${reading.older.join('、')} 年度），需审核人员确认；${notJudgedZh}。`,
          `No audit report for ${lacking[0]}, but the check date ${input.asOf} falls between ${AUDIT_EXPECTED_FROM} and ${AUDIT_DOUBT_UNTIL}, when it may not be issued yet (${reading.older.join(', ')} are there); a reviewer confirms; ${notJudgedEn}.`,
        );
      }
      return result(
        'fail',
        { ...evidence, lackingYears: lacking },
        `缺少 ${lacking.join('、')} 年度的第三方财务审计报告（截至 ${input.asOf}，可出具审计报告的最近年度为 ${reading.latestYear} 年）。`,
        `Third-party audit report missing for ${lacking.join(', ')} (as of ${input.asOf} the latest year an audit can exist for is ${reading.latestYear}).`,
      );
    }
    const ev = { ...evidence, coveredYears: covered, attachments: slotCounts(input, ['r14_audits']) };
    if (fileCount(input, 'r14_audits') === 0) {
      return result('review', { ...ev, missing: [attachmentPath('r14_audits')] }, `已填报 ${covered.join('、')} 年度审计，但未上传审计报告；${notJudgedZh}。`, `Audits for ${covered.join(', ')} stated but the reports are not attached; ${notJudgedEn}.`);
    }
    return result('review', ev, `已有 ${covered.join('、')} 年度的第三方财务审计报告；${notJudgedZh}。`, `Third-party audit reports for ${covered.join(', ')}; ${notJudgedEn}.`);
  },
};

/** 三(一) 生产和检验检测设备 */
const equipment: ConditionRule = {
  id: 'equipment',
  clause: '三(一)',
  textZh: '企业应配备再制造相关的生产和检验检测设备，具备拆解清洗、无损探伤、检测评估、加工集成、性能检验检测等能力。',
  textEn: 'The enterprise has remanufacturing production and testing equipment, with capabilities for disassembly and cleaning, non-destructive testing, inspection and assessment, machining and integration, and performance testing.',
  reviewByNature: false,
  evaluate(input) {
    const eq = input.form.table12?.equipment ?? {};
    const units = Object.fromEntries(REQUIRED_EQUIPMENT_CATEGORIES.map((c) => [c, (eq[c] ?? []).reduce((n, l) => n + (l.count > 0 ? l.count : 0), 0)])) as Record<
      (typeof REQUIRED_EQUIPMENT_CATEGORIES)[number],
      number
    >;
    const absent = REQUIRED_EQUIPMENT_CATEGORIES.filter((c) => units[c] === 0);
    const evidence: Record<string, unknown> = { units };
    if (absent.length > 0) {
      return result(
        'fail',
        { ...evidence, missingCategories: absent, missing: absent.map((c) => `table12.equipment.${c}`) },
        `缺少以下设备：${joinZh(absent.map((c) => `${EQUIPMENT[c].zh}（第 ${EQUIPMENT[c].row} 行）`))}。`,
        `Missing equipment: ${joinEn(absent.map((c) => `${EQUIPMENT[c].en} (row ${EQUIPMENT[c].row})`))}.`,
      );
    }
    return result('pass', evidence, '拆解、清洗、无损探伤、检测评估、加工、装配、性能检验设备均已配备。', 'Disassembly, cleaning, NDT, inspection, machining, assembly and performance-test equipment all present.');
  },
};

/** 三(二) 质量检验标准和关键控制点检测 */
const qualityInspection = documentRule({
  id: 'quality_inspection',
  clause: '三(二)',
  textZh: '企业应制定规范、完整的质量检验标准，在旧件入厂、生产过程、产品出厂等各环节关键控制点开展质量检测。',
  textEn: 'The enterprise has complete quality inspection standards and inspects at the key control points of core intake, production and product release.',
  slots: ['r24_quality_records'],
});

/** 三(三) 研发团队: 大专及以上 ≥ 30 %, 研发人员 ≥ 10 % of employees */
const rdTeam: ConditionRule = {
  id: 'rd_team',
  clause: '三(三)',
  textZh: '企业应具有开展再制造工艺技术研究团队，大专及以上学历人员应占企业职工总数的 30% 以上，从事研究开发的人员应占企业职工总数的 10% 以上。',
  textEn: 'The enterprise has a remanufacturing R&D team; staff with a junior-college degree or higher are at least 30 % and R&D staff at least 10 % of all employees.',
  reviewByNature: false,
  evaluate(input) {
    const employees = input.form.table11?.employees ?? null;
    const college = input.form.table12?.collegeEducated ?? null;
    const rd = input.form.table12?.rdStaff ?? null;
    const missing: string[] = [];
    if (employees == null) missing.push('table11.employees');
    if (college == null) missing.push('table12.collegeEducated');
    if (rd == null) missing.push('table12.rdStaff');
    const evidence: Record<string, unknown> = {
      employees,
      collegeEducated: college,
      rdStaff: rd,
      collegeRatio: percent(college, employees),
      rdStaffRatio: percent(rd, employees),
      thresholds: { college: MIN_COLLEGE_PERCENT, rdStaff: MIN_RD_STAFF_PERCENT },
      ...(missing.length ? { missing } : {}),
    };
    const problems: Problem[] = [];
    if (missing.length) problems.push({ severity: 'review', zh: `缺少数据：${joinZh(missing.map(labelZh))}`, en: `missing data: ${joinEn(missing.map(labelEn))}` });
    if (employees === 0) problems.push({ severity: 'review', zh: '职工总数为 0，无法计算比重', en: 'employees is 0, ratios cannot be computed' });
    const parts = [
      { n: college, min: MIN_COLLEGE_PERCENT, zh: '大专及以上学历人员', en: 'college-educated staff' },
      { n: rd, min: MIN_RD_STAFF_PERCENT, zh: '研发人员', en: 'R&D staff' },
    ];
    const okZh: string[] = [];
    const okEn: string[] = [];
    for (const p of parts) {
      if (p.n == null || employees == null || employees === 0) continue;
      if (p.n > employees) {
        problems.push({ severity: 'review', zh: `${p.zh}人数 ${p.n} 超过职工总数 ${employees}`, en: `${p.en} (${p.n}) exceed employees (${employees})` });
      } else if (!ratioAtLeastPercent(p.n, employees, p.min)) {
        const shown = showPercent(p.n, employees, p.min);
        problems.push({ severity: 'fail', zh: `${p.zh}占职工总数 ${shown}%，低于 ${p.min}%`, en: `${p.en} are ${shown} % of employees, below ${p.min} %` });
      } else {
        const shown = showPercent(p.n, employees, p.min);
        okZh.push(`${p.zh}占 ${shown}%（不低于 ${p.min}%）`);
        okEn.push(`${p.en} ${shown} % (at least ${p.min} %)`);
      }
    }
    return combine(problems, evidence, `${okZh.join('，')}。`, `${okEn.join('; ')}.`);
  },
};

/**
 * 三(四) 每年研发费用 ≥ 上一年度营业收入的 3 %. The denominator is 营业收入 of the year before the R&D
 * spending's year (表1-2 row 27 calls it 总销售额). It is reconciled with row 8's 主营业务收入 of that year:
 * 营业收入 = 主营业务收入 + 其他业务收入, so a difference of more than REVENUE_RECONCILE_TOLERANCE_PERCENT is
 * flagged; the outcome is `fail` only when the ratio fails under both figures, `review` when they disagree.
 */
const rdSpending: ConditionRule = {
  id: 'rd_spending',
  clause: '三(四)',
  textZh: '企业每年研发费用应不低于上一年度营业收入的 3%。鼓励企业开展产学研合作，独立或联合建设实验室、工程研究中心、创新中心等研发平台。',
  textEn: "The enterprise's annual R&D spending is at least 3 % of the previous year's revenue. Industry–university–research cooperation and R&D platforms are encouraged.",
  reviewByNature: false,
  evaluate(input) {
    const t12 = input.form.table12 ?? {};
    const spend = t12.rdSpending ?? null;
    const revenue = t12.lastYearRevenue ?? null;
    const year = t12.rdSpendingYear ?? null;
    const previousYear = year != null ? year - 1 : null;
    const row8 = previousYear != null ? (t12.years ?? []).find((y) => y.year === previousYear)?.revenue ?? null : null;
    const missing: string[] = [];
    if (spend == null) missing.push('table12.rdSpending');
    if (revenue == null) missing.push('table12.lastYearRevenue');
    if (year == null) missing.push('table12.rdSpendingYear');
    const evidence: Record<string, unknown> = {
      rdSpending: spend,
      rdSpendingYear: year,
      lastYearRevenue: revenue,
      previousYear,
      row8MainRevenue: row8,
      rdSpendingRatio: percent(spend, revenue),
      threshold: MIN_RD_SPENDING_PERCENT,
      denominator: '营业收入',
    };
    if (spend == null || revenue == null) {
      return result('review', { ...evidence, missing }, `缺少数据：${joinZh(missing.map(labelZh))}。`, `Missing data: ${joinEn(missing.map(labelEn))}.`);
    }
    if (revenue === 0) {
      return result('review', evidence, '上一年度营业收入为 0，无法计算研发投入比重。', "Last year's revenue is 0; the R&D ratio cannot be computed.");
    }
    const shown = showPercent(spend, revenue, MIN_RD_SPENDING_PERCENT);
    const meets = ratioAtLeastPercent(spend, revenue, MIN_RD_SPENDING_PERCENT);
    const mismatch = row8 != null && Math.abs(revenue - row8) > (Math.max(revenue, row8) * REVENUE_RECONCILE_TOLERANCE_PERCENT) / 100;
    if (mismatch) evidence.reconciliation = { mismatch: true, tolerancePercent: REVENUE_RECONCILE_TOLERANCE_PERCENT };
    const meetsRow8 = row8 != null && row8 > 0 ? ratioAtLeastPercent(spend, row8, MIN_RD_SPENDING_PERCENT) : meets;
    if (!meets && (!mismatch || !meetsRow8)) {
      return result('fail', evidence, `研发投入占上一年度营业收入 ${shown}%，低于 ${MIN_RD_SPENDING_PERCENT}%。`, `R&D spending is ${shown} % of last year's revenue, below ${MIN_RD_SPENDING_PERCENT} %.`);
    }
    if (mismatch) {
      return result(
        'review',
        evidence,
        `研发投入占上一年度（${previousYear} 年）营业收入 ${shown}%；但填报的营业收入 ${revenue} 万元与第8行 ${previousYear} 年主营业务收入 ${row8} 万元不一致（相差超过 ${REVENUE_RECONCILE_TOLERANCE_PERCENT}%），需审核人员核对。`,
        `R&D spending is ${shown} % of ${previousYear} revenue; but the stated operating revenue ${revenue} differs from row 8's main-business revenue ${row8} for ${previousYear} by more than ${REVENUE_RECONCILE_TOLERANCE_PERCENT} %; a reviewer must reconcile them.`,
      );
    }
    if (year == null) {
      return result(
        'review',
        { ...evidence, missing },
        `研发投入占上一年度营业收入 ${shown}%；但未填写研发投入所属年度，无法与第8行核对。`,
        `R&D spending is ${shown} % of last year's revenue; but its year is not given, so it cannot be reconciled with row 8.`,
      );
    }
    return result(
      'pass',
      evidence,
      `${year} 年研发投入占上一年度（${previousYear} 年）营业收入 ${shown}%（不低于 ${MIN_RD_SPENDING_PERCENT}%）。`,
      `${year} R&D spending is ${shown} % of ${previousYear} revenue (at least ${MIN_RD_SPENDING_PERCENT} %).`,
    );
  },
};

/** 三(五) 再制造相关专利 + 三年内无侵权 */
const patents: ConditionRule = {
  id: 'patents',
  clause: '三(五)',
  textZh: '企业应具有与再制造相关的技术专利或取得技术专利授权，且三年内未出现过侵权行为。',
  textEn: 'The enterprise holds, or is licensed under, remanufacturing-related patents and has not infringed any right in the last three years.',
  reviewByNature: false,
  evaluate(input) {
    const t12 = input.form.table12 ?? {};
    const related = (t12.patents ?? []).filter((p) => p.remanRelated !== false);
    const declared = t12.noInfringementDeclared;
    const evidence: Record<string, unknown> = { remanPatents: related.length, patents: (t12.patents ?? []).length, noInfringementDeclared: declared ?? null };
    const problems: Problem[] = [];
    const missing: string[] = [];
    if (related.length === 0) problems.push({ severity: 'fail', zh: '未填写与再制造相关的技术专利', en: 'no remanufacturing-related patent' });
    if (declared === false) problems.push({ severity: 'fail', zh: '未作出三年内无侵权行为的声明', en: 'no declaration of no infringement in the last three years' });
    if (declared == null) {
      missing.push('table12.noInfringementDeclared');
      problems.push({ severity: 'review', zh: '尚未填写无侵权行为声明', en: 'no-infringement declaration not answered' });
    }
    if (fileCount(input, 'r29_patents') === 0) {
      missing.push(attachmentPath('r29_patents'));
      problems.push({ severity: 'review', zh: `未上传${SLOT.r29_patents.zh}`, en: `${SLOT.r29_patents.en} not attached` });
    }
    if (missing.length) evidence.missing = missing;
    evidence.attachments = slotCounts(input, ['r29_patents']);
    return combine(
      problems,
      evidence,
      `有 ${related.length} 项与再制造相关的专利，并已声明三年内无侵权行为。`,
      `${related.length} remanufacturing-related patent(s); no infringement declared for the last three years.`,
    );
  },
};

/** 四(一) 三体系认证 */
const managementCertificates: ConditionRule = {
  id: 'management_certificates',
  clause: '四(一)',
  textZh: '企业应加强再制造生产管理，通过质量管理体系、职业健康安全管理体系和环境管理体系认证。',
  textEn: 'The enterprise is certified to quality, occupational health and safety, and environmental management systems.',
  reviewByNature: false,
  evaluate(input) {
    const t12 = input.form.table12 ?? {};
    const problems: Problem[] = [];
    const missing: string[] = [];
    const certificates: Record<string, unknown> = {};
    for (const c of MANAGEMENT_CERTIFICATES) {
      const cert = t12[c.field];
      const number = cert?.number?.trim() || null;
      const validUntil = cert?.validUntil ?? null;
      let status: 'missing' | 'validity_unknown' | 'expired' | 'valid';
      if (!number) {
        status = 'missing';
        missing.push(`table12.${c.field}.number`);
        problems.push({ severity: 'fail', zh: `未提供${c.zh}`, en: `no ${c.en}` });
      } else if (validUntil == null || !isIsoDate(validUntil)) {
        status = 'validity_unknown';
        missing.push(`table12.${c.field}.validUntil`);
        problems.push({ severity: 'review', zh: `${c.zh}未填写有效期`, en: `${c.en}: validity not given` });
      } else if (validUntil < input.asOf) {
        status = 'expired';
        problems.push({ severity: 'fail', zh: `${c.zh}已于 ${validUntil} 过期`, en: `${c.en} expired on ${validUntil}` });
      } else {
        status = 'valid';
        if (fileCount(input, c.slot) === 0) {
          missing.push(attachmentPath(c.slot));
          problems.push({ severity: 'review', zh: `未上传${c.zh}复印件`, en: `copy of the ${c.en} not attached` });
        }
      }
      certificates[c.field] = { number, validUntil, status, files: fileCount(input, c.slot) };
    }
    const evidence: Record<string, unknown> = { asOf: input.asOf, certificates, ...(missing.length ? { missing } : {}) };
    return combine(problems, evidence, `三项管理体系认证证书均在有效期内（截至 ${input.asOf}）。`, `All three management-system certificates are valid as of ${input.asOf}.`);
  },
};

/** 四(二) 旧件来源和旧件管理制度 */
const coreSourcing = documentRule({
  id: 'core_sourcing',
  clause: '四(二)',
  textZh: '企业应具有合法合规可持续的旧件来源，建立旧件管理制度，鼓励与原型新品生产企业和专业化回收拆解企业开展合作。',
  textEn: 'The enterprise has lawful, sustainable sources of cores and rules for managing them; cooperation with OEMs and recycling enterprises is encouraged.',
  slots: ['r35_core_rules'],
});

/** 四(三) 生产管理台账和技术文件 */
const productionRecords = documentRule({
  id: 'production_records',
  clause: '四(三)',
  textZh: '企业应建立再制造产品生产管理台账，具有完整的产品图样、工艺文件、产品技术标准、产品质量检验报告等文件，相关记录可追溯、可查询。',
  textEn: 'The enterprise keeps a production ledger and complete drawings, process documents, product standards and inspection reports, traceable and searchable.',
  slots: ['r34_tech_docs'],
});

/** 四(四) 再制造产品标识 */
const productMarking = declarationRule({
  id: 'product_marking',
  clause: '四(四)',
  textZh: '企业应在再制造产品显著位置标识其为再制造产品。',
  textEn: 'The enterprise marks its remanufactured products as remanufactured in a prominent place.',
  field: 'remanProductsMarked',
  labelZh: '在再制造产品显著位置标识其为再制造产品',
  labelEn: 'that its products are marked as remanufactured in a prominent place',
});

/** 四(五) 安全生产条件和安全保障规章制度 */
const workSafety = documentRule({
  id: 'work_safety',
  clause: '四(五)',
  textZh: '企业应具备安全生产条件，落实安全生产责任制，建立安全保障规章制度，配备劳动保护、工业卫生等设施。',
  textEn: 'The enterprise meets statutory work-safety conditions, assigns safety responsibility, has safety rules and labour-protection and industrial-hygiene facilities.',
  slots: ['r36_safety_rules'],
});

/** 五(一) 环境保护和资源节约利用规章制度 */
const environmentalRules = documentRule({
  id: 'environmental_rules',
  clause: '五(一)',
  textZh: '企业应遵守环境保护相关法律、法规和政策并建立环境保护和资源节约利用规章制度。',
  textEn: 'The enterprise complies with environmental law and has rules for environmental protection and resource efficiency.',
  slots: ['r37_env_rules'],
});

/** 五(一) 废水、大气污染物、噪声排放符合规定 (表1-2 rows 38–40) */
const emissions: ConditionRule = {
  id: 'emissions',
  clause: '五(一)',
  textZh: '生产过程产生的废水、大气污染物、固体废物等排放，以及噪声与振动控制应符合国家及地方相关规定。',
  textEn: 'Discharges of wastewater, air pollutants and solid waste, and noise and vibration, meet national and local rules.',
  reviewByNature: false,
  evaluate(input) {
    const t12 = input.form.table12 ?? {};
    const answers = Object.fromEntries(EMISSION_ANSWERS.map((a) => [a.field, t12[a.field] ?? null]));
    const no = EMISSION_ANSWERS.filter((a) => t12[a.field] === 'no');
    const unanswered = EMISSION_ANSWERS.filter((a) => t12[a.field] == null);
    const evidence: Record<string, unknown> = { answers };
    if (no.length > 0) {
      return result('fail', evidence, `不符合：${joinZh(no.map((a) => `${a.zh}（第 ${a.row} 行）`))}。`, `Not met: ${joinEn(no.map((a) => `${a.en} (row ${a.row})`))}.`);
    }
    if (unanswered.length > 0) {
      return result(
        'review',
        { ...evidence, missing: unanswered.map((a) => `table12.${a.field}`) },
        `尚未回答：${joinZh(unanswered.map((a) => `${a.zh}（第 ${a.row} 行）`))}。`,
        `Not answered: ${joinEn(unanswered.map((a) => `${a.en} (row ${a.row})`))}.`,
      );
    }
    return needEvidence(input, ['r38_40_emissions'], evidence, '废水、大气污染物、噪声排放均符合相关标准', 'Wastewater, air emissions and noise all meet the standards');
  },
};

/** 五(二) 突发环境事件应急设施和预案 */
const environmentalEmergency = documentRule({
  id: 'environmental_emergency',
  clause: '五(二)',
  textZh: '企业应建立健全环境管理制度，具有突发环境事件或污染事件应急设施和处理预案。',
  textEn: 'The enterprise has environmental management rules and emergency facilities and plans for environmental or pollution incidents.',
  slots: ['r41_emergency'],
});

/** 五(三) 不得产生二次污染 */
const noSecondaryPollution = declarationRule({
  id: 'no_secondary_pollution',
  clause: '五(三)',
  textZh: '企业生产的再制造产品在使用过程中对生态环境和使用者的健康不得造成危害，不得产生二次污染。',
  textEn: 'Remanufactured products do not harm the environment or the health of users in use and cause no secondary pollution.',
  field: 'noSecondaryPollution',
  labelZh: '再制造产品使用过程中不危害生态环境和使用者健康、不产生二次污染',
  labelEn: 'that its products cause no harm or secondary pollution in use',
});

/** 五(四) 用工制度 */
const employment = documentRule({
  id: 'employment',
  clause: '五(四)',
  textZh: '企业用工制度应符合《中华人民共和国合同法》《中华人民共和国社会保险法》有关规定。',
  textEn: 'Employment practices comply with the Contract Law and the Social Insurance Law.',
  slots: ['r42_labour'],
});

/**
 * 六(一) 售后服务体系 + 不低于原型新品的质量保证. The warranty part is compared per product model
 * (表 warranties: the original new product's warranty beside the remanufactured product's, months): shorter
 * → `fail`; not given → `review`. The service system itself is in documents (rows 43–44): `review` at best.
 */
const afterSales: ConditionRule = {
  id: 'after_sales',
  clause: '六(一)',
  textZh: '企业应建有完善的再制造产品售后服务体系，指导用户合理使用产品，并提供不低于原型新品的质量保证和售后服务等。',
  textEn: 'The enterprise has an after-sales service system, guides users, and gives warranty and service no worse than for the new original product.',
  reviewByNature: true,
  evaluate(input) {
    const slots = ['r43_aftersales', 'r44_manuals'] as const;
    const lines = input.form.table12?.warranties ?? [];
    const compared = lines.map((w, i) => ({
      model: w.model ?? null,
      newProductWarrantyMonths: w.newProductWarrantyMonths ?? null,
      remanWarrantyMonths: w.remanWarrantyMonths ?? null,
      status:
        w.newProductWarrantyMonths == null || w.remanWarrantyMonths == null
          ? ('incomplete' as const)
          : w.remanWarrantyMonths >= w.newProductWarrantyMonths
            ? ('not_lower' as const)
            : ('lower' as const),
      index: i,
    }));
    const evidence: Record<string, unknown> = { warranties: compared, attachments: slotCounts(input, slots) };
    const problems: Problem[] = [];
    const missing: string[] = [];
    for (const c of compared.filter((x) => x.status === 'lower')) {
      problems.push({
        severity: 'fail',
        zh: `${c.model ?? `第${c.index + 1}行`} 再制造产品质保期 ${c.remanWarrantyMonths} 个月，低于原型新品 ${c.newProductWarrantyMonths} 个月`,
        en: `${c.model ?? `line ${c.index + 1}`}: warranty ${c.remanWarrantyMonths} months, below the original's ${c.newProductWarrantyMonths}`,
      });
    }
    const absent = missingSlots(input, slots);
    if (absent.length) {
      missing.push(...absent.map(attachmentPath));
      problems.push({ severity: 'fail', zh: `未提供：${joinZh(absent.map((s) => SLOT[s].zh))}`, en: `not provided: ${joinEn(absent.map((s) => SLOT[s].en))}` });
    }
    if (compared.length === 0) {
      missing.push('table12.warranties');
      problems.push({ severity: 'review', zh: '未填写产品质保期与原型新品的对比', en: "no warranty given beside the original new product's" });
    }
    for (const c of compared.filter((x) => x.status === 'incomplete')) {
      missing.push(`table12.warranties[${c.index}]`);
      problems.push({ severity: 'review', zh: `${c.model ?? `第${c.index + 1}行`} 质保期未填全`, en: `${c.model ?? `line ${c.index + 1}`}: warranty incomplete` });
    }
    if (missing.length) evidence.missing = missing;
    if (problems.length === 0) {
      const n = compared.length;
      problems.push({
        severity: 'review',
        zh: `${n} 个产品型号的质保期均不低于原型新品；售后服务体系需审核人员审阅${joinZh(slots.map((s) => SLOT[s].zh))}`,
        en: `warranty not lower than the original's for all ${n} model(s); a reviewer reads the after-sales documents`,
      });
    }
    return combine(problems, evidence, '', '');
  },
};

/**
 * 六(二) 产品或随附文件标明的信息, incl. "委托加工的需标明受委托企业信息": whether contract processing is used
 * and who the processors are is asked on the form; the documents themselves (row 44) are read by a reviewer.
 */
const productInformation: ConditionRule = {
  id: 'product_information',
  clause: '六(二)',
  textZh: '企业应在产品或随附文件中标明再制造企业名称（委托加工的需标明受委托企业信息）、地址，以及再制造产品的使用、维护、保养说明和执行标准等信息。',
  textEn: "The product or its documents state the remanufacturer's name (and any contract processor), address, use and maintenance instructions and the applicable standard.",
  reviewByNature: true,
  evaluate(input) {
    const cp = input.form.contractProcessing ?? {};
    const named = (cp.processors ?? []).map((p) => p.name?.trim()).filter((n): n is string => Boolean(n));
    const evidence: Record<string, unknown> = { contractProcessing: cp.used ?? null, processors: named, attachments: slotCounts(input, ['r44_manuals']) };
    const problems: Problem[] = [];
    const missing: string[] = [];
    if (fileCount(input, 'r44_manuals') === 0) {
      missing.push(attachmentPath('r44_manuals'));
      problems.push({ severity: 'fail', zh: `未提供：${SLOT.r44_manuals.zh}（表1-2 第 44 行）`, en: `not provided: ${SLOT.r44_manuals.en} (row 44)` });
    }
    if (cp.used == null) {
      missing.push('contractProcessing.used');
      problems.push({ severity: 'review', zh: '尚未填写是否委托加工', en: 'whether contract processing is used is not answered' });
    } else if (cp.used && named.length === 0) {
      missing.push('contractProcessing.processors');
      problems.push({ severity: 'review', zh: '委托加工但未填写受委托企业', en: 'contract processing used but no processor named' });
    }
    if (missing.length) evidence.missing = missing;
    if (problems.length === 0) {
      problems.push({
        severity: 'review',
        zh: cp.used ? `已提供产品说明书等；需审核人员核对其中标明受委托企业（${joinZh(named)}）信息及企业名称、地址、执行标准` : '已提供产品说明书等（未委托加工）；需审核人员核对其中标明的企业名称、地址、使用维护说明和执行标准',
        en: cp.used
          ? `manuals provided; a reviewer checks they name the contract processor(s) (${joinEn(named)}), the remanufacturer, address and standard`
          : 'manuals provided (no contract processing); a reviewer checks they state the remanufacturer, address, instructions and standard',
      });
    }
    return combine(problems, evidence, '', '');
  },
};

/** 六(三) 人员培训和考核 */
const training = documentRule({
  id: 'training',
  clause: '六(三)',
  textZh: '企业应开展管理、技术、技能、安全生产、售后服务等方面的人员培训，并建立合理的考核制度。',
  textEn: 'The enterprise trains staff in management, technology, skills, work safety and after-sales service, with a sound assessment system.',
  slots: ['r45_training'],
});

/** 六(四) 特殊岗位持证上岗 */
const certifiedPosts: ConditionRule = {
  id: 'certified_posts',
  clause: '六(四)',
  textZh: '企业从事特种作业、特种设备操作等特殊岗位及国家规定的专业技术人员应持证上岗。',
  textEn: 'Staff in special operations, special-equipment operation and other posts requiring a state certificate hold the certificate.',
  reviewByNature: false,
  evaluate(input) {
    const t12 = input.form.table12 ?? {};
    const holders = t12.certifiedPostHolders ?? null;
    const staff = t12.certifiedPostStaff ?? null;
    const missing: string[] = [];
    if (holders == null) missing.push('table12.certifiedPostHolders');
    if (staff == null) missing.push('table12.certifiedPostStaff');
    const evidence: Record<string, unknown> = { certifiedPostHolders: holders, certifiedPostStaff: staff, certifiedPostRatio: percent(holders, staff) };
    if (holders == null || staff == null) {
      return result('review', { ...evidence, missing }, `缺少数据：${joinZh(missing.map(labelZh))}。`, `Missing data: ${joinEn(missing.map(labelEn))}.`);
    }
    if (staff === 0) {
      return result('review', evidence, '未填写需持证上岗的岗位人数（为 0），需审核人员确认。', 'No staff in posts requiring certification (0); a reviewer must confirm.');
    }
    if (holders > staff) {
      return result('review', evidence, `持证人数 ${holders} 超过需持证岗位人数 ${staff}，数据不一致。`, `Certificate holders (${holders}) exceed staff in certified posts (${staff}); inconsistent data.`);
    }
    if (holders < staff) {
      // 六(四) "应持证上岗" is absolute: every holder of such a post needs the certificate
      const shown = showPercent(holders, staff, 100);
      return result('fail', evidence, `持证上岗率 ${shown}%（${holders}/${staff}），未达 100%：特殊岗位应持证上岗。`, `Certified-post rate is ${shown} % (${holders}/${staff}), below 100 %: special posts must be certified.`);
    }
    return needEvidence(input, ['r46_certified'], evidence, '持证上岗率 100%', 'Certified-post rate 100 %');
  },
};

/** All rules in the order of the 规范条件. */
export const CONDITION_RULES: readonly ConditionRule[] = [
  policyCompliance,
  notInProtectedArea,
  landUse,
  noMajorAccidents,
  auditedFinancials,
  equipment,
  qualityInspection,
  rdTeam,
  rdSpending,
  patents,
  managementCertificates,
  coreSourcing,
  productionRecords,
  productMarking,
  workSafety,
  environmentalRules,
  emissions,
  environmentalEmergency,
  noSecondaryPollution,
  employment,
  afterSales,
  productInformation,
  training,
  certifiedPosts,
];

export function conditionRule(id: string): ConditionRule | undefined {
  return CONDITION_RULES.find((r) => r.id === id);
}

/** Evaluate every rule. Throws RangeError when `asOf` is not a calendar date 'YYYY-MM-DD'. */
export function checkConditions(input: ConditionInput): ConditionsReport {
  assertIsoDate(input.asOf, 'asOf');
  const results = CONDITION_RULES.map((rule): ConditionResult => {
    const r = rule.evaluate(input);
    return { ruleId: rule.id, clause: rule.clause, outcome: r.outcome, evidence: r.evidence, messageZh: r.messageZh, messageEn: r.messageEn };
  });
  const summary: Record<ConditionOutcome, number> = { pass: 0, fail: 0, review: 0 };
  for (const r of results) summary[r.outcome]++;
  return { results, summary, flags: rateFlags(input.form, input.traceRates ?? null), rulesVersion: RULES_VERSION, asOf: input.asOf };
}
