/**
 * Issue 15 (规范条件 clause by clause) and issue 16 item 3 through the API: drafts saved before rules-v2 still
 * load, check and save; the list's 缺 N 项 and the detail's (and the editor's live) 缺项清单 are one count;
 * expert opinions are stored and shown under the 规范条件 chapter titles; stated 再制造率 far from the
 * platform's figure are flagged in the stored check.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONDITION_CHAPTERS, conditionChapterTitles } from '../../src/domain/announcement/chapters.js';
import { missingItems } from '../../src/domain/announcement/completeness.js';
import type { ApplicationForm } from '../../src/domain/announcement/form.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { formForLiveCheck, toFormValues } from '../../src/web/components/application/formModel.js';
import { completeApplicationForm } from '../domain/fixtures.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildApplication, buildEnterprise, buildExpert, buildSite, buildUser, enterpriseAdminCtx, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';

const clock = manualClock('2026-11-23T02:00:00Z');
let app: TestApp;
let ent: Session, gd: Session, miit: Session;
let enterpriseId = '';
const experts: Session[] = [];
const expertIds: string[] = [];

const req = (s: Session | null, method: string, url: string, payload?: unknown) =>
  app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });

/** The complete form as the platform stored it before rules-v2: none of the fields issue 15 added. */
function preChangeForm(): ApplicationForm {
  const f = completeApplicationForm() as Record<string, unknown> & ApplicationForm;
  delete f.fieldsOther;
  delete f.contractProcessing;
  delete f.table11!.productTypes;
  for (const k of ['rdSpendingYear', 'warranties', 'declaredMassRate', 'declaredValueRate', 'rateBasis'] as const) delete f.table12![k];
  f.table12!.lastYearRevenue = 9000; // the old sample's "上一年度总销售额"
  delete f.declarations!.noSeriousDishonesty;
  return f;
}

/** Write a form straight into the row, as an older version of the platform left it. */
async function storeRaw(id: string, form: unknown) {
  await app.database.db.execute(sql`UPDATE applications SET form = ${JSON.stringify(form)}::jsonb WHERE id = ${id}`);
}

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '440106' });
  enterpriseId = e.id;
  const as = async (role: Parameters<typeof buildUser>[1], organizationId?: string) => login(app, (await buildUser(s, role, { organizationId })).username, TEST_PASSWORD);
  ent = await as('enterprise_admin', e.id);
  gd = await as('authority_reviewer', 'prov-440000');
  miit = await as('ministry_admin', 'miit');
  for (let i = 0; i < 3; i++) {
    const ex = await buildExpert(s);
    expertIds.push(ex.id);
    experts.push(await as('expert', ex.id));
  }
});
afterAll(async () => app?.close());

describe('drafts saved before rules-v2', () => {
  it('load, check and list with the same count; they lack exactly the items issue 15 added', async () => {
    const a = await buildApplication(app.services, { enterpriseId });
    await storeRaw(a.id, preChangeForm());
    const detail = await req(ent, 'GET', `/api/v1/applications/${a.id}`);
    expect(detail.statusCode).toBe(200);
    const d = detail.json();
    expect(d.missing.map((m: { path: string }) => m.path)).toEqual(['table12.rdSpendingYear', 'table12.warranties', 'contractProcessing.used']);
    expect(d.check.rulesVersion).toBe('reman-conditions-2024/rules-v2');
    // 三(四) without the R&D year never passes; 二(四) without credit evidence is review
    expect(d.check.results.find((r: { ruleId: string }) => r.ruleId === 'rd_spending').outcome).toBe('review');
    const list = await req(ent, 'GET', '/api/v1/applications?pageSize=200');
    expect(list.json().items.find((x: { id: string }) => x.id === a.id).missingCount).toBe(d.missing.length);
    // and saving it back through the API works
    const saved = await req(ent, 'PUT', `/api/v1/applications/${a.id}/form`, { form: d.form });
    expect(saved.statusCode).toBe(200);
  });
});

