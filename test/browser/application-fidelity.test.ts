/**
 * Issue 15 and issue 16 item 3 in Chromium: the list's 缺 N 项 and the 条件核对 of the same draft show one
 * count (one definition of "missing"); the 条件核对 of a draft shows the 规范条件 readings; expert opinions on
 * a case in expert review are headed by the 规范条件 chapters (二、基本要求 … 六、售后服务和职业教育), not by
 * the 申请书大纲's titles. Screenshots go to test-output/screenshots/fidelity-*.png.
 */
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { principalOf } from '../../src/server/modules/identity/identity.service.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

describeBrowser('规范条件 readings in the browser', () => {
  let draftId = '';
  let expertCaseId = '';
  const suite = useBrowserSuite('fidelity', {
    setup: async (server) => {
      const s = server.services;
      const user = (await s.identity.findByUsername('ent-gd'))!;
      const ctx = { principal: principalOf(user, null), ip: '127.0.0.1', requestId: 'browser-test' };
      const { items } = await s.applications.list(ctx.principal, { states: ['draft'] }, 1, 10);
      draftId = items[0]!.id;
      // a draft as the editor of an earlier version saved it: the three year rows with only the year
      await s.applications.saveForm(ctx, draftId, { fields: ['machine_tools', 'other'], table12: { years: [{ year: 2023 }, { year: 2024, revenue: 100 }, { year: 2025 }] } });
      const miit = (await s.identity.findByUsername('miit'))!;
      const cases = await s.applications.list(principalOf(miit, null), { states: ['expert_review'] }, 1, 10);
      expertCaseId = cases.items[0]!.id;
    },
  });
  const loggedIn = (login: string) => suite.page({ login: { username: login, password: DEMO_PASSWORD } });

  it('the list and the 条件核对 of the same draft give the same count of missing items', async () => {
    const page = await loggedIn('ent-gd');
    await page.goto(`${suite.server.baseUrl}/applications`);
    const tag = page.getByTestId('applications-table').locator('tr', { has: page.getByTestId(`application-open-${draftId}`) }).getByTestId('missing-count');
    await tag.waitFor();
    const listed = Number(/(\d+)/.exec((await tag.textContent()) ?? '')?.[1]);
    expect(listed).toBeGreaterThan(10);
    await suite.shot(page, '1-list');

    await page.goto(`${suite.server.baseUrl}/applications/${draftId}?tab=conditions`);
    await page.getByTestId('conditions-check').waitFor();
    await expect.poll(() => page.getByTestId('missing-items').locator('li').count()).toBe(listed);
    // 一(一) 其他 asks for its description
    await expect.poll(() => page.getByTestId('missing-items').locator('li[data-path="fieldsOther"]').count()).toBe(1);
    // 二(五) never passes: 良好的财务状况 is not judged
    await expect.poll(async () => (await page.getByTestId('conditions-table').textContent()) ?? '').toContain('二(五)');
    await suite.shot(page, '2-conditions');
    await page.context().close();
  });

  it('expert opinions are headed by the 规范条件 chapters', async () => {
    const page = await loggedIn('miit');
    await page.goto(`${suite.server.baseUrl}/applications/${expertCaseId}?tab=process`);
    const experts = page.getByTestId('process-experts');
    await experts.waitFor();
    await expect.poll(async () => (await experts.textContent()) ?? '').toContain('二、基本要求');
    const text = (await experts.textContent()) ?? '';
    for (const title of ['三、再制造能力', '四、管理体系和安全生产', '五、环境保护和社会责任', '六、售后服务和职业教育']) expect(text).toContain(title);
    expect(text).not.toContain('六、其他需要说明的情况');
    expect(text).not.toContain('一、企业基本情况');
    await suite.shot(page, '3-expert-opinions');
    await page.context().close();
  });
});
