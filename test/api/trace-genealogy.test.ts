import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Database, Db } from '../../src/server/db/client.js';
import type { StoredEvent } from '../../src/domain/epcis/types.js';
import { projectEvents } from '../../src/server/modules/trace/trace.projector.js';
import { walkGenealogy } from '../../src/server/modules/trace/trace.genealogy.js';
import { q, traceRepo } from '../../src/server/modules/trace/trace.repo.js';
import { traceInMemory, type GenealogyEdge } from '../../src/domain/trace/genealogy.js';
import { parseProductCode } from '../../src/domain/trace/codes.js';
import { freshDatabase } from '../support/db.js';
import { storedEvent, storeEvents } from './trace-fixtures.js';
import { sql } from 'drizzle-orm';

/**
 * Genealogy on hand-made graphs, projected from StoredEvents exactly as the epcis module hands them over:
 * three lives of one core, a lot fanned out into several products, an erroneous reassembly corrected by an
 * error declaration, an aggregation window. The SQL walk is also checked against the in-memory reference.
 */
let database: Database;
const E = randomUUID();
const F = randomUUID(); // another enterprise
const E2 = randomUUID(); // E's events again, stored in the event store: transformation links read from there (issue 10 §5)
const T = (h: number) => new Date(Date.UTC(2026, 0, 1) + h * 3600_000).toISOString();
const u = (s: string) => `urn:test:${s}`;
const [C0, C9, p1, p2, p3, n1, q1, P1, P2, P3, P4, P5, P5b, X] = ['C0', 'C9', 'p1', 'p2', 'p3', 'n1', 'q1', 'P1', 'P2', 'P3', 'P4', 'P5', 'P5b', 'X'].map(u) as [string, ...string[]] as string[];
const L = 'urn:epc:class:lgtin:4012345.012345.LOT1';
const L2 = 'urn:epc:class:lgtin:4012345.012345.LOT2';
const ev = (p: Partial<StoredEvent> & { type: StoredEvent['type']; eventTime: string }, ent = E) => storedEvent(ent, p);

const reassembly = (out: string, t: number, inputs: { epc?: string; epcClass?: string; origin: string; massKg: number; valueCny: number; quantity?: number }[], id?: string) =>
  ev({
    eventId: id,
    type: 'TransformationEvent',
    eventTime: T(t),
    bizStep: 'assembling',
    disposition: 'urn:reman-platform:voc:disp:remanufactured',
    inputEPCList: inputs.filter((i) => i.epc).map((i) => i.epc!),
    inputQuantityList: inputs.filter((i) => i.epcClass).map((i) => ({ epcClass: i.epcClass!, quantity: i.quantity ?? 1 })),
    outputEPCList: [out],
    ilmd: { 'reman:productName': `产品 ${out}`, 'reman:standardNo': 'JB/T 0000' },
    document: { 'reman:inputs': inputs },
  });
const disassembly = (core: string, parts: string[], t: number) => ev({ type: 'TransformationEvent', eventTime: T(t), bizStep: 'disassembling', inputEPCList: [core], outputEPCList: parts });
const intake = (core: string, t: number) => ev({ type: 'ObjectEvent', action: 'OBSERVE', eventTime: T(t), bizStep: 'receiving', disposition: 'returned', epcList: [core] });

const erroneousId = 'urn:uuid:eeeeeeee-0000-4000-8000-000000000001';

/** Projects a batch for E as handed over (edges), and the same events for E2 stored first and projected with linksInEventStore. */
async function projectBoth(tx: Db, events: StoredEvent[]) {
  await projectEvents(tx, events);
  if (events.some((e) => e.enterpriseId !== E)) return;
  const again = events.map((e) => ({ ...e, enterpriseId: E2 }));
  await storeEvents(tx, again);
  await projectEvents(tx, again, { linksInEventStore: true });
}

