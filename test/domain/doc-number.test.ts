import { describe, expect, it } from 'vitest';
import { docNumberOf, nextDocNumber, numberInYear } from '../../src/domain/publication/doc-number.js';

describe('公告文号 numbering (issue 16 item 6)', () => {
  it('follows the year’s highest number, not the count of its batches', () => {
    // two batches in 2026, numbered 第3号 (by hand) and 第9号 (imported): the next is 第10号, never 第3号
    expect(nextDocNumber(2026, ['工业和信息化部公告 2026年第3号', '工业和信息化部公告 2026年第9号（湖北）'])).toBe('工业和信息化部公告 2026年第10号');
    expect(nextDocNumber(2026, ['工业和信息化部公告 2026年第9号', '工业和信息化部公告 2026年第3号'])).toBe('工业和信息化部公告 2026年第10号');
  });

  it('starts at 第1号 in a new year and ignores other years’ numbers and unnumbered titles', () => {
    expect(nextDocNumber(2027, ['工业和信息化部公告 2026年第40号', '工业和信息化部公告 缓存测试'])).toBe('工业和信息化部公告 2027年第1号');
    expect(nextDocNumber(2026, [])).toBe(docNumberOf(2026, 1));
  });

  it('reads both usual forms of a number', () => {
    expect(numberInYear('工业和信息化部公告 2026年第12号', 2026)).toBe(12);
    expect(numberInYear('工信部公告〔2026〕7号', 2026)).toBe(7);
    expect(numberInYear('工业和信息化部公告 2025年第12号', 2026)).toBeNull();
    expect(numberInYear('2026年度名单', 2026)).toBeNull();
  });
});
