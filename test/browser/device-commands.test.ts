/**
 * Remote commands in Chromium (issue 12 "remote commands to the device (request/response over MQTT with timeout,
 * audited)"; the 远程诊断 panel of the device page). The server runs its embedded broker (aedes) as `npm start` does;
 * a simulated device — an MQTT client with the device's own credentials, outside the server — subscribes to its
 * command topic, answers 读取诊断信息 (getDiagnostics) and stays silent on 重启终端 (reboot). ent-gd's admin sends both
 * from the device page: the reply shows in the panel, the unanswered command shows as 超时 after its timeout.
 * Screenshots: test-output/screenshots/device-commands-*.png.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, expect, it } from 'vitest';
import { testConfig } from '../../src/server/config.js';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { principalOf } from '../../src/server/modules/identity/identity.service.js';
import { startMqtt, type MqttRuntime } from '../../src/server/modules/devices/mqtt.runtime.js';
import { describeBrowser, useBrowserSuite, type WebServer } from '../support/browser.js';
import { buildProduct } from '../support/factories.js';

const NAME = '远程诊断试验机';
let runtime: MqttRuntime | null = null;
let device: MqttClient | null = null;
let deviceId = '';
const received: string[] = [];

/** The broker, one engine of ent-gd provisioned, and its simulated client online. */
async function setup(server: WebServer) {
  const s = server.services;
  const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
  runtime = await startMqtt({ mqtt: s.mqtt, devices: s.devices, config: { ...testConfig(), MQTT_URL: undefined, MQTT_PORT: 0, MQTT_HOST: '127.0.0.1' }, log: silentLog });
  const admin = (await s.identity.findByUsername('ent-gd'))!;
  const ctx = { principal: principalOf(admin, null), ip: '127.0.0.1', requestId: 'device-commands-test' };
  await s.devices.putThingModel(ctx, 'CMD-TEST', { template: 'engine' });
  const product = await buildProduct(s, admin.enterpriseId!, { model: 'CMD-TEST', name: NAME });
  const { device: d, credentials } = await s.devices.provision(ctx, { productCode: product.code, name: NAME });
  deviceId = d.id;
  device = await mqtt.connectAsync(runtime!.url, { clientId: credentials.clientId, username: credentials.username, password: credentials.password, protocolVersion: 4, reconnectPeriod: 0 });
  device.on('message', (topic, payload) => {
    if (!topic.startsWith(`reman/v1/devices/${deviceId}/commands/`)) return;
    const m = JSON.parse(payload.toString()) as { requestId: string; method: string };
    received.push(m.method);
    if (m.method !== 'getDiagnostics') return; // reboot: no answer (the terminal is "rebooting")
    const reply = { ok: true, result: { firmware: '3.1.7', faultCodes: ['P0217'], uptimeSec: 86_400 } };
    device!.publishAsync(`reman/v1/devices/${deviceId}/replies/${m.requestId}`, JSON.stringify(reply), { qos: 1 }).catch(() => undefined);
  });
  await device.subscribeAsync(`reman/v1/devices/${deviceId}/commands/+`, { qos: 1 });
  // one reading (QoS 1: acknowledged once stored), so the device is online by its last-seen time too
  await device.publishAsync(`reman/v1/devices/${deviceId}/telemetry`, JSON.stringify({ ts: Date.now(), values: { coolantTemp: 86.5, rpm: 1500 } }), { qos: 1 });
}

describeBrowser('remote commands in the browser', () => {
  const suite = useBrowserSuite('device-commands', { setup });
  afterAll(async () => {
    await device?.endAsync(true).catch(() => undefined);
    await runtime?.close();
  });

  it('a command the device answers shows its reply; one it does not answer shows as timed out', async () => {
    const page = await suite.page({ login: { username: 'ent-gd', password: DEMO_PASSWORD } });
    await page.goto(`${suite.server.baseUrl}/devices/${deviceId}`);
    expect(await page.getByTestId('device-name').textContent()).toBe(NAME);
    const panel = page.getByTestId('remote-commands');
    await panel.scrollIntoViewIfNeeded();
    await panel.getByText('尚未下发命令').waitFor();
    const send = panel.getByTestId('cmd-send');
    await expect.poll(() => send.isEnabled(), { timeout: 30_000 }).toBe(true); // online: the device is connected

    // 读取诊断信息: answered
    await panel.getByTestId('cmd-method').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '(getDiagnostics)' }).click();
    await send.click();
    const first = panel.getByTestId('cmd-list').locator('tbody tr', { hasText: 'getDiagnostics' });
    await first.getByTestId('cmd-state').filter({ hasText: '已应答' }).waitFor();
    expect(await first.textContent()).toContain('"firmware":"3.1.7"');
    expect(await first.textContent()).toContain('P0217');
    await suite.shot(page, '1-replied');

    // 重启终端 with a 2 s wait: no answer → 等待应答, then 超时 (the server's timer; the panel polls while waiting)
    await panel.getByTestId('cmd-method').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '(reboot)' }).click();
    await panel.locator('input#timeoutSec').fill('2');
    await send.click();
    const second = panel.getByTestId('cmd-list').locator('tbody tr', { hasText: 'reboot' });
    await second.waitFor();
    await second.getByTestId('cmd-state').filter({ hasText: '超时' }).waitFor();
    expect(await second.textContent()).toContain('等待时间内设备未应答'); // in the page's language, not the server's stored English
    expect(await first.getByTestId('cmd-state').textContent()).toBe('已应答'); // the answered one stays answered
    expect(received).toEqual(['getDiagnostics', 'reboot']); // both went to the device over MQTT
    await suite.shot(page, '2-timeout');
    await page.context().close();
  });
});
