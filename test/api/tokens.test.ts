import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let admin: Session;
let enterpriseId: string;
let otherAdmin: Session;
let otherEnterpriseId: string;

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  const a = await buildUser(app.services, 'enterprise_admin');
  enterpriseId = a.enterpriseId!;
  admin = await login(app, a.username, TEST_PASSWORD);
  const b = await buildUser(app.services, 'enterprise_admin');
  otherEnterpriseId = b.enterpriseId!;
  otherAdmin = await login(app, b.username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

const createToken = async (s: Session, name: string) => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: s.headers, payload: { name } });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; token: string };
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('creating and listing tokens', () => {
  it('an enterprise admin creates a token: 201 {id, token}; only a hash is stored', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: admin.headers, payload: { name: 'MES 接口' } });
    expect(res.statusCode).toBe(201);
    const { id, token } = res.json();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(token).toMatch(/^rmn_[A-Za-z0-9_-]{40,}$/);

    const rows = await app.database.raw.query<{ row: string; token_hash: string; prefix: string }>(
      'SELECT row_to_json(t)::text AS row, token_hash, prefix FROM api_tokens t WHERE id = $1',
      [id],
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.row).not.toContain(token);
    expect(rows.rows[0]!.token_hash).not.toBe(token);
    expect(rows.rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(token.startsWith(rows.rows[0]!.prefix)).toBe(true);
    expect(rows.rows[0]!.prefix.length).toBeLessThan(token.length / 2);

    // nor is it anywhere in the audit trail
    const audit = await app.database.raw.query<{ row: string }>('SELECT row_to_json(a)::text AS row FROM audit_log a');
    expect(audit.rows.some((r) => r.row.includes(token))).toBe(false);
  });

  it('GET lists tokens with their prefix but never the token or its hash', async () => {
    const { id, token } = await createToken(admin, 'listed');
    const res = await app.inject({ url: '/api/v1/tokens', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((t: { id: string }) => t.id === id);
    expect(item).toMatchObject({ id, name: 'listed', revokedAt: null });
    expect(token.startsWith(item.prefix)).toBe(true);
    expect(res.body).not.toContain(token);
    expect(Object.keys(item).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes']);
  });

  it('lists only the caller’s enterprise’s tokens', async () => {
    const { id } = await createToken(otherAdmin, 'other-enterprise');
    const mine = await app.inject({ url: '/api/v1/tokens', headers: { cookie: admin.cookie } });
    expect(mine.json().items.map((t: { id: string }) => t.id)).not.toContain(id);
    const theirs = await app.inject({ url: '/api/v1/tokens', headers: { cookie: otherAdmin.cookie } });
    expect(theirs.json().items.map((t: { id: string }) => t.id)).toContain(id);
  });

  it('a blank name → 400 naming name', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: admin.headers, payload: { name: '   ' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('name');
  });

  it('enterprise staff and authority users cannot create or list tokens (403)', async () => {
    const staff = await login(app, (await buildUser(app.services, 'enterprise_staff', { organizationId: enterpriseId })).username, TEST_PASSWORD);
    const before = (await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM api_tokens')).rows[0]!.n;
    const res = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: staff.headers, payload: { name: 'nope' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await app.inject({ url: '/api/v1/tokens', headers: { cookie: staff.cookie } })).statusCode).toBe(403);

    const reviewer = await login(app, (await buildUser(app.services, 'authority_admin')).username, TEST_PASSWORD);
    expect((await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: reviewer.headers, payload: { name: 'nope' } })).statusCode).toBe(403);
    const after = (await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM api_tokens')).rows[0]!.n;
    expect(after).toBe(before);
  });
});

