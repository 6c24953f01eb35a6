import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

/** 公共信息服务 (portal module): MIIT's editing routes and the public's read routes. */
const uniq = () => Math.random().toString(36).slice(2, 8);
const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const samples = () => ({
  standards: { code: `GB/T M${uniq()}-2026`, title: '矩阵测试标准', type: 'national', status: 'current' },
  policies: { title: '矩阵测试政策', category: 'notice', issuedOn: '2026-12-01', body: '矩阵' },
  'demonstration-units': { name: '矩阵示范单位', kind: 'park', provinceCode: '440000', year: 2026 },
  'testing-organizations': { name: '矩阵检测机构', accreditationNo: `CNAS M${uniq()}`, provinceCode: '440000' },
});
type Kind = keyof ReturnType<typeof samples>;
const KINDS: Kind[] = ['standards', 'policies', 'demonstration-units', 'testing-organizations'];
const patchOf: Record<Kind, unknown> = { standards: { title: '矩阵改名' }, policies: { body: '矩阵改' }, 'demonstration-units': { city: '矩阵市' }, 'testing-organizations': { scope: '矩阵范围' } };

export function bodies(_w: MatrixWorld): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const s = samples();
  for (const k of KINDS) {
    out[`POST /api/v1/portal/${k}`] = s[k];
    out[`PATCH /api/v1/portal/${k}/:id`] = patchOf[k];
    out[`POST /api/v1/portal/${k}/:id/publish`] = undefined;
    out[`POST /api/v1/portal/${k}/:id/withdraw`] = undefined;
  }
  out['POST /api/v1/portal/policies/:id/attachments'] = undefined;
  out['POST /api/v1/portal/search/rebuild'] = undefined;
  return out;
}

/** A new draft of `kind`, made by MIIT (published when asked). */
const draft = async (w: PositiveWorld, kind: Kind, publish = false) => {
  const item = await w.must('ministry_admin', 'POST', `/api/v1/portal/${kind}`, samples()[kind]);
  if (publish) await w.must('ministry_admin', 'POST', `/api/v1/portal/${kind}/${item.id}/publish`);
  return item.id as string;
};
const policyWithAttachment = (w: PositiveWorld) =>
  w.once('portal-policy-attachment', async () => {
    const id = await draft(w, 'policies');
    const r = await w.upload('ministry_admin', `/api/v1/portal/policies/${id}/attachments`, { files: [{ name: 'a.pdf', data: TINY_PDF, type: 'application/pdf' }] });
    if (r.statusCode !== 201) throw new Error(`attachment: ${r.statusCode} ${r.body}`);
    await w.must('ministry_admin', 'POST', `/api/v1/portal/policies/${id}/publish`);
    return id;
  });

export const positive: Record<string, Positive> = {
  ...Object.fromEntries(
    KINDS.flatMap((k): Array<[string, Positive]> => [
      [`GET /api/v1/portal/${k}`, { as: 'ministry_officer' }],
      [`POST /api/v1/portal/${k}`, async () => ({ as: 'ministry_officer', body: samples()[k] })],
      [`GET /api/v1/portal/${k}/:id`, async (w) => ({ as: 'ministry_officer', params: { id: await draft(w, k) } })],
      [`GET /api/v1/portal/${k}/:id/history`, async (w) => ({ as: 'ministry_officer', params: { id: await draft(w, k) } })],
      [`PATCH /api/v1/portal/${k}/:id`, async (w) => ({ as: 'ministry_admin', params: { id: await draft(w, k) }, body: patchOf[k] })],
      [`POST /api/v1/portal/${k}/:id/publish`, async (w) => ({ as: 'ministry_admin', params: { id: await draft(w, k) } })],
      [`POST /api/v1/portal/${k}/:id/withdraw`, async (w) => ({ as: 'ministry_officer', params: { id: await draft(w, k, true) } })],
    ]),
  ),
  'POST /api/v1/portal/policies/:id/attachments': async (w) => ({ as: 'ministry_admin', params: { id: await draft(w, 'policies') }, form: { files: [{ name: 'b.pdf', data: TINY_PDF, type: 'application/pdf' }] } }),
  'GET /api/v1/portal/policies/:id/attachments/:n': async (w) => ({ as: 'ministry_officer', params: { id: await policyWithAttachment(w), n: '0' } }),
  'GET /api/v1/public/standards': { as: 'public', query: 'status=current' },
  'GET /api/v1/public/search': { as: 'public', query: `q=${encodeURIComponent('再制造')}&type=standard` },
  'GET /api/v1/public/search/suggest': { as: 'public', query: `q=${encodeURIComponent('再制')}` },
  'POST /api/v1/portal/search/rebuild': { as: 'ministry_officer' },
  'GET /api/v1/public/datasets': { as: 'public' },
  'GET /api/v1/public/datasets/:key/data.csv': { as: 'public', params: { key: 'standards' } },
  'GET /api/v1/public/datasets/:key/data.json': { as: 'public', params: { key: 'demonstration-units' } },
  'GET /api/v1/public/datasets/:key/schema.json': { as: 'public', params: { key: 'announced-enterprises' } },
  'GET /api/v1/public/targets': { as: 'public' },
  'GET /api/v1/public/standards/:id': async (w) => ({ as: 'public', params: { id: await draft(w, 'standards', true) } }),
  'GET /api/v1/public/standards/:id/declarations': async (w) => ({ as: 'public', params: { id: await draft(w, 'standards', true) }, query: 'pageSize=5' }),
  'GET /api/v1/public/policies': { as: 'public' },
  'GET /api/v1/public/policies/:id': async (w) => ({ as: 'public', params: { id: await draft(w, 'policies', true) } }),
  'GET /api/v1/public/policies/:id/attachments/:n': async (w) => ({ as: 'public', params: { id: await policyWithAttachment(w), n: '0' } }),
  'GET /api/v1/public/demonstration-units': { as: 'public' },
  'GET /api/v1/public/demonstration-units/by-province': { as: 'public' },
  'GET /api/v1/public/testing-organizations': { as: 'public' },
};
