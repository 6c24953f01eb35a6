/**
 * Where each figure of a reviewed 年度报告 counts (domain/annual-report/statistics.ts; 七(二)1, 附2 表2-3 per site
 * 七(一)3, 附2 提纲 二 产值; issue 15 item 14, issue 14 "value by field and region").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateReports,
  attributeReport,
  partValueIssues,
  poolSmallCells,
  publicValueCells,
  sampleReportForm,
  siteAuthorityId,
  type PartFact,
  type ReportFact,
} from '../../src/domain/annual-report/index.js';

const part = (p: Partial<PartFact> & Pick<PartFact, 'siteId' | 'provinceCode' | 'authorityId'>): PartFact => ({ recovered: 0, remanufactured: 0, sold: 0, remanByField: {}, outputValue: null, ...p });
const GD = { provinceCode: '440000', authorityId: 'prov-440000' };
const JS = { provinceCode: '320000', authorityId: 'prov-320000' };

/** 广东-registered enterprise, one site in 广东 (engines) and one in 江苏 (machine tools). */
const twoSites = (o: { gdValue?: number | null; jsValue?: number | null; value?: number | null } = {}): ReportFact => ({
  reportId: 'r1',
  year: 2025,
  ...GD,
  outputValue: o.value === undefined ? 1000 : o.value,
  parts: [
    part({ siteId: 'gz', ...GD, recovered: 10, remanufactured: 8, sold: 6, remanByField: { internal_combustion_engines: 8 }, outputValue: o.gdValue ?? null }),
    part({ siteId: 'sz', ...JS, recovered: 5, remanufactured: 4, sold: 3, remanByField: { machine_tools: 4 }, outputValue: o.jsValue ?? null }),
  ],
});

describe('per site part, per enterprise (七(二)1, 附2 表2-3 per site)', () => {
  it('each part counts in its site’s province and authority; the report once, in the registered ones', () => {
    const national = aggregateReports([twoSites()]);
    expect(national.totals).toMatchObject({ reports: 1, sites: 2, recovered: 15, remanufactured: 12, sold: 9, outputValue: 1000 });
    expect(national.byRegion).toEqual([
      { regionCode: '320000', reports: 0, sites: 1, recovered: 5, remanufactured: 4, sold: 3, outputValue: 0, valueReports: 0 },
      { regionCode: '440000', reports: 1, sites: 1, recovered: 10, remanufactured: 8, sold: 6, outputValue: 1000, valueReports: 1 },
    ]);
    expect(aggregateReports([twoSites()], { authorityId: 'prov-320000' }).totals).toMatchObject({ reports: 0, sites: 1, recovered: 5, remanufactured: 4, outputValue: 0 });
    expect(aggregateReports([twoSites()], { authorityId: 'prov-440000' }).totals).toMatchObject({ reports: 1, sites: 1, recovered: 10, remanufactured: 8, outputValue: 1000 });
    expect(aggregateReports([twoSites()], { authorityId: 'prov-320000' }).unitsByField).toEqual([{ field: 'machine_tools', remanufactured: 4 }]);
  });

  it('the regions’ and authorities’ sums add up to the national sums (nothing counted twice), for any split', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 100 }), fc.boolean(), (value, sharePct, stateGd) => {
        const gdValue = stateGd ? Math.floor((value * sharePct) / 100) : null;
        const r = twoSites({ value, gdValue });
        const n = aggregateReports([r]);
        const sum = (k: 'reports' | 'sites' | 'recovered' | 'outputValue') => n.byRegion.reduce((a, g) => a + g[k], 0);
        expect(sum('reports')).toBe(n.totals.reports);
        expect(sum('sites')).toBe(n.totals.sites);
        expect(sum('recovered')).toBe(n.totals.recovered);
        expect(Math.round(sum('outputValue') * 100)).toBe(Math.round(value * 100));
        const byAuthority = ['prov-440000', 'prov-320000'].map((a) => aggregateReports([r], { authorityId: a }).totals.outputValue);
        expect(Math.round((byAuthority[0]! + byAuthority[1]!) * 100)).toBe(Math.round(value * 100));
        expect(Math.round(n.valueByField.reduce((a, c) => a + c.outputValue, 0) * 100)).toBe(Math.round(value * 100));
      }),
    );
  });
});

