/**
 * 规范条件 七(二)3 read again (issue 15 item 13): the provincial 验收核实 may involve experts of the pool (the
 * review's conflict-of-interest rule, opinions under the 规范条件 chapters); MIIT's confirmation is published on
 * the public list of change notices; a change not completed within its year, or not confirmed, puts a possible
 * ground 七(二)4(1) on the authority's to-do list — once, dismissible with a reason, never a decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conditionChapterTitles } from '../../src/domain/announcement/chapters.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildExpert, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { announcedEnterprises, requester } from './revocations.helpers.js';

const clock = manualClock('2026-12-01T02:00:00Z');
let app: TestApp;
let req: ReturnType<typeof requester>;
let gd: Session, js: Session, miit: Session, entA: Session, ex1: Session, ex2: Session, outsider: Session, entB: Session;
let A: { id: string; siteId: string; name: string; creditCode: string };
let B: { id: string; siteId: string; name: string; creditCode: string };
let ex1Id = '', ex2Id = '', conflictedId = '';

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  req = requester(app);
  const s = app.services;
  const as = async (role: Parameters<typeof buildUser>[1], organizationId?: string) => login(app, (await buildUser(s, role, { organizationId })).username, TEST_PASSWORD);
  [A, B] = (await announcedEnterprises(app, 2)) as [typeof A, typeof B];
  gd = await as('authority_reviewer', 'prov-440000');
  js = await as('authority_reviewer', 'prov-320000');
  miit = await as('ministry_officer', 'miit');
  entA = await as('enterprise_admin', A.id);
  entB = await as('enterprise_admin', B.id);
  const e1 = await buildExpert(s);
  const e2 = await buildExpert(s);
  const e3 = await buildExpert(s);
  ex1Id = e1.id;
  ex2Id = e2.id;
  ex1 = await as('expert', e1.id);
  ex2 = await as('expert', e2.id);
  outsider = await as('expert', e3.id);
  conflictedId = (await buildExpert(s, { affiliatedEnterpriseId: A.id })).id;
}, 240_000);
afterAll(async () => app?.close());

const OPINION = { chapters: { 二: '更名后营业执照、资信材料齐全', 三: '再制造能力未变化' }, conclusion: 'meets' };

describe('七(二)3 专家验收核实 and the published confirmation', () => {
  let id = '';
  const newName = '广州变更专家再制造有限公司';

  it('the authority involves experts of the pool; none of the enterprise’s group; others 404', async () => {
    const res = await req(entA, 'POST', '/api/v1/changes', { changeDate: '2026-11-20', description: '企业更名，经营范围不变。', items: [{ fact: 'enterpriseName', old: A.name, new: newName }] });
    id = res.json().id;
    expect((await req(gd, 'POST', `/api/v1/changes/${id}/experts`, { expertIds: [conflictedId] })).json().error.code).toBe('EXPERT_CONFLICT');
    expect((await req(js, 'POST', `/api/v1/changes/${id}/experts`, { expertIds: [ex1Id] })).statusCode).toBe(404);
    expect((await req(ex1, 'GET', `/api/v1/changes/${id}`)).statusCode).toBe(404);
    const ok = await req(gd, 'POST', `/api/v1/changes/${id}/experts`, { expertIds: [ex1Id, ex2Id] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().experts.map((x: { expertId: string }) => x.expertId).sort()).toEqual([ex1Id, ex2Id].sort());
    expect((await req(gd, 'POST', `/api/v1/changes/${id}/experts`, { expertIds: [ex1Id] })).json().error.code).toBe('ALREADY_ASSIGNED');
    // the experts see it and have it on their to-do list; an expert not involved does not
    expect((await req(ex1, 'GET', `/api/v1/changes/${id}`)).statusCode).toBe(200);
    expect((await req(outsider, 'GET', `/api/v1/changes/${id}`)).statusCode).toBe(404);
    expect((await req(ex1, 'GET', '/api/v1/todos')).json().items.map((t: { id: string }) => t.id)).toContain(id);
  });

  it('the check waits for every opinion; opinions are filed under the 规范条件 chapter titles', async () => {
    const early = await req(gd, 'POST', `/api/v1/changes/${id}/check`, { passed: true, opinion: '合格' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'OPINIONS_PENDING', details: { pending: 2 } });
    expect((await req(outsider, 'POST', `/api/v1/changes/${id}/opinion`, OPINION)).statusCode).toBe(404);
    expect((await req(ex1, 'POST', `/api/v1/changes/${id}/opinion`, { chapters: {}, conclusion: 'meets' })).statusCode).toBe(400);
    expect((await req(ex1, 'POST', `/api/v1/changes/${id}/opinion`, OPINION)).statusCode).toBe(200);
    expect((await req(ex1, 'POST', `/api/v1/changes/${id}/opinion`, OPINION)).json().error.code).toBe('OPINION_UNCHANGED');
    expect((await req(gd, 'POST', `/api/v1/changes/${id}/check`, { passed: true, opinion: '合格' })).json().error.details.pending).toBe(1);
    expect((await req(ex2, 'POST', `/api/v1/changes/${id}/opinion`, { ...OPINION, conclusion: 'meets' })).statusCode).toBe(200);
    const d = (await req(gd, 'GET', `/api/v1/changes/${id}`)).json();
    const mine = d.experts.find((x: { expertId: string }) => x.expertId === ex1Id);
    expect(mine.opinion.chapterTitles).toEqual(conditionChapterTitles());
    expect(mine.opinion.chapterTitles['二']).toBe('二、基本要求');
    expect((await req(gd, 'POST', `/api/v1/changes/${id}/check`, { passed: true, opinion: '经专家验收核实，变更后仍符合规范条件。' })).json().state).toBe('check_passed');
    // experts belong to the check: none can be added after it
    expect((await req(gd, 'POST', `/api/v1/changes/${id}/experts`, { expertIds: [(await buildExpert(app.services)).id] })).json().error.code).toBe('INVALID_STATE');
  });

  it('MIIT’s confirmation is published on the public list of change notices (not before)', async () => {
    expect((await req(null, 'GET', '/api/v1/public/changes')).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
    const c = await req(miit, 'POST', `/api/v1/changes/${id}/confirm`, { confirmed: true, opinion: '核实无误，予以公告。' });
    expect(c.json()).toMatchObject({ state: 'confirmed', publishedOn: '2026-12-01' });
    const pub = (await req(null, 'GET', '/api/v1/public/changes')).json();
    const entry = pub.items.find((x: { id: string }) => x.id === id);
    expect(entry).toMatchObject({ confirmedOn: '2026-12-01', publishedOn: '2026-12-01', items: [{ factZh: '企业名称', old: A.name, new: newName }] });
    expect(JSON.stringify(entry)).not.toContain('opinion');
  });
});

describe('七(二)3 → 七(二)4(1): overdue or not confirmed changes prompt the authority', () => {
  let late = '', refused = '';

  it('a change not confirmed by MIIT puts a possible ground (1) on the authority’s to-do list', async () => {
    refused = (await req(entB, 'POST', '/api/v1/changes', { changeDate: '2026-11-25', description: '经营范围调整，不再从事再制造。', items: [{ fact: 'businessScope', old: '再制造', new: '销售' }] })).json().id;
    await req(gd, 'POST', `/api/v1/changes/${refused}/check`, { passed: true, opinion: '报部核实' });
    await req(miit, 'POST', `/api/v1/changes/${refused}/confirm`, { confirmed: false, opinion: '变更后不再符合规范条件' });
    const list = (await req(gd, 'GET', '/api/v1/findings?state=open')).json();
    const f = list.items.find((x: { subjectId: string }) => x.subjectId === refused);
    expect(f).toMatchObject({ kind: 'change_not_confirmed', clause: '七(二)3', ground: 'conditions_not_maintained', groundClause: '七(二)4(1)', actions: ['dismiss'] });
    expect((await req(gd, 'GET', '/api/v1/todos')).json().items.map((t: { id: string }) => t.id)).toContain(f.id);
    // an enterprise never sees it, another province neither; the public change list does not show it
    expect((await req(entB, 'GET', '/api/v1/findings')).statusCode).toBe(403);
    expect((await req(js, 'GET', '/api/v1/findings')).json().items).toEqual([]);
    expect((await req(js, 'POST', `/api/v1/findings/${f.id}/dismiss`, { reason: '外省' })).statusCode).toBe(404);
    // the revocation case is the authority's own decision: no case was opened
    expect((await req(miit, 'GET', '/api/v1/revocations')).json().items.filter((c: { enterpriseId: string }) => c.enterpriseId === B.id)).toEqual([]);
  });

  it('a change whose year ran out is flagged once by the job, with one finding; a dismissal needs a reason and is audited', async () => {
    late = (await req(entA, 'POST', '/api/v1/changes', { changeDate: '2026-11-30', description: '地址变更，整改进行中。', items: [{ fact: 'address', old: '旧址', new: '新址' }] })).json().id;
    clock.set('2027-12-01T02:00:00Z'); // the period ended on 2027-11-30
    expect((await req(miit, 'POST', '/api/v1/changes/flag-overdue', {})).json().flagged).toBe(1);
    expect((await req(miit, 'POST', '/api/v1/changes/flag-overdue', {})).json().flagged).toBe(0);
    const mine = (await req(gd, 'GET', '/api/v1/findings')).json().items.filter((x: { subjectId: string }) => x.subjectId === late);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'change_overdue', state: 'open' });
    expect(mine[0].summary).toContain('2027-11-30');
    expect((await req(gd, 'POST', `/api/v1/findings/${mine[0].id}/dismiss`, { reason: '' })).statusCode).toBe(400);
    const d = await req(gd, 'POST', `/api/v1/findings/${mine[0].id}/dismiss`, { reason: '企业已提交整改验收材料，待核实' });
    expect(d.json()).toMatchObject({ state: 'dismissed', dismissedReason: '企业已提交整改验收材料，待核实', actions: [] });
    expect((await req(gd, 'POST', `/api/v1/findings/${mine[0].id}/dismiss`, { reason: '再次' })).statusCode).toBe(409);
    const { rows } = await app.database.raw.query<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id`, [mine[0].id]);
    expect(rows.map((r) => r.action)).toEqual(['finding.raised', 'finding.dismissed']);
    // the job again: no new finding for the same change, also after the dismissal
    await app.services.changes.flagOverdue(null);
    expect((await req(gd, 'GET', '/api/v1/findings')).json().items.filter((x: { subjectId: string }) => x.subjectId === late)).toHaveLength(1);
  });
});
