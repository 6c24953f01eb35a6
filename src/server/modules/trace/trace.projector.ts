import type { Db } from '../../db/client.js';
import type { StoredEvent } from '../../../domain/epcis/types.js';
import { isIsoDate, shanghaiDate } from '../../../domain/calendar-date.js';
import { canonicalEpc, deriveEnterprisePrefix, digitalLinkUri, makeProductCode, normalizeGtin, parseDigitalLink, parseProductCode, parseSgtinUrn, PLATFORM_EPC_NS } from '../../../domain/trace/codes.js';
import { productRates, INPUT_ORIGINS, type ReassemblyInput } from '../../../domain/trace/rates.js';
import { BIZ_STEPS, DISPOSITIONS, stepKindOf } from '../../../domain/trace/vocabulary.js';
import { extReader, num, prefixesFor, str } from './trace.extension.js';
import { PRODUCT_STATE_AS_MADE, REASSEMBLY_DECLARED_ERRONEOUS, traceRepo, type EdgeInsert, type ObjectUpsert, type ProductInsert, type ProductRow, type StepInsert } from './trace.repo.js';

/**
 * The trace projection: called by the epcis module inside every capture transaction (epcis.onStored) with the
 * events just stored — from the lifecycle forms, bulk import or any MES through /epcis — and turns them into
 * objects, genealogy edges, products and steps (docs/traceability.md "Projection"). Uses only `tx`.
 */

type Kind = ObjectUpsert['kind'];
const KIND_RANK: Kind[] = ['other', 'lot', 'part', 'core', 'product'];

/** Allocate (once) the enterprise's product-code prefix. */
export async function ensurePrefix(tx: Db, enterpriseId: string): Promise<string> {
  const existing = await traceRepo.prefixOf(tx, enterpriseId);
  if (existing) return existing;
  for (let attempt = 0; attempt < 100; attempt++) {
    const p = deriveEnterprisePrefix(enterpriseId, attempt);
    if (!(await traceRepo.prefixTaken(tx, p))) {
      await traceRepo.insertPrefix(tx, enterpriseId, p);
      return (await traceRepo.prefixOf(tx, enterpriseId))!;
    }
  }
  throw new Error('could not allocate a product-code prefix');
}

const classes = (list: { epcClass: string }[]) => list.map((q) => q.epcClass);
/** An event time as the projection keys it (UTC ISO); the last answer is kept, as one event's ~13 keys ask in a row. */
let lastIsoIn = '';
let lastIsoOut = '';
const iso = (t: string) => (t === lastIsoIn ? lastIsoOut : ((lastIsoOut = new Date(t).toISOString()), (lastIsoIn = t), lastIsoOut));

/**
 * The stored events carrying any of the given EPCs (epcis.eventsByIdentifiers inside `tx`; declared-erroneous ones
 * with errorDeclaration set): lets an error declaration of a sale, lease, recall … replay the product's state.
 */
export type ProductHistory = (tx: Db, enterpriseId: string, epcs: string[]) => Promise<StoredEvent[]>;

export interface ProjectOptions {
  history?: ProductHistory;
  /**
   * The events are in the event store (the epcis module's capture hands them over): a transformation's "made of"
   * links are read from its identifier rows (epcis.links.ts) and not written as edges, unless the event names its
   * inputs or gives an identifier in a non-canonical form (issue 10 §5, migration 20261215050000).
   */
  linksInEventStore?: boolean;
}

/** Every identifier of the transformation already in the form the genealogy keys it by (canonicalEpc). */
const keysCanonical = (e: StoredEvent) =>
  [...e.inputEPCList, ...classes(e.inputQuantityList), ...e.outputEPCList, ...classes(e.outputQuantityList)].every((k) => canonicalEpc(k) === k);

/**
 * Projects the events; returns the enterprises whose product rows it changed (made, a state, owner or status, a
 * successor, a disassembly, a declared error, a public timeline) — what public answers about products depend on.
 */
