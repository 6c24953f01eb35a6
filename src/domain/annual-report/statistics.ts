/**
 * Industry statistics from the reviewed 年度报告 (规范条件 七(二)1, 附2; 行动计划 三(七) 公共信息服务; issue 15 item
 * 14, issue 14 "units and value by field and region"): which region, authority and field each figure of a report
 * counts in. Pure; the annual-reports module extracts one fact per site part in SQL, the statistics module sums.
 *
 * The reading (docs/annual-reports.md "Statistics definitions"):
 * - **Per site part** (附2 表2-3 is repeated per announced site, 七(一)3): a part's 回收/再制造/销售 totals and its
 *   再制造情况 rows by 涉及领域 count in **the site's** province and the site's authority (the one that reads the part).
 * - **Per enterprise** (one report per 公告企业 and year, 七(二)1): the report itself counts once, in the enterprise's
 *   registered province and reviewing authority — national sums never count an enterprise twice.
 * - **再制造产值** (附2 提纲 二, stated once per report): a site part may state its own 本厂区再制造产值 (optional; the
 *   parts' values may not exceed the report's). A stated part value counts in the site's province and authority;
 *   the rest of the report's value counts in the province and authority of its only part when the report has one
 *   part, otherwise in the enterprise's registered ones. The value is never split by a share the report does not
 *   state.
 * - **产值 by field**: a value (a stated part value, or the rest) goes to a field only when the 再制造情况 rows it
 *   covers (that part's, or the parts without a stated value) name one field; rows naming several fields make it
 *   **跨领域** (`cross_field`, not split); no field stated makes it `unspecified`.
 */
import { provinceAuthorityId, reviewingAuthorityId, XPCC_AUTHORITY_ID } from '../authorities.js';
import { REPORT_FIELDS, type AnnualReportForm, type ReportField } from './form.js';

/**
 * The authority of a site's region (it reads the site's part, 七(二)1 本地区公告企业): 计划单列市 before province; a
 * 兵团 enterprise's site in 新疆 stays with the 兵团 (region codes cannot tell them apart). Unknown region: the
 * enterprise's own authority.
 */
export function siteAuthorityId(siteRegionCode: string | null | undefined, registeredAuthorityId: string): string {
  if (!siteRegionCode) return registeredAuthorityId;
  let id: string;
  try {
    id = reviewingAuthorityId(siteRegionCode);
  } catch {
    return registeredAuthorityId;
  }
  return registeredAuthorityId === XPCC_AUTHORITY_ID && id === provinceAuthorityId('650000') ? XPCC_AUTHORITY_ID : id;
}

/** One site part of a reviewed report, as the statistics read it. */
export interface PartFact {
  siteId: string;
  /** GB/T 2260 province code of the site (its announced 地区) */
  provinceCode: string;
  /** the authority of the site's region (reads the part) */
  authorityId: string;
  recovered: number;
  remanufactured: number;
  sold: number;
  /** 再制造件数 of the part's 再制造情况 rows per 涉及领域 */
  remanByField: Partial<Record<ReportField, number>>;
  /** 本厂区再制造产值（万元）, when the part states it */
  outputValue: number | null;
}

/** One reviewed report (accepted or forwarded) with its parts. */
export interface ReportFact {
  reportId: string;
  year: number;
  /** the enterprise's registered province and reviewing authority */
  provinceCode: string;
  authorityId: string;
  /** 本年度再制造产值（万元） (附2 提纲 二), null when the report states none */
  outputValue: number | null;
  parts: PartFact[];
}

