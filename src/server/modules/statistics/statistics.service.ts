import { aggregateReports, publicValueCells, type ReportFact } from '../../../domain/annual-report/index.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import { REPORT_FIELDS } from '../../../domain/annual-report/index.js';
import type { StatsScope } from './statistics.policy.js';
import { EMPTY_SUMS, fieldCell, fieldName, outputValueRows, publicRegionName, regionCell, regionName, sums } from './statistics.presenter.js';
import { statisticsRepo } from './statistics.repo.js';

/**
 * Industry statistics (动态管理 七(二)1; 行动计划 三(七) public information service). Built from
 * - the announced list (announcements service, counted in SQL): announced enterprises and sites by province and field;
 * - the reviewed annual reports (accepted or forwarded; annual-reports service `reportFacts`: one fact per site part,
 *   extracted in SQL) attributed by domain/annual-report/statistics.ts: 表2-3 totals — cores recovered, units
 *   remanufactured, units sold or leased — and units by field in the **site's** province and authority; the report
 *   (count) in the enterprise's registered ones; 本年度再制造产值 by region and field (a site's stated share in the
 *   site's, the rest in the registered one or the only site's; 跨领域 when its rows name several fields);
 * - the enterprises module: a provincial authority's announced enterprises by city (`announced.byCity`).
 * Scope: MIIT national; a provincial-level authority what counts in it (its registered enterprises' reports, its
 * sites' parts); the public only national totals, value cells of fewer than 3 enterprises pooled.
 */
export type { StatsScope } from './statistics.policy.js';
export { statsScope } from './statistics.policy.js';

/** What the public statistics need of the market (交易服务, market module): a calendar year's units sold and their value. */
export interface TradedValueSource {
  tradedValue(year: number): Promise<{ year: number; units: number; valueCny: number }>;
}
/** What the statistics need of the annual reports. */
export interface ReportFactSource {
  reportFacts(year?: number): Promise<ReportFact[]>;
}

export function createStatisticsService(deps: { annualReports: ReportFactSource; announcements: AnnouncementService; enterprises: EnterpriseService; market: TradedValueSource; thisYear: () => number }) {
  const { annualReports, announcements, enterprises } = deps;
  const withinScope = (scope: StatsScope) => (scope.kind === 'authority' ? enterprises.idsOfAuthority(scope.authorityId) : undefined);

  async function compute(scope: StatsScope, year?: number) {
    const authorityId = scope.kind === 'authority' ? scope.authorityId : null;
    // a provincial authority's chart is province-shaped: its announced enterprises by city (issue 16 item 5)
    const announcedIds = statisticsRepo.announcedEnterpriseIds(announcements.announcedSitesTable());
    const [announced, byCity, facts] = await Promise.all([
      announcements.announcedCounts(withinScope(scope)),
      scope.kind === 'authority' ? enterprises.statsByCity(scope, announcedIds) : Promise.resolve([]),
      annualReports.reportFacts(),
    ]);
    const s = aggregateReports(facts, { authorityId, year: year ?? null });
    const selected = year ?? s.years.at(-1) ?? null;
    const fieldEnterprises = new Map(announced.byField.map((f) => [f.field, f.enterprises]));
    return {
      year: selected,
      years: s.years,
      announced: {
        enterprises: announced.enterprises,
        sites: announced.sites,
        byRegion: announced.byRegion.map((g) => ({ regionCode: g.province_code, regionName: regionName(g.province_code), enterprises: g.enterprises, sites: g.sites })),
        byField: REPORT_FIELDS.filter((f) => fieldEnterprises.has(f.value)).map((f) => ({ field: f.value, enterprises: fieldEnterprises.get(f.value)! })),
        byCity: byCity.map((c) => ({ regionCode: c.regionCode, regionName: c.regionName, enterprises: c.count })),
      },
      totals: sums(s.totals),
      byRegion: s.byRegion.map((g) => ({ regionCode: g.regionCode, regionName: regionName(g.regionCode), ...sums(g) })),
      byField: s.unitsByField,
      trend: s.trend.map((r) => ({ year: r.year, ...sums(r) })),
      outputValue: outputValueRows(s.trend),
      valueByRegion: s.valueByRegion.map((c) => regionCell(c)),
      valueByField: s.valueByField.map(fieldCell),
    };
  }

  /** National figures per year (the trend and the value of each year), for the public summary and the targets. */
  async function national() {
    const facts = await annualReports.reportFacts();
    return { facts, s: aggregateReports(facts) };
  }

  return {
    compute,
    /**
     * National totals for the public: counts and sums only, never a name or a per-enterprise figure (the route
     * caches it); the latest year's value by region and field with cells of fewer than 3 enterprises pooled.
     */
    async publicSummary() {
      const year = deps.thisYear();
      const [announced, { facts, s }, traded] = await Promise.all([
        announcements.announcedCounts(undefined, false),
        national(),
        // 行动计划 交易服务: remanufactured units sold on the platform's market and their value, this year and last
        Promise.all([year - 1, year].map((y) => deps.market.tradedValue(y).then((t) => ({ year: t.year, units: t.units, valueCny: t.valueCny })))),
      ]);
      const last = s.trend.at(-1);
      const valueYear = s.trend.filter((r) => r.valueReports > 0).at(-1)?.year ?? null;
      const cells = valueYear === null ? null : publicValueCells(facts, valueYear);
      return {
        announced: { enterprises: announced.enterprises, sites: announced.sites },
        year: last?.year ?? null,
        totals: sums(last ?? EMPTY_SUMS),
        trend: s.trend.map((r) => ({ year: r.year, ...sums(r) })),
        outputValue: outputValueRows(s.trend),
        value: cells && valueYear !== null
          ? {
              year: valueYear,
              byRegion: cells.byRegion.map((c) => regionCell(c, publicRegionName)),
              byField: cells.byField.map(fieldCell),
            }
          : null,
        traded,
      };
    },
    /**
     * 再制造产值 (万元) per year, nationally: the sum of 本年度再制造产值 over the reviewed annual reports (附2 提纲 二,
     * one per enterprise and year). Only enterprises reporting on the platform are in it.
     */
    outputValueByYear: async () => outputValueRows((await national()).s.trend),
    /**
     * Every year's 再制造产值 by region and by field as the public may read it (cells of fewer than 3 enterprises
     * pooled), for the statistics dataset: one row per (year, dimension, key).
     */
    async publicValueRows() {
      const { facts, s } = await national();
      return s.trend
        .filter((r) => r.valueReports > 0)
        .flatMap((r) => {
          const cells = publicValueCells(facts, r.year);
          return [
            ...cells.byRegion.map((c) => ({ year: r.year, dimension: 'region' as const, key: c.key, name: publicRegionName(c.key), outputValue: c.outputValue, reports: c.reports })),
            ...cells.byField.map((c) => ({ year: r.year, dimension: 'field' as const, key: c.key, name: fieldName(c.key), outputValue: c.outputValue, reports: c.reports })),
          ];
        });
    },
  };
}
export type StatisticsService = ReturnType<typeof createStatisticsService>;
