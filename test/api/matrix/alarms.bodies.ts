import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

/** Sample bodies and positive cases of the alarm routes (issue 12 "Alarms", docs/monitoring-alarms.md). */
const quietRule = { model: 'MX-QUIET', key: 'rpm', condition: { op: '>', value: 100_000 }, severity: 'WARNING' };

export function bodies(_w: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/alarm-rules': quietRule,
    'POST /api/v1/alarm-rules/import': [quietRule],
    'PUT /api/v1/alarm-rules/:id': quietRule,
    'DELETE /api/v1/alarm-rules/:id': undefined,
    'POST /api/v1/alarms/:id/ack': undefined,
    'POST /api/v1/alarms/:id/assign': { userId: null },
    'POST /api/v1/alarms/:id/comments': { text: '矩阵' },
    'POST /api/v1/alarms/:id/clear': undefined,
    'POST /api/v1/webhooks': { url: 'https://hooks.example.com/matrix', events: ['alarm.renotified'] },
    'DELETE /api/v1/webhooks/:id': undefined,
  };
}

const rule = (w: PositiveWorld, model = 'MX-QUIET') => w.must('enterprise_admin', 'POST', '/api/v1/alarm-rules', { ...quietRule, model }) as Promise<{ id: string }>;

/** A fresh active alarm of the home enterprise: a device, a rule of its model, one point over the threshold. */
async function alarm(w: PositiveWorld): Promise<string> {
  const core = await w.must('enterprise_staff', 'POST', '/api/v1/trace/steps/intake', { name: '矩阵告警旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } });
  const made = await w.must('enterprise_staff', 'POST', '/api/v1/trace/steps/reassembly', {
    name: '矩阵告警发动机', model: 'MX-ALARM', inputs: [{ epc: core.coreEpc, origin: 'reused', name: '机体', massKg: 10, valueCny: 100 }],
  });
  const dev = await w.must('enterprise_admin', 'POST', '/api/v1/devices', { productCode: made.product.code });
  await w.once('alarm-rule', () => w.must('enterprise_admin', 'POST', '/api/v1/alarm-rules', { model: 'MX-ALARM', key: 'rpm', condition: { op: '>', value: 100 }, severity: 'MINOR' }));
  const auth = `Basic ${Buffer.from(`${dev.credentials.username}:${dev.credentials.password}`).toString('base64')}`;
  const r = await w.call('public', 'POST', `/api/v1/devices/${dev.device.id}/telemetry`, { ts: Date.now() - 1000, values: { rpm: 1500 } }, { authorization: auth });
  if (r.statusCode !== 200) throw new Error(`matrix alarm: ingest ${r.statusCode} ${r.body}`);
  const list = await w.must('enterprise_staff', 'GET', `/api/v1/alarms?deviceId=${dev.device.id}`);
  return list.items[0].id as string;
}
const sharedAlarm = (w: PositiveWorld) => w.once('alarm', () => alarm(w));
const webhook = (w: PositiveWorld) => w.must('enterprise_admin', 'POST', '/api/v1/webhooks', { url: 'https://hooks.example.com/matrix', events: ['alarm.renotified'] }) as Promise<{ id: string }>;

export const positive: Record<string, Positive> = {
  'POST /api/v1/alarm-rules': { as: 'enterprise_admin', body: quietRule },
  'GET /api/v1/alarm-rules': { as: 'enterprise_staff' },
  'GET /api/v1/alarm-rules/export': { as: 'enterprise_staff' },
  'POST /api/v1/alarm-rules/import': { as: 'enterprise_admin', body: [quietRule] },
  'GET /api/v1/alarm-rules/:id': async (w) => ({ as: 'enterprise_staff', params: { id: (await w.once('quiet-rule', () => rule(w))).id } }),
  'PUT /api/v1/alarm-rules/:id': async (w) => ({ as: 'enterprise_admin', params: { id: (await rule(w)).id }, body: { ...quietRule, severity: 'MAJOR' } }),
  'DELETE /api/v1/alarm-rules/:id': async (w) => ({ as: 'enterprise_admin', params: { id: (await rule(w)).id } }),
  'GET /api/v1/alarms': { as: 'enterprise_staff', query: 'status=active' },
  'GET /api/v1/alarms/:id': async (w) => ({ as: 'enterprise_staff', params: { id: await sharedAlarm(w) } }),
  'POST /api/v1/alarms/:id/ack': async (w) => ({ as: 'enterprise_staff', params: { id: await alarm(w) } }),
  'POST /api/v1/alarms/:id/assign': async (w) => {
    const me = await w.must('enterprise_staff', 'GET', '/api/v1/auth/me');
    return { as: 'enterprise_admin', params: { id: await sharedAlarm(w) }, body: { userId: me.user?.id ?? me.id } };
  },
  'POST /api/v1/alarms/:id/comments': async (w) => ({ as: 'enterprise_staff', params: { id: await sharedAlarm(w) }, body: { text: '矩阵评论' } }),
  'POST /api/v1/alarms/:id/clear': async (w) => ({ as: 'enterprise_staff', params: { id: await alarm(w) } }),
  'POST /api/v1/webhooks': { as: 'enterprise_admin', body: { url: 'https://hooks.example.com/matrix', events: ['alarm.renotified'] } },
  'GET /api/v1/webhooks': { as: 'enterprise_admin' },
  'DELETE /api/v1/webhooks/:id': async (w) => ({ as: 'enterprise_admin', params: { id: (await webhook(w)).id } }),
  'GET /api/v1/webhooks/:id/deliveries': async (w) => ({ as: 'enterprise_admin', params: { id: (await webhook(w)).id } }),
};
