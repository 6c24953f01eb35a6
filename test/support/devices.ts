/** Devices for the MQTT tests: a product of the trace made by `s`'s enterprise, provisioned by its admin. */
import { expect } from 'vitest';
import { login, type Session, type TestApp } from './app.js';
import { buildBuyer, buildEnterprise, buildUser, TEST_PASSWORD } from './factories.js';

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

/** Resolves when the remote command is settled (reply, failure, timeout): the service's event, or at once when it is already. */
export function commandSettled(app: TestApp, id: string): Promise<{ id: string; state: string; error: string | null; reply: unknown }> {
  return new Promise((resolve) => {
    app.services.commands.onSettled((c) => c.id === id && resolve(c));
    void app.database.raw.query<{ id: string; state: string; error: string | null; reply: unknown }>('SELECT id, state, error, reply FROM device_commands WHERE id = $1', [id]).then((q) => {
      if (q.rows[0] && q.rows[0].state !== 'sent') resolve(q.rows[0]);
    });
  });
}

/**
 * The parties of the monitoring tests: a maker in 广东 (admin, staff), an owner enterprise in 江苏, a stranger in 山东 and
 * a buyer organisation — each signed in.
 */
export async function monitoringCast(app: TestApp) {
  const s = app.services;
  const [maker, other, foreign] = [await buildEnterprise(s, { regionCode: '440106' }), await buildEnterprise(s, { regionCode: '320505' }), await buildEnterprise(s, { regionCode: '370102' })];
  const as = async (role: 'enterprise_admin' | 'enterprise_staff', organizationId: string) => login(app, (await buildUser(s, role, { organizationId })).username, TEST_PASSWORD);
  const b = await buildBuyer(s);
  return {
    makerId: maker.id,
    ownerId: other.id,
    buyerOrgId: b.org.id,
    admin: await as('enterprise_admin', maker.id),
    staff: await as('enterprise_staff', maker.id),
    owner: await as('enterprise_admin', other.id),
    stranger: await as('enterprise_admin', foreign.id),
    buyer: await login(app, b.user.username, TEST_PASSWORD),
  };
}
