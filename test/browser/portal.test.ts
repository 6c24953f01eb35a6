/**
 * 公共信息服务 in Chromium (issue 14, docs/public-portal.md): the public's one search finds a standard and a market
 * listing by one Chinese word ("起动机"), the standard's detail page opens from the hit; MIIT drafts a policy
 * document in its editing screen, publishes it after a confirmation, sees the audit trail, and the document is at
 * once in the public list, the search and /feeds/policies.atom. Screenshots: test-output/screenshots/portal-*.png.
 */
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

describeBrowser('the public information service in the browser', () => {
  const suite = useBrowserSuite('portal');
  const base = () => suite.server.baseUrl;

  it('the one search finds a standard and a listing by "起动机"; the standard opens on its own page', async () => {
    const page = await suite.page();
    await page.goto(`${base()}/public/search`);
    await page.getByTestId('portal-search-input').locator('input').fill('起动机');
    await page.getByTestId('portal-search-input').locator('input').press('Enter');
    await page.waitForURL(/q=/);
    await page.getByTestId('portal-search-hit').first().waitFor();
    const types = await page.getByTestId('portal-search-hit').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(types).toContain('standard');
    expect(types).toContain('listing');
    const standardHit = page.locator('[data-testid="portal-search-hit"][data-type="standard"]').first();
    expect(await standardHit.locator('mark').first().textContent()).toBe('起动机');
    expect(await page.locator('[data-testid="portal-search-hit"][data-type="listing"]').first().textContent()).toContain('QD2821');
    await suite.shot(page, '1-search');

    await standardHit.getByRole('link').click();
    await page.waitForURL(/\/public\/standards\//);
    await expect.poll(() => page.getByTestId('page-title').textContent()).toContain('GB/T 28673-2012');
    expect(await page.getByTestId('page-title').textContent()).toContain('起动机');
    await suite.shot(page, '2-standard');
    await page.context().close();
  });

  it('MIIT drafts a policy, publishes it after a confirmation; it is in the public list, the search and the feed at once', async () => {
    const title = '关于开展工程机械再制造以旧换新试点的通知（浏览器测试）';
    const page = await suite.page({ login: { username: 'miit-officer', password: DEMO_PASSWORD } });
    await page.getByTestId('menu-portal-admin').click();
    await page.waitForURL(/\/portal-admin/);
    await page.getByRole('tab', { name: '政策文件' }).click();
    await page.waitForURL(/\/portal-admin\/policies/);
    // the policies list itself (its 类别 column), not the standards tab's 新建 still on screen while the tabs switch
    await page.getByRole('columnheader', { name: '类别' }).waitFor();
    await page.getByTestId('portal-new').click();
    await page.locator('.ant-drawer-open').getByTestId('portal-save').waitFor();
    await page.getByTestId('portal-save').click(); // empty: the fields say what is missing, nothing is sent
    await page.getByText('请填写此项').first().waitFor();
    await page.getByTestId('f-title').fill(title);
    await page.getByTestId('f-category').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '通知' }).first().click();
    await page.getByTestId('f-issuedOn').click();
    await page.keyboard.type('2026-12-01');
    await page.keyboard.press('Enter');
    await page.getByTestId('f-docNumber').fill('工信厅节函〔2026〕99号');
    await page.getByTestId('f-body').fill('各省、自治区、直辖市工业和信息化主管部门：为推动工程机械再制造产品以旧换新，现开展试点。');
    await page.getByTestId('portal-save').click();
    await page.getByText('草稿已保存').waitFor();
    await suite.shot(page, '3-draft');
    await page.locator('.ant-drawer-close').click();

    const row = page.locator('tr').filter({ hasText: title });
    await expect.poll(() => row.getByTestId('portal-row-state').textContent()).toBe('草稿');
    // the public does not see a draft
    const before = await page.evaluate(async () => (await fetch('/api/v1/public/policies?pageSize=100')).json() as Promise<{ items: { title: string }[] }>);
    expect(before.items.map((i) => i.title)).not.toContain(title);

    await row.getByTestId('portal-publish').click();
    expect(await page.getByTestId('confirm-consequence').textContent()).toContain('立即出现在公开页面');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => row.getByTestId('portal-row-state').textContent()).toBe('已发布');
    await row.getByTestId('portal-history-open').click();
    await page.getByTestId('portal-history').getByText('发布').first().waitFor();
    expect(await page.getByTestId('portal-history').textContent()).toContain('创建草稿');
    expect(await page.getByTestId('portal-history').textContent()).toContain('miit-officer');
    await suite.shot(page, '4-published-history');
    await page.context().close();

    const pub = await suite.page();
    await pub.goto(`${base()}/public/policies`);
    await pub.getByTestId('policy-item').filter({ hasText: title }).waitFor();
    await suite.shot(pub, '5-public-list');
    await pub.goto(`${base()}/public/search?q=${encodeURIComponent('以旧换新 工程机械')}`);
    await pub.locator('[data-testid="portal-search-hit"][data-type="policy"]').filter({ hasText: title }).waitFor();
    await suite.shot(pub, '6-public-search');
    const feed = await pub.evaluate(async () => (await fetch('/feeds/policies.atom')).text());
    const entry = feed.split('<entry>').find((e) => e.includes(title));
    expect(entry, 'the new policy is an entry of /feeds/policies.atom').toBeDefined();
    expect(entry).toMatch(/<id>urn:uuid:[0-9a-f-]{36}<\/id>/);
    await pub.context().close();
  });

  it('the catalogue (demo): batch 1 listed with numbers, a model in 公示; the badge and the test report on the verification page of a listed unit', async () => {
    const page = await suite.page();
    await page.goto(`${base()}/public/catalogue`);
    await page.getByTestId('catalogue-batches').getByText('第1批').waitFor();
    await expect.poll(() => page.getByTestId('catalogue-model').allTextContents()).toEqual(['再制造柴油发动机总成 WD615-R', '再制造柴油发动机总成 WP10-R']);
    expect(await page.getByTestId('catalogue-no').allTextContents()).toEqual(['2026-01-001', '2026-01-002']);
    await suite.shot(page, '7-catalogue');
    await page.getByRole('tab', { name: '公示中' }).click();
    await expect.poll(() => page.getByTestId('catalogue-model').allTextContents()).toEqual(['再制造变速器总成 FAST-12JS-R']);
    await suite.shot(page, '8-catalogue-notice');
    // a unit of a listed model: its verification page carries the badge with the catalogue number
    const { code } = (await suite.server.database.raw.query<{ code: string }>(`SELECT code FROM trace_products WHERE model = 'WD615-R' AND status = 'issued' ORDER BY code LIMIT 1`)).rows[0]!;
    await page.goto(`${base()}/p/${encodeURIComponent(code)}`);
    await page.getByTestId('verify-status').waitFor();
    expect(await page.getByTestId('catalogue-badge').textContent()).toMatch(/再制造产品目录 第1批.*2026-01-001/); // the label's words (issue 14 item 2)
    await suite.shot(page, '9-verify-badge');
    // the model's third-party test report, attached to its traced products, with its file (issue 14 item 2)
    const report = page.getByTestId('verify-test-report');
    await report.first().waitFor();
    expect(await report.first().textContent()).toMatch(/CNAS L0001-DEMO[\s\S]*JC-2026-101[\s\S]*WD615-R/);
    const href = await report.first().getByRole('link').getAttribute('href');
    const pdf = await page.request.get(`${base()}${href}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByTestId('verify-test-reports').scrollIntoViewIfNeeded();
    await suite.shot(page, '10-verify-test-report');
    await page.context().close();
  });
});
