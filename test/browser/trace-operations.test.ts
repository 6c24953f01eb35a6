/**
 * 全过程溯源 in Chromium, the operations around the main flow (trace-flow.test.ts):
 * - a large MES capture: the products page says its events are being written, then shows the product;
 * - the lease form: the lessee becomes the possessor, the enterprise stays the owner;
 * - a large bulk import runs in the background with a progress bar;
 * - MIIT opens the production ledger of an enterprise it picks.
 * Screenshots go to test-output/screenshots/trace-ops-*.png. The test seeds its own enterprise and user.
 */
import { expect, it } from 'vitest';
import { describeBrowser, openPage, useBrowserSuite } from '../support/browser.js';
import { buildEnterprise, buildUser, enterpriseAdminCtx, TEST_PASSWORD } from '../support/factories.js';

const ENTERPRISE = '浏览器运营测试再制造有限公司';

describeBrowser('traceability operations in the browser', () => {
  let enterpriseId = '';
  let username = '';
  let ministry = '';
  let token = '';
  const suite = useBrowserSuite('trace-ops', {
    server: { TRACE_INLINE_PROJECTION_MAX: 2 },
    setup: async (server) => {
      const s = server.services;
      const e = await buildEnterprise(s, { regionCode: '440606', name: ENTERPRISE });
      enterpriseId = e.id;
      username = (await buildUser(s, 'enterprise_admin', { organizationId: e.id })).username;
      ministry = (await buildUser(s, 'ministry_officer')).username;
      token = (await s.identity.createToken(await enterpriseAdminCtx(s, e.id), 'MES')).token;
    },
  });
  const shot = suite.shot;
  const enterprisePage = () => openPage(suite.browser, suite.server.baseUrl, { username, password: TEST_PASSWORD });

  it('a large MES capture: "being written" with progress while pending, then the product', async () => {
    const core = 'urn:epc:id:sgtin:6901234.012345.OPS1C';
    const parts = ['urn:epc:id:sgtin:6901234.012346.OPS1P1', 'urn:epc:id:sgtin:6901234.012346.OPS1P2'];
    const product = 'urn:epc:id:sgtin:6901234.012399.OPS1R';
    const ev = (i: number, e: Record<string, unknown>) => ({ eventID: `urn:uuid:60000000-0000-4000-8000-00000000000${i}`, eventTime: `2026-04-0${i}T08:00:00Z`, eventTimeZoneOffset: '+08:00', ...e });
    const body = {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { rm: 'urn:reman-platform:voc:' }],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-04-01T00:00:00Z',
      epcisBody: {
        eventList: [
          ev(1, { type: 'ObjectEvent', epcList: [core], action: 'OBSERVE', bizStep: 'receiving', disposition: 'returned' }),
          ev(2, { type: 'TransformationEvent', inputEPCList: [core], outputEPCList: parts, bizStep: 'disassembling' }),
          ev(3, {
            type: 'TransformationEvent', inputEPCList: parts, outputEPCList: [product], bizStep: 'assembling', ilmd: { 'rm:productName': 'MES 再制造变速箱' },
            'rm:inputs': [{ epc: parts[0], origin: 'reused', massKg: 60, valueCny: 9000 }, { epc: parts[1], origin: 'new', massKg: 40, valueCny: 6000 }],
          }),
        ],
      },
    };
    suite.server.services.trace.projection.pause(); // hold the follower so the page can be seen while the events are pending
    let resumed = false;
    try {
      const r = await fetch(`${suite.server.baseUrl}/epcis/capture`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(r.status).toBe(202);
      const { context, page, errors } = await enterprisePage();
      await page.getByTestId('menu-trace').click();
      const banner = page.getByTestId('trace-projection-lag');
      await banner.waitFor();
      expect(await banner.getAttribute('data-lag')).toBe('3');
      expect(await banner.textContent()).toContain('3 个事件正在写入追溯记录');
      await shot(page, '1-projection-pending');
      suite.server.services.trace.projection.resume();
      resumed = true;
      // the page polls while events are pending: the banner goes and the product appears without a reload
      await banner.waitFor({ state: 'detached' });
      const row = page.getByTestId('trace-products-table').locator('tbody tr').filter({ hasText: 'MES 再制造变速箱' });
      await row.waitFor();
      await shot(page, '2-projection-done');
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      if (!resumed) suite.server.services.trace.projection.resume();
    }
  });

  it('the lease form: the lessee is the possessor, the enterprise stays the owner', async () => {
    const s = suite.server.services.trace;
    const intake = await s.stepAsSystem(enterpriseId, 'intake', { name: '液压泵旧件', source: { returnedBy: '某工程公司', channel: 'end_user', tradeIn: false } });
    const d = await s.stepAsSystem(enterpriseId, 'disassembly', { coreEpc: intake.coreEpc!, parts: [{ name: '泵体' }, { name: '柱塞' }] });
    const [p1, p2] = d.parts!;
    const made = await s.stepAsSystem(enterpriseId, 'reassembly', {
      name: '再制造液压泵',
      inputs: [
        { epc: p1!.epc, origin: 'reused', name: p1!.name, massKg: 30, valueCny: 5000 },
        { epc: p2!.epc, origin: 'new', name: p2!.name, massKg: 10, valueCny: 3000 },
      ],
    });
    const code = made.product!.code;

    const { context, page, errors } = await enterprisePage();
    await page.goto(`${suite.server.baseUrl}/trace/record?step=lease`);
    await page.getByTestId('form-lease').waitFor();
    await page.getByTestId('f-code').fill(code);
    await page.getByTestId('f-lesseeName').fill('肇庆某工程机械租赁有限公司');
    await shot(page, '3-lease-form');
    await page.getByTestId('step-submit').click();
    await page.locator('[data-testid="step-result"][data-step="lease"]').waitFor();

    await page.goto(`${suite.server.baseUrl}/trace/products/${encodeURIComponent(code)}`);
    await page.getByTestId('product-facts').waitFor();
    expect(await page.getByTestId('product-possessor').textContent()).toBe('肇庆某工程机械租赁有限公司');
    expect(await page.getByTestId('product-owner').textContent()).toContain(ENTERPRISE);
    expect(await page.getByTestId('product-step-lease').count()).toBeGreaterThan(0);
    await shot(page, '4-leased-product');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a bulk import of 400 rows runs in the background with a progress bar', async () => {
    const { context, page, errors } = await enterprisePage();
    await page.goto(`${suite.server.baseUrl}/trace/import`);
    await page.getByTestId('import-step').waitFor();
    const rows = Array.from({ length: 400 }, (_, i) => `回收旧件 ${i + 1},某汽修厂,service_center,否`);
    const chooser = page.waitForEvent('filechooser');
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/trace/import/intake') && r.request().method() === 'POST');
    await page.getByTestId('import-upload').click();
    await (await chooser).setFiles({ name: 'intake.csv', mimeType: 'text/csv', buffer: Buffer.from(`name,source.returnedBy,source.channel,source.tradeIn\n${rows.join('\n')}\n`, 'utf8') });
    // larger than the synchronous limit: the upload answers at once with a running job, the page polls it
    expect((await (await answered).json()).job).toMatchObject({ status: 'running', total: 400 });
    const job = page.getByTestId('import-job');
    await job.waitFor();
    // while it runs (on a quiet machine 400 rows may already be done when the page first draws it) it shows progress
    if ((await job.getAttribute('data-status')) === 'running') {
      expect(await job.locator('.ant-progress').count()).toBe(1);
      await shot(page, '5-import-running');
    }
    await expect.poll(() => job.getAttribute('data-status')).toBe('succeeded');
    expect(await job.textContent()).toContain('400 / 400');
    await shot(page, '6-import-done');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('MIIT opens the production ledger of an enterprise it picks', async () => {
    const { context, page, errors } = await openPage(suite.browser, suite.server.baseUrl, { username: ministry, password: TEST_PASSWORD });
    await page.goto(`${suite.server.baseUrl}/trace/ledger`);
    const from = page.getByTestId('ledger-from');
    await from.waitFor();
    expect(await page.getByTestId('ledger-counts').count()).toBe(0); // nothing before an enterprise is chosen
    await page.locator('#enterpriseId').click();
    await page.locator('#enterpriseId').fill('浏览器运营测试');
    await page.locator('.ant-select-item-option').filter({ hasText: ENTERPRISE }).click();
    await from.fill('2020-01-01'); // antd DatePicker (issue 16 item 14): typed, confirmed with Enter
    await from.press('Enter');
    await page.getByRole('button', { name: /预览|Preview/ }).click();
    await page.getByTestId('ledger-counts').waitFor();
    const counts = (await page.getByTestId('ledger-counts').locator('.ant-statistic-content-value').allTextContents()).map(Number);
    // cores received: 1 MES core + 1 leased pump's core + 400 imported; products made: the transmission and the pump
    expect(counts.slice(0, 2)).toEqual([402, 2]);
    await shot(page, '7-ministry-ledger');
    expect(errors).toEqual([]);
    await context.close();
  });
});