beforeAll(async () => {
  database = await freshDatabase();
  const { db } = database;
  // Life 1: core C0 → p1 p2 p3; P1 = p1 (reused) + p2 (remanufactured) + n1 (new) + 4 × lot L (new)
  await db.transaction(async (tx) => {
    await projectBoth(tx, [
      intake(C0, 1),
      disassembly(C0, [p1, p2, p3], 2),
      reassembly(P1, 3, [
        { epc: p1, origin: 'reused', massKg: 300, valueCny: 20_000 },
        { epc: p2, origin: 'remanufactured', massKg: 120, valueCny: 18_000 },
        { epc: n1, origin: 'new', massKg: 40, valueCny: 6_000 },
        { epcClass: L, origin: 'new', massKg: 10, valueCny: 1_500, quantity: 4 },
      ]),
      // lot fan-out: another core's product also gets lot L
      intake(C9, 3),
      disassembly(C9, [q1], 3.5),
      reassembly(P4, 4, [{ epc: q1, origin: 'reused', massKg: 10, valueCny: 10 }, { epcClass: L, origin: 'new', massKg: 1, valueCny: 1 }]),
    ]);
  });
  // Life 2: P1 returns as a core (separate capture), P2 = p1 + n1 + lot L2; pallet X holds P2 from 7.5 to 7.8
  await db.transaction(async (tx) => {
    await projectBoth(tx, [
      ev({ type: 'ObjectEvent', action: 'OBSERVE', eventTime: T(5), bizStep: 'removing', epcList: [P1] }),
      intake(P1, 5.5),
      disassembly(P1, [p1, n1], 6),
      reassembly(P2, 7, [{ epc: p1, origin: 'reused', massKg: 1, valueCny: 1 }, { epc: n1, origin: 'reused', massKg: 1, valueCny: 1 }, { epcClass: L2, origin: 'new', massKg: 1, valueCny: 1 }]),
      ev({ type: 'AggregationEvent', action: 'ADD', eventTime: T(7.5), bizStep: 'packing', parentID: X, childEPCs: [P2] }),
      ev({ type: 'AggregationEvent', action: 'DELETE', eventTime: T(7.8), bizStep: 'unpacking', parentID: X, childEPCs: [P2] }),
    ]);
  });
  // Life 3: P3 = p1 + lot L; an erroneous reassembly P5 ← L, declared erroneous, corrected by P5b ← L2
  await db.transaction(async (tx) => {
    await projectBoth(tx, [
      intake(P2, 8),
      disassembly(P2, [p1], 8.5),
      reassembly(P3, 9, [{ epc: p1, origin: 'reused', massKg: 1, valueCny: 1 }, { epcClass: L, origin: 'new', massKg: 1, valueCny: 1 }]),
      reassembly(P5, 10, [{ epcClass: L, origin: 'new', massKg: 1, valueCny: 1 }], erroneousId),
    ]);
  });
  await db.transaction(async (tx) => {
    await projectBoth(tx, [
      { ...reassembly(P5, 10, [{ epcClass: L, origin: 'new', massKg: 1, valueCny: 1 }], erroneousId), errorDeclaration: { declarationTime: T(11), reason: 'incorrect_data', correctiveEventIDs: ['urn:uuid:corr'] } },
      reassembly(P5b, 10, [{ epcClass: L2, origin: 'new', massKg: 1, valueCny: 1 }], 'urn:uuid:corr'),
    ]);
  });
  // Another enterprise uses the same lot class (its rows are outside E's scope).
  await db.transaction(async (tx) => {
    await projectBoth(tx, [reassembly(u('F1'), 3, [{ epcClass: L, origin: 'new', massKg: 1, valueCny: 1 }])].map((e) => ({ ...e, enterpriseId: F })));
  });
});
afterAll(async () => database?.close());

const keys = (m: Map<string, number>) => [...m.keys()].sort();

