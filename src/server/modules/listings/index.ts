/** What the listings module offers other modules: the service type and the seller-quality shape shown on listings. */
export type { ListingService, QualitySource } from './listings.service.js';
export { SellerQualitySchema, type SellerQuality } from './listings.schema.js';
export { listingsSearchBackfill } from './listings.repo.js';
