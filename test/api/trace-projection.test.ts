/**
 * The projection follower (src/server/modules/trace/trace.follower.ts): /epcis captures larger than
 * TRACE_INLINE_PROJECTION_MAX are acknowledged once stored and projected right after commit, in stream order;
 * smaller ones and the platform's own forms are projected in their own transaction, after any backlog.
 * The follower is paused where a test must observe the state between commit and projection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mesDocument } from './trace-fixtures.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, enterpriseAdminCtx, TEST_PASSWORD } from '../support/factories.js';
import { createProjectionFollower } from '../../src/server/modules/trace/trace.follower.js';
import type { StoredEvent } from '../../src/domain/epcis/types.js';

let app: TestApp;
let seq = 0;
const doc = mesDocument;
const id = () => `urn:uuid:50000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
const at = (day: number) => `2026-04-${String(day).padStart(2, '0')}T08:00:00Z`;

/** One core's life as an MES reports it: intake, disassembly into two parts, reassembly, shipping. */
function life(tag: string) {
  const core = `urn:epc:id:sgtin:6901234.012345.${tag}C`;
  const parts = [`urn:epc:id:sgtin:6901234.012346.${tag}P1`, `urn:epc:id:sgtin:6901234.012346.${tag}P2`];
  const product = `urn:epc:id:sgtin:6901234.012399.${tag}R`;
  const events = [
    { type: 'ObjectEvent', eventID: id(), eventTime: at(1), eventTimeZoneOffset: '+08:00', epcList: [core], action: 'OBSERVE', bizStep: 'receiving', disposition: 'returned' },
    { type: 'TransformationEvent', eventID: id(), eventTime: at(2), eventTimeZoneOffset: '+08:00', inputEPCList: [core], outputEPCList: parts, bizStep: 'disassembling' },
    {
      type: 'TransformationEvent', eventID: id(), eventTime: at(3), eventTimeZoneOffset: '+08:00', inputEPCList: parts, outputEPCList: [product], bizStep: 'assembling',
      disposition: 'urn:reman-platform:voc:disp:remanufactured', ilmd: { 'rm:productName': `产品 ${tag}` },
      'rm:inputs': [
        { epc: parts[0], origin: 'reused', massKg: 300, valueCny: 20000 },
        { epc: parts[1], origin: 'new', massKg: 100, valueCny: 10000 },
      ],
    },
    { type: 'ObjectEvent', eventID: id(), eventTime: at(4), eventTimeZoneOffset: '+08:00', epcList: [product], action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit' },
  ];
  return { core, parts, product, events };
}

interface Stream {
  enterpriseId: string;
  token: Record<string, string>;
  user: Session;
}
async function stream(regionCode = '440106'): Promise<Stream> {
  const e = await buildEnterprise(app.services, { regionCode });
  const { token } = await app.services.identity.createToken(await enterpriseAdminCtx(app.services, e.id), 'MES');
  const user = await login(app, (await buildUser(app.services, 'enterprise_admin', { organizationId: e.id })).username, TEST_PASSWORD);
  return { enterpriseId: e.id, token: { authorization: `Bearer ${token}` }, user };
}
async function capture(s: Stream, events: unknown[]) {
  const r = await app.inject({ method: 'POST', url: '/epcis/capture', headers: s.token, payload: doc(events) });
  expect(r.statusCode, r.body).toBe(202);
}
async function products(s: Stream) {
  return (await app.inject({ method: 'GET', url: '/api/v1/trace/products', headers: s.user.headers })).json() as { total: number; items: { code: string; epc: string; state: string | null; massRate: number; life: number }[] };
}
async function status(headers: Record<string, string>) {
  const r = await app.inject({ method: 'GET', url: '/api/v1/trace/projection', headers });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items as { enterpriseId: string; projectedSeq: number; headSeq: number; lag: number; lastError: string | null }[];
}

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000, TRACE_INLINE_PROJECTION_MAX: 2 });
});
afterAll(async () => app?.close());

