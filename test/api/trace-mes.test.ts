/**
 * The projection is fed by ANY captured event: an MES captures a core's life through /epcis with its API token,
 * binding its own prefix ("rm:") to the platform's namespace; the product, its code, rates and genealogy
 * appear; an error declaration of the reassembly removes it from genealogy and revokes the code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mesDocument } from './trace-fixtures.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, enterpriseAdminCtx, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let token: Record<string, string>;
let ent: Session;
const core = 'urn:epc:id:sgtin:6901234.012345.C001';
const parts = ['urn:epc:id:sgtin:6901234.012346.P1', 'urn:epc:id:sgtin:6901234.012346.P2'];
const product = 'https://id.gs1.org/01/06901234000016/21/MES0001';
const lot = 'urn:epc:class:lgtin:6901234.012347.LOTX';
const doc = mesDocument;
const assembly = {
  type: 'TransformationEvent',
  eventID: 'urn:uuid:40000000-0000-4000-8000-000000000003',
  eventTime: '2026-04-03T08:00:00Z',
  eventTimeZoneOffset: '+08:00',
  inputEPCList: parts,
  inputQuantityList: [{ epcClass: lot, quantity: 4 }],
  outputEPCList: [product],
  bizStep: 'assembling',
  disposition: 'urn:reman-platform:voc:disp:remanufactured',
  ilmd: { 'rm:productName': 'MES 再制造发动机', 'rm:standardNo': 'GB/T 28672-2012', 'rm:warrantyMonths': 18 },
  'rm:inputs': [
    { epc: parts[0], origin: 'reused', massKg: 300, valueCny: 20000 },
    { epc: parts[1], origin: 'remanufactured', massKg: 120, valueCny: 18000 },
    { epcClass: lot, origin: 'new', massKg: 20, valueCny: 3000, quantity: 4 },
  ],
};

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  const e = await buildEnterprise(app.services, { regionCode: '440106' });
  const { token: t } = await app.services.identity.createToken(await enterpriseAdminCtx(app.services, e.id), 'MES');
  token = { authorization: `Bearer ${t}` };
  ent = await login(app, (await buildUser(app.services, 'enterprise_admin', { organizationId: e.id })).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

describe('an MES through /epcis', () => {
  it('its events create the product, code, rates and genealogy', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/epcis/capture',
      headers: token,
      payload: doc([
        { type: 'ObjectEvent', eventID: 'urn:uuid:40000000-0000-4000-8000-000000000001', eventTime: '2026-04-01T08:00:00Z', eventTimeZoneOffset: '+08:00', epcList: [core], action: 'OBSERVE', bizStep: 'receiving', disposition: 'returned' },
        { type: 'TransformationEvent', eventID: 'urn:uuid:40000000-0000-4000-8000-000000000002', eventTime: '2026-04-02T08:00:00Z', eventTimeZoneOffset: '+08:00', inputEPCList: [core], outputEPCList: parts, bizStep: 'disassembling' },
        assembly,
      ]),
    });
    expect(r.statusCode, r.body).toBe(202);
    const list = (await app.inject({ method: 'GET', url: '/api/v1/trace/products', headers: ent.headers })).json();
    expect(list.total).toBe(1);
    const p = list.items[0];
    expect(p).toMatchObject({ epc: product, gtin: '06901234000016', digitalLink: product, name: 'MES 再制造发动机', warrantyMonths: 18, massRate: 84, valueRate: 76, life: 1, status: 'issued' });
    const up = (await app.inject({ method: 'GET', url: `/api/v1/trace/${p.code}?direction=up`, headers: ent.headers })).json();
    expect(up.nodes.map((n: { key: string }) => n.key).sort()).toEqual([core, lot, product, ...parts].sort());
    expect(up.nodes.find((n: { key: string }) => n.key === core).kind).toBe('core');
    expect(up.nodes.find((n: { key: string }) => n.key === lot).kind).toBe('lot');
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/products/${encodeURIComponent(product)}` })).json().genuine).toBe(true);
  });

  it('an error declaration of the reassembly takes it out of genealogy and revokes the code', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/epcis/capture',
      headers: token,
      payload: doc([{ ...assembly, errorDeclaration: { declarationTime: '2026-04-05T08:00:00Z', reason: 'incorrect_data' } }]),
    });
    expect(r.statusCode, r.body).toBe(202);
    const down = (await app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent(lot)}?direction=down`, headers: ent.headers })).json();
    expect(down.nodes.map((n: { key: string }) => n.key)).toEqual([lot]);
    const pub = (await app.inject({ method: 'GET', url: `/api/v1/public/products/${encodeURIComponent(product)}` })).json();
    expect(pub).toMatchObject({ genuine: false, status: 'revoked' });
  });
});
