/**
 * 产品质量保险 in Chromium (issue 13 保险, 000 三(八)): the seller (ent-qd, 青岛) records the quality insurance of the unit
 * of the demo buyer's accepted order from the order page; the holder (the demo buyer 北京华建) sees the policy in its
 * insurance list and on the policy page; a failure after the warranty is routed to the insurer (the cases module's
 * hook, called here directly — its API test is insurance.test.ts); the insurer sees the claim in its inbox and its
 * list, decides it in a dialog that names the consequence (cover left after the payment), and reads its figures
 * with the chart; the public verification page of the unit shows the insurer's line without naming the holder.
 * The ministry admin creates the first admin of an insurer without users in the users dialog (the organisation
 * picked by searching the registered insurers) and finds the new user listed with its insurer.
 * Screenshots: test-output/screenshots/insurance-*.png.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { DEMO_BUYER_ORG } from '../../src/server/demo-areas/trading.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

const INSURER = '平安测试财产保险股份有限公司青岛分公司';
const INSURER_CODE = makeCreditCode('370200', 'MA3PAQD07');
/** An insurer without any user yet: its first admin is created by the ministry admin (after a phone call). */
const NEW_INSURER = '人保测试财产保险股份有限公司烟台分公司';
const NEW_INSURER_CODE = makeCreditCode('370600', 'MA3RBYT08');
const day = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d);

