/**
 * 投诉举报 in Chromium (规范条件 七(二)2): a member of the public, not logged in, files a complaint about 广州精工
 * with the form and an evidence photo, gets the tracking code shown big, looks it up; MIIT (miit) finds it in
 * 动态管理 → 投诉举报, sees the contact, accepts it; the public lookup then shows 已受理 — never the contact.
 * Screenshots go to test-output/screenshots/complaint-*.png.
 */
import { expect, it } from 'vitest';
import { TRACKING_CODE_RE } from '../../src/domain/supervision/index.js';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { describeBrowser, submitLogin, useBrowserSuite } from '../support/browser.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e40000000049454e44ae426082', 'hex');
const CONTACT = '陈女士 13600001111';

describeBrowser('public complaint in the browser', () => {
  const suite = useBrowserSuite('complaint');
  let code = '';
  const newPage = () => suite.page();
  const shot = suite.shot;

  it('the public files a complaint with evidence and gets a tracking code', async () => {
    const page = await newPage();
    await page.goto(`${suite.server.baseUrl}/public`);
    await page.getByTestId('public-nav-complaints').click();
    await page.getByTestId('complaint-form').waitFor();
    await page.getByTestId('complaint-enterprise').fill('广州精工再制造科技有限公司');
    await page.getByTestId('complaint-subject').fill('再制造产品未标注再制造信息');
    await page.getByTestId('complaint-facts').fill('在经销商处购买的再制造齿轮箱没有任何再制造标识和使用说明，与销售时的宣传不符。');
    await page.getByTestId('complaint-contact').fill(CONTACT);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('complaint-evidence').click();
    await (await chooser).setFiles({ name: '产品照片.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('产品照片.png').waitFor();
    await shot(page, '1-form');
    await page.getByTestId('complaint-submit').click();
    const codeEl = page.getByTestId('complaint-tracking-code');
    await codeEl.waitFor();
    code = ((await codeEl.textContent()) ?? '').replace(/[^0-9A-Z]/g, '');
    expect(code).toMatch(TRACKING_CODE_RE);
    await shot(page, '2-tracking-code');

    await page.getByTestId('complaint-go-track').click();
    await page.getByTestId('track-result').waitFor();
    expect(await page.getByTestId('cmp-state').getAttribute('data-state')).toBe('received');
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain(code);
    expect(text).not.toContain('13600001111');
    await shot(page, '3-track-received');
    await page.context().close();
  });

  it('MIIT sees it with the contact and accepts it; the public lookup follows', async () => {
    const page = await newPage();
    await submitLogin(page, suite.server.baseUrl, 'miit', DEMO_PASSWORD);
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${suite.server.baseUrl}/supervision?tab=complaints`);
    const table = page.getByTestId('complaints-table');
    await table.getByText(code).waitFor();
    await shot(page, '4-miit-list');
    await table.locator('tr', { hasText: code }).getByTestId('complaint-row-link').click();
    await page.getByTestId('complaint-code').getByText(code).waitFor();
    expect(await page.getByTestId('complaint-contact').textContent()).toBe(CONTACT);
    await page.getByTestId('complaint-accept').click();
    await page.locator('[data-testid="cmp-state"][data-state="accepted"]').waitFor();
    await shot(page, '5-miit-accepted');
    await page.context().close();

    const pub = await newPage();
    await pub.goto(`${suite.server.baseUrl}/public/complaints/track`);
    await pub.getByTestId('track-code-input').fill(code.toLowerCase());
    await pub.getByTestId('track-submit').click();
    await pub.locator('[data-testid="cmp-state"][data-state="accepted"]').waitFor();
    expect((await pub.locator('body').textContent()) ?? '').not.toContain('13600001111');
    await shot(pub, '6-track-accepted');
    await pub.context().close();
  });

  it('revocation after the hearing: MIIT decides, the enterprise files its rectification, its authority accepts', async () => {
    const miit = await newPage();
    await submitLogin(miit, suite.server.baseUrl, 'miit', DEMO_PASSWORD);
    await miit.getByTestId('user-menu').waitFor();
    await miit.goto(`${suite.server.baseUrl}/supervision?tab=revocations`);
    await miit.getByTestId('revocations-table').getByText('武汉江城汽车零部件再制造有限公司').click();
    await miit.getByTestId('rev-decide').waitFor();
    await shot(miit, '7-revocation-hearing');
    await miit.getByTestId('rev-hearing').fill('企业书面陈述称系经销商私自更换包装，但未提供证据。');
    await miit.getByTestId('rev-reason').fill('七(二)4(1)、(5) 情形成立，撤销公告。');
    await miit.getByTestId('rev-decide').click();
    // the decision is public at once with a two-year lock: the dialog says so before anything is sent
    expect(await miit.getByTestId('confirm-consequence').textContent()).toContain('两年内不得再次申请');
    await miit.getByTestId('confirm-ok').click();
    await miit.locator('[data-testid="rev-state"][data-state="revoked"]').waitFor();
    await shot(miit, '8-revoked');
    await miit.context().close();

    const ent = await newPage();
    await submitLogin(ent, suite.server.baseUrl, 'ent-wh', DEMO_PASSWORD);
    await ent.getByTestId('user-menu').waitFor();
    await ent.goto(`${suite.server.baseUrl}/supervision?tab=revocations`);
    await ent.getByTestId('revocations-table').getByText('武汉江城汽车零部件再制造有限公司').click();
    await ent.getByTestId('rev-rect-text').fill('已召回涉事批次，完善再制造标识管理制度并接受复查。');
    await ent.getByTestId('rev-rect-submit').click();
    await ent.getByTestId('confirm-ok').click();
    await ent.getByTestId('rev-rect-state').getByText('整改待验收').waitFor();
    await ent.context().close();

    const hb = await newPage();
    await submitLogin(hb, suite.server.baseUrl, 'hb-reviewer', DEMO_PASSWORD);
    await hb.getByTestId('user-menu').waitFor();
    await hb.goto(`${suite.server.baseUrl}/supervision?tab=revocations`);
    await hb.getByTestId('revocations-table').locator('tr', { hasText: '武汉江城' }).getByText('武汉江城汽车零部件再制造有限公司').click();
    await hb.getByTestId('rev-rect-opinion').fill('经现场复查，整改合格。');
    await hb.getByTestId('rev-rect-accept').click();
    await hb.getByTestId('confirm-ok').click();
    const reapply = hb.getByTestId('rev-reapply-from');
    await reapply.waitFor();
    expect(await reapply.textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await shot(hb, '9-rectification-accepted');
    await hb.context().close();

    // the public: 武汉江城 is off the announced list; its published batch shows it revoked, with the date
    const pub = await newPage();
    await pub.goto(`${suite.server.baseUrl}/public/announcements`);
    const revoked = pub.locator('tr', { hasText: '武汉江城汽车零部件再制造有限公司' }).getByTestId('entry-revoked');
    await revoked.waitFor();
    expect(await revoked.textContent()).toMatch(/^已撤销公告（\d{4}-\d{2}-\d{2}）$/);
    await shot(pub, '10-public-revoked');
    await pub.context().close();
  });
});
