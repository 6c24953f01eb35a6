/**
 * 旧件交易 core exchange in Chromium (issue 13): the demo recycler posts a supply of cores, ent-gd posts a demand of the
 * same model and sees the recycler's supply among its suggestions with the reason, proposes; the recycler follows
 * the notification's link to the match page (/core-exchange/matches/{id}) and accepts — the dialog names the
 * consequence (the receiver's trace) and takes its source attestation (规范条件 四(二), a recycler keeps no trace)
 * with its supporting document uploaded as a file (then downloadable from the match page);
 * ent-gd's match page then shows the core intake in its own trace with the recycler as the source. Last, ent-gd
 * accepts the demo's waiting proposal after the confirm dialog.
 * Screenshots: test-output/screenshots/core-exchange-*.png.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { DEMO_RECYCLER_LOGIN, DEMO_RECYCLER_ORG } from '../../src/server/demo-areas/core-exchange.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

describeBrowser('core exchange in the browser', () => {
  const suite = useBrowserSuite('core-exchange');
  const base = () => suite.server.baseUrl;
  const MODEL = 'ZL50-BS200';
  let recycler: Page;
  let gd: Page;
  let supplyId = '';
  let matchId = '';

  async function post(page: Page, kind: 'supply' | 'demand', name: string, quantity: string, region: string) {
    await page.goto(`${base()}/core-exchange`);
    await page.getByTestId(kind === 'supply' ? 'cx-new-supply' : 'cx-new-demand').click();
    await page.getByTestId('cx-post-form').waitFor();
    await page.getByTestId('cx-post-name').fill(name);
    await page.getByTestId('cx-post-model').fill(MODEL);
    await page.getByTestId('cx-post-quantity').fill(quantity);
    await page.locator('input[name="regionCode"]').fill(region);
    await page.getByTestId('cx-post-submit').click();
    await page.waitForURL(/\/core-exchange\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="cx-posting-status"][data-status="open"]').waitFor();
    return page.url().split('/').pop()!;
  }

  it('the recycler posts a supply of cores from its menu', async () => {
    recycler = await suite.page({ login: { username: DEMO_RECYCLER_LOGIN, password: DEMO_PASSWORD } });
    await recycler.getByTestId('menu-core-exchange').click();
    await recycler.getByTestId('cx-postings').getByText('旧柴油发动机总成').first().waitFor(); // the demo market
    await suite.shot(recycler, '1-market');
    supplyId = await post(recycler, 'supply', '旧装载机变速箱', '8', '130104');
    expect(await recycler.getByTestId('cx-party').first().textContent()).toContain(DEMO_RECYCLER_ORG);
    expect(await recycler.getByTestId('cx-posting-remaining').getAttribute('data-remaining')).toBe('8');
    await suite.shot(recycler, '2-supply-posted');
  });

  it('ent-gd posts a demand, sees the supply among its suggestions with the reason, and proposes', async () => {
    gd = await suite.page({ login: { username: 'ent-gd', password: DEMO_PASSWORD } });
    await post(gd, 'demand', '旧装载机变速箱', '5', '440100');
    const suggestion = gd.locator(`[data-testid="cx-suggestion"][data-other="${supplyId}"]`);
    await suggestion.waitFor();
    expect(await suggestion.getByTestId('cx-suggestion-reason').textContent()).toMatch(/型号|model/);
    expect(await suggestion.textContent()).toContain(DEMO_RECYCLER_ORG);
    await suite.shot(gd, '3-suggestions');
    await suggestion.getByTestId('cx-suggestion-propose').click();
    await gd.getByTestId('cx-propose-form').waitFor();
    expect(await gd.getByTestId('cx-propose-quantity').inputValue()).toBe('5');
    await gd.getByTestId('cx-propose-ok').click();
    await gd.waitForURL(/\/core-exchange\/matches\/[0-9a-f-]{36}$/);
    await gd.locator('[data-testid="cx-match-status"][data-status="proposed"]').waitFor();
    matchId = gd.url().split('/').pop()!;
    expect(await gd.getByTestId('cx-accept').count()).toBe(0); // the proposer does not accept its own proposal
  });

  it('the recycler opens the notification, accepts after the dialog with its source attestation', async () => {
    await recycler.goto(`${base()}/`);
    await recycler.getByTestId('notifications').click();
    const note = recycler.getByTestId('notification-item').filter({ hasText: '旧装载机变速箱' });
    await note.locator('a').first().click();
    await recycler.waitForURL(new RegExp(`/core-exchange/matches/${matchId}$`));
    await recycler.getByTestId('cx-accept').click();
    expect(await recycler.getByTestId('confirm-consequence').textContent()).toContain('追溯');
    // the statement is required: OK without it stays in the dialog
    await recycler.getByTestId('cx-accept-ok').click();
    await recycler.getByTestId('cx-attest-statement').waitFor();
    expect(await recycler.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    await recycler.getByTestId('cx-attest-statement').fill('旧件为本公司依法回收的报废装载机拆解件，已登记回收台账，来源合法合规');
    await recycler.getByTestId('cx-attest-document').fill('JZ-HS-2026-0901');
    // the supporting document as a file: uploaded from the dialog (checked by content on the server)
    const [up] = await Promise.all([
      recycler.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/core-exchange/documents')),
      recycler.locator('.ant-modal-wrap input[type="file"]').setInputFiles({ name: '回收合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') }),
    ]);
    expect(up.status(), await up.text()).toBe(201);
    await recycler.getByTestId('cx-attest-file-name').waitFor();
    await suite.shot(recycler, '4-accept-dialog');
    const [accepted] = await Promise.all([
      recycler.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/v1/core-exchange/matches/${matchId}/accept`)),
      recycler.getByTestId('cx-accept-ok').click(),
    ]);
    expect(accepted.status(), await accepted.text()).toBe(201);
    await recycler.locator('[data-testid="cx-match-status"][data-status="accepted"]').waitFor();
    expect(await recycler.getByTestId('cx-attestation').textContent()).toContain('JZ-HS-2026-0901');
    // the uploaded document is downloadable from the match page
    const link = recycler.getByTestId('cx-attest-download');
    await link.waitFor();
    expect(await link.textContent()).toContain('回收合同.pdf');
    const dl = await recycler.request.get(new URL((await link.getAttribute('href'))!, base()).toString());
    expect(dl.status()).toBe(200);
    expect(dl.headers()['content-type']).toContain('application/pdf');
    await suite.shot(recycler, '5-accepted-supplier');
  });

  it("ent-gd's match page shows the core intake in its trace, from the recycler", async () => {
    await gd.goto(`${base()}/core-exchange/matches/${matchId}`);
    await gd.locator('[data-testid="cx-match-status"][data-status="accepted"]').waitFor();
    await gd.getByTestId('cx-trace-receiver').waitFor();
    expect(await gd.getByTestId('cx-trace-from').textContent()).toBe(DEMO_RECYCLER_ORG);
    expect(await gd.getByTestId('cx-trace-receiver').textContent()).toContain('5 件');
    expect(await gd.getByTestId('cx-core-epcs').locator('code').count()).toBe(5);
    await suite.shot(gd, '6-trace-intake');
  });

  it("ent-gd accepts the demo's waiting proposal after the confirm dialog", async () => {
    await gd.goto(`${base()}/core-exchange?view=matches&status=proposed`);
    const row = gd.getByTestId('cx-matches').locator('tr', { hasText: DEMO_RECYCLER_ORG }).filter({ hasText: '旧柴油发动机总成' });
    await row.getByTestId('cx-match-link').click();
    await gd.getByTestId('cx-match-next').waitFor();
    await gd.getByTestId('cx-accept').click();
    expect(await gd.getByTestId('confirm-consequence').textContent()).toContain('广州精工');
    await suite.shot(gd, '7-confirm');
    await gd.getByTestId('cx-accept-ok').click();
    await gd.locator('[data-testid="cx-match-status"][data-status="accepted"]').waitFor();
    expect(await gd.getByTestId('cx-trace-from').textContent()).toBe(DEMO_RECYCLER_ORG);
    expect(await gd.getByTestId('cx-core-epcs').locator('code').count()).toBe(20);
  });
});
