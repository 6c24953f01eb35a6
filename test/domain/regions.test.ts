import { describe, expect, it } from 'vitest';
import { PLAN_CITIES, PROVINCES, isRegionCode, planCityOf, provinceOf, regionName } from '../../src/domain/regions.js';

describe('GB/T 2260 provinces', () => {
  it('has the 31 mainland provincial-level divisions, unique, from 110000 to 650000', () => {
    expect(PROVINCES).toHaveLength(31);
    const codes = PROVINCES.map((p) => p.code);
    expect(new Set(codes).size).toBe(31);
    expect(codes[0]).toBe('110000');
    expect(codes[30]).toBe('650000');
    for (const p of PROVINCES) {
      expect(p.code).toMatch(/^[1-6]\d0000$/);
      expect(p.name).not.toBe('');
      expect(p.shortName).toHaveLength(1);
      expect(p.nameEn).toMatch(/^[A-Z]/);
    }
    expect(new Set(PROVINCES.map((p) => p.shortName)).size).toBe(31);
  });
  it('lists the five plan cities inside their provinces', () => {
    expect(PLAN_CITIES.map((c) => c.code).sort()).toEqual(['210200', '330200', '350200', '370200', '440300']);
    for (const c of PLAN_CITIES) expect(provinceOf(c.code)).toBe(c.provinceCode);
  });
});

describe('isRegionCode / provinceOf / planCityOf', () => {
  it.each(['110000', '110105', '440305', '650102', '210281'])('accepts %s', (c) => expect(isRegionCode(c)).toBe(true));
  it.each(['', '11000', '1100000', 'abcdef', '000000', '100000', '660000', '710000', '810000', '820000', '11010５'])(
    'rejects %j',
    (c) => expect(isRegionCode(c)).toBe(false),
  );
  it('maps codes to provinces and plan cities', () => {
    expect(provinceOf('440305')).toBe('440000');
    expect(planCityOf('440305')).toBe('440300');
    expect(planCityOf('440106')).toBeNull();
    expect(() => provinceOf('660000')).toThrow(RangeError);
  });
});

describe('regionName', () => {
  it('names provinces and plan cities in both locales', () => {
    expect(regionName('440106')).toBe('广东省');
    expect(regionName('440305')).toBe('广东省 深圳市');
    expect(regionName('440305', 'en')).toBe('Shenzhen, Guangdong');
    expect(regionName('110105', 'en')).toBe('Beijing');
    expect(regionName('650000')).toBe('新疆维吾尔自治区');
  });
  it('throws on non-region codes', () => expect(() => regionName('999999')).toThrow(RangeError));
});
