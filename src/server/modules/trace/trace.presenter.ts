import { verifyPath } from '../../../domain/trace/codes.js';
import { siteIdOfLocation } from '../../../domain/trace/site.js';
import { stepLabel } from '../../../domain/trace/vocabulary.js';
import type { ProductRow, PublicProductRow, StepRow } from './trace.repo.js';
import { publicStatus, publicStatusLabel } from '../../../domain/trace/successor.js';

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
  d: { row: ProductRow; lives: ProductRow[]; inputs: readonly object[]; original: { key: string; name: string | null; kind: string }[]; steps: StepRow[] },
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
    inputs: (d.inputs as Record<string, unknown>[]).map((i) => ({
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
