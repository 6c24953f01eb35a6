import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { buildApp, type Services } from '../../src/server/app.js';
import { testConfig, testEnvironment, type AppConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { seedDemoData } from '../../src/server/demo.js';
import { freshDatabase } from './db.js';
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

/** The real app serving the built web app, on a fresh database with the demo world, on 127.0.0.1:<free port>. */
export async function startWebServer(overrides: Partial<AppConfig> = {}): Promise<WebServer> {
  const config = testConfig({ LOGIN_RATE_PER_MINUTE: 1000, ...overrides });
  ensureWebBuild(config);
  const database = await freshDatabase();
  const app = await buildApp({ config, database, serveWeb: true });
  await seedDemoData(app.services, database, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, services: app.services, database, close: () => app.close() };
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
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startWebServer(opts.server);
    browser = await launchChromium();
    await opts.setup?.(server);
  });
  afterEach(() => {
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
      page.on('pageerror', (e) => errors.push(e.message));
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
