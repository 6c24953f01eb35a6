import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../platform/errors.js';
import { sendJson, type PublicCache } from '../../platform/public-cache.js';
import { AUTHORITY_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import type { AuthorityService } from '../authorities/authorities.service.js';
import { statsScope, type StatisticsService } from './statistics.service.js';
import { renderStatisticsXlsx } from './statistics.xlsx.js';

const OutputValue = z
  .array(z.object({ year: z.number(), reports: z.number().describe('reports that state it'), outputValue: z.number().describe('万元 (10,000 CNY)') }))
  .describe('再制造产值 per year: the sum of 本年度再制造产值（万元） over the reviewed annual reports');
const Sums = z.object({ reports: z.number(), recovered: z.number(), remanufactured: z.number(), sold: z.number() });
const StatsSchema = z
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
  })
  .meta({ id: 'IndustryStatistics' });
const Traded = z
  .array(z.object({ year: z.number(), units: z.number(), valueCny: z.number().describe('CNY') }))
  .describe('交易服务: remanufactured units sold (delivered) on the platform market and their value, last year and this year (Asia/Shanghai)');
const PublicStatsSchema = z
  .object({ announced: z.object({ enterprises: z.number(), sites: z.number() }), year: z.number().nullable(), totals: Sums, trend: z.array(Sums.extend({ year: z.number() })), outputValue: OutputValue, traded: Traded })
  .meta({ id: 'PublicIndustryStatistics' });
const YearQuery = z.object({ year: z.coerce.number().int().min(2024).max(2200).optional() });

/** Industry statistics: MIIT national, an authority its jurisdiction, the public national totals. */
export async function statisticsRoutes(root: FastifyInstance, deps: { statistics: StatisticsService; authorities: AuthorityService; publicCache: PublicCache }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const scoped = async (req: { principal: Parameters<typeof statsScope>[0] }, year?: number) => {
    const scope = statsScope(req.principal);
    if (!scope) throw errors.forbidden();
    const s = await deps.statistics.compute(scope, year);
    const name = scope.kind === 'all' ? '全国' : ((await deps.authorities.get(scope.authorityId))?.name ?? scope.authorityId);
    return { ...s, scope: { kind: scope.kind === 'all' ? ('national' as const) : ('authority' as const), authorityId: scope.kind === 'authority' ? scope.authorityId : null, name } };
  };

  app.get('/api/v1/statistics', {
    config: { policy: { roles: [...AUTHORITY_ROLES, ...MINISTRY_ROLES] } },
    schema: { tags: ['statistics'], summary: '行业统计（工信部全国；主管部门本辖区） Industry statistics', querystring: YearQuery, response: { 200: StatsSchema } },
    handler: async (req) => scoped(req, req.query.year),
  });

  app.get('/api/v1/statistics.xlsx', {
    config: { policy: { roles: [...AUTHORITY_ROLES, ...MINISTRY_ROLES] } },
    schema: { tags: ['statistics'], summary: '下载行业统计（.xlsx） Download the statistics', querystring: YearQuery },
    handler: async (req, reply) => {
      const s = await scoped(req, req.query.year);
      const buf = await renderStatisticsXlsx(s, `${s.scope.name}再制造行业统计`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="statistics.xlsx"; filename*=UTF-8''${encodeURIComponent(`${s.scope.name}再制造行业统计.xlsx`)}`)
        .send(buf);
    },
  });

  app.get('/api/v1/public/statistics', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '全国再制造行业统计（仅全国合计） National industry totals', response: { 200: PublicStatsSchema } },
    handler: async (_req, reply) => sendJson(reply, deps.publicCache.json('statistics', 'national', PublicStatsSchema, () => deps.statistics.publicSummary())),
  });
}
