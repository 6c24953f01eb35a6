/**
 * Testing organisations' and enterprises' test-report screens in Chromium (issue 14; docs/public-portal.md "Test reports
 * on products"): the demo testing organisation's user (testing-org) issues a report on a traced unit of 广州精工 in the
 * 出具报告 dialog (the field limited to its accredited fields, the file uploaded); the enterprise hears of it, finds it in
 * its 产品检测报告 list (not its to withdraw) and cites it in a catalogue application draft (the file taken over, nothing
 * uploaded again); the unit's verification page /p/{code} says who issued it; the organisation withdraws it after the
 * confirmation that names the consequence. MIIT's directory drawer shows the entry's accredited fields. The
 * organisation's administrator (testing-org-admin) has 检测报告 and 用户管理, and adds a user of its own organisation.
 * Screenshots: test-output/screenshots/testing-org-*.png.
 */
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { DEMO_TESTING_ORG_ADMIN_LOGIN, DEMO_TESTING_ORG_LOGIN } from '../../src/server/demo-areas/portal.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';
import { buildProduct, TINY_PDF } from '../support/factories.js';

const MODEL = 'BT-TR-7';
const REPORT = 'JC-BT-2026-07';
const ORG = '国家再制造产品质量检验检测中心（示例）';
let code = '';

