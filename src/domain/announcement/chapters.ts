/**
 * The chapters of 《机电产品再制造行业规范条件》(2024) that expert opinions and on-site findings are filed
 * under (七(一)5: 组织专家对企业申请材料进行复审和现场核查), and how the 申请书大纲 (附1) numbers the same
 * themes.
 *
 * The conditions are chapters 二–六 of the 规范条件: 二、基本要求; 三、再制造能力; 四、管理体系和安全生产;
 * 五、环境保护和社会责任; 六、售后服务和职业教育. The 申请书大纲 numbers the same themes one lower, starting
 * from 一、企业基本情况 (which covers 二(一)–二(五): site, planning, credit, finance), and adds
 * 六、其他需要说明的情况. Opinions keyed by 规范条件 chapter must be labelled with the 规范条件 title — the
 * outline title of the same numeral is a different theme (issue 15 item 0: "二、再制造能力" on the chapter
 * about site, credit and finance was that mistake).
 */

export const CONDITION_CHAPTER_KEYS = ['二', '三', '四', '五', '六'] as const;
export type ConditionChapter = (typeof CONDITION_CHAPTER_KEYS)[number];

export interface ConditionChapterInfo {
  key: ConditionChapter;
  /** Title as printed in the 规范条件. */
  zh: string;
  en: string;
  /** The clauses the chapter holds (for the opinion form's help). */
  clauses: readonly string[];
  /** The chapter of the 申请书大纲 (附1) that describes the same theme. */
  outlineChapter: '一' | '二' | '三' | '四' | '五';
}

/** 规范条件 二–六, titles verbatim from the seed text. */
export const CONDITION_CHAPTERS: readonly ConditionChapterInfo[] = [
  { key: '二', zh: '二、基本要求', en: 'II. Basic requirements', clauses: ['二(一)', '二(二)', '二(三)', '二(四)', '二(五)'], outlineChapter: '一' },
  { key: '三', zh: '三、再制造能力', en: 'III. Remanufacturing capability', clauses: ['三(一)', '三(二)', '三(三)', '三(四)', '三(五)'], outlineChapter: '二' },
  { key: '四', zh: '四、管理体系和安全生产', en: 'IV. Management systems and work safety', clauses: ['四(一)', '四(二)', '四(三)', '四(四)', '四(五)'], outlineChapter: '三' },
  { key: '五', zh: '五、环境保护和社会责任', en: 'V. Environmental protection and social responsibility', clauses: ['五(一)', '五(二)', '五(三)', '五(四)'], outlineChapter: '四' },
  { key: '六', zh: '六、售后服务和职业教育', en: 'VI. After-sales service and vocational training', clauses: ['六(一)', '六(二)', '六(三)', '六(四)'], outlineChapter: '五' },
];

/** 申请书大纲 (附1) chapter titles, verbatim; these label the outline only, never an opinion. */
export const OUTLINE_CHAPTER_TITLES = {
  一: { zh: '一、企业基本情况', en: 'I. Basic information' },
  二: { zh: '二、再制造能力', en: 'II. Remanufacturing capability' },
  三: { zh: '三、管理体系和安全生产', en: 'III. Management systems and work safety' },
  四: { zh: '四、环境保护和社会责任', en: 'IV. Environmental protection and social responsibility' },
  五: { zh: '五、售后服务和职业教育', en: 'V. After-sales service and vocational training' },
  六: { zh: '六、其他需要说明的情况', en: 'VI. Other information' },
} as const;

/** Title of a 规范条件 chapter key ('二' → '二、基本要求'); the key itself when unknown. */
export function conditionChapterTitle(key: string, locale: 'zh' | 'en' = 'zh'): string {
  const c = CONDITION_CHAPTERS.find((x) => x.key === key);
  return c ? (locale === 'en' ? c.en : c.zh) : key;
}

/** The titles stored with an opinion or on-site record, so that the record reads right on its own. */
export function conditionChapterTitles(): Record<ConditionChapter, string> {
  return Object.fromEntries(CONDITION_CHAPTERS.map((c) => [c.key, c.zh])) as Record<ConditionChapter, string>;
}

/** The 规范条件 chapter a clause like '三(四)' belongs to. */
export function chapterOfClause(clause: string): ConditionChapter | null {
  const k = clause.charAt(0);
  return (CONDITION_CHAPTER_KEYS as readonly string[]).includes(k) ? (k as ConditionChapter) : null;
}
