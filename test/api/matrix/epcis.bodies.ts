import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

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

let eventNo = 0;
const CONTEXT = ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'];
/** A valid ObjectEvent with a fresh eventID. */
function event() {
  eventNo++;
  return {
    type: 'ObjectEvent', eventID: `urn:uuid:50000000-0000-4000-8000-${String(eventNo).padStart(12, '0')}`, eventTime: '2026-05-01T08:00:00Z',
    eventTimeZoneOffset: '+00:00', epcList: [`urn:epc:id:sgtin:0614141.107346.5${eventNo}`], action: 'OBSERVE', bizStep: 'inspecting',
  };
}
const doc = () => ({ '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-05-01T00:00:00Z', epcisBody: { eventList: [event()] } });
/** A capture of the home enterprise (through its API token): its capture id and its event's id. */
const captured = (w: PositiveWorld) =>
  w.once('epcis-capture', async () => {
    const d = doc();
    const r = await w.call('enterprise_token', 'POST', '/epcis/capture', d);
    if (r.statusCode !== 202) throw new Error(`routes-matrix setup: capture → ${r.statusCode} ${r.body.slice(0, 300)}`);
    return { captureID: String(r.headers.location).split('/').pop()!, eventID: d.epcisBody.eventList[0]!.eventID };
  });

/** Positive cases of the EPCIS 2.0 REST binding. */
export const positive: Record<string, Positive> = {
  'OPTIONS /epcis/capture': { as: 'public' },
  'POST /epcis/capture': () => Promise.resolve({ as: 'enterprise_token', body: doc() }),
  'GET /epcis/capture/:captureID': async (w) => ({ as: 'enterprise_token', params: { captureID: (await captured(w)).captureID } }),
  'POST /epcis/events': () => Promise.resolve({ as: 'enterprise_staff', body: { '@context': CONTEXT, ...event() } }),
  'GET /epcis/events': { as: 'enterprise_token' },
  'GET /epcis/events/:eventID': async (w) => ({ as: 'enterprise_token', params: { eventID: encodeURIComponent((await captured(w)).eventID) } }),
};
