/** Shared helpers of the dynamic-management API tests (changes, revocations, complaints). */
import { login, type TestApp, type Session } from '../support/app.js';
import { buildEnterprise, buildSite, buildUser, operator, TEST_PASSWORD } from '../support/factories.js';

export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e40000000049454e44ae426082', 'hex');

/** multipart/form-data with text fields (arrays repeat the field) and files. */
export function multipart(fields: Record<string, string | string[]>, files: { name: string; data: Buffer; type?: string; field?: string }[] = []) {
  const boundary = '----reman' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    for (const one of Array.isArray(v) ? v : [v]) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${one}\r\n`));
  }
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'files'}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function requester(app: TestApp) {
  return (s: Session | null, method: string, url: string, payload?: unknown) =>
    app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
}
export function uploader(app: TestApp) {
  return (s: Session | null, url: string, fields: Record<string, string | string[]>, files: { name: string; data: Buffer; type?: string }[] = [], remoteAddress?: string) => {
    const m = multipart(fields, files);
    return app.inject({ method: 'POST', url, headers: { ...(s?.headers ?? {}), ...m.headers }, payload: m.payload, ...(remoteAddress ? { remoteAddress } : {}) });
  };
}

let batchNo = 0;
/** Enterprises with one site each, put on the announced list as an imported (historic) batch. */
export async function announcedEnterprises(app: TestApp, n: number, overrides: { regionCode?: string; names?: string[] } = {}) {
  const s = app.services;
  const out: { id: string; siteId: string; name: string; creditCode: string }[] = [];
  for (let i = 0; i < n; i++) {
    const e = await buildEnterprise(s, { regionCode: overrides.regionCode ?? '440106', ...(overrides.names?.[i] ? { name: overrides.names[i] } : {}) });
    const site = await buildSite(s, e.id, { name: `一号厂区${i}` });
    out.push({ id: e.id, siteId: site.id, name: e.name, creditCode: e.creditCode });
  }
  batchNo++;
  await s.announcements.importHistoric(await operator(s), {
    docNumber: `工业和信息化部公告 2025年第${90 + batchNo}号-${Math.random().toString(36).slice(2, 8)}`,
    announcedOn: '2025-06-01',
    title: `测试批次 ${batchNo}`,
    entries: out.map((e) => ({ enterpriseId: e.id, siteId: e.siteId, fields: ['machine_tools'] })),
  });
  return out;
}

/**
 * One announced enterprise in 广东 with sessions of the people around it: its provincial reviewer (gd), a MIIT
 * officer (miit) and its own administrator (ent).
 */
export async function announcedWithSessions(app: TestApp): Promise<{ E: { id: string; siteId: string; name: string; creditCode: string }; gd: Session; miit: Session; ent: Session }> {
  const s = app.services;
  const [E] = (await announcedEnterprises(app, 1)) as [{ id: string; siteId: string; name: string; creditCode: string }];
  const gd = await login(app, (await buildUser(s, 'authority_reviewer', { organizationId: 'prov-440000' })).username, TEST_PASSWORD);
  const miit = await login(app, (await buildUser(s, 'ministry_officer', { organizationId: 'miit' })).username, TEST_PASSWORD);
  const ent = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: E.id })).username, TEST_PASSWORD);
  return { E, gd, miit, ent };
}
