import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHashId } from '../../src/domain/epcis/hash-id.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { buildEnterprise, enterpriseAdminCtx } from '../support/factories.js';

/**
 * SimpleEventQuery semantics of GET /epcis/events (EPCIS 2.0 §8.2.7.1, REST binding). The GS1 JSON Schema
 * refuses the EPCIS 1.x URN spelling (urn:epcglobal:cbv:…) in captured JSON, so events carry bare names or
 * GS1 Web URIs; query parameters accept all three spellings.
 */
const CONTEXT = ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', { reman: 'https://ns.example.com/reman/' }];
const A1 = 'urn:epc:id:sgtin:0614141.107346.1001';
const A2 = 'urn:epc:id:sgtin:0614141.107346.1002';
const B1 = 'urn:epc:id:sgtin:0614141.107347.1';
const C1 = 'urn:epc:id:sgtin:0614141.107348.9';
const P1 = 'urn:epc:id:sscc:0614141.1234567890';
const LOT1 = 'urn:epc:class:lgtin:0614141.107346.LOT1';
const LX = 'urn:epc:class:lgtin:0614141.107349.X';
const RP = 'urn:epc:id:sgln:0614141.00001.0';
const BL = 'urn:epc:id:sgln:0614141.00002.0';
const PO = 'urn:epcglobal:cbv:bt:0614141000005:PO-1';
const TX = 'urn:epc:id:gdti:0614141.00001.T1';

const E1 = {
  type: 'ObjectEvent', eventID: 'urn:uuid:10000000-0000-4000-8000-000000000001', eventTime: '2026-01-10T08:00:00+08:00', eventTimeZoneOffset: '+08:00',
  epcList: [A1, A2], action: 'ADD', bizStep: 'receiving', disposition: 'in_progress', readPoint: { id: RP }, bizLocation: { id: BL },
  bizTransactionList: [{ type: 'po', bizTransaction: PO }], sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:0614141.00001' }],
};
const E2 = {
  type: 'ObjectEvent', eventID: 'urn:uuid:10000000-0000-4000-8000-000000000002', eventTime: '2026-01-11T08:00:00Z', eventTimeZoneOffset: '+00:00',
  epcList: [A1], action: 'OBSERVE', bizStep: 'https://ref.gs1.org/cbv/BizStep-inspecting', disposition: 'https://ref.gs1.org/cbv/Disp-conformant',
  destinationList: [{ type: 'possessing_party', destination: 'urn:epc:id:pgln:0614141.00002' }],
};
const E3 = {
  type: 'AggregationEvent', eventID: 'urn:uuid:10000000-0000-4000-8000-000000000003', eventTime: '2026-01-12T08:00:00Z', eventTimeZoneOffset: '+00:00',
  parentID: P1, childEPCs: [A1, B1], action: 'ADD', bizStep: 'packing',
};
const E4 = {
  type: 'TransformationEvent', eventID: 'urn:uuid:10000000-0000-4000-8000-000000000004', eventTime: '2026-01-13T08:00:00Z', eventTimeZoneOffset: '+00:00',
  inputEPCList: [A1, A2], inputQuantityList: [{ epcClass: LX, quantity: 2, uom: 'KGM' }], outputEPCList: [C1], transformationID: TX, bizStep: 'https://ref.gs1.org/cbv/BizStep-assembling',
};
/** no eventID: the repository assigns the CBV 2.0 hash ID */
const E5 = {
  type: 'ObjectEvent', eventTime: '2026-01-14T08:00:00Z', eventTimeZoneOffset: '+00:00', quantityList: [{ epcClass: LOT1, quantity: 5 }], action: 'DELETE',
  bizStep: 'https://ns.example.com/reman/BizStep-cleaning',
};
const E7 = { type: 'ObjectEvent', eventID: 'urn:uuid:10000000-0000-4000-8000-000000000007', eventTime: '2026-01-15T08:00:00Z', eventTimeZoneOffset: '+00:00', epcList: [B1], action: 'OBSERVE', bizStep: 'shipping' };
const E5_ID = eventHashId(E5, CONTEXT);
const ID: Record<string, string> = { E1: E1.eventID, E2: E2.eventID, E3: E3.eventID, E4: E4.eventID, E5: E5_ID, E7: E7.eventID };
const NAME = Object.fromEntries(Object.entries(ID).map(([k, v]) => [v, k]));

let app: TestApp;
let auth: Record<string, string>;
const clock = manualClock('2026-02-01T00:00:00Z');

const doc = (events: unknown[]) => ({ '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-02-01T00:00:00Z', epcisBody: { eventList: events } });

beforeAll(async () => {
  app = await buildTestApp({}, { clock });
  const e = await buildEnterprise(app.services);
  const { token } = await app.services.identity.createToken(await enterpriseAdminCtx(app.services, e.id), 'MES');
  auth = { authorization: `Bearer ${token}` };
  const r1 = await app.inject({ method: "POST", url: "/epcis/capture", headers: auth, payload: doc([E1, E2, E3, E4, E5]) });
  expect(r1.statusCode, r1.body).toBe(202);
  clock.set('2026-02-02T00:00:00Z');
  expect((await app.inject({ method: 'POST', url: '/epcis/capture', headers: auth, payload: doc([E7]) })).statusCode).toBe(202);
});
afterAll(async () => app?.close());

