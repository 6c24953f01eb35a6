/** Devices for the MQTT tests: a product of the trace made by `s`'s enterprise, provisioned by its admin. */
import { expect } from 'vitest';
import type { Session, TestApp } from './app.js';

export interface TestDevice {
  id: string;
  clientId: string;
  username: string;
  password: string;
}

export async function makeProduct(app: TestApp, s: Session, model = 'WD615'): Promise<string> {
  const intake = await app.inject({ method: 'POST', url: '/api/v1/trace/steps/intake', headers: s.headers, payload: { name: '旧发动机', source: { returnedBy: '某运输公司', channel: 'dealer', tradeIn: false } } });
  expect(intake.statusCode, intake.body).toBe(201);
  const r = await app.inject({
    method: 'POST', url: '/api/v1/trace/steps/reassembly', headers: s.headers,
    payload: { name: '再制造柴油发动机', model, inputs: [{ epc: intake.json().coreEpc, origin: 'reused', name: '机体', massKg: 300, valueCny: 20000 }] },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().product.code as string;
}

export async function makeDevice(app: TestApp, admin: Session, model = 'WD615'): Promise<TestDevice> {
  const code = await makeProduct(app, admin, model);
  const r = await app.inject({ method: 'POST', url: '/api/v1/devices', headers: admin.headers, payload: { productCode: code } });
  expect(r.statusCode, r.body).toBe(201);
  const { device, credentials } = r.json();
  return { id: device.id, ...credentials };
}
