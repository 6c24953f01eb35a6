import { verifyPath } from '../../../domain/trace/codes.js';
import { siteIdOfLocation } from '../../../domain/trace/site.js';
import { STEP_MAPPING, stepLabel } from '../../../domain/trace/vocabulary.js';
import type { ProductRow, PublicProductRow, StepRow } from './trace.repo.js';
import type { ProductInput } from './trace.projector.js';
import { PUBLIC_STATUSES, publicStatus, publicStatusLabel, publicTimeline, type PublicStatus } from '../../../domain/trace/successor.js';

/** Rows → API shapes. The public shape is built here and carries no owner, possessor, supplier or party. */

const num = (v: string | number | null) => (v === null || v === undefined ? null : Number(v));
const iso = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();

export function presentSummary(r: ProductRow, enterpriseName: string) {
  return {
    code: r.code,
    epc: r.epc,
    gtin: r.gtin,
    digitalLink: r.digital_link,
    verifyPath: verifyPath(r.code),
    enterpriseId: r.enterprise_id,
    enterpriseName,
    name: r.name,
    model: r.model,
    serial: r.serial,
    life: r.life,
    status: r.status,
    state: r.state ?? 'unknown',
    productionDate: r.production_date,
    standardNo: r.standard_no,
    warrantyMonths: r.warranty_months,
    massRate: num(r.mass_rate),
    valueRate: num(r.value_rate),
    formulaVersion: r.formula_version,
    // the site of making (issue 15 item 14): the making event's bizLocation, and the platform site it names
    bizLocation: r.biz_location ?? null,
    siteId: siteIdOfLocation(r.biz_location),
  };
}

export function presentDetail(
  d: { row: ProductRow; lives: ProductRow[]; inputs: readonly ProductInput[]; original: { key: string; name: string | null; kind: string }[]; steps: StepRow[] },
  enterpriseName: string,
  enterpriseAddress: string,
) {
  const r = d.row;
  const inst = r.installation as { location?: string; equipment?: string | null; time?: string } | null;
  return {
    ...presentSummary(r, enterpriseName),
    lives: d.lives.map((l) => ({ life: l.life, productCode: l.code, productionDate: l.production_date })),
    remanufacturedTimes: r.life,
    originalComponents: d.original,
    inputs: (d.inputs as readonly Record<string, unknown>[]).map((i) => ({
      key: String(i.epc ?? i.epcClass ?? ''),
      name: (i.name as string | undefined) ?? null,
      origin: (i.origin as string | undefined) ?? null,
      quantity: Number(i.quantity ?? 1),
      massKg: i.massKg === undefined ? null : Number(i.massKg),
      valueCny: i.valueCny === undefined ? null : Number(i.valueCny),
    })),
    steps: d.steps.map((s) => ({
      eventId: s.event_id,
      time: iso(s.event_time),
      kind: s.step_kind ?? 'other',
      label: stepLabel(s.step_kind),
      bizStep: s.biz_step,
      disposition: s.disposition,
      objectKey: s.object_key,
      erroneous: s.erroneous,
    })),
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name } : null,
    possessor: r.possessor_id ? { id: r.possessor_id, name: r.possessor_name } : null,
    installation: inst && inst.location !== undefined ? { location: inst.location, equipment: inst.equipment ?? null, time: inst.time ?? '' } : null,
    enterpriseAddress,
  };
}

/** Public verification (issue 4): dates and kinds only; no supplier, no party, no owner, no personal data. */
export function presentPublic(d: { row: PublicProductRow; enterpriseName: string; announced: boolean; steps: { date: string; kind: string; label: { zh: string; en: string } }[] }) {
  const r = d.row;
  // a unit remanufactured into a new product or disassembled is no longer in circulation under this code
  const status = publicStatus({ status: r.status, successorCode: r.successor_code, disassembledAt: r.disassembled_at });
  return {
    code: r.code,
    genuine: status === 'issued',
    status,
    statusLabel: publicStatusLabel(status, r.successor_code),
    successor: status === 'superseded' && r.successor_code ? { code: r.successor_code, verifyPath: verifyPath(r.successor_code) } : null,
    enterprise: { name: d.enterpriseName, announced: d.announced },
    name: r.name,
    model: r.model,
    productionDate: r.production_date,
    standardNo: r.standard_no,
    warrantyMonths: r.warranty_months,
    life: r.life,
    massRate: num(r.mass_rate),
    valueRate: num(r.value_rate),
    formulaVersion: r.formula_version,
    steps: d.steps,
  };
}

/**
 * The public answer as sent: the UTF-8 bytes of `JSON.stringify(PublicProductSchema.parse(presentPublic(…)))` (the
 * route's response schema), written directly from the row — the scanning hot path without the response cache
 * (issue 10 §5; docs/performance.md "ninth session"). Field order, null/number/string rules and the timeline are
 * the schema path's (test/unit/public-json.test.ts compares the two byte for byte); a field of the wrong type
 * throws, as the schema's parse would. The text is built as a "binary" string — each char one byte of UTF-8, the
 * fixed Chinese labels pre-encoded — so the final copy into the Buffer is a plain one-byte copy.
 */
