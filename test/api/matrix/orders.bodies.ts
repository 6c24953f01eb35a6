import { TINY_PDF } from './flows.js';
import type { MatrixWorld, Positive, PositiveWorld } from './index.js';
import { homeListing } from './trading.bodies.js';

/**
 * 交易服务 orders (issue 13). The negative bodies aim at the foreign listing with more units than it has (nothing
 * may be written for the foreign side) and at orders that exist nowhere.
 */
export function bodies({ foreign }: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/orders': { listingId: foreign.listing, quantity: 200 },
    'POST /api/v1/orders/:id/quote': { unitPriceCny: 900 },
    'POST /api/v1/orders/:id/place': undefined,
    'POST /api/v1/orders/:id/confirm': {},
    'POST /api/v1/orders/:id/cancel': { reason: '矩阵取消' },
    'POST /api/v1/orders/:id/deliver': {},
    'POST /api/v1/orders/:id/accept': undefined,
    'POST /api/v1/orders/:id/dispute': { reason: '矩阵争议' },
    'POST /api/v1/orders/:id/resolve': { resolution: '矩阵解决' },
    'POST /api/v1/orders/:id/invoice': { invoiceNumber: '44001234567' },
    'POST /api/v1/orders/:id/trade-in/ship': {},
    'POST /api/v1/orders/:id/trade-in/receive': { grade: 'B' },
    'POST /api/v1/orders/:id/trade-in/settle': undefined,
    'POST /api/v1/orders/:id/payments': { amountCny: 1000 },
    'POST /api/v1/orders/:id/payments/:pid/confirm': {},
    'POST /api/v1/orders/:id/payments/:pid/reject': {},
    'PUT /api/v1/trade-in-rules/:scope/:key': { baseValueCny: 1000, depreciationPerYear: 0.1, floorShare: 0.1, hoursPerYear: 2000, coreDepositCny: 100, returnDays: 30 },
    'POST /api/v1/orders/:id/rating': { unitScore: 5, sellerScore: 5, comment: '矩阵评价' },
    'POST /api/v1/public/trade-in/estimate': { listingId: foreign.listing, model: 'M-1', ageYears: 2, runningHours: 3000, condition: 'B' },
  };
}

type Stage = 'inquiry' | 'quoted' | 'placed' | 'confirmed' | 'paying' | 'delivered' | 'disputed' | 'received';
/** A fresh order of the home buyer on a fresh home listing, brought to `stage` through the API. */
async function orderAt(w: PositiveWorld, stage: Stage, tradeIn = false): Promise<{ id: string; pid?: string }> {
  const l = await homeListing(w);
  const o = await w.must('buyer_admin', 'POST', '/api/v1/orders', { listingId: l.id, inquiry: stage === 'inquiry' || stage === 'quoted', ...(tradeIn ? { tradeIn: { model: 'M-1', ageYears: 2, runningHours: 3000, condition: 'B' } } : {}) });
  const id = o.id as string;
  const order: Stage[] = ['placed', 'confirmed', 'paying', 'delivered', 'disputed', 'received'];
  if (stage === 'quoted') await w.must('enterprise_admin', 'POST', `/api/v1/orders/${id}/quote`, { unitPriceCny: 900 });
  const reach = (s: Stage) => order.indexOf(stage) >= order.indexOf(s);
  if (reach('confirmed')) await w.must('enterprise_admin', 'POST', `/api/v1/orders/${id}/confirm`, {});
  let pid: string | undefined;
  if (stage === 'paying') {
    const r = await w.upload('buyer_admin', `/api/v1/orders/${id}/payments`, { fields: { amountCny: String(o.payableCny) }, files: [{ name: 'v.pdf', data: TINY_PDF, type: 'application/pdf' }] });
    if (r.statusCode !== 200) throw new Error(`payment → ${r.statusCode} ${r.body}`);
    pid = r.json().payments[0].id;
  }
  if (reach('delivered') && stage !== 'paying') await w.must('enterprise_admin', 'POST', `/api/v1/orders/${id}/deliver`, {});
  if (stage === 'disputed') await w.must('buyer_admin', 'POST', `/api/v1/orders/${id}/dispute`, { reason: '矩阵争议' });
  if (stage === 'received') await w.must('enterprise_admin', 'POST', `/api/v1/orders/${id}/trade-in/receive`, { grade: 'B' });
  return { id, pid };
}
const id = (w: PositiveWorld, s: Stage, tradeIn = false) => orderAt(w, s, tradeIn).then((o) => ({ id: o.id }));

/** A fresh order delivered and accepted (验收): rateable. */
async function accepted(w: PositiveWorld) {
  const o = await orderAt(w, 'delivered');
  await w.must('buyer_admin', 'POST', `/api/v1/orders/${o.id}/accept`);
  return { id: o.id };
}

