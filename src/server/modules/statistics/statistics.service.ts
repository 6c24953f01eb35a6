import { sql } from 'drizzle-orm';
import { REPORT_FIELDS } from '../../../domain/annual-report/index.js';
import { findProvince } from '../../../domain/regions.js';
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
 * - the reviewed annual reports' 本年度再制造产值（万元） (二、生产经营情况) summed per year: `outputValue`;
 * - the enterprises module: a provincial authority's announced enterprises by city (`announced.byCity`), so its
 *   chart has the shape of its province rather than one national bar.
 * Each table of the page has one of these sources and says which (docs/ux.md "Statistics").
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
const sums = (r: Sums): Sums => ({ reports: r.reports, recovered: r.recovered, remanufactured: r.remanufactured, sold: r.sold });
const regionName = (code: string) => findProvince(code)?.name ?? code;

/** What the public statistics need of the market (交易服务, market module): a calendar year's units sold and their value. */
export interface TradedValueSource {
  tradedValue(year: number): Promise<{ year: number; units: number; valueCny: number }>;
}

/** Every figure is aggregated in SQL (GROUP BY) by the modules owning the rows; nothing here loads reports or entries. */
export function createStatisticsService(deps: { annualReports: AnnualReportService; announcements: AnnouncementService; enterprises: EnterpriseService; market: TradedValueSource; thisYear: () => number }) {
  const { annualReports, announcements, enterprises } = deps;
  const authorityOf = (scope: StatsScope) => (scope.kind === 'authority' ? scope.authorityId : null);
  const withinScope = (scope: StatsScope) => (scope.kind === 'authority' ? enterprises.idsOfAuthority(scope.authorityId) : undefined);

  async function compute(scope: StatsScope, year?: number) {
    const authorityId = authorityOf(scope);
    // a provincial authority's chart is province-shaped: its announced enterprises by city (issue 16 item 5)
    const announcedIds = sql`(SELECT s.enterprise_id FROM ${announcements.announcedSitesTable()} s)`;
    const [announced, byYear, byCity, outputValue] = await Promise.all([
      announcements.announcedCounts(withinScope(scope)),
      annualReports.reportSums.byYear(authorityId),
      scope.kind === 'authority' ? enterprises.statsByCity(scope, announcedIds) : Promise.resolve([]),
      annualReports.outputValueByYear(authorityId),
    ]);
    const years = byYear.map((r) => r.year);
    const selected = year ?? years.at(-1) ?? null;
    const [byRegion, byField] =
      selected === null
        ? [[], []]
        : await Promise.all([
            annualReports.reportSums.byProvince(authorityId, selected, announcements.announcedSitesTable(), enterprises.jurisdictionTable()),
            annualReports.reportSums.byField(authorityId, selected),
          ]);
    const fieldSums = new Map(byField.map((f) => [f.field, f.remanufactured]));
    const fieldEnterprises = new Map(announced.byField.map((f) => [f.field, f.enterprises]));
    const selectedSums = byYear.find((r) => r.year === selected);
    return {
      year: selected,
      years,
      announced: {
        enterprises: announced.enterprises,
        sites: announced.sites,
        byRegion: announced.byRegion.map((g) => ({ regionCode: g.province_code, regionName: regionName(g.province_code), enterprises: g.enterprises, sites: g.sites })),
        byField: REPORT_FIELDS.filter((f) => fieldEnterprises.has(f.value)).map((f) => ({ field: f.value, enterprises: fieldEnterprises.get(f.value)! })),
        byCity: byCity.map((c) => ({ regionCode: c.regionCode, regionName: c.regionName, enterprises: c.count })),
      },
      totals: selectedSums ? sums(selectedSums) : zero(),
      byRegion: byRegion.map((g) => ({ regionCode: g.region_code, regionName: regionName(g.region_code), ...sums(g) })),
      byField: REPORT_FIELDS.filter((f) => fieldSums.has(f.value)).map((f) => ({ field: f.value, remanufactured: fieldSums.get(f.value)! })),
      trend: byYear.map((r) => ({ year: r.year, ...sums(r) })),
      outputValue,
    };
  }

  return {
    compute,
    /** National totals for the public: counts and sums only, never a name or a per-enterprise figure (the route caches it). */
    async publicSummary() {
      const year = deps.thisYear();
      const [announced, byYear, outputValue, traded] = await Promise.all([
        announcements.announcedCounts(undefined, false),
        annualReports.reportSums.byYear(null),
        annualReports.outputValueByYear(null),
        // 行动计划 交易服务: remanufactured units sold on the platform's market and their value, this year and last
        Promise.all([year - 1, year].map((y) => deps.market.tradedValue(y).then((t) => ({ year: t.year, units: t.units, valueCny: t.valueCny })))),
      ]);
      const last = byYear.at(-1);
      return { announced: { enterprises: announced.enterprises, sites: announced.sites }, year: last?.year ?? null, totals: last ? sums(last) : zero(), trend: byYear.map((r) => ({ year: r.year, ...sums(r) })), outputValue, traded };
    },
    /**
     * 再制造产值 (万元) per year: the sum of 本年度再制造产值 over the reviewed annual reports (附2 提纲 二, one per
     * announced site and year; annual-reports service). Only enterprises reporting on the platform are in it.
     */
    outputValueByYear: () => annualReports.outputValueByYear(null),
  };
}
export type StatisticsService = ReturnType<typeof createStatisticsService>;
