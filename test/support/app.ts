import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from '../../src/server/app.js';
import { testConfig, type AppConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import type { Clock } from '../../src/server/platform/clock.js';
import { freshDatabase } from './db.js';

export type TestApp = FastifyInstance & { services: Services; database: Database; config: AppConfig };

/** The real app on a fresh database. Close it in afterAll. */
export async function buildTestApp(overrides: Partial<AppConfig> = {}, opts: { clock?: Clock } = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, serveWeb: false, clock: opts.clock });
  return Object.assign(app, { database, config });
}

export interface Session {
  cookie: string;
  csrf: string;
  /** inject with this session's cookie and CSRF header */
  headers: Record<string, string>;
}

/** Log in through the API and return cookie + CSRF headers for later calls. */
export async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.json().csrfToken as string;
  return { cookie: cookies, csrf, headers: { cookie: cookies, 'x-csrf-token': csrf } };
}
