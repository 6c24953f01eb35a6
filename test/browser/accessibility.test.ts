/**
 * Accessibility (issue 16 item 19, docs/ux.md): axe-core on the main page of each role and on every public page,
 * desktop and phone: no serious or critical violations. The full list (all impacts) goes to
 * test-output/axe-results.json for docs/ux.md.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { testEnvironment } from '../../src/server/config.js';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { describeBrowser, useBrowserSuite } from '../support/browser.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const ROLES: [string, string][] = [
  ['ministry_admin', 'miit'],
  ['ministry_officer', 'miit-officer'],
  ['authority_reviewer', 'gd-reviewer'],
  ['authority_admin', 'gd-admin'],
  ['expert', 'expert1'],
  ['enterprise_admin', 'ent-gd'],
  ['enterprise_staff', 'ent-gd-staff'],
];
const PUBLIC = ['/public', '/public/announced', '/public/announcements', '/public/notices', '/public/statistics', '/public/complaints', '/public/complaints/track', '/login'];
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describeBrowser('accessibility: axe-core on role home pages and public pages', () => {
  const suite = useBrowserSuite('a11y');
  const results: Record<string, { impact: string | null; id: string; help: string; nodes: number }[]> = {};
  afterAll(() => writeFileSync(resolve(testEnvironment().outputDir, 'axe-results.json'), JSON.stringify(results, null, 2)));

  async function audit(page: Page, name: string): Promise<Violation[]> {
    // settle: no spinner, the page's heading or content shown
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);
    await page.waitForLoadState('networkidle');
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    });
    results[name] = violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }
  const describeAll = (vs: Violation[]) => vs.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);

  it.each(ROLES)('the home page of %s (%s)', async (_role, login) => {
    const page = await suite.page({ login: { username: login, password: DEMO_PASSWORD } });
    await page.getByTestId('welcome-card').waitFor();
    expect(describeAll(await audit(page, `home:${login}`))).toEqual([]);
    await page.context().close();
  });

  it.each(PUBLIC)('public page %s, desktop and phone', async (path) => {
    for (const [device, context] of [['desktop', {}], ['phone', PHONE]] as const) {
      const page = await suite.page({ context });
      await page.goto(`${suite.server.baseUrl}${path}`);
      await page.locator('[data-testid="page-title"], form').first().waitFor();
      expect(describeAll(await audit(page, `${path}:${device}`)), device).toEqual([]);
      await page.context().close();
    }
  });

  it('the product verification page a label opens (/p/{code}), on a phone', async () => {
    const { rows } = await suite.server.database.raw.query<{ code: string }>('SELECT code FROM trace_products ORDER BY code LIMIT 1');
    const page = await suite.page({ context: PHONE });
    await page.goto(`${suite.server.baseUrl}/p/${rows[0]!.code}`);
    await page.getByText(rows[0]!.code).first().waitFor();
    expect(describeAll(await audit(page, '/p/{code}:phone'))).toEqual([]);
    await page.context().close();
  });
});
