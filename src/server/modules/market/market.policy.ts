import { definePolicy, deny } from '../../platform/authorize.js';
import { isAuthority, isMinistry, type Principal } from '../../platform/principal.js';

/** Whose market statistics the caller asks for: MIIT all, a provincial authority its jurisdiction, nobody else. */
export interface MarketStatsScope {
  ministry: boolean;
  authorityId: string | null;
}

export const marketStatsScopeOf = (p: Principal | null): MarketStatsScope => ({ ministry: isMinistry(p), authorityId: isAuthority(p) ? p.authorityId : null });

/** 行业统计 · 交易市场 (issue 13): the authorities read the market's statistics (MIIT all, a province its jurisdiction). */
export const marketStatsPolicy = definePolicy<MarketStatsScope>()('market_statistics', {
  read: (_p, s) => s.ministry || s.authorityId !== null || deny('市场统计仅向主管部门开放', 'Market statistics are for the authorities'),
});