export async function projectEvents(tx: Db, events: StoredEvent[], opts: ProjectOptions = {}): Promise<Set<string>> {
  const byEnterprise = new Map<string, StoredEvent[]>();
  // transformations whose links the event store gives as the genealogy keys them (checked before canonicalisation)
  const linkable = new Set(opts.linksInEventStore ? events.filter((e) => e.type === 'TransformationEvent' && keysCanonical(e)).map((e) => e.eventId) : []);
  for (const e of events) {
    const list = byEnterprise.get(e.enterpriseId);
    if (list) list.push(e);
    else byEnterprise.set(e.enterpriseId, [e]);
  }
  const productsChanged = new Set<string>();
  for (const [enterpriseId, list] of byEnterprise) if (await projectForEnterprise(tx, enterpriseId, list.map(canon), opts.history, linkable)) productsChanged.add(enterpriseId);
  return productsChanged;
}

/** Digital Link URIs on any resolver domain are keyed in their id.gs1.org form. */
function canon(e: StoredEvent): StoredEvent {
  const c = (l: string[]) => l.map(canonicalEpc);
  const cq = (l: StoredEvent['quantityList']) => l.map((x) => ({ ...x, epcClass: canonicalEpc(x.epcClass) }));
  return {
    ...e,
    epcList: c(e.epcList),
    quantityList: cq(e.quantityList),
    parentID: e.parentID ? canonicalEpc(e.parentID) : null,
    childEPCs: c(e.childEPCs),
    childQuantityList: cq(e.childQuantityList),
    inputEPCList: c(e.inputEPCList),
    inputQuantityList: cq(e.inputQuantityList),
    outputEPCList: c(e.outputEPCList),
    outputQuantityList: cq(e.outputQuantityList),
  };
}

