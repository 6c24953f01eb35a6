import type { RemanField } from '../../../domain/enterprise.js';
import { regionName } from '../../../domain/regions.js';
import { savingVsNew } from '../../../domain/trading/listing.js';
import { allowedActions } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { snippet } from '../../platform/search/segment.js';
import { listingPolicy } from './listings.policy.js';
import type { SellerQuality } from './listings.schema.js';
import type { ListingRow, UnitRow } from './listings.repo.js';

const num = (v: string | number | null) => (v === null ? null : Number(v));
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export interface ListingCard {
  row: ListingRow;
  firstCode: string;
  unitsAvailable: number;
  enterpriseName: string;
  announced: boolean;
  quality: SellerQuality | null;
}

/** A listing as the market shows it (no buyer data ever). */
export function presentListing(c: ListingCard, terms: readonly string[] = []) {
  const r = c.row;
  const price = Number(r.price_cny);
  const ref = num(r.new_reference_price_cny);
  return {
    id: r.id,
    title: r.title,
    priceCny: price,
    newReferencePriceCny: ref,
    savingVsNew: savingVsNew(price, ref),
    status: r.status,
    statusReason: r.status_reason,
    productCode: c.firstCode,
    productName: r.product_name,
    model: r.model,
    field: (r.field as RemanField | null) ?? null,
    unitsAvailable: c.unitsAvailable,
    enterprise: { id: r.enterprise_id, name: c.enterpriseName, announced: c.announced, regionCode: r.region_code, regionName: regionName(r.region_code), quality: c.quality },
    rates: { massRate: r.mass_rate, valueRate: r.value_rate },
    life: r.life,
    warrantyMonths: r.warranty_months,
    snippet: terms.length ? snippet(`${r.title} ${r.description}`, terms) : null,
    createdAt: iso(r.created_at),
  };
}

export function presentListingDetail(p: Principal | null, d: ListingCard & { units: UnitRow[]; verified: unknown }) {
  return {
    ...presentListing(d),
    description: d.row.description,
    units: d.units.map((u) => ({ productCode: u.product_code, status: u.status })),
    verified: d.verified as never,
    actions: allowedActions(p, listingPolicy, { enterpriseId: d.row.enterprise_id, status: d.row.status }),
  };
}
