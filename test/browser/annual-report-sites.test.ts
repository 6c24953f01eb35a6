/**
 * One 年度报告 with one part per announced site, in Chromium (七(二)1, 附2 表2-3, 七(一)3; issue 15 item 14): an
 * enterprise registered in 广州 with sites in 广州 and 苏州 edits each site's 表2-3 in its own tab (the 苏州 part with
 * its own share of the output value) and saves; the report is completed and submitted; 江苏's reviewer, the
 * authority of the other site's region, reads it with the notice that it sees its sites' parts only, one tab, its
 * part's totals, and no review; 广东's reviewer sees both tabs and reviews. Screenshots:
 * test-output/screenshots/annual-report-sites-*.png.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { sampleReportForm, type AnnualReportForm } from '../../src/domain/annual-report/index.js';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { principalOf } from '../../src/server/modules/identity/identity.service.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

const NAME = '广州两地年报浏览器测试再制造有限公司';

describeBrowser('年度报告 per site in the browser', () => {
  const ids = { tianhe: '', suzhou: '', report: '' };
  const suite = useBrowserSuite('annual-report-sites', {
    setup: async (server) => {
      const s = server.services;
      const miit = (await s.identity.findByUsername('miit'))!;
      const ctx = { principal: principalOf(miit, null), ip: '127.0.0.1', requestId: 'browser-test' };
      const e = await s.enterprises.create(ctx, {
        name: NAME, creditCode: makeCreditCode('440106', 'MA5BR0WT2'), regionCode: '440106', address: '广东省广州市天河区科韵路18号', postalCode: null, website: null,
        legalRepresentative: '钱测', contactName: '钱主任', contactPhone: '020-38881111', contactEmail: 'sites@browser.example.cn', enterpriseType: 'private', listingStatus: 'none',
      });
      ids.tianhe = (await s.enterprises.createSite(ctx, e.id, { name: '天河厂区', address: '广东省广州市天河区科韵路18号', regionCode: '440106' })).id;
      ids.suzhou = (await s.enterprises.createSite(ctx, e.id, { name: '苏州车间', address: '江苏省苏州市吴中区东吴北路1号', regionCode: '320506' })).id;
      await s.announcements.importHistoric(ctx, {
        docNumber: '工业和信息化部公告 2025年第2号', announcedOn: '2025-01-10', title: '浏览器测试公告（两地）',
        entries: [{ enterpriseId: e.id, siteId: ids.tianhe, fields: ['internal_combustion_engines'] }, { enterpriseId: e.id, siteId: ids.suzhou, fields: ['machine_tools'] }],
      });
      await s.identity.createUserAsOperator({ username: 'ent-browser-ar2', displayName: '两地年报管理员', role: 'enterprise_admin', organizationId: e.id, password: DEMO_PASSWORD, mustChangePassword: false }, { demoSeed: true });
    },
  });
  const loggedIn = (login: string) => suite.page({ login: { username: login, password: DEMO_PASSWORD } });
  async function waitText(page: Page, testId: string, text: string) {
    const loc = page.getByTestId(testId).first();
    await loc.waitFor();
    await expect.poll(async () => (await loc.textContent()) ?? '', { message: `${testId} never showed "${text}"` }).toContain(text);
  }
  /** The open site tab's fields (each site tab repeats the same fields; the closed tabs' are hidden). */
  const sitePane = (page: Page) => ({ getByTestId: (id: string) => page.locator(`[data-testid="${id}"]:visible`) });
  /** Full-page shot from the top (a page scrolled to a field draws the fixed header mid-page). */
  const shot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await suite.shot(page, name);
  };

  it('the enterprise edits each site’s 表2-3 in its own tab and saves both parts', async () => {
    const page = await loggedIn('ent-browser-ar2');
    await page.goto(`${suite.server.baseUrl}/annual-reports?year=2025`);
    await page.getByTestId(`ar-start-${ids.tianhe}`).click();
    await page.waitForURL(/\/annual-reports\/[0-9a-f-]{36}$/);
    ids.report = page.url().split('/').pop()!;
    await page.getByTestId('ar-tab-table23').click();
    await waitText(page, 'ar-site-tab-0', '天河厂区');
    await waitText(page, 'ar-site-tab-1', '苏州车间');
    // 天河: one engine recovered
    let pane = sitePane(page);
    await pane.getByTestId('ar-add-recovery').click();
    await pane.getByTestId('ar-recovery-1-name').fill('旧发动机');
    await pane.getByTestId('ar-recovery-1-model').fill('WD615');
    await pane.getByTestId('ar-recovery-1-source').fill('主机厂售后网络');
    await pane.getByTestId('ar-recovery-1-count').fill('12');
    await pane.getByTestId('ar-total-recovery').fill('12');
    await waitText(page, 'ar-site-tab-0', '天河厂区');
    await shot(page, '1-enterprise-site-tianhe');
    // 苏州: its own rows, facts and its share of the output value
    await page.getByTestId('ar-site-tab-1').click();
    pane = sitePane(page);
    await pane.getByTestId('ar-add-recovery').click();
    await pane.getByTestId('ar-recovery-1-name').fill('旧机床主轴');
    await pane.getByTestId('ar-recovery-1-model').fill('CK6140');
    await pane.getByTestId('ar-recovery-1-source').fill('机床用户回收');
    await pane.getByTestId('ar-recovery-1-count').fill('7');
    await pane.getByTestId('ar-total-recovery').fill('7');
    await page.getByTestId('ar-site-value-1').fill('600');
    await page.getByTestId('ar-site-facts-1').fill('苏州车间本年度新增数控磨床一台。');
    await expect.poll(async () => (await pane.getByTestId('ar-sum-recovery').textContent()) ?? '').toContain('✓');
    await shot(page, '2-enterprise-site-suzhou');
    await page.getByTestId('ar-save').click();
    await page.getByText('已保存').first().waitFor();
    const { rows } = await suite.server.database.raw.query<{ form: AnnualReportForm }>('SELECT form FROM annual_reports WHERE id = $1', [ids.report]);
    const parts = rows[0]!.form.sites!;
    expect(parts.find((p) => p.siteId === ids.tianhe)!.table23!.recovery!.total).toBe(12);
    expect(parts.find((p) => p.siteId === ids.suzhou)).toMatchObject({ outputValue: 600, facts: '苏州车间本年度新增数控磨床一台。', table23: { recovery: { total: 7 } } });
    await page.context().close();

    // the rest of the report completed and submitted (the full form is the other browser test's subject)
    const s = suite.server.services;
    const admin = (await s.identity.findByUsername('ent-browser-ar2'))!;
    const ctx = { principal: principalOf(admin, null), ip: '127.0.0.1', requestId: 'browser-test' };
    const form = sampleReportForm({ siteIds: [ids.tianhe, ids.suzhou], enterpriseName: NAME });
    form.sites![1]!.outputValue = 600;
    await s.annualReports.saveForm(ctx, ids.report, form);
    await s.annualReports.submit(ctx, ids.report);
  });

  it('江苏’s reviewer reads the report with the notice, only 苏州’s tab and its totals, and cannot review', async () => {
    const page = await loggedIn('js-reviewer');
    await page.goto(`${suite.server.baseUrl}/annual-reports/${ids.report}`);
    await waitText(page, 'ar-reader-notice', '贵单位可查阅辖区内厂区的部分');
    await waitText(page, 'ar-reader-notice', '回收 200 件');
    await page.getByTestId('ar-tab-table23').click();
    await waitText(page, 'ar-site-tab-0', '苏州车间');
    expect(await page.getByTestId('ar-site-tab-1').count()).toBe(0);
    expect(await page.getByTestId('ar-review').count()).toBe(0);
    expect(await page.getByTestId('ar-site-value-0').inputValue()).toBe('600.00');
    await shot(page, '3-reader-jiangsu');
    await page.context().close();
  });

  it('广东’s reviewer (the registered region) sees both parts and reviews', async () => {
    const page = await loggedIn('gd-reviewer');
    await page.goto(`${suite.server.baseUrl}/annual-reports/${ids.report}`);
    await page.getByTestId('ar-review').waitFor();
    expect(await page.getByTestId('ar-reader-notice').count()).toBe(0);
    await page.getByTestId('ar-tab-table23').click();
    await waitText(page, 'ar-site-tab-1', '苏州车间');
    await shot(page, '4-reviewer-guangdong');
    await page.context().close();
  });
});