describe('再制造产值 by region and field: never an invented split (附2 提纲 二)', () => {
  it('no part states its value: the whole value in the registered province, 跨领域 (the rows name two fields)', () => {
    const v = attributeReport(twoSites()).filter((x) => x.kind === 'value');
    expect(v).toEqual([expect.objectContaining({ provinceCode: '440000', authorityId: 'prov-440000', field: 'cross_field', value: 1000, source: 'report' })]);
  });

  it('a stated part value counts in its site and its field; the rest in the registered province, with the other part’s field', () => {
    const v = attributeReport(twoSites({ jsValue: 300 })).filter((x) => x.kind === 'value');
    expect(v).toEqual([
      expect.objectContaining({ provinceCode: '320000', authorityId: 'prov-320000', field: 'machine_tools', value: 300, source: 'part' }),
      expect.objectContaining({ provinceCode: '440000', authorityId: 'prov-440000', field: 'internal_combustion_engines', value: 700, source: 'report' }),
    ]);
  });

  it('every part stating its value, adding up to the report: nothing is left over', () => {
    const v = attributeReport(twoSites({ gdValue: 600, jsValue: 400 })).filter((x) => x.kind === 'value');
    expect(v.map((x) => [x.provinceCode, x.field, x.value])).toEqual([
      ['440000', 'internal_combustion_engines', 600],
      ['320000', 'machine_tools', 400],
    ]);
  });

  it('a one-site report: its value is its site’s (region and authority), even when registered elsewhere', () => {
    const r: ReportFact = { reportId: 'r2', year: 2025, ...GD, outputValue: 500, parts: [part({ siteId: 'sz', ...JS, remanByField: { machine_tools: 3 } })] };
    expect(attributeReport(r).filter((x) => x.kind === 'value')).toEqual([expect.objectContaining({ provinceCode: '320000', authorityId: 'prov-320000', field: 'machine_tools', value: 500 })]);
  });

  it('no rows with a field: unspecified; no value stated: no value counted (0 is a value)', () => {
    const none: ReportFact = { reportId: 'r3', year: 2025, ...GD, outputValue: null, parts: [part({ siteId: 'gz', ...GD })] };
    expect(attributeReport(none).filter((x) => x.kind === 'value')).toEqual([]);
    const zero: ReportFact = { ...none, outputValue: 0 };
    expect(attributeReport(zero).filter((x) => x.kind === 'value')).toEqual([expect.objectContaining({ field: 'unspecified', value: 0 })]);
    expect(aggregateReports([zero]).trend[0]).toMatchObject({ valueReports: 1, outputValue: 0 });
  });

  it('parts stating more than the report are refused in the form and, in a stored row, counted as unstated', () => {
    const form = sampleReportForm({ siteIds: ['a', 'b'] });
    form.operations = { outputValue: 100 };
    form.sites![0]!.outputValue = 60;
    form.sites![1]!.outputValue = 40;
    expect(partValueIssues(form)).toEqual([]);
    form.sites![1]!.outputValue = 40.01;
    expect(partValueIssues(form)).toEqual([expect.objectContaining({ field: 'sites.0.outputValue' })]);
    const v = attributeReport(twoSites({ value: 100, gdValue: 80, jsValue: 30 })).filter((x) => x.kind === 'value');
    expect(v).toEqual([expect.objectContaining({ provinceCode: '440000', field: 'cross_field', value: 100 })]);
  });
});

describe('the public reads no enterprise’s figure: cells of fewer than 3 enterprises are pooled', () => {
  it('a small cell is pooled; a pool still below 3 takes the smallest named cell', () => {
    expect(poolSmallCells([{ key: 'a', outputValue: 10, contributors: ['1', '2', '3'] }, { key: 'b', outputValue: 5, contributors: ['4'] }, { key: 'c', outputValue: 7, contributors: ['5', '6', '7', '8'] }])).toEqual([
      { key: 'c', outputValue: 7, reports: 4 },
      { key: 'pooled', outputValue: 15, reports: 4 },
    ]);
    expect(poolSmallCells([{ key: 'a', outputValue: 10, contributors: ['1', '2', '3'] }])).toEqual([{ key: 'a', outputValue: 10, reports: 3 }]);
    expect(poolSmallCells([{ key: 'a', outputValue: 1, contributors: ['1', '2'] }])).toEqual([{ key: 'pooled', outputValue: 1, reports: 2 }]);
  });

  it('for any cells, every public cell names ≥ 3 enterprises unless all are one pool, and the values add up', () => {
    const cells = fc.array(fc.record({ key: fc.string({ minLength: 1, maxLength: 3 }), outputValue: fc.integer({ min: 0, max: 1000 }), n: fc.integer({ min: 1, max: 6 }) }), { maxLength: 8 });
    fc.assert(
      fc.property(cells, (cs) => {
        let id = 0;
        const input = cs.map((c, i) => ({ key: `${c.key}${i}`, outputValue: c.outputValue, contributors: Array.from({ length: c.n }, () => String(id++)) }));
        const out = poolSmallCells(input);
        expect(out.reduce((a, c) => a + c.outputValue, 0)).toBe(input.reduce((a, c) => a + c.outputValue, 0));
        if (out.length > 1) for (const c of out) expect(c.reports).toBeGreaterThanOrEqual(3);
      }),
    );
  });

  it('public value cells by province and field of one year: a lone enterprise is pooled, and so is the smallest named cell with it', () => {
    const reports: ReportFact[] = ['a', 'b', 'c', 'd'].map((id, i) => ({ reportId: id, year: 2025, ...GD, outputValue: 100 * (i + 1), parts: [part({ siteId: id, ...GD, remanByField: { internal_combustion_engines: 1 } })] }));
    reports.push({ reportId: 'e', year: 2025, ...JS, outputValue: 50, parts: [part({ siteId: 'e', ...JS, remanByField: { machine_tools: 1 } })] });
    const cells = publicValueCells(reports, 2025);
    // 江苏 has one enterprise: pooled with the smallest named cell (广东) — one pool of 5, nothing readable
    expect(cells.byRegion).toEqual([{ key: 'pooled', outputValue: 1050, reports: 5 }]);
    expect(cells.byField).toEqual([{ key: 'pooled', outputValue: 1050, reports: 5 }]);
  });
});

describe('the site’s authority', () => {
  it('计划单列市 before province; a 兵团 enterprise’s site in 新疆 stays with the 兵团; no region: the enterprise’s', () => {
    expect(siteAuthorityId('440305', 'prov-440000')).toBe('city-440300');
    expect(siteAuthorityId('320505', 'prov-440000')).toBe('prov-320000');
    expect(siteAuthorityId('650102', 'xpcc')).toBe('xpcc');
    expect(siteAuthorityId('650102', 'prov-650000')).toBe('prov-650000');
    expect(siteAuthorityId(null, 'prov-440000')).toBe('prov-440000');
  });
});
