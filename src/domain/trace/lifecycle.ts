/**
 * The remanufacturing lifecycle steps (issue 4 "The remanufacturing lifecycle on top of it"): their inputs
 * (Zod: the API forms and the bulk-import templates share them) and the EPCIS 2.0 JSON events each step
 * produces, following STEP_MAPPING in ./vocabulary.ts (documented in docs/traceability.md). Pure: identifiers
 * (event ids, assigned EPCs, the product code) are passed in.
 */
import { z } from 'zod';
import { AI21_PATTERN, normalizeGtin } from './codes.js';
import { INPUT_ORIGINS } from './rates.js';
import { ASSESSMENT_DECISIONS, BIZ_STEPS, DISPOSITIONS, GRADES, PROCESSES, PROCESS_BIZ_STEP, RECYCLING_CHANNELS, REMAN_NS, STEP_MAPPING, type AssessmentDecision } from './vocabulary.js';

/** Bilingual Zod message (same separator as server/platform/validation.ts `bi`). */
const bi = (en: string, zh: string) => ({ message: `${en}\u241e${zh}` });

const uri = z
  .string()
  .trim()
  .min(3)
  .max(500)
  .regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, bi('Must be a URI (e.g. urn:epc:id:sgtin:… or https://id.gs1.org/01/…)', '须为 URI（如 urn:epc:id:sgtin:… 或 https://id.gs1.org/01/…）'));
const text = (max: number) => z.string().trim().min(1, bi('Required', '必填')).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const when = z.iso.datetime({ offset: true, ...bi("Must be an ISO 8601 date-time", "须为 ISO 8601 日期时间") }).optional();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('Must be a date YYYY-MM-DD', '日期格式须为 YYYY-MM-DD'));
const measurement = z.object({ name: text(100), value: z.number().finite(), unit: optText(20) });
/** A product reference: platform code, EPC URI or Digital Link URI. */
const codeRef = z.string().trim().min(3).max(500);
/**
 * Every step: when, a note, and the site (生产场地) it happened at — the site's id or exact name; optional when the
 * enterprise has one site (that site), otherwise the step is 场地未知 (./site.ts, issue 15 item 14).
 */
const common = { eventTime: when, note: optText(500), site: optText(200) };

export const StepInputs = {
  intake: z.object({
    ...common,
    /** omitted: the platform assigns one; a returning product may be given by its platform code */
    coreEpc: codeRef.optional(),
    name: text(200),
    model: optText(100),
    source: z.object({
      returnedBy: text(200),
      channel: z.enum(Object.keys(RECYCLING_CHANNELS) as [keyof typeof RECYCLING_CHANNELS, ...(keyof typeof RECYCLING_CHANNELS)[]]),
      tradeIn: z.boolean(),
    }),
  }),
  inspection: z.object({
    ...common,
    coreEpc: codeRef,
    grade: z.enum(Object.keys(GRADES) as ['A', 'B', 'C', 'D']),
    result: z.enum(['accepted', 'rejected']),
    measurements: z.array(measurement).max(100).default([]),
  }),
  disassembly: z.object({
    ...common,
    coreEpc: codeRef,
    parts: z.array(z.object({ epc: uri.optional(), name: text(200), partNo: optText(100) })).min(1).max(500),
  }),
  cleaning: z.object({ ...common, epcs: z.array(codeRef).min(1).max(500), method: optText(200) }),
  assessment: z.object({
    ...common,
    items: z.array(z.object({ epc: codeRef, decision: z.enum(Object.keys(ASSESSMENT_DECISIONS) as [AssessmentDecision, ...AssessmentDecision[]]) })).min(1).max(500),
  }),
  process: z.object({ ...common, epcs: z.array(codeRef).min(1).max(500), process: z.enum(PROCESSES), parameters: optText(500) }),
  reassembly: z.object({
    ...common,
    name: text(200),
    model: optText(100),
    gtin: z
      .string()
      .trim()
      .refine((g) => normalizeGtin(g) !== null, bi('Must be a GTIN with a valid check digit', '须为校验位正确的 GTIN'))
      .optional(),
    serial: z.string().trim().regex(AI21_PATTERN, bi('1–20 characters (GS1 AI 21)', '1–20 个字符（GS1 AI 21）')).optional(),
    standardNo: optText(100),
    warrantyMonths: z.number().int().min(0).max(600).optional(),
    productionDate: isoDay.optional(),
    inputs: z
      .array(
        z
          .object({
            epc: codeRef.optional(),
            epcClass: uri.optional(),
            quantity: z.number().positive().max(1_000_000).optional(),
            origin: z.enum(INPUT_ORIGINS),
            name: text(200),
            massKg: z.number().finite().min(0),
            valueCny: z.number().finite().min(0),
          })
          .refine((i) => Boolean(i.epc) !== Boolean(i.epcClass), bi('Give either epc or epcClass (a lot)', 'epc 与 epcClass（批次）二选一'))
          .refine((i) => i.origin === 'new' || Boolean(i.epc), bi('Parts from the core need their epc', '来自旧件的零件须给出 epc')),
      )
      .min(1)
      .max(500),
  }),
  test: z.object({ ...common, code: codeRef, result: z.enum(['pass', 'fail']), measurements: z.array(measurement).max(100).default([]), standardNo: optText(100) }),
  marking: z.object({ ...common, code: codeRef }),
  shipping: z.object({ ...common, codes: z.array(codeRef).min(1).max(500), destinationName: optText(200) }),
  sale: z.object({ ...common, code: codeRef, customerName: text(200) }),
  lease: z.object({ ...common, code: codeRef, lesseeName: text(200) }),
  installation: z.object({ ...common, code: codeRef, location: text(300), equipment: optText(200) }),
  removal: z.object({ ...common, code: codeRef, reason: optText(500) }),
} as const;

