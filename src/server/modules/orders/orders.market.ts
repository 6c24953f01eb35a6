import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { errors } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';
import { orderPolicy, sideOf } from './orders.policy.js';
import { orderRepo } from './orders.repo.js';
import { subjectOf } from './orders.service.js';

/**
 * What the orders module offers the quality feedback and the market statistics (issue 13): stateless reads of its
 * own tables, handed to those modules in app.ts.
 */
export function createOrderMarket({ db }: { db: Db }) {
  return {
    /**
     * Inside the rating's transaction: the order locked, readable by the caller, the caller its buyer, and accepted
     * (验收) — 409 otherwise. What the rating records of it.
     */
    async lockForRating(tx: Db, p: Principal | null, id: string) {
      const o = await orderRepo.lock(tx, id);
      if (!o) throw errors.notFound('订单', 'Order');
      const subject = subjectOf(o);
      authorize(p, orderPolicy, 'read', subject);
      if (sideOf(p, subject) !== 'buyer') throw errors.forbidden('只有本订单的采购单位可以评价', 'Only the buyer of this order rates it');
      if (o.status !== 'accepted') throw errors.conflict('ORDER_NOT_ACCEPTED', `订单当前状态为 ${o.status}，验收后才能评价`, `The order is ${o.status}; it is rated after acceptance`, { status: o.status });
      return { enterpriseId: o.enterprise_id, orderId: o.id, buyerOrgId: o.buyer_org_id, listingId: o.listing_id, units: o.quantity };
    },
    /** The listing an order was placed on (reference data read before a rating's transaction). */
    async listingOf(id: string) {
      return (await orderRepo.get(db, id))?.listing_id ?? null;
    },
    aggregates: (enterpriseIds: string[] | null, from: Date, to: Date) => orderRepo.aggregates(db, enterpriseIds, from, to),
    async unitsDelivered(enterpriseIds: string[]) {
      return new Map((await orderRepo.unitsDelivered(db, enterpriseIds)).map((r) => [r.enterprise_id, r.units]));
    },
  };
}
export type OrderMarket = ReturnType<typeof createOrderMarket>;