describe('one definition of "missing" (issue 16 item 3)', () => {
  it('the list, the detail and the editor’s live 条件核对 give one count for the same draft', async () => {
    const site = await buildSite(app.services, enterpriseId, { name: '计数厂区' });
    const created = await req(ent, 'POST', '/api/v1/applications', { siteId: site.id });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    // a draft as the editor saves it: three year rows with only the year, empty lists
    const editorSaved = { fields: ['machine_tools'], table12: { years: [{ year: 2023 }, { year: 2024, revenue: 100 }, { year: 2025 }], bom: [], warranties: [] } };
    expect((await req(ent, 'PUT', `/api/v1/applications/${id}/form`, { form: editorSaved })).statusCode).toBe(200);
    for (const form of [editorSaved, { fields: ['machine_tools'], table12: { years: [{ year: 2024, revenue: 100 }] } }]) {
      await storeRaw(id, form);
      const d = (await req(ent, 'GET', `/api/v1/applications/${id}`)).json();
      const listed = (await req(ent, 'GET', '/api/v1/applications?pageSize=200')).json().items.find((x: { id: string }) => x.id === id).missingCount;
      // what ConditionsTab computes from the editor's values (toFormValues → formForLiveCheck)
      const live = missingItems(formForLiveCheck(toFormValues(d.form)), {}).length;
      expect({ listed, detail: d.missing.length, live }).toEqual({ listed: d.missing.length, detail: d.missing.length, live: d.missing.length });
    }
  });
});

describe('expert opinions and on-site findings under the 规范条件 chapters (issue 15 item 0)', () => {
  it('are stored with the chapter titles 二、基本要求 … 六、售后服务和职业教育', async () => {
    expect(CONDITION_CHAPTERS.map((c) => c.zh)).toEqual(['二、基本要求', '三、再制造能力', '四、管理体系和安全生产', '五、环境保护和社会责任', '六、售后服务和职业教育']);
    const a = await buildApplication(app.services, { enterpriseId, submit: true });
    expect((await req(gd, 'POST', `/api/v1/applications/${a.id}/forward`, { opinion: '同意报送。', handler: '甲', head: '乙', date: '2026-11-23' })).statusCode).toBe(200);
    expect((await req(miit, 'POST', `/api/v1/applications/${a.id}/experts`, { expertIds })).statusCode).toBe(200);
    const op = await req(experts[0]!, 'POST', `/api/v1/applications/${a.id}/opinion`, { chapters: { 二: '选址、资信、财务符合', 三: '符合', 四: '符合', 五: '符合', 六: '符合' }, recommendation: 'approve' });
    expect(op.statusCode).toBe(200);
    const mine = op.json().experts[0].opinion;
    expect(mine.chapterTitles).toEqual(conditionChapterTitles());
    expect(mine.chapterTitles['二']).toBe('二、基本要求');
    expect(mine.chapterTitles['六']).toBe('六、售后服务和职业教育');
    // the same opinion again is still recognised as unchanged (the stored titles are not part of the comparison)
    const again = await req(experts[0]!, 'POST', `/api/v1/applications/${a.id}/opinion`, { chapters: { 二: '选址、资信、财务符合', 三: '符合', 四: '符合', 五: '符合', 六: '符合' }, recommendation: 'approve' });
    expect(again.statusCode).toBe(409);
  });
});

describe('表1-2 rows 12–13: stated vs computed (issue 15 item 7)', () => {
  it('a stated rate far from the BOM figure is flagged in the check stored at submission', async () => {
    const form = completeApplicationForm();
    Object.assign(form.table12!, { declaredMassRate: 95, rateBasis: '按整机质量估算' });
    const a = await buildApplication(app.services, { enterpriseId, form });
    await app.services.applications.upload(await enterpriseAdminCtx(app.services, enterpriseId), a.id, { slot: 'r12_13_rates', filename: 'basis.pdf', data: TINY_PDF });
    // 七(一)3: the enterprise's earlier drafts (other tests of this file) are not applied for now
    const others = (await req(ent, 'GET', '/api/v1/applications?state=draft')).json().items.map((x: { id: string }) => x.id).filter((x: string) => x !== a.id);
    expect((await req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [a.id], notApplyingNow: others })).statusCode).toBe(200);
    const d = (await req(gd, 'GET', `/api/v1/applications/${a.id}`)).json();
    expect(d.check.flags).toHaveLength(1);
    expect(d.check.flags[0].ref).toBe('表1-2 第12–13行');
    expect(d.check.flags[0].messageZh).toContain('质量再制造率自填 95%，按物料清单计算 84%');
  });
});
