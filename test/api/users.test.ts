import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildBuyer, buildEnterprise, buildInsurer, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let entAdmin: Session;
let enterpriseId: string;
let otherEnterpriseId: string;
let gdAdmin: Session;
let ministry: Session;

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000, LOGIN_ADDRESS_FAILURES: 10_000 });
  const ea = await buildUser(app.services, 'enterprise_admin');
  enterpriseId = ea.enterpriseId!;
  otherEnterpriseId = (await buildEnterprise(app.services, { regionCode: '320505' })).id;
  entAdmin = await login(app, ea.username, TEST_PASSWORD);
  gdAdmin = await login(app, (await buildUser(app.services, 'authority_admin', { organizationId: 'prov-440000' })).username, TEST_PASSWORD);
  ministry = await login(app, (await buildUser(app.services, 'ministry_admin')).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

let n = 0;
const uname = (p = 'new') => `${p}-user-${Date.now().toString(36)}-${n++}`;

const userCount = async () => (await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]!.n;
const createUser = (s: Session, body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/users', headers: s.headers, payload: body });
const tryLogin = (username: string, password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const fields = (res: { json(): any }) => (res.json().error.details ?? []).map((d: { field: string }) => d.field);

describe('creating users', () => {
  it('an enterprise admin creates staff in its own enterprise; the initial password is shown once and must be changed', async () => {
    const username = uname('staff');
    const before = await userCount();
    const res = await createUser(entAdmin, { username, displayName: '新员工', role: 'enterprise_staff', organizationId: enterpriseId });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({ username, role: 'enterprise_staff', mustChangePassword: true, disabled: false, organization: { id: enterpriseId, kind: 'enterprise' } });
    expect(user).not.toHaveProperty('passwordHash');
    expect(typeof initialPassword).toBe('string');
    expect(initialPassword.length).toBeGreaterThanOrEqual(10);
    expect(await userCount()).toBe(before + 1);

    // the password is not stored in clear and is not shown again
    const row = await app.database.raw.query<{ row: string }>('SELECT row_to_json(u)::text AS row FROM users u WHERE id = $1', [user.id]);
    expect(row.rows[0]!.row).not.toContain(initialPassword);
    const listed = await app.inject({ url: `/api/v1/users?q=${username}`, headers: { cookie: entAdmin.cookie } });
    expect(listed.body).not.toContain(initialPassword);

    const first = await tryLogin(username, initialPassword);
    expect(first.statusCode).toBe(200);
    expect(first.json().user.mustChangePassword).toBe(true);
    const cookie = first.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const blocked = await app.inject({ url: '/api/v1/enterprises', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('normalises the username to lower case', async () => {
    const username = uname('mixed');
    const res = await createUser(entAdmin, { username: `  ${username.toUpperCase()} `, displayName: 'Mixed', role: 'enterprise_staff', organizationId: enterpriseId });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.username).toBe(username);
  });

  it('an enterprise admin may not grant an authority role (403), and nothing is written', async () => {
    const before = await userCount();
    const res = await createUser(entAdmin, { username: uname(), displayName: 'x', role: 'authority_reviewer', organizationId: 'prov-440000' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await userCount()).toBe(before);
  });

  it('an enterprise admin may not create users in another enterprise (403), and nothing is written', async () => {
    const before = await userCount();
    const res = await createUser(entAdmin, { username: uname(), displayName: 'x', role: 'enterprise_staff', organizationId: otherEnterpriseId });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await userCount()).toBe(before);
  });

  it('an authority admin creates reviewers for its own authority only', async () => {
    const own = await createUser(gdAdmin, { username: uname('rev'), displayName: '审核员', role: 'authority_reviewer', organizationId: 'prov-440000' });
    expect(own.statusCode).toBe(201);
    expect(own.json().user.organization).toMatchObject({ id: 'prov-440000', kind: 'authority' });

    const before = await userCount();
    const foreign = await createUser(gdAdmin, { username: uname('rev'), displayName: '审核员', role: 'authority_reviewer', organizationId: 'prov-320000' });
    expect(foreign.statusCode).toBe(403);
    expect(await userCount()).toBe(before);

    // nor enterprise users, nor ministry users
    const ent = await createUser(gdAdmin, { username: uname(), displayName: 'x', role: 'enterprise_staff', organizationId: enterpriseId });
    expect(ent.statusCode).toBe(403);
    const min = await createUser(gdAdmin, { username: uname(), displayName: 'x', role: 'ministry_admin', organizationId: 'miit' });
    expect(min.statusCode).toBe(403);
    expect(await userCount()).toBe(before);
  });

  it('rejects an organisation that does not match the role (400 naming organizationId)', async () => {
    const before = await userCount();
    const res = await createUser(ministry, { username: uname(), displayName: 'x', role: 'enterprise_staff', organizationId: 'prov-440000' });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['organizationId']);
    const miitReviewer = await createUser(ministry, { username: uname(), displayName: 'x', role: 'authority_reviewer', organizationId: 'miit' });
    expect(miitReviewer.statusCode).toBe(400);
    expect(await userCount()).toBe(before);
  });

  it('duplicate username → 409 USERNAME_TAKEN naming username', async () => {
    const username = uname('dup');
    expect((await createUser(entAdmin, { username, displayName: 'A', role: 'enterprise_staff', organizationId: enterpriseId })).statusCode).toBe(201);
    const before = await userCount();
    const res = await createUser(ministry, { username: username.toUpperCase(), displayName: 'B', role: 'enterprise_staff', organizationId: otherEnterpriseId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('USERNAME_TAKEN');
    expect(fields(res)).toEqual(['username']);
    expect(await userCount()).toBe(before);
  });

  it.each(['a', 'has space', '-leading-dash', 'bad/slash', 'x'.repeat(65), '用户名'])('bad username %j → 400 naming username', async (username) => {
    const before = await userCount();
    const res = await createUser(entAdmin, { username, displayName: 'x', role: 'enterprise_staff', organizationId: enterpriseId });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(fields(res)).toContain('username');
    expect(await userCount()).toBe(before);
  });

  it('unknown role → 400 naming role', async () => {
    const res = await createUser(ministry, { username: uname(), displayName: 'x', role: 'superuser', organizationId: 'miit' });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toContain('role');
  });

  it('staff and reviewers may not manage users at all', async () => {
    const staff = await login(app, (await buildUser(app.services, 'enterprise_staff', { organizationId: enterpriseId })).username, TEST_PASSWORD);
    const list = await app.inject({ url: '/api/v1/users', headers: { cookie: staff.cookie } });
    expect(list.statusCode).toBe(403);
    const create = await createUser(staff, { username: uname(), displayName: 'x', role: 'enterprise_staff', organizationId: enterpriseId });
    expect(create.statusCode).toBe(403);
  });
});

describe('listing users', () => {
  it('an admin sees only its own organisation’s users; the ministry admin sees all', async () => {
    await buildUser(app.services, 'enterprise_staff', { organizationId: otherEnterpriseId });
    await buildUser(app.services, 'authority_reviewer', { organizationId: 'prov-320000' });

    const ent = await app.inject({ url: '/api/v1/users?pageSize=200', headers: { cookie: entAdmin.cookie } });
    expect(ent.statusCode).toBe(200);
    const entItems = ent.json().items as { organization: { id: string } }[];
    expect(entItems.length).toBeGreaterThan(0);
    expect(entItems.every((u) => u.organization.id === enterpriseId)).toBe(true);
    const entInDb = await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE enterprise_id = $1', [enterpriseId]);
    expect(ent.json().total).toBe(entInDb.rows[0]!.n);

    const gd = await app.inject({ url: '/api/v1/users?pageSize=200', headers: { cookie: gdAdmin.cookie } });
    const gdItems = gd.json().items as { organization: { id: string } }[];
    expect(gdItems.length).toBeGreaterThan(0);
    expect(gdItems.every((u) => u.organization.id === 'prov-440000')).toBe(true);

    const all = await app.inject({ url: '/api/v1/users?pageSize=200', headers: { cookie: ministry.cookie } });
    expect(all.json().total).toBe(await userCount());
    const orgs = new Set((all.json().items as { organization: { id: string } }[]).map((u) => u.organization.id));
    expect(orgs).toContain(enterpriseId);
    expect(orgs).toContain(otherEnterpriseId);
    expect(orgs).toContain('prov-320000');
    expect(orgs).toContain('miit');
  });

  it('q filters by username within the scope', async () => {
    const username = uname('findme');
    await buildUser(app.services, 'enterprise_staff', { organizationId: otherEnterpriseId, username });
    const own = await app.inject({ url: `/api/v1/users?q=${username}`, headers: { cookie: entAdmin.cookie } });
    expect(own.json().total).toBe(0);
    const all = await app.inject({ url: `/api/v1/users?q=${username}`, headers: { cookie: ministry.cookie } });
    expect(all.json().items.map((u: { username: string }) => u.username)).toEqual([username]);
  });
});

describe('updating users', () => {
  it('PATCH disabled:true signs the user out and blocks login (the same 401 with the right password as with a wrong one)', async () => {
    const u = await buildUser(app.services, 'enterprise_staff', { organizationId: enterpriseId });
    const s = await login(app, u.username, TEST_PASSWORD);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);

    const res = await app.inject({ method: 'PATCH', url: `/api/v1/users/${u.id}`, headers: entAdmin.headers, payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);

    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    const right = await tryLogin(u.username, TEST_PASSWORD);
    const wrong = await tryLogin(u.username, 'Wrong-pass-2026');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual(wrong.json());

    const enable = await app.inject({ method: 'PATCH', url: `/api/v1/users/${u.id}`, headers: entAdmin.headers, payload: { disabled: false } });
    expect(enable.statusCode).toBe(200);
    expect((await tryLogin(u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('an admin cannot disable itself', async () => {
    const me = (await app.inject({ url: '/api/v1/auth/me', headers: { cookie: entAdmin.cookie } })).json().user;
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/users/${me.id}`, headers: entAdmin.headers, payload: { disabled: true } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CANNOT_DISABLE_SELF');
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: entAdmin.cookie } })).statusCode).toBe(200);
  });

  it('PATCH displayName; an empty body → 400', async () => {
    const u = await buildUser(app.services, 'enterprise_staff', { organizationId: enterpriseId });
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/users/${u.id}`, headers: entAdmin.headers, payload: { displayName: '改名' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().displayName).toBe('改名');
    const empty = await app.inject({ method: 'PATCH', url: `/api/v1/users/${u.id}`, headers: entAdmin.headers, payload: {} });
    expect(empty.statusCode).toBe(400);
  });

  it('an admin cannot PATCH or reset a user of another organisation (404), and nothing changes', async () => {
    const foreign = await buildUser(app.services, 'enterprise_staff', { organizationId: otherEnterpriseId });
    const patch = await app.inject({ method: 'PATCH', url: `/api/v1/users/${foreign.id}`, headers: entAdmin.headers, payload: { disabled: true } });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().error.code).toBe('NOT_FOUND');
    const reset = await app.inject({ method: 'POST', url: `/api/v1/users/${foreign.id}/reset-password`, headers: gdAdmin.headers });
    expect(reset.statusCode).toBe(404);
    const row = await app.database.raw.query<{ disabled: boolean; must_change_password: boolean }>('SELECT disabled, must_change_password FROM users WHERE id = $1', [foreign.id]);
    expect(row.rows[0]).toEqual({ disabled: false, must_change_password: false });
    expect((await tryLogin(foreign.username, TEST_PASSWORD)).statusCode).toBe(200);

    // an unknown id also → 404, a malformed one → 400
    const unknown = await app.inject({ method: 'PATCH', url: `/api/v1/users/00000000-0000-4000-8000-000000000000`, headers: ministry.headers, payload: { disabled: true } });
    expect(unknown.statusCode).toBe(404);
    const bad = await app.inject({ method: 'PATCH', url: `/api/v1/users/not-a-uuid`, headers: ministry.headers, payload: { disabled: true } });
    expect(bad.statusCode).toBe(400);
  });

  it('reset-password returns a new initial password that works for login and forces a change; old sessions end', async () => {
    const u = await buildUser(app.services, 'enterprise_staff', { organizationId: enterpriseId });
    const old = await login(app, u.username, TEST_PASSWORD);
    const res = await app.inject({ method: 'POST', url: `/api/v1/users/${u.id}/reset-password`, headers: entAdmin.headers });
    expect(res.statusCode).toBe(200);
    const { initialPassword } = res.json();
    expect(typeof initialPassword).toBe('string');
    expect(initialPassword).not.toBe(TEST_PASSWORD);

    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: old.cookie } })).statusCode).toBe(401);
    expect((await tryLogin(u.username, TEST_PASSWORD)).statusCode).toBe(401);
    const fresh = await tryLogin(u.username, initialPassword);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().user.mustChangePassword).toBe(true);

    const s: Session = (() => {
      const cookie = fresh.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return { cookie, csrf: fresh.json().csrfToken, headers: { cookie, 'x-csrf-token': fresh.json().csrfToken } };
    })();
    const change = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: s.headers, payload: { currentPassword: initialPassword, newPassword: 'Chosen-pass-2026' } });
    expect(change.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/enterprises', headers: { cookie: s.cookie } })).statusCode).toBe(200);
  });

  it('reset-password also lifts a lockout', async () => {
    const u = await buildUser(app.services, 'enterprise_staff', { organizationId: enterpriseId });
    for (let i = 0; i < app.config.LOGIN_MAX_FAILURES; i++) await tryLogin(u.username, `Wrong-pass-${i}x`);
    expect((await tryLogin(u.username, TEST_PASSWORD)).statusCode).toBe(401);
    const res = await app.inject({ method: 'POST', url: `/api/v1/users/${u.id}/reset-password`, headers: entAdmin.headers });
    expect((await tryLogin(u.username, res.json().initialPassword)).statusCode).toBe(200);
  });
});

describe('registered organisations (buyers, insurers) manage their own users', () => {
  for (const kind of ['buyer', 'insurer'] as const) {
    it(`the ${kind}'s admin creates, lists, renames, disables and resets its staff — only its own organisation's`, async () => {
      const build = kind === 'buyer' ? buildBuyer : buildInsurer;
      const mine = await build(app.services);
      const theirs = await build(app.services);
      const admin = await login(app, mine.user.username, TEST_PASSWORD);
      const staffRole = `${kind}_staff`;

      const username = uname(kind);
      const created = await createUser(admin, { username, displayName: `${kind} 员工`, role: staffRole, organizationId: mine.org.id });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().user).toMatchObject({ username, role: staffRole, mustChangePassword: true, organization: { id: mine.org.id, kind } });
      expect((await tryLogin(username, created.json().initialPassword)).statusCode).toBe(200);

      // the list holds its organisation's users only: the admin and the new staff member
      const list = await app.inject({ url: '/api/v1/users?pageSize=200', headers: admin.headers });
      expect(list.statusCode).toBe(200);
      expect((list.json().items as { username: string }[]).map((u) => u.username).sort()).toEqual([mine.user.username, username].sort());
      expect(list.json().total).toBe(2);

      // no roles of other kinds, no users of another organisation (403), nothing written
      const before = await userCount();
      expect((await createUser(admin, { username: uname(), displayName: 'x', role: 'enterprise_staff', organizationId: enterpriseId })).statusCode).toBe(403);
      expect((await createUser(admin, { username: uname(), displayName: 'x', role: staffRole, organizationId: theirs.org.id })).statusCode).toBe(403);
      expect(await userCount()).toBe(before);

      // its own staff: renamed, password reset, disabled; another organisation's admin: 404
      const id = created.json().user.id as string;
      expect((await app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: admin.headers, payload: { displayName: '改名' } })).json().displayName).toBe('改名');
      expect((await app.inject({ method: 'POST', url: `/api/v1/users/${id}/reset-password`, headers: admin.headers })).statusCode).toBe(200);
      expect((await app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: admin.headers, payload: { disabled: true } })).json().disabled).toBe(true);
      expect((await app.inject({ method: 'PATCH', url: `/api/v1/users/${theirs.user.id}`, headers: admin.headers, payload: { displayName: '越权' } })).statusCode).toBe(404);
      expect((await app.inject({ method: 'POST', url: `/api/v1/users/${theirs.user.id}/reset-password`, headers: admin.headers })).statusCode).toBe(404);

      // the staff member manages no one
      const staff = await buildUser(app.services, staffRole as 'buyer_staff', { organizationId: mine.org.id });
      const staffSession = await login(app, staff.username, TEST_PASSWORD);
      expect((await app.inject({ url: '/api/v1/users', headers: staffSession.headers })).statusCode).toBe(403);
    });
  }
});
