import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '../../src/domain/epcis/types.js';
import { epcIndexRows } from '../../src/domain/epcis/normalize.js';
import type { Db } from '../../src/server/db/client.js';
import { epcisRepo } from '../../src/server/modules/epcis/epcis.repo.js';

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

const seqs = new Map<string, number>();
/**
 * Stores StoredEvents in the event store as a capture would (event rows with their lists in the document, identifier
 * rows; the chain's hashes are placeholders): the trace projection with linksInEventStore reads transformation links
 * from there. Declarations (errorDeclaration set) become declaration rows.
 */
export async function storeEvents(tx: Db, events: StoredEvent[]) {
  const captureId = randomUUID();
  const h = '0'.repeat(64);
  const rows = events.map((e) => {
    const seq = (seqs.get(e.enterpriseId) ?? 0) + 1;
    seqs.set(e.enterpriseId, seq);
    const lists = Object.fromEntries(
      (['epcList', 'quantityList', 'childEPCs', 'childQuantityList', 'inputEPCList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList'] as const).filter((k) => e[k].length).map((k) => [k, e[k]]),
    );
    return {
      event: {
        enterprise_id: e.enterpriseId, seq, event_id: e.eventId, is_declaration: !!e.errorDeclaration, event_type: e.type, event_time: e.eventTime, event_time_zone_offset: e.eventTimeZoneOffset,
        record_time: e.recordTime, action: e.action, biz_step: e.bizStep, disposition: e.disposition, read_point: e.readPoint, biz_location: e.bizLocation, transformation_id: e.transformationID,
        declaration_time: e.errorDeclaration?.declarationTime ?? null, capture_id: captureId, content_hash: h,
        document: { ...e.document, type: e.type, eventTime: e.eventTime, ...(e.parentID ? { parentID: e.parentID } : {}), ...lists }, doc_context: null, prev_hash: h, hash: h,
      },
      epcs: epcIndexRows(e).map((r) => ({ enterprise_id: e.enterpriseId, seq, role: r.role, epc: r.epc })),
    };
  });
  await epcisRepo.insertChunkAsJson(tx, rows.map((r) => r.event), rows.flatMap((r) => r.epcs), []);
}
