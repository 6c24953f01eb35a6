import { describe, expect, it } from 'vitest';
import { epcIndexRows, normalizeEvent, refIndexRows } from '../../src/domain/epcis/normalize.js';
import { parseEventQuery } from '../../src/domain/epcis/query.js';
import { chainHash, contentHash, EVENT_CHAIN_GENESIS } from '../../src/domain/epcis/chain.js';
import { normalizeVocabulary, webUri } from '../../src/domain/epcis/vocabulary-normalize.js';

describe('normalizeVocabulary (CBV 2.0 §6: bare name for standard values, anything else as given)', () => {
  it('accepts the three spellings of a standard value', () => {
    for (const v of ['shipping', 'https://ref.gs1.org/cbv/BizStep-shipping', 'urn:epcglobal:cbv:bizstep:shipping', 'cbv:BizStep-shipping', ' shipping ']) {
      expect(normalizeVocabulary('bizStep', v)).toBe('shipping');
    }
    expect(normalizeVocabulary('disposition', 'urn:epcglobal:cbv:disp:in_progress')).toBe('in_progress');
    expect(normalizeVocabulary('bizTransactionType', 'https://ref.gs1.org/cbv/BTT-po')).toBe('po');
    expect(normalizeVocabulary('sourceDestType', 'urn:epcglobal:cbv:sdt:owning_party')).toBe('owning_party');
    expect(normalizeVocabulary('errorReason', 'https://ref.gs1.org/cbv/ER-incorrect_data')).toBe('incorrect_data');
  });
  it('keeps other values as given, and does not mix kinds', () => {
    expect(normalizeVocabulary('bizStep', 'https://ns.example.com/reman/BizStep-cleaning')).toBe('https://ns.example.com/reman/BizStep-cleaning');
    expect(normalizeVocabulary('bizStep', 'https://ref.gs1.org/cbv/BizStep-cleaning')).toBe('https://ref.gs1.org/cbv/BizStep-cleaning');
    expect(normalizeVocabulary('bizStep', 'https://ref.gs1.org/cbv/Disp-in_progress')).toBe('https://ref.gs1.org/cbv/Disp-in_progress');
    expect(normalizeVocabulary('disposition', null)).toBeNull();
  });
  it('webUri gives the GS1 Web URI of standard values', () => {
    expect(webUri('disposition', 'in_transit')).toBe('https://ref.gs1.org/cbv/Disp-in_transit');
    expect(webUri('bizStep', 'urn:x:y')).toBe('urn:x:y');
  });
});

describe('normalizeEvent and index rows', () => {
  const e = normalizeEvent({
    type: 'TransformationEvent', eventTime: '2026-01-01T08:00:00+08:00', eventTimeZoneOffset: '+08:00', bizStep: 'https://ref.gs1.org/cbv/BizStep-assembling',
    inputEPCList: ['urn:a', 'urn:a', 'urn:b'], inputQuantityList: [{ epcClass: 'urn:c', quantity: 2, uom: 'KGM' }], outputEPCList: ['urn:d'],
    sourceList: [{ type: 'https://ref.gs1.org/cbv/SDT-owning_party', source: 'urn:p' }], bizTransactionList: [{ type: 'po', bizTransaction: 'urn:po' }, { bizTransaction: 'urn:x' }],
  });
  it('normalises time and vocabulary, keeps identifiers', () => {
    expect(e).toMatchObject({ eventTime: '2026-01-01T00:00:00.000Z', bizStep: 'assembling', action: null, inputEPCList: ['urn:a', 'urn:a', 'urn:b'], sourceList: [{ type: 'owning_party', id: 'urn:p' }] });
  });
  it('indexes each identifier once per role', () => {
    expect(epcIndexRows(e)).toEqual([
      { role: 'input', epc: 'urn:a' }, { role: 'input', epc: 'urn:b' }, { role: 'output', epc: 'urn:d' }, { role: 'input_quantity', epc: 'urn:c' },
    ]);
    expect(refIndexRows(e)).toEqual([
      { kind: 'bizTransaction', type: 'po', value: 'urn:po' }, { kind: 'bizTransaction', type: '', value: 'urn:x' }, { kind: 'source', type: 'owning_party', value: 'urn:p' },
    ]);
  });
});

describe('parseEventQuery', () => {
  it('splits pipes, normalises vocabulary and refuses unknown parameters', () => {
    const r = parseEventQuery({ EQ_bizStep: 'urn:epcglobal:cbv:bizstep:shipping|receiving', 'EQ_bizTransaction_urn:epcglobal:cbv:btt:po': 'urn:po', MATCH_epc: 'urn:epc:idpat:sgtin:1.2.*|urn:x' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.query.bizSteps).toEqual(['shipping', 'receiving']);
    expect(r.query.refs).toEqual([{ kind: 'bizTransaction', type: 'po', values: ['urn:po'] }]);
    expect(r.query.matches).toEqual([{ roles: ['epc', 'child'], values: ['urn:x'], prefixes: ['urn:epc:id:sgtin:1.2.'] }]);
    expect(parseEventQuery({ EQ_colour: 'red' })).toMatchObject({ ok: false, param: 'EQ_colour' });
    expect(parseEventQuery({ GE_eventTime: '2026-01-01T08:00:00 08:00' })).toMatchObject({ ok: true, query: { geEventTime: '2026-01-01T00:00:00.000Z' } });
    expect(parseEventQuery({ perPage: '1001' })).toMatchObject({ ok: false, param: 'perPage' });
  });
});

describe('event chain hash', () => {
  const row = {
    enterpriseId: 'e', seq: 1, eventId: 'urn:1', isDeclaration: false, eventType: 'ObjectEvent', eventTime: '2026-01-01T00:00:00.000Z', eventTimeZoneOffset: '+00:00',
    recordTime: '2026-01-02T00:00:00.000Z', action: 'ADD', bizStep: null, disposition: null, readPoint: null, bizLocation: null, transformationId: null,
    declarationTime: null, captureId: 'c', contentHash: contentHash({ a: 1, b: [1, 2] }), docContext: null, prevHash: EVENT_CHAIN_GENESIS,
  };
  it('is stable under key order and changes with any column or the predecessor', () => {
    expect(contentHash({ b: [1, 2], a: 1 })).toBe(row.contentHash);
    expect(contentHash({ a: 1, b: [2, 1] })).not.toBe(row.contentHash);
    const h = chainHash(row);
    expect(chainHash({ ...row })).toBe(h);
    expect(chainHash({ ...row, bizStep: 'shipping' })).not.toBe(h);
    expect(chainHash({ ...row, prevHash: h })).not.toBe(h);
  });
});
