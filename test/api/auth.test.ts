import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from '../support/app.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';

const LOGIN = '/api/v1/auth/login';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ LOGIN_MAX_FAILURES: 3, LOGIN_RATE_PER_MINUTE: 10_000, LOGIN_ADDRESS_FAILURES: 10_000 });
});
afterAll(async () => app?.close());

const attempt = (a: TestApp, username: string, password: string) =>
  a.inject({ method: 'POST', url: LOGIN, payload: { username, password } });

function expectErrorShape(body: any, code: string) {
  expect(body.error).toMatchObject({ code });
  expect(typeof body.error.message).toBe('string');
  expect(typeof body.error.messageEn).toBe('string');
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(body.error.messageEn).toMatch(/[A-Za-z]/);
  expect(body.error).toHaveProperty('details');
}

describe('login', () => {
  it('succeeds with the right password: user + csrfToken, httpOnly Lax session cookie, readable CSRF cookie', async () => {
    const u = await buildUser(app.services, 'enterprise_admin');
    const res = await attempt(app, u.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: u.id, username: u.username, role: 'enterprise_admin', mustChangePassword: false });
    expect(body.user.organization).toMatchObject({ id: u.enterpriseId, kind: 'enterprise' });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(typeof body.csrfToken).toBe('string');
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);

    const session = res.cookies.find((c) => c.name === 'reman_session');
    const csrf = res.cookies.find((c) => c.name === 'reman_csrf');
    expect(session).toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(String(session!.sameSite).toLowerCase()).toBe('lax');
    expect(session!.path).toBe('/');
    expect(session!.secure).toBeFalsy();
    expect(csrf).toBeDefined();
    expect(csrf!.httpOnly).toBeFalsy();
    expect(csrf!.value).toBe(body.csrfToken);
    expect(session!.value).not.toBe(csrf!.value);
  });

  it('username is case-insensitive and trimmed', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const res = await attempt(app, `  ${u.username.toUpperCase()} `, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(u.id);
  });

  it('wrong password → 401 INVALID_CREDENTIALS with zh and en messages, no cookie', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const res = await attempt(app, u.username, 'Wrong-pass-2026');
    expect(res.statusCode).toBe(401);
    expectErrorShape(res.json(), 'INVALID_CREDENTIALS');
    expect(res.cookies.find((c) => c.name === 'reman_session')).toBeUndefined();
  });

  it('unknown user → the same 401 as a wrong password (no user enumeration)', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const wrong = await attempt(app, u.username, 'Wrong-pass-2026');
    const unknown = await attempt(app, 'no-such-user-xyz', TEST_PASSWORD);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks the account after LOGIN_MAX_FAILURES wrong attempts: the right password from a new device gets the same 401', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const wrong = await attempt(app, u.username, 'Wrong-pass-first');
    for (let i = 0; i < 2; i++) expect((await attempt(app, u.username, `Wrong-pass-${i}x`)).statusCode).toBe(401);
    const locked = await attempt(app, u.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toEqual(wrong.json()); // nothing tells a locked account from a wrong password
    expect(locked.cookies.find((c) => c.name === 'reman_session')).toBeUndefined();
    const { rows } = await app.database.raw.query<{ locked: boolean }>(`SELECT locked_until > now() AS locked FROM users WHERE id = $1`, [u.id]);
    expect(rows[0]!.locked).toBe(true);
  });

  it('a locked account still lets its owner in from a known device (the reman_device cookie of an earlier login)', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const first = await attempt(app, u.username, TEST_PASSWORD);
    const device = first.cookies.find((c) => c.name === 'reman_device')!;
    expect(device.httpOnly).toBe(true);
    expect(device.path).toBe('/api/v1/auth/login');
    for (let i = 0; i < 3; i++) await attempt(app, u.username, `Wrong-pass-${i}k`);
    expect((await attempt(app, u.username, TEST_PASSWORD)).statusCode).toBe(401);
    const fromDevice = (password: string, value = device.value) => app.inject({ method: 'POST', url: LOGIN, payload: { username: u.username, password }, cookies: { reman_device: value } });
    // the known device still needs the right password, and another user's device does not count
    expect((await fromDevice('Wrong-pass-dev1')).statusCode).toBe(401);
    const other = await attempt(app, (await buildUser(app.services, 'enterprise_staff')).username, TEST_PASSWORD);
    expect((await fromDevice(TEST_PASSWORD, other.cookies.find((c) => c.name === 'reman_device')!.value)).statusCode).toBe(401);
    const owner = await fromDevice(TEST_PASSWORD);
    expect(owner.statusCode).toBe(200);
    const { rows } = await app.database.raw.query<{ failed_logins: number; locked_until: Date | null }>(`SELECT failed_logins, locked_until FROM users WHERE id = $1`, [u.id]);
    expect(rows[0]).toMatchObject({ failed_logins: 0, locked_until: null });
    const devices = await app.database.raw.query<{ row: string }>(`SELECT row_to_json(d)::text AS row FROM known_devices d WHERE user_id = $1`, [u.id]);
    expect(devices.rows).toHaveLength(1);
    expect(devices.rows[0]!.row).not.toContain(device.value); // stored as a digest only
  });

  it('a disabled account gets the same 401 whether or not the password is right', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const wrongPw = await attempt(app, u.username, 'Wrong-pass-2026');
    await app.database.raw.query(`UPDATE users SET disabled = true WHERE id = $1`, [u.id]);
    const right = await attempt(app, u.username, TEST_PASSWORD);
    const wrong = await attempt(app, u.username, 'Wrong-pass-2027');
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual(wrongPw.json());
    expect(wrong.json()).toEqual(wrongPw.json());
  });

  it('an expired lock starts a fresh count: one more wrong password does not lock again', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    for (let i = 0; i < 3; i++) await attempt(app, u.username, `Wrong-pass-${i}y`);
    expect((await attempt(app, u.username, TEST_PASSWORD)).statusCode).toBe(401);
    // let the lock expire
    await app.database.raw.query(`UPDATE users SET locked_until = now() - interval '1 minute' WHERE id = $1`, [u.id]);
    expect((await attempt(app, u.username, 'Wrong-pass-again1')).statusCode).toBe(401);
    const { rows } = await app.database.raw.query<{ failed_logins: number; locked: boolean }>(
      `SELECT failed_logins, coalesce(locked_until > now(), false) AS locked FROM users WHERE id = $1`,
      [u.id],
    );
    expect(rows[0]).toMatchObject({ failed_logins: 1, locked: false });
    expect((await attempt(app, u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('wrong current passwords on a password change count toward the lockout', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const s = await login(app, u.username, TEST_PASSWORD);
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: s.headers, payload: { currentPassword: `Guess-pass-${i}z`, newPassword: 'Brand-new-pass-1' } });
      expect(res.statusCode).toBe(400);
    }
    expect((await attempt(app, u.username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('a successful login resets the failure count', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    await attempt(app, u.username, 'Wrong-pass-1x');
    await attempt(app, u.username, 'Wrong-pass-2x');
    expect((await attempt(app, u.username, TEST_PASSWORD)).statusCode).toBe(200);
    await attempt(app, u.username, 'Wrong-pass-3x');
    await attempt(app, u.username, 'Wrong-pass-4x');
    // 2 failures since the success: still below the limit of 3
    expect((await attempt(app, u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('rejects a malformed body with 400 naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: LOGIN, payload: { username: 'someone' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('password');
  });
});

describe('login rate limit', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 3 });
  });
  afterAll(async () => limited?.close());

  it('the 4th attempt from one address within a minute → 429 RATE_LIMITED in the error shape', async () => {
    const u = await buildUser(limited.services, 'enterprise_staff');
    expect((await attempt(limited, u.username, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await attempt(limited, u.username, 'Wrong-pass-2026')).statusCode).toBe(401);
    expect((await attempt(limited, 'nobody-here', TEST_PASSWORD)).statusCode).toBe(401);
    const res = await attempt(limited, u.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(429);
    expectErrorShape(res.json(), 'RATE_LIMITED');
    expect(res.cookies.find((c) => c.name === 'reman_session')).toBeUndefined();
  });

  it('other endpoints are not limited by the login limit', async () => {
    const res = await limited.inject('/api/v1/authorities');
    expect(res.statusCode).toBe(200);
  });
});

describe('per-address backoff before any account lock (default limits)', () => {
  let guarded: TestApp;
  beforeAll(async () => {
    guarded = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000, LOGIN_ADDRESS_FAILURES: 5, LOGIN_MAX_FAILURES: 10 }); // the defaults
  });
  afterAll(async () => guarded?.close());
  const from = (remoteAddress: string, username: string, password: string, cookies?: Record<string, string>) =>
    guarded.inject({ method: 'POST', url: LOGIN, payload: { username, password }, remoteAddress, ...(cookies ? { cookies } : {}) });

  it('five anonymous wrong guesses do not lock the account; the guessing address then waits (429, Retry-After)', async () => {
    const miit = await buildUser(guarded.services, 'ministry_admin');
    for (let i = 0; i < 5; i++) expect((await from('198.51.100.20', miit.username, `Guess-pass-${i}q`)).statusCode).toBe(401);
    const throttled = await from('198.51.100.20', miit.username, TEST_PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expectErrorShape(throttled.json(), 'RATE_LIMITED');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // the owner, elsewhere, is not locked out
    expect((await from('192.0.2.30', miit.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('guesses from many addresses do lock the account — but not its owner on a known device', async () => {
    const u = await buildUser(guarded.services, 'ministry_admin');
    const device = (await from('192.0.2.40', u.username, TEST_PASSWORD)).cookies.find((c) => c.name === 'reman_device')!.value;
    for (let i = 0; i < 10; i++) expect((await from(`203.0.113.${100 + i}`, u.username, `Guess-pass-${i}w`)).statusCode).toBe(401);
    expect((await from('192.0.2.41', u.username, TEST_PASSWORD)).statusCode).toBe(401); // locked, new device
    expect((await from('192.0.2.42', u.username, TEST_PASSWORD, { reman_device: device })).statusCode).toBe(200);
  });
});

describe('session', () => {
  it('/auth/me without a cookie → 401 UNAUTHENTICATED', async () => {
    const res = await app.inject('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expectErrorShape(res.json(), 'UNAUTHENTICATED');
  });

  it('/auth/me with an unknown cookie → 401', async () => {
    const res = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: 'reman_session=not-a-real-session' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('/auth/me with the cookie returns the user and the CSRF token the browser holds', async () => {
    const u = await buildUser(app.services, 'authority_reviewer');
    const s = await login(app, u.username, TEST_PASSWORD);
    const res = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: u.id, role: 'authority_reviewer', organization: { id: 'prov-440000', kind: 'authority' } });
    expect(res.json().csrfToken).toBe(s.csrf);
  });

  it('CSRF: a cookie-authenticated POST needs the session’s token in X-CSRF-Token', async () => {
    const u = await buildUser(app.services, 'enterprise_admin');
    const s = await login(app, u.username, TEST_PASSWORD);
    const post = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'csrf-test' } });

    const none = await post({ cookie: s.cookie });
    expect(none.statusCode).toBe(403);
    expectErrorShape(none.json(), 'CSRF_FAILED');

    const wrong = await post({ cookie: s.cookie, 'x-csrf-token': `${s.csrf}x` });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('CSRF_FAILED');

    // another session's token does not fit this session
    const other = await login(app, u.username, TEST_PASSWORD);
    const crossed = await post({ cookie: s.cookie, 'x-csrf-token': other.csrf });
    expect(crossed.statusCode).toBe(403);
    expect(crossed.json().error.code).toBe('CSRF_FAILED');

    const tokensBefore = await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM api_tokens WHERE enterprise_id = $1', [u.enterpriseId]);
    expect(tokensBefore.rows[0]!.n).toBe(0);

    const ok = await post(s.headers);
    expect(ok.statusCode).toBe(201);
    const tokensAfter = await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM api_tokens WHERE enterprise_id = $1', [u.enterpriseId]);
    expect(tokensAfter.rows[0]!.n).toBe(1);
  });

  it('GET requests need no CSRF header', async () => {
    const u = await buildUser(app.services, 'enterprise_admin');
    const s = await login(app, u.username, TEST_PASSWORD);
    const res = await app.inject({ url: '/api/v1/tokens', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
  });

  it('logout → 204, clears cookies, and the old cookie no longer works', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const s = await login(app, u.username, TEST_PASSWORD);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'reman_session');
    expect(cleared?.value ?? '').toBe('');
    const after = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('logout with allSessions ends every session of the user ("退出所有设备"), not other users’', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const a = await login(app, u.username, TEST_PASSWORD);
    const b = await login(app, u.username, TEST_PASSWORD);
    const bystander = await login(app, (await buildUser(app.services, 'enterprise_staff')).username, TEST_PASSWORD);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: a.headers, payload: { allSessions: true } })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: a.cookie } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: b.cookie } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: bystander.cookie } })).statusCode).toBe(200);
  });

  it('expired sessions are purged (the hourly job’s work), live ones stay', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const live = await login(app, u.username, TEST_PASSWORD);
    const old = await login(app, u.username, TEST_PASSWORD);
    const oldHash = (await app.database.raw.query<{ token_hash: string }>(`SELECT token_hash FROM sessions WHERE user_id = $1 ORDER BY created_at DESC, token_hash LIMIT 1`, [u.id])).rows[0]!.token_hash;
    await app.database.raw.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [oldHash]);
    expect(await app.services.identity.purgeExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect((await app.database.raw.query(`SELECT 1 FROM sessions WHERE token_hash = $1`, [oldHash])).rows).toHaveLength(0);
    expect((await app.database.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [u.id])).rows[0]!.n).toBe(1);
    void live;
    void old;
  });

  it('logout signs out only that session', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const a = await login(app, u.username, TEST_PASSWORD);
    const b = await login(app, u.username, TEST_PASSWORD);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: a.headers })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: a.cookie } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: b.cookie } })).statusCode).toBe(200);
  });

  it('stores sessions only as digests', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const s = await login(app, u.username, TEST_PASSWORD);
    const token = /reman_session=([^;]+)/.exec(s.cookie)![1]!;
    const rows = await app.database.raw.query<{ row: string }>('SELECT row_to_json(s)::text AS row FROM sessions s WHERE user_id = $1', [u.id]);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const r of rows.rows) {
      expect(r.row).not.toContain(token);
      expect(r.row).not.toContain(s.csrf);
    }
  });
});