export const positive: Record<string, Positive> = {
  'POST /api/v1/orders/:id/rating': async (w) => ({ as: 'buyer_staff', params: await accepted(w), body: { unitScore: 4, sellerScore: 5, comment: '矩阵评价：运行平稳' } }),
  'GET /api/v1/orders/:id/rating': async (w) => {
    const o = await accepted(w);
    await w.must('buyer_admin', 'POST', `/api/v1/orders/${o.id}/rating`, { unitScore: 3, sellerScore: 4 });
    return { as: 'enterprise_staff', params: o };
  },
  'GET /api/v1/public/sellers/:enterpriseId/ratings': async (w) => ({ as: 'buyer_admin', params: { enterpriseId: w.home.enterprise! } }),
  'GET /api/v1/orders': { as: 'buyer_admin' },
  'POST /api/v1/orders': async (w) => ({ as: 'buyer_staff', body: { listingId: (await homeListing(w)).id, tradeIn: { model: 'M-1', ageYears: 1, runningHours: 100, condition: 'A' } } }),
  'GET /api/v1/orders/:id': async (w) => ({ as: 'buyer_staff', params: await id(w, 'placed') }),
  'POST /api/v1/orders/:id/quote': async (w) => ({ as: 'enterprise_staff', params: await id(w, 'inquiry'), body: { unitPriceCny: 880, paymentTerms: 'prepayment' } }),
  'POST /api/v1/orders/:id/place': async (w) => ({ as: 'buyer_admin', params: await id(w, 'quoted') }),
  'POST /api/v1/orders/:id/confirm': async (w) => ({ as: 'enterprise_admin', params: await id(w, 'placed'), body: {} }),
  'POST /api/v1/orders/:id/cancel': async (w) => ({ as: 'buyer_admin', params: await id(w, 'placed'), body: { reason: '矩阵取消' } }),
  'POST /api/v1/orders/:id/deliver': async (w) => ({ as: 'enterprise_admin', params: await id(w, 'confirmed'), body: { invoiceNumber: '44001234567' } }),
  'POST /api/v1/orders/:id/accept': async (w) => ({ as: 'buyer_admin', params: await id(w, 'delivered') }),
  'POST /api/v1/orders/:id/dispute': async (w) => ({ as: 'buyer_admin', params: await id(w, 'delivered'), body: { reason: '矩阵争议' } }),
  'POST /api/v1/orders/:id/resolve': async (w) => ({ as: 'enterprise_admin', params: await id(w, 'disputed'), body: { resolution: '矩阵解决' } }),
  'POST /api/v1/orders/:id/invoice': async (w) => ({ as: 'enterprise_admin', params: await id(w, 'confirmed'), body: { invoiceNumber: '44001234567' } }),
  'POST /api/v1/orders/:id/trade-in/ship': async (w) => ({ as: 'buyer_admin', params: await id(w, 'delivered', true), body: { trackingNo: 'SF1234567890' } }),
  'POST /api/v1/orders/:id/trade-in/receive': async (w) => ({ as: 'enterprise_admin', params: await id(w, 'delivered', true), body: { grade: 'C' } }),
  'POST /api/v1/orders/:id/trade-in/settle': async (w) => ({ as: 'enterprise_admin', params: await id(w, 'received', true) }),
  'POST /api/v1/orders/:id/payments': async (w) => ({ as: 'buyer_admin', params: await id(w, 'confirmed'), form: { fields: { amountCny: '1000' }, files: [{ name: 'v.pdf', data: TINY_PDF, type: 'application/pdf' }] } }),
  'POST /api/v1/orders/:id/payments/:pid/confirm': async (w) => ({ as: 'enterprise_admin', params: (await orderAt(w, 'paying')) as Record<string, string>, body: {} }),
  'POST /api/v1/orders/:id/payments/:pid/reject': async (w) => ({ as: 'enterprise_admin', params: (await orderAt(w, 'paying')) as Record<string, string>, body: { note: '未到账' } }),
  'GET /api/v1/orders/:id/payments/:pid/voucher': async (w) => ({ as: 'buyer_admin', params: (await orderAt(w, 'paying')) as Record<string, string> }),
  'GET /api/v1/orders/:id/contract.docx': async (w) => ({ as: 'buyer_admin', params: await id(w, 'placed') }),
  'GET /api/v1/orders/:id/delivery-note.docx': async (w) => ({ as: 'enterprise_staff', params: await id(w, 'delivered') }),
  'GET /api/v1/orders/:id/settlement.docx': async (w) => ({ as: 'enterprise_staff', params: await id(w, 'received', true) }),
  'GET /api/v1/trade-in-rules': { as: 'enterprise_staff' },
  'PUT /api/v1/trade-in-rules/:scope/:key': { as: 'enterprise_admin', params: { scope: 'model', key: 'M-1' }, body: { baseValueCny: 1000, depreciationPerYear: 0.1, floorShare: 0.1, hoursPerYear: 2000, coreDepositCny: 100, returnDays: 30 } },
  'POST /api/v1/public/trade-in/estimate': async (w) => ({ as: 'public', body: { listingId: (await homeListing(w)).id, model: 'M-1', ageYears: 2, runningHours: 3000, condition: 'B' } }),
};