/** Projects one enterprise's events; true when product rows changed. */
async function projectForEnterprise(tx: Db, enterpriseId: string, events: StoredEvent[], history: ProductHistory | undefined, linkable: Set<string>): Promise<boolean> {
  const objects = new Map<string, ObjectUpsert>();
  const edges: EdgeInsert[] = [];
  /** transformations whose links are written as edges (trace_edge_events); the others' are read from the event store */
  const edgeEvents: string[] = [];
  const steps: StepInsert[] = [];
  const deletes: StoredEvent[] = [];
  const assemblies: StoredEvent[] = [];
  /** cores disassembled in this capture: a product among them is no longer in circulation under its code */
  const disassembled: { key: string; at: string; eventId: string }[] = [];
  const normal = events.filter((e) => !e.errorDeclaration);

  /**
   * Keys seen other than as a part: by an object-level event, as a core, product, lot, container or input/output of
   * another transformation. Those get object rows; a key named only as a part (released by a disassembly, put into a
   * product) is described by its edges (migration 20261210070000), unless it already has a row.
   */
  const observed = new Set<string>();
  const touch = (key: string, kind: Kind, e: StoredEvent, stepKind: string | null, name: string | null = null, asPart = false) => {
    if (!asPart) observed.add(key);
    const t = iso(e.eventTime);
    const o = objects.get(key);
    if (!o) {
      objects.set(key, { key, kind, name, first: t, last: t, stepKind, bizStep: e.bizStep, disposition: e.disposition });
      return;
    }
    if (KIND_RANK.indexOf(kind) > KIND_RANK.indexOf(o.kind)) o.kind = kind;
    o.name ??= name;
    if (t < o.first) o.first = t;
    if (t >= o.last) Object.assign(o, { last: t, stepKind: stepKind ?? o.stepKind, bizStep: e.bizStep, disposition: e.disposition ?? o.disposition });
  };

  for (const e of normal) {
    const pre = prefixesFor(e.document);
    const stepKind = stepKindOf(e.type, e.bizStep, e.disposition);
    const field = extReader(e.document, pre);
    const details = stepDetails(e, field);
    const t = iso(e.eventTime);
    const addStep = (key: string) =>
      steps.push({ key, eventId: e.eventId, time: t, eventType: e.type, bizStep: e.bizStep, disposition: e.disposition, stepKind, details });

    if (e.type === 'TransformationEvent') {
      const inputs = [...e.inputEPCList, ...classes(e.inputQuantityList)];
      const outputs = [...e.outputEPCList, ...classes(e.outputQuantityList)];
      const isDisassembly = e.bizStep === 'disassembling';
      const isAssembly = e.bizStep === 'assembling';
      const names = partNames(field);
      for (const k of e.inputEPCList) touch(k, isDisassembly ? 'core' : isAssembly ? 'part' : 'other', e, stepKind, names.get(k) ?? null, isAssembly);
      for (const k of classes(e.inputQuantityList)) touch(k, 'lot', e, stepKind, names.get(k) ?? null);
      for (const k of e.outputEPCList) touch(k, isDisassembly ? 'part' : isAssembly ? 'product' : 'other', e, stepKind, names.get(k) ?? null, isDisassembly);
      for (const k of classes(e.outputQuantityList)) touch(k, 'lot', e, stepKind, names.get(k) ?? null);
      // the part side of an edge carries the part's name: the output of a disassembly, the input of anything else.
      // A transformation's links are read from the event store when it has them as keyed here and names no input.
      const fromStore = !isDisassembly && linkable.has(e.eventId) && !inputs.some((k) => names.has(k));
      if (!fromStore) {
        const before = edges.length;
        for (const out of outputs) for (const inp of inputs) if (out !== inp) edges.push({ parent: out, child: inp, kind: isDisassembly ? 'disassembly' : 'transformation', eventId: e.eventId, validFrom: t, validTo: null, closedBy: null, partName: names.get(isDisassembly ? out : inp) ?? null });
        if (!isDisassembly && edges.length > before) edgeEvents.push(e.eventId);
      }
      // Step rows are read for products and their life cores only (product page, public timeline): a disassembly is
      // a step of the core, a reassembly one of the product — the parts' side of both is in the edges.
      [...new Set(isDisassembly ? inputs : isAssembly ? outputs : [...inputs, ...outputs])].forEach(addStep);
      if (isAssembly && e.outputEPCList.length) assemblies.push(e);
      if (isDisassembly) for (const k of e.inputEPCList) disassembled.push({ key: k, at: t, eventId: e.eventId });
    } else if (e.type === 'AggregationEvent') {
      const children = [...e.childEPCs, ...classes(e.childQuantityList)];
      const isDisassembly = e.bizStep === 'disassembling';
      const names = isDisassembly ? partNames(field) : new Map<string, string>();
      if (e.parentID) touch(e.parentID, 'other', e, stepKind);
      for (const k of e.childEPCs) touch(k, isDisassembly ? 'part' : 'other', e, stepKind, names.get(k) ?? null, isDisassembly);
      for (const k of classes(e.childQuantityList)) touch(k, 'lot', e, stepKind);
      if (e.parentID && e.action === 'ADD') for (const c of children) edges.push({ parent: e.parentID, child: c, kind: 'aggregation', eventId: e.eventId, validFrom: t, validTo: null, closedBy: null });
      if (e.parentID && e.action === 'DELETE') {
        deletes.push(e);
        // Disassembly modelled as an aggregation DELETE: each part also records the core it came from.
        if (isDisassembly) {
          for (const c of children) edges.push({ parent: c, child: e.parentID, kind: 'disassembly', eventId: e.eventId, validFrom: t, validTo: null, closedBy: null, partName: names.get(c) ?? null });
          disassembled.push({ key: e.parentID, at: t, eventId: e.eventId });
        }
      }
      [...new Set([...(e.parentID ? [e.parentID] : []), ...(isDisassembly ? [] : children)])].forEach(addStep);
    } else {
      // ObjectEvent, TransactionEvent, AssociationEvent
      const keys = [...e.epcList, ...classes(e.quantityList), ...(e.parentID ? [e.parentID] : [])];
      const name = str(field('name'), 200);
      for (const k of e.epcList) touch(k, stepKind === 'intake' ? 'core' : 'other', e, stepKind, stepKind === 'intake' ? name : null);
      for (const k of classes(e.quantityList)) touch(k, 'lot', e, stepKind);
      if (e.parentID) touch(e.parentID, 'other', e, stepKind);
      if (e.type === 'AssociationEvent' && e.parentID && e.action === 'ADD') for (const c of [...e.childEPCs, ...classes(e.childQuantityList)]) edges.push({ parent: e.parentID, child: c, kind: 'aggregation', eventId: e.eventId, validFrom: t, validTo: null, closedBy: null });
      if (e.type === 'AssociationEvent' && e.parentID && e.action === 'DELETE') deletes.push(e);
      [...new Set(keys)].forEach(addStep);
    }
  }

  // The disassemblies of the reassemblies' inputs (their cores: earlier lives): this capture's are in `edges`, the
  // earlier captures' are read before this capture's edges are written, so the read returns only what memory lacks.
  const allInputs = [...new Set(assemblies.flatMap((e) => e.inputEPCList))];
  const coresByPart = new Map<string, Set<string>>();
  const addCore = (part: string, core: string) => {
    const l = coresByPart.get(part);
    if (l) l.add(core);
    else coresByPart.set(part, new Set([core]));
  };
  if (allInputs.length) {
    for (const r of await traceRepo.coresOfParts(tx, enterpriseId, allInputs)) addCore(r.part, r.core);
    const wanted = new Set(allInputs);
    for (const x of edges) if (x.kind === 'disassembly' && wanted.has(x.parent)) addCore(x.parent, x.child);
  }

  const all = [...objects.values()];
  const upserted = [
    ...(await traceRepo.upsertObjects(tx, enterpriseId, all.filter((o) => observed.has(o.key)))),
    ...(await traceRepo.updateExistingObjects(tx, enterpriseId, all.filter((o) => !observed.has(o.key)))),
  ];
  const coresAndProducts = upserted.filter((o) => o.kind === 'core' || o.kind === 'product');
  // A key without an object row before this capture cannot be a product of an earlier capture (every product has its
  // row), so the reads of earlier lives and product states leave such keys out (at 10,000 events: ~90k keys, usually
  // all new). A part may have edges of earlier captures without a row: the cores of every input are asked for.
  const seen = new Set(upserted.filter((o) => !o.inserted).map((o) => o.key));
  const isNew = (k: string) => objects.has(k) && !seen.has(k);
  await traceRepo.insertEdges(tx, enterpriseId, edges);
  await traceRepo.insertEdgeEvents(tx, enterpriseId, edgeEvents);
  await traceRepo.insertSteps(tx, enterpriseId, steps);

  await closeAggregations(tx, enterpriseId, deletes);

  // The public timeline of a product whose unit and life cores are all new to this capture: every step it shows is in
  // `steps` (none earlier, none declared erroneous when the capture declares nothing), so it is written with the row —
  // the same [day, kind] pairs the SQL refresh (PUBLIC_STEPS_OF_P) would read back; any other product: refreshed below.
  const declared = events.filter((e) => e.errorDeclaration);
  const shownSteps = new Map<string, StepInsert[]>();
  for (const x of steps) {
    if (!x.stepKind) continue;
    const l = shownSteps.get(x.key);
    if (l) l.push(x);
    else shownSteps.set(x.key, [x]);
  }
  const timelineOf = (keys: string[]): [string, string][] | null => {
    if (declared.length || !keys.every(isNew)) return null;
    const byEvent = new Map<string, StepInsert>();
    for (const k of keys) for (const x of shownSteps.get(k) ?? []) if (!byEvent.has(x.eventId)) byEvent.set(x.eventId, x);
    return [...byEvent.values()].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0)).map((x) => [shanghaiDate(new Date(x.time)), x.stepKind!]);
  };

  const made = await createProducts(tx, enterpriseId, assemblies, { isNew, coresByPart, allInputs, timelineOf });
  // a product row exists only for a key known before or made now
  const madeNow = new Set(made.map((r) => r.epc));
  const mayBeProduct = (k: string) => !isNew(k) || madeNow.has(k);

  const patched = await updateProducts(tx, enterpriseId, normal, mayBeProduct);

  // successor semantics (src/domain/trace/successor.ts): disassembled units, and the products they became
  const disassembledProducts = disassembled.filter((d) => mayBeProduct(d.key));
  const successors = made.map((r) => ({ code: r.code, life: r.life, madeAt: r.made_at, keys: r.life_core_keys.filter(mayBeProduct) }));
  await traceRepo.markDisassembled(tx, enterpriseId, disassembledProducts);
  await traceRepo.setSuccessors(tx, enterpriseId, successors);

  if (history) await replayDeclaredProducts(tx, enterpriseId, declared.filter((e) => e.type !== 'TransformationEvent'), history);

  const declaredKeys = await traceRepo.declareErroneousMany(tx, enterpriseId, declared.map((e) => e.eventId));

  // the public timeline on the product rows: new products, products with a new step, products whose (older) life
  // core got a step or lost one to an error declaration
  const stepKeys = new Set(steps.map((x) => x.key));
  const timelineWritten = new Set(made.filter((r) => r.public_steps).map((r) => r.epc));
  const timelines = {
    codes: made.filter((r) => !r.public_steps).map((r) => r.code),
    productKeys: [...new Set([...coresAndProducts.filter((o) => o.kind === 'product' && stepKeys.has(o.key) && !timelineWritten.has(o.key)).map((o) => o.key), ...declaredKeys])],
    coreKeys: [...new Set([...coresAndProducts.filter((o) => !o.inserted && stepKeys.has(o.key)).map((o) => o.key), ...declaredKeys])],
  };
  await traceRepo.refreshPublicSteps(tx, enterpriseId, timelines);
  return made.length > 0 || patched > 0 || disassembledProducts.length > 0 || successors.some((x) => x.keys.length) || declared.length > 0 || timelines.productKeys.length > 0 || timelines.coreKeys.length > 0;
}