describeBrowser('quality insurance in the browser', () => {
  const suite = useBrowserSuite('insurance', {
    setup: async (server) => {
      const ctx = { principal: null, ip: '127.0.0.1', requestId: 'browser-setup' };
      await server.services.buyers.register(ctx, { orgName: INSURER, creditCode: INSURER_CODE, contactName: '核保员', phone: '0532-8888 6666', username: 'insurer-qd', password: 'Pingan-Test-2026!', kind: 'insurer' });
      await server.services.buyers.createOrgAsOperator(ctx, { orgName: NEW_INSURER, creditCode: NEW_INSURER_CODE, contactName: '综合部', phone: '0535-6666 8888', kind: 'insurer' });
    },
  });
  const base = () => suite.server.baseUrl;

  it('seller records the policy → holder sees it → insurer decides the claim → figures → public line', async () => {
    const { rows } = await suite.server.database.raw.query<{ id: string }>("SELECT id FROM orders WHERE status = 'accepted' ORDER BY created_at LIMIT 1");
    expect(rows).toHaveLength(1);
    const orderId = rows[0]!.id;
    const today = day(new Date());
    const ends = day(new Date(Date.now() + 2 * 365 * 86_400_000));

    // ---- the seller records the unit's insurance on the order page
    const seller = await suite.page({ login: { username: 'ent-qd', password: DEMO_PASSWORD } });
    await seller.goto(`${base()}/orders/${orderId}`);
    await seller.getByTestId('unit-policies').waitFor();
    const code = (await seller.getByTestId('order-unit').first().textContent())!.trim();
    await seller.getByTestId('policy-record').click();
    await seller.getByTestId('policy-form').waitFor();
    await seller.getByTestId('policy-insurer').fill(INSURER_CODE);
    await seller.getByTestId('policy-number').fill('PQD2026000123');
    await seller.getByTestId('policy-cover').fill('20000');
    await seller.getByTestId('policy-premium').fill('600');
    await seller.getByTestId('policy-starts').fill(today);
    await seller.getByTestId('policy-ends').fill(ends);
    await seller.getByTestId('policy-coverage').fill('质保期满后两年内的质量故障维修费用');
    await suite.shot(seller, '1-seller-record');
    const [recorded] = await Promise.all([
      seller.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/insurance/policies')),
      seller.getByTestId('policy-ok').click(),
    ]);
    expect(recorded.status(), await recorded.text()).toBe(201);
    const policyId = (await recorded.json()).id as string;
    await seller.getByTestId('unit-policy').filter({ hasText: 'PQD2026000123' }).waitFor();
    await suite.shot(seller, '2-seller-order-insured');

    // ---- the holder: its insurance list and the policy page
    const holder = await suite.page({ login: { username: 'buyer', password: DEMO_PASSWORD } });
    await holder.getByTestId('menu-insurance').click();
    await holder.getByTestId('insurance-policies').getByText('PQD2026000123').waitFor();
    await suite.shot(holder, '3-holder-policies');
    await holder.getByTestId('policy-link').filter({ hasText: 'PQD2026000123' }).click();
    await holder.getByTestId('policy-page').waitFor();
    expect(await holder.getByTestId('policy-insurer-name').textContent()).toBe(INSURER);
    expect(await holder.getByTestId('policy-holder-name').textContent()).toBe(DEMO_BUYER_ORG);
    expect(await holder.getByTestId('policy-active').getAttribute('data-active')).toBe('true');
    await suite.shot(holder, '4-holder-policy');

    // ---- a failure after the warranty, inside the cover: the cases module's hook routes it to the insurer
    const routed = await suite.server.services.insurance.routeClaim(suite.server.database.db, {
      enterpriseId: (await suite.server.database.raw.query<{ enterprise_id: string }>('SELECT enterprise_id FROM orders WHERE id = $1', [orderId])).rows[0]!.enterprise_id,
      caseId: randomUUID(),
      number: 'GD-2026-0042',
      productCode: code,
      title: '主泵压力不足',
      description: '质保期满后出现，流量下降约 20%',
      openedAt: new Date(),
      today,
      warrantyUntil: day(new Date(Date.now() - 86_400_000)),
    });
    expect(routed?.policyNumber).toBe('PQD2026000123');

    // ---- the insurer: the claim in its list, decided in a dialog naming the consequence
    const insurer = await suite.page({ login: { username: 'insurer-qd', password: 'Pingan-Test-2026!' } });
    // its own view: the role tag, a menu of claims, policies and figures (no market, orders, leases, core exchange),
    // and a home page with the claim waiting for it
    await insurer.locator('[data-testid="insurer-home-claims"][data-count="1"]').waitFor();
    expect(await insurer.getByTestId('user-role').textContent()).toBe('保险机构管理员');
    await insurer.getByTestId('insurer-home-claim').getByText('GD-2026-0042', { exact: false }).waitFor();
    for (const key of ['insurance-claims', 'insurance-policies', 'insurance-figures']) await insurer.getByTestId(`menu-${key}`).waitFor();
    for (const key of ['market', 'orders', 'leases', 'core-exchange', 'insurance', 'devices', 'cases']) expect(await insurer.getByTestId(`menu-${key}`).count(), key).toBe(0);
    await suite.shot(insurer, '5a-insurer-home');
    await insurer.getByTestId('insurer-home-claim').getByRole('link').click();
    await insurer.getByTestId('insurer-claims').waitFor();
    await insurer.getByTestId('insurance-claims').getByText('GD-2026-0042').waitFor();
    await suite.shot(insurer, '5-insurer-claims');
    await insurer.getByTestId('claim-decide').click();
    await expect.poll(() => insurer.getByTestId('claim-cover-left').textContent()).toBe('¥20,000.00');
    await insurer.getByTestId('claim-amount-input').fill('8000');
    await insurer.getByTestId('claim-reason').fill('更换主泵柱塞组件，属保险责任');
    await expect.poll(() => insurer.getByTestId('claim-consequence').textContent()).toContain('剩余保额变为 ¥12,000.00');
    await suite.shot(insurer, '6-insurer-decide');
    // a rejection names its own consequence and turns the button red
    await insurer.getByTestId('claim-decision-rejected').click();
    await expect.poll(() => insurer.getByTestId('claim-consequence').getAttribute('data-decision')).toBe('rejected');
    expect(await insurer.getByTestId('claim-consequence').textContent()).toContain('剩余保额不变');
    await insurer.getByTestId('claim-decision-accepted').click();
    await insurer.getByTestId('claim-amount-input').fill('8000');
    const [decided] = await Promise.all([
      insurer.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/decide')),
      insurer.getByTestId('claim-ok').click(),
    ]);
    expect(decided.status(), await decided.text()).toBe(200);
    // the list shows pending claims by default: show all, the decided one is paid
    await insurer.getByTestId('claims-status').click();
    await insurer.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '全部状态' }).click();
    await insurer.locator('[data-testid="claim-status"][data-status="accepted"]').waitFor();
    expect(await insurer.getByTestId('claim-amount').first().textContent()).toBe('¥8,000.00');
    await suite.shot(insurer, '7-insurer-paid');

    // ---- the insurer's figures: totals and the chart
    await insurer.getByTestId('menu-insurance-figures').click();
    await insurer.getByTestId('insurer-figures').waitFor();
    await insurer.getByTestId('insurance-chart').locator('canvas').waitFor();
    await expect.poll(() => insurer.getByTestId('insurance-figures').locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await insurer.getByTestId('insurance-figures').textContent()).toContain('¥8,000.00');
    await suite.shot(insurer, '8-insurer-figures');

    // ---- the insurer's admin adds a claims handler of its own (its staff; its organisation is fixed)
    await insurer.getByTestId('menu-users').click();
    await insurer.getByTestId('users-table').getByText('insurer-qd').waitFor();
    await insurer.getByTestId('user-create').click();
    const dialog = insurer.getByRole('dialog');
    await dialog.locator('#new-username').fill('insurer-qd-handler');
    await dialog.locator('#new-displayName').fill('理赔专员');
    await dialog.locator('#new-role').click();
    await insurer.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '保险机构用户' }).click();
    const [created] = await Promise.all([
      insurer.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/users')),
      insurer.getByTestId('user-create-submit').click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    await insurer.getByTestId('initial-password').waitFor();

    // ---- the holder's policy now counts the claim; the public line names the insurer, never the holder
    await holder.goto(`${base()}/insurance/policies/${policyId}`);
    await expect.poll(() => holder.getByTestId('policy-cover-left').textContent()).toBe('¥12,000.00');
    const anon = await suite.page();
    await anon.goto(`${base()}/p/${encodeURIComponent(code)}`);
    await anon.getByTestId('unit-insurance-line').waitFor();
    expect(await anon.getByTestId('unit-insurance-line').textContent()).toContain(INSURER);
    expect((await anon.locator('body').textContent()) ?? '').not.toContain(DEMO_BUYER_ORG);
    await suite.shot(anon, '9-public-verify-insured');
    for (const p of [seller, holder, insurer, anon]) await p.context().close();
  });

  it('the ministry admin creates the first admin of an insurer in the users dialog; the user is listed with its insurer', async () => {
    const miit = await suite.page({ login: { username: 'miit', password: DEMO_PASSWORD } });
    await miit.getByTestId('menu-users').click();
    await miit.getByTestId('users-table').waitFor();
    await miit.getByTestId('user-create').click();
    const dialog = miit.getByRole('dialog');
    await dialog.locator('#new-username').fill('insurer-yt-admin');
    await dialog.locator('#new-displayName').fill('烟台分公司管理员');
    await dialog.locator('#new-role').click();
    await miit.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '保险机构管理员' }).click();
    // the organisation field becomes a search over the registered insurers: type part of the name, pick the match
    const orgSelect = dialog.getByTestId('user-org-select');
    await orgSelect.click();
    const [searched] = await Promise.all([
      miit.waitForResponse((r) => r.url().includes('/api/v1/buyer-orgs') && r.url().includes('kind=insurer') && r.url().includes('q=')),
      orgSelect.locator('input').fill('烟台'),
    ]);
    expect(searched.status()).toBe(200);
    const option = miit.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: NEW_INSURER });
    await option.waitFor();
    // only insurers are offered: the buyer organisations of the demo are not
    expect(await miit.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: DEMO_BUYER_ORG }).count()).toBe(0);
    await option.click();
    await suite.shot(miit, '10-miit-create-insurer-admin');
    const [created] = await Promise.all([
      miit.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/users')),
      miit.getByTestId('user-create-submit').click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    expect((await created.json()).user.organization).toMatchObject({ name: NEW_INSURER, kind: 'insurer' });
    await miit.getByTestId('initial-password').waitFor();
    await miit.getByTestId('initial-password-close').click();

    // the list shows the new user with its insurer and the organisation's kind
    await miit.getByPlaceholder('用户名或姓名').fill('insurer-yt-admin');
    await miit.getByPlaceholder('用户名或姓名').press('Enter');
    const row = miit.getByTestId('users-table').locator('tr.ant-table-row').filter({ hasText: 'insurer-yt-admin' });
    await row.waitFor();
    await expect.poll(() => miit.getByTestId('users-table').locator('tr.ant-table-row').count()).toBe(1);
    expect(await row.textContent()).toContain(NEW_INSURER);
    expect(await row.textContent()).toContain('保险机构');
    await suite.shot(miit, '11-miit-users-insurer-admin');
    await miit.context().close();
  });
});