export type FormStep = keyof typeof StepInputs;
export const FORM_STEPS = Object.keys(StepInputs) as FormStep[];
export type StepInput<S extends FormStep> = z.infer<(typeof StepInputs)[S]>;

// ------------------------------------------------------------------------------------------ events

export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
/** The @context the forms capture with: the EPCIS context plus the reman: prefix. */
export const DOCUMENT_CONTEXT = [EPCIS_CONTEXT_URL, { reman: REMAN_NS }];

type Json = Record<string, unknown>;
export interface EventBase {
  eventId: string;
  eventTime: string;
}
const head = (type: string, b: EventBase): Json => ({ type, eventID: b.eventId, eventTime: b.eventTime, eventTimeZoneOffset: '+08:00' });
const note = (n?: string): Json => (n ? { 'reman:note': n } : {});
export const partyUri = (id: string) => `urn:reman-platform:party:${id}`;

export function intakeEvent(b: EventBase, i: StepInput<'intake'>, coreEpc: string, assigned: boolean, parties: { enterprise: { id: string; name: string }; returnedBy: string }): Json {
  return {
    ...head('ObjectEvent', b),
    epcList: [coreEpc],
    action: assigned ? 'ADD' : 'OBSERVE',
    bizStep: BIZ_STEPS.receiving.value,
    disposition: DISPOSITIONS.returned.value,
    sourceList: [{ type: 'owning_party', source: parties.returnedBy }],
    destinationList: [{ type: 'owning_party', destination: parties.enterprise.id }, { type: 'possessing_party', destination: parties.enterprise.id }],
    'reman:name': i.name,
    ...(i.model ? { 'reman:model': i.model } : {}),
    'reman:source': { returnedBy: i.source.returnedBy, channel: i.source.channel, tradeIn: i.source.tradeIn },
    'reman:partyNames': { [parties.returnedBy]: i.source.returnedBy, [parties.enterprise.id]: parties.enterprise.name },
    ...note(i.note),
  };
}

export function inspectionEvent(b: EventBase, i: StepInput<'inspection'>, coreEpc: string): Json {
  return {
    ...head('ObjectEvent', b),
    epcList: [coreEpc],
    action: 'OBSERVE',
    bizStep: BIZ_STEPS.inspecting.value,
    disposition: i.result === 'accepted' ? DISPOSITIONS.conformant.value : DISPOSITIONS.non_conformant.value,
    'reman:grade': GRADES[i.grade].value,
    'reman:result': i.result,
    'reman:measurements': i.measurements,
    ...note(i.note),
  };
}