/** Value-by-field keys beyond the ten report fields. */
export const VALUE_FIELD_EXTRAS = [
  { value: 'cross_field', zh: '跨领域（未拆分）', en: 'Several fields (not split)' },
  { value: 'unspecified', zh: '未注明领域', en: 'Field not stated' },
  { value: 'pooled', zh: '其他（合并，每项不足3家企业）', en: 'Others (pooled: fewer than 3 enterprises each)' },
] as const;
export type ValueField = ReportField | (typeof VALUE_FIELD_EXTRAS)[number]['value'];
/** zh/en of a report field or a value-by-field key */
export function valueFieldLabel(v: string): { zh: string; en: string } {
  return REPORT_FIELDS.find((f) => f.value === v) ?? VALUE_FIELD_EXTRAS.find((f) => f.value === v) ?? { zh: v, en: v };
}
/** The public value-by-region row that pools small cells. */
export const POOLED_REGION = 'pooled';
/** A public cell names at least this many enterprises (else it is pooled: no enterprise's figure can be read off). */
export const MIN_PUBLIC_CONTRIBUTORS = 3;

/** What one report contributes, each with where it counts. */
export type Contribution =
  | { kind: 'report'; reportId: string; year: number; provinceCode: string; authorityId: string }
  | { kind: 'part'; reportId: string; year: number; provinceCode: string; authorityId: string; siteId: string; recovered: number; remanufactured: number; sold: number; remanByField: Partial<Record<ReportField, number>> }
  | { kind: 'value'; reportId: string; year: number; provinceCode: string; authorityId: string; field: ValueField; value: number; source: 'part' | 'report' };

const fieldsOf = (parts: PartFact[]): ReportField[] => [...new Set(parts.flatMap((p) => (Object.keys(p.remanByField) as ReportField[]).filter((f) => (p.remanByField[f] ?? 0) > 0)))];
const fieldFor = (fields: ReportField[]): ValueField => (fields.length === 1 ? fields[0]! : fields.length === 0 ? 'unspecified' : 'cross_field');
const round2 = (v: number) => Math.round(v * 100) / 100;

/** Where each figure of one report counts (see the module comment). */
export function attributeReport(r: ReportFact): Contribution[] {
  const at = { reportId: r.reportId, year: r.year };
  const out: Contribution[] = [{ kind: 'report', ...at, provinceCode: r.provinceCode, authorityId: r.authorityId }];
  for (const p of r.parts) {
    out.push({ kind: 'part', ...at, provinceCode: p.provinceCode, authorityId: p.authorityId, siteId: p.siteId, recovered: p.recovered, remanufactured: p.remanufactured, sold: p.sold, remanByField: p.remanByField });
  }
  if (r.outputValue === null || !Number.isFinite(r.outputValue)) return out;
  const stated = r.parts.filter((p) => p.outputValue !== null && Number.isFinite(p.outputValue) && p.outputValue >= 0);
  const statedSum = stated.reduce((a, p) => a + p.outputValue!, 0);
  // parts stating more than the report are not believed (the form refuses it; a legacy row counts as unstated)
  const usable = statedSum <= r.outputValue + 1e-9 ? stated : [];
  for (const p of usable) out.push({ kind: 'value', ...at, provinceCode: p.provinceCode, authorityId: p.authorityId, field: fieldFor(fieldsOf([p])), value: p.outputValue!, source: 'part' });
  const rest = round2(r.outputValue - usable.reduce((a, p) => a + p.outputValue!, 0));
  if (usable.length && rest <= 0) return out;
  const only = r.parts.length === 1 ? r.parts[0]! : null;
  const uncovered = r.parts.filter((p) => !usable.includes(p));
  out.push({
    kind: 'value',
    ...at,
    provinceCode: only?.provinceCode ?? r.provinceCode,
    authorityId: only?.authorityId ?? r.authorityId,
    field: fieldFor(fieldsOf(uncovered.length ? uncovered : r.parts)),
    value: rest,
    source: 'report',
  });
  return out;
}

export interface Sums {
  reports: number;
  /** site parts counted */
  sites: number;
  recovered: number;
  remanufactured: number;
  sold: number;
  /** 再制造产值（万元） counted here */
  outputValue: number;
}
const zero = (): Sums => ({ reports: 0, sites: 0, recovered: 0, remanufactured: 0, sold: 0, outputValue: 0 });

