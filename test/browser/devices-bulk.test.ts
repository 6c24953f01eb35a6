/**
 * Bulk provisioning in Chromium (issue 12 "Bulk provisioning by .xlsx; a printable provisioning sheet"): ent-gd's
 * admin downloads the template, uploads a file with a bad row and sees the row and column named (nothing connected),
 * uploads the corrected file, sees the devices with their one-time passwords, and opens the provisioning sheet: one
 * card per device whose QR code decodes to that device's connection data. Screenshots:
 * test-output/screenshots/devices-bulk-*.png.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect, it } from 'vitest';
import { REGION_CODE_RULE } from '../../src/domain/regions.js';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

async function xlsxFile(rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('设备接入 Devices');
  ws.addRow(['产品编码 productCode', '设备名称 name', '安装地区代码 regionCode']);
  for (const r of rows) ws.addRow(r);
  const file = join(mkdtempSync(join(tmpdir(), 'bulk-')), '设备接入.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

describeBrowser('bulk provisioning in the browser', () => {
  const suite = useBrowserSuite('devices-bulk');
  const base = () => suite.server.baseUrl;

  it('a bad row is named by row and column; the corrected file connects every device and prints a sheet with a QR each', async () => {
    const page = await suite.page({ login: { username: 'ent-gd', password: DEMO_PASSWORD } });
    // three products of ent-gd that are not devices yet
    const products = (await (await page.request.get(`${base()}/api/v1/trace/products?pageSize=200`)).json()).items as { code: string }[];
    const devices = (await (await page.request.get(`${base()}/api/v1/devices?pageSize=200`)).json()).items as { productCode: string }[];
    const free = products.map((p) => p.code).filter((c) => !devices.some((d) => d.productCode === c)).slice(0, 3);
    expect(free).toHaveLength(3);

    await page.goto(`${base()}/devices`);
    await page.getByTestId('device-bulk').click();
    const template = page.getByTestId('bulk-template');
    await template.waitFor();
    expect(await template.getAttribute('href')).toBe('/api/v1/devices/bulk/template');
    const t = await page.request.get(`${base()}/api/v1/devices/bulk/template`);
    expect(t.status()).toBe(200);

    // a file with a bad region in its third data row (row 4): named, nothing connected
    const input = page.locator('.ant-modal input[type=file]');
    await input.setInputFiles(await xlsxFile([[free[0]!, '批量 1 号', '440106'], [free[1]!, '批量 2 号', '320505'], [free[2]!, '批量 3 号', '99']]));
    const errors = page.getByTestId('bulk-errors');
    await errors.locator('tbody tr.ant-table-row').first().waitFor();
    const rows = await errors.locator('tbody tr.ant-table-row').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([['4', '安装地区代码 regionCode', REGION_CODE_RULE.zh]]);
    await page.getByTestId('bulk-failure').waitFor();
    await suite.shot(page, '1-row-named');
    const none = (await (await page.request.get(`${base()}/api/v1/devices?q=${encodeURIComponent(free[0]!)}`)).json()).total;
    expect(none).toBe(0);

    // the corrected file (row 4 installed in 成都, 四川: one of the 31 mainland provincial divisions)
    await input.setInputFiles(await xlsxFile([[free[0]!, '批量 1 号', '440106'], [free[1]!, '批量 2 号', '320505'], [free[2]!, '批量 3 号', '510104']]));
    const result = page.getByTestId('bulk-result');
    await result.waitFor();
    await result.getByText('已接入 3 台设备').waitFor();
    const passwords = await result.locator('tbody tr.ant-table-row td:nth-child(5)').allTextContents();
    expect(passwords).toHaveLength(3);
    expect(passwords.every((p) => p.startsWith('dev_'))).toBe(true);
    await suite.shot(page, '2-connected');

    await page.getByTestId('bulk-print').click();
    const sheet = page.getByTestId('provisioning-sheet');
    await sheet.and(page.locator('[data-ready=yes]')).waitFor();
    await expect.poll(() => sheet.getByTestId('sheet-card').count()).toBe(3);
    expect(await sheet.getByTestId('sheet-password').allTextContents()).toEqual(passwords);
    await expect.poll(() => sheet.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
    await sheet.getByText('四川省').first().waitFor();
    // each QR code decodes to its own device's connection data
    const srcs = await sheet.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    const decoded = srcs.map((src) => {
      const png = PNG.sync.read(Buffer.from(src.split(',')[1]!, 'base64'));
      const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
      expect(qr).not.toBeNull();
      return JSON.parse(qr!.data) as { password: string; username: string; clientId: string; telemetryTopic: string; mqtt: string | null; http: string };
    });
    expect(decoded.map((d) => d.password)).toEqual(passwords);
    for (const d of decoded) {
      expect(d.clientId).toBe(`reman-${d.username}`);
      expect(d.telemetryTopic).toBe(`reman/v1/devices/${d.username}/telemetry`);
      expect(d.http).toBe(`${base()}/api/v1/devices/${d.username}/telemetry`);
    }
    // the decoded password works: HTTP ingest with the device's credentials
    const auth = `Basic ${Buffer.from(`${decoded[0]!.username}:${decoded[0]!.password}`).toString('base64')}`;
    const ingest = await page.request.post(decoded[0]!.http, { headers: { authorization: auth, 'content-type': 'application/json' }, data: JSON.stringify({ ts: Date.now(), values: { rpm: 1200 } }) });
    expect(ingest.status(), await ingest.text()).toBe(200);
    await suite.shot(page, '3-sheet');
    // printed, only the sheet shows
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-modal').first().isVisible()).toBe(false);
    expect(await sheet.getByTestId('sheet-print').isVisible()).toBe(false);
    await suite.shot(page, '4-print');
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  });
});
