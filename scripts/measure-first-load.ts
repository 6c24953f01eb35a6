/**
 * First load of the web app in Chromium (issue 16 item 18, docs/ux.md): `npm run measure:first-load [runs]`.
 *
 * Two servers in the same run on the same build (dist/web; built when missing) and the same demo data: "before"
 * sends the files as they are with @fastify/static's defaults (no compression, `max-age=0`), "after" as in
 * production (precompressed brotli/gzip, hashed assets immutable for a year, index.html `no-cache`;
 * src/server/platform/web-static.ts). For each page (/public, and the logged-in home of ent-gd) and each server:
 * a cold load in a fresh browser context (empty cache) and a repeat load in the same context. Reported per load:
 * requests that reached the network, bytes transferred (the Resource Timing `transferSize` of the document and every
 * resource: compressed bytes plus headers; 0 when served from the cache) and the time from navigation start until
 * the page's content is on screen, the median of `runs` (default 5). Timings on a loaded machine are noisy: compare
 * the two columns of the same run, not runs with each other.
 *
 * `npm run measure:first-load -- 5 --before-dist <dir>`: "before" is another build (e.g. main's before a change, built
 * into <dir>) served as in production without /public's server-rendered first screen. Two times per load: "time to
 * content" until the ready element is in the page, whoever rendered it (for /public the server's first screen,
 * platform/public-home.ts), and "app running" until the web app itself shows it (inside antd's layout).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { buildApp } from '../src/server/app.js';
import { testConfig, testEnvironment } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { DEMO_PASSWORD, seedDemoData } from '../src/server/demo.js';
import type { WebAssetMode } from '../src/server/platform/web-static.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
/** `--before-dist <dir>`: compare another build (e.g. main's before a change, built into <dir>) served as in production. */
const beforeDist = flag('--before-dist');
/** `--resources`: also list what the "after" server's first cold load of each page fetched (path and transferred bytes). */
const listResources = args.includes('--resources') ? (args.splice(args.indexOf('--resources'), 1), true) : false;
const runs = Number(args[0] ?? 5);
const config = testConfig({ LOGIN_RATE_PER_MINUTE: 100_000, PUBLIC_RATE_PER_MINUTE: 10_000_000, REMAN_DEMO: true });
if (!existsSync(resolve(config.WEB_DIST_DIR, 'index.html'))) {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}
const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function server(mode: WebAssetMode, dist?: string) {
  const database = await openDatabase({ dataDir: 'memory://' });
  // another build: served as in production, without the server-rendered first screen (it did not have one)
  const app = dist
    ? await buildApp({ config: { ...config, WEB_DIST_DIR: resolve(dist) }, database, webAssets: 'optimized', publicFirstScreen: false })
    : await buildApp({ config, database, webAssets: mode });
  await seedDemoData(app.services, database, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close: () => app.close() };
}

interface Load {
  requests: number;
  bytes: number;
  /** until the ready element is in the page (server-rendered or not) */
  ms: number;
  /** until the web app itself shows the page (the ready element inside the app's antd layout) */
  appMs: number;
  /** what reached the network: path and transferred bytes */
  list: [string, number][];
}

/** One navigation: network requests, transferred bytes and time until `ready` is visible. */
async function load(context: BrowserContext, url: string, ready: string): Promise<Load> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  // time to content: from the document's navigation start until the ready element is in the page (polled per frame);
  // the app's own rendering of it is inside antd's layout (a server-rendered first screen has no .ant-layout)
  const both = await page.waitForFunction(
    (sel) => {
      const w = window as unknown as { __first?: number };
      if (w.__first === undefined && document.querySelector(sel)) w.__first = performance.now();
      return document.querySelector(`.ant-layout ${sel}`) ? [w.__first ?? performance.now(), performance.now()] : null;
    },
    ready,
    { polling: 'raf', timeout: 120_000 },
  );
  const [ms, appMs] = (await both.jsonValue()) as [number, number];
  await page.waitForLoadState('networkidle');
  const r = await page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
    const net = entries.filter((e) => e.transferSize > 0);
    return {
      requests: net.length,
      bytes: net.reduce((n, e) => n + e.transferSize, 0),
      list: net.map((e) => [new URL(e.name).pathname, e.transferSize] as [string, number]),
    };
  });
  await page.close();
  return { requests: r.requests, bytes: r.bytes, list: r.list, ms, appMs };
}

async function measure(browser: Browser, base: string, path: string, ready: string, login?: string) {
  const cold: Load[] = [];
  const warm: Load[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    if (login) {
      const res = await context.request.post(`${base}/api/v1/auth/login`, { data: { username: login, password: DEMO_PASSWORD } });
      if (!res.ok()) throw new Error(`login ${login}: ${res.status()}`);
    }
    cold.push(await load(context, `${base}${path}`, ready));
    warm.push(await load(context, `${base}${path}`, ready));
    await context.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const sum = (ls: Load[]) => ({ requests: median(ls.map((l) => l.requests)), kib: median(ls.map((l) => l.bytes)) / 1024, ms: median(ls.map((l) => l.ms)), appMs: median(ls.map((l) => l.appMs)) });
  return { cold: sum(cold), warm: sum(warm), first: cold[0]! };
}

const browser = await chromium.launch({ executablePath: testEnvironment().chromiumPath, args: CHROMIUM_ARGS });
const servers = { before: await server('plain', beforeDist), after: await server('optimized') };
const pages: [string, string, string, string | undefined][] = [
  ['/public', '/public', '[data-testid="page-title"]', undefined],
  ['home (ent-gd)', '/', '[data-testid="welcome-card"]', 'ent-gd'],
];
const rows: string[] = [];
for (const [name, path, ready, login] of pages) {
  // alternate before/after so that drifting load on the machine hits both alike
  const before = await measure(browser, servers.before.base, path, ready, login);
  const after = await measure(browser, servers.after.base, path, ready, login);
  if (listResources) {
    console.log(`\n${name}, first cold load (after):`);
    for (const [p, n] of [...after.first.list].sort((x, y) => y[1] - x[1])) console.log(`  ${(n / 1024).toFixed(1).padStart(7)} KiB  ${p}`);
  }
  for (const kind of ['cold', 'warm'] as const) {
    const b = before[kind];
    const a = after[kind];
    rows.push(
      `| ${name} | ${kind === 'cold' ? 'first visit (empty cache)' : 'repeat visit'} | ${b.requests} → ${a.requests} | ${b.kib.toFixed(0)} → ${a.kib.toFixed(0)} KiB (${((a.kib / b.kib) * 100).toFixed(0)} %) | ${b.ms.toFixed(0)} → ${a.ms.toFixed(0)} ms (${((a.ms / b.ms) * 100).toFixed(0)} %) | ${b.appMs.toFixed(0)} → ${a.appMs.toFixed(0)} ms (${((a.appMs / b.appMs) * 100).toFixed(0)} %) |`,
    );
  }
}
console.log(`\nFirst load, median of ${runs} (before${beforeDist ? ` = ${beforeDist}` : ' = plain serving'} → after, same run)\n`);
console.log('| page | load | requests on the network | transferred | time to content | app running |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
await browser.close();
await servers.before.close();
await servers.after.close();