describeBrowser('testing organisations’ and enterprises’ test reports in the browser', () => {
  const suite = useBrowserSuite('testing-org', {
    // a traced unit of 广州精工 of a model no report covers yet
    setup: async (server) => {
      const e = (await server.database.raw.query<{ enterprise_id: string }>(`SELECT enterprise_id FROM users WHERE username = 'ent-gd'`)).rows[0]!;
      code = (await buildProduct(server.services, e.enterprise_id, { name: '再制造柴油发动机', model: MODEL })).code;
    },
  });
  const base = () => suite.server.baseUrl;

  it('the organisation issues → the enterprise is notified, lists and cites it → /p/{code} names the organisation → withdrawn', async () => {
    // ---- the testing organisation's user: its list and the 出具报告 dialog
    const lab = await suite.page({ login: { username: DEMO_TESTING_ORG_LOGIN, password: DEMO_PASSWORD } });
    await lab.getByTestId('menu-testing-reports').click();
    await expect.poll(() => lab.getByTestId('preport-scope').textContent()).toContain('内燃机');
    await lab.getByTestId('preport-issue').click();
    await lab.locator('.ant-modal-wrap [data-testid="preport-f-productCode"]').waitFor();
    await lab.getByTestId('preport-submit').click(); // empty: the fields say what is missing, nothing is sent
    await lab.locator('.ant-modal-wrap').getByText('请选择报告文件').waitFor();
    await lab.getByTestId('preport-f-productCode').fill(code);
    await lab.getByTestId('preport-f-field').click();
    // only the accredited fields are offered
    // polled: on a loaded machine the dropdown may render (or re-render after the scope query) between two reads
    await expect.poll(() => lab.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents()).toEqual(['内燃机', '机械基础件', '工程机械']);
    await lab.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '内燃机' }).click();
    await lab.getByTestId('preport-f-reportNo').fill(REPORT);
    await lab.getByTestId('preport-f-issuedOn').click();
    await lab.keyboard.type('2026-11-20');
    await lab.keyboard.press('Enter');
    await lab.getByTestId('preport-f-conclusion').fill('按 GB/T 32222-2015 检验，所检项目符合要求');
    const chooser = lab.waitForEvent('filechooser');
    await lab.getByTestId('preport-f-file').click();
    await (await chooser).setFiles({ name: `检测报告 ${REPORT}.pdf`, mimeType: 'application/pdf', buffer: TINY_PDF });
    await lab.locator('.ant-modal-wrap').getByText(`检测报告 ${REPORT}.pdf`).waitFor();
    await suite.shot(lab, '1-issue-dialog');
    const [filed] = await Promise.all([
      lab.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/catalogue\/product-reports\/[0-9a-f-]{36}\/file$/.test(r.url())),
      lab.getByTestId('preport-submit').click(),
    ]);
    expect(filed.status(), await filed.text()).toBe(201);
    const row = lab.locator(`[data-testid="preport-row-${REPORT}"][data-status="live"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('广州精工再制造科技有限公司');
    await suite.shot(lab, '2-issued-list');

    // ---- the enterprise: the notification leads to its list; it cites the report in a catalogue application draft
    const ent = await suite.page({ login: { username: 'ent-gd', password: DEMO_PASSWORD } });
    await ent.getByTestId('notifications').click();
    const note = ent.getByTestId('notification-item').filter({ hasText: REPORT });
    expect(await note.first().textContent()).toContain(`${ORG} 为产品 ${code} 出具了检测报告 ${REPORT}`);
    await note.locator('a').first().click();
    const entRow = ent.locator(`[data-testid="preport-row-${REPORT}"][data-status="live"]`);
    await entRow.waitFor();
    expect(await entRow.textContent()).toContain('检测机构出具');
    expect(await ent.getByTestId(`preport-withdraw-${REPORT}`).count()).toBe(0); // the organisation's, not the enterprise's
    await suite.shot(ent, '3-enterprise-list');

    await ent.getByTestId('menu-catalogue-applications').click();
    await ent.getByTestId('capp-table').waitFor();
    await ent.getByTestId('capp-new').click();
    await ent.locator('.ant-drawer-open [data-testid="capp-f-productName"]').waitFor();
    await ent.getByTestId('capp-f-productName').fill('再制造柴油发动机');
    await ent.getByTestId('capp-f-model').fill(MODEL);
    await ent.getByTestId('capp-f-field').click();
    await ent.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '内燃机' }).first().click();
    await ent.getByTestId('capp-f-standard').click();
    await ent.keyboard.type('32222');
    await ent.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'GB/T 32222' }).first().waitFor();
    await ent.keyboard.press('Enter');
    await ent.getByTestId('capp-f-cite-0').click();
    await ent.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: REPORT }).click();
    await expect.poll(() => ent.getByTestId('capp-f-reportNo-0').inputValue()).toBe(REPORT);
    await suite.shot(ent, '4-application-cites');
    const [saved] = await Promise.all([
      ent.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/catalogue/applications')),
      ent.getByTestId('capp-save').click(),
    ]);
    expect(saved.status(), await saved.text()).toBe(201);
    await expect.poll(() => ent.getByTestId('capp-detail-state').textContent()).toBe('草稿');
    expect(await ent.getByTestId('capp-file-0').textContent()).toBe(`检测报告 ${REPORT}.pdf`); // taken over, not uploaded again
    expect(await ent.getByTestId('capp-report-0').textContent()).toContain(ORG);
    await suite.shot(ent, '5-application-draft');

    // ---- the public verification page names the organisation that issued it
    await ent.goto(`${base()}/p/${encodeURIComponent(code)}`);
    await expect.poll(() => ent.getByTestId('verify-test-reports').textContent()).toContain(`由检测机构 ${ORG} 出具`);
    await suite.shot(ent, '6-verify-page');

    // ---- the organisation withdraws it after the confirmation naming the consequence
    await lab.getByTestId(`preport-withdraw-${REPORT}`).click();
    await lab.locator('.ant-modal-wrap [data-testid="confirm-consequence"]').waitFor();
    expect(await lab.getByTestId('confirm-consequence').textContent()).toContain('产品验证页');
    const [withdrawn] = await Promise.all([
      lab.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/withdraw')),
      lab.getByTestId('confirm-ok').click(),
    ]);
    expect(withdrawn.status(), await withdrawn.text()).toBe(200);
    await lab.locator(`[data-testid="preport-row-${REPORT}"][data-status="withdrawn"]`).waitFor();
    await suite.shot(lab, '7-withdrawn');
    await lab.context().close();
    await ent.context().close();
  });

  it('the organisation’s administrator sees its reports and its users, and adds a user of its own organisation', async () => {
    const admin = await suite.page({ login: { username: DEMO_TESTING_ORG_ADMIN_LOGIN, password: DEMO_PASSWORD } });
    await admin.getByTestId('menu-testing-reports').click();
    await expect.poll(() => admin.getByTestId('preport-scope').textContent()).toContain('内燃机');
    await admin.getByTestId('menu-users').click();
    const rows = admin.getByTestId('users-table').locator('tr.ant-table-row');
    await rows.filter({ hasText: DEMO_TESTING_ORG_LOGIN }).first().waitFor();
    // its organisation's users only: the demo staff user and itself
    await expect.poll(async () => (await rows.allTextContents()).map((t) => /^[a-z0-9-]+/.exec(t)?.[0]).sort()).toEqual([DEMO_TESTING_ORG_LOGIN, DEMO_TESTING_ORG_ADMIN_LOGIN]);
    await admin.getByTestId('user-create').click();
    const dialog = admin.getByRole('dialog');
    await dialog.locator('#new-username').fill('testing-org-lab2');
    await dialog.locator('#new-displayName').fill('第二检测员');
    await dialog.locator('#new-role').click();
    await expect.poll(() => admin.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').allTextContents()).toEqual(['检测机构用户', '检测机构管理员']);
    await admin.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '检测机构用户' }).click();
    const [created] = await Promise.all([
      admin.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/users')),
      admin.getByTestId('user-create-submit').click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    expect((await created.json()).user).toMatchObject({ role: 'testing_org_staff', organization: { name: ORG } });
    await admin.getByTestId('initial-password').waitFor();
    await suite.shot(admin, '9-admin-users');
    await admin.context().close();
  });

  it('MIIT’s directory drawer shows and edits the accredited fields', async () => {
    const miit = await suite.page({ login: { username: 'miit-officer', password: DEMO_PASSWORD } });
    await miit.goto(`${base()}/portal-admin/testing-organizations`);
    const row = miit.locator('tr').filter({ hasText: ORG });
    await row.first().waitFor();
    await row.first().getByTestId('portal-edit').click();
    const field = miit.locator('.ant-drawer-open [data-testid="f-scopeFields"]');
    await field.waitFor();
    await expect.poll(() => field.locator('.ant-select-selection-item').allTextContents()).toEqual(['内燃机', '机械基础件', '工程机械']);
    await suite.shot(miit, '8-directory-drawer');
    await miit.context().close();
  });
});
