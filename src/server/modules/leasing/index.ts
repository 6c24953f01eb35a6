/** What the leasing module offers other modules: the service (wired in app.ts). */
export type { LeasingService } from './leasing.service.js';
import type { Db } from '../../db/client.js';
import { leaseRepo } from './leasing.repo.js';
/**
 * Whether a unit has a live lease, read inside the caller's transaction after it took the unit's trade lock
 * (platform/trade-unit-lock.ts): the listings module refuses to list such a unit. A plain read of this module's own
 * table, so app.ts can hand it to listings, which is built before leasing.
 */
export const unitLeased = (tx: Db, enterpriseId: string, code: string) => leaseRepo.unitLeased(tx, enterpriseId, code);
/** A lease's lessor enterprise, lessee, state and unit (insurance recorded at a lease checks its lease). */
export async function leaseOf(db: Db, id: string) {
  const l = await leaseRepo.get(db, id);
  return l ? { enterpriseId: l.enterprise_id, lesseeOrgId: l.lessee_org_id, status: l.status as string, productCode: l.product_code } : null;
}