describe('using a token', () => {
  it('reads its own enterprise, lists only it, and gets 404 for another enterprise', async () => {
    const { token } = await createToken(admin, 'reader');
    const own = await app.inject({ url: `/api/v1/enterprises/${enterpriseId}`, headers: bearer(token) });
    expect(own.statusCode).toBe(200);
    expect(own.json().id).toBe(enterpriseId);

    const list = await app.inject({ url: '/api/v1/enterprises', headers: bearer(token) });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(1);
    expect(list.json().items.map((e: { id: string }) => e.id)).toEqual([enterpriseId]);

    const foreign = await app.inject({ url: `/api/v1/enterprises/${otherEnterpriseId}`, headers: bearer(token) });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    const foreignSites = await app.inject({ url: `/api/v1/enterprises/${otherEnterpriseId}/sites`, headers: bearer(token) });
    expect(foreignSites.statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/enterprises/${enterpriseId}/sites`, headers: bearer(token) })).statusCode).toBe(200);
  });

  it('records when it was last used', async () => {
    const { id, token } = await createToken(admin, 'touched');
    const before = await app.database.raw.query<{ last_used_at: Date | null }>('SELECT last_used_at FROM api_tokens WHERE id = $1', [id]);
    expect(before.rows[0]!.last_used_at).toBeNull();
    await app.inject({ url: '/api/v1/enterprises', headers: bearer(token) });
    const after = await app.database.raw.query<{ last_used_at: Date | null }>('SELECT last_used_at FROM api_tokens WHERE id = $1', [id]);
    expect(after.rows[0]!.last_used_at).not.toBeNull();
  });

  it('may not manage tokens, edit the enterprise, or reach user/admin routes (403)', async () => {
    const { token } = await createToken(admin, 'limited');
    const post = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(token), payload: { name: 'escalate' } });
    expect(post.statusCode).toBe(403);
    expect(post.json().error.code).toBe('FORBIDDEN');

    const patch = await app.inject({ method: 'PATCH', url: `/api/v1/enterprises/${enterpriseId}`, headers: bearer(token), payload: { contactPhone: '020-88888888' } });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.code).toBe('FORBIDDEN');
    const row = await app.database.raw.query<{ contact_phone: string }>('SELECT contact_phone FROM enterprises WHERE id = $1', [enterpriseId]);
    expect(row.rows[0]!.contact_phone).not.toBe('020-88888888');

    expect((await app.inject({ url: '/api/v1/users', headers: bearer(token) })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/tokens', headers: bearer(token) })).statusCode).toBe(403);
    const me = await app.inject({ url: '/api/v1/auth/me', headers: bearer(token) });
    expect(me.statusCode).toBe(403);
  });

  it('Bearer writes are not subject to CSRF, and the bearer — not a session cookie sent alongside — decides who calls', async () => {
    const { token } = await createToken(admin, 'no-csrf');
    // No X-CSRF-Token header: a cookie write would fail with CSRF_FAILED; a bearer write goes straight to the role check.
    const res = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(token), payload: { name: 'x' } });
    expect(res.json().error.code).not.toBe('CSRF_FAILED');
    // The admin's session cookie next to the bearer grants nothing: the token's own (read-only) role applies.
    const mixed = await app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { ...bearer(token), cookie: admin.cookie },
      payload: { name: 'x' },
    });
    expect(mixed.statusCode).toBe(403);
    expect(mixed.json().error.code).toBe('FORBIDDEN');
    // Without the bearer, the same cookie-only write is stopped by CSRF.
    const cookieOnly = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: admin.cookie }, payload: { name: 'x' } });
    expect(cookieOnly.json().error.code).toBe('CSRF_FAILED');
  });

  it('garbage or malformed Authorization → 401', async () => {
    for (const authorization of ['Bearer garbage', 'Bearer rmn_notarealtoken', `Bearer ${'rmn_'.padEnd(47, 'x')}`]) {
      const res = await app.inject({ url: '/api/v1/enterprises', headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_TOKEN');
    }
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b']) {
      const res = await app.inject({ url: '/api/v1/enterprises', headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    // a bad bearer is not rescued by a valid cookie
    const withCookie = await app.inject({ url: '/api/v1/enterprises', headers: { authorization: 'Bearer garbage', cookie: admin.cookie } });
    expect(withCookie.statusCode).toBe(401);
  });
});

describe('revoking tokens', () => {
  it('DELETE revokes: the token then gets 401 INVALID_TOKEN; the list shows revokedAt', async () => {
    const { id, token } = await createToken(admin, 'to-revoke');
    expect((await app.inject({ url: '/api/v1/enterprises', headers: bearer(token) })).statusCode).toBe(200);

    const del = await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: admin.headers });
    expect(del.statusCode).toBe(204);

    const res = await app.inject({ url: '/api/v1/enterprises', headers: bearer(token) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_TOKEN');

    const list = await app.inject({ url: '/api/v1/tokens', headers: { cookie: admin.cookie } });
    expect(list.json().items.find((t: { id: string }) => t.id === id).revokedAt).not.toBeNull();

    // revoking again is harmless
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: admin.headers })).statusCode).toBe(204);
  });

  it('one enterprise admin cannot revoke another enterprise’s token (404); the token keeps working', async () => {
    const { id, token } = await createToken(otherAdmin, 'not-yours');
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: admin.headers });
    expect(del.statusCode).toBe(404);
    expect(del.json().error.code).toBe('NOT_FOUND');
    expect((await app.inject({ url: '/api/v1/enterprises', headers: bearer(token) })).statusCode).toBe(200);
    const row = await app.database.raw.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM api_tokens WHERE id = $1', [id]);
    expect(row.rows[0]!.revoked_at).toBeNull();
  });

  it('DELETE needs the CSRF header and a UUID', async () => {
    const { id, token } = await createToken(admin, 'csrf-delete');
    const noCsrf = await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: { cookie: admin.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_FAILED');
    expect((await app.inject({ url: '/api/v1/enterprises', headers: bearer(token) })).statusCode).toBe(200);
    const bad = await app.inject({ method: 'DELETE', url: '/api/v1/tokens/123', headers: admin.headers });
    expect(bad.statusCode).toBe(400);
  });

  it('tokens of an enterprise created by another enterprise are independent', async () => {
    // a brand-new enterprise has no tokens
    const e = await buildEnterprise(app.services);
    const u = await buildUser(app.services, 'enterprise_admin', { organizationId: e.id });
    const s = await login(app, u.username, TEST_PASSWORD);
    const list = await app.inject({ url: '/api/v1/tokens', headers: { cookie: s.cookie } });
    expect(list.json().items).toEqual([]);
  });
});

describe('token scopes', () => {
  const create = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/tokens', headers: admin.headers, payload });

  it('lists the known scopes for the token form', async () => {
    const res = await app.inject({ url: '/api/v1/tokens/scopes', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((s: { scope: string }) => s.scope)).toEqual(expect.arrayContaining(['epcis:write', 'epcis:read', 'trace:read']));
    expect(res.json().items[0].label.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a token carries the scopes chosen at creation, shown in the list; omitted scopes = the three base scopes', async () => {
    const chosen = await create({ name: 'ERP 读取', scopes: ['trace:read', 'trace:read'] });
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json().scopes).toEqual(['trace:read']);
    const plain = await create({ name: 'MES 默认' });
    expect(plain.json().scopes).toEqual(['epcis:write', 'epcis:read', 'trace:read']);
    const items = (await app.inject({ url: '/api/v1/tokens', headers: { cookie: admin.cookie } })).json().items;
    expect(items.find((t: { id: string }) => t.id === chosen.json().id).scopes).toEqual(['trace:read']);
    expect(items.find((t: { id: string }) => t.id === plain.json().id).scopes).toEqual(['epcis:write', 'epcis:read', 'trace:read']);
  });

  it('unknown or no scopes → 400 naming scopes', async () => {
    for (const scopes of [['trace:write'], [], ['admin']]) {
      const res = await create({ name: 'bad', scopes });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)[0]).toMatch(/^scopes/);
    }
  });

  it('a token reaches exactly its scopes: trace:read reads products and genealogy, not EPCIS; 403 names the missing scope', async () => {
    const reader = (await create({ name: 'ERP', scopes: ['trace:read'] })).json().token as string;
    const writer = (await create({ name: 'MES', scopes: ['epcis:write'] })).json().token as string;

    expect((await app.inject({ url: '/api/v1/trace/products', headers: bearer(reader) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/trace/RM-NOT-A-PRODUCT-1', headers: bearer(reader) })).statusCode).toBe(404); // reached the genealogy route
    // /epcis answers in its RFC 7807 problem shape
    const noEvents = await app.inject({ url: '/epcis/events', headers: bearer(reader) });
    expect(noEvents.statusCode).toBe(403);
    expect(noEvents.json()).toMatchObject({ code: 'INSUFFICIENT_SCOPE', errors: { scope: 'epcis:read' } });
    const noCapture = await app.inject({ method: 'POST', url: '/epcis/capture', headers: bearer(reader), payload: {} });
    expect(noCapture.statusCode).toBe(403);
    expect(noCapture.json().errors.scope).toBe('epcis:write');

    const noProducts = await app.inject({ url: '/api/v1/trace/products', headers: bearer(writer) });
    expect(noProducts.statusCode).toBe(403);
    expect(noProducts.json().error).toMatchObject({ code: 'INSUFFICIENT_SCOPE', details: { scope: 'trace:read' } });
    expect(noProducts.json().error.message).toContain('trace:read');
    // with the scope, the capture route is reached (and validates the document)
    expect((await app.inject({ method: 'POST', url: '/epcis/capture', headers: bearer(writer), payload: {} })).statusCode).not.toBe(403);
  });

  it('tokens issued before scopes existed keep epcis:write, epcis:read and trace:read (migration)', async () => {
    const { rows } = await app.database.raw.query<{ d: string | null }>(
      `SELECT pg_get_expr(adbin, adrelid) AS d FROM pg_attrdef JOIN pg_attribute a ON a.attrelid = adrelid AND a.attnum = adnum WHERE adrelid = 'api_tokens'::regclass AND a.attname = 'scopes'`,
    );
    expect(rows).toHaveLength(0); // no default left: every new token states its scopes
    const migration = await import('node:fs/promises').then((fs) => fs.readFile('src/server/db/migrations/20261205020000_security.sql', 'utf8'));
    expect(migration).toMatch(/DEFAULT ARRAY\['epcis:write', 'epcis:read', 'trace:read'\]/);
  });

  it('a route open to tokens must declare a known scope, or it refuses to register', async () => {
    const Fastify = (await import('fastify')).default;
    const { authPlugin } = await import('../../src/server/platform/auth.js');
    const probe = Fastify();
    await probe.register(authPlugin, { config: app.config, resolvers: { session: async () => null, apiToken: async () => null } });
    expect(() => probe.get('/api/v1/probe', { config: { policy: { roles: ['enterprise_token'] } } }, async () => ({}))).toThrow(/scope/);
    expect(() => probe.get('/api/v1/probe2', { config: { policy: { roles: ['enterprise_token'], scope: 'nope:nope' } } }, async () => ({}))).toThrow(/scope/);
    expect(() => probe.get('/api/v1/probe3', { config: { policy: { roles: ['enterprise_token'], scope: 'trace:read' } } }, async () => ({}))).not.toThrow();
    await probe.close();
  });
});