interface Cell {
  sums: Sums;
  /** reports contributing (one per enterprise and year) */
  contributors: Set<string>;
  valueContributors: Set<string>;
}
const cell = (): Cell => ({ sums: zero(), contributors: new Set(), valueContributors: new Set() });
function add(c: Cell, x: Contribution) {
  c.contributors.add(x.reportId);
  if (x.kind === 'report') c.sums.reports++;
  else if (x.kind === 'part') {
    c.sums.sites++;
    c.sums.recovered += x.recovered;
    c.sums.remanufactured += x.remanufactured;
    c.sums.sold += x.sold;
  } else {
    c.sums.outputValue += x.value;
    c.valueContributors.add(x.reportId);
  }
}
const finish = (c: Cell): Sums => ({ ...c.sums, outputValue: round2(c.sums.outputValue) });

export interface ValueCell {
  key: string;
  outputValue: number;
  /** reports (= enterprises: one report per enterprise and year) whose value is in it */
  reports: number;
}

export interface ReportStatistics {
  /** report years with anything counted in the scope, ascending */
  years: number[];
  trend: (Sums & { year: number; valueReports: number })[];
  /** the selected year's sums */
  totals: Sums;
  byRegion: (Sums & { regionCode: string; valueReports: number })[];
  /** units remanufactured by field (表2-3 再制造情况 涉及领域) */
  unitsByField: { field: ReportField; remanufactured: number }[];
  /** 再制造产值 by field (the attribution above) */
  valueByField: ValueCell[];
  valueByRegion: ValueCell[];
}

/**
 * Sum the contributions of many reports for one scope: `authorityId` null = national, else what counts in that
 * authority (its registered enterprises' reports, its sites' parts, values counted in it). `year`: the year of
 * the by-region and by-field tables (default: the latest).
 */
export function aggregateReports(reports: ReportFact[], opts: { authorityId?: string | null; year?: number | null } = {}): ReportStatistics {
  const within = (x: Contribution) => !opts.authorityId || x.authorityId === opts.authorityId;
  const all = reports.flatMap(attributeReport).filter(within);
  const byYear = new Map<number, Cell>();
  for (const x of all) {
    if (!byYear.has(x.year)) byYear.set(x.year, cell());
    add(byYear.get(x.year)!, x);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const year = opts.year ?? years.at(-1) ?? null;
  const ofYear = all.filter((x) => x.year === year);
  const regions = new Map<string, Cell>();
  const units = new Map<ReportField, number>();
  const fieldValues = new Map<string, Cell>();
  for (const x of ofYear) {
    if (!regions.has(x.provinceCode)) regions.set(x.provinceCode, cell());
    add(regions.get(x.provinceCode)!, x);
    if (x.kind === 'part') for (const [f, n] of Object.entries(x.remanByField) as [ReportField, number][]) units.set(f, (units.get(f) ?? 0) + n);
    if (x.kind === 'value') {
      if (!fieldValues.has(x.field)) fieldValues.set(x.field, cell());
      add(fieldValues.get(x.field)!, x);
    }
  }
  const fieldOrder = [...REPORT_FIELDS.map((f) => f.value as string), ...VALUE_FIELD_EXTRAS.map((f) => f.value as string)];
  const selected = year === null ? undefined : byYear.get(year);
  return {
    years,
    trend: years.map((y) => ({ year: y, ...finish(byYear.get(y)!), valueReports: byYear.get(y)!.valueContributors.size })),
    totals: selected ? finish(selected) : zero(),
    byRegion: [...regions.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([regionCode, c]) => ({ regionCode, ...finish(c), valueReports: c.valueContributors.size })),
    unitsByField: REPORT_FIELDS.filter((f) => units.has(f.value)).map((f) => ({ field: f.value, remanufactured: units.get(f.value)! })),
    valueByField: fieldOrder.filter((f) => fieldValues.has(f)).map((f) => ({ key: f, outputValue: round2(fieldValues.get(f)!.sums.outputValue), reports: fieldValues.get(f)!.valueContributors.size })),
    valueByRegion: [...regions.entries()]
      .filter(([, c]) => c.valueContributors.size > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, c]) => ({ key, outputValue: round2(c.sums.outputValue), reports: c.valueContributors.size })),
  };
}