/**
 * Aggregation DELETEs in event order: close the open windows of the parent (→ the children named, or all).
 * A DELETE of children never ADDed here (e.g. the first life happened elsewhere) keeps the fact that they were
 * in the parent until now (a closed edge). Set-based (one UPDATE + one INSERT per capture) when every DELETE
 * has a different parent — then no two of them can touch the same edge; one by one otherwise.
 */
async function closeAggregations(tx: Db, enterpriseId: string, deletes: StoredEvent[]) {
  if (!deletes.length) return;
  const item = (e: StoredEvent) => {
    const children = [...e.childEPCs, ...classes(e.childQuantityList)];
    return { parent: e.parentID!, all: !children.length, children, at: iso(e.eventTime), eventId: e.eventId, disassembly: e.bizStep === 'disassembling' };
  };
  // A disassembly DELETE records each part's disassembly edge already: no window is invented for parts never ADDed.
  const missingOf = (d: ReturnType<typeof item>, closed: (c: string) => boolean): EdgeInsert[] =>
    d.disassembly ? [] : d.children.filter((c) => !closed(c)).map((c) => ({ parent: d.parent, child: c, kind: 'aggregation' as const, eventId: d.eventId, validFrom: d.at, validTo: d.at, closedBy: d.eventId }));
  const items = deletes.map(item);
  if (new Set(items.map((d) => d.parent)).size === items.length) {
    const closed = new Set((await traceRepo.closeAggregations(tx, enterpriseId, items)).map((r) => `${r.parent_key}\u0000${r.child_key}`));
    await traceRepo.insertEdges(tx, enterpriseId, items.flatMap((d) => missingOf(d, (c) => closed.has(`${d.parent}\u0000${c}`))));
    return;
  }
  for (const d of items) {
    const closed = await traceRepo.closeAggregation(tx, enterpriseId, d.parent, d.all ? null : d.children, d.at, d.eventId);
    await traceRepo.insertEdges(tx, enterpriseId, missingOf(d, (c) => closed.includes(c)));
  }
}

