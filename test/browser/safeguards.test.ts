/**
 * Safeguards in Chromium (issue 16 items 1 and 2, docs/ux.md): an irreversible or public action asks first and
 * names its consequence; an empty action form only marks its fields (no uncaught promise error — useBrowserSuite
 * fails a test on any); leaving an editor with unsaved edits (side menu, 返回, another trace step) asks first, and
 * "stay" keeps the edits; a half-filled new table row does not hold back the save of the rest. Screenshots: test-output/screenshots/safeguards-*.png.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

describeBrowser('safeguards: confirmations and unsaved edits', () => {
  const suite = useBrowserSuite('safeguards');
  const loggedIn = (login: string) => suite.page({ login: { username: login, password: DEMO_PASSWORD } });
  const url = (path: string) => `${suite.server.baseUrl}${path}`;
  const pathname = (page: Page) => new URL(page.url()).pathname;
  const one = async <T,>(sql: string, params: unknown[] = []) => (await suite.server.database.raw.query<T>(sql, params)).rows[0]!;
  const errorsShown = (page: Page) => page.locator('.ant-form-item-explain-error').count();

  it('deciding a revocation: an empty form only marks its fields; the decision asks first, naming the two-year lock', async () => {
    const c = await one<{ id: string }>(`SELECT r.id FROM revocation_cases r JOIN enterprises e ON e.id = r.enterprise_id WHERE e.name = '武汉江城汽车零部件再制造有限公司'`);
    const page = await loggedIn('miit');
    await page.goto(url(`/supervision/revocations/${c.id}`));
    await page.getByTestId('rev-decide').click();
    await expect.poll(() => errorsShown(page)).toBeGreaterThan(0);
    expect(await page.getByTestId('confirm-consequence').count()).toBe(0);

    await page.getByTestId('rev-hearing').fill('企业书面陈述称系经销商私自更换包装，但未提供证据。');
    await page.getByTestId('rev-reason').fill('七(二)4(1)、(5) 情形成立，撤销公告。');
    await page.getByTestId('rev-decide').click();
    const consequence = page.getByTestId('confirm-consequence');
    await consequence.waitFor();
    expect(await consequence.textContent()).toContain('两年内不得再次申请');
    expect(await page.getByTestId('confirm-ok').textContent()).toContain('撤销公告');
    await suite.shot(page, '1-revocation-decide-confirm');
    await page.getByTestId('confirm-cancel').click();
    await consequence.waitFor({ state: 'detached' });
    expect((await one<{ state: string }>('SELECT state FROM revocation_cases WHERE id = $1', [c.id])).state).not.toBe('revoked');
    await page.context().close();
  });

  it('checking a change: an empty opinion only marks the field; 验收不合格 asks first, saying it goes back to the enterprise', async () => {
    const c = await one<{ id: string; state: string }>(`SELECT c.id, c.state FROM change_requests c JOIN enterprises e ON e.id = c.enterprise_id WHERE e.name = '广州精工再制造科技有限公司' AND c.state = 'submitted'`);
    const page = await loggedIn('gd-reviewer');
    await page.goto(url(`/supervision/changes/${c.id}`));
    await page.getByTestId('change-check-pass').click();
    await expect.poll(() => errorsShown(page)).toBeGreaterThan(0);
    expect(await page.getByTestId('confirm-consequence').count()).toBe(0);
    await page.getByTestId('change-opinion').fill('营业执照变更材料不全。');
    await page.getByRole('button', { name: '验收不合格' }).click();
    await page.getByTestId('confirm-consequence').getByText('退回企业').waitFor();
    await suite.shot(page, '2-change-check-confirm');
    await page.getByTestId('confirm-cancel').click();
    expect((await one<{ state: string }>('SELECT state FROM change_requests WHERE id = $1', [c.id])).state).toBe('submitted');
    await page.context().close();
  });

  it('the application editor: the side menu and 返回 ask before unsaved edits are lost; staying keeps them', async () => {
    const a = await one<{ id: string }>(`SELECT a.id FROM applications a JOIN enterprises e ON e.id = a.enterprise_id WHERE e.name = '广州精工再制造科技有限公司' AND a.state = 'draft'`);
    const page = await loggedIn('ent-gd');
    await page.goto(url(`/applications/${a.id}?tab=declaration`));
    await page.getByTestId('declaration-legal-rep').fill('张三丰');
    // switching tabs (query string) is free
    await page.getByRole('tab', { name: '再制造产品类型' }).first().click();
    expect(pathname(page)).toBe(`/applications/${a.id}`);

    await page.getByTestId('menu-home').click();
    await page.getByTestId('leave-consequence').waitFor();
    await suite.shot(page, '3-application-leave');
    await page.getByTestId('leave-stay').click();
    await page.getByTestId('leave-consequence').waitFor({ state: 'detached' });
    expect(pathname(page)).toBe(`/applications/${a.id}`);
    await page.getByRole('tab', { name: '企业声明' }).first().click();
    expect(await page.getByTestId('declaration-legal-rep').inputValue()).toBe('张三丰');

    await page.getByRole('button', { name: /返回/ }).first().click();
    await page.getByTestId('leave-discard').click();
    await expect.poll(() => pathname(page)).toBe('/applications');
    await page.context().close();
  });

  it('saving a draft with a half-filled new table row saves the rest, keeps that row marked and unsaved', async () => {
    const a = await one<{ id: string }>(`SELECT a.id FROM applications a JOIN enterprises e ON e.id = a.enterprise_id WHERE e.name = '广州精工再制造科技有限公司' AND a.state = 'draft'`);
    const stored = async () => (await one<{ form: { declaration?: { legalRepresentative?: string }; table12?: { patents?: { title: string }[] } } }>(`SELECT form FROM applications WHERE id = $1`, [a.id])).form;
    const patentsBefore = (await stored()).table12?.patents?.length ?? 0;
    const page = await loggedIn('ent-gd');
    await page.goto(url(`/applications/${a.id}?tab=declaration`));
    // item 14: a never-submitted draft is deleted, not withdrawn
    await page.getByRole('button', { name: '删除草稿' }).first().waitFor();
    expect(await page.getByRole('button', { name: '撤回申请' }).count()).toBe(0);
    await page.getByTestId('declaration-legal-rep').fill('王保存');
    await page.getByRole('tab', { name: '表1-2 规范情况' }).first().click();
    const patents = page.getByTestId('t12-patents');
    await patents.getByTestId('t12-patents-add').click();
    // the new row: a title, but no patent number (a required cell)
    await patents.locator('tbody tr').last().locator('input').nth(1).fill('一种缸体再制造方法（未填完）');
    await page.getByTestId('application-save').click();
    // saved: what is valid went to the server, the half-filled row did not
    await expect.poll(async () => (await stored()).declaration?.legalRepresentative).toBe('王保存');
    expect((await stored()).table12?.patents?.length ?? 0).toBe(patentsBefore);
    expect(JSON.stringify((await stored()).table12?.patents ?? [])).not.toContain('未填完');
    // …said so, and the row is still in the editor, its empty cell marked, the edit still unsaved
    await page.getByText(/已保存；1 行未填完，未保存（已标出）/).waitFor();
    expect(await patents.locator('tbody tr').last().locator('input').nth(1).inputValue()).toBe('一种缸体再制造方法（未填完）');
    expect(await patents.locator('.ant-form-item-has-error').count()).toBeGreaterThan(0);
    await suite.shot(page, '6-application-row-held');
    await page.getByTestId('menu-home').click();
    await page.getByTestId('leave-consequence').waitFor();
    await page.getByTestId('leave-stay').click();
    // completed, the row is saved too
    await patents.locator('tbody tr').last().locator('input').first().fill('ZL202610000001.X');
    await page.getByTestId('application-save').click();
    await expect.poll(async () => JSON.stringify((await stored()).table12?.patents ?? [])).toContain('未填完');
    await page.getByTestId('menu-home').click();
    await expect.poll(() => pathname(page)).toBe('/');
    await page.context().close();
  });

  it('the annual report editor asks before leaving with unsaved edits; its submission names what follows', async () => {
    const r = await one<{ id: string }>(`SELECT r.id FROM annual_reports r JOIN enterprises e ON e.id = r.enterprise_id WHERE e.name = '东莞精密机床再制造有限公司' AND r.state = 'draft'`);
    const page = await loggedIn('ent-dg');
    await page.goto(url(`/annual-reports/${r.id}`));
    await page.getByTestId('ar-cover-contactTitle').fill('质量总监');
    await page.getByTestId('ar-dirty').waitFor();
    await page.getByTestId('menu-home').click();
    await page.getByTestId('leave-consequence').waitFor();
    await suite.shot(page, '4-annual-report-leave');
    await page.getByTestId('leave-discard').click();
    await expect.poll(() => pathname(page)).toBe('/');

    // after a save nothing is pending: leaving is free
    await page.goto(url(`/annual-reports/${r.id}`));
    await page.getByTestId('ar-cover-contactTitle').fill('质量总监');
    await page.getByTestId('ar-save').click();
    await page.getByTestId('ar-dirty').waitFor({ state: 'detached' });
    await page.getByTestId('ar-submit').click();
    await page.getByTestId('confirm-consequence').getByText('主管部门审核').waitFor();
    await page.getByTestId('confirm-cancel').click();
    await page.getByTestId('menu-home').click();
    await expect.poll(() => pathname(page)).toBe('/');
    expect(await page.getByTestId('leave-consequence').count()).toBe(0);
    await page.context().close();
  });

  it('a trace step form asks before another step discards what was typed', async () => {
    const page = await loggedIn('ent-gd');
    await page.goto(url('/trace/record?step=intake'));
    await page.getByTestId('f-name').fill('旧齿轮箱');
    await page.getByTestId('step-cleaning').click();
    await page.getByTestId('leave-consequence').waitFor();
    await suite.shot(page, '5-trace-leave');
    await page.getByTestId('leave-stay').click();
    await page.getByTestId('leave-consequence').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('step')).toBe('intake');
    expect(await page.getByTestId('f-name').inputValue()).toBe('旧齿轮箱');
    await page.getByTestId('step-cleaning').click();
    await page.getByTestId('leave-discard').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('cleaning');
    await page.context().close();
  });
});