describe('genealogy across lives', () => {
  it('upstream of the third-life product: what went into it and the cores its parts came out of, never their siblings', async () => {
    const w = await walkGenealogy(database.db, P3, 'up', new Date(), 20, [E]);
    // p1 and lot L went into P3; p1 was taken out of C0, P1 and P2 (its three earlier homes)
    expect(keys(w.nodes)).toEqual([C0, L, P1, P2, P3, p1].sort());
    expect(w.nodes.get(p1)).toBe(1);
    expect(w.nodes.get(P2)).toBe(2);
    expect(w.nodes.get(C0)).toBe(2);
    expect(w.nodes.get(P1)).toBe(2);
    // p2, n1 and L2 left P1/P2 beside p1 at disassembly: siblings, not ancestors; p3 was never used
    for (const sibling of [p2, n1, L2, p3]) expect(w.nodes.has(sibling)).toBe(false);
    expect(w.edges.filter((e) => e.relation === 'disassembled_from').map((e) => e.child).sort()).toEqual([C0, P1, P2].sort());
    expect(w.edges.filter((e) => e.relation === 'input').map((e) => e.child).sort()).toEqual([L, p1].sort());
    expect(w.truncated).toBe(false);
    // the second-life product is still made of what went into it
    const w2 = await walkGenealogy(database.db, P2, 'up', new Date(), 20, [E]);
    expect(keys(w2.nodes)).toEqual([C0, L2, P1, P2, n1, p1].sort());
  });

  it('the same genealogy when the transformation links are read from the event store (E2: no transformation edges)', async () => {
    const [n] = await q<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM trace_edges WHERE enterprise_id = ${E2} AND kind = 'transformation'`);
    expect(n!.n).toBe(0);
    const sorted = (w: Awaited<ReturnType<typeof walkGenealogy>>) => ({ nodes: [...w.nodes].sort(), edges: w.edges.map((e) => JSON.stringify(e)).sort(), truncated: w.truncated });
    const roots = [C0, C9, p1, p2, n1, q1, P1, P2, P3, P4, P5, P5b, X, L, L2];
    for (const root of roots) {
      for (const dir of ['up', 'down'] as const) {
        for (const at of [new Date(), new Date(T(7.6))]) {
          for (const depth of [1, 20]) {
            const [a, b] = [await walkGenealogy(database.db, root, dir, at, depth, [E]), await walkGenealogy(database.db, root, dir, at, depth, [E2])];
            expect(sorted(b), `${dir} ${root} @${at.toISOString()} depth ${depth}`).toEqual(sorted(a));
          }
        }
      }
    }
    const strip = (rows: { key: string; kind: string | null; name: string | null }[]) => rows.map((r) => [r.key, r.kind]).sort();
    expect(strip(await traceRepo.nodes(database.db, roots, [E2]))).toEqual(strip(await traceRepo.nodes(database.db, roots, [E])));
    const history = async (ent: string) => [...(await traceRepo.objectHistory(database.db, ent, roots))].sort();
    expect(await history(E2)).toEqual(await history(E));
    for (const root of roots) expect(await traceRepo.objectExists(database.db, root, [E2]), root).toBe(await traceRepo.objectExists(database.db, root, [E]));
    const recall = async (ent: string) => (await traceRepo.recallTargets(database.db, 'n1', [ent])).map((r) => [r.key, r.kind]);
    expect(await recall(E2)).toEqual(await recall(E));
  });

  it('depth limits the walk and says so', async () => {
    const w = await walkGenealogy(database.db, P3, 'up', new Date(), 1, [E]);
    expect(keys(w.nodes)).toEqual([L, P3, p1].sort());
    expect(w.truncated).toBe(true);
  });

  it('downstream of a lot: every product containing it, not the erroneous one, not other enterprises', async () => {
    const w = await walkGenealogy(database.db, L, 'down', new Date(), 20, [E]);
    expect(keys(w.nodes)).toEqual([L, P1, P3, P4].sort());
    const all = await walkGenealogy(database.db, L, 'down', new Date(), 20, null);
    expect(keys(all.nodes)).toEqual([L, P1, P3, P4, u('F1')].sort());
  });

  it('downstream of a core: its parts and every product they went into, through later lives', async () => {
    const w = await walkGenealogy(database.db, C0, 'down', new Date(), 20, [E]);
    expect(keys(w.nodes)).toEqual([C0, P1, P2, P3, p1, p2, p3].sort());
  });

  it('honours aggregation windows', async () => {
    const now = await walkGenealogy(database.db, P2, 'down', new Date(), 20, [E]);
    expect(now.nodes.has(X)).toBe(false);
    const during = await walkGenealogy(database.db, P2, 'down', new Date(T(7.6)), 20, [E]);
    expect(during.nodes.has(X)).toBe(true);
    const upDuring = await walkGenealogy(database.db, X, 'up', new Date(T(7.6)), 20, [E]);
    expect(upDuring.nodes.has(P2)).toBe(true);
    expect(upDuring.nodes.has(C0)).toBe(true);
    const upNow = await walkGenealogy(database.db, X, 'up', new Date(), 20, [E]);
    expect(keys(upNow.nodes)).toEqual([X]);
  });

  it('keeps the erroneous rows, flagged', async () => {
    const rows = await q<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM trace_edges WHERE event_id = ${erroneousId} AND erroneous`);
    expect(rows[0]!.n).toBe(1);
    const [p] = await q<{ status: string }>(database.db, sql`SELECT status FROM trace_products WHERE epc = ${P5}`);
    expect(p!.status).toBe('revoked');
  });

  it('numbers lives and computes the rates from the reassembly inputs (worked example)', async () => {
    const rows = await q<{ epc: string; life: number; mass_rate: string; value_rate: string; code: string; formula_version: string }>(
      database.db,
      sql`SELECT epc, life, mass_rate, value_rate, code, formula_version FROM trace_products WHERE enterprise_id = ${E} ORDER BY epc`,
    );
    const by = new Map(rows.map((r) => [r.epc, r]));
    expect(by.get(P1)!.life).toBe(1);
    expect(by.get(P2)!.life).toBe(2);
    expect(by.get(P3)!.life).toBe(3);
    expect(by.get(P4)!.life).toBe(1);
    // 500 kg / ¥50,000: reused 300/20,000 + remanufactured 120/18,000 + new 80/12,000 → 84.00 %, 76.00 %
    expect(Number(by.get(P1)!.mass_rate)).toBe(84);
    expect(Number(by.get(P1)!.value_rate)).toBe(76);
    expect(by.get(P1)!.formula_version).toBe('GBT28620-2012/working-v1');
    for (const r of rows) expect(parseProductCode(r.code)?.code).toBe(r.code);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  });

  it('the SQL walk matches the reference traversal on random graphs', async () => {
    let seed = 7;
    let compared = 0;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let g = 0; g < 4; g++) {
      const ent = randomUUID();
      const nodes = Array.from({ length: 25 }, (_, i) => `urn:rnd:${g}:${i}`);
      const events: StoredEvent[] = [];
      const memEdges: GenealogyEdge[] = [];
      for (let i = 0; i < 40; i++) {
        const a = nodes[Math.floor(rnd() * nodes.length)]!;
        const b = nodes[Math.floor(rnd() * nodes.length)]!;
        if (a === b) continue;
        const t = Math.floor(rnd() * 100);
        const kind = rnd() < 0.4 ? 'transformation' : rnd() < 0.5 ? 'disassembly' : 'aggregation';
        const id = `urn:uuid:${randomUUID()}`;
        if (kind === 'aggregation') {
          events.push(storedEvent(ent, { eventId: id, type: 'AggregationEvent', action: 'ADD', eventTime: T(t), parentID: a, childEPCs: [b] }));
          let to: number | null = null;
          if (rnd() < 0.5) {
            to = t + 1 + Math.floor(rnd() * 20);
            events.push(storedEvent(ent, { type: 'AggregationEvent', action: 'DELETE', eventTime: T(to), parentID: a, childEPCs: [b] }));
          }
          memEdges.push({ parent: a, child: b, kind, eventId: id, validFrom: Date.parse(T(t)), validTo: to === null ? null : Date.parse(T(to)), erroneous: false });
        } else {
          events.push(storedEvent(ent, { eventId: id, type: 'TransformationEvent', eventTime: T(t), bizStep: kind === 'disassembly' ? 'disassembling' : 'repairing', inputEPCList: [b], outputEPCList: [a] }));
          memEdges.push({ parent: a, child: b, kind, eventId: id, validFrom: Date.parse(T(t)), validTo: null, erroneous: false });
        }
      }
      // Two DELETEs of the same open edge in one batch would close only once; keep the batch as generated
      // but compare only graphs where each aggregation pair is unique.
      const pairs = memEdges.filter((e) => e.kind === 'aggregation').map((e) => `${e.parent}>${e.child}`);
      if (new Set(pairs).size !== pairs.length) continue;
      // a few objects scrapped after everything else (CBV disposed): hidden unless includeScrapped
      const scrapped = new Set(nodes.slice(10).filter(() => rnd() < 0.25));
      for (const k of scrapped) events.push(storedEvent(ent, { type: 'ObjectEvent', action: 'OBSERVE', eventTime: T(300), bizStep: 'destroying', disposition: 'disposed', epcList: [k] }));
      events.sort((x, y) => Date.parse(x.eventTime) - Date.parse(y.eventTime));
      await database.db.transaction((tx) => projectEvents(tx, events));
      // the same graph with its transformation links read from the event store
      const stored = randomUUID();
      const again = events.map((e) => ({ ...e, enterpriseId: stored }));
      await database.db.transaction(async (tx) => {
        await storeEvents(tx, again);
        await projectEvents(tx, again, { linksInEventStore: true });
      });
      compared++;
      for (const root of nodes.slice(0, 8)) {
        for (const dir of ['up', 'down'] as const) {
          for (const at of [Date.parse(T(50)), Date.parse(T(200))]) {
            for (const includeScrapped of [false, true]) {
              const mem = traceInMemory(memEdges, root, dir, { at, depth: 6, scrapped, includeScrapped });
              for (const scope of [ent, stored]) {
                const sqlW = await walkGenealogy(database.db, root, dir, new Date(at), 6, [scope], { includeScrapped });
                expect(keys(sqlW.nodes), `${dir} ${root} @${at} scrapped ${includeScrapped} ${scope === stored ? 'event store' : 'edges'}`).toEqual(keys(mem.nodes));
                expect(sqlW.truncated).toBe(mem.truncated);
              }
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(2);
  });
});

describe('set-based projection of one capture', () => {
  // The projector writes a whole capture with one statement per kind of write. Projecting the same events
  // one per transaction (each batch of one) must give the very same rows: windows, products, lives, serials,
  // owner/possessor, status, error declarations.
  const id = (s: string) => `urn:uuid:cccccccc-0000-4000-8000-${s.padStart(12, '0')}`;
  const scenario = (ent: string) => {
    const k = (s: string) => `urn:set:${s}`;
    const e = (p: Partial<StoredEvent> & { type: StoredEvent['type']; eventTime: string }) => storedEvent(ent, p);
    const asm = (n: string, out: string, t: number, inputs: string[]) =>
      e({ eventId: id(n), type: 'TransformationEvent', eventTime: T(t), bizStep: 'assembling', inputEPCList: inputs, outputEPCList: [out], ilmd: { 'reman:productName': out } });
    return [
      e({ eventId: id('1'), type: 'ObjectEvent', action: 'OBSERVE', eventTime: T(1), bizStep: 'receiving', epcList: [k('K')] }),
      e({ eventId: id('2'), type: 'TransformationEvent', eventTime: T(2), bizStep: 'disassembling', inputEPCList: [k('K')], outputEPCList: [k('k1'), k('k2')] }),
      asm('3', k('A'), 3, [k('k1')]),
      asm('4', k('B'), 4, [k('A'), k('k2')]), // A (made in the same capture) is an earlier life of B
      asm('5', k('C'), 4.5, [k('k2')]),
      e({ eventId: id('6'), type: 'AggregationEvent', action: 'ADD', eventTime: T(5), bizStep: 'packing', parentID: k('Pal'), childEPCs: [k('B'), k('C')] }),
      e({ eventId: id('7'), type: 'AggregationEvent', action: 'DELETE', eventTime: T(6), bizStep: 'unpacking', parentID: k('Pal'), childEPCs: [k('B'), k('Z')] }), // Z never ADDed
      e({ eventId: id('8'), type: 'AggregationEvent', action: 'DELETE', eventTime: T(6.5), bizStep: 'unpacking', parentID: k('Pal2'), childEPCs: [] }), // all, none open
      e({ eventId: id('9'), type: 'AggregationEvent', action: 'ADD', eventTime: T(6.6), bizStep: 'packing', parentID: k('Pal3'), childEPCs: [k('C')] }),
      e({ eventId: id('10'), type: 'AggregationEvent', action: 'DELETE', eventTime: T(6.7), bizStep: 'unpacking', parentID: k('Pal3'), childEPCs: [] }),
      e({ eventId: id('11'), type: 'AggregationEvent', action: 'DELETE', eventTime: T(6.8), bizStep: 'unpacking', parentID: k('Pal3'), childEPCs: [k('C')] }), // same parent again
      e({
        eventId: id('12'), type: 'ObjectEvent', action: 'OBSERVE', eventTime: T(7), bizStep: 'shipping', epcList: [k('B')],
        destinationList: [{ type: 'owning_party', id: 'urn:party:1' }, { type: 'possessing_party', id: 'urn:party:2' }], document: { 'reman:partyNames': { 'urn:party:1': '甲', 'urn:party:2': '乙' } },
      }),
      e({ eventId: id('13'), type: 'ObjectEvent', action: 'OBSERVE', eventTime: T(8), bizStep: 'installing', epcList: [k('B')], document: { 'reman:installation': { location: '某地', equipment: '某机' } } }),
      e({ eventId: id('14'), type: 'ObjectEvent', action: 'OBSERVE', eventTime: T(9), bizStep: 'holding', disposition: 'recalled', epcList: [k('C')], document: { 'reman:reason': '批次缺陷' } }),
      { ...asm('5', k('C'), 4.5, [k('k2')]), errorDeclaration: { declarationTime: T(10), reason: 'incorrect_data', correctiveEventIDs: [] } },
      { ...e({ eventId: id('7'), type: 'AggregationEvent', action: 'DELETE', eventTime: T(6), bizStep: 'unpacking', parentID: k('Pal'), childEPCs: [k('B'), k('Z')] }), errorDeclaration: { declarationTime: T(10), reason: 'incorrect_data', correctiveEventIDs: [] } },
    ];
  };
  const rowsOf = async (ent: string) => ({
    products: await q(database.db, sql`SELECT epc, life, substr(code, 9, 8) AS serial_no, name, array_to_string(ARRAY(SELECT unnest(life_core_keys) ORDER BY 1), ',') AS lives, status, status_reason, state, owner_id, owner_name, possessor_id, possessor_name, installation, made_event_id FROM trace_products WHERE enterprise_id = ${ent} ORDER BY epc, life`),
    edges: await q(database.db, sql`SELECT parent_key, child_key, kind, event_id, valid_from, valid_to, closed_by_event_id, erroneous FROM trace_edges WHERE enterprise_id = ${ent} ORDER BY parent_key, child_key, event_id, valid_to NULLS LAST`),
    objects: await q(database.db, sql`SELECT key, kind, name, first_event_time, last_event_time, last_step_kind FROM trace_objects WHERE enterprise_id = ${ent} ORDER BY key`),
    steps: await q(database.db, sql`SELECT object_key, event_id, step_kind, erroneous FROM trace_steps WHERE enterprise_id = ${ent} ORDER BY object_key, event_id`),
  });

  it('gives the same rows as projecting the events one at a time', async () => {
    const [G1, G2] = [randomUUID(), randomUUID()];
    const batch = scenario(G1);
    const declarations = batch.filter((x) => x.errorDeclaration);
    await database.db.transaction((tx) => projectEvents(tx, batch.filter((x) => !x.errorDeclaration)));
    await database.db.transaction((tx) => projectEvents(tx, declarations));
    for (const x of scenario(G2)) await database.db.transaction((tx) => projectEvents(tx, [x]));
    const [a, b] = [await rowsOf(G1), await rowsOf(G2)];
    expect(a).toEqual(b);
    // and the facts themselves
    const by = new Map((a.products as { epc: string; life: number; lives: string; status: string; owner_name: string | null; possessor_name: string | null; installation: unknown; serial_no: string }[]).map((p) => [p.epc.slice(8), p]));
    expect([by.get('A')!.life, by.get('B')!.life, by.get('C')!.life]).toEqual([1, 2, 1]);
    expect(by.get('B')!.lives.split(',')).toEqual(['urn:set:A', 'urn:set:K']);
    expect([by.get('A')!.serial_no, by.get('B')!.serial_no, by.get('C')!.serial_no]).toEqual(['00000001', '00000002', '00000003']);
    expect([by.get('B')!.owner_name, by.get('B')!.possessor_name]).toEqual(['甲', '乙']);
    expect(by.get('B')!.installation).toMatchObject({ location: '某地', equipment: '某机' });
    expect(by.get('C')!.status).toBe('revoked'); // recalled, then its reassembly declared erroneous
    const edges = a.edges as { parent_key: string; child_key: string; event_id: string; valid_to: unknown; closed_by_event_id: string | null; erroneous: boolean }[];
    const pal = edges.filter((x) => x.parent_key === 'urn:set:Pal');
    // the DELETE (id 7) was declared erroneous: the window it closed is open again, its own closed edge flagged
    expect(pal.find((x) => x.child_key === 'urn:set:B')).toMatchObject({ valid_to: null, closed_by_event_id: null });
    expect(pal.find((x) => x.child_key === 'urn:set:Z')).toMatchObject({ erroneous: true, event_id: id('7') });
    const pal3 = edges.filter((x) => x.parent_key === 'urn:set:Pal3');
    expect(pal3.map((x) => [x.event_id, x.closed_by_event_id])).toEqual([[id('11'), id('11')], [id('9'), id('10')]].sort((x, y) => x[0]!.localeCompare(y[0]!)));
    expect(edges.filter((x) => x.parent_key === 'urn:set:Pal2')).toEqual([]);
  });
});