/** Names of parts/inputs given in reman:parts (disassembly) or reman:inputs (reassembly). */
function partNames(field: (name: string) => unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of ['parts', 'inputs']) {
    const list = field(f);
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      if (!p || typeof p !== 'object') continue;
      const r = p as Record<string, unknown>;
      const key = str(r.epc) ?? str(r.epcClass);
      const name = str(r.name, 200);
      if (key && name) out.set(key, name);
    }
  }
  return out;
}

/** What the ledger and the product page show of a step (never shown on the public page). */
function stepDetails(e: StoredEvent, field: (name: string) => unknown): Record<string, unknown> | null {
  const d: Record<string, unknown> = {};
  for (const f of ['source', 'model', 'grade', 'measurements', 'method', 'process', 'parameters', 'result', 'installation', 'reason', 'note', 'destinationName', 'partyNames', 'standardNo']) {
    const v = field(f);
    if (v !== undefined) d[f] = v;
  }
  if (e.sourceList.length) d.sourceList = e.sourceList;
  if (e.destinationList.length) d.destinationList = e.destinationList;
  // the site of the step (domain/trace/site.ts): read by the annual report's 表2-3 per site
  if (e.bizLocation) d.bizLocation = e.bizLocation;
  return Object.keys(d).length ? d : null;
}

