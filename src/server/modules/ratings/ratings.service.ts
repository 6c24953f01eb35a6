import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { PublicCache } from '../../platform/public-cache.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { SellerQuality } from '../listings/index.js';
import { ratingPolicy } from './ratings.policy.js';
import { ratingRepo } from './ratings.repo.js';
import type { RateOrderInput } from './ratings.schema.js';

/** What ratings use of orders (orders/index.ts `createOrderMarket`). */
export interface OrdersForRatings {
  lockForRating(tx: Db, p: Principal | null, id: string): Promise<{ enterpriseId: string; orderId: string; buyerOrgId: string; listingId: string; units: number; status: string }>;
  /** 404 unless the caller may read the order (its two parties and MIIT) */
  assertReadable(p: Principal | null, id: string): Promise<void>;
  unitsDelivered(enterpriseIds: string[]): Promise<Map<string, number>>;
  listingOf(id: string): Promise<string | null>;
}
export interface RatingsDeps {
  db: Db;
  clock: Clock;
  orders: OrdersForRatings;
  listings: { fieldsOf(ids: string[]): Promise<{ id: string; product_name: string; model: string | null }[]> };
  /** warranty claims per enterprise (the cases module's service) */
  claims: { claimsByEnterprise(ids: string[]): Promise<Map<string, { claims: number; claimsAccepted: number }>> };
  publicCache: PublicCache;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const TTL_MS = 60_000;

/**
 * Quality feedback (issue 13): once an order is accepted (验收) its buyer rates the delivered units and the seller,
 * 1–5 each with a text, once per order (primary key → 409), audited. Per seller: the ratings and the warranty-claim
 * rate (claims from the cases module ÷ units delivered through the market), shown on the market's listings.
 */
export function createRatingService({ db, clock, orders, listings, claims, publicCache }: RatingsDeps) {
  const cache = new Map<string, { q: SellerQuality; at: number }>();

  const service = {
    async rate(ctx: RequestContext, orderId: string, input: RateOrderInput) {
      const listingId = await orders.listingOf(orderId); // the product's name, read before the transaction (reference data)
      const product = listingId ? (await listings.fieldsOf([listingId]))[0] : undefined;
      const now = clock.now();
      const enterpriseId = await db.transaction(async (tx) => {
        const o = await orders.lockForRating(tx, ctx.principal, orderId);
        authorize(ctx.principal, ratingPolicy, 'create', o);
        if (o.status !== 'accepted') throw errors.conflict('ORDER_NOT_ACCEPTED', `订单当前状态为 ${o.status}，验收后才能评价`, `The order is ${o.status}; it is rated after acceptance`, { status: o.status });
        const ok = await ratingRepo.insert(tx, {
          enterprise_id: o.enterpriseId, order_id: o.orderId, buyer_org_id: o.buyerOrgId, product_name: product?.product_name ?? '', model: product?.model ?? null, units: o.units,
          unit_score: input.unitScore, seller_score: input.sellerScore, comment: input.comment ?? '', created_by: ctx.principal?.kind === 'user' ? ctx.principal.userId : null,
        }, now);
        if (!ok) throw errors.conflict('ALREADY_RATED', '该订单已评价，每个订单只能评价一次', 'This order is rated already; an order is rated once', { orderId });
        await recordAudit(tx, ctx, { action: 'order.rated', objectType: 'order', objectId: o.orderId, enterpriseId: o.enterpriseId, change: input });
        return o.enterpriseId;
      });
      cache.delete(enterpriseId);
      publicCache.invalidate('listings'); // the market's cards show the seller's figures
      return (await ratingRepo.ofOrder(db, orderId))!;
    },

    /**
     * The rating of an order, for those who read the order: its two parties and MIIT (anyone else 404, as for the
     * order itself). The public sees ratings per seller, never per order.
     */
    async ofOrder(p: Principal | null, orderId: string) {
      await orders.assertReadable(p, orderId);
      return ratingRepo.ofOrder(db, orderId);
    },

    async sellerRatings(enterpriseId: string, page: Page) {
      const [{ rows, total }, q] = await Promise.all([ratingRepo.page(db, enterpriseId, page.pageSize, offsetOf(page)), service.ofEnterprises([enterpriseId])]);
      return { rows, total, quality: q.get(enterpriseId)! };
    },

    /** Quality figures of some sellers (cached a minute per seller; a new rating drops its seller's). */
    async ofEnterprises(ids: string[]): Promise<Map<string, SellerQuality>> {
      const out = new Map<string, SellerQuality>();
      const missing: string[] = [];
      for (const id of new Set(ids)) {
        const c = cache.get(id);
        if (c && Date.now() - c.at < TTL_MS) out.set(id, c.q);
        else missing.push(id);
      }
      if (!missing.length) return out;
      const [sum, units, cl] = await Promise.all([ratingRepo.summary(db, missing), orders.unitsDelivered(missing), claims.claimsByEnterprise(missing)]);
      const byId = new Map(sum.map((s) => [s.enterprise_id, s]));
      for (const id of missing) {
        const s = byId.get(id);
        const u = units.get(id) ?? 0;
        const c = cl.get(id) ?? { claims: 0, claimsAccepted: 0 };
        const q: SellerQuality = {
          ratings: s?.n ?? 0,
          meanUnitScore: s ? round1(Number(s.unit)) : null,
          meanSellerScore: s ? round1(Number(s.seller)) : null,
          unitsDelivered: u,
          warrantyClaims: c.claims,
          claimsAccepted: c.claimsAccepted,
          claimRatePct: u > 0 ? round1((c.claims / u) * 100) : null,
        };
        cache.set(id, { q, at: Date.now() });
        out.set(id, q);
      }
      return out;
    },
  };
  return service;
}
export type RatingService = ReturnType<typeof createRatingService>;
