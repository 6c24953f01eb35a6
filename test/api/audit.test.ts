import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let admin: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  app = await buildTestApp();
  const u = await buildUser(app.services, 'ministry_admin');
  admin = await login(app, u.username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

const verify = async () => (await app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.headers })).json();

describe('audit trail', () => {
  it('records every write with who, what, which object, from where, and a digest', async () => {
    const e = await buildEnterprise(app.services);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/enterprises/${e.id}`,
      headers: { ...admin.headers, 'x-request-id': 'req-audit-1' },
      payload: { contactPhone: '020-11112222' },
    });
    expect(res.statusCode).toBe(200);
    const { rows } = await app.database.raw.query<{ action: string; object_id: string; actor_role: string; ip: string; request_id: string; digest: string }>(
      `SELECT action, object_id, actor_role, ip, request_id, digest FROM audit_log WHERE request_id = 'req-audit-1'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'enterprise.updated', object_id: e.id, actor_role: 'ministry_admin', ip: '127.0.0.1' });
    expect(rows[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a refused write leaves no audit row and no data', async () => {
    const count = async () => Number((await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n);
    const before = await count();
    const res = await app.inject({ method: 'POST', url: '/api/v1/enterprises', headers: admin.headers, payload: { name: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('the chain verifies; lists newest first', async () => {
    const report = await verify();
    expect(report.ok).toBe(true);
    expect(report.firstBrokenAt).toBeNull();
    expect(report.entries).toBeGreaterThan(3);
    const list = (await app.inject({ method: 'GET', url: '/api/v1/audit?pageSize=5', headers: admin.headers })).json();
    expect(list.items).toHaveLength(5);
    expect(list.items[0].id).toBeGreaterThan(list.items[1].id);
    expect(list.total).toBe(report.entries);
  });

  it('is append-only: UPDATE and DELETE are refused by the database', async () => {
    await expect(app.database.raw.exec(`UPDATE audit_log SET action = 'x' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(app.database.raw.exec(`DELETE FROM audit_log WHERE id = 1`)).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it('reports the first broken entry after a direct edit that bypasses the trigger', async () => {
    const { rows } = await app.database.raw.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2');
    const target = Number(rows[0]!.id);
    await app.database.raw.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET actor_username = 'mallory' WHERE id = ${target};
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    const report = await verify();
    expect(report).toMatchObject({ ok: false, firstBrokenAt: target });
    expect(report.entries).toBeGreaterThan(target);
  });

  it('only the ministry admin may read or verify it', async () => {
    const reviewer = await buildUser(app.services, 'authority_reviewer');
    const s = await login(app, reviewer.username, TEST_PASSWORD);
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: s.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit/verify' })).statusCode).toBe(401);
  });
});