export function publicJson(d: { row: PublicProductRow; enterpriseName: string; announced: boolean }): Buffer {
  const r = d.row;
  const status = publicStatus({ status: r.status, successorCode: r.successor_code, disassembledAt: r.disassembled_at });
  const successor = status === 'superseded' && r.successor_code ? `{"code":${jStr(r.successor_code)},"verifyPath":${jStr(verifyPath(r.successor_code))}}` : 'null';
  let steps = '';
  for (const [date, kind] of publicTimeline(r.public_steps)) steps += (steps ? ',{"date":' : '{"date":') + jStr(date) + stepTail(kind);
  const text =
    `{"code":${jStr(r.code)},"genuine":${status === 'issued'},"status":"${status}","statusLabel":${status === 'superseded' ? utf8Bytes(JSON.stringify(publicStatusLabel(status, r.successor_code))) : STATUS_LABELS[status]}` +
    `,"successor":${successor},"enterprise":{"name":${jStr(d.enterpriseName)},"announced":${jBool(d.announced)}},"name":${jStr(r.name)},"model":${jStrOrNull(r.model)}` +
    `,"productionDate":${jStr(r.production_date)},"standardNo":${jStrOrNull(r.standard_no)},"warrantyMonths":${jNumOrNull(r.warranty_months)},"life":${jNum(r.life)}` +
    `,"massRate":${jRateOrNull(r.mass_rate)},"valueRate":${jRateOrNull(r.value_rate)},"formulaVersion":${jStrOrNull(r.formula_version)},"steps":[${steps}]}`;
  return Buffer.from(text, 'latin1');
}

/** UTF-8 bytes of `s` as a one-byte ("binary") string. */
const utf8Bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
const NOT_ASCII = /[^\x00-\x7f]/;
const wrongType = (what: string, v: unknown) => new TypeError(`public answer: ${what} expected, got ${v === null ? 'null' : typeof v}`);
/** printable ASCII other than `"` and `\\`: JSON.stringify would only add the quotes */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** JSON string literal (JSON.stringify's escaping), as UTF-8 bytes */
function jStr(v: unknown): string {
  if (typeof v !== 'string') throw wrongType('string', v);
  if (PLAIN.test(v)) return `"${v}"`;
  const j = JSON.stringify(v);
  return NOT_ASCII.test(j) ? utf8Bytes(j) : j;
}
const jStrOrNull = (v: unknown) => (v === null ? 'null' : jStr(v));
const jBool = (v: unknown) => {
  if (typeof v !== 'boolean') throw wrongType('boolean', v);
  return v ? 'true' : 'false';
};
/** a finite number (z.number()) */
function jNum(v: unknown): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw wrongType('finite number', v);
  return JSON.stringify(v);
}
const jNumOrNull = (v: unknown) => (v === null ? 'null' : jNum(v));
/** a rate: numeric columns arrive as text and are read with Number(), as presentPublic's num() does */
const jRateOrNull = (v: string | number | null) => (v === null || v === undefined ? 'null' : jNum(Number(v)));
const STATUS_LABELS = Object.fromEntries(PUBLIC_STATUSES.map((s) => [s, utf8Bytes(JSON.stringify(publicStatusLabel(s, null)))])) as Record<PublicStatus, string>;
/** `,"kind":…,"label":{…}}` of a step, per kind of the vocabulary (pre-encoded once); others built each time */
const STEP_TAILS = new Map(Object.keys(STEP_MAPPING).map((k) => [k, stepTailOf(k)]));
function stepTailOf(kind: string): string {
  return utf8Bytes(`,"kind":${JSON.stringify(kind)},"label":${JSON.stringify(stepLabel(kind))}}`);
}
function stepTail(kind: unknown): string {
  if (typeof kind !== 'string') throw wrongType('string', kind);
  return STEP_TAILS.get(kind) ?? stepTailOf(kind);
}

export function presentRecallItem(r: ProductRow, enterpriseName: string, matchedCodes: string[] = [r.code]) {
  const inst = r.installation as { location?: string; equipment?: string | null } | null;
  return {
    code: r.code,
    name: r.name,
    model: r.model,
    serial: r.serial,
    life: r.life,
    status: r.status,
    state: r.state ?? 'unknown',
    productionDate: r.production_date,
    // null: still the enterprise's own (the web says so in the reader's language, the .xlsx in both)
    owner: r.owner_name ?? r.owner_id ?? null,
    possessor: r.possessor_name ?? r.possessor_id,
    installation: inst?.location ? [inst.location, inst.equipment].filter(Boolean).join(' / ') : null,
    enterpriseName,
    matchedCodes,
  };
}