/**
 * For the public (national totals only, never a per-enterprise figure): the value cells of fewer than
 * `MIN_PUBLIC_CONTRIBUTORS` enterprises are pooled into one `pooled` cell; while the pool itself has fewer, the
 * smallest named cell joins it, so that neither a cell nor "total minus the named cells" reads one enterprise.
 * `contributors` must give each cell's report ids (one report per enterprise and year).
 */
export function poolSmallCells(cells: { key: string; outputValue: number; contributors: string[] }[], min = MIN_PUBLIC_CONTRIBUTORS): ValueCell[] {
  const named = cells.filter((c) => c.contributors.length >= min).sort((a, b) => a.contributors.length - b.contributors.length || a.outputValue - b.outputValue);
  const pool = cells.filter((c) => c.contributors.length < min);
  const poolSize = () => new Set(pool.flatMap((c) => c.contributors)).size;
  while (pool.length && poolSize() < min && named.length) pool.push(named.shift()!);
  const out: ValueCell[] = named.map((c) => ({ key: c.key, outputValue: round2(c.outputValue), reports: c.contributors.length }));
  if (pool.length) out.push({ key: 'pooled', outputValue: round2(pool.reduce((a, c) => a + c.outputValue, 0)), reports: poolSize() });
  return out;
}

/**
 * The same contributions as `aggregateReports`, nationally, for one year's public value tables: by province and
 * by field, each pooled by `poolSmallCells`.
 */
export function publicValueCells(reports: ReportFact[], year: number): { byRegion: ValueCell[]; byField: ValueCell[] } {
  const values = reports.flatMap(attributeReport).filter((x): x is Extract<Contribution, { kind: 'value' }> => x.kind === 'value' && x.year === year);
  const group = (key: (x: (typeof values)[number]) => string) => {
    const m = new Map<string, { key: string; outputValue: number; contributors: Set<string> }>();
    for (const x of values) {
      const k = key(x);
      if (!m.has(k)) m.set(k, { key: k, outputValue: 0, contributors: new Set() });
      const c = m.get(k)!;
      c.outputValue += x.value;
      c.contributors.add(x.reportId);
    }
    return [...m.values()].map((c) => ({ key: c.key, outputValue: c.outputValue, contributors: [...c.contributors] }));
  };
  const byKey = (a: ValueCell, b: ValueCell) => (a.key === POOLED_REGION ? 1 : b.key === POOLED_REGION ? -1 : b.outputValue - a.outputValue);
  return { byRegion: poolSmallCells(group((x) => x.provinceCode)).sort(byKey), byField: poolSmallCells(group((x) => x.field)).sort(byKey) };
}

/**
 * The parts' stated values may not exceed the report's 本年度再制造产值 (a part's value is a share of the
 * enterprise's; 附2 提纲 二). Refused even in a draft once both are entered; names the first part's field.
 */
export function partValueIssues(form: AnnualReportForm): { field: string; message: string; messageEn: string }[] {
  const total = form.operations?.outputValue;
  const parts = (form.sites ?? []).map((p, i) => ({ i, v: p.outputValue })).filter((p): p is { i: number; v: number } => typeof p.v === 'number');
  if (typeof total !== 'number' || !parts.length) return [];
  const sum = round2(parts.reduce((a, p) => a + p.v, 0));
  if (sum <= total + 1e-9) return [];
  return [
    {
      field: `sites.${parts[0]!.i}.outputValue`,
      message: `各厂区填报的本厂区再制造产值之和 ${sum} 万元超过本年度再制造产值 ${total} 万元`,
      messageEn: `The sites' stated output values add up to ${sum} (10k CNY), more than the report's ${total}`,
    },
  ];
}
