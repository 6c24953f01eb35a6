/**
 * Accessibility in Chromium (issue 16 item 19, docs/ux.md §Accessibility): axe-core (WCAG 2.x A/AA rules and
 * best practices) on the main page of every role and on every public page, zh-CN desktop and a phone for the
 * public ones. The bar: no violation of impact "serious" or "critical". What axe found and what was fixed is
 * recorded in docs/ux.md. Screenshots: test-output/screenshots/axe-*.png.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { describeBrowser, fileDemoObjection, useBrowserSuite } from '../support/browser.js';

const require = createRequire(import.meta.url);
// evaluated through the DevTools protocol: the app's CSP (script-src 'self') stays as it is in production
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

describeBrowser('accessibility: axe-core on every role’s main page and every public page', () => {
  const suite = useBrowserSuite('axe');
  const url = (path: string) => `${suite.server.baseUrl}${path}`;

  /** axe on the page as it is now; the serious and critical violations, readable in a failure message. */
  async function serious(page: Page): Promise<string[]> {
    await page.mouse.move(0, 0); // no hover left over from the login click
    // colours are measured once the finite transitions (hover-out, fade-in) have ended: mid-transition a button's
    // colours are neither state's (a loaded machine stretches them); endless ones (spinners) are not waited for
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const r = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} nodes` : ''}`);
  }

  /** Wait until the page has rendered (no antd spinner left, the given locator visible). */
  async function settled(page: Page, ready: string) {
    await page.locator(ready).first().waitFor();
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  }

  const ROLES: { login: string; ready: string }[] = [
    { login: 'miit', ready: '[data-testid="welcome-card"]' },
    { login: 'miit-officer', ready: '[data-testid="welcome-card"]' },
    { login: 'gd-admin', ready: '[data-testid="welcome-card"]' },
    { login: 'gd-reviewer', ready: '[data-testid="welcome-card"]' },
    { login: 'expert1', ready: '[data-testid="welcome-card"]' },
    { login: 'ent-gd', ready: '[data-testid="welcome-card"]' },
    { login: 'ent-gd-staff', ready: '[data-testid="welcome-card"]' },
  ];

  for (const r of ROLES) {
    it(`${r.login}: the home page has no serious or critical violation`, async () => {
      // the file's one login per user: later screens of the same user reuse its session (suite.signedIn)
      const page = await suite.signedIn({ username: r.login, password: DEMO_PASSWORD });
      await settled(page, r.ready);
      const found = await serious(page);
      await suite.shot(page, `role-${r.login}`);
      expect(found, `axe on ${r.login}'s home`).toEqual([]);
      await page.context().close();
    });
  }

  // 公共信息服务 (issue 14 item 6): MIIT's editing screens (a list and the open drawer) and the catalogue application screens
  const SIGNED_IN: { login: string; path: string; ready: string; open?: string }[] = [
    { login: 'miit-officer', path: '/portal-admin/standards', ready: '[data-testid="portal-new"]' },
    { login: 'miit-officer', path: '/portal-admin/policies', ready: '[data-testid="portal-new"]', open: '[data-testid="portal-new"]' },
    { login: 'miit-officer', path: '/catalogue-applications', ready: '[data-testid="capp-table"] tr[data-row-key]' },
    { login: 'ent-gd', path: '/catalogue-applications', ready: '[data-testid="capp-new"]', open: '[data-testid="capp-new"]' },
    { login: 'ent-gd', path: '/core-exchange', ready: '[data-testid="cx-postings"] tr[data-row-key]' },
    { login: 'testing-org', path: '/testing/reports', ready: '[data-testid="preport-scope"]' },
    { login: 'ent-gd', path: '/product-reports', ready: '[data-testid="preport-table"] tr[data-row-key]' },
  ];
  for (const r of SIGNED_IN) {
    it(`editing screen ${r.path} (${r.login}${r.open ? ', drawer open' : ''}) has no serious or critical violation`, async () => {
      const page = await suite.signedIn({ username: r.login, password: DEMO_PASSWORD }, r.path);
      await settled(page, r.ready);
      if (r.open) {
        await page.locator(r.open).click();
        await page.locator('.ant-drawer-open .ant-form').first().waitFor();
      }
      const found = await serious(page);
      await suite.shot(page, `edit${r.path.replace(/[^\w-]+/g, '-')}-${r.login}${r.open ? '-drawer' : ''}`);
      expect(found, `axe on ${r.path} (${r.login})`).toEqual([]);
      await page.context().close();
    });
  }

  // issue 16 item 19 (rest): the lists people work in — market, devices, applications — for the roles that use them
  // (antd's grey #8c8c8c, 3.4:1 on white, was left in their secondary lines after the public pages were fixed)
  const ROW = 'main .ant-table-tbody tr.ant-table-row';
  const MAIN_SCREENS: { login: string; path: string; ready: string }[] = [
    { login: 'ent-gd', path: '/applications', ready: ROW },
    { login: 'gd-reviewer', path: '/applications', ready: ROW },
    { login: 'miit', path: '/applications', ready: ROW },
    { login: 'expert1', path: '/applications', ready: ROW },
    { login: 'ent-gd', path: '/market/listings', ready: ROW },
    { login: 'ent-gd', path: '/orders', ready: '[data-testid="page-title"]' },
    { login: 'buyer', path: '/orders', ready: '[data-testid="page-title"]' },
    { login: 'miit', path: '/orders', ready: '[data-testid="page-title"]' },
    { login: 'ent-gd', path: '/leases', ready: '[data-testid="page-title"]' },
    { login: 'ent-gd', path: '/insurance', ready: '[data-testid="page-title"]' },
    { login: 'miit', path: '/statistics/market', ready: '[data-testid="page-title"]' },
    { login: 'ent-gd', path: '/devices', ready: ROW },
    { login: 'ent-gd', path: '/alarms', ready: '[data-testid="page-title"]' },
    { login: 'ent-gd', path: '/cases', ready: '[data-testid="page-title"]' },
    { login: 'ent-gd', path: '/devices/fleet', ready: '[data-testid="page-title"]' },
    { login: 'miit', path: '/devices/overview', ready: '[data-testid="page-title"]' },
    { login: 'buyer', path: '/devices', ready: '[data-testid="page-title"]' },
  ];
  for (const r of MAIN_SCREENS) {
    it(`main screen ${r.path} (${r.login}) has no serious or critical violation`, async () => {
      const page = await suite.signedIn({ username: r.login, password: DEMO_PASSWORD }, r.path);
      await settled(page, r.ready);
      const found = await serious(page);
      await suite.shot(page, `main${r.path.replace(/[^\w-]+/g, '-')}-${r.login}`);
      expect(found, `axe on ${r.path} (${r.login})`).toEqual([]);
      await page.context().close();
    });
  }

  it('the login page has no serious or critical violation', async () => {
    const page = await suite.page();
    await page.goto(url('/login'));
    await settled(page, '[data-testid="login-submit"]');
    const found = await serious(page);
    expect(found, 'axe on /login').toEqual([]);
    await page.context().close();
  });

  const PUBLIC: (string | { name: string; list: string; path: (id: string) => string })[] = ['/public', '/public/announced', '/public/announcements', '/public/notices', '/public/statistics', '/public/complaints', '/public/complaints/track'];
  // 公共信息服务 (issue 14): the portal's public pages
  PUBLIC.push('/public/search?q=%E5%86%8D%E5%88%B6%E9%80%A0', '/public/standards', '/public/standards/GB%2FT%2028618-2012', '/public/policies', '/public/demonstration-units', '/public/testing-organizations', '/public/targets', '/public/datasets', '/public/catalogue');
  PUBLIC.push('/public/register'); // issue 14 item 4: every public page
  PUBLIC.push('/public/market'); // issue 16 item 19: the market's cards (their grey line's contrast, their link's name)
  /** the pages of one published thing: a policy document and a market listing (their ids from the public API) */
  const DETAIL: { name: string; list: string; path: (id: string) => string }[] = [
    { name: 'a policy document', list: '/api/v1/public/policies', path: (id) => `/public/policies/${id}` },
    { name: 'a market listing', list: '/api/v1/public/listings', path: (id) => `/public/market/${id}` },
  ];
  for (const d of DETAIL) PUBLIC.push(d);
  for (const entry of PUBLIC) {
    for (const device of ['desktop', 'phone'] as const) {
      const title = typeof entry === 'string' ? entry : `${entry.name}'s page`;
      it(`${title} (${device}) has no serious or critical violation`, async () => {
        let path: string;
        if (typeof entry === 'string') path = entry;
        else {
          const list = (await (await fetch(url(entry.list))).json()) as { items: { id: string }[] };
          expect(list.items.length, `${entry.list} has something published`).toBeGreaterThan(0);
          path = entry.path(list.items[0]!.id);
        }
        const page = await suite.page(device === 'phone' ? { context: PHONE } : {});
        // item 7: a visitor without a session is not asked who they are (no 401 from /auth/me in the console)
        const unauthorized: string[] = [];
        page.on('response', (r) => void (r.status() === 401 && unauthorized.push(r.url())));
        await page.goto(url(path));
        await settled(page, '.ant-layout main'); // the app's page, not /public's server-rendered first screen (tested below)
        expect(unauthorized).toEqual([]);
        const found = await serious(page);
        await suite.shot(page, `public${(typeof entry === 'string' ? path : path.replace(/[0-9a-f-]{36}$/, 'id')).replace(/[^\w-]+/g, '-')}-${device}`);
        expect(found, `axe on ${path} (${device})`).toEqual([]);
        await page.context().close();
      });
    }
  }

  // item 18: /public's first screen as the server sends it, before (or without) the app
  for (const device of ['desktop', 'phone'] as const) {
    it(`/public's server-rendered first screen (${device}, no JavaScript) has no serious or critical violation`, async () => {
      const page = await suite.page({ context: { ...(device === 'phone' ? PHONE : {}), javaScriptEnabled: false } });
      await page.goto(url('/public'));
      await page.locator('[data-first-screen] main').waitFor();
      // axe itself needs JavaScript: run it in a page that has it, on the same HTML
      const html = await page.content();
      await page.context().close();
      const live = await suite.page(device === 'phone' ? { context: PHONE } : {});
      await live.route(url('/public'), (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html.replace(/<script type="module"[^>]*><\/script>/g, '') }));
      await live.goto(url('/public'));
      await live.locator('[data-first-screen] main').waitFor();
      const found = await serious(live);
      await suite.shot(live, `public-first-screen-${device}`);
      expect(found, `axe on /public's first screen (${device})`).toEqual([]);
      await live.context().close();
    });
  }

  // issue 14: the market's pages as the server sends them (readable without JavaScript), before the app replaces them
  for (const which of ['/public/market', 'a listing'] as const) {
    it(`the server-rendered ${which} page (no JavaScript) has no serious or critical violation`, async () => {
      let path: string = which;
      if (which === 'a listing') path = `/public/market/${((await (await fetch(url('/api/v1/public/listings'))).json()) as { items: { id: string }[] }).items[0]!.id}`;
      const html = await (await fetch(url(path))).text();
      const live = await suite.page();
      // axe needs JavaScript: the page's own HTML without the app's script
      await live.route(url(path), (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html.replace(/<script type="module"[^>]*><\/script>/g, '') }));
      await live.goto(url(path));
      await live.locator('main.ssr h1').waitFor();
      const found = await serious(live);
      await suite.shot(live, `public-ssr${which === 'a listing' ? '-listing' : '-market'}`);
      expect(found, `axe on ${path} as served`).toEqual([]);
      await live.context().close();
    });
  }

  // 异议处理查询 (issue 16 item 13/19): the lookup form, and an objection followed by its tracking code, desktop and phone
  it('the objection lookup page (empty, and with an objection’s result) has no serious or critical violation', async () => {
    const base = suite.server.baseUrl;
    const { trackingCode } = await fileDemoObjection(base, { name: '李某', contact: '13800000010', reason: '公示的厂区地址与实际不符，请核实。' });
    for (const device of ['desktop', 'phone'] as const) {
      for (const path of ['/public/objections/track', `/public/objections/track?code=${encodeURIComponent(trackingCode)}`]) {
        const page = await suite.page(device === 'phone' ? { context: PHONE } : {});
        const unauthorized: string[] = [];
        page.on('response', (r) => void (r.status() === 401 && unauthorized.push(r.url())));
        await page.goto(url(path));
        await settled(page, path.includes('code=') ? '[data-testid="objection-track-result"]' : 'main');
        expect(unauthorized).toEqual([]);
        const found = await serious(page);
        await suite.shot(page, `public-objections-track${path.includes('code=') ? '-result' : ''}-${device}`);
        expect(found, `axe on ${path} (${device})`).toEqual([]);
        await page.context().close();
      }
    }
  });

  for (const device of ['phone', 'desktop'] as const) {
    it(`the product verification page /p/{code} (a label’s QR code, ${device}) has no serious or critical violation`, async () => {
      const { code } = (await suite.server.database.raw.query<{ code: string }>(`SELECT code FROM trace_products WHERE status = 'issued' ORDER BY code LIMIT 1`)).rows[0]!;
      const page = await suite.page(device === 'phone' ? { context: PHONE } : {});
      await page.goto(url(`/p/${encodeURIComponent(code)}`));
      await settled(page, '[data-testid="verify-status"]');
      const found = await serious(page);
      await suite.shot(page, device === 'phone' ? 'product-verify-phone' : 'product-verify-desktop');
      expect(found, `axe on /p/${code} (${device})`).toEqual([]);
      await page.context().close();
    });
  }
});
