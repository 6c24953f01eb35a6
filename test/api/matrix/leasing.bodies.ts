import type { MatrixWorld, Positive, PositiveWorld } from './index.js';
import { homeProduct } from './trading.bodies.js';

/**
 * 交易服务 leasing (issue 13): the negative bodies aim at the foreign enterprise's product (nobody but its own users
 * may lease it) and at leases that exist nowhere.
 */
export function bodies({ foreign, home }: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/leases': { productCode: foreign.productCode ?? 'RM0000000000000000', lesseeCreditCode: home.buyerCreditCode ?? '91110000MA00000000', kind: 'operating', months: 3, depositCny: 0, billing: { mode: 'fixed', monthlyRentCny: 1000 } },
    'POST /api/v1/leases/:id/rents/:seq/bill': { readingHours: 100 },
    'POST /api/v1/leases/:id/rents/:seq/pay': {},
    'POST /api/v1/leases/:id/terminate': { reason: '矩阵终止' },
    'POST /api/v1/leases/:id/return': { disposition: 'relet' },
  };
}

type Stage = 'active' | 'usage' | 'terminated';
/** A fresh lease of a fresh home product to the home buyer organisation. */
async function leaseAt(w: PositiveWorld, stage: Stage): Promise<{ id: string }> {
  const p = await homeProduct(w, '矩阵租赁产品');
  const billing = stage === 'usage' ? { mode: 'usage', ratePerHourCny: 10, minimumMonthlyCny: 100, startHours: 0 } : { mode: 'fixed', monthlyRentCny: 1000 };
  const l = await w.must('enterprise_admin', 'POST', '/api/v1/leases', { productCode: p.code, lesseeCreditCode: w.home.buyerCreditCode, kind: 'operating', months: 2, depositCny: 0, billing });
  if (stage === 'terminated') await w.must('enterprise_admin', 'POST', `/api/v1/leases/${l.id}/terminate`, { reason: '矩阵终止' });
  return { id: l.id as string };
}

export const positive: Record<string, Positive> = {
  'GET /api/v1/leases': { as: 'buyer_admin' },
  'POST /api/v1/leases': async (w) => ({ as: 'enterprise_staff', body: { productCode: (await homeProduct(w, '矩阵租赁产品')).code, lesseeCreditCode: w.home.buyerCreditCode, kind: 'operating', months: 1, depositCny: 100, billing: { mode: 'fixed', monthlyRentCny: 500 } } }),
  'GET /api/v1/leases/:id': async (w) => ({ as: 'buyer_staff', params: await leaseAt(w, 'active') }),
  'POST /api/v1/leases/:id/rents/:seq/bill': async (w) => ({ as: 'enterprise_admin', params: { ...(await leaseAt(w, 'usage')), seq: '1' }, body: { readingHours: 120 } }),
  'POST /api/v1/leases/:id/rents/:seq/pay': async (w) => ({ as: 'enterprise_staff', params: { ...(await leaseAt(w, 'active')), seq: '1' }, body: { reference: 'M-1' } }),
  'POST /api/v1/leases/:id/terminate': async (w) => ({ as: 'buyer_admin', params: await leaseAt(w, 'active'), body: { reason: '矩阵终止' } }),
  'POST /api/v1/leases/:id/return': async (w) => ({ as: 'enterprise_admin', params: await leaseAt(w, 'terminated'), body: { disposition: 'core_intake', grade: 'B' } }),
  'GET /api/v1/leases/:id/statement.xlsx': async (w) => ({ as: 'buyer_admin', params: await leaseAt(w, 'active') }),
};
