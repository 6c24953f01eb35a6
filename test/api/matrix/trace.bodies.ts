import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

/**
 * Sample bodies for the trace write routes. Steps write into the caller's own enterprise only; the bodies name
 * objects no caller owns (an unknown EPC / a product code of nobody), which must answer 400/404, never 2xx on
 * someone else's object (the foreign enterprise's product where the matrix made one). The intake creates a new core in the caller's own stream (allowed).
 */
export function bodies({ foreign }: MatrixWorld): Record<string, unknown> {
  // the foreign enterprise's own product (created in the matrix setup): steps on it must never succeed
  const epc = foreign.productEpc ?? `urn:reman-platform:core:MATRIX.${foreign.enterprise?.slice(0, 8) ?? 'x'}`;
  const code = foreign.productCode ?? 'RM0000000000000000';
  return {
    'POST /api/v1/trace/steps/intake': { name: '矩阵旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } },
    'POST /api/v1/trace/steps/inspection': { coreEpc: epc, grade: 'A', result: 'accepted', measurements: [] },
    'POST /api/v1/trace/steps/disassembly': { coreEpc: epc, parts: [{ name: '零件' }] },
    'POST /api/v1/trace/steps/cleaning': { epcs: [epc] },
    'POST /api/v1/trace/steps/assessment': { items: [{ epc, decision: 'reuse' }] },
    'POST /api/v1/trace/steps/process': { epcs: [epc], process: 'machining' },
    'POST /api/v1/trace/steps/reassembly': { name: '矩阵产品', inputs: [{ epc, origin: 'reused', name: '零件', massKg: 1, valueCny: 1 }] },
    'POST /api/v1/trace/steps/test': { code, result: 'pass', measurements: [] },
    'POST /api/v1/trace/steps/marking': { code },
    'POST /api/v1/trace/steps/shipping': { codes: [code] },
    'POST /api/v1/trace/steps/sale': { code, customerName: '矩阵客户' },
    'POST /api/v1/trace/steps/lease': { code, lesseeName: '矩阵承租人' },
    'POST /api/v1/trace/steps/installation': { code, location: '矩阵' },
    'POST /api/v1/trace/steps/removal': { code },
    'POST /api/v1/trace/products/:code/status': { status: 'revoked', reason: '矩阵作废' },
    'POST /api/v1/trace/import/:step': undefined,
  };
}

type Stage = 'reassembled' | 'tested' | 'marked' | 'shipped' | 'sold' | 'installed';
const step = (w: PositiveWorld, name: string, body: unknown) => w.must('enterprise_staff', 'POST', `/api/v1/trace/steps/${name}`, body);
const intake = async (w: PositiveWorld) => (await step(w, 'intake', { name: '矩阵旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } })).coreEpc as string;
/** A disassembled core of the home enterprise: its three part EPCs. */
async function parts(w: PositiveWorld): Promise<string[]> {
  const d = await step(w, 'disassembly', { coreEpc: await intake(w), parts: [{ name: '缸体' }, { name: '缸盖' }, { name: '活塞环' }] });
  return (d.parts as { epc: string }[]).map((p) => p.epc);
}
/** A product of the home enterprise (with the facts a label needs) carried up to `stage`. */
async function product(w: PositiveWorld, stage: Stage): Promise<{ code: string; epc: string }> {
  const [block, head] = await parts(w);
  await step(w, 'assessment', { items: [{ epc: block, decision: 'reuse' }, { epc: head, decision: 'reuse' }] });
  const p = (await step(w, 'reassembly', {
    name: '矩阵再制造发动机', model: 'M-1', standardNo: 'GB/T 28672-2012',
    inputs: [{ epc: block, origin: 'reused', name: '缸体', massKg: 300, valueCny: 20000 }, { epc: head, origin: 'reused', name: '缸盖', massKg: 100, valueCny: 10000 }],
  })).product as { code: string; epc: string };
  const order: Stage[] = ['reassembled', 'tested', 'marked', 'shipped', 'sold', 'installed'];
  const reach = (s: Stage) => order.indexOf(stage) >= order.indexOf(s);
  if (reach('tested')) await step(w, 'test', { code: p.code, result: 'pass', measurements: [] });
  if (reach('marked')) await step(w, 'marking', { code: p.code });
  if (reach('shipped')) await step(w, 'shipping', { codes: [p.code] });
  if (reach('sold')) await step(w, 'sale', { code: p.code, customerName: '矩阵客户' });
  if (reach('installed')) await step(w, 'installation', { code: p.code, location: '矩阵' });
  return { code: p.code, epc: p.epc };
}
const homeProduct = (w: PositiveWorld) => w.once('trace-product', () => product(w, 'marked'));
const CSV = '旧件名称 (name),交回方 (source.returnedBy),回收渠道 (source.channel),以旧换新 (source.tradeIn)\r\n矩阵旧件,甲,dealer,否\r\n';
const importForm = { files: [{ name: 'cores.csv', data: Buffer.from(CSV), type: 'text/csv' }] };

/** Positive cases of the traceability routes (the home enterprise's own cores and products). */
export const positive: Record<string, Positive> = {
  'POST /api/v1/trace/steps/intake': { as: 'enterprise_staff', body: { name: '矩阵旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } } },
  'POST /api/v1/trace/steps/inspection': async (w) => ({ as: 'enterprise_staff', body: { coreEpc: await intake(w), grade: 'A', result: 'accepted', measurements: [] } }),
  'POST /api/v1/trace/steps/disassembly': async (w) => ({ as: 'enterprise_staff', body: { coreEpc: await intake(w), parts: [{ name: '零件' }] } }),
  'POST /api/v1/trace/steps/cleaning': async (w) => ({ as: 'enterprise_staff', body: { epcs: (await parts(w)).slice(0, 2) } }),
  'POST /api/v1/trace/steps/assessment': async (w) => ({ as: 'enterprise_staff', body: { items: [{ epc: (await parts(w))[0], decision: 'reuse' }] } }),
  'POST /api/v1/trace/steps/process': async (w) => {
    const [p] = await parts(w);
    await step(w, 'assessment', { items: [{ epc: p, decision: 'remanufacture' }] });
    return { as: 'enterprise_staff', body: { epcs: [p], process: 'machining' } };
  },
  'POST /api/v1/trace/steps/reassembly': async (w) => {
    const [p] = await parts(w);
    return { as: 'enterprise_staff', body: { name: '矩阵产品', inputs: [{ epc: p, origin: 'reused', name: '缸体', massKg: 10, valueCny: 100 }] } };
  },
  'POST /api/v1/trace/steps/test': async (w) => ({ as: 'enterprise_staff', body: { code: (await product(w, 'reassembled')).code, result: 'pass', measurements: [] } }),
  'POST /api/v1/trace/steps/marking': async (w) => ({ as: 'enterprise_staff', body: { code: (await product(w, 'tested')).code } }),
  'POST /api/v1/trace/steps/shipping': async (w) => ({ as: 'enterprise_staff', body: { codes: [(await product(w, 'marked')).code] } }),
  'POST /api/v1/trace/steps/sale': async (w) => ({ as: 'enterprise_staff', body: { code: (await product(w, 'shipped')).code, customerName: '矩阵客户' } }),
  'POST /api/v1/trace/steps/lease': async (w) => ({ as: 'enterprise_staff', body: { code: (await product(w, 'shipped')).epc, lesseeName: '矩阵承租人' } }),
  'POST /api/v1/trace/steps/installation': async (w) => ({ as: 'enterprise_staff', body: { code: (await product(w, 'sold')).code, location: '矩阵' } }),
  'POST /api/v1/trace/steps/removal': async (w) => ({ as: 'enterprise_staff', body: { code: (await product(w, 'installed')).code } }),
  'GET /api/v1/trace/products': { as: 'enterprise_staff' },
  'GET /api/v1/trace/products/:code': async (w) => ({ as: 'authority_reviewer', params: { code: (await homeProduct(w)).code } }),
  'POST /api/v1/trace/products/:code/status': async (w) => ({ as: 'enterprise_admin', params: { code: (await product(w, 'reassembled')).code }, body: { status: 'revoked', reason: '矩阵作废' } }),
  'GET /api/v1/trace/recall': async (w) => ({ as: 'enterprise_staff', query: `core=${encodeURIComponent(await intake(w))}` }),
  'GET /api/v1/trace/recall/targets': { as: 'enterprise_staff', query: 'q=PR2026A' },
  'GET /api/v1/trace/rates': { as: 'enterprise_staff', query: 'year=2026' },
  'GET /api/v1/trace/ledger': { as: 'enterprise_staff', query: 'from=2026-01-01&to=2026-12-31' },
  'GET /api/v1/trace/vocabulary': { as: 'public' },
  'GET /api/v1/trace/import/templates/:step': { as: 'enterprise_staff', params: { step: 'intake' } },
  'POST /api/v1/trace/import/:step': { as: 'enterprise_staff', params: { step: 'intake' }, form: importForm },
  'GET /api/v1/trace/import/jobs/:id': async (w) => {
    const r = await w.upload('enterprise_staff', '/api/v1/trace/import/intake', importForm);
    if (r.statusCode >= 300) throw new Error(`routes-matrix setup: import → ${r.statusCode} ${r.body.slice(0, 300)}`);
    return { as: 'enterprise_staff', params: { id: r.json().job.id } };
  },
  'GET /api/v1/trace/projection': { as: 'enterprise_token' },
  'GET /api/v1/trace/:code': async (w) => ({ as: 'authority_reviewer', params: { code: (await homeProduct(w)).code } }),
  'GET /api/v1/public/products/:code': async (w) => ({ as: 'public', params: { code: (await homeProduct(w)).code } }),
};
