import { valueFieldLabel } from '../../../domain/annual-report/index.js';
import { findProvince } from '../../../domain/regions.js';
import type { StatsScope } from './statistics.policy.js';

/** The statistics' wire shapes (statistics.schema.ts) from the domain's aggregates (domain/annual-report/statistics.ts). */
export const regionName = (code: string) => findProvince(code)?.name ?? code;
/** A pooled public cell (fewer than 3 enterprises) is named 其他地区（合并）. */
export const publicRegionName = (code: string) => (code === 'pooled' ? '其他地区（合并）' : regionName(code));
export const fieldName = (key: string) => valueFieldLabel(key).zh;

export interface SumsRow { reports: number; sites: number; recovered: number; remanufactured: number; sold: number; outputValue: number }
export const sums = (r: SumsRow): SumsRow => ({ reports: r.reports, sites: r.sites, recovered: r.recovered, remanufactured: r.remanufactured, sold: r.sold, outputValue: r.outputValue });
export const EMPTY_SUMS: SumsRow = { reports: 0, sites: 0, recovered: 0, remanufactured: 0, sold: 0, outputValue: 0 };

/** The years with a stated 再制造产值: reports stating it and its sum (万元). */
export const outputValueRows = (trend: readonly { year: number; valueReports: number; outputValue: number }[]) =>
  trend.filter((r) => r.valueReports > 0).map((r) => ({ year: r.year, reports: r.valueReports, outputValue: r.outputValue }));

/** A value cell by region (`key`: province code or pooled). */
export const regionCell = (c: { key: string; outputValue: number; reports: number }, name = regionName) => ({ regionCode: c.key, regionName: name(c.key), outputValue: c.outputValue, reports: c.reports });
/** A value cell by field (`key`: a report field, cross_field, unspecified or pooled). */
export const fieldCell = (c: { key: string; outputValue: number; reports: number }) => ({ field: c.key, outputValue: c.outputValue, reports: c.reports });

/** The scoped statistics with the scope as the web shows it: national (全国) or the authority by name. */
export function presentStatistics<S extends object>(s: S, scope: StatsScope, name: string) {
  return { ...s, scope: { kind: scope.kind === 'all' ? ('national' as const) : ('authority' as const), authorityId: scope.kind === 'authority' ? scope.authorityId : null, name } };
}
