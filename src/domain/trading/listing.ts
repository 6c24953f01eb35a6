/**
 * Listing rules (issue 13 "Listings"): price bounds, the price compared with a new product's reference price.
 */

/** Prices are CNY with two decimals; above this a price is a typing error, not a remanufactured unit. */
export const MAX_PRICE_CNY = 100_000_000;
export const MAX_UNITS_PER_LISTING = 200;
export const MAX_WARRANTY_MONTHS = 120;

export const LISTING_STATUS_VALUES = ['active', 'sold', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUS_VALUES)[number];
export const UNIT_STATUS_VALUES = ['available', 'reserved', 'sold', 'withdrawn'] as const;
export type UnitStatus = (typeof UNIT_STATUS_VALUES)[number];

/** Round to fen (two decimals), as stored in numeric(14,2). */
export const toFen = (cny: number) => Math.round(cny * 100) / 100;

/** Share of the new product's reference price the buyer saves (0.35 = 35 % below new), or null. */
export function savingVsNew(priceCny: number, newReferencePriceCny: number | null | undefined): number | null {
  if (!newReferencePriceCny || newReferencePriceCny <= 0) return null;
  return Math.round((1 - priceCny / newReferencePriceCny) * 1000) / 1000;
}

/** Why a product may not be listed, from its public verification status (trace). */
export function unlistableReason(status: string): { zh: string; en: string } | null {
  switch (status) {
    case 'issued':
      return null;
    case 'recalled':
      return { zh: '该产品已召回，不能上架', en: 'The product is recalled and cannot be listed' };
    case 'revoked':
      return { zh: '该产品编码已作废，不能上架', en: 'The product code is revoked and cannot be listed' };
    case 'superseded':
      return { zh: '该产品已再制造为新产品，原编码不能上架', en: 'The unit was remanufactured into a new product; the old code cannot be listed' };
    case 'disassembled':
      return { zh: '该产品已作为旧件拆解，不能上架', en: 'The unit was taken in as a core and disassembled' };
    default:
      return { zh: `该产品状态为 ${status}，不能上架`, en: `The product is ${status} and cannot be listed` };
  }
}
