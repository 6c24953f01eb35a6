/**
 * Records people can read (issue 16, docs/ux.md): the genealogy of the demo's third-life engine grouped by life,
 * named, collapsed, with a graph view (item 8); the public verification timeline by life. Screenshots
 * `readable-*.png`.
 */
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

describeBrowser('readable records', () => {
  const suite = useBrowserSuite('readable');

  it('▶ item 8: the third-life engine\'s genealogy is grouped by life, named by part and code, repeated nodes once, with a graph', async () => {
    const page = await suite.page({ login: { username: 'ent-gd', password: DEMO_PASSWORD } });
    const list = await (await page.request.get(`${suite.server.baseUrl}/api/v1/trace/products?pageSize=50`)).json();
    const third = list.items.find((p: { life: number }) => p.life === 3) as { code: string };
    await page.goto(`${suite.server.baseUrl}/trace/products/${encodeURIComponent(third.code)}`);
    const tree = page.getByTestId('genealogy-tree');
    await tree.waitFor();
    // one group per life, this product first; only this life is open
    const groups = tree.getByTestId('life-group');
    await expect.poll(() => groups.count()).toBe(4);
    expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-life')))).toEqual(['3', '2', '1', '']);
    const text = (await tree.textContent()) ?? '';
    for (const name of ['缸体', '缸盖', '连杆', '新喷油泵', 'PR2026A', '本品', '第 2 次再制造', '首次回收的旧件']) expect(text, name).toContain(name);
    expect(text).not.toContain('urn:');
    expect(await tree.getByTestId('tree-see-above').count()).toBe(0); // earlier lives collapsed
    const collapsed = (await tree.boundingBox())!.height;
    await suite.shot(page, '1-genealogy-collapsed');

    // expand all: the parts taken out of earlier lives appear once more as "见上", never with their subtree again
    await page.getByTestId('genealogy-expand-all').click();
    await expect.poll(() => tree.getByTestId('tree-see-above').count()).toBe(8); // life 2: 缸盖 曲轴 缸体 连杆; life 1 and the core: 缸体 连杆
    const expanded = (await tree.boundingBox())!.height;
    expect(expanded).toBeGreaterThan(collapsed);
    expect(expanded).toBeLessThan(1200); // was 8,834 px
    await suite.shot(page, '2-genealogy-expanded');

    // the graph: every object once
    await page.getByTestId('genealogy-view-graph').click();
    const graph = page.getByTestId('genealogy-graph');
    await graph.locator('canvas').first().waitFor();
    await graph.scrollIntoViewIfNeeded();
    await suite.shot(page, '3-genealogy-graph');

    // where used (downstream) still draws
    await page.getByText('去向（被用于）').first().click();
    await page.getByTestId('genealogy').waitFor();
    await page.context().close();

    // ▶ the public page on a phone: the steps under the three lives, this one last
    const phone = await suite.page({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    await phone.goto(`${suite.server.baseUrl}/p/${encodeURIComponent(third.code)}`);
    const lives = phone.getByTestId('verify-life');
    await expect.poll(() => lives.count()).toBe(3);
    expect(await lives.evaluateAll((els) => els.map((e) => e.getAttribute('data-life')))).toEqual(['1', '2', '3']);
    expect(await lives.nth(2).textContent()).toContain('本品');
    expect(await lives.nth(0).getByTestId('verify-step-intake').count()).toBe(1);
    expect(await phone.getByTestId('verify-steps').textContent()).not.toContain('working-v1');
    expect(await phone.locator('body').textContent()).not.toContain('working-v1');
    await suite.shot(phone, '4-verify-by-life');
    await phone.context().close();
  });

  it('item 5: gd-admin\'s charts have the shape of 广东 (by city); every statistics table names its one source', async () => {
    const page = await suite.page({ login: { username: 'gd-admin', password: DEMO_PASSWORD } });
    const card = page.getByTestId('region-stats');
    await card.waitFor();
    expect(await card.getAttribute('data-level')).toBe('city');
    await card.getByTestId('region-chart').locator('canvas').first().waitFor();
    await suite.shot(page, '5-gd-admin-home-by-city');
    await page.goto(`${suite.server.baseUrl}/statistics`);
    await page.getByTestId('stat-region-card').waitFor();
    expect(await page.getByTestId('stat-region-card').getAttribute('data-level')).toBe('city');
    // one source per table: the announced list and the annual reports are never in the same table
    await expect.poll(() => page.getByTestId('stat-source').count()).toBe(5);
    expect(await page.getByTestId('stat-field-enterprises').getByTestId('stat-source').textContent()).toContain('公告名单');
    expect(await page.getByTestId('stat-field-units').getByTestId('stat-source').textContent()).toContain('年度报告');
    await page.getByTestId('stat-region-card').locator('canvas').first().waitFor();
    await suite.shot(page, '6-gd-admin-statistics');
    await page.context().close();
  });

  it('item 10: recall by a lot number or a part name; an input error stands alone', async () => {
    const page = await suite.page({ login: { username: 'ent-gd', password: DEMO_PASSWORD } });
    await page.goto(`${suite.server.baseUrl}/trace/recall`);
    const box = page.getByTestId('recall-input').locator('input');
    await box.fill('PR2026A');
    await box.press('Enter');
    const rows = page.getByTestId('recall-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByTestId('recall-from').textContent()).toContain('PR2026A');
    await suite.shot(page, '7-recall-by-lot-number');
    // a part name: the matches to choose from
    await box.fill('缸体');
    await box.press('Enter');
    await page.getByTestId('recall-targets').waitFor();
    expect(await page.getByTestId('recall-target').count()).toBeGreaterThan(1);
    await suite.shot(page, '8-recall-choose');
    await page.getByTestId('recall-target').first().getByRole('button').click();
    await page.getByTestId('recall-table').waitFor();
    // one character: the error alone, no "未找到受影响的产品" beside it
    await box.fill('P');
    await box.press('Enter');
    await page.getByTestId('recall-error').waitFor();
    expect(await page.getByTestId('recall-table').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('未找到受影响的产品');
    await box.fill('NOPE-404');
    await box.press('Enter');
    await page.getByTestId('recall-no-target').waitFor();
    expect(await page.getByTestId('recall-table').count()).toBe(0);
    await page.context().close();
  });

  it('▶ item 9: expert1 sees 待我处理, finished cases hidden, writes the opinion in a drawer beside the case; the organisation is the institution', async () => {
    const page = await suite.page({ login: { username: 'expert1', password: DEMO_PASSWORD } });
    expect(await page.locator('body').textContent()).toContain('机械工业再制造技术研究院');
    await page.goto(`${suite.server.baseUrl}/applications`);
    const table = page.getByTestId('applications-table');
    await table.getByTestId('awaiting-me').first().waitFor();
    expect(await page.getByTestId('show-closed').isChecked()).toBe(false);
    const states = await table.locator('tbody tr.ant-table-row').count();
    await suite.shot(page, '9-expert-list');
    // finished cases on request
    await page.getByTestId('show-closed').click();
    await expect.poll(async () => page.getByTestId('show-closed').isChecked()).toBe(true);
    expect(await table.locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(states);
    await page.getByTestId('show-closed').click();
    // the case awaiting the opinion: the drawer leaves the application in view
    await table.locator('tbody tr.ant-table-row', { has: page.getByTestId('awaiting-me') }).first().getByRole('button').click();
    await page.getByTestId('action-record_opinion').click();
    const drawer = page.locator('.ant-drawer-content-wrapper');
    await drawer.waitFor();
    await page.getByTestId('opinion-drawer').first().waitFor();
    const box = (await drawer.boundingBox())!;
    expect(box.x).toBeGreaterThan(500); // the left of the screen is the application, not a mask
    expect(await page.locator('.ant-drawer-mask').count()).toBe(0);
    expect(await page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await suite.shot(page, '10-expert-opinion-drawer');
    await page.context().close();
  });

  it('item 15: the public home verifies a product code typed in, and leads to statistics and complaints', async () => {
    const { rows } = await suite.server.database.raw.query<{ code: string }>("SELECT code FROM trace_products WHERE status = 'issued' ORDER BY life DESC LIMIT 1");
    const page = await suite.page({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    await page.goto(`${suite.server.baseUrl}/public`);
    await page.getByTestId('public-counter').waitFor();
    await page.getByTestId('public-counter-statistics').waitFor();
    await page.getByTestId('public-counter-complaints').waitFor();
    await suite.shot(page, '11-public-counter');
    await page.getByTestId('public-verify-code').locator('input').fill(rows[0]!.code.toLowerCase());
    await page.getByTestId('public-verify-code').locator('input').press('Enter');
    await page.getByTestId('verify-status').waitFor();
    expect(page.url()).toContain(`/p/${rows[0]!.code}`);
    await page.context().close();
  });
  it('item 11: MIIT\'s 申请审核 filters by enterprise and submission day, kept in the URL; experts by field', async () => {
    const page = await suite.page({ login: { username: 'miit', password: DEMO_PASSWORD } });
    const all = (await (await page.request.get(`${suite.server.baseUrl}/api/v1/applications?pageSize=200`)).json()).items as { enterpriseName: string; submittedAt: string | null }[];
    const part = all[0]!.enterpriseName.slice(2, 6);
    await page.goto(`${suite.server.baseUrl}/applications`);
    const table = page.getByTestId('applications-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('application-authority-filter').waitFor();
    const search = page.getByTestId('application-enterprise-filter').locator('input');
    await search.fill(part);
    await search.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('enterprise')).toBe(part);
    const expected = all.filter((a) => a.enterpriseName.includes(part)).length;
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(Math.min(expected, 20));
    for (const name of await table.locator('tbody tr.ant-table-row td:first-child').allTextContents()) expect(name).toContain(part);
    await suite.shot(page, '12-miit-applications-filtered');
    // a reload keeps the filter
    await page.reload();
    await expect.poll(async () => page.getByTestId('application-enterprise-filter').locator('input').inputValue()).toBe(part);

    await page.goto(`${suite.server.baseUrl}/experts?field=office_equipment`);
    const experts = page.getByTestId('experts-table');
    await experts.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await experts.textContent()).toContain('李慧敏');
    expect(await experts.textContent()).not.toContain('赵明华');
    await page.context().close();
  });

  it('▶ item 13: a submitted application reads as text, 表1-3 downloads as .docx; an objection gets a tracking code to follow it by', async () => {
    const page = await suite.page({ login: { username: 'gd-reviewer', password: DEMO_PASSWORD } });
    const list = (await (await page.request.get(`${suite.server.baseUrl}/api/v1/applications?pageSize=200`)).json()).items as { id: string; state: string }[];
    const app = list.find((a) => a.state !== 'draft')!;
    await page.goto(`${suite.server.baseUrl}/applications/${app.id}?tab=table11`);
    const field = page.getByTestId('t11-productTypes');
    await field.waitFor();
    const look = await field.evaluate((el) => {
      const cs = getComputedStyle(el);
      return { bg: cs.backgroundColor, border: cs.borderTopColor, disabled: (el as HTMLInputElement).disabled };
    });
    expect(look.disabled).toBe(true); // not editable…
    expect(look.bg).toBe('rgba(0, 0, 0, 0)'); // …but no grey box
    expect(look.border).toBe('rgba(0, 0, 0, 0)');
    await suite.shot(page, '13-application-as-text');
    await page.goto(`${suite.server.baseUrl}/applications/${app.id}?tab=process`);
    const docx = page.getByTestId('table13-docx');
    await docx.waitFor();
    const res = await page.request.get(`${suite.server.baseUrl}${await docx.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('wordprocessingml');
    await page.context().close();

    // the public notice: object, keep the code, follow it
    const phone = await suite.page({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    await phone.goto(`${suite.server.baseUrl}/public/notices`);
    await phone.getByTestId('objection-open-1').first().click();
    await phone.getByTestId('objection-name').fill('王某');
    await phone.getByTestId('objection-contact').fill('13800000009');
    await phone.getByTestId('objection-reason').fill('该企业的厂区地址与公示不符，请核实。');
    await phone.getByTestId('objection-submit').click();
    const code = phone.getByTestId('objection-tracking-code');
    await code.waitFor();
    const text = ((await code.textContent()) ?? '').trim();
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    await suite.shot(phone, '14-objection-tracking-code');
    await phone.getByTestId('objection-go-track').click();
    await phone.getByTestId('objection-track-result').waitFor();
    expect(await phone.getByTestId('objection-track-status').textContent()).toBe('待处理');
    expect(await phone.getByTestId('objection-track-result').textContent()).not.toContain('王某');
    await suite.shot(phone, '15-objection-track');
    await phone.context().close();
  });
});