/** One input of a product: as its reassembly declared it (reman:inputs), or only its identifier. */
export type ProductInput = ReassemblyInput | { epc: string };

/**
 * What a product was made of, from the reassembly event that made it (its made_event_id, read back from the event
 * store; migration 20261216010000): the reman:inputs it declared, or — without a valid declaration — its input
 * identifiers as the genealogy keys them.
 */
export function productInputs(e: StoredEvent): ProductInput[] {
  return readInputs(extReader(e.document, prefixesFor(e.document))) ?? [...e.inputEPCList, ...classes(e.inputQuantityList)].map((k) => ({ epc: canonicalEpc(k) }));
}

function readInputs(field: (name: string) => unknown): ReassemblyInput[] | null {
  const list = field('inputs');
  if (!Array.isArray(list) || !list.length) return null;
  const out: ReassemblyInput[] = [];
  for (const x of list) {
    if (!x || typeof x !== 'object') return null;
    const r = x as Record<string, unknown>;
    const origin = r.origin;
    const massKg = num(r.massKg);
    const valueCny = num(r.valueCny);
    const quantity = r.quantity === undefined || r.quantity === null ? 1 : num(r.quantity);
    if (!INPUT_ORIGINS.includes(origin as never) || massKg === null || massKg < 0 || valueCny === null || valueCny < 0 || quantity === null || quantity < 0) return null;
    out.push({ epc: str(r.epc), epcClass: str(r.epcClass), name: str(r.name, 200), origin: origin as ReassemblyInput['origin'], massKg, valueCny, quantity });
  }
  return out;
}

/**
 * Products made by the reassemblies of one capture, in event order, with one query per kind of read/write:
 * cores of all inputs, latest lives of all cores/inputs, the serials, one multi-row INSERT. A product made by
 * an earlier reassembly of the same capture counts as an earlier life for a later one (as it did when each
 * reassembly was written on its own).
 */
