import type { EnterpriseType, ListingStatus } from '../../../domain/enterprise.js';
import { regionName } from '../../../domain/regions.js';
import type { AuthorityService } from '../authorities/authorities.service.js';
import type { EnterpriseListRow, SiteRow } from './enterprises.repo.js';

export async function presentEnterprise(authorities: AuthorityService, e: EnterpriseListRow) {
  const authority = await authorities.get(e.authorityId);
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    creditCodeOverride: e.creditCodeOverride,
    regionCode: e.regionCode,
    regionName: regionName(e.regionCode),
    address: e.address,
    postalCode: e.postalCode,
    website: e.website,
    legalRepresentative: e.legalRepresentative,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    contactEmail: e.contactEmail,
    enterpriseType: e.enterpriseType as EnterpriseType,
    listingStatus: e.listingStatus as ListingStatus,
    parentId: e.parentId,
    parentName: e.parentName,
    authority: { id: e.authorityId, name: authority?.name ?? e.authorityId },
    siteCount: e.siteCount,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function presentSite(s: SiteRow) {
  return {
    id: s.id,
    enterpriseId: s.enterpriseId,
    name: s.name,
    address: s.address,
    regionCode: s.regionCode,
    regionName: regionName(s.regionCode),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
