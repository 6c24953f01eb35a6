/** The generated reman EPCIS document of the capture benchmark (bench/epcis-capture.ts) and the projection profile. */
import { randomUUID } from 'node:crypto';
import { BIZ_STEPS, REMAN_CONTEXT } from '../src/domain/trace/vocabulary.js';

// the platform's own extension vocabulary, so that the trace projector sees what the lifecycle forms record
const CONTEXT = ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', REMAN_CONTEXT];

/** A realistic document: per remanufactured product ~8 events, reassembly with 40–80 inputs. */
export function remanDocument(n: number, salt: string) {
  const events: Record<string, unknown>[] = [];
  const t0 = Date.parse('2026-06-01T00:00:00Z');
  let k = 0;
  const at = () => new Date(t0 + k++ * 60_000).toISOString().replace('.000Z', '+00:00').replace('+00:00', '+08:00');
  const sgln = 'urn:epc:id:sgln:6901234.00001.0';
  for (let p = 0; events.length < n; p++) {
    const core = `urn:epc:id:sgtin:6901234.100001.${salt}C${p}`;
    const product = `urn:epc:id:sgtin:6901234.200001.${salt}P${p}`;
    const parts = Array.from({ length: 20 }, (_, i) => `urn:epc:id:sgtin:6901234.3000${String(i % 10).padStart(2, '0')}.${salt}P${p}-${i}`);
    const base = (type: string, extra: Record<string, unknown>) => ({ type, eventTime: at(), eventTimeZoneOffset: '+08:00', readPoint: { id: sgln }, bizLocation: { id: sgln }, ...extra });
    const list: Record<string, unknown>[] = [
      base('ObjectEvent', {
        eventID: `urn:uuid:${randomUUID()}`, epcList: [core], action: 'ADD', bizStep: 'receiving', disposition: 'in_progress',
        sourceList: [{ type: 'owning_party', source: `urn:epc:id:pgln:6909999.${String(p % 1000).padStart(5, '0')}` }],
        bizTransactionList: [{ type: 'rma', bizTransaction: `urn:epcglobal:cbv:bt:6901234000006:RMA-${salt}${p}` }],
        'reman:recyclingChannel': 'trade_in',
      }),
      base('ObjectEvent', {
        epcList: [core], action: 'OBSERVE', bizStep: 'inspecting', disposition: 'conformant',
        'reman:grade': 'B', 'reman:measurements': { 'reman:wear_mm': 0.35, 'reman:crack': false },
      }),
      base('AggregationEvent', { eventID: `urn:uuid:${randomUUID()}`, parentID: core, childEPCs: parts, action: 'DELETE', bizStep: 'disassembling' }),
      base('TransformationEvent', {
        eventID: `urn:uuid:${randomUUID()}`, bizStep: BIZ_STEPS.assembling.value,
        inputEPCList: [...parts.slice(0, 16), ...Array.from({ length: 24 + (p % 40) }, (_, i) => `urn:epc:id:sgtin:6901234.40000${i % 10}.${salt}N${p}-${i}`)],
        inputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.500001.LOT2026', quantity: 1.5, uom: 'KGM' }],
        outputEPCList: [product], transformationID: `urn:epc:id:gdti:6901234.00002.${salt}T${p}`,
        ilmd: { 'reman:productStandard': 'GB/T 28618-2012', 'reman:productionDate': '2026-06-01' },
      }),
      base('ObjectEvent', { eventID: `urn:uuid:${randomUUID()}`, epcList: [product], action: 'OBSERVE', bizStep: BIZ_STEPS.performance_testing.value, disposition: 'conformant', 'reman:testResult': 'pass' }),
      base('AggregationEvent', { eventID: `urn:uuid:${randomUUID()}`, parentID: `urn:epc:id:sscc:6901234.${String(p).padStart(9, '0').slice(-9)}${salt.length}`, childEPCs: [product], action: 'ADD', bizStep: 'packing' }),
      base('ObjectEvent', {
        eventID: `urn:uuid:${randomUUID()}`, epcList: [product], action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit',
        destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:6908888.00001' }],
      }),
    ];
    for (const e of list) if (events.length < n) events.push(e);
  }
  return { '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-06-01T00:00:00Z', epcisBody: { eventList: events } };
}

