/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015
 * 《法人和其他组织统一社会信用代码编码规则》.
 *
 * Layout (GB 32100-2015 §4): position 1 登记管理部门代码, 2 机构类别代码, 3–8 登记管理机关行政区划码
 * (GB/T 2260), 9–17 主体标识码 (组织机构代码, GB 11714), 18 校验码.
 */
import { isRegionCode } from './regions.js';

/** GB 32100-2015 §4.2 / 表2: the 31 code characters; a character's value is its index (no I, O, S, V, Z). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 §4.3: weight of position i (1–17) is 3^(i-1) mod 31. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** Prefix 9 (market regulation) + 1 (enterprise): GB 32100-2015 表1. */
export const ENTERPRISE_PREFIX = '91';

export type CreditCodeWarningCode = 'NOT_ENTERPRISE_PREFIX' | 'UNKNOWN_REGION';

export interface CreditCodeWarning {
  code: CreditCodeWarningCode;
  message: string;
  messageEn: string;
}

export type CreditCodeValidation =
  | { ok: true; code: string; warnings: CreditCodeWarning[] }
  | {
      ok: false;
      reason: 'format' | 'checksum';
      message: string;
      messageEn: string;
      /** The correct check character (checksum failures only). */
      expected?: string;
    };

function charValue(ch: string): number {
  return ch.length === 1 ? CREDIT_CODE_ALPHABET.indexOf(ch) : -1;
}

/**
 * GB 32100-2015 §4.3: C18 = 31 − (Σ Ci×Wi mod 31), where 31 becomes 0; returned as its alphabet character.
 * `first17` must be 17 characters of the alphabet (upper-case); throws RangeError otherwise.
 */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`Expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = charValue(first17[i]);
    if (v < 0) throw new RangeError(`Invalid credit code character "${first17[i]}" at position ${i + 1}`);
    sum += v * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

function formatError(message: string, messageEn: string): CreditCodeValidation {
  return { ok: false, reason: 'format', message, messageEn };
}

/** Trim and upper-case; any further check is left to the caller. */
function normalise(input: string): string {
  return input.trim().toUpperCase();
}

/** Format checks of GB 32100-2015 §4 (length, character set, numeric region); null when well-formed. */
function checkFormat(code: string): CreditCodeValidation | null {
  if (code.length !== 18) {
    return formatError(
      `统一社会信用代码应为 18 位，当前为 ${code.length} 位`,
      `A unified social credit code has 18 characters; got ${code.length}`,
    );
  }
  for (let i = 0; i < 18; i++) {
    if (charValue(code[i]) < 0) {
      return formatError(
        `第 ${i + 1} 位字符“${code[i]}”不合法（代码只使用数字和除 I、O、S、V、Z 以外的大写字母）`,
        `Character ${i + 1} ("${code[i]}") is not allowed (digits and capital letters except I, O, S, V, Z)`,
      );
    }
  }
  // GB 32100-2015 §4.1: positions 3–8 are the GB/T 2260 region code of the registering authority.
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return formatError(
      '第 3–8 位（登记管理机关行政区划码）应为 6 位数字',
      'Characters 3–8 (region code of the registering authority) must be six digits',
    );
  }
  return null;
}

/**
 * Validate a credit code. Fails on format or checksum (GB 32100-2015 §4); warns, without failing, when the
 * applicant is not an enterprise (规范条件 一(一): applies to 独立法人企业, i.e. prefix 91) or when the region
 * is not one of the 31 mainland provinces (the reviewing authority cannot then be derived).
 * Note: a few early pilot codes are legal yet fail the checksum (e.g. 91350100M0001TGQXM); accepting
 * those needs an authority-confirmed override outside this function.
 */
export function validateCreditCode(input: string): CreditCodeValidation {
  const code = normalise(input);
  const formatProblem = checkFormat(code);
  if (formatProblem) return formatProblem;

  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      ok: false,
      reason: 'checksum',
      message: `校验码不符：第 18 位应为“${expected}”，当前为“${code[17]}”。请核对营业执照上的代码`,
      messageEn: `Check character mismatch: expected "${expected}", got "${code[17]}". Please check the code on the business licence`,
      expected,
    };
  }

  const warnings: CreditCodeWarning[] = [];
  const prefix = code.slice(0, 2);
  if (prefix !== ENTERPRISE_PREFIX) {
    warnings.push({
      code: 'NOT_ENTERPRISE_PREFIX',
      message: `代码前两位为“${prefix}”，不是企业（91）；本规范条件适用于独立法人企业`,
      messageEn: `The code starts with "${prefix}", not 91 (enterprise); the Conditions apply to independent legal-person enterprises`,
    });
  }
  const region = code.slice(2, 8);
  if (!isRegionCode(region)) {
    warnings.push({
      code: 'UNKNOWN_REGION',
      message: `行政区划码“${region}”不属于 31 个省级行政区，需人工指定审核部门`,
      messageEn: `Region code "${region}" is not in one of the 31 provinces; the reviewing authority must be assigned manually`,
    });
  }
  return { ok: true, code, warnings };
}

/**
 * Characters 3–8 (GB/T 2260 region code) of a well-formed code, after trimming/upper-casing.
 * The checksum is not required (pilot codes that fail it still carry a real region). Throws RangeError
 * on malformed input.
 */
export function creditCodeRegion(code: string): string {
  const normalised = normalise(code);
  const problem = checkFormat(normalised);
  if (problem && !problem.ok) throw new RangeError(problem.messageEn);
  return normalised.slice(2, 8);
}

/**
 * Build a valid code from its parts (demo data, test factories): prefix (2 chars, default 91) + region
 * (6 digits) + body (9 alphabet chars) + computed check character. Throws RangeError on bad parts.
 */
export function makeCreditCode(regionCode: string, body9: string, prefix: string = ENTERPRISE_PREFIX): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`Region code must be six digits: "${regionCode}"`);
  if (prefix.length !== 2) throw new RangeError(`Prefix must be 2 characters: "${prefix}"`);
  if (body9.length !== 9) throw new RangeError(`Body must be 9 characters: "${body9}"`);
  const first17 = (prefix + regionCode + body9).toUpperCase();
  return first17 + creditCodeCheckChar(first17);
}
