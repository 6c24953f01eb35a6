import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUTHORITY_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { LEGACY_TOKEN_SCOPES } from '../../platform/scopes.js';
import type { AuthorityService } from '../authorities/authorities.service.js';
import { presentEnterprise, presentSite } from './enterprises.presenter.js';
import {
  CreateEnterpriseBody,
  EnterpriseIdParam,
  EnterpriseSchema,
  ListEnterprisesQuery,
  SiteBody,
  SiteParams,
  SiteSchema,
  UpdateEnterpriseBody,
  UpdateSiteBody,
} from './enterprises.schema.js';
import { enterpriseScope } from './enterprises.policy.js';
import type { EnterpriseService } from './enterprises.service.js';

/** Who may call these at all; which enterprise they may touch is enterprises.policy.ts. */
const READERS = [...ENTERPRISE_ROLES, ...AUTHORITY_ROLES, ...MINISTRY_ROLES, 'enterprise_token'] as const;
const OVERSEERS = [...AUTHORITY_ROLES, ...MINISTRY_ROLES] as const;

export async function enterpriseRoutes(
  root: FastifyInstance,
  { enterprises, authorities }: { enterprises: EnterpriseService; authorities: AuthorityService },
) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const present = (e: Parameters<typeof presentEnterprise>[1]) => presentEnterprise(authorities, e);

  app.get('/api/v1/enterprises', {
    config: { policy: { roles: READERS, scope: LEGACY_TOKEN_SCOPES } },
    schema: {
      tags: ['enterprises'],
      summary: '企业列表（按调用者权限过滤） Enterprises visible to the caller',
      querystring: ListEnterprisesQuery,
      response: { 200: z.object({ items: z.array(EnterpriseSchema), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
    handler: async (req) => {
      const { page, pageSize, q, province, authorityId } = req.query;
      const regionPrefix = province ? (province.endsWith('0000') ? province.slice(0, 2) : province.endsWith('00') ? province.slice(0, 4) : province) : undefined;
      const { items, total } = await enterprises.list(req.principal, { q, regionPrefix, authorityId }, page, pageSize);
      return { items: await Promise.all(items.map(present)), total, page, pageSize };
    },
  });

  app.get('/api/v1/enterprises/stats/by-region', {
    config: { policy: { roles: OVERSEERS } },
    schema: {
      tags: ['enterprises'],
      summary: '按省份统计企业数 Enterprise counts by province',
      response: { 200: z.object({ items: z.array(z.object({ regionCode: z.string(), regionName: z.string(), count: z.number() })) }) },
    },
    handler: async (req) => ({ items: await enterprises.statsByProvince(req.principal) }),
  });

  app.get('/api/v1/enterprises/stats/by-city', {
    config: { policy: { roles: OVERSEERS } },
    schema: {
      tags: ['enterprises'],
      summary: '按城市统计企业数（省级主管部门的本省图表） Enterprise counts by city',
      description: 'GB/T 2260 prefecture (xxxx00; districts in the four municipalities), named from the enterprises\' addresses.',
      response: { 200: z.object({ items: z.array(z.object({ regionCode: z.string(), regionName: z.string(), count: z.number() })) }) },
    },
    handler: async (req) => ({ items: await enterprises.statsByCity(enterpriseScope(req.principal)) }),
  });

  app.post('/api/v1/enterprises', {
    config: { policy: { roles: ['authority_admin', 'ministry_admin'] } },
    schema: { tags: ['enterprises'], summary: '登记企业 Register an enterprise', body: CreateEnterpriseBody, response: { 201: EnterpriseSchema } },
    handler: async (req, reply) => reply.status(201).send(await present(await enterprises.create(req.ctx, req.body))),
  });

  app.get('/api/v1/enterprises/:id', {
    config: { policy: { roles: READERS, scope: LEGACY_TOKEN_SCOPES } },
    schema: { tags: ['enterprises'], summary: '企业详情 One enterprise', params: EnterpriseIdParam, response: { 200: EnterpriseSchema } },
    handler: async (req) => present(await enterprises.load(req.principal, req.params.id)),
  });

  app.patch('/api/v1/enterprises/:id', {
    config: { policy: { roles: ['enterprise_admin', 'authority_admin', 'ministry_admin'] } },
    schema: { tags: ['enterprises'], summary: '修改企业信息 Update an enterprise', params: EnterpriseIdParam, body: UpdateEnterpriseBody, response: { 200: EnterpriseSchema } },
    handler: async (req) => present(await enterprises.update(req.ctx, req.params.id, req.body)),
  });

  app.get('/api/v1/enterprises/:id/sites', {
    config: { policy: { roles: READERS, scope: LEGACY_TOKEN_SCOPES } },
    schema: { tags: ['enterprises'], summary: '厂区列表 Sites of an enterprise', params: EnterpriseIdParam, response: { 200: z.object({ items: z.array(SiteSchema) }) } },
    handler: async (req) => ({ items: (await enterprises.listSites(req.principal, req.params.id)).map(presentSite) }),
  });

  app.post('/api/v1/enterprises/:id/sites', {
    config: { policy: { roles: ['enterprise_admin', 'ministry_admin'] } },
    schema: { tags: ['enterprises'], summary: '新增厂区 Add a site', params: EnterpriseIdParam, body: SiteBody, response: { 201: SiteSchema } },
    handler: async (req, reply) => reply.status(201).send(presentSite(await enterprises.createSite(req.ctx, req.params.id, req.body))),
  });

  app.patch('/api/v1/enterprises/:id/sites/:siteId', {
    config: { policy: { roles: ['enterprise_admin', 'ministry_admin'] } },
    schema: { tags: ['enterprises'], summary: '修改厂区 Update a site', params: SiteParams, body: UpdateSiteBody, response: { 200: SiteSchema } },
    handler: async (req) => presentSite(await enterprises.updateSite(req.ctx, req.params.id, req.params.siteId, req.body)),
  });
}