describe('percent-encoded paths', () => {
  // The router decodes "%61" to "a", so these reach the /api routes: the policy must still apply.
  it.each(['/%61pi/v1/users', '/%61pi/v1/audit', '/%61pi/v1/enterprises', '/%61pi/v1/auth/me', '/api/v1/%75sers'])(
    'anonymous GET %s → 401, not the data',
    async (url) => {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    },
  );

  it('an encoded path still needs the CSRF header and the right role', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const s = await login(app, u.username, TEST_PASSWORD);
    const noCsrf = await app.inject({ method: 'POST', url: '/%61pi/v1/tokens', headers: { cookie: s.cookie }, payload: { name: 'x' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_FAILED');
    const wrongRole = await app.inject({ method: 'GET', url: '/%61pi/v1/users', headers: { cookie: s.cookie } });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().error.code).toBe('FORBIDDEN');
  });
});

describe('Secure cookies', () => {
  let secureApp: TestApp;
  beforeAll(async () => {
    secureApp = await buildTestApp({ COOKIE_SECURE: 'always' });
  });
  afterAll(async () => secureApp?.close());

  it('marks both cookies Secure when COOKIE_SECURE=always', async () => {
    const u = await buildUser(secureApp.services, 'enterprise_staff');
    const res = await attempt(secureApp, u.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'reman_session')!.secure).toBe(true);
    expect(res.cookies.find((c) => c.name === 'reman_csrf')!.secure).toBe(true);
  });
});

