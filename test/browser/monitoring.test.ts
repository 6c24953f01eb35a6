/**
 * 在役监测 in Chromium (issue 12 ▶): the device page of a demo engine shows its charts, latest values, alarms and
 * the health gauge with the remaining life; in the alarm console ent-gd acknowledges its vibration alarm, opens a case
 * from it, diagnoses it from the fault taxonomy, accepts the warranty claim and concludes with 在役再制造; the case
 * board shows it concluded. Screenshots: test-output/screenshots/monitoring-*.png.
 */
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { DEMO_DEVICES } from '../../src/server/demo-areas/monitoring.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

const E3 = DEMO_DEVICES.find((d) => d.key === 'e3')!.name;

describeBrowser('monitoring in the browser', () => {
  const suite = useBrowserSuite('monitoring');
  const base = () => suite.server.baseUrl;

  it('the device page of a demo engine: charts, latest values, alarms, health gauge', async () => {
    const page = await suite.page({ login: { username: 'ent-gd', password: DEMO_PASSWORD } });
    await page.goto(`${base()}/devices`);
    await page.getByTestId('devices-table').getByText(E3).click();
    await page.waitForURL(/\/devices\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('device-name').textContent()).toBe(E3);
    // charts with history (24 h by default), latest values, the health gauge and the RUL
    await expect.poll(async () => Number(await page.getByTestId('chart-vibrationRms').getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThan(50);
    await page.getByTestId('latest-table').getByText('振动有效值').waitFor();
    await page.getByTestId('health-card').locator('canvas').first().waitFor();
    await page.getByTestId('health-rul').waitFor();
    // its active vibration alarm
    await page.getByTestId('device-alarms').getByText('vibrationRms').waitFor();
    expect(await page.getByTestId('device-alarms').getByTestId('alarm-status').first().textContent()).toBe('活动·未确认');
    await suite.shot(page, '1-device');
    await page.context().close();
  });

  it('an alarm is acknowledged in the console; a case is opened from it, diagnosed, the claim accepted and concluded', async () => {
    const page = await suite.page({ login: { username: 'ent-gd', password: DEMO_PASSWORD } });
    await page.getByTestId('menu-alarms').click();
    await page.waitForURL(/\/alarms/);
    const row = page.getByTestId('alarms-table').locator('tr', { hasText: E3 }).filter({ hasText: 'vibrationRms' });
    await row.waitFor();
    await suite.shot(page, '2-console');
    await row.getByTestId('alarm-ack').click();
    await row.getByTestId('alarm-status').filter({ hasText: '活动·已确认' }).waitFor();
    await suite.shot(page, '3-acknowledged');

    await row.getByTestId('alarm-open-case').click();
    await page.waitForURL(/\/cases\/new\?alarmId=/);
    await page.getByTestId('case-new-description').fill('振动持续超限，客户要求上门检查。');
    await page.getByTestId('case-new-submit').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('case-state').first().textContent()).toBe('待诊断');
    await page.getByTestId('case-window').locator('canvas').first().waitFor(); // the alarm's telemetry window

    await page.getByTestId('case-action-diagnose').click();
    await page.getByTestId('case-field-faultCode').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'ENG-BEARING' }).first().click();
    await page.getByTestId('case-field-diagnosis').fill('主轴承磨损，振动频谱显示轴承故障特征频率。');
    // the answer itself, so that a refusal says what the server said instead of a wait running out
    const [diagnosed] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/cases\/[^/]+\/diagnosis$/.test(r.url())),
      page.getByTestId('case-action-ok').click(),
    ]);
    expect(diagnosed.status(), await diagnosed.text()).toBe(200);
    await page.getByTestId('case-state').filter({ hasText: '已诊断' }).first().waitFor();

    await page.getByTestId('case-action-decideClaim').click();
    await page.getByTestId('case-field-reason').fill('质保期内，非使用不当');
    await page.locator('input[data-testid="case-field-cost"], [data-testid="case-field-cost"] input').first().fill('3200');
    await page.getByTestId('case-action-ok').click();
    await page.getByTestId('case-details').getByText('质保索赔·已受理').first().waitFor(); // the tag on the page, not the option in the form

    await page.getByTestId('case-action-conclude').click();
    await page.getByTestId('case-field-outcome').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '建议在役再制造' }).first().click();
    await page.getByTestId('case-field-conclusion').fill('轴承与曲轴磨损严重，建议返厂在役再制造。');
    await page.getByTestId('case-action-ok').click();
    await page.getByTestId('case-state').filter({ hasText: '已结论' }).first().waitFor().catch(async (e) => {
      await suite.shot(page, 'failed-conclude'); // what the page showed when the conclusion did not land
      throw e;
    });
    expect(await page.getByTestId('case-outcome').textContent()).toBe('建议在役再制造');
    expect(await page.getByTestId('case-fault').textContent()).toBe('轴瓦/轴承磨损');
    await suite.shot(page, '4-case-concluded');

    await page.goto(`${base()}/cases`);
    await page.getByTestId('case-column-concluded').getByText('告警：振动有效值').waitFor();
    await page.getByTestId('case-statistics').waitFor();
    await suite.shot(page, '5-board');
    await page.context().close();
  });
});
