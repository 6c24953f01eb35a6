/**
 * 保险 demo (issue 13, docs/trading.md "Insurance"): an insurer with its own logins and a claim waiting for it.
 *
 * - 京华财产保险股份有限公司 (a fictitious insurer: a registered organisation of kind insurer) with the logins
 *   `insurer` (insurer_admin) and `insurer-staff` (insurer_staff), password = the demo password.
 * - 青岛海岸 records the quality insurance of the 液压主泵 it leases to 北京华建 (the trading demo's lease: a leased unit
 *   has no sale warranty), covering the lease's year; the lessee reports a fault on the unit, so the case is routed to
 *   the insurer: its home page shows one claim to decide.
 * Runs after the trading demo (the lease) and is skipped when that lease is not there.
 */
import { makeCreditCode } from '../../domain/credit-code.js';
import { addMonths } from '../../domain/trading/lease.js';
import { DEMO_PASSWORD } from '../demo.js';
import { principalOf } from '../modules/identity/identity.service.js';
import type { RequestContext } from '../platform/principal.js';
import type { DemoWorld } from './world.js';

export const DEMO_INSURER_ORG = '京华财产保险股份有限公司';
export const DEMO_INSURER_LOGINS = { admin: 'insurer', staff: 'insurer-staff' } as const;
export const DEMO_INSURER_CREDIT_CODE = makeCreditCode('110102', 'MA01JHBX6');

export async function seedInsuranceDemo(w: DemoWorld) {
  const s = w.services;
  const miitCtx: RequestContext = { principal: principalOf(w.miit, null), ip: '127.0.0.1', requestId: 'demo-seed' };
  const org = await s.buyers.createOrgAsOperator(miitCtx, { orgName: DEMO_INSURER_ORG, creditCode: DEMO_INSURER_CREDIT_CODE, contactName: '孙保全', phone: '010-6618 6600', kind: 'insurer' });
  for (const [username, displayName, role] of [
    [DEMO_INSURER_LOGINS.admin, '京华财险 孙保全', 'insurer_admin'],
    [DEMO_INSURER_LOGINS.staff, '京华财险 理赔员', 'insurer_staff'],
  ] as const) {
    await s.identity.createUserAsOperator({ username, displayName, role, organizationId: org.id, password: DEMO_PASSWORD, mustChangePassword: false }, { demoSeed: true });
  }

  const admin = w.admins.qd;
  if (!admin) return;
  const qd: RequestContext = { principal: principalOf(admin, null), ip: '127.0.0.1', requestId: 'demo-seed' };
  const lease = (await s.leasing.list(qd.principal, 'active', { page: 1, pageSize: 1 })).rows[0];
  if (!lease) return;
  await s.insurance.record(qd, {
    leaseId: lease.id, insurerCreditCode: DEMO_INSURER_CREDIT_CODE, policyNumber: 'JHBX-ZL-2026-0001', coverCny: 30_000, premiumCny: 900,
    coverage: '租赁期内液压主泵的质量故障维修与更换费用', startsOn: lease.start_on, endsOn: addMonths(lease.start_on, lease.months),
  });
  // the unit is connected, and a fault on it opens a case: outside any sale warranty, inside the cover → the insurer's claim
  const { device } = await s.devices.provision(qd, { productCode: lease.product_code, name: '华建租赁 挖掘机液压主泵' });
  await s.cases.open(qd, { deviceId: device.id, title: '液压主泵压力波动、异响', description: '承租方报告：满载时主泵出口压力波动约 3 MPa，伴随异响。' });
}
