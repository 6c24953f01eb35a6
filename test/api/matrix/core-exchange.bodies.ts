import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

/**
 * 旧件交易 core exchange (issue 13): the negative bodies name postings and matches that exist nowhere (404 for
 * everyone) or post the caller's own supply; the positive cases: the home enterprise posts a demand, the home buyer
 * organisation (as a recycler) a supply of the same model; the enterprise proposes, the recycler attests and accepts.
 */
const NIL = '00000000-0000-4000-8000-000000000000';
const supply = { kind: 'supply', name: '矩阵旧件', model: 'MX-615', quantity: 5, grade: 'B', regionCode: '440106', channel: 'recycler' };
const demand = { kind: 'demand', name: '矩阵旧件需求', model: 'MX615', quantity: 2, grade: 'C', regionCode: '440106' };
const attestation = { statement: '矩阵：本单位承诺旧件来源合法合规', document: '矩阵回收凭证' };
const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const pdfForm = { files: [{ name: '回收合同.pdf', data: TINY_PDF, type: 'application/pdf' }] };

export function bodies(_w: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/core-exchange/postings': supply,
    'POST /api/v1/core-exchange/postings/:id/withdraw': undefined,
    'POST /api/v1/core-exchange/matches': { supplyId: NIL, demandId: NIL, attestation },
    'POST /api/v1/core-exchange/matches/:id/accept': { attestation },
    'POST /api/v1/core-exchange/matches/:id/decline': { reason: '矩阵' },
    'POST /api/v1/core-exchange/documents': undefined,
  };
}

const posting = (w: PositiveWorld, kind: 'supply' | 'demand') =>
  kind === 'supply' ? w.must('buyer_admin', 'POST', '/api/v1/core-exchange/postings', supply) : w.must('enterprise_admin', 'POST', '/api/v1/core-exchange/postings', demand);
/** A fresh proposal: the home enterprise's demand to the home recycler's supply. */
async function proposed(w: PositiveWorld): Promise<string> {
  const [s, d] = [await posting(w, 'supply'), await posting(w, 'demand')];
  return (await w.must('enterprise_admin', 'POST', '/api/v1/core-exchange/matches', { supplyId: s.id, demandId: d.id })).id;
}

export const positive: Record<string, Positive> = {
  'POST /api/v1/core-exchange/postings': { as: 'enterprise_staff', body: demand },
  'GET /api/v1/core-exchange/postings': { as: 'buyer_staff', query: 'kind=supply&q=矩阵' },
  'GET /api/v1/core-exchange/postings/:id': async (w) => ({ as: 'enterprise_staff', params: { id: (await w.once('core-demand', () => posting(w, 'demand'))).id } }),
  'POST /api/v1/core-exchange/postings/:id/withdraw': async (w) => ({ as: 'buyer_staff', params: { id: (await posting(w, 'supply')).id } }),
  'GET /api/v1/core-exchange/postings/:id/suggestions': async (w) => {
    await posting(w, 'supply');
    return { as: 'enterprise_admin', params: { id: (await w.once('core-demand', () => posting(w, 'demand'))).id } };
  },
  'POST /api/v1/core-exchange/matches': async (w) => {
    const [s, d] = [await posting(w, 'supply'), await posting(w, 'demand')];
    return { as: 'enterprise_staff', body: { supplyId: s.id, demandId: d.id } };
  },
  'GET /api/v1/core-exchange/matches': { as: 'buyer_admin' },
  'GET /api/v1/core-exchange/matches/:id': async (w) => ({ as: 'buyer_staff', params: { id: await w.once('core-match', () => proposed(w)) } }),
  'POST /api/v1/core-exchange/matches/:id/accept': async (w) => ({ as: 'buyer_admin', params: { id: await proposed(w) }, body: { attestation } }),
  'POST /api/v1/core-exchange/matches/:id/decline': async (w) => ({ as: 'buyer_staff', params: { id: await proposed(w) }, body: { reason: '矩阵拒绝' } }),
  'POST /api/v1/core-exchange/documents': { as: 'buyer_staff', form: pdfForm },
  // the recycler accepts with its uploaded document; MIIT downloads it
  'GET /api/v1/core-exchange/matches/:id/document': async (w) => {
    const up = await w.upload('buyer_admin', '/api/v1/core-exchange/documents', pdfForm);
    const id = await proposed(w);
    await w.must('buyer_admin', 'POST', `/api/v1/core-exchange/matches/${id}/accept`, { attestation: { ...attestation, documentFile: (up.json() as { id: string }).id } });
    return { as: 'ministry_officer', params: { id } };
  },
};
