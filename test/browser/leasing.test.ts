/**
 * 租赁 in Chromium (issue 13 item 7): the lessor (ent-hb, 湖北东风动力) opens 新建租赁, picks its spare WP12 engine in the
 * product picker, leases it to the demo buyer organisation at a fixed monthly rent, terminates the lease early and
 * takes the unit back as a core (旧件回收: its next life); MIIT reads the market statistics page, where the lease is
 * counted. Screenshots: test-output/screenshots/leasing-*.png.
 */
import { expect, it } from 'vitest';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

describeBrowser('leasing in the browser', () => {
  const suite = useBrowserSuite('leasing');

  it('new lease → early termination → return as a core; the market statistics count the lease', async () => {
    // the spare engine: a genuine WP12 of ent-hb that is in no listing (the demo keeps one for the pickers)
    const { rows } = await suite.server.database.raw.query<{ code: string }>(
      `SELECT p.code FROM trace_products p JOIN enterprises e ON e.id = p.enterprise_id
        WHERE e.name LIKE '%东风%' AND p.model LIKE 'WP12%'
          AND NOT EXISTS (SELECT 1 FROM listing_units u WHERE u.product_code = p.code) ORDER BY p.code LIMIT 1`,
    );
    expect(rows).toHaveLength(1);
    const code = rows[0]!.code;

    const lessor = await suite.page({ login: { username: 'ent-hb', password: DEMO_PASSWORD } });
    await lessor.getByTestId('menu-leases').click();
    await lessor.getByTestId('leases-table').waitFor();
    await lessor.getByTestId('lease-new').click();
    await lessor.getByTestId('lease-form').waitFor();
    await lessor.getByTestId('lease-product').click();
    await lessor.keyboard.type(code);
    const option = lessor.locator('.ant-select-item-option', { hasText: code });
    await option.waitFor();
    await option.click();
    await lessor.getByTestId('lease-lessee').fill(makeCreditCode('110105', 'MA01BJHJ3'));
    await lessor.getByTestId('lease-rent').fill('6000');
    await suite.shot(lessor, '1-new-lease');
    const created = lessor.waitForResponse((r) => r.url().endsWith('/api/v1/leases') && r.request().method() === 'POST');
    await lessor.getByTestId('lease-create').click();
    expect((await created).status(), await (await created).text()).toBe(201);
    await lessor.locator('[data-testid="lease-page"][data-status="active"]').waitFor();
    expect(await lessor.getByTestId('lease-rents').locator('[data-testid="rent-status"]').count()).toBe(12);
    await suite.shot(lessor, '2-lease-active');

    // early termination: the reason is required; future rents become void
    await lessor.getByTestId('lease-terminate').click();
    await lessor.getByTestId('lease-reason').fill('承租方项目提前完工，双方协商提前终止');
    await lessor.getByTestId('lease-ok').click();
    await lessor.locator('[data-testid="lease-page"][data-status="terminated"]').waitFor();
    await expect.poll(() => lessor.locator('[data-testid="rent-status"][data-status="void"]').count()).toBeGreaterThan(0);
    await suite.shot(lessor, '3-lease-terminated');

    // the return, as a core: the unit's next life starts with a core intake in the lessor's trace
    await lessor.getByTestId('lease-return').click();
    await lessor.getByTestId('lease-disposition').click();
    // the option of the open dropdown by its words (an earlier dialog's hidden dropdown stays in the page)
    await lessor.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '作为旧件回收' }).click();
    await expect.poll(() => lessor.getByTestId('lease-disposition').textContent()).toContain('作为旧件回收');
    await lessor.getByTestId('lease-ok').click();
    await lessor.locator('[data-testid="lease-page"][data-status="returned"]').waitFor();
    await suite.shot(lessor, '4-lease-returned-core');
    const lease = await suite.server.database.raw.query<{ return_disposition: string; core_epc: string | null }>('SELECT return_disposition, core_epc FROM leases WHERE product_code = $1', [code]);
    expect(lease.rows[0]).toMatchObject({ return_disposition: 'core_intake', core_epc: expect.any(String) });

    // MIIT: 行业统计 · 交易市场统计 counts this year's leases (the demo's and this one)
    const miit = await suite.page({ login: { username: 'miit-officer', password: DEMO_PASSWORD } });
    await miit.getByTestId('menu-market-stats').click();
    await miit.getByTestId('market-stats-regions').locator('.ant-table-row').first().waitFor();
    await expect.poll(async () => Number((await miit.getByTestId('market-stats-leases').locator('.ant-statistic-content-value').textContent())?.replace(/\D/g, '') ?? 0)).toBeGreaterThanOrEqual(1);
    await suite.shot(miit, '5-market-stats');
    for (const p of [lessor, miit]) await p.context().close();
  });
});
