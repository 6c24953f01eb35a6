import type { StoredEvent } from '../../src/domain/epcis/types.js';

/** StoredEvent builder for projector tests (the shape the epcis module hands to onStored listeners). */
let n = 0;
export function storedEvent(enterpriseId: string, p: Partial<StoredEvent> & { type: StoredEvent['type']; eventTime: string }): StoredEvent {
  n++;
  return {
    enterpriseId,
    eventTimeZoneOffset: '+08:00',
    recordTime: new Date().toISOString(),
    action: null,
    bizStep: null,
    disposition: null,
    readPoint: null,
    bizLocation: null,
    epcList: [],
    quantityList: [],
    parentID: null,
    childEPCs: [],
    childQuantityList: [],
    inputEPCList: [],
    inputQuantityList: [],
    outputEPCList: [],
    outputQuantityList: [],
    transformationID: null,
    bizTransactionList: [],
    sourceList: [],
    destinationList: [],
    errorDeclaration: null,
    ilmd: null,
    document: {},
    ...p,
    eventId: p.eventId ?? `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  };
}

/** An EPCISDocument as an MES sends it, binding its own prefix "rm:" to the platform's namespace. */
export function mesDocument(events: unknown[]) {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { rm: 'urn:reman-platform:voc:' }],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-04-01T00:00:00Z',
    epcisBody: { eventList: events },
  };
}
