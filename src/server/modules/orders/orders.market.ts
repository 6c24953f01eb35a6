import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { errors } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';
import { orderPolicy } from './orders.policy.js';
import { orderRepo } from './orders.repo.js';
import { subjectOf } from './orders.service.js';

/**
 * What the orders module offers the quality feedback and the market statistics (issue 13): stateless reads of its
 * own tables, handed to those modules in app.ts.
 */
export function createOrderMarket({ db }: { db: Db }) {
  return {
    /**
     * Inside the rating's transaction: the order locked and readable by the caller (else 404). What the rating
     * records of it, with its state; who may rate it is the ratings policy's rule, when (验收) the rating's.
     */
    async lockForRating(tx: Db, p: Principal | null, id: string) {
      const o = await orderRepo.lock(tx, id);
      if (!o) throw errors.notFound('订单', 'Order');
      const subject = subjectOf(o);
      authorize(p, orderPolicy, 'read', subject);
      return { enterpriseId: o.enterprise_id, orderId: o.id, buyerOrgId: o.buyer_org_id, listingId: o.listing_id, units: o.quantity, status: o.status };
    },
    /** Whether the caller may read the order (its seller's and buyer's users, MIIT): else 404, as for the order itself. */
    async assertReadable(p: Principal | null, id: string) {
      const o = await orderRepo.get(db, id);
      if (!o) throw errors.notFound('订单', 'Order');
      authorize(p, orderPolicy, 'read', subjectOf(o));
    },
    /** The listing an order was placed on (reference data read before a rating's transaction). */
    async listingOf(id: string) {
      return (await orderRepo.get(db, id))?.listing_id ?? null;
    },
    /** An order's seller, buyer and state (insurance recorded at a sale checks its order). */
    async order(id: string) {
      const o = await orderRepo.get(db, id);
      return o ? { enterpriseId: o.enterprise_id, buyerOrgId: o.buyer_org_id, status: o.status } : null;
    },
    aggregates: (enterpriseIds: string[] | null, from: Date, to: Date) => orderRepo.aggregates(db, enterpriseIds, from, to),
    async unitsDelivered(enterpriseIds: string[]) {
      return new Map((await orderRepo.unitsDelivered(db, enterpriseIds)).map((r) => [r.enterprise_id, r.units]));
    },
  };
}
export type OrderMarket = ReturnType<typeof createOrderMarket>;
