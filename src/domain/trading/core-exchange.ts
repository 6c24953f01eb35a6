/**
 * 旧件交易 core exchange (issue 13): enterprises and recyclers post supply and demand of cores by model, quantity and
 * grade; the platform suggests matches. Pure rules (the module that stores posts and records transfers builds on
 * them): which supply fits a demand and how well. Grades as in the trade-in (A best … D worst).
 */
import { CONDITION_GRADES, type ConditionGrade } from './trade-in.js';

export interface CoreSupply {
  id: string;
  /** the posting party (an enterprise or a recycler organisation) */
  partyId: string;
  model: string | null;
  field: string | null;
  /** cores still offered */
  quantity: number;
  grade: ConditionGrade;
}
export interface CoreDemand {
  id: string;
  partyId: string;
  /** null: any model of the field */
  model: string | null;
  field: string | null;
  /** cores still wanted */
  quantity: number;
  /** the worst grade accepted */
  minGrade: ConditionGrade;
}
export interface CoreMatch {
  supplyId: string;
  demandId: string;
  /** cores one transfer would move: what is offered and still wanted */
  quantity: number;
  /** 0–1: model agreement first, then how much of the demand it fills, then how close the grade is */
  score: number;
  reason: { zh: string; en: string };
}

/** Models compared without case, spaces, hyphens or dots: "WD-615" is "wd615". */
export const modelKey = (m: string | null | undefined) => (m ?? '').toLowerCase().replace(/[\s\-_.·]/g, '');

const rank = (g: ConditionGrade) => CONDITION_GRADES.indexOf(g);
/** A supply's grade is acceptable when it is at least as good as the demand's worst accepted grade. */
export const gradeCompatible = (supply: ConditionGrade, minGrade: ConditionGrade) => rank(supply) <= rank(minGrade);

/**
 * The supplies that fit one demand, best first: another party's, cores left, grade acceptable, and the same model —
 * or, when the demand names no model, the same field. A supply of another model of the same field is not a match
 * (a core of another model does not fit).
 */
export function matchesFor(d: CoreDemand, supplies: readonly CoreSupply[]): CoreMatch[] {
  if (d.quantity <= 0) return [];
  const want = modelKey(d.model);
  const out: CoreMatch[] = [];
  for (const s of supplies) {
    if (s.partyId === d.partyId || s.quantity <= 0 || !gradeCompatible(s.grade, d.minGrade)) continue;
    const sameModel = !!want && modelKey(s.model) === want;
    const byField = !want && !!d.field && s.field === d.field;
    if (!sameModel && !byField) continue;
    const quantity = Math.min(s.quantity, d.quantity);
    const fill = quantity / d.quantity;
    // 0: exactly the grade asked; better cores rank a little lower, so they stay for demands that need them
    const gradeGap = (rank(d.minGrade) - rank(s.grade)) / (CONDITION_GRADES.length - 1);
    const score = Math.round(((sameModel ? 0.5 : 0.3) + 0.4 * fill + 0.1 * (1 - gradeGap)) * 1000) / 1000;
    out.push({
      supplyId: s.id,
      demandId: d.id,
      quantity,
      score,
      reason: sameModel
        ? { zh: `同型号 ${s.model}，${s.grade} 级，可供 ${quantity} 件`, en: `same model ${s.model}, grade ${s.grade}, ${quantity} available` }
        : { zh: `同领域，${s.grade} 级，可供 ${quantity} 件`, en: `same field, grade ${s.grade}, ${quantity} available` },
    });
  }
  return out.sort((a, b) => b.score - a.score || b.quantity - a.quantity || a.supplyId.localeCompare(b.supplyId));
}

/** Cores moved by one accepted match at most: each gets its own EPC in the receiver's trace (one intake event). */
export const MAX_TRANSFER_CORES = 500;

/** The supplier's declaration of a lawful source (规范条件 四(二)) as it travels with the transfer's events. */
export interface CoreAttestation {
  statement: string;
  document: string | null;
  partyName: string;
  username: string | null;
  at: string;
  matchId: string;
  supplyId: string;
  demandId: string;
  /**
   * The codes (EPCs) of the cores the declaration covers: in the events and on the accepted match, the units
   * transferred — a supplying enterprise's own traced cores, or the receiver's new EPCs for a recycler's cores.
   */
  cores?: string[];
}

/** How the receiver's intake names the supplier's channel (trace vocabulary RECYCLING_CHANNELS). */
export const CHANNEL_OF_SUPPLIER = { enterprise: 'other', recycler: 'recycler', dealer: 'dealer' } as const;

