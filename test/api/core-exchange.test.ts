/**
 * 旧件交易 core exchange (issue 13): a recycler (registered organisation) and enterprises post supply of cores, a
 * remanufacturer posts demand; suggestions follow the domain rules with their reasons; one side proposes a match, the
 * other accepts (the supplier attests the lawful source, 规范条件 四(二)) and the transfer is recorded as a core intake in
 * the receiver's trace (source = the supplier, with the attestation) and, for a supplying enterprise, as shipping in
 * its own trace; both parties are notified at each step. Bad input is a bilingual 400 naming the field and writes
 * nothing. PGlite by default, PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildUser, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { multipart } from './matrix/index.js';

const clock = manualClock('2026-03-02T02:00:00Z');
let app: TestApp;
let reman: Session; // the remanufacturer (demand)
let supplierEnt: Session; // an enterprise with cores to spare
let recycler: Session; // a registered recycler (no trace of its own)
let stranger: Session; // another enterprise
let remanId = '';
let supplierEntId = '';
let recyclerName = '';

beforeAll(async () => {
  app = await buildTestApp({ UPLOAD_MAX_MB: 1 }, { clock });
  const s = app.services;
  remanId = (await buildEnterprise(s, { regionCode: '420100', name: '旧件交易测试再制造有限公司' })).id;
  reman = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: remanId })).username, TEST_PASSWORD);
  supplierEntId = (await buildEnterprise(s, { regionCode: '320505', name: '旧件供应测试机械有限公司' })).id;
  supplierEnt = await login(app, (await buildUser(s, 'enterprise_staff', { organizationId: supplierEntId })).username, TEST_PASSWORD);
  stranger = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: (await buildEnterprise(s, { regionCode: '430100' })).id })).username, TEST_PASSWORD);
  const b = await buildBuyer(s, { orgName: '测试再生资源回收有限公司' });
  recyclerName = b.org.name;
  recycler = await login(app, b.user.username, TEST_PASSWORD);
}, 120_000);
afterAll(async () => app?.close());

const call = (who: Session | null, method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
const ok = async (who: Session, method: 'GET' | 'POST', url: string, payload?: object) => {
  const r = await call(who, method, url, payload);
  expect(r.statusCode, `${method} ${url} ${r.body}`).toBeLessThan(300);
  return r.json();
};
const count = async (table: string) => Number((await app.database.raw.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows[0]!.n);
const inbox = async (who: Session) => ((await ok(who, 'GET', '/api/v1/notifications?pageSize=50')).items as { title: string; link: string | null }[]);
const attestation = { statement: '本单位承诺所供旧件均为合法回收所得，来源可追溯（规范条件 四(二)）', document: '回收合同 HS-2026-018' };

const supplyBody = { kind: 'supply', name: '柴油发动机旧件', model: 'WD-615', quantity: 10, grade: 'B', priceCny: 3000, depositCny: 500, regionCode: '440100', channel: 'recycler' };
const demandBody = { kind: 'demand', name: '柴油发动机旧件（WD615 机体）', model: 'wd615', quantity: 6, grade: 'C', priceCny: 2800, regionCode: '420100' };

describe('postings and suggestions (items 1–2)', () => {
  let supplyId = '';
  let demandId = '';

  it('a recycler posts supply and the remanufacturer posts demand; bad input is a 400 naming the field, nothing written', async () => {
    const s = await ok(recycler, 'POST', '/api/v1/core-exchange/postings', supplyBody);
    expect(s).toMatchObject({ kind: 'supply', status: 'open', quantity: 10, remaining: 10, grade: 'B', priceCny: 3000, depositCny: 500, regionName: '广东省', party: { kind: 'organisation', name: recyclerName, channel: 'recycler' }, actions: ['withdraw', 'suggest'] });
    supplyId = s.id;
    const d = await ok(reman, 'POST', '/api/v1/core-exchange/postings', demandBody);
    expect(d).toMatchObject({ kind: 'demand', party: { kind: 'enterprise', id: remanId, channel: 'enterprise' }, remaining: 6 });
    demandId = d.id;

    const before = await count('core_postings');
    const bad: [Session, object, string][] = [
      [recycler, { ...demandBody }, 'kind'], // a demand is a remanufacturer's (the cores go into its trace)
      [reman, { ...demandBody, quantity: 0 }, 'quantity'],
      [reman, { ...demandBody, quantity: 2.5 }, 'quantity'],
      [reman, { ...demandBody, model: undefined }, 'model'], // neither model nor field
      [reman, { ...supplyBody, priceCny: -1 }, 'priceCny'],
      [reman, { ...supplyBody, priceCny: 1e12 }, 'priceCny'],
      [reman, { ...supplyBody, grade: 'E' }, 'grade'],
      [reman, { ...supplyBody, regionCode: '999999' }, 'regionCode'],
    ];
    for (const [who, body, field] of bad) {
      const r = await call(who, 'POST', '/api/v1/core-exchange/postings', body);
      expect(r.statusCode, `${field} ${r.body}`).toBe(400);
      const fields = (r.json().error.details ?? []) as { field: string; message: string; messageEn: string }[];
      const f = fields.find((x) => x.field === field);
      expect(f, `${field}: ${r.body}`).toBeTruthy();
      expect(f!.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f!.messageEn).toMatch(/[a-z]/i);
    }
    expect(await count('core_postings')).toBe(before);
    // a buyer-side user of no trading kind cannot post: the ministry is not a party
    const miit = await login(app, (await buildUser(app.services, 'ministry_officer', { organizationId: 'miit' })).username, TEST_PASSWORD);
    expect((await call(miit, 'POST', '/api/v1/core-exchange/postings', supplyBody)).statusCode).toBe(403);
  });

  it('lists open postings by kind, words and region; mine shows the own in every state', async () => {
    const supplies = await ok(stranger, 'GET', '/api/v1/core-exchange/postings?kind=supply&q=发动机');
    expect(supplies.items.map((x: { id: string }) => x.id)).toContain(supplyId);
    expect(supplies.items.every((x: { kind: string }) => x.kind === 'supply')).toBe(true);
    expect((await ok(stranger, 'GET', '/api/v1/core-exchange/postings?q=WD615')).items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([supplyId, demandId]));
    expect((await ok(stranger, 'GET', '/api/v1/core-exchange/postings?region=44')).items.map((x: { id: string }) => x.id)).toEqual([supplyId]);
    const mine = await ok(recycler, 'GET', '/api/v1/core-exchange/postings?mine=true');
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([supplyId]);
    expect(mine).toMatchObject({ total: 1, page: 1, pageSize: 20 });
  });

  it('searches postings with word segmentation like the listings: words in any order, a model by its start', async () => {
    const p = await ok(recycler, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, name: '再制造柴油发动机总成', model: 'WP12.430E', quantity: 3 });
    const ids = async (q: string) => (await ok(stranger, 'GET', `/api/v1/core-exchange/postings?q=${encodeURIComponent(q)}`)).items.map((x: { id: string }) => x.id) as string[];
    expect(await ids('发动机')).toContain(p.id);
    expect(await ids('发动机再制造')).toContain(p.id); // two words, the other order: no substring of the name
    expect(await ids('柴油 总成')).toContain(p.id);
    expect(await ids('WP12')).toEqual([p.id]); // the model by its start
    expect(await ids('wp12 430e')).toContain(p.id); // the model as the rules compare it
    expect(await ids('发动机 液压泵')).not.toContain(p.id); // every word must be there
    expect(await ids('机')).not.toContain(p.id); // a character is not a word of the name
    await ok(recycler, 'POST', `/api/v1/core-exchange/postings/${p.id}/withdraw`);
  });

  it('suggests the supplies that fit a demand, with the reason; other models, worse grades and the own party do not', async () => {
    const otherModel = await ok(supplierEnt, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, model: 'WP10', channel: undefined });
    const worse = await ok(supplierEnt, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, grade: 'D', channel: undefined });
    const own = await ok(reman, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, grade: 'A', channel: undefined });
    const better = await ok(supplierEnt, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, quantity: 2, grade: 'A', channel: undefined });
    const r = await ok(reman, 'GET', `/api/v1/core-exchange/postings/${demandId}/suggestions`);
    const ids = r.items.map((x: { supply: { id: string } }) => x.supply.id);
    expect(ids).toEqual([supplyId, better.id]); // fills all 6 first; the A-grade 2 after
    expect(ids).not.toContain(otherModel.id);
    expect(ids).not.toContain(worse.id);
    expect(ids).not.toContain(own.id);
    expect(r.items[0]).toMatchObject({ quantity: 6, matchId: null, reason: { zh: expect.stringContaining('同型号'), en: expect.stringContaining('same model') }, demand: { id: demandId } });
    // from the supply's side: the demands it fits
    const bySupply = await ok(recycler, 'GET', `/api/v1/core-exchange/postings/${supplyId}/suggestions`);
    expect(bySupply.items.map((x: { demand: { id: string } }) => x.demand.id)).toEqual([demandId]);
    // only the own party asks for suggestions
    expect((await call(stranger, 'GET', `/api/v1/core-exchange/postings/${demandId}/suggestions`)).statusCode).toBe(403);
    for (const x of [otherModel, worse, own, better]) await ok(x.party.id === remanId ? reman : supplierEnt, 'POST', `/api/v1/core-exchange/postings/${x.id}/withdraw`);
  });

  it('withdraw: the own party, once; a withdrawn posting is hidden from others', async () => {
    const p = await ok(supplierEnt, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, channel: undefined });
    expect((await call(stranger, 'POST', `/api/v1/core-exchange/postings/${p.id}/withdraw`)).statusCode).toBe(403);
    expect((await ok(supplierEnt, 'POST', `/api/v1/core-exchange/postings/${p.id}/withdraw`)).status).toBe('withdrawn');
    const again = await call(supplierEnt, 'POST', `/api/v1/core-exchange/postings/${p.id}/withdraw`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'POSTING_CLOSED' } });
    expect((await call(stranger, 'GET', `/api/v1/core-exchange/postings/${p.id}`)).statusCode).toBe(404);
    expect((await ok(supplierEnt, 'GET', `/api/v1/core-exchange/postings/${p.id}`)).actions).toEqual([]);
  });
});

describe('matches: propose, accept into both traces, decline (items 3–4)', () => {
  it('the receiver proposes, the recycler attests and accepts: a core intake in the receiver\'s trace names the recycler; both notified', async () => {
    const supply = await ok(recycler, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, quantity: 8 });
    const demand = await ok(reman, 'POST', '/api/v1/core-exchange/postings', { ...demandBody, quantity: 5 });
    const m = await ok(reman, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand.id });
    expect(m).toMatchObject({ status: 'proposed', quantity: 5, proposedSide: 'demand', attestation: null, transfer: null, actions: ['decline'] });
    expect((await inbox(recycler)).some((n) => n.title.includes('提出匹配') && n.link === `/core-exchange/matches/${m.id}`)).toBe(true);
    const dup = await call(reman, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('MATCH_EXISTS');
    expect((await ok(recycler, 'GET', `/api/v1/core-exchange/matches/${m.id}`)).actions).toEqual(['accept', 'decline']);
    expect((await call(stranger, 'GET', `/api/v1/core-exchange/matches/${m.id}`)).statusCode).toBe(404);
    expect((await call(reman, 'POST', `/api/v1/core-exchange/matches/${m.id}/accept`, {})).statusCode).toBe(403); // the proposer does not accept its own

    const events = await count('epcis_events');
    const noAttestation = await call(recycler, 'POST', `/api/v1/core-exchange/matches/${m.id}/accept`, {});
    expect(noAttestation.statusCode).toBe(400);
    expect(noAttestation.body).toContain('attestation.statement');
    expect(await count('epcis_events')).toBe(events);

    const a = await call(recycler, 'POST', `/api/v1/core-exchange/matches/${m.id}/accept`, { attestation });
    expect(a.statusCode, a.body).toBe(201);
    const done = a.json();
    expect(done).toMatchObject({ status: 'accepted', attestation: { statement: attestation.statement, document: attestation.document, partyName: recyclerName }, supply: { remaining: 3, status: 'open' }, demand: { remaining: 0, status: 'filled' } });
    expect(done.transfer.coreEpcs).toHaveLength(5);
    expect(done.transfer.receiverEventIds).toHaveLength(1);
    expect(done.transfer.supplierEventIds).toEqual([]); // a recycler has no trace: it attests, the receiver's intake names it
    const again = await call(recycler, 'POST', `/api/v1/core-exchange/matches/${m.id}/accept`, { attestation });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'MATCH_DECIDED' } });

    // the receiver's trace: five cores received from the recycler (ledger), the intake event carries the attestation
    const ledger = await ok(reman, 'GET', '/api/v1/trace/ledger?from=2026-03-01&to=2026-03-31&pageSize=50');
    const rows = ledger.coresReceived.items.filter((x: { eventId: string }) => x.eventId === done.transfer.receiverEventIds[0]);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ returnedBy: recyclerName, channel: 'recycler', tradeIn: false, name: supply.name });
    const q = await ok(reman, 'GET', `/epcis/events?EQ_eventID=${encodeURIComponent(done.transfer.receiverEventIds[0])}`);
    const ev = q.epcisBody.queryResults.resultsBody.eventList[0];
    expect(ev).toMatchObject({ bizStep: 'receiving', action: 'ADD', 'reman:attestation': { statement: attestation.statement, document: attestation.document, matchId: m.id, supplyId: supply.id, demandId: demand.id, partyName: recyclerName } });
    expect(ev.epcList).toEqual(done.transfer.coreEpcs);
    // the recycler keeps no trace: its declaration names the codes its cores got at the receiver's intake
    expect(ev['reman:attestation'].cores).toEqual(done.transfer.coreEpcs);
    expect(done.attestation.cores).toEqual(done.transfer.coreEpcs);
    expect((await inbox(reman)).some((n) => n.title.includes('已确认') && n.link === `/core-exchange/matches/${m.id}`)).toBe(true);
  });

  it('a supplying enterprise with traced cores names them: its shipping and the receiver\'s intake name the same codes', async () => {
    const intake = () => app.services.trace.stepAsSystem(supplierEntId, 'intake', { name: '柴油发动机旧件', model: 'WD615', source: { returnedBy: '某运输公司', channel: 'dealer', tradeIn: false } } as never);
    const cores = [(await intake()).coreEpc!, (await intake()).coreEpc!];
    const supply = await ok(supplierEnt, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, quantity: 2, grade: 'A', channel: undefined });
    const demand = await ok(reman, 'POST', '/api/v1/core-exchange/postings', { ...demandBody, quantity: 2 });
    const propose = (coreCodes: string[]) => call(supplierEnt, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand.id, attestation: { ...attestation, coreCodes } });
    const bad: [string[], string][] = [
      [[cores[0]!], 'attestation.coreCodes'], // one code for two cores
      [[cores[0]!, 'urn:reman-platform:core:NOPE.1'], 'attestation.coreCodes.1'], // not in its trace
      [[cores[0]!, cores[0]!], 'attestation.coreCodes.1'], // twice
    ];
    for (const [codes, field] of bad) {
      const r = await propose(codes);
      expect(r.statusCode, r.body).toBe(400);
      expect((r.json().error.details as { field: string }[]).map((d) => d.field)).toContain(field);
    }
    // a recycler has no trace to name codes from
    const rs = await ok(recycler, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, quantity: 2 });
    const rr = await call(recycler, 'POST', '/api/v1/core-exchange/matches', { supplyId: rs.id, demandId: demand.id, attestation: { ...attestation, coreCodes: cores } });
    expect(rr.statusCode).toBe(400);
    expect(rr.body).toContain('attestation.coreCodes');
    await ok(recycler, 'POST', `/api/v1/core-exchange/postings/${rs.id}/withdraw`);

    const m = (await propose(cores)).json();
    expect(m.attestation.cores).toEqual(cores);
    const done = await ok(reman, 'POST', `/api/v1/core-exchange/matches/${m.id}/accept`, {});
    expect(done.transfer.coreEpcs).toEqual(cores);
    const ship = (await ok(supplierEnt, 'GET', `/epcis/events?EQ_eventID=${encodeURIComponent(done.transfer.supplierEventIds[0])}`)).epcisBody.queryResults.resultsBody.eventList[0];
    expect(ship).toMatchObject({ bizStep: 'shipping', epcList: cores, 'reman:attestation': { cores } });
    expect(ship.quantityList ?? []).toEqual([]);
    const recv = (await ok(reman, 'GET', `/epcis/events?EQ_eventID=${encodeURIComponent(done.transfer.receiverEventIds[0])}`)).epcisBody.queryResults.resultsBody.eventList[0];
    expect(recv).toMatchObject({ bizStep: 'receiving', epcList: cores, 'reman:attestation': { cores } });
    // both traces show the same units: the supplier's cores' history ends with the shipping, the receiver's ledger names them
    const ledger = await ok(reman, 'GET', '/api/v1/trace/ledger?from=2026-03-01&to=2026-03-31&pageSize=100');
    expect(ledger.coresReceived.items.filter((x: { eventId: string }) => x.eventId === done.transfer.receiverEventIds[0]).map((x: { epc: string }) => x.epc).sort()).toEqual([...cores].sort());
    const out = await ok(supplierEnt, 'GET', '/api/v1/trace/ledger?from=2026-03-01&to=2026-03-31&pageSize=100');
    expect(out.shipments.items.filter((x: { eventId: string }) => x.eventId === done.transfer.supplierEventIds[0]).map((x: { epc: string }) => x.epc).sort()).toEqual([...cores].sort());
    // a core shipped once is not shipped again
    const supply2 = await ok(supplierEnt, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, quantity: 1, grade: 'A', channel: undefined });
    const demand2 = await ok(reman, 'POST', '/api/v1/core-exchange/postings', { ...demandBody, quantity: 1 });
    const again = await call(supplierEnt, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply2.id, demandId: demand2.id, attestation: { ...attestation, coreCodes: [cores[0]] } });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.code).toBe('CORE_SHIPPED');
    await ok(supplierEnt, 'POST', `/api/v1/core-exchange/postings/${supply2.id}/withdraw`);
    await ok(reman, 'POST', `/api/v1/core-exchange/postings/${demand2.id}/withdraw`);
  });

  it('a supplying enterprise proposes with its attestation; the receiver accepts: shipping in the supplier\'s trace, intake in the receiver\'s', async () => {
    const supply = await ok(supplierEnt, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, quantity: 3, grade: 'A', channel: undefined });
    const demand = await ok(reman, 'POST', '/api/v1/core-exchange/postings', { ...demandBody, quantity: 4 });
    const noAtt = await call(supplierEnt, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand.id });
    expect(noAtt.statusCode).toBe(400);
    expect(noAtt.body).toContain('attestation.statement');
    const tooMany = await call(supplierEnt, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand.id, quantity: 4, attestation });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('quantity');
    const m = await ok(supplierEnt, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand.id, attestation });
    expect(m).toMatchObject({ quantity: 3, proposedSide: 'supply', attestation: { partyName: '旧件供应测试机械有限公司' } });
    expect((await inbox(reman)).some((n) => n.link === `/core-exchange/matches/${m.id}`)).toBe(true);
    const done = (await call(reman, 'POST', `/api/v1/core-exchange/matches/${m.id}/accept`, {})).json();
    expect(done).toMatchObject({ status: 'accepted', supply: { remaining: 0, status: 'filled' }, demand: { remaining: 1, status: 'open' } });
    expect(done.transfer.supplierEventIds).toHaveLength(1);
    const q = await ok(supplierEnt, 'GET', `/epcis/events?EQ_eventID=${encodeURIComponent(done.transfer.supplierEventIds[0])}`);
    const ship = q.epcisBody.queryResults.resultsBody.eventList[0];
    expect(ship).toMatchObject({ bizStep: 'shipping', disposition: 'in_transit', quantityList: [{ epcClass: `urn:reman-platform:cores:${m.id}`, quantity: 3 }], 'reman:attestation': { matchId: m.id } });
    // the receiver's intake names the enterprise as source; the supplier cannot read the receiver's events
    const ledger = await ok(reman, 'GET', '/api/v1/trace/ledger?from=2026-03-01&to=2026-03-31&pageSize=50');
    expect(ledger.coresReceived.items.filter((x: { eventId: string; returnedBy: string }) => x.eventId === done.transfer.receiverEventIds[0] && x.returnedBy === '旧件供应测试机械有限公司')).toHaveLength(3);
    expect((await inbox(supplierEnt)).some((n) => n.title.includes('已确认') && n.link === `/core-exchange/matches/${m.id}`)).toBe(true);
    // a filled posting takes no new match
    expect((await call(reman, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand.id })).statusCode).toBe(404); // no longer shown to others
    const closed = await call(supplierEnt, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand.id, attestation });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('POSTING_CLOSED');
  });

  it('the declaration\'s supporting document is an uploaded file, checked by content and size, downloaded by the two parties and MIIT', async () => {
    const upload = (who: Session, data: Buffer, name = '回收合同.pdf') => {
      const m = multipart({ files: [{ name, data, type: 'application/pdf' }] });
      return app.inject({ method: 'POST', url: '/api/v1/core-exchange/documents', headers: { ...who.headers, ...m.headers }, payload: m.payload });
    };
    const refused: [Buffer, number][] = [
      [Buffer.from('只是一段文字，不是 PDF'), 415], // by content, not by name
      [Buffer.alloc(0), 400],
      [Buffer.concat([TINY_PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]), 413],
    ];
    for (const [data, status] of refused) {
      const r = await upload(recycler, data);
      expect(r.statusCode, r.body).toBe(status);
      expect(r.body).toContain('file');
    }
    const pdf = Buffer.concat([TINY_PDF, Buffer.from('% 回收合同 HS-2026-018\n')]);
    const up = await upload(recycler, pdf);
    expect(up.statusCode, up.body).toBe(201);
    const doc = up.json();
    expect(doc).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{64}$/), name: '回收合同.pdf', mime: 'application/pdf', size: pdf.length });

    const supply = await ok(recycler, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, quantity: 1 });
    const demand = await ok(reman, 'POST', '/api/v1/core-exchange/postings', { ...demandBody, quantity: 1 });
    const m = await ok(reman, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand.id });
    // only the supplier's own uploads: another party's document id is a 400 naming the field
    const other = await call(recycler, 'POST', `/api/v1/core-exchange/matches/${m.id}/accept`, { attestation: { ...attestation, documentFile: 'f'.repeat(64) } });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('attestation.documentFile');
    const done = await ok(recycler, 'POST', `/api/v1/core-exchange/matches/${m.id}/accept`, { attestation: { statement: attestation.statement, documentFile: doc.id } });
    expect(done.attestation.file).toEqual(doc);
    const miit = await login(app, (await buildUser(app.services, 'ministry_officer', { organizationId: 'miit' })).username, TEST_PASSWORD);
    for (const who of [recycler, reman, miit]) {
      const r = await call(who, 'GET', `/api/v1/core-exchange/matches/${m.id}/document`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('application/pdf');
      expect(r.headers['content-disposition']).toContain(encodeURIComponent('回收合同.pdf'));
      expect(r.rawPayload.equals(pdf)).toBe(true);
    }
    expect((await call(stranger, 'GET', `/api/v1/core-exchange/matches/${m.id}/document`)).statusCode).toBe(404);
    expect((await call(supplierEnt, 'GET', `/api/v1/core-exchange/matches/${m.id}/document`)).statusCode).toBe(404);
    // a match whose declaration has no file: 404 to its parties too
    const supply2 = await ok(recycler, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, quantity: 1 });
    const demand2 = await ok(reman, 'POST', '/api/v1/core-exchange/postings', { ...demandBody, quantity: 1 });
    const m2 = await ok(recycler, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply2.id, demandId: demand2.id, attestation });
    expect(m2.attestation.file).toBeNull();
    expect((await call(reman, 'GET', `/api/v1/core-exchange/matches/${m2.id}/document`)).statusCode).toBe(404);
    await ok(reman, 'POST', `/api/v1/core-exchange/matches/${m2.id}/decline`, {});
    for (const id of [supply2.id]) await ok(recycler, 'POST', `/api/v1/core-exchange/postings/${id}/withdraw`);
    await ok(reman, 'POST', `/api/v1/core-exchange/postings/${demand2.id}/withdraw`);
  });

  it('decline by the other side, or the proposer takes it back; a non-matching pair is a 400; my matches are listed', async () => {
    const supply = await ok(recycler, 'POST', '/api/v1/core-exchange/postings', { ...supplyBody, quantity: 2, channel: 'dealer' });
    const demand = await ok(reman, 'POST', '/api/v1/core-exchange/postings', { ...demandBody, quantity: 2, grade: 'A' });
    const nomatch = await call(reman, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand.id });
    expect(nomatch.statusCode).toBe(400); // grade B offered, A wanted
    expect(nomatch.json().error.code).toBe('NOT_A_MATCH');
    const demand2 = await ok(reman, 'POST', '/api/v1/core-exchange/postings', { ...demandBody, quantity: 2 });
    const m = await ok(recycler, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand2.id, attestation });
    expect((await call(stranger, 'POST', `/api/v1/core-exchange/matches/${m.id}/decline`, {})).statusCode).toBe(404);
    const d = await ok(reman, 'POST', `/api/v1/core-exchange/matches/${m.id}/decline`, { reason: '价格未谈妥' });
    expect(d).toMatchObject({ status: 'declined', reason: '价格未谈妥', actions: [] });
    expect((await inbox(recycler)).some((n) => n.title.includes('价格未谈妥'))).toBe(true);
    expect((await call(reman, 'POST', `/api/v1/core-exchange/matches/${m.id}/accept`, {})).statusCode).toBe(409);
    const m2 = await ok(recycler, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand2.id, attestation });
    expect((await ok(recycler, 'POST', `/api/v1/core-exchange/matches/${m2.id}/decline`, {})).status).toBe('declined');
    // withdrawing a posting declines its open proposals and tells the other party
    const m3 = await ok(recycler, 'POST', '/api/v1/core-exchange/matches', { supplyId: supply.id, demandId: demand2.id, attestation });
    await ok(reman, 'POST', `/api/v1/core-exchange/postings/${demand2.id}/withdraw`);
    expect((await ok(recycler, 'GET', `/api/v1/core-exchange/matches/${m3.id}`)).status).toBe('declined');
    // the other party is told, and the notice opens the cancelled match (its status and reason), not a posting
    expect((await inbox(recycler)).filter((n) => n.title.includes('匹配已取消')).map((n) => n.link)).toEqual([`/core-exchange/matches/${m3.id}`]);
    const mine = await ok(recycler, 'GET', `/api/v1/core-exchange/matches?postingId=${supply.id}`);
    expect(mine.items.map((x: { id: string }) => x.id).sort()).toEqual([m3.id, m2.id, m.id].sort());
    expect((await ok(recycler, 'GET', '/api/v1/core-exchange/matches?status=accepted')).total).toBe(2); // the intake above and the one with the uploaded document
  });
});
