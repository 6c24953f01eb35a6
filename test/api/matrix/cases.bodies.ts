import { onlineDevice } from './devices.bodies.js';
import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

/** Sample bodies and positive cases of the case routes (issue 12 "Diagnosis and warranty cases", docs/monitoring-cases.md). */
export function bodies(_w: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/cases': { deviceId: '00000000-0000-4000-8000-000000000000', title: '矩阵工单' },
    'POST /api/v1/cases/:id/diagnosis': { faultCode: 'OTHER', diagnosis: '矩阵' },
    'POST /api/v1/cases/:id/visit': { date: '2026-12-06', technician: '矩阵', findings: '矩阵' },
    'POST /api/v1/cases/:id/parts': { parts: [{ name: '矩阵零件', quantity: 1 }] },
    'POST /api/v1/cases/:id/claim': { decision: 'rejected', reason: '矩阵' },
    'POST /api/v1/cases/:id/conclusion': { conclusion: '矩阵', outcome: 'no_fault_found' },
    'POST /api/v1/cases/:id/rating': { rating: 3 },
    'POST /api/v1/cases/:id/commands': { method: 'getDiagnostics' },
  };
}

/** A device of the home enterprise (a product of its trace, provisioned). */
async function device(w: PositiveWorld): Promise<string> {
  const core = await w.must('enterprise_staff', 'POST', '/api/v1/trace/steps/intake', { name: '矩阵工单旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } });
  const made = await w.must('enterprise_staff', 'POST', '/api/v1/trace/steps/reassembly', {
    name: '矩阵工单发动机', model: 'MX-CASE', inputs: [{ epc: core.coreEpc, origin: 'reused', name: '机体', massKg: 10, valueCny: 100 }],
  });
  return (await w.must('enterprise_admin', 'POST', '/api/v1/devices', { productCode: made.product.code })).device.id as string;
}
/** A device of the home enterprise sold today to the home buyer organisation (trace party): a warranty claim, rated by the buyer. */
async function soldDevice(w: PositiveWorld): Promise<string> {
  const core = await w.must('enterprise_staff', 'POST', '/api/v1/trace/steps/intake', { name: '矩阵质保旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } });
  const made = await w.must('enterprise_staff', 'POST', '/api/v1/trace/steps/reassembly', {
    name: '矩阵质保发动机', model: 'MX-CASE', warrantyMonths: 12, inputs: [{ epc: core.coreEpc, origin: 'reused', name: '机体', massKg: 10, valueCny: 100 }],
  });
  const code = made.product.code as string;
  const s = w.app.services;
  const sold = await w.app.database.db.transaction((tx) =>
    s.trace.recordTransfer(tx, null, { kind: 'sale', code, enterpriseId: w.home.enterprise!, at: s.clock.now(), requestKey: `matrix-case-${code}`, party: { orgId: w.home.buyerOrg!, name: '矩阵买方' } }),
  );
  sold.afterCommit();
  await s.trace.projection.drain();
  return (await w.must('enterprise_admin', 'POST', '/api/v1/devices', { productCode: code })).device.id as string;
}
const claimCase = async (w: PositiveWorld) => {
  const c = await w.must('enterprise_staff', 'POST', '/api/v1/cases', { deviceId: await w.once('case-sold-device', () => soldDevice(w)), title: '矩阵质保' });
  if (c.claimStatus !== 'pending') throw new Error(`matrix: the sold unit's case is no warranty claim (${c.claimStatus})`);
  await w.must('enterprise_staff', 'POST', `/api/v1/cases/${c.id}/diagnosis`, { faultCode: 'OTHER', diagnosis: '矩阵' });
  return c.id as string;
};
const sharedDevice = (w: PositiveWorld) => w.once('case-device', () => device(w));
const open = async (w: PositiveWorld) => (await w.must('enterprise_staff', 'POST', '/api/v1/cases', { deviceId: await sharedDevice(w), title: '矩阵工单' })).id as string;
const diagnosed = async (w: PositiveWorld) => {
  const id = await open(w);
  await w.must('enterprise_staff', 'POST', `/api/v1/cases/${id}/diagnosis`, { faultCode: 'OTHER', diagnosis: '矩阵' });
  return id;
};

export const positive: Record<string, Positive> = {
  'POST /api/v1/cases': async (w) => ({ as: 'enterprise_staff', body: { deviceId: await sharedDevice(w), title: '矩阵工单' } }),
  'GET /api/v1/cases': { as: 'enterprise_staff' },
  'GET /api/v1/cases/statistics': { as: 'enterprise_admin' },
  'GET /api/v1/cases/:id': async (w) => ({ as: 'enterprise_staff', params: { id: await w.once('case', () => open(w)) } }),
  'POST /api/v1/cases/:id/diagnosis': async (w) => ({ as: 'enterprise_staff', params: { id: await open(w) }, body: { faultCode: 'OTHER', diagnosis: '矩阵' } }),
  'POST /api/v1/cases/:id/visit': async (w) => ({ as: 'enterprise_staff', params: { id: await diagnosed(w) }, body: { date: '2026-12-06', technician: '矩阵', findings: '矩阵' } }),
  'POST /api/v1/cases/:id/parts': async (w) => ({ as: 'enterprise_staff', params: { id: await diagnosed(w) }, body: { parts: [{ name: '矩阵零件', quantity: 1 }] } }),
  'POST /api/v1/cases/:id/claim': async (w) => ({ as: 'enterprise_admin', params: { id: await claimCase(w) }, body: { decision: 'accepted', reason: '矩阵', costCny: 1 } }),
  'POST /api/v1/cases/:id/rating': async (w) => {
    const id = await claimCase(w);
    await w.must('enterprise_admin', 'POST', `/api/v1/cases/${id}/claim`, { decision: 'rejected', reason: '矩阵' });
    await w.must('enterprise_admin', 'POST', `/api/v1/cases/${id}/conclusion`, { conclusion: '矩阵', outcome: 'no_fault_found' });
    return { as: 'buyer_admin', params: { id }, body: { rating: 4 } };
  },
  'POST /api/v1/cases/:id/commands': async (w) => {
    const c = await w.must('enterprise_staff', 'POST', '/api/v1/cases', { deviceId: await onlineDevice(w), title: '矩阵远程诊断' });
    return { as: 'enterprise_staff', params: { id: c.id }, body: { method: 'getDiagnostics', timeoutSec: 5 } };
  },
  'POST /api/v1/cases/:id/conclusion': async (w) => ({ as: 'enterprise_admin', params: { id: await diagnosed(w) }, body: { conclusion: '矩阵', outcome: 'no_fault_found' } }),
};
