import { COUNTED_REPORT_STATES, REPORT_FIELDS, type AnnualReportForm, type ReportState } from '../../../domain/annual-report/index.js';
import { findProvince, provinceOf } from '../../../domain/regions.js';
import type { Principal } from '../../platform/principal.js';
import { enterpriseScope } from '../enterprises/enterprises.policy.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { AnnualReportService } from '../annual-reports/annual-reports.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';

/**
 * Industry statistics (动态管理 七(二)1; 行动计划 三(七) public information service). Built from
 * - the announced list (announcements service): announced enterprises and sites by province and field;
 * - the reviewed annual reports (accepted or forwarded, annual-reports service): 表2-3 totals — cores
 *   recovered (回收总件数), units remanufactured (再制造总件数), units sold or leased (销售总件数) — by report
 *   year and province; units remanufactured also by field (the 涉及领域 column of 再制造情况, the only column
 *   of 表2-3 that names a field).
 * Scope: MIIT national; a provincial-level authority only enterprises it reviews (enterprises.authority_id);
 * the public only national totals (no enterprise-level data).
 */
export type StatsScope = { kind: 'all' } | { kind: 'authority'; authorityId: string };

/** The enterprise scope (enterprises.policy.ts) of ministry and authority users; enterprises and others: none. */
export function statsScope(p: Principal | null): StatsScope | null {
  if (p?.kind !== 'user') return null;
  const s = enterpriseScope(p);
  return s.kind === 'all' || s.kind === 'authority' ? s : null;
}

interface Sums {
  reports: number;
  recovered: number;
  remanufactured: number;
  sold: number;
}
const zero = (): Sums => ({ reports: 0, recovered: 0, remanufactured: 0, sold: 0 });
const regionName = (code: string) => findProvince(code)?.name ?? code;

export function createStatisticsService(deps: { annualReports: AnnualReportService; announcements: AnnouncementService; enterprises: EnterpriseService }) {
  const { annualReports, announcements, enterprises } = deps;

  async function compute(scope: StatsScope, year?: number) {
    const sites = await announcements.announcedSites();
    const reports = (await annualReports.countedReports()).filter((r) => COUNTED_REPORT_STATES.includes(r.state as ReportState));
    const ent = new Map<string, { authorityId: string; province: string }>();
    for (const [id, e] of await enterprises.jurisdictions([...sites.map((s) => s.enterpriseId), ...reports.map((r) => r.enterpriseId)])) {
      ent.set(id, { authorityId: e.authorityId, province: provinceOf(e.regionCode) });
    }
    const inScope = (enterpriseId: string, authorityId?: string) =>
      scope.kind === 'all' || (authorityId ?? ent.get(enterpriseId)?.authorityId) === scope.authorityId;

    // announced list
    const scopedSites = sites.filter((s) => inScope(s.enterpriseId));
    const siteProvince = new Map(sites.map((s) => [`${s.enterpriseId}/${s.siteId}`, s.provinceCode]));
    const byRegionAnn = new Map<string, { enterprises: Set<string>; sites: number }>();
    const byFieldAnn = new Map<string, Set<string>>();
    for (const s of scopedSites) {
      const g = byRegionAnn.get(s.provinceCode) ?? { enterprises: new Set(), sites: 0 };
      g.enterprises.add(s.enterpriseId);
      g.sites++;
      byRegionAnn.set(s.provinceCode, g);
      for (const f of s.fields) byFieldAnn.set(f, (byFieldAnn.get(f) ?? new Set()).add(s.enterpriseId));
    }

    // annual reports
    const scopedReports = reports.filter((r) => inScope(r.enterpriseId, r.authorityId));
    const years = [...new Set(scopedReports.map((r) => r.year))].sort((a, b) => a - b);
    const selected = year ?? years.at(-1) ?? null;
    const trend = new Map<number, Sums>();
    const byRegion = new Map<string, Sums>();
    const byField = new Map<string, number>();
    for (const r of scopedReports) {
      const add = (s: Sums) => {
        s.reports++;
        s.recovered += r.recoveredTotal ?? 0;
        s.remanufactured += r.remanTotal ?? 0;
        s.sold += r.soldTotal ?? 0;
      };
      const t = trend.get(r.year) ?? zero();
      add(t);
      trend.set(r.year, t);
      if (r.year !== selected) continue;
      const province = siteProvince.get(`${r.enterpriseId}/${r.siteId}`) ?? ent.get(r.enterpriseId)?.province ?? '000000';
      const g = byRegion.get(province) ?? zero();
      add(g);
      byRegion.set(province, g);
      for (const row of (r.form as AnnualReportForm).table23?.reman?.rows ?? []) {
        if (row.field && typeof row.count === 'number') byField.set(row.field, (byField.get(row.field) ?? 0) + row.count);
      }
    }
    const totals = selected !== null ? (trend.get(selected) ?? zero()) : zero();
    return {
      year: selected,
      years,
      announced: {
        enterprises: new Set(scopedSites.map((s) => s.enterpriseId)).size,
        sites: scopedSites.length,
        byRegion: [...byRegionAnn.entries()].map(([code, g]) => ({ regionCode: code, regionName: regionName(code), enterprises: g.enterprises.size, sites: g.sites })).sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
        byField: REPORT_FIELDS.filter((f) => byFieldAnn.has(f.value)).map((f) => ({ field: f.value, enterprises: byFieldAnn.get(f.value)!.size })),
      },
      totals,
      byRegion: [...byRegion.entries()].map(([code, s]) => ({ regionCode: code, regionName: regionName(code), ...s })).sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
      byField: REPORT_FIELDS.filter((f) => byField.has(f.value)).map((f) => ({ field: f.value, remanufactured: byField.get(f.value)! })),
      trend: [...trend.entries()].sort((a, b) => a[0] - b[0]).map(([y, s]) => ({ year: y, ...s })),
    };
  }

  return {
    compute,
    /** National totals for the public: counts and sums only, never a name or a per-enterprise figure. */
    async publicSummary() {
      const s = await compute({ kind: 'all' });
      return { announced: { enterprises: s.announced.enterprises, sites: s.announced.sites }, year: s.year, totals: s.totals, trend: s.trend };
    },
  };
}
export type StatisticsService = ReturnType<typeof createStatisticsService>;
