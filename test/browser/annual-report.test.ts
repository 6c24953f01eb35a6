/**
 * The 年度报告 in Chromium: an announced enterprise (seeded here: its own enterprise, site, historic 公告 entry
 * and login) opens its 2025 report, fills the cover, the outline, 表2-1 and 表2-3 — the live totals flag a
 * mismatch, then agree —, saves and submits it (late: the demo date is past 31 March 2026); the provincial
 * reviewer (gd-reviewer) accepts it with an audit opinion. MIIT's statistics page and the public statistics
 * page are shot too. Screenshots go to test-output/screenshots/annual-report-*.png.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { principalOf } from '../../src/server/modules/identity/identity.service.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

const NAME = '广州浏览器年报测试再制造有限公司';

describeBrowser('年度报告 in the browser', () => {
  let siteId = '';
  let reportId = '';
  const suite = useBrowserSuite('annual-report', {
    setup: async (server) => {
      const s = server.services;
      const miit = (await s.identity.findByUsername('miit'))!;
      const ctx = { principal: principalOf(miit, null), ip: '127.0.0.1', requestId: 'browser-test' };
      const e = await s.enterprises.create(ctx, {
        name: NAME, creditCode: makeCreditCode('440106', 'MA5BR0WQ1'), regionCode: '440106', address: '广东省广州市天河区科韵路16号', postalCode: null, website: null,
        legalRepresentative: '赵测', contactName: '赵主任', contactPhone: '020-38880000', contactEmail: 'ar@browser.example.cn', enterpriseType: 'private', listingStatus: 'none',
      });
      siteId = (await s.enterprises.createSite(ctx, e.id, { name: '天河厂区', address: '广东省广州市天河区科韵路16号', regionCode: '440106' })).id;
      await s.announcements.importHistoric(ctx, { docNumber: '工业和信息化部公告 2025年第1号', announcedOn: '2025-01-10', title: '浏览器测试公告', entries: [{ enterpriseId: e.id, siteId, fields: ['internal_combustion_engines'] }] });
      await s.identity.createUserAsOperator({ username: 'ent-browser-ar', displayName: '年报测试管理员', role: 'enterprise_admin', organizationId: e.id, password: DEMO_PASSWORD, mustChangePassword: false }, { demoSeed: true });
    },
  });
  const loggedIn = (login: string) => suite.page({ login: { username: login, password: DEMO_PASSWORD } });
  /** Wait until the element's text contains `text`. */
  async function waitText(page: Page, testId: string, text: string) {
    const loc = page.getByTestId(testId).first();
    await loc.waitFor();
    await expect.poll(async () => (await loc.textContent()) ?? '', { message: `${testId} never showed "${text}"` }).toContain(text);
  }
  const shot = suite.shot;

  it('the enterprise fills and submits its report', async () => {
    const page = await loggedIn('ent-browser-ar');
    await page.goto(`${suite.server.baseUrl}/annual-reports?year=2025`);
    await page.getByTestId(`ar-start-${siteId}`).click();
    await page.waitForURL(/\/annual-reports\/[0-9a-f-]{36}$/);
    reportId = page.url().split('/').pop()!;
    await page.getByTestId('ar-cover-enterpriseName').waitFor();
    expect(await page.getByTestId('ar-cover-enterpriseName').inputValue()).toBe(NAME);

    // 封面
    await page.getByTestId('ar-cover-contactTitle').fill('质量部经理');
    await page.getByTestId('ar-cover-mobile').fill('13900001111');
    await shot(page, '1-cover');
    // 提纲
    await page.getByTestId('ar-tab-outline').click();
    await page.getByTestId('ar-outline-s1_compliance').fill('持续符合规范条件各项要求；下一年度计划扩产20%。');
    await page.getByTestId('ar-outline-s2_operations').fill('旧件回收、生产、销售平稳，财务状况良好，无股权变更。');
    await page.getByTestId('ar-operations-outputValue').fill('1850.5');
    await page.getByTestId('ar-outline-s3_capability').fill('新增清洗线一条，产能提升15%。');
    // 表2-1
    await page.getByTestId('ar-tab-table21').click();
    for (let i = 1; i <= 6; i++) await page.getByTestId(`ar-t21-e${i}`).fill(`第${i}项执行情况良好。`);
    // 表2-3
    await page.getByTestId('ar-tab-table23').click();
    const row = async (section: string, cols: Record<string, string>, count: number) => {
      await page.getByTestId(`ar-add-${section}`).click();
      for (const [k, v] of Object.entries(cols)) await page.getByTestId(`ar-${section}-1-${k}`).fill(v);
      await page.getByTestId(`ar-${section}-1-count`).fill(String(count));
    };
    await row('recovery', { name: '旧发动机', model: 'WD615', source: '主机厂售后网络' }, 40);
    await row('reman', { name: '再制造发动机', model: 'WD615-R' }, 30);
    await page.getByTestId('ar-reman-1-field').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '内燃机' }).first().click();
    await row('sales', { name: '再制造发动机', model: 'WD615-R', buyer: '某物流公司' }, 25);
    await page.getByTestId('ar-total-recovery').fill('41'); // wrong on purpose
    await page.getByTestId('ar-total-reman').fill('30');
    await page.getByTestId('ar-total-sales').fill('25');
    await waitText(page, 'ar-sum-recovery', '≠ 41');
    await waitText(page, 'ar-sum-reman', '✓');
    await shot(page, '2-table23-mismatch');
    await page.getByTestId('ar-total-recovery').fill('40');
    await waitText(page, 'ar-sum-recovery', '✓');
    await page.getByTestId('ar-save').click();
    await page.getByText('已保存').first().waitFor();
    await shot(page, '3-table23');

    // a malformed 表2-3 workbook is refused whole, every bad cell listed; the form keeps its values
    const bad = new ExcelJS.Workbook();
    bad.addWorksheet('回收情况').getCell('B2').value = '四十';
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('ar-upload').click();
    await (await chooser).setFiles({ name: '表2-3.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await bad.xlsx.writeBuffer()) });
    await waitText(page, 'ar-cell-errors', '四十');
    await waitText(page, 'ar-cell-errors', '缺少工作表“再制造情况”');
    await shot(page, '3b-upload-refused');
    expect(await page.getByTestId('ar-total-recovery').inputValue()).toBe('40');

    await page.getByTestId('ar-submit').click();
    await page.getByTestId('confirm-ok').click();
    await waitText(page, 'ar-state', '已提交待审核');
    await page.getByTestId('ar-late').waitFor();
    await shot(page, '4-submitted');
    await page.context().close();
  });

  it('the provincial reviewer accepts it with an audit opinion', async () => {
    const page = await loggedIn('gd-reviewer');
    await page.goto(`${suite.server.baseUrl}/annual-reports?year=2025`);
    await page.getByTestId(`ar-open-${siteId}`).waitFor();
    await shot(page, '5-authority-list');
    await page.getByTestId('ar-tab-overdue').click();
    await page.getByTestId('ar-table').getByText('东莞精密机床再制造有限公司').waitFor();
    await shot(page, '6-authority-overdue');
    await page.goto(`${suite.server.baseUrl}/annual-reports/${reportId}`);
    await page.getByTestId('ar-opinion-input').fill('经审核，该企业2025年度持续符合规范条件要求，逾期提交已要求说明原因。');
    await page.getByTestId('ar-accept').click();
    await page.getByTestId('confirm-ok').click();
    await waitText(page, 'ar-state', '审核通过');
    await waitText(page, 'ar-opinion', '持续符合规范条件');
    await shot(page, '7-accepted');
    const rows = await suite.server.database.raw.query<{ state: string; recovered_total: number; late: boolean }>('SELECT state, recovered_total, late FROM annual_reports WHERE id = $1', [reportId]);
    expect(rows.rows[0]).toEqual({ state: 'accepted', recovered_total: 40, late: true });
    await page.context().close();
  });

  it('MIIT reads the statistics charts; the public sees national totals', async () => {
    const page = await loggedIn('miit');
    await page.goto(`${suite.server.baseUrl}/statistics`);
    await page.getByTestId('region-chart').waitFor();
    await page.getByTestId('trend-chart').waitFor();
    await waitText(page, 'stat-region-table', '广东省');
    await shot(page, '8-statistics');
    await page.context().close();
    const pub = await suite.page();
    await pub.goto(`${suite.server.baseUrl}/public/statistics`);
    await pub.getByTestId('trend-chart').waitFor();
    await pub.getByTestId('public-nav-statistics').waitFor();
    expect(await pub.content()).not.toContain(NAME);
    await shot(pub, '9-public');
    await pub.context().close();
  });
});
