/**
 * The 规范公告 procedure end to end through the HTTP API (规范条件 七(一)): an enterprise drafts and submits,
 * its provincial authority returns it for supplement, then forwards it with 表1-3; MIIT assigns experts, who
 * record opinions; MIIT records the on-site check, puts it on 公示 (5 working days), handles an objection,
 * closes the notice and announces a batch, which the public then finds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildApplication, buildEnterprise, buildExpert, buildSite, buildUser, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { completeApplicationForm } from '../domain/fixtures.js';

const clock = manualClock('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai
let app: TestApp;
let ent: Session, entStaff: Session, gd: Session, js: Session, miit: Session, miitOfficer: Session;
const experts: { id: string; session: Session }[] = [];
let enterpriseId = '', siteId = '', site2Id = '';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e40000000049454e44ae426082', 'hex');

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }) {
  const boundary = '----reman' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(file.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const req = (s: Session | null, method: string, url: string, payload?: unknown) =>
  app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000, UPLOAD_MAX_MB: 1 }, { clock });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '440106', name: '广州流程测试再制造有限公司' });
  enterpriseId = e.id;
  siteId = (await buildSite(s, e.id, { name: '一号厂区' })).id;
  site2Id = (await buildSite(s, e.id, { name: '二号厂区' })).id;
  const as = async (role: Parameters<typeof buildUser>[1], organizationId?: string) => login(app, (await buildUser(s, role, { organizationId })).username, TEST_PASSWORD);
  ent = await as('enterprise_admin', e.id);
  entStaff = await as('enterprise_staff', e.id);
  gd = await as('authority_reviewer', 'prov-440000');
  js = await as('authority_reviewer', 'prov-320000');
  miit = await as('ministry_admin', 'miit');
  miitOfficer = await as('ministry_officer', 'miit');
  for (let i = 0; i < 4; i++) {
    const ex = await buildExpert(s);
    experts.push({ id: ex.id, session: await as('expert', ex.id) });
  }
});
afterAll(async () => app?.close());

describe('draft, attachments and submission', () => {
  let id = '';

  it('an enterprise user starts a draft for a site, prefilled from the registry', async () => {
    const res = await req(entStaff, 'POST', '/api/v1/applications', { siteId });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    id = a.id;
    expect(a).toMatchObject({ state: 'draft', siteName: '一号厂区', authority: { id: 'prov-440000' }, version: 1 });
    expect(a.form.declaration.legalRepresentative).toBe('测试法人');
    expect(a.actions).toContain('edit');
    expect(a.missing.length).toBeGreaterThan(30);
    // one live case per site
    const again = await req(ent, 'POST', '/api/v1/applications', { siteId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('APPLICATION_OPEN');
  });

  it('a draft saves partially; bad values name the field; percentages are computed, not typed', async () => {
    const partial = await req(entStaff, 'PUT', `/api/v1/applications/${id}/form`, { form: { fields: ['machine_tools'], table11: { employees: 200 }, table12: { collegeEducated: 59 } } });
    expect(partial.statusCode).toBe(200);
    expect(partial.json().derived.collegeRatio).toBe(29.5);
    const bad = await req(entStaff, 'PUT', `/api/v1/applications/${id}/form`, { form: { table11: { selfDescription: '字'.repeat(1001) }, fields: ['spaceships'] } });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['form.table11.selfDescription', 'form.fields[0]']));
    // nothing half-written: the earlier save is intact
    const after = (await req(entStaff, 'GET', `/api/v1/applications/${id}`)).json();
    expect(after.form.table11.employees).toBe(200);
  });

  it('submission is refused with the list of every missing field and attachment', async () => {
    const res = await req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('APPLICATION_INCOMPLETE');
    const listed = (await req(entStaff, 'GET', '/api/v1/applications')).json().items.find((x: { id: string }) => x.id === id);
    expect(listed.missingCount).toBe(res.json().error.details[0].missing.length);
    const missing = res.json().error.details[0].missing.map((m: { path: string }) => m.path);
    expect(missing).toEqual(expect.arrayContaining(['attachments.r04_license', 'table12.leaseYears'.replace('leaseYears', 'landTenure')]));
    expect((await req(ent, 'GET', `/api/v1/applications/${id}`)).json().state).toBe('draft');
  });

  it('attachments are recognised by content, limited in size, stored once by SHA-256, replaced as revisions', async () => {
    const asPdfName = multipart({ slot: 'r04_license' }, { name: 'licence.pdf', data: PNG, type: 'application/pdf' });
    const png = await app.inject({ method: 'POST', url: `/api/v1/applications/${id}/attachments`, headers: { ...entStaff.headers, ...asPdfName.headers }, payload: asPdfName.payload });
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ mime: 'image/png', slot: 'r04_license', revision: 1 });

    const text = multipart({ slot: 'r04_license' }, { name: 'evil.pdf', data: Buffer.from('#!/bin/sh\necho hi\n') });
    const refused = await app.inject({ method: 'POST', url: `/api/v1/applications/${id}/attachments`, headers: { ...entStaff.headers, ...text.headers }, payload: text.payload });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.details[0].field).toBe('file');

    const big = multipart({ slot: 'r04_license' }, { name: 'big.pdf', data: Buffer.concat([TINY_PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]) });
    const tooBig = await app.inject({ method: 'POST', url: `/api/v1/applications/${id}/attachments`, headers: { ...entStaff.headers, ...big.headers }, payload: big.payload });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toMatchObject({ code: 'FILE_TOO_LARGE', details: [{ field: 'file' }] });
    expect(tooBig.json().error.message).toMatch(/[\u4e00-\u9fff]/);

    const replace = multipart({ slot: 'r04_license', replacesId: png.json().id }, { name: 'licence-v2.pdf', data: TINY_PDF });
    const v2 = await app.inject({ method: 'POST', url: `/api/v1/applications/${id}/attachments`, headers: { ...entStaff.headers, ...replace.headers }, payload: replace.payload });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ revision: 2, replacesId: png.json().id, mime: 'application/pdf' });
    const twice = multipart({ slot: 'r14_audits' }, { name: 'same.pdf', data: TINY_PDF });
    await app.inject({ method: 'POST', url: `/api/v1/applications/${id}/attachments`, headers: { ...entStaff.headers, ...twice.headers }, payload: twice.payload });
    const { rows } = await app.database.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM files WHERE sha256 = $1`, [v2.json().sha256]);
    expect(rows[0]!.n).toBe(1);
    const current = (await req(entStaff, 'GET', `/api/v1/applications/${id}`)).json().attachments;
    expect(current.filter((a: { slot: string }) => a.slot === 'r04_license')).toHaveLength(1);

    const dl = await req(entStaff, 'GET', `/api/v1/applications/${id}/attachments/${v2.json().id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.equals(TINY_PDF)).toBe(true);
    // a draft is the enterprise's: not even its authority downloads from it
    expect((await req(gd, 'GET', `/api/v1/applications/${id}/attachments/${v2.json().id}/download`)).statusCode).toBe(404);
  });

  it('withdrawal before a decision ends the case with a reason', async () => {
    const res = await req(ent, 'POST', `/api/v1/applications/${id}/withdraw`, { reason: '资料准备不足，暂缓申请' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'withdrawn', outcomeReason: '资料准备不足，暂缓申请' });
    const illegal = await req(ent, 'POST', `/api/v1/applications/${id}/withdraw`, { reason: '再次撤回' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { state: 'withdrawn' } });
    expect(illegal.json().error.message).toContain('已撤回');
  });
});

describe('the whole procedure, draft to 公告', () => {
  let id = '';
  let second = '';
  let noticeId = '';

  it('two sites are submitted together; the check result is stored; the case is frozen', async () => {
    const a = await buildApplication(app.services, { enterpriseId, siteId });
    const b = await buildApplication(app.services, { enterpriseId, siteId: site2Id });
    id = a.id;
    second = b.id;
    const drafts = (await req(ent, 'GET', '/api/v1/applications?state=draft')).json().items;
    expect(drafts.filter((x: { id: string }) => [id, second].includes(x.id)).map((x: { missingCount: number }) => x.missingCount)).toEqual([0, 0]);
    const res = await req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [id, second] });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((x: { state: string }) => x.state)).toEqual(['submitted', 'submitted']);
    expect(res.json().items.map((x: { missingCount: number | null }) => x.missingCount)).toEqual([null, null]);
    const d = (await req(gd, 'GET', `/api/v1/applications/${id}`)).json();
    expect(d.check.summary.fail).toBe(0);
    expect(d.versions).toEqual([expect.objectContaining({ version: 1 })]);
    expect(d.actions).toEqual(expect.arrayContaining(['return_for_supplement', 'provincial_reject', 'forward']));
    const frozen = await req(ent, 'PUT', `/api/v1/applications/${id}/form`, { form: completeApplicationForm() });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('APPLICATION_FROZEN');
    // the authority and the enterprise are notified / see it on their to-do list
    const todos = (await req(gd, 'GET', '/api/v1/todos')).json();
    expect(todos.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([id, second]));
    const notes = (await req(gd, 'GET', '/api/v1/notifications')).json();
    expect(notes.unread).toBeGreaterThanOrEqual(2);
    expect(notes.items[0].title).toContain('提交了规范公告申请');
    // another authority was not notified
    expect((await req(js, 'GET', '/api/v1/notifications')).json().unread).toBe(0);
    const marked = (await req(gd, 'POST', '/api/v1/notifications/read-all', {})).json();
    expect(marked.marked).toBe(notes.unread);
    expect((await req(gd, 'GET', '/api/v1/notifications')).json().unread).toBe(0);
  });

  it('another province cannot see the case; MIIT can; experts only when assigned', async () => {
    expect((await req(js, 'GET', `/api/v1/applications/${id}`)).statusCode).toBe(404);
    expect((await req(js, 'GET', '/api/v1/applications')).json().items).toHaveLength(0);
    expect((await req(miitOfficer, 'GET', `/api/v1/applications/${id}`)).statusCode).toBe(200);
    expect((await req(experts[0]!.session, 'GET', `/api/v1/applications/${id}`)).statusCode).toBe(404);
    expect((await req(js, 'POST', `/api/v1/applications/${id}/forward`, { opinion: '同意', handler: '甲', head: '乙', date: '2026-11-23' })).statusCode).toBe(404);
  });

  it('补正: the authority returns it; the enterprise edits a new version; the old version is kept', async () => {
    const ret = await req(gd, 'POST', `/api/v1/applications/${id}/return`, { reason: '请补充近三年审计报告' });
    expect(ret.statusCode).toBe(200);
    expect(ret.json()).toMatchObject({ state: 'returned', version: 2 });
    const form = completeApplicationForm();
    form.outline!.s6_other = '已补充审计报告。';
    expect((await req(ent, 'PUT', `/api/v1/applications/${id}/form`, { form })).statusCode).toBe(200);
    const res = await req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [id] });
    expect(res.statusCode).toBe(200);
    const d = (await req(gd, 'GET', `/api/v1/applications/${id}`)).json();
    expect(d.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const { rows } = await app.database.raw.query<{ version: number; other: string | null }>(
      `SELECT version, form->'outline'->>'s6_other' AS other FROM application_versions WHERE application_id = $1 ORDER BY version`,
      [id],
    );
    expect(rows.map((r) => r.other)).toEqual([null, '已补充审计报告。']);
  });

  it('the authority forwards with its 表1-3 opinion; illegal steps are 409 naming the state', async () => {
    const early = await req(miit, 'POST', `/api/v1/applications/${id}/experts`, { expertIds: experts.slice(0, 3).map((e) => e.id) });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.state).toBe('submitted');
    const fwd = await req(gd, 'POST', `/api/v1/applications/${id}/forward`, { opinion: '经核实，该企业符合规范条件要求，同意报送。', handler: '王五', head: '赵六', date: '2026-11-24' });
    expect(fwd.statusCode).toBe(200);
    expect(fwd.json()).toMatchObject({ state: 'forwarded', provincialOpinion: { handler: '王五', head: '赵六' } });
    expect((await req(gd, 'POST', `/api/v1/applications/${second}/forward`, { opinion: '同意报送。', handler: '王五', head: '赵六', date: '2026-11-24' })).statusCode).toBe(200);
  });

  it('MIIT assigns at least three experts, none from the applicant or its group', async () => {
    const two = await req(miit, 'POST', `/api/v1/applications/${id}/experts`, { expertIds: experts.slice(0, 2).map((e) => e.id) });
    expect(two.statusCode).toBe(400);
    expect(two.json().error.code).toBe('TOO_FEW_EXPERTS');
    const insider = await buildExpert(app.services, { affiliatedEnterpriseId: enterpriseId });
    const conflict = await req(miit, 'POST', `/api/v1/applications/${id}/experts`, { expertIds: [...experts.slice(0, 2).map((e) => e.id), insider.id] });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('EXPERT_CONFLICT');
    const ok = await req(miit, 'POST', `/api/v1/applications/${id}/experts`, { expertIds: experts.slice(0, 3).map((e) => e.id) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().state).toBe('expert_review');
    expect((await req(miit, 'POST', `/api/v1/applications/${second}/experts`, { expertIds: experts.slice(1, 4).map((e) => e.id) })).statusCode).toBe(200);
  });

  it('each assigned expert sees only assigned cases and records an opinion per chapter; MIIT completes the review', async () => {
    expect((await req(experts[3]!.session, 'GET', `/api/v1/applications/${id}`)).statusCode).toBe(404);
    const list = (await req(experts[0]!.session, 'GET', '/api/v1/applications')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([id]);
    const early = await req(miit, 'POST', `/api/v1/applications/${id}/complete-expert-review`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('OPINIONS_PENDING');
    for (const ex of [...experts.slice(0, 3)]) {
      const op = await req(ex.session, 'POST', `/api/v1/applications/${id}/opinion`, {
        chapters: { 二: '符合', 三: '设备齐全', 四: '体系有效', 五: '达标', 六: '完善' },
        recommendation: 'approve',
      });
      expect(op.statusCode).toBe(200);
      expect(op.json().experts).toHaveLength(1); // an expert sees only their own opinion
    }
    const summary = (await req(miit, 'GET', `/api/v1/applications/${id}`)).json();
    expect(summary.experts.filter((e: { submitted: boolean }) => e.submitted)).toHaveLength(3);
    expect((await req(miit, 'POST', `/api/v1/applications/${id}/complete-expert-review`, {})).json().state).toBe('onsite_check');
  });

  it('MIIT records the on-site check with photos; a failed check rejects the other case', async () => {
    const photo = multipart({ slot: 'onsite_photo' }, { name: 'site.png', data: PNG });
    const up = await app.inject({ method: 'POST', url: `/api/v1/applications/${id}/attachments`, headers: { ...miit.headers, ...photo.headers }, payload: photo.payload });
    expect(up.statusCode).toBe(201);
    const findings = { 二: '厂区合规', 三: '设备在用', 四: '台账完整', 五: '环保设施运行', 六: '售后体系健全' };
    const res = await req(miit, 'POST', `/api/v1/applications/${id}/onsite-check`, { team: ['李一', '周二'], date: '2026-11-25', findings, photoIds: [up.json().id], conclusion: 'pass' });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('ready_for_notice');
    expect(res.json().onsiteChecks[0].photoIds).toEqual([up.json().id]);

    for (const ex of experts.slice(1, 4)) {
      await req(ex.session, 'POST', `/api/v1/applications/${second}/opinion`, { chapters: { 二: '符合', 三: '不足', 四: '符合', 五: '符合', 六: '符合' }, recommendation: 'revise' });
    }
    await req(miit, 'POST', `/api/v1/applications/${second}/complete-expert-review`, {});
    const noReason = await req(miit, 'POST', `/api/v1/applications/${second}/onsite-check`, { team: ['李一'], date: '2026-11-25', findings, conclusion: 'fail' });
    expect(noReason.statusCode).toBe(400);
    const fail = await req(miit, 'POST', `/api/v1/applications/${second}/onsite-check`, { team: ['李一'], date: '2026-11-25', findings, conclusion: 'fail', reason: '无损探伤设备未投入使用' });
    expect(fail.json()).toMatchObject({ state: 'rejected', outcomeReason: '无损探伤设备未投入使用' });
  });

  it('公示: 5 working days by default; the public sees it and may object during the window only', async () => {
    const past = await req(miit, 'POST', '/api/v1/notices', { title: '过去的公示', applicationIds: [id], startDate: '2026-11-02' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].field).toBe('startDate');
    const res = await req(miit, 'POST', '/api/v1/notices', { title: '2026年第一批公示', applicationIds: [id] });
    expect(res.statusCode).toBe(201);
    noticeId = res.json().id;
    // Mon 2026-11-23 + 5 working days (counting the start) → Fri 2026-11-27
    expect(res.json()).toMatchObject({ startDate: '2026-11-23', endDate: '2026-11-27', workingDays: 5 });
    const open = (await req(null, 'GET', '/api/v1/public/notices')).json();
    const notice = open.items.find((n: { id: string }) => n.id === noticeId);
    expect(notice.entries[0]).toMatchObject({ enterpriseName: '广州流程测试再制造有限公司', siteName: '一号厂区' });
    const entryId = notice.entries[0].id;

    const bad = await req(null, 'POST', `/api/v1/public/notices/${noticeId}/objections`, { name: '', contact: 'x', entryId, reason: '短' });
    expect(bad.statusCode).toBe(400);
    const reasonIssue = bad.json().error.details.find((d: { field: string }) => d.field === 'reason');
    expect(reasonIssue.message).toBe('请说明异议理由（至少 5 个字）');
    expect(reasonIssue.messageEn).toBe('Describe the objection (at least 5 characters)');
    const obj = await req(null, 'POST', `/api/v1/public/notices/${noticeId}/objections`, { name: '张三', contact: '13800000000', entryId, reason: '该企业厂区周边存在环境投诉，请核实。' });
    expect(obj.statusCode).toBe(201);
    const withEvidence = multipart({ name: '李四', contact: 'lisi@example.cn', entryId, reason: '附现场照片，请核实排放情况。' }, { name: 'photo.png', data: PNG });
    const obj2 = await app.inject({ method: 'POST', url: `/api/v1/public/notices/${noticeId}/objections`, headers: withEvidence.headers, payload: withEvidence.payload });
    expect(obj2.statusCode).toBe(201);

    // the batch cannot proceed while the window is open or objections are pending
    expect((await req(miit, 'POST', `/api/v1/notices/${noticeId}/close`, {})).json().error.code).toBe('NOTICE_WINDOW_OPEN');
    clock.set('2026-11-28T02:00:00Z'); // Saturday after the window
    const late = await req(null, 'POST', `/api/v1/public/notices/${noticeId}/objections`, { name: '王五', contact: '13900000000', entryId, reason: '期满之后的异议。' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('NOTICE_WINDOW_CLOSED');
    expect((await req(null, 'GET', '/api/v1/public/notices')).json().items.find((n: { id: string }) => n.id === noticeId)).toBeUndefined();
    const pending = await req(miit, 'POST', `/api/v1/notices/${noticeId}/close`, {});
    expect(pending.json().error.code).toBe('OBJECTIONS_PENDING');
    const detail = (await req(miit, 'GET', `/api/v1/notices/${noticeId}`)).json();
    expect(detail.objections).toHaveLength(2);
    const withFile = detail.objections.find((o: { name: string }) => o.name === '李四');
    expect(withFile.evidenceCount).toBe(1);
    const evidence = await req(miit, 'GET', `/api/v1/objections/${withFile.id}/evidence/0`);
    expect(evidence.statusCode).toBe(200);
    expect(evidence.rawPayload.equals(PNG)).toBe(true);
    expect((await req(miit, 'GET', `/api/v1/objections/${withFile.id}/evidence/1`)).statusCode).toBe(404);
    expect((await req(gd, 'GET', `/api/v1/objections/${withFile.id}/evidence/0`)).statusCode).toBe(403);
    for (const o of detail.objections) {
      expect((await req(miit, 'POST', `/api/v1/objections/${o.id}/resolve`, { decision: 'dismissed', resolution: '经核实，环境监测数据达标，异议不成立。' })).statusCode).toBe(200);
    }
    const closed = await req(miit, 'POST', `/api/v1/notices/${noticeId}/close`, {});
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect((await req(miit, 'GET', `/api/v1/applications/${id}`)).json().state).toBe('notice_passed');
  });

  it('公告: MIIT publishes 第N批 with a number; the public finds the enterprise and downloads the list', async () => {
    const res = await req(miit, 'POST', '/api/v1/announcements', { applicationIds: [id], announcedOn: '2026-12-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ batchNo: 1, docNumber: '工业和信息化部公告 2026年第1号' });
    expect(res.json().title).toContain('第一批');
    expect(res.json().entries[0]).toMatchObject({ seq: 1, regionName: '广东省', enterpriseName: '广州流程测试再制造有限公司', siteName: '一号厂区' });
    expect((await req(miit, 'GET', `/api/v1/applications/${id}`)).json().state).toBe('announced');

    const pub = (await req(null, 'GET', '/api/v1/public/announcements')).json();
    expect(pub.items[0].docNumber).toBe('工业和信息化部公告 2026年第1号');
    const found = (await req(null, 'GET', `/api/v1/public/announced-enterprises?q=${encodeURIComponent('流程测试')}&region=440000&field=internal_combustion_engines`)).json();
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ regionCode: '440000', siteName: '一号厂区', batch: { batchNo: 1 } });
    expect((await req(null, 'GET', `/api/v1/public/announced-enterprises?region=320000`)).json().total).toBe(0);
    expect((await req(null, 'GET', `/api/v1/public/announced-enterprises?field=office_equipment`)).json().total).toBe(0);
    const xlsx = await req(null, 'GET', '/api/v1/public/announced-enterprises.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const docx = await req(null, 'GET', `/api/v1/public/announcements/${res.json().id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('the 申请书 downloads as .docx for those who may see the case', async () => {
    const ok = await req(ent, 'GET', `/api/v1/applications/${id}/docx`);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('wordprocessingml');
    expect(ok.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await req(js, 'GET', `/api/v1/applications/${id}/docx`)).statusCode).toBe(404);
  });

  it('every step left an event, an audit row and an intact chain', async () => {
    const d = (await req(miit, 'GET', `/api/v1/applications/${id}`)).json();
    expect(d.events.map((e: { event: string }) => e.event)).toEqual([
      'submit', 'return_for_supplement', 'submit', 'forward', 'assign_experts', 'record_opinion', 'record_opinion', 'record_opinion',
      'complete_expert_review', 'record_onsite_pass', 'add_to_notice', 'close_notice', 'announce',
    ]);
    // events carry the platform's clock (the test clock here), not the database's
    expect(d.events[0].at.slice(0, 10)).toBe('2026-11-23');
    expect(d.events.at(-1).at.slice(0, 10)).toBe('2026-11-28');
    const chain = (await req(miit, 'GET', '/api/v1/audit/verify')).json();
    expect(chain.ok).toBe(true);
  });
});

describe('rejections, upheld objections, the reapply lock', () => {
  it('an expert working for the applicant\'s group (parent or sister company) cannot be assigned', async () => {
    const parent = await buildEnterprise(app.services, { regionCode: '440106' });
    const child = await buildEnterprise(app.services, { regionCode: '440106', parentId: parent.id });
    const sister = await buildEnterprise(app.services, { regionCode: '440106', parentId: parent.id });
    const a = await buildApplication(app.services, { enterpriseId: child.id, submit: true });
    await req(gd, 'POST', `/api/v1/applications/${a.id}/forward`, { opinion: '同意报送。', handler: '甲', head: '乙', date: '2026-11-23' });
    for (const insiderOf of [parent.id, sister.id]) {
      const insider = await buildExpert(app.services, { affiliatedEnterpriseId: insiderOf });
      const res = await req(miit, 'POST', `/api/v1/applications/${a.id}/experts`, { expertIds: [...experts.slice(0, 2).map((e) => e.id), insider.id] });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('EXPERT_CONFLICT');
    }
    const outsider = await buildExpert(app.services, { affiliatedEnterpriseId: (await buildEnterprise(app.services)).id });
    expect((await req(miit, 'POST', `/api/v1/applications/${a.id}/experts`, { expertIds: [...experts.slice(0, 2).map((e) => e.id), outsider.id] })).statusCode).toBe(200);
  });

  it('the provincial authority rejects with reasons', async () => {
    const e = await buildEnterprise(app.services, { regionCode: '440106' });
    const a = await buildApplication(app.services, { enterpriseId: e.id, submit: true });
    const res = await req(gd, 'POST', `/api/v1/applications/${a.id}/provincial-reject`, { reason: '土地租赁期限不足十年' });
    expect(res.json()).toMatchObject({ state: 'provincial_rejected', outcomeReason: '土地租赁期限不足十年' });
    expect((await req(gd, 'POST', `/api/v1/applications/${a.id}/forward`, { opinion: '同意', handler: '甲', head: '乙', date: '2026-11-23' })).statusCode).toBe(409);
  });

  it('an upheld objection takes the application out of the batch; the rest proceeds', async () => {
    clock.set('2026-12-07T02:00:00Z');
    const s = app.services;
    const ctxIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const a = await buildApplication(s, { enterpriseId: (await buildEnterprise(s, { regionCode: '440106' })).id, submit: true });
      await req(gd, 'POST', `/api/v1/applications/${a.id}/forward`, { opinion: '同意', handler: '甲', head: '乙', date: '2026-12-07' });
      await req(miit, 'POST', `/api/v1/applications/${a.id}/experts`, { expertIds: experts.slice(0, 3).map((x) => x.id) });
      for (const ex of experts.slice(0, 3)) await req(ex.session, 'POST', `/api/v1/applications/${a.id}/opinion`, { chapters: { 二: 'a', 三: 'a', 四: 'a', 五: 'a', 六: 'a' }, recommendation: 'approve' });
      await req(miit, 'POST', `/api/v1/applications/${a.id}/complete-expert-review`, {});
      const f = { 二: 'a', 三: 'a', 四: 'a', 五: 'a', 六: 'a' };
      expect((await req(miit, 'POST', `/api/v1/applications/${a.id}/onsite-check`, { team: ['甲'], date: '2026-12-07', findings: f, conclusion: 'pass' })).json().state).toBe('ready_for_notice');
      ctxIds.push(a.id);
    }
    const n = (await req(miit, 'POST', '/api/v1/notices', { title: '第二批公示', applicationIds: ctxIds, workingDays: 3 })).json();
    expect(n.endDate).toBe('2026-12-09');
    const entry = n.entries.find((e: { applicationId: string }) => e.applicationId === ctxIds[0]);
    const o = (await req(null, 'POST', `/api/v1/public/notices/${n.id}/objections`, { name: '赵七', contact: '13700000000', entryId: entry.id, reason: '该企业存在侵权纠纷，已有判决。' })).json();
    const upheld = await req(miit, 'POST', `/api/v1/objections/${o.id}/resolve`, { decision: 'upheld', resolution: '经核实，三年内存在侵权判决，异议成立。' });
    expect(upheld.statusCode).toBe(200);
    expect((await req(miit, 'POST', `/api/v1/objections/${o.id}/resolve`, { decision: 'dismissed', resolution: '改判' })).statusCode).toBe(409);
    const a0 = (await req(miit, 'GET', `/api/v1/applications/${ctxIds[0]}`)).json();
    expect(a0.state).toBe('rejected');
    expect(a0.outcomeReason).toContain('异议成立');
    clock.set('2026-12-10T02:00:00Z');
    expect((await req(miit, 'POST', `/api/v1/notices/${n.id}/close`, {})).statusCode).toBe(200);
    expect((await req(miit, 'GET', `/api/v1/applications/${ctxIds[1]}`)).json().state).toBe('notice_passed');
    const pub = await req(miit, 'POST', '/api/v1/announcements', { applicationIds: [ctxIds[0]!] });
    expect(pub.statusCode).toBe(409);
  });

  it('七(二)4: a revoked enterprise cannot apply until two years after its rectification was accepted', async () => {
    const e = await buildEnterprise(app.services, { regionCode: '440106' });
    const site = await buildSite(app.services, e.id);
    const admin = await login(app, (await buildUser(app.services, 'enterprise_admin', { organizationId: e.id })).username, TEST_PASSWORD);
    await app.database.raw.query(`INSERT INTO revocations (enterprise_id, id, revoked_at, rectification_accepted_at, reason) VALUES ($1, gen_random_uuid(), '2025-06-01T00:00:00Z', '2025-12-01', '不按要求提交年度报告')`, [e.id]);
    const locked = await req(admin, 'POST', '/api/v1/applications', { siteId: site.id });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'REAPPLY_LOCKED', details: { until: '2027-12-01' } });
    clock.set('2027-12-02T02:00:00Z');
    expect((await req(admin, 'POST', '/api/v1/applications', { siteId: site.id })).statusCode).toBe(201);
  });
});