describe('deferred projection of large /epcis captures', () => {
  it('is acknowledged when stored, queryable through /epcis at once, and projected after commit', async () => {
    const s = await stream();
    const l = life('A');
    app.services.trace.projection.pause();
    try {
      await capture(s, l.events); // 4 events > 2: deferred
      expect((await products(s)).total).toBe(0);
      const [st] = await status(s.token); // an MES token reads its own stream's progress
      expect(st).toMatchObject({ enterpriseId: s.enterpriseId, projectedSeq: 0, headSeq: 4, lag: 4, lastError: null });
      const q = await app.inject({ method: 'GET', url: `/epcis/events?MATCH_anyEPC=${encodeURIComponent(l.product)}`, headers: s.token });
      expect(q.json().epcisBody.queryResults.resultsBody.eventList).toHaveLength(2); // the event store has it already
    } finally {
      app.services.trace.projection.resume();
    }
    await app.services.trace.projection.drain();
    const list = await products(s);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ epc: l.product, state: 'shipping', massRate: 75, life: 1 });
    expect((await status(s.token))[0]).toMatchObject({ projectedSeq: 4, headSeq: 4, lag: 0 });
  });

  it('without a pause the follower catches up on its own, right after the commit', async () => {
    const s = await stream();
    await capture(s, life('B').events);
    await expect.poll(async () => (await status(s.token))[0]!.lag, { timeout: 30_000 }).toBe(0);
    expect((await status(s.token))[0]).toMatchObject({ headSeq: 4, lag: 0 });
    expect((await products(s)).total).toBe(1);
  });

  it('deferred captures of several enterprises are all projected (followers of different streams run side by side on PostgreSQL)', async () => {
    const streams = await Promise.all([stream(), stream(), stream()]);
    app.services.trace.projection.pause();
    try {
      for (const [i, s] of streams.entries()) await capture(s, life(`M${i}`).events);
    } finally {
      app.services.trace.projection.resume(); // kicks the follower for every pending stream
    }
    for (const s of streams) {
      await expect.poll(async () => (await status(s.token))[0]!.lag, { timeout: 30_000 }).toBe(0);
      expect((await status(s.token))[0]).toMatchObject({ headSeq: 4, lag: 0, lastError: null });
      expect((await products(s)).items[0]).toMatchObject({ state: 'shipping', life: 1 });
    }
  });

  it('a small capture behind a backlog waits its turn: events are projected in stream order', async () => {
    const s = await stream();
    const l = life('C');
    app.services.trace.projection.pause();
    try {
      await capture(s, l.events.slice(0, 3)); // deferred: intake, disassembly, reassembly
      // one event ≤ the inline limit, but behind the backlog: not projected before the reassembly that makes the product
      await capture(s, [{ type: 'ObjectEvent', eventID: id(), eventTime: at(5), eventTimeZoneOffset: '+08:00', epcList: [l.product], action: 'OBSERVE', bizStep: 'retail_selling', disposition: 'retail_sold', destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:6901234.00001' }] }]);
      expect((await status(s.user.headers))[0]).toMatchObject({ headSeq: 4, projectedSeq: 0, lag: 4 });
      expect((await products(s)).total).toBe(0);
    } finally {
      app.services.trace.projection.resume();
    }
    await app.services.trace.projection.drain();
    const p = (await products(s)).items[0]!;
    expect(p.state).toBe('sale'); // the sale event applied to the product made before it
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/trace/products/${p.code}`, headers: s.user.headers })).json();
    expect(detail.owner).toMatchObject({ id: 'urn:epc:id:pgln:6901234.00001' });
  });

  it('a lifecycle form projects the backlog first (read-your-writes), in its own transaction', async () => {
    const s = await stream();
    const l = life('D');
    app.services.trace.projection.pause();
    try {
      await capture(s, l.events.slice(0, 3));
      expect((await status(s.user.headers))[0]!.lag).toBe(3);
      // the form names a part the deferred capture created: the backlog is projected before the form is checked
      const r = await app.inject({ method: 'POST', url: '/api/v1/trace/steps/cleaning', headers: s.user.headers, payload: { epcs: [l.parts[0]] } });
      expect(r.statusCode, r.body).toBe(201);
      const [st] = await status(s.user.headers);
      expect(st).toMatchObject({ headSeq: 4, projectedSeq: 4, lag: 0 });
      expect((await products(s)).total).toBe(1);
    } finally {
      app.services.trace.projection.resume();
    }
  });

  it('deferred and inline projection of the same events give the same products and genealogy', async () => {
    const inline = await stream();
    const deferred = await stream();
    const a = life('E');
    const b = life('F');
    const retag = (events: Record<string, unknown>[], from: string, to: string) => JSON.parse(JSON.stringify(events).replaceAll(`.${from}`, `.${to}`).replaceAll(`产品 ${from}`, '产品')) as Record<string, unknown>[];
    const fresh = (events: Record<string, unknown>[]) => events.map((e) => ({ ...e, eventID: id() }));
    // the same life under the same identifiers in two streams: one event per capture (inline) vs one capture (deferred)
    for (const e of fresh(retag(a.events, 'E', 'X'))) await capture(inline, [e]);
    await capture(deferred, fresh(retag(b.events, 'F', 'X')));
    await app.services.trace.projection.drain();
    const pi = (await products(inline)).items[0]!;
    const pd = (await products(deferred)).items[0]!;
    const strip = (p: Record<string, unknown>) => ({ ...p, code: undefined, verifyPath: undefined, enterpriseName: undefined, enterpriseId: undefined });
    expect(strip(pd)).toEqual(strip(pi));
    const tree = async (s: Stream, code: string) => {
      const t = (await app.inject({ method: 'GET', url: `/api/v1/trace/${code}?direction=up`, headers: s.user.headers })).json();
      return { nodes: t.nodes.map((n: { key: string; kind: string }) => `${n.kind}:${n.key}`).sort(), edges: t.edges.length };
    };
    expect(await tree(deferred, pd.code)).toEqual(await tree(inline, pi.code));
    expect((await tree(inline, pi.code)).nodes).toHaveLength(4);
  });

  it('two lives in one capture and the same events one per capture give the same lives, successors and timelines', async () => {
    // The projector reads earlier state (cores of parts, latest lives, products to update) only for keys it had seen
    // before the capture; everything of the capture itself comes from memory. Both paths must agree.
    const twoLives = (tag: string) => {
      const first = life(tag);
      const parts2 = [`urn:epc:id:sgtin:6901234.012347.${tag}Q1`, `urn:epc:id:sgtin:6901234.012347.${tag}Q2`];
      const second = `urn:epc:id:sgtin:6901234.012399.${tag}S`;
      const t = (d: number) => `2026-05-${String(d).padStart(2, '0')}T08:00:00Z`;
      return [
        ...first.events,
        { type: 'ObjectEvent', eventID: id(), eventTime: t(1), eventTimeZoneOffset: '+08:00', epcList: [first.product], action: 'OBSERVE', bizStep: 'receiving', disposition: 'returned' },
        { type: 'TransformationEvent', eventID: id(), eventTime: t(2), eventTimeZoneOffset: '+08:00', inputEPCList: [first.product], outputEPCList: parts2, bizStep: 'disassembling' },
        {
          type: 'TransformationEvent', eventID: id(), eventTime: t(3), eventTimeZoneOffset: '+08:00', inputEPCList: [...parts2, first.parts[0]], outputEPCList: [second], bizStep: 'assembling',
          disposition: 'urn:reman-platform:voc:disp:remanufactured', ilmd: { 'rm:productName': '二次再制造' },
        },
      ] as Record<string, unknown>[];
    };
    const one = await stream();
    const each = await stream();
    await capture(one, twoLives('TL'));
    for (const e of twoLives('TL')) await capture(each, [{ ...e, eventID: id() }]);
    await app.services.trace.projection.drain();
    const rows = async (s: Stream) => {
      const r = await app.database.raw.query<{ epc: string; life: number; keys: string[]; successor: string | null; disassembled: boolean; steps: number }>(
        `SELECT p.epc, p.life, p.life_core_keys AS keys, s.epc AS successor, p.disassembled_at IS NOT NULL AS disassembled, jsonb_array_length(p.public_steps) AS steps
           FROM trace_products p LEFT JOIN trace_products s ON s.enterprise_id = p.enterprise_id AND s.code = p.successor_code
          WHERE p.enterprise_id = $1 ORDER BY p.life, p.epc`,
        [s.enterpriseId],
      );
      return r.rows.map((x) => ({ ...x, keys: [...x.keys].sort() }));
    };
    const a = await rows(one);
    expect(a).toEqual(await rows(each));
    expect(a.map((x) => [x.life, x.successor !== null, x.disassembled])).toEqual([[1, true, true], [2, false, false]]);
    expect(a[1]!.keys).toContain(a[0]!.epc); // the second life's cores include the first product, and its first core
    // the product page's inputs come from the reassembly event (no reman:inputs here: its input identifiers), and the
    // original components are those of the first life still in the second
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/trace/products/${encodeURIComponent(a[1]!.epc)}`, headers: one.user.headers })).json();
    const firstParts = life('TL').parts;
    expect(detail.inputs.map((i: { key: string; origin: string | null; massKg: number | null }) => [i.key, i.origin, i.massKg])).toEqual(
      ['urn:epc:id:sgtin:6901234.012347.TLQ1', 'urn:epc:id:sgtin:6901234.012347.TLQ2', firstParts[0]].map((k) => [k, null, null]),
    );
    expect(detail.originalComponents.map((c: { key: string }) => c.key)).toEqual([firstParts[0]]);
  });

  it('a product whose unit and life cores are new gets its public timeline with the row: the same pairs the SQL refresh computes', async () => {
    // the projector writes the [day, kind] timeline of such products at insert (no refresh statement); every other
    // product is refreshed in SQL — both must give what the definition gives
    const s = await stream();
    const l = life('PT');
    const t = (d: number) => `2026-06-${String(d).padStart(2, '0')}T17:30:00Z`; // 01:30 the next day in Shanghai
    const second = 'urn:epc:id:sgtin:6901234.012399.PTS';
    const parts2 = ['urn:epc:id:sgtin:6901234.012347.PTQ1'];
    await capture(s, [
      ...l.events,
      { type: 'ObjectEvent', eventID: id(), eventTime: t(1), eventTimeZoneOffset: '+08:00', epcList: [l.product], action: 'OBSERVE', bizStep: 'receiving', disposition: 'returned' },
      { type: 'TransformationEvent', eventID: id(), eventTime: t(2), eventTimeZoneOffset: '+08:00', inputEPCList: [l.product], outputEPCList: parts2, bizStep: 'disassembling' },
      { type: 'TransformationEvent', eventID: id(), eventTime: t(3), eventTimeZoneOffset: '+08:00', inputEPCList: [...parts2, l.parts[0]], outputEPCList: [second], bizStep: 'assembling', disposition: 'urn:reman-platform:voc:disp:remanufactured' },
      { type: 'ObjectEvent', eventID: id(), eventTime: t(4), eventTimeZoneOffset: '+08:00', epcList: [second], action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit' },
    ]);
    await app.services.trace.projection.drain();
    const { rows } = await app.database.raw.query<{ life: number; stored: unknown; recomputed: unknown }>(
      `SELECT p.life, p.public_steps AS stored,
              (SELECT coalesce(jsonb_agg(jsonb_build_array(x.day, x.step_kind) ORDER BY x.t), '[]'::jsonb)
                 FROM (SELECT DISTINCT ON (event_id) to_char(event_time AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, step_kind, event_time AS t
                         FROM trace_steps WHERE enterprise_id = p.enterprise_id AND object_key = ANY(ARRAY[p.epc] || p.life_core_keys) AND NOT erroneous AND step_kind IS NOT NULL
                        ORDER BY event_id, event_time) x) AS recomputed
         FROM trace_products p WHERE p.enterprise_id = $1 ORDER BY p.life`,
      [s.enterpriseId],
    );
    expect(rows.map((r) => r.life)).toEqual([1, 2]);
    for (const r of rows) expect(r.stored, `life ${r.life}`).toEqual(r.recomputed);
    // the second life shows the first life's steps too, in time order, by Shanghai day
    expect((rows[1]!.stored as [string, string][]).map(([, kind]) => kind)).toEqual(['intake', 'disassembly', 'reassembly', 'shipping', 'intake', 'disassembly', 'reassembly', 'shipping']);
    expect((rows[1]!.stored as [string, string][]).at(-1)![0]).toBe('2026-06-05');
  });

  it('a part named only by the genealogy has no object row: its edges name it, the walk, the recall search and a later life find it', async () => {
    // Issue 10 §5 (migration 20261210070000): the projection writes object rows for cores, products, lots and what
    // events observe; a part taken out of a core or put into a product is described by its edges.
    const s = await stream();
    const core = 'urn:epc:id:sgtin:6901234.012345.PNC';
    const [block, head] = ['urn:epc:id:sgtin:6901234.012346.PNP1', 'urn:epc:id:sgtin:6901234.012346.PNP2'];
    const product = 'urn:epc:id:sgtin:6901234.012399.PNR';
    await capture(s, [
      { type: 'ObjectEvent', eventID: id(), eventTime: at(1), eventTimeZoneOffset: '+08:00', epcList: [core], action: 'OBSERVE', bizStep: 'receiving', disposition: 'returned' },
      {
        type: 'TransformationEvent', eventID: id(), eventTime: at(2), eventTimeZoneOffset: '+08:00', inputEPCList: [core], outputEPCList: [block, head], bizStep: 'disassembling',
        'rm:parts': [{ epc: block, name: '缸体甲' }, { epc: head, name: '缸盖乙' }],
      },
      {
        type: 'TransformationEvent', eventID: id(), eventTime: at(3), eventTimeZoneOffset: '+08:00', inputEPCList: [block, head], outputEPCList: [product], bizStep: 'assembling',
        disposition: 'urn:reman-platform:voc:disp:remanufactured', ilmd: { 'rm:productName': '产品 PN' },
        'rm:inputs': [{ epc: block, name: '缸体甲', origin: 'reused', massKg: 300, valueCny: 20000 }, { epc: head, name: '缸盖乙', origin: 'new', massKg: 100, valueCny: 10000 }],
      },
    ]);
    await app.services.trace.projection.drain();
    const rowsOf = async (keys: string[]) =>
      (await app.database.raw.query<{ key: string; kind: string }>('SELECT key, kind FROM trace_objects WHERE enterprise_id = $1 AND key = ANY($2) ORDER BY key', [s.enterpriseId, keys])).rows;
    expect(await rowsOf([core, block, head, product])).toEqual([{ key: core, kind: 'core' }, { key: product, kind: 'product' }]);

    // the walk names and kinds the parts from their edges; a part is a root the genealogy knows
    const up = await app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent(product)}?direction=up&depth=3`, headers: s.user.headers });
    expect(up.statusCode, up.body).toBe(200);
    const nodes = up.json().nodes as { key: string; kind: string; name: string | null }[];
    expect(nodes.filter((n) => n.key === block || n.key === head).map((n) => [n.key, n.kind, n.name])).toEqual([[block, 'part', '缸体甲'], [head, 'part', '缸盖乙']]);
    const fromPart = await app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent(block)}?direction=down`, headers: s.user.headers });
    expect(fromPart.statusCode, fromPart.body).toBe(200);
    expect((fromPart.json().nodes as { key: string }[]).map((n) => n.key)).toContain(product);
    const unknown = await app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent('urn:epc:id:sgtin:6901234.012346.PNX9')}?direction=up`, headers: s.user.headers });
    expect(unknown.statusCode).toBe(404);

    // the recall search finds a part by its name and by its serial
    for (const q of ['缸盖乙', 'PNP2']) {
      const t = await app.inject({ method: 'GET', url: `/api/v1/trace/recall/targets?q=${encodeURIComponent(q)}`, headers: s.user.headers });
      expect(t.statusCode, t.body).toBe(200);
      expect(t.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ key: head, kind: 'part', name: '缸盖乙' })]));
    }

    // a later capture observes the released part and builds it into another product: its disassembly of the earlier
    // capture (a part without a row then) still makes the first core one of the new product's life cores
    const other = 'urn:epc:id:sgtin:6901234.012399.PNS';
    await capture(s, [
      { type: 'ObjectEvent', eventID: id(), eventTime: at(5), eventTimeZoneOffset: '+08:00', epcList: [head], action: 'OBSERVE', bizStep: 'inspecting', disposition: 'conformant' },
      { type: 'TransformationEvent', eventID: id(), eventTime: at(6), eventTimeZoneOffset: '+08:00', inputEPCList: [head], outputEPCList: [other], bizStep: 'assembling', disposition: 'urn:reman-platform:voc:disp:remanufactured' },
    ]);
    await app.services.trace.projection.drain();
    const made = await app.database.raw.query<{ keys: string[] }>('SELECT life_core_keys AS keys FROM trace_products WHERE enterprise_id = $1 AND epc = $2', [s.enterpriseId, other]);
    expect(made.rows[0]!.keys).toContain(core);
    expect(await rowsOf([head])).toEqual([{ key: head, kind: 'part' }]); // observed now: a row of its own
  });

  it('an authority or MIIT sees the streams it may read; an enterprise only its own', async () => {
    const s1 = await stream('440106'); // Guangdong
    const s2 = await stream('330106'); // Zhejiang
    await capture(s1, [life('G').events[0]]);
    await capture(s2, [life('H').events[0]]);
    const own = await status(s1.user.headers);
    expect(own.map((x) => x.enterpriseId)).toEqual([s1.enterpriseId]);
    const guangdong = await login(app, (await buildUser(app.services, 'authority_reviewer')).username, TEST_PASSWORD);
    const inJurisdiction = (await status(guangdong.headers)).map((x) => x.enterpriseId);
    expect(inJurisdiction).toContain(s1.enterpriseId);
    expect(inJurisdiction).not.toContain(s2.enterpriseId);
    const miit = await login(app, (await buildUser(app.services, 'ministry_officer')).username, TEST_PASSWORD);
    const all = (await status(miit.headers)).map((x) => x.enterpriseId);
    expect(all).toEqual(expect.arrayContaining([s1.enterpriseId, s2.enterpriseId]));
  });

  it('a failing projection step is recorded on the stream and retried; nothing is skipped', async () => {
    const s = await stream();
    app.services.trace.projection.pause();
    try {
      await capture(s, life('J').events);
      // a second follower on the same database whose projector fails (as a bug or an outage would)
      const broken = createProjectionFollower({ db: app.database.db, epcis: app.services.epcis, inlineMax: 0, project: async () => { throw new Error('projector down'); } });
      broken.kick(s.enterpriseId);
      await expect.poll(async () => (await status(s.user.headers))[0]!.lastError, { timeout: 30_000 }).toBe('projector down');
      const st = (await status(s.user.headers))[0]!;
      expect(st).toMatchObject({ projectedSeq: 0, lag: 4, lastError: 'projector down' });
      // a form of this enterprise would first catch the backlog up: it answers 503 with a bilingual message, not a 500
      await expect(broken.catchUpNow(s.enterpriseId)).rejects.toMatchObject({ status: 503, code: 'TRACE_PROJECTION_FAILED' });
    } finally {
      app.services.trace.projection.resume();
    }
    await app.services.trace.projection.drain();
    expect((await status(s.user.headers))[0]).toMatchObject({ projectedSeq: 4, lag: 0, lastError: null });
    expect((await products(s)).total).toBe(1);
  });

  it('a stream failing TRACE_PROJECTION_MAX_FAILURES times in a row is quarantined with its reason; its forms keep working; the repair projects it', async () => {
    const s = await stream();
    app.services.trace.projection.pause();
    let broken: ReturnType<typeof createProjectionFollower>;
    try {
      await capture(s, life('Q').events);
      // a follower whose projector fails on this stream, quarantining at the second failure in a row
      broken = createProjectionFollower({ db: app.database.db, epcis: app.services.epcis, inlineMax: 0, maxFailures: 2, project: async () => { throw new Error('poisoned capture'); } });
      await expect(broken.catchUpNow(s.enterpriseId)).rejects.toMatchObject({ status: 503, code: 'TRACE_PROJECTION_FAILED' });
      expect((await status(s.user.headers))[0]).toMatchObject({ failures: 1, quarantined: false, lastError: 'poisoned capture' });
      // the second failure quarantines it: no 503 any more, the form goes on
      await expect(broken.catchUpNow(s.enterpriseId)).resolves.toBeUndefined();
      await expect(broken.catchUpNow(s.enterpriseId)).resolves.toBeUndefined();
      expect((await status(s.user.headers))[0]).toMatchObject({ failures: 2, quarantined: true, quarantineReason: 'poisoned capture', quarantinedAt: expect.any(String), projectedSeq: 0, lag: 4 });
    } finally {
      app.services.trace.projection.resume();
    }
    // the app's follower leaves a quarantined stream alone (no retry storm) …
    await app.services.trace.projection.poll();
    // … and a form of the enterprise is stored, with the quarantine shown, instead of a 503
    const form = await app.inject({ method: 'POST', url: '/api/v1/trace/steps/intake', headers: s.user.headers, payload: { name: '隔离期间回收的旧件', source: { returnedBy: '回收站', channel: 'recycler', tradeIn: false } } });
    expect(form.statusCode, form.body).toBe(201);
    expect(form.json()).toMatchObject({ step: 'intake', projectionQuarantined: 'poisoned capture' });
    expect((await status(s.user.headers))[0]).toMatchObject({ quarantined: true, projectedSeq: 0, lag: 5 });
    expect((await products(s)).total).toBe(0);

    // the operator's repair clears the quarantine (audited) and projects the backlog, the form's event included
    const repaired = await app.services.trace.projection.repair(null, s.enterpriseId);
    expect(repaired).toMatchObject({ caughtUp: true, error: null, before: { failures: 2, quarantineReason: 'poisoned capture' } });
    expect((await status(s.user.headers))[0]).toMatchObject({ quarantined: false, failures: 0, projectedSeq: 5, lag: 0, lastError: null });
    expect((await products(s)).total).toBe(1);
    const audit = await app.database.raw.query<{ action: string }>(`SELECT action FROM audit_log WHERE object_type = 'trace_projection' AND object_id = $1`, [s.enterpriseId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['trace.projection.repaired']);
  });

  it('trace:repair --skip moves a quarantined stream past its one unprojectable event: the rest is projected, the skip is audited by event id', async () => {
    const s = await stream();
    const a = life('SA');
    const b = life('SB');
    const poison = (a.events[3] as { eventID: string }).eventID;
    app.services.trace.projection.pause();
    let broken: ReturnType<typeof createProjectionFollower>;
    try {
      await capture(s, [...a.events, ...b.events]);
      broken = createProjectionFollower({
        db: app.database.db, epcis: app.services.epcis, inlineMax: 0, maxFailures: 1,
        project: async (tx, events) => {
          if (events.some((e) => e.eventId === poison)) throw new Error('unprojectable event');
          await app.services.trace.project(tx, events);
        },
      });
      await broken.catchUpNow(s.enterpriseId).catch(() => undefined);
      expect((await status(s.user.headers))[0]).toMatchObject({ quarantined: true, projectedSeq: 0, lag: 8 });
    } finally {
      app.services.trace.projection.resume();
    }
    // a plain repair fails again on the same event …
    const plain = await broken.repair(null, s.enterpriseId);
    expect(plain).toMatchObject({ caughtUp: false, error: 'unprojectable event', skipped: null });
    // … the repair with skip projects the three events before it, moves past it and projects the other life
    const r = await broken.repair(null, s.enterpriseId, { skip: true });
    expect(r).toMatchObject({ caughtUp: true, error: null, skipped: { seq: 4, eventId: poison, error: 'unprojectable event' } });
    expect((await status(s.user.headers))[0]).toMatchObject({ quarantined: false, failures: 0, projectedSeq: 8, lag: 0 });
    expect((await products(s)).total).toBe(2);
    const audit = await app.database.raw.query<{ action: string; object_type: string; object_id: string }>(
      `SELECT action, object_type, object_id FROM audit_log WHERE enterprise_id = $1 AND action LIKE 'trace.projection.%' ORDER BY id`, [s.enterpriseId]);
    expect(audit.rows.map((x) => [x.action, x.object_type, x.object_id])).toEqual([
      ['trace.projection.repaired', 'trace_projection', s.enterpriseId],
      ['trace.projection.repaired', 'trace_projection', s.enterpriseId],
      ['trace.projection.event_skipped', 'epcis_event', poison],
    ]);
  });

  it('values no column can hold (30 February, a warranty of 10^12 months) are dropped, not a failed projection', async () => {
    const s = await stream();
    const l = life('K');
    const reassembly = { ...(l.events[2] as Record<string, unknown>), ilmd: { 'rm:productName': '产品 K', 'rm:productionDate': '2026-02-30', 'rm:warrantyMonths': 1e12 } };
    await capture(s, [l.events[0], l.events[1], reassembly]);
    await app.services.trace.projection.drain();
    const p = (await products(s)).items[0] as unknown as Record<string, unknown>;
    expect(p).toMatchObject({ productionDate: '2026-04-03', warrantyMonths: null });
  });

  it('a reassembly repeated for the same unit and life keeps the first product row (within one capture and across captures)', async () => {
    // the product insert (COPY on PostgreSQL) leaves out a (unit, life) that has its row, as ON CONFLICT DO NOTHING does
    const s = await stream();
    const l = life('RP');
    const again = () => ({ ...(l.events[2] as Record<string, unknown>), eventID: id(), ilmd: { 'rm:productName': '重复的再制造' } });
    await capture(s, [...l.events.slice(0, 3), again()]);
    await capture(s, [again()]);
    await app.services.trace.projection.drain();
    const list = await products(s);
    expect(list.items.map((p) => [p.epc, p.life])).toEqual([[l.product, 1]]);
    const { rows } = await app.database.raw.query<{ name: string }>('SELECT name FROM trace_products WHERE enterprise_id = $1', [s.enterpriseId]);
    expect(rows.map((r) => r.name)).toEqual(['产品 RP']);
    expect((await status(s.user.headers)).find((x) => x.enterpriseId === s.enterpriseId)).toMatchObject({ lag: 0, lastError: null });
  });

  it('events kept in memory from a rolled-back capture are never projected: the follower projects what the stream holds', async () => {
    const s = await stream();
    const l = life('L');
    const received: string[] = [];
    const follower = createProjectionFollower({ db: app.database.db, epcis: app.services.epcis, inlineMax: 0, project: async (_tx, evs) => void received.push(...evs.map((e) => e.eventId)) });
    // a deferred capture of seqs 1-3 whose transaction then fails: its events stay in the follower's memory
    const ghost = l.events.slice(0, 3).map((e) => ({ ...(e as Record<string, unknown>), eventID: id() }));
    const ghostStored = ghost.map((e) => ({ enterpriseId: s.enterpriseId, eventId: e.eventID as string, recordTime: new Date().toISOString(), errorDeclaration: null }) as unknown as StoredEvent);
    await expect(
      app.database.db.transaction(async (tx) => {
        await follower.onStored(tx, ghostStored, { enterpriseId: s.enterpriseId, firstSeq: 1, lastSeq: 3, readYourWrites: false });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // the real capture takes the same seqs 1-3
    app.services.trace.projection.pause();
    try {
      await capture(s, l.events.slice(0, 3));
      await follower.drain();
    } finally {
      app.services.trace.projection.resume();
    }
    expect(received).toEqual(l.events.slice(0, 3).map((e) => (e as { eventID: string }).eventID));
  });

  it('an error declaration of a sale or a recall takes back what it set: the product replays its remaining events', async () => {
    const s = await stream();
    const l = life('N');
    await capture(s, l.events); // made and shipped
    await app.services.trace.projection.drain();
    const code = (await products(s)).items[0]!.code;
    const detail = async () => (await app.inject({ method: 'GET', url: `/api/v1/trace/products/${code}`, headers: s.user.headers })).json() as { state: string; status: string; owner: { id: string } | null };
    const sale = (to: string, day: number) => ({ type: 'ObjectEvent', eventID: id(), eventTime: at(day), eventTimeZoneOffset: '+08:00', epcList: [l.product], action: 'OBSERVE', bizStep: 'retail_selling', disposition: 'retail_sold', destinationList: [{ type: 'owning_party', destination: to }] });
    const wrong = sale('urn:epc:id:pgln:6901234.00009', 5);
    await capture(s, [wrong]);
    expect(await detail()).toMatchObject({ state: 'sale', owner: { id: 'urn:epc:id:pgln:6901234.00009' } });
    // the sale was recorded for the wrong buyer: declared erroneous, then the corrective sale
    await capture(s, [{ ...wrong, errorDeclaration: { declarationTime: at(6), reason: 'incorrect_data' } }]);
    expect(await detail()).toMatchObject({ state: 'shipping', status: 'issued', owner: null });
    await capture(s, [sale('urn:epc:id:pgln:6901234.00002', 7)]);
    expect(await detail()).toMatchObject({ state: 'sale', owner: { id: 'urn:epc:id:pgln:6901234.00002' } });
    // a recall by mistake, declared erroneous: the code is genuine again
    const recall = { type: 'ObjectEvent', eventID: id(), eventTime: at(8), eventTimeZoneOffset: '+08:00', epcList: [l.product], action: 'OBSERVE', bizStep: 'inspecting', disposition: 'recalled' };
    await capture(s, [recall]);
    expect((await detail()).status).toBe('recalled');
    await capture(s, [{ ...recall, errorDeclaration: { declarationTime: at(9), reason: 'incorrect_data' } }]);
    expect(await detail()).toMatchObject({ status: 'issued', owner: { id: 'urn:epc:id:pgln:6901234.00002' } });
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/products/${code}` })).json().genuine).toBe(true);
  });
});
