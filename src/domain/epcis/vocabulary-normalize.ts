/**
 * Canonical form of CBV 2.0 vocabulary values, used for storage and for comparison in queries.
 *
 * CBV 2.0 §6 lets the same standard value travel in three spellings: the bare word of the JSON/JSON-LD binding
 * ("shipping"), the GS1 Web URI (https://ref.gs1.org/cbv/BizStep-shipping) and the EPCIS 1.x URN
 * (urn:epcglobal:cbv:bizstep:shipping); JSON-LD also allows the CURIE cbv:BizStep-shipping. Standard values
 * are kept in bare form; every other value (the platform's reman extension, a partner's own URI) is kept
 * exactly as given. Pure, no I/O.
 */

export type VocabularyKind = 'bizStep' | 'disposition' | 'bizTransactionType' | 'sourceDestType' | 'errorReason';

/** CBV 2.0 §7.2 business steps (as listed in the GS1 EPCIS 2.0 JSON Schema, bizStep-JSON-Schema.json). */
export const CBV_BIZ_STEPS = [
  'accepting', 'arriving', 'assembling', 'collecting', 'commissioning', 'consigning', 'creating_class_instance', 'cycle_counting',
  'decommissioning', 'departing', 'destroying', 'disassembling', 'dispensing', 'encoding', 'entering_exiting', 'holding', 'inspecting',
  'installing', 'killing', 'loading', 'other', 'packing', 'picking', 'receiving', 'removing', 'repackaging', 'repairing', 'replacing',
  'reserving', 'retail_selling', 'shipping', 'staging_outbound', 'stock_taking', 'stocking', 'storing', 'transporting', 'unloading',
  'unpacking', 'void_shipping', 'sensor_reporting', 'sampling',
] as const;
/** CBV 2.0 §7.3 dispositions. */
export const CBV_DISPOSITIONS = [
  'active', 'container_closed', 'damaged', 'destroyed', 'dispensed', 'disposed', 'encoded', 'expired', 'in_progress', 'in_transit',
  'inactive', 'no_pedigree_match', 'non_sellable_other', 'partially_dispensed', 'recalled', 'reserved', 'retail_sold', 'returned',
  'sellable_accessible', 'sellable_not_accessible', 'stolen', 'unknown', 'available', 'completeness_verified', 'completeness_inferred',
  'conformant', 'container_open', 'mismatch_instance', 'mismatch_class', 'mismatch_quantity', 'needs_replacement', 'non_conformant',
  'unavailable',
] as const;
/** CBV 2.0 §7.4 business transaction types. */
export const CBV_BIZ_TRANSACTION_TYPES = ['bol', 'cert', 'desadv', 'inv', 'pedigree', 'po', 'poc', 'prodorder', 'recadv', 'rma', 'testprd', 'testres', 'upevt'] as const;
/** CBV 2.0 §7.5 source/destination types. */
export const CBV_SOURCE_DEST_TYPES = ['owning_party', 'possessing_party', 'location'] as const;
/** CBV 2.0 §7.6 error reasons. */
export const CBV_ERROR_REASONS = ['did_not_occur', 'incorrect_data'] as const;

interface KindSpec {
  values: ReadonlySet<string>;
  /** GS1 Web URI term prefix (https://ref.gs1.org/cbv/<prefix>-<value>) */
  web: string;
  /** EPCIS 1.x URN prefix (urn:epcglobal:cbv:<urn>:<value>) */
  urn: string;
}

const SPECS: Record<VocabularyKind, KindSpec> = {
  bizStep: { values: new Set(CBV_BIZ_STEPS), web: 'BizStep', urn: 'bizstep' },
  disposition: { values: new Set(CBV_DISPOSITIONS), web: 'Disp', urn: 'disp' },
  bizTransactionType: { values: new Set(CBV_BIZ_TRANSACTION_TYPES), web: 'BTT', urn: 'btt' },
  sourceDestType: { values: new Set(CBV_SOURCE_DEST_TYPES), web: 'SDT', urn: 'sdt' },
  errorReason: { values: new Set(CBV_ERROR_REASONS), web: 'ER', urn: 'er' },
};

const WEB_BASES = ['https://ref.gs1.org/cbv/', 'http://ref.gs1.org/cbv/', 'cbv:'];

/** The bare standard name when `value` is a standard CBV value of `kind` in any of its spellings, else null. */
export function standardName(kind: VocabularyKind, value: string): string | null {
  const spec = SPECS[kind];
  const v = value.trim();
  if (spec.values.has(v)) return v;
  for (const base of WEB_BASES) {
    const prefix = `${base}${spec.web}-`;
    if (v.startsWith(prefix) && spec.values.has(v.slice(prefix.length))) return v.slice(prefix.length);
  }
  const urn = `urn:epcglobal:cbv:${spec.urn}:`;
  if (v.startsWith(urn) && spec.values.has(v.slice(urn.length))) return v.slice(urn.length);
  return null;
}

/** Canonical form: bare name for CBV standard values, the value as given (trimmed) otherwise. */
export function normalizeVocabulary(kind: VocabularyKind, value: string): string;
export function normalizeVocabulary(kind: VocabularyKind, value: string | null | undefined): string | null;
export function normalizeVocabulary(kind: VocabularyKind, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return standardName(kind, value) ?? value.trim();
}

/** The GS1 Web URI of a standard value (for the event hash ID, CBV 2.0 §8.9 rule 16), else the value as given. */
export function webUri(kind: VocabularyKind, value: string): string {
  const name = standardName(kind, value);
  return name ? `https://ref.gs1.org/cbv/${SPECS[kind].web}-${name}` : value.trim();
}
