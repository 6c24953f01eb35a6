import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendJson, type PublicCache } from '../../platform/public-cache.js';
import { AUTHORITY_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import type { Principal } from '../../platform/principal.js';
import type { AuthorityService } from '../authorities/authorities.service.js';
import { authorizedStatsScope } from './statistics.policy.js';
import { presentStatistics } from './statistics.presenter.js';
import { PublicStatsSchema, StatsSchema, YearQuery } from './statistics.schema.js';
import type { StatisticsService } from './statistics.service.js';
import { renderStatisticsXlsx } from './statistics.xlsx.js';

/** Industry statistics: MIIT national, an authority its jurisdiction, the public national totals. */
export async function statisticsRoutes(root: FastifyInstance, deps: { statistics: StatisticsService; authorities: AuthorityService; publicCache: PublicCache }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const scoped = async (principal: Principal | null, year?: number) => {
    const scope = authorizedStatsScope(principal);
    const s = await deps.statistics.compute(scope, year);
    const name = scope.kind === 'all' ? '全国' : ((await deps.authorities.get(scope.authorityId))?.name ?? scope.authorityId);
    return presentStatistics(s, scope, name);
  };

  app.get('/api/v1/statistics', {
    config: { policy: { roles: [...AUTHORITY_ROLES, ...MINISTRY_ROLES] } },
    schema: { tags: ['statistics'], summary: '行业统计（工信部全国；主管部门本辖区） Industry statistics', querystring: YearQuery, response: { 200: StatsSchema } },
    handler: async (req) => scoped(req.principal, req.query.year),
  });

  app.get('/api/v1/statistics.xlsx', {
    config: { policy: { roles: [...AUTHORITY_ROLES, ...MINISTRY_ROLES] } },
    schema: { tags: ['statistics'], summary: '下载行业统计（.xlsx） Download the statistics', querystring: YearQuery },
    handler: async (req, reply) => {
      const s = await scoped(req.principal, req.query.year);
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
