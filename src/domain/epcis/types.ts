/**
 * The contract between the EPCIS 2.0 event repository (src/server/modules/epcis, which owns capture, query
 * and storage) and the modules built on top of it (src/server/modules/trace: genealogy, products, codes,
 * verification, ledger). Pure types, no I/O.
 *
 * Vocabulary values are compared in one canonical form (`normalizeVocabulary` in ./vocabulary-normalize.ts,
 * owned by the epcis module): standard CBV 2.0 values as their bare name ("shipping", "in_progress",
 * "inspecting"), every other value (the platform's reman extension, a partner's own) as the full URI given.
 * EPC identifiers are kept as given (URN or GS1 Digital Link URI).
 */

export const EPCIS_EVENT_TYPES = ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'] as const;
export type EpcisEventType = (typeof EPCIS_EVENT_TYPES)[number];

export type EpcisAction = 'ADD' | 'OBSERVE' | 'DELETE';

/** A quantity of a class of objects (EPCIS 2.0 §7.3.3.3): an epcClass with an optional quantity and unit. */
export interface QuantityElement {
  epcClass: string;
  quantity?: number;
  uom?: string;
}

export interface BizTransaction {
  type?: string;
  bizTransaction: string;
}
export interface SourceDest {
  type: string;
  id: string;
}

export interface ErrorDeclaration {
  declarationTime: string;
  reason?: string;
  correctiveEventIDs?: string[];
}

/** One event as stored (normalised), handed to the listeners of the epcis module inside the capture transaction. */
export interface StoredEvent {
  /** Owner of the event stream: the enterprise whose token or user captured it. */
  enterpriseId: string;
  /** The event's own eventID, or the CBV 2.0 canonical hash ID (ni:///sha-256;…?ver=CBV2.0) when it had none. */
  eventId: string;
  type: EpcisEventType;
  /** ISO 8601 instant (UTC). */
  eventTime: string;
  eventTimeZoneOffset: string;
  /** ISO 8601 instant (UTC) set by the repository. */
  recordTime: string;
  action: EpcisAction | null;
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  epcList: string[];
  quantityList: QuantityElement[];
  parentID: string | null;
  childEPCs: string[];
  childQuantityList: QuantityElement[];
  inputEPCList: string[];
  inputQuantityList: QuantityElement[];
  outputEPCList: string[];
  outputQuantityList: QuantityElement[];
  transformationID: string | null;
  bizTransactionList: BizTransaction[];
  sourceList: SourceDest[];
  destinationList: SourceDest[];
  /** Set on an error declaration: the event with this eventId is declared erroneous from then on. */
  errorDeclaration: ErrorDeclaration | null;
  ilmd: Record<string, unknown> | null;
  /** The event exactly as captured (JSON-LD keys, extension fields), for reading fields not normalised above. */
  document: Record<string, unknown>;
}
