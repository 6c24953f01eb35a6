/**
 * 变更 (规范条件 七(二)3) through the HTTP API: an announced enterprise files a change, the one-year
 * rectification deadline is tracked from the change date, the authority checks (验收核实), MIIT confirms and
 * the announced list shows the new facts with their history; a missed deadline is flagged once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { announcedEnterprises, requester, uploader } from './revocations.helpers.js';

const clock = manualClock('2026-12-01T02:00:00Z');
let app: TestApp;
let req: ReturnType<typeof requester>;
let upload: ReturnType<typeof uploader>;
let gd: Session, js: Session, miit: Session, entA: Session, entB: Session, staffA: Session, notAnnounced: Session;
let A: { id: string; siteId: string; name: string; creditCode: string };
let B: { id: string; siteId: string; name: string; creditCode: string };

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  req = requester(app);
  upload = uploader(app);
  const s = app.services;
  const as = async (role: Parameters<typeof buildUser>[1], organizationId?: string) => login(app, (await buildUser(s, role, { organizationId })).username, TEST_PASSWORD);
  [A, B] = (await announcedEnterprises(app, 2)) as [typeof A, typeof B];
  gd = await as('authority_reviewer', 'prov-440000');
  js = await as('authority_reviewer', 'prov-320000');
  miit = await as('ministry_officer', 'miit');
  entA = await as('enterprise_admin', A.id);
  staffA = await as('enterprise_staff', A.id);
  entB = await as('enterprise_admin', B.id);
  notAnnounced = await as('enterprise_admin', (await buildEnterprise(s)).id);
});
afterAll(async () => app?.close());

describe('a change from request to the announced list', () => {
  let id = '';
  const newName = '广州新名称再制造科技有限公司';

  it('only an announced enterprise’s admin files a change', async () => {
    const body = { changeDate: '2026-11-20', description: '企业更名，经营范围不变。', items: [{ fact: 'enterpriseName', old: A.name, new: newName }] };
    expect((await req(notAnnounced, 'POST', '/api/v1/changes', body)).json().error.code).toBe('NOT_ANNOUNCED');
    expect((await req(staffA, 'POST', '/api/v1/changes', body)).statusCode).toBe(403);
    expect((await req(entA, 'POST', '/api/v1/changes', { ...body, items: [{ fact: 'color', old: 'a', new: 'b' }] })).statusCode).toBe(400);
    expect((await req(entA, 'POST', '/api/v1/changes', { ...body, changeDate: '2026-12-02' })).statusCode).toBe(400);
    const res = await upload(entA, '/api/v1/changes', { changeDate: body.changeDate, description: body.description, items: JSON.stringify(body.items) }, [{ name: '营业执照.pdf', data: TINY_PDF }]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'submitted', changeDate: '2026-11-20', deadline: '2027-11-20', overdue: false });
    expect(res.json().attachments).toHaveLength(1);
    id = res.json().id;
  });

  it('another province’s authority and another enterprise get 404; MIIT cannot check for the authority', async () => {
    expect((await req(js, 'GET', `/api/v1/changes/${id}`)).statusCode).toBe(404);
    expect((await req(js, 'POST', `/api/v1/changes/${id}/check`, { passed: true, opinion: '外省' })).statusCode).toBe(404);
    expect((await req(entB, 'GET', `/api/v1/changes/${id}`)).statusCode).toBe(404);
    expect((await req(js, 'GET', '/api/v1/changes')).json().items).toEqual([]);
    expect((await req(miit, 'POST', `/api/v1/changes/${id}/confirm`, { confirmed: true, opinion: '过早' })).statusCode).toBe(409);
  });

  it('a failed check goes back to the enterprise, which resubmits; then the check passes', async () => {
    const f = await req(gd, 'POST', `/api/v1/changes/${id}/check`, { passed: false, opinion: '缺少变更后的营业执照副本' });
    expect(f.json()).toMatchObject({ state: 'check_failed', checkOpinion: '缺少变更后的营业执照副本' });
    const r = await upload(entA, `/api/v1/changes/${id}/resubmit`, { description: '已补充营业执照副本。' }, [{ name: '副本.pdf', data: Buffer.concat([TINY_PDF, Buffer.from('%2')]) }]);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().attachments).toHaveLength(2);
    const p = await req(gd, 'POST', `/api/v1/changes/${id}/check`, { passed: true, opinion: '经验收核实，变更后仍符合规范条件。' });
    expect(p.json()).toMatchObject({ state: 'check_passed', checkedOn: '2026-12-01' });
  });

  it('MIIT confirms; the announced list shows the new name and keeps old → new with the date', async () => {
    const c = await req(miit, 'POST', `/api/v1/changes/${id}/confirm`, { confirmed: true, opinion: '核实无误，予以公告。' });
    expect(c.statusCode).toBe(200);
    expect(c.json()).toMatchObject({ state: 'confirmed', confirmedOn: '2026-12-01' });
    const list = (await req(null, 'GET', `/api/v1/public/announced-enterprises?q=${encodeURIComponent(newName)}`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0].history).toEqual([{ on: '2026-12-01', fact: 'enterpriseName', old: A.name, new: newName }]);
    expect((await req(null, 'GET', `/api/v1/public/announced-enterprises?q=${encodeURIComponent(A.name)}`)).json().total).toBe(0);
  });
});

describe('the one-year deadline (七(二)3 在发生变化1年内完成整改升级)', () => {
  let late = '';
  it('a change whose year has passed without a passed check is overdue and listed by the filter', async () => {
    const res = await req(entB, 'POST', '/api/v1/changes', { changeDate: '2025-11-30', description: '经营范围增加再制造业务。', items: [{ fact: 'businessScope', old: '机床维修', new: '机床维修；机床再制造' }] });
    expect(res.json()).toMatchObject({ deadline: '2026-11-30', overdue: true });
    late = res.json().id;
    const onTime = await req(entB, 'POST', '/api/v1/changes', { changeDate: '2025-12-01', description: '地址变更，搬迁至新厂区。', items: [{ fact: 'address', old: '旧址', new: '新址' }] });
    expect(onTime.json()).toMatchObject({ deadline: '2026-12-01', overdue: false }); // the deadline day itself is in time
    const overdue = (await req(gd, 'GET', '/api/v1/changes?overdue=true')).json().items.map((x: { id: string }) => x.id);
    expect(overdue).toEqual([late]);
  });

  it('the flag job notifies the authority and MIIT once (idempotent)', async () => {
    expect((await req(miit, 'POST', '/api/v1/changes/flag-overdue', {})).json()).toEqual({ flagged: 1 });
    expect((await app.services.changes.flagOverdue(null))).toBe(0);
    const gdN = (await req(gd, 'GET', '/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'change.overdue');
    const miitN = (await req(miit, 'GET', '/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'change.overdue');
    expect(gdN).toHaveLength(1);
    expect(miitN).toHaveLength(1);
    expect((await req(js, 'GET', '/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'change.overdue')).toHaveLength(0);
    expect((await req(gd, 'GET', `/api/v1/changes/${late}`)).json().overdueFlagged).toBe(true);
    // the next day the second request is overdue too and is flagged on its own
    clock.set('2026-12-02T02:00:00Z');
    expect(await app.services.changes.flagOverdue(null)).toBe(1);
    clock.set('2026-12-01T02:00:00Z');
  });
});
