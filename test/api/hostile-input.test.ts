/**
 * Issue 10 §6: hostile text and shapes answer 400 naming the field (never 500): NUL bytes and lone surrogates
 * anywhere (query, path, JSON body, keys, multipart fields), JSON nested 10,000 levels deep, EPCIS times in
 * year 0000, broken multipart bodies; and PostgreSQL errors wrapped by the driver map to 4xx.
 */
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from '../../src/server/platform/error-handler.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { buildEnterprise, enterpriseAdminCtx } from '../support/factories.js';

const CONTEXT = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';
let app: TestApp;
let epcisAuth: Record<string, string>;

const expectField = (r: { statusCode: number; json: () => any; body: string }, field: string) => {
  expect(r.statusCode, r.body).toBe(400);
  const e = r.json().error;
  expect(e).toMatchObject({ code: expect.any(String), message: expect.any(String), messageEn: expect.any(String) });
  expect(e.details.map((d: { field: string }) => d.field)).toContain(field);
};
const complaint = { subject: '违规再制造', enterpriseName: '某再制造企业', facts: '该企业的产品没有再制造标识。' };
/** {"ex:n":{"ex:n":…}} `levels` deep, built without recursion */
const deep = (levels: number) => `${'{"ex:n":'.repeat(levels)}1${'}'.repeat(levels)}`;

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  const e = await buildEnterprise(app.services);
  const { token } = await app.services.identity.createToken(await enterpriseAdminCtx(app.services, e.id), 'MES');
  epcisAuth = { authorization: `Bearer ${token}` };
});
afterAll(async () => app?.close());

describe('NUL bytes and lone surrogates', () => {
  it('in a public query string', async () => {
    expectField(await app.inject({ url: '/api/v1/public/announced-enterprises?q=%00' }), 'q');
    expectField(await app.inject({ url: '/api/v1/public/announced-enterprises?q=a%00b' }), 'q');
  });

  it('in the login form', async () => {
    expectField(await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin\u0000', password: 'x' } }), 'username');
    const raw = '{"username":"\\ud800admin","password":"secret"}';
    expectField(await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: raw }), 'username');
  });

  it('in a complaint (JSON and multipart), in a key, and a proper surrogate pair is fine', async () => {
    expectField(await app.inject({ method: 'POST', url: '/api/v1/public/complaints', payload: { ...complaint, facts: '事实\u0000事实事实事实事实' } }), 'facts');
    const lone = JSON.stringify({ ...complaint, subject: 'x' }).replace('"subject":"x"', '"subject":"\\udc00 坏字符"');
    expectField(await app.inject({ method: 'POST', url: '/api/v1/public/complaints', headers: { 'content-type': 'application/json' }, payload: lone }), 'subject');
    expectField(await app.inject({ method: 'POST', url: '/api/v1/public/complaints', payload: { ...complaint, extra: { 'k\u0000': 1 } } }), 'extra.k\u0000');
    const boundary = 'xYz';
    const parts = Object.entries({ ...complaint, contact: '电话\u0000' }).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
    const mp = await app.inject({ method: 'POST', url: '/api/v1/public/complaints', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: `${parts.join('')}--${boundary}--\r\n` });
    expectField(mp, 'contact');
    const ok = await app.inject({ method: 'POST', url: '/api/v1/public/complaints', payload: { ...complaint, facts: '产品外壳上有 😀 这样的表情符号，没有再制造标识。' } });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('in a path parameter', async () => {
    const r = await app.inject({ url: '/api/v1/public/complaints/%00', headers: {} });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.length).toBeGreaterThan(0);
  });
});

