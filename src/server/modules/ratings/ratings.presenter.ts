import type { RatingRow } from './ratings.repo.js';

/** A rating as shown (never the buyer organisation or the user). */
export const presentRating = (r: RatingRow) => ({
  orderId: r.order_id,
  enterpriseId: r.enterprise_id,
  productName: r.product_name,
  model: r.model,
  units: r.units,
  unitScore: r.unit_score,
  sellerScore: r.seller_score,
  comment: r.comment,
  createdAt: new Date(r.created_at).toISOString(),
});
