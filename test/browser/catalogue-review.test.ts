/**
 * 再制造产品目录 申请与审核 screens in Chromium (issue 14 item 1, docs/public-portal.md "Catalogue"): the enterprise drafts
 * an application in the drawer (empty save → the fields say what is missing), uploads the test report's file (checked
 * by content on the server) and sees it linked; the provincial reviewer forwards a submitted application with its
 * opinion; MIIT puts it on 公示 for 5 working days and it appears in the public catalogue's notice tab. Screenshots:
 * test-output/screenshots/catalogue-*.png.
 */
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';
import { buildProduct, TINY_PDF } from '../support/factories.js';

const MODEL = 'BT-CAT-9';
let submittedId = '';

describeBrowser('catalogue applications and their review in the browser', () => {
  const suite = useBrowserSuite('catalogue', {
    // a submitted application of 广州精工 for a traced unit of its own (its rate from the trace records)
    setup: async (server) => {
      const s = server.services;
      const u = (await server.database.raw.query<{ id: string; enterprise_id: string }>(`SELECT id, enterprise_id FROM users WHERE username = 'ent-gd'`)).rows[0]!;
      const enterpriseId = u.enterprise_id;
      const ctx = {
        principal: { kind: 'user', userId: u.id, username: 'ent-gd', role: 'enterprise_admin', enterpriseId, authorityId: null, expertId: null, buyerOrgId: null, mustChangePassword: false, sessionTokenHash: null },
        ip: '127.0.0.1',
        requestId: 'browser-setup',
      } as const;
      const code = (await buildProduct(s, enterpriseId, { name: '再制造起动机', model: MODEL })).code;
      const std = (await s.portal.content.standards.publicList({}, { page: 1, pageSize: 1 })).rows[0]!;
      const org = (await s.portal.content.testingOrgs.publicList({}, { page: 1, pageSize: 1 })).rows[0]!;
      const a = await s.catalogue.create(ctx as never, { productName: '再制造起动机', model: MODEL, field: 'internal_combustion_engines', specifications: '12 V 4.5 kW', standardCode: std.code, testReports: [{ testingOrgId: org.id, reportNo: 'BT-2026-1', issuedOn: '2026-11-02' }], sampleProductCode: code });
      await s.catalogue.reports.attach(ctx as never, a.id, 0, { filename: '报告.pdf', data: TINY_PDF });
      await s.catalogue.step(ctx as never, a.id, 'submit');
      submittedId = a.id;
    },
  });
  const base = () => suite.server.baseUrl;

  it('the enterprise drafts and attaches a report file; the province forwards; MIIT puts the model on 公示', async () => {
    const ent = await suite.page({ login: { username: 'ent-gd', password: DEMO_PASSWORD } });
    await ent.getByTestId('menu-catalogue-applications').click();
    await ent.waitForURL(/\/catalogue-applications/);
    await ent.getByTestId(`capp-row-${MODEL}`).waitFor();
    await ent.getByTestId('capp-new').click();
    await ent.getByTestId('capp-save').click(); // empty: the fields say what is missing, nothing is sent
    await ent.getByTestId('capp-form').getByText('请填写此项').first().waitFor();
    await ent.getByTestId('capp-f-productName').fill('再制造发电机');
    await ent.getByTestId('capp-f-model').fill('JF-BROWSER-1');
    await ent.getByTestId('capp-f-field').click();
    await ent.locator('.ant-select-item-option').filter({ hasText: '内燃机' }).first().click();
    // the standard by typing its code (a searchable select), the organisation by the keyboard (the first of the directory)
    await ent.getByTestId('capp-f-standard').click();
    await ent.keyboard.type('28618');
    await ent.locator('.ant-select-item-option').filter({ hasText: 'GB/T 28618' }).first().waitFor();
    await ent.keyboard.press('Enter');
    await ent.getByTestId('capp-f-org-0').click();
    await ent.locator('.ant-select-item-option').filter({ hasText: 'CNAS' }).first().waitFor();
    await ent.keyboard.press('Enter');
    await ent.getByTestId('capp-f-reportNo-0').fill('JF-2026-7');
    await ent.getByTestId('capp-f-issuedOn-0').click();
    await ent.keyboard.type('2026-11-20');
    await ent.keyboard.press('Enter');
    await ent.getByTestId('capp-save').click();
    await expect.poll(() => ent.getByTestId('capp-detail-state').textContent()).toBe('草稿');
    expect(await ent.getByTestId('capp-report-0').textContent()).toContain('尚未上传报告文件');
    const chooser = ent.waitForEvent('filechooser');
    await ent.getByTestId('capp-upload-0').click();
    await (await chooser).setFiles({ name: '检测报告JF-2026-7.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await expect.poll(() => ent.getByTestId('capp-file-0').textContent()).toBe('检测报告JF-2026-7.pdf');
    expect(await ent.getByTestId('capp-step-submit').isVisible()).toBe(true);
    await suite.shot(ent, '1-enterprise-draft');
    await ent.context().close();

    const gd = await suite.page({ login: { username: 'gd-reviewer', password: DEMO_PASSWORD } });
    await gd.goto(`${base()}/catalogue-applications`);
    await gd.getByTestId(`capp-row-${MODEL}`).click();
    await expect.poll(() => gd.getByTestId('capp-detail-state').textContent()).toBe('待省级审核');
    expect(await gd.getByTestId('capp-file-0').textContent()).toBe('报告.pdf');
    await gd.getByTestId('capp-step-forward').click();
    await gd.getByTestId('capp-text').fill('材料齐全，检测报告出自名录内机构，同意报送。');
    await gd.getByTestId('confirm-ok').click();
    await expect.poll(() => gd.getByTestId('capp-detail-state').textContent()).toBe('待工信部复核');
    await suite.shot(gd, '2-province-forwarded');
    await gd.context().close();

    const miit = await suite.page({ login: { username: 'miit-officer', password: DEMO_PASSWORD } });
    await miit.getByTestId('menu-catalogue-applications').click();
    await miit.getByTestId(`capp-row-${MODEL}`).click();
    await miit.getByTestId('capp-step-start_notice').click();
    await miit.getByTestId('confirm-ok').click();
    await expect.poll(() => miit.getByTestId('capp-detail-state').textContent()).toBe('公示中');
    await suite.shot(miit, '3-miit-notice');
    await miit.goto(`${base()}/public/catalogue?tab=notice`);
    await expect.poll(() => miit.getByTestId('catalogue-model').allTextContents()).toContain(`再制造起动机 ${MODEL}`);
    await suite.shot(miit, '4-public-notice');
    expect(submittedId).toBeTruthy();
    await miit.context().close();
  });
});
