import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { buildApp, type Services } from '../../src/server/app.js';
import { testConfig, testEnvironment, type AppConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { seedDemoData } from '../../src/server/demo.js';
import { restoreBlobs, seedConfig, usableSnapshot } from './browser-snapshot.js';
import { databaseFromDump, freshDatabase } from './db.js';
import { describeWith } from './tools.js';

/**
 * Browser-test support: the real server (built web app, fresh database, demo world) on a free port,
 * driven by playwright-core in the system Chromium. Never downloads a browser.
 */

/** The machine has no network: without the background-networking flags Chromium stalls on start. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why browser tests cannot run here, or null when they can. */
export function browserUnavailableReason(): string | null {
  const { chromiumPath } = testEnvironment();
  return existsSync(chromiumPath) ? null : `Chromium not found at ${chromiumPath} (set CHROMIUM_PATH)`;
}

/** Build the web app once when config.WEB_DIST_DIR has no index.html. */
export function ensureWebBuild(config: AppConfig = testConfig()): void {
  const index = resolve(config.WEB_DIST_DIR, 'index.html');
  if (existsSync(index)) return;
  console.log(`[browser tests] ${index} missing: building the web app (vite build)…`);
  const res = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
  if (res.status !== 0 || !existsSync(index)) throw new Error(`vite build failed (exit ${res.status ?? res.signal})`);
}

export interface WebServer {
  baseUrl: string;
  services: Services;
  database: Database;
  close(): Promise<void>;
}

/**
 * The real app serving the built web app, on a fresh database with the demo world, on 127.0.0.1:<free port>. The
 * world is the run's demo snapshot (test/support/browser-snapshot.ts) opened as this file's own copy, or seeded here
 * when the snapshot would not be faithful (PostgreSQL, overrides that change the seed, another day).
 */
export async function startWebServer(overrides: Partial<AppConfig> = {}, phases: SetupPhases = setupPhases()): Promise<WebServer> {
  const config = seedConfig(overrides);
  ensureWebBuild(config);
  phases.lap('web build check');
  const use = usableSnapshot(inject('browserDemoSnapshot'), overrides);
  if ('reason' in use) phases.note(`own seed: ${use.reason}`);
  const database = 'snapshot' in use ? await databaseFromDump(`${use.snapshot.dir}/pgdata.tar`) : await freshDatabase();
  phases.lap('snapshot' in use ? 'database from snapshot' : 'database + migrations');
  const app = await buildApp({ config, database, serveWeb: true });
  phases.lap('app build');
  if ('snapshot' in use) {
    await restoreBlobs(app.services, use.snapshot);
    phases.lap('file store from snapshot');
  } else {
    await seedDemoData(app.services, database, config);
    phases.lap('demo seed');
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  phases.lap('listen');
  const { port } = app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, services: app.services, database, close: () => app.close() };
}

/** Wall time of each set-up phase of a browser file, printed as one line (docs/performance.md "Test suite time"). */
export interface SetupPhases {
  lap(name: string): void;
  note(text: string): void;
  report(prefix: string): void;
}

export function setupPhases(): SetupPhases {
  const laps: [string, number][] = [];
  const notes: string[] = [];
  let last = performance.now();
  const start = last;
  return {
    lap(name) {
      const now = performance.now();
      laps.push([name, now - last]);
      last = now;
    },
    note: (text) => void notes.push(text),
    report(prefix) {
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      console.log(`[browser tests] ${prefix} set-up ${s(performance.now() - start)}: ${laps.map(([n, ms]) => `${n} ${s(ms)}`).join(', ')}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    },
  };
}

export function launchChromium(): Promise<Browser> {
  const unavailable = browserUnavailableReason();
  if (unavailable) throw new Error(`browser tests cannot run: ${unavailable}`);
  return chromium.launch({ executablePath: testEnvironment().chromiumPath, args: CHROMIUM_ARGS, timeout: NAVIGATION_TIMEOUT });
}

/**
 * Per-action and navigation timeouts. Every wait is on a condition (a locator, a URL, expect.poll); these are only
 * the ceiling, generous enough for a loaded 2-core machine (CI shares it with the database and the build).
 */
export const ACTION_TIMEOUT = 60_000;
export const NAVIGATION_TIMEOUT = 90_000;

/** describe() for a browser suite: skipped with the reason outside CI when Chromium is missing, a failure under CI=true. */
export function describeBrowser(name: string, fn: () => void): void {
  describeWith(browserUnavailableReason(), name, fn);
}

export interface BrowserSuite {
  readonly server: WebServer;
  readonly browser: Browser;
  /** A new context and page (zh-CN desktop unless `context` says otherwise), logged in when `login` is given. */
  page(opts?: { login?: { username: string; password: string }; context?: BrowserContextOptions }): Promise<Page>;
  /**
   * A new context and page signed in as `login` at `path` (default: where the login lands, the home page): through the
   * login form the first time in this file, then with that session's cookies and storage (no form, no home page on
   * the way). For screens that are checked, not
   * the login itself; a test that logs out must not share the session.
   */
  signedIn(login: { username: string; password: string }, path?: string, context?: BrowserContextOptions): Promise<Page>;
  /** A full-page screenshot to test-output/screenshots/<prefix>-<name>.png. */
  shot(page: Page, name: string): Promise<void>;
}

/**
 * The start-up every browser suite shares: the real server (fresh database, demo world, `setup` on top), Chromium,
 * pages that record uncaught page errors (each test fails on any), screenshots named by suite. Call inside describe().
 */
export function useBrowserSuite(prefix: string, opts: { server?: Partial<AppConfig>; setup?: (server: WebServer) => Promise<void> } = {}): BrowserSuite {
  const shots = resolve(testEnvironment().outputDir, 'screenshots');
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];
  const sessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const phases = setupPhases();
    server = await startWebServer(opts.server, phases);
    browser = await launchChromium();
    phases.lap('chromium launch');
    await opts.setup?.(server);
    phases.lap('file setup');
    phases.report(prefix);
  });
  // what a failed test leaves for diagnosis: a screenshot of every open page of the suite and the API answers ≥ 400 of the test
  const pages: Page[] = [];
  const refused: string[] = [];
  const watch = (page: Page) => {
    pages.push(page);
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400 && r.url().includes('/api/')) refused.push(`${r.request().method()} ${r.url()} → ${r.status()}`);
    });
  };
  afterEach(async (ctx) => {
    const answers = refused.splice(0);
    if (ctx.task.result?.state === 'fail') {
      await Promise.all(pages.filter((p) => !p.isClosed()).map((p, i) => p.screenshot({ path: resolve(shots, `${prefix}-FAILED-${i + 1}.png`), fullPage: true }).catch(() => undefined)));
      console.log(`[browser tests] ${prefix}: "${ctx.task.name}" failed; API answers ≥ 400 during it: ${answers.length ? answers.join('; ') : 'none'}; screenshots ${prefix}-FAILED-*.png`);
    }
    const seen = errors.splice(0);
    expect(seen, 'uncaught errors in the page').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async page(o = {}) {
      const { page } = await openPage(browser!, server!.baseUrl, o.login, o.context);
      watch(page);
      return page;
    },
    async signedIn(login, path, context = {}) {
      const stored = sessions.get(login.username);
      const { page } = await openPage(browser!, server!.baseUrl, stored ? undefined : login, stored ? { ...context, storageState: stored } : context);
      watch(page);
      if (!stored) sessions.set(login.username, await page.context().storageState());
      if (stored || path !== undefined) await page.goto(`${server!.baseUrl}${path ?? '/'}`);
      return page;
    },
    shot: (page, name) => page.screenshot({ path: resolve(shots, `${prefix}-${name}.png`), fullPage: true, animations: 'disabled' }).then(() => undefined),
  };
}

/** Fill the login form and submit; does not wait for the outcome. */
export async function submitLogin(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * A new context (zh-CN, desktop) and page that collects uncaught page errors; logged in (and waiting for the
 * user menu) when a username is given.
 */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  login?: { username: string; password: string },
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: Error[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 }, ...options });
  context.setDefaultTimeout(ACTION_TIMEOUT);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  if (login) {
    await submitLogin(page, baseUrl, login.username, login.password);
    await page.getByTestId('user-menu').waitFor();
  }
  return { context, page, errors };
}

/**
 * Files an objection (公示异议) against the first entry of the demo's first public notice through the public API, as
 * anyone may; asserts the 201 and answers the notice and the tracking code the objector is given.
 */
export async function fileDemoObjection(baseUrl: string, o: { name: string; contact: string; reason: string }): Promise<{ noticeId: string; trackingCode: string }> {
  const notices = (await (await fetch(`${baseUrl}/api/v1/public/notices`)).json()) as { items: { id: string }[] };
  const noticeId = notices.items[0]!.id;
  const entries = (await (await fetch(`${baseUrl}/api/v1/public/notices/${noticeId}/entries`)).json()) as { items: { id: string }[] };
  const filed = await fetch(`${baseUrl}/api/v1/public/notices/${noticeId}/objections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ entryId: entries.items[0]!.id, ...o }),
  });
  expect(filed.status).toBe(201);
  const { trackingCode } = (await filed.json()) as { trackingCode: string };
  return { noticeId, trackingCode };
}
