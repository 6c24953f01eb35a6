import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, makeCreditCode } from '../../src/domain/credit-code.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildInsurer, buildTestingOrg, buildUser, operator, TEST_PASSWORD } from '../support/factories.js';

/**
 * The ministry admin creates and manages the users of registered organisations (buyers, insurers) and of the
 * published testing organisations — the first admin of an organisation that has none yet (after a phone call).
 */
let app: TestApp;
let ministry: Session;

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000, LOGIN_ADDRESS_FAILURES: 10_000 });
  ministry = await login(app, (await buildUser(app.services, 'ministry_admin')).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

let n = 0;
const uname = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;
const body9 = () => Array.from({ length: 9 }, () => CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)]).join('');
/** A registered organisation without any user yet (created by an operator, not by registering). */
const orgWithoutUsers = async (kind: 'buyer' | 'insurer', orgName = `${kind === 'buyer' ? '采购单位' : '保险机构'}${uname('o')}`) =>
  app.services.buyers.createOrgAsOperator(await operator(app.services), { orgName, creditCode: makeCreditCode('110105', body9()), contactName: '联系人', phone: '010-12345678', kind });

const userCount = async () => (await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]!.n;
const createUser = (s: Session, body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/users', headers: s.headers, payload: body });
const fields = (res: { json(): any }) => (res.json().error.details ?? []).map((d: { field: string }) => d.field);
const orgColumns = async (id: string) =>
  (await app.database.raw.query<{ buyer_org_id: string | null; testing_org_id: string | null; enterprise_id: string | null; authority_id: string | null; expert_id: string | null }>(
    'SELECT buyer_org_id, testing_org_id, enterprise_id, authority_id, expert_id FROM users WHERE id = $1',
    [id],
  )).rows[0]!;

/** Log in with the initial password and change it, as the web makes a new user do; the session goes on. */
async function firstLogin(username: string, initialPassword: string): Promise<Session> {
  const s = await login(app, username, initialPassword);
  const changed = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: s.headers, payload: { currentPassword: initialPassword, newPassword: 'Fresh-pass-2026!' } });
  expect(changed.statusCode, changed.body).toBe(204);
  return s;
}

describe('the directory of registered organisations (GET /api/v1/buyer-orgs)', () => {
  it('the ministry admin lists buyers or insurers, paged, searched by name or credit code', async () => {
    const tag = uname('目录');
    const buyer = await orgWithoutUsers('buyer', `采购单位${tag}`);
    const insurer = await orgWithoutUsers('insurer', `保险机构${tag}`);
    const insurers = await app.inject({ url: `/api/v1/buyer-orgs?kind=insurer&q=${encodeURIComponent(tag)}`, headers: ministry.headers });
    expect(insurers.statusCode, insurers.body).toBe(200);
    expect(insurers.json()).toMatchObject({ total: 1, page: 1, pageSize: 20, items: [{ id: insurer.id, kind: 'insurer', name: `保险机构${tag}`, creditCode: insurer.creditCode }] });
    expect(insurers.json().items[0]).not.toHaveProperty('phone');
    const byCode = await app.inject({ url: `/api/v1/buyer-orgs?kind=buyer&q=${buyer.creditCode.slice(0, 12).toLowerCase()}`, headers: ministry.headers });
    expect(byCode.json().items.map((o: { id: string }) => o.id)).toContain(buyer.id);
    expect(byCode.json().items.every((o: { kind: string }) => o.kind === 'buyer')).toBe(true);

    const all = await app.inject({ url: '/api/v1/buyer-orgs?kind=buyer&pageSize=1&page=2', headers: ministry.headers });
    const inDb = await app.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM buyer_orgs WHERE kind = 'buyer'");
    expect(all.json()).toMatchObject({ total: inDb.rows[0]!.n, page: 2, pageSize: 1 });
    expect(all.json().items).toHaveLength(inDb.rows[0]!.n >= 2 ? 1 : 0);
  });

  it('a missing or unknown kind → 400 naming kind; anyone but the ministry admin → 403', async () => {
    for (const url of ['/api/v1/buyer-orgs', '/api/v1/buyer-orgs?kind=testing_org']) {
      const res = await app.inject({ url, headers: ministry.headers });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toContain('kind');
    }
    const buyerAdmin = await login(app, (await buildBuyer(app.services)).user.username, TEST_PASSWORD);
    const officer = await login(app, (await buildUser(app.services, 'ministry_officer')).username, TEST_PASSWORD);
    for (const s of [buyerAdmin, officer]) expect((await app.inject({ url: '/api/v1/buyer-orgs?kind=buyer', headers: s.headers })).statusCode).toBe(403);
  });
});

