import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

/** Sample bodies and positive cases of the MQTT routes (issue 12 "Ingest", docs/monitoring.md §Ingest). */
export function bodies({ foreign }: MatrixWorld): Record<string, unknown> {
  // the broker endpoints: without MQTT_AUTH_SECRET (the matrix app) every answer is "deny" — never a grant
  const user = foreign.deviceId ?? '00000000-0000-4000-8000-000000000000';
  return {
    'POST /api/v1/mqtt/auth': { username: user, password: 'dev_x', clientid: `reman-${user}` },
    'POST /api/v1/mqtt/superuser': { username: user },
    'POST /api/v1/mqtt/acl': { username: user, clientid: `reman-${user}`, topic: `reman/v1/devices/${user}/telemetry`, acc: 2 },
  };
}

async function device(w: PositiveWorld): Promise<string> {
  const core = await w.must('enterprise_staff', 'POST', '/api/v1/trace/steps/intake', { name: '矩阵MQTT旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } });
  const made = await w.must('enterprise_staff', 'POST', '/api/v1/trace/steps/reassembly', {
    name: '矩阵MQTT发动机', model: 'MQ-1', inputs: [{ epc: core.coreEpc, origin: 'reused', name: '机体', massKg: 10, valueCny: 100 }],
  });
  const r = await w.must('enterprise_admin', 'POST', '/api/v1/devices', { productCode: made.product.code });
  return r.device.id as string;
}

export const positive: Record<string, Positive> = {
  'GET /api/v1/devices/:id/attributes': async (w) => ({ as: 'enterprise_staff', params: { id: await w.once('mqtt-device', () => device(w)) } }),
  'POST /api/v1/mqtt/auth': { as: 'public', body: { username: 'nobody', password: 'x' } },
  'POST /api/v1/mqtt/superuser': { as: 'public', body: { username: 'nobody' } },
  'POST /api/v1/mqtt/acl': { as: 'public', body: { username: 'nobody', topic: 'reman/v1/devices/x/telemetry', action: 'publish' } },
};
