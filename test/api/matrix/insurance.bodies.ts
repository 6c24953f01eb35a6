import type { MatrixWorld, Positive, PositiveWorld } from './index.js';
import { homeProduct } from './trading.bodies.js';

/**
 * 保险 (issue 13): the negative bodies name a lease that exists nowhere (400 for everyone) and decide claims nobody
 * else's; the positive cases record a policy at a lease of a home unit to the home buyer, insured by a home insurer
 * organisation (the matrix's insurer actors) whose user decides the claim routed to it (a leased unit has no sale warranty: a case on it inside the
 * cover goes to the insurer).
 */
export function bodies(_w: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/insurance/policies': { leaseId: '00000000-0000-4000-8000-000000000000', insurerCreditCode: '91110000MA00000000', policyNumber: 'MX-000', coverCny: 1000, premiumCny: 10, startsOn: '2026-01-01', endsOn: '2027-01-01' },
    'POST /api/v1/insurance/claims/:caseId/decide': { decision: 'rejected', reason: '矩阵拒赔' },
  };
}

/** The home insurer organisation (the matrix's insurer_admin and insurer_staff belong to it). */
const insurer = (w: PositiveWorld) => ({ creditCode: w.home.insurerCreditCode! });
let n = 0;
/** A lease of a fresh home unit to the home buyer, and (record = true) its policy from today for a year. */
async function leased(w: PositiveWorld, record: boolean) {
  const p = await homeProduct(w, '矩阵投保产品');
  const lease = await w.must('enterprise_admin', 'POST', '/api/v1/leases', { productCode: p.code, lesseeCreditCode: w.home.buyerCreditCode, kind: 'operating', months: 2, depositCny: 0, billing: { mode: 'fixed', monthlyRentCny: 1000 } });
  const today = w.app.services.clock.today();
  const body = { leaseId: lease.id, insurerCreditCode: insurer(w).creditCode, policyNumber: `MX-${Date.now().toString(36)}-${++n}`, coverCny: 10_000, premiumCny: 100, startsOn: today, endsOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` };
  const policy = record ? await w.must('enterprise_admin', 'POST', '/api/v1/insurance/policies', body) : null;
  return { code: p.code, body, policy };
}
/** A case on an insured leased unit, routed to the home insurer. */
async function routed(w: PositiveWorld) {
  const { code } = await leased(w, true);
  const d = await w.must('enterprise_admin', 'POST', '/api/v1/devices', { productCode: code });
  const c = await w.must('enterprise_staff', 'POST', '/api/v1/cases', { deviceId: d.device.id, title: '矩阵保险理赔' });
  return c.id as string;
}

export const positive: Record<string, Positive> = {
  'POST /api/v1/insurance/policies': async (w) => ({ as: 'enterprise_staff', body: (await leased(w, false)).body }),
  'GET /api/v1/insurance/policies': { as: 'buyer_admin' },
  'GET /api/v1/insurance/policies/:id': async (w) => ({ as: 'buyer_staff', params: { id: (await w.once('insured-lease', () => leased(w, true))).policy!.id } }),
  'GET /api/v1/insurance/claims': { as: 'insurer_admin' },
  'GET /api/v1/insurance/claims/:caseId': async (w) => ({ as: 'enterprise_admin', params: { caseId: await w.once('insurance-claim', () => routed(w)) } }),
  'POST /api/v1/insurance/claims/:caseId/decide': async (w) => ({ as: 'insurer_staff', params: { caseId: await routed(w) }, body: { decision: 'accepted', amountCny: 500, reason: '矩阵赔付' } }),
  'GET /api/v1/insurance/figures': { as: 'authority_reviewer' },
  'GET /api/v1/public/insurance/:code': async (w) => ({ as: 'public', params: { code: (await w.once('insured-lease', () => leased(w, true))).code } }),
};
