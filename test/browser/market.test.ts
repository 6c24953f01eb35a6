/**
 * 交易服务 in Chromium (issue 13): a buyer organisation registers itself (a wrong credit code is refused under its
 * field), finds a unit by a Chinese word ("发动机") with the hit marked, opens the listing and sees the unit's
 * verified record from the trace; the seller (ent-hb) publishes a listing from its own genuine product with the
 * picker, sees UNIT_ALREADY_LISTED named when it picks a listed unit, and withdraws with a confirmation that names
 * the consequence. A phone layout (390 px) of the market and the listing. Screenshots: test-output/screenshots/market-*.png.
 */
import { expect, it } from 'vitest';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { describeBrowser, submitLogin, useBrowserSuite } from '../support/browser.js';

describeBrowser('the market in the browser', () => {
  const suite = useBrowserSuite('market');
  const base = () => suite.server.baseUrl;
  const goodCode = makeCreditCode('310115', 'MA1PJBY01');
  const badCode = goodCode.slice(0, 17) + (goodCode.endsWith('0') ? '1' : '0');

  it('a buyer registers, finds a unit by "发动机", opens the listing with its verified record', async () => {
    const page = await suite.page();
    await page.goto(`${base()}/public`);
    await page.getByTestId('public-nav-market').click();
    await page.getByTestId('market-results').waitFor();
    await page.getByTestId('market-register').click();
    await page.getByTestId('register-form').waitFor();
    await page.getByTestId('register-orgName').fill('上海浦江设备租赁有限公司');
    await page.getByTestId('register-creditCode').fill(badCode);
    await page.getByTestId('register-contactName').fill('钱经理');
    await page.getByTestId('register-phone').fill('021-6888 0000');
    await page.getByTestId('register-username').fill('pj-buyer');
    await page.getByTestId('register-password').fill('Pujiang-Lease-2026!');
    await page.getByTestId('register-password2').fill('Pujiang-Lease-2026!');
    await page.getByTestId('register-submit').click();
    await page.getByText('校验码不符').waitFor(); // GB 32100 check, under the field, before anything is sent
    await suite.shot(page, '1-register-bad-code');
    await page.getByTestId('register-creditCode').fill(goodCode);
    await page.getByTestId('register-submit').click();
    await page.getByTestId('register-done').waitFor();
    await suite.shot(page, '2-registered');
    await page.getByTestId('register-to-login').click();
    await page.locator('#username').fill('pj-buyer');
    await page.locator('#password').fill('Pujiang-Lease-2026!');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();

    await page.goto(`${base()}/public/market`);
    await page.getByTestId('market-search').locator('input').fill('发动机');
    await page.getByTestId('market-search').locator('input').press('Enter');
    await page.waitForURL(/q=/);
    await page.getByTestId('market-hit').first().waitFor();
    const titles = await page.getByTestId('market-card-title').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(2);
    expect(titles.every((t) => t.includes('发动机'))).toBe(true);
    expect(await page.getByTestId('market-hit').first().textContent()).toBe('发动机');
    await suite.shot(page, '3-search-engine');

    await page.getByTestId('market-card').filter({ hasText: 'WP12' }).click();
    await page.getByTestId('listing-verified').waitFor();
    expect(await page.getByTestId('listing-verified-status').getAttribute('data-genuine')).toBe('true');
    expect(await page.getByTestId('listing-verified-enterprise').textContent()).toBe('湖北东风动力再制造有限公司');
    expect(await page.getByTestId('listing-verified-standard').textContent()).toContain('GB/T');
    await page.getByTestId('listing-step-reassembly').waitFor();
    expect(await page.getByTestId('listing-compare').textContent()).toContain('¥118,000.00');
    expect(await page.getByTestId('listing-price').textContent()).toBe('¥68,800.00');
    await suite.shot(page, '4-listing');
    await page.context().close();
  });

  it('the seller publishes from its own genuine products, is told when a unit is listed already, and withdraws', async () => {
    const page = await suite.page();
    await submitLogin(page, base(), 'ent-hb', DEMO_PASSWORD);
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${base()}/market/listings`);
    await page.getByTestId('seller-listings').getByText('WP12').first().waitFor();
    const rowsBefore = await page.getByTestId('seller-listing-status').count();

    // a unit of the live WP12 listing: refused, named
    const listed = await page.evaluate(async () => {
      const r = await fetch('/api/v1/listings?status=active', { credentials: 'same-origin' });
      return ((await r.json()) as { items: { title: string; productCode: string }[] }).items.find((i) => i.title.includes('WP12'))!.productCode;
    });
    await page.getByTestId('seller-new-listing').click();
    await page.getByTestId('seller-listing-form').waitFor();
    const picker = page.getByTestId('seller-product-picker');
    await picker.click();
    await page.keyboard.type(listed);
    await page.locator('.ant-select-item-option', { hasText: listed }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('seller-title').fill('WP12 再制造柴油发动机（重复上架测试）');
    await page.getByTestId('seller-price').fill('66000');
    await page.getByTestId('seller-publish').click();
    await page.getByTestId('seller-refusal').waitFor();
    expect(await page.getByTestId('seller-refusal').textContent()).toContain('已上架或已售出');
    await suite.shot(page, '5-seller-already-listed');

    // the spare engine (genuine, unlisted): published
    await page.getByTestId('seller-listing-form').locator('.ant-select-selection-item-remove').first().click();
    await picker.click();
    await page.keyboard.type('WP12');
    const options = page.locator('.ant-select-item-option:not(.ant-select-item-option-selected)', { hasText: 'WP12' });
    await options.first().waitFor();
    const free = await page.evaluate(async () => {
      const r = await fetch('/api/v1/listings?pageSize=100', { credentials: 'same-origin' });
      const own = ((await r.json()) as { items: { id: string }[] }).items;
      const codes = new Set<string>();
      for (const l of own) {
        const d = await (await fetch(`/api/v1/public/listings/${l.id}`, { credentials: 'same-origin' })).json();
        for (const u of d.units as { productCode: string }[]) codes.add(u.productCode);
      }
      const p = await (await fetch('/api/v1/trace/products?status=issued&q=WP12&pageSize=50', { credentials: 'same-origin' })).json();
      return (p.items as { code: string }[]).map((x) => x.code).find((c) => !codes.has(c))!;
    });
    await page.locator('.ant-select-item-option', { hasText: free }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('seller-publish').click();
    await page.getByTestId('seller-listing-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('seller-listing-status').count()).toBe(rowsBefore + 1);
    await suite.shot(page, '6-seller-published');

    // withdraw it: the confirmation names the consequence
    const row = page.locator('tr', { hasText: '重复上架测试' });
    await row.getByTestId('seller-withdraw').click();
    expect(await page.getByTestId('confirm-consequence').textContent()).toContain('从公开市场移除');
    await page.getByTestId('confirm-ok').click();
    await row.locator('[data-testid="seller-listing-status"][data-status="withdrawn"]').waitFor();
    await suite.shot(page, '7-seller-withdrawn');
    await page.context().close();
  });

  it('the market and a listing are readable on a phone (390 px)', async () => {
    const page = await suite.page({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    await page.goto(`${base()}/public/market?q=${encodeURIComponent('液压')}`);
    await page.getByTestId('market-card').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await suite.shot(page, '8-phone-market');
    await page.getByTestId('market-card').first().click();
    await page.getByTestId('listing-verified').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await suite.shot(page, '9-phone-listing');
    await page.context().close();
  });
});