describe('forced password change', () => {
  it('a user with an initial password may read /auth/me but nothing else until the password is changed', async () => {
    const u = await buildUser(app.services, 'enterprise_admin', { mustChangePassword: true });
    const s = await login(app, u.username, TEST_PASSWORD);

    const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);

    const blocked = await app.inject({ url: '/api/v1/enterprises', headers: { cookie: s.cookie } });
    expect(blocked.statusCode).toBe(403);
    expectErrorShape(blocked.json(), 'PASSWORD_CHANGE_REQUIRED');
    const blockedWrite = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: s.headers, payload: { name: 'x' } });
    expect(blockedWrite.statusCode).toBe(403);
    expect(blockedWrite.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const change = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: s.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-pass-77' },
    });
    expect(change.statusCode).toBe(204);

    const me2 = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me2.json().user.mustChangePassword).toBe(false);
    const list = await app.inject({ url: '/api/v1/enterprises', headers: { cookie: s.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((e: { id: string }) => e.id)).toEqual([u.enterpriseId]);

    // the old password is gone, the new one works
    expect((await attempt(app, u.username, TEST_PASSWORD)).statusCode).toBe(401);
    const again = await attempt(app, u.username, 'Brand-new-pass-77');
    expect(again.statusCode).toBe(200);
    expect(again.json().user.mustChangePassword).toBe(false);
  });
});

