import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AUTHORITY_SEEDS,
  MINISTRY_AUTHORITY_ID,
  XPCC_AUTHORITY_ID,
  authorityJurisdictionCovers,
  findAuthoritySeed,
  resolveReviewingAuthority,
  reviewingAuthorityId,
} from '../../src/domain/authorities.js';
import { PLAN_CITIES, PROVINCES, planCityOf, provinceOf } from '../../src/domain/regions.js';

describe('AUTHORITY_SEEDS', () => {
  it('has 38 entries with unique ids and names', () => {
    expect(AUTHORITY_SEEDS).toHaveLength(38);
    expect(new Set(AUTHORITY_SEEDS.map((a) => a.id)).size).toBe(38);
    expect(new Set(AUTHORITY_SEEDS.map((a) => a.name)).size).toBe(38);
    expect(new Set(AUTHORITY_SEEDS.map((a) => a.nameEn)).size).toBe(38);
  });
  it('has 1 ministry, 31 provinces, 5 plan cities, 1 兵团', () => {
    const count = (k: string) => AUTHORITY_SEEDS.filter((a) => a.kind === k).length;
    expect([count('ministry'), count('province'), count('plan_city'), count('xpcc')]).toEqual([1, 31, 5, 1]);
    expect(findAuthoritySeed(MINISTRY_AUTHORITY_ID)?.name).toBe('工业和信息化部');
    expect(findAuthoritySeed(XPCC_AUTHORITY_ID)).toMatchObject({ kind: 'xpcc', regionCode: null });
  });
  it('covers every province and plan city with a matching id', () => {
    for (const p of PROVINCES) expect(findAuthoritySeed(`prov-${p.code}`)).toMatchObject({ regionCode: p.code });
    for (const c of PLAN_CITIES) expect(findAuthoritySeed(`city-${c.code}`)).toMatchObject({ regionCode: c.code });
    expect(findAuthoritySeed('prov-440000')?.name).toBe('广东省工业和信息化厅');
    expect(findAuthoritySeed('city-440300')?.name).toBe('深圳市工业和信息化局');
  });
});

describe('reviewingAuthorityId', () => {
  it.each([
    ['210202', 'city-210200'],
    ['210281', 'city-210200'],
    ['210102', 'prov-210000'],
    ['370212', 'city-370200'],
    ['370102', 'prov-370000'],
    ['330212', 'city-330200'],
    ['330106', 'prov-330000'],
    ['350206', 'city-350200'],
    ['350102', 'prov-350000'],
    ['440305', 'city-440300'],
    ['440106', 'prov-440000'],
    ['440000', 'prov-440000'],
    ['310110', 'prov-310000'],
  ])('%s → %s', (region, id) => expect(reviewingAuthorityId(region)).toBe(id));

  it.each(['', '44030', '4403050', 'abcdef', '660000', '710000', '000000'])('throws for %j', (c) =>
    expect(() => reviewingAuthorityId(c)).toThrow(RangeError),
  );

  it('routes 兵团 enterprises only when flagged', () => {
    expect(resolveReviewingAuthority({ regionCode: '659001', xpcc: true })).toBe('xpcc');
    expect(resolveReviewingAuthority({ regionCode: null, xpcc: true })).toBe('xpcc');
    expect(resolveReviewingAuthority({ regionCode: '659001', xpcc: false })).toBe('prov-650000');
    expect(() => resolveReviewingAuthority({ regionCode: null, xpcc: false })).toThrow(RangeError);
  });

  it('property: every region code routes to exactly one non-ministry authority (its province or plan city)', () => {
    const regionCode = fc
      .tuple(
        fc.constantFrom(...PROVINCES.map((p) => p.code.slice(0, 2)), ...PLAN_CITIES.map((c) => c.code.slice(0, 4))),
        fc.integer({ min: 0, max: 9999 }),
      )
      .map(([prefix, n]) => (prefix + String(n).padStart(4, '0')).slice(0, 6));
    fc.assert(
      fc.property(regionCode, (code) => {
        const covering = AUTHORITY_SEEDS.filter(
          (a) => a.id !== MINISTRY_AUTHORITY_ID && authorityJurisdictionCovers(a.id, code),
        );
        if (covering.length !== 1 || covering[0].id !== reviewingAuthorityId(code)) return false;
        const expectedRegion = planCityOf(code) ?? provinceOf(code);
        return covering[0].regionCode === expectedRegion;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('authorityJurisdictionCovers', () => {
  it('lets MIIT cover everything', () => {
    expect(authorityJurisdictionCovers('miit', '440305')).toBe(true);
    expect(authorityJurisdictionCovers('miit', 'bogus')).toBe(true);
    expect(authorityJurisdictionCovers('miit', '659001', 'xpcc')).toBe(true);
  });
  it('keeps a province out of its plan city', () => {
    expect(authorityJurisdictionCovers('prov-440000', '440106')).toBe(true);
    expect(authorityJurisdictionCovers('prov-440000', '440305')).toBe(false);
    expect(authorityJurisdictionCovers('city-440300', '440305')).toBe(true);
    expect(authorityJurisdictionCovers('city-440300', '440106')).toBe(false);
  });
  it('honours an explicit assignment (兵团)', () => {
    expect(authorityJurisdictionCovers('xpcc', '659001')).toBe(false);
    expect(authorityJurisdictionCovers('xpcc', '659001', 'xpcc')).toBe(true);
    expect(authorityJurisdictionCovers('prov-650000', '659001', 'xpcc')).toBe(false);
  });
  it('is false for unknown authorities or invalid regions', () => {
    expect(authorityJurisdictionCovers('prov-999999', '440106')).toBe(false);
    expect(authorityJurisdictionCovers('prov-440000', 'bogus')).toBe(false);
  });
});