export function disassemblyEvent(b: EventBase, i: StepInput<'disassembly'>, coreEpc: string, parts: { epc: string; name: string; partNo?: string }[]): Json {
  return {
    ...head('TransformationEvent', b),
    inputEPCList: [coreEpc],
    outputEPCList: parts.map((p) => p.epc),
    bizStep: BIZ_STEPS.disassembling.value,
    disposition: DISPOSITIONS.in_progress.value,
    'reman:parts': parts.map((p) => ({ epc: p.epc, name: p.name, ...(p.partNo ? { partNo: p.partNo } : {}) })),
    ...note(i.note),
  };
}

export function cleaningEvent(b: EventBase, i: StepInput<'cleaning'>, epcs: string[]): Json {
  return { ...head('ObjectEvent', b), epcList: epcs, action: 'OBSERVE', bizStep: BIZ_STEPS.cleaning.value, disposition: DISPOSITIONS.in_progress.value, ...(i.method ? { 'reman:method': i.method } : {}), ...note(i.note) };
}

/** One event per decision (each decision has its own disposition). */
export function assessmentEvents(bases: EventBase[], i: StepInput<'assessment'>, resolve: (epc: string) => string): Json[] {
  const groups = new Map<AssessmentDecision, string[]>();
  for (const it of i.items) groups.set(it.decision, [...(groups.get(it.decision) ?? []), resolve(it.epc)]);
  return [...groups].map(([decision, epcs], n) => ({
    ...head('ObjectEvent', bases[n]!),
    epcList: epcs,
    action: 'OBSERVE',
    bizStep: BIZ_STEPS.assessing.value,
    disposition: ASSESSMENT_DECISIONS[decision].value,
    'reman:decision': decision,
    ...note(i.note),
  }));
}
export const assessmentEventCount = (i: StepInput<'assessment'>) => new Set(i.items.map((x) => x.decision)).size;

export function processEvent(b: EventBase, i: StepInput<'process'>, epcs: string[]): Json {
  return {
    ...head('ObjectEvent', b),
    epcList: epcs,
    action: 'OBSERVE',
    bizStep: PROCESS_BIZ_STEP[i.process].value,
    disposition: DISPOSITIONS.remanufactured.value,
    'reman:process': i.process,
    ...(i.parameters ? { 'reman:parameters': i.parameters } : {}),
    ...note(i.note),
  };
}

export function reassemblyEvent(
  b: EventBase,
  i: StepInput<'reassembly'>,
  product: { epc: string; code: string; serial: string; gtin: string | null; productionDate: string },
  inputs: { epc?: string; epcClass?: string; quantity?: number; origin: string; name: string; massKg: number; valueCny: number }[],
): Json {
  const ilmd: Json = {
    'reman:productName': i.name,
    'reman:productCode': product.code,
    'reman:serial': product.serial,
    'reman:productionDate': product.productionDate,
    ...(i.model ? { 'reman:model': i.model } : {}),
    ...(product.gtin ? { 'reman:gtin': product.gtin } : {}),
    ...(i.standardNo ? { 'reman:standardNo': i.standardNo } : {}),
    ...(i.warrantyMonths !== undefined ? { 'reman:warrantyMonths': i.warrantyMonths } : {}),
  };
  const lots = inputs.filter((x) => x.epcClass);
  return {
    ...head('TransformationEvent', b),
    inputEPCList: inputs.filter((x) => x.epc).map((x) => x.epc!),
    ...(lots.length ? { inputQuantityList: lots.map((x) => ({ epcClass: x.epcClass!, quantity: x.quantity ?? 1 })) } : {}),
    outputEPCList: [product.epc],
    bizStep: BIZ_STEPS.assembling.value,
    disposition: DISPOSITIONS.remanufactured.value,
    ilmd,
    'reman:inputs': inputs.map((x) => ({ ...(x.epc ? { epc: x.epc } : { epcClass: x.epcClass }), name: x.name, origin: x.origin, massKg: x.massKg, valueCny: x.valueCny, quantity: x.quantity ?? 1 })),
    ...note(i.note),
  };
}

export function testEvent(b: EventBase, i: StepInput<'test'>, epc: string): Json {
  return {
    ...head('ObjectEvent', b),
    epcList: [epc],
    action: 'OBSERVE',
    bizStep: BIZ_STEPS.performance_testing.value,
    disposition: i.result === 'pass' ? DISPOSITIONS.conformant.value : DISPOSITIONS.non_conformant.value,
    'reman:result': i.result,
    'reman:measurements': i.measurements,
    ...(i.standardNo ? { 'reman:standardNo': i.standardNo } : {}),
    ...note(i.note),
  };
}

