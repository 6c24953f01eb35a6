import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import type { Role } from '../../src/web/api.js';
import { MENU_BY_ROLE } from '../../src/web/menu.js';
import { describeBrowser, submitLogin, useBrowserSuite } from '../support/browser.js';

/**
 * Every demo login through the real login form in Chromium: the side menu matches src/web/menu.ts for the
 * role, the header names the user, and each role sees exactly its own enterprises.
 */

const GD = '广州精工再制造科技有限公司';
const JS = '苏州绿源动力再制造有限公司';
const SZ = '深圳智造再生装备有限公司';
const THREE = [GD, JS, SZ];

interface DemoLogin {
  login: string;
  role: Role;
  displayName: string;
  /** enterprise roles: the enterprise (and its reviewing authority) on the "my enterprise" page */
  own?: { name: string; authority: string; notAuthority?: string };
  /** authority / ministry roles: which of THREE the enterprise list shows, and its total */
  list?: { shows: string[]; total: number };
}

// Restated from src/server/demo.ts (the seed is the fixture; this table is the expectation). Totals: the 8 core
// enterprises, the 7 historic announced ones of demo-areas/annual-reports.ts (2 广东, 1 江苏, …) and 2 湖北 ones of
// another capability's demo.
const DEMO_LOGINS: DemoLogin[] = [
  { login: 'miit', role: 'ministry_admin', displayName: '工信部管理员', list: { shows: THREE, total: 17 } },
  { login: 'miit-officer', role: 'ministry_officer', displayName: '工信部经办人', list: { shows: THREE, total: 17 } },
  { login: 'gd-reviewer', role: 'authority_reviewer', displayName: '广东省审核员', list: { shows: [GD], total: 3 } },
  { login: 'gd-admin', role: 'authority_admin', displayName: '广东省管理员', list: { shows: [GD], total: 3 } },
  { login: 'js-reviewer', role: 'authority_reviewer', displayName: '江苏省审核员', list: { shows: [JS], total: 2 } },
  { login: 'sz-reviewer', role: 'authority_reviewer', displayName: '深圳市审核员', list: { shows: [SZ], total: 1 } },
  { login: 'expert1', role: 'expert', displayName: '赵明华' },
  { login: 'ent-gd', role: 'enterprise_admin', displayName: '广州精工管理员', own: { name: GD, authority: '广东省工业和信息化厅' } },
  { login: 'ent-gd-staff', role: 'enterprise_staff', displayName: '广州精工业务员', own: { name: GD, authority: '广东省工业和信息化厅' } },
  { login: 'ent-js', role: 'enterprise_admin', displayName: '苏州绿源管理员', own: { name: JS, authority: '江苏省工业和信息化厅' } },
  {
    login: 'ent-sz',
    role: 'enterprise_admin',
    displayName: '深圳智造管理员',
    own: { name: SZ, authority: '深圳市工业和信息化局', notAuthority: '广东省工业和信息化厅' },
  },
];

describeBrowser('web app in Chromium: login and role menus', () => {
  const suite = useBrowserSuite('roles');
  let context: BrowserContext;
  let page: Page;

  // One fresh context (no cookies, no stored locale) per test; uncaught page errors fail the test (useBrowserSuite).
  beforeEach(async () => {
    page = await suite.page();
    context = page.context();
  });
  afterEach(async () => {
    await context?.close();
  });

  const url = (path: string) => `${suite.server.baseUrl}${path}`;
  const pathname = () => new URL(page.url()).pathname;

  /** Log in through the form and wait for the authenticated layout. */
  async function loginAs(login: string) {
    await submitLogin(page, suite.server.baseUrl, login, DEMO_PASSWORD);
    await page.getByTestId('user-menu').waitFor();
    await page.getByTestId('welcome-card').waitFor();
    expect(pathname()).toBe('/');
  }

  /** data-testid="menu-<key>" items that are visible, in DOM order. */
  const visibleMenuKeys = () =>
    page
      .locator('[data-testid^="menu-"]')
      .evaluateAll((els) =>
        els.filter((el) => el.getClientRects().length > 0).map((el) => el.getAttribute('data-testid')!.slice('menu-'.length)),
      );

  it('a wrong password shows the error and stays on /login', async () => {
    await submitLogin(page, suite.server.baseUrl, 'ent-js', 'definitely-not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('用户名或密码错误');
    expect(pathname()).toBe('/login');
    expect(await page.locator('#username').isVisible()).toBe(true);
    expect(await page.getByTestId('user-menu').count()).toBe(0);
  });

  for (const u of DEMO_LOGINS) {
    it(`${u.login} (${u.role}): menu, header, own data`, async () => {
      await loginAs(u.login);

      const expected = MENU_BY_ROLE[u.role].map((m) => m.key);
      await expect.poll(visibleMenuKeys).toEqual(expected); // exact set, in display order
      expect(await page.getByTestId('user-menu').textContent()).toBe(u.displayName);

      if (u.own) {
        await page.getByTestId('menu-my-enterprise').click();
        await page.getByTestId('enterprise-name').waitFor();
        expect(pathname()).toBe('/enterprise');
        expect(await page.getByTestId('enterprise-name').textContent()).toBe(u.own.name);
        await expect.poll(() => page.getByTestId('enterprise-authority').textContent()).toBe(u.own.authority);
        if (u.own.notAuthority) expect(await page.locator('main, .ant-layout-content').first().innerText()).not.toContain(u.own.notAuthority);
      }

      if (u.list) {
        await page.getByTestId('menu-enterprises').click();
        const table = page.getByTestId('enterprises-table');
        await table.getByText(u.list.shows[0]!, { exact: true }).waitFor();
        // antd puts data-testid on the table itself; the pagination is its sibling.
        const total = page.locator('.ant-table-pagination .ant-pagination-total-text');
        await total.waitFor();
        await expect.poll(() => total.textContent()).toBe(`共 ${u.list.total} 条`);
        expect(pathname()).toBe('/enterprises');
        const rows = await table.locator('tbody tr.ant-table-row').count();
        expect(rows).toBe(u.list.total);
        const text = await table.innerText();
        for (const name of THREE) {
          if (u.list.shows.includes(name)) expect(text, `${u.login} should see ${name}`).toContain(name);
          else expect(text, `${u.login} must not see ${name}`).not.toContain(name);
        }
      }

      await suite.shot(page, u.login);
    });
  }

  it('the language switch turns the UI to English and back', async () => {
    await loginAs('miit');
    const home = page.getByTestId('menu-home');
    const enterprises = page.getByTestId('menu-enterprises');
    expect(await home.innerText()).toBe('首页');
    expect(await enterprises.innerText()).toBe('全部企业');

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => home.innerText()).toBe('Home');
    expect(await enterprises.innerText()).toBe('All enterprises');
    expect(await page.getByTestId('lang-switch').innerText()).toBe('中文');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('page-title').innerText()).not.toMatch(/[\u4e00-\u9fff]/);

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => home.innerText()).toBe('首页');
    expect(await enterprises.innerText()).toBe('全部企业');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('logout returns to the login page; a protected URL then redirects to /login', async () => {
    await loginAs('ent-gd');
    await page.getByTestId('logout').click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.locator('#username').waitFor();
    expect(await page.getByTestId('user-menu').count()).toBe(0);

    const me = await context.request.get(url('/api/v1/auth/me'));
    expect(me.status()).toBe(401);

    await page.goto(url('/enterprise'));
    await page.waitForURL((u) => u.pathname === '/login');
    await page.locator('#username').waitFor();
    expect(await page.getByTestId('user-menu').count()).toBe(0);
  });
});