async function createProducts(
  tx: Db,
  enterpriseId: string,
  assemblies: StoredEvent[],
  capture: { isNew: (key: string) => boolean; coresByPart: Map<string, Set<string>>; allInputs: string[]; timelineOf: (keys: string[]) => [string, string][] | null },
): Promise<ProductInsert[]> {
  if (!assemblies.length) return [];
  // What each reassembly declares, read from its event alone — JavaScript only, so on PostgreSQL it runs while the
  // database still writes this capture's edges and steps (projectForEnterprise queues them).
  const drafts = assemblies.map((e) => {
    const pre = prefixesFor(e.document);
    const ilmd = e.ilmd ?? (e.document.ilmd as Record<string, unknown> | undefined) ?? null;
    const doc = extReader(e.document, pre);
    const fromIlmd = extReader(ilmd, pre);
    const field = (n: string) => fromIlmd(n) ?? doc(n);
    const inputs = readInputs(doc);
    const rates = inputs ? productRates(inputs) : null;
    const productionDate = str(field('productionDate'));
    const eventDay = new Date(new Date(e.eventTime).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const givenGtin = str(field('gtin'));
    const givenSerial = str(field('serial'), 20);
    const warranty = num(field('warrantyMonths'));
    const common = {
      enterprise_id: enterpriseId,
      digital_link: null,
      name: str(field('productName'), 200) ?? str(field('name'), 200) ?? '再制造产品',
      model: str(field('model'), 100),
      standard_no: str(field('standardNo'), 100),
      warranty_months: warranty !== null && warranty >= 0 && warranty <= 1200 ? Math.round(warranty) : null, // ≤ 100 years, or not a warranty
      production_date: isIsoDate(productionDate) ? productionDate : eventDay, // a real calendar date (2026-02-30 is not)
      mass_rate: rates?.massRate ?? null,
      value_rate: rates?.valueRate ?? null,
      formula_version: rates?.formulaVersion ?? null,
      core_mass: rates ? rates.totals.reusedMass + rates.totals.remanufacturedMass : 0,
      total_mass: rates?.totals.totalMass ?? 0,
      core_value: rates ? rates.totals.reusedValue + rates.totals.remanufacturedValue : 0,
      total_value: rates?.totals.totalValue ?? 0,
      made_event_id: e.eventId,
      made_at: new Date(e.eventTime).toISOString(),
      biz_location: e.bizLocation,
      owner_id: null,
      owner_name: null,
    };
    const outputs = e.outputEPCList.map((epc) => {
      const dl = parseDigitalLink(epc) ?? parseSgtinUrn(epc);
      return { epc, gtin: dl?.gtin ?? (givenGtin ? normalizeGtin(givenGtin) : null), serial: dl?.serial ?? givenSerial ?? (epc.startsWith(PLATFORM_EPC_NS) ? epc.slice(epc.lastIndexOf('.') + 1) : null) };
    });
    return { e, givenCode: str(field('productCode')), common, outputs };
  });

  const prefix = await ensurePrefix(tx, enterpriseId);
  const { coresByPart, allInputs } = capture;
  const allCores = [...coresByPart.values()].flatMap((l) => [...l]);
  // Latest life per EPC that is a product (of earlier captures: not new keys), kept up to date below.
  const lifeOf = new Map((await traceRepo.latestLives(tx, enterpriseId, [...new Set([...allCores, ...allInputs])].filter((k) => !capture.isNew(k)))).map((r) => [r.epc, r.life]));

  type Pending = Omit<ProductInsert, 'code' | 'serial'> & { code: string | null; serial: string | null };
  const pending: Pending[] = [];
  for (const { e, givenCode, common, outputs } of drafts) {
    // Which earlier lives: the cores the inputs were disassembled from, and inputs that are products themselves.
    const cores = [...new Set(e.inputEPCList.flatMap((k) => [...(coresByPart.get(k) ?? [])]))].sort();
    const earlier = [...new Set([...cores, ...e.inputEPCList])].filter((k) => lifeOf.has(k)).sort();
    const life = earlier.reduce((m, k) => Math.max(m, lifeOf.get(k)!), 0) + 1;
    const parsed = givenCode && outputs.length === 1 ? parseProductCode(givenCode) : null;
    for (const o of outputs) {
      const lifeCoreKeys = [...new Set([...cores, ...earlier])];
      pending.push({ ...common, code: parsed && parsed.enterprisePrefix === prefix ? parsed.code : null, epc: o.epc, gtin: o.gtin, serial: o.serial, life, life_core_keys: lifeCoreKeys, public_steps: capture.timelineOf([o.epc, ...lifeCoreKeys]) });
      lifeOf.set(o.epc, Math.max(lifeOf.get(o.epc) ?? 0, life));
    }
  }
  // Platform codes for the products without a valid given one: consecutive serials, in event order.
  const need = pending.filter((p) => !p.code).length;
  let next = need ? await traceRepo.takeSerials(tx, enterpriseId, need) : 0;
  const rows: ProductInsert[] = pending.map((p) => {
    const code = p.code ?? makeProductCode(prefix, next++);
    const serial = p.serial ?? code.slice(8, 16);
    let digitalLink: string | null = null;
    try {
      digitalLink = p.gtin ? digitalLinkUri(p.gtin, serial) : null;
    } catch {
      digitalLink = null;
    }
    return { ...p, code, serial, digital_link: digitalLink };
  });
  await traceRepo.insertProducts(tx, rows);
  return rows;
}

/**
 * An error declaration of an event that changed products (sale, lease, installation, recall, code revocation …):
 * the state it set is taken back by replaying the products' remaining events from their state as made
 * (EPCIS 2.0 §7.4.1.2: the declared event is to be treated as if it had not happened). Products whose reassembly
 * itself was declared erroneous stay revoked.
 */
async function replayDeclaredProducts(tx: Db, enterpriseId: string, declared: StoredEvent[], history: ProductHistory) {
  if (!declared.length) return;
  const keys = [...new Set(declared.flatMap((e) => [...e.epcList, ...(e.parentID ? [e.parentID] : [])]))];
  const products = (await traceRepo.productsByEpcs(tx, enterpriseId, keys)).filter((p) => p.status_reason !== REASSEMBLY_DECLARED_ERRONEOUS);
  if (!products.length) return;
  const asMade = { status: 'issued', status_reason: null, state: PRODUCT_STATE_AS_MADE, owner_id: null, owner_name: null, possessor_id: null, possessor_name: null, installation: null } as const;
  await traceRepo.updateProducts(tx, enterpriseId, products.map((p) => ({ code: p.code, patch: { ...asMade } })));
  const declaredIds = new Set(declared.map((e) => e.eventId));
  const remaining = (await history(tx, enterpriseId, products.map((p) => p.epc))).filter((e) => !e.errorDeclaration && !declaredIds.has(e.eventId));
  await updateProducts(tx, enterpriseId, remaining.map(canon));
}

/** Status, lifecycle state, owner/possessor and installation of products, from the events in time order. */
/** Returns how many products it patched. */
async function updateProducts(tx: Db, enterpriseId: string, events: StoredEvent[], mayBeProduct: (key: string) => boolean = () => true): Promise<number> {
  const keys = new Set<string>();
  for (const e of events) if (e.type !== 'TransformationEvent') for (const k of [...e.epcList, ...(e.parentID ? [e.parentID] : [])]) if (mayBeProduct(k)) keys.add(k);
  const products = new Map((await traceRepo.productsByEpcs(tx, enterpriseId, [...keys])).map((p) => [p.epc, p]));
  if (!products.size) return 0;
  const patches = new Map<string, Partial<ProductRow>>();
  // the events naming one of these products, in time order (each time parsed once; a stable sort keeps ties in order)
  const touching = events
    .filter((e) => e.type !== 'TransformationEvent' && (e.epcList.some((k) => products.has(k)) || (e.parentID !== null && products.has(e.parentID))))
    .map((e) => ({ e, t: Date.parse(e.eventTime) }))
    .sort((a, b) => a.t - b.t);
  for (const { e } of touching) {
    const pre = prefixesFor(e.document);
    const kind = stepKindOf(e.type, e.bizStep, e.disposition);
    const field = extReader(e.document, pre);
    const partyNames = (field('partyNames') ?? {}) as Record<string, unknown>;
    for (const k of [...e.epcList, ...(e.parentID ? [e.parentID] : [])]) {
      const p = products.get(k);
      if (!p || Date.parse(e.eventTime) < new Date(p.made_at).getTime()) continue;
      const patch = patches.get(p.code) ?? {};
      if (kind) patch.state = kind;
      if (e.disposition === DISPOSITIONS.recalled.value) Object.assign(patch, { status: 'recalled', status_reason: str(field('reason')) });
      if (e.disposition === DISPOSITIONS.revoked.value || e.bizStep === BIZ_STEPS.code_revoking.value) Object.assign(patch, { status: 'revoked', status_reason: str(field('reason')) });
      for (const d of e.destinationList) {
        const name = typeof partyNames === 'object' ? str(partyNames[d.id], 200) : null;
        if (d.type === 'owning_party') Object.assign(patch, { owner_id: d.id, owner_name: name });
        if (d.type === 'possessing_party') Object.assign(patch, { possessor_id: d.id, possessor_name: name });
      }
      if (kind === 'installation') {
        const inst = field('installation') as Record<string, unknown> | undefined;
        patch.installation = { location: str(inst?.location, 300) ?? '', equipment: str(inst?.equipment, 200), time: iso(e.eventTime) };
      }
      if (kind === 'removal') patch.installation = null;
      patches.set(p.code, patch);
    }
  }
  await traceRepo.updateProducts(tx, enterpriseId, [...patches].map(([code, patch]) => ({ code, patch })));
  return patches.size;
}
