/**
 * Platform product codes, platform-assigned EPCs and GS1 Digital Link URIs (issue 4 "Codes, labels,
 * verification"; 规范条件 四(四), 六(二): remanufactured products are marked). Pure functions.
 *
 * Product code: `RM` + enterprise prefix (6 chars) + serial (8 digits) + check character (1) = 17 chars,
 * all in the Crockford base-32 alphabet (no I, L, O, U: unambiguous when read from a label). The check
 * character is Luhn mod 32 over prefix + serial: it catches every single-character error and every
 * transposition of adjacent characters except 0 ↔ Z (the Luhn blind spot, like 09 ↔ 90 in base 10). The prefix is allocated once per enterprise (derived from a hash of
 * its id, re-derived with a counter on a collision) and stored; serials are sequential per enterprise.
 */
import { createHash } from 'node:crypto';

export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_PREFIX = 'RM';
export const ENTERPRISE_PREFIX_LENGTH = 6;
export const SERIAL_DIGITS = 8;
export const PRODUCT_CODE_LENGTH = CODE_PREFIX.length + ENTERPRISE_PREFIX_LENGTH + SERIAL_DIGITS + 1;
const N = CODE_ALPHABET.length;

/** Luhn mod N check character over the alphabet (ISO/IEC 7812 Luhn generalised to base 32). */
export function luhn32(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    const cp = CODE_ALPHABET.indexOf(payload[i]!);
    if (cp < 0) throw new RangeError(`not a code character: ${payload[i]}`);
    let addend = factor * cp;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return CODE_ALPHABET[(N - (sum % N)) % N]!;
}

/** Enterprise prefix candidate `attempt` (0, 1, …) for an enterprise id: 6 base-32 chars of SHA-256. */
export function deriveEnterprisePrefix(enterpriseId: string, attempt = 0): string {
  const h = createHash('sha256').update(`${enterpriseId}#${attempt}`).digest();
  let out = '';
  for (let i = 0; i < ENTERPRISE_PREFIX_LENGTH; i++) out += CODE_ALPHABET[h[i]! % N];
  return out;
}

export function makeProductCode(prefix: string, serial: number): string {
  if (!/^[0-9A-HJKMNP-TV-Z]{6}$/.test(prefix)) throw new RangeError(`bad enterprise prefix ${prefix}`);
  if (!Number.isInteger(serial) || serial < 1 || serial >= 10 ** SERIAL_DIGITS) throw new RangeError(`serial out of range: ${serial}`);
  const body = prefix + String(serial).padStart(SERIAL_DIGITS, '0');
  return CODE_PREFIX + body + luhn32(body);
}

/** Only characters of CODE_ALPHABET (Crockford base 32: no I, L, O, U, no lower case, no space or hyphen). */
const CANONICAL_CHARS = /^[0-9A-HJKMNP-TV-Z]*$/;