export function simpleProductEvent(kind: 'marking' | 'removal', b: EventBase, epc: string, extra: Json = {}): Json {
  const m = STEP_MAPPING[kind];
  return { ...head('ObjectEvent', b), epcList: [epc], action: 'OBSERVE', bizStep: m.bizStep, disposition: m.disposition, ...extra };
}

export function shippingEvent(b: EventBase, i: StepInput<'shipping'>, epcs: string[]): Json {
  return {
    ...head('ObjectEvent', b),
    epcList: epcs,
    action: 'OBSERVE',
    bizStep: BIZ_STEPS.shipping.value,
    disposition: DISPOSITIONS.in_transit.value,
    ...(i.destinationName ? { 'reman:destinationName': i.destinationName } : {}),
    ...note(i.note),
  };
}

/** Sale: the customer becomes owner and possessor. Lease: the lessee becomes possessor; ownership stays. */
export function transferEvent(kind: 'sale' | 'lease', b: EventBase, epc: string, party: { id: string; name: string }, noteText?: string): Json {
  const m = STEP_MAPPING[kind];
  const destinationList = kind === 'sale' ? [{ type: 'owning_party', destination: party.id }, { type: 'possessing_party', destination: party.id }] : [{ type: 'possessing_party', destination: party.id }];
  return { ...head('ObjectEvent', b), epcList: [epc], action: 'OBSERVE', bizStep: m.bizStep, disposition: m.disposition, destinationList, 'reman:partyNames': { [party.id]: party.name }, ...note(noteText) };
}

export function installationEvent(b: EventBase, i: StepInput<'installation'>, epc: string): Json {
  return {
    ...head('ObjectEvent', b),
    epcList: [epc],
    action: 'OBSERVE',
    bizStep: BIZ_STEPS.installing.value,
    disposition: DISPOSITIONS.active.value,
    'reman:installation': { location: i.location, ...(i.equipment ? { equipment: i.equipment } : {}) },
    ...note(i.note),
  };
}

export function statusEvent(status: 'recalled' | 'revoked', b: EventBase, epc: string, reason: string): Json {
  const m = STEP_MAPPING[status === 'recalled' ? 'recall' : 'revocation'];
  return { ...head('ObjectEvent', b), epcList: [epc], action: 'OBSERVE', bizStep: m.bizStep, disposition: m.disposition, 'reman:reason': reason };
}

/** A part line of an in-service repair: `epc` known in the product's genealogy (removed) or assigned (fitted). */
export interface RepairPart {
  epc: string | null;
  name: string;
  partNo?: string | null;
  serial?: string | null;
  quantity: number;
}

/**
 * In-service repair (STEP_MAPPING.repair): the parts taken out leave the product (AggregationEvent DELETE — only for
 * parts identified in its genealogy; a DELETE without children would mean "all of them"), the parts fitted enter it
 * (ADD), at the same moment, DELETE first (events are projected in order), so the genealogy never shows both.
 * Every part line (identified or not) is in `reman:parts` of the event it belongs to.
 */
export function repairEvents(b: [EventBase, EventBase], productEpc: string, removed: RepairPart[], fitted: RepairPart[], caseNumber: string): Json[] {
  const line = (p: RepairPart) => ({ ...(p.epc ? { epc: p.epc } : {}), name: p.name, ...(p.partNo ? { partNo: p.partNo } : {}), ...(p.serial ? { serial: p.serial } : {}), quantity: p.quantity });
  const ev = (base: EventBase, action: 'DELETE' | 'ADD', parts: RepairPart[], extra: Json = {}): Json => ({
    ...head('AggregationEvent', base),
    parentID: productEpc,
    childEPCs: parts.filter((p) => p.epc).map((p) => p.epc),
    action,
    bizStep: BIZ_STEPS.repairing.value,
    disposition: DISPOSITIONS.active.value,
    'reman:parts': parts.map(line),
    'reman:case': caseNumber,
    ...extra,
  });
  const out: Json[] = [];
  const identified = removed.filter((p) => p.epc);
  const unidentified = removed.filter((p) => !p.epc);
  if (identified.length) out.push(ev(b[0], 'DELETE', identified));
  if (fitted.length) out.push(ev(b[1], 'ADD', fitted, unidentified.length ? { 'reman:removedUnidentified': unidentified.map(line) } : {}));
  return out;
}
