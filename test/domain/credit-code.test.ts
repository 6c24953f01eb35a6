import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckChar,
  creditCodeRegion,
  makeCreditCode,
  validateCreditCode,
} from '../../src/domain/credit-code.js';
import { PROVINCES } from '../../src/domain/regions.js';

const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''));
const alphabetString = (n: number) => fc.string({ unit: alphabetChar, minLength: n, maxLength: n });
const regionCode = fc
  .tuple(fc.constantFrom(...PROVINCES.map((p) => p.code.slice(0, 2))), fc.integer({ min: 0, max: 9999 }))
  .map(([p, n]) => p + String(n).padStart(4, '0'));
const validCode = fc
  .tuple(regionCode, alphabetString(9), alphabetString(2))
  .map(([r, body, prefix]) => makeCreditCode(r, body, prefix));

describe('GB 32100-2015 constants', () => {
  it('has 31 characters without I, O, S, V, Z', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(CREDIT_CODE_ALPHABET).not.toMatch(/[IOSVZ]/);
  });
  it('weights are 3^(i-1) mod 31', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });
});

describe('creditCodeCheckChar', () => {
  it('computes T for 91310110666007217 (sum 966)', () => {
    const first17 = '91310110666007217';
    const sum = [...first17].reduce((s, ch, i) => s + CREDIT_CODE_ALPHABET.indexOf(ch) * CREDIT_CODE_WEIGHTS[i], 0);
    expect(sum).toBe(966);
    expect(creditCodeCheckChar(first17)).toBe('T');
  });
  it('throws on invalid characters or length', () => {
    expect(() => creditCodeCheckChar('9131011066600721I')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('9131011066600721')).toThrow(RangeError);
  });
  it('always yields an alphabet character', () => {
    fc.assert(fc.property(alphabetString(17), (s) => CREDIT_CODE_ALPHABET.includes(creditCodeCheckChar(s))));
  });
});

describe('validateCreditCode', () => {
  it('accepts the valid example without warnings', () => {
    expect(validateCreditCode('91310110666007217T')).toEqual({ ok: true, code: '91310110666007217T', warnings: [] });
  });
  it('rejects a wrong check character and tells the expected one', () => {
    const r = validateCreditCode('91310110666007217U');
    expect(r).toMatchObject({ ok: false, reason: 'checksum', expected: 'T' });
    if (!r.ok) {
      expect(r.message).toContain('T');
      expect(r.messageEn).toContain('T');
    }
  });
  it('rejects the legal-but-non-conforming pilot code on checksum (override is handled elsewhere)', () => {
    expect(validateCreditCode('91350100M0001TGQXM')).toMatchObject({ ok: false, reason: 'checksum' });
  });
  it('normalises case and surrounding whitespace', () => {
    const r = validateCreditCode('  91310110666007217t\n');
    expect(r).toEqual({ ok: true, code: '91310110666007217T', warnings: [] });
    expect(validateCreditCode('\u300091310110666007217T\t').ok).toBe(true);
  });
  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the unused letter %s as a format error', (ch) => {
    const r = validateCreditCode('91310110666007217' + ch);
    expect(r).toMatchObject({ ok: false, reason: 'format' });
    if (!r.ok) expect(r.messageEn).toContain(ch);
  });
  it.each(['', '91310110666007217', '91310110666007217TT', '9131 0110 6660 0721 7T'])(
    'rejects wrong length: %j',
    (s) => expect(validateCreditCode(s)).toMatchObject({ ok: false, reason: 'format' }),
  );
  it('rejects a non-numeric region part', () => {
    const code = makeCreditCode('310110', '666007217').replace('310110', '3101A0');
    expect(validateCreditCode(code)).toMatchObject({ ok: false, reason: 'format' });
  });
  it('warns when the prefix is not 91', () => {
    const code = makeCreditCode('310110', '666007217', '52');
    const r = validateCreditCode(code);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.code)).toEqual(['NOT_ENTERPRISE_PREFIX']);
  });
  it('warns when the region is not one of the 31 provinces', () => {
    const r = validateCreditCode(makeCreditCode('660000', '666007217'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.code)).toEqual(['UNKNOWN_REGION']);
  });

  it('property: every code built by makeCreditCode validates', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        const r = validateCreditCode(code);
        return r.ok && r.code === code;
      }),
    );
  });
  it('property: every single-character substitution is detected', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), alphabetChar, (code, i, ch) => {
        fc.pre(code[i] !== ch);
        const mutated = code.slice(0, i) + ch + code.slice(i + 1);
        const r = validateCreditCode(mutated);
        if (r.ok) return false;
        // A letter in the region part (3–8) fails the format check; any other change fails the checksum.
        const letterInRegion = i >= 2 && i < 8 && !/\d/.test(ch);
        if (letterInRegion) return r.reason === 'format';
        return r.reason === 'checksum' && (i !== 17 || r.expected === code[17]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('creditCodeRegion / makeCreditCode', () => {
  it('extracts characters 3–8, also from codes that fail the checksum', () => {
    expect(creditCodeRegion('91310110666007217T')).toBe('310110');
    expect(creditCodeRegion(' 91350100m0001tgqxm ')).toBe('350100');
    expect(() => creditCodeRegion('913101')).toThrow(RangeError);
  });
  it('rebuilds the example and rejects bad parts', () => {
    expect(makeCreditCode('310110', '666007217')).toBe('91310110666007217T');
    expect(() => makeCreditCode('31011', '666007217')).toThrow(RangeError);
    expect(() => makeCreditCode('310110', '66600721')).toThrow(RangeError);
    expect(() => makeCreditCode('310110', '66600721O')).toThrow(RangeError);
  });
});
