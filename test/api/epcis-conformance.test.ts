import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHashId } from '../../src/domain/epcis/hash-id.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { buildEnterprise, enterpriseAdminCtx } from '../support/factories.js';
import { eventsOf, gs1Examples, openEpcisDocuments, openEpcisEvents, openEpcisInvalid, type CorpusFile } from '../fixtures/epcis/corpus.js';

/**
 * Conformance with the shared corpora (issue 4): every GS1 example and every OpenEPCIS document/event is
 * accepted and comes back from query equal in content; every OpenEPCIS invalid document is refused with a
 * 400 problem+json that says why. Each file is captured into its own enterprise stream (the corpora reuse
 * eventIDs across files with different content).
 */
let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => app?.close());

async function freshToken() {
  const e = await buildEnterprise(app.services);
  const ctx = await enterpriseAdminCtx(app.services, e.id);
  const { token } = await app.services.identity.createToken(ctx, 'MES');
  return { authorization: `Bearer ${token}` };
}

/** The event as the repository should return it: as captured, minus recordTime (set by the repository). */
function strip(e: Record<string, unknown>, keepEventId: boolean) {
  const { recordTime: _r, ...rest } = e;
  if (!keepEventId) delete rest.eventID;
  return rest;
}

async function captureAndCompare(file: CorpusFile) {
  const auth = await freshToken();
  const isEvent = file.doc.type !== 'EPCISDocument' && file.doc.type !== 'EPCISQueryDocument';
  const res = await app.inject({
    method: 'POST',
    url: isEvent ? '/epcis/events' : '/epcis/capture',
    headers: { ...auth, 'content-type': file.name.endsWith('.jsonld') ? 'application/ld+json' : 'application/json' },
    payload: file.raw,
  });
  expect(res.statusCode, `${file.name}: ${res.body}`).toBe(isEvent ? 201 : 202);
  if (!isEvent) {
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/epcis\/capture\/[0-9a-f-]{36}$/);
    const job = await app.inject({ url: location, headers: auth });
    expect(job.statusCode).toBe(200);
    expect(job.json()).toMatchObject({ running: false, success: true, errors: [] });
  }
  const originals = eventsOf(file.doc);
  // every event by its eventID (its own, or the CBV 2.0 hash ID the repository assigned)
  for (const ev of originals) {
    const id = typeof ev.eventID === 'string' ? ev.eventID : eventHashId(ev as Record<string, unknown>, (file.doc as Record<string, unknown>)['@context']);
    const one = await app.inject({ url: `/epcis/events/${encodeURIComponent(id)}`, headers: auth });
    expect(one.statusCode, `${file.name} ${id}: ${one.body}`).toBe(200);
    const doc = one.json();
    expect(doc.type).toBe('EPCISQueryDocument');
    const list = doc.epcisBody.queryResults.resultsBody.eventList as Record<string, unknown>[];
    expect(list).toHaveLength(1);
    expect(list[0]!.eventID).toBe(id);
    expect(typeof list[0]!.recordTime).toBe('string');
    expect(strip(list[0]!, typeof ev.eventID === 'string'), `${file.name} ${id}`).toEqual(strip(ev, true));
  }
  // and all of them through the query
  const all = await app.inject({ url: '/epcis/events?perPage=1000', headers: auth });
  expect(all.statusCode).toBe(200);
  const returned = all.json().epcisBody.queryResults.resultsBody.eventList as Record<string, unknown>[];
  expect(returned).toHaveLength(originals.length);
  for (const ev of originals) {
    expect(returned.some((r) => JSON.stringify(strip(r, typeof ev.eventID === 'string')) !== undefined && isEqual(strip(r, typeof ev.eventID === 'string'), strip(ev, true)))).toBe(true);
  }
}

function isEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}

describe('GS1 EPCIS 2.0 examples', () => {
  for (const file of gs1Examples()) {
    it(`accepts and returns ${file.name}`, async () => captureAndCompare(file));
  }
});

describe('OpenEPCIS capture documents and events', () => {
  for (const file of [...openEpcisDocuments(), ...openEpcisEvents()]) {
    it(`accepts and returns ${file.name}`, async () => captureAndCompare(file));
  }
});

/** What the problem detail must name for each invalid document. */
const WHY: Record<string, RegExp[]> = {
  'Combination_of_events_with_missing_mandatory_fields.json': [/action/, /eventTimeZoneOffset/],
  'Combination_of_multiple_invalid_fields.json': [/transforming/, /in_transport/, /place/, /materialType/, /CREATE/],
  'Combination_of_non_standard_bizStep_and_disposition.json': [/bizStep "transforming"/, /disposition "in_transport"/],
  'EPCISDocument_without_context.json': [/@context/],
  'ObjectEvent_with_ilmd_field_without_namespace.json': [/ilmd/, /materialType/],
  'ObjectEvent_with_invalid_action.json': [/action "CREATE"/],
  'ObjectEvent_with_invalid_certificationInfo.json': [/certificationInfo/],
  'ObjectEvent_with_invalid_eventTime_format.json': [/eventTime "22-07-2026"/],
  'ObjectEvent_with_non_standard_bizStep.json': [/bizStep "transforming"/],
  'ObjectEvent_with_non_standard_bizStep_in_second_event.json': [/eventList\[1\]\.bizStep/],
  'ObjectEvent_with_non_standard_disposition.json': [/disposition "in_transport"/],
  'ObjectEvent_with_quantity_as_text.json': [/quantity must be a number/],
  'ObjectEvent_with_unknown_field_in_quantityList.json': [/weight/],
  'ObjectEvent_without_action_and_eventTime.json': [/eventTime/, /action/],
  'ObjectEvent_without_identifier_list.json': [/epcList/],
};

describe('OpenEPCIS invalid documents', () => {
  const files = openEpcisInvalid();
  it('has an expectation for every invalid document', () => {
    expect(files.map((f) => f.name.split('/').pop()).sort()).toEqual(Object.keys(WHY).sort());
  });
  for (const file of files) {
    it(`refuses ${file.name} with a 400 problem that says why`, async () => {
      const auth = await freshToken();
      const res = await app.inject({ method: 'POST', url: '/epcis/capture', headers: { ...auth, 'content-type': 'application/json' }, payload: file.raw });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const p = res.json();
      expect(p).toMatchObject({ type: 'epcisException:ValidationException', title: 'ValidationException', status: 400 });
      for (const why of WHY[file.name.split('/').pop()!]!) expect(p.detail).toMatch(why);
      expect(p.detail).toMatch(/校验失败/); // Chinese and English
      // nothing stored (rollback is the default)
      const q = await app.inject({ url: '/epcis/events', headers: auth });
      expect(q.json().epcisBody.queryResults.resultsBody.eventList).toHaveLength(0);
    });
  }
});
