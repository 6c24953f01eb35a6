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
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

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
      const page = await suite.page({ login: { username: r.login, password: DEMO_PASSWORD } });
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
  ];
  for (const r of SIGNED_IN) {
    it(`editing screen ${r.path} (${r.login}${r.open ? ', drawer open' : ''}) has no serious or critical violation`, async () => {
      const page = await suite.page({ login: { username: r.login, password: DEMO_PASSWORD } });
      await settled(page, '[data-testid="welcome-card"]');
      await page.goto(url(r.path));
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

  it('the login page has no serious or critical violation', async () => {
    const page = await suite.page();
    await page.goto(url('/login'));
    await settled(page, '[data-testid="login-submit"]');
    const found = await serious(page);
    expect(found, 'axe on /login').toEqual([]);
    await page.context().close();
  });

  const PUBLIC = ['/public', '/public/announced', '/public/announcements', '/public/notices', '/public/statistics', '/public/complaints', '/public/complaints/track'];
  // 公共信息服务 (issue 14): the portal's public pages
  PUBLIC.push('/public/search?q=%E5%86%8D%E5%88%B6%E9%80%A0', '/public/standards', '/public/standards/GB%2FT%2028618-2012', '/public/policies', '/public/demonstration-units', '/public/testing-organizations', '/public/targets', '/public/datasets', '/public/catalogue');
  for (const path of PUBLIC) {
    for (const device of ['desktop', 'phone'] as const) {
      it(`${path} (${device}) has no serious or critical violation`, async () => {
        const page = await suite.page(device === 'phone' ? { context: PHONE } : {});
        // item 7: a visitor without a session is not asked who they are (no 401 from /auth/me in the console)
        const unauthorized: string[] = [];
        page.on('response', (r) => void (r.status() === 401 && unauthorized.push(r.url())));
        await page.goto(url(path));
        await settled(page, 'main');
        expect(unauthorized).toEqual([]);
        const found = await serious(page);
        await suite.shot(page, `public${path.replace(/[^\w-]+/g, '-')}-${device}`);
        expect(found, `axe on ${path} (${device})`).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('the product verification page (a label’s QR code, phone) has no serious or critical violation', async () => {
    const { code } = (await suite.server.database.raw.query<{ code: string }>(`SELECT code FROM trace_products WHERE status = 'issued' ORDER BY code LIMIT 1`)).rows[0]!;
    const page = await suite.page({ context: PHONE });
    await page.goto(url(`/p/${encodeURIComponent(code)}`));
    await settled(page, '[data-testid="verify-status"]');
    const found = await serious(page);
    await suite.shot(page, 'product-verify-phone');
    expect(found, `axe on /p/${code}`).toEqual([]);
    await page.context().close();
  });
});
