import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import mqtt from 'mqtt';
import { onTestFinished } from 'vitest';
import { startMqtt } from '../../../src/server/modules/devices/mqtt.runtime.js';
import { enterpriseAdminCtx } from '../../support/factories.js';
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
    'POST /api/v1/devices/:id/consent': { manufacturerAccess: false },
    'POST /api/v1/devices/:id/commands': { method: 'getDiagnostics' },
    // multipart only: a JSON body is refused for everyone
    'POST /api/v1/devices/bulk': { productCode: foreign.productCode ?? 'RM0000000000000000' },
  };
}

/** A bulk-provisioning workbook of one new product of the home enterprise. */
async function bulkFile(w: PositiveWorld) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('设备接入 Devices');
  ws.addRow(['产品编码 productCode', '设备名称 name', '安装地区代码 regionCode']);
  ws.addRow([await product(w), '矩阵批量设备', '440106']);
  return { files: [{ name: 'devices.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }] };
}

/** A new product of the home enterprise (its code). */
async function product(w: PositiveWorld, model = 'MX-1'): Promise<string> {
  return (await productWithEpc(w, model)).code;
}
async function productWithEpc(w: PositiveWorld, model = 'MX-1'): Promise<{ code: string; epc: string }> {
  const core = await w.must('enterprise_staff', 'POST', '/api/v1/trace/steps/intake', { name: '矩阵设备旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } });
  const made = await w.must('enterprise_staff', 'POST', '/api/v1/trace/steps/reassembly', {
    name: '矩阵联网发动机', model, inputs: [{ epc: core.coreEpc, origin: 'reused', name: '机体', massKg: 10, valueCny: 100 }],
  });
  return { code: made.product.code as string, epc: made.product.epc as string };
}
/** A device of the home enterprise sold (EPCIS capture) to the home buyer organisation: its owner is a buyer. */
async function soldDevice(w: PositiveWorld): Promise<string> {
  const p = await productWithEpc(w);
  const r = await w.must('enterprise_admin', 'POST', '/api/v1/devices', { productCode: p.code });
  const { token } = await w.app.services.identity.createToken(await enterpriseAdminCtx(w.app.services, w.home.enterprise!), 'matrix-sale');
  const to = `urn:reman-platform:party:${w.home.buyerOrg}`;
  const captured = await w.app.inject({
    method: 'POST', url: '/epcis/capture', headers: { authorization: `Bearer ${token}` },
    payload: {
      '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: new Date().toISOString(),
      epcisBody: { eventList: [{ type: 'ObjectEvent', eventID: `urn:uuid:${randomUUID()}`, eventTime: w.app.services.clock.now().toISOString(), eventTimeZoneOffset: '+08:00', epcList: [p.epc], action: 'OBSERVE', bizStep: 'retail_selling', disposition: 'retail_sold', destinationList: [{ type: 'owning_party', destination: to }, { type: 'possessing_party', destination: to }] }] },
    },
  });
  if (captured.statusCode !== 202) throw new Error(`matrix sale capture: ${captured.statusCode} ${captured.body}`);
  await w.app.services.trace.projection.drain();
  return r.device.id as string;
}
/** A device of the home enterprise with its credentials. */
async function device(w: PositiveWorld): Promise<{ id: string; credentials: { username: string; password: string } }> {
  const r = await w.must('enterprise_admin', 'POST', '/api/v1/devices', { productCode: await product(w) });
  return { id: r.device.id, credentials: r.credentials };
}
const shared = (w: PositiveWorld) => w.once('device', () => device(w));

/**
 * A device of the home enterprise connected to a real embedded broker (port 0) and answering its commands, for the
 * remote-command routes; the broker and the device close when the case's test finishes.
 */
export async function onlineDevice(w: PositiveWorld): Promise<string> {
  const d = await device(w);
  const rt = (await startMqtt({ mqtt: w.app.services.mqtt, devices: w.app.services.devices, config: { ...w.app.config, MQTT_URL: undefined, MQTT_PORT: 0, MQTT_HOST: '127.0.0.1' }, log: w.app.log }))!;
  const r = await w.must('enterprise_admin', 'GET', `/api/v1/devices/${d.id}`);
  const c = await mqtt.connectAsync(rt.url, { clientId: r.clientId, username: d.id, password: d.credentials.password, reconnectPeriod: 0 });
  c.on('message', (topic) => void c.publishAsync(topic.replace('/commands/', '/replies/'), '{"ok":true}', { qos: 1 }).catch(() => undefined));
  await c.subscribeAsync(`reman/v1/devices/${d.id}/commands/+`, { qos: 1 });
  onTestFinished(async () => {
    await c.endAsync(true).catch(() => undefined);
    await rt.close();
  });
  return d.id;
}

export const positive: Record<string, Positive> = {
  'POST /api/v1/devices': async (w) => ({ as: 'enterprise_admin', body: { productCode: await product(w), name: '矩阵设备' } }),
  'GET /api/v1/devices': { as: 'enterprise_staff' },
  'GET /api/v1/devices/bulk/template': { as: 'enterprise_admin' },
  'POST /api/v1/devices/bulk': async (w) => ({ as: 'enterprise_admin', form: await bulkFile(w) }),
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
  'GET /api/v1/devices/fleet': { as: 'enterprise_staff' },
  'GET /api/v1/devices/:id/health': async (w) => ({ as: 'enterprise_staff', params: { id: (await shared(w)).id } }),
  'GET /api/v1/devices/:id/stream': async (w) => ({ as: 'enterprise_staff', params: { id: (await shared(w)).id }, query: 'maxSeconds=0' }),
  'GET /api/v1/devices/:id/commands': async (w) => ({ as: 'enterprise_staff', params: { id: (await shared(w)).id } }),
  'GET /api/v1/devices/:id/commands/methods': async (w) => ({ as: 'enterprise_staff', params: { id: (await shared(w)).id } }),
  'POST /api/v1/devices/:id/commands': async (w) => ({ as: 'enterprise_staff', params: { id: await onlineDevice(w) }, body: { method: 'getDiagnostics', timeoutSec: 5 } }),
  'GET /api/v1/devices/:id/commands/:commandId': async (w) => {
    const id = await onlineDevice(w);
    const sent = await w.must('enterprise_admin', 'POST', `/api/v1/devices/${id}/commands`, { method: 'getConfig', timeoutSec: 5 });
    return { as: 'enterprise_staff', params: { id, commandId: sent.id } };
  },
  'POST /api/v1/devices/:id/consent': async (w) => ({ as: 'buyer_admin', params: { id: await soldDevice(w) }, body: { manufacturerAccess: false } }),
  'PUT /api/v1/thing-models/:model': { as: 'enterprise_admin', params: { model: 'MX-1' }, body: { template: 'engine' } },
};
