import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET, canonicalEpc, classifyCode, deriveEnterprisePrefix, digitalLinkUri, gs1CheckDigit, luhn32, makeProductCode, normalizeGtin, parseDigitalLink, parseProductCode, parseSgtinUrn, PRODUCT_CODE_LENGTH, verifyPath,
} from '../../src/domain/trace/codes.js';

describe('platform product code', () => {
  it('is RM + 6-char enterprise prefix + 8-digit serial + Luhn mod 32 check character', () => {
    const prefix = deriveEnterprisePrefix('6d1f0c3e-0000-4000-8000-000000000001');
    expect(prefix).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    const code = makeProductCode(prefix, 17);
    expect(code).toHaveLength(PRODUCT_CODE_LENGTH);
    expect(code.slice(0, 8)).toBe(`RM${prefix}`);
    expect(code.slice(8, 16)).toBe('00000017');
    expect(code.at(-1)).toBe(luhn32(prefix + '00000017'));
    expect(parseProductCode(code)).toEqual({ code, enterprisePrefix: prefix, serial: 17 });
  });

  it('prefix derivation is stable and changes with the attempt counter (collisions)', () => {
    expect(deriveEnterprisePrefix('x')).toBe(deriveEnterprisePrefix('x'));
    expect(deriveEnterprisePrefix('x', 1)).not.toBe(deriveEnterprisePrefix('x', 0));
  });

  it('detects every single-character substitution and every adjacent transposition except 0 ↔ Z', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...CODE_ALPHABET), minLength: 6, maxLength: 6 }), fc.integer({ min: 1, max: 99_999_999 }), fc.nat(15), fc.nat(31), (prefix, serial, pos, sub) => {
        const code = makeProductCode(prefix, serial);
        const i = 2 + (pos % 15);
        const replacement = CODE_ALPHABET[sub]!;
        if (replacement !== code[i]) {
          const typo = code.slice(0, i) + replacement + code.slice(i + 1);
          expect(parseProductCode(typo)).toBeNull();
        }
        const j = 2 + (pos % 14);
        const pair = `${code[j]}${code[j + 1]}`;
        if (code[j] !== code[j + 1] && pair !== '0Z' && pair !== 'Z0') {
          const swapped = code.slice(0, j) + code[j + 1] + code[j] + code.slice(j + 2);
          expect(parseProductCode(swapped)).toBeNull();
        }
      }),
      { numRuns: 500 },
    );
    // the one blind spot of Luhn mod N, stated in the docs
    const blind = makeProductCode('0Z0000', 1);
    expect(parseProductCode(`RMZ0${blind.slice(4)}`)).not.toBeNull();
  });

  it('reads what people type: lower case, spaces, hyphens, O for 0 and I/L for 1', () => {
    const code = makeProductCode('ABC123', 10);
    const typed = `${code.slice(0, 4)} - ${code.slice(4)}`.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseProductCode(typed)?.code).toBe(code);
    expect(parseProductCode('RM123')).toBeNull();
    expect(() => makeProductCode('ABC12U', 1)).toThrow(RangeError);
    expect(() => makeProductCode('ABC123', 0)).toThrow(RangeError);
  });

  it('classifies a code parameter: platform code, EPC URI, Digital Link on any domain', () => {
    const code = makeProductCode('ABC123', 10);
    expect(classifyCode(code)).toEqual({ kind: 'code', code, enterprisePrefix: 'ABC123' });
    expect(classifyCode('urn:epc:id:sgtin:0614141.107346.2018')).toEqual({ kind: 'epc', epc: 'urn:epc:id:sgtin:0614141.107346.2018' });
    expect(classifyCode('https://example.com/01/09506000134352/21/A%2F1')).toEqual({ kind: 'epc', epc: 'https://id.gs1.org/01/09506000134352/21/A%2F1' });
    expect(classifyCode('not a code').kind).toBe('invalid');
    expect(verifyPath(code)).toBe(`/p/${code}`);
  });
});

describe('GS1 identifiers', () => {
  it('GTIN check digits (GS1 General Specifications 7.9.1)', () => {
    expect(gs1CheckDigit('950600013435')).toBe(2); // 9506000134352
    expect(normalizeGtin('9506000134352')).toBe('09506000134352');
    expect(normalizeGtin('9506000134353')).toBeNull();
    expect(normalizeGtin('12345')).toBeNull();
  });

  it('builds and parses Digital Link URIs https://id.gs1.org/01/{gtin}/21/{serial}', () => {
    expect(digitalLinkUri('9506000134352', 'ABC-1')).toBe('https://id.gs1.org/01/09506000134352/21/ABC-1');
    expect(parseDigitalLink('https://id.gs1.org/01/09506000134352/21/ABC-1')).toEqual({ gtin: '09506000134352', serial: 'ABC-1' });
    expect(parseDigitalLink('https://brand.example/some/path/01/09506000134352/21/X1?linkType=all')).toEqual({ gtin: '09506000134352', serial: 'X1' });
    expect(parseDigitalLink('https://id.gs1.org/01/09506000134353/21/X')).toBeNull();
    expect(canonicalEpc('urn:epc:id:sgtin:1.2.3')).toBe('urn:epc:id:sgtin:1.2.3');
    expect(() => digitalLinkUri('9506000134352', 'x'.repeat(21))).toThrow(RangeError);
  });

  it('reads the GTIN of an SGTIN EPC URI (TDS 2.0)', () => {
    expect(parseSgtinUrn('urn:epc:id:sgtin:0614141.112345.400')).toEqual({ gtin: '10614141123459', serial: '400' });
    expect(parseSgtinUrn('urn:epc:id:sgtin:0614141.12345.400')).toBeNull();
  });
});
