import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

/** Sample bodies and positive cases of the devices and telemetry routes (issue 12, docs/monitoring.md). */
export function bodies({ foreign }: MatrixWorld): Record<string, unknown> {
  return {
    // the foreign enterprise's product: provisioning it must fail for everyone else
    'POST /api/v1/devices': { productCode: foreign.productCode ?? 'RM0000000000000000' },
    'POST /api/v1/devices/:id/credentials': undefined,
    'POST /api/v1/devices/:id/revoke': undefined,
    'POST /api/v1/devices/:id/telemetry': { ts: Date.now(), values: { rpm: 1 } },
    'PUT /api/v1/thing-models/:model': { template: 'engine' },
  };
}

/** A new product of the home enterprise (its code). */
async function product(w: PositiveWorld, model = 'MX-1'): Promise<string> {
  const core = await w.must('enterprise_staff', 'POST', '/api/v1/trace/steps/intake', { name: '矩阵设备旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } });
  const made = await w.must('enterprise_staff', 'POST', '/api/v1/trace/steps/reassembly', {
    name: '矩阵联网发动机', model, inputs: [{ epc: core.coreEpc, origin: 'reused', name: '机体', massKg: 10, valueCny: 100 }],
  });
  return made.product.code as string;
}
/** A device of the home enterprise with its credentials. */
async function device(w: PositiveWorld): Promise<{ id: string; credentials: { username: string; password: string } }> {
  const r = await w.must('enterprise_admin', 'POST', '/api/v1/devices', { productCode: await product(w) });
  return { id: r.device.id, credentials: r.credentials };
}
const shared = (w: PositiveWorld) => w.once('device', () => device(w));

export const positive: Record<string, Positive> = {
  'POST /api/v1/devices': async (w) => ({ as: 'enterprise_admin', body: { productCode: await product(w), name: '矩阵设备' } }),
  'GET /api/v1/devices': { as: 'enterprise_staff' },
  'GET /api/v1/devices/summary': { as: 'authority_reviewer' },
  'GET /api/v1/devices/:id': async (w) => ({ as: 'enterprise_staff', params: { id: (await shared(w)).id } }),
  'GET /api/v1/devices/:id/telemetry': async (w) => ({ as: 'enterprise_staff', params: { id: (await shared(w)).id }, query: 'points=100' }),
  'GET /api/v1/devices/:id/latest': async (w) => ({ as: 'enterprise_staff', params: { id: (await shared(w)).id } }),
  'POST /api/v1/devices/:id/credentials': async (w) => ({ as: 'enterprise_admin', params: { id: (await device(w)).id } }),
  'POST /api/v1/devices/:id/revoke': async (w) => ({ as: 'enterprise_admin', params: { id: (await device(w)).id } }),
  'POST /api/v1/devices/:id/telemetry': async (w) => {
    const d = await device(w);
    const auth = `Basic ${Buffer.from(`${d.credentials.username}:${d.credentials.password}`).toString('base64')}`;
    return { as: 'public', params: { id: d.id }, headers: { authorization: auth }, body: { ts: Date.now(), values: { rpm: 1500 } } };
  },
  'GET /api/v1/thing-models': { as: 'enterprise_staff' },
  'PUT /api/v1/thing-models/:model': { as: 'enterprise_admin', params: { model: 'MX-1' }, body: { template: 'engine' } },
};
