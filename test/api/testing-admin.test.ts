/**
 * A testing organisation's administrator (role testing_org_admin, docs/decisions.md "Testing organisations'
 * administrators"; migration 20261216020000): the ministry admin makes one for a published directory entry; it
 * manages the users of its own organisation only (creates its staff, lists, renames, resets), is refused another
 * organisation's, and does what the organisation's staff do (issues a report in the organisation's name). Nobody
 * else but MIIT grants the testing roles; the database requires the organisation for both roles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildProduct, buildTestingOrg, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { auditCount } from './concurrency.helpers.js';

let app: TestApp;
let miit: Session, buyerAdmin: Session, labAdmin: Session;
let labA: { id: string; name: string }, labB: { id: string; name: string };
let otherStaff: { id: string; username: string }, enterpriseUser: { id: string };
let unit: string;
let enterpriseId: string;

const send = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const uname = (p: string) => `${p}-${Math.random().toString(36).slice(2, 9)}`;
const newUser = (role: string, organizationId: string) => ({ username: uname('lab'), displayName: '检测机构用户', role, organizationId });

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  const s = app.services;
  labA = await buildTestingOrg(s, { name: '管理员测试检测中心', scopeFields: ['machine_tools'] });
  labB = await buildTestingOrg(s, { name: '另一检测中心' });
  const e = await buildEnterprise(s, { regionCode: '440106' });
  enterpriseId = e.id;
  unit = (await buildProduct(s, e.id, { model: 'JC-ADM-1' })).code;
  const [m, b, o, eu] = await Promise.all([
    buildUser(s, 'ministry_admin'),
    buildUser(s, 'buyer_admin'),
    buildUser(s, 'testing_org_staff', { organizationId: labB.id }),
    buildUser(s, 'enterprise_staff', { organizationId: e.id }),
  ]);
  otherStaff = o;
  enterpriseUser = eu;
  [miit, buyerAdmin] = await Promise.all([login(app, m.username, TEST_PASSWORD), login(app, b.username, TEST_PASSWORD)]);
}, 240_000);
afterAll(async () => app?.close());

describe('a testing organisation’s administrator (testing_org_admin)', () => {
  it('the ministry admin creates one for a published testing organisation; it signs in as such', async () => {
    const res = await send(miit, 'POST', '/api/v1/users', newUser('testing_org_admin', labA.id));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.user).toMatchObject({ role: 'testing_org_admin', organization: { id: labA.id, kind: 'testing_org', name: labA.name } });
    expect(await auditCount(app, 'user.created', created.user.id)).toBe(1);
    // the initial password is changed first
    const first = await login(app, created.user.username, created.initialPassword);
    const pw = await send(first, 'POST', '/api/v1/auth/password', { currentPassword: created.initialPassword, newPassword: 'Jiance#2026-Admin-strong' });
    expect(pw.statusCode, pw.body).toBeLessThan(300);
    labAdmin = await login(app, created.user.username, 'Jiance#2026-Admin-strong');
    const me = (await send(labAdmin, 'GET', '/api/v1/auth/me')).json();
    expect(me.user).toMatchObject({ role: 'testing_org_admin', organization: { kind: 'testing_org', id: labA.id } });
    // the role does not fit another kind of organisation: 400 naming organizationId
    const onEnterprise = await send(miit, 'POST', '/api/v1/users', newUser('testing_org_admin', enterpriseId));
    expect(onEnterprise.statusCode).toBe(400);
    expect(onEnterprise.json().error.details[0].field).toBe('organizationId');
  });

  it('creates staff (and further admins) of its own organisation; refused for another organisation and for other roles', async () => {
    const staff = await send(labAdmin, 'POST', '/api/v1/users', newUser('testing_org_staff', labA.id));
    expect(staff.statusCode, staff.body).toBe(201);
    expect(staff.json().user).toMatchObject({ role: 'testing_org_staff', organization: { id: labA.id, kind: 'testing_org' } });
    expect((await send(labAdmin, 'POST', '/api/v1/users', newUser('testing_org_admin', labA.id))).statusCode).toBe(201);
    const elsewhere = await send(labAdmin, 'POST', '/api/v1/users', newUser('testing_org_staff', labB.id));
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.message).toContain('只能为本单位创建用户');
    expect((await send(labAdmin, 'POST', '/api/v1/users', newUser('enterprise_staff', enterpriseId))).statusCode).toBe(403); // not its role to grant
  });

  it('lists and manages only its own organisation’s users', async () => {
    const list = await send(labAdmin, 'GET', '/api/v1/users?pageSize=100');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ id: string; role: string; organization: { id: string } }>;
    expect(items.length).toBe(3); // itself, its staff and the second admin
    expect(items.every((u) => u.organization.id === labA.id)).toBe(true);
    expect(items.map((u) => u.id)).not.toContain(otherStaff.id);
    const own = items.find((u) => u.role === 'testing_org_staff')!;
    const renamed = await send(labAdmin, 'PATCH', `/api/v1/users/${own.id}`, { displayName: '改名的检测员' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await send(labAdmin, 'POST', `/api/v1/users/${own.id}/reset-password`)).statusCode).toBe(200);
    // another organisation's user and an enterprise's user are unknown to it (404), not changed
    for (const id of [otherStaff.id, enterpriseUser.id]) {
      expect((await send(labAdmin, 'PATCH', `/api/v1/users/${id}`, { displayName: 'x' })).statusCode).toBe(404);
      expect((await send(labAdmin, 'POST', `/api/v1/users/${id}/reset-password`)).statusCode).toBe(404);
    }
    const other = (await app.database.raw.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [otherStaff.id])).rows[0];
    expect(other?.display_name).not.toBe('x');
  });

  it('does what the organisation’s staff do: issues a report in its name and lists what the organisation issued', async () => {
    const res = await send(labAdmin, 'POST', '/api/v1/catalogue/product-reports', { productCode: unit, reportNo: 'JC-ADM-001', issuedOn: '2026-11-02', field: 'machine_tools', conclusion: '合格' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ testingOrgId: labA.id, issuedByOrg: true, orgName: labA.name });
    const issued = await send(labAdmin, 'GET', '/api/v1/catalogue/product-reports/issued');
    expect(issued.statusCode).toBe(200);
    expect(issued.json().items.map((r: { reportNo: string }) => r.reportNo)).toEqual(['JC-ADM-001']);
    // the other organisation's staff do not see it
    const other = await login(app, otherStaff.username, TEST_PASSWORD);
    expect((await send(other, 'GET', '/api/v1/catalogue/product-reports/issued')).json().items).toEqual([]);
  });

  it('a buyer admin grants no testing role; a testing organisation’s staff manages no users', async () => {
    for (const role of ['testing_org_staff', 'testing_org_admin']) {
      const res = await send(buyerAdmin, 'POST', '/api/v1/users', newUser(role, labA.id));
      expect(res.statusCode, role).toBe(403);
    }
    const staff = await login(app, otherStaff.username, TEST_PASSWORD);
    expect((await send(staff, 'GET', '/api/v1/users')).statusCode).toBe(403);
    expect((await send(staff, 'POST', '/api/v1/users', newUser('testing_org_staff', labB.id))).statusCode).toBe(403);
  });

  it('the database holds both testing roles to a testing organisation (migration 20261216020000)', async () => {
    const q = (sql: string, params: unknown[]) => app.database.raw.query(sql, params);
    // an admin without its organisation, or a testing organisation's user holding an enterprise role: refused
    await expect(q(`UPDATE users SET role = 'testing_org_admin' WHERE id = $1`, [enterpriseUser.id])).rejects.toThrow(/users_testing_org/);
    await expect(q(`UPDATE users SET role = 'enterprise_staff', testing_org_id = NULL, enterprise_id = $2 WHERE id = $1`, [otherStaff.id, enterpriseId])).resolves.toBeDefined();
    await expect(q(`UPDATE users SET role = 'testing_org_admin' WHERE id = $1`, [otherStaff.id])).rejects.toThrow(/users_testing_org/);
    await expect(q(`UPDATE users SET role = 'testing_org_staff', testing_org_id = $2, enterprise_id = NULL WHERE id = $1`, [otherStaff.id, labB.id])).resolves.toBeDefined();
    await expect(q(`UPDATE users SET role = 'testing_org_admin' WHERE id = $1`, [otherStaff.id])).resolves.toBeDefined();
  });
});
