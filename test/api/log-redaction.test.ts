/**
 * The logs never carry credentials or personal data: the JSON log of a failed and a successful login, requests
 * with cookies, a Bearer token and a CSRF header, and a database error with SQL parameters is captured (pino
 * destination stream) and searched for each secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../src/server/app.js';
import { freshDatabase } from '../support/db.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';
import type { Database } from '../../src/server/db/client.js';

const lines: string[] = [];
let app: FastifyInstance & { services: Services };
let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
  app = await buildApp({ config: testConfig({ LOG_LEVEL: 'trace' }), database, serveWeb: false, logStream: { write: (l: string) => void lines.push(l) } });
});
afterAll(async () => app?.close());

describe('log redaction', () => {
  it('no password, cookie, token, CSRF value or SQL parameter reaches the log', async () => {
    const u = await buildUser(app.services, 'enterprise_admin');
    const guessed = 'Guessed-secret-4711';
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: guessed } });
    const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    expect(ok.statusCode).toBe(200);
    const session = ok.cookies.find((c) => c.name === 'reman_session')!.value;
    const csrf = ok.json().csrfToken as string;
    const cookie = ok.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const token = (await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie, 'x-csrf-token': csrf }, payload: { name: 'log test' } })).json().token as string;
    await app.inject({ url: '/api/v1/trace/products', headers: { authorization: `Bearer ${token}` } });
    await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie, 'x-csrf-token': csrf }, payload: { currentPassword: 'Wrong-current-0815', newPassword: 'New-secret-pass-99' } });

    // a database error whose SQL carries personal data as a parameter, and one whose message quotes the value
    const personal = '张三-13800138000';
    const failing = [
      database.db.execute(sql`SELECT ${personal}::int`),
      database.db.execute(sql`INSERT INTO users (id, username) VALUES (gen_random_uuid(), ${personal})`),
    ];
    for (const q of failing) {
      const err = await q.then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      app.log.error({ err }, 'database error (test)');
    }
    await new Promise((r) => setImmediate(r));

    const log = lines.join('');
    expect(log).toContain('database error (test)'); // the capture works
    expect(log).toContain('"type":"DrizzleQueryError"');
    for (const secret of [guessed, TEST_PASSWORD, 'Wrong-current-0815', 'New-secret-pass-99', session, csrf, token, personal, '13800138000']) {
      expect(log, `log contains ${secret}`).not.toContain(secret);
    }
  });
});
