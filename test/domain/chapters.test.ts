import { describe, expect, it } from 'vitest';
import { CONDITION_CHAPTERS, CONDITION_CHAPTER_KEYS, OUTLINE_CHAPTER_TITLES, chapterOfClause, conditionChapterTitle, conditionChapterTitles } from '../../src/domain/announcement/chapters.js';
import { CONDITION_RULES } from '../../src/domain/announcement/conditions.js';
import { CHAPTERS } from '../../src/server/modules/applications/applications.schema.js';

describe('expert opinions and on-site findings are labelled by the 规范条件 chapter (issue 15 item 0)', () => {
  it('pins the mapping: key → 规范条件 title, and the 申请书大纲 chapter one lower', () => {
    expect(CONDITION_CHAPTERS.map((c) => [c.key, c.zh, c.outlineChapter])).toEqual([
      ['二', '二、基本要求', '一'],
      ['三', '三、再制造能力', '二'],
      ['四', '四、管理体系和安全生产', '三'],
      ['五', '五、环境保护和社会责任', '四'],
      ['六', '六、售后服务和职业教育', '五'],
    ]);
    expect(conditionChapterTitles()).toEqual({ 二: '二、基本要求', 三: '三、再制造能力', 四: '四、管理体系和安全生产', 五: '五、环境保护和社会责任', 六: '六、售后服务和职业教育' });
    expect(conditionChapterTitle('二', 'en')).toBe('II. Basic requirements');
    // the old mistake: the outline title of the same numeral is another theme
    expect(conditionChapterTitle('二')).not.toBe(OUTLINE_CHAPTER_TITLES['二'].zh);
    expect(conditionChapterTitle('六')).not.toBe(OUTLINE_CHAPTER_TITLES['六'].zh);
    for (const c of CONDITION_CHAPTERS) expect(OUTLINE_CHAPTER_TITLES[c.outlineChapter].zh.slice(2)).toBe(c.key === '二' ? '企业基本情况' : c.zh.slice(2));
  });
  it('the API keys opinions by the same chapters, and every rule’s clause falls in one', () => {
    expect([...CHAPTERS]).toEqual([...CONDITION_CHAPTER_KEYS]);
    for (const r of CONDITION_RULES) {
      const ch = chapterOfClause(r.clause);
      expect(ch).not.toBeNull();
      expect(CONDITION_CHAPTERS.find((c) => c.key === ch)!.clauses).toContain(r.clause);
    }
  });
});