describe('the ministry admin creates the users of buyers, insurers and testing organisations', () => {
  for (const kind of ['buyer', 'insurer'] as const) {
    it(`the first ${kind}_admin of a ${kind} without users: 201, logs in, sees and manages only its own organisation's users`, async () => {
      const org = await orgWithoutUsers(kind);
      const other = kind === 'buyer' ? await buildBuyer(app.services) : await buildInsurer(app.services);
      const username = uname(kind);
      const res = await createUser(ministry, { username, displayName: `${kind} 管理员`, role: `${kind}_admin`, organizationId: org.id });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().user).toMatchObject({ username, role: `${kind}_admin`, mustChangePassword: true, organization: { id: org.id, kind, name: org.name } });
      expect(await orgColumns(res.json().user.id)).toEqual({ buyer_org_id: org.id, testing_org_id: null, enterprise_id: null, authority_id: null, expert_id: null });

      // the ministry's list shows the user with its organisation and kind
      const listed = await app.inject({ url: `/api/v1/users?q=${username}`, headers: ministry.headers });
      expect(listed.json().items).toMatchObject([{ username, organization: { id: org.id, kind, name: org.name } }]);

      // the new admin logs in and manages its own organisation only
      const admin = await firstLogin(username, res.json().initialPassword);
      const staffName = uname(`${kind}-staff`);
      expect((await createUser(admin, { username: staffName, displayName: '员工', role: `${kind}_staff`, organizationId: org.id })).statusCode).toBe(201);
      const own = await app.inject({ url: '/api/v1/users?pageSize=200', headers: admin.headers });
      expect(own.statusCode).toBe(200);
      expect((own.json().items as { username: string }[]).map((u) => u.username).sort()).toEqual([username, staffName].sort());
      expect(own.json().total).toBe(2);

      // … and cannot create users in another organisation (403) nor touch another organisation's users (404)
      const before = await userCount();
      const foreign = await createUser(admin, { username: uname('x'), displayName: 'x', role: `${kind}_staff`, organizationId: other.org.id });
      expect(foreign.statusCode).toBe(403);
      expect(await userCount()).toBe(before);
      expect((await app.inject({ method: 'PATCH', url: `/api/v1/users/${other.user.id}`, headers: admin.headers, payload: { disabled: true } })).statusCode).toBe(404);
    });
  }

  it('the ministry admin resets and disables an insurer admin it created, as for an enterprise', async () => {
    const org = await orgWithoutUsers('insurer');
    const username = uname('ins-admin');
    const created = await createUser(ministry, { username, displayName: '保险管理员', role: 'insurer_admin', organizationId: org.id });
    const id = created.json().user.id as string;
    const session = await firstLogin(username, created.json().initialPassword);

    const reset = await app.inject({ method: 'POST', url: `/api/v1/users/${id}/reset-password`, headers: ministry.headers });
    expect(reset.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: session.headers })).statusCode).toBe(401); // signed out
    expect((await login(app, username, reset.json().initialPassword)).csrf).toBeTruthy();

    const disabled = await app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: ministry.headers, payload: { disabled: true } });
    expect(disabled.json()).toMatchObject({ disabled: true, organization: { id: org.id, kind: 'insurer' } });
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: reset.json().initialPassword } })).statusCode).toBe(401);
  });

  it('a testing organisation user: 201 with testing_org_id, logs in; it manages no users (403)', async () => {
    const testing = await buildTestingOrg(app.services);
    const username = uname('tester');
    const res = await createUser(ministry, { username, displayName: '检测员', role: 'testing_org_staff', organizationId: testing.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().user).toMatchObject({ role: 'testing_org_staff', organization: { id: testing.id, kind: 'testing_org', name: testing.name } });
    expect(await orgColumns(res.json().user.id)).toEqual({ buyer_org_id: null, testing_org_id: testing.id, enterprise_id: null, authority_id: null, expert_id: null });
    const s = await firstLogin(username, res.json().initialPassword);
    const me = await app.inject({ url: '/api/v1/auth/me', headers: s.headers });
    expect(me.json().user.organization).toMatchObject({ id: testing.id, kind: 'testing_org' });
    // the testing organisations have no admin role: their users are the ministry admin's to manage
    expect((await app.inject({ url: '/api/v1/users', headers: s.headers })).statusCode).toBe(403);
    expect((await createUser(s, { username: uname('x'), displayName: 'x', role: 'testing_org_staff', organizationId: testing.id })).statusCode).toBe(403);
  });

  it('the role must match the organisation’s kind: 400 naming organizationId (zh + en), nothing written', async () => {
    const buyer = await orgWithoutUsers('buyer');
    const insurer = await orgWithoutUsers('insurer');
    const testing = await buildTestingOrg(app.services);
    const draft = await app.services.portal.content.testingOrgs.create(await operator(app.services), { name: `草稿检测机构${uname('d')}`, accreditationNo: `CNAS ${uname('L')}`, provinceCode: '110000', scope: '测试', scopeFields: ['machine_tools'] });
    const before = await userCount();
    const cases: [string, string, RegExp][] = [
      ['insurer_admin', buyer.id, /采购单位/],
      ['buyer_admin', insurer.id, /保险机构/],
      ['insurer_staff', testing.id, /检测机构/],
      ['testing_org_staff', buyer.id, /采购单位/],
      ['buyer_staff', 'miit', /工信部/],
      ['enterprise_admin', insurer.id, /保险机构/],
      ['testing_org_staff', draft.id, /不存在/], // not published: not in the directory
    ];
    for (const [role, organizationId, zh] of cases) {
      const res = await createUser(ministry, { username: uname('mismatch'), displayName: 'x', role, organizationId });
      expect(res.statusCode, `${role} in ${organizationId}`).toBe(400);
      expect(fields(res)).toEqual(['organizationId']);
      const detail = res.json().error.details[0];
      expect(detail.message).toMatch(zh);
      expect(detail.messageEn).toMatch(/[a-z]/);
    }
    const one = await createUser(ministry, { username: uname('mismatch'), displayName: 'x', role: 'buyer_admin', organizationId: insurer.id });
    expect(one.json().error.details[0].message).toContain('保险机构管理员'); // names the roles the organisation takes
    expect(one.json().error.details[0].messageEn).toContain('Insurer administrator');
    expect(await userCount()).toBe(before);
  });
});
