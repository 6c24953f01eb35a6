import type { MatrixWorld } from './index.js';

/**
 * Sample bodies for the EPCIS capture routes: valid documents (they land in the caller's own stream; there is
 * no way to name another enterprise's stream in a capture).
 */
export function bodies(_world: MatrixWorld): Record<string, unknown> {
  const event = {
    type: 'ObjectEvent',
    eventID: 'urn:uuid:40000000-0000-4000-8000-000000000001',
    eventTime: '2026-05-01T08:00:00Z',
    eventTimeZoneOffset: '+00:00',
    epcList: ['urn:epc:id:sgtin:0614141.107346.4001'],
    action: 'OBSERVE',
    bizStep: 'inspecting',
  };
  const context = ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'];
  return {
    'OPTIONS /epcis/capture': undefined,
    'POST /epcis/capture': { '@context': context, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-05-01T00:00:00Z', epcisBody: { eventList: [event] } },
    'POST /epcis/events': { '@context': context, ...event, eventID: 'urn:uuid:40000000-0000-4000-8000-000000000002' },
  };
}