/**
 * The events of one accepted transfer (pure; ids, EPCs and party URIs passed in):
 *  - receiver: one core intake (ObjectEvent ADD, receiving/returned) of all the cores, each with its own EPC, source =
 *    the supplier (sourceList owning_party; reman:source returnedBy/channel), with `reman:attestation`;
 *  - supplier, when it is an enterprise with a trace: one shipping ObjectEvent, destination = the receiver, with the
 *    same attestation — naming the cores' codes when they are its own traced cores (`supplierCores`: the receiver's
 *    intake then names the same EPCs, so both traces show the same units), else of the quantity (a class per
 *    transfer, `urn:reman-platform:cores:<match>`: cores counted, not serialised, in the posting).
 * Both events' attestation names the codes of the units it covers (`cores`).
 */
/** What an accepted match records in the traces: the trace service's `recordCoreExchange` input and answer. */
export interface CoreTransferRecord {
  receiver: { enterpriseId: string; name: string };
  /** coreEpcs: a supplying enterprise's own traced cores (canonical EPCs, as many as the quantity) when it names them */
  supplier: { orgId: string; name: string; enterpriseId: string | null; channel: 'enterprise' | 'recycler' | 'dealer'; coreEpcs?: string[] | null };
  name: string;
  model: string | null;
  grade: string;
  quantity: number;
  attestation: CoreAttestation;
  at: Date;
  requestKey: string;
}
export interface CoreTransferRecorded {
  coreEpcs: string[];
  receiverEventIds: string[];
  supplierEventIds: string[];
  afterCommit: () => void;
}

export function coreTransferEvents(input: {
  receiverBase: { eventId: string; eventTime: string };
  supplierBase: { eventId: string; eventTime: string } | null;
  receiver: { uri: string; name: string };
  supplier: { uri: string; name: string; channel: keyof typeof CHANNEL_OF_SUPPLIER };
  name: string;
  model: string | null;
  grade: string;
  coreEpcs: string[];
  /** the coreEpcs are the supplier's own traced cores (its shipping names them) */
  supplierCores?: boolean;
  attestation: CoreAttestation;
}): { receiver: Record<string, unknown>; supplier: Record<string, unknown> | null } {
  const head = (b: { eventId: string; eventTime: string }) => ({ type: 'ObjectEvent', eventID: b.eventId, eventTime: b.eventTime, eventTimeZoneOffset: '+08:00' });
  const partyNames = { [input.supplier.uri]: input.supplier.name, [input.receiver.uri]: input.receiver.name };
  const note = `旧件交易 匹配 ${input.attestation.matchId}：${input.coreEpcs.length} 件，${input.grade} 级`;
  const attestation = { ...input.attestation, cores: input.coreEpcs };
  const receiver = {
    ...head(input.receiverBase),
    epcList: input.coreEpcs,
    action: 'ADD',
    bizStep: 'receiving',
    disposition: 'returned',
    sourceList: [{ type: 'owning_party', source: input.supplier.uri }],
    destinationList: [{ type: 'owning_party', destination: input.receiver.uri }, { type: 'possessing_party', destination: input.receiver.uri }],
    'reman:name': input.name,
    ...(input.model ? { 'reman:model': input.model } : {}),
    'reman:source': { returnedBy: input.supplier.name, channel: CHANNEL_OF_SUPPLIER[input.supplier.channel], tradeIn: false },
    'reman:grade': input.grade,
    'reman:attestation': attestation,
    'reman:partyNames': partyNames,
    'reman:note': note,
  };
  const supplier = input.supplierBase
    ? {
        ...head(input.supplierBase),
        ...(input.supplierCores
          ? { epcList: input.coreEpcs }
          : { epcList: [], quantityList: [{ epcClass: `urn:reman-platform:cores:${input.attestation.matchId}`, quantity: input.coreEpcs.length }] }),
        action: 'OBSERVE',
        bizStep: 'shipping',
        disposition: 'in_transit',
        sourceList: [{ type: 'owning_party', source: input.supplier.uri }],
        destinationList: [{ type: 'owning_party', destination: input.receiver.uri }],
        'reman:name': input.name,
        ...(input.model ? { 'reman:model': input.model } : {}),
        'reman:destinationName': input.receiver.name,
        'reman:attestation': attestation,
        'reman:partyNames': partyNames,
        'reman:note': note,
      }
    : null;
  return { receiver, supplier };
}
