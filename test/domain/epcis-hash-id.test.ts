import { describe, expect, it } from 'vitest';
import { canonicalTime, epcUriToDigitalLink, eventHashId, eventPreHashString, gs1CheckDigit } from '../../src/domain/epcis/hash-id.js';

/**
 * CBV 2.0 §8.9 EPCIS Event Hash ID. The reference vector is the published example of the reference
 * implementation (github.com/RalphTro/epcis-event-hash-generator, tests/examples/epcisDocWithSingleEvent.*):
 * its pre-hash string and its hash.
 */
const SINGLE = {
  type: 'ObjectEvent',
  action: 'OBSERVE',
  bizStep: 'shipping',
  disposition: 'in_transit',
  epcList: ['urn:epc:id:sgtin:0614141.107346.2017', 'urn:epc:id:sgtin:0614141.107346.2018'],
  eventTime: '2022-02-16T20:33:31.116000-06:00',
  eventTimeZoneOffset: '-06:00',
  readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
  bizTransactionList: [{ type: 'po', bizTransaction: 'http://transaction.acme.com/po/12345678' }],
};
const SINGLE_PREHASH =
  'eventType=ObjectEventeventTime=2022-02-17T02:33:31.116ZeventTimeZoneOffset=-06:00' +
  'epcListepc=https://id.gs1.org/01/10614141073464/21/2017epc=https://id.gs1.org/01/10614141073464/21/2018' +
  'action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-shippingdisposition=https://ref.gs1.org/cbv/Disp-in_transit' +
  'readPointid=https://id.gs1.org/414/0614141073467/254/1234' +
  'bizTransactionListbizTransaction=http://transaction.acme.com/po/12345678type=https://ref.gs1.org/cbv/BTT-po';

describe('event hash ID (CBV 2.0 §8.9)', () => {
  it('reproduces the reference pre-hash string and hash', () => {
    expect(eventPreHashString(SINGLE)).toBe(SINGLE_PREHASH);
    expect(eventHashId(SINGLE)).toBe('ni:///sha-256;3e0f2437f4cb5e8a1b832b769c0eed1bf3e1421f14061132e9800ded03f10182?ver=CBV2.0');
  });

  it('does not depend on field order, list order or vocabulary spelling', () => {
    const reordered = {
      bizTransactionList: SINGLE.bizTransactionList,
      readPoint: SINGLE.readPoint,
      epcList: [...SINGLE.epcList].reverse(),
      eventTimeZoneOffset: '-06:00',
      eventTime: '2022-02-17T02:33:31.116Z',
      disposition: 'https://ref.gs1.org/cbv/Disp-in_transit',
      bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping',
      action: 'OBSERVE',
      type: 'ObjectEvent',
    };
    expect(eventHashId(reordered)).toBe(eventHashId(SINGLE));
    // the same EPC as a Digital Link URI on a custom domain with a query string
    const dl = { ...SINGLE, epcList: ['https://example.com/01/10614141073464/21/2017?x=1', SINGLE.epcList[1]] };
    expect(eventHashId(dl)).toBe(eventHashId(SINGLE));
  });

  it('changes when any value changes, or a field is added', () => {
    const base = eventHashId(SINGLE);
    expect(eventHashId({ ...SINGLE, action: 'ADD' })).not.toBe(base);
    expect(eventHashId({ ...SINGLE, eventTime: '2022-02-16T20:33:31.117-06:00' })).not.toBe(base);
    expect(eventHashId({ ...SINGLE, epcList: [SINGLE.epcList[0]] })).not.toBe(base);
    expect(eventHashId({ ...SINGLE, bizLocation: { id: 'urn:epc:id:sgln:0614141.07346.0' } })).not.toBe(base);
    expect(eventHashId({ ...SINGLE, 'ex:note': 'x' }, [{ ex: 'https://ns.example.com/' }])).not.toBe(base);
    expect(eventHashId({ ...SINGLE, ilmd: { 'ex:lot': 'L1' } }, [{ ex: 'https://ns.example.com/' }])).not.toBe(base);
  });

  it('extension elements enter as {namespace}local=value, resolved through the @context', () => {
    const s = eventPreHashString({ ...SINGLE, 'ex:grade': 'A' }, ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', { ex: 'https://ns.example.com/reman/' }]);
    expect(s.endsWith('{https://ns.example.com/reman/}grade=A')).toBe(true);
  });
});

describe('identifiers and values', () => {
  it('GS1 check digits', () => {
    expect(gs1CheckDigit('1061414107346')).toBe('4');
    expect(gs1CheckDigit('061414107346')).toBe('7');
    expect(gs1CheckDigit('10614141234567890')).toBe('8'); // SSCC 106141412345678908 (GS1 Tag Data Standard example)
  });
  it('EPC URIs to canonical Digital Link URIs (GS1 Tag Data Standard examples)', () => {
    expect(epcUriToDigitalLink('urn:epc:id:sscc:0614141.1234567890')).toBe('https://id.gs1.org/00/106141412345678908');
    expect(epcUriToDigitalLink('urn:epc:id:sgln:0614141.12345.400')).toBe('https://id.gs1.org/414/0614141123452/254/400');
    expect(epcUriToDigitalLink('urn:epc:id:sgln:0614141.12345.0')).toBe('https://id.gs1.org/414/0614141123452');
    expect(epcUriToDigitalLink('urn:epc:id:pgln:0614141.12345')).toBe('https://id.gs1.org/417/0614141123452');
    expect(epcUriToDigitalLink('urn:epc:class:lgtin:4012345.012345.998877')).toBe('https://id.gs1.org/01/04012345123456/10/998877');
    expect(epcUriToDigitalLink('urn:epc:id:giai:0614141.12345400')).toBe('https://id.gs1.org/8004/061414112345400');
    expect(epcUriToDigitalLink('urn:epc:id:unknown:1.2')).toBeNull();
  });
  it('timestamps: UTC, milliseconds, rounding from the 4th decimal', () => {
    expect(canonicalTime('2020-01-01T10:00:00+02:00')).toBe('2020-01-01T08:00:00.000Z');
    expect(canonicalTime('2020-01-01T10:00:00.1234Z')).toBe('2020-01-01T10:00:00.123Z');
    expect(canonicalTime('2020-01-01T10:00:00.1235Z')).toBe('2020-01-01T10:00:00.124Z');
  });
});
