/**
 * A newcomer walking the README (issue 16 item 16, docs/ux.md): ent-gd's draft for 佛山顺德生产车间 lacks only a
 * few items, and gd-reviewer finds a submitted case (白云车间) on the home page's 待办.
 */
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { NEWCOMER_REVIEW_SITE } from '../../src/server/demo-areas/newcomer.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

describeBrowser('the demo a newcomer finds', () => {
  const suite = useBrowserSuite('newcomer');

  it('ent-gd: the 佛山顺德生产车间 draft is a few items from submission', async () => {
    const page = await suite.page({ login: { username: 'ent-gd', password: DEMO_PASSWORD } });
    await page.goto(`${suite.server.baseUrl}/applications`);
    const row = page.getByTestId('applications-table').locator('tr', { hasText: '佛山顺德生产车间' });
    const missing = row.getByTestId('missing-count');
    await missing.waitFor();
    const n = Number((await missing.textContent())?.match(/\d+/)?.[0]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(3);
    await suite.shot(page, '1-ent-gd-draft');
    await page.context().close();
  });

  it('gd-reviewer: a submitted case waits on the home page', async () => {
    const page = await suite.page({ login: { username: 'gd-reviewer', password: DEMO_PASSWORD } });
    await page.getByTestId('todo-list').getByText(NEWCOMER_REVIEW_SITE).first().waitFor();
    await suite.shot(page, '2-gd-reviewer-todo');
    await page.context().close();
  });
});
