import { definePolicy, deny } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';

/** What the rules need of a listing. */
export interface ListingSubject {
  enterpriseId: string;
  status: string;
}

const ownSeller = (p: Principal, l: ListingSubject) =>
  (p.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId === l.enterpriseId);

/**
 * Listings: anyone reads an active or sold listing (the public market); the seller's own users manage theirs;
 * MIIT reads all (market supervision). Buyers order through the orders module (orders.policy.ts).
 */
export const listingPolicy = definePolicy<ListingSubject>()(
  'listing',
  {
    read: (p, l) => ownSeller(p, l) || (p.kind === 'user' && (p.role === 'ministry_admin' || p.role === 'ministry_officer')),
    withdraw: (p, l) => ownSeller(p, l) && l.status === 'active',
    order: (p, l) => p.kind === 'user' && (p.role === 'buyer_admin' || p.role === 'buyer_staff') && l.status === 'active',
  },
  { hidden: ['read'], public: { read: (l) => l.status !== 'withdrawn' }, objectName: ['商品', 'Listing'] },
);

/** The enterprise whose listings the caller manages (enterprise users), or null. */
export function sellerEnterprise(p: Principal | null): string | null {
  return p?.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') ? p.enterpriseId : null;
}

/** Whose listings a caller manages as a whole (no listing row yet): its enterprise's (enterprise users), all (MIIT). */
export interface ListingBook {
  enterpriseId: string | null;
  all: boolean;
}
export const listingBookOf = (p: Principal | null): ListingBook => ({
  enterpriseId: sellerEnterprise(p),
  all: p?.kind === 'user' && (p.role === 'ministry_admin' || p.role === 'ministry_officer'),
});

/** Listing units (a remanufacturing enterprise's users, of their own products) and the sellers' list (theirs; MIIT all). */
export const listingBookPolicy = definePolicy<ListingBook>()('listing_book', {
  create: (_p, b) => !!b.enterpriseId || deny('只有再制造企业可以发布商品', 'Only remanufacturing enterprises list products'),
  list: (_p, b) => !!b.enterpriseId || b.all,
});
