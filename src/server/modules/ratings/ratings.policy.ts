import { definePolicy, deny } from '../../platform/authorize.js';

/** What the rules need of the order a rating is given on. */
export interface RatedOrderSubject {
  buyerOrgId: string;
}

/**
 * Quality feedback (issue 13): the buyer organisation of an order rates it — its users, nobody else (the seller, MIIT
 * and other buyers read the order or the public figures but do not rate). Reading a rating is public (without the
 * buyer); the order's own read rule (orders.policy.ts) hides an order the caller may not read (404) before this one.
 * Rules say who; when (after 验收, once) is the ratings service's check.
 */
export const ratingPolicy = definePolicy<RatedOrderSubject>()('rating', {
  create: (p, o) =>
    (p.kind === 'user' && (p.role === 'buyer_admin' || p.role === 'buyer_staff') && !!p.buyerOrgId && p.buyerOrgId === o.buyerOrgId) ||
    deny('只有本订单的采购单位可以评价', 'Only the buyer of this order rates it'),
});
