import { makeCreditCode } from '../../../src/domain/credit-code.js';
import type { MatrixWorld, Positive, PositiveWorld } from './index.js';
import { homeProduct } from './trading.bodies.js';

/**
 * 保险 (issue 13): the negative bodies name a lease that exists nowhere (400 for everyone) and decide claims nobody
 * else's; the positive cases record a policy at a lease of a home unit to the home buyer, insured by a home insurer
 * organisation whose user decides the claim routed to it (a leased unit has no sale warranty: a case on it inside the
 * cover goes to the insurer).
 */
export function bodies(_w: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/insurance/policies': { leaseId: '00000000-0000-4000-8000-000000000000', insurerCreditCode: '91110000MA00000000', policyNumber: 'MX-000', coverCny: 1000, premiumCny: 10, startsOn: '2026-01-01', endsOn: '2027-01-01' },
    'POST /api/v1/insurance/claims/:caseId/decide': { decision: 'rejected', reason: '矩阵拒赔' },
  };
}

const ctx = { principal: null, ip: '127.0.0.1', requestId: 'matrix' };
/** The home insurer organisation and a signed-in user of it. */
async function insurer(w: PositiveWorld) {
  return w.once('insurer', async () => {
    const s = w.app.services;
    const org = await s.buyers.createOrgAsOperator(ctx, { orgName: '矩阵财产保险股份有限公司', creditCode: makeCreditCode('110105', `MA${Date.now().toString(36).toUpperCase().replace(/[IOSVZ]/g, '1').slice(-7).padStart(7, '0')}`), contactName: '矩阵', phone: '010-12345678', kind: 'insurer' });
    const username = `m-insurer-${Date.now().toString(36)}`;
    await s.identity.createUserAsOperator({ username, displayName: '矩阵核保员', role: 'buyer_admin', organizationId: org.id, password: 'Matrix-insurer-2026', mustChangePassword: false });
    const r = await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'Matrix-insurer-2026' } });
    const cookie = r.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return { creditCode: org.creditCode, headers: { cookie, 'x-csrf-token': r.json().csrfToken as string } };
  });
}
let n = 0;
/** A lease of a fresh home unit to the home buyer, and (record = true) its policy from today for a year. */
async function leased(w: PositiveWorld, record: boolean) {
  const p = await homeProduct(w, '矩阵投保产品');
  const lease = await w.must('enterprise_admin', 'POST', '/api/v1/leases', { productCode: p.code, lesseeCreditCode: w.home.buyerCreditCode, kind: 'operating', months: 2, depositCny: 0, billing: { mode: 'fixed', monthlyRentCny: 1000 } });
  const today = w.app.services.clock.today();
  const body = { leaseId: lease.id, insurerCreditCode: (await insurer(w)).creditCode, policyNumber: `MX-${Date.now().toString(36)}-${++n}`, coverCny: 10_000, premiumCny: 100, startsOn: today, endsOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` };
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
  'GET /api/v1/insurance/claims': { as: 'enterprise_staff' },
  'GET /api/v1/insurance/claims/:caseId': async (w) => ({ as: 'enterprise_admin', params: { caseId: await w.once('insurance-claim', () => routed(w)) } }),
  'POST /api/v1/insurance/claims/:caseId/decide': async (w) => ({ as: 'buyer_admin', headers: (await insurer(w)).headers, params: { caseId: await routed(w) }, body: { decision: 'accepted', amountCny: 500, reason: '矩阵赔付' } }),
  'GET /api/v1/insurance/figures': { as: 'authority_reviewer' },
  'GET /api/v1/public/insurance/:code': async (w) => ({ as: 'public', params: { code: (await w.once('insured-lease', () => leased(w, true))).code } }),
};