describe('deep nesting and EPCIS', () => {
  it('JSON nested 10,000 levels deep answers 400, on the API and on /epcis', async () => {
    const body = `{"subject":"违规再制造","enterpriseName":"某再制造企业","facts":"该企业的产品没有再制造标识。","contact":${deep(10_000)}}`;
    const r = await app.inject({ method: 'POST', url: '/api/v1/public/complaints', headers: { 'content-type': 'application/json' }, payload: body });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].field).toMatch(/^contact(\.ex:n)+$/);
    expect(r.json().error.messageEn).toMatch(/nested deeper than 64/);
    const event = `{"type":"ObjectEvent","eventTime":"2026-03-01T10:00:00+08:00","eventTimeZoneOffset":"+08:00","epcList":["urn:epc:id:sgtin:0614141.107346.1"],"action":"OBSERVE","ex:deep":${deep(10_000)}}`;
    const doc = `{"@context":["${CONTEXT}",{"ex":"https://example.com/ex"}],"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-03-01T00:00:00Z","epcisBody":{"eventList":[${event}]}}`;
    const e = await app.inject({ method: 'POST', url: '/epcis/capture', headers: { ...epcisAuth, 'content-type': 'application/json' }, payload: doc });
    expect(e.statusCode, e.body).toBe(400);
    expect(e.json().detail ?? e.json().title).toBeTruthy();
  });

  it('EPCIS event times in year 0000 answer 400 naming eventTime', async () => {
    const ev = { type: 'ObjectEvent', eventTime: '0000-01-01T00:00:00Z', eventTimeZoneOffset: '+00:00', epcList: ['urn:epc:id:sgtin:0614141.107346.9'], action: 'OBSERVE', bizStep: 'inspecting' };
    const doc = { '@context': [CONTEXT], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-01T00:00:00Z', epcisBody: { eventList: [ev] } };
    const r = await app.inject({ method: 'POST', url: '/epcis/capture', headers: epcisAuth, payload: doc });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().detail).toContain('eventTime');
    const single = await app.inject({ method: 'POST', url: '/epcis/events', headers: epcisAuth, payload: { '@context': [CONTEXT], ...ev } });
    expect(single.statusCode, single.body).toBe(400);
  });
});

describe('broken multipart', () => {
  it('a body cut off mid-part or without its boundary answers 400', async () => {
    const headers = { 'content-type': 'multipart/form-data; boundary=cut' };
    const cut = await app.inject({ method: 'POST', url: '/api/v1/public/complaints', headers, payload: '--cut\r\nContent-Disposition: form-data; name="subject"\r\n\r\n违规' });
    expect(cut.statusCode, cut.body).toBe(400);
    expect(cut.json().error).toMatchObject({ code: expect.any(String), messageEn: expect.any(String) });
    const garbage = await app.inject({ method: 'POST', url: '/api/v1/public/complaints', headers, payload: 'no boundary here at all' });
    expect(garbage.statusCode, garbage.body).toBeLessThan(500);
    const noBoundary = await app.inject({ method: 'POST', url: '/api/v1/public/complaints', headers: { 'content-type': 'multipart/form-data' }, payload: '--x\r\n' });
    expect(noBoundary.statusCode, noBoundary.body).toBeGreaterThanOrEqual(400);
    expect(noBoundary.statusCode).toBeLessThan(500);
  });
});

describe('driver errors reach the handler wrapped: the code is read from the cause', () => {
  it('maps real PostgreSQL errors (through Drizzle) to 4xx', async () => {
    const db = app.database.db;
    const mini = Fastify();
    installErrorHandler(mini);
    // a plain table (this file's database is its own): a TEMP table lives on one pooled PostgreSQL connection only
    await db.execute(sql`CREATE TABLE hostile_t (k text PRIMARY KEY)`);
    mini.get('/nul', async () => db.execute(sql`SELECT ${'a\u0000b'}::text AS v`));
    mini.get('/year0', async () => db.execute(sql`SELECT '0000-01-01 00:00:00+00'::timestamptz AS v`));
    mini.get('/dup', async () => {
      await db.execute(sql`INSERT INTO hostile_t VALUES ('x') ON CONFLICT DO NOTHING`);
      return db.execute(sql`INSERT INTO hostile_t VALUES ('x')`);
    });
    const nul = await mini.inject('/nul');
    expect(nul.statusCode, nul.body).toBe(400);
    expect(nul.json().error.code).toBe('INVALID_TEXT');
    const y0 = await mini.inject('/year0');
    expect(y0.statusCode, y0.body).toBe(400);
    expect(y0.json().error.code).toBe('INVALID_DATETIME');
    const dup = await mini.inject('/dup');
    expect(dup.statusCode, dup.body).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已存在'), messageEn: expect.stringContaining('already exists') });
    await mini.close();
    await db.execute(sql`DROP TABLE hostile_t`);
  });
});
