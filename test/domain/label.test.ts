import { describe, expect, it } from 'vitest';
import { LabelIncompleteError, labelContent, missingLabelFacts, sheetCell, verifyPath, verifyUrl, type LabelFacts } from '../../src/domain/trace/label.js';

const facts: LabelFacts = {
  code: 'GZJG-000001',
  productName: '再制造变速箱',
  enterpriseName: '广州精工再制造科技有限公司',
  enterpriseAddress: '广州市黄埔区开源大道 88 号',
  productionDate: '2026-11-20',
  standardNumber: 'Q/GZJG 001-2025',
};

describe('label content (四(四), 六(二), GB/T 39895)', () => {
  it('carries 再制造, the maker, its address, the date, the standard and the verify URL', () => {
    const c = labelContent(facts, 'https://reman.example.cn/');
    expect(c.mark).toBe('再制造');
    expect(c.qrUrl).toBe('https://reman.example.cn/p/GZJG-000001');
    expect(c.lines.map((l) => [l.key, l.value])).toEqual([
      ['enterpriseName', '广州精工再制造科技有限公司'],
      ['enterpriseAddress', '广州市黄埔区开源大道 88 号'],
      ['productionDate', '2026-11-20'],
      ['standardNumber', 'Q/GZJG 001-2025'],
    ]);
  });

  it('a batch replaces the production date (GB/T 39895: date OR batch)', () => {
    expect(missingLabelFacts({ ...facts, productionDate: null, batch: 'B-7' })).toEqual([]);
    expect(labelContent({ ...facts, productionDate: null, batch: 'B-7' }, 'http://h').lines.map((l) => l.key)).toContain('batch');
  });

  it('names every missing fact and refuses to build a non-conforming label', () => {
    const bad = { ...facts, enterpriseAddress: ' ', productionDate: '2026-02-30', batch: null, standardNumber: '' };
    expect(missingLabelFacts(bad)).toEqual(['enterpriseAddress', 'productionDateOrBatch', 'standardNumber']);
    expect(() => labelContent(bad, 'http://h')).toThrow(LabelIncompleteError);
    try {
      labelContent(bad, 'http://h');
    } catch (e) {
      expect((e as LabelIncompleteError).missing).toEqual(['enterpriseAddress', 'productionDateOrBatch', 'standardNumber']);
    }
  });

  it('encodes codes in the path (EPC URIs and Digital Links contain : and /)', () => {
    expect(verifyPath('urn:epc:id:sgtin:0614141.107346.2018')).toBe('/p/urn%3Aepc%3Aid%3Asgtin%3A0614141.107346.2018');
    expect(verifyUrl('http://127.0.0.1:3000', 'https://id.gs1.org/01/1/21/2')).toBe('http://127.0.0.1:3000/p/https%3A%2F%2Fid.gs1.org%2F01%2F1%2F21%2F2');
    expect(() => verifyUrl('ftp://x', 'A')).toThrow(RangeError);
    expect(() => verifyUrl('http://x/path', 'A')).toThrow(RangeError);
  });

  it('places 8 labels per A4 page, 2 columns × 4 rows, inside the margins', () => {
    expect(sheetCell(0)).toMatchObject({ page: 0, xMm: 10, yMm: 10, widthMm: 95 });
    expect(sheetCell(1)).toMatchObject({ page: 0, xMm: 105, yMm: 10 });
    expect(sheetCell(7).page).toBe(0);
    const last = sheetCell(7);
    expect(last.yMm + last.heightMm).toBeCloseTo(287);
    expect(sheetCell(8)).toMatchObject({ page: 1, xMm: 10, yMm: 10 });
    expect(() => sheetCell(-1)).toThrow(RangeError);
  });
});
