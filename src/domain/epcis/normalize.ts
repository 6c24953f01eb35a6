/**
 * From a captured EPCIS 2.0 JSON/JSON-LD event (already valid against the GS1 JSON Schema) to the normalised
 * fields of StoredEvent (./types.ts). EPCIS 2.0 §7.4 (event types and fields); vocabulary values through
 * normalizeVocabulary (CBV 2.0 §6); EPC identifiers kept as given. Pure, no I/O.
 */
import type { BizTransaction, EpcisAction, EpcisEventType, ErrorDeclaration, QuantityElement, SourceDest, StoredEvent } from './types.js';
import { EPCIS_EVENT_TYPES } from './types.js';
import { normalizeVocabulary } from './vocabulary-normalize.js';

type Json = Record<string, unknown>;

export type NormalizedFields = Omit<StoredEvent, 'enterpriseId' | 'eventId' | 'recordTime'>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function quantities(v: unknown): QuantityElement[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((q): q is Json => !!q && typeof q === 'object')
    .map((q) => {
      const out: QuantityElement = { epcClass: String(q.epcClass) };
      if (typeof q.quantity === 'number') out.quantity = q.quantity;
      if (typeof q.uom === 'string') out.uom = q.uom;
      return out;
    });
}

/** readPoint / bizLocation: {"id": "…"} in EPCIS 2.0 JSON; a plain string is tolerated. */
function locationId(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as Json).id === 'string') return (v as Json).id as string;
  return null;
}

function bizTransactions(v: unknown): BizTransaction[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((b): b is Json => !!b && typeof b === 'object')
    .map((b) => {
      const out: BizTransaction = { bizTransaction: String(b.bizTransaction) };
      if (typeof b.type === 'string') out.type = normalizeVocabulary('bizTransactionType', b.type);
      return out;
    });
}

function sourceDest(v: unknown, key: 'source' | 'destination'): SourceDest[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((s): s is Json => !!s && typeof s === 'object')
    .map((s) => ({ type: normalizeVocabulary('sourceDestType', String(s.type)), id: String(s[key]) }));
}

function errorDeclaration(v: unknown): ErrorDeclaration | null {
  if (!v || typeof v !== 'object') return null;
  const e = v as Json;
  const out: ErrorDeclaration = { declarationTime: toUtcIso(String(e.declarationTime)) };
  if (typeof e.reason === 'string') out.reason = normalizeVocabulary('errorReason', e.reason);
  if (Array.isArray(e.correctiveEventIDs)) out.correctiveEventIDs = strList(e.correctiveEventIDs);
  return out;
}

/** ISO 8601 with offset → UTC instant with milliseconds ("2020-01-01T10:00:00.000Z"). */
export function toUtcIso(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

export function isEventType(t: unknown): t is EpcisEventType {
  return typeof t === 'string' && (EPCIS_EVENT_TYPES as readonly string[]).includes(t);
}

/** The normalised view of one event. `event.type` must be one of the five EPCIS 2.0 event types. */
export function normalizeEvent(event: Json): NormalizedFields {
  const type = event.type as EpcisEventType;
  const action = str(event.action) as EpcisAction | null;
  return {
    type,
    eventTime: toUtcIso(String(event.eventTime)),
    eventTimeZoneOffset: String(event.eventTimeZoneOffset ?? '+00:00'),
    action: action ?? null,
    bizStep: normalizeVocabulary('bizStep', str(event.bizStep)),
    disposition: normalizeVocabulary('disposition', str(event.disposition)),
    readPoint: locationId(event.readPoint),
    bizLocation: locationId(event.bizLocation),
    epcList: strList(event.epcList),
    quantityList: quantities(event.quantityList),
    parentID: str(event.parentID),
    childEPCs: strList(event.childEPCs),
    childQuantityList: quantities(event.childQuantityList),
    inputEPCList: strList(event.inputEPCList),
    inputQuantityList: quantities(event.inputQuantityList),
    outputEPCList: strList(event.outputEPCList),
    outputQuantityList: quantities(event.outputQuantityList),
    transformationID: str(event.transformationID),
    bizTransactionList: bizTransactions(event.bizTransactionList),
    sourceList: sourceDest(event.sourceList, 'source'),
    destinationList: sourceDest(event.destinationList, 'destination'),
    errorDeclaration: errorDeclaration(event.errorDeclaration),
    ilmd: event.ilmd && typeof event.ilmd === 'object' ? (event.ilmd as Record<string, unknown>) : null,
    document: event,
  };
}

/** Identifier roles indexed for queries (EPCIS 2.0 §8.2.7.1 MATCH_* parameters). */
export type EpcRole = 'epc' | 'parent' | 'child' | 'input' | 'output' | 'quantity' | 'child_quantity' | 'input_quantity' | 'output_quantity';

export function epcIndexRows(e: NormalizedFields): { role: EpcRole; epc: string }[] {
  const out: { role: EpcRole; epc: string }[] = [];
  const add = (role: EpcRole, list: string[]) => {
    for (const epc of new Set(list)) out.push({ role, epc });
  };
  add('epc', e.epcList);
  if (e.parentID) out.push({ role: 'parent', epc: e.parentID });
  add('child', e.childEPCs);
  add('input', e.inputEPCList);
  add('output', e.outputEPCList);
  add('quantity', e.quantityList.map((q) => q.epcClass));
  add('child_quantity', e.childQuantityList.map((q) => q.epcClass));
  add('input_quantity', e.inputQuantityList.map((q) => q.epcClass));
  add('output_quantity', e.outputQuantityList.map((q) => q.epcClass));
  return out;
}

export type RefKind = 'bizTransaction' | 'source' | 'destination';
export function refIndexRows(e: NormalizedFields): { kind: RefKind; type: string; value: string }[] {
  const seen = new Set<string>();
  const out: { kind: RefKind; type: string; value: string }[] = [];
  const push = (kind: RefKind, type: string, value: string) => {
    const k = `${kind}\u0000${type}\u0000${value}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ kind, type, value });
  };
  for (const b of e.bizTransactionList) push('bizTransaction', b.type ?? '', b.bizTransaction);
  for (const s of e.sourceList) push('source', s.type, s.id);
  for (const d of e.destinationList) push('destination', d.type, d.id);
  return out;
}
