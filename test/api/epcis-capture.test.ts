import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/domain/epcis/types.js';
import { DomainError } from '../../src/server/platform/errors.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, enterpriseAdminCtx, TEST_PASSWORD } from '../support/factories.js';

/** Capture semantics: idempotency, error declarations, error behaviour, limits, media types, the service contract. */
const CONTEXT = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';
let app: TestApp;
let auth: Record<string, string>;
let enterpriseId: string;
const heard: StoredEvent[][] = [];

const ev = (n: number, extra: Record<string, unknown> = {}) => ({
  type: 'ObjectEvent',
  eventID: `urn:uuid:20000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  eventTime: '2026-03-01T10:00:00+08:00',
  eventTimeZoneOffset: '+08:00',
  epcList: [`urn:epc:id:sgtin:0614141.107346.${n}`],
  action: 'OBSERVE',
  bizStep: 'inspecting',
  ...extra,
});
const doc = (events: unknown[]) => ({ '@context': [CONTEXT], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-01T00:00:00Z', epcisBody: { eventList: events } });
const capture = (events: unknown[], headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/epcis/capture', headers: { ...auth, ...headers }, payload: doc(events) });
const count = async () => {
  const { rows } = await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM epcis_events WHERE enterprise_id = $1', [enterpriseId]);
  return Number(rows[0]!.n);
};
const events = async (query = '') =>
  (await app.inject({ url: `/epcis/events?perPage=1000${query}`, headers: auth })).json().epcisBody.queryResults.resultsBody.eventList as Record<string, unknown>[];

beforeAll(async () => {
  app = await buildTestApp();
  app.services.epcis.onStored(async (_tx, stored) => {
    heard.push(stored);
  });
  const e = await buildEnterprise(app.services);
  enterpriseId = e.id;
  const { token } = await app.services.identity.createToken(await enterpriseAdminCtx(app.services, e.id), 'MES');
  auth = { authorization: `Bearer ${token}` };
});
afterAll(async () => app?.close());

describe('idempotency and immutability', () => {
  it('a retried document stores nothing twice and still answers 202; listeners hear only new events', async () => {
    heard.length = 0;
    expect((await capture([ev(1), ev(2)])).statusCode).toBe(202);
    expect(await count()).toBe(2);
    const again = await capture([ev(1), ev(2), ev(3)]);
    expect(again.statusCode).toBe(202);
    expect(await count()).toBe(3);
    expect(heard.map((h) => h.map((e) => e.eventId))).toEqual([[ev(1).eventID, ev(2).eventID], [ev(3).eventID]]);
    const job = (await app.inject({ url: again.headers.location as string, headers: auth })).json();
    expect(job).toMatchObject({ success: true, eventCount: 3, storedCount: 1, duplicateCount: 2 });
    // one audit row per capture, naming the job
    const { rows } = await app.database.raw.query<{ object_id: string; actor_username: string }>(
      `SELECT object_id, actor_username FROM audit_log WHERE action = 'epcis.captured' AND enterprise_id = $1 ORDER BY id`,
      [enterpriseId],
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]!.object_id).toBe(String(again.headers.location).split('/').pop());
    expect(rows[1]!.actor_username).toBe('token:MES');
  });

  it('an event without eventID gets the CBV 2.0 hash ID, so its retry is recognised too', async () => {
    const { eventID: _drop, ...anonymous } = ev(4);
    expect((await capture([anonymous])).statusCode).toBe(202);
    expect((await capture([anonymous])).statusCode).toBe(202);
    const found = (await events()).filter((e) => String(e.eventID).startsWith('ni:///sha-256;'));
    expect(found).toHaveLength(1);
    expect(found[0]!.eventID).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });

  it('the same eventID with other content is a conflict (events are immutable)', async () => {
    const before = await count();
    const res = await capture([ev(1, { bizStep: 'shipping' })]);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain(ev(1).eventID);
    expect(await count()).toBe(before);
  });

  it('the stored rows refuse UPDATE and DELETE', async () => {
    await expect(app.database.raw.exec(`UPDATE epcis_events SET biz_step = 'x'`)).rejects.toThrow(/append-only/);
    await expect(app.database.raw.exec(`DELETE FROM epcis_events`)).rejects.toThrow(/append-only/);
  });
});

describe('large documents', () => {
  it('a document of several insert chunks (4,500 events) is stored completely, indexed and chained', async () => {
    const e = await buildEnterprise(app.services);
    const { token } = await app.services.identity.createToken(await enterpriseAdminCtx(app.services, e.id), 'MES');
    const many = Array.from({ length: 4500 }, (_, i) => ev(100_000 + i, { epcList: [`urn:epc:id:sgtin:0614141.107346.L${i}`, `urn:epc:id:sgtin:0614141.107346.M${i}`] }));
    const res = await app.inject({ method: 'POST', url: '/epcis/capture', headers: { authorization: `Bearer ${token}` }, payload: doc(many) });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(202);
    const { rows } = await app.database.raw.query<{ n: number; s: number; epcs: number }>(
      `SELECT count(*)::int AS n, max(seq)::int AS s, (SELECT count(*)::int FROM epcis_event_epcs WHERE enterprise_id = $1) AS epcs FROM epcis_events WHERE enterprise_id = $1`,
      [e.id],
    );
    expect(rows[0]).toEqual({ n: 4500, s: 4500, epcs: 9000 });
    const q = await app.inject({ url: `/epcis/events?MATCH_epc=${encodeURIComponent('urn:epc:id:sgtin:0614141.107346.M4499')}`, headers: { authorization: `Bearer ${token}` } });
    expect(q.json().epcisBody.queryResults.resultsBody.eventList.map((x: { eventID: string }) => x.eventID)).toEqual([ev(104_499).eventID]);
  });
});

describe('error declarations', () => {
  it('a declaration (same eventID + errorDeclaration) marks the original; EXISTS_errorDeclaration finds it; listeners hear it', async () => {
    heard.length = 0;
    const original = ev(10);
    expect((await capture([original])).statusCode).toBe(202);
    expect((await events('&EXISTS_errorDeclaration')).map((e) => e.eventID)).not.toContain(original.eventID);
    const declaration = { ...original, errorDeclaration: { declarationTime: '2026-03-02T09:00:00+08:00', reason: 'incorrect_data', correctiveEventIDs: [ev(11).eventID] } };
    const res = await capture([declaration, ev(11, { bizStep: 'shipping' })]);
    expect(res.statusCode, res.body).toBe(202);
    const declared = await events('&EXISTS_errorDeclaration');
    expect(declared.map((e) => e.eventID)).toEqual([original.eventID]);
    expect(declared[0]!.errorDeclaration).toEqual(declaration.errorDeclaration);
    // still one event per eventID in query results, and the original's content is kept
    expect((await events()).filter((e) => e.eventID === original.eventID)).toHaveLength(1);
    const last = heard.at(-1)!;
    expect(last.map((e) => e.eventId)).toEqual([original.eventID, ev(11).eventID]);
    expect(last[0]!.errorDeclaration).toEqual({ declarationTime: '2026-03-02T01:00:00.000Z', reason: 'incorrect_data', correctiveEventIDs: [ev(11).eventID] });
    // the read helper reports the original as declared erroneous
    const byEpc = await app.services.epcis.eventsByIdentifiers([original.epcList[0]!]);
    expect(byEpc).toHaveLength(1);
    expect(byEpc[0]!.errorDeclaration?.reason).toBe('incorrect_data');
    // a retried declaration is idempotent
    expect((await capture([declaration])).statusCode).toBe(202);
  });
});

describe('GS1-Capture-Error-Behaviour', () => {
  it('rollback (default): one bad event refuses the whole document', async () => {
    const before = await count();
    const res = await capture([ev(20), ev(21, { action: 'CREATE' })]);
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/eventList\[1\]\.action/);
    expect(await count()).toBe(before);
  });
  it('proceed: the valid events are stored, the job reports the bad ones', async () => {
    const before = await count();
    const res = await capture([ev(22), ev(23, { action: 'CREATE' }), ev(24)], { 'GS1-Capture-Error-Behaviour': 'proceed' });
    expect(res.statusCode, res.body).toBe(202);
    expect(await count()).toBe(before + 2);
    const job = (await app.inject({ url: res.headers.location as string, headers: auth })).json();
    expect(job).toMatchObject({ running: false, success: false, captureErrorBehaviour: 'proceed', eventCount: 3, storedCount: 2 });
    expect(job.errors).toHaveLength(1);
    expect(job.errors[0]).toMatchObject({ eventIndex: 1 });
    expect(job.errors[0].message).toContain('CREATE');
  });
  it('an unknown behaviour is a 400', async () => {
    expect((await capture([ev(25)], { 'GS1-Capture-Error-Behaviour': 'maybe' })).statusCode).toBe(400);
  });
});

describe('limits, media types, single events', () => {
  it('OPTIONS /epcis/capture advertises the limits', async () => {
    const res = await app.inject({ method: 'OPTIONS', url: '/epcis/capture' });
    expect(res.statusCode).toBe(204);
    expect(Number(res.headers['gs1-epcis-capture-limit'])).toBeGreaterThanOrEqual(10_000);
    expect(Number(res.headers['gs1-epcis-capture-file-size-limit'])).toBeGreaterThan(1024 * 1024);
  });
  it('a body over the file size limit is a 413 CaptureLimitExceededException; over 1 MB but under it is fine', async () => {
    const limit = Number((await app.inject({ method: 'OPTIONS', url: '/epcis/capture' })).headers['gs1-epcis-capture-file-size-limit']);
    const big = doc([ev(30, { 'ex:pad': 'x'.repeat(2 * 1024 * 1024) })]);
    (big as Record<string, unknown>)['@context'] = [CONTEXT, { ex: 'https://ns.example.com/' }];
    const ok = await app.inject({ method: 'POST', url: '/epcis/capture', headers: auth, payload: big });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(202);
    const res = await app.inject({ method: 'POST', url: '/epcis/capture', headers: { ...auth, 'content-type': 'application/json' }, payload: Buffer.alloc(limit + 10, 32) });
    expect(res.statusCode).toBe(413);
    expect(res.json().type).toBe('epcisException:CaptureLimitExceededException');
  });
  it('more events than the capture limit is a 413', async () => {
    const limit = Number((await app.inject({ method: 'OPTIONS', url: '/epcis/capture' })).headers['gs1-epcis-capture-limit']);
    const many = Array.from({ length: limit + 1 }, () => ({}));
    const res = await app.inject({ method: 'POST', url: '/epcis/capture', headers: auth, payload: doc(many) });
    expect(res.statusCode).toBe(413);
    expect(res.json().type).toBe('epcisException:CaptureLimitExceededException');
  });
  it('application/ld+json is accepted; a non-document body is a 400 problem', async () => {
    const res = await app.inject({ method: 'POST', url: '/epcis/capture', headers: { ...auth, 'content-type': 'application/ld+json' }, payload: JSON.stringify(doc([ev(31)])) });
    expect(res.statusCode).toBe(202);
    const bad = await app.inject({ method: 'POST', url: '/epcis/capture', headers: { ...auth, 'content-type': 'application/ld+json' }, payload: '{"type": "Nonsense"' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const notDoc = await app.inject({ method: 'POST', url: '/epcis/capture', headers: auth, payload: { type: 'ObjectEvent' } });
    expect(notDoc.statusCode).toBe(400);
    expect(notDoc.json().detail).toContain('EPCISDocument');
  });
  it('POST /epcis/events captures one event: 201 + Location of the event', async () => {
    const one = { '@context': [CONTEXT], ...ev(40) };
    const res = await app.inject({ method: 'POST', url: '/epcis/events', headers: auth, payload: one });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe(`/epcis/events/${encodeURIComponent(ev(40).eventID)}`);
    const got = await app.inject({ url: res.headers.location as string, headers: auth });
    expect(got.statusCode).toBe(200);
    expect(got.json().epcisBody.queryResults.resultsBody.eventList[0].bizStep).toBe('inspecting');
    const invalid = await app.inject({ method: 'POST', url: '/epcis/events', headers: auth, payload: { '@context': [CONTEXT], ...ev(41, { eventTime: 'soon' }) } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().detail).toContain('eventTime');
  });
  it('capture by a non-enterprise principal is a 403 SecurityException', async () => {
    const miit = await buildUser(app.services, 'ministry_admin');
    const s = await login(app, miit.username, TEST_PASSWORD);
    const res = await app.inject({ method: 'POST', url: '/epcis/capture', headers: s.headers, payload: doc([ev(50)]) });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe('epcisException:SecurityException');
  });
});

describe('captureInTx (service contract for the lifecycle forms)', () => {
  it('validates (naming the event index and field), stores, chains and runs listeners inside the caller transaction', async () => {
    const ctx = await enterpriseAdminCtx(app.services, enterpriseId);
    await expect(app.database.db.transaction((tx) => app.services.epcis.captureInTx(tx, ctx, enterpriseId, [ev(60), ev(61, { bizStep: 'not a uri' })]))).rejects.toSatisfy(
      (e: unknown) => e instanceof DomainError && e.status === 400 && e.messageEn.includes('eventList[1].bizStep'),
    );
    heard.length = 0;
    const stored = await app.database.db.transaction((tx) => app.services.epcis.captureInTx(tx, ctx, enterpriseId, [ev(62)]));
    expect(stored.map((s) => s.eventId)).toEqual([ev(62).eventID]);
    expect(stored[0]).toMatchObject({ enterpriseId, type: 'ObjectEvent', bizStep: 'inspecting', epcList: [ev(62).epcList[0]], eventTime: '2026-03-01T02:00:00.000Z' });
    expect(heard).toHaveLength(1);
    // a failure later in the caller's transaction rolls the events back too
    const before = await count();
    await expect(
      app.database.db.transaction(async (tx) => {
        await app.services.epcis.captureInTx(tx, ctx, enterpriseId, [ev(63)]);
        throw new Error('form failed');
      }),
    ).rejects.toThrow('form failed');
    expect(await count()).toBe(before);
    // another enterprise's principal may not capture into this stream
    const other = await buildEnterprise(app.services);
    const otherCtx = await enterpriseAdminCtx(app.services, other.id);
    await expect(app.database.db.transaction((tx) => app.services.epcis.captureInTx(tx, otherCtx, enterpriseId, [ev(64)]))).rejects.toSatisfy(
      (e: unknown) => e instanceof DomainError && e.status === 403,
    );
  });
});

describe('hash chain', () => {
  const verify = async () => (await app.inject({ url: '/api/v1/audit/verify', headers: (await login(app, (await miitUser()).username, TEST_PASSWORD)).headers })).json();
  let miit: Awaited<ReturnType<typeof buildUser>> | null = null;
  const miitUser = async () => (miit ??= await buildUser(app.services, 'ministry_admin'));

  it('each stored event links to its predecessor in its enterprise stream', async () => {
    const { rows } = await app.database.raw.query<{ seq: string; prev_hash: string; hash: string }>(
      'SELECT seq, prev_hash, hash FROM epcis_events WHERE enterprise_id = $1 ORDER BY seq',
      [enterpriseId],
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    rows.forEach((r, i) => {
      expect(Number(r.seq)).toBe(i + 1);
      if (i > 0) expect(r.prev_hash).toBe(rows[i - 1]!.hash);
    });
    const report = await verify();
    expect(report.ok).toBe(true);
    expect(report.eventChains).toMatchObject({ ok: true, firstBrokenAt: null });
    const all = await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM epcis_events');
    expect(report.eventChains.events).toBe(Number(all.rows[0]!.n));
    expect(report.eventChains.streams).toBeGreaterThanOrEqual(2);
  });

  it('GET /api/v1/audit/verify reports an edited row that bypassed the guard', async () => {
    await app.database.raw.exec(`ALTER TABLE epcis_events DISABLE TRIGGER epcis_events_no_update;
      UPDATE epcis_events SET document = jsonb_set(document, '{bizStep}', '"shipping"') WHERE enterprise_id = '${enterpriseId}' AND seq = 3;
      ALTER TABLE epcis_events ENABLE TRIGGER epcis_events_no_update;`);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.eventChains).toMatchObject({ ok: false, firstBrokenAt: { enterpriseId, seq: 3 } });
  });
});