/** Normalise what a person typed or a scanner read: upper case, no spaces/hyphens, Crockford O→0, I/L→1. */
export function normalizeProductCode(input: string): string {
  if (CANONICAL_CHARS.test(input)) return input; // already normalised (a scanned label's code): nothing to replace
  return input.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export interface ParsedCode {
  code: string;
  enterprisePrefix: string;
  serial: number;
}

/** A valid platform product code (format and check character), or null. */
export function parseProductCode(input: string): ParsedCode | null {
  const c = normalizeProductCode(input);
  // "RM" itself contains no ambiguous letters, so normalisation cannot break it.
  if (c.length !== PRODUCT_CODE_LENGTH || !c.startsWith(CODE_PREFIX)) return null;
  const body = c.slice(2, -1);
  if (!CANONICAL_CHARS.test(body) || !CANONICAL_CHARS.test(c.at(-1)!)) return null;
  const serialText = body.slice(ENTERPRISE_PREFIX_LENGTH);
  if (!/^\d{8}$/.test(serialText)) return null;
  if (luhn32(body) !== c.at(-1)) return null;
  return { code: c, enterprisePrefix: body.slice(0, ENTERPRISE_PREFIX_LENGTH), serial: Number(serialText) };
}

// ---------------------------------------------------------------------------------------------- GTIN / DL

/** GS1 mod-10 check digit of the first n-1 digits (GS1 General Specifications §7.9.1). */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  const len = digitsWithoutCheck.length;
  for (let i = 0; i < len; i++) sum += Number(digitsWithoutCheck[len - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** A GTIN-8/12/13/14 with a valid check digit, as 14 digits; null otherwise. */
export function normalizeGtin(input: string): string | null {
  const d = input.trim();
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(d)) return null;
  const g = d.padStart(14, '0');
  return gs1CheckDigit(g.slice(0, 13)) === Number(g[13]) ? g : null;
}

/** GS1 AI (21) serial: 1–20 characters of GS1 AI encodable character set 82. */
export const AI21_PATTERN = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

export const DIGITAL_LINK_BASE = 'https://id.gs1.org';

/** GS1 Digital Link URI of a serialised item (GS1 Digital Link standard 1.2, canonical id.gs1.org). */
export function digitalLinkUri(gtin: string, serial: string): string {
  const g = normalizeGtin(gtin);
  if (!g) throw new RangeError(`bad GTIN ${gtin}`);
  if (!AI21_PATTERN.test(serial)) throw new RangeError(`bad serial ${serial}`);
  return `${DIGITAL_LINK_BASE}/01/${g}/21/${encodeURIComponent(serial)}`;
}

/** {gtin, serial} from a Digital Link URI on any resolver domain, or null. */
export function parseDigitalLink(uri: string): { gtin: string; serial: string } | null {
  const m = /^https?:\/\/[^/]+(?:\/[^/]+)*?\/01\/(\d{8,14})\/21\/([^/?#]+)(?:[/?#].*)?$/.exec(uri.trim());
  if (!m) return null;
  const gtin = normalizeGtin(m[1]!);
  if (!gtin) return null;
  let serial: string;
  try {
    serial = decodeURIComponent(m[2]!);
  } catch {
    return null;
  }
  return AI21_PATTERN.test(serial) ? { gtin, serial } : null;
}

/** Canonical form for lookups: a Digital Link on any domain → the id.gs1.org form; other URIs unchanged. */
export function canonicalEpc(uri: string): string {
  const dl = parseDigitalLink(uri);
  return dl ? digitalLinkUri(dl.gtin, dl.serial) : uri.trim();
}

// ------------------------------------------------------------------------------------ platform EPCs

export const PLATFORM_EPC_NS = 'urn:reman-platform:';
export type PlatformObjectKind = 'core' | 'part' | 'product';

/** EPC the platform assigns when the enterprise gives none: urn:reman-platform:{kind}:{PREFIX}.{n}. */
export function platformEpc(kind: PlatformObjectKind, prefix: string, n: number | string): string {
  return `${PLATFORM_EPC_NS}${kind}:${prefix}.${n}`;
}

/** What a code parameter is (trace and public APIs accept all three). */
export type CodeRef = { kind: 'code'; code: string; enterprisePrefix: string } | { kind: 'epc'; epc: string } | { kind: 'invalid' };

export function classifyCode(input: string): CodeRef {
  const s = input.trim();
  if (!s || s.length > 500) return { kind: 'invalid' };
  const parsed = parseProductCode(s);
  if (parsed) return { kind: 'code', code: parsed.code, enterprisePrefix: parsed.enterprisePrefix };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(s)) return { kind: 'epc', epc: canonicalEpc(s) };
  return { kind: 'invalid' };
}

/** Public verification URL carried by the QR code. */
export function verifyPath(code: string): string {
  return `/p/${encodeURIComponent(code)}`;
}

/** GTIN and serial of an SGTIN EPC URI (urn:epc:id:sgtin:CompanyPrefix.IndicatorItemRef.Serial, TDS 2.0 §6.3.1). */
export function parseSgtinUrn(uri: string): { gtin: string; serial: string } | null {
  const m = /^urn:epc:id:sgtin:(\d+)\.(\d+)\.(.+)$/.exec(uri.trim());
  if (!m || m[1]!.length + m[2]!.length !== 13) return null;
  const body = m[2]!.slice(0, 1) + m[1]! + m[2]!.slice(1);
  let serial: string;
  try {
    serial = decodeURIComponent(m[3]!);
  } catch {
    return null;
  }
  return { gtin: body + gs1CheckDigit(body), serial };
}