describe('password change', () => {
  const change = (headers: Record<string, string>, currentPassword: string, newPassword: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword, newPassword } });

  it('wrong current password → 400 naming currentPassword; the password is unchanged', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const s = await login(app, u.username, TEST_PASSWORD);
    const res = await change(s.headers, 'Not-the-pass-1', 'Brand-new-pass-77');
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json(), 'VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['currentPassword']);
    expect((await attempt(app, u.username, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await attempt(app, u.username, 'Brand-new-pass-77')).statusCode).toBe(401);
  });

  it.each([
    ['too short', 'short1a'],
    ['a common password', 'password12'],
    ['a repetition', 'aaaaaaaaa1'],
    ['the published demo password', 'Reman#2026'],
    ['digits only', '12345678901234'],
    ['the username', '{username}'],
  ])('weak new password (%s) → bilingual 400 naming newPassword', async (_label, weak) => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const s = await login(app, u.username, TEST_PASSWORD);
    const res = await change(s.headers, TEST_PASSWORD, weak.replace('{username}', `${u.username}1`));
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json(), 'VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['newPassword']);
    expect(res.json().error.details[0].message).toMatch(/密码/);
    expect((await attempt(app, u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a strong password just above the limit is accepted (zxcvbn score ≥ 3)', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const s = await login(app, u.username, TEST_PASSWORD);
    expect((await change(s.headers, TEST_PASSWORD, 'Reman#2027x')).statusCode).toBe(204);
  });

  it('the new password must differ from the current one', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const s = await login(app, u.username, TEST_PASSWORD);
    const res = await change(s.headers, TEST_PASSWORD, TEST_PASSWORD);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('newPassword');
  });

  it('needs the CSRF header like any other cookie-authenticated write', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const s = await login(app, u.username, TEST_PASSWORD);
    const res = await change({ cookie: s.cookie }, TEST_PASSWORD, 'Brand-new-pass-77');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect((await attempt(app, u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('signs out the user’s other sessions but keeps the current one', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const current = await login(app, u.username, TEST_PASSWORD);
    const other = await login(app, u.username, TEST_PASSWORD);
    const bystander = await login(app, (await buildUser(app.services, 'enterprise_staff')).username, TEST_PASSWORD);

    expect((await change(current.headers, TEST_PASSWORD, 'Brand-new-pass-77')).statusCode).toBe(204);

    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: current.cookie } })).statusCode).toBe(200);
    const gone = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: other.cookie } });
    expect(gone.statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: bystander.cookie } })).statusCode).toBe(200);
  });

  it('stores passwords hashed with scrypt, never in clear', async () => {
    const u = await buildUser(app.services, 'enterprise_staff');
    const s = await login(app, u.username, TEST_PASSWORD);
    const before = await app.database.raw.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [u.id]);
    expect(before.rows[0]!.password_hash.startsWith('scrypt$')).toBe(true);
    expect(before.rows[0]!.password_hash).not.toContain(TEST_PASSWORD);

    const newPassword = 'Brand-new-pass-77';
    expect((await change(s.headers, TEST_PASSWORD, newPassword)).statusCode).toBe(204);
    const after = await app.database.raw.query<{ password_hash: string; row: string }>(
      'SELECT password_hash, row_to_json(u)::text AS row FROM users u WHERE id = $1',
      [u.id],
    );
    expect(after.rows[0]!.password_hash.startsWith('scrypt$')).toBe(true);
    expect(after.rows[0]!.password_hash).not.toBe(before.rows[0]!.password_hash);
    expect(after.rows[0]!.row).not.toContain(newPassword);

    // two users with the same password get different hashes (salted)
    const v = await buildUser(app.services, 'enterprise_staff');
    const hashes = await app.database.raw.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = ANY($1::uuid[])', [[u.id, v.id]]);
    expect(new Set(hashes.rows.map((r) => r.password_hash)).size).toBe(2);
  });
});
