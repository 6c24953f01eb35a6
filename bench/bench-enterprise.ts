import { randomUUID } from 'node:crypto';
import type { Services } from '../src/server/app.js';
import { principalOf } from '../src/server/modules/identity/identity.service.js';
import type { RequestContext } from '../src/server/platform/principal.js';

/** A registered enterprise in 广州 with its admin, for a benchmark's captures (one place for the three EPCIS benches). */
export async function benchEnterprise(s: Services, opCtx: RequestContext, label: string): Promise<{ id: string; ctx: RequestContext }> {
  const e = await s.enterprises.create(opCtx, {
    name: `基准测试再制造企业${label}${randomUUID().slice(0, 6)}`, creditCode: `91440106MA${randomUUID().replace(/-/g, '').slice(0, 7).toUpperCase()}X`, regionCode: '440106',
    address: '广州', legalRepresentative: '某', contactName: '某', contactPhone: '020-12345678', enterpriseType: 'private', listingStatus: 'none', confirmCreditCodeOverride: true,
  } as never);
  const admin = await s.identity.createUserAsOperator({ username: `bench-ent-${randomUUID().slice(0, 8)}`, displayName: 'bench', role: 'enterprise_admin', organizationId: e.id, password: 'Bench-pass-2026', mustChangePassword: false });
  return { id: e.id, ctx: { principal: principalOf(admin, null), ip: '127.0.0.1', requestId: 'bench' } };
}
