/**
 * The 规范公告 application in Chromium: the demo enterprise (ent-gd) completes its draft for 佛山顺德生产车间
 * — accepts the 企业声明, uploads the last attachment, saves, reads the conditions check — and submits it;
 * 七(一)3 一并提交: another site of ent-gd has a draft too, so the submit dialog lists it and the enterprise answers
 * 暂不申请 (recorded). The demo reviewer (gd-reviewer) then forwards it to MIIT with the 表1-3 opinion. Screenshots of each step
 * go to test-output/screenshots/application-*.png.
 *
 * Most of the long form is filled through the service beforehand (as the enterprise itself, the same
 * use case the page calls); the browser does the steps a person would finish with.
 */
import { expect, it } from 'vitest';
import { ATTACHMENT_SLOTS } from '../../src/domain/announcement/form.js';
import { sampleApplicationForm } from '../../src/domain/announcement/sample.js';
import { DEMO_PASSWORD, DEMO_PDF } from '../../src/server/demo.js';
import { principalOf } from '../../src/server/modules/identity/identity.service.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

const LAST_SLOT = 'r45_training';

describeBrowser('规范公告 application in the browser', () => {
  let applicationId = '';
  let otherDraftId = '';
  const suite = useBrowserSuite('application', {
    setup: async (server) => {
      const s = server.services;
      const user = (await s.identity.findByUsername('ent-gd'))!;
      const ctx = { principal: principalOf(user, null), ip: '127.0.0.1', requestId: 'browser-test' };
      const { items } = await s.applications.list(ctx.principal, { states: ['draft'] }, 1, 10);
      applicationId = items[0]!.id;
      // 七(一)3: a second site's application, only started (the submit dialog must name it)
      const site = await s.enterprises.createSite(ctx, user.enterpriseId!, { name: '南沙试验车间', address: '广东省广州市南沙区黄阁镇再制造路1号', regionCode: '440115' });
      otherDraftId = (await s.applications.create(ctx, site.id)).id;
      const form = sampleApplicationForm(s.clock.today());
      form.declaration = { ...form.declaration, accepted: false };
      await s.applications.saveForm(ctx, applicationId, form);
      for (const slot of ATTACHMENT_SLOTS) {
        if (slot.required && slot.key !== LAST_SLOT) await s.applications.upload(ctx, applicationId, { slot: slot.key, filename: `${slot.zh}.pdf`, data: DEMO_PDF });
      }
    },
  });
  const loggedIn = (login: string) => suite.page({ login: { username: login, password: DEMO_PASSWORD } });
  const shot = suite.shot;

  it('the enterprise completes and submits its application', async () => {
    const page = await loggedIn('ent-gd');
    await page.goto(`${suite.server.baseUrl}/applications`);
    await page.getByTestId('applications-table').getByText('佛山顺德生产车间').first().waitFor();
    await shot(page, '1-list');

    // 企业声明
    await page.goto(`${suite.server.baseUrl}/applications/${applicationId}?tab=declaration`);
    await page.getByTestId('section-declaration').waitFor();
    await page.getByTestId('declaration-accepted').click();
    await shot(page, '2-declaration');

    // the last attachment, recognised by content
    await page.goto(`${suite.server.baseUrl}/applications/${applicationId}?tab=attachments`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId(`attachment-upload-${LAST_SLOT}`).click();
    await (await chooser).setFiles({ name: '培训记录.pdf', mimeType: 'application/pdf', buffer: DEMO_PDF });
    await expect
      .poll(async () => {
        const rows = await suite.server.database.raw.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM application_attachments WHERE application_id = $1 AND slot = $2 AND superseded_at IS NULL`,
          [applicationId, LAST_SLOT],
        );
        return rows.rows[0]!.n;
      })
      .toBe(1);
    await shot(page, '3-attachments');

    // save the declaration (it lives in the form), then read the conditions check
    await page.goto(`${suite.server.baseUrl}/applications/${applicationId}?tab=declaration`);
    await page.getByTestId('section-declaration').waitFor();
    const accepted = page.getByTestId('declaration-accepted');
    if (!(await accepted.isChecked().catch(() => false))) await accepted.click();
    await page.getByTestId('application-save').click();
    await expect
      .poll(async () => {
        const r = await suite.server.database.raw.query<{ accepted: boolean | null }>(`SELECT (form->'declaration'->>'accepted')::boolean AS accepted FROM applications WHERE id = $1`, [applicationId]);
        return r.rows[0]!.accepted;
      })
      .toBe(true);
    await page.goto(`${suite.server.baseUrl}/applications/${applicationId}?tab=conditions`);
    await page.getByTestId('conditions-check').waitFor();
    await expect.poll(() => page.getByTestId('conditions-table').locator('tbody tr').count()).toBeGreaterThan(10);
    await shot(page, '4-conditions');

    await page.getByTestId('application-submit').click();
    // 七(一)3 一并提交: the other site's draft is listed; 暂不申请 confirms it is not applied for now
    const other = page.getByTestId(`joint-draft-${otherDraftId}`);
    await other.waitFor();
    await shot(page, '5a-joint-submit');
    await other.getByText('暂不申请').click();
    await page.getByTestId('joint-submit-confirm').click();
    await expect
      .poll(async () => (await suite.server.database.raw.query<{ state: string }>('SELECT state FROM applications WHERE id = $1', [applicationId])).rows[0]!.state)
      .toBe('submitted');
    const recorded = await suite.server.database.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'application.not_applying_now' AND object_id = $1`, [otherDraftId]);
    expect(recorded.rows[0]!.n).toBe(1);
    await page.reload();
    await page.getByTestId('application-frozen').waitFor();
    await shot(page, '5-submitted');
    await page.context().close();
  });

  it('the provincial reviewer forwards it to MIIT with the 表1-3 opinion', async () => {
    const page = await loggedIn('gd-reviewer');
    await page.goto(`${suite.server.baseUrl}/`);
    await page.getByTestId('todo-list').getByText('佛山顺德生产车间').first().waitFor();
    await shot(page, '6-reviewer-todo');
    await page.goto(`${suite.server.baseUrl}/applications/${applicationId}`);
    await page.getByTestId('action-forward').click();
    await page.getByTestId('forward-opinion').fill('经核实，该企业申请材料真实完整，符合《机电产品再制造行业规范条件》要求，同意报送。');
    await page.getByTestId('forward-head').fill('陈处长');
    await shot(page, '7-forward-form');
    await page.getByTestId('action-confirm').click();
    await expect
      .poll(async () => (await suite.server.database.raw.query<{ state: string }>('SELECT state FROM applications WHERE id = $1', [applicationId])).rows[0]!.state)
      .toBe('forwarded');
    const { rows } = await suite.server.database.raw.query<{ head: string; handler: string }>(
      `SELECT provincial_opinion->>'head' AS head, provincial_opinion->>'handler' AS handler FROM applications WHERE id = $1`,
      [applicationId],
    );
    expect(rows[0]).toEqual({ head: '陈处长', handler: '广东省审核员' });
    await page.reload();
    await page.getByTestId('provincial-opinion').waitFor().catch(() => undefined);
    await shot(page, '8-forwarded');
    await page.context().close();
  });
  it('submitting a selection on the list asks about the other site\'s draft (七(一)3) and records 暂不申请', async () => {
    // a third site with a complete draft; 南沙试验车间's draft (setup) stays a draft and is not selected
    const s = suite.server.services;
    const user = (await s.identity.findByUsername('ent-gd'))!;
    const ctx = { principal: principalOf(user, null), ip: '127.0.0.1', requestId: 'browser-test' };
    const site = await s.enterprises.createSite(ctx, user.enterpriseId!, { name: '从化装配车间', address: '广东省广州市从化区太平镇再制造路8号', regionCode: '440117' });
    const id = (await s.applications.create(ctx, site.id)).id;
    await s.applications.saveForm(ctx, id, sampleApplicationForm(s.clock.today()));
    for (const slot of ATTACHMENT_SLOTS) if (slot.required) await s.applications.upload(ctx, id, { slot: slot.key, filename: `${slot.zh}.pdf`, data: DEMO_PDF });

    const page = await loggedIn('ent-gd');
    await page.goto(`${suite.server.baseUrl}/applications`);
    const row = page.getByTestId('applications-table').locator('tr', { hasText: '从化装配车间' });
    await row.locator('input[type="checkbox"]').check();
    await page.getByTestId('application-submit-together').click();
    // the confirmation's own 提交 (the page's 一并提交（1） matches the words too: never click before the dialog is there)
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: /提\s*交/ }).click();
    const ask = page.getByTestId('submit-other-drafts');
    await ask.getByText('南沙试验车间').waitFor();
    await shot(page, '9-list-other-drafts');
    await page.getByRole('button', { name: '确认暂不申请并提交' }).click();
    await expect
      .poll(async () => (await suite.server.database.raw.query<{ state: string }>('SELECT state FROM applications WHERE id = $1', [id])).rows[0]!.state)
      .toBe('submitted');
    const recorded = await suite.server.database.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'application.not_applying_now' AND object_id = $1`, [otherDraftId]);
    expect(recorded.rows[0]!.n).toBe(2); // once with the detail page's submission, once with this one
    await page.context().close();
  });
});
