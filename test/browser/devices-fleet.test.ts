/**
 * The fleet "map" in Chromium (issue 12 "fleet map of China by province"): a tile grid of the 34 provincial-level
 * divisions (a diagram, not a map). ent-gd's fleet colours it by installed units or mean health and lists a chosen
 * province's units; 广东省's reviewer gets 在役设备概况 on GET /devices/summary — counts per province and, for a
 * chosen one, the enterprises with units there, never a device. Every wait is on a condition. Screenshots:
 * test-output/screenshots/devices-fleet-*.png.
 */
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { DEMO_DEVICES } from '../../src/server/demo-areas/monitoring.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

const GD_DEVICES = DEMO_DEVICES.filter((d) => d.enterprise === 'gd');

describeBrowser('fleet tile grid in the browser', () => {
  const suite = useBrowserSuite('devices-fleet');
  const base = () => suite.server.baseUrl;

  it("the maker's fleet: 34 tiles, 广东 holds its units, a click lists them, health colours the same tiles", async () => {
    const page = await suite.page({ login: { username: 'ent-gd', password: DEMO_PASSWORD } });
    await page.goto(`${base()}/devices/fleet`);
    const tiles = page.getByTestId('fleet-tiles');
    await tiles.waitFor();
    expect(await tiles.locator('button').count()).toBe(34);
    const gd = page.getByTestId('tile-440000');
    await expect.poll(async () => Number(await gd.getAttribute('data-value'))).toBe(GD_DEVICES.length);
    expect(await page.getByTestId('tile-650000').getAttribute('data-value')).toBe(''); // 新疆: none
    expect(await gd.getAttribute('title')).toBe(`广东省：${GD_DEVICES.length} 台`);
    // read in full by a screen reader: the accessible name is the sentence, from the tile's own (hidden) text
    expect(await page.getByRole('button', { name: `广东省：${GD_DEVICES.length} 台`, exact: true }).getAttribute('data-testid')).toBe('tile-440000');
    await gd.click();
    expect(await gd.getAttribute('aria-pressed')).toBe('true');
    const units = page.getByTestId('fleet-province-units');
    for (const d of GD_DEVICES) await units.getByText(d.name).waitFor();
    await suite.shot(page, '1-fleet-units');
    await page.getByTestId('tiles-metric').getByText('按平均健康指数').click();
    await expect.poll(async () => gd.getAttribute('title')).toMatch(/^广东省：平均健康指数 \d+（6 台）$/);
    const health = Number(await gd.getAttribute('data-value'));
    expect(health).toBeGreaterThan(0);
    expect(health).toBeLessThanOrEqual(100);
    await suite.shot(page, '2-fleet-health');
    await page.context().close();
  });

  it("广东省's reviewer: 在役设备概况 in aggregate — counts per province, the enterprises of a chosen one, no device", async () => {
    const page = await suite.page({ login: { username: 'gd-reviewer', password: DEMO_PASSWORD } });
    const summary = (await (await page.request.get(`${base()}/api/v1/devices/summary`)).json()) as { byProvince: { provinceCode: string; active: number; enterprises: { enterpriseName: string }[] }[]; totals: { total: number } };
    const gdRow = summary.byProvince.find((p) => p.provinceCode === '440000')!;
    expect(gdRow.active).toBeGreaterThan(0);
    await page.goto(`${base()}/`);
    await page.getByTestId('menu-devices-overview').click();
    await page.waitForURL(/\/devices\/overview$/);
    const tiles = page.getByTestId('overview-tiles');
    await tiles.waitFor();
    expect(await tiles.locator('button').count()).toBe(34);
    await expect.poll(async () => Number(await page.getByTestId('tile-440000').getAttribute('data-value'))).toBe(gdRow.active);
    await page.getByTestId('overview-total').getByText(String(summary.totals.total)).waitFor();
    await page.getByTestId('tile-440000').click();
    const chosen = page.getByTestId('overview-province');
    for (const e of gdRow.enterprises) await chosen.getByText(e.enterpriseName).waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    for (const d of GD_DEVICES) expect(text).not.toContain(d.name); // aggregates only
    await suite.shot(page, '3-overview');
    // a province without units says so
    await page.getByTestId('tile-650000').click();
    await chosen.getByText('新疆维吾尔自治区的设备（0 台）').waitFor();
    await page.context().close();
  });
});
