/**
 * 全过程溯源 in Chromium: an enterprise user records a core through to a labelled product in the web app
 * (intake → disassembly → assessment → reassembly → test → marking), downloads the label PNG, decodes its QR
 * code (jsqr), and opens the decoded URL as the public (a new browser context, no login): the product page
 * shows the enterprise, 再制造, the steps and 正品. An unknown code shows the friendly not-found page.
 * Screenshots go to test-output/screenshots/trace-*.png.
 *
 * The test seeds its own enterprise and user through the services; it does not rely on the demo data.
 */
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { expect, it } from 'vitest';
import { describeBrowser, openPage, submitLogin, useBrowserSuite } from '../support/browser.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

const ENTERPRISE = '浏览器追溯测试再制造有限公司';
const ADDRESS = '广东省佛山市顺德区容桂街道再制造路 8 号';

describeBrowser('traceability in the browser: core → labelled product → public page', () => {
  let username = '';
  let authorityLogin = '';
  let code = '';
  let qrUrl = '';
  const suite = useBrowserSuite('trace', {
    setup: async (server) => {
      const s = server.services;
      const e = await buildEnterprise(s, { regionCode: '440606', name: ENTERPRISE, address: ADDRESS });
      username = (await buildUser(s, 'enterprise_admin', { organizationId: e.id })).username;
      authorityLogin = (await buildUser(s, 'authority_reviewer')).username; // the Guangdong authority (440606 is in Guangdong)
    },
  });
  const shot = suite.shot;

  async function submitStep(page: Page, step: string) {
    await page.getByTestId('step-submit').click();
    try {
      await page.locator(`[data-testid="step-result"][data-step="${step}"]`).waitFor();
    } catch (e) {
      // say why: the server's message (toast) or the form's field errors
      const shown = await page.locator('.ant-message, .ant-form-item-explain-error').allTextContents();
      await shot(page, `failed-${step}`);
      throw new Error(`step ${step} not recorded: ${shown.join(' | ') || (e as Error).message}`);
    }
  }

  it('the enterprise records a core through to a labelled product and downloads the label', async () => {
    const { context, page, errors } = await openPage(suite.browser, suite.server.baseUrl, undefined, { locale: 'zh-CN', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await submitLogin(page, suite.server.baseUrl, username, TEST_PASSWORD);
    await page.getByTestId('user-menu').waitFor();

    // the menu entry 产品追溯
    await page.getByTestId('menu-trace').click();
    await page.getByTestId('trace-products-table').waitFor();
    await page.getByTestId('trace-nav-record').click();

    // 1 旧件回收入厂
    await page.getByTestId('form-intake').waitFor();
    await page.getByTestId('f-name').fill('旧发动机');
    await page.getByTestId('f-model').fill('WD615');
    await page.getByTestId('f-returnedBy').fill('佛山某运输公司');
    await shot(page, '1-intake');
    await submitStep(page, 'intake');
    const core = (await page.getByTestId('result-core').textContent())!.trim();
    expect(core).toMatch(/^urn:/);

    // 2 入厂检测分级 (grade, measurements)
    await page.getByTestId('next-inspection').click();
    await page.getByTestId('form-inspection').waitFor();
    expect(await page.getByTestId('f-coreEpc').inputValue()).toBe(core);
    await page.getByTestId('f-m-name-0').fill('缸孔圆度');
    await page.getByTestId('f-m-value-0').fill('0.012');
    await page.getByTestId('f-m-unit-0').fill('mm');
    await submitStep(page, 'inspection');

    // 3 拆解
    await page.getByTestId('next-disassembly').click();
    await page.getByTestId('form-disassembly').waitFor();
    expect(await page.getByTestId('f-coreEpc').inputValue()).toBe(core);
    await page.getByTestId('f-part-name-0').fill('缸体');
    await page.getByTestId('f-part-name-1').fill('缸盖');
    await page.getByTestId('f-part-name-2').fill('活塞环');
    await submitStep(page, 'disassembly');
    expect(await page.getByTestId('result-parts').locator('li').count()).toBe(3);
    await shot(page, '2-disassembly');

    // 4 清洗 (the parts are pre-filled)
    await page.getByTestId('next-cleaning').click();
    await page.getByTestId('form-cleaning').waitFor();
    expect((await page.getByTestId('f-epcs').inputValue()).split('\n')).toHaveLength(3);
    await page.getByTestId('f-method').fill('超声波清洗');
    await submitStep(page, 'cleaning');

    // 5 零件评估: 缸体 reuse, 缸盖 remanufacture, 活塞环 replace with new
    await page.getByTestId('next-assessment').click();
    await page.getByTestId('form-assessment').waitFor();
    await page.getByTestId('assess-row-1').getByText('再制造修复').click();
    await page.getByTestId('assess-row-2').getByText('更换新件').click();
    await shot(page, '3-assessment');
    await submitStep(page, 'assessment');

    // 6 再制造加工 of the part to remanufacture (pre-filled: 缸盖 only)
    await page.getByTestId('next-process').click();
    await page.getByTestId('form-process').waitFor();
    expect((await page.getByTestId('f-epcs').inputValue()).split('\n')).toHaveLength(1);
    await page.getByTestId('f-parameters').fill('激光功率 2 kW，熔覆层 0.8 mm');
    await submitStep(page, 'process');

    // 7 再装配 with inputs (mass, value, origin)
    await page.getByTestId('next-reassembly').click();
    await page.getByTestId('form-reassembly').waitFor();
    await page.getByTestId('f-standardNo').fill('GB/T 28672-2012');
    await page.getByTestId('f-in-id-2').fill('urn:epc:class:lgtin:4012345.012345.LOT7');
    const amounts = [
      [300, 20000],
      [120, 18000],
      [80, 12000],
    ];
    for (const [i, [mass, value]] of amounts.entries()) {
      await page.getByTestId(`f-in-mass-${i}`).fill(String(mass));
      await page.getByTestId(`f-in-value-${i}`).fill(String(value));
    }
    // the rows under the first have no visible labels: each control is named for screen readers ("质量 kg · 3")
    expect(await page.getByRole('spinbutton', { name: '质量 kg · 3', exact: true }).inputValue()).toBe('80');
    expect(await page.getByRole('combobox', { name: '来源 · 2', exact: true }).count()).toBe(1);
    await shot(page, '4-reassembly');
    await submitStep(page, 'reassembly');
    code = (await page.getByTestId('result-product').textContent())!.trim();
    expect(code.length).toBeGreaterThan(4);

    // 8 性能检测
    await page.getByTestId('next-test').click();
    await page.getByTestId('form-test').waitFor();
    expect(await page.getByTestId('f-code').inputValue()).toBe(code);
    await page.getByTestId('f-m-name-0').fill('额定功率');
    await page.getByTestId('f-m-value-0').fill('247');
    await page.getByTestId('f-m-unit-0').fill('kW');
    await submitStep(page, 'test');

    // 9 标识: the label appears, PNG downloads
    await page.getByTestId('next-marking').click();
    await page.getByTestId('form-marking').waitFor();
    await submitStep(page, 'marking');
    const img = page.getByTestId('label-image');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(800);
    await shot(page, '5-marking-label');

    const download = page.waitForEvent('download');
    await page.getByTestId('label-png').click();
    const file = await (await download).path();
    const png = PNG.sync.read(readFileSync(file));
    const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(decoded).not.toBeNull();
    qrUrl = decoded!.data;
    expect(qrUrl).toBe(`${suite.server.baseUrl}/p/${encodeURIComponent(code)}`);

    // the product's page: steps, rates from the inputs, genealogy tree
    await page.goto(`${suite.server.baseUrl}/trace/products/${encodeURIComponent(code)}`);
    await page.getByTestId('product-code').waitFor();
    await page.getByTestId('genealogy-tree').waitFor();
    expect(await page.getByTestId('genealogy-tree').locator('[data-testid="tree-node"]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('product-mass-rate').textContent()).toBe('84.00%'); // (300+120)/500
    expect(await page.getByTestId('product-value-rate').textContent()).toBe('76.00%'); // (20000+18000)/50000
    await shot(page, '6-product');

    // 打印 PDF from the product page and from the list (selected rows): the sheet opens in a new tab
    for (const open of [
      async () => page.getByTestId('label-pdf').click(),
      async () => {
        await page.goto(`${suite.server.baseUrl}/trace`);
        await page.getByTestId(`product-link-${code}`).waitFor();
        await page.getByTestId('trace-products-table').locator('tbody tr').filter({ hasText: code }).locator('input[type="checkbox"]').check();
        await page.getByTestId('trace-print-selected').click();
      },
    ]) {
      const popup = page.waitForEvent('popup');
      await open();
      const tab = await popup;
      expect(tab.url()).toMatch(/^blob:/);
      const pdf = await tab.evaluate(async () => {
        const b = new Uint8Array(await (await fetch(location.href)).arrayBuffer());
        return String.fromCharCode(...b.slice(0, 5));
      });
      expect(pdf).toBe('%PDF-');
      await tab.close();
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the product is shipped (form), sold (bulk import .csv) and installed (form); recall and ledger find it', async () => {
    expect(code).not.toBe('');
    const { context, page, errors } = await openPage(suite.browser, suite.server.baseUrl, undefined, { locale: 'zh-CN', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await submitLogin(page, suite.server.baseUrl, username, TEST_PASSWORD);
    await page.getByTestId('user-menu').waitFor();

    // 出厂发货 through the form (the work order from the first test lives in sessionStorage of that context: type the code)
    await page.goto(`${suite.server.baseUrl}/trace/record?step=shipping`);
    await page.getByTestId('form-shipping').waitFor();
    await page.getByTestId('f-codes').fill(code);
    await page.getByTestId('f-destinationName').fill('华南经销中心');
    await submitStep(page, 'shipping');

    // 销售 through bulk import: a bad file first (customer missing → the cell is named, nothing stored), then a good one
    await page.goto(`${suite.server.baseUrl}/trace/import`);
    await page.getByTestId('import-step').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '销售' }).click();
    const template = page.waitForEvent('download');
    await page.getByTestId('import-template-csv').click();
    const templateText = readFileSync(await (await template).path(), 'utf8');
    expect(templateText).toContain('customerName');
    const upload = async (csv: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('import-upload').click();
      await (await chooser).setFiles({ name: 'sale.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    };
    await upload(`code,customerName\n${code},\n`);
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').textContent()).toContain('customerName');
    await shot(page, '9-import-errors');
    await upload(`code,customerName\n${code},佛山某物流有限公司\n`);
    await expect.poll(() => page.getByTestId('import-job').getAttribute('data-status')).toBe('succeeded');
    await shot(page, '10-import-done');

    // 安装使用 through the form
    await page.goto(`${suite.server.baseUrl}/trace/record?step=installation`);
    await page.getByTestId('form-installation').waitFor();
    await page.getByTestId('f-code').fill(code);
    await page.getByTestId('f-location').fill('佛山市顺德区某物流园');
    await submitStep(page, 'installation');

    // 召回查询 by the new-part lot: the product with its current owner; Excel download
    await page.goto(`${suite.server.baseUrl}/trace/recall`);
    await page.getByTestId('recall-input').locator('input').fill('urn:epc:class:lgtin:4012345.012345.LOT7');
    await page.getByTestId('recall-input').locator('input').press('Enter');
    const row = page.getByTestId('recall-table').locator('tbody tr').filter({ hasText: code });
    await row.waitFor();
    expect(await row.textContent()).toContain('佛山某物流有限公司');
    await shot(page, '11-recall');
    const recallXlsx = page.waitForEvent('download');
    await page.getByTestId('recall-xlsx').click();
    expect(readFileSync(await (await recallXlsx).path()).subarray(0, 2).toString('latin1')).toBe('PK');

    // 生产台账: counts and the four-sheet Excel
    await page.goto(`${suite.server.baseUrl}/trace/ledger`);
    await page.getByTestId('ledger-counts').waitFor();
    // this enterprise's ledger: one core received, one product made, one test, one shipment
    expect(await page.getByTestId('ledger-counts').locator('.ant-statistic-content-value').allTextContents()).toEqual(['1', '1', '1', '1']);
    await shot(page, '12-ledger');
    const ledgerXlsx = page.waitForEvent('download');
    await page.getByTestId('ledger-xlsx').click();
    expect(readFileSync(await (await ledgerXlsx).path()).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the provincial authority sees the product read-only (no recording, no labels)', async () => {
    const { context, page } = await openPage(suite.browser, suite.server.baseUrl, undefined, { locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    await submitLogin(page, suite.server.baseUrl, authorityLogin, TEST_PASSWORD);
    await page.getByTestId('user-menu').waitFor();
    await page.getByTestId('menu-trace').click();
    await page.getByTestId(`product-link-${code}`).waitFor();
    expect(await page.getByTestId('trace-nav-record').count()).toBe(0);
    expect(await page.getByTestId('trace-nav-import').count()).toBe(0);
    await page.getByTestId(`product-link-${code}`).click();
    await page.getByTestId('product-steps').waitFor();
    expect(await page.getByTestId('product-label').count()).toBe(0);
    expect(await page.getByTestId('product-recall').count()).toBe(0);
    await shot(page, '13-authority-product');
    await context.close();
  });

  it('the public opens the decoded QR URL: enterprise, 再制造, the steps, 正品', async () => {
    expect(qrUrl).not.toBe('');
    const { context, page, errors } = await openPage(suite.browser, suite.server.baseUrl, undefined, { locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(qrUrl);
    const status = page.getByTestId('verify-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('issued');
    expect(await page.getByTestId('verify-status-title').textContent()).toContain('正品');
    expect(await page.getByTestId('verify-enterprise').textContent()).toBe(ENTERPRISE);
    expect(await page.getByTestId('verify-mark').textContent()).toBe('再制造');
    expect(await page.getByTestId('verify-code').textContent()).toBe(code);
    expect(await page.getByTestId('verify-standard').textContent()).toBe('GB/T 28672-2012');
    for (const kind of ['intake', 'disassembly', 'reassembly', 'marking']) {
      expect(await page.getByTestId(`verify-step-${kind}`).count(), kind).toBeGreaterThan(0);
    }
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    await shot(page, '7-public-verify');
    // the same page in English
    await page.getByTestId('lang-switch').click();
    // English is its own chunk (issue 16 item 18): the page re-renders once it has arrived
    await page.getByTestId('verify-status-title').filter({ hasText: 'Genuine' }).waitFor();
    expect(await page.getByTestId('verify-mark').textContent()).toBe('再制造');
    await shot(page, '7b-public-verify-en');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an unknown code shows the friendly not-found page', async () => {
    const { context, page } = await openPage(suite.browser, suite.server.baseUrl, undefined, { locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    await page.goto(`${suite.server.baseUrl}/p/RM-NO-SUCH-PRODUCT`);
    await page.getByTestId('verify-not-found').waitFor();
    expect(await page.getByTestId('verify-not-found-title').textContent()).toBe('未找到该产品');
    expect(await page.getByTestId('verify-status').count()).toBe(0);
    await shot(page, '8-public-not-found');
    await context.close();
  });

  it('removal at end of life and the next life: the removed product is taken in as a core and remanufactured again', async () => {
    expect(code).not.toBe('');
    const { context, page, errors } = await openPage(suite.browser, suite.server.baseUrl, undefined, { locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    await submitLogin(page, suite.server.baseUrl, username, TEST_PASSWORD);
    await page.getByTestId('user-menu').waitFor();

    await page.goto(`${suite.server.baseUrl}/trace/record?step=removal`);
    await page.getByTestId('form-removal').waitFor();
    await page.getByTestId('f-code').fill(code);
    await page.getByTestId('f-reason').fill('整车报废');
    await submitStep(page, 'removal');

    // 旧件回收入厂 of the next life: the core is the removed product (pre-filled)
    await page.getByTestId('next-intake').click();
    await page.getByTestId('form-intake').waitFor();
    const oldEpc = await page.getByTestId('f-coreEpc').inputValue();
    expect(oldEpc).not.toBe('');
    await page.getByTestId('f-returnedBy').fill('佛山某物流有限公司');
    await submitStep(page, 'intake');
    await page.getByTestId('next-disassembly').click();
    await page.getByTestId('form-disassembly').waitFor();
    expect(await page.getByTestId('f-coreEpc').inputValue()).toBe((await page.getByTestId('work-core').textContent())!.trim());
    await page.getByTestId('f-part-name-0').fill('缸体');
    await page.getByTestId('f-part-name-1').fill('缸盖');
    await submitStep(page, 'disassembly');
    await page.getByTestId('next-assessment').click();
    await page.getByTestId('form-assessment').waitFor();
    await submitStep(page, 'assessment'); // both reused
    await page.getByTestId('next-reassembly').click();
    await page.getByTestId('form-reassembly').waitFor();
    await page.getByTestId('f-standardNo').fill('GB/T 28672-2012');
    for (const [i, [mass, value]] of [[300, 20000], [120, 18000]].entries()) {
      await page.getByTestId(`f-in-mass-${i}`).fill(String(mass));
      await page.getByTestId(`f-in-value-${i}`).fill(String(value));
    }
    await submitStep(page, 'reassembly');
    const code2 = (await page.getByTestId('result-product').textContent())!.trim();
    expect(code2).not.toBe(code);

    // its page: second life, the first-life product in its genealogy
    await page.getByTestId('result-product').click();
    await page.getByTestId('genealogy-tree').waitFor();
    expect(await page.getByTestId('product-lives').textContent()).toContain('第 2 次再制造');
    expect(await page.getByTestId('genealogy-tree').textContent()).toContain(code);
    await shot(page, '14-second-life');

    // 召回 from the product page; the public page then says so, big
    await page.getByTestId('product-recall').click();
    await page.getByTestId('status-reason').fill('缸体批次复检不合格，主动召回');
    await page.getByTestId('status-confirm').click();
    await expect.poll(() => page.getByTestId('product-status').first().getAttribute('data-status')).toBe('recalled');
    expect(errors).toEqual([]);
    await context.close();

    const pub = await suite.page({ context: { locale: 'zh-CN', viewport: { width: 390, height: 844 } } });
    await pub.goto(`${suite.server.baseUrl}/p/${encodeURIComponent(code2)}`);
    await pub.getByTestId('verify-status').waitFor();
    expect(await pub.getByTestId('verify-status').getAttribute('data-status')).toBe('recalled');
    expect(await pub.getByTestId('verify-status').getAttribute('data-genuine')).toBe('false');
    expect(await pub.getByTestId('verify-status-title').textContent()).toBe('产品已召回');
    await shot(pub, '15-public-recalled');
    await pub.context().close();
  });
});
