/**
 * The public information service's content (《高端智能再制造行动计划》三(七); issue 14): standards, policies and
 * notices, demonstration units and third-party testing organisations. MIIT edits them; the public reads what is
 * published. Pure: enumerations with labels, the publication state machine and the plan's targets.
 */
import type { Labelled } from '../enterprise.js';

type Labels<V extends string> = Record<V, { zh: string; en: string }>;
const labelled = <V extends string>(values: readonly V[], labels: Labels<V>): readonly Labelled<V>[] => values.map((value) => ({ value, ...labels[value] }));

/** 标准类型: GB/T 20000.1 levels the platform lists (国家标准, 行业标准, 团体标准). */
export const STANDARD_TYPE_VALUES = ['national', 'industry', 'group'] as const;
export type StandardType = (typeof STANDARD_TYPE_VALUES)[number];
export const STANDARD_TYPES = labelled<StandardType>(STANDARD_TYPE_VALUES, {
  national: { zh: '国家标准', en: 'National standard' },
  industry: { zh: '行业标准', en: 'Industry standard' },
  group: { zh: '团体标准', en: 'Association standard' },
});

/** 标准状态 as the national standards information service shows it. */
export const STANDARD_STATUS_VALUES = ['current', 'upcoming', 'abolished', 'replaced'] as const;
export type StandardStatus = (typeof STANDARD_STATUS_VALUES)[number];
export const STANDARD_STATUSES = labelled<StandardStatus>(STANDARD_STATUS_VALUES, {
  current: { zh: '现行', en: 'In force' },
  upcoming: { zh: '即将实施', en: 'Not yet in force' },
  abolished: { zh: '废止', en: 'Abolished' },
  replaced: { zh: '被代替', en: 'Replaced' },
});

/**
 * The status a standard has on `today` from its dates, when the editor did not abolish it: 即将实施 before the
 * implementation date, 被代替 once a replacing standard is named, 现行 otherwise.
 */
export function standardStatusOn(s: { effectiveOn: string | null; replacedBy: string | null; abolishedOn: string | null }, today: string): StandardStatus {
  if (s.abolishedOn && s.abolishedOn <= today) return 'abolished';
  if (s.replacedBy) return 'replaced';
  if (s.effectiveOn && s.effectiveOn > today) return 'upcoming';
  return 'current';
}

/** 政策与资讯 categories. */
export const POLICY_CATEGORY_VALUES = ['policy', 'notice', 'interpretation', 'news'] as const;
export type PolicyCategory = (typeof POLICY_CATEGORY_VALUES)[number];
export const POLICY_CATEGORIES = labelled<PolicyCategory>(POLICY_CATEGORY_VALUES, {
  policy: { zh: '政策文件', en: 'Policy document' },
  notice: { zh: '通知公告', en: 'Notice' },
  interpretation: { zh: '政策解读', en: 'Interpretation' },
  news: { zh: '行业资讯', en: 'News' },
});

/** 行动计划 二: 示范企业、技术研发中心、服务企业、信息服务平台、产业集聚区 — grouped as four kinds. */
export const DEMO_UNIT_KIND_VALUES = ['enterprise', 'park', 'base', 'centre'] as const;
export type DemoUnitKind = (typeof DEMO_UNIT_KIND_VALUES)[number];
export const DEMO_UNIT_KINDS = labelled<DemoUnitKind>(DEMO_UNIT_KIND_VALUES, {
  enterprise: { zh: '示范企业', en: 'Demonstration enterprise' },
  park: { zh: '产业集聚区', en: 'Industrial park / cluster' },
  base: { zh: '示范基地', en: 'Demonstration base' },
  centre: { zh: '研发与服务中心', en: 'R&D / service centre' },
});

// ---------------------------------------------------------------- publication

/** Editorial state of every content item: 草稿 → 已发布 (→ 已撤回 → 已发布 again). */
export const PUBLICATION_STATE_VALUES = ['draft', 'published', 'withdrawn'] as const;
export type PublicationState = (typeof PUBLICATION_STATE_VALUES)[number];
export const PUBLICATION_STATES = labelled<PublicationState>(PUBLICATION_STATE_VALUES, {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
});
export type PublicationEvent = 'publish' | 'withdraw';

const TRANSITIONS: Record<PublicationState, Partial<Record<PublicationEvent, PublicationState>>> = {
  draft: { publish: 'published' },
  published: { withdraw: 'withdrawn' },
  withdrawn: { publish: 'published' },
};

/** The next state, or null when `event` is not allowed in `state` (the caller answers 409). */
export function nextPublicationState(state: PublicationState, event: PublicationEvent): PublicationState | null {
  return TRANSITIONS[state][event] ?? null;
}

// ---------------------------------------------------------------- targets

/** 行动计划 二 (2018–2020 targets): "发布50项…标准…推动建立100家…示范…带动我国再制造产业规模达到2000亿元". */
export const PLAN_START = '2018-01-01';
export const TARGETS = {
  outputValue: { target: 2000, unit: '亿元', unitEn: 'CNY 100 million', zh: '再制造产业规模', en: 'Remanufacturing output value' },
  demonstrationUnits: { target: 100, unit: '家', unitEn: 'units', zh: '高端智能再制造示范单位', en: 'Demonstration units' },
  standards: { target: 50, unit: '项', unitEn: 'standards', zh: '发布再制造标准（2018 年起）', en: 'Standards published since the plan (2018)' },
  announcedEnterprises: { target: null, unit: '家', unitEn: 'enterprises', zh: '规范公告企业', en: 'Announced enterprises' },
} as const;
export type TargetKey = keyof typeof TARGETS;
