/**
 * Enumerations of the 机电产品再制造行业规范条件 (2024) and its 附件1 申请书, plus platform roles.
 * Each `*_VALUES` tuple is `as const` so it can feed `z.enum(...)`; each option list is derived from it, so
 * a missing label is a compile error.
 */

export interface Labelled<V extends string> {
  readonly value: V;
  readonly zh: string;
  readonly en: string;
}

type Labels<V extends string> = Record<V, { zh: string; en: string }>;

function labelled<V extends string>(values: readonly V[], labels: Labels<V>): readonly Labelled<V>[] {
  return values.map((value) => ({ value, ...labels[value] }));
}

/** Label of `value` in `options` for the locale; the value itself if unknown. */
export function labelOf<V extends string>(options: readonly Labelled<V>[], value: V, locale: 'zh' | 'en' = 'zh'): string {
  return options.find((o) => o.value === value)?.[locale] ?? value;
}

/** 附件1 表1-1 企业基本情况表, row 企业类型: 内资 (国有/集体/民营), 中外合资, 港澳台, 外商独资. */
export const ENTERPRISE_TYPE_VALUES = [
  'state_owned',
  'collective',
  'private',
  'sino_foreign_jv',
  'hk_macao_taiwan',
  'wholly_foreign',
] as const;
export type EnterpriseType = (typeof ENTERPRISE_TYPE_VALUES)[number];
export const ENTERPRISE_TYPES = labelled<EnterpriseType>(ENTERPRISE_TYPE_VALUES, {
  state_owned: { zh: '内资-国有', en: 'Domestic – state-owned' },
  collective: { zh: '内资-集体', en: 'Domestic – collective' },
  private: { zh: '内资-民营', en: 'Domestic – private' },
  sino_foreign_jv: { zh: '中外合资', en: 'Sino-foreign joint venture' },
  hk_macao_taiwan: { zh: '港澳台', en: 'Hong Kong, Macao or Taiwan invested' },
  wholly_foreign: { zh: '外商独资', en: 'Wholly foreign-owned' },
});

/** 附件1 表1-1, row 上市情况: 境内上市, 境外上市, 否. */
export const LISTING_STATUS_VALUES = ['domestic', 'overseas', 'none'] as const;
export type ListingStatus = (typeof LISTING_STATUS_VALUES)[number];
export const LISTING_STATUSES = labelled<ListingStatus>(LISTING_STATUS_VALUES, {
  domestic: { zh: '境内上市', en: 'Listed in mainland China' },
  overseas: { zh: '境外上市', en: 'Listed overseas' },
  none: { zh: '否', en: 'Not listed' },
});

/** 规范条件 一(一): the nine fields of electromechanical products the Conditions apply to. */
export const REMAN_FIELD_VALUES = [
  'construction_machinery',
  'machine_tools',
  'heavy_machinery',
  'petrochemical_general_machinery',
  'internal_combustion_engines',
  'electrical_equipment',
  'agricultural_machinery',
  'basic_mechanical_parts',
  'office_equipment',
] as const;
export type RemanField = (typeof REMAN_FIELD_VALUES)[number];
export const REMAN_FIELDS = labelled<RemanField>(REMAN_FIELD_VALUES, {
  construction_machinery: { zh: '工程机械', en: 'Construction machinery' },
  machine_tools: { zh: '机床工具', en: 'Machine tools' },
  heavy_machinery: { zh: '重型机械', en: 'Heavy machinery' },
  petrochemical_general_machinery: { zh: '石化通用机械', en: 'Petrochemical and general machinery' },
  internal_combustion_engines: { zh: '内燃机', en: 'Internal combustion engines' },
  electrical_equipment: { zh: '电工电器', en: 'Electrical equipment' },
  agricultural_machinery: { zh: '农业机械', en: 'Agricultural machinery' },
  basic_mechanical_parts: { zh: '机械基础件', en: 'Basic mechanical parts' },
  office_equipment: { zh: '文化办公设备', en: 'Cultural and office equipment' },
});

/**
 * Platform roles, following the procedure of 规范条件 七(一): 企业申报 → 省级工业和信息化主管部门审核
 * (incl. 计划单列市 and 兵团) → 工业和信息化部 专家评审、现场核查、公示、公告.
 */
export const ROLE_VALUES = [
  'enterprise_staff',
  'enterprise_admin',
  'authority_reviewer',
  'authority_admin',
  'ministry_officer',
  'ministry_admin',
  'expert',
  // 交易服务 (issue 13): organisations that buy remanufactured units register themselves
  'buyer_admin',
  'buyer_staff',
  // 公共信息服务 (issue 14): a third-party testing organisation of the published directory issues test reports
  'testing_org_staff',
  // its administrator manages the organisation's users (docs/decisions.md "Testing organisations' administrators")
  'testing_org_admin',
  // 保险 (issue 13): the users of an insurer (a registered organisation of kind insurer) see its policies and claims
  'insurer_admin',
  'insurer_staff',
] as const;
export type Role = (typeof ROLE_VALUES)[number];
export const ROLES = labelled<Role>(ROLE_VALUES, {
  enterprise_staff: { zh: '企业用户', en: 'Enterprise user' },
  enterprise_admin: { zh: '企业管理员', en: 'Enterprise administrator' },
  authority_reviewer: { zh: '主管部门审核员', en: 'Authority reviewer' },
  authority_admin: { zh: '主管部门管理员', en: 'Authority administrator' },
  ministry_officer: { zh: '工信部经办人', en: 'MIIT officer' },
  ministry_admin: { zh: '工信部管理员', en: 'MIIT administrator' },
  expert: { zh: '专家', en: 'Expert' },
  buyer_admin: { zh: '采购方管理员', en: 'Buyer administrator' },
  buyer_staff: { zh: '采购方用户', en: 'Buyer user' },
  testing_org_staff: { zh: '检测机构用户', en: 'Testing organisation user' },
  testing_org_admin: { zh: '检测机构管理员', en: 'Testing organisation administrator' },
  insurer_admin: { zh: '保险机构管理员', en: 'Insurer administrator' },
  insurer_staff: { zh: '保险机构用户', en: 'Insurer staff' },
});

/** The organisations of the 规范公告 procedure (the announcement workflow's actors). */
export type OrgKind = 'enterprise' | 'authority' | 'ministry' | 'expert';
/** Every kind of organisation a user belongs to: the procedure's, plus registered buyers (trading). */
export type UserOrgKind = OrgKind | 'buyer' | 'insurer' | 'testing_org';

const ORG_KIND: Record<Role, UserOrgKind> = {
  enterprise_staff: 'enterprise',
  enterprise_admin: 'enterprise',
  authority_reviewer: 'authority',
  authority_admin: 'authority',
  ministry_officer: 'ministry', // belongs to the `miit` authority organisation
  ministry_admin: 'ministry',
  expert: 'expert', // experts belong to no enterprise or authority
  buyer_admin: 'buyer', // a registered buyer organisation (buyer_orgs, trading)
  buyer_staff: 'buyer',
  testing_org_staff: 'testing_org', // a published entry of the directory of testing organisations (portal)
  testing_org_admin: 'testing_org',
  insurer_admin: 'insurer', // a registered organisation of kind insurer (buyer_orgs.kind, 保险)
  insurer_staff: 'insurer',
};

/** The kind of organisation a user with this role belongs to. */
export function orgKindForRole(role: Role): UserOrgKind {
  return ORG_KIND[role];
}