async function q(query: string) {
  const res = await app.inject({ url: `/epcis/events?${query}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().epcisBody.queryResults.resultsBody.eventList as { eventID: string }[]).map((e) => NAME[e.eventID] ?? e.eventID);
}
const enc = encodeURIComponent;

describe('GET /epcis/events parameters', () => {
  it('no parameter: every event, by eventTime ascending', async () => {
    expect(await q('')).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E7']);
  });
  it('eventType (pipe = OR)', async () => {
    expect(await q('eventType=AggregationEvent')).toEqual(['E3']);
    expect(await q('eventType=AggregationEvent|TransformationEvent')).toEqual(['E3', 'E4']);
  });
  it('GE_eventTime / LT_eventTime (inclusive / exclusive, any offset)', async () => {
    expect(await q('GE_eventTime=2026-01-11T08:00:00Z&LT_eventTime=2026-01-13T08:00:00Z')).toEqual(['E2', 'E3']);
    expect(await q(`GE_eventTime=${enc('2026-01-12T16:00:00+08:00')}`)).toEqual(['E3', 'E4', 'E5', 'E7']);
    expect(await q('LT_eventTime=2026-01-10T00:00:00Z')).toEqual([]);
  });
  it('GE_recordTime / LT_recordTime', async () => {
    expect(await q('GE_recordTime=2026-02-01T12:00:00Z')).toEqual(['E7']);
    expect(await q('LT_recordTime=2026-02-01T12:00:00Z')).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
  });
  it('EQ_action', async () => {
    expect(await q('EQ_action=ADD')).toEqual(['E1', 'E3']);
    expect(await q('EQ_action=ADD|DELETE')).toEqual(['E1', 'E3', 'E5']);
  });
  it('EQ_bizStep / EQ_disposition compare in canonical form, whatever spelling was captured or asked', async () => {
    expect(await q('EQ_bizStep=inspecting')).toEqual(['E2']);
    expect(await q(`EQ_bizStep=${enc('urn:epcglobal:cbv:bizstep:receiving')}`)).toEqual(['E1']);
    expect(await q(`EQ_bizStep=${enc('https://ref.gs1.org/cbv/BizStep-assembling')}|shipping`)).toEqual(['E4', 'E7']);
    expect(await q(`EQ_bizStep=${enc('https://ns.example.com/reman/BizStep-cleaning')}`)).toEqual(['E5']);
    expect(await q('EQ_disposition=conformant')).toEqual(['E2']);
    expect(await q(`EQ_disposition=${enc('urn:epcglobal:cbv:disp:conformant')}`)).toEqual(['E2']);
    expect(await q(`EQ_bizStep=${enc('urn:epcglobal:cbv:bizstep:assembling')}`)).toEqual(['E4']);
    expect(await q(`EQ_disposition=${enc('https://ref.gs1.org/cbv/Disp-in_progress')}`)).toEqual(['E1']);
  });
  it('EQ_readPoint, EQ_bizLocation, EQ_transformationID, EQ_eventID', async () => {
    expect(await q(`EQ_readPoint=${enc(RP)}`)).toEqual(['E1']);
    expect(await q(`EQ_bizLocation=${enc(BL)}`)).toEqual(['E1']);
    expect(await q(`EQ_bizLocation=${enc(RP)}`)).toEqual([]);
    expect(await q(`EQ_transformationID=${enc(TX)}`)).toEqual(['E4']);
    expect(await q(`EQ_eventID=${enc(E1.eventID)}|${enc(E5_ID)}`)).toEqual(['E1', 'E5']);
  });
  it('MATCH_epc (epcList, childEPCs), MATCH_parentID, MATCH_inputEPC, MATCH_outputEPC, MATCH_anyEPC', async () => {
    expect(await q(`MATCH_epc=${enc(A1)}`)).toEqual(['E1', 'E2', 'E3']);
    expect(await q(`MATCH_parentID=${enc(P1)}`)).toEqual(['E3']);
    expect(await q(`MATCH_inputEPC=${enc(A2)}`)).toEqual(['E4']);
    expect(await q(`MATCH_outputEPC=${enc(C1)}`)).toEqual(['E4']);
    expect(await q(`MATCH_anyEPC=${enc(A1)}`)).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect(await q(`MATCH_anyEPC=${enc(P1)}|${enc(C1)}`)).toEqual(['E3', 'E4']);
    expect(await q(`MATCH_epc=${enc('urn:epc:idpat:sgtin:0614141.107346.*')}`)).toEqual(['E1', 'E2', 'E3']);
    expect(await q(`MATCH_epc=${enc(C1)}`)).toEqual([]);
  });
  it('MATCH_epcClass, MATCH_anyEPCClass', async () => {
    expect(await q(`MATCH_epcClass=${enc(LOT1)}`)).toEqual(['E5']);
    expect(await q(`MATCH_epcClass=${enc(LX)}`)).toEqual([]);
    expect(await q(`MATCH_anyEPCClass=${enc(LX)}|${enc(LOT1)}`)).toEqual(['E4', 'E5']);
  });
  it('EQ_bizTransaction_<type>, EQ_source_<type>, EQ_destination_<type> (type in any CBV spelling)', async () => {
    expect(await q(`EQ_bizTransaction_po=${enc(PO)}`)).toEqual(['E1']);
    expect(await q(`EQ_bizTransaction_${enc('urn:epcglobal:cbv:btt:po')}=${enc(PO)}`)).toEqual(['E1']);
    expect(await q(`EQ_bizTransaction_inv=${enc(PO)}`)).toEqual([]);
    expect(await q(`EQ_source_owning_party=${enc('urn:epc:id:pgln:0614141.00001')}`)).toEqual(['E1']);
    expect(await q(`EQ_source_${enc('https://ref.gs1.org/cbv/SDT-owning_party')}=${enc('urn:epc:id:pgln:0614141.00001')}`)).toEqual(['E1']);
    expect(await q(`EQ_destination_possessing_party=${enc('urn:epc:id:pgln:0614141.00002')}`)).toEqual(['E2']);
    expect(await q(`EQ_destination_owning_party=${enc('urn:epc:id:pgln:0614141.00002')}`)).toEqual([]);
  });
  it('EXISTS_errorDeclaration: none declared here', async () => {
    expect(await q('EXISTS_errorDeclaration')).toEqual([]);
  });
  it('parameters are ANDed', async () => {
    expect(await q(`EQ_action=OBSERVE&MATCH_epc=${enc(A1)}`)).toEqual(['E2']);
    expect(await q(`eventType=ObjectEvent&EQ_action=ADD|OBSERVE&GE_eventTime=2026-01-11T00:00:00Z`)).toEqual(['E2', 'E7']);
  });
  it('orderBy / orderDirection', async () => {
    expect(await q('orderDirection=DESC')).toEqual(['E7', 'E5', 'E4', 'E3', 'E2', 'E1']);
    expect((await q('orderBy=recordTime&orderDirection=DESC'))[0]).toBe('E7');
  });
});

describe('errors', () => {
  it('an unknown parameter is a 400 QueryParameterException naming it', async () => {
    const res = await app.inject({ url: '/epcis/events?EQ_colour=red', headers: auth });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ type: 'epcisException:QueryParameterException', status: 400 });
    expect(res.json().detail).toContain('EQ_colour');
  });
  it('bad values are 400s too', async () => {
    for (const bad of ['GE_eventTime=yesterday', 'EQ_action=CREATE', 'perPage=0', 'orderBy=bizStep', 'eventType=FooEvent', 'nextPageToken=garbage']) {
      const res = await app.inject({ url: `/epcis/events?${bad}`, headers: auth });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().type).toBe('epcisException:QueryParameterException');
    }
  });
  it('an unknown eventID is a 404 NoSuchResourceException', async () => {
    const res = await app.inject({ url: `/epcis/events/${enc('urn:uuid:00000000-0000-4000-8000-00000000dead')}`, headers: auth });
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('epcisException:NoSuchResourceException');
  });
});

describe('paging', () => {
  it('perPage with nextPageToken and Link rel="next" walks every event once, in order', async () => {
    const seen: string[] = [];
    let url: string | null = '/epcis/events?perPage=2&eventType=ObjectEvent|AggregationEvent|TransformationEvent';
    let pages = 0;
    while (url) {
      const res = await app.inject({ url, headers: auth });
      expect(res.statusCode).toBe(200);
      const list = res.json().epcisBody.queryResults.resultsBody.eventList as { eventID: string }[];
      expect(list.length).toBeLessThanOrEqual(2);
      seen.push(...list.map((e) => NAME[e.eventID]!));
      const link = res.headers.link as string | undefined;
      if (link) {
        const m = /^<([^>]+)>; rel="next"$/.exec(link);
        expect(m).not.toBeNull();
        expect(m![1]).toContain('nextPageToken=');
        expect(m![1]).toContain('perPage=2');
      }
      url = link ? /^<([^>]+)>/.exec(link)![1]! : null;
      pages++;
    }
    expect(seen).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E7']);
    expect(pages).toBe(3);
  });
  it('a token used with other parameters is refused', async () => {
    const first = await app.inject({ url: '/epcis/events?perPage=2', headers: auth });
    const token = first.headers['gs1-next-page-token'] as string;
    expect(token).toBeTruthy();
    const res = await app.inject({ url: `/epcis/events?perPage=2&EQ_action=ADD&nextPageToken=${token}`, headers: auth });
    expect(res.statusCode).toBe(400);
    const ok = await app.inject({ url: `/epcis/events?perPage=2&nextPageToken=${token}`, headers: auth });
    expect((ok.json().epcisBody.queryResults.resultsBody.eventList as { eventID: string }[]).map((e) => NAME[e.eventID])).toEqual(['E3', 'E4']);
  });
});
