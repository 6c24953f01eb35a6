import { z } from 'zod';

/** The statistics' wire shapes (the web's types are generated from them: npm run gen:api). */
const OutputValue = z
  .array(z.object({ year: z.number(), reports: z.number().describe('reports that state it'), outputValue: z.number().describe('万元 (10,000 CNY)') }))
  .describe('再制造产值 per year: the sum of 本年度再制造产值（万元） over the reviewed annual reports');
const Sums = z.object({
  reports: z.number().describe('reviewed reports, each counted once: in the enterprise’s registered province and authority'),
  sites: z.number().describe('site parts (表2-3 per announced site), each in its site’s province and authority'),
  recovered: z.number(),
  remanufactured: z.number(),
  sold: z.number(),
  outputValue: z.number().describe('再制造产值 counted here, 万元 (a site’s stated share in the site’s region, the rest in the registered one)'),
});
const ValueByRegion = z.array(z.object({ regionCode: z.string(), regionName: z.string(), outputValue: z.number().describe('万元'), reports: z.number() }));
const ValueByField = z
  .array(z.object({ field: z.string().describe('a report field, cross_field (跨领域, not split), unspecified or (public) pooled'), outputValue: z.number().describe('万元'), reports: z.number() }))
  .describe('再制造产值 by field: a value goes to a field when the 再制造情况 rows it covers name one field (docs/annual-reports.md)');
export const StatsSchema = z
  .object({
    scope: z.object({ kind: z.enum(['national', 'authority']), authorityId: z.string().nullable(), name: z.string() }),
    year: z.number().nullable(),
    years: z.array(z.number()),
    announced: z.object({
      enterprises: z.number(),
      sites: z.number(),
      byRegion: z.array(z.object({ regionCode: z.string(), regionName: z.string(), enterprises: z.number(), sites: z.number() })),
      byField: z.array(z.object({ field: z.string(), enterprises: z.number() })),
      byCity: z.array(z.object({ regionCode: z.string(), regionName: z.string(), enterprises: z.number() })).describe('a provincial authority: its announced enterprises by city (GB/T 2260 prefecture, named from addresses); national: empty'),
    }),
    totals: Sums,
    byRegion: z.array(Sums.extend({ regionCode: z.string(), regionName: z.string() })),
    byField: z.array(z.object({ field: z.string(), remanufactured: z.number() })),
    trend: z.array(Sums.extend({ year: z.number() })),
    outputValue: OutputValue,
    valueByRegion: ValueByRegion.describe('the selected year’s 再制造产值 by province'),
    valueByField: ValueByField,
  })
  .meta({ id: 'IndustryStatistics' });
const Traded = z
  .array(z.object({ year: z.number(), units: z.number(), valueCny: z.number().describe('CNY') }))
  .describe('交易服务: remanufactured units sold (delivered) on the platform market and their value, last year and this year (Asia/Shanghai)');
export const PublicStatsSchema = z
  .object({
    announced: z.object({ enterprises: z.number(), sites: z.number() }),
    year: z.number().nullable(),
    totals: Sums,
    trend: z.array(Sums.extend({ year: z.number() })),
    outputValue: OutputValue,
    value: z
      .object({ year: z.number(), byRegion: ValueByRegion, byField: ValueByField })
      .nullable()
      .describe('the latest year’s 再制造产值 by province and by field; a cell of fewer than 3 enterprises is pooled (regionCode/field "pooled")'),
    traded: Traded,
  })
  .meta({ id: 'PublicIndustryStatistics' });
export const YearQuery = z.object({ year: z.coerce.number().int().min(2024).max(2200).optional() });
